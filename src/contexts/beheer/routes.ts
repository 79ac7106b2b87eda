import { z } from 'zod';
import { notFound } from '../../platform/http/problem.ts';
import { API_BASE } from '../../platform/http/server.ts';
import { defineRoute, publicAccess, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { HEX_KLEUR, KLEUR_VELDEN, LOGO_MAX_BYTES, LOGO_TYPES, type HuisstijlKleuren } from './rules.ts';
import { gemeenteVanCode, huisstijl, type HuisstijlOpslag } from './store.ts';
import { wijzigHuisstijl } from './usecases.ts';
import { opdrachtenRoutes } from './opdrachten.ts';
import { gebruikersRoutes } from './gebruikers-routes.ts';

const kleur = z.string().regex(HEX_KLEUR, 'Geef een kleur als #rrggbb, bijvoorbeeld #1f5c3f');
const kleurenSchema = z.object(Object.fromEntries(KLEUR_VELDEN.map((k) => [k, kleur])) as Record<keyof HuisstijlKleuren, typeof kleur>)
  .meta({ id: 'HuisstijlKleuren', description: 'Kleuren als #rrggbb; elk wordt een of meer Utrecht-designtokens (--utrecht-…)' });

const huisstijlSchema = z.object({
  naam: z.string().describe('De naam in de kop, bijv. "Gemeente Demodorp"'),
  kleuren: kleurenSchema.nullable().describe('null: de standaardkleuren van NL Design System'),
  logo: z.object({ type: z.enum(LOGO_TYPES), url: z.string() }).nullable(),
}).meta({ id: 'Huisstijl' });

const invoerSchema = z.object({
  naam: z.string().trim().min(1, 'Vul de naam in').max(80, 'Hoogstens 80 tekens'),
  kleuren: kleurenSchema.nullable(),
  logo: z.object({
    type: z.enum(LOGO_TYPES, 'Gebruik een PNG-, JPEG- of WebP-afbeelding (SVG wordt niet geaccepteerd)'),
    // base64 of at most LOGO_MAX_BYTES; the decoded size is checked again in the rule.
    data: z.base64('Het logo is niet goed meegestuurd').max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 4, `Het logo is groter dan ${LOGO_MAX_BYTES / 1024} kB`),
  }).nullable().optional().describe('Weglaten: het huidige logo blijft; null: geen logo'),
}).meta({ id: 'HuisstijlInvoer' });

const codeParams = z.object({ code: z.string().regex(/^[a-z0-9-]{1,50}$/) });

function resource(code: string, gemeenteNaam: string, h: HuisstijlOpslag | null): z.infer<typeof huisstijlSchema> {
  return {
    naam: h?.naam ?? `Gemeente ${gemeenteNaam}`,
    kleuren: h?.kleuren ?? null,
    logo: h?.logo ? { type: h.logo.type, url: `${API_BASE}/publiek/gemeenten/${code}/logo?v=${h.logo.hash}` } : null,
  };
}

const lezen = defineRoute({
  method: 'GET', path: '/instellingen/huisstijl', tag: 'Instellingen', summary: 'De huisstijl van deze gemeente: naam, logo en kleuren',
  access: roles('beheer'),
  responses: { 200: { description: 'De huisstijl', schema: huisstijlSchema } },
  handler: async ({ deps, actor, request }) => {
    const { gemeenteCode, gemeenteNaam } = request.session!.account;
    return { body: resource(gemeenteCode, gemeenteNaam, await inGemeente(deps.db, actor!.gemeenteId, (tx) => huisstijl(tx))) };
  },
});

const schrijven = defineRoute({
  method: 'PUT', path: '/instellingen/huisstijl', tag: 'Instellingen', summary: 'De huisstijl aanpassen (kleuren moeten leesbaar blijven: contrast minstens 4,5:1)',
  description: 'Een logo is een PNG-, JPEG- of WebP-afbeelding van hoogstens 100 kB, als base64. SVG wordt niet geaccepteerd: het kan script bevatten.',
  access: roles('beheer'), body: invoerSchema,
  responses: { 200: { description: 'De opgeslagen huisstijl', schema: huisstijlSchema } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, body, request }) => {
    const { gemeenteCode, gemeenteNaam } = request.session!.account;
    const h = await inGemeente(deps.db, actor!.gemeenteId, (tx) => wijzigHuisstijl(tx, actor!.gemeenteId, body, actor!.gebruikerId));
    request.log.info({ event: 'huisstijl_gewijzigd' }, 'huisstijl_gewijzigd');
    return { body: resource(gemeenteCode, gemeenteNaam, h) };
  },
});

const publiek = defineRoute({
  method: 'GET', path: '/publiek/gemeenten/{code}/huisstijl', tag: 'Publiek', summary: 'Naam, logo en kleuren van een gemeente, voor de openbare pagina\'s en de kop',
  access: publicAccess, params: codeParams,
  responses: { 200: { description: 'De huisstijl', schema: huisstijlSchema } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, params }) => {
    const g = await gemeenteVanCode(deps.db, params.code);
    if (!g) throw notFound('Deze gemeente');
    return { body: resource(g.code, g.naam, await inGemeente(deps.db, g.id, (tx) => huisstijl(tx))) };
  },
});

const logo = defineRoute({
  method: 'GET', path: '/publiek/gemeenten/{code}/logo', tag: 'Publiek', summary: 'Het logo van een gemeente (PNG, JPEG of WebP)',
  access: publicAccess, params: codeParams, query: z.object({ v: z.string().max(64).optional() }),
  responses: { 200: { description: 'Het logo', contentType: 'image/png' } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, params, query }) => {
    const g = await gemeenteVanCode(deps.db, params.code);
    const h = g ? await inGemeente(deps.db, g.id, (tx) => huisstijl(tx)) : null;
    if (!h?.logo) throw notFound('Dit logo');
    // The URL carries the logo's hash: that exact address never shows another image.
    const vast = query.v === h.logo.hash;
    return {
      body: Buffer.from(h.logo.data, 'base64'),
      headers: { 'content-type': h.logo.type, 'cache-control': vast ? 'public, max-age=31536000, immutable' : 'no-cache' },
    };
  },
});

export const beheerRoutes: AnyRoute[] = [lezen, schrijven, publiek, logo, ...opdrachtenRoutes, ...gebruikersRoutes];
