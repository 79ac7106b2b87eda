/**
 * Voorziening use cases. Every transition locks the provision's row, checks the transition table,
 * writes the history and the audit entry in the same transaction and queues its letter in the outbox.
 */
import { Problem, notFound } from '../../platform/http/problem.ts';
import { appendAudit } from '../../platform/audit/store.ts';
import { zetInWachtrij } from '../../platform/jobs/outbox.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag as vandaagNL } from '../../platform/time.ts';
import { volgendNummer } from '../toegang/index.ts';
import { eisDossierToegang } from '../privacy/index.ts';
import { berekenBudget, gecontracteerd, productInfo } from '../inkoop/index.ts';
import { productVanItem } from '../catalogus/index.ts';
import {
  FREQUENTIE_PERIODE, PERIODE_FREQUENTIE, REDENEN_BEEINDIGING, beeindigdOpBijVervanging, budgetProRata, budgetTotVoor, dagErvoor, eenheidPast, frequentieNaam, isEindstatus,
  overgangToegestaan, redenLijst, voorzieningNummer, zoekOpvolger, EENHEDEN, type Overgang, type Status,
} from './rules.ts';
import {
  aantalLopend, getVoorziening, voorzieningenMetId, startenInEen, insertHistorieVoorAlle, inNaturaMetAanbieder, insertHistorie, insertVoorziening, lopendVanAanbieder, toegekendeProducten, voorzieningenWaar, wijzigVoorziening,
  type Intrekking, type Voorziening, type Wijziging,
} from './store.ts';

export const BRIEF_SOORT = 'voorziening.brief';
/** A toewijzing in natura changed: berichten composes the 301 for its provider (ADR 37) after commit. */
export const TOEWIJZING_GEWIJZIGD = 'berichten.toewijzing';
export type BriefGebeurtenis = 'toegewezen' | 'beeindigd' | 'ingetrokken' | 'vervangen';

async function audit(tx: Tx, actor: Actor, v: { id: string; persoonId: string }, actie: 'lezen' | 'aanmaken' | 'wijzigen', doel: string) {
  await appendAudit(tx, actor, [{ actie, resourceType: 'voorziening', resourceId: v.id, persoonId: v.persoonId, doel }]);
}

async function briefInWachtrij(tx: Tx, voorzieningId: string, gebeurtenis: BriefGebeurtenis) {
  await zetInWachtrij(tx, { soort: BRIEF_SOORT, gegevens: { voorzieningId, gebeurtenis }, sleutel: `${voorzieningId}:${gebeurtenis}` });
}

async function toewijzingInWachtrij(tx: Tx, v: { id: string; leveringsvorm: string }) {
  if (v.leveringsvorm !== 'zin') return;
  await zetInWachtrij(tx, { soort: TOEWIJZING_GEWIJZIGD, gegevens: { voorzieningId: v.id } });
}

function eenheidCode(tekst: string | null): string | null {
  if (!tekst) return null;
  const v = tekst.trim().toLowerCase();
  if (EENHEDEN[v]) return v;
  return Object.entries(EENHEDEN).find(([, e]) => e.woorden.includes(v))?.[0] ?? null;
}

/**
 * A sent beschikking: every (partly) granted product becomes a provision (toegekend) with the budget
 * the decision computed. A herziening replaces the provisions of the beschikking it reviews.
 */
export async function kenVoorzieningenToe(tx: Tx, actor: Actor, beschikkingId: string): Promise<string[]> {
  const producten = await toegekendeProducten(tx, beschikkingId);
  const vandaag = producten[0]?.verzonden_op ?? vandaagNL();
  const jaar = Number(vandaag.slice(0, 4));
  const nieuw: (Voorziening & { id: string })[] = [];
  for (const p of producten) {
    const begin = p.ingangsdatum!;
    const info = p.productcode ? await productInfo(tx, { wet: p.wet, productcode: p.productcode, datum: begin }) : null;
    const budgetTot = budgetTotVoor(begin, p.einddatum);
    const jaarbedragCents = Number(p.jaarbedrag_cents);
    const budgetCents = p.budget_cents ?? budgetProRata(jaarbedragCents, begin, budgetTot);
    const nummer = voorzieningNummer(jaar, await volgendNummer(tx, actor.gemeenteId, 'voorziening', jaar));
    const id = await insertVoorziening(tx, {
      gemeenteId: actor.gemeenteId, nummer, beschikkingId, beschikkingProductId: p.id, casusId: p.casus_id, huishoudenId: p.huishouden_id, persoonId: p.persoon_id,
      wet: p.wet, productcategorie: info?.productcategorie ?? null, productcode: p.productcode, productNaam: p.catalogus_naam ?? p.omschrijving,
      catalogusItemId: p.catalogus_item_id, volume: Number(p.omvang ?? 0), eenheid: info?.eenheid ?? eenheidCode(p.eenheid),
      frequentie: info?.frequentie ?? PERIODE_FREQUENTIE[p.periode ?? ''] ?? null, begin, eind: p.einddatum,
      leveringsvorm: p.leveringsvorm === 'pgb' ? 'pgb' : 'zin', bekostiging: info?.bekostiging ?? null, resultaat: (p.resultaat as object | null) ?? null,
      budgetCents, budgetTot, jaarbedragCents,
    });
    await insertHistorie(tx, {
      gemeenteId: actor.gemeenteId, voorzieningId: id, van: null, naar: 'toegekend', door: actor.gebruikerId,
      toelichting: 'Toegekend met de verzonden beschikking', gegevens: { budgetCents, budgetTot, jaarbedragCents },
    });
    await audit(tx, actor, { id, persoonId: p.persoon_id }, 'aanmaken', 'voorziening toekennen');
    nieuw.push((await getVoorziening(tx, id))!);
  }
  const herzieningVan = producten[0]?.herziening_van ?? (await herzieningVanBeschikking(tx, beschikkingId));
  if (herzieningVan) await vervangVoorzieningen(tx, actor, herzieningVan, nieuw);
  return nieuw.map((v) => v.id);
}

async function herzieningVanBeschikking(tx: Tx, beschikkingId: string): Promise<string | null> {
  const r = await tx.selectFrom('beschikkingen').select('herziening_van').where('id', '=', beschikkingId).executeTakeFirst();
  return r?.herziening_van ?? null;
}

/**
 * The herziening's provisions replace the running ones of the beschikking it reviews: the matching
 * product is linked both ways and the old one ends the day before the new begins; one without a match
 * ends (reden 'herziening') the day before the herziening's earliest begin.
 */
export async function vervangVoorzieningen(tx: Tx, actor: Actor, oudeBeschikkingId: string, nieuw: readonly Voorziening[]): Promise<void> {
  const oude = (await voorzieningenWaar(tx, { beschikkingId: oudeBeschikkingId })).filter((v) => !isEindstatus(v.status));
  if (!oude.length) return;
  const eersteBegin = nieuw.map((n) => n.begin).sort()[0];
  const gebruikt = new Set<string>();
  for (const o of oude) {
    const v = (await getVoorziening(tx, o.id, true))!;
    if (isEindstatus(v.status)) continue;
    const opvolger = zoekOpvolger(v, nieuw, gebruikt);
    if (opvolger) gebruikt.add(opvolger.id);
    const nieuwBegin = opvolger?.begin ?? eersteBegin ?? vandaagNL();
    const beeindigdOp = beeindigdOpBijVervanging(v, nieuwBegin);
    await overgang(tx, actor, v, 'vervangen', {
      beeindigd_op: beeindigdOp, reden_beeindiging: 'herziening', vervangen_door: opvolger?.id ?? null, ...herberekend(v, beeindigdOp),
    }, opvolger ? `Vervangen door ${opvolger.nummer} (herziening); laatste dag ${beeindigdOp}` : `Beëindigd door de herziening; laatste dag ${beeindigdOp}`);
    if (opvolger) await wijzigVoorziening(tx, opvolger.id, { vervangt: v.id });
    await briefInWachtrij(tx, v.id, 'vervangen');
    if (v.aanbieder) await toewijzingInWachtrij(tx, v);
  }
}

/** The budget over a shorter period, pro rata of the per-day figure the provision carried (the history keeps the old one). */
function herberekend(v: Voorziening, laatsteDag: string): Pick<Wijziging, 'budget_cents' | 'budget_tot'> {
  if (laatsteDag >= v.budgetTot) return {};
  if (laatsteDag < v.begin) return { budget_cents: 0, budget_tot: dagErvoor(v.begin) };
  return { budget_cents: budgetProRata(v.jaarbedragCents, v.begin, laatsteDag), budget_tot: laatsteDag };
}

/**
 * Checks the transition table, applies the change and writes the history with the figures before it.
 * `vastgelegd` is what the decision-maker entered that no column holds (a withdrawal's date and reason),
 * kept structured in the history so the letter can quote it.
 */
async function overgang(tx: Tx, actor: Actor, v: Voorziening, o: Overgang, w: Wijziging, toelichting: string, vastgelegd: object = {}): Promise<void> {
  const fout = overgangToegestaan(o, v.status);
  if (fout) throw new Problem('ongeldige-statusovergang', fout);
  const naar: Status = ({ toewijzen: 'toegewezen', starten: 'gestart', beeindigen: 'beeindigd', intrekken: 'ingetrokken', vervangen: 'vervangen' } as const)[o];
  await wijzigVoorziening(tx, v.id, { ...w, status: naar });
  await insertHistorie(tx, {
    gemeenteId: actor.gemeenteId, voorzieningId: v.id, van: v.status, naar, door: actor.gebruikerId, toelichting,
    gegevens: { voor: { budgetCents: v.budgetCents, budgetTot: v.budgetTot, jaarbedragCents: v.jaarbedragCents, aanbiederId: v.aanbieder?.id ?? null }, wijziging: w, ...vastgelegd },
  });
  await audit(tx, actor, v, 'wijzigen', `voorziening ${o}`);
}

/** Loads a provision for work: 404 when unknown, 403 outside the household's circle (the one access rule); locked. */
async function voorWerk(tx: Tx, actor: Actor, id: string): Promise<Voorziening> {
  const v = await getVoorziening(tx, id, true);
  if (!v) throw notFound('Deze voorziening');
  await eisDossierToegang(tx, actor, { huishoudenId: v.huishoudenId });
  return v;
}

/** Reads one provision (need-to-know, audited per read). */
export async function leesVoorziening(tx: Tx, actor: Actor, id: string): Promise<Voorziening> {
  const v = await getVoorziening(tx, id);
  if (!v) throw notFound('Deze voorziening');
  await eisDossierToegang(tx, actor, { huishoudenId: v.huishoudenId });
  await audit(tx, actor, v, 'lezen', 'voorziening inzien');
  return v;
}

/** The provisions of a casus or a person (need-to-know on the household, one audit entry per provision read). */
export async function voorzieningenVan(tx: Tx, actor: Actor, filter: { casusId: string } | { persoonId: string }): Promise<Voorziening[]> {
  if ('casusId' in filter) await eisDossierToegang(tx, actor, { casusId: filter.casusId });
  else await eisDossierToegang(tx, actor, { persoonId: filter.persoonId });
  const lijst = await voorzieningenWaar(tx, filter);
  await appendAudit(tx, actor, lijst.map((v) => ({ actie: 'lezen' as const, resourceType: 'voorziening', resourceId: v.id, persoonId: v.persoonId, doel: 'voorzieningen inzien' })));
  return lijst;
}
export const voorzieningenVanCasus = (tx: Tx, actor: Actor, casusId: string): Promise<Voorziening[]> => voorzieningenVan(tx, actor, { casusId });

export interface Kandidaat {
  aanbiederId: string; aanbiederNaam: string; agbCode: string; contractId: string; contractProductId: string; tariefCents: number;
  budgetCents: number; capaciteit: number | null; lopend: number; vrij: number | null;
}

/** The providers contracted for this product on the begin date, with the budget at their tariff and their free places. */
export async function kandidaten(tx: Tx, actor: Actor, id: string): Promise<Kandidaat[]> {
  const v = await getVoorziening(tx, id);
  if (!v) throw notFound('Deze voorziening');
  await eisDossierToegang(tx, actor, { huishoudenId: v.huishoudenId });
  if (!v.productcode || v.leveringsvorm === 'pgb') return [];
  const lijst = await gecontracteerd(tx, { wet: v.wet, productcode: v.productcode, datum: v.begin });
  const uit: Kandidaat[] = [];
  for (const k of lijst) {
    const lopend = await aantalLopend(tx, k.contractProductId);
    const budget = await berekenBudget(tx, budgetVraag(v, { contractProductId: k.contractProductId }));
    uit.push({
      aanbiederId: k.aanbiederId, aanbiederNaam: k.aanbiederNaam, agbCode: k.agbCode, contractId: k.contractId, contractProductId: k.contractProductId,
      tariefCents: k.tariefCents, budgetCents: budget.budgetCents, capaciteit: k.capaciteit, lopend, vrij: k.capaciteit === null ? null : Math.max(0, k.capaciteit - lopend),
    });
  }
  return uit.sort((a, b) => a.aanbiederNaam.localeCompare(b.aanbiederNaam, 'nl'));
}

function budgetVraag(v: Voorziening, extra: { contractProductId?: string; leveringsvorm?: 'zin' | 'pgb'; eind?: string | null }) {
  return {
    wet: v.wet, productcode: v.productcode!, leveringsvorm: extra.leveringsvorm ?? v.leveringsvorm, volume: v.volume,
    ...(v.frequentie ? { frequentie: v.frequentie } : {}), begin: v.begin, eind: extra.eind === undefined ? v.eind : extra.eind,
    ...(extra.contractProductId ? { contractProductId: extra.contractProductId } : {}),
    ...(v.resultaat ? { resultaat: v.resultaat } : {}),
  };
}

/**
 * Zorg in natura: the resident's choice among the providers contracted for this product on the begin
 * date with a free place; the budget is recomputed at THAT contract's tariffs. Pgb: recorded as passed
 * to the SVB, the budget at the pgb tariff.
 */
export async function wijsAanbiederToe(tx: Tx, actor: Actor, id: string, inv: { aanbiederId: string } | { svb: true }): Promise<void> {
  const v = await voorWerk(tx, actor, id);
  const fout = overgangToegestaan('toewijzen', v.status);
  if (fout) throw new Problem('ongeldige-statusovergang', fout);
  if (v.leveringsvorm === 'pgb') {
    if (!('svb' in inv)) throw new Problem('product-past-niet', 'Dit is een pgb: er is geen aanbieder, het budget gaat naar de SVB. Stuur {"svb": true}.', [{ name: 'svb', code: 'pgb', reason: 'Een pgb gaat naar de SVB' }]);
    const budget = v.productcode ? await berekenBudget(tx, budgetVraag(v, { leveringsvorm: 'pgb' })) : null;
    await overgang(tx, actor, v, 'toewijzen', {
      svb: true, ...(budget ? { budget_cents: budget.budgetCents, budget_tot: budget.budgetTot, jaarbedrag_cents: budget.jaarbedragCents } : {}),
    }, 'Pgb vastgelegd bij de SVB');
    await briefInWachtrij(tx, v.id, 'toegewezen');
    return;
  }
  if (!('aanbiederId' in inv)) throw new Problem('product-past-niet', 'Dit is zorg in natura: kies een gecontracteerde aanbieder.', [{ name: 'aanbiederId', code: 'verplicht', reason: 'Kies een aanbieder' }]);
  const gevonden = v.productcode ? (await gecontracteerd(tx, { wet: v.wet, productcode: v.productcode, datum: v.begin })).find((k) => k.aanbiederId === inv.aanbiederId) : undefined;
  if (!gevonden) {
    throw new Problem('aanbieder-niet-gecontracteerd', `Deze aanbieder heeft op ${v.begin} geen contract voor ${v.productNaam}${v.productcode ? ` (${v.productcode})` : ''}. Kies een van de gecontracteerde aanbieders.`, [
      { name: 'aanbiederId', code: 'niet-gecontracteerd', reason: 'Niet gecontracteerd voor dit product' },
    ]);
  }
  if (gevonden.capaciteit !== null && await aantalLopend(tx, gevonden.contractProductId) >= gevonden.capaciteit) {
    throw new Problem('aanbieder-vol', `${gevonden.aanbiederNaam} heeft geen plaats meer voor ${v.productNaam} (capaciteit ${gevonden.capaciteit}). Kies een andere aanbieder.`);
  }
  const budget = await berekenBudget(tx, budgetVraag(v, { contractProductId: gevonden.contractProductId }));
  await overgang(tx, actor, v, 'toewijzen', {
    aanbieder_id: gevonden.aanbiederId, contract_product_id: gevonden.contractProductId,
    budget_cents: budget.budgetCents, budget_tot: budget.budgetTot, jaarbedrag_cents: budget.jaarbedragCents,
  }, `Toegewezen aan ${gevonden.aanbiederNaam} (contract ${gevonden.contractId})`);
  await briefInWachtrij(tx, v.id, 'toegewezen');
  await toewijzingInWachtrij(tx, v);
}

function ongeldigeDatum(reden: string): Problem {
  return new Problem('ongeldige-invoer', reden, [{ name: 'datum', code: 'buiten-looptijd', reason: reden }]);
}

/** The provider started delivering (on a day within the granted period). */
export async function start(tx: Tx, actor: Actor, id: string, inv: { datum: string }): Promise<void> {
  await startVan(tx, actor, await voorWerk(tx, actor, id), inv);
}

/**
 * Loads a provision for its provider's message (305/307): only the provider it is assigned to; the
 * provider's staff are not in the household's circle, the assignment is their ground. Locked.
 */
async function voorAanbieder(tx: Tx, actor: Actor, id: string): Promise<Voorziening> {
  const v = await getVoorziening(tx, id, true);
  if (!v || !actor.aanbiederId || v.aanbieder?.id !== actor.aanbiederId) throw notFound('Deze voorziening');
  return v;
}

/** A start message (305) of the provider. After a pause (stop with reason 20) care was still running in our books. */
export async function startDoorAanbieder(tx: Tx, actor: Actor, id: string, inv: { datum: string; herstart: boolean }): Promise<void> {
  const v = await voorAanbieder(tx, actor, id);
  if (inv.herstart && v.status === 'gestart') return;
  await startVan(tx, actor, v, inv);
}

/**
 * Why a provider's start (305) cannot move this provision, or null when it can (or, after a pause,
 * needs nothing): the same checks as `startDoorAanbieder`, without touching the database.
 */
export function startFout(v: Voorziening, aanbiederId: string, inv: { datum: string; herstart: boolean }): string | null {
  if (v.aanbieder?.id !== aanbiederId) return 'Deze voorziening is niet aan deze aanbieder toegewezen.';
  if (inv.herstart && v.status === 'gestart') return null;
  const fout = overgangToegestaan('starten', v.status);
  if (fout) return fout;
  if (inv.datum < v.begin) return `De levering kan niet starten vóór de ingangsdatum (${v.begin}).`;
  if (v.eind && inv.datum > v.eind) return `De levering kan niet starten na de einddatum (${v.eind}).`;
  return null;
}

/**
 * Many provider starts at once (a hub's batch, ADR 37): locked, checked as one by one, then one update,
 * one history insert and one audit insert for all. The caller checked each with `startFout`; a start
 * that fails here is a bug and rolls the batch back.
 */
export async function startenDoorAanbieder(tx: Tx, actor: Actor, lijst: readonly { id: string; datum: string; herstart: boolean }[]): Promise<void> {
  if (!lijst.length) return;
  if (!actor.aanbiederId) throw new Problem('geen-toegang', 'Alleen een zorgaanbieder meldt een start.');
  await tx.selectFrom('voorzieningen').select('id').where('id', 'in', lijst.map((x) => x.id)).orderBy('id').forUpdate().execute();
  const vs = new Map((await voorzieningenMetId(tx, lijst.map((x) => x.id))).map((v) => [v.id, v]));
  const toe: { v: Voorziening; datum: string }[] = [];
  for (const x of lijst) {
    const v = vs.get(x.id);
    const fout = v ? startFout(v, actor.aanbiederId, x) : 'Deze voorziening bestaat niet.';
    if (fout) throw new Error(`start van voorziening ${x.id} door de aanbieder kan niet: ${fout}`);
    if (!(x.herstart && v!.status === 'gestart')) toe.push({ v: v!, datum: x.datum });
  }
  if (!toe.length) return;
  await startenInEen(tx, toe.map((t) => ({ id: t.v.id, datum: t.datum })));
  await insertHistorieVoorAlle(tx, toe.map((t) => ({
    gemeenteId: actor.gemeenteId, voorzieningId: t.v.id, van: t.v.status, naar: 'gestart', door: actor.gebruikerId, toelichting: `Levering gestart op ${t.datum}`,
    gegevens: { voor: { budgetCents: t.v.budgetCents, budgetTot: t.v.budgetTot, jaarbedragCents: t.v.jaarbedragCents, aanbiederId: t.v.aanbieder?.id ?? null }, wijziging: { gestart_op: t.datum } },
  })));
  await appendAudit(tx, actor, toe.map((t) => ({ actie: 'wijzigen' as const, resourceType: 'voorziening', resourceId: t.v.id, persoonId: t.v.persoonId, doel: 'voorziening starten' })));
}

/** A stop message (307) of the provider, with its WMO588/JZ588 reason. */
export async function beeindigDoorAanbieder(tx: Tx, actor: Actor, id: string, inv: { datum: string; reden: string }): Promise<void> {
  await beeindigVan(tx, actor, await voorAanbieder(tx, actor, id), inv);
}

/** For composing messages (berichten, run by the outbox as the system): no audit here, the message is audited. */
export const voorzieningVoorBericht = (tx: Tx, id: string): Promise<Voorziening | undefined> => getVoorziening(tx, id);
export const inNaturaVoorBerichten = (tx: Tx, w: { vanaf: string; max: number }): Promise<Voorziening[]> => inNaturaMetAanbieder(tx, w);
export async function voorzieningenVoorBericht(tx: Tx, ids: readonly string[]): Promise<Voorziening[]> {
  return voorzieningenMetId(tx, ids);
}

async function startVan(tx: Tx, actor: Actor, v: Voorziening, inv: { datum: string }): Promise<void> {
  const fout = overgangToegestaan('starten', v.status);
  if (fout) throw new Problem('ongeldige-statusovergang', fout);
  if (inv.datum < v.begin) throw ongeldigeDatum(`De levering kan niet starten vóór de ingangsdatum (${v.begin}).`);
  if (v.eind && inv.datum > v.eind) throw ongeldigeDatum(`De levering kan niet starten na de einddatum (${v.eind}).`);
  await overgang(tx, actor, v, 'starten', { gestart_op: inv.datum }, `Levering gestart op ${inv.datum}`);
}

/**
 * Ends a started provision early: the last day (not before the begin or the start, not after the
 * granted end) and a reason from WMO588 (JZ588 for the Jeugdwet). The budget is recomputed over the
 * shortened period; the history keeps the old figure.
 */
export async function beeindig(tx: Tx, actor: Actor, id: string, inv: { datum: string; reden: string }): Promise<void> {
  await beeindigVan(tx, actor, await voorWerk(tx, actor, id), inv);
}

async function beeindigVan(tx: Tx, actor: Actor, v: Voorziening, inv: { datum: string; reden: string }): Promise<void> {
  const fout = overgangToegestaan('beeindigen', v.status);
  if (fout) throw new Problem('ongeldige-statusovergang', fout);
  const lijst = redenLijst(v.wet);
  if (!REDENEN_BEEINDIGING[lijst][inv.reden]) {
    throw new Problem('ongeldige-invoer', `Kies een reden uit ${lijst === 'jeugdwet' ? 'JZ588' : 'WMO588'}: ${Object.entries(REDENEN_BEEINDIGING[lijst]).map(([c, n]) => `${c} ${n}`).join(', ')}.`, [
      { name: 'reden', code: 'onbekende-reden', reason: 'Onbekende reden van beëindiging' },
    ]);
  }
  const ondergrens = v.gestartOp && v.gestartOp > v.begin ? v.gestartOp : v.begin;
  if (inv.datum < ondergrens) throw ongeldigeDatum(`De einddatum ligt vóór ${v.gestartOp ? 'de start van de levering' : 'de ingangsdatum'} (${ondergrens}).`);
  if (v.eind && inv.datum > v.eind) throw ongeldigeDatum(`De einddatum ligt na de toegekende einddatum (${v.eind}); een voorziening eindigt niet later dan besloten.`);
  let budget: Pick<Wijziging, 'budget_cents' | 'budget_tot' | 'jaarbedrag_cents'> = herberekend(v, inv.datum);
  if (v.productcode && inv.datum < v.budgetTot) {
    const b = await berekenBudget(tx, budgetVraag(v, { ...(v.contractProductId ? { contractProductId: v.contractProductId } : {}), eind: inv.datum }));
    budget = { budget_cents: b.budgetCents, budget_tot: b.budgetTot };
  }
  await overgang(tx, actor, v, 'beeindigen', { beeindigd_op: inv.datum, reden_beeindiging: inv.reden, ...budget },
    `Beëindigd per ${inv.datum}: ${REDENEN_BEEINDIGING[lijst][inv.reden]}`);
  await briefInWachtrij(tx, v.id, 'beeindigd');
  if (v.aanbieder) await toewijzingInWachtrij(tx, v);
}

/**
 * The beslisser withdraws a provision that has not started: it never had days (beeindigd_op is the
 * day before the begin), so it costs nothing and counts for no one; the history keeps the budget.
 */
export async function trekIn(tx: Tx, actor: Actor, id: string, inv: { datum: string; reden: string }): Promise<void> {
  const v = await voorWerk(tx, actor, id);
  const fout = overgangToegestaan('intrekken', v.status);
  if (fout) throw new Problem('ongeldige-statusovergang', fout);
  const laatsteDag = dagErvoor(v.begin);
  const intrekking: Intrekking = { datum: inv.datum, reden: inv.reden };
  await overgang(tx, actor, v, 'intrekken', { beeindigd_op: laatsteDag, reden_beeindiging: '36', budget_cents: 0, budget_tot: laatsteDag },
    `Ingetrokken op ${inv.datum}: ${inv.reden}`, { intrekking });
  await briefInWachtrij(tx, v.id, 'ingetrokken');
  if (v.aanbieder) await toewijzingInWachtrij(tx, v);
}

/** Running provisions of a provider, for inkoop's provider page: no names or BSN. */
export async function lopendeVoorzieningenVanAanbieder(tx: Tx, aanbiederId: string) {
  return (await lopendVanAanbieder(tx, aanbiederId)).map((r) => ({
    id: r.id, nummer: r.nummer, wet: r.wet, productcode: r.productcode, productNaam: r.product_naam, begin: r.begin, eind: r.eind, status: r.status as Status,
    budgetCents: r.budget_cents, budgetTot: r.budget_tot, jaarbedragCents: r.jaarbedrag_cents, contractProductId: r.contract_product_id,
  }));
}


export interface BesluitProduct {
  wet: string; catalogusItemId: string | null; productNaam: string; productcode?: string | undefined; eenheid?: string | undefined; periode?: string | undefined;
  volume: number; begin: string; eind: string | null; leveringsvorm: 'zin' | 'pgb'; resultaat?: { profiel: string; intensiteit: string } | undefined;
}
export interface BesluitBudget { productcode: string; eenheid: string; periode: string; budgetCents: number; budgetTot: string; jaarbedragCents: number }

/**
 * The budget a decision records for one granted product, computed from the contract (never typed in):
 * the product from the decision or else the catalogue item; the decision's eenheid and periode must
 * match the contracted product's. Before a provider is chosen inkoop reserves the highest tariff, so
 * the second-decider threshold cannot be skipped. `veld` is the input path for the 422's invalidParams.
 */
export async function budgetVoorBesluit(tx: Tx, p: BesluitProduct, veld: string): Promise<BesluitBudget> {
  const fout = (naam: string, reden: string) => new Problem('product-past-niet', reden, [{ name: `${veld}.${naam}`, code: 'past-niet', reason: reden }]);
  const productcode = p.productcode ?? (p.catalogusItemId ? (await productVanItem(tx, p.catalogusItemId))?.productcode ?? undefined : undefined);
  if (!productcode) throw fout('productcode', `'${p.productNaam}' wijst in de catalogus niet naar een gecontracteerd product: kies het product (productcode).`);
  const info = await productInfo(tx, { wet: p.wet, productcode, datum: p.begin });
  if (!info) throw new Problem('geen-gecontracteerd-product', `Product ${productcode} (${p.wet}) is bij geen enkele aanbieder gecontracteerd; het budget kan niet worden berekend.`, [{ name: `${veld}.productcode`, code: 'niet-gecontracteerd', reason: 'Niet gecontracteerd' }]);
  if (p.eenheid !== undefined && !eenheidPast(p.eenheid, info.eenheid)) {
    throw fout('eenheid', `De eenheid '${p.eenheid}' past niet bij ${info.naam}: het contract rekent in ${EENHEDEN[info.eenheid]?.naam ?? info.eenheid} (WJ756 ${info.eenheid}).`);
  }
  if (p.periode !== undefined && PERIODE_FREQUENTIE[p.periode] !== info.frequentie) {
    throw fout('periode', `De periode '${p.periode}' past niet bij ${info.naam}: het contract rekent ${frequentieNaam[info.frequentie] ?? info.frequentie} (kies '${FREQUENTIE_PERIODE[info.frequentie] ?? ''}').`);
  }
  const b = await berekenBudget(tx, {
    wet: p.wet, productcode, leveringsvorm: p.leveringsvorm, volume: p.volume, frequentie: info.frequentie, begin: p.begin, eind: p.eind,
    ...(p.resultaat ? { resultaat: p.resultaat } : {}),
  });
  return { productcode: info.productcode, eenheid: EENHEDEN[info.eenheid]?.naam ?? info.eenheid, periode: FREQUENTIE_PERIODE[info.frequentie]!, budgetCents: b.budgetCents, budgetTot: b.budgetTot, jaarbedragCents: b.jaarbedragCents };
}
