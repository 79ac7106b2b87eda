import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { createPersoon, findPersoonByBsn, volledigeNaam, wijkBestaat } from '../inwoners/index.ts';
import { BEGINSTATUS, kanaalNaam, statusNaam, wetNaam } from './rules.ts';
import { meldingDetail, meldingFilter, meldingInvoer, meldingLijst, meldingUitvoer } from './schemas.ts';
import { getMelding, insertMelding, listMeldingen, statushistorie, type MeldingRij } from './store.ts';

const meldingResource = (m: MeldingRij): z.infer<typeof meldingUitvoer> => ({
  id: m.id, nummer: m.nummer, status: m.status, statusNaam: statusNaam[m.status], wet: m.wet, wetNaam: wetNaam[m.wet],
  kanaal: m.kanaal, kanaalNaam: kanaalNaam[m.kanaal], ontvangenOp: m.ontvangenOp, omschrijving: m.omschrijving,
  persoon: { id: m.persoonId, naam: volledigeNaam(m), geboortedatum: m.geboortedatum },
  huishoudenId: m.huishoudenId, wijk: m.wijk, kern: m.kern, geregistreerdDoor: m.geregistreerdDoor,
  aangemaaktOp: new Date(m.aangemaaktOp).toISOString(),
});

const detailResource = (m: MeldingRij, statushistorie: z.infer<typeof meldingDetail>['statushistorie']): z.infer<typeof meldingDetail> => {
  const r = meldingResource(m);
  return { ...r, persoon: { ...r.persoon, bsn: m.bsn }, statushistorie };
};

/** The frontoffice registers meldingen but only sees the ones it registered itself (need-to-know). */
const alleenEigenRegistraties = (actor: Actor) => actor.rol === 'frontoffice';

const registreer = defineRoute({
  method: 'POST', path: '/meldingen', tag: 'Toegang', summary: 'Een melding registreren',
  description: 'Registreert een melding voor een inwoner. Een onbekende inwoner wordt aangemaakt met een eigen huishouden.',
  access: roles('frontoffice', 'regisseur'),
  body: meldingInvoer,
  responses: { 201: { description: 'De geregistreerde melding', schema: meldingDetail } },
  problems: ['ongeldige-invoer', 'persoon-komt-niet-overeen'],
  handler: async ({ deps, actor, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const wijkId = body.persoon.adres?.wijkId;
      if (wijkId && !(await wijkBestaat(tx, wijkId))) {
        throw new Problem('ongeldige-invoer', 'De gekozen wijk bestaat niet in deze gemeente.', [
          { name: 'persoon.adres.wijkId', code: 'onbekend', reason: 'Kies een wijk uit de lijst' },
        ]);
      }
      let persoon = await findPersoonByBsn(tx, body.persoon.bsn);
      if (persoon && persoon.geboortedatum !== body.persoon.geboortedatum) {
        throw new Problem('persoon-komt-niet-overeen', 'Bij dit BSN is een andere geboortedatum bekend. Controleer het BSN en de geboortedatum.', [
          { name: 'persoon.geboortedatum', code: 'komt-niet-overeen', reason: 'Past niet bij het bekende BSN' },
        ]);
      }
      const nieuwePersoon = !persoon;
      persoon ??= await createPersoon(tx, actor!.gemeenteId, body.persoon);
      const id = await insertMelding(tx, {
        gemeenteId: actor!.gemeenteId, persoonId: persoon.id, huishoudenId: persoon.huishoudenId, wet: body.wet, kanaal: body.kanaal,
        ontvangenOp: body.ontvangenOp, omschrijving: body.omschrijving, status: BEGINSTATUS, geregistreerdDoor: actor!.gebruikerId,
      });
      await appendAudit(tx, actor!, [
        ...(nieuwePersoon ? [{ actie: 'aanmaken' as const, resourceType: 'persoon', resourceId: persoon.id, persoonId: persoon.id, doel: 'melding registreren' }] : []),
        { actie: 'aanmaken', resourceType: 'melding', resourceId: id, persoonId: persoon.id, doel: 'melding registreren' },
      ]);
      const m = (await getMelding(tx, id))!;
      return {
        status: 201,
        headers: { location: `/api/v1/meldingen/${id}` },
        body: detailResource(m, await historie(tx, id)),
      };
    }),
});

const historie = async (tx: Tx, id: string) =>
  (await statushistorie(tx, id)).map((h) => ({ van: h.van, naar: h.naar, door: h.doorNaam, moment: new Date(h.moment).toISOString(), reden: h.reden }));

const lijst = defineRoute({
  method: 'GET', path: '/meldingen', tag: 'Toegang', summary: 'Werkvoorraad: meldingen, te filteren op status, wet en kanaal',
  description: 'Oudste melding eerst. De frontoffice ziet alleen de meldingen die zij zelf registreerde.',
  access: roles('frontoffice', 'regisseur', 'beslisser'),
  query: meldingFilter,
  responses: { 200: { description: 'Een pagina meldingen', schema: meldingLijst } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, query }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const { rijen, totaal } = await listMeldingen(tx, {
        ...query, geregistreerdDoor: alleenEigenRegistraties(actor!) ? actor!.gebruikerId ?? undefined : undefined,
      });
      await appendAudit(tx, actor!, rijen.map((m) => ({
        actie: 'lezen' as const, resourceType: 'melding', resourceId: m.id, persoonId: m.persoonId, doel: 'werkvoorraad bekijken',
      })));
      return { body: { resultaten: rijen.map(meldingResource), totaal, pagina: query.pagina, aantal: query.aantal } };
    }),
});

const een = defineRoute({
  method: 'GET', path: '/meldingen/{id}', tag: 'Toegang', summary: 'Eén melding met haar statushistorie',
  access: roles('frontoffice', 'regisseur', 'beslisser'),
  params: idParams,
  responses: { 200: { description: 'De melding', schema: meldingDetail } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const m = await getMelding(tx, params.id);
      if (!m || (alleenEigenRegistraties(actor!) && m.geregistreerdDoor?.id !== actor!.gebruikerId)) throw notFound('Deze melding');
      await appendAudit(tx, actor!, [{ actie: 'lezen', resourceType: 'melding', resourceId: m.id, persoonId: m.persoonId, doel: 'melding inzien' }]);
      return { body: detailResource(m, await historie(tx, m.id)) };
    }),
});

export const toegangRoutes: AnyRoute[] = [registreer, lijst, een];
