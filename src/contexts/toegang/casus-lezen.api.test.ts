import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../platform/audit/store.ts';
import { inGemeente, type Actor } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type TestApp } from '../../testing/harness.ts';
import { huishoudenLeden } from '../inwoners/index.ts';
import { casusBundel } from './casus-lezen.ts';
import { betrokkenenVanCasus, getCasus, meldingenVanCasus, regisseurHistorie, termijnenVanMeldingen } from './store.ts';

/**
 * The casus page reads its rows in one query (ADR 28). The four queries it replaces stay here as
 * the reference: for every casus of the demo gemeenten, the same casus, members, history and
 * betrokkenen, in the same order — also after a handover and a betrokkene added.
 */
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => t?.close());

/** Sorted by `sleutel`, then id: the separate queries leave the order of equal keys open. */
const opVolgorde = <T extends { id: string }>(rijen: T[], sleutel: (r: T) => string) =>
  [...rijen].sort((a, b) => sleutel(a).localeCompare(sleutel(b)) || a.id.localeCompare(b.id));
let metMeldingen = 0;
let metTermijnen = 0;

async function vergelijkAlles() {
  const gemeenten = await t.database.db.selectFrom('gemeenten').select('id').execute();
  let aantal = 0;
  for (const { id: gemeenteId } of gemeenten) {
    await inGemeente(t.database.db, gemeenteId, async (tx) => {
      for (const { id } of await tx.selectFrom('casussen').select('id').execute()) {
        const oud = await getCasus(tx, id);
        const leden = await huishoudenLeden(tx, oud!.huishoudenId);
        const nieuw = await casusBundel(tx, id);
        expect(nieuw?.casus).toEqual({ ...oud, geopendOp: new Date(oud!.geopendOp) });
        expect(nieuw?.leden).toEqual(leden.map((l) => ({ id: l.id, voornaam: l.voornaam, tussenvoegsel: l.tussenvoegsel ?? null, achternaam: l.achternaam, geboortedatum: l.geboortedatum })));
        expect(nieuw?.historie).toEqual((await regisseurHistorie(tx, id)).map((h) => ({ ...h, moment: new Date(h.moment) })));
        expect(nieuw?.betrokkenen).toEqual((await betrokkenenVanCasus(tx, id)).map((b) => ({ ...b, toegevoegdOp: new Date(b.toegevoegdOp) })));
        // Meldingen by date received and terms by creation, as the separate queries; ties (same day) in either order.
        const meldingen = await meldingenVanCasus(tx, id);
        expect(opVolgorde(nieuw!.meldingen, (m) => m.ontvangenOp)).toEqual(opVolgorde(meldingen.map((m) => ({ ...m, aangemaaktOp: new Date(m.aangemaaktOp) })), (m) => m.ontvangenOp));
        const termijnen = meldingen.length > 0 ? await termijnenVanMeldingen(tx, meldingen.map((m) => m.id)) : [];
        expect(opVolgorde(nieuw!.termijnen, () => '')).toEqual(opVolgorde(termijnen, () => ''));
        metMeldingen += meldingen.length > 0 ? 1 : 0;
        metTermijnen += termijnen.some((x) => x.opschortingen.length > 0 || x.verdaging) ? 1 : 0;
        aantal++;
      }
      expect(await casusBundel(tx, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });
  }
  return aantal;
}

describe('casus lezen in één query', () => {
  it('geeft voor elke casus dezelfde casus, leden, regisseurhistorie, betrokkenen, meldingen en termijnen als de losse queries', async () => {
    expect(await vergelijkAlles()).toBeGreaterThan(3);
    expect(metMeldingen).toBeGreaterThan(3);
  });

  it('ook na een overdracht, een toegevoegde betrokkene, een opgeschorte en een verdaagde termijn', async () => {
    const teamleider = await t.login('teamleider');
    const casus = await t.database.db.selectFrom('casussen as c').innerJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
      .select(['c.id']).where('g.gebruikersnaam', '=', 'regisseur').where('c.status', '=', 'open').executeTakeFirstOrThrow();
    const regisseur2 = await t.database.db.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', 'regisseur2').executeTakeFirstOrThrow();
    expect((await teamleider.post(`/api/v1/casussen/${casus.id}/regisseur`, { regisseurId: regisseur2.id, reden: 'Verlof' })).status).toBe(200);
    const regisseur = await t.database.db.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', 'regisseur').executeTakeFirstOrThrow();
    expect((await teamleider.post(`/api/v1/casussen/${casus.id}/betrokkenen`, { gebruikerId: regisseur.id, rol: 'vervanger' })).status).toBe(201);
    // Two new meldingen in a casus, one term suspended and one postponed: the terms' nested parts compared too.
    const regisseurClient = await t.login('regisseur');
    const dag = (n: number) => new Date(Date.parse(`${vandaag()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const nieuw: string[] = [];
    for (let i = 0; i < 2; i++) {
      const m = await regisseurClient.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: dag(-5) }));
      expect(m.status).toBe(201);
      expect((await regisseurClient.post(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).status).toBe(200);
      nieuw.push(m.body.id);
    }
    expect((await regisseurClient.post(`/api/v1/meldingen/${nieuw[0]}/opschortingen`, { van: dag(-4), tot: dag(-2), reden: 'Wacht op informatie' })).status).toBe(200);
    expect((await regisseurClient.post(`/api/v1/meldingen/${nieuw[1]}/verdaging`, { nieuweDatum: dag(60), reden: 'Advies nodig' })).status).toBe(200);
    metTermijnen = 0;
    await vergelijkAlles();
    expect(metTermijnen).toBeGreaterThanOrEqual(2);
  });
});

describe('de audit van een casus lezen in dezelfde query', () => {
  const velden = ['gemeente_id', 'gebruiker_id', 'gebruikersnaam', 'rol', 'actie', 'resource_type', 'resource_id', 'persoon_id', 'doel', 'volgnummer', 'hash'] as const;

  it('schrijft per casus dezelfde auditregels als appendAudit (één per lid, met dezelfde inhoud en volgorde), en niets voor een onbekende casus', async () => {
    const gemeenten = await t.database.db.selectFrom('gemeenten').select('id').execute();
    let vergeleken = 0;
    for (const { id: gemeenteId } of gemeenten) {
      const actor: Actor = { gebruikerId: null, gebruikersnaam: 'test', gemeenteId, rollen: ['teamleider'], rol: 'teamleider', aanbiederId: null };
      await inGemeente(t.database.db, gemeenteId, async (tx) => {
        const nieuwste = async () => Number((await tx.selectFrom('auditlog').select((e) => e.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
        const sinds = (id: number) => tx.selectFrom('auditlog').select(velden).where('id', '>', id).orderBy('id').execute();
        for (const { id } of await tx.selectFrom('casussen').select('id').execute()) {
          const leden = await huishoudenLeden(tx, (await getCasus(tx, id))!.huishoudenId);
          const voorOud = await nieuwste();
          await appendAudit(tx, actor, leden.map((l) => ({ actie: 'lezen', resourceType: 'casus', resourceId: id, persoonId: l.id, doel: 'casus inzien' })));
          const oud = await sinds(voorOud);
          const voorNieuw = await nieuwste();
          // The id as a client may write it (upper case) still gives the casus's own id in the trail.
          const b = await casusBundel(tx, id.toUpperCase(), { actor, actie: 'lezen', doel: 'casus inzien' });
          const nieuw = await sinds(voorNieuw);
          expect(nieuw).toEqual(oud);
          expect(nieuw.map((r) => r.persoon_id).sort()).toEqual(b!.leden.map((l) => l.id).sort());
          expect(nieuw.length).toBe(leden.length);
          vergeleken++;
        }
        const voor = await nieuwste();
        expect(await casusBundel(tx, '00000000-0000-4000-8000-000000000000', { actor, actie: 'lezen', doel: 'casus inzien' })).toBeUndefined();
        expect(await sinds(voor)).toEqual([]);
      });
    }
    expect(vergeleken).toBeGreaterThan(3);
  });

  it('GET /casussen/{id} legt één regel per lid van het huishouden vast met de rol en het doel van de lezer', async () => {
    const teamleider = await t.login('teamleider');
    const casus = await t.database.db.selectFrom('casussen as c').innerJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
      .select(['c.id', 'c.huishouden_id']).where('g.gebruikersnaam', '=', 'regisseur').executeTakeFirstOrThrow();
    const voor = Number((await t.database.db.selectFrom('auditlog').select((e) => e.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
    const r = await teamleider.get<{ leden: { id: string }[] }>(`/api/v1/casussen/${casus.id}`);
    expect(r.status).toBe(200);
    const regels = await t.database.db.selectFrom('auditlog').select(['gebruikersnaam', 'rol', 'actie', 'resource_type', 'resource_id', 'persoon_id', 'doel'])
      .where('id', '>', voor).where('resource_type', '=', 'casus').orderBy('id').execute();
    const leden = await t.database.db.selectFrom('personen').select('id').where('huishouden_id', '=', casus.huishouden_id).execute();
    expect(regels.map((x) => x.persoon_id).sort()).toEqual(leden.map((l) => l.id).sort());
    expect(new Set(regels.map((x) => `${x.gebruikersnaam}|${x.rol}|${x.actie}|${x.resource_id}|${x.doel}`))).toEqual(new Set([`teamleider|teamleider|lezen|${casus.id}|casus inzien`]));
    expect(r.body.leden.map((l) => l.id).sort()).toEqual(regels.map((x) => x.persoon_id).sort());
  });
});
