/**
 * The casus at a glance: one read for the top of the casus page (household, casusregisseur and how to
 * reach them, running terms with days left, plan and instemming, open aanvragen with their step, and
 * the provisions from sent beschikkingen).
 *
 * Why here, in besluit: the summary needs toegang (casus, terms), plan and inwoners and besluit's own
 * aanvragen and beschikkingen. Dependencies point backwards along the journey, so toegang may not call
 * besluit; besluit may call all the others through their index.ts. The URL stays under the casus.
 */
import { z } from 'zod';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { auditHuishouden, huishoudenOverzicht, volledigeNaam, type Persoon } from '../inwoners/index.ts';
import { planVanCasus } from '../plan/index.ts';
import {
  casusVoorWerk, meldingenVanCasus, termijnen as termijnRegels, termijnenVanAanvragen, termijnenVanBezwaren, termijnenVanMeldingen, wetNaam, type TermijnRij,
} from '../toegang/index.ts';
import { aanvraagStatusNaam, leveringsvormNaam, uitkomstNaam, type AanvraagStatus } from './rules.ts';
import { beschikkingVanAanvraag, bezwarenVanBeschikking, listAanvragen, productenVanAanvraag } from './store.ts';

const RELATIE_NAAM: Record<string, string> = {
  hoofdpersoon: 'Hoofdpersoon', partner: 'Partner', ouder: 'Ouder', kind: 'Kind', overig: 'Overig', curator: 'Curator', mentor: 'Mentor', bewindvoerder: 'Bewindvoerder',
};
const INSTEMMING_NAAM: Record<string, string> = { mondeling: 'mondeling', schriftelijk: 'schriftelijk', digitaal: 'digitaal' };
const PLAN_STATUS_NAAM: Record<string, string> = { concept: 'Concept', actief: 'Actief', gesloten: 'Gesloten' };

/** What still has to happen to an open aanvraag, in the words of the four-eyes workflow. */
export function volgendeStap(status: AanvraagStatus, wachtOpTweedeBeslisser: boolean): string {
  switch (status) {
    case 'ingediend': return 'Wacht op toetsing';
    case 'getoetst': return 'Wacht op beoordeling';
    case 'beoordeeld': return wachtOpTweedeBeslisser ? 'Wacht op de tweede beslisser' : 'Wacht op het besluit';
    case 'besloten': return 'Wacht op verzending van de beschikking';
    case 'verzonden': return 'Beschikking verzonden';
  }
}

const lid = z.object({
  id: z.uuid(), naam: z.string(), geboortedatum: z.string(), leeftijd: z.number().int(),
  relatie: z.string().nullable().describe('Wat dit lid is van de hoofdpersoon: hoofdpersoon, partner, ouder, kind of overig; null als het niet is vastgelegd'),
  relatieNaam: z.string().nullable(),
  gezag: z.boolean().describe('Heeft dit lid gezag over een minderjarig kind?'),
  gezagBij: z.array(z.string()).describe('Bij een minderjarige: de namen van wie het gezag heeft'),
  minderjarig: z.boolean(),
  adres: z.string().nullable().describe('Straat huisnummer, postcode woonplaats in één regel'),
  telefoon: z.string().nullable(), email: z.string().nullable(),
});

export const casusOverzichtUitvoer = z.object({
  casus: z.object({ id: z.uuid(), nummer: z.string(), status: z.enum(['open', 'gesloten']), statusNaam: z.string(), geopendOp: z.string() }),
  huishouden: z.array(lid),
  regisseur: z.object({
    id: z.uuid(), naam: z.string(),
    telefoon: z.string().nullable().describe('Het telefoonnummer van de casusregisseur, als de gemeente het heeft vastgelegd'),
    email: z.string().nullable(),
  }).nullable(),
  termijnen: z.array(z.object({
    id: z.uuid(), soort: z.string(), soortNaam: z.string(), wet: z.string(), wetNaam: z.string(), uitersteDatum: z.string(),
    dagenOver: z.number().int().describe('Kalenderdagen tot en met de uiterste datum; negatief als de termijn verlopen is'),
    verlopen: z.boolean(), status: z.string(), statusNaam: z.string(),
    bij: z.object({ soort: z.enum(['melding', 'aanvraag', 'bezwaar']), id: z.uuid(), nummer: z.string() }),
  })),
  plan: z.object({
    status: z.string(), statusNaam: z.string(), versie: z.number().int(),
    instemming: z.object({ datum: z.string(), wijze: z.string(), wijzeNaam: z.string() }).nullable(),
  }).nullable(),
  aanvragen: z.array(z.object({
    id: z.uuid(), nummer: z.string(), ontvangenOp: z.string(), status: z.string(), statusNaam: z.string(), stap: z.string(), producten: z.array(z.string()),
  })),
  voorzieningen: z.array(z.object({
    product: z.string(), wet: z.string(), wetNaam: z.string(), uitkomstNaam: z.string(),
    omvang: z.number().nullable(), eenheid: z.string().nullable(), periode: z.string().nullable(),
    ingangsdatum: z.string().nullable(), einddatum: z.string().nullable(), leveringsvormNaam: z.string().nullable(), lopend: z.boolean(),
    beschikking: z.object({ id: z.uuid(), nummer: z.string(), verzondenOp: z.string() }),
  })),
}).meta({ id: 'CasusOverzicht' });

type Overzicht = z.infer<typeof casusOverzichtUitvoer>;

const adresRegel = (p: Persoon): string | null => {
  const straat = [p.straat, p.huisnummer].filter(Boolean).join(' ');
  const plaats = [p.postcode, p.woonplaats].filter(Boolean).join(' ');
  return [straat, plaats].filter(Boolean).join(', ') || null;
};

/** The casusregisseur's phone (gebruikers.telefoon, migration 0010). Users have no e-mail column yet: null until they do. */
async function regisseurContact(tx: Tx, id: string): Promise<{ telefoon: string | null; email: string | null }> {
  const r = await tx.selectFrom('gebruikers').select('telefoon').where('id', '=', id).executeTakeFirst();
  return { telefoon: r?.telefoon ?? null, email: null };
}

const OPEN_TERMIJN: ReadonlySet<string> = new Set(['loopt', 'verlooptBinnenkort', 'verlopen', 'opgeschort']);

function termijnRegel(t: TermijnRij, bij: Overzicht['termijnen'][number]['bij'], dag: string): Overzicht['termijnen'][number] {
  const dagenOver = termijnRegels.dagenTussen(dag, t.uitersteDatum);
  return {
    id: t.id, soort: t.soort, soortNaam: termijnRegels.termijnSoortNaam[t.soort], wet: t.wet, wetNaam: wetNaam[t.wet], uitersteDatum: t.uitersteDatum,
    dagenOver, verlopen: t.status === 'verlopen' || (t.status !== 'opgeschort' && dagenOver < 0), status: t.status, statusNaam: termijnRegels.termijnStatusNaam[t.status], bij,
  };
}

export async function casusOverzicht(tx: Tx, actor: Actor, casusId: string, dag: string): Promise<Overzicht> {
  // The one access rule (through casusVoorWerk) and the read's audit entry, for every caller.
  const casus = await casusVoorWerk(tx, actor, casusId, { schrijven: false });
  await auditHuishouden(tx, actor, casus.huishoudenId, 'lezen', 'casus', casus.id, 'casusoverzicht inzien');
  const huishouden = await huishoudenOverzicht(tx, casus.huishoudenId, dag);
  const meldingen = await meldingenVanCasus(tx, casus.id);
  const { rijen: aanvragen } = await listAanvragen(tx, { casusId: casus.id, aantal: 500 });
  // One after the other: a transaction is one connection (PGlite does not interleave queries in it).
  const meldingTermijnen = await termijnenVanMeldingen(tx, meldingen.map((m) => m.id));
  const aanvraagTermijnen = await termijnenVanAanvragen(tx, aanvragen.map((a) => a.id));
  const plan = await planVanCasus(tx, casus.id);
  const regisseur = casus.regisseur ? await regisseurContact(tx, casus.regisseur.id) : null;

  // The beschikkingen of the casus: their bezwaren have terms, their granted products are the provisions.
  const beschikkingen = [];
  for (const a of aanvragen) {
    const b = await beschikkingVanAanvraag(tx, a.id);
    if (b) beschikkingen.push(b);
  }
  const bezwaren: Awaited<ReturnType<typeof bezwarenVanBeschikking>> = [];
  for (const b of beschikkingen) bezwaren.push(...(await bezwarenVanBeschikking(tx, b.id)));
  const bezwaarTermijnen = await termijnenVanBezwaren(tx, bezwaren.map((b) => b.id));

  const termijnen = [
    ...meldingTermijnen.filter((t) => !t.afgerondOp && OPEN_TERMIJN.has(t.status)).map((t) => {
      const m = meldingen.find((x) => x.id === t.meldingId)!;
      return termijnRegel(t, { soort: 'melding', id: m.id, nummer: m.nummer }, dag);
    }),
    ...aanvraagTermijnen.filter((t) => !t.afgerondOp && OPEN_TERMIJN.has(t.status)).map((t) => {
      const a = aanvragen.find((x) => x.id === t.aanvraagId)!;
      return termijnRegel(t, { soort: 'aanvraag', id: a.id, nummer: a.nummer }, dag);
    }),
    ...bezwaarTermijnen.filter((t) => !t.afgerondOp && OPEN_TERMIJN.has(t.status)).map((t) => {
      const b = bezwaren.find((x) => x.id === t.bezwaarId)!;
      return termijnRegel(t, { soort: 'bezwaar', id: b.id, nummer: b.nummer }, dag);
    }),
  ].sort((a, b) => a.uitersteDatum.localeCompare(b.uitersteDatum));

  const open = aanvragen.filter((a) => a.status !== 'verzonden');
  const openAanvragen = [];
  for (const a of open) {
    openAanvragen.push({
      id: a.id, nummer: a.nummer, ontvangenOp: a.ontvangenOp, status: a.status, statusNaam: aanvraagStatusNaam[a.status],
      stap: volgendeStap(a.status, a.status === 'beoordeeld' && a.eersteBeslisser !== null),
      producten: (await productenVanAanvraag(tx, a.id)).map((p) => p.omschrijving),
    });
  }

  // Provisions: granted products of sent beschikkingen, leaving out a beschikking replaced by a sent herziening.
  const vervangen = new Set(beschikkingen.filter((b) => b.verzondenOp && b.herzieningVan).map((b) => b.herzieningVan!));
  const voorzieningen = beschikkingen.filter((b) => b.verzondenOp && !vervangen.has(b.id)).flatMap((b) =>
    b.producten.filter((p) => p.uitkomst !== 'afgewezen').map((p) => ({
      product: p.omschrijving, wet: p.wet, wetNaam: wetNaam[p.wet as keyof typeof wetNaam] ?? p.wet, uitkomstNaam: uitkomstNaam[p.uitkomst],
      omvang: p.omvang, eenheid: p.eenheid, periode: p.periode, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum,
      leveringsvormNaam: p.leveringsvorm ? leveringsvormNaam[p.leveringsvorm] : null, lopend: !p.einddatum || p.einddatum >= dag,
      beschikking: { id: b.id, nummer: b.nummer, verzondenOp: b.verzondenOp! },
    })));

  return {
    casus: { id: casus.id, nummer: casus.nummer, status: casus.status, statusNaam: casus.status === 'open' ? 'Open' : 'Gesloten', geopendOp: new Date(casus.geopendOp).toISOString() },
    huishouden: huishouden.leden.map((l) => {
      const relatie = l.relatieTotHoofdpersoon;
      return {
        id: l.persoon.id, naam: volledigeNaam(l.persoon), geboortedatum: l.persoon.geboortedatum, leeftijd: l.leeftijd,
        relatie, relatieNaam: relatie ? RELATIE_NAAM[relatie] ?? relatie : null,
        gezag: l.relaties.some((r) => r.soort === 'kind' && r.gezag),
        gezagBij: l.minderjarig ? l.relaties.filter((r) => r.soort === 'ouder' && r.gezag).map((r) => r.naam) : [],
        minderjarig: l.minderjarig, adres: adresRegel(l.persoon), telefoon: l.persoon.telefoon ?? null, email: l.persoon.email ?? null,
      };
    }),
    regisseur: casus.regisseur && regisseur ? { id: casus.regisseur.id, naam: casus.regisseur.naam, ...regisseur } : null,
    termijnen,
    plan: plan ? {
      status: plan.status, statusNaam: PLAN_STATUS_NAAM[plan.status] ?? plan.status, versie: plan.versie,
      instemming: plan.instemming ? { ...plan.instemming, wijzeNaam: INSTEMMING_NAAM[plan.instemming.wijze] ?? plan.instemming.wijze } : null,
    } : null,
    aanvragen: openAanvragen,
    voorzieningen,
  };
}

const overzicht = defineRoute({
  method: 'GET', path: '/casussen/{id}/overzicht', tag: 'Besluit',
  summary: 'De casus in één oogopslag: huishouden, casusregisseur, lopende termijnen, plan, open aanvragen en voorzieningen',
  description: 'Eén leesactie voor de bovenkant van de casuspagina. Relatie en gezag van de leden en het telefoonnummer van de casusregisseur zijn null zolang ze niet zijn vastgelegd.',
  access: roles('regisseur', 'teamleider', 'beslisser'),
  params: idParams,
  responses: { 200: { description: 'Het overzicht', schema: casusOverzichtUitvoer } },
  problems: ['niet-gevonden', 'geen-toegang-dossier'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      return { body: await casusOverzicht(tx, actor!, params.id, vandaag()) };
    }),
});

export const casusOverzichtRoutes: AnyRoute[] = [overzicht];
