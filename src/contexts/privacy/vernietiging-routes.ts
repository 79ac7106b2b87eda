import { z } from 'zod';
import { maakBrief } from '../../platform/pdf/brief.ts';
import { correspondentie } from '../../platform/pdf/correspondentie.ts';
import { afzenderRegels } from '../../platform/pdf/tekst.ts';
import { defineRoute, idParams, roles, type AnyRoute } from '../../platform/http/route.ts';
import { optioneleTekst, tekst } from '../../platform/http/schemas.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { BEWAAR_SOORTEN, LIJST_STATUSSEN, STANDAARD_TERMIJNEN, lijstStatusNaam } from './bewaren-rules.ts';
import type { LijstItem, LijstKop } from './vernietiging-store.ts';
import {
  bied, keurGoedEnVoerUit, leesLijst, lijstMetItems, stelLijstOp, stelTermijnenIn, termijnInstellingen, wijsAf, zonderItemUit, type TermijnInstelling,
} from './vernietiging-usecases.ts';
import { lijsten } from './vernietiging-store.ts';

/**
 * Retention terms (beheer) and destruction lists (archivaris; the privacy officer reads along).
 * A list carries numbers, kinds and dates only: no name, no BSN (ADR 0023).
 */

const TAG = 'Bewaren en vernietigen';
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const termijnSchema = z.object({
  soort: z.enum(BEWAAR_SOORTEN), naam: z.string(), jaren: z.number().int(), standaardJaren: z.number().int(), min: z.number().int(), max: z.number().int(),
  vanaf: z.string(), grondslag: z.string(), standaardGrondslag: z.string(), aangepast: z.boolean(), gewijzigdDoor: z.string().nullable(), gewijzigdOp: z.string().nullable(),
}).meta({ id: 'Bewaartermijn' });
const termijnenSchema = z.object({ termijnen: z.array(termijnSchema) }).meta({ id: 'Bewaartermijnen' });
const termijnenBody = (t: TermijnInstelling[]) => ({ termijnen: t.map((x) => ({ ...x, gewijzigdOp: iso(x.gewijzigdOp) })) });

const termijnenLezen = defineRoute({
  method: 'GET', path: '/instellingen/bewaartermijnen', tag: TAG, summary: 'De bewaartermijnen per soort dossier, met de standaard en zijn bron',
  description: 'Zonder eigen instelling geldt de standaard uit de Selectielijst gemeenten en intergemeentelijke organen 2020 of de wet (Jeugdwet art. 7.3.8).',
  access: roles('beheer', 'archivaris', 'privacy'),
  responses: { 200: { description: 'De termijnen', schema: termijnenSchema } },
  handler: async ({ deps, actor }) => ({ body: termijnenBody(await inGemeente(deps.db, actor!.gemeenteId, termijnInstellingen)) }),
});

const termijnenInvoer = z.object({
  termijnen: z.array(z.object({
    soort: z.enum(BEWAAR_SOORTEN, { error: 'Kies een soort dossier uit de lijst' }),
    jaren: z.number({ error: 'Geef het aantal jaren' }).int('Geef een heel aantal jaren').min(1, 'Ten minste 1 jaar').max(115, 'Ten hoogste 115 jaar'),
    grondslag: optioneleTekst(500, 'De grondslag'),
  }), { error: 'Geef de termijnen' }).min(1, 'Geef ten minste één termijn').max(BEWAAR_SOORTEN.length, `Ten hoogste ${BEWAAR_SOORTEN.length} termijnen`),
}).meta({ id: 'BewaartermijnenInvoer' });

const termijnenInstellen = defineRoute({
  method: 'PUT', path: '/instellingen/bewaartermijnen', tag: TAG, summary: 'Bewaartermijnen instellen (functioneel beheer)',
  description: 'Per soort een heel aantal jaren binnen de grenzen (jeugdhulp ten minste 20 jaar, Jeugdwet art. 7.3.8). Gelijk aan de standaard zonder eigen grondslag: terug naar de standaard.',
  access: roles('beheer'), body: termijnenInvoer,
  responses: { 200: { description: 'De termijnen zoals ze nu gelden', schema: termijnenSchema } },
  problems: ['ongeldige-invoer'],
  handler: async ({ deps, actor, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await stelTermijnenIn(tx, actor!, body.termijnen);
      return { body: termijnenBody(await termijnInstellingen(tx)) };
    }),
});

const kopSchema = z.object({
  id: z.uuid(), nummer: z.string(), status: z.enum(LIJST_STATUSSEN), statusNaam: z.string(), peildatum: z.string(),
  opgesteldDoor: z.string().nullable().describe('null: opgesteld door de dagelijkse taak'), opgesteldOp: z.string(),
  aangebodenDoor: z.string().nullable(), aangebodenOp: z.string().nullable(), beoordeeldDoor: z.string().nullable(), beoordeeldOp: z.string().nullable(),
  afwijzingReden: z.string().nullable(), uitgevoerdOp: z.string().nullable(),
  resultaat: z.record(z.string(), z.number()).nullable().describe('Na uitvoering: aantallen per soort vernietigd gegeven (geen inhoud)'),
  aantalItems: z.number().int(), aantalUitgezonderd: z.number().int(),
}).meta({ id: 'VernietigingslijstKop' });
const itemSchema = z.object({
  id: z.uuid(), soort: z.enum(BEWAAR_SOORTEN), soortNaam: z.string(), ref: z.string().describe('Het casus- of meldingnummer'),
  nummers: z.array(z.string()).describe('Alle nummers in het dossier: meldingen, casussen, aanvragen, beschikkingen, bezwaren'),
  einde: z.string(), vernietigbaarPer: z.string(), grondslag: z.string(),
  uitgezonderd: z.object({ reden: z.string(), door: z.string().nullable(), op: z.string() }).nullable(),
  uitgevoerdOp: z.string().nullable(), overgeslagenReden: z.string().nullable(),
}).meta({ id: 'VernietigingslijstItem' });
const lijstSchema = kopSchema.extend({ items: z.array(itemSchema) }).meta({ id: 'Vernietigingslijst' });

const kopBody = (k: LijstKop) => ({
  id: k.id, nummer: k.nummer, status: k.status, statusNaam: lijstStatusNaam[k.status], peildatum: k.peildatum,
  opgesteldDoor: k.opgesteldDoor, opgesteldOp: iso(k.opgesteldOp)!, aangebodenDoor: k.aangebodenDoor, aangebodenOp: iso(k.aangebodenOp),
  beoordeeldDoor: k.beoordeeldDoor, beoordeeldOp: iso(k.beoordeeldOp), afwijzingReden: k.afwijzingReden, uitgevoerdOp: iso(k.uitgevoerdOp),
  resultaat: k.resultaat, aantalItems: k.aantalItems, aantalUitgezonderd: k.aantalUitgezonderd,
});
// The household id stays inside: the archivaris judges the list by numbers, kinds and dates.
const itemBody = (i: LijstItem) => ({
  id: i.id, soort: i.soort, soortNaam: STANDAARD_TERMIJNEN[i.soort].naam, ref: i.ref, nummers: i.nummers, einde: i.einde, vernietigbaarPer: i.vernietigbaarPer,
  grondslag: i.grondslag, uitgezonderd: i.uitgezonderd ? { reden: i.uitgezonderd.reden, door: i.uitgezonderd.door, op: iso(i.uitgezonderd.op)! } : null,
  uitgevoerdOp: iso(i.uitgevoerdOp), overgeslagenReden: i.overgeslagenReden,
});

/** `l`: the list as a use case just read it (audited); without it, read here (after a change). */
async function lijstBody(tx: Tx, id: string, l?: { kop: LijstKop; items: LijstItem[] }) {
  const { kop, items } = l ?? await lijstMetItems(tx, id);
  return { ...kopBody(kop), items: items.map(itemBody) };
}

const LEZERS = ['archivaris', 'privacy'] as const;

const overzicht = defineRoute({
  method: 'GET', path: '/vernietigingslijsten', tag: TAG, summary: 'De vernietigingslijsten van de gemeente, nieuwste eerst',
  access: roles(...LEZERS),
  responses: { 200: { description: 'De lijsten', schema: z.object({ resultaten: z.array(kopSchema) }) } },
  handler: async ({ deps, actor }) => ({
    body: { resultaten: (await inGemeente(deps.db, actor!.gemeenteId, (tx) => lijsten(tx, 200))).map(kopBody) },
  }),
});

const een = defineRoute({
  method: 'GET', path: '/vernietigingslijsten/{id}', tag: TAG, summary: 'Eén vernietigingslijst met de dossiers erop (nummers, soort, datums; geen namen of BSN)',
  access: roles(...LEZERS), params: idParams,
  responses: { 200: { description: 'De lijst', schema: lijstSchema } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const body = await lijstBody(tx, params.id, await leesLijst(tx, actor!, params.id, 'inzien'));
      return { body };
    }),
});

/** One CSV cell: quoted when needed; a leading =, +, - or @ gets a quote so a spreadsheet does not run it. */
const cel = (v: string) => {
  const veilig = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[";\n\r]/.test(veilig) ? `"${veilig.replaceAll('"', '""')}"` : veilig;
};

const csv = defineRoute({
  method: 'GET', path: '/vernietigingslijsten/{id}/lijst.csv', tag: TAG, summary: 'De vernietigingslijst als CSV voor het archief (puntkomma, UTF-8)',
  access: roles(...LEZERS), params: idParams,
  responses: { 200: { description: 'De lijst', contentType: 'text/csv' } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const l = await lijstBody(tx, params.id, await leesLijst(tx, actor!, params.id, 'downloaden'));
      const kop = ['lijst', 'status', 'peildatum', 'dossier', 'soort', 'nummers', 'einde', 'vernietigbaar per', 'grondslag', 'uitgezonderd', 'reden uitzondering', 'uitgevoerd op', 'overgeslagen'];
      const regels = l.items.map((i) => [
        l.nummer, l.statusNaam, l.peildatum, i.ref, i.soortNaam, i.nummers.join(' '), i.einde, i.vernietigbaarPer, i.grondslag,
        i.uitgezonderd ? 'ja' : 'nee', i.uitgezonderd?.reden ?? '', i.uitgevoerdOp?.slice(0, 10) ?? '', i.overgeslagenReden ?? '',
      ]);
      const tekstInhoud = [kop, ...regels].map((r) => r.map(cel).join(';')).join('\r\n') + '\r\n';
      return {
        body: '\uFEFF' + tekstInhoud,
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="vernietigingslijst-${l.nummer}.csv"` },
      };
    }),
});

const RESULTAAT_NAAM: Record<string, string> = {
  dossiers: 'Dossiers vernietigd', personen: 'Personen verwijderd', meldingen: 'Meldingen geanonimiseerd', casussen: 'Casussen geanonimiseerd',
  aanvragen: 'Aanvragen geanonimiseerd', beschikkingen: 'Beschikkingen geanonimiseerd', bezwaren: 'Bezwaren geanonimiseerd',
  gesprekken: 'Gesprekken geanonimiseerd', plannen: 'Plannen verwijderd', anders: 'Overige gegevens verwijderd', uitgezonderd: 'Uitgezonderd',
  overgeslagen: 'Overgeslagen (niet meer vervallen)',
};
const datumNL = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

const pdf = defineRoute({
  method: 'GET', path: '/vernietigingslijsten/{id}/lijst.pdf', tag: TAG, summary: 'De vernietigingslijst als PDF voor het archief (met de verklaring van vernietiging na uitvoering)',
  access: roles(...LEZERS), params: idParams,
  responses: { 200: { description: 'De lijst', contentType: 'application/pdf' } },
  problems: ['niet-gevonden'],
  handler: async ({ deps, actor, params, request }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const l = await lijstBody(tx, params.id, await leesLijst(tx, actor!, params.id, 'downloaden'));
      const gemeente = request.session!.account.gemeenteNaam;
      const grondslagen = [...new Map(l.items.map((i) => [i.soort, `${i.soortNaam}: ${i.grondslag.slice(i.grondslag.indexOf(':') + 1).trim()}`])).values()];
      const document = await maakBrief({
        gemeente, afzenderRegels: afzenderRegels(await correspondentie(tx, gemeente)), geadresseerde: ['Archief', `Gemeente ${gemeente}`],
        datum: vandaag(), kenmerk: l.nummer, onderwerp: `Vernietigingslijst ${l.nummer} (${l.statusNaam.toLowerCase()})`,
        aanhef: 'Aan de archivaris,',
        secties: [
          { alineas: [
            `Deze lijst noemt de dossiers van huishoudens waarvan de bewaartermijn op ${datumNL(l.peildatum)} was verstreken. Dossiers staan er alleen met hun nummers, soort en datums op; namen en BSN's niet.`,
            `Opgesteld ${l.opgesteldDoor ? `door ${l.opgesteldDoor}` : 'door de dagelijkse taak'}${l.beoordeeldDoor ? `; ${l.status === 'afgewezen' ? 'afgewezen' : 'goedgekeurd'} door ${l.beoordeeldDoor}` : ''}${l.afwijzingReden ? ` (reden: ${l.afwijzingReden})` : ''}.`,
          ] },
          { kop: 'Dossiers', tabel: [['Dossier', 'Soort', 'Afgesloten', 'Vernietigbaar per', 'Stand'], ...l.items.map((i) => [
            i.nummers.join(', '), i.soortNaam, datumNL(i.einde), datumNL(i.vernietigbaarPer),
            i.uitgezonderd ? `Uitgezonderd: ${i.uitgezonderd.reden}` : i.uitgevoerdOp ? `Vernietigd ${datumNL(i.uitgevoerdOp.slice(0, 10))}` : i.overgeslagenReden ? `Bewaard: ${i.overgeslagenReden}` : 'Op de lijst',
          ])] },
          { kop: 'Grondslag', lijst: grondslagen.length ? grondslagen : ['Geen dossiers.'] },
          ...(l.resultaat ? [{ kop: 'Verklaring van vernietiging', tabel: [['Wat', 'Aantal'], ...Object.keys(RESULTAAT_NAAM).filter((k) => l.resultaat![k] !== undefined).map((k) => [RESULTAAT_NAAM[k]!, String(l.resultaat![k])])] }] : []),
        ],
        afsluiting: 'De persoonsgegevens van de vernietigde dossiers zijn verwijderd; de audittrail legt per vernietigd gegeven vast wat, wanneer en door wie, zonder de inhoud.',
        ondertekening: { naam: l.beoordeeldDoor ?? '—', functie: 'Archivaris' },
      });
      return { body: document, headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="vernietigingslijst-${l.nummer}.pdf"` } };
    }),
});

const opstellen = defineRoute({
  method: 'POST', path: '/vernietigingslijsten', tag: TAG, summary: 'Nu een vernietigingslijst opstellen van de dossiers waarvan de bewaartermijn is verstreken',
  description: 'Anders stelt de dagelijkse taak (03:00) hem op. Een concept; bied het daarna ter goedkeuring aan. Hoogstens 500 dossiers, de oudste eerst; 409 als er al een lijst in voorbereiding is of niets vervallen is.',
  access: roles('archivaris', 'beheer'),
  responses: { 201: { description: 'De nieuwe lijst', schema: kopSchema } },
  problems: ['conflict'],
  handler: async ({ deps, actor }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      const id = (await stelLijstOp(tx, actor!, actor!.gemeenteId, vandaag()))!;
      const { kop } = await lijstMetItems(tx, id);
      return { status: 201, body: kopBody(kop), headers: { location: `/api/v1/vernietigingslijsten/${id}` } };
    }),
});

const actie = <B>(o: {
  pad: string; summary: string; description?: string; rollen: ('archivaris' | 'beheer')[]; body?: z.ZodType<B>;
  problems: ('ongeldige-statusovergang' | 'niet-gevonden' | 'conflict' | 'ongeldige-invoer')[];
  params?: z.ZodType<{ id: string; itemId?: string }>;
  run: (tx: Tx, actor: Actor, params: { id: string; itemId?: string }, body: B) => Promise<unknown>;
}) => defineRoute({
  method: 'POST', path: `/vernietigingslijsten/{id}${o.pad}`, tag: TAG, summary: o.summary, ...(o.description ? { description: o.description } : {}),
  access: roles(...o.rollen), params: o.params ?? idParams, ...(o.body ? { body: o.body } : {}),
  responses: { 200: { description: 'De lijst', schema: lijstSchema } },
  problems: o.problems,
  handler: async ({ deps, actor, params, body }) =>
    inGemeente(deps.db, actor!.gemeenteId, async (tx) => {
      await o.run(tx, actor!, params, body as B);
      return { body: await lijstBody(tx, params.id) };
    }),
});

const redenInvoer = z.object({ reden: tekst(2000, 'De reden') });

const aanbieding = actie({
  pad: '/aanbieding', summary: 'Een concept-vernietigingslijst ter goedkeuring aanbieden aan de archivaris', rollen: ['archivaris', 'beheer'],
  problems: ['ongeldige-statusovergang', 'niet-gevonden'], run: (tx, actor, p) => bied(tx, actor, p.id),
});

const uitzondering = actie({
  pad: '/items/{itemId}/uitzondering', summary: 'Een dossier van de lijst uitzonderen, met de reden (het wordt dan niet vernietigd)',
  rollen: ['archivaris'], body: redenInvoer, params: z.object({ id: z.uuid(), itemId: z.uuid() }),
  problems: ['ongeldige-statusovergang', 'niet-gevonden', 'conflict', 'ongeldige-invoer'],
  run: (tx, actor, p, b) => zonderItemUit(tx, actor, p.id, p.itemId!, b.reden),
});

const goedkeuring = actie({
  pad: '/goedkeuring', summary: 'De lijst goedkeuren: de dossiers erop worden meteen vernietigd',
  description: 'In één transactie: elk dossier wordt nog eens getoetst (wat niet meer vervallen is, blijft met de reden), de persoonsgegevens verwijderd, de telgegevens voor sturing anoniem bewaard, en per vernietigd gegeven een regel in de audittrail (soort, id, lijstnummer, wie goedkeurde; geen inhoud).',
  rollen: ['archivaris'], problems: ['ongeldige-statusovergang', 'niet-gevonden'],
  run: (tx, actor, p) => keurGoedEnVoerUit(tx, actor, p.id, vandaag()),
});

const afwijzing = actie({
  pad: '/afwijzing', summary: 'De lijst afwijzen, met de reden (er wordt niets vernietigd)', rollen: ['archivaris'], body: redenInvoer,
  problems: ['ongeldige-statusovergang', 'niet-gevonden', 'ongeldige-invoer'], run: (tx, actor, p, b) => wijsAf(tx, actor, p.id, b.reden),
});

export const vernietigingRoutes: AnyRoute[] = [termijnenLezen, termijnenInstellen, overzicht, een, csv, pdf, opstellen, aanbieding, uitzondering, goedkeuring, afwijzing];
