/**
 * The demo gemeente generator: a gemeente of any size with years of realistic history, written
 * through the real tables (with row-level security), in batches. Deterministic for a seed: every
 * choice comes from the seeded faker, so counts and figures are the same for a seed (ids differ).
 *
 * The history runs through the whole chain: melding (over all channels and laws, seasonal, Wmo
 * mostly from residents over 65, jeugd for children) → triage → casus → keukentafelgesprek with
 * ZRM scores → plan with goals on the weakest leefgebieden and an arrangement on every rung of the
 * ladder → for some a request for maatwerk (four eyes, realistic decision times, some late) →
 * beschikking with realistic amounts and durations → evaluation with new scores and satisfaction.
 *
 * Rates follow the seeds and national figures: Wmo clients (residents with a running Wmo
 * provision) about 6–8% of residents; the share of meldingen that lead to maatwerk falls over the
 * years from about 28% to 18% (the transformation), and with it the number of aanvragen; "goed
 * geholpen" around 80%. Provisions that already ran when the history starts are generated from a
 * warm-up of earlier years (only the cases still running at the start are kept), so the stock of
 * clients and the costs are in steady state from the first day.
 *
 * A pilot wijk (the first wijk of the first kern, returned as `pilotWijk`) works differently from
 * two years before the end: fewer maatwerk, more network and voorliggend veld, better ZRM progress
 * and higher satisfaction — modest effects, for the pilot monitor.
 */
import { sql, type Kysely } from 'kysely';
import { GRONDSLAG, STANDAARD_BESLUIT_INSTELLINGEN } from '../contexts/besluit/rules.ts';
import { DEMO_CATALOGUS } from '../contexts/catalogus/demo-catalogus.ts';
import { STANDAARD_INSTRUMENTEN } from '../contexts/gesprek/rules.ts';
import type { DoelStatus, EvaluatieBesluit } from '../contexts/plan/rules.ts';
import { STANDAARD_TERMIJNEN, berekenTermijn, type TermijnRegel } from '../contexts/toegang/termijnen.ts';
import { meldingNummer, casusNummer, type Wet } from '../contexts/toegang/rules.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { DB } from '../platform/db/schema.ts';
import { inGemeente, type Tx } from '../platform/tenancy/tx.ts';
import { Factories } from './factories.ts';

export interface GeneratorOpties {
  code: string;
  naam: string;
  inwoners: number;
  jaren: number;
  seed: number;
  tot: string; // last day of the history ('YYYY-MM-DD')
  wachtwoord?: string | null;
  /**
   * Give an existing gemeente (with kernen, wijken, teams, catalogue and instruments) a history
   * instead of creating a new one: new households, residents and staff (`<code>-regisseur1`…)
   * beside what is there; numbers continue after the gemeente's own.
   */
  bestaandeGemeenteId?: string;
}

export interface GeneratorResultaat {
  gemeenteId: string;
  tellingen: Record<string, number>;
  /** The wijk that works differently from `vanaf` (the last two years): for the pilot monitor. */
  pilotWijk: { id: string; naam: string; vanaf: string };
}

export type Voortgang = (stap: string, gedaan: number, totaal: number) => void;

type Mix<T> = readonly (readonly [T, number])[];
type Leefgebied = (typeof LEEFGEBIEDEN)[number];
type Rij = Record<string, unknown>;

const WET_MIX: Mix<Wet> = [['wmo', 0.52], ['jeugdwet', 0.15], ['participatiewet', 0.1], ['schuldhulp', 0.1], ['minima', 0.1], ['onbekend', 0.03]];
const KANAAL_MIX: Record<Wet, Mix<string>> = {
  wmo: [['telefoon', 0.42], ['balie', 0.12], ['email', 0.08], ['online', 0.18], ['verwijzing', 0.2]],
  jeugdwet: [['telefoon', 0.28], ['balie', 0.07], ['email', 0.1], ['online', 0.17], ['verwijzing', 0.38]],
  participatiewet: [['telefoon', 0.3], ['balie', 0.2], ['email', 0.12], ['online', 0.3], ['verwijzing', 0.08]],
  schuldhulp: [['telefoon', 0.3], ['balie', 0.1], ['email', 0.08], ['online', 0.15], ['verwijzing', 0.12], ['vroegsignalering', 0.25]],
  minima: [['telefoon', 0.25], ['balie', 0.15], ['email', 0.1], ['online', 0.45], ['verwijzing', 0.05]],
  onbekend: [['telefoon', 0.45], ['balie', 0.2], ['email', 0.15], ['online', 0.15], ['verwijzing', 0.05]],
};
const SEIZOEN = [1.25, 1.05, 1.0, 0.95, 0.95, 0.9, 0.7, 0.75, 1.2, 1.1, 1.05, 0.9];
const MELDINGEN_PER_INWONER_PER_JAAR = 0.1;
/** Years before the history whose still running provisions form the stock at its start. */
const AANLOOP_JAREN = 12;

const LEEFGEBIEDEN = ['huisvesting', 'financien', 'sociaalFunctioneren', 'psychischFunctioneren', 'zingeving', 'lichamelijkFunctioneren', 'praktischFunctioneren', 'dagbesteding'] as const;
/** The leefgebieden a law's meldingen are usually about: they score lower at intake. */
const ZWAK_PER_WET: Record<Wet, readonly Leefgebied[]> = {
  wmo: ['lichamelijkFunctioneren', 'praktischFunctioneren', 'huisvesting', 'sociaalFunctioneren'],
  jeugdwet: ['sociaalFunctioneren', 'psychischFunctioneren', 'dagbesteding'],
  participatiewet: ['dagbesteding', 'financien'],
  schuldhulp: ['financien', 'psychischFunctioneren'],
  minima: ['financien', 'dagbesteding'],
  onbekend: [],
};

/** Chance that a new onderzoek ends in a request for maatwerk, at the start of the history (falls over the years). */
const MAATWERK_KANS: Record<Wet, number> = { wmo: 0.71, jeugdwet: 0.32, participatiewet: 0.21, schuldhulp: 0.18, minima: 0.21, onbekend: 0.1 };
/** Over the history the chance falls by this fraction (the transformation); in the pilot wijk further. */
const MAATWERK_DALING = 0.3;
const PILOT_MAATWERK = 0.72;

/** ZRM change at evaluation on a leefgebied (steps on the 1–5 scale). */
const ZRM_GEWOON: Mix<number> = [[1, 0.45], [0, 0.4], [-1, 0.1], [2, 0.05]];
const ZRM_PASSEND: Mix<number> = [[1, 0.45], [2, 0.3], [0, 0.2], [-1, 0.05]];
const ZRM_PILOT_PASSEND: Mix<number> = [[1, 0.42], [2, 0.38], [0, 0.16], [-1, 0.04]];
const ZRM_PILOT: Mix<number> = [[1, 0.5], [0, 0.33], [-1, 0.07], [2, 0.1]];
/** In the pilot the broader conversation helps a little on the other leefgebieden too. */
const ZRM_PILOT_OVERIG: Mix<number> = [[1, 0.47], [0, 0.41], [-1, 0.07], [2, 0.05]];

/**
 * Maatwerk products per law, by catalogue name: how often, the unit and period of the decision,
 * the range of amounts and tariffs (euro per unit), the duration in months, and for Wmo the
 * chance the decision is open-ended with the mean real duration in years.
 */
interface Profiel {
  naam: string; w: number; eenheid: string; periode: 'week' | 'maand' | 'jaar' | 'totaal'; omvang: readonly [number, number];
  tarief: readonly [number, number]; maanden: readonly [number, number]; open?: { kans: number; jaren: number }; zorg?: boolean;
}
const PERIODES_PER_JAAR = { week: 52, maand: 12, jaar: 1, totaal: 1 } as const;
const PROFIELEN: Record<Exclude<Wet, 'onbekend'>, Profiel[]> = {
  wmo: [
    { naam: 'Hulp bij het huishouden (maatwerk)', w: 0.3, eenheid: 'uur', periode: 'week', omvang: [2, 4], tarief: [28, 33], maanden: [12, 24], open: { kans: 0.85, jaren: 6 }, zorg: true },
    { naam: 'Individuele begeleiding', w: 0.2, eenheid: 'uur', periode: 'week', omvang: [2, 5], tarief: [58, 66], maanden: [6, 24], open: { kans: 0.4, jaren: 3 }, zorg: true },
    { naam: 'Dagbesteding (maatwerk)', w: 0.09, eenheid: 'dagdeel', periode: 'week', omvang: [2, 5], tarief: [55, 70], maanden: [12, 24], open: { kans: 0.6, jaren: 3.5 }, zorg: true },
    { naam: 'Kortdurend verblijf', w: 0.03, eenheid: 'etmaal', periode: 'maand', omvang: [1, 3], tarief: [140, 175], maanden: [6, 12], zorg: true },
    { naam: 'Woningaanpassing', w: 0.07, eenheid: 'aanpassing', periode: 'totaal', omvang: [1, 1], tarief: [1500, 15000], maanden: [1, 3] },
    { naam: 'Traplift', w: 0.04, eenheid: 'stuk', periode: 'totaal', omvang: [1, 1], tarief: [4000, 9000], maanden: [1, 2] },
    // Scootmobiel and rolstoel in bruikleen: a yearly rent to the supplier for as long as they are used.
    { naam: 'Scootmobiel', w: 0.06, eenheid: 'stuk', periode: 'jaar', omvang: [1, 1], tarief: [900, 1500], maanden: [12, 24], open: { kans: 0.9, jaren: 5 } },
    { naam: 'Rolstoel', w: 0.05, eenheid: 'stuk', periode: 'jaar', omvang: [1, 1], tarief: [400, 900], maanden: [12, 24], open: { kans: 0.9, jaren: 5 } },
    { naam: 'Regiotaxi-pas (vervoersvoorziening)', w: 0.11, eenheid: 'km', periode: 'jaar', omvang: [750, 2500], tarief: [0.35, 0.55], maanden: [12, 24], open: { kans: 0.9, jaren: 6 } },
    { naam: 'Beschermd wonen', w: 0.015, eenheid: 'etmaal', periode: 'jaar', omvang: [365, 365], tarief: [130, 180], maanden: [12, 24], open: { kans: 0.6, jaren: 4 }, zorg: true },
    { naam: 'Begeleid wonen thuis (ambulant)', w: 0.035, eenheid: 'uur', periode: 'week', omvang: [4, 8], tarief: [60, 66], maanden: [12, 24], open: { kans: 0.5, jaren: 3 }, zorg: true },
  ],
  jeugdwet: [
    { naam: 'Jeugdhulp ambulant', w: 0.34, eenheid: 'uur', periode: 'week', omvang: [2, 5], tarief: [78, 95], maanden: [6, 12], zorg: true },
    { naam: 'Intensieve gezinsbegeleiding', w: 0.12, eenheid: 'uur', periode: 'week', omvang: [4, 8], tarief: [85, 100], maanden: [6, 9], zorg: true },
    { naam: 'Dyslexiezorg (EED)', w: 0.12, eenheid: 'traject', periode: 'totaal', omvang: [1, 1], tarief: [4000, 6500], maanden: [12, 18], zorg: true },
    { naam: 'Jeugd-GGZ behandeling', w: 0.22, eenheid: 'uur', periode: 'week', omvang: [2, 3], tarief: [95, 115], maanden: [6, 12], zorg: true },
    { naam: 'Pleegzorg', w: 0.05, eenheid: 'etmaal', periode: 'jaar', omvang: [365, 365], tarief: [40, 60], maanden: [12, 24], zorg: true },
    { naam: 'Logeeropvang voor kinderen', w: 0.07, eenheid: 'etmaal', periode: 'maand', omvang: [2, 4], tarief: [150, 200], maanden: [12, 12], zorg: true },
    { naam: 'Dagbesteding voor jeugd met een beperking', w: 0.08, eenheid: 'dagdeel', periode: 'week', omvang: [2, 5], tarief: [65, 85], maanden: [12, 24], zorg: true },
  ],
  participatiewet: [
    { naam: 'Bijstandsuitkering (levensonderhoud)', w: 0.42, eenheid: 'euro', periode: 'maand', omvang: [1100, 1900], tarief: [1, 1], maanden: [6, 24] },
    { naam: 'Bbz: ondersteuning voor zelfstandigen', w: 0.04, eenheid: 'euro', periode: 'maand', omvang: [900, 1500], tarief: [1, 1], maanden: [6, 12] },
    { naam: 'Re-integratietraject', w: 0.18, eenheid: 'traject', periode: 'totaal', omvang: [1, 1], tarief: [2500, 6000], maanden: [6, 12] },
    { naam: 'Werkfit-traject', w: 0.1, eenheid: 'traject', periode: 'totaal', omvang: [1, 1], tarief: [3000, 5000], maanden: [6, 9] },
    { naam: 'Jobcoach', w: 0.09, eenheid: 'uur', periode: 'maand', omvang: [4, 12], tarief: [70, 85], maanden: [6, 24] },
    { naam: 'Loonkostensubsidie', w: 0.1, eenheid: 'euro', periode: 'maand', omvang: [600, 1500], tarief: [1, 1], maanden: [12, 24] },
    { naam: 'Participatieplaats', w: 0.07, eenheid: 'plaats', periode: 'totaal', omvang: [1, 1], tarief: [1000, 3000], maanden: [6, 12] },
  ],
  schuldhulp: [
    { naam: 'Schuldhulpverlening-traject', w: 0.45, eenheid: 'traject', periode: 'totaal', omvang: [1, 1], tarief: [2000, 4000], maanden: [12, 24] },
    { naam: 'Budgetbeheer', w: 0.3, eenheid: 'euro', periode: 'maand', omvang: [90, 140], tarief: [1, 1], maanden: [12, 24] },
    { naam: 'Saneringskrediet', w: 0.1, eenheid: 'krediet', periode: 'totaal', omvang: [1, 1], tarief: [3000, 15000], maanden: [18, 24] },
    { naam: 'Beschermingsbewind: doorverwijzing en bijzondere bijstand', w: 0.15, eenheid: 'euro', periode: 'maand', omvang: [110, 150], tarief: [1, 1], maanden: [12, 24] },
  ],
  minima: [
    { naam: 'Individuele inkomenstoeslag', w: 0.12, eenheid: 'toeslag', periode: 'totaal', omvang: [1, 1], tarief: [350, 600], maanden: [1, 2] },
    { naam: 'Bijzondere bijstand', w: 0.25, eenheid: 'vergoeding', periode: 'totaal', omvang: [1, 1], tarief: [150, 2500], maanden: [1, 3] },
    { naam: 'Meedoenregeling', w: 0.18, eenheid: 'euro', periode: 'jaar', omvang: [150, 300], tarief: [1, 1], maanden: [12, 12] },
    { naam: 'Kindpakket', w: 0.1, eenheid: 'euro', periode: 'jaar', omvang: [200, 500], tarief: [1, 1], maanden: [12, 12] },
    { naam: 'Collectieve zorgverzekering voor minima', w: 0.15, eenheid: 'euro', periode: 'maand', omvang: [15, 40], tarief: [1, 1], maanden: [12, 12] },
    { naam: 'Kwijtschelding gemeentelijke belastingen', w: 0.12, eenheid: 'kwijtschelding', periode: 'totaal', omvang: [1, 1], tarief: [300, 900], maanden: [1, 2] },
    { naam: 'Tegemoetkoming meerkosten chronisch zieken', w: 0.08, eenheid: 'euro', periode: 'jaar', omvang: [300, 500], tarief: [1, 1], maanden: [12, 12] },
  ],
};

/** Goals per leefgebied: what the resident wants to reach, and how that is measured. */
const DOELEN: Record<Leefgebied, readonly (readonly [string, string])[]> = {
  huisvesting: [['Veilig en zelfstandig blijven wonen', 'Woning is aangepast en schoon; geen valincidenten'], ['Huurachterstand voorkomen', 'Huur wordt elke maand op tijd betaald']],
  financien: [['Grip op geld en rekeningen', 'Overzicht van inkomsten en uitgaven; geen nieuwe achterstanden'], ['Schulden stabiliseren', 'Alle schuldeisers in beeld; afbetaalregeling loopt']],
  sociaalFunctioneren: [['Minder alleen zijn', 'Minstens twee keer per week contact met anderen'], ['Rust in het gezin', 'Minder ruzie thuis; afspraken worden nagekomen']],
  psychischFunctioneren: [['Meer rust in het hoofd', 'Slaapt beter; minder piekeren volgens eigen oordeel'], ['Weer grip op de dag', 'Vaste dagstructuur die de inwoner zelf volhoudt']],
  zingeving: [['Weer iets te doen hebben dat ertoe doet', 'Neemt wekelijks deel aan een activiteit naar keuze']],
  lichamelijkFunctioneren: [['Zelfstandig verplaatsen', 'Kan zelf boodschappen doen en naar de huisarts'], ['Minder vallen', 'Geen valincidenten in drie maanden']],
  praktischFunctioneren: [['Huishouden op orde', 'Woning is schoon en de was is gedaan'], ['Zelf de post en afspraken bijhouden', 'Geen gemiste afspraken of brieven']],
  dagbesteding: [['Een zinvolle daginvulling', 'Drie dagdelen per week dagbesteding, werk of school'], ['Weer aan het werk', 'Betaald of vrijwilligerswerk, minstens 12 uur per week']],
};
const EIGEN_KRACHT: Record<Leefgebied, readonly string[]> = {
  huisvesting: ['Ruimt zelf de looproutes in huis vrij', 'Vraagt zelf de woningcorporatie om een kleine aanpassing'],
  financien: ['Zet zelf inkomsten en uitgaven op een rij', 'Belt zelf de schuldeisers voor een regeling'],
  sociaalFunctioneren: ['Belt wekelijks zelf een vriend of familielid', 'Gaat zelf naar de koffieochtend in de buurt'],
  psychischFunctioneren: ['Houdt een vast dagritme aan', 'Wandelt dagelijks een half uur'],
  zingeving: ['Zoekt zelf een hobby of club uit', 'Pakt een oude hobby weer op'],
  lichamelijkFunctioneren: ['Doet dagelijks de oefeningen van de fysiotherapeut', 'Leent zelf een hulpmiddel bij de thuiszorgwinkel'],
  praktischFunctioneren: ['Maakt een weekplanning voor het huishouden', 'Zet afspraken in de agenda op de telefoon'],
  dagbesteding: ['Solliciteert zelf op twee vacatures per week', 'Zoekt zelf een vrijwilligersplek'],
};
const NETWERK: readonly (readonly [string, string])[] = [
  ['Dochter', 'Dochter helpt wekelijks met boodschappen en de post'], ['Zoon', 'Zoon rijdt mee naar afspraken'], ['Buurvrouw', 'Buurvrouw komt dagelijks even langs'],
  ['Partner', 'Partner neemt een deel van de zorg en het huishouden over'], ['Broer', 'Broer helpt met de administratie'], ['Vriendin', 'Vriendin gaat wekelijks mee naar een activiteit'],
  ['Grootouders', 'Grootouders vangen de kinderen twee middagen per week op'], ['Kerkgemeenschap', 'Bezoekgroep van de kerk komt om de week langs'],
];

async function inBatches<T>(rijen: T[], grootte: number, fn: (batch: T[]) => Promise<void>, voortgang?: (n: number) => void) {
  for (let i = 0; i < rijen.length; i += grootte) {
    await fn(rijen.slice(i, i + grootte));
    voortgang?.(Math.min(rijen.length, i + grootte));
  }
}

const kies = <T>(rnd: () => number, mix: Mix<T>): T => {
  let r = rnd();
  for (const [v, p] of mix) { if ((r -= p) < 0) return v; }
  return mix[mix.length - 1]![0];
};

// Days as integers: the generator does date arithmetic millions of times.
const DAG = 86_400_000;
const dagnr = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAG;
const datum = (n: number) => new Date(n * DAG).toISOString().slice(0, 10);
const plus = (d: string, n: number) => datum(dagnr(d) + n);
const jarenTerug = (d: string, n: number) => {
  const x = `${Number(d.slice(0, 4)) - n}${d.slice(4)}`;
  return x.endsWith('-02-29') ? x.replace(/29$/, '28') : x;
};
const plusMaanden = (d: string, n: number) => {
  const j = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const dag = Math.min(Number(d.slice(8, 10)), 28);
  return `${j + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
};
const moment = (d: string, uur: number) => new Date(`${d}T${String(uur).padStart(2, '0')}:00:00Z`);

/** Runs tasks with at most `n` at a time. */
async function tegelijk(taken: (() => Promise<unknown>)[], n: number) {
  let volgende = 0;
  await Promise.all(Array.from({ length: Math.min(n, taken.length) }, async () => {
    while (volgende < taken.length) await taken[volgende++]!();
  }));
}

/**
 * Inserts rows of one table in batches as one array per column (insert … select from unnest):
 * a handful of parameters per batch instead of thousands, which both PostgreSQL and PGlite parse
 * and plan fast. Columns are those of the first row; their types come from the catalogue.
 */
async function schrijf(tx: Tx, tabel: keyof DB, rijen: Rij[], klaar: (n: number) => void) {
  if (!rijen.length) return;
  const kolommen = Object.keys(rijen[0]!);
  const typen = new Map((await sql<{ naam: string; type: string }>`
    select attname as naam, format_type(atttypid, atttypmod) as type from pg_attribute
    where attrelid = ${tabel}::regclass and attnum > 0 and not attisdropped`.execute(tx)).rows.map((r) => [r.naam, r.type]));
  for (const k of kolommen) if (!typen.has(k) || typen.get(k)!.endsWith('[]')) throw new Error(`Kolom ${tabel}.${k} kan niet via unnest worden geschreven`);
  // jsonb goes as one JSON document per column (cheaper than an array of escaped texts).
  const array = (k: string, b: Rij[]) => (typen.get(k) === 'jsonb'
    ? sql`(select array_agg(case when jsonb_typeof(j.v) = 'null' then null else j.v end order by j.n) from jsonb_array_elements(${JSON.stringify(b.map((r) => r[k] ?? null))}::jsonb) with ordinality as j(v, n))`
    : sql`${b.map((r) => (r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k] ?? null))}::${sql.raw(`${typen.get(k) ?? 'text'}[]`)}`);
  await inBatches(rijen, 10_000, async (b) => {
    const arrays = kolommen.map((k) => array(k, b));
    await sql`insert into ${sql.table(tabel)} (${sql.join(kolommen.map((k) => sql.ref(k)))}) select * from unnest(${sql.join(arrays)})`.execute(tx);
    klaar(b.length);
  });
}

interface Cat { id: string; naam: string; domein: string; trede: number; leefgebieden: string[]; aanbieder: string; limiet: { eenheid: 'uur' | 'euro'; waarde: number } | null }
type Persoon = { id: string; huishouden: string; geboortedatum: string; wijk: string };
type ItemTrek = { trede: 1 | 2 | 3 | 4; cat: Cat | null; omschrijving: string | null; motivering: string | null; verantwoordelijke: string; omvang: number | null; omvangEenheid: 'uur' | 'euro' | null; product: ProductTrek | null };
type DoelTrek = { leefgebied: Leefgebied; omschrijving: string; meetbaar: string; streefdatum: string; items: ItemTrek[]; passend: boolean; status: DoelStatus; bijEvaluatie: DoelStatus | null };
type ProductTrek = {
  id: string; profiel: Profiel; cat: Cat; wet: Wet; uitkomst: 'toegekend' | 'deelsToegekend' | 'afgewezen'; omvang: number; tarief: number;
  ingang: string; einde: string | null; leveringsvorm: 'zin' | 'pgb'; jaarbedragCents: number;
};
interface Verloop {
  ontvangen: string; intake: string; sluit: string; begin: number[]; doelen: DoelTrek[]; wijze: 'mondeling' | 'schriftelijk' | 'digitaal';
  evaluatie: { gepland: string; gehouden: string | null; scores: number[] | null; besluit: EvaluatieBesluit | null } | null;
  aanvraag: { ingediend: string; besloten: string; wet: Wet; producten: ProductTrek[] } | null;
  tevreden: { datum: string; goed: boolean; cijfer: number } | null;
}

export async function genereerGemeente(db: Kysely<DB>, o: GeneratorOpties, voortgang: Voortgang = () => {}): Promise<GeneratorResultaat> {
  const f = new Factories(o.seed);
  const rnd = () => f.faker.number.float();
  const tussen = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const elk = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const van = jarenTerug(o.tot, o.jaren);
  const totNr = dagnr(o.tot);
  const vanNr = dagnr(van);
  const pilotVanaf = jarenTerug(o.tot, Math.min(2, o.jaren));
  const tellingen: Record<string, number> = {};

  // 1. The gemeente, its people and areas (owner).
  const aantalKernen = Math.max(2, Math.min(12, Math.round(o.inwoners / 12000)));
  const hash = o.wachtwoord ? await hashPassword(o.wachtwoord) : null;
  const bestaand = o.bestaandeGemeenteId;
  const basis = await db.transaction().execute(async (tx) => {
    const gemeenteId = bestaand ?? (await tx.insertInto('gemeenten').values({ code: o.code, naam: o.naam }).returning('id').executeTakeFirstOrThrow()).id;
    const teams = bestaand
      ? await tx.selectFrom('teams').select('id').where('gemeente_id', '=', bestaand).orderBy('naam').execute()
      : await tx.insertInto('teams').values(Array.from({ length: Math.max(1, Math.ceil(aantalKernen / 3)) }, (_, i) => ({ gemeente_id: gemeenteId, naam: `Wijkteam ${i + 1}` })))
        .returning('id').execute();
    if (teams.length === 0) throw new Error('De gemeente heeft geen teams');
    // About one casusregisseur per 800 residents: a caseload of some 30–40 open casussen each.
    const aantalRegisseurs = Math.max(2, Math.round(o.inwoners / 800));
    const mensen = [
      ...Array.from({ length: aantalRegisseurs }, (_, i) => ({ gebruikersnaam: `${o.code}-regisseur${i + 1}`, naam: f.faker.person.fullName(), rollen: ['regisseur'], team_id: teams[i % teams.length]!.id })),
      ...Array.from({ length: Math.max(2, Math.round(aantalRegisseurs / 6)) }, (_, i) => ({ gebruikersnaam: `${o.code}-beslisser${i + 1}`, naam: f.faker.person.fullName(), rollen: ['beslisser'], team_id: null })),
      ...(bestaand ? [] : [
        { gebruikersnaam: `${o.code}-beleid`, naam: f.faker.person.fullName(), rollen: ['beleid'], team_id: null },
        { gebruikersnaam: `${o.code}-teamleider`, naam: f.faker.person.fullName(), rollen: ['teamleider'], team_id: teams[0]!.id },
      ]),
    ];
    const gebruikers = await tx.insertInto('gebruikers').values(mensen.map((m) => ({ gemeente_id: gemeenteId, ...m, wachtwoord_hash: hash }))).returning(['id', 'gebruikersnaam', 'rollen']).execute();
    const volgorde = new Map(mensen.map((m, i) => [m.gebruikersnaam, i]));
    gebruikers.sort((a, b) => volgorde.get(a.gebruikersnaam)! - volgorde.get(b.gebruikersnaam)!);
    const wijken: { id: string; naam: string; kern: string }[] = [];
    if (bestaand) {
      f.bezet((await tx.selectFrom('personen').select('bsn').where('gemeente_id', '=', bestaand).execute()).map((p) => p.bsn));
      wijken.push(...await tx.selectFrom('wijken as w').innerJoin('kernen as k', 'k.id', 'w.kern_id').select(['w.id', 'w.naam', 'k.naam as kern'])
        .where('w.gemeente_id', '=', bestaand).orderBy('k.naam').orderBy('w.naam').execute());
      if (wijken.length === 0) throw new Error('De gemeente heeft geen wijken');
    }
    for (let k = 0; k < (bestaand ? 0 : aantalKernen); k++) {
      const naam = k === 0 ? o.naam : `${f.faker.location.city()} ${k}`;
      const kern = await tx.insertInto('kernen').values({ gemeente_id: gemeenteId, naam }).returning('id').executeTakeFirstOrThrow();
      const aantalWijken = 2 + Math.floor(rnd() * 5);
      const namen = Array.from({ length: aantalWijken }, (_, w) => `${naam}-${['Noord', 'Oost', 'Zuid', 'West', 'Centrum', 'Buiten'][w]}`);
      const rows = await tx.insertInto('wijken').values(namen.map((n) => ({ gemeente_id: gemeenteId, kern_id: kern.id, naam: n }))).returning(['id', 'naam']).execute();
      wijken.push(...namen.map((n) => ({ id: rows.find((r) => r.naam === n)!.id, naam: n, kern: naam })));
    }
    return { gemeenteId, regisseurs: gebruikers.filter((g) => g.rollen.includes('regisseur')).map((g) => g.id), beslissers: gebruikers.filter((g) => g.rollen.includes('beslisser')).map((g) => g.id), wijken };
  });
  const { gemeenteId } = basis;
  const pilot = basis.wijken[0]!;

  if (!bestaand) await inGemeente(db, gemeenteId, async (tx) => {
    const { insertInstrumenten } = await import('../contexts/gesprek/store.ts');
    await insertInstrumenten(tx, gemeenteId, STANDAARD_INSTRUMENTEN);
    await tx.insertInto('catalogus_items').values(DEMO_CATALOGUS.map(({ kernen: _k, ...i }) => ({
      gemeente_id: gemeenteId, naam: i.naam, omschrijving: i.omschrijving, domein: i.domein, trede: i.trede, leefgebieden: i.leefgebieden, kern_ids: [],
      aanbieder: i.aanbieder, beschikking_nodig: i.beschikkingNodig, limiet_eenheid: i.limiet?.eenheid ?? null, limiet_waarde: i.limiet?.waarde ?? null, zoekwoorden: i.zoekwoorden,
    }))).execute();
  });

  // 2. Households and residents.
  const personen: Persoon[] = [];
  const huishoudens: { id: string; wijk: string; leden: number }[] = [];
  let n = 0;
  while (n < o.inwoners) {
    const leden = Math.min(o.inwoners - n, kies(rnd, [[1, 0.38], [2, 0.33], [3, 0.12], [4, 0.12], [5, 0.05]] as const));
    huishoudens.push({ id: crypto.randomUUID(), wijk: f.faker.helpers.arrayElement(basis.wijken).id, leden });
    n += leden;
  }
  voortgang('huishoudens en inwoners', 0, o.inwoners);
  await inGemeente(db, gemeenteId, async (tx) => {
    await schrijf(tx, 'huishoudens', huishoudens.map((h) => ({ id: h.id, gemeente_id: gemeenteId })), () => {});
    const rijen = huishoudens.flatMap((h) => Array.from({ length: h.leden }, (_, i) => {
      const p = f.persoon(i >= 2 ? { geboortedatum: f.datum('2006-01-01', '2024-12-31') } : { geboortedatum: f.datum('1925-01-01', '2004-12-31') });
      const id = crypto.randomUUID();
      personen.push({ id, huishouden: h.id, geboortedatum: p.geboortedatum, wijk: h.wijk });
      return { id, gemeente_id: gemeenteId, ...p, wijk_id: h.wijk, huishouden_id: h.id, straat: null, huisnummer: null, postcode: null, woonplaats: null };
    }));
    let k = 0;
    await schrijf(tx, 'personen', rijen, (b) => voortgang('huishoudens en inwoners', (k += b), o.inwoners));
  });
  tellingen.inwoners = personen.length;
  tellingen.huishoudens = huishoudens.length;

  // 3. The catalogue as the generator needs it, in the catalogue's own order (deterministic).
  const instrument = await inGemeente(db, gemeenteId, (tx) => tx.selectFrom('instrumenten').select('id').where('standaard', '=', true).executeTakeFirstOrThrow());
  const ids = new Map((await inGemeente(db, gemeenteId, (tx) => tx.selectFrom('catalogus_items').select(['id', 'naam']).execute())).map((r) => [r.naam, r.id]));
  const catalogus: Cat[] = DEMO_CATALOGUS.map((c) => ({ id: ids.get(c.naam)!, naam: c.naam, domein: c.domein, trede: c.trede, leefgebieden: c.leefgebieden, aanbieder: c.aanbieder, limiet: c.limiet }));
  const catVan = new Map(catalogus.map((c) => [c.naam, c]));
  for (const lijst of Object.values(PROFIELEN)) for (const p of lijst) if (!catVan.has(p.naam)) throw new Error(`Product '${p.naam}' ontbreekt in de democatalogus`);
  const voorliggend = catalogus.filter((c) => c.trede === 3);

  // 4. People by age, for who makes which melding.
  const jaarTot = Number(o.tot.slice(0, 4));
  const ouderen = personen.filter((p) => p.geboortedatum < `${jaarTot - 65}-01-01`);
  const kinderen = personen.filter((p) => p.geboortedatum >= `${jaarTot - 17}-01-01`);
  const werkend = personen.filter((p) => p.geboortedatum >= `${jaarTot - 66}-01-01` && p.geboortedatum < `${jaarTot - 17}-01-01`);
  const kiesPersoon = (wet: Wet, op: string): Persoon => {
    const pool = wet === 'wmo' && ouderen.length && rnd() < 0.8 ? ouderen
      : wet === 'jeugdwet' && kinderen.length && rnd() < 0.85 ? kinderen
        : (wet === 'participatiewet' || wet === 'schuldhulp') && werkend.length && rnd() < 0.85 ? werkend : personen;
    for (let i = 0; i < 8; i++) {
      const p = elk(pool);
      if (p.geboortedatum < op) return p;
    }
    return elk(ouderen.length ? ouderen : personen);
  };

  // 5. The course of one casus, drawn as data first (so the warm-up can keep only what still runs).
  const fractie = (d: string) => Math.min(1, Math.max(0, (dagnr(d) - vanNr) / (totNr - vanNr)));
  // The last day of a term depends only on its start and duration (the Atw is costly): computed once per day.
  const einden = new Map<string, string>();
  const termijnEinde = (regel: TermijnRegel, start: string) => {
    const sleutel = `${regel.duur.eenheid}${regel.duur.aantal}${start}`;
    let e = einden.get(sleutel);
    if (!e) einden.set(sleutel, (e = berekenTermijn({ soort: 'beschikking', startdatum: start, duur: regel.duur, opschortingen: [], verdaging: null, afgerondOp: null }, start).uitersteDatum));
    return e;
  };

  const trekProduct = (wet: Exclude<Wet, 'onbekend'>, profiel: Profiel, besloten: string): ProductTrek => {
    const r = rnd();
    const uitkomst = r < 0.1 ? 'afgewezen' : r < 0.17 ? 'deelsToegekend' : 'toegekend';
    const stap = profiel.omvang[1] >= 500 ? 50 : profiel.omvang[1] >= 100 ? 10 : 1;
    let omvang = profiel.omvang[0] + stap * Math.floor(rnd() * ((profiel.omvang[1] - profiel.omvang[0]) / stap + 1));
    const eenmalig = profiel.periode === 'totaal';
    let tarief = eenmalig ? Math.round((profiel.tarief[0] + rnd() * (profiel.tarief[1] - profiel.tarief[0])) / 10) * 10
      : Math.round((profiel.tarief[0] + rnd() * (profiel.tarief[1] - profiel.tarief[0])) * 100) / 100;
    if (uitkomst === 'deelsToegekend') {
      if (eenmalig) tarief = Math.round((tarief * (0.5 + rnd() * 0.3)) / 10) * 10;
      else if (profiel.omvang[0] < profiel.omvang[1]) omvang = Math.max(1, Math.round((omvang * (0.6 + rnd() * 0.2)) / stap) * stap);
      else tarief = Math.round(tarief * (0.7 + rnd() * 0.2) * 100) / 100;
    }
    const ingang = rnd() < 0.7 ? besloten : plus(besloten, tussen(1, 14));
    let einde: string | null;
    if (profiel.open && rnd() < profiel.open.kans) {
      // Open-ended: runs until the resident no longer needs it (moves, dies, recovers).
      const werkelijk = plus(ingang, 60 + Math.round(-Math.log(1 - rnd()) * profiel.open.jaren * 365));
      einde = werkelijk <= o.tot ? werkelijk : null;
    } else einde = plus(plusMaanden(ingang, tussen(profiel.maanden[0], profiel.maanden[1])), -1);
    return {
      id: crypto.randomUUID(), profiel, cat: catVan.get(profiel.naam)!, wet, uitkomst, omvang, tarief, ingang, einde,
      leveringsvorm: profiel.zorg && rnd() < 0.15 ? 'pgb' : 'zin',
      jaarbedragCents: uitkomst === 'afgewezen' ? 0 : Math.round(omvang * PERIODES_PER_JAAR[profiel.periode] * tarief * 100),
    };
  };

  const trekVerloop = (wet: Wet, ontvangen: string, inPilot: boolean, aanloop: boolean): Verloop | null => {
    const intake = plus(ontvangen, tussen(3, 22));
    const pilotNu = inPilot && intake >= pilotVanaf;
    // Maatwerk: less over the years, less in the pilot wijk once the pilot runs. The warm-up only
    // needs the courses that end in maatwerk.
    const maatwerk = rnd() < MAATWERK_KANS[wet] * (1 - MAATWERK_DALING * (aanloop ? 0 : fractie(intake))) * (pilotNu ? PILOT_MAATWERK : 1);
    if (aanloop && !maatwerk) return null;
    const zwak = ZWAK_PER_WET[wet];
    const begin = LEEFGEBIEDEN.map((l) => Math.max(1, 1 + Math.floor(rnd() * 4) - (zwak.includes(l) && rnd() < 0.6 ? 1 : 0)));
    const volgorde = LEEFGEBIEDEN.map((l, i) => ({ l, s: begin[i]! + (zwak.includes(l) ? 0 : 0.5) + rnd() * 0.4 })).sort((a, b) => a.s - b.s);
    const aantalDoelen = 1 + (rnd() < 0.55 ? 1 : 0) + (rnd() < 0.2 ? 1 : 0);
    const doelen: DoelTrek[] = volgorde.slice(0, aantalDoelen).map(({ l }) => {
      const [omschrijving, meetbaar] = elk(DOELEN[l]);
      return { leefgebied: l, omschrijving, meetbaar, streefdatum: plusMaanden(intake, tussen(6, 12)), items: [], passend: false, status: 'lopend', bijEvaluatie: null };
    });
    // The ladder, bottom-up: own strength, network, voorliggend veld; each step up is motivated.
    for (const d of doelen) {
      if (rnd() < 0.85) d.items.push({ trede: 1, cat: null, omschrijving: elk(EIGEN_KRACHT[d.leefgebied]), motivering: null, verantwoordelijke: 'Inwoner', omvang: null, omvangEenheid: null, product: null });
      if (rnd() < (pilotNu ? 0.66 : 0.42)) {
        const [wie, wat] = elk(NETWERK);
        d.items.push({ trede: 2, cat: null, omschrijving: wat, motivering: 'Wat de inwoner zelf kan, is niet genoeg; het netwerk kan en wil bijspringen.', verantwoordelijke: wie, omvang: null, omvangEenheid: null, product: null });
      }
      if (rnd() < (pilotNu ? 0.74 : 0.5)) {
        const passend = voorliggend.filter((c) => (c.domein === 'voorliggend' || c.domein === wet) && c.leefgebieden.includes(d.leefgebied));
        const cat = passend.length ? elk(passend) : rnd() < 0.4 ? elk(voorliggend) : null;
        if (cat) {
          d.items.push({
            trede: 3, cat, omschrijving: null, motivering: 'Eigen kracht en netwerk volstaan niet; deze algemene voorziening sluit aan op het doel.', verantwoordelijke: cat.aanbieder,
            omvang: cat.limiet ? Math.max(1, Math.min(cat.limiet.waarde, cat.limiet.eenheid === 'uur' ? tussen(1, 3) : tussen(5, 15) * 100)) : null, omvangEenheid: cat.limiet?.eenheid ?? null, product: null,
          });
          if (cat.leefgebieden.includes(d.leefgebied)) d.passend = true;
        }
      }
    }
    let aanvraag: Verloop['aanvraag'] = null;
    if (maatwerk) {
      const wetM: Exclude<Wet, 'onbekend'> = wet === 'onbekend' ? kies(rnd, [['wmo', 0.5], ['participatiewet', 0.2], ['schuldhulp', 0.15], ['minima', 0.15]] as const) : wet;
      const ingediend = plus(intake, tussen(5, 25));
      const regel = (STANDAARD_TERMIJNEN[wetM] as { beschikking: TermijnRegel }).beschikking;
      const uiterste = termijnEinde(regel, ingediend);
      const termijnDagen = dagnr(uiterste) - dagnr(ingediend);
      // Mostly within the term, often towards its end; about one in ten late.
      const besloten = rnd() < 0.1 ? plus(uiterste, tussen(1, 35)) : plus(ingediend, Math.max(1, Math.round(termijnDagen * (0.3 + 0.7 * Math.sqrt(rnd())))));
      const profielen = PROFIELEN[wetM];
      const aantal = rnd() < 0.15 ? 2 : 1;
      const producten: ProductTrek[] = [];
      for (let k = 0; k < aantal; k++) {
        const kandidaten = profielen.filter((p) => !producten.some((x) => x.profiel === p));
        const gewicht = (p: Profiel) => p.w * (doelen.some((d) => catVan.get(p.naam)!.leefgebieden.includes(d.leefgebied)) ? 3 : 1);
        let r = rnd() * kandidaten.reduce((s, p) => s + gewicht(p), 0);
        const profiel = kandidaten.find((p) => (r -= gewicht(p)) < 0) ?? kandidaten[kandidaten.length - 1]!;
        const product = trekProduct(wetM, profiel, besloten);
        producten.push(product);
        const doel = doelen.find((d) => product.cat.leefgebieden.includes(d.leefgebied)) ?? doelen[0]!;
        doel.items.push({
          trede: 4, cat: product.cat, omschrijving: null, verantwoordelijke: product.cat.aanbieder, product,
          motivering: 'Eigen kracht, het netwerk en de algemene voorzieningen zijn geprobeerd en volstaan niet; deze maatwerkvoorziening is nodig om het doel te halen.',
          omvang: profiel.eenheid === 'uur' ? product.omvang : null, omvangEenheid: profiel.eenheid === 'uur' ? 'uur' : null,
        });
        if (product.uitkomst !== 'afgewezen' && product.cat.leefgebieden.includes(doel.leefgebied)) doel.passend = true;
      }
      aanvraag = { ingediend, besloten, wet: wetM, producten };
    }
    for (const d of doelen) if (!d.items.length) d.items.push({ trede: 1, cat: null, omschrijving: elk(EIGEN_KRACHT[d.leefgebied]), motivering: null, verantwoordelijke: 'Inwoner', omvang: null, omvangEenheid: null, product: null });

    // Evaluation after about half a year; a quarter of the trajectories end sooner without one.
    const gepland = plus(intake, tussen(150, 210));
    let evaluatie: Verloop['evaluatie'] = null;
    let sluit: string;
    let tevreden: Verloop['tevreden'] = null;
    const allesAfgewezen = !!aanvraag && aanvraag.producten.every((p) => p.uitkomst === 'afgewezen');
    const goedKans = (op: string) => Math.min(0.97, 0.8 + (doelen.some((d) => d.passend) ? 0.06 : -0.1) - (allesAfgewezen ? 0.2 : 0) + (inPilot && op >= pilotVanaf ? 0.05 : 0));
    const antwoord = (op: string) => {
      const goed = rnd() < goedKans(op);
      return { datum: op, goed, cijfer: goed ? 7 + (rnd() < 0.45 ? 1 : 0) + (rnd() < 0.2 + (inPilot && op >= pilotVanaf ? 0.1 : 0) ? 1 : 0) : 4 + Math.floor(rnd() * 3) };
    };
    const kort = rnd() < 0.25;
    if (kort) {
      sluit = plus(intake, tussen(60, 140));
      for (const d of doelen) d.status = kies(rnd, d.passend ? [['behaald', 0.55], ['deels', 0.3], ['vervallen', 0.15]] : [['behaald', 0.4], ['deels', 0.35], ['vervallen', 0.25]]);
    } else {
      const gehouden = plus(gepland, tussen(-5, 14));
      const pilotEval = inPilot && gehouden >= pilotVanaf;
      const scores = begin.map((s, i) => {
        const doel = doelen.find((d) => d.leefgebied === LEEFGEBIEDEN[i]);
        const mix = !doel ? (pilotEval ? ZRM_PILOT_OVERIG : ZRM_GEWOON) : pilotEval ? (doel.passend ? ZRM_PILOT_PASSEND : ZRM_PILOT) : doel.passend ? ZRM_PASSEND : ZRM_GEWOON;
        return Math.max(1, Math.min(5, s + kies(rnd, mix)));
      });
      for (const d of doelen) {
        const i = LEEFGEBIEDEN.indexOf(d.leefgebied);
        const na = scores[i]!;
        d.bijEvaluatie = na >= 4 || na - begin[i]! >= 2 ? 'behaald' : na - begin[i]! === 1 ? 'deels' : 'nietBehaald';
      }
      const st = doelen.map((d) => d.bijEvaluatie);
      const r = rnd();
      const besluit: EvaluatieBesluit = st.every((s) => s === 'behaald') ? (r < 0.9 ? 'afsluiten' : 'voortzetten')
        : st.includes('nietBehaald') ? (r < 0.55 ? 'aanpassen' : r < 0.85 ? 'voortzetten' : 'afsluiten') : r < 0.5 ? 'afsluiten' : 'voortzetten';
      sluit = plus(gehouden, besluit === 'afsluiten' ? tussen(0, 30) : besluit === 'voortzetten' ? tussen(60, 200) : tussen(90, 240));
      const gedaan = gehouden <= o.tot;
      evaluatie = { gepland, gehouden: gedaan ? gehouden : null, scores: gedaan ? scores : null, besluit: gedaan ? besluit : null };
      const planOpen = sluit > o.tot;
      for (const d of doelen) d.status = !gedaan ? 'lopend' : planOpen && besluit !== 'afsluiten' && d.bijEvaluatie !== 'behaald' ? 'lopend' : d.bijEvaluatie!;
      if (gedaan && rnd() < 0.5) tevreden = antwoord(gehouden);
    }
    // A casus does not close before its request is decided.
    if (aanvraag && sluit < plus(aanvraag.besloten, 7)) sluit = plus(aanvraag.besloten, tussen(7, 30));
    if (kort && rnd() < 0.3) tevreden = antwoord(sluit);
    if (sluit > o.tot) for (const d of doelen) if (d.status === 'vervallen' || (d.status !== 'lopend' && !evaluatie?.gehouden)) d.status = 'lopend';
    return { ontvangen, intake, sluit, begin, doelen, evaluatie, aanvraag, tevreden, wijze: kies(rnd, [['mondeling', 0.45], ['schriftelijk', 0.25], ['digitaal', 0.3]] as const) };
  };

  // 6. Rows.
  const meldingen: Rij[] = [];
  const historie: Rij[] = [];
  const casussen: Rij[] = [];
  const termijnen: Rij[] = [];
  const gesprekken: Rij[] = [];
  const scores: Rij[] = [];
  const tevredenheid: Rij[] = [];
  const plannen: Rij[] = [];
  const planVersies: Rij[] = [];
  const doelRijen: Rij[] = [];
  const items: Rij[] = [];
  const evaluaties: Rij[] = [];
  const aanvragen: Rij[] = [];
  const aanvraagHistorie: Rij[] = [];
  const aanvraagProducten: Rij[] = [];
  const beschikkingen: Rij[] = [];
  const beschikkingProducten: Rij[] = [];
  const volg: Record<string, number> = {};
  // In an existing gemeente the numbers continue after its own (nummering per soort and year).
  const eigenNummers = bestaand ? await inGemeente(db, gemeenteId, (tx) => tx.selectFrom('nummering').select(['soort', 'jaar', 'laatste']).execute()) : [];
  for (const r of eigenNummers) volg[`${r.soort}${r.jaar}`] = Number(r.laatste);
  const nummer = (soort: string, jaar: number) => (volg[`${soort}${jaar}`] = (volg[`${soort}${jaar}`] ?? 0) + 1);
  const openCasus = new Map<string, { id: string; tot: string }>();
  let beurt = 0; // round-robin over the beslissers
  const termijn = (soort: 'onderzoek' | 'eersteGesprek' | 'beschikking', wet: Wet, regel: TermijnRegel, start: string, afgerond: string | null, ids: { melding_id?: string; aanvraag_id?: string }) => {
    const klaar = afgerond && afgerond <= o.tot ? afgerond : null;
    const uiterste = termijnEinde(regel, start);
    const stand = klaar ? { uitersteDatum: uiterste, status: klaar <= uiterste ? 'afgerondBinnenTermijn' : 'afgerondNaTermijn' }
      : berekenTermijn({ soort, startdatum: start, duur: regel.duur, opschortingen: [], verdaging: null, afgerondOp: null }, o.tot);
    termijnen.push({
      gemeente_id: gemeenteId, melding_id: ids.melding_id ?? null, aanvraag_id: ids.aanvraag_id ?? null, soort, wet, startdatum: start, duur_eenheid: regel.duur.eenheid,
      duur_aantal: regel.duur.aantal, grondslag: regel.grondslag, afgerond_op: klaar, uiterste_datum: stand.uitersteDatum,
      opgeschort_dagen: 0, status: stand.status, berekend_op: o.tot,
    });
  };
  const deelnemers = [{ rol: 'inwoner', naam: 'Inwoner' }];
  const eigenBijdrage = STANDAARD_BESLUIT_INSTELLINGEN.eigenBijdrage;

  /** Writes a drawn course as rows of a new casus; returns the casus id. */
  const schrijfVerloop = (v: Verloop, persoon: Persoon): string => {
    const casusId = crypto.randomUUID();
    const jaar = Number(v.ontvangen.slice(0, 4));
    const regisseur = elk(basis.regisseurs);
    const gesloten = v.sluit <= o.tot;
    casussen.push({
      id: casusId, gemeente_id: gemeenteId, nummer: casusNummer(jaar, nummer('casus', jaar)), huishouden_id: persoon.huishouden, wijk_id: persoon.wijk,
      regisseur_id: regisseur, status: gesloten ? 'gesloten' : 'open', gesloten_op: gesloten ? moment(v.sluit, 12) : null, geopend_op: moment(v.ontvangen, 10),
    });
    openCasus.set(persoon.huishouden, { id: casusId, tot: v.sluit });
    if (v.intake > o.tot) return casusId;

    // The keukentafelgesprek and the plan the resident agreed to.
    const intakeId = crypto.randomUUID();
    gesprekken.push({ id: intakeId, gemeente_id: gemeenteId, casus_id: casusId, datum: v.intake, plek: rnd() < 0.8 ? 'thuis' : 'kantoor', instrument_id: instrument.id, soort: 'intake',
      deelnemers, gevoerd_door: regisseur, verslag_verzonden_op: moment(v.intake, 15) });
    v.begin.forEach((score, d) => scores.push({ gesprek_id: intakeId, gemeente_id: gemeenteId, domein: LEEFGEBIEDEN[d], score }));
    const planId = crypto.randomUUID();
    const aangepast = v.evaluatie?.besluit === 'aanpassen';
    plannen.push({ id: planId, gemeente_id: gemeenteId, casus_id: casusId, huishouden_id: persoon.huishouden, versie: aangepast ? 2 : 1, status: gesloten ? 'gesloten' : 'actief',
      instemming_datum: v.intake, instemming_wijze: v.wijze, aangemaakt_op: moment(v.intake, 14), gewijzigd_op: moment(gesloten ? v.sluit : v.evaluatie?.gehouden ?? v.intake, 14) });
    const doelIds = v.doelen.map(() => crypto.randomUUID());
    // A summary of the plan as agreed: the goals and what is deployed for them, rung by rung.
    const inhoud = {
      doelen: v.doelen.map((d) => ({ leefgebied: d.leefgebied, omschrijving: d.omschrijving, arrangement: d.items.map((i) => [i.trede, i.cat?.naam ?? i.omschrijving]) })),
    };
    planVersies.push({ plan_id: planId, gemeente_id: gemeenteId, versie: 1, inhoud, reden: 'Plan opgesteld', door: regisseur, moment: moment(v.intake, 14) });
    if (aangepast) planVersies.push({ plan_id: planId, gemeente_id: gemeenteId, versie: 2, inhoud: { doelen: inhoud.doelen.map((d, i) => ({ ...d, status: v.doelen[i]!.bijEvaluatie })) }, reden: 'Plan aangepast na evaluatie', door: regisseur, moment: moment(v.evaluatie!.gehouden!, 16) });
    const itemIds = new Map<ProductTrek, string>();
    v.doelen.forEach((d, k) => {
      doelRijen.push({ id: doelIds[k], gemeente_id: gemeenteId, plan_id: planId, leefgebied: d.leefgebied, omschrijving: d.omschrijving, meetbaar_resultaat: d.meetbaar,
        streefdatum: d.streefdatum, status: d.status, aangemaakt_op: moment(v.intake, 14) });
      for (const i of d.items) {
        const id = crypto.randomUUID();
        let status: 'ingezet' | 'aanvraagNodig' | 'beeindigd' = gesloten ? 'beeindigd' : 'ingezet';
        let einddatum: string | null = gesloten ? v.sluit : null;
        if (i.product) {
          itemIds.set(i.product, id);
          const besloten = v.aanvraag!.besloten <= o.tot;
          status = !besloten ? 'aanvraagNodig' : i.product.uitkomst === 'afgewezen' ? 'beeindigd' : 'ingezet';
          einddatum = !besloten ? null : i.product.uitkomst === 'afgewezen' ? v.aanvraag!.besloten : i.product.einde;
        }
        items.push({ id, gemeente_id: gemeenteId, plan_id: planId, doel_id: doelIds[k], trede: i.trede, catalogus_item_id: i.cat?.id ?? null, omschrijving: i.omschrijving,
          motivering: i.motivering, verantwoordelijke: i.verantwoordelijke, omvang: i.omvang, omvang_eenheid: i.omvangEenheid, startdatum: v.intake, einddatum, status,
          toegevoegd_door: regisseur, aangemaakt_op: moment(v.intake, 14) });
      }
    });

    // The evaluation: new scores, goal statuses and a decision on the plan.
    if (v.evaluatie && (v.evaluatie.gehouden || !gesloten)) {
      let gesprekId: string | null = null;
      if (v.evaluatie.gehouden) {
        gesprekId = crypto.randomUUID();
        gesprekken.push({ id: gesprekId, gemeente_id: gemeenteId, casus_id: casusId, datum: v.evaluatie.gehouden, plek: rnd() < 0.7 ? 'thuis' : 'kantoor', instrument_id: instrument.id,
          soort: 'evaluatie', deelnemers, gevoerd_door: regisseur, verslag_verzonden_op: moment(v.evaluatie.gehouden, 15) });
        v.evaluatie.scores!.forEach((score, d) => scores.push({ gesprek_id: gesprekId, gemeente_id: gemeenteId, domein: LEEFGEBIEDEN[d], score }));
      }
      evaluaties.push({ id: crypto.randomUUID(), gemeente_id: gemeenteId, plan_id: planId, gepland_op: v.evaluatie.gepland, gehouden_op: v.evaluatie.gehouden, gesprek_id: gesprekId,
        besluit: v.evaluatie.besluit, toelichting: v.evaluatie.besluit ? { voortzetten: 'Het plan loopt door zoals afgesproken.', aanpassen: 'Doelen en inzet bijgesteld.', afsluiten: 'De doelen zijn voldoende bereikt; het plan wordt afgesloten.' }[v.evaluatie.besluit] : null,
        doelstatussen: v.evaluatie.gehouden ? Object.fromEntries(v.doelen.map((d, k) => [doelIds[k], d.bijEvaluatie])) : null, door: v.evaluatie.gehouden ? regisseur : null });
    }
    if (v.tevreden && v.tevreden.datum <= o.tot) tevredenheid.push({ gemeente_id: gemeenteId, casus_id: casusId, datum: v.tevreden.datum, goed_geholpen: v.tevreden.goed, cijfer: v.tevreden.cijfer });

    // The request for maatwerk, with four eyes, and the decision.
    const a = v.aanvraag;
    if (a && a.ingediend <= o.tot) {
      const aanvraagId = crypto.randomUUID();
      const b = basis.beslissers;
      const [toetser, beoordelaar, beslisser] = [b[beurt % b.length]!, b[(beurt + 1) % b.length]!, b[(beurt + (b.length > 2 ? 2 : 0)) % b.length]!];
      beurt++;
      const besloten = a.besloten <= o.tot;
      const span = dagnr(a.besloten) - dagnr(a.ingediend);
      const getoetst = plus(a.ingediend, Math.floor(span * 0.25));
      const beoordeeld = plus(a.ingediend, Math.floor(span * 0.65));
      const status = besloten ? 'verzonden' : o.tot >= beoordeeld ? 'beoordeeld' : o.tot >= getoetst ? 'getoetst' : 'ingediend';
      const stap = ['ingediend', 'getoetst', 'beoordeeld', 'besloten', 'verzonden'].indexOf(status);
      const toegekendCents = a.producten.reduce((s, p) => s + p.jaarbedragCents, 0);
      const tweede = besloten && toegekendCents > STANDAARD_BESLUIT_INSTELLINGEN.tweedeBeslisserVanafCents ? b.find((x) => x !== beslisser && x !== beoordelaar) ?? null : null;
      const besluit = { producten: a.producten.map((p) => ({ arrangementItemId: itemIds.get(p), uitkomst: p.uitkomst })), motivering: 'Gemotiveerd besluit.' };
      const ingediendJaar = Number(a.ingediend.slice(0, 4));
      aanvragen.push({ id: aanvraagId, gemeente_id: gemeenteId, nummer: `A-${ingediendJaar}-${String(nummer('aanvraag', ingediendJaar)).padStart(6, '0')}`, casus_id: casusId,
        huishouden_id: persoon.huishouden, persoon_id: persoon.id, bron: 'plan', ontvangen_op: a.ingediend, status, voorbereid_door: regisseur,
        getoetst_door: stap >= 1 ? toetser : null, toets: stap >= 1 ? { compleet: true, bevoegd: true } : null,
        beoordeeld_door: stap >= 2 ? beoordelaar : null, beoordeling: stap >= 2 ? 'De ladder is gevolgd; de voorziening past bij het doel.' : null,
        eerste_beslisser: tweede, eerste_besluit: tweede ? besluit : null, besloten_door: besloten ? beslisser : null, aangemaakt_op: moment(a.ingediend, 9) });
      const stappen: [string | null, string, string, string, string][] = [
        [null, 'ingediend', regisseur, a.ingediend, 'Aanvraag ingediend'], ['ingediend', 'getoetst', toetser, getoetst, 'Getoetst'],
        ['getoetst', 'beoordeeld', beoordelaar, beoordeeld, 'Beoordeeld'], ['beoordeeld', 'besloten', beslisser, a.besloten, tweede ? 'Besluit bevestigd door een tweede beslisser' : 'Besloten'],
        ['besloten', 'verzonden', beslisser, a.besloten, 'Beschikking verzonden'],
      ];
      stappen.slice(0, stap + 1).forEach(([vanS, naar, door, op, toelichting], k) =>
        aanvraagHistorie.push({ gemeente_id: gemeenteId, aanvraag_id: aanvraagId, van: vanS, naar, door, moment: moment(op, 9 + k), toelichting }));
      for (const p of a.producten) {
        aanvraagProducten.push({ id: p.id, gemeente_id: gemeenteId, aanvraag_id: aanvraagId, arrangement_item_id: itemIds.get(p), catalogus_item_id: p.cat.id, wet: p.wet, omschrijving: p.cat.naam });
      }
      termijn('beschikking', a.wet, (STANDAARD_TERMIJNEN[a.wet as Exclude<Wet, 'onbekend'>] as { beschikking: TermijnRegel }).beschikking, a.ingediend, besloten ? a.besloten : null, { aanvraag_id: aanvraagId });
      if (besloten) {
        const bId = crypto.randomUUID();
        const beslotenJaar = Number(a.besloten.slice(0, 4));
        beschikkingen.push({ id: bId, gemeente_id: gemeenteId, nummer: `B-${beslotenJaar}-${String(nummer('beschikking', beslotenJaar)).padStart(6, '0')}`, aanvraag_id: aanvraagId,
          motivering: 'Eigen kracht, het netwerk en de algemene voorzieningen zijn geprobeerd en volstaan niet; deze voorziening is nodig om het doel in het plan te halen.',
          besloten_op: moment(a.besloten, 11), verzonden_op: a.besloten, bezwaar_termijn_einde: plus(a.besloten, 42) });
        for (const p of a.producten) {
          const af = p.uitkomst === 'afgewezen';
          beschikkingProducten.push({ gemeente_id: gemeenteId, beschikking_id: bId, aanvraag_product_id: p.id, uitkomst: p.uitkomst, grondslag: GRONDSLAG[p.wet] ?? GRONDSLAG.onbekend,
            omvang: af ? null : p.omvang, eenheid: af ? null : p.profiel.eenheid, periode: af ? null : p.profiel.periode, ingangsdatum: af ? null : p.ingang, einddatum: af ? null : p.einde,
            leveringsvorm: af ? null : p.leveringsvorm, eigen_bijdrage: af ? null : eigenBijdrage[p.wet] ?? null, jaarbedrag_cents: p.jaarbedragCents });
        }
      }
    }
    return casusId;
  };

  const schrijfMelding = (persoon: Persoon, wet: Wet, ontvangen: string, uitkomst: 'gemeld' | 'afgehandeld' | 'inOnderzoek', casusId: string | null, eind: string | null, casusSluit: string | null) => {
    const meldingId = crypto.randomUUID();
    const jaar = Number(ontvangen.slice(0, 4));
    const afgesloten = uitkomst === 'inOnderzoek' && casusSluit !== null && casusSluit <= o.tot;
    const status = afgesloten ? 'afgesloten' : uitkomst;
    meldingen.push({
      id: meldingId, gemeente_id: gemeenteId, nummer: meldingNummer(jaar, nummer('melding', jaar)), persoon_id: persoon.id, huishouden_id: persoon.huishouden, wijk_id: persoon.wijk,
      wet, kanaal: kies(rnd, KANAAL_MIX[wet]), ontvangen_op: ontvangen, omschrijving: f.omschrijving(), status, casus_id: casusId,
      triage_uitkomst: uitkomst === 'gemeld' ? null : uitkomst === 'afgehandeld' ? 'enkelvoudig' : 'onderzoek',
      afgerond_op: uitkomst === 'afgehandeld' ? eind : afgesloten ? casusSluit : null, spoed: false, aangemaakt_op: moment(ontvangen, 9),
    });
    historie.push({ gemeente_id: gemeenteId, melding_id: meldingId, van: null, naar: 'gemeld', moment: moment(ontvangen, 9), reden: 'Melding geregistreerd' });
    const triage = uitkomst === 'afgehandeld' ? eind! : ontvangen;
    if (uitkomst !== 'gemeld') historie.push({ gemeente_id: gemeenteId, melding_id: meldingId, van: 'gemeld', naar: uitkomst, moment: moment(triage, 13), reden: uitkomst === 'afgehandeld' ? 'Enkelvoudige vraag direct afgehandeld' : 'Onderzoek: keukentafelgesprek plannen' });
    if (afgesloten) historie.push({ gemeente_id: gemeenteId, melding_id: meldingId, van: 'inOnderzoek', naar: 'afgesloten', moment: moment(casusSluit, 12), reden: 'Casus gesloten' });
    if (wet === 'wmo') termijn('onderzoek', wet, STANDAARD_TERMIJNEN.wmo.onderzoek, ontvangen, eind, { melding_id: meldingId });
    if (wet === 'schuldhulp') termijn('eersteGesprek', wet, STANDAARD_TERMIJNEN.schuldhulp.eersteGesprek, ontvangen, eind, { melding_id: meldingId });
  };

  const seizoensdag = (vanaf: number, dagen: number) => {
    for (;;) {
      const d = vanaf + Math.floor(rnd() * dagen);
      if (rnd() < SEIZOEN[Number(datum(d).slice(5, 7)) - 1]! / 1.25) return datum(d);
    }
  };
  const perJaar = o.inwoners * MELDINGEN_PER_INWONER_PER_JAAR;

  // 7. The warm-up: the same flow in the years before the history, of which only the casussen
  // whose provisions still run at its start are kept — the stock of clients on day one.
  const aanloopDagen = AANLOOP_JAREN * 365;
  const aanloop = Array.from({ length: Math.round(perJaar * AANLOOP_JAREN) }, () => seizoensdag(vanNr - aanloopDagen, aanloopDagen)).sort();
  voortgang('bestaande cliënten', 0, aanloop.length);
  let voorraad = 0;
  for (const [i, ontvangen] of aanloop.entries()) {
    const wet = kies(rnd, WET_MIX);
    if (rnd() >= 0.7) continue; // only onderzoeken can lead to maatwerk
    const v = trekVerloop(wet, ontvangen, false, true);
    if (v?.aanvraag?.producten.some((p) => p.uitkomst !== 'afgewezen' && (p.einde === null || p.einde >= van) && p.ingang < van)) {
      const persoon = kiesPersoon(wet, ontvangen);
      const bestaand = openCasus.get(persoon.huishouden);
      if (bestaand && bestaand.tot >= ontvangen) continue;
      const casusId = schrijfVerloop(v, persoon);
      schrijfMelding(persoon, wet, ontvangen, 'inOnderzoek', casusId, v.intake, v.sluit);
      voorraad++;
    }
    if (i % 5000 === 0) voortgang('bestaande cliënten', i, aanloop.length);
  }
  voortgang('bestaande cliënten', aanloop.length, aanloop.length);
  tellingen.bestaande_clienten = voorraad;

  // 8. The history itself: meldingen over the years, in date order per household.
  const totaal = Math.round(perJaar * o.jaren);
  const dagen = totNr - vanNr;
  voortgang('meldingen en hun verloop', 0, totaal);
  const datums = Array.from({ length: totaal }, () => seizoensdag(vanNr, dagen + 1)).sort();
  for (let i = 0; i < totaal; i++) {
    const ontvangen = datums[i]!;
    const wet = kies(rnd, WET_MIX);
    const persoon = kiesPersoon(wet, ontvangen);
    const recent = ontvangen > plus(o.tot, -5);
    const uitkomst = recent && rnd() < 0.7 ? 'gemeld' : rnd() < 0.3 ? 'afgehandeld' : 'inOnderzoek';
    if (uitkomst === 'gemeld') schrijfMelding(persoon, wet, ontvangen, uitkomst, null, null, null);
    else if (uitkomst === 'afgehandeld') schrijfMelding(persoon, wet, ontvangen, uitkomst, null, plus(ontvangen, Math.floor(rnd() * 3)), null);
    else {
      const bestaand = openCasus.get(persoon.huishouden);
      if (bestaand && bestaand.tot >= ontvangen) {
        // Added to the household's running casus: handled within it.
        schrijfMelding(persoon, wet, ontvangen, uitkomst, bestaand.id, plus(ontvangen, tussen(0, 10)), bestaand.tot);
      } else {
        const v = trekVerloop(wet, ontvangen, persoon.wijk === pilot.id, false)!;
        const casusId = schrijfVerloop(v, persoon);
        schrijfMelding(persoon, wet, ontvangen, uitkomst, casusId, v.intake, v.sluit);
      }
    }
    if (i % 2000 === 0) voortgang('meldingen en hun verloop', i, totaal);
  }
  voortgang('meldingen en hun verloop', totaal, totaal);

  // Wmo clients on the last day: residents with a running (partly) granted Wmo provision.
  const wmoClienten = new Set<string>();
  const productVan = new Map(aanvraagProducten.map((p) => [p.id as string, p]));
  const persoonVan = new Map(aanvragen.map((a) => [a.id as string, a.persoon_id as string]));
  for (const bp of beschikkingProducten) {
    const ap = productVan.get(bp.aanvraag_product_id as string)!;
    if (ap.wet === 'wmo' && bp.uitkomst !== 'afgewezen' && (bp.ingangsdatum as string) <= o.tot && (bp.einddatum === null || (bp.einddatum as string) >= o.tot)) {
      wmoClienten.add(persoonVan.get(ap.aanvraag_id as string)!);
    }
  }
  tellingen.wmo_clienten = wmoClienten.size;

  // 9. Writing, level by level along the foreign keys: the tables of one level (and parts of the
  // big ones) are written side by side in their own transactions, so a PostgreSQL server uses more
  // than one core; PGlite runs them one after the other. The facts the triggers of migration 0008
  // keep follow from the rows: the wijk is set here, so those triggers need not look it up.
  const niveaus: [keyof DB, Rij[]][][] = [
    [['casussen', casussen]],
    [['meldingen', meldingen], ['gesprekken', gesprekken], ['plannen', plannen], ['tevredenheid', tevredenheid], ['aanvragen', aanvragen]],
    [['melding_statushistorie', historie], ['gesprek_scores', scores], ['plan_versies', planVersies], ['doelen', doelRijen], ['evaluaties', evaluaties],
      ['aanvraag_statushistorie', aanvraagHistorie], ['beschikkingen', beschikkingen], ['termijnen', termijnen]],
    [['arrangement_items', items]],
    [['aanvraag_producten', aanvraagProducten]],
    [['beschikking_producten', beschikkingProducten]],
  ];
  // History tables keep their order by id, so they are written in one piece.
  const heel = new Set<keyof DB>(['melding_statushistorie', 'aanvraag_statushistorie']);
  const regels = niveaus.flat().reduce((s, [, r]) => s + r.length, 0);
  let geschreven = 0;
  const klaar = (k: number) => voortgang('wegschrijven', (geschreven += k), regels);
  voortgang('wegschrijven', 0, regels);
  for (const [k, niveau] of niveaus.entries()) {
    // Fresh statistics before the decided products: their trigger looks up beschikking and aanvraag per row.
    if (k === niveaus.length - 1) await sql`analyze aanvragen, beschikkingen, casussen`.execute(db);
    const taken = niveau.flatMap(([tabel, rijen]) => {
      tellingen[tabel] = rijen.length;
      const deel = heel.has(tabel) ? Math.max(1, rijen.length) : 60_000;
      return Array.from({ length: Math.ceil(rijen.length / deel) }, (_, i) => ({ tabel, rijen: rijen.slice(i * deel, (i + 1) * deel) }));
    }).sort((a, b) => b.rijen.length - a.rijen.length);
    await tegelijk(taken.map((t) => () => inGemeente(db, gemeenteId, (tx) => schrijf(tx, t.tabel, t.rijen, klaar))), 3);
  }
  await inGemeente(db, gemeenteId, async (tx: Tx) => {
    for (const [sleutel, laatsteNummer] of Object.entries(volg)) {
      const soort = sleutel.replace(/\d+$/, '');
      await tx.insertInto('nummering').values({ gemeente_id: gemeenteId, soort, jaar: Number(sleutel.slice(soort.length)), laatste: laatsteNummer })
        .onConflict((oc) => oc.columns(['gemeente_id', 'soort', 'jaar']).doUpdateSet({ laatste: laatsteNummer })).execute();
    }
  });
  return { gemeenteId, tellingen, pilotWijk: { id: pilot.id, naam: pilot.naam, vanaf: pilotVanaf } };
}
