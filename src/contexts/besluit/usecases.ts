/**
 * Besluit's use cases. Every four-eyes step locks the aanvraag row first (SELECT … FOR UPDATE),
 * so two people cannot both take the same step, and checks who did the earlier steps.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { getCatalogusItem } from '../catalogus/index.ts';
import { bepaalAanvrager, type Aanvrager } from '../inwoners/index.ts';
import { getPersoon, volledigeNaam } from '../inwoners/index.ts';
import { arrangementVanPlan, doelenVanPlan, itemsVoorAanvraag, planVanCasus, zetItemStatus } from '../plan/index.ts';
import {
  casusVoorWerk, insertTermijn, meldingenVanCasus, meldingVoorAanvraag, rondAanvraagTermijnenAf, termijnConfig, termijnen, volgendNummer, type Wet,
} from '../toegang/index.ts';
import { maakBrief, datumLang } from '../../platform/pdf/brief.ts';
import { vandaag as vandaagNL } from '../../platform/time.ts';
import {
  GRONDSLAG, STANDAARD_BESLUIT_INSTELLINGEN, bezwaarTijdig, leveringsvormNaam, stapToegestaan, tweedeBeslisserNodig, uitkomstNaam, vierOgen,
  type AanvraagStap, type BesluitInstellingen, type Leveringsvorm, type Uitkomst,
} from './rules.ts';
import {
  alAangevraagd, beschikkingVanAanvraag, eersteBesluit, getAanvraag, herzieningLoopt, getBeschikking, insertAanvraag, insertAanvraagProducten, insertBeschikking, insertBezwaar,
  markeerBeschikkingVerzonden, productenVanAanvraag, zetAanvraagStap, type Aanvraag, type Beschikking,
} from './store.ts';

const WETTEN_MET_TERMIJN = ['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend'] as const;
const wetVan = (domein: string | null, fallback: Wet): Wet => ((WETTEN_MET_TERMIJN as readonly string[]).includes(domein ?? '') ? (domein as Wet) : fallback);

const instellingenSchema = z.object({
  tweedeBeslisserVanafCents: z.number().int().min(0),
  eigenBijdrage: z.record(z.string(), z.string().nullable()),
  steekproefPercentage: z.number().int().min(1).max(100),
  steekproefSeed: z.string().min(1),
  checklist: z.array(z.object({ code: z.string(), vraag: z.string(), soort: z.enum(['inhoud', 'recht']) })).min(1),
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
  return id;
}

/**
 * A resident files an aanvraag directly (recorded by staff). For the Wmo only after the onderzoek:
 * its report was sent, or its six weeks have passed (art. 2.3.2 Wmo 2015).
 */
export async function dienRechtstreeksIn(tx: Tx, actor: Actor, inv: { meldingId: string; catalogusItemId: string; ontvangenOp: string; toelichting?: string | undefined } & Partijen, vandaag: string): Promise<string> {
  const melding = await meldingVoorAanvraag(tx, inv.meldingId);
  if (!melding || (actor.rol === 'frontoffice' && melding.geregistreerdDoor !== actor.gebruikerId)) throw notFound('Deze melding');
  if (melding.casusId) await casusVoorWerk(tx, actor, melding.casusId, { schrijven: true });
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
  return id;
}

async function vergrendel(tx: Tx, id: string): Promise<Aanvraag> {
  const a = await getAanvraag(tx, id, true);
  if (!a) throw notFound('Deze aanvraag');
  return a;
}

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
}

export async function beoordeel(tx: Tx, actor: Actor, id: string, inv: { advies: string }): Promise<void> {
  const a = await vergrendel(tx, id);
  controleerStap('beoordeling', a, actor);
  await zetAanvraagStap(tx, {
    gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: 'beoordeeld', door: actor.gebruikerId, toelichting: 'Beoordeeld',
    velden: { beoordeeld_door: actor.gebruikerId!, beoordeling: inv.advies },
  });
}

export interface BesluitProductInvoer {
  arrangementItemId?: string | undefined; aanvraagProductId?: string | undefined; uitkomst: Uitkomst; omvang?: number | undefined; eenheid?: string | undefined;
  periode?: 'week' | 'maand' | 'jaar' | 'totaal' | undefined; ingangsdatum?: string | undefined; einddatum?: string | undefined;
  leveringsvorm?: Leveringsvorm | undefined; grondslag?: string | undefined; jaarbedrag?: number | undefined;
}

/**
 * The decision. Above the configured yearly amount the first decider's decision waits for a second,
 * different decider (`bevestigd: false`); otherwise it is final at once and the beschikking exists.
 */
export async function beslis(tx: Tx, actor: Actor, id: string, invoer: { producten: BesluitProductInvoer[]; motivering: string }): Promise<{ besloten: boolean; beschikkingId: string | null }> {
  const a = await vergrendel(tx, id);
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
    const ontbrekend = (['omvang', 'eenheid', 'ingangsdatum', 'leveringsvorm'] as const).filter((v) => keuze![v] === undefined);
    return ontbrekend.map((v) => ({ name: `producten.${i}.${v}`, code: 'verplicht', reason: 'Verplicht bij een (deels) toekenning' }));
  });
  if (fouten.length) throw new Problem('ongeldige-invoer', 'Noem bij elke toekenning de omvang, eenheid, ingangsdatum en leveringsvorm.', fouten);
  const jaarbedragCents = keuzes.reduce((s, k) => s + (k.keuze!.uitkomst === 'afgewezen' ? 0 : Math.round((k.keuze!.jaarbedrag ?? 0) * 100)), 0);
  const bevestiging = a.eersteBeslisser !== null;
  const tweede = bevestiging || tweedeBeslisserNodig(jaarbedragCents, inst);
  controleerStap('besluit', a, actor, { tweedeBeslisser: bevestiging });
  if (tweede && !bevestiging) {
    await zetAanvraagStap(tx, {
      gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: a.status, door: actor.gebruikerId,
      toelichting: `Eerste besluit genomen (jaarbedrag boven de drempel): wacht op een tweede beslisser`,
      velden: { eerste_beslisser: actor.gebruikerId, eerste_besluit: JSON.stringify(inv) },
    });
    return { besloten: false, beschikkingId: null };
  }
  const jaar = Number(vandaagNL().slice(0, 4));
  const nummer = `B-${jaar}-${String(await volgendNummer(tx, actor.gemeenteId, 'beschikking', jaar)).padStart(6, '0')}`;
  const beschikkingId = await insertBeschikking(tx, {
    gemeenteId: actor.gemeenteId, nummer, aanvraagId: id, herzieningVan: a.herzieningVan, motivering: inv.motivering,
    producten: keuzes.map(({ product, keuze }) => ({
      aanvraagProductId: product.id, uitkomst: keuze!.uitkomst, grondslag: keuze!.grondslag ?? GRONDSLAG[product.wet] ?? GRONDSLAG.onbekend!,
      omvang: keuze!.omvang ?? null, eenheid: keuze!.eenheid ?? null, periode: keuze!.periode ?? (keuze!.uitkomst === 'afgewezen' ? null : 'week'),
      ingangsdatum: keuze!.ingangsdatum ?? null, einddatum: keuze!.einddatum ?? null, leveringsvorm: keuze!.leveringsvorm ?? null,
      eigenBijdrage: keuze!.uitkomst === 'afgewezen' ? null : inst.eigenBijdrage[product.wet] ?? null, jaarbedragCents: Math.round((keuze!.jaarbedrag ?? 0) * 100),
    })),
  });
  await zetAanvraagStap(tx, {
    gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: 'besloten', door: actor.gebruikerId,
    toelichting: bevestiging ? 'Besluit bevestigd door een tweede beslisser' : 'Besloten', velden: { besloten_door: actor.gebruikerId! },
  });
  return { besloten: true, beschikkingId };
}

/** The beschikking as a letter a lawyer would accept. */
export async function beschikkingBrief(tx: Tx, b: Beschikking, gemeenteNaam: string, opts: { concept: boolean; verzenddatum: string; bezwaarTermijnEinde: string }): Promise<Buffer> {
  const a = (await getAanvraag(tx, b.aanvraagId))!;
  const persoon = (await getPersoon(tx, a.persoonId))!;
  const plan = await planVanCasus(tx, a.casusId);
  const [doelen, arrangement] = plan ? await Promise.all([doelenVanPlan(tx, plan.id), arrangementVanPlan(tx, plan.id)]) : [[], []];
  const productDoelen = new Set((await productenVanAanvraag(tx, a.id)).map((p) => p.arrangementItemId).filter(Boolean));
  const relevanteDoelen = new Set(arrangement.filter((i) => productDoelen.has(i.id)).map((i) => i.doelId));
  const lager = arrangement.filter((i) => relevanteDoelen.has(i.doelId) && i.trede < 4);
  const motiveringen = arrangement.filter((i) => productDoelen.has(i.id) && i.motivering).map((i) => i.motivering!);
  const omvang = (p: Beschikking['producten'][number]) => (p.uitkomst === 'afgewezen' ? '—' : `${p.omvang ?? ''} ${p.eenheid ?? ''} per ${p.periode ?? 'week'}`.trim());
  const looptijd = (p: Beschikking['producten'][number]) =>
    (p.uitkomst === 'afgewezen' ? '—' : `${p.ingangsdatum ? datumLang(p.ingangsdatum) : ''}${p.einddatum ? ` t/m ${datumLang(p.einddatum)}` : ' (geen einddatum)'}`);
  const wetten = [...new Set(b.producten.map((p) => p.wet))];
  return maakBrief({
    gemeente: gemeenteNaam,
    afzenderRegels: ['Toegang Individuele Maatwerkvoorzieningen', 'Postbus 1', `Aanvraag ${a.nummer}`],
    geadresseerde: [volledigeNaam(persoon), [persoon.straat, persoon.huisnummer].filter(Boolean).join(' '), [persoon.postcode, persoon.woonplaats].filter(Boolean).join('  ')].filter((r) => r.trim() !== ''),
    datum: opts.verzenddatum,
    kenmerk: b.nummer,
    onderwerp: `${b.herzieningVan ? 'Herziening: besluit' : 'Besluit'} op uw aanvraag ${a.nummer}`,
    aanhef: `Beste ${volledigeNaam(persoon)},`,
    concept: opts.concept,
    secties: [
      { alineas: [
        `Op ${datumLang(a.ontvangenOp)} hebben wij uw aanvraag ontvangen. Wij hebben uw situatie bekeken over alle leefgebieden en samen met u een plan gemaakt. In deze brief leest u ons besluit.`,
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
        `Stuur een brief aan het college van burgemeester en wethouders van de gemeente ${gemeenteNaam}, Postbus 1. Zet daarin: uw naam en adres, de datum, het kenmerk ${b.nummer}, waarom u het niet eens bent met het besluit, en uw handtekening. Stuur een kopie van deze brief mee.`,
        'Een bezwaar schort dit besluit niet op. Is het dringend, dan kunt u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening; daarvoor betaalt u griffierecht.',
        `Heeft u vragen? Bel uw casusregisseur of de gemeente. Wilt u eerst praten over het besluit, dan kan dat ook; de bezwaartermijn loopt dan wel door.`,
      ] },
      { alineas: [`Dit besluit betreft: ${wetten.map((w) => GRONDSLAG[w] ? w : w).join(', ')}.`] },
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
  await zetAanvraagStap(tx, { gemeenteId: actor.gemeenteId, aanvraagId: id, van: a.status, naar: 'verzonden', door: actor.gebruikerId, toelichting: 'Beschikking verzonden', velden: {} });
  await rondAanvraagTermijnenAf(tx, id, vandaag, vandaag);
  const toegekend = b.producten.filter((p) => p.arrangementItemId && p.uitkomst !== 'afgewezen').map((p) => p.arrangementItemId!);
  const afgewezen = b.producten.filter((p) => p.arrangementItemId && p.uitkomst === 'afgewezen').map((p) => p.arrangementItemId!);
  await zetItemStatus(tx, toegekend, 'ingezet');
  await zetItemStatus(tx, afgewezen, 'beeindigd');
  return b.id;
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
  return id;
}

/** Bezwaar against a sent decision; the decision on it is due 6 weeks after the bezwaar term ends (Awb 7:10). */
export async function registreerBezwaar(tx: Tx, actor: Actor, beschikkingId: string, inv: { ontvangenOp: string; omschrijving: string }): Promise<string> {
  const b = await getBeschikking(tx, beschikkingId);
  if (!b) throw notFound('Deze beschikking');
  if (!b.verzondenOp || !b.bezwaarTermijnEinde) throw new Problem('ongeldige-statusovergang', 'Tegen een besluit dat nog niet is verzonden, kan geen bezwaar worden gemaakt.');
  if (inv.ontvangenOp < b.verzondenOp) throw new Problem('ongeldige-invoer', 'Het bezwaar is ontvangen vóór de verzending van het besluit.', [{ name: 'ontvangenOp', code: 'te-vroeg', reason: 'Vóór de verzenddatum' }]);
  const tijdig = bezwaarTijdig(inv.ontvangenOp, b.bezwaarTermijnEinde);
  const start = tijdig ? b.bezwaarTermijnEinde : inv.ontvangenOp;
  const beslistermijnEinde = termijnen.atwEinddatum(start, termijnen.plusWeken(start, 6));
  return insertBezwaar(tx, { gemeenteId: actor.gemeenteId, beschikkingId, ontvangenOp: inv.ontvangenOp, omschrijving: inv.omschrijving, tijdig, beslistermijnEinde, door: actor.gebruikerId });
}

