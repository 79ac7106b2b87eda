import { z } from 'zod';
import { ROLLEN } from '../../platform/auth/roles.ts';
import { notFound } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute, type AppDeps } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { raadpleegBrp, type BrpPersoon } from './brp.ts';
import { HUISHOUDEN_ROLLEN } from '../privacy/index.ts';
import { volledigeNaam } from './rules.ts';
import { gebiedenUitvoer, gezagWijziging, huishoudenUitvoer, lidInvoer, persoonUitvoer, persoonWijziging, vertegenwoordigerInvoer, vertegenwoordigerUitvoer } from './schemas.ts';
import { getPersoon, listGebieden, relatiesVan, type Persoon } from './store.ts';
import { huishoudenOverzicht, legVertegenwoordigerVast, leesHuishouden, leesPersoon, voegLidToe, wijzigGezag, wijzigPersoon, type LidOverzicht } from './usecases.ts';
import { wettelijkVertegenwoordigers } from './vertegenwoordiging.ts';

export const persoonResource = (p: Persoon): z.infer<typeof persoonUitvoer> => ({
  id: p.id, bsn: p.bsn, voornaam: p.voornaam, tussenvoegsel: p.tussenvoegsel, achternaam: p.achternaam, naam: volledigeNaam(p),
  geboortedatum: p.geboortedatum,
  adres: { straat: p.straat, huisnummer: p.huisnummer, postcode: p.postcode, woonplaats: p.woonplaats, wijk: p.wijk, kern: p.kern },
  huishoudenId: p.huishoudenId,
  contact: { telefoon: p.telefoon, email: p.email },
  geenVastAdres: p.geenVastAdres,
  bron: p.bron,
});

/** The BRP's answer for one BSN, or null when the gemeente has no BRP connection or the BRP does not know it. */
export async function brpPersoon(deps: AppDeps, bsn: string): Promise<BrpPersoon | null> {
  if (!deps.config.brp) return null;
  return (await raadpleegBrp(deps.config.brp, [bsn]))[0] ?? null;
}

const gebieden = defineRoute({
  method: 'GET', path: '/gebieden', tag: 'Inwoners', summary: 'Kernen en wijken van de gemeente',
  access: roles(...ROLLEN),
  responses: { 200: { description: 'De kernen met hun wijken', schema: gebiedenUitvoer } },
  handler: async ({ deps, actor }) => ({ body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => listGebieden(tx)) }),
});

const persoonMetHuishouden = persoonUitvoer.extend({
  huishouden: z.object({ id: z.uuid(), leden: z.array(persoonUitvoer) }),
  vertegenwoordigers: z.array(vertegenwoordigerUitvoer),
}).meta({ id: 'PersoonMetHuishouden' });

const persoon = defineRoute({
  method: 'GET', path: '/personen/{id}', tag: 'Inwoners', summary: 'Een inwoner met de leden van het huishouden en wie namens hem of haar handelt',
  access: roles('regisseur', 'beslisser', 'teamleider', 'frontoffice'),
  params: idParams,
  responses: { 200: { description: 'De inwoner', schema: persoonMetHuishouden } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { persoon: p, leden, metHuishouden } = await leesPersoon(tx, actor!, params.id);
      return {
        body: {
          ...persoonResource(p), huishouden: { id: p.huishoudenId, leden: leden.map(persoonResource) },
          vertegenwoordigers: metHuishouden ? await wettelijkVertegenwoordigers(tx, p.id) : [],
        },
      };
    }),
});

/** The household as the API shows it; after a change read again without a second audit entry. */
async function huishoudenBody(tx: Parameters<typeof huishoudenOverzicht>[0], id: string, gelezen?: { hoofdpersoonId: string | null; leden: LidOverzicht[] }): Promise<z.infer<typeof huishoudenUitvoer>> {
  const o = gelezen ?? await huishoudenOverzicht(tx, id, vandaag());
  const leden = [];
  for (const l of o.leden) {
    leden.push({
      ...persoonResource(l.persoon), leeftijd: l.leeftijd, minderjarig: l.minderjarig, relatieTotHoofdpersoon: l.relatieTotHoofdpersoon,
      relaties: l.relaties, vertegenwoordigers: await wettelijkVertegenwoordigers(tx, l.persoon.id),
    });
  }
  return { id, hoofdpersoonId: o.hoofdpersoonId, leden };
}

const huishouden = defineRoute({
  method: 'GET', path: '/huishoudens/{id}', tag: 'Inwoners', summary: 'Een huishouden: leden met relatie, leeftijd, gezag, adres en vertegenwoordigers',
  access: roles(...HUISHOUDEN_ROLLEN),
  params: idParams,
  responses: { 200: { description: 'Het huishouden', schema: huishoudenUitvoer } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({
      body: await huishoudenBody(tx, params.id, await leesHuishouden(tx, actor!, params.id, vandaag())),
    })),
});

const lidToevoegen = defineRoute({
  method: 'POST', path: '/huishoudens/{id}/leden', tag: 'Inwoners', summary: 'Een lid aan het huishouden toevoegen, met zijn of haar relatie',
  description: 'De relatie zegt wat het nieuwe lid is van de persoon in `tenOpzichteVan` (standaard de hoofdpersoon: het eerst geregistreerde lid). '
    + '`kind` betekent: het nieuwe lid is het kind van die persoon. Gezag kan alleen bij een meerderjarige ouder van een minderjarig kind. '
    + 'Met een BRP-koppeling (BRP_API_URL) komen naam, geboortedatum, adres en gezag uit de BRP en worden relaties met andere leden die de BRP kent ook vastgelegd.',
  access: roles('regisseur', 'teamleider'),
  params: idParams,
  body: lidInvoer,
  responses: { 201: { description: 'Het huishouden met het nieuwe lid', schema: huishoudenUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer', 'conflict', 'persoon-komt-niet-overeen', 'brp-niet-bereikbaar'],
  handler: async ({ deps, actor, params, body }) => {
    const brp = await brpPersoon(deps, body.bsn);
    return inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await voegLidToe(tx, actor!, params.id, body, brp, vandaag());
      return { status: 201, body: await huishoudenBody(tx, params.id) };
    });
  },
});

const persoonWijzigen = defineRoute({
  method: 'PATCH', path: '/personen/{id}', tag: 'Inwoners', summary: 'Contactgegevens en adres van een inwoner corrigeren',
  description: 'Alleen de gegeven velden veranderen; `null` maakt een veld leeg. De wijk volgt uit de postcode (de postcodegebieden van de gemeente), tenzij `adres.wijkId` is gegeven.',
  access: roles('regisseur', 'teamleider', 'frontoffice'),
  params: idParams,
  body: persoonWijziging,
  responses: { 200: { description: 'De inwoner na de wijziging', schema: persoonUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => ({ body: persoonResource(await wijzigPersoon(tx, actor!, params.id, body)) })),
});

const vertegenwoordigerToevoegen = defineRoute({
  method: 'POST', path: '/personen/{id}/vertegenwoordigers', tag: 'Inwoners', summary: 'Een curator, mentor of bewindvoerder vastleggen voor een meerderjarige',
  access: roles('regisseur', 'teamleider'),
  params: idParams,
  body: vertegenwoordigerInvoer,
  responses: { 201: { description: 'Wie nu namens de inwoner handelen', schema: z.array(vertegenwoordigerUitvoer) } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await legVertegenwoordigerVast(tx, actor!, params.id, body, vandaag());
      return { status: 201, body: await wettelijkVertegenwoordigers(tx, params.id) };
    }),
});

const gezagWijzigen = defineRoute({
  method: 'PATCH', path: '/personen/{id}/relaties/{relatieId}', tag: 'Inwoners', summary: 'Het gezag van een ouder over een minderjarig kind vastleggen of beëindigen',
  description: 'Voor een ouder-kindrelatie van deze inwoner (als ouder of als kind), bijvoorbeeld na een uitspraak van de rechter. '
    + 'Gezag kan alleen bij een meerderjarige ouder van een minderjarig kind. De relatieId staat bij het lid in `relaties` van `GET /huishoudens/{id}`. '
    + 'Het antwoord is het huishouden van de inwoner na de wijziging.',
  access: roles('regisseur', 'teamleider'),
  params: z.object({ id: z.uuid(), relatieId: z.uuid() }),
  body: gezagWijziging,
  responses: { 200: { description: 'Het huishouden na de wijziging', schema: huishoudenUitvoer } },
  problems: ['niet-gevonden', 'ongeldige-invoer'],
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const p = await getPersoon(tx, params.id);
      if (!p) throw notFound('Deze inwoner');
      // Only a relation this person is part of: the id pair in the path must belong together.
      const relatie = (await relatiesVan(tx, [p.id])).find((r) => r.id === params.relatieId);
      if (!relatie) throw notFound('Deze relatie');
      await wijzigGezag(tx, actor!, relatie, body.gezag, vandaag());
      return { body: await huishoudenBody(tx, p.huishoudenId) };
    }),
});

export const inwonersRoutes: AnyRoute[] = [gebieden, persoon, persoonWijzigen, vertegenwoordigerToevoegen, gezagWijzigen, huishouden, lidToevoegen];
