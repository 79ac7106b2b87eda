/**
 * The declaration history of a demo gemeente (issue 15): every toewijzing whose care started is
 * declared month by month by its provider, from the start until last month, one 323 per provider,
 * law and month with all its clients, received through the live use case (both referees, every rule,
 * a real 325). A realistic share goes wrong the way it does in practice — a month with more hours
 * than assigned (9321), a wrong tariff (0611), a month declared twice (9389) — and the provider
 * mends it in the next month's declaration, as it corrects a few approved months there (credit and
 * new debit). Afterwards the messages are dated when they would have been sent and answered.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { valideerBerichten, type BerichtOordeel } from '../../platform/xml/scheidsrechter.ts';
import { tarievenVan } from '../inkoop/index.ts';
import { voorzieningenVoorBericht } from '../voorziening/index.ts';
import { dagenIn, eersteVanMaand, laatsteVanMaand, maximaalVolume, verwachtTarief, type DeclaratieToewijzing, type Prestatie, type Standaard, type ToewijzingInhoud } from './rules.ts';
import { eisGeldig, ontvangBericht, type TeControleren } from './usecases.ts';
import { schrijf323, type DeclaratieClient } from './xml.ts';

export interface DeclaratieHistorie { declaraties: number; prestaties: number; afgewezen: number; credits: number }

/** Stable per toewijzing and month (0–999): the same demo every time, no random generator needed. */
const lot = (s: string): number => createHash('sha1').update(s).digest().readUInt16BE(0) % 1000;
const volgendeMaand = (m: string): string => {
  const j = Number(m.slice(0, 4));
  const n = Number(m.slice(5, 7));
  return n === 12 ? `${j + 1}-01-01` : `${j}-${String(n + 1).padStart(2, '0')}-01`;
};
const plusDagen = (d: string, n: number): string => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const maxDag = (a: string, b: string): string => (a > b ? a : b);
const minDag = (a: string, b: string): string => (a < b ? a : b);

/** One 323 in the making: a provider's declaration for one law and month. */
interface Bundel { aanbiederId: string; agb: string; std: Standaard; maand: string; perClient: Map<string, Prestatie[]> }

/** A month of care as the provider may declare it, with what was delivered. */
export interface DeclarabeleMaand { maand: string; begin: string; eind: string; volume: number; maxPerPeriode: number; tariefCents: number }
/** A started toewijzing with the months its provider declares. */
export interface Declarabel {
  toewijzingId: string; nummer: number; std: Standaard; aanbiederId: string; agb: string; bsn: string; categorie: string; code: string; eenheid: string; weekvolume: number;
  maanden: DeclarabeleMaand[];
}

/**
 * Every started toewijzing with the months from its start (not before `van`) through `tot` that can
 * be declared, each with a delivered volume all rules allow if every month before it was approved
 * as planned: 80–100 % of the assigned volume, within the month's maximum (IV077, TR321), the
 * looptijd so far (TR322) and for budget products the budget (TR369); at the contract tariff.
 * The demo history and the volume bench declare from this.
 */
export async function declarabeleToewijzingen(tx: Tx, o: { van: string; tot: string }): Promise<Declarabel[]> {
  const rijen = await tx.selectFrom('toewijzingen as t').innerJoin('aanbieders as a', 'a.id', 't.aanbieder_id').innerJoin('personen as p', 'p.id', 't.persoon_id')
    .select(['t.id', 't.nummer', 't.standaard', 't.aanbieder_id', 't.voorziening_id', 't.verstuurd', 't.reden_wijziging', 't.start_begindatum', 't.stop_einddatum', 'a.agb_code', 'p.bsn'])
    .where('t.start_begindatum', 'is not', null).where('t.verstuurd', 'is not', null).where('t.start_begindatum', '<=', laatsteVanMaand(o.tot))
    .orderBy('t.nummer').execute();
  const voorzieningen = new Map((await voorzieningenVoorBericht(tx, rijen.map((r) => r.voorziening_id))).map((v) => [v.id, v]));
  const tarieven = await tarievenVan(tx, [...new Set([...voorzieningen.values()].flatMap((v) => (v.contractProductId ? [v.contractProductId] : [])))]);
  const uit: Declarabel[] = [];
  for (const r of rijen) {
    const s = r.verstuurd as ToewijzingInhoud;
    const v = voorzieningen.get(r.voorziening_id);
    if (!v || !s.omvang || !s.code || s.redenWijziging === '13' || r.reden_wijziging === '13') continue;
    const std = r.standaard as Standaard;
    const dt: DeclaratieToewijzing = {
      nummer: Number(r.nummer), categorie: s.categorie, code: s.code, ingangsdatum: s.ingangsdatum, einddatum: s.einddatum, volume: s.omvang.volume,
      eenheid: s.omvang.eenheid, frequentie: s.omvang.frequentie, redenWijziging: s.redenWijziging, bekostiging: v.bekostiging, budgetCents: v.budgetCents, contractTariefCents: null,
    };
    // Hours assigned in minutes (a decision of 2.5 hours a week) would be declared at the hourly tariff per minute: not a picture worth showing.
    if (s.omvang.eenheid === '01' && v.eenheid === '04') continue;
    // Amounts in euros (83) carry no tariff and a volume equal to the amount (CD087, CS339): declared by other means than this history.
    if (s.omvang.eenheid === '83') continue;
    const eigen = v.contractProductId ? tarieven.filter((x) => x.contractProductId === v.contractProductId) : [];
    const opBudget = dt.bekostiging === 'outputgericht';
    const laatsteDag = minDag(minDag(s.einddatum ?? '9999-12-31', r.stop_einddatum ?? '9999-12-31'), laatsteVanMaand(o.tot));
    const d: Declarabel = {
      toewijzingId: r.id, nummer: Number(r.nummer), std, aanbiederId: r.aanbieder_id, agb: r.agb_code, bsn: r.bsn, categorie: s.categorie, code: s.code,
      eenheid: s.omvang.eenheid, weekvolume: s.omvang.volume, maanden: [],
    };
    let volume = 0;
    let cents = 0;
    for (let maand = maxDag(eersteVanMaand(r.start_begindatum!), o.van); maand <= laatsteDag; maand = volgendeMaand(maand)) {
      // The month clipped to the toewijzing (TR387/TR388: a period starts on the 1st unless the toewijzing starts later in it).
      const begin = maxDag(maand, s.ingangsdatum);
      const eind = s.einddatum && s.einddatum < laatsteVanMaand(maand) ? s.einddatum : laatsteVanMaand(maand);
      if (eind < begin) continue;
      const tarief = eigen.find((t) => t.van <= begin && (t.tot === null || t.tot >= begin))?.tariefCents;
      // No contract tariff that month (the contract began later): nothing to declare at.
      if (tarief === undefined) continue;
      const prijs = verwachtTarief(tarief, s.omvang.eenheid, s.omvang.eenheid);
      const perPeriode = maximaalVolume(dt, begin, eind, 'periode', std);
      const looptijd = maximaalVolume(dt, dt.ingangsdatum, dt.einddatum ?? eind, 'looptijd', std);
      if (perPeriode === null || looptijd === null) break;
      const l = lot(`${r.id}|${maand}`);
      const gepland = dt.frequentie === '2' ? (s.omvang.volume * dagenIn(begin, eind)) / 7 : dt.frequentie === '6' ? s.omvang.volume / 12 : perPeriode;
      let geleverd = Math.min(Math.floor(perPeriode), Math.floor(looptijd - volume), Math.round(gepland * (0.8 + (l % 21) / 100)));
      if (opBudget) geleverd = Math.min(geleverd, Math.floor((v.budgetCents - cents) / Math.max(prijs, 1)));
      if (geleverd < 1) continue;
      d.maanden.push({ maand, begin, eind, volume: geleverd, maxPerPeriode: Math.floor(perPeriode), tariefCents: prijs });
      volume += geleverd;
      cents += geleverd * prijs;
    }
    if (d.maanden.length) uit.push(d);
  }
  return uit;
}

/**
 * The providers' declarations since their care started, through the live use case, in the caller's
 * transaction (the demo seed's, as the tables' owner). Once per gemeente: one that has declarations keeps them.
 * @param vandaag the demo's today: last month is the latest declared, and nothing is dated after today.
 */
export async function zaaiDeclaraties(tx: Tx, gemeenteId: string, vandaag: string): Promise<DeclaratieHistorie> {
  const g = await tx.selectFrom('gemeenten').select('cbs_code').where('id', '=', sql<string>`app_gemeente()`).executeTakeFirstOrThrow();
  const leeg = { declaraties: 0, prestaties: 0, afgewezen: 0, credits: 0 };
  if (!g.cbs_code) return leeg;
  const cbs = g.cbs_code;
  const laatsteMaand = eersteVanMaand(plusDagen(eersteVanMaand(vandaag), -1));
  // Not twice: a gemeente whose providers declared already keeps its history.
  if (await tx.selectFrom('declaraties').select('id').limit(1).executeTakeFirst()) return leeg;

  const bundels = new Map<string, Bundel>();
  const bundel = (d: Declarabel, maand: string): Bundel => {
    const k = `${d.aanbiederId}|${d.std}|${maand}`;
    let b = bundels.get(k);
    if (!b) bundels.set(k, (b = { aanbiederId: d.aanbiederId, agb: d.agb, std: d.std, maand, perClient: new Map() }));
    return b;
  };
  const voegToe = (b: Bundel, bsn: string, p: Prestatie) => (b.perClient.get(bsn) ?? b.perClient.set(bsn, []).get(bsn)!).push(p);

  // The first four toewijzingen with two months or more show each mishap once, so even a small demo has them all.
  let voorbeelden = 0;
  for (const d of await declarabeleToewijzingen(tx, { van: '2000-01-01', tot: laatsteMaand })) {
    const voorbeeld = d.maanden.length > 1 && voorbeelden < 4 ? [5, 20, 30, 45][voorbeelden++]! : null;
    for (const [i, m] of d.maanden.entries()) {
      const l = voorbeeld !== null && i === 0 ? voorbeeld : lot(`${d.toewijzingId}|${m.maand}|afwijking`);
      const ref = (soort: string) => `${m.maand.slice(0, 7).replace('-', '')}-${d.nummer}-${soort}`;
      const prestatie = (soort: string, vol: number, p = m.tariefCents): Prestatie => ({
        referentie: ref(soort), vorigReferentie: null, toewijzingNummer: d.nummer, categorie: d.categorie, code: d.code, begin: m.begin, eind: m.eind,
        volume: vol, eenheid: d.eenheid, tariefCents: p, bedragCents: vol * p, debetCredit: 'D',
      });
      // Mended in the next month's declaration, placed before that month's own prestaties: the counts then stay in order.
      const volgende = volgendeMaand(m.maand);
      const later = volgende <= laatsteMaand ? bundel(d, volgende) : null;
      const hier = bundel(d, m.maand);
      if (l < 15) {
        // More hours than assigned (TR321): refused; next month the provider declares what was delivered.
        voegToe(hier, d.bsn, prestatie('D', m.maxPerPeriode + Math.max(1, Math.round(d.weekvolume / 2))));
        if (later) voegToe(later, d.bsn, prestatie('H', m.volume));
      } else if (l < 27) {
        // Last year's tariff, or a typing error (TR418): refused, then declared at the contract tariff.
        voegToe(hier, d.bsn, prestatie('D', m.volume, m.tariefCents + 75));
        if (later) voegToe(later, d.bsn, prestatie('H', m.volume));
      } else if (l < 37 && later) {
        voegToe(hier, d.bsn, prestatie('D', m.volume));
        // The month declared a second time by mistake (TR389): refused, the first stands.
        voegToe(later, d.bsn, prestatie('X', m.volume));
      } else if (l < 52 && later && m.volume > 1) {
        // Fewer hours were delivered than declared: credit the approved debit and declare the month anew (IV091).
        const eerst = prestatie('D', m.volume);
        voegToe(hier, d.bsn, eerst);
        voegToe(later, d.bsn, { ...eerst, referentie: ref('C'), vorigReferentie: eerst.referentie, debetCredit: 'C' });
        voegToe(later, d.bsn, prestatie('H', Math.max(1, m.volume - 1 - (l % 2))));
      } else {
        voegToe(hier, d.bsn, prestatie('D', m.volume));
      }
    }
  }

  // In month order, each declaration sees the ones before it. Every provider delivers through the live use case, but the
  // referees judge all 323s of a law in one batch and all 325s at the end (as ontvangBerichten does per provider):
  // starting them once per provider cost most of the time.
  const lijst = [...bundels.values()].sort((x, y) => x.maand.localeCompare(y.maand) || x.std.localeCompare(y.std) || x.agb.localeCompare(y.agb));
  const berichten = lijst.map((b) => {
    const dag = minDag(plusDagen(volgendeMaand(b.maand), 2 + (lot(`${b.aanbiederId}|${b.maand}`) % 8)), vandaag);
    const id = `D${b.std === 'iwmo' ? 'W' : 'J'}${b.maand.slice(0, 7).replace('-', '')}`;
    const clienten: DeclaratieClient[] = [...b.perClient].map(([bsn, prestaties]) => ({ bsn, prestaties }));
    const xml = schrijf323(b.std, { afzender: b.agb, ontvanger: cbs, identificatie: id, dagtekening: dag }, { nummer: id, begin: b.maand, eind: laatsteVanMaand(b.maand), dagtekening: dag }, clienten);
    return { b, dag, xml };
  });
  const oordelen = new Map<string, BerichtOordeel>();
  for (const std of ['iwmo', 'ijw'] as const) {
    const deze = berichten.filter((x) => x.b.std === std);
    if (deze.length) (await valideerBerichten(deze.map((x) => ({ xml: x.xml })), { standaard: std, bericht: '323' })).forEach((o, i) => oordelen.set(deze[i]!.xml, o));
  }
  const later: TeControleren = [];
  const gedaan: { berichtId: string; retourId: string | null; dag: string }[] = [];
  for (const { b, dag, xml } of berichten) {
    const aanbieder: Actor = { gebruikerId: null, gebruikersnaam: 'demo-aanbieder', gemeenteId, rollen: ['aanbieder'], rol: 'aanbieder', aanbiederId: b.aanbiederId };
    const u = await ontvangBericht(tx, aanbieder, xml, { oordeel: oordelen.get(xml)!, later });
    gedaan.push({ berichtId: u.berichtId, retourId: u.retourId, dag });
  }
  await eisGeldig(later);
  const telling = { ...leeg, declaraties: berichten.length };
  await dateer(tx, gedaan, vandaag);
  const [t] = (await sql<{ prestaties: number; afgewezen: number; credits: number }>`select count(*)::int as prestaties, (count(*) filter (where not goedgekeurd))::int as afgewezen,
    (count(*) filter (where ingediend_cents < 0 and goedgekeurd))::int as credits from prestaties`.execute(tx)).rows;
  return { ...telling, ...t! };
}

/**
 * Received today by the use case, but in the demo sent and answered on the day of the declaration:
 * the lists, the chain per voorziening and the payment months show the months they belong to. The
 * 325's own dagtekening moves with it (its header's Dagtekening), so its XML and hash agree; answers
 * of earlier days were fetched by the provider that day. The app role may not rewrite a message, so
 * this runs as the tables' owner, as the demo seed does (main.ts, the tests).
 */
async function dateer(tx: Tx, gedaan: { berichtId: string; retourId: string | null; dag: string }[], vandaag: string): Promise<void> {
  if (!gedaan.length) return;
  await sql`reset role`.execute(tx);
  const ids = gedaan.map((g) => g.berichtId);
  const dagen = gedaan.map((g) => g.dag);
  const retouren = gedaan.flatMap((g) => (g.retourId ? [g.retourId] : []));
  const retourDagen = gedaan.flatMap((g) => (g.retourId ? [g.dag] : []));
  await sql`update berichten b set aangemaakt_op = x.dag + time '09:00' at time zone 'UTC' from unnest(${ids}::uuid[], ${dagen}::date[]) x(id, dag) where b.id = x.id`.execute(tx);
  await sql`update declaraties d set aangemaakt_op = x.dag + time '09:00' at time zone 'UTC' from unnest(${ids}::uuid[], ${dagen}::date[]) x(id, dag) where d.bericht_id = x.id`.execute(tx);
  await sql`update prestaties p set aangemaakt_op = d.aangemaakt_op from declaraties d where d.id = p.declaratie_id and d.bericht_id = any(${ids}::uuid[])`.execute(tx);
  await sql`update berichten b set dagtekening = x.dag, aangemaakt_op = x.dag + time '09:00:05' at time zone 'UTC',
      xml = replace(b.xml, ':Dagtekening>' || b.dagtekening::text || '</', ':Dagtekening>' || x.dag::text || '</'),
      sha256 = encode(sha256(convert_to(replace(b.xml, ':Dagtekening>' || b.dagtekening::text || '</', ':Dagtekening>' || x.dag::text || '</'), 'UTF8')), 'hex'),
      status = case when x.dag < ${vandaag}::date then 'opgehaald' else b.status end,
      opgehaald_op = case when x.dag < ${vandaag}::date then x.dag + time '14:00' at time zone 'UTC' else b.opgehaald_op end
    from unnest(${retouren}::uuid[], ${retourDagen}::date[]) x(id, dag) where b.id = x.id`.execute(tx);
  await sql`set local role eenvoud_app`.execute(tx);
}
