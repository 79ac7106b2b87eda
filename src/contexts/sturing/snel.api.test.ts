import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaaiDemoHistorie } from '../../demo/historie.ts';
import { addDays, formatISO, parseISO } from 'date-fns';
import { vandaag } from '../../platform/time.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { referentieBronnen } from './referentie.ts';
import { DIMENSIES, KPIS, laatsteDag, maanden, nietTeSnijden, type KpiDefinitie } from './rules.ts';
import { aantalBerekend, normen, vergeetBerekend, type KpiFilter } from './store.ts';
import { berekenKpi, metNorm, verdeelKpi } from './usecases.ts';

/**
 * ADR 0029: the dashboards read derived facts (first conversation per casus, ZRM change per
 * evaluation) and serve figures from memory per facts version. Every figure must equal the old
 * per-row computation (referentie.ts) on a gemeente with five years of history, again after
 * decisions through the API without any rebuild, and sturing_opbouwen must rebuild the same rows.
 */
let t: TestApp;
let gemeenteId: string;
let regisseur: Client;
let teamleider: Client;
let beslisser: Client;
let beslisser2: Client;
let beleid: Client;
const vandaagNL = vandaag();
const plusDagen = (d: string, n: number) => formatISO(addDays(parseISO(d), n), { representation: 'date' });

interface Keuzes { kern: string; wijk: string; team: string; regisseur: string; product: string | undefined; aanbieder: string | undefined; bekostiging: string | undefined }
let keuzes: Keuzes;

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, teamleider, beslisser, beslisser2, beleid] = (await Promise.all(['regisseur', 'teamleider', 'beslisser', 'beslisser2', 'beleid'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client];
  const r = await zaaiDemoHistorie(t.database.db, vandaagNL, 1200);
  gemeenteId = r!.gemeenteId;
  const een = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(t.database.db)).rows[0]!;
  const enige = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(t.database.db)).rows[0] as T | undefined;
  // The busiest of each, so every cut has rows.
  keuzes = {
    kern: (await een<{ id: string }>(sql`select w.kern_id as id from meldingen m join wijken w on w.id = m.wijk_id where m.gemeente_id = ${gemeenteId} group by 1 order by count(*) desc limit 1`)).id,
    wijk: (await een<{ id: string }>(sql`select wijk_id as id from meldingen where gemeente_id = ${gemeenteId} and wijk_id is not null group by 1 order by count(*) desc limit 1`)).id,
    team: (await een<{ id: string }>(sql`select g.team_id as id from casussen c join gebruikers g on g.id = c.regisseur_id where c.gemeente_id = ${gemeenteId} and g.team_id is not null group by 1 order by count(*) desc limit 1`)).id,
    regisseur: (await een<{ id: string }>(sql`select regisseur_id as id from casussen where gemeente_id = ${gemeenteId} and regisseur_id is not null group by 1 order by count(*) desc limit 1`)).id,
    // The provisions' cuts: from the voorzieningen (their facts), if the history has any with that cut.
    product: (await enige<{ id: string }>(sql`select product_id as id from voorziening_feiten where gemeente_id = ${gemeenteId} and product_id is not null group by 1 order by count(*) desc limit 1`))?.id,
    aanbieder: (await enige<{ id: string }>(sql`select aanbieder_id as id from voorziening_feiten where gemeente_id = ${gemeenteId} and aanbieder_id is not null group by 1 order by count(*) desc limit 1`))?.id,
    bekostiging: (await enige<{ id: string }>(sql`select bekostiging as id from voorziening_feiten where gemeente_id = ${gemeenteId} and bekostiging is not null group by 1 order by count(*) desc limit 1`))?.id,
  };
}, 600_000);
afterAll(async () => t?.close());

const jaarTerug = plusDagen(vandaagNL, -364);
/** The periods and cuts asked of every KPI that can be cut that way. */
const vragen = (): Record<string, string>[] => ([
  { van: jaarTerug, tot: vandaagNL },
  { van: plusDagen(vandaagNL, -5 * 365), tot: plusDagen(vandaagNL, -400) },
  { van: jaarTerug, tot: vandaagNL, wet: 'wmo', kern: keuzes.kern },
  { van: jaarTerug, tot: vandaagNL, wet: 'jeugdwet' },
  { van: jaarTerug, tot: vandaagNL, wijk: keuzes.wijk },
  { van: jaarTerug, tot: vandaagNL, team: keuzes.team },
  { van: jaarTerug, tot: vandaagNL, regisseur: keuzes.regisseur },
  { van: jaarTerug, tot: vandaagNL, product: keuzes.product },
  { van: jaarTerug, tot: vandaagNL, aanbieder: keuzes.aanbieder },
  { van: jaarTerug, tot: vandaagNL, bekostiging: keuzes.bekostiging },
  { van: jaarTerug, tot: vandaagNL, stap: 'beschikking' },
] as Record<string, string | undefined>[]).filter((q): q is Record<string, string> => Object.values(q).every((v) => v !== undefined));

const alsFilter = (q: Record<string, string>): KpiFilter => ({
  van: q.van!, tot: q.tot!, wet: q.wet, kernId: q.kern, wijkId: q.wijk, teamId: q.team, regisseurId: q.regisseur, productId: q.product, aanbieder: q.aanbieder,
  bekostiging: q.bekostiging, stap: q.stap,
});

/** Figure, teller/noemer, series and every breakdown through the API (from memory or fresh) against the reference computation. */
async function vergelijkAlles(): Promise<number> {
  let vergeleken = 0;
  for (const def of KPIS) {
    for (const q of vragen()) {
      if (nietTeSnijden(def, { kern: q.kern, wijk: q.wijk, team: q.team, regisseur: q.regisseur, product: q.product, aanbieder: q.aanbieder, bekostiging: q.bekostiging, stap: q.stap, wet: q.wet })) continue;
      const zoek = new URLSearchParams(q).toString();
      const verwacht = await referentie(def, q);
      const api = await beleid.get(`/api/v1/kpis/${def.id}?${zoek}`);
      expect(api.status).toBe(200);
      expect(api.body, `${def.id} ${zoek}`).toEqual(verwacht);
      vergeleken++;
    }
    const q = vragen()[0]!;
    for (const per of DIMENSIES.filter((d) => def.dimensies.includes(d))) {
      const verwacht = await inGemeente(t.database.db, gemeenteId, async (tx) => verdeelKpi(tx, metNorm(def, await normen(tx)), alsFilter(q), per, referentieBronnen));
      const api = await beleid.get<{ rijen: unknown[] }>(`/api/v1/kpis/${def.id}/verdeling?${new URLSearchParams({ ...q, per }).toString()}`);
      expect(api.status).toBe(200);
      expect(api.body.rijen, `${def.id} per ${per}`).toEqual(verwacht);
      vergeleken++;
    }
  }
  return vergeleken;
}

const referentie = (def: KpiDefinitie, q: Record<string, string>) =>
  inGemeente(t.database.db, gemeenteId, async (tx) => berekenKpi(tx, metNorm(def, await normen(tx)), alsFilter(q), referentieBronnen));

/** What sturing derives (migrations 0021, 0022 and 0028), in a fixed order. */
const afgeleid = async () => ({
  gesprekken: (await sql`select casus_id, eerste_gesprek::text from casus_gesprek_feiten where gemeente_id = ${gemeenteId} order by casus_id`.execute(t.database.db)).rows,
  zrm: (await sql`select gesprek_id, casus_id, datum::text, verschil, aantal from zrm_feiten where gemeente_id = ${gemeenteId} order by gesprek_id`.execute(t.database.db)).rows,
  besluiten: (await sql`select beschikking_product_id, aanvraag_id, casus_id, wijk_id, wet, product_id, besloten::text, ref from besluit_feiten
    where gemeente_id = ${gemeenteId} order by beschikking_product_id`.execute(t.database.db)).rows,
  voorzieningen: (await sql`select voorziening_id, beschikking_product_id, casus_id, persoon_id, wijk_id, wet, product_id, productcode, aanbieder_id, aanbieder,
      bekostiging, begin::text, eind::text, jaarbedrag_cents::text, ref
    from voorziening_feiten where gemeente_id = ${gemeenteId} order by voorziening_id`.execute(t.database.db)).rows,
  termijnen: (await sql<{ casus_id: string | null; aanvraag_id: string | null }>`select termijn_id, afgerond::text, wet, soort, binnen, melding_id, aanvraag_id, casus_id, wijk_id
    from termijn_feiten where gemeente_id = ${gemeenteId} order by termijn_id`.execute(t.database.db)).rows,
});

describe('dashboards uit afgeleide feiten en geheugen: dezelfde cijfers als per rij berekend', () => {
  it('elke KPI, elk filter, elke reeks en elke verdeling is gelijk aan de oude berekening, koud en uit het geheugen', async () => {
    expect((await afgeleid()).zrm.length).toBeGreaterThan(10);
    expect((await afgeleid()).besluiten.length).toBeGreaterThan(10);
    // The history's voorzieningen (H7's generator) with their aanbieders and bekostiging: every cut has rows.
    expect((await afgeleid()).voorzieningen.length).toBeGreaterThan(10);
    // Finished terms of meldingen and aanvragen, with their casus (migration 0036).
    expect((await afgeleid()).termijnen.filter((r) => r.casus_id && r.aanvraag_id).length).toBeGreaterThan(10);
    expect([keuzes.product, keuzes.aanbieder, keuzes.bekostiging].every(Boolean)).toBe(true);
    vergeetBerekend();
    // A request through the API (session, row-level security) keeps what it computed.
    expect((await beleid.get(`/api/v1/kpis/nieuwe-meldingen?van=${jaarTerug}&tot=${vandaagNL}`)).status).toBe(200);
    expect(aantalBerekend()).toBeGreaterThan(0);
    vergeetBerekend();
    const koud = await vergelijkAlles();
    expect(koud).toBeGreaterThan(100);
    // Again: now from memory (same facts version), still the same figures.
    expect(await vergelijkAlles()).toBe(koud);
  }, 600_000);

  it('gefilterd op een kern, wijk, product, aanbieder of bekostiging is elk cijfer gelijk aan de rij van die groep in de verdeling, tot op de euro', async () => {
    vergeetBerekend();
    let vergeleken = 0;
    // Each row of a comparison is the figure of that group on its own, also where a sum of
    // fractional euros rounds differently per month than over the whole period. Every group, three
    // periods (a whole year, a broken month to a broken month, five years back).
    const filters: Partial<Record<string, string>> = { kern: 'kern', wijk: 'wijk', product: 'product', aanbieder: 'aanbieder', bekostiging: 'bekostiging' };
    const perioden = [{ van: jaarTerug, tot: vandaagNL }, { van: plusDagen(vandaagNL, -200), tot: plusDagen(vandaagNL, -17) }, { van: plusDagen(vandaagNL, -5 * 365), tot: plusDagen(vandaagNL, -400) }];
    // The change KPIs compare with a base period in the figure, not per group: left out.
    for (const def of KPIS.filter((d) => !d.id.startsWith('verandering-'))) {
      for (const per of DIMENSIES.filter((d) => def.dimensies.includes(d) && filters[d])) {
        for (const q of perioden) {
          const verdeling = await beleid.get<{ rijen: { sleutel: string | null; teller: number; noemer: number }[] }>(`/api/v1/kpis/${def.id}/verdeling?${new URLSearchParams({ ...q, per }).toString()}`);
          expect(verdeling.status).toBe(200);
          for (const rij of verdeling.body.rijen.filter((r) => r.sleutel !== null)) {
            const gefilterd = await beleid.get<{ teller: number; noemer: number }>(`/api/v1/kpis/${def.id}?${new URLSearchParams({ ...q, [filters[per]!]: rij.sleutel! }).toString()}`);
            expect(gefilterd.status).toBe(200);
            expect({ teller: gefilterd.body.teller, noemer: gefilterd.body.noemer }, `${def.id} per ${per} ${rij.sleutel} ${q.van}`).toEqual({ teller: rij.teller, noemer: rij.noemer });
            vergeleken++;
          }
        }
      }
    }
    expect(vergeleken).toBeGreaterThan(50);
  }, 600_000);

  it('kosten per cliënt per maand: de noemer is elke maand het aantal verschillende inwoners met een lopende voorziening, zoals per rij geteld', async () => {
    vergeetBerekend();
    // Counted the plain way: every provision spread over the months of the period, distinct persons per month.
    const perRij = async (q: Record<string, string>) => {
      const wijken = q.kern ? (await sql<{ id: string }>`select id from wijken where kern_id = ${q.kern}`.execute(t.database.db)).rows.map((w) => w.id) : null;
      const r = await sql<{ maand: string; n: number }>`
        select to_char(m.b, 'YYYY-MM') as maand, count(distinct vz.persoon_id)::int as n
        from voorzieningen vz join casussen cz on cz.id = vz.casus_id
          join unnest(${maanden(q.van!, q.tot!).map((x) => `${x}-01`)}::date[], ${maanden(q.van!, q.tot!).map(laatsteDag)}::date[]) as m(b, e)
            on vz.begin <= least(m.e, ${q.tot}::date) and coalesce(vz.beeindigd_op, vz.eind, 'infinity'::date) >= greatest(m.b, ${q.van}::date)
        where vz.gemeente_id = ${gemeenteId} and coalesce(vz.beeindigd_op, vz.eind, 'infinity'::date) >= vz.begin
          and (${q.wet ?? null}::text is null or vz.wet = ${q.wet ?? null})
          and (${wijken}::uuid[] is null or cz.wijk_id = any(${wijken}::uuid[]))
          and (${q.product ?? null}::uuid is null or vz.catalogus_item_id = ${q.product ?? null}::uuid)
        group by 1`.execute(t.database.db);
      return new Map(r.rows.map((x) => [x.maand, x.n]));
    };
    let vergeleken = 0;
    const perioden = [{ van: jaarTerug, tot: vandaagNL }, { van: plusDagen(vandaagNL, -200), tot: plusDagen(vandaagNL, -17) }, { van: plusDagen(vandaagNL, -5 * 365), tot: plusDagen(vandaagNL, -400) }];
    const filters: Record<string, string | undefined>[] = [{}, { wet: 'wmo' }, { wet: 'wmo', kern: keuzes.kern }, { product: keuzes.product }];
    for (const p of perioden) {
      for (const filter of filters.filter((x) => Object.values(x).every((v) => v !== undefined))) {
        const q = { ...p, ...filter } as Record<string, string>;
        const api = await beleid.get<{ reeks: { periode: string; noemer: number }[] }>(`/api/v1/kpis/kosten-per-client?${new URLSearchParams(q).toString()}`);
        expect(api.status).toBe(200);
        const verwacht = await perRij(q);
        expect(api.body.reeks.map((m) => [m.periode, m.noemer]), JSON.stringify(q)).toEqual(api.body.reeks.map((m) => [m.periode, verwacht.get(m.periode) ?? 0]));
        vergeleken += api.body.reeks.filter((m) => m.noemer > 0).length;
      }
    }
    expect(vergeleken).toBeGreaterThan(50);
  }, 600_000);

  it('na een melding, een besluit, een herziening, een bezwaar en een evaluatie met ZRM-scores zonder herberekening meteen gelijk', async () => {
    const kpi = async (id: string) => (await beleid.get<{ teller: number; noemer: number }>(`/api/v1/kpis/${id}?van=${jaarTerug}&tot=${vandaagNL}`)).body;
    const voor = { meldingen: await kpi('nieuwe-meldingen'), gesprek: await kpi('aandeel-maatwerk-met-gesprek'), zrm: await kpi('zrm-verandering') };

    // A melding, taken into onderzoek, with an intake conversation scoring two domains.
    const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaagNL }));
    expect(m.status).toBe(201);
    expect((await kpi('nieuwe-meldingen')).noemer).toBe(voor.meldingen.noemer + 1);
    const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    // The intake the day before: on one day the order of two conversations is their (random) id.
    const gesprek = (soort: string, scores: { domein: string; score: number }[]) => regisseur.post(`/api/v1/casussen/${casusId}/gesprekken`, {
      datum: soort === 'intake' ? plusDagen(vandaagNL, -1) : vandaagNL, plek: 'thuis', soort, deelnemers: [{ rol: 'inwoner', naam: 'J. van Dijk' }], scores,
    });
    expect((await gesprek('intake', [{ domein: 'financien', score: 2 }, { domein: 'huisvesting', score: 3 }])).status).toBe(201);

    // A granted decision, sent; a bezwaar against it and a herziening.
    const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, { leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Wekelijks', streefdatum: '2027-06-01' });
    const product = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => i.naam === 'Hulp bij het huishouden (maatwerk)')!;
    const item = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId: doel.body.id, trede: 4, catalogusItemId: product.id, motivering: 'Nodig.' })).body.id;
    const a = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item], ontvangenOp: vandaagNL })).body.id;
    expect((await teamleider.post(`/api/v1/aanvragen/${a}/toets`, {})).status).toBe(200);
    expect((await beslisser2.post(`/api/v1/aanvragen/${a}/beoordeling`, {})).status).toBe(200);
    const besluit = await beslisser.post<{ beschikkingId: string }>(`/api/v1/aanvragen/${a}/besluit`, {
      producten: [{ arrangementItemId: item, uitkomst: 'toegekend', omvang: 2, eenheid: 'uur', periode: 'week', ingangsdatum: vandaagNL, leveringsvorm: 'zin' }], motivering: 'Passend.',
    });
    expect(besluit.status).toBe(200);
    const na = await kpi('aandeel-maatwerk-met-gesprek');
    expect([na.teller, na.noemer]).toEqual([voor.gesprek.teller + 1, voor.gesprek.noemer + 1]);
    expect((await beslisser.post(`/api/v1/aanvragen/${a}/verzending`, {})).status).toBe(200);
    expect((await teamleider.post(`/api/v1/beschikkingen/${besluit.body.beschikkingId}/bezwaren`, { ontvangenOp: vandaagNL, omschrijving: 'Te weinig uren.' })).status).toBe(201);
    expect((await beslisser.post(`/api/v1/beschikkingen/${besluit.body.beschikkingId}/herziening`, { reden: 'Na bezwaar: meer uren nodig' })).status).toBe(201);

    // An evaluation: financien 2 → 4 and huisvesting 3 → 2 is +1 over two domains.
    expect((await gesprek('evaluatie', [{ domein: 'financien', score: 4 }, { domein: 'huisvesting', score: 2 }])).status).toBe(201);
    const zrm = await kpi('zrm-verandering');
    expect([zrm.teller, zrm.noemer]).toEqual([voor.zrm.teller + 1, voor.zrm.noemer + 2]);

    // No rebuild, no emptied memory: everything equals the reference.
    expect(await vergelijkAlles()).toBeGreaterThan(100);
  }, 600_000);

  it('sturing_opbouwen, voorziening_feiten_opbouwen en termijn_feiten_opbouwen geven dezelfde afgeleide rijen als de triggers', async () => {
    // A melding with finished terms given another casus, and that casus another wijk (a correction):
    // the term facts follow through the triggers, as a rebuild makes them.
    const db = t.database.db;
    const eenRij = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows[0]!;
    const vanMelding = await eenRij(sql<{ melding_id: string; casus_id: string }>`select melding_id, casus_id from termijn_feiten
      where gemeente_id = ${gemeenteId} and melding_id is not null and casus_id is not null order by termijn_id limit 1`);
    // A casus with provisions: their facts follow the wijk as well.
    const ander = await eenRij(sql<{ id: string; wijk_id: string }>`select id, wijk_id from casussen c
      where gemeente_id = ${gemeenteId} and wijk_id is not null and id <> ${vanMelding.casus_id}
        and exists (select 1 from voorziening_feiten v where v.casus_id = c.id) order by id limit 1`);
    const andereWijk = await eenRij(sql<{ id: string }>`select id from wijken where gemeente_id = ${gemeenteId} and id <> ${ander.wijk_id} order by id limit 1`);
    await sql`update meldingen set casus_id = ${ander.id} where id = ${vanMelding.melding_id}`.execute(db);
    await sql`update casussen set wijk_id = ${andereWijk.id} where id = ${ander.id}`.execute(db);
    const verplaatst = (await sql<{ casus_id: string; wijk_id: string }>`select distinct casus_id, wijk_id from termijn_feiten
      where melding_id = ${vanMelding.melding_id}`.execute(db)).rows;
    expect(verplaatst).toEqual([{ casus_id: ander.id, wijk_id: andereWijk.id }]);

    const doorTriggers = await afgeleid();
    const opbouwen = async () => {
      await sql`select sturing_opbouwen(${gemeenteId}::uuid)`.execute(t.database.db);
      await sql`select voorziening_feiten_opbouwen(${gemeenteId}::uuid)`.execute(t.database.db);
      await sql`select termijn_feiten_opbouwen(${gemeenteId}::uuid)`.execute(t.database.db);
    };
    await opbouwen();
    expect(await afgeleid()).toEqual(doorTriggers);
    // Emptied first, then rebuilt: the same again.
    await sql`delete from zrm_feiten where gemeente_id = ${gemeenteId}`.execute(t.database.db);
    await sql`delete from casus_gesprek_feiten where gemeente_id = ${gemeenteId}`.execute(t.database.db);
    await sql`delete from besluit_feiten where gemeente_id = ${gemeenteId}`.execute(t.database.db);
    await sql`delete from voorziening_feiten where gemeente_id = ${gemeenteId}`.execute(t.database.db);
    await sql`delete from termijn_feiten where gemeente_id = ${gemeenteId}`.execute(t.database.db);
    await opbouwen();
    expect(await afgeleid()).toEqual(doorTriggers);
  }, 120_000);

  it('een besluit in een transactie die zelf feiten schreef, verhoogt de versie pas bij de commit, één keer', async () => {
    const versie = async () => Number((await sql<{ v: string }>`select versie as v from sturing_versie where gemeente_id = ${gemeenteId}`.execute(t.database.db)).rows[0]!.v);
    const voor = await versie();
    await regisseur.post('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaagNL }));
    expect(await versie()).toBe(voor + 1);
    // A transaction that wrote nothing leaves it alone.
    await beleid.get(`/api/v1/kpis/nieuwe-meldingen?van=${jaarTerug}&tot=${vandaagNL}`);
    expect(await versie()).toBe(voor + 1);
  });
});
