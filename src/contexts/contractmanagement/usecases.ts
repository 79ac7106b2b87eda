/**
 * Contractmanagement's use cases: the comparison of all providers, one provider's page, the clients
 * behind it (need-to-know, audited as Sturing's drill-down) and the contract ceiling (audited).
 */
import { Problem, notFound } from '../../platform/http/problem.ts';
import { appendAudit } from '../../platform/audit/store.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { retourcodeTekst } from '../berichten/index.ts';
import { aanbiederKeuzes, aanbiederVan, zetPlafond } from '../inkoop/index.ts';
import { getPersonen, volledigeNaam } from '../inwoners/index.ts';
import { normen } from '../sturing/index.ts';
import { zichtbareHuishoudens } from '../privacy/index.ts';
import { FIGUREN, LEEG, aantalSignalen, figurenVan, metEigenNorm, jaarPeriode, onderdrukt, plafondFout, type RuweCijfers } from './rules.ts';
import {
  afkeuringenPerCode, clientenPerProduct, doorlooptijdenPerAanbieder, geldPerAanbieder, perContract, perProduct, plafondPerAanbieder, uitkomstenPerAanbieder,
  voorzieningenInZorg, zorgPerAanbieder, type Periode,
} from './store.ts';

export const periodeVan = (jaar: number | undefined): Periode & { jaar: number } => {
  const nu = vandaag();
  const j = jaar ?? Number(nu.slice(0, 4));
  return { jaar: j, ...jaarPeriode(j, nu) };
};

/** The raw sums of every provider (or one), one query per figure family. */
async function ruweCijfers(tx: Tx, p: Periode, aanbiederId?: string): Promise<Map<string, RuweCijfers>> {
  const zorg = await zorgPerAanbieder(tx, p, aanbiederId);
  const geld = await geldPerAanbieder(tx, p, aanbiederId);
  const plafond = await plafondPerAanbieder(tx, p, aanbiederId);
  const doorloop = await doorlooptijdenPerAanbieder(tx, p, aanbiederId);
  const uitkomst = await uitkomstenPerAanbieder(tx, p, aanbiederId);
  const ids = new Set([...zorg.keys(), ...geld.keys(), ...plafond.keys(), ...doorloop.keys(), ...uitkomst.keys()]);
  const uit = new Map<string, RuweCijfers>();
  for (const id of ids) {
    const { aanbieder_id: _a, ...z } = zorg.get(id) ?? { aanbieder_id: id };
    const { aanbieder_id: _b, ...g } = geld.get(id) ?? { aanbieder_id: id };
    const { aanbieder_id: _c, ...pl } = plafond.get(id) ?? { aanbieder_id: id };
    const { aanbieder_id: _d, ...d } = doorloop.get(id) ?? { aanbieder_id: id };
    const { aanbieder_id: _e, ...u } = uitkomst.get(id) ?? { aanbieder_id: id };
    uit.set(id, { ...LEEG, ...z, ...g, ...pl, ...d, ...u });
  }
  return uit;
}

/** Every provider of the gemeente that is active or has figures in the year, with all figures: the comparison. */
export async function vergelijking(tx: Tx, jaar?: number) {
  const p = periodeVan(jaar);
  const [aanbieders, cijfers, eigen] = [await aanbiederKeuzes(tx), await ruweCijfers(tx, p), await normen(tx)];
  const rijen = aanbieders
    .filter((a) => a.actief || cijfers.has(a.id))
    .map((a) => {
      const figuren = figurenVan(cijfers.get(a.id) ?? LEEG, eigen);
      return { aanbieder: { id: a.id, naam: a.naam, agbCode: a.agbCode, actief: a.actief }, figuren, signalen: aantalSignalen(figuren) };
    });
  return { jaar: p.jaar, van: p.van, tot: p.tot, peildatum: p.peildatum, definities: FIGUREN.map((d) => metEigenNorm(d, eigen)), rijen };
}

/** One provider's page: the figures, per contract and product, refusals by code with their text, and the lead times. */
export async function aanbiederPagina(tx: Tx, aanbiederId: string, jaar?: number) {
  const a = await aanbiederVan(tx, aanbiederId);
  if (!a) throw notFound('Deze aanbieder');
  const p = periodeVan(jaar);
  const ruw = (await ruweCijfers(tx, p, aanbiederId)).get(aanbiederId) ?? LEEG;
  const eigen = await normen(tx);
  const figuren = figurenVan(ruw, eigen);
  return {
    jaar: p.jaar, van: p.van, tot: p.tot, peildatum: p.peildatum,
    aanbieder: { id: a.id, naam: a.naam, agbCode: a.agbCode, actief: a.actief },
    definities: FIGUREN.map((d) => metEigenNorm(d, eigen)), figuren, signalen: aantalSignalen(figuren),
    contracten: await perContract(tx, p, aanbiederId),
    producten: await perProduct(tx, p, aanbiederId),
    afkeuringen: {
      prestaties: ruw.prestaties, afgekeurd: ruw.afgekeurd,
      perCode: (await afkeuringenPerCode(tx, p, aanbiederId)).map((r) => ({ ...r, tekst: retourcodeTekst(r.code) })),
    },
    doorlooptijden: {
      toewijzingTotStart: { aantal: ruw.startAantal, ...figuren.toewijzingTotStart },
      verzoekTotAntwoord: { aantal: ruw.antwoordAantal, ...figuren.verzoekTotAntwoord },
    },
  };
}

/** Roles that may see the clients themselves (as Sturing's drill-down: the teamleider); the others get counts per product. */
export const ZIET_CLIENTEN: ReadonlySet<string> = new Set(['teamleider']);
const LIMIET = 500;

/**
 * The clients in care with this provider. A teamleider sees those of the households the one access
 * rule lets them see (so `totaal` counts only those), with one audit entry for the list and one per
 * person shown — the drill-down is then in each person's own trail. Other roles see the number of
 * clients per product, small counts (< 5) hidden, and no names.
 */
export async function clientenVan(tx: Tx, actor: Actor, aanbiederId: string, jaar?: number) {
  const a = await aanbiederVan(tx, aanbiederId);
  if (!a) throw notFound('Deze aanbieder');
  const p = periodeVan(jaar);
  const basis = { jaar: p.jaar, van: p.van, tot: p.tot, peildatum: p.peildatum, aanbieder: { id: a.id, naam: a.naam } };
  if (!ZIET_CLIENTEN.has(actor.rol)) {
    const rijen = (await clientenPerProduct(tx, p, aanbiederId)).map((r) => {
      const klein = onderdrukt(r.clienten);
      return { productcode: r.productcode, productNaam: r.naam, clienten: klein ? null : r.clienten, onderdrukt: klein };
    });
    return { ...basis, soort: 'aantallen' as const, rijen };
  }
  const { rijen, totaal } = await voorzieningenInZorg(tx, p, aanbiederId, (kolom) => zichtbareHuishoudens(actor, kolom), LIMIET);
  const namen = new Map((await getPersonen(tx, [...new Set(rijen.map((r) => r.persoonId))])).map((x) => [x.id, volledigeNaam(x)]));
  const doel = `contractmanagement: cliënten in zorg bij ${a.naam} in ${p.jaar} inzien`;
  await appendAudit(tx, actor, [
    { actie: 'lezen', resourceType: 'contractmanagement-clienten', resourceId: aanbiederId, persoonId: null, doel },
    ...[...new Set(rijen.map((r) => r.persoonId))].map((persoonId) => ({ actie: 'lezen' as const, resourceType: 'contractmanagement-clienten', resourceId: aanbiederId, persoonId, doel })),
  ]);
  return {
    ...basis, soort: 'clienten' as const, totaal, getoond: rijen.length,
    // A pseudonymised person (after destruction) has no name left.
    rijen: rijen.map(({ persoonId, ...r }) => ({ ...r, naam: namen.get(persoonId) ?? 'Onbekend' })),
  };
}

/** Sets (or removes, with null) the yearly ceiling of a contract; the change is in the audit trail with old and new amount. */
export async function wijzigPlafond(tx: Tx, actor: Actor, contractId: string, plafondCents: number | null) {
  const fout = plafondFout(plafondCents);
  if (fout) throw new Problem('ongeldige-invoer', fout, [{ name: 'plafondCents', code: 'ongeldig', reason: fout }]);
  const r = await zetPlafond(tx, contractId, plafondCents);
  if (!r) throw notFound('Dit contract');
  await appendAudit(tx, actor, [{
    actie: 'wijzigen', resourceType: 'contract', resourceId: contractId, persoonId: null,
    doel: `plafond van contract ${r.nummer} van ${r.vorig ?? 'geen'} naar ${plafondCents ?? 'geen'} cent`,
  }]);
  return { contractId, nummer: r.nummer, aanbiederId: r.aanbiederId, plafondCents };
}
