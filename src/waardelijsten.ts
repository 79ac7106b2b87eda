import { z } from 'zod';
import { CATALOGUS_DOMEINEN, LEEFGEBIEDEN, TREDEN, catalogusDomeinNaam, leefgebiedNaam, tredeNaam } from './contexts/catalogus/rules.ts';
import { DEELNEMER_ROLLEN, GESPREK_SOORTEN, PLEKKEN, deelnemerRolNaam, gesprekSoortNaam, plekNaam } from './contexts/gesprek/rules.ts';
import { AANVRAAG_STATUSSEN, LEVERINGSVORMEN, UITKOMSTEN, aanvraagStatusNaam, leveringsvormNaam, uitkomstNaam } from './contexts/besluit/rules.ts';
import { DOEL_STATUSSEN, EVALUATIE_BESLUITEN, INSTEMMING_WIJZEN, doelStatusNaam } from './contexts/plan/rules.ts';
import { KANALEN, MELDING_STATUSSEN, SIGNAALBRONNEN, VERWIJZERS, WETTEN, kanaalNaam, signaalBronNaam, statusNaam, verwijzerNaam, wetNaam } from './contexts/toegang/rules.ts';
import { TERMIJN_STATUSSEN, termijnSoortNaam, termijnStatusNaam } from './contexts/toegang/termijnen.ts';
import { BEKENDE_WETSARTIKELEN, DOELEN, GRONDSLAG_SOORTEN, PARTNER_SOORTEN, TOESTEMMING_GEVERS, doelNaam, grondslagSoortNaam, partnerSoortNaam, toestemmingGeverNaam } from './contexts/privacy/delingen-rules.ts';
import { defineRoute, publicAccess, type AnyRoute } from './platform/http/route.ts';

/**
 * Every fixed choice list with its Dutch names, from the contexts that own them, in one public
 * endpoint: the web app and other clients never keep their own copies.
 */
const lijst = <T extends string | number>(codes: readonly T[], namen: Record<T, string>) => codes.map((code) => ({ code: String(code), naam: namen[code] }));
const zelf = <T extends string>(codes: readonly T[], namen: Partial<Record<T, string>> = {}) =>
  codes.map((code) => ({ code, naam: namen[code] ?? code.charAt(0).toUpperCase() + code.slice(1) }));

const LIJSTEN = {
  wetten: lijst(WETTEN, wetNaam),
  kanalen: lijst(KANALEN, kanaalNaam),
  meldingStatussen: lijst(MELDING_STATUSSEN, statusNaam),
  termijnStatussen: lijst(TERMIJN_STATUSSEN, termijnStatusNaam),
  verwijzers: lijst(VERWIJZERS, verwijzerNaam),
  signaalbronnen: lijst(SIGNAALBRONNEN, signaalBronNaam),
  termijnSoorten: lijst(['onderzoek', 'beschikking', 'eersteGesprek', 'bezwaar'] as const, termijnSoortNaam),
  leefgebieden: lijst(LEEFGEBIEDEN, leefgebiedNaam),
  catalogusDomeinen: lijst(CATALOGUS_DOMEINEN, catalogusDomeinNaam),
  treden: lijst(TREDEN, tredeNaam),
  plekken: lijst(PLEKKEN, plekNaam),
  gesprekSoorten: lijst(GESPREK_SOORTEN, gesprekSoortNaam),
  deelnemerRollen: lijst(DEELNEMER_ROLLEN, deelnemerRolNaam),
  doelStatussen: lijst(DOEL_STATUSSEN, doelStatusNaam),
  instemmingWijzen: zelf(INSTEMMING_WIJZEN),
  evaluatieBesluiten: zelf(EVALUATIE_BESLUITEN),
  aanvraagStatussen: lijst(AANVRAAG_STATUSSEN, aanvraagStatusNaam),
  uitkomsten: lijst(UITKOMSTEN, uitkomstNaam),
  leveringsvormen: lijst(LEVERINGSVORMEN, leveringsvormNaam),
  grondslagSoorten: lijst(GRONDSLAG_SOORTEN, grondslagSoortNaam),
  partnerSoorten: lijst(PARTNER_SOORTEN, partnerSoortNaam),
  delenDoelen: lijst(DOELEN, doelNaam),
  toestemmingGevers: lijst(TOESTEMMING_GEVERS, toestemmingGeverNaam),
  wetsartikelen: BEKENDE_WETSARTIKELEN.map((a) => ({ code: a, naam: a })),
};

const waarde = z.array(z.object({ code: z.string(), naam: z.string() }));

export const waardelijstenRoute: AnyRoute = defineRoute({
  method: 'GET', path: '/waardelijsten', tag: 'Platform', summary: 'Alle vaste keuzelijsten met Nederlandse namen',
  access: publicAccess,
  responses: { 200: { description: 'De keuzelijsten', schema: z.object(Object.fromEntries(Object.keys(LIJSTEN).map((k) => [k, waarde]))).meta({ id: 'Waardelijsten' }) } },
  handler: async () => ({ body: LIJSTEN }),
});
