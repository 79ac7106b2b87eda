/**
 * Besluit's use cases. Every four-eyes step locks the aanvraag row first (SELECT … FOR UPDATE),
 * so two people cannot both take the same step, and checks who did the earlier steps.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { code, lijst, tekst } from '../../platform/http/schemas.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { getCatalogusItem } from '../catalogus/index.ts';
import { bepaalAanvrager, type Aanvrager } from '../inwoners/index.ts';
import { auditHuishouden, getPersoon, volledigeNaam, wettelijkVertegenwoordigers } from '../inwoners/index.ts';
import { arrangementVanPlan, doelenVanPlan, itemsVoorAanvraag, planVanCasus, zetItemStatus } from '../plan/index.ts';
import { eisDossierToegang } from '../privacy/index.ts';
import { budgetVoorBesluit, kenVoorzieningenToe, type BesluitBudget } from '../voorziening/index.ts';
import {
  casusVoorWerk, getCasus, insertTermijn, meldingenVanCasus, meldingVoorAanvraag, rondAanvraagTermijnenAf, rondBezwaarTermijnAf, termijnConfig, termijnen,
  termijnenVanBezwaren, termijnVoorWijziging, verdaagTermijn, volgendNummer, type Wet,
} from '../toegang/index.ts';
import { maakBrief, datumLang } from '../../platform/pdf/brief.ts';
import { correspondentie, medewerkerContact } from '../../platform/pdf/correspondentie.ts';
import { adresRegel, afzenderRegels, geadresseerde, opsomming, wetVoluit } from '../../platform/pdf/tekst.ts';
import { vandaag as vandaagNL } from '../../platform/time.ts';
import {
  BEROEPSTERMIJN_WEKEN, BEZWAAR_VERDAGING_WEKEN, GRONDSLAG, STANDAARD_BESLUIT_INSTELLINGEN, bezwaarBeslistermijn, bezwaarBeslistermijnStart, bezwaarStappen,
  bezwaarStapToegestaan, bezwaarTijdig, bezwaarUitkomstNaam, bezwaarVierOgen, leidtTotHerziening, leveringsvormNaam, stapToegestaan, tweedeBeslisserNodig,
  uitkomstNaam, vierOgen, type AanvraagStap, type BesluitInstellingen, type BezwaarStap, type BezwaarUitkomst, type Leveringsvorm, type Uitkomst,
} from './rules.ts';
import {
  alAangevraagd, beschikkingVanAanvraag, eersteBesluit, getAanvraag, getBezwaar, herzieningLoopt, getBeschikking, insertAanvraag, insertAanvraagProducten, insertBeschikking,
  insertBezwaar, lopendeHerziening, markeerBeschikkingVerzonden, productenVanAanvraag, zetAanvraagStap, zetBezwaarStap, type Aanvraag, type Beschikking, type Bezwaar,
} from './store.ts';

const WETTEN_MET_TERMIJN = ['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend'] as const;
const wetVan = (domein: string | null, fallback: Wet): Wet => ((WETTEN_MET_TERMIJN as readonly string[]).includes(domein ?? '') ? (domein as Wet) : fallback);

// Every text and code bounded (issue 11): settings are data a beheerder types, and end up in every letter and review.
const instellingenSchema = z.object({
  tweedeBeslisserVanafCents: z.number().int().min(0).max(10_000_000_000),
  eigenBijdrage: z.record(code('Wet', 30), tekst(1000, 'Tekst over de eigen bijdrage').nullable())
    .refine((r) => Object.keys(r).length <= 20, 'Hoogstens 20 wetten'),
  steekproefPercentage: z.number().int().min(1).max(100),
  steekproefSeed: tekst(100, 'Seed van de steekproef'),
  checklist: lijst(z.object({ code: code('Code'), vraag: tekst(500, 'Vraag'), soort: z.enum(['inhoud', 'recht']) }), 50, 'Checklist').min(1)
    .refine((c) => new Set(c.map((x) => x.code)).size === c.length, 'Elke code komt één keer voor'),
});
export { instellingenSchema };

export async function besluitInstellingen(tx: Tx): Promise<BesluitInstellingen> {
  const r = await tx.selectFrom('gemeente_instellingen').select('waarde').where('sleutel', '=', 'besluit').executeTakeFirst();
  const p = instellingenSchema.safeParse(r?.waarde);
  return p.success ? p.data : STANDAARD_BESLUIT_INSTELLINGEN;
}

/** Starts the decision terms: one per law among the products (Wmo 2 weeks, others 8 weeks, as configured). */
async function startTermijnen(tx: Tx, gemeenteId: string, aanvraagId: string, wetten: Set<Wet>, ontvangenOp: string, vandaag: string) {
  const config = await termijnConfig(tx);
  for (const wet of wetten) {
    await insertTermijn(tx, { gemeenteId, aanvraagId, soort: 'beschikking', wet, startdatum: ontvangenOp, regel: config[wet].beschikking as termijnen.TermijnRegel }, vandaag);
  }
}

type Partijen = { namensPersoonId?: string | undefined; aanvrager?: Partial<Aanvrager> | undefined };

/** On whose behalf (a member of the household; by default `standaard`) and who applies (inwoners decides the default: a minor's parent with gezag). */
async function partijen(tx: Tx, huishoudenId: string, inv: Partijen, standaard: string, vandaag: string): Promise<{ persoonId: string; aanvrager: Aanvrager }> {
  const persoonId = inv.namensPersoonId ?? standaard;
  if ((await getPersoon(tx, persoonId))?.huishoudenId !== huishoudenId) {
    throw new Problem('ongeldige-invoer', 'Een aanvraag is voor een lid van dit huishouden.', [{ name: 'namensPersoonId', code: 'geen-lid', reason: 'Kies een lid van het huishouden' }]);
  }
  return { persoonId, aanvrager: await bepaalAanvrager(tx, persoonId, inv.aanvrager, vandaag) };
}

async function hoofdpersoon(tx: Tx, casusId: string): Promise<string> {
  const m = (await meldingenVanCasus(tx, casusId))[0];
  if (!m) throw new Problem('ongeldige-invoer', 'Deze casus heeft geen melding, dus geen aanvrager.');
  return m.persoonId;
}

/** The plan's items that need a decision become one aanvraag for the household, across laws. */
export async function dienAanvraagIn(tx: Tx, actor: Actor, inv: { casusId: string; arrangementItemIds: string[]; ontvangenOp: string; toelichting?: string | undefined } & Partijen, vandaag: string): Promise<string> {
  const casus = await casusVoorWerk(tx, actor, inv.casusId, { schrijven: true });
  const ids = [...new Set(inv.arrangementItemIds)];
  const items = await itemsVoorAanvraag(tx, ids);
  const fout = (reden: string) => new Problem('ongeldige-invoer', reden, [{ name: 'arrangementItemIds', code: 'ongeldig', reason: reden }]);
  if (items.length !== ids.length || items.some((i) => i.casusId !== casus.id)) throw fout('Kies onderdelen uit het arrangement van deze casus.');
  const nietNodig = items.filter((i) => i.status !== 'aanvraagNodig');
  if (nietNodig.length) throw fout(`'${nietNodig[0]!.omschrijving}' heeft geen beschikking nodig (of is al besloten).`);
  const dubbel = await alAangevraagd(tx, ids);
  if (dubbel.length) throw new Problem('conflict', 'Een of meer onderdelen zijn al aangevraagd. Wijzigen kan met een herziening.', [{ name: 'arrangementItemIds', code: 'al-aangevraagd', reason: 'Al aangevraagd' }]);
  const eersteWet = (await meldingenVanCasus(tx, casus.id))[0]?.wet ?? 'onbekend';
  const jaar = Number(inv.ontvangenOp.slice(0, 4));
  const nummer = `A-${jaar}-${String(await volgendNummer(tx, actor.gemeenteId, 'aanvraag', jaar)).padStart(6, '0')}`;
  const id = await insertAanvraag(tx, {
    gemeenteId: actor.gemeenteId, nummer, casusId: casus.id, huishoudenId: casus.huishoudenId, bron: 'plan',
    herzieningVan: null, ontvangenOp: inv.ontvangenOp, toelichting: inv.toelichting ?? null, door: actor.gebruikerId,
    ...await partijen(tx, casus.huishoudenId, inv, await hoofdpersoon(tx, casus.id), vandaag),
  });
  const producten = items.map((i) => ({ arrangementItemId: i.id, catalogusItemId: i.catalogusItemId, wet: wetVan(i.domein, eersteWet), omschrijving: i.omschrijving }));
  await insertAanvraagProducten(tx, actor.gemeenteId, id, producten);
  await startTermijnen(tx, actor.gemeenteId, id, new Set(producten.map((p) => p.wet)), inv.ontvangenOp, vandaag);
  await auditHuishouden(tx, actor, casus.huishoudenId, 'aanmaken', 'aanvraag', id, 'aanvraag indienen');
  return id;
}

/**
 * A resident files an aanvraag directly (recorded by staff). For the Wmo only after the onderzoek:
 * its report was sent, or its six weeks have passed (art. 2.3.2 Wmo 2015).
 */
export async function dienRechtstreeksIn(tx: Tx, actor: Actor, inv: { meldingId: string; catalogusItemId: string; ontvangenOp: string; toelichting?: string | undefined } & Partijen, vandaag: string): Promise<string> {
  const melding = await meldingVoorAanvraag(tx, inv.meldingId);
  if (!melding || (actor.rol === 'frontoffice' && melding.geregistreerdDoor !== actor.gebruikerId)) throw notFound('Deze melding');
  if (melding.casusId && actor.rol === 'frontoffice') {
    // The KCC records the application a resident hands in for a melding it registered itself: intake
    // work, like registering the melding, that does not open the household's file (ADR 25).
    if ((await getCasus(tx, melding.casusId))?.status !== 'open') throw new Problem('casus-gesloten', 'Deze casus is gesloten.');
  } else if (melding.casusId) {
    await casusVoorWerk(tx, actor, melding.casusId, { schrijven: true });
  }
  if (!melding.casusId) throw new Problem('ongeldige-statusovergang', 'Zet de melding eerst door naar onderzoek, zodat er een casus en een casusregisseur is.');
  const onderzoek = melding.onderzoek;
  if (melding.wet === 'wmo' && onderzoek && !onderzoek.afgerondOp && vandaag <= onderzoek.uitersteDatum) {
    throw new Problem('ongeldige-statusovergang', `Een Wmo-aanvraag kan pas na het onderzoek: het verslag is nog niet verzonden en de zes weken lopen tot en met ${datumLang(onderzoek.uitersteDatum)}.`);
  }
  const product = await getCatalogusItem(tx, inv.catalogusItemId);
  if (!product || !product.beschikkingNodig) {
    throw new Problem('ongeldige-invoer', 'Kies een product waarvoor een beschikking nodig is.', [{ name: 'catalogusItemId', code: 'ongeldig', reason: 'Kies een maatwerkvoorziening' }]);
  }
  const jaar = Number(inv.ontvangenOp.slice(0, 4));
  const nummer = `A-${jaar}-${String(await volgendNummer(tx, actor.gemeenteId, 'aanvraag', jaar)).padStart(6, '0')}`;
  const id = await insertAanvraag(tx, {
    gemeenteId: actor.gemeenteId, nummer, casusId: melding.casusId, huishoudenId: melding.huishoudenId, bron: 'inwoner',
    herzieningVan: null, ontvangenOp: inv.ontvangenOp, toelichting: inv.toelichting ?? null, door: actor.gebruikerId,
    ...await partijen(tx, melding.huishoudenId, inv, melding.persoonId, vandaag),
  });
  const wet = wetVan(product.domein, melding.wet);
  await insertAanvraagProducten(tx, actor.gemeenteId, id, [{ arrangementItemId: null, catalogusItemId: product.id, wet, omschrijving: product.naam }]);
  await startTermijnen(tx, actor.gemeenteId, id, new Set([wet]), inv.ontvangenOp, vandaag);
  await auditHuishouden(tx, actor, melding.huishoudenId, 'aanmaken', 'aanvraag', id, 'aanvraag van de inwoner registreren');
  return id;
}

async function vergrendel(tx: Tx, id: string): Promise<Aanvraag> {
  const a = await getAanvraag(tx, id, true);
  if (!a) throw notFound('Deze aanvraag');
  return a;
}

/**
 * How a decision reads its aanvraag. The app always reads under the row lock; the concurrency test on
 * the PostgreSQL server passes a plain read to show that the lock, not the unique index, stops a second decider.
 */
export type AanvraagLezer = (tx: Tx, id: string) => Promise<Aanvraag>;
export const onderRijvergrendeling: AanvraagLezer = vergrendel;

function controleerStap(stap: AanvraagStap, a: Aanvraag, actor: Actor, opts: { tweedeBeslisser?: boolean } = {}) {
  const status = stapToegestaan(stap, a.status);
  if (status) throw new Problem('ongeldige-statusovergang', status);
  const reden = vierOgen(stap, actor.gebruikerId ?? '', {
    voorbereidDoor: a.voorbereidDoor?.id ?? null, getoetstDoor: a.getoetstDoor?.id ?? null, beoordeeldDoor: a.beoordeeldDoor?.id ?? null,
    eersteBeslisser: a.eersteBeslisser?.id ?? null,
  }, opts);
  if (reden) throw new Problem('vier-ogen-zelfde-persoon', reden);
}

export async function toets(tx: Tx, actor: Actor, id: string, inv: { compleet: boolean; bevoegd: boolean; opmerkingen?: string | undefined }): Promise<void> {
  const a = await vergrendel(tx, id);
  controleerStap('toets', a, actor);
  if (!inv.compleet || !inv.bevoegd) {
    throw new Problem('ongeldige-invoer', 'Een aanvraag die niet compleet is of waarvoor de gemeente niet bevoegd is, gaat niet door: vraag eerst om aanvulling (schort de termijn op).', [
      { name: inv.compleet ? 'bevoegd' : 'compleet', code: 'toets-niet-voldaan', reason: 'Niet voldaan' },
    ]);
  }
  await zetAanvraagStap(tx, {
    gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: 'getoetst', door: actor.gebruikerId, toelichting: inv.opmerkingen ?? 'Formeel getoetst',
    velden: { getoetst_door: actor.gebruikerId!, toets: JSON.stringify(inv) },
  });
  await auditHuishouden(tx, actor, a.huishoudenId, 'wijzigen', 'aanvraag', id, 'aanvraag toetsen');
}

export async function beoordeel(tx: Tx, actor: Actor, id: string, inv: { advies: string }): Promise<void> {
  const a = await vergrendel(tx, id);
  controleerStap('beoordeling', a, actor);
  await zetAanvraagStap(tx, {
    gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: 'beoordeeld', door: actor.gebruikerId, toelichting: 'Beoordeeld',
    velden: { beoordeeld_door: actor.gebruikerId!, beoordeling: inv.advies },
  });
  await auditHuishouden(tx, actor, a.huishoudenId, 'wijzigen', 'aanvraag', id, 'aanvraag beoordelen');
}

export interface BesluitProductInvoer {
  arrangementItemId?: string | undefined; aanvraagProductId?: string | undefined; uitkomst: Uitkomst; omvang?: number | undefined; eenheid?: string | undefined;
  periode?: 'dag' | 'week' | 'maand' | 'jaar' | 'totaal' | undefined; ingangsdatum?: string | undefined; einddatum?: string | undefined;
  leveringsvorm?: Leveringsvorm | undefined; grondslag?: string | undefined;
  /** The contracted product (issue 13); required when the catalogue item names none. */
  productcode?: string | undefined; resultaat?: { profiel: string; intensiteit: string } | undefined;
}

/**
 * The decision. Above the configured yearly amount the first decider's decision waits for a second,
 * different decider (`bevestigd: false`); otherwise it is final at once and the beschikking exists.
 */
export async function beslis(
  tx: Tx, actor: Actor, id: string, invoer: { producten: BesluitProductInvoer[]; motivering: string }, lees: AanvraagLezer = onderRijvergrendeling,
): Promise<{ besloten: boolean; beschikkingId: string | null }> {
  const a = await lees(tx, id);
  // Once a first decider decided above the threshold, the second one confirms exactly that decision.
  const inv = a.eersteBeslisser ? ((await eersteBesluit(tx, id)) as typeof invoer | null) ?? invoer : invoer;
  const inst = await besluitInstellingen(tx);
  const producten = await productenVanAanvraag(tx, id);
  const keuzes = producten.map((p) => {
    const k = inv.producten.find((x) => (x.aanvraagProductId && x.aanvraagProductId === p.id) || (x.arrangementItemId && x.arrangementItemId === p.arrangementItemId));
    return { product: p, keuze: k };
  });
  const ontbreekt = keuzes.filter((k) => !k.keuze);
  const onbekend = inv.producten.filter((x) => !producten.some((p) => p.id === x.aanvraagProductId || (x.arrangementItemId && p.arrangementItemId === x.arrangementItemId)));
  if (ontbreekt.length || onbekend.length) {
    throw new Problem('ongeldige-invoer', ontbreekt.length ? `Beslis over elk aangevraagd product; '${ontbreekt[0]!.product.omschrijving}' ontbreekt.` : 'Een product hoort niet bij deze aanvraag.', [
      { name: 'producten', code: 'onvolledig', reason: 'Noem elk aangevraagd product precies één keer' },
    ]);
  }
  const fouten = keuzes.flatMap(({ keuze }, i) => {
    if (keuze!.uitkomst === 'afgewezen') return [];
    // The eenheid comes from the contracted product (issue 13); given, it must match it.
    const ontbrekend = (['omvang', 'ingangsdatum', 'leveringsvorm'] as const).filter((v) => keuze![v] === undefined);
    return ontbrekend.map((v) => ({ name: `producten.${i}.${v}`, code: 'verplicht', reason: 'Verplicht bij een (deels) toekenning' }));
  });
  if (fouten.length) throw new Problem('ongeldige-invoer', 'Noem bij elke toekenning de omvang, ingangsdatum en leveringsvorm.', fouten);
  const bevestiging = a.eersteBeslisser !== null;
  // Who may take this step first (status, four eyes); then the contract figures.
  controleerStap('besluit', a, actor, { tweedeBeslisser: bevestiging });
  // Every granted product's budget is computed from the contract (issue 13); the threshold compares
  // the sum of the computed yearly amounts, so leaving a field out can never skip the second decider.
  const budgetten = new Map<string, BesluitBudget>();
  for (const { product, keuze } of keuzes) {
    if (keuze!.uitkomst === 'afgewezen') continue;
    budgetten.set(product.id, await budgetVoorBesluit(tx, {
      wet: product.wet, catalogusItemId: product.catalogusItemId, productNaam: product.omschrijving, productcode: keuze!.productcode, eenheid: keuze!.eenheid,
      periode: keuze!.periode, volume: keuze!.omvang!, begin: keuze!.ingangsdatum!, eind: keuze!.einddatum ?? null, leveringsvorm: keuze!.leveringsvorm!, resultaat: keuze!.resultaat,
    }, `producten.${inv.producten.indexOf(keuze!)}`));
  }
  const jaarbedragCents = [...budgetten.values()].reduce((s, b) => s + b.jaarbedragCents, 0);
  const tweede = bevestiging || tweedeBeslisserNodig(jaarbedragCents, inst);
  if (tweede && !bevestiging) {
    await zetAanvraagStap(tx, {
      gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: a.status, door: actor.gebruikerId,
      toelichting: `Eerste besluit genomen (jaarbedrag boven de drempel): wacht op een tweede beslisser`,
      velden: { eerste_beslisser: actor.gebruikerId, eerste_besluit: JSON.stringify(inv) },
    });
    await auditHuishouden(tx, actor, a.huishoudenId, 'wijzigen', 'aanvraag', id, 'besluiten');
    return { besloten: false, beschikkingId: null };
  }
  const jaar = Number(vandaagNL().slice(0, 4));
  const nummer = `B-${jaar}-${String(await volgendNummer(tx, actor.gemeenteId, 'beschikking', jaar)).padStart(6, '0')}`;
  const beschikkingId = await insertBeschikking(tx, {
    gemeenteId: actor.gemeenteId, nummer, aanvraagId: id, herzieningVan: a.herzieningVan, motivering: inv.motivering,
    producten: keuzes.map(({ product, keuze }) => ({
      aanvraagProductId: product.id, uitkomst: keuze!.uitkomst, grondslag: keuze!.grondslag ?? GRONDSLAG[product.wet] ?? GRONDSLAG.onbekend!,
      omvang: keuze!.omvang ?? null, eenheid: keuze!.eenheid ?? budgetten.get(product.id)?.eenheid ?? null, periode: keuze!.periode ?? budgetten.get(product.id)?.periode ?? null,
      ingangsdatum: keuze!.ingangsdatum ?? null, einddatum: keuze!.einddatum ?? null, leveringsvorm: keuze!.leveringsvorm ?? null,
      eigenBijdrage: keuze!.uitkomst === 'afgewezen' ? null : inst.eigenBijdrage[product.wet] ?? null, jaarbedragCents: budgetten.get(product.id)?.jaarbedragCents ?? 0,
      budgetCents: budgetten.get(product.id)?.budgetCents ?? null, productcode: budgetten.get(product.id)?.productcode ?? null, resultaat: keuze!.resultaat ?? null,
    })),
  });
  await zetAanvraagStap(tx, {
    gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: 'besloten', door: actor.gebruikerId,
    toelichting: bevestiging ? 'Besluit bevestigd door een tweede beslisser' : 'Besloten', velden: { besloten_door: actor.gebruikerId! },
  });
  await auditHuishouden(tx, actor, a.huishoudenId, 'wijzigen', 'aanvraag', id, 'besluiten');
  return { besloten: true, beschikkingId };
}

/** The beschikking as a letter a lawyer would accept. */
export async function beschikkingBrief(tx: Tx, b: Beschikking, gemeenteNaam: string, opts: { concept: boolean; verzenddatum: string; bezwaarTermijnEinde: string }): Promise<Buffer> {
  const a = (await getAanvraag(tx, b.aanvraagId))!;
  const corr = await correspondentie(tx, gemeenteNaam);
  const aan = await adressering(tx, a.persoonId);
  const contact = await regisseurContact(tx, a.casusId);
  const plan = await planVanCasus(tx, a.casusId);
  const [doelen, arrangement] = plan ? await Promise.all([doelenVanPlan(tx, plan.id), arrangementVanPlan(tx, plan.id)]) : [[], []];
  const productDoelen = new Set((await productenVanAanvraag(tx, a.id)).map((p) => p.arrangementItemId).filter(Boolean));
  const relevanteDoelen = new Set(arrangement.filter((i) => productDoelen.has(i.id)).map((i) => i.doelId));
  const lager = arrangement.filter((i) => relevanteDoelen.has(i.doelId) && i.trede < 4);
  const motiveringen = arrangement.filter((i) => productDoelen.has(i.id) && i.motivering).map((i) => i.motivering!);
  // The periode is the contract product's frequency (issue 13): per dag/week/maand, or in total over the period.
  const omvang = (p: Beschikking['producten'][number]) =>
    (p.uitkomst === 'afgewezen' ? '—' : `${p.omvang ?? ''} ${p.eenheid ?? ''} ${p.periode === 'totaal' ? 'in totaal' : `per ${p.periode ?? 'week'}`}`.trim());
  const looptijd = (p: Beschikking['producten'][number]) =>
    (p.uitkomst === 'afgewezen' ? '—' : `${p.ingangsdatum ? datumLang(p.ingangsdatum) : ''}${p.einddatum ? ` t/m ${datumLang(p.einddatum)}` : ' (geen einddatum)'}`);
  const wettenZin = opsomming([...new Set(b.producten.map((p) => `de ${wetVoluit(p.wet)}`))]);
  return maakBrief({
    gemeente: gemeenteNaam,
    afzenderRegels: afzenderRegels(corr),
    geadresseerde: aan.regels,
    contact,
    datum: opts.verzenddatum,
    kenmerk: b.nummer,
    onderwerp: `${b.herzieningVan ? 'Herziening: besluit' : 'Besluit'} op uw aanvraag ${a.nummer}`,
    aanhef: aan.aanhef,
    concept: opts.concept,
    secties: [
      { alineas: [
        `Op ${datumLang(a.ontvangenOp)} hebben wij uw aanvraag ontvangen (kenmerk ${a.nummer}). Het gaat om ${wettenZin}. Wij hebben uw situatie bekeken over alle leefgebieden en samen met u een plan gemaakt. In deze brief leest u ons besluit.`,
        ...(b.herzieningVan ? ['Dit besluit vervangt ons eerdere besluit op dezelfde voorziening (herziening).'] : []),
      ] },
      { kop: 'Ons besluit', tabel: [['Voorziening', 'Besluit', 'Omvang', 'Looptijd', 'Vorm'], ...b.producten.map((p) => [
        p.omschrijving, uitkomstNaam[p.uitkomst], omvang(p), looptijd(p), p.leveringsvorm ? leveringsvormNaam[p.leveringsvorm] : '—',
      ])] },
      { kop: 'Waarom wij zo besluiten', alineas: [b.motivering,
        ...(doelen.length ? [`Uw doelen in het plan: ${doelen.filter((d) => relevanteDoelen.has(d.id)).map((d) => `${d.omschrijving} (${d.meetbaarResultaat})`).join('; ')}.`] : []),
        ...(lager.length ? [`Eerst is gekeken wat u zelf kunt, wat uw netwerk doet en welke algemene voorzieningen helpen: ${lager.map((i) => i.catalogusItem?.naam ?? i.omschrijving).join('; ')}.`] : []),
        ...(motiveringen.length ? [`Waarom dat niet genoeg is: ${motiveringen.join(' ')}`] : []),
      ] },
      { kop: 'Wettelijke grondslag', alineas: [...new Set(b.producten.map((p) => `Dit besluit is genomen op grond van ${p.grondslag}.`))] },
      ...(b.producten.some((p) => p.eigenBijdrage) ? [{ kop: 'Eigen bijdrage', alineas: [...new Set(b.producten.map((p) => p.eigenBijdrage).filter((x): x is string => !!x))] }] : []),
      ...(b.producten.some((p) => p.leveringsvorm === 'pgb') ? [{ kop: 'Persoonsgebonden budget', alineas: ['U krijgt een pgb. De Sociale Verzekeringsbank (SVB) betaalt uw zorgverlener namens u. U houdt een administratie bij en legt verantwoording af over de besteding.'] }] : []),
      { kop: 'Bent u het niet eens met dit besluit?', alineas: [
        `Dan kunt u bezwaar maken binnen zes weken na de dag waarop dit besluit is verzonden. Uw bezwaarschrift moet uiterlijk op ${datumLang(opts.bezwaarTermijnEinde)} door ons zijn ontvangen.`,
        `Stuur uw bezwaarschrift aan: ${corr.bezwaarAdres.aan}, ${adresRegel(corr.bezwaarAdres)}. Zet daarin: uw naam en adres, de datum, het kenmerk ${b.nummer}, waarom u het niet eens bent met het besluit, en uw handtekening. Stuur een kopie van deze brief mee.`,
        `Een bezwaar schort dit besluit niet op. Is het dringend, dan kunt u de voorzieningenrechter van ${corr.rechtbank.naam} vragen om een voorlopige voorziening; daarvoor betaalt u griffierecht.`,
        `Heeft u vragen? Bel dan ${contact ? `uw casusregisseur ${contact.naam}${contact.telefoon ? ` op ${contact.telefoon}` : ''}, of ` : ''}de gemeente op ${corr.telefoon}. Wilt u eerst praten over het besluit, dan kan dat ook; de bezwaartermijn loopt dan wel door.`,
      ] },
    ],
    afsluiting: `Met vriendelijke groet,\nnamens het college van burgemeester en wethouders van ${gemeenteNaam},`,
    ondertekening: { naam: a.beslotenDoor?.naam ?? 'De beslisser', functie: 'Beslisser Toegang Individuele Maatwerkvoorzieningen' },
  });
}

/** Sends the beschikking: the letter is stored with its hash, the bezwaar term computed, the decision terms finished, the plan updated. */
export async function verzend(tx: Tx, actor: Actor, id: string, gemeenteNaam: string, vandaag: string): Promise<string> {
  const a = await vergrendel(tx, id);
  const status = stapToegestaan('verzending', a.status);
  if (status) throw new Problem('ongeldige-statusovergang', status);
  const b = (await beschikkingVanAanvraag(tx, id))!;
  const config = await termijnConfig(tx);
  const bezwaarTermijnEinde = termijnen.atwEinddatum(vandaag, termijnen.nominaleEinddatum(vandaag, config.bezwaar.duur));
  const pdf = await beschikkingBrief(tx, b, gemeenteNaam, { concept: false, verzenddatum: vandaag, bezwaarTermijnEinde });
  const hash = createHash('sha256').update(pdf).digest('hex');
  await markeerBeschikkingVerzonden(tx, b.id, { verzondenOp: vandaag, bezwaarTermijnEinde, pdf, hash });
  // Every granted product becomes a voorziening; a herziening replaces the old ones (issue 13).
  await kenVoorzieningenToe(tx, actor, b.id);
  await zetAanvraagStap(tx, { gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: 'verzonden', door: actor.gebruikerId, toelichting: 'Beschikking verzonden', velden: {} });
  await rondAanvraagTermijnenAf(tx, id, vandaag, vandaag);
  const toegekend = b.producten.filter((p) => p.arrangementItemId && p.uitkomst !== 'afgewezen').map((p) => p.arrangementItemId!);
  const afgewezen = b.producten.filter((p) => p.arrangementItemId && p.uitkomst === 'afgewezen').map((p) => p.arrangementItemId!);
  await zetItemStatus(tx, toegekend, 'ingezet');
  await zetItemStatus(tx, afgewezen, 'beeindigd');
  await auditHuishouden(tx, actor, a.huishoudenId, 'wijzigen', 'aanvraag', id, 'beschikking verzenden');
  return b.id;
}

/**
 * A bezwaar someone reads or works on: 404 when it does not exist, 403 outside the household's
 * circle (the one access rule). With `doel` the read is audited for every member of the household.
 */
export async function leesBezwaar(tx: Tx, actor: Actor, id: string, doel?: string): Promise<Bezwaar> {
  const z = await getBezwaar(tx, id);
  if (!z) throw notFound('Dit bezwaar');
  await eisDossierToegang(tx, actor, { huishoudenId: z.huishoudenId });
  if (doel) await auditHuishouden(tx, actor, z.huishoudenId, 'lezen', 'bezwaar', z.id, doel);
  return z;
}

/** A change to a sent decision is a new decision (herziening) that goes through the same four-eyes steps. */
export async function herzie(tx: Tx, actor: Actor, beschikkingId: string, inv: { reden: string; ontvangenOp: string }, vandaag: string): Promise<string> {
  const b = await getBeschikking(tx, beschikkingId);
  if (!b) throw notFound('Deze beschikking');
  if (!b.verzondenOp) throw new Problem('ongeldige-statusovergang', 'Alleen een verzonden beschikking kan worden herzien; deze is nog niet verzonden.');
  const oud = (await getAanvraag(tx, b.aanvraagId))!;
  await casusVoorWerk(tx, actor, oud.casusId, { schrijven: true });
  if (await herzieningLoopt(tx, b.id)) throw new Problem('conflict', 'Er loopt al een herziening van deze beschikking.');
  const jaar = Number(inv.ontvangenOp.slice(0, 4));
  const nummer = `A-${jaar}-${String(await volgendNummer(tx, actor.gemeenteId, 'aanvraag', jaar)).padStart(6, '0')}`;
  const id = await insertAanvraag(tx, {
    gemeenteId: actor.gemeenteId, nummer, casusId: oud.casusId, huishoudenId: oud.huishoudenId, persoonId: oud.persoonId, bron: 'herziening',
    aanvrager: { relatie: oud.aanvragerRelatie, persoonId: oud.aanvragerPersoonId, naam: oud.aanvragerNaam },
    herzieningVan: b.id, ontvangenOp: inv.ontvangenOp, toelichting: inv.reden, door: actor.gebruikerId,
  });
  const producten = await productenVanAanvraag(tx, oud.id);
  await insertAanvraagProducten(tx, actor.gemeenteId, id, producten.map((p) => ({ arrangementItemId: p.arrangementItemId, catalogusItemId: p.catalogusItemId, wet: p.wet, omschrijving: p.omschrijving })));
  await startTermijnen(tx, actor.gemeenteId, id, new Set(producten.map((p) => p.wet as Wet)), inv.ontvangenOp, vandaag);
  await auditHuishouden(tx, actor, oud.huishoudenId, 'aanmaken', 'aanvraag', id, 'herziening');
  return id;
}

// ————— Bezwaar —————

/** The term of a bezwaar, loaded for a change (locked). */
async function bezwaarTermijn(tx: Tx, bezwaarId: string) {
  const t = (await termijnenVanBezwaren(tx, [bezwaarId]))[0];
  return t ? (await termijnVoorWijziging(tx, t.id))! : undefined;
}

async function vergrendelBezwaar(tx: Tx, id: string): Promise<Bezwaar> {
  const z = await getBezwaar(tx, id, true);
  if (!z) throw notFound('Dit bezwaar');
  return z;
}

function controleerBezwaarStap(stap: BezwaarStap, z: Bezwaar, uitkomst?: BezwaarUitkomst, verschoonbaar?: boolean) {
  const reden = bezwaarStapToegestaan(stap, { status: z.status, adviescommissie: z.adviescommissie, tijdig: z.tijdig, verschoonbaar: verschoonbaar ?? z.verschoonbaar }, uitkomst);
  if (reden) throw new Problem('ongeldige-statusovergang', reden);
}

/** Awb 7:5: whoever took part in the primary decision does not hear or decide the bezwaar. */
async function controleerAwb75(tx: Tx, actor: Actor, z: Bezwaar) {
  const a = (await getAanvraag(tx, z.aanvraagId))!;
  const reden = bezwaarVierOgen(actor.gebruikerId ?? '', {
    voorbereidDoor: a.voorbereidDoor?.id ?? null, getoetstDoor: a.getoetstDoor?.id ?? null, beoordeeldDoor: a.beoordeeldDoor?.id ?? null,
    eersteBeslisser: a.eersteBeslisser?.id ?? null, beslotenDoor: a.beslotenDoor?.id ?? null,
  });
  if (reden) throw new Problem('vier-ogen-zelfde-persoon', reden);
}

/**
 * Bezwaar against a sent decision. A late one is registered too, marked te laat. Its decision term
 * (6 weeks, 12 with an advisory committee; Awb 7:10) starts as a termijn like every other.
 */
export async function registreerBezwaar(
  tx: Tx, actor: Actor, beschikkingId: string,
  inv: { ontvangenOp: string; omschrijving: string; adviescommissie?: boolean | undefined; verschoonbaar?: boolean | undefined }, vandaag: string,
): Promise<string> {
  const b = await getBeschikking(tx, beschikkingId);
  if (!b) throw notFound('Deze beschikking');
  // Need-to-know first (ADR 25): registering opens a bezwaar, and an open bezwaar puts every
  // beslisser in the circle — so only who already works on the file (or holds break-glass) may.
  const aanvraagVan = await getAanvraag(tx, b.aanvraagId);
  if (!aanvraagVan) throw notFound('Deze beschikking');
  await eisDossierToegang(tx, actor, { huishoudenId: aanvraagVan.huishoudenId });
  if (!b.verzondenOp || !b.bezwaarTermijnEinde) throw new Problem('ongeldige-statusovergang', 'Tegen een besluit dat nog niet is verzonden, kan geen bezwaar worden gemaakt.');
  if (inv.ontvangenOp < b.verzondenOp) throw new Problem('ongeldige-invoer', 'Het bezwaar is ontvangen vóór de verzending van het besluit.', [{ name: 'ontvangenOp', code: 'te-vroeg', reason: 'Vóór de verzenddatum' }]);
  if (inv.ontvangenOp > vandaag) throw new Problem('ongeldige-invoer', 'De datum van ontvangst ligt in de toekomst.', [{ name: 'ontvangenOp', code: 'in-toekomst', reason: 'Na vandaag' }]);
  const tijdig = bezwaarTijdig(inv.ontvangenOp, b.bezwaarTermijnEinde);
  const adviescommissie = inv.adviescommissie ?? false;
  const regel = bezwaarBeslistermijn(adviescommissie);
  const start = bezwaarBeslistermijnStart(tijdig, b.bezwaarTermijnEinde, inv.ontvangenOp);
  const beslistermijnEinde = termijnen.atwEinddatum(start, termijnen.nominaleEinddatum(start, regel.duur));
  const jaar = Number(inv.ontvangenOp.slice(0, 4));
  const nummer = `BZ-${jaar}-${String(await volgendNummer(tx, actor.gemeenteId, 'bezwaar', jaar)).padStart(6, '0')}`;
  const id = await insertBezwaar(tx, {
    gemeenteId: actor.gemeenteId, nummer, beschikkingId, ontvangenOp: inv.ontvangenOp, omschrijving: inv.omschrijving, tijdig,
    verschoonbaar: !tijdig && (inv.verschoonbaar ?? false), adviescommissie, beslistermijnEinde, door: actor.gebruikerId,
  });
  await insertTermijn(tx, { gemeenteId: actor.gemeenteId, bezwaarId: id, soort: 'bezwaar', wet: wetVan(b.producten[0]?.wet ?? null, 'onbekend'), startdatum: start, regel }, vandaag);
  await auditHuishouden(tx, actor, aanvraagVan.huishoudenId, 'aanmaken', 'bezwaar', id, 'bezwaar registreren');
  return id;
}

export type HoorzittingInvoer =
  | { status: 'gepland'; datum: string }
  | { status: 'gehouden'; datum: string; verslag: string }
  | { status: 'afgezien'; reden: string };

/** Plans the hoorzitting, records that it was held (by someone not involved in the decision), or that hearing is waived (Awb 7:3). */
export async function legHoorzittingVast(tx: Tx, actor: Actor, id: string, inv: HoorzittingInvoer, vandaag: string): Promise<void> {
  const z = await vergrendelBezwaar(tx, id);
  const stap: BezwaarStap = inv.status === 'gepland' ? 'hoorzittingPlannen' : inv.status === 'gehouden' ? 'hoorzittingGehouden' : 'horenAfzien';
  controleerBezwaarStap(stap, z);
  if (inv.status === 'gehouden') {
    await controleerAwb75(tx, actor, z);
    if (inv.datum > vandaag) throw new Problem('ongeldige-invoer', 'Een hoorzitting die is gehouden, ligt niet in de toekomst.', [{ name: 'datum', code: 'in-toekomst', reason: 'Na vandaag' }]);
  }
  if (inv.status !== 'afgezien' && inv.datum < z.ontvangenOp) {
    throw new Problem('ongeldige-invoer', 'De hoorzitting ligt vóór de ontvangst van het bezwaar.', [{ name: 'datum', code: 'te-vroeg', reason: 'Vóór de ontvangst' }]);
  }
  const naar = bezwaarStappen[stap].naar;
  await zetBezwaarStap(tx, {
    gemeenteId: actor.gemeenteId, bezwaarId: id, van: z.status, naar, door: actor.gebruikerId,
    toelichting: inv.status === 'gepland' ? `Hoorzitting gepland op ${datumLang(inv.datum)}` : inv.status === 'gehouden' ? `Hoorzitting gehouden op ${datumLang(inv.datum)}` : `Afgezien van horen: ${inv.reden}`,
    velden: inv.status === 'afgezien' ? { horen_afgezien_reden: inv.reden }
      : inv.status === 'gepland' ? { hoorzitting_datum: inv.datum } : { hoorzitting_datum: inv.datum, hoorzitting_verslag: inv.verslag },
  });
  await auditHuishouden(tx, actor, z.huishoudenId, 'wijzigen', 'bezwaar', id, 'hoorzitting bezwaar');
}

/** The advisory committee's advice (Awb 7:13). */
export async function legAdviesVast(tx: Tx, actor: Actor, id: string, inv: { advies: string; datum: string }): Promise<void> {
  const z = await vergrendelBezwaar(tx, id);
  controleerBezwaarStap('advies', z);
  await zetBezwaarStap(tx, {
    gemeenteId: actor.gemeenteId, bezwaarId: id, van: z.status, naar: 'advies', door: actor.gebruikerId,
    toelichting: `Advies van de commissie van ${datumLang(inv.datum)}`, velden: { advies: inv.advies, advies_datum: inv.datum },
  });
  await auditHuishouden(tx, actor, z.huishoudenId, 'wijzigen', 'bezwaar', id, 'advies bezwaarcommissie');
}

/** One verdaging of six weeks, with a reason (Awb 7:10 lid 3); a second one is refused. */
export async function verdaagBezwaar(tx: Tx, actor: Actor, id: string, inv: { reden: string }, vandaag: string): Promise<void> {
  const z = await vergrendelBezwaar(tx, id);
  if (z.status === 'beslist' || z.status === 'ingetrokken') throw new Problem('termijn-afgerond', 'Dit bezwaar is afgehandeld; de beslistermijn loopt niet meer.');
  const t = await bezwaarTermijn(tx, id);
  if (!t) throw new Problem('geen-lopende-termijn', 'Dit bezwaar heeft geen beslistermijn.');
  if (t.verdaging) {
    throw new Problem('verdaging-al-gebruikt', `De beslistermijn op dit bezwaar is al eens verdaagd (${t.verdaging.reden}). De wet staat één verdaging van zes weken toe (Awb 7:10 lid 3); langer uitstel kan alleen als de indiener daarmee instemt.`);
  }
  const nieuweDatum = termijnen.plusWeken(termijnen.nominaleEinddatum(t.startdatum, t.duur), BEZWAAR_VERDAGING_WEKEN);
  await verdaagTermijn(tx, actor, t, { nieuweDatum, reden: inv.reden }, vandaag);
  const na = (await termijnenVanBezwaren(tx, [id]))[0]!;
  await zetBezwaarStap(tx, {
    gemeenteId: actor.gemeenteId, bezwaarId: id, van: z.status, naar: z.status, door: actor.gebruikerId,
    toelichting: `Beslistermijn verdaagd met zes weken tot en met ${datumLang(na.uitersteDatum)}: ${inv.reden}`, velden: { beslistermijn_einde: na.uitersteDatum },
  });
  await auditHuishouden(tx, actor, z.huishoudenId, 'wijzigen', 'bezwaar', id, 'beslistermijn bezwaar verdagen');
}

export async function trekBezwaarIn(tx: Tx, actor: Actor, id: string, inv: { reden: string }, vandaag: string): Promise<void> {
  const z = await vergrendelBezwaar(tx, id);
  controleerBezwaarStap('intrekking', z);
  await zetBezwaarStap(tx, { gemeenteId: actor.gemeenteId, bezwaarId: id, van: z.status, naar: 'ingetrokken', door: actor.gebruikerId, toelichting: `Ingetrokken: ${inv.reden}`, velden: {} });
  await rondBezwaarTermijnAf(tx, id, vandaag, vandaag);
  await auditHuishouden(tx, actor, z.huishoudenId, 'wijzigen', 'bezwaar', id, 'bezwaar intrekken');
}

/**
 * The decision on the bezwaar, by someone not involved in the primary decision (Awb 7:5). The letter
 * is made, stored with its hash and counts as sent today; the term is finished. A (partly) well-founded
 * bezwaar starts the herziening of the decision, which shows it came from this bezwaar.
 */
export async function beslisOpBezwaar(
  tx: Tx, actor: Actor, id: string, inv: { uitkomst: BezwaarUitkomst; motivering: string; verschoonbaar?: boolean | undefined }, gemeenteNaam: string, vandaag: string,
): Promise<void> {
  const z = await vergrendelBezwaar(tx, id);
  const verschoonbaar = !z.tijdig && (inv.verschoonbaar ?? z.verschoonbaar);
  controleerBezwaarStap('beslissing', z, inv.uitkomst, verschoonbaar);
  await controleerAwb75(tx, actor, z);
  let herzieningId: string | null = null;
  if (leidtTotHerziening(inv.uitkomst)) {
    herzieningId = await lopendeHerziening(tx, z.beschikkingId)
      ?? await herzie(tx, actor, z.beschikkingId, { reden: `Herziening na bezwaar ${z.nummer} (${bezwaarUitkomstNaam[inv.uitkomst].toLowerCase()}): ${inv.motivering}`, ontvangenOp: vandaag }, vandaag);
  }
  const beroepTermijnEinde = termijnen.atwEinddatum(vandaag, termijnen.plusWeken(vandaag, BEROEPSTERMIJN_WEKEN));
  const beslist: Bezwaar = {
    ...z, status: 'beslist', uitkomst: inv.uitkomst, motivering: inv.motivering, verschoonbaar, beslotenDoor: actor.gebruikerId ? { id: actor.gebruikerId, naam: await naamVan(tx, actor.gebruikerId) } : null,
    verzondenOp: vandaag, beroepTermijnEinde, herzieningAanvraagId: herzieningId,
  };
  const pdf = await beslissingOpBezwaarBrief(tx, beslist, gemeenteNaam, { concept: false });
  const hash = createHash('sha256').update(pdf).digest('hex');
  await zetBezwaarStap(tx, {
    gemeenteId: actor.gemeenteId, bezwaarId: id, van: z.status, naar: 'beslist', door: actor.gebruikerId,
    toelichting: `Beslist: ${bezwaarUitkomstNaam[inv.uitkomst].toLowerCase()}${herzieningId ? '; herziening gestart' : ''}`,
    velden: {
      uitkomst: inv.uitkomst, motivering: inv.motivering, verschoonbaar, besloten_door: actor.gebruikerId, verzonden_op: vandaag, beroep_termijn_einde: beroepTermijnEinde,
      herziening_aanvraag_id: herzieningId, pdf, pdf_hash: hash,
    },
  });
  await rondBezwaarTermijnAf(tx, id, vandaag, vandaag);
  await auditHuishouden(tx, actor, z.huishoudenId, 'wijzigen', 'bezwaar', id, 'beslissen op bezwaar');
}

async function naamVan(tx: Tx, gebruikerId: string): Promise<string> {
  return (await medewerkerContact(tx, gebruikerId))?.naam ?? 'De behandelaar';
}

/** Addressee lines and salutation: the person, or their representative(s) with gezag (point 5). */
async function adressering(tx: Tx, persoonId: string): Promise<{ regels: string[]; aanhef: string }> {
  const persoon = (await getPersoon(tx, persoonId))!;
  const vertegenwoordigers = await wettelijkVertegenwoordigers(tx, persoonId);
  return geadresseerde(
    { naam: volledigeNaam(persoon), adres: { straat: persoon.straat, huisnummer: persoon.huisnummer, postcode: persoon.postcode, plaats: persoon.woonplaats } },
    vertegenwoordigers,
  );
}

/** The casusregisseur of the casus: who the resident calls about the letter. */
async function regisseurContact(tx: Tx, casusId: string): Promise<{ naam: string; telefoon: string | null } | undefined> {
  const casus = await getCasus(tx, casusId);
  return casus?.regisseur ? medewerkerContact(tx, casus.regisseur.id) : undefined;
}

/** The beslissing op bezwaar as a letter, with the beroep clause (6 weeks, the rechtbank). */
export async function beslissingOpBezwaarBrief(tx: Tx, z: Bezwaar, gemeenteNaam: string, opts: { concept: boolean }): Promise<Buffer> {
  const b = (await getBeschikking(tx, z.beschikkingId))!;
  const a = (await getAanvraag(tx, z.aanvraagId))!;
  const corr = await correspondentie(tx, gemeenteNaam);
  const aan = await adressering(tx, a.persoonId);
  const contact = await regisseurContact(tx, a.casusId);
  const datum = z.verzondenOp ?? vandaagNL();
  const beroepEinde = z.beroepTermijnEinde ?? termijnen.atwEinddatum(datum, termijnen.plusWeken(datum, BEROEPSTERMIJN_WEKEN));
  const uitkomst = z.uitkomst;
  if (!uitkomst) throw new Problem('ongeldige-statusovergang', 'Op dit bezwaar is nog niet beslist; er is nog geen brief.');
  const wetten = opsomming([...new Set(b.producten.map((p) => `de ${wetVoluit(p.wet)}`))]);
  const herziening = z.herzieningAanvraagId ? await getAanvraag(tx, z.herzieningAanvraagId) : undefined;
  const rb = corr.rechtbank;
  const rechtbankAdres = adresRegel(rb);
  return maakBrief({
    gemeente: gemeenteNaam,
    afzenderRegels: afzenderRegels(corr),
    geadresseerde: aan.regels,
    datum,
    kenmerk: z.nummer,
    onderwerp: `Beslissing op uw bezwaar tegen ons besluit ${b.nummer}`,
    aanhef: aan.aanhef,
    concept: opts.concept,
    contact,
    secties: [
      { alineas: [
        `Op ${datumLang(z.ontvangenOp)} ontvingen wij uw bezwaarschrift tegen ons besluit van ${datumLang(b.verzondenOp!)} met kenmerk ${b.nummer}. Dat besluit is genomen op grond van ${wetten}. In deze brief leest u onze beslissing op uw bezwaar.`,
      ] },
      { kop: 'Uw bezwaar', alineas: [
        `U schreef: ${z.omschrijving}`,
        z.tijdig ? `Uw bezwaar is op tijd ingediend: de termijn liep tot en met ${datumLang(b.bezwaarTermijnEinde!)}.`
          : z.verschoonbaar ? `Uw bezwaar kwam na de termijn binnen (die liep tot en met ${datumLang(b.bezwaarTermijnEinde!)}). Wij vinden dat u dat niet te verwijten is en behandelen uw bezwaar daarom toch.`
            : `Uw bezwaar kwam na de termijn binnen: die liep tot en met ${datumLang(b.bezwaarTermijnEinde!)}. Wij hebben geen reden gezien waarom u dat niet te verwijten is (artikel 6:11 van de Algemene wet bestuursrecht).`,
        ...(z.hoorzittingVerslag && z.hoorzittingDatum ? [`Op ${datumLang(z.hoorzittingDatum)} heeft u uw bezwaar toegelicht tijdens een hoorzitting. ${z.hoorzittingVerslag}`] : []),
        ...(z.horenAfgezienReden ? [`Wij hebben u niet uitgenodigd voor een hoorzitting (artikel 7:3 van de Algemene wet bestuursrecht). ${z.horenAfgezienReden}`] : []),
        ...(z.advies && z.adviesDatum ? [`De onafhankelijke bezwaarcommissie heeft ons op ${datumLang(z.adviesDatum)} geadviseerd. ${z.advies}`] : []),
      ] },
      { kop: 'Onze beslissing', alineas: [
        `Wij verklaren uw bezwaar ${bezwaarUitkomstNaam[uitkomst].toLowerCase()}.`,
        z.motivering ?? '',
        uitkomst === 'gegrond' || uitkomst === 'deelsGegrond'
          ? `Wij herzien daarom ons besluit ${b.nummer}${herziening ? ` (herziening ${herziening.nummer})` : ''}. Over het nieuwe besluit krijgt u een aparte brief.`
          : `Ons besluit ${b.nummer} blijft daarom zoals het is.`,
      ] },
      { kop: 'Bent u het niet eens met deze beslissing?', alineas: [
        `Dan kunt u beroep instellen bij ${rb.naam}${rechtbankAdres ? `, ${rechtbankAdres}` : ''}. Dat moet binnen zes weken na de dag waarop deze brief is verzonden. Uw beroepschrift moet uiterlijk op ${datumLang(beroepEinde)} bij de rechtbank zijn.`,
        `Zet in uw beroepschrift uw naam en adres, de datum, het kenmerk ${z.nummer}, waarom u het niet eens bent met deze beslissing, en uw handtekening. Stuur een kopie van deze brief mee. U kunt ook digitaal beroep instellen via rechtspraak.nl. Voor beroep betaalt u griffierecht.`,
        `Heeft u vragen over deze brief? Bel dan ${contact ? `uw casusregisseur ${contact.naam}${contact.telefoon ? ` op ${contact.telefoon}` : ''}, of ` : ''}de gemeente op ${corr.telefoon}.`,
      ] },
    ],
    afsluiting: `Met vriendelijke groet,\nnamens het college van burgemeester en wethouders van ${gemeenteNaam},`,
    ondertekening: { naam: z.beslotenDoor?.naam ?? 'De behandelaar', functie: 'Behandelaar bezwaarschriften' },
  });
}
