import { z } from 'zod';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { volledigeNaam } from '../inwoners/index.ts';
import { PERSOON_ROLLEN, ZOEK_ROLLEN, naamVan } from './rules.ts';
import { meldingStandUitvoer, persoonKaartUitvoer, zoekInvoer, zoekUitvoer } from './schemas.ts';
import { bekijkMeldingStand, bekijkPersoon, zoek, zoekvraag } from './usecases.ts';

const zoeken = defineRoute({
  method: 'GET', path: '/zoeken', tag: 'Zoeken', summary: 'Zoeken op BSN, naam en geboortedatum, of een nummer (melding, casus, aanvraag, beschikking)',
  description: [
    'Eén zoekveld: een BSN (9 cijfers), een naam met of zonder tussenvoegsel (een of twee letters fout mag) met een geboortedatum',
    '(12-03-1956, 12 maart 1956 of 1956-03-12), of een nummer als M-2026-000123 (ook m-2026-123).',
    'Wat u ziet hangt af van uw rol: casusregisseur, teamleider en beslisser vinden inwoners en dossiers (een casusregisseur',
    'aanvragen en beschikkingen van de eigen casussen); de frontoffice/KCC vindt een melding op haar nummer en ziet alleen de stand.',
    'Beleid, inkoper, subsidieadviseur, beheer en privacy werken met geaggregeerde gegevens, niet met dossiers: 403.',
    'Elk resultaat wordt in de audittrail vastgelegd als inzage van de inwoner.',
  ].join(' '),
  access: roles(...ZOEK_ROLLEN),
  query: zoekInvoer,
  responses: { 200: { description: 'De resultaten (hoogstens 20 inwoners)', schema: zoekUitvoer } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) => {
    // Read the question before opening a transaction: bad input writes nothing.
    const vraag = zoekvraag(query.q);
    return { body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => zoek(tx, actor!, vraag)) };
  },
});

const meldingStand = defineRoute({
  method: 'GET', path: '/zoeken/meldingen/{id}', tag: 'Zoeken', summary: 'De stand van een melding voor de frontoffice/KCC: status en wie haar behandelt, zonder de inhoud',
  description: 'Voor het telefoongesprek met de inwoner: nummer, wet, status, casusregisseur en team, en naam en geboortedatum om de beller te herkennen. Geen omschrijving, geen BSN, geen adres. Wordt vastgelegd in de audittrail.',
  access: roles(...ZOEK_ROLLEN),
  params: idParams,
  responses: { 200: { description: 'De stand van de melding', schema: meldingStandUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const m = await bekijkMeldingStand(tx, actor!, params.id);
      const body: z.infer<typeof meldingStandUitvoer> = {
        id: m.id, nummer: m.nummer, wet: m.wet, wetNaam: naamVan('wet', m.wet), kanaalNaam: naamVan('kanaal', m.kanaal),
        status: m.status, statusNaam: naamVan('meldingStatus', m.status), ontvangenOp: m.ontvangenOp, afgerondOp: m.afgerondOp,
        inwoner: { naam: volledigeNaam(m.naam), geboortedatum: m.geboortedatum },
        behandeling: { casusNummer: m.casusNummer, casusregisseur: m.regisseur, team: m.team },
      };
      return { body };
    }),
});

const persoon = defineRoute({
  method: 'GET', path: '/zoeken/personen/{id}', tag: 'Zoeken', summary: 'Een gevonden inwoner: naam, geboortedatum, adres en de casussen en meldingen (ook als die er nog niet zijn)',
  description: 'Waar een zoekresultaat naartoe leidt als de inwoner nog geen casus of melding heeft. Wordt vastgelegd in de audittrail.',
  access: roles(...PERSOON_ROLLEN),
  params: idParams,
  responses: { 200: { description: 'De inwoner', schema: persoonKaartUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const p = await bekijkPersoon(tx, actor!, params.id);
      const body: z.infer<typeof persoonKaartUitvoer> = {
        id: p.id, naam: volledigeNaam(p.naam), geboortedatum: p.geboortedatum, adres: p.adres,
        casussen: p.casussen.map((c) => ({ ...c, url: `/casussen/${c.id}` })),
        meldingen: p.meldingen.map((m) => ({ ...m, statusNaam: naamVan('meldingStatus', m.status), url: `/meldingen/${m.id}` })),
      };
      return { body };
    }),
});

export const zoekenRoutes: AnyRoute[] = [zoeken, meldingStand, persoon];
