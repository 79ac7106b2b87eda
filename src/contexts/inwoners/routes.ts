import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import { ROLLEN } from '../../platform/auth/roles.ts';
import { notFound } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { volledigeNaam } from './rules.ts';
import { gebiedenUitvoer, persoonUitvoer } from './schemas.ts';
import { getPersoon, huishoudenLeden, listGebieden, type Persoon } from './store.ts';

export const persoonResource = (p: Persoon): z.infer<typeof persoonUitvoer> => ({
  id: p.id, bsn: p.bsn, voornaam: p.voornaam, tussenvoegsel: p.tussenvoegsel, achternaam: p.achternaam, naam: volledigeNaam(p),
  geboortedatum: p.geboortedatum,
  adres: { straat: p.straat, huisnummer: p.huisnummer, postcode: p.postcode, woonplaats: p.woonplaats, wijk: p.wijk, kern: p.kern },
  huishoudenId: p.huishoudenId,
});

const gebieden = defineRoute({
  method: 'GET', path: '/gebieden', tag: 'Inwoners', summary: 'Kernen en wijken van de gemeente',
  access: roles(...ROLLEN),
  responses: { 200: { description: 'De kernen met hun wijken', schema: gebiedenUitvoer } },
  handler: async ({ deps, actor }) => ({ body: await inGemeente(deps.db, actor!.gemeenteId, (tx) => listGebieden(tx)) }),
});

const persoonMetHuishouden = persoonUitvoer.extend({
  huishouden: z.object({ id: z.uuid(), leden: z.array(persoonUitvoer) }),
}).meta({ id: 'PersoonMetHuishouden' });

const persoon = defineRoute({
  method: 'GET', path: '/personen/{id}', tag: 'Inwoners', summary: 'Een inwoner met de leden van het huishouden',
  access: roles('regisseur', 'beslisser'),
  params: idParams,
  responses: { 200: { description: 'De inwoner', schema: persoonMetHuishouden } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const p = await getPersoon(tx, params.id);
      if (!p) throw notFound('Deze inwoner');
      const leden = await huishoudenLeden(tx, p.huishoudenId);
      await appendAudit(tx, actor!, leden.map((l) => ({
        actie: 'lezen' as const, resourceType: 'persoon', resourceId: l.id, persoonId: l.id, doel: 'dossier inwoner inzien',
      })));
      return { body: { ...persoonResource(p), huishouden: { id: p.huishoudenId, leden: leden.map(persoonResource) } } };
    }),
});

export const inwonersRoutes: AnyRoute[] = [gebieden, persoon];
