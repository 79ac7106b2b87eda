import { z } from 'zod';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { datum, optioneleTekst } from '../../platform/http/schemas.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { auditHuishouden } from '../inwoners/index.ts';
import { casusVoorWerk } from '../toegang/index.ts';
import { KPIS, maanden, normPast, signaal, waardeVan, type KpiDefinitie } from './rules.ts';
import { bewaarNormen, insertTevredenheid, kpiPerPeriode, normen } from './store.ts';

const sturingRollen = roles('beleid', 'teamleider', 'beheer');

const definitieUitvoer = z.object({
  id: z.string(), naam: z.string(), uitleg: z.string(), niveau: z.enum(['strategisch', 'tactisch', 'operationeel']), eenheid: z.enum(['aandeel', 'aantal']),
  richting: z.enum(['hogerIsBeter', 'lagerIsBeter']), norm: z.number().nullable(), marge: z.number(), dimensies: z.array(z.string()), bron: z.string(),
}).meta({ id: 'KpiDefinitie' });

const metNorm = (k: KpiDefinitie, eigen: Record<string, { norm: number; marge?: number }>) => {
  const n = eigen[k.id];
  return { ...k, norm: n?.norm ?? k.norm, marge: n?.marge ?? k.marge };
};
const naarUitvoer = (k: KpiDefinitie) => ({ ...k, norm: Number.isFinite(k.norm) ? k.norm : null });

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

const filter = z.object({
  van: datum.optional(),
  tot: datum.optional(),
  wet: z.enum(['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend'], { error: 'Kies een wet' }).optional(),
  kern: z.uuid('Geef het id van een kern').optional(),
}).refine((f) => !f.van || !f.tot || f.van <= f.tot, { path: ['tot'], message: 'De einddatum ligt vóór de begindatum' });

const kpiUitvoer = z.object({
  id: z.string(), naam: z.string(), eenheid: z.enum(['aandeel', 'aantal']), van: z.string(), tot: z.string(),
  waarde: z.number().nullable(), teller: z.number().int(), noemer: z.number().int(), norm: z.number().nullable(),
  signaal: z.enum(['groen', 'oranje', 'rood']).nullable(),
  reeks: z.array(z.object({ periode: z.string(), waarde: z.number().nullable(), teller: z.number().int(), noemer: z.number().int() })),
}).meta({ id: 'KpiWaarde' });

async function bereken(tx: Tx, k: KpiDefinitie, f: { van: string; tot: string; wet?: string | undefined; kernId?: string | undefined }) {
  const rijen = await kpiPerPeriode(tx, k.id, f);
  const teller = rijen.reduce((s, r) => s + r.teller, 0);
  const noemer = rijen.reduce((s, r) => s + r.noemer, 0);
  const waarde = waardeVan(teller, noemer, k.eenheid);
  const perMaand = new Map(rijen.map((r) => [r.periode, r]));
  const reeks = k.dimensies.includes('periode')
    ? maanden(f.van, f.tot).map((periode) => {
      const r = perMaand.get(periode) ?? { teller: 0, noemer: 0 };
      return { periode, waarde: waardeVan(r.teller, r.noemer, k.eenheid), teller: r.teller, noemer: r.noemer };
    })
    : [];
  return {
    id: k.id, naam: k.naam, eenheid: k.eenheid, van: f.van, tot: f.tot, waarde, teller, noemer,
    norm: Number.isFinite(k.norm) ? k.norm : null, signaal: signaal(waarde, k.norm, k.marge, k.richting), reeks,
  };
}

const waarde = defineRoute({
  method: 'GET', path: '/kpis/{id}', tag: 'Sturing', summary: 'De waarde van een KPI over een periode, met teller, noemer, norm, signaal en reeks per maand',
  description: 'Standaardperiode: 1 januari van dit jaar tot vandaag. Alleen aantallen, geen persoonsgegevens.',
  access: sturingRollen,
  params: z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
  query: filter,
  responses: { 200: { description: 'De KPI', schema: kpiUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const def = KPIS.find((k) => k.id === params.id);
      if (!def) throw notFound(`De KPI '${params.id}'`);
      const tot = query.tot ?? vandaag();
      const van = query.van ?? `${tot.slice(0, 4)}-01-01`;
      if (van > tot) throw new Problem('ongeldige-invoer', 'De begindatum ligt na de einddatum.', [{ name: 'van', code: 'na-tot', reason: 'Ligt na de einddatum' }]);
      return { body: await bereken(tx, metNorm(def, await normen(tx)), { van, tot, wet: query.wet, kernId: query.kern }) };
    }),
});

const norm = defineRoute({
  method: 'PUT', path: '/kpis/{id}/norm', tag: 'Sturing', summary: 'De norm (en signaalmarge) van een KPI voor deze gemeente instellen',
  access: roles('beleid'),
  params: z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/) }),
  body: z.object({ norm: z.number({ error: 'Geef de norm als getal' }).min(0), marge: z.number().min(0).optional() }).meta({ id: 'KpiNorm' }),
  responses: { 200: { description: 'De KPI met de nieuwe norm', schema: definitieUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const def = KPIS.find((k) => k.id === params.id);
      if (!def) throw notFound(`De KPI '${params.id}'`);
      if (!normPast(def, body.norm)) {
        throw new Problem('ongeldige-invoer', 'Een aandeel is een getal tussen 0 en 1 (bijv. 0,2 voor 20%).', [{ name: 'norm', code: 'te-groot', reason: 'Tussen 0 en 1' }]);
      }
      const eigen = await normen(tx);
      eigen[def.id] = { norm: body.norm, ...(body.marge !== undefined ? { marge: body.marge } : {}) };
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
      const casus = await casusVoorWerk(tx, actor!, params.id, { schrijven: true });
      const id = await insertTevredenheid(tx, {
        gemeenteId: actor!.gemeenteId, casusId: casus.id, datum: body.datum, goedGeholpen: body.goedGeholpen, cijfer: body.cijfer ?? null,
        toelichting: body.toelichting ?? null, door: actor!.gebruikerId,
      });
      await auditHuishouden(tx, actor!, casus.huishoudenId, 'aanmaken', 'tevredenheid', id, 'tevredenheid vastleggen');
      return { status: 201, body: { id } };
    }),
});

export const sturingRoutes: AnyRoute[] = [lijst, waarde, norm, tevredenheid];
