import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';

/**
 * Issue 13, "Done means": sturing reads voorzieningen. A herziening that grants the same product
 * from a later date replaces the old voorziening from that date (vervangen, beeindigd_op = the day
 * before); the cost and client figures over a period covering both are the same as before, and the
 * facts hold no two rows for that person and product on one day. Runs on PGlite and the server.
 */
let t: TestApp;
let regisseur: Client;
let teamleider: Client;
let beslisser: Client;
let beslisser2: Client;
let beleid: Client;

interface Kpi { teller: number; noemer: number; waarde: number | null }
interface Feit { voorziening_id: string; ref: string; begin: string; eind: string; jaarbedrag_cents: string; persoon_id: string; productcode: string | null }

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, teamleider, beslisser, beslisser2, beleid] = (await Promise.all(['regisseur', 'teamleider', 'beslisser', 'beslisser2', 'beleid'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client];
});
afterAll(async () => t?.close());

const HBH = 'Hulp bij het huishouden (maatwerk)';
const product = (arrangementItemId: string, ingangsdatum: string) => ({
  arrangementItemId, uitkomst: 'toegekend', omvang: 2, eenheid: 'uur', periode: 'week', ingangsdatum, einddatum: '2026-12-31', leveringsvorm: 'zin',
});

/** Four eyes (toets, beoordeling, besluit by three people), then sent: the voorzieningen exist from then on. */
async function beslisEnVerzend(aanvraagId: string, producten: Record<string, unknown>[]): Promise<string> {
  expect((await teamleider.post(`/api/v1/aanvragen/${aanvraagId}/toets`, {})).status).toBe(200);
  expect((await beslisser2.post(`/api/v1/aanvragen/${aanvraagId}/beoordeling`, {})).status).toBe(200);
  const r = await beslisser.post<{ beschikkingId: string; status: string }>(`/api/v1/aanvragen/${aanvraagId}/besluit`, { producten, motivering: 'Passend bij het doel in het plan.' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const v = await beslisser.post(`/api/v1/aanvragen/${aanvraagId}/verzending`, {});
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  return r.body.beschikkingId;
}

const kpi = async (id: string, q: string) => {
  const r = await beleid.get<Kpi>(`/api/v1/kpis/${id}?${q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { teller: r.body.teller, noemer: r.body.noemer, waarde: r.body.waarde };
};

describe('sturing na een herziening: geen dubbele kosten en geen dubbele cliënt', () => {
  it('dezelfde voorziening vanaf een latere datum: kosten per inwoner, kosten per cliënt en het aantal cliënten blijven gelijk; geen overlappende feiten', async () => {
    const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: '2026-01-02' }));
    const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
      leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon en leefbaar huis', meetbaarResultaat: 'Huis wekelijks schoon', streefdatum: '2027-06-01',
    });
    const hbh = (await regisseur.get<{ id: string; naam: string; productcode: string | null }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => i.naam === HBH)!;
    expect(hbh.productcode).toBe('01A01');
    const item = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId: doel.body.id, trede: 4, catalogusItemId: hbh.id, motivering: 'Mevrouw kan door haar heup niet meer zwaar schoonmaken.',
    })).body.id;
    const aanvraag = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item], ontvangenOp: '2026-01-02' })).body.id;
    const oud = await beslisEnVerzend(aanvraag, [product(item, '2026-01-05')]);

    // The whole of 2026, for the whole gemeente and for this product only: both cover the overlap.
    const perioden = ['van=2026-01-01&tot=2026-12-31', `van=2026-01-01&tot=2026-12-31&product=${hbh.id}`, `van=2026-03-01&tot=2026-05-31&product=${hbh.id}`];
    const cijfers = async () => {
      const uit: Record<string, Kpi> = {};
      for (const q of perioden) {
        uit[`kosten-per-client ${q}`] = await kpi('kosten-per-client', q);
        uit[`kosten-per-inwoner ${q}`] = await kpi('kosten-per-inwoner', q);
      }
      return uit;
    };
    const voor = await cijfers();
    // The client counted once, at the product's cost for the days it ran.
    expect(voor[`kosten-per-client ${perioden[1]}`]!.noemer).toBeGreaterThanOrEqual(1);
    expect(voor[`kosten-per-client ${perioden[1]}`]!.teller).toBeGreaterThan(0);

    // A herziening grants the same product, the same hours, from 1 April.
    const h = await regisseur.post<{ id: string }>(`/api/v1/beschikkingen/${oud}/herziening`, { reden: 'Herbeoordeling: dezelfde hulp, nieuwe beschikking per 1 april' });
    expect(h.status, JSON.stringify(h.body)).toBe(201);
    await beslisEnVerzend(h.body.id, [product(item, '2026-04-01')]);

    const feiten = (await sql<Feit>`select f.voorziening_id, f.ref, f.begin::text, f.eind::text, f.jaarbedrag_cents::text, f.persoon_id, f.productcode
      from voorziening_feiten f where f.casus_id = ${casusId} order by f.begin`.execute(t.database.db)).rows;
    // The old one ends the day before the new one begins; the new one runs to the granted end.
    expect(feiten.map((f) => [f.begin, f.eind, f.productcode])).toEqual([['2026-01-05', '2026-03-31', '01A01'], ['2026-04-01', '2026-12-31', '01A01']]);
    const status = (await sql<{ nummer: string; status: string; vervangen_door: string | null }>`select nummer, status, vervangen_door from voorzieningen
      where casus_id = ${casusId} order by begin`.execute(t.database.db)).rows;
    expect(status.map((s) => s.status)).toEqual(['vervangen', 'toegekend']);
    expect(status[0]!.vervangen_door).not.toBeNull();
    // No two facts of one person and product share a day.
    const overlap = await sql<{ n: number }>`select count(*)::int as n from voorziening_feiten a join voorziening_feiten b
      on a.persoon_id = b.persoon_id and a.productcode = b.productcode and a.voorziening_id < b.voorziening_id
      and a.begin <= b.eind and b.begin <= a.eind where a.casus_id = ${casusId}`.execute(t.database.db);
    expect(overlap.rows[0]!.n).toBe(0);

    // The same figures: cost (in whole euros) and the number of clients, over the year and over the months around the change.
    expect(await cijfers()).toEqual(voor);
  });
});
