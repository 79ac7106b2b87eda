import { z } from 'zod';
import type { AuditRecord } from '../../platform/audit/store.ts';
import { leesCursorVan, maakCursor } from '../../platform/http/keyset.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { brpHuishouden, neemBrpHuishoudenOver, persoonMetBrp, volledigeNaam } from '../inwoners/index.ts';
import { eisDossierToegang, magDossierZien, zichtbaarInWerkvoorraad, zichtbareHuishoudens } from '../privacy/index.ts';
import { kanaalNaam, statusNaam, wetNaam } from './rules.ts';
import {
  MELDING_BIJ_COLLEGA_TEKST, afrondingInvoer, afsluitingInvoer, beeindigingInvoer, meldingBijCollega, meldingDetail, meldingFilter, meldingInvoer, meldingLijst, meldingTellingen, meldingUitvoer, werkCursor,
  betrokkeneInvoer, opschortingInvoer, termijnFilter, termijnSoort, termijnUitvoer, toewijzingInvoer, triageInvoer, verdagingInvoer,
} from './schemas.ts';
import {
  getMelding, herberekenOpenTermijnen, listMedewerkers, listMeldingen,
  statushistorie, telMeldingen, termijnenVanMeldingen, getMedewerker, type MeldingFilter, type MeldingRij, type TermijnRij,
} from './store.ts';
import { casusBundel } from './casus-lezen.ts';
import { duurTekst } from './termijn-config.ts';
import { termijnSoortNaam as soortNaam, termijnStatusNaam, type TermijnSoort } from './termijnen.ts';
import {
  alleenEigenRegistraties, beeindigOpschortingVanMelding, casusVoorWerk, leesMelding, leesTermijnen, registreerMelding, rondTermijnAf, schortOp, sluitAf, triageer, verdaag,
  verwijderBetrokkene, voegBetrokkeneToe, wijsCasusToe, zichtbareMelding,
} from './usecases.ts';


export const termijnResource = (t: TermijnRij): z.infer<typeof termijnUitvoer> => ({
  id: t.id, soort: t.soort, soortNaam: soortNaam[t.soort], startdatum: t.startdatum, uitersteDatum: t.uitersteDatum,
  opgeschortDagen: t.opgeschortDagen, status: t.status, statusNaam: termijnStatusNaam[t.status], grondslag: t.grondslag,
  duur: duurTekst(t.duur), verdaging: t.verdaging, afgerondOp: t.afgerondOp, berekendOp: t.berekendOp,
  opschortingen: t.opschortingen.map((o) => ({ id: o.id, van: o.van, tot: o.tot, reden: o.reden })),
});

const meldingResource = (m: MeldingRij, termijnen: TermijnRij[]): z.infer<typeof meldingUitvoer> => ({
  id: m.id, nummer: m.nummer, status: m.status, statusNaam: statusNaam[m.status], wet: m.wet, wetNaam: wetNaam[m.wet],
  kanaal: m.kanaal, kanaalNaam: kanaalNaam[m.kanaal], ontvangenOp: m.ontvangenOp, omschrijving: m.omschrijving,
  persoon: { id: m.persoonId, naam: volledigeNaam(m), geboortedatum: m.geboortedatum },
  huishoudenId: m.huishoudenId, wijk: m.wijk, kern: m.kern, geregistreerdDoor: m.geregistreerdDoor, casus: m.casus, regisseur: m.regisseur,
  spoed: m.spoed, termijnen: termijnen.filter((t) => t.meldingId === m.id).map(termijnResource),
  aangemaaktOp: new Date(m.aangemaaktOp).toISOString(),
});

async function detail(tx: Tx, id: string): Promise<z.infer<typeof meldingDetail>> {
  const m = (await getMelding(tx, id))!;
  const r = meldingResource(m, await termijnenVanMeldingen(tx, [id]));
  return {
    ...r,
    persoon: { ...r.persoon, bsn: m.bsn },
    triage: m.triageUitkomst ? { uitkomst: m.triageUitkomst, advies: m.advies, product: m.gegevenProduct } : null,
    verwijzer: (m.verwijzer ?? null) as z.infer<typeof meldingDetail>['verwijzer'],
    signaal: (m.signaal ?? null) as z.infer<typeof meldingDetail>['signaal'],
    contact: { telefoon: m.contactTelefoon, email: m.contactEmail },
    afgerondOp: m.afgerondOp,
    statushistorie: (await statushistorie(tx, id)).map((h) => ({
      van: h.van, naar: h.naar, door: h.doorNaam ?? (m.kanaal === 'online' && h.van === null ? 'Inwoner (online formulier)' : null),
      moment: new Date(h.moment).toISOString(), reden: h.reden,
    })),
  };
}

const registreer = defineRoute({
  method: 'POST', path: '/meldingen', tag: 'Toegang', summary: 'Een melding registreren (balie, telefoon, e-mail, verwijzing, vroegsignalering)',
  description: 'Registreert een melding. Een onbekende inwoner krijgt een eigen huishouden. Heeft het huishouden al een open casus, dan komt de melding daarbij en heeft zij meteen de casusregisseur. Een Wmo-melding start de onderzoekstermijn van 6 weken, schuldhulp de termijn voor het eerste gesprek.',
  access: roles('frontoffice', 'regisseur', 'teamleider'),
  body: meldingInvoer,
  responses: {
    201: {
      description: 'De geregistreerde melding; kwam zij bij een dossier waar u niet aan werkt, dan alleen nummer en status (need-to-know)',
      schema: z.union([meldingDetail, meldingBijCollega]),
    },
  },
  problems: ['ongeldige-invoer', 'persoon-komt-niet-overeen', 'brp-niet-bereikbaar'],
  handler: async ({ deps, actor, body }) => {
    // With a BRP connection the person and their household come from the BRP (asked before the transaction).
    const brp = await brpHuishouden(deps.config.brp, body.persoon.bsn, vandaag());
    return inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const r = await registreerMelding(tx, { ...body, persoon: persoonMetBrp(body.persoon, brp), gemeenteId: actor!.gemeenteId, door: actor!.gebruikerId }, vandaag(), actor!);
      if (brp && r.nieuwePersoon) await neemBrpHuishoudenOver(tx, actor!, r.persoon, brp);
      const headers = { location: `/api/v1/meldingen/${r.meldingId}` };
      // A known BSN may belong to a household a colleague works on: the caller learns only that
      // the melding is registered, not who the person is, where they live or who handles the file.
      if (!(await magDossierZien(tx, actor!, { huishoudenId: r.persoon.huishoudenId }))) {
        const m = (await getMelding(tx, r.meldingId))!;
        return {
          status: 201, headers,
          body: { id: m.id, nummer: m.nummer, status: m.status, statusNaam: statusNaam[m.status], bijCollega: true as const, bericht: MELDING_BIJ_COLLEGA_TEKST },
        };
      }
      return { status: 201, headers, body: await detail(tx, r.meldingId) };
    });
  },
});

/**
 * The filter of the werkvoorraad for this asker, shared by the list and its counts: the frontoffice
 * sees what it registered, "mij" the asker's casussen, "team" the team's and not picked up, and
 * need-to-know on top — per werkvoorraad row for open work, as a condition on the household for history.
 */
async function werkFilter(tx: Tx, actor: Actor, query: z.infer<typeof meldingFilter>): Promise<MeldingFilter> {
  const ik = actor.gebruikerId ?? undefined;
  // Only the team's queue needs a lookup (JIT is off per connection, ADR 28: no round trip for it).
  const team = query.toegewezen === 'team' && ik ? (await getMedewerker(tx, ik))?.teamId ?? undefined : undefined;
  if (query.toegewezen === 'team' && !team) throw new Problem('ongeldige-invoer', 'U hoort niet bij een team.', [{ name: 'toegewezen', code: 'geen-team', reason: 'U hoort niet bij een team' }]);
  return {
    status: query.status, wet: query.wet, kanaal: query.kanaal, kernId: query.kernId, termijnstatus: query.termijnstatus,
    geregistreerdDoor: alleenEigenRegistraties(actor) ? ik : undefined,
    regisseurId: query.toegewezen === 'mij' ? ik : undefined,
    teamId: team,
    nietOpgepakt: query.toegewezen === 'niemand',
    zichtbaar: zichtbareHuishoudens(actor, 'm.huishouden_id'),
    zichtbaarOpen: zichtbaarInWerkvoorraad(actor, 'w'),
  };
}

const lijst = defineRoute({
  method: 'GET', path: '/meldingen', tag: 'Toegang', summary: 'Werkvoorraad: meldingen, te filteren op status, wet, kanaal, kern, termijnstatus en toewijzing',
  description: 'Zonder status alleen open meldingen (gemeld, in onderzoek). De dringendste eerst: de vroegste uiterste datum van een lopende termijn, daarna de oudste melding, dan het nummer. toegewezen=mij: de casussen van de casusregisseur zelf; team: van het team én nog niet opgepakt; niemand: nog niet opgepakt. De frontoffice ziet alleen de meldingen die zij zelf registreerde. '
    + 'Bladeren met een cursor (ADR 27): geef `volgende` van het antwoord mee als `na` voor de volgende pagina. '
    + 'Voor open werk (zonder status, open, gemeld of inOnderzoek) is `totaal` een exacte telling (totaalIsSchatting false). '
    + 'Voor de geschiedenis (afgehandeld, afgesloten, alle) telt Eenvoud tot 1000: daarboven is `totaal` 1000 en `totaalIsSchatting` true ("meer dan 1000").',
  access: roles('frontoffice', 'regisseur', 'teamleider', 'beslisser'),
  query: meldingFilter,
  responses: { 200: { description: 'Een pagina meldingen', schema: meldingLijst } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) => {
    const na = leesCursorVan(query.na, werkCursor);
    return inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const f = await werkFilter(tx, actor!, query);
      // The page's details, terms and audit entries (one per melding shown) come in one statement.
      const p = await listMeldingen(tx, actor!.gemeenteId, { ...f, na, aantal: query.aantal }, { actor: actor!, doel: 'werkvoorraad bekijken' });
      return {
        body: {
          resultaten: p.rijen.map((m) => meldingResource(m, p.termijnen)), totaal: p.totaal, totaalIsSchatting: p.totaalIsSchatting,
          volgende: p.volgende ? maakCursor(p.volgende) : null, aantal: query.aantal,
        },
      };
    });
  },
});

const tellingen = defineRoute({
  method: 'GET', path: '/meldingen/tellingen', tag: 'Toegang', summary: 'Aantallen voor de werkvoorraad: totaal en per termijnstatus (zonder persoonsgegevens)',
  description: 'Hetzelfde filter als de werkvoorraad. Open werk: exacte aantallen. Geschiedenis (status afgehandeld, afgesloten of alle): geteld tot 1000; daarboven totaal 1000 met totaalIsSchatting true en zonder aantallen per termijnstatus.',
  access: roles('frontoffice', 'regisseur', 'teamleider', 'beslisser'),
  // The same filter as the list (only the page left out), so the count line and the table agree.
  query: meldingFilter.omit({ na: true, aantal: true }),
  responses: { 200: { description: 'De aantallen', schema: meldingTellingen } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const f = await werkFilter(tx, actor!, { ...query, aantal: 1 });
      return { body: await telMeldingen(tx, actor!.gemeenteId, f) };
    }),
});

const een = defineRoute({
  method: 'GET', path: '/meldingen/{id}', tag: 'Toegang', summary: 'Eén melding met termijnen, triage en statushistorie',
  access: roles('frontoffice', 'regisseur', 'teamleider', 'beslisser'),
  params: idParams,
  responses: { 200: { description: 'De melding', schema: meldingDetail } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const m = await leesMelding(tx, actor!, params.id);
      return { body: await detail(tx, m.id) };
    }),
});

/** A change to one melding: the use case, its audit entry, and the melding as it now is. */
function meldingActie<B>(opts: {
  path: string; summary: string; description?: string; body: z.ZodType<B>; problems: AnyRoute['problems'];
  rollen?: Parameters<typeof roles>;
  run: (tx: Tx, actor: Actor, meldingId: string, body: B, params: Record<string, string>) => Promise<void>;
  params?: z.ZodType<{ id: string } & Record<string, string>>;
}) {
  return defineRoute({
    method: 'POST', path: opts.path, tag: 'Toegang', summary: opts.summary, ...(opts.description ? { description: opts.description } : {}),
    access: roles(...(opts.rollen ?? ['regisseur', 'teamleider'])),
    params: opts.params ?? idParams, body: opts.body,
    responses: { 200: { description: 'De melding na de wijziging', schema: meldingDetail } },
    problems: ['niet-gevonden', 'ongeldige-invoer', ...(opts.problems ?? [])],
    handler: async ({ deps, actor, params, body }) =>
      inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
        const m = await zichtbareMelding(tx, actor!, params.id);
        // Need-to-know: a melding that belongs to a casus is changed by its casusregisseur (or a teamleider).
        if (m.casus) await casusVoorWerk(tx, actor!, m.casus.id, { schrijven: true });
        // The use case writes the audit entry with its purpose (ADR 34).
        await opts.run(tx, actor!, m.id, body, params);
        return { body: await detail(tx, m.id) };
      }),
  });
}

const triage = meldingActie({
  path: '/meldingen/{id}/triage', summary: 'Triage: enkelvoudig (direct beantwoord en afgesloten) of door naar onderzoek',
  description: 'enkelvoudig vraagt om het gegeven advies (en eventueel het product); onderzoek koppelt de melding aan de open casus van het huishouden of opent er een, met de gekozen casusregisseur (of de regisseur die de triage doet).',
  rollen: ['frontoffice', 'regisseur', 'teamleider'], body: triageInvoer,
  problems: ['ongeldige-statusovergang', 'geen-regisseur'],
  run: (tx, actor, id, body) => triageer(tx, actor, id, body, vandaag()),
});

const afsluiting = meldingActie({
  path: '/meldingen/{id}/afsluiting', summary: 'Een melding afsluiten (ingetrokken, of onderzoek afgerond)',
  body: afsluitingInvoer, problems: ['ongeldige-statusovergang'],
  run: (tx, actor, id, body) => sluitAf(tx, actor, id, body.reden, vandaag()),
});

const opschorting = meldingActie({
  path: '/meldingen/{id}/opschortingen', summary: 'De termijn opschorten (van, tot, reden); de opgeschorte dagen schuiven de uiterste datum op',
  description: 'Zonder tot loopt de opschorting door tot zij wordt beëindigd. Zonder soort geldt zij voor de enige lopende termijn.',
  body: opschortingInvoer,
  problems: ['geen-lopende-termijn', 'termijn-afgerond', 'opschorting-voor-start', 'opschorting-einde-voor-begin', 'opschorting-overlapt'],
  run: async (tx, actor, id, body) => { await schortOp(tx, actor, id, body, vandaag()); },
});

const beeindiging = meldingActie({
  path: '/meldingen/{id}/opschortingen/{opschortingId}/beeindiging', summary: 'Een lopende opschorting beëindigen',
  params: z.object({ id: z.uuid(), opschortingId: z.uuid() }),
  body: beeindigingInvoer, problems: ['opschorting-al-beeindigd', 'opschorting-einde-voor-begin'],
  run: (tx, actor, id, body, params) => beeindigOpschortingVanMelding(tx, actor, id, params.opschortingId!, body.tot, vandaag()),
});

const verdaging = meldingActie({
  path: '/meldingen/{id}/verdaging', summary: 'De termijn één keer verdagen naar een latere datum, met reden',
  body: verdagingInvoer,
  problems: ['geen-lopende-termijn', 'termijn-afgerond', 'termijn-al-verlopen', 'verdaging-al-gebruikt', 'verdaging-niet-later'],
  run: (tx, actor, id, body) => verdaag(tx, actor, id, body, vandaag()),
});

const afronding = meldingActie({
  path: '/meldingen/{id}/termijnen/{soort}/afronding', summary: 'Een termijn afronden (bijv. het onderzoek is klaar)',
  params: z.object({ id: z.uuid(), soort: termijnSoort }),
  body: afrondingInvoer, problems: ['geen-lopende-termijn', 'termijn-afgerond'],
  run: (tx, actor, id, body, params) => rondTermijnAf(tx, actor, id, params.soort as TermijnSoort, body.op, vandaag()),
});

const casusUitvoer = z.object({
  id: z.uuid(), nummer: z.string(), status: z.enum(['open', 'gesloten']), huishoudenId: z.uuid(),
  regisseur: z.object({ id: z.uuid(), naam: z.string() }).nullable(), geopendOp: z.string(),
  leden: z.array(z.object({ id: z.uuid(), naam: z.string(), geboortedatum: z.string() })),
  meldingen: z.array(meldingUitvoer),
  regisseurHistorie: z.array(z.object({ moment: z.string(), van: z.string().nullable(), naar: z.string().nullable(), door: z.string().nullable(), reden: z.string() })),
  betrokkenen: z.array(z.object({
    gebruikerId: z.uuid(), naam: z.string(), rol: z.string().nullable(), toegevoegdOp: z.string(), toegevoegdDoor: z.string().nullable(),
  })).describe('Collega\'s die de casusregisseur of de teamleider aan de casus toevoegde: zij mogen het dossier inzien'),
}).meta({ id: 'Casus' });

/**
 * The casus as the API shows it, audited. Reading checks the household's circle first; after a
 * change (`toegangGecontroleerd`) the change itself was checked, and a regisseur who just handed the
 * casus over still gets the answer to their own request.
 */
async function casusResource(tx: Tx, actor: Actor, id: string, doel: string, actie: AuditRecord['actie'], toegangGecontroleerd = false) {
  // The circle first (404 for an unknown casus, 403 outside it), then the page's rows in one query (ADR 28).
  if (!toegangGecontroleerd) await eisDossierToegang(tx, actor, { casusId: id });
  // The audit entries (one per member) are written by the bundle's own query (ADR 28).
  const b = await casusBundel(tx, id, { actor, actie, doel });
  if (!b) throw notFound('Deze casus');
  const { casus: c, leden, meldingen, termijnen } = b;
  return {
    id: c.id, nummer: c.nummer, status: c.status, huishoudenId: c.huishoudenId, regisseur: c.regisseur, geopendOp: new Date(c.geopendOp).toISOString(),
    leden: leden.map((l) => ({ id: l.id, naam: volledigeNaam(l), geboortedatum: l.geboortedatum })),
    meldingen: meldingen.map((m) => meldingResource(m, termijnen)),
    regisseurHistorie: b.historie.map((h) => ({ ...h, moment: new Date(h.moment).toISOString() })),
    betrokkenen: b.betrokkenen.map((x) => ({ ...x, toegevoegdOp: new Date(x.toegevoegdOp).toISOString() })),
  };
}

const casus = defineRoute({
  method: 'GET', path: '/casussen/{id}', tag: 'Toegang', summary: 'Een casus: het huishouden, de casusregisseur, de meldingen en de overdrachten',
  access: roles('regisseur', 'teamleider', 'beslisser'),
  params: idParams,
  responses: { 200: { description: 'De casus', schema: casusUitvoer } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: await casusResource(tx, actor!, params.id, 'casus inzien', 'lezen') })),
});

const toewijzing = defineRoute({
  method: 'POST', path: '/casussen/{id}/regisseur', tag: 'Toegang', summary: 'Een casus oppakken of overdragen aan een andere casusregisseur',
  description: 'Een casusregisseur pakt een casus op die nog niemand heeft (regisseurId = zichzelf) of draagt de eigen casus over; een teamleider wijst elke casus toe. Elke overdracht wordt vastgelegd met reden.',
  access: roles('regisseur', 'teamleider'),
  params: idParams, body: toewijzingInvoer,
  responses: { 200: { description: 'De casus na de toewijzing', schema: casusUitvoer } },
  problems: ['niet-gevonden', 'niet-uw-casus', 'zelfde-regisseur', 'geen-regisseur'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await casusVoorWerk(tx, actor!, params.id, { schrijven: false });
      await wijsCasusToe(tx, actor!, params.id, body.regisseurId, body.reden);
      return { body: await casusResource(tx, actor!, params.id, 'casusregisseur toewijzen', 'wijzigen', true) };
    }),
});

const betrokkeneToevoegen = defineRoute({
  method: 'POST', path: '/casussen/{id}/betrokkenen', tag: 'Toegang', summary: 'Een collega uit het team aan de casus toevoegen, zodat die het dossier mag inzien',
  description: 'De casusregisseur of de teamleider van het team voegt een actieve collega uit het team van de casus toe (need-to-know, ADR 25). '
    + '`rol` zegt wat de collega doet (bijvoorbeeld "schuldhulp" of "vervanger tijdens verlof"). Vastgelegd in de audittrail van elk lid van het huishouden.',
  access: roles('regisseur', 'teamleider'),
  params: idParams, body: betrokkeneInvoer,
  responses: { 201: { description: 'De casus met haar betrokkenen', schema: casusUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer', 'niet-uw-casus', 'casus-gesloten', 'conflict', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await voegBetrokkeneToe(tx, actor!, params.id, body);
      return { status: 201, body: await casusResource(tx, actor!, params.id, 'betrokkene toevoegen', 'wijzigen', true) };
    }),
});

const betrokkeneWeghalen = defineRoute({
  method: 'DELETE', path: '/casussen/{id}/betrokkenen/{gebruikerId}', tag: 'Toegang', summary: 'Een betrokken collega van de casus weghalen; de inzage eindigt meteen',
  access: roles('regisseur', 'teamleider'),
  params: z.object({ id: z.uuid(), gebruikerId: z.uuid() }),
  responses: { 200: { description: 'De casus met haar betrokkenen', schema: casusUitvoer } },
  problems: ['niet-gevonden', 'niet-uw-casus', 'casus-gesloten', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await verwijderBetrokkene(tx, actor!, params.id, params.gebruikerId);
      return { body: await casusResource(tx, actor!, params.id, 'betrokkene weghalen', 'wijzigen', true) };
    }),
});

const medewerkers = defineRoute({
  method: 'GET', path: '/medewerkers', tag: 'Toegang', summary: 'Actieve medewerkers met een rol (bijv. casusregisseurs om aan toe te wijzen)',
  access: roles('frontoffice', 'regisseur', 'teamleider'),
  query: z.object({ rol: z.enum(['regisseur', 'teamleider'], { error: 'Kies regisseur of teamleider' }).default('regisseur') }),
  responses: { 200: { description: 'De medewerkers', schema: z.array(z.object({ id: z.uuid(), naam: z.string(), teamId: z.uuid().nullable() })) } },
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({
      body: (await listMedewerkers(tx, query.rol)).map((m) => ({ id: m.id, naam: m.naam, teamId: m.teamId })),
    })),
});

const termijnLijst = defineRoute({
  method: 'GET', path: '/termijnen', tag: 'Toegang', summary: 'Termijnen van de gemeente, te filteren op status (bijv. verlopen), soort en wet',
  description: 'De stand komt van de dagelijkse signalering (berekendOp); een wijziging in een termijn werkt meteen door. Vroegste uiterste datum eerst. Per pagina met een cursor: geef `volgende` terug als `na`. Lopende statussen worden exact geteld, afgeronde of alle statussen geschat (`totaalIsSchatting`).',
  access: roles('regisseur', 'teamleider', 'beslisser'),
  query: termijnFilter,
  responses: {
    200: {
      description: 'Een pagina termijnen',
      schema: z.object({
        resultaten: z.array(termijnUitvoer.extend({
          melding: z.object({ id: z.uuid(), nummer: z.string() }).nullable().describe('De melding van deze termijn (null bij een beslistermijn op bezwaar)'),
          bezwaar: z.object({ id: z.uuid(), nummer: z.string() }).nullable().describe('Het bezwaar waarop binnen deze termijn beslist moet worden'),
          persoon: z.object({ id: z.uuid(), naam: z.string() }),
          regisseur: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
        })),
        totaal: z.number().int().describe('Aantal termijnen; bij totaalIsSchatting een schatting'),
        totaalIsSchatting: z.boolean().describe('Waar bij afgeronde of alle statussen: die lijst groeit met de geschiedenis en wordt geschat, niet geteld'),
        volgende: z.string().nullable().describe('Cursor voor de volgende pagina (als `na`), null op de laatste pagina'),
        aantal: z.number().int(),
      }).meta({ id: 'TermijnLijst' }),
    },
  },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const na = leesCursorVan(query.na, [z.iso.date(), z.string().max(40), z.uuid()] as const);
      const { rijen, totaal, totaalIsSchatting, volgende } = await leesTermijnen(tx, actor!, { status: query.status, soort: query.soort, wet: query.wet, na, aantal: query.aantal });
      return {
        body: {
          resultaten: rijen.map((t) => ({
            ...termijnResource(t), melding: t.meldingId ? { id: t.meldingId, nummer: t.nummer } : null, bezwaar: t.bezwaarId ? { id: t.bezwaarId, nummer: t.nummer } : null, persoon: { id: t.persoonId, naam: t.persoonNaam }, regisseur: t.regisseur,
          })),
          totaal, totaalIsSchatting, volgende, aantal: query.aantal,
        },
      };
    }),
});

const herberekening = defineRoute({
  method: 'POST', path: '/termijnen/herberekening', tag: 'Toegang', summary: 'De termijnsignalen nu opnieuw berekenen (anders gebeurt dat elke nacht)',
  access: roles('teamleider', 'beheer'),
  responses: { 200: { description: 'Aantal herberekende termijnen', schema: z.object({ herberekend: z.number().int(), berekendOp: z.string() }) } },
  handler: async ({ deps, actor }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const dag = vandaag();
      return { body: { herberekend: await herberekenOpenTermijnen(tx, dag), berekendOp: dag } };
    }),
});

export const toegangRoutes: AnyRoute[] = [
  registreer, lijst, tellingen, een, triage, afsluiting, opschorting, beeindiging, verdaging, afronding, casus, toewijzing,
  betrokkeneToevoegen, betrokkeneWeghalen, medewerkers,
  termijnLijst, herberekening,
];
