import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

/**
 * ADR 34: the demo seed creates its meldingen, gesprekken, plannen and aanvragen through the same use
 * cases as the API, so it leaves the same audit trail — under 'systeem' where nobody acts (the
 * registration of a melding), otherwise under the demo user who does the step.
 */
let t: TestApp;
let gemeenteId: string;

beforeAll(async () => {
  t = await startTestApp();
  gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t?.close());

/** The audit entries of Demodorp for one resource type, as `resourceId → entries`. */
async function regels(resourceType: string) {
  const rijen = await t.database.db.selectFrom('auditlog')
    .select(['resource_id', 'actie', 'doel', 'gebruikersnaam', 'rol', 'persoon_id'])
    .where('gemeente_id', '=', gemeenteId).where('resource_type', '=', resourceType).execute();
  const per = new Map<string, typeof rijen>();
  for (const r of rijen) per.set(r.resource_id, [...(per.get(r.resource_id) ?? []), r]);
  return per;
}

describe('de demo legt in de audittrail vast wat zij via de use cases aanmaakt', () => {
  it('elke gezaaide melding is geregistreerd door "systeem", in de audittrail van de inwoner', async () => {
    const meldingen = await t.database.db.selectFrom('meldingen').select(['id', 'persoon_id']).where('gemeente_id', '=', gemeenteId).execute();
    expect(meldingen.length).toBeGreaterThan(10);
    const per = await regels('melding');
    for (const m of meldingen) {
      expect(per.get(m.id), `melding ${m.id}`).toContainEqual(expect.objectContaining({
        actie: 'aanmaken', doel: 'melding registreren', gebruikersnaam: 'systeem', rol: 'systeem', persoon_id: m.persoon_id,
      }));
    }
  });

  it('elke triage, elk gesprek en elk doel van een plan staat in de audittrail, op naam van de demo-regisseur', async () => {
    const db = t.database.db;
    const getrieerd = await db.selectFrom('meldingen').select('id').where('gemeente_id', '=', gemeenteId).where('triage_uitkomst', 'is not', null).execute();
    const meldingRegels = await regels('melding');
    expect(getrieerd.length).toBeGreaterThan(0);
    for (const m of getrieerd) expect(meldingRegels.get(m.id)).toContainEqual(expect.objectContaining({ actie: 'wijzigen', doel: 'triage', rol: 'regisseur' }));

    const gesprekken = await db.selectFrom('gesprekken').select('id').where('gemeente_id', '=', gemeenteId).execute();
    const gesprekRegels = await regels('gesprek');
    expect(gesprekken.length).toBeGreaterThan(0);
    for (const g of gesprekken) expect(gesprekRegels.get(g.id)).toContainEqual(expect.objectContaining({ actie: 'aanmaken', doel: 'gesprek vastleggen', rol: 'regisseur' }));

    const doelen = await db.selectFrom('doelen').select('id').where('gemeente_id', '=', gemeenteId).execute();
    const planRegels = await regels('plan');
    expect(doelen.length).toBeGreaterThan(0);
    for (const d of doelen) expect(planRegels.get(d.id)).toContainEqual(expect.objectContaining({ actie: 'wijzigen', doel: 'doel toevoegen' }));
    const items = await db.selectFrom('arrangement_items').select('id').where('gemeente_id', '=', gemeenteId).execute();
    for (const i of items) expect(planRegels.get(i.id)).toContainEqual(expect.objectContaining({ actie: 'wijzigen', doel: 'arrangement samenstellen' }));
  });

  it('elke aanvraag en elke stap ervan (toetsen, beoordelen, besluiten, verzenden) staat in de audittrail', async () => {
    const db = t.database.db;
    const aanvragen = await db.selectFrom('aanvragen').select(['id', 'status']).where('gemeente_id', '=', gemeenteId).execute();
    expect(aanvragen.length).toBeGreaterThan(0);
    const per = await regels('aanvraag');
    for (const a of aanvragen) {
      const doelen = new Set((per.get(a.id) ?? []).map((r) => r.doel));
      expect(doelen.has('aanvraag indienen') || doelen.has('aanvraag van de inwoner registreren') || doelen.has('herziening'), `aanvraag ${a.id}`).toBe(true);
      if (a.status === 'verzonden') {
        for (const d of ['aanvraag toetsen', 'aanvraag beoordelen', 'besluiten', 'beschikking verzenden']) expect(doelen, `${a.id}: ${d}`).toContain(d);
      }
    }
    expect(aanvragen.some((a) => a.status === 'verzonden')).toBe(true);
  });
});
