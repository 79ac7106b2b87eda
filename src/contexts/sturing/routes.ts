import { z } from 'zod';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { datum, optioneleTekst } from '../../platform/http/schemas.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { BEKOSTIGINGEN, DIMENSIES, KPIS, maandBinnen, nietTeSnijden, normPast, onderdrukt, verschuifJaren, type KpiDefinitie } from './rules.ts';
import { bewaarNormen, normen, wijkMetKern, type KpiFilter } from './store.ts';
import { berekenKpi, metNorm, normVelden, pilotmonitor, verdeelKpi, type KpiMetNorm } from './usecases.ts';
import { casussenAchterKpi, legTevredenheidVast } from './usecases-casus.ts';
import { BESTEDING_DIMENSIES, bestedingPerJaar } from './besteding.ts';

const sturingRollen = roles('beleid', 'teamleider', 'beheer');
/** Roles that may see the cases behind a figure; the others get counts per wijk only. */
const ZIET_CASUSSEN = new Set(['teamleider']);

/** The norm as set, per what, and as it holds for the asked period (the signal's measure). */
const normVeldenUitvoer = {
  norm: z.number().nullable(),
  normPer: z.enum(['jaar']).nullable().describe("'jaar': norm en marge zijn bedragen per jaar; een kortere periode telt naar rato van haar maanden, een maand voor een twaalfde"),
  normInPeriode: z.number().nullable().describe('De norm voor de gevraagde periode, waartegen het signaal is bepaald'),
};
const definitieUitvoer = z.object({
  id: z.string(), naam: z.string(), uitleg: z.string(), niveau: z.enum(['strategisch', 'tactisch', 'operationeel']),
  eenheid: z.enum(['aandeel', 'aantal', 'verandering', 'gemiddelde', 'bedrag']),
  richting: z.enum(['hogerIsBeter', 'lagerIsBeter']), norm: z.number().nullable(), marge: z.number(), dimensies: z.array(z.enum(DIMENSIES)), bron: z.string(),
  momentopname: z.boolean(), peildatum: z.string().nullable().describe('Alleen bij een verandering: het einde van de basisperiode (de dag erna)'),
  normPer: normVeldenUitvoer.normPer,
}).meta({ id: 'KpiDefinitie' });

const naarUitvoer = (k: KpiMetNorm) => ({ ...k, norm: Number.isFinite(k.norm) ? k.norm : null, momentopname: !!k.momentopname, normPer: k.normPer ?? null });
const kpiVan = (id: string) => {
  const def = KPIS.find((k) => k.id === id);
  if (!def) throw notFound(`De KPI '${id}'`);
  return def;
};

const lijst = defineRoute({
  method: 'GET', path: '/kpis', tag: 'Sturing', summary: 'De KPI-definities met de normen van deze gemeente',
  access: sturingRollen,
  responses: { 200: { description: 'De KPI’s', schema: z.array(definitieUitvoer) } },
  handler: async ({ deps, actor }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const eigen = await normen(tx);
      return { body: KPIS.map((k) => naarUitvoer(metNorm(k, eigen))) };
    }),
});

const WETTEN = ['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend'] as const;
const filter = z.object({
  van: datum.optional(),
  tot: datum.optional(),
  wet: z.enum(WETTEN, { error: 'Kies een wet' }).optional(),
  kern: z.uuid('Geef het id van een kern').optional(),
  wijk: z.uuid('Geef het id van een wijk').optional(),
  team: z.uuid('Geef het id van een team').optional(),
  regisseur: z.uuid('Geef het id van een casusregisseur').optional(),
  product: z.uuid('Geef het id van een product uit de catalogus').optional(),
  aanbieder: z.uuid('Geef het id van een aanbieder').optional(),
  bekostiging: z.enum(BEKOSTIGINGEN, { error: `Kies een bekostiging: ${BEKOSTIGINGEN.join(', ')}` }).optional(),
  stap: z.enum(['onderzoek', 'eersteGesprek', 'beschikking'], { error: 'Kies een stap: onderzoek, eersteGesprek of beschikking' }).optional(),
}).refine((f) => !f.van || !f.tot || f.van <= f.tot, { path: ['tot'], message: 'De einddatum ligt vóór de begindatum' });
type Filter = z.infer<typeof filter>;

/** The period (default: this year up to today) and the cuts, each checked against what the KPI can be cut by. */
function kpiFilter(k: KpiDefinitie, q: Filter): KpiFilter {
  const tot = q.tot ?? vandaag();
  const van = q.van ?? `${tot.slice(0, 4)}-01-01`;
  if (van > tot) throw new Problem('ongeldige-invoer', 'De begindatum ligt na de einddatum.', [{ name: 'van', code: 'na-tot', reason: 'Ligt na de einddatum' }]);
  const param = nietTeSnijden(k, q);
  if (param) {
    throw new Problem('ongeldige-invoer', `De KPI '${k.naam}' is niet te snijden op ${param}.`, [{ name: param, code: 'dimensie-onbekend', reason: `Kan: ${k.dimensies.join(', ')}` }]);
  }
  return { van, tot, wet: q.wet, kernId: q.kern, wijkId: q.wijk, teamId: q.team, regisseurId: q.regisseur, productId: q.product, aanbieder: q.aanbieder, bekostiging: q.bekostiging, stap: q.stap };
}

const figuurVelden = { waarde: z.number().nullable(), teller: z.number(), noemer: z.number(), signaal: z.enum(['groen', 'oranje', 'rood']).nullable() };
const kpiUitvoer = z.object({
  id: z.string(), naam: z.string(), eenheid: definitieUitvoer.shape.eenheid, van: z.string(), tot: z.string(),
  ...figuurVelden, ...normVeldenUitvoer,
  basis: z.object({ van: z.string(), tot: z.string() }).nullable().describe('Bij een verandering: de basisperiode waarmee vergeleken is (de noemer)'),
  reeks: z.array(z.object({ periode: z.string(), waarde: z.number().nullable(), teller: z.number(), noemer: z.number() })),
}).meta({ id: 'KpiWaarde' });

const kpiParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/) });

const waarde = defineRoute({
  method: 'GET', path: '/kpis/{id}', tag: 'Sturing', summary: 'De waarde van een KPI over een periode, met teller, noemer, norm, signaal en reeks per maand',
  description: 'Standaardperiode: 1 januari van dit jaar tot vandaag. Alleen aantallen, geen persoonsgegevens. Altijd actueel: de cijfers worden uit de vastgelegde gegevens berekend.',
  access: sturingRollen, params: kpiParams, query: filter,
  responses: { 200: { description: 'De KPI', schema: kpiUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const def = kpiVan(params.id);
      return { body: await berekenKpi(tx, metNorm(def, await normen(tx)), kpiFilter(def, query)) };
    }),
});

const verdelingUitvoer = z.object({
  id: z.string(), per: z.enum(DIMENSIES), van: z.string(), tot: z.string(), ...normVeldenUitvoer,
  rijen: z.array(z.object({ sleutel: z.string().nullable(), naam: z.string(), ...figuurVelden })),
}).meta({ id: 'KpiVerdeling' });

const verdeling = defineRoute({
  method: 'GET', path: '/kpis/{id}/verdeling', tag: 'Sturing', summary: 'Een KPI per kern, wijk, team, casusregisseur, product, aanbieder, bekostiging, wet of stap',
  description: 'Voor staafdiagrammen en de gebiedsvergelijking. Alleen aantallen.',
  access: sturingRollen, params: kpiParams,
  query: filter.and(z.object({ per: z.enum(DIMENSIES, { error: `Kies waarnaar: ${DIMENSIES.join(', ')}` }) })),
  responses: { 200: { description: 'De verdeling', schema: verdelingUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const def = kpiVan(params.id);
      if (!def.dimensies.includes(query.per)) {
        throw new Problem('ongeldige-invoer', `De KPI '${def.naam}' is niet te verdelen naar ${query.per}.`, [{ name: 'per', code: 'dimensie-onbekend', reason: `Kan: ${def.dimensies.join(', ')}` }]);
      }
      const k = metNorm(def, await normen(tx));
      const f = kpiFilter(def, query);
      return { body: { id: k.id, per: query.per, van: f.van, tot: f.tot, ...normVelden(k, f), rijen: await verdeelKpi(tx, k, f, query.per) } };
    }),
});

const onderliggendUitvoer = z.discriminatedUnion('soort', [
  z.object({
    soort: z.literal('casussen'), totaal: z.number().int(), getoond: z.number().int(),
    rijen: z.array(z.object({
      casusId: z.uuid().nullable(), ref: z.string(), datum: z.string(), wet: z.string().nullable(), wijk: z.string().nullable(), kern: z.string().nullable(),
      telt: z.number().describe('Wat deze rij bijdraagt aan de teller'), weegt: z.number().describe('Wat deze rij bijdraagt aan de noemer'),
    })),
  }),
  z.object({
    soort: z.literal('aantallen'),
    rijen: z.array(z.object({ wijk: z.string(), teller: z.number().nullable(), noemer: z.number().nullable(), onderdrukt: z.boolean() })),
  }),
]).meta({ id: 'KpiOnderliggend', description: 'Teamleiders zien de casussen achter een cijfer; beleid en beheer zien gepseudonimiseerde aantallen per wijk, kleine aantallen (< 5) onderdrukt.' });

const onderliggend = defineRoute({
  method: 'GET', path: '/kpis/{id}/onderliggend', tag: 'Sturing', summary: 'Wat achter een cijfer zit: de casussen (teamleider) of aantallen per wijk (beleid, beheer)',
  access: sturingRollen, params: kpiParams,
  query: filter.and(z.object({ periode: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Geef een maand als JJJJ-MM').optional() })),
  responses: { 200: { description: 'De onderliggende gegevens', schema: onderliggendUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const def = kpiVan(params.id);
      let f = kpiFilter(def, query);
      // A click on a point of the series shows that month.
      if (query.periode) f = { ...f, ...maandBinnen(query.periode, f.van, f.tot) };
      if (!ZIET_CASUSSEN.has(actor!.rol)) {
        const rijen = await verdeelKpi(tx, metNorm(def, await normen(tx)), f, 'wijk');
        return {
          body: {
            soort: 'aantallen' as const,
            rijen: rijen.map((r) => {
              const klein = onderdrukt(r.teller) || onderdrukt(r.noemer);
              return { wijk: r.naam, teller: klein ? null : r.teller, noemer: klein ? null : r.noemer, onderdrukt: klein };
            }),
          },
        };
      }
      // The figure itself counts the whole gemeente; the cases behind it only those the teamleider may
      // see (the one access rule: the team's casussen and the intake), so `totaal` may be smaller.
      // One audit entry per person shown (in the use case), so the drill-down appears in each person's own trail.
      const { rijen, totaal } = await casussenAchterKpi(tx, actor!, def.id, f, !!def.momentopname, 500);
      return { body: { soort: 'casussen' as const, totaal, getoond: rijen.length, rijen: rijen.map(({ persoonId: _weg, ...r }) => r) } };
    }),
});

const pilotUitvoer = z.object({
  wijk: z.object({ id: z.uuid(), naam: z.string(), kern: z.string() }), van: z.string(), tot: z.string(),
  indicatoren: z.array(z.object({
    id: z.string(), naam: z.string(), eenheid: definitieUitvoer.shape.eenheid, richting: definitieUitvoer.shape.richting, ...normVeldenUitvoer,
    pilot: z.object(figuurVelden), overig: z.object(figuurVelden), verschilMetOverig: z.number().nullable(),
    eerder: z.array(z.object({ van: z.string(), tot: z.string(), ...figuurVelden, verschil: z.number().nullable() })),
  })),
}).meta({ id: 'Pilotmonitor' });

const pilot = defineRoute({
  method: 'GET', path: '/sturing/pilotmonitor', tag: 'Sturing', summary: 'De pilotmonitor: kosten, tevredenheid en zelfredzaamheid van een pilotwijk tegenover de andere wijken en eerdere jaren',
  access: sturingRollen,
  query: z.object({ wijk: z.uuid('Kies de pilotwijk'), van: datum.optional(), tot: datum.optional() })
    .refine((f) => !f.van || !f.tot || f.van <= f.tot, { path: ['tot'], message: 'De einddatum ligt vóór de begindatum' }),
  responses: { 200: { description: 'De pilotmonitor', schema: pilotUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const wijk = await wijkMetKern(tx, query.wijk);
      if (!wijk) throw notFound('Deze wijk');
      const tot = query.tot ?? vandaag();
      const van = query.van ?? verschuifJaren(tot, -1);
      const eigen = await normen(tx);
      return { body: { wijk, van, tot, indicatoren: await pilotmonitor(tx, KPIS.map((k) => metNorm(k, eigen)), wijk.id, van, tot) } };
    }),
});

const bestedingRij = z.object({
  sleutel: z.string().nullable(), label: z.string(), ramingCents: z.number().int(), gerealiseerdCents: z.number().int(), nogTeDeclarerenCents: z.number().int(),
  verwachtCents: z.number().int(), verschilCents: z.number().int(), aandeelGedeclareerd: z.number().nullable(), voorzieningen: z.number().int(),
});
const besteding = defineRoute({
  method: 'GET', path: '/sturing/besteding', tag: 'Sturing',
  summary: 'Budget en realisatie over een jaar per wet, product, aanbieder, wijk of bekostiging: de raming uit besluiten, het goedgekeurde geld uit declaraties (pgb: doorgegeven aan de SVB) en wat nog gedeclareerd kan worden',
  access: roles('beleid', 'teamleider', 'beheer', 'inkoper'),
  query: z.object({
    jaar: z.coerce.number().int().min(2000, 'Kies een jaar vanaf 2000').max(2100, 'Kies een jaar tot 2100').optional(),
    per: z.enum(BESTEDING_DIMENSIES, { error: `Kies per: ${BESTEDING_DIMENSIES.join(', ')}` }).default('wet'),
  }),
  responses: { 200: { description: 'Budget en realisatie', schema: z.object({ jaar: z.number().int(), per: z.enum(BESTEDING_DIMENSIES), rijen: z.array(bestedingRij), totaal: bestedingRij }).meta({ id: 'Besteding' }) } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const jaar = query.jaar ?? Number(vandaag().slice(0, 4));
      // Aggregates only, no person: like the KPIs, not a file read.
      const r = await bestedingPerJaar(tx, jaar, query.per);
      return { body: { jaar, per: query.per, ...r } };
    }),
});

const norm = defineRoute({
  method: 'PUT', path: '/kpis/{id}/norm', tag: 'Sturing', summary: 'De norm (en signaalmarge, en bij een verandering de peildatum) van een KPI voor deze gemeente instellen',
  access: roles('beleid'), params: kpiParams,
  body: z.object({
    norm: z.number({ error: 'Geef de norm als getal' }),
    marge: z.number().min(0).optional(),
    peildatum: datum.optional().describe('Alleen bij een verandering: de basisperiode eindigt de dag ervoor'),
  }).meta({ id: 'KpiNorm' }),
  responses: { 200: { description: 'De KPI met de nieuwe norm', schema: definitieUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const def = kpiVan(params.id);
      if (!normPast(def, body.norm)) {
        const uitleg = def.eenheid === 'aandeel' ? 'Een aandeel is een getal tussen 0 en 1 (bijv. 0,2 voor 20%).'
          : def.eenheid === 'verandering' ? 'Een verandering is een getal tussen -1 en 10 (bijv. -0,15 voor 15% minder).' : 'De norm kan niet negatief zijn.';
        throw new Problem('ongeldige-invoer', uitleg, [{ name: 'norm', code: 'buiten-bereik', reason: uitleg }]);
      }
      if (body.peildatum && def.eenheid !== 'verandering') {
        throw new Problem('ongeldige-invoer', 'Een peildatum hoort alleen bij een KPI die een verandering meet.', [{ name: 'peildatum', code: 'niet-van-toepassing', reason: 'Alleen bij een verandering' }]);
      }
      const eigen = await normen(tx);
      eigen[def.id] = { norm: body.norm, ...(body.marge !== undefined ? { marge: body.marge } : {}), ...(body.peildatum ? { peildatum: body.peildatum } : {}) };
      await bewaarNormen(tx, actor!.gemeenteId, eigen, actor!.gebruikerId);
      return { body: naarUitvoer(metNorm(def, eigen)) };
    }),
});

const tevredenheid = defineRoute({
  method: 'POST', path: '/casussen/{id}/tevredenheid', tag: 'Sturing', summary: 'Het antwoord van de inwoner op de tevredenheidsvraag vastleggen ("Voelt u zich goed geholpen?")',
  access: roles('regisseur', 'teamleider'), params: idParams,
  body: z.object({
    datum: datum.refine((d) => d <= vandaag(), 'De datum ligt in de toekomst'),
    goedGeholpen: z.boolean({ error: 'Geef aan of de inwoner zich goed geholpen voelt' }),
    cijfer: z.number().int().min(1).max(10).optional(),
    toelichting: optioneleTekst(2000, 'Toelichting'),
  }).meta({ id: 'Tevredenheid' }),
  responses: { 201: { description: 'Vastgelegd', schema: z.object({ id: z.uuid() }) } },
  problems: ['niet-gevonden', 'ongeldige-invoer', 'niet-uw-casus'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const id = await legTevredenheidVast(tx, actor!, params.id, body);
      return { status: 201, body: { id } };
    }),
});

export const sturingRoutes: AnyRoute[] = [lijst, waarde, verdeling, onderliggend, pilot, besteding, norm, tevredenheid];
