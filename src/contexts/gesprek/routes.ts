import { z } from 'zod';
import { ROLLEN } from '../../platform/auth/roles.ts';
import { Problem } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { deelnemerRolNaam, gesprekSoortNaam, plekNaam, scoreVerschil } from './rules.ts';
import { gesprekInvoer, gesprekUitvoer, instrumentInvoer, instrumentUitvoer, reactieInvoer, scoreHistorie } from './schemas.ts';
import { bewaarInstrument, getGesprek, listInstrumenten, verzondenVerslag, type Gesprek, type Instrument } from './store.ts';
import { leesGesprek, leesGesprekkenVanCasus, leesScores, legReactieVast, verslagPdf, verzendVerslag, voerGesprek } from './usecases.ts';

const gesprekResource = (g: Gesprek, instrumenten: Instrument[]): z.infer<typeof gesprekUitvoer> => {
  const instrument = instrumenten.find((i) => i.id === g.instrument.id);
  return {
    id: g.id, casusId: g.casusId, datum: g.datum, plek: g.plek, plekNaam: plekNaam[g.plek], soort: g.soort, soortNaam: gesprekSoortNaam[g.soort], instrument: g.instrument,
    deelnemers: g.deelnemers.map((d) => ({ rol: d.rol, rolNaam: deelnemerRolNaam[d.rol], naam: d.naam, persoonId: d.persoonId ?? null })), samenvatting: g.samenvatting, gevoerdDoor: g.gevoerdDoor,
    verslag: { verzondenOp: g.verslagVerzondenOp ? new Date(g.verslagVerzondenOp).toISOString() : null, hash: g.verslagHash },
    inwonerReactie: g.inwonerReactie && g.inwonerReactieOp ? { tekst: g.inwonerReactie, op: new Date(g.inwonerReactieOp).toISOString() } : null,
    scores: g.scores.map((s) => ({
      domein: s.domein, domeinNaam: instrument?.domeinen.find((d) => d.code === s.domein)?.naam ?? s.domein, score: s.score,
      scoreLabel: s.score === null ? null : instrument?.schaal.find((x) => x.waarde === s.score)?.label ?? null,
      toelichting: s.toelichting ?? null, zelf: s.zelf ?? null, netwerk: s.netwerk ?? null,
    })),
  };
};

const instrumenten = defineRoute({
  method: 'GET', path: '/instrumenten', tag: 'Gesprek', summary: 'De instrumenten van de gemeente met hun domeinen en schaal',
  access: roles(...ROLLEN),
  responses: { 200: { description: 'De instrumenten, het standaardinstrument eerst', schema: instrumentUitvoer.array() } },
  handler: async ({ deps, actor }) => ({ body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => listInstrumenten(tx)) }),
});

const instrumentBewaren = defineRoute({
  method: 'PUT', path: '/instrumenten/{code}', tag: 'Gesprek', summary: 'Een instrument toevoegen of wijzigen (domeinen en schaal); bestaande scores blijven bij hun gesprek',
  access: roles('beheer'),
  params: z.object({ code: z.string().regex(/^[a-z0-9-]{2,50}$/) }), body: instrumentInvoer,
  responses: { 200: { description: 'De instrumenten', schema: instrumentUitvoer.array() } },
  problems: ['ongeldige-invoer', 'niet-gevonden'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await bewaarInstrument(tx, actor!.gemeenteId, { ...body, code: params.code });
      const alle = await listInstrumenten(tx);
      if (!alle.some((i) => i.standaard)) {
        throw new Problem('ongeldige-invoer', 'Er moet één standaardinstrument blijven.', [{ name: 'standaard', code: 'geen-standaard', reason: 'Er moet één standaardinstrument zijn' }]);
      }
      return { body: alle };
    }),
});

const nieuw = defineRoute({
  method: 'POST', path: '/casussen/{id}/gesprekken', tag: 'Gesprek', summary: 'Een gesprek vastleggen met scores per domein',
  description: 'Scores per domein van het instrument (standaard: 8 leefgebieden op de ZRM-schaal 1–5; null = niet besproken). Het eerste gesprek rondt de schuldhulptermijn voor het eerste gesprek af.',
  access: roles('regisseur', 'teamleider'), params: idParams, body: gesprekInvoer,
  responses: { 201: { description: 'Het gesprek', schema: gesprekUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer', 'instrument-onbekend', 'niet-uw-casus', 'casus-gesloten'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const id = await voerGesprek(tx, actor!, params.id, body, vandaag());
      return { status: 201, headers: { location: `/api/v1/gesprekken/${id}` }, body: gesprekResource((await getGesprek(tx, id))!, await listInstrumenten(tx)) };
    }),
});

const vanCasus = defineRoute({
  method: 'GET', path: '/casussen/{id}/gesprekken', tag: 'Gesprek', summary: 'De gesprekken van een casus, oudste eerst',
  access: roles('regisseur', 'teamleider', 'beslisser'), params: idParams,
  responses: { 200: { description: 'De gesprekken', schema: gesprekUitvoer.array() } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const gesprekken = await leesGesprekkenVanCasus(tx, actor!, params.id);
      const inst = await listInstrumenten(tx);
      return { body: gesprekken.map((g) => gesprekResource(g, inst)) };
    }),
});

const een = defineRoute({
  method: 'GET', path: '/gesprekken/{id}', tag: 'Gesprek', summary: 'Eén gesprek',
  access: roles('regisseur', 'teamleider', 'beslisser'), params: idParams,
  responses: { 200: { description: 'Het gesprek', schema: gesprekUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const g = await leesGesprek(tx, actor!, params.id);
      return { body: gesprekResource(g, await listInstrumenten(tx)) };
    }),
});

const verslag = defineRoute({
  method: 'GET', path: '/gesprekken/{id}/verslag.pdf', tag: 'Gesprek', summary: 'Het gespreksverslag als PDF-brief (na verzending precies zoals verzonden; daarvoor als concept)',
  access: roles('regisseur', 'teamleider', 'beslisser'), params: idParams,
  responses: { 200: { description: 'De brief', contentType: 'application/pdf' } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params, request }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const g = await leesGesprek(tx, actor!, params.id, 'gespreksverslag');
      const pdf = (await verzondenVerslag(tx, g.id)) ?? await verslagPdf(tx, g, request.session!.account.gemeenteNaam, { concept: true, datum: vandaag() });
      return { body: pdf, headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="gespreksverslag-${g.datum}.pdf"` } };
    }),
});

const verzending = defineRoute({
  method: 'POST', path: '/gesprekken/{id}/verzending', tag: 'Gesprek', summary: 'Het gespreksverslag naar de inwoner sturen (daarna onveranderlijk; rondt het Wmo-onderzoek af)',
  access: roles('regisseur', 'teamleider'), params: idParams,
  responses: { 200: { description: 'Het gesprek met verzenddatum en hash van de brief', schema: gesprekUitvoer } },
  problems: ['niet-gevonden', 'verslag-al-verzonden', 'niet-uw-casus'],
  handler: async ({ deps, actor, params, request }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await verzendVerslag(tx, actor!, params.id, request.session!.account.gemeenteNaam, vandaag());
      const g = (await getGesprek(tx, params.id))!;
      request.log.info({ event: 'gespreksverslag_verzonden' }, 'gespreksverslag_verzonden');
      return { body: gesprekResource(g, await listInstrumenten(tx)) };
    }),
});

const reactie = defineRoute({
  method: 'POST', path: '/gesprekken/{id}/reactie', tag: 'Gesprek', summary: 'De eigen kijk van de inwoner op het gesprek vastleggen',
  access: roles('regisseur', 'teamleider'), params: idParams, body: reactieInvoer,
  responses: { 200: { description: 'Het gesprek met de reactie', schema: gesprekUitvoer } },
  problems: ['niet-gevonden', 'niet-uw-casus'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await legReactieVast(tx, actor!, params.id, body.tekst);
      return { body: gesprekResource((await getGesprek(tx, params.id))!, await listInstrumenten(tx)) };
    }),
});

const scores = defineRoute({
  method: 'GET', path: '/casussen/{id}/scores', tag: 'Gesprek', summary: 'De scores per domein over de tijd (met het verschil tussen eerste en laatste gesprek)',
  access: roles('regisseur', 'teamleider', 'beslisser'), params: idParams,
  responses: { 200: { description: 'Per domein de reeks scores', schema: scoreHistorie } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const gesprekken = await leesScores(tx, actor!, params.id);
      const inst = await listInstrumenten(tx);
      // One instrument per chart: the one of the latest conversation, else the default.
      const instrument = inst.find((i) => i.id === gesprekken.at(-1)?.instrument.id) ?? inst.find((i) => i.standaard) ?? inst[0]!;
      const metInstrument = gesprekken.filter((g) => g.instrument.id === instrument.id);
      const verschil = metInstrument.length >= 2 ? scoreVerschil(metInstrument[0]!.scores, metInstrument.at(-1)!.scores) : {};
      return {
        body: {
          instrument: { code: instrument.code, naam: instrument.naam },
          domeinen: instrument.domeinen.map((d) => ({
            domein: d.code, naam: d.naam,
            reeks: metInstrument.flatMap((g) => {
              const s = g.scores.find((x) => x.domein === d.code);
              return s && s.score !== null ? [{ datum: g.datum, gesprekId: g.id, soort: g.soort, score: s.score }] : [];
            }),
            verschil: verschil[d.code] ?? null,
          })),
        },
      };
    }),
});

export const gesprekRoutes: AnyRoute[] = [instrumenten, instrumentBewaren, nieuw, vanCasus, een, verslag, verzending, reactie, scores];
