import { z } from 'zod';
import { keysetLijst, keysetParams } from '../../platform/http/keyset.ts';
import { datum, optioneleTekst, paginering, tekst } from '../../platform/http/schemas.ts';
import { vandaag } from '../../platform/time.ts';
import { persoonInvoer } from '../inwoners/index.ts';
import { KANALEN, MELDING_STATUSSEN, SIGNAALBRONNEN, TRIAGE_UITKOMSTEN, VERWIJZERS, WETTEN } from './rules.ts';
import { TERMIJN_STATUSSEN } from './termijnen.ts';

const wet = z.enum(WETTEN, { error: `Kies een wet: ${WETTEN.join(', ')}` });
const kanaal = z.enum(KANALEN, { error: `Kies een kanaal: ${KANALEN.join(', ')}` });
const status = z.enum(MELDING_STATUSSEN, { error: `Kies een status: ${MELDING_STATUSSEN.join(', ')}` });
export const termijnStatus = z.enum(TERMIJN_STATUSSEN, { error: `Kies een termijnstatus: ${TERMIJN_STATUSSEN.join(', ')}` });
export const termijnSoort = z.enum(['onderzoek', 'beschikking', 'eersteGesprek', 'bezwaar'], { error: 'Kies de soort termijn' });
const nietInToekomst = (label: string) => datum.refine((d) => d <= vandaag(), `${label} ligt in de toekomst`);

const telefoon = z.string().trim().regex(/^\+?[0-9 ()-]{8,20}$/, 'Gebruik een telefoonnummer als 06 12345678');
const email = z.email('Gebruik een e-mailadres als naam@voorbeeld.nl');

export const verwijzerInvoer = z.object({
  soort: z.enum(VERWIJZERS, { error: `Kies wie verwijst: ${VERWIJZERS.join(', ')}` }),
  naam: tekst(200, 'Naam van de verwijzer'),
  organisatie: optioneleTekst(200, 'Organisatie'),
  telefoon: telefoon.optional(),
});

export const signaalInvoer = z.object({
  bron: z.enum(SIGNAALBRONNEN, { error: `Kies de bron: ${SIGNAALBRONNEN.join(', ')}` }),
  achterstandEuro: z.number().int('Geef hele euro’s').min(0).max(1_000_000).optional(),
  toelichting: optioneleTekst(1000, 'Toelichting'),
});

export const meldingInvoer = z.object({
  persoon: persoonInvoer,
  wet,
  kanaal,
  ontvangenOp: nietInToekomst('De datum van ontvangst'),
  omschrijving: tekst(4000, 'Omschrijving'),
  spoed: z.boolean().optional().describe('Schuldhulp: dreigende huisuitzetting of afsluiting van energie of water (eerste gesprek binnen 3 werkdagen)'),
  verwijzer: verwijzerInvoer.optional().describe('Verplicht bij kanaal verwijzing'),
  signaal: signaalInvoer.optional().describe('Verplicht bij kanaal vroegsignalering'),
  contact: z.object({ telefoon: telefoon.optional(), email: email.optional() }).optional(),
}).superRefine((m, ctx) => {
  if (m.kanaal === 'verwijzing' && !m.verwijzer) ctx.addIssue({ code: 'custom', path: ['verwijzer'], message: 'Noem bij een verwijzing wie verwijst' });
  if (m.kanaal === 'vroegsignalering' && !m.signaal) ctx.addIssue({ code: 'custom', path: ['signaal'], message: 'Noem bij vroegsignalering de bron van het signaal' });
}).meta({ id: 'NieuweMelding' });

export const meldingFilter = z.object({
  status: z.enum([...MELDING_STATUSSEN, 'open', 'alle'], { error: `Kies een status: ${MELDING_STATUSSEN.join(', ')}, open of alle` }).optional()
    .describe('Zonder status: alleen open meldingen (gemeld, in onderzoek). Afgehandelde en afgesloten meldingen komen alleen als u om die status vraagt, of met alle.'),
  wet: wet.optional(),
  kanaal: kanaal.optional(),
  kernId: z.uuid('Kies een kern uit de lijst').optional(),
  termijnstatus: termijnStatus.optional(),
  toegewezen: z.enum(['mij', 'team', 'niemand', 'iedereen'], { error: 'Kies mij, team, niemand of iedereen' }).optional(),
  ...keysetParams,
  aantal: paginering.aantal,
});

/** The shape of the werkvoorraad's cursor: urgency (a date, or 'infinity' without a running term), received, number. */
export const werkCursor = [z.union([z.iso.date(), z.literal('infinity')]), z.iso.date(), z.string().min(1).max(40)] as const;

const opschortingUitvoer = z.object({ id: z.uuid(), van: z.string(), tot: z.string().nullable(), reden: z.string() });
export const termijnUitvoer = z.object({
  id: z.uuid(),
  soort: termijnSoort,
  soortNaam: z.string(),
  startdatum: z.string(),
  uitersteDatum: z.string(),
  opgeschortDagen: z.number().int(),
  status: termijnStatus,
  statusNaam: z.string(),
  grondslag: z.string(),
  duur: z.string(),
  verdaging: z.object({ nieuweDatum: z.string(), reden: z.string() }).nullable(),
  afgerondOp: z.string().nullable(),
  berekendOp: z.string(),
  opschortingen: z.array(opschortingUitvoer),
}).meta({ id: 'Termijn' });

const persoonKort = z.object({ id: z.uuid(), naam: z.string(), geboortedatum: z.string() });
const naamRef = z.object({ id: z.uuid(), naam: z.string() });

export const meldingUitvoer = z.object({
  id: z.uuid(),
  nummer: z.string(),
  status,
  statusNaam: z.string(),
  wet,
  wetNaam: z.string(),
  kanaal,
  kanaalNaam: z.string(),
  ontvangenOp: z.string(),
  omschrijving: z.string(),
  persoon: persoonKort,
  huishoudenId: z.uuid(),
  wijk: z.string().nullable(),
  kern: z.string().nullable(),
  geregistreerdDoor: naamRef.nullable(),
  casus: z.object({ id: z.uuid(), nummer: z.string() }).nullable(),
  regisseur: naamRef.nullable(),
  spoed: z.boolean(),
  termijnen: z.array(termijnUitvoer),
  aangemaaktOp: z.string(),
}).meta({ id: 'Melding' });

export const meldingDetail = meldingUitvoer.extend({
  persoon: persoonKort.extend({ bsn: z.string() }),
  triage: z.object({ uitkomst: z.enum(TRIAGE_UITKOMSTEN), advies: z.string().nullable(), product: z.string().nullable() }).nullable(),
  verwijzer: z.object({ soort: z.enum(VERWIJZERS), naam: z.string(), organisatie: z.string().optional(), telefoon: z.string().optional() }).nullable(),
  signaal: z.object({ bron: z.enum(SIGNAALBRONNEN), achterstandEuro: z.number().int().optional(), toelichting: z.string().optional() }).nullable(),
  contact: z.object({ telefoon: z.string().nullable(), email: z.string().nullable() }),
  afgerondOp: z.string().nullable(),
  statushistorie: z.array(z.object({
    van: status.nullable(), naar: status, door: z.string().nullable(), moment: z.string(), reden: z.string().nullable(),
  })),
}).meta({ id: 'MeldingDetail' });

/**
 * The answer to registering a melding for a household whose file the caller does not work on
 * (need-to-know, ADR 25): only what identifies the melding itself, and a Dutch explanation.
 */
export const MELDING_BIJ_COLLEGA_TEKST = 'De melding is toegevoegd aan een bestaand dossier dat een collega behandelt. '
  + 'De collega ziet de melding in de werkvoorraad; de gegevens van het dossier kunt u niet inzien.';
export const meldingBijCollega = z.object({
  id: z.uuid(),
  nummer: z.string(),
  status,
  statusNaam: z.string(),
  bijCollega: z.literal(true).describe('De melding kwam bij een dossier waar u niet aan werkt; daarom alleen nummer en status'),
  bericht: z.string().describe('Uitleg voor de medewerker, in het Nederlands'),
}).meta({ id: 'MeldingBijCollega' });

export const meldingLijst = keysetLijst(meldingUitvoer).meta({ id: 'MeldingLijst' });

export const meldingTellingen = z.object({
  totaal: z.number().int(),
  totaalIsSchatting: z.boolean().describe('Waar bij een lijst over de geschiedenis met meer dan 1000 meldingen: dan staat er 1000 ("meer dan 1000"), geen telling'),
  perTermijnstatus: z.record(z.string(), z.number().int()),
}).meta({ id: 'MeldingTellingen' });

export const triageInvoer = z.discriminatedUnion('uitkomst', [
  z.object({
    uitkomst: z.literal('enkelvoudig'),
    advies: tekst(4000, 'Het gegeven advies of antwoord'),
    product: optioneleTekst(200, 'Product of voorziening'),
  }),
  z.object({
    uitkomst: z.literal('onderzoek'),
    regisseurId: z.uuid('Kies een casusregisseur uit de lijst').optional(),
    toelichting: optioneleTekst(2000, 'Toelichting'),
  }),
], { error: 'Kies de uitkomst: enkelvoudig of onderzoek' }).meta({ id: 'Triage' });

export const opschortingInvoer = z.object({
  van: datum,
  tot: datum.optional(),
  reden: tekst(1000, 'Reden van de opschorting'),
  soort: termijnSoort.optional(),
}).meta({ id: 'NieuweOpschorting' });

export const verdagingInvoer = z.object({
  nieuweDatum: datum,
  reden: tekst(1000, 'Reden van de verdaging'),
  soort: termijnSoort.optional(),
}).meta({ id: 'Verdaging' });

export const afsluitingInvoer = z.object({ reden: tekst(1000, 'Reden') });
export const beeindigingInvoer = z.object({ tot: datum });
export const afrondingInvoer = z.object({ op: nietInToekomst('De datum van afronding') });
export const toewijzingInvoer = z.object({
  regisseurId: z.uuid('Kies een casusregisseur uit de lijst'),
  reden: tekst(1000, 'Reden'),
}).meta({ id: 'Toewijzing' });

export const betrokkeneInvoer = z.object({
  gebruikerId: z.uuid('Kies een collega uit de lijst'),
  rol: z.string().trim().min(1, 'Vul een rol in of laat het veld weg').max(100, 'Rol: ten hoogste 100 tekens').optional(),
}).meta({ id: 'BetrokkeneInvoer' });

export const termijnFilter = z.object({
  status: termijnStatus.optional(),
  soort: termijnSoort.optional(),
  wet: wet.optional(),
  ...keysetParams,
});

export const publiekeMelding = z.object({
  persoon: z.object({
    bsn: persoonInvoer.shape.bsn,
    voornaam: persoonInvoer.shape.voornaam,
    tussenvoegsel: persoonInvoer.shape.tussenvoegsel,
    achternaam: persoonInvoer.shape.achternaam,
    geboortedatum: persoonInvoer.shape.geboortedatum,
  }, { error: 'Vul uw gegevens in: BSN, naam en geboortedatum' }),
  onderwerp: z.enum(WETTEN, { error: 'Kies waar uw vraag over gaat (of: weet ik niet)' }).describe('Waar gaat uw vraag over? onbekend als u het niet weet'),
  omschrijving: tekst(2000, 'Uw vraag'),
  spoed: z.boolean().optional(),
  contact: z.object({ telefoon: telefoon.optional(), email: email.optional() })
    .refine((c) => c.telefoon || c.email, { message: 'Geef een telefoonnummer of e-mailadres, zodat wij u kunnen bereiken' })
    .optional()
    .refine((c) => c !== undefined, { message: 'Geef een telefoonnummer of e-mailadres, zodat wij u kunnen bereiken' }),
  /** A field people cannot see: when a robot fills it, the form is silently ignored. */
  website: z.string().max(200).optional(),
}).meta({ id: 'PubliekeMelding' });
