/**
 * Financien's use cases (issue 15.3): gather what is due into one payment batch per provider and
 * period, export a batch's journal for the financial system, and keep the ledger rules. Each takes the
 * transaction and the actor; the audit entry is written here (ADR 34), never by the route.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { declaratiesVanBatch, koppelAanBatch, prestatiesVanBatch, teBetalen, type BatchDeclaratie } from '../berichten/index.ts';
import { aanbiedersMetId, type AanbiederRef } from '../inkoop/index.ts';
import { journaalCsv, journaalXlsx } from './journaal.ts';
import {
  batchnummer, controleerGrootboekregels, controleerPeriode, eersteDag, groepeerPerAanbieder, journaalRegels, journaalTotaal, laatsteDag, ontbrekendGrootboek,
  wetVanStandaard, type Afwijzing, type BatchKop, type BronRegel, type Grootboekregel, type GrootboekInvoer, type JournaalRegel,
} from './rules.ts';
import {
  aantalBatchesInPeriode, batchesLijst, betaalrunSlot, getBatch, grootboekregels as leesGrootboekregels, insertBatch, insertTaakgericht, taakgerichtTeBetalen,
  taakgerichtTotalen, taakgerichtVanBatch, vervangGrootboekregels, type BatchRij,
} from './store.ts';

const ongeldig = (fouten: Afwijzing[]) =>
  new Problem('ongeldige-invoer', fouten.map((f) => f.reden).join('; '), fouten.map((f) => ({ name: f.veld, code: 'ongeldig', reason: f.reden })));

export interface Betaalbatch extends BatchRij {
  aanbieder: AanbiederRef;
  /** What the batch pays for declarations (equal to the approved totals of their 325s) and for taakgericht months. */
  declaratiesCents: number;
  taakgerichtCents: number;
}

export interface BetaalbatchDetail extends Betaalbatch {
  boekdatum: string;
  regels: JournaalRegel[];
  declaraties: BatchDeclaratie[];
  /** Laws and categories without a ledger rule: the journal cannot be exported until beheer sets them. */
  ontbrekendGrootboek: string[];
}

const onbekendeAanbieder = (id: string): AanbiederRef => ({ id, naam: 'Onbekende aanbieder', agbCode: '' });

/**
 * Creates one batch per provider (or only `aanbiederId`'s) of the approved, unpaid prestaties whose
 * 325 is dated up to the end of `periode`, plus one line per taakgericht contract product for that
 * month. One transaction under the gemeente's payment-run lock, the prestaties locked FOR UPDATE:
 * two runs never pay one prestatie or month twice. Nothing due: 422 and nothing written.
 */
export async function maakBetaalbatches(tx: Tx, actor: Actor, invoer: { aanbiederId?: string | undefined; periode: string }): Promise<Betaalbatch[]> {
  const fouten = controleerPeriode(invoer.periode, vandaag());
  if (fouten.length) throw ongeldig(fouten);
  if (invoer.aanbiederId && !(await aanbiedersMetId(tx, [invoer.aanbiederId])).has(invoer.aanbiederId)) {
    throw ongeldig([{ veld: 'aanbiederId', reden: 'Deze aanbieder bestaat niet' }]);
  }
  await betaalrunSlot(tx, actor.gemeenteId);
  const tot = laatsteDag(invoer.periode);
  const prestaties = await teBetalen(tx, { aanbiederId: invoer.aanbiederId, tot });
  const taak = await taakgerichtTeBetalen(tx, { aanbiederId: invoer.aanbiederId, maand: invoer.periode, van: eersteDag(invoer.periode), tot });
  const voorstellen = groepeerPerAanbieder(prestaties, taak);
  if (!voorstellen.length) {
    throw new Problem('niets-te-betalen', `Er is niets te betalen tot en met ${invoer.periode}: geen goedgekeurde declaraties die nog niet betaald zijn en geen taakgerichte bedragen voor deze maand.`);
  }
  const refs = await aanbiedersMetId(tx, voorstellen.map((v) => v.aanbiederId));
  let volgnummer = await aantalBatchesInPeriode(tx, invoer.periode);
  const ids: string[] = [];
  for (const v of voorstellen) {
    const id = await insertBatch(tx, {
      nummer: batchnummer(invoer.periode, ++volgnummer), aanbiederId: v.aanbiederId, periode: invoer.periode, totaalCents: v.totaalCents,
      aantalPrestaties: v.aantalPrestaties, aantalDeclaraties: v.aantalDeclaraties, aangemaaktDoor: actor.gebruikerId,
    });
    const gekoppeld = await koppelAanBatch(tx, v.prestatieIds, id);
    // The rows were locked above: a difference means the lock did not hold, and paying would be wrong.
    if (gekoppeld !== v.prestatieIds.length) throw new Error(`Betaalbatch: ${gekoppeld} van ${v.prestatieIds.length} prestaties gekoppeld`);
    await insertTaakgericht(tx, v.taakgericht.map((t) => ({ ...t, maand: invoer.periode, batchId: id })));
    ids.push(id);
  }
  await appendAudit(tx, actor, ids.map((id, i) => ({
    actie: 'aanmaken' as const, resourceType: 'betaalbatch', resourceId: id, persoonId: null,
    doel: `betaalbatch ${invoer.periode} voor ${refs.get(voorstellen[i]!.aanbiederId)?.naam ?? 'aanbieder'} aangemaakt`,
  })));
  const rijen = await batchesLijst(tx, { ids });
  const gemaakt = await metAanbieder(tx, rijen);
  return ids.map((id) => gemaakt.find((b) => b.id === id)!);
}

async function metAanbieder(tx: Tx, rijen: readonly BatchRij[]): Promise<Betaalbatch[]> {
  const refs = await aanbiedersMetId(tx, [...new Set(rijen.map((r) => r.aanbiederId))]);
  const taak = await taakgerichtTotalen(tx, rijen.map((r) => r.id));
  return rijen.map((r) => ({
    ...r, aanbieder: refs.get(r.aanbiederId) ?? onbekendeAanbieder(r.aanbiederId), taakgerichtCents: taak.get(r.id) ?? 0, declaratiesCents: r.totaalCents - (taak.get(r.id) ?? 0),
  }));
}

export async function betaalbatches(tx: Tx, f: { aanbiederId?: string | undefined; periode?: string | undefined }): Promise<Betaalbatch[]> {
  return metAanbieder(tx, await batchesLijst(tx, f));
}

async function bronVan(tx: Tx, batchId: string): Promise<BronRegel[]> {
  const declaraties = (await prestatiesVanBatch(tx, batchId)).map((p): BronRegel => ({
    bron: 'declaraties', wet: wetVanStandaard(p.standaard), productcategorie: p.productcategorie, productcode: p.productcode, naam: null, soort: p.soort,
    cents: p.cents, aantalPrestaties: p.aantal,
  }));
  const perProduct = new Map<string, BronRegel>();
  for (const t of await taakgerichtVanBatch(tx, batchId)) {
    const b = perProduct.get(t.contractProductId);
    if (b) b.cents += t.bedragCents;
    else perProduct.set(t.contractProductId, { bron: 'taakgericht', wet: t.wet, productcategorie: t.productcategorie, productcode: t.productcode, naam: t.naam, soort: 'debet', cents: t.bedragCents, aantalPrestaties: 0 });
  }
  return [...declaraties, ...perProduct.values()];
}

/** A batch with its journal lines (ledger account and cost centre as configured now) and the declarations it pays. */
export async function betaalbatch(tx: Tx, id: string): Promise<BetaalbatchDetail> {
  const rij = await getBatch(tx, id);
  if (!rij) throw notFound('Deze betaalbatch');
  const [b] = await metAanbieder(tx, [rij]);
  const boekdatum = vandaag(new Date(rij.aangemaaktOp));
  const kop: BatchKop = { nummer: rij.nummer, periode: rij.periode, boekdatum, aanbieder: { naam: b!.aanbieder.naam, agbCode: b!.aanbieder.agbCode } };
  const regels = journaalRegels(kop, await bronVan(tx, id), await leesGrootboekregels(tx));
  // The batch total was fixed when it was made; the lines are summed anew: they must agree.
  if (journaalTotaal(regels) !== rij.totaalCents) throw new Error(`Betaalbatch ${rij.nummer}: journaal ${journaalTotaal(regels)} ≠ totaal ${rij.totaalCents}`);
  return { ...b!, boekdatum, regels, declaraties: await declaratiesVanBatch(tx, id), ontbrekendGrootboek: ontbrekendGrootboek(regels) };
}

export type Journaal = { bestandsnaam: string; formaat: 'csv'; inhoud: string } | { bestandsnaam: string; formaat: 'xlsx'; inhoud: Buffer };

/** The journal file of a batch; refused (422) while a line has no ledger rule, so no half-booked file reaches finance. */
export async function exporteerJournaal(tx: Tx, actor: Actor, id: string, formaat: 'csv' | 'xlsx'): Promise<Journaal> {
  const d = await betaalbatch(tx, id);
  if (d.ontbrekendGrootboek.length) {
    throw new Problem('grootboek-onvolledig',
      `Er is geen grootboekrekening en kostenplaats ingesteld voor ${d.ontbrekendGrootboek.join('; ')}. Vraag functioneel beheer dit in te stellen onder Grootboek.`);
  }
  const kop: BatchKop = { nummer: d.nummer, periode: d.periode, boekdatum: d.boekdatum, aanbieder: { naam: d.aanbieder.naam, agbCode: d.aanbieder.agbCode } };
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'betaalbatch', resourceId: id, persoonId: null, doel: `journaal van betaalbatch ${d.nummer} geëxporteerd (${formaat})` }]);
  const bestandsnaam = `journaal-${d.nummer}.${formaat}`;
  return formaat === 'csv'
    ? { bestandsnaam, formaat, inhoud: journaalCsv(kop, d.regels) }
    : { bestandsnaam, formaat, inhoud: await journaalXlsx(kop, d.regels) };
}

export async function grootboek(tx: Tx): Promise<(Grootboekregel & { gewijzigdOp: string })[]> {
  return leesGrootboekregels(tx);
}

/** Replaces the ledger rules with this set; any refused rule refuses the whole set and nothing changes. */
export async function zetGrootboek(tx: Tx, actor: Actor, invoer: readonly GrootboekInvoer[]): Promise<(Grootboekregel & { gewijzigdOp: string })[]> {
  const { regels, fouten } = controleerGrootboekregels(invoer);
  if (fouten.length) throw ongeldig(fouten);
  const w = await vervangGrootboekregels(tx, regels);
  await appendAudit(tx, actor, [{
    actie: 'wijzigen', resourceType: 'grootboekregels', resourceId: actor.gemeenteId, persoonId: null,
    doel: `grootboek ingesteld: ${w.toegevoegd} toegevoegd, ${w.gewijzigd} gewijzigd, ${w.verwijderd} verwijderd`,
  }]);
  return leesGrootboekregels(tx);
}
