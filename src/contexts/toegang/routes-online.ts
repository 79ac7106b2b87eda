/**
 * The intake queue's step for online meldingen that did not link themselves (a BSN already known
 * here, or one the BRP contradicts): the frontoffice or teamleider compares what was typed with the
 * person known under that BSN, and links, creates or rejects.
 */
import { z } from 'zod';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { paginering, tekst } from '../../platform/http/schemas.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { brpHuishouden } from '../inwoners/index.ts';
import { magDossierZien } from '../privacy/index.ts';
import { MELDING_BIJ_COLLEGA_TEKST } from './schemas.ts';
import {
  ONLINE_STATUSSEN, koppelOnlineMelding, leesOnlineMelding, onlineMeldingenTeMatchen, wijsOnlineMeldingAf, type OnlineMelding,
} from './online.ts';

const intake = roles('frontoffice', 'teamleider');

const ingediendUitvoer = z.object({
  persoon: z.object({ bsn: z.string(), voornaam: z.string(), tussenvoegsel: z.string().optional(), achternaam: z.string(), geboortedatum: z.string() }),
  adres: z.object({ straat: z.string(), huisnummer: z.string(), postcode: z.string(), woonplaats: z.string().optional() }).optional(),
  geenVastAdres: z.boolean(),
  onderwerp: z.string(),
  omschrijving: z.string(),
  spoed: z.boolean(),
  contact: z.object({ telefoon: z.string().optional(), email: z.string().optional() }).optional(),
}).describe('Wat de inwoner invulde, ongewijzigd');

const onlineUitvoer = z.object({
  id: z.uuid(),
  referentie: z.string().describe('Het referentienummer dat de inwoner kreeg (EV-7K3Q-9XWD)'),
  ontvangenOp: z.string(),
  status: z.enum(ONLINE_STATUSSEN),
  naam: z.string().describe('De naam zoals de inwoner die invulde'),
  ingediend: ingediendUitvoer,
  melding: z.object({ id: z.uuid(), nummer: z.string() }).nullable(),
  reden: z.string().nullable(),
}).meta({ id: 'OnlineMelding' });

const onlineDetail = onlineUitvoer.extend({
  bekendePersoon: z.object({ id: z.uuid(), naam: z.string(), geboortedatum: z.string() }).nullable()
    .describe('De inwoner die hier al bekend is onder het ingevulde BSN (alleen naam en geboortedatum), om te vergelijken'),
  meldingInzien: z.boolean().describe('Of u de gekoppelde melding mag openen (niet als een collega het dossier behandelt)'),
}).meta({ id: 'OnlineMeldingDetail' });

const resource = (o: OnlineMelding): z.infer<typeof onlineUitvoer> => ({
  id: o.id, referentie: o.referentie, ontvangenOp: o.ontvangenOp, status: o.status,
  naam: [o.ingediend.persoon.voornaam, o.ingediend.persoon.tussenvoegsel, o.ingediend.persoon.achternaam].filter(Boolean).join(' '),
  ingediend: o.ingediend, melding: o.melding, reden: o.reden,
});

const lijst = defineRoute({
  method: 'GET', path: '/online-meldingen', tag: 'Meldingen', summary: 'Online meldingen die op koppeling wachten (bekend BSN, of de BRP wijkt af)',
  access: intake,
  query: z.object(paginering),
  responses: {
    200: {
      description: 'De online meldingen om te koppelen, oudste eerst',
      schema: z.object({ resultaten: z.array(onlineUitvoer), totaal: z.number().int() }).meta({ id: 'OnlineMeldingLijst' }),
    },
  },
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { rijen, totaal } = await onlineMeldingenTeMatchen(tx, query);
      return { body: { resultaten: rijen.map(resource), totaal } };
    }),
});

const lezen = defineRoute({
  method: 'GET', path: '/online-meldingen/{id}', tag: 'Meldingen', summary: 'Eén online melding, met de inwoner die onder het ingevulde BSN bekend is',
  access: intake, params: idParams,
  responses: { 200: { description: 'De online melding', schema: onlineDetail } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const o = await leesOnlineMelding(tx, actor!, params.id);
      const meldingInzien = o.melding ? await magMeldingZien(tx, actor!, o.melding.id) : false;
      return { body: { ...resource(o), bekendePersoon: o.bekendePersoon, meldingInzien } };
    }),
});

/** Whether the asker may open a melding: the one access rule on its household. */
async function magMeldingZien(tx: Tx, actor: Actor, meldingId: string): Promise<boolean> {
  const m = await tx.selectFrom('meldingen').select('huishouden_id').where('id', '=', meldingId).executeTakeFirst();
  return !!m && magDossierZien(tx, actor, { huishoudenId: m.huishouden_id });
}

const koppelingInvoer = z.union([
  z.object({ persoonId: z.uuid('Kies een inwoner') }).strict(),
  z.object({ nieuwePersoon: z.literal(true) }).strict(),
], { error: 'Kies: koppelen aan een bekende inwoner (persoonId) of een nieuwe inwoner aanmaken (nieuwePersoon: true)' }).meta({ id: 'OnlineMeldingKoppeling' });

const koppelen = defineRoute({
  method: 'POST', path: '/online-meldingen/{id}/koppeling', tag: 'Meldingen',
  summary: 'Een online melding koppelen aan een bekende inwoner, of aan een nieuwe inwoner uit wat is ingevuld',
  description: 'Maakt de melding (kanaal online, met de dag van ontvangst en het referentienummer van de inwoner). De gegevens van een bekende inwoner veranderen niet; de ingevulde contactgegevens horen bij de melding.',
  access: intake, params: idParams, body: koppelingInvoer,
  responses: {
    201: {
      description: 'Gekoppeld',
      schema: z.object({
        meldingId: z.uuid(), meldingNummer: z.string(),
        bijCollega: z.boolean().describe('De melding kwam bij een dossier dat een collega behandelt: u kunt haar niet openen'),
        bericht: z.string().optional().describe('Wat u de inwoner kunt zeggen, als de melding bij een collega kwam'),
      }).meta({ id: 'OnlineMeldingGekoppeld' }),
    },
  },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'online-melding-al-behandeld', 'persoon-bestaat-al', 'koppeling-ander-bsn', 'persoon-komt-niet-overeen', 'brp-niet-bereikbaar'],
  handler: async ({ deps, actor, params, body }) => {
    const dag = vandaag();
    // The BRP is asked before the transaction (a network call), only when a new person is made.
    const brp = 'nieuwePersoon' in body
      ? await brpHuishouden(deps.config.brp, (await inGemeente(deps.db, actor!.gemeenteId, (tx) => leesOnlineMelding(tx, actor!, params.id))).ingediend.persoon.bsn, dag)
      : null;
    return inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { meldingId } = await koppelOnlineMelding(tx, actor!, params.id, body, brp, dag);
      const m = await tx.selectFrom('meldingen').select(['nummer', 'huishouden_id']).where('id', '=', meldingId).executeTakeFirstOrThrow();
      // As at registration: linked to a household a colleague works on, the frontoffice learns the
      // number and where it went, not the file (need to know), and is not sent to a page it may not open.
      if (!(await magDossierZien(tx, actor!, { huishoudenId: m.huishouden_id }))) {
        return { status: 201, body: { meldingId, meldingNummer: m.nummer, bijCollega: true, bericht: MELDING_BIJ_COLLEGA_TEKST } };
      }
      return { status: 201, body: { meldingId, meldingNummer: m.nummer, bijCollega: false } };
    });
  },
});

const afwijzen = defineRoute({
  method: 'POST', path: '/online-meldingen/{id}/afwijzing', tag: 'Meldingen', summary: 'Een online melding afwijzen (geen echte vraag, of na contact niet te koppelen)',
  access: intake, params: idParams, body: z.object({ reden: tekst(1000, 'Reden') }).meta({ id: 'OnlineMeldingAfwijzing' }),
  responses: { 204: { description: 'Afgewezen' } },
  problems: ['ongeldige-invoer', 'niet-gevonden', 'online-melding-al-behandeld'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await wijsOnlineMeldingAf(tx, actor!, params.id, body.reden);
      return { status: 204 };
    }),
});

export const onlineMeldingRoutes: AnyRoute[] = [lijst, lezen, koppelen, afwijzen];
