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
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { GRONDSLAG, STANDAARD_BESLUIT_INSTELLINGEN } from '../contexts/besluit/rules.ts';
import { DEMO_CATALOGUS } from '../contexts/catalogus/demo-catalogus.ts';
import { STANDAARD_INSTRUMENTEN } from '../contexts/gesprek/rules.ts';
import type { DoelStatus, EvaluatieBesluit } from '../contexts/plan/rules.ts';
import { STANDAARD_TERMIJNEN, berekenTermijn, type TermijnRegel } from '../contexts/toegang/termijnen.ts';
import { meldingNummer, casusNummer, type Wet } from '../contexts/toegang/rules.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { DB } from '../platform/db/schema.ts';
import { inGemeente } from '../platform/tenancy/tx.ts';
import { budgetProRata, budgetTotVoor, voorzieningNummer } from '../contexts/voorziening/rules.ts';
import { Factories } from './factories.ts';
import {
  DEMO_AANBIEDERS, DEMODORP_AANBIEDERS, JEUGD_INTENSITEITEN, JEUGD_PROFIELEN, REDEN_VOLGENS_PLAN, REDENEN_VOORTIJDIG,
  WMO_COMPLEXITEITEN, WMO_INTENSITEITEN,
} from './inkoop.ts';
import { budgetVoor, gecontracteerdOp, laadInkoopModel, schrijfInkoop, type ContractProductModel } from './inkoopmodel.ts';
import { openLader, type Laadwijze, type Lader, type Rij } from './laden.ts';

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
  /** PostgreSQL server: a connection string for COPY (the tables' owner, a superuser); see ./laden.ts. */
  databaseUrl?: string | undefined;
  /** Force how rows are written (tests); otherwise the fastest the connection allows. */
  laadwijze?: Laadwijze;
  /**
   * Hex seed of the ids. Ids are a fixed prefix plus a counter (so two runs of the same options
   * give the same ids, and indexes on them grow at their right edge); by default the prefix comes
   * from code, seed, size and end date.
   */
  idZaad?: string;
}

export interface GeneratorResultaat {
  gemeenteId: string;
  tellingen: Record<string, number>;
  /** The wijk that works differently from `vanaf` (the last two years): for the pilot monitor. */
  pilotWijk: { id: string; naam: string; vanaf: string };
  /** How the rows were written (ADR 30), and the seconds the database took per table and finishing step. */
  laadwijze: Laadwijze;
  laadtijden: Record<string, number>;
}

export type Voortgang = (stap: string, gedaan: number, totaal: number) => void;

type Mix<T> = readonly (readonly [T, number])[];
type Leefgebied = (typeof LEEFGEBIEDEN)[number];

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
 * the range of amounts, the duration in months, and for Wmo the chance the decision is open-ended
 * with the mean real duration in years. A contracted product (`code`, src/demo/inkoop.ts) is
 * decided in the contract's unit and frequency and its budget comes from the contract's tariffs
 * (inkoop's budget maths); the others keep a drawn tariff (euro per unit) for a yearly amount.
 * `resultaat`: result-based (the Jeugd profile or Wmo begeleiding table), one result per period.
 */
interface Profiel {
  naam: string; w: number; eenheid: string; periode: 'dag' | 'week' | 'maand' | 'jaar' | 'totaal'; omvang: readonly [number, number];
  tarief: readonly [number, number]; maanden: readonly [number, number]; open?: { kans: number; jaren: number }; zorg?: boolean;
  code?: string; resultaat?: 'jeugdprofiel' | 'wmoBegeleiding';
}
const PERIODES_PER_JAAR = { dag: 365, week: 52, maand: 12, jaar: 1, totaal: 1 } as const;
const PROFIELEN: Record<Exclude<Wet, 'onbekend'>, Profiel[]> = {
  wmo: [
    { naam: 'Hulp bij het huishouden (maatwerk)', code: '01A01', w: 0.3, eenheid: 'uur', periode: 'week', omvang: [2, 4], tarief: [0, 0], maanden: [12, 24], open: { kans: 0.85, jaren: 6 }, zorg: true },
    { naam: 'Individuele begeleiding', code: '02A01', w: 0.2, eenheid: 'uur', periode: 'week', omvang: [2, 5], tarief: [0, 0], maanden: [6, 24], open: { kans: 0.4, jaren: 3 }, zorg: true },
    { naam: 'Dagbesteding (maatwerk)', code: '07A01', w: 0.09, eenheid: 'dagdeel', periode: 'week', omvang: [2, 5], tarief: [0, 0], maanden: [12, 24], open: { kans: 0.6, jaren: 3.5 }, zorg: true },
    { naam: 'Kortdurend verblijf', code: '04A01', w: 0.03, eenheid: 'etmaal', periode: 'maand', omvang: [1, 3], tarief: [0, 0], maanden: [6, 12], zorg: true },
    // A woningaanpassing is granted as an amount in euros (unit 83, tariff 1 euro), paid once.
    { naam: 'Woningaanpassing', code: '13A01', w: 0.07, eenheid: "euro's", periode: 'totaal', omvang: [1500, 15000], tarief: [0, 0], maanden: [1, 3] },
    // Traplift, scootmobiel and rolstoel in bruikleen: a monthly rent to the supplier for as long as they are used.
    { naam: 'Traplift', code: '13B01', w: 0.04, eenheid: 'stuks', periode: 'maand', omvang: [1, 1], tarief: [0, 0], maanden: [24, 36], open: { kans: 0.9, jaren: 6 } },
    { naam: 'Scootmobiel', code: '12A01', w: 0.06, eenheid: 'stuks', periode: 'maand', omvang: [1, 1], tarief: [0, 0], maanden: [12, 24], open: { kans: 0.9, jaren: 5 } },
    { naam: 'Rolstoel', code: '11A01', w: 0.05, eenheid: 'stuks', periode: 'maand', omvang: [1, 1], tarief: [0, 0], maanden: [12, 24], open: { kans: 0.9, jaren: 5 } },
    // Regiotaxi: rides per month.
    { naam: 'Regiotaxi-pas (vervoersvoorziening)', code: '08A01', w: 0.11, eenheid: 'stuks', periode: 'maand', omvang: [4, 12], tarief: [0, 0], maanden: [12, 24], open: { kans: 0.9, jaren: 6 } },
    { naam: 'Beschermd wonen', code: '15A01', w: 0.015, eenheid: 'etmaal', periode: 'week', omvang: [7, 7], tarief: [0, 0], maanden: [12, 24], open: { kans: 0.6, jaren: 4 }, zorg: true },
    { naam: 'Begeleid wonen thuis (ambulant)', code: '02R01', resultaat: 'wmoBegeleiding', w: 0.035, eenheid: 'stuks', periode: 'totaal', omvang: [1, 1], tarief: [0, 0], maanden: [6, 12], zorg: true },
  ],
  jeugdwet: [
    { naam: 'Jeugdhulp ambulant', code: '45A01', w: 0.34, eenheid: 'uur', periode: 'week', omvang: [2, 5], tarief: [0, 0], maanden: [6, 12], zorg: true },
    { naam: 'Intensieve gezinsbegeleiding', code: '45R01', resultaat: 'jeugdprofiel', w: 0.12, eenheid: 'stuks', periode: 'totaal', omvang: [1, 1], tarief: [0, 0], maanden: [6, 9], zorg: true },
    { naam: 'Dyslexiezorg (EED)', code: '54D01', w: 0.12, eenheid: 'stuks', periode: 'totaal', omvang: [1, 1], tarief: [0, 0], maanden: [12, 18], zorg: true },
    { naam: 'Jeugd-GGZ behandeling', code: '54A01', w: 0.22, eenheid: 'minuut', periode: 'week', omvang: [90, 180], tarief: [0, 0], maanden: [6, 12], zorg: true },
    { naam: 'Pleegzorg', code: '44P01', w: 0.05, eenheid: 'etmaal', periode: 'week', omvang: [7, 7], tarief: [0, 0], maanden: [12, 24], zorg: true },
    { naam: 'Logeeropvang voor kinderen', code: '44L01', w: 0.07, eenheid: 'etmaal', periode: 'maand', omvang: [2, 4], tarief: [0, 0], maanden: [12, 12], zorg: true },
    { naam: 'Dagbesteding voor jeugd met een beperking', code: '41A01', w: 0.08, eenheid: 'dagdeel', periode: 'week', omvang: [2, 5], tarief: [0, 0], maanden: [12, 24], zorg: true },
  ],
  participatiewet: [
    { naam: 'Bijstandsuitkering (levensonderhoud)', code: 'PW001', w: 0.42, eenheid: "euro's", periode: 'maand', omvang: [1100, 1900], tarief: [0, 0], maanden: [6, 24] },
    { naam: 'Bbz: ondersteuning voor zelfstandigen', code: 'BZ001', w: 0.04, eenheid: "euro's", periode: 'maand', omvang: [900, 1500], tarief: [0, 0], maanden: [6, 12] },
    { naam: 'Re-integratietraject', code: 'RE001', w: 0.18, eenheid: 'stuks', periode: 'totaal', omvang: [1, 1], tarief: [0, 0], maanden: [6, 12] },
    { naam: 'Werkfit-traject', code: 'WF001', w: 0.1, eenheid: 'stuks', periode: 'totaal', omvang: [1, 1], tarief: [0, 0], maanden: [6, 9] },
    { naam: 'Jobcoach', code: 'JC001', w: 0.09, eenheid: 'uur', periode: 'maand', omvang: [4, 12], tarief: [0, 0], maanden: [6, 24] },
    { naam: 'Loonkostensubsidie', code: 'LK001', w: 0.1, eenheid: "euro's", periode: 'maand', omvang: [600, 1500], tarief: [0, 0], maanden: [12, 24] },
    { naam: 'Participatieplaats', code: 'PP001', w: 0.07, eenheid: 'stuks', periode: 'totaal', omvang: [1, 1], tarief: [0, 0], maanden: [6, 12] },
  ],
  // Amounts in euros (unit 83, tariff 1 euro): per month, or once for the period ("totaal").
  schuldhulp: [
    { naam: 'Schuldhulpverlening-traject', code: 'SH001', w: 0.45, eenheid: 'stuks', periode: 'totaal', omvang: [1, 1], tarief: [0, 0], maanden: [12, 24] },
    { naam: 'Budgetbeheer', code: 'SH002', w: 0.3, eenheid: "euro's", periode: 'maand', omvang: [90, 140], tarief: [0, 0], maanden: [12, 24] },
    { naam: 'Saneringskrediet', code: 'SH003', w: 0.1, eenheid: "euro's", periode: 'totaal', omvang: [3000, 15000], tarief: [0, 0], maanden: [18, 24] },
    { naam: 'Beschermingsbewind: doorverwijzing en bijzondere bijstand', code: 'SH004', w: 0.15, eenheid: "euro's", periode: 'maand', omvang: [110, 150], tarief: [0, 0], maanden: [12, 24] },
  ],
  minima: [
    { naam: 'Individuele inkomenstoeslag', code: 'MI001', w: 0.12, eenheid: "euro's", periode: 'totaal', omvang: [350, 600], tarief: [0, 0], maanden: [1, 2] },
    { naam: 'Bijzondere bijstand', code: 'MI002', w: 0.25, eenheid: "euro's", periode: 'totaal', omvang: [150, 2500], tarief: [0, 0], maanden: [1, 3] },
    { naam: 'Meedoenregeling', code: 'MI003', w: 0.18, eenheid: "euro's", periode: 'totaal', omvang: [150, 300], tarief: [0, 0], maanden: [12, 12] },
    { naam: 'Kindpakket', code: 'MI004', w: 0.1, eenheid: "euro's", periode: 'totaal', omvang: [200, 500], tarief: [0, 0], maanden: [12, 12] },
    { naam: 'Collectieve zorgverzekering voor minima', code: 'MI005', w: 0.15, eenheid: "euro's", periode: 'maand', omvang: [15, 40], tarief: [0, 0], maanden: [12, 12] },
    { naam: 'Kwijtschelding gemeentelijke belastingen', code: 'MI006', w: 0.12, eenheid: "euro's", periode: 'totaal', omvang: [300, 900], tarief: [0, 0], maanden: [1, 2] },
    { naam: 'Tegemoetkoming meerkosten chronisch zieken', code: 'MI007', w: 0.08, eenheid: "euro's", periode: 'totaal', omvang: [300, 500], tarief: [0, 0], maanden: [12, 12] },
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

const kies = <T>(rnd: () => number, mix: Mix<T>): T => {
  let r = rnd();
  for (const [v, p] of mix) { if ((r -= p) < 0) return v; }
  return mix[mix.length - 1]![0];
};

// Days as integers: the generator does date arithmetic millions of times.
const DAG = 86_400_000;
// A gemeente's history spans some thousands of distinct days: each is parsed and formatted once.
const dagnummers = new Map<string, number>();
const datumVan = new Map<number, string>();
const dagnr = (d: string) => {
  let n = dagnummers.get(d);
  if (n === undefined) dagnummers.set(d, (n = Date.parse(`${d}T00:00:00Z`) / DAG));
  return n;
};
const datum = (n: number) => {
  let d = datumVan.get(n);
  if (d === undefined) datumVan.set(n, (d = new Date(n * DAG).toISOString().slice(0, 10)));
  return d;
};
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
/** A moment on a day as ISO text in UTC (what the database parses; no Date object per row). */
const moment = (d: string, uur: number) => `${d}T${uur < 10 ? '0' : ''}${uur}:00:00Z`;

interface Cat { id: string; naam: string; domein: string; trede: number; leefgebieden: string[]; aanbieder: string; limiet: { eenheid: 'uur' | 'euro'; waarde: number } | null }
/** A resident as the draws hand it around, made from the columns of `vulGemeente` when chosen: `nr` and `hh` index them. */
type Persoon = { nr: number; hh: number; id: string; huishouden: string; wijk: string };
type ItemTrek = { trede: 1 | 2 | 3 | 4; cat: Cat | null; omschrijving: string | null; motivering: string | null; verantwoordelijke: string; omvang: number | null; omvangEenheid: 'uur' | 'euro' | null; product: ProductTrek | null };
type DoelTrek = { leefgebied: Leefgebied; omschrijving: string; meetbaar: string; streefdatum: string; items: ItemTrek[]; passend: boolean; status: DoelStatus; bijEvaluatie: DoelStatus | null };
type ProductTrek = {
  id: string; profiel: Profiel; cat: Cat; wet: Wet; uitkomst: 'toegekend' | 'deelsToegekend' | 'afgewezen'; omvang: number; tarief: number;
  /** `einde`: the real last day (null while it runs at the end of the history); `eindBeschikt`: the granted end (null: open-ended). */
  ingang: string; einde: string | null; eindBeschikt: string | null; leveringsvorm: 'zin' | 'pgb'; jaarbedragCents: number;
  /** The decision's budget: the reservation (highest contracted tariff, or the pgb tariff) or the old yearly amount pro rata. */
  budgetCents: number; resultaat: { profiel: string; intensiteit: string } | null;
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
  const elk = <T>(xs: ArrayLike<T>): T => xs[Math.floor(rnd() * xs.length)]!;
  const van = jarenTerug(o.tot, o.jaren);
  const totNr = dagnr(o.tot);
  const vanNr = dagnr(van);
  const pilotVanaf = jarenTerug(o.tot, Math.min(2, o.jaren));
  const tellingen: Record<string, number> = {};

  // Ids: a prefix fixed by the options plus a counter (see `idZaad`), in the form of a v4 uuid.
  const zaad = (o.idZaad ?? createHash('sha256').update(`${o.code}|${o.seed}|${o.inwoners}|${o.jaren}|${o.tot}`).digest('hex')).padEnd(19, '0');
  const kop = `${zaad.slice(0, 8)}-${zaad.slice(8, 12)}-4${zaad.slice(12, 15)}-${'89ab'[parseInt(zaad[15]!, 16) & 3]}${zaad.slice(16, 19)}-`;
  let teller = 0;
  const idVan = (n: number) => kop + n.toString(16).padStart(12, '0');
  const nieuwId = () => idVan(++teller);

  // 1. The gemeente, its people and areas (owner).
  const aantalKernen = Math.max(2, Math.min(12, Math.round(o.inwoners / 12000)));
  const hash = o.wachtwoord ? await hashPassword(o.wachtwoord) : null;
  const bestaand = o.bestaandeGemeenteId;
  const basis = await db.transaction().execute(async (tx) => {
    const gemeenteId = bestaand ?? (await tx.insertInto('gemeenten').values({ id: nieuwId(), code: o.code, naam: o.naam, cbs_code: '9100' }).returning('id').executeTakeFirstOrThrow()).id;
    const teams = bestaand
      ? await tx.selectFrom('teams').select('id').where('gemeente_id', '=', bestaand).orderBy('naam').execute()
      : await tx.insertInto('teams').values(Array.from({ length: Math.max(1, Math.ceil(aantalKernen / 3)) }, (_, i) => ({ id: nieuwId(), gemeente_id: gemeenteId, naam: `Wijkteam ${i + 1}` })))
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
    ].map((m) => ({ id: nieuwId(), ...m }));
    await tx.insertInto('gebruikers').values(mensen.map((m) => ({ gemeente_id: gemeenteId, ...m, wachtwoord_hash: hash }))).execute();
    const wijken: { id: string; naam: string; kern: string }[] = [];
    if (bestaand) {
      f.bezet((await tx.selectFrom('personen').select('bsn').where('gemeente_id', '=', bestaand).execute()).map((p) => p.bsn));
      wijken.push(...await tx.selectFrom('wijken as w').innerJoin('kernen as k', 'k.id', 'w.kern_id').select(['w.id', 'w.naam', 'k.naam as kern'])
        .where('w.gemeente_id', '=', bestaand).orderBy('k.naam').orderBy('w.naam').execute());
      if (wijken.length === 0) throw new Error('De gemeente heeft geen wijken');
    }
    for (let k = 0; k < (bestaand ? 0 : aantalKernen); k++) {
      const naam = k === 0 ? o.naam : `${f.faker.location.city()} ${k}`;
      const kern = { id: nieuwId(), gemeente_id: gemeenteId, naam };
      await tx.insertInto('kernen').values(kern).execute();
      const aantalWijken = 2 + Math.floor(rnd() * 5);
      const rows = Array.from({ length: aantalWijken }, (_, w) => ({ id: nieuwId(), gemeente_id: gemeenteId, kern_id: kern.id, naam: `${naam}-${['Noord', 'Oost', 'Zuid', 'West', 'Centrum', 'Buiten'][w]}` }));
      await tx.insertInto('wijken').values(rows).execute();
      wijken.push(...rows.map((r) => ({ id: r.id, naam: r.naam, kern: naam })));
    }
    return { gemeenteId, regisseurs: mensen.filter((g) => g.rollen.includes('regisseur')).map((g) => g.id), beslissers: mensen.filter((g) => g.rollen.includes('beslisser')).map((g) => g.id), wijken };
  });
  const { gemeenteId } = basis;
  const pilot = basis.wijken[0]!;

  if (!bestaand) await inGemeente(db, gemeenteId, async (tx) => {
    await tx.insertInto('instrumenten').values(STANDAARD_INSTRUMENTEN.map((d) => ({
      id: nieuwId(), gemeente_id: gemeenteId, code: d.code, naam: d.naam, schaal: JSON.stringify(d.schaal), domeinen: JSON.stringify(d.domeinen), standaard: d.standaard,
    }))).execute();
    await tx.insertInto('catalogus_items').values(DEMO_CATALOGUS.map(({ kernen: _k, ...i }) => ({
      id: nieuwId(), gemeente_id: gemeenteId, naam: i.naam, omschrijving: i.omschrijving, domein: i.domein, trede: i.trede, leefgebieden: i.leefgebieden, kern_ids: [],
      aanbieder: i.aanbieder, beschikking_nodig: i.beschikkingNodig, limiet_eenheid: i.limiet?.eenheid ?? null, limiet_waarde: i.limiet?.waarde ?? null, zoekwoorden: i.zoekwoorden,
      productcategorie: i.productcategorie ?? null, productcode: i.productcode ?? null,
    }))).execute();
    // Demodorp's aanbieders and contracts, running from the first year of the warm-up, so every provision has a contracted price.
    await schrijfInkoop(tx, gemeenteId, o.code, DEMODORP_AANBIEDERS, `${Number(jarenTerug(o.tot, o.jaren + AANLOOP_JAREN).slice(0, 4))}-01-01`, nieuwId);
  });

  // The catalogue as the generator needs it, in the catalogue's own order (deterministic); in an
  // existing gemeente the numbers continue after its own (nummering per soort and year).
  const gewichten = new Map(Object.values(DEMO_AANBIEDERS).flat().map((a) => [a.agbCode, a.gewicht]));
  const { instrument, ids, eigenNummers, inkoop } = await inGemeente(db, gemeenteId, async (tx) => ({
    instrument: await tx.selectFrom('instrumenten').select('id').where('standaard', '=', true).executeTakeFirstOrThrow(),
    ids: new Map((await tx.selectFrom('catalogus_items').select(['id', 'naam']).execute()).map((r) => [r.naam, r.id])),
    eigenNummers: bestaand ? await tx.selectFrom('nummering').select(['soort', 'jaar', 'laatste']).execute() : [],
    inkoop: await laadInkoopModel(tx, gewichten),
  }));
  const catalogus: Cat[] = DEMO_CATALOGUS.map((c) => ({ id: ids.get(c.naam)!, naam: c.naam, domein: c.domein, trede: c.trede, leefgebieden: c.leefgebieden, aanbieder: c.aanbieder, limiet: c.limiet }));

  // From here every row goes through one loader, in chunks: generated, written, dropped (ADR 30).
  const lader: Lader = await openLader(db, { gemeenteId, nieuw: !bestaand, inwoners: o.inwoners, databaseUrl: o.databaseUrl, wijze: o.laadwijze });
  try {
    return await vulGemeente();
  } catch (e) {
    await lader.afbreken();
    throw e;
  }

  async function vulGemeente(): Promise<GeneratorResultaat> {
    let schrijvend: Promise<void> = Promise.resolve();
    /** Hands a chunk's rows to the loader, tables in foreign-key order: the next chunk is drawn while the database takes this one. */
    const lever = async (deel: readonly (readonly [keyof DB, Rij[]])[]) => {
      await schrijvend; // at most one chunk on its way
      schrijvend = (async () => { for (const [t, r] of deel) await lader.schrijf(t, r); })();
      schrijvend.catch(() => {}); // awaited at the next chunk; this only keeps Node from calling it unhandled meanwhile
    };

    // 2. Households and residents, written per 5,000 households. What later draws need of them is
    // kept in typed arrays (their id counters, household, wijk, birth day), not as 900,000 objects
    // and their id strings: ids are rebuilt from the counter (`idVan`) when a resident is chosen.
    const hhNr = new Int32Array(o.inwoners);
    const hhWijk = new Uint16Array(o.inwoners);
    const hhLeden = new Uint8Array(o.inwoners);
    const wijkNrs = basis.wijken.map((_, i) => i);
    let aantalHh = 0;
    let n = 0;
    while (n < o.inwoners) {
      const leden = Math.min(o.inwoners - n, kies(rnd, [[1, 0.38], [2, 0.33], [3, 0.12], [4, 0.12], [5, 0.05]] as const));
      hhNr[aantalHh] = ++teller;
      hhWijk[aantalHh] = f.faker.helpers.arrayElement(wijkNrs);
      hhLeden[aantalHh++] = leden;
      n += leden;
    }
    const persoonNr = new Int32Array(o.inwoners);
    const persoonHh = new Int32Array(o.inwoners);
    const geboren = new Int32Array(o.inwoners); // day number (dagnr)
    let aantal = 0;
    voortgang('huishoudens en inwoners', 0, o.inwoners);
    for (let h0 = 0; h0 < aantalHh; h0 += 5000) {
      const hhRijen: Rij[] = [];
      const rijen: Rij[] = [];
      for (let h = h0; h < Math.min(h0 + 5000, aantalHh); h++) {
        const hId = idVan(hhNr[h]!);
        const wijk = basis.wijken[hhWijk[h]!]!.id;
        hhRijen.push({ id: hId, gemeente_id: gemeenteId });
        for (let i = 0; i < hhLeden[h]!; i++) {
          const p = f.persoon(i >= 2 ? { geboortedatum: f.datum('2006-01-01', '2024-12-31') } : { geboortedatum: f.datum('1925-01-01', '2004-12-31') });
          persoonNr[aantal] = ++teller;
          persoonHh[aantal] = h;
          geboren[aantal++] = dagnr(p.geboortedatum);
          rijen.push({ id: idVan(teller), gemeente_id: gemeenteId, ...p, wijk_id: wijk, huishouden_id: hId, straat: null, huisnummer: null, postcode: null, woonplaats: null });
        }
      }
      await lever([['huishoudens', hhRijen], ['personen', rijen]]);
      voortgang('huishoudens en inwoners', aantal, o.inwoners);
    }
    // Every resident is drawn: the BSNs handed out need no guarding any more.
    f.vergeetBsns();
    tellingen.inwoners = aantal;
    tellingen.huishoudens = aantalHh;
    const persoon = (i: number): Persoon => {
      const hh = persoonHh[i]!;
      return { nr: i, hh, id: idVan(persoonNr[i]!), huishouden: idVan(hhNr[hh]!), wijk: basis.wijken[hhWijk[hh]!]!.id };
    };

    // 3. The catalogue by name.
    const catVan = new Map(catalogus.map((c) => [c.naam, c]));
    for (const lijst of Object.values(PROFIELEN)) for (const p of lijst) if (!catVan.has(p.naam)) throw new Error(`Product '${p.naam}' ontbreekt in de democatalogus`);
    const voorliggend = catalogus.filter((c) => c.trede === 3);

    // 4. People by age, for who makes which melding.
    const jaarTot = Number(o.tot.slice(0, 4));
    /** The residents born from `van` up to `tot` (indexes, in drawing order). */
    const geborenTussen = (van: string | null, tot: string | null) => {
      const a = van === null ? -Infinity : dagnr(van);
      const b = tot === null ? Infinity : dagnr(tot);
      const pool: number[] = [];
      for (let i = 0; i < aantal; i++) if (geboren[i]! >= a && geboren[i]! < b) pool.push(i);
      return Int32Array.from(pool);
    };
    const ouderen = geborenTussen(null, `${jaarTot - 65}-01-01`);
    const kinderen = geborenTussen(`${jaarTot - 17}-01-01`, null);
    const werkend = geborenTussen(`${jaarTot - 66}-01-01`, `${jaarTot - 17}-01-01`);
    const iedereen = geborenTussen(null, null);
    const kiesPersoon = (wet: Wet, op: string): Persoon => {
      const pool = wet === 'wmo' && ouderen.length && rnd() < 0.8 ? ouderen
        : wet === 'jeugdwet' && kinderen.length && rnd() < 0.85 ? kinderen
          : (wet === 'participatiewet' || wet === 'schuldhulp') && werkend.length && rnd() < 0.85 ? werkend : iedereen;
      const opNr = dagnr(op);
      for (let i = 0; i < 8; i++) {
        const p = elk(pool);
        if (geboren[p]! < opNr) return persoon(p);
      }
      return persoon(elk(ouderen.length ? ouderen : iedereen));
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
        if (eenmalig && !profiel.code) tarief = Math.round((tarief * (0.5 + rnd() * 0.3)) / 10) * 10;
        else if (profiel.omvang[0] < profiel.omvang[1]) omvang = Math.max(1, Math.round((omvang * (0.6 + rnd() * 0.2)) / stap) * stap);
        else tarief = Math.round(tarief * (0.7 + rnd() * 0.2) * 100) / 100;
      }
      const ingang = rnd() < 0.7 ? besloten : plus(besloten, tussen(1, 14));
      let einde: string | null;
      let eindBeschikt: string | null;
      if (profiel.open && rnd() < profiel.open.kans) {
        // Open-ended: runs until the resident no longer needs it (moves, dies, recovers).
        const werkelijk = plus(ingang, 60 + Math.round(-Math.log(1 - rnd()) * profiel.open.jaren * 365));
        einde = werkelijk <= o.tot ? werkelijk : null;
        eindBeschikt = null;
      } else {
        einde = eindBeschikt = plus(plusMaanden(ingang, tussen(profiel.maanden[0], profiel.maanden[1])), -1);
        // Some care stops early (the resident stops, moves, recovers sooner): known once it happened.
        if (profiel.zorg && rnd() < 0.15) {
          const eerder = plus(ingang, Math.floor(rnd() * (dagnr(eindBeschikt) - dagnr(ingang))));
          if (eerder <= o.tot) einde = eerder;
        }
      }
      const resultaat = profiel.resultaat === 'jeugdprofiel' ? { profiel: elk(JEUGD_PROFIELEN), intensiteit: elk(JEUGD_INTENSITEITEN) }
        : profiel.resultaat === 'wmoBegeleiding' ? { profiel: elk(WMO_COMPLEXITEITEN), intensiteit: elk(WMO_INTENSITEITEN) } : null;
      const pgb = profiel.zorg && rnd() < 0.15 && (!profiel.code || inkoop.pgb.has(profiel.code));
      return {
        id: nieuwId(), profiel, cat: catVan.get(profiel.naam)!, wet, uitkomst, omvang, tarief, ingang, einde, eindBeschikt, resultaat,
        leveringsvorm: pgb ? 'pgb' : 'zin', jaarbedragCents: 0, budgetCents: 0,
      };
    };
    /** The decision's budget, once a course is written: contracted products by inkoop's maths, the others pro rata. */
    const beslisBudget = (p: ProductTrek) => {
      if (p.uitkomst === 'afgewezen') return;
      if (p.profiel.code && inkoop.perCode.has(p.profiel.code)) {
        const b = budgetVoor(inkoop, { code: p.profiel.code, contractProduct: null, leveringsvorm: p.leveringsvorm, volume: p.omvang, begin: p.ingang, eind: p.eindBeschikt, resultaat: p.resultaat });
        p.budgetCents = b.budgetCents;
        p.jaarbedragCents = b.jaarbedragCents;
      } else {
        p.jaarbedragCents = Math.round(p.omvang * PERIODES_PER_JAAR[p.profiel.periode] * p.tarief * 100);
        p.budgetCents = budgetProRata(p.jaarbedragCents, p.ingang, budgetTotVoor(p.ingang, p.eindBeschikt));
      }
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
    const voorzieningen: Rij[] = [];
    /** Per resident and product (`nr * producten + index`): the last day of the provision granted last (Infinity: still running). */
    const lopendTot = new Map<number, number>();
    const productNr = new Map([...new Set(Object.values(PROFIELEN).flat().map((p) => p.naam))].map((naam, i) => [naam, i]));
    const voorzieningHistorie: Rij[] = [];
    const volg: Record<string, number> = {};
    for (const r of eigenNummers) volg[`${r.soort}${r.jaar}`] = Number(r.laatste);
    const nummer = (soort: string, jaar: number) => (volg[`${soort}${jaar}`] = (volg[`${soort}${jaar}`] ?? 0) + 1);
    // Per household its casus drawn last (id counter, 0: none) and that casus's last day (dagnr).
    const openCasusNr = new Int32Array(aantalHh);
    const openCasusTot = new Int32Array(aantalHh);
    const openCasus = (p: Persoon) => (openCasusNr[p.hh] ? { id: idVan(openCasusNr[p.hh]!), tot: datum(openCasusTot[p.hh]!) } : undefined);
    const wmoClienten = new Set<number>();
    let beurt = 0; // round-robin over the beslissers
    const termijn = (soort: 'onderzoek' | 'eersteGesprek' | 'beschikking', wet: Wet, regel: TermijnRegel, start: string, afgerond: string | null, ids: { melding_id?: string; aanvraag_id?: string }) => {
      const klaar = afgerond && afgerond <= o.tot ? afgerond : null;
      const uiterste = termijnEinde(regel, start);
      const stand = klaar ? { uitersteDatum: uiterste, status: klaar <= uiterste ? 'afgerondBinnenTermijn' : 'afgerondNaTermijn' }
        : berekenTermijn({ soort, startdatum: start, duur: regel.duur, opschortingen: [], verdaging: null, afgerondOp: null }, o.tot);
      termijnen.push({
        id: nieuwId(), gemeente_id: gemeenteId, melding_id: ids.melding_id ?? null, aanvraag_id: ids.aanvraag_id ?? null, soort, wet, startdatum: start, duur_eenheid: regel.duur.eenheid,
        duur_aantal: regel.duur.aantal, grondslag: regel.grondslag, afgerond_op: klaar, uiterste_datum: stand.uitersteDatum,
        opgeschort_dagen: 0, status: stand.status, berekend_op: o.tot,
      });
    };
    // Tables in foreign-key order (what the `triggers` way needs), written per chunk of ~2,500 meldingen.
    const tabellen: [keyof DB, Rij[]][] = [
      ['casussen', casussen], ['meldingen', meldingen], ['gesprekken', gesprekken], ['plannen', plannen], ['tevredenheid', tevredenheid], ['aanvragen', aanvragen],
      ['melding_statushistorie', historie], ['gesprek_scores', scores], ['plan_versies', planVersies], ['doelen', doelRijen], ['evaluaties', evaluaties],
      ['aanvraag_statushistorie', aanvraagHistorie], ['beschikkingen', beschikkingen], ['termijnen', termijnen],
      ['arrangement_items', items], ['aanvraag_producten', aanvraagProducten], ['beschikking_producten', beschikkingProducten],
      ['voorzieningen', voorzieningen], ['voorziening_historie', voorzieningHistorie],
    ];
    tellingen.bestaande_clienten = 0;
    tellingen.herzieningen = 0;
    tellingen.wmo_clienten = 0;
    for (const [t] of tabellen) tellingen[t] = 0;
    /** Hands the gathered rows to the loader and empties the arrays. */
    const wegschrijven = async () => {
      const deel = tabellen.map(([t, r]) => [t, r.splice(0)] as const);
      for (const [t, r] of deel) tellingen[t]! += r.length;
      await lever(deel);
    };
    /** Lets the socket take the chunk on its way while drawing goes on. */
    const pauze = () => new Promise<void>((r) => setImmediate(r));
    const deelnemers = [{ rol: 'inwoner', naam: 'Inwoner' }];
    const eigenBijdrage = STANDAARD_BESLUIT_INSTELLINGEN.eigenBijdrage;

    /** A weighted choice among the aanbieders contracted for a product on a day. */
    const kiesAanbieder = (code: string, datum: string): ContractProductModel | null => {
      const kandidaten = gecontracteerdOp(inkoop, code, datum);
      if (!kandidaten.length) return null;
      let r = rnd() * kandidaten.reduce((s, c) => s + c.gewicht, 0);
      return kandidaten.find((c) => (r -= c.gewicht) < 0) ?? kandidaten[kandidaten.length - 1]!;
    };
    /**
     * The provision of a granted product of a sent beschikking, and its history: the provider chosen
     * (weighted; pgb to the SVB) a few days after the decision, started on the begin date, ended on
     * its real last day with a WMO588/JZ588 reason. One not yet begun may still wait for a provider.
     * Products without a contract (laws without iStandaard products) stay toegekend: no provider chain.
     */
    const schrijfVoorziening = (p: ProductTrek, x: { bpId: string; beschikkingId: string; casusId: string; persoon: Persoon; regisseur: string; beslisser: string; verzonden: string },
      h7: { id?: string; vervangt?: string; aanbieder?: ContractProductModel | null; vervanging?: { op: string; door: string } } = {}): { id: string; vervangen: boolean; aanbieder: ContractProductModel | null } => {
      const id = h7.id ?? nieuwId();
      const jaar = Number(x.verzonden.slice(0, 4));
      const code = p.profiel.code && inkoop.perCode.has(p.profiel.code) ? p.profiel.code : null;
      const soort = code ? inkoop.perCode.get(code)![0]! : null;
      const toegewezenOp = plus(x.verzonden, Math.min(tussen(0, 4), dagnr(p.ingang) - dagnr(x.verzonden)));
      const kiest = code !== null && toegewezenOp <= o.tot && (p.ingang <= o.tot || rnd() < 0.7);
      const svb = kiest && p.leveringsvorm === 'pgb';
      // After a herziening the resident stays with the provider that delivered so far.
      const cp = kiest && !svb ? (h7.aanbieder ?? kiesAanbieder(code, p.ingang)) : null;
      const toegewezen = svb || cp !== null;
      const gestart = toegewezen && p.ingang <= o.tot;
      // A herziening replaces a started provision from its own begin: the old one's last day is the day before.
      const vervangen = !!h7.vervanging && gestart && p.ingang < h7.vervanging.op;
      const beeindigd = !vervangen && gestart && p.einde !== null && p.einde < o.tot;
      const budget = cp ? budgetVoor(inkoop, { code: code!, contractProduct: cp, leveringsvorm: 'zin', volume: p.omvang, begin: p.ingang, eind: p.eindBeschikt, resultaat: p.resultaat })
        : { budgetCents: p.budgetCents, jaarbedragCents: p.jaarbedragCents, budgetTot: budgetTotVoor(p.ingang, p.eindBeschikt) };
      const lijst = p.wet === 'jeugdwet' ? 'jeugdwet' : 'wmo';
      const reden = vervangen ? 'herziening' : !beeindigd ? null : p.einde === p.eindBeschikt ? REDEN_VOLGENS_PLAN[lijst] : kies(rnd, REDENEN_VOORTIJDIG[lijst]);
      const status = vervangen ? 'vervangen' : beeindigd ? 'beeindigd' : gestart ? 'gestart' : toegewezen ? 'toegewezen' : 'toegekend';
      const laatste = vervangen ? plus(h7.vervanging!.op, -1) : beeindigd ? p.einde! : null;
      voorzieningen.push({
        id, gemeente_id: gemeenteId, nummer: voorzieningNummer(jaar, nummer('voorziening', jaar)), beschikking_id: x.beschikkingId, beschikking_product_id: x.bpId,
        casus_id: x.casusId, huishouden_id: x.persoon.huishouden, persoon_id: x.persoon.id, wet: p.wet, productcategorie: soort?.categorie ?? null, productcode: code,
        product_naam: p.cat.naam, catalogus_item_id: p.cat.id, volume: p.omvang, eenheid: soort?.eenheid ?? null, frequentie: soort?.frequentie ?? null,
        begin: p.ingang, eind: p.eindBeschikt, leveringsvorm: p.leveringsvorm, bekostiging: soort?.bekostiging ?? null, resultaat: p.resultaat,
        aanbieder_id: cp?.aanbiederId ?? null, contract_product_id: cp?.id ?? null, budget_cents: budget.budgetCents, budget_tot: budget.budgetTot,
        jaarbedrag_cents: budget.jaarbedragCents, status, svb, gestart_op: gestart ? p.ingang : null, beeindigd_op: laatste,
        reden_beeindiging: reden, vervangen_door: vervangen ? h7.vervanging!.door : null, vervangt: h7.vervangt ?? null, aangemaakt_op: moment(x.verzonden, 12),
        gewijzigd_op: moment(laatste ?? (gestart ? p.ingang : toegewezen ? toegewezenOp : x.verzonden), 12),
      });
      const h = (van: string | null, naar: string, door: string, op: string, uur: number, toelichting: string, gegevens: object) =>
        voorzieningHistorie.push({ gemeente_id: gemeenteId, voorziening_id: id, van, naar, door, moment: moment(op, uur), toelichting, gegevens });
      h(null, 'toegekend', x.beslisser, x.verzonden, 12, 'Toegekend met het verzenden van de beschikking', { budgetCents: p.budgetCents, jaarbedragCents: p.jaarbedragCents });
      if (toegewezen) {
        h('toegekend', 'toegewezen', x.regisseur, toegewezenOp, 13, svb ? 'Pgb vastgelegd en doorgegeven aan de SVB' : `Aanbieder gekozen: ${cp!.aanbiederNaam}`,
          svb ? { svb: true, budgetCents: budget.budgetCents } : { aanbiederId: cp!.aanbiederId, contractProductId: cp!.id, budgetCents: budget.budgetCents });
      }
      if (gestart) h('toegewezen', 'gestart', x.regisseur, p.ingang, 14, 'Levering gestart', { datum: p.ingang });
      if (beeindigd) h('gestart', 'beeindigd', x.regisseur, p.einde!, 15, 'Beëindigd', { datum: p.einde, reden });
      if (vervangen) h('gestart', 'vervangen', x.beslisser, laatste!, 16, 'Vervangen door de herziening', { beeindigdOp: laatste, vervangenDoor: h7.vervanging!.door });
      return { id, vervangen, aanbieder: cp };
    };

    /**
     * A herziening (Awb 4:6-like review after the evaluation): a new aanvraag with its four eyes, a
     * beschikking that reviews the old one, the product with an adjusted volume from `op`, and the new
     * voorziening that replaces the old (linked both ways) with the same provider.
     */
    const schrijfHerziening = (p: ProductTrek, hz: { besloten: string; op: string; door: string }, x: {
      beschikkingId: string; voorzieningId: string; aanbieder: ContractProductModel | null; casusId: string; persoon: Persoon; regisseur: string;
      toetser: string; beoordelaar: string; beslisser: string; itemId: string;
    }) => {
      const ontvangen = plus(hz.besloten, -tussen(3, 5));
      const aanvraagId = nieuwId();
      const jaar = Number(ontvangen.slice(0, 4));
      aanvragen.push({ id: aanvraagId, gemeente_id: gemeenteId, nummer: `A-${jaar}-${String(nummer('aanvraag', jaar)).padStart(6, '0')}`, casus_id: x.casusId,
        huishouden_id: x.persoon.huishouden, persoon_id: x.persoon.id, bron: 'herziening', herziening_van: x.beschikkingId, ontvangen_op: ontvangen, status: 'verzonden',
        voorbereid_door: x.regisseur, getoetst_door: x.toetser, toets: { compleet: true, bevoegd: true }, beoordeeld_door: x.beoordelaar,
        beoordeling: 'De evaluatie laat zien dat de omvang moet worden aangepast.', eerste_beslisser: null, eerste_besluit: null, besloten_door: x.beslisser, aangemaakt_op: moment(ontvangen, 9) });
      ([[null, 'ingediend', x.regisseur, ontvangen, 'Herziening aangevraagd na de evaluatie'], ['ingediend', 'getoetst', x.toetser, ontvangen, 'Getoetst'],
        ['getoetst', 'beoordeeld', x.beoordelaar, hz.besloten, 'Beoordeeld'], ['beoordeeld', 'besloten', x.beslisser, hz.besloten, 'Besloten'],
        ['besloten', 'verzonden', x.beslisser, hz.besloten, 'Beschikking verzonden']] as const).forEach(([vanS, naar, door, op, toelichting], k) =>
        aanvraagHistorie.push({ gemeente_id: gemeenteId, aanvraag_id: aanvraagId, van: vanS, naar, door, moment: moment(op, 9 + k), toelichting }));
      const stap = p.profiel.omvang[1] >= 100 ? 10 : 1;
      const nieuw: ProductTrek = { ...p, id: nieuwId(), uitkomst: 'toegekend', ingang: hz.op,
        omvang: Math.min(p.profiel.omvang[1], Math.max(p.profiel.omvang[0], p.omvang + (rnd() < 0.6 ? stap : -stap))) };
      aanvraagProducten.push({ id: nieuw.id, gemeente_id: gemeenteId, aanvraag_id: aanvraagId, arrangement_item_id: x.itemId, catalogus_item_id: p.cat.id, wet: p.wet, omschrijving: p.cat.naam });
      termijn('beschikking', p.wet, (STANDAARD_TERMIJNEN[p.wet as Exclude<Wet, 'onbekend'>] as { beschikking: TermijnRegel }).beschikking, ontvangen, hz.besloten, { aanvraag_id: aanvraagId });
      beslisBudget(nieuw);
      const bId = nieuwId();
      const bJaar = Number(hz.besloten.slice(0, 4));
      beschikkingen.push({ id: bId, gemeente_id: gemeenteId, nummer: `B-${bJaar}-${String(nummer('beschikking', bJaar)).padStart(6, '0')}`, aanvraag_id: aanvraagId,
        herziening_van: x.beschikkingId, motivering: 'Herziening na de evaluatie: de omvang past nu bij wat de inwoner nodig heeft.',
        besloten_op: moment(hz.besloten, 11), verzonden_op: hz.besloten, bezwaar_termijn_einde: plus(hz.besloten, 42) });
      const bpId = nieuwId();
      beschikkingProducten.push({ id: bpId, gemeente_id: gemeenteId, beschikking_id: bId, aanvraag_product_id: nieuw.id, uitkomst: 'toegekend', grondslag: GRONDSLAG[p.wet] ?? GRONDSLAG.onbekend,
        omvang: nieuw.omvang, eenheid: p.profiel.eenheid, periode: p.profiel.periode, ingangsdatum: nieuw.ingang, einddatum: nieuw.eindBeschikt, leveringsvorm: p.leveringsvorm,
        eigen_bijdrage: eigenBijdrage[p.wet] ?? null, jaarbedrag_cents: nieuw.jaarbedragCents, budget_cents: nieuw.budgetCents, productcode: p.profiel.code ?? null, resultaat: null });
      schrijfVoorziening(nieuw, { bpId, beschikkingId: bId, casusId: x.casusId, persoon: x.persoon, regisseur: x.regisseur, beslisser: x.beslisser, verzonden: hz.besloten },
        { id: hz.door, vervangt: x.voorzieningId, aanbieder: x.aanbieder });
      tellingen.herzieningen = (tellingen.herzieningen ?? 0) + 1;
    };

    /** Writes a drawn course as rows of a new casus; returns the casus id. */
    const schrijfVerloop = (v: Verloop, persoon: Persoon): string => {
      // A product the resident still has (from an earlier casus: an open-ended provision outlives it)
      // is not granted twice: two running provisions of one product would count its cost twice.
      if (v.aanvraag && v.aanvraag.besloten <= o.tot) {
        for (const p of v.aanvraag.producten) {
          const sleutel = persoon.nr * productNr.size + productNr.get(p.profiel.naam)!;
          if (p.uitkomst !== 'afgewezen' && (lopendTot.get(sleutel) ?? -Infinity) >= dagnr(p.ingang)) p.uitkomst = 'afgewezen';
          if (p.uitkomst !== 'afgewezen') lopendTot.set(sleutel, p.einde === null ? Infinity : dagnr(p.einde));
        }
      }
      const casusNr = ++teller;
      const casusId = idVan(casusNr);
      const jaar = Number(v.ontvangen.slice(0, 4));
      const regisseur = elk(basis.regisseurs);
      const gesloten = v.sluit <= o.tot;
      casussen.push({
        id: casusId, gemeente_id: gemeenteId, nummer: casusNummer(jaar, nummer('casus', jaar)), huishouden_id: persoon.huishouden, wijk_id: persoon.wijk,
        regisseur_id: regisseur, status: gesloten ? 'gesloten' : 'open', gesloten_op: gesloten ? moment(v.sluit, 12) : null, geopend_op: moment(v.ontvangen, 10),
      });
      openCasusNr[persoon.hh] = casusNr;
      openCasusTot[persoon.hh] = dagnr(v.sluit);
      if (v.intake > o.tot) return casusId;

      // The keukentafelgesprek and the plan the resident agreed to.
      const intakeId = nieuwId();
      gesprekken.push({ id: intakeId, gemeente_id: gemeenteId, casus_id: casusId, datum: v.intake, plek: rnd() < 0.8 ? 'thuis' : 'kantoor', instrument_id: instrument.id, soort: 'intake',
        deelnemers, gevoerd_door: regisseur, verslag_verzonden_op: moment(v.intake, 15) });
      v.begin.forEach((score, d) => scores.push({ gesprek_id: intakeId, gemeente_id: gemeenteId, domein: LEEFGEBIEDEN[d], score }));
      const planId = nieuwId();
      const aangepast = v.evaluatie?.besluit === 'aanpassen';
      plannen.push({ id: planId, gemeente_id: gemeenteId, casus_id: casusId, huishouden_id: persoon.huishouden, versie: aangepast ? 2 : 1, status: gesloten ? 'gesloten' : 'actief',
        instemming_datum: v.intake, instemming_wijze: v.wijze, aangemaakt_op: moment(v.intake, 14), gewijzigd_op: moment(gesloten ? v.sluit : v.evaluatie?.gehouden ?? v.intake, 14) });
      const doelIds = v.doelen.map(() => nieuwId());
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
          const id = nieuwId();
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
          gesprekId = nieuwId();
          gesprekken.push({ id: gesprekId, gemeente_id: gemeenteId, casus_id: casusId, datum: v.evaluatie.gehouden, plek: rnd() < 0.7 ? 'thuis' : 'kantoor', instrument_id: instrument.id,
            soort: 'evaluatie', deelnemers, gevoerd_door: regisseur, verslag_verzonden_op: moment(v.evaluatie.gehouden, 15) });
          v.evaluatie.scores!.forEach((score, d) => scores.push({ gesprek_id: gesprekId, gemeente_id: gemeenteId, domein: LEEFGEBIEDEN[d], score }));
        }
        evaluaties.push({ id: nieuwId(), gemeente_id: gemeenteId, plan_id: planId, gepland_op: v.evaluatie.gepland, gehouden_op: v.evaluatie.gehouden, gesprek_id: gesprekId,
          besluit: v.evaluatie.besluit, toelichting: v.evaluatie.besluit ? { voortzetten: 'Het plan loopt door zoals afgesproken.', aanpassen: 'Doelen en inzet bijgesteld.', afsluiten: 'De doelen zijn voldoende bereikt; het plan wordt afgesloten.' }[v.evaluatie.besluit] : null,
          doelstatussen: v.evaluatie.gehouden ? Object.fromEntries(v.doelen.map((d, k) => [doelIds[k], d.bijEvaluatie])) : null, door: v.evaluatie.gehouden ? regisseur : null });
      }
      if (v.tevreden && v.tevreden.datum <= o.tot) tevredenheid.push({ id: nieuwId(), gemeente_id: gemeenteId, casus_id: casusId, datum: v.tevreden.datum, goed_geholpen: v.tevreden.goed, cijfer: v.tevreden.cijfer });

      // The request for maatwerk, with four eyes, and the decision.
      const a = v.aanvraag;
      if (a && a.ingediend <= o.tot) {
        const aanvraagId = nieuwId();
        const b = basis.beslissers;
        const [toetser, beoordelaar, beslisser] = [b[beurt % b.length]!, b[(beurt + 1) % b.length]!, b[(beurt + (b.length > 2 ? 2 : 0)) % b.length]!];
        beurt++;
        const besloten = a.besloten <= o.tot;
        const span = dagnr(a.besloten) - dagnr(a.ingediend);
        const getoetst = plus(a.ingediend, Math.floor(span * 0.25));
        const beoordeeld = plus(a.ingediend, Math.floor(span * 0.65));
        const status = besloten ? 'verzonden' : o.tot >= beoordeeld ? 'beoordeeld' : o.tot >= getoetst ? 'getoetst' : 'ingediend';
        const stap = ['ingediend', 'getoetst', 'beoordeeld', 'besloten', 'verzonden'].indexOf(status);
        if (besloten) for (const p of a.producten) beslisBudget(p);
        // The second decider looks at the computed yearly amounts, as besluit does (never at a field that could be left out).
        const toegekendCents = a.producten.reduce((s, p) => s + p.jaarbedragCents, 0);
        const tweede = besloten && toegekendCents > STANDAARD_BESLUIT_INSTELLINGEN.tweedeBeslisserVanafCents ? b.find((x) => x !== beslisser && x !== beoordelaar) ?? null : null;
        const besluit = { producten: a.producten.map((p) => ({ arrangementItemId: itemIds.get(p), uitkomst: p.uitkomst })), motivering: 'Gemotiveerd besluit.' };
        const ingediendJaar = Number(a.ingediend.slice(0, 4));
        aanvragen.push({ id: aanvraagId, gemeente_id: gemeenteId, nummer: `A-${ingediendJaar}-${String(nummer('aanvraag', ingediendJaar)).padStart(6, '0')}`, casus_id: casusId,
          huishouden_id: persoon.huishouden, persoon_id: persoon.id, bron: 'plan', herziening_van: null, ontvangen_op: a.ingediend, status, voorbereid_door: regisseur,
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
          const bId = nieuwId();
          const beslotenJaar = Number(a.besloten.slice(0, 4));
          beschikkingen.push({ id: bId, gemeente_id: gemeenteId, nummer: `B-${beslotenJaar}-${String(nummer('beschikking', beslotenJaar)).padStart(6, '0')}`, aanvraag_id: aanvraagId, herziening_van: null,
            motivering: 'Eigen kracht, het netwerk en de algemene voorzieningen zijn geprobeerd en volstaan niet; deze voorziening is nodig om het doel in het plan te halen.',
            besloten_op: moment(a.besloten, 11), verzonden_op: a.besloten, bezwaar_termijn_einde: plus(a.besloten, 42) });
          let herzien = false;
          for (const p of a.producten) {
            const af = p.uitkomst === 'afgewezen';
            const bpId = nieuwId();
            beschikkingProducten.push({ id: bpId, gemeente_id: gemeenteId, beschikking_id: bId, aanvraag_product_id: p.id, uitkomst: p.uitkomst, grondslag: GRONDSLAG[p.wet] ?? GRONDSLAG.onbekend,
              omvang: af ? null : p.omvang, eenheid: af ? null : p.profiel.eenheid, periode: af ? null : p.profiel.periode, ingangsdatum: af ? null : p.ingang, einddatum: af ? null : p.eindBeschikt,
              leveringsvorm: af ? null : p.leveringsvorm, eigen_bijdrage: af ? null : eigenBijdrage[p.wet] ?? null, jaarbedrag_cents: p.jaarbedragCents,
              budget_cents: af ? null : p.budgetCents, productcode: af ? null : p.profiel.code ?? null, resultaat: af ? null : p.resultaat });
            if (af) continue;
            // After an evaluation that adjusts the plan, sometimes a herziening of a running zorg product's volume.
            const ev = v.evaluatie;
            const herziening = !herzien && p.profiel.zorg && !p.resultaat && p.profiel.omvang[0] < p.profiel.omvang[1] && ev?.besluit === 'aanpassen' && ev.gehouden
              && rnd() < 0.6 ? (() => {
                const besloten = plus(ev.gehouden!, tussen(5, 12));
                const op = plus(besloten, tussen(0, 14));
                return op <= o.tot && plus(besloten, -5) > a.besloten && dagnr(op) > dagnr(p.ingang) + 30 && (p.einde === null || p.einde > op) ? { besloten, op, door: nieuwId() } : null;
              })() : null;
            const oud = schrijfVoorziening(p, { bpId, beschikkingId: bId, casusId, persoon, regisseur, beslisser, verzonden: a.besloten },
              herziening ? { vervanging: { op: herziening.op, door: herziening.door } } : {});
            if (herziening && oud.vervangen) {
              herzien = true;
              schrijfHerziening(p, herziening, { beschikkingId: bId, voorzieningId: oud.id, aanbieder: oud.aanbieder, casusId, persoon, regisseur, toetser, beoordelaar, beslisser, itemId: itemIds.get(p)! });
            }
            // Wmo clients on the last day: residents with a running (partly) granted Wmo provision.
            if (p.wet === 'wmo' && !af && p.ingang <= o.tot && (p.einde === null || p.einde >= o.tot)) wmoClienten.add(persoon.nr);
          }
        }
      }
      return casusId;
    };

    const schrijfMelding = (persoon: Persoon, wet: Wet, ontvangen: string, uitkomst: 'gemeld' | 'afgehandeld' | 'inOnderzoek', casusId: string | null, eind: string | null, casusSluit: string | null) => {
      const meldingId = nieuwId();
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
    // No earlier than the first contract: Demodorp's run from 2015 (every provision has a contracted price).
    const aanloopDagen = Math.max(0, Math.min(AANLOOP_JAREN * 365, inkoop.eersteDag ? vanNr - dagnr(inkoop.eersteDag) : Infinity));
    const aanloop = Array.from({ length: Math.round((perJaar * aanloopDagen) / 365) }, () => seizoensdag(vanNr - aanloopDagen, aanloopDagen)).sort();
    voortgang('bestaande cliënten', 0, aanloop.length);
    let voorraad = 0;
    for (const [i, ontvangen] of aanloop.entries()) {
      const wet = kies(rnd, WET_MIX);
      if (rnd() >= 0.7) continue; // only onderzoeken can lead to maatwerk
      const v = trekVerloop(wet, ontvangen, false, true);
      if (v?.aanvraag?.producten.some((p) => p.uitkomst !== 'afgewezen' && (p.einde === null || p.einde >= van) && p.ingang < van)) {
        const persoon = kiesPersoon(wet, ontvangen);
        const bestaand = openCasus(persoon);
        if (bestaand && bestaand.tot >= ontvangen) continue;
        const casusId = schrijfVerloop(v, persoon);
        schrijfMelding(persoon, wet, ontvangen, 'inOnderzoek', casusId, v.intake, v.sluit);
        voorraad++;
      }
      if (meldingen.length >= 2500) await wegschrijven();
      else if (i % 250 === 0) await pauze();
      if (i % 5000 === 0) voortgang('bestaande cliënten', i, aanloop.length);
    }
    voortgang('bestaande cliënten', aanloop.length, aanloop.length);
    aanloop.length = 0;
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
        const bestaand = openCasus(persoon);
        if (bestaand && bestaand.tot >= ontvangen) {
          // Added to the household's running casus: handled within it.
          schrijfMelding(persoon, wet, ontvangen, uitkomst, bestaand.id, plus(ontvangen, tussen(0, 10)), bestaand.tot);
        } else {
          const v = trekVerloop(wet, ontvangen, persoon.wijk === pilot.id, false)!;
          const casusId = schrijfVerloop(v, persoon);
          schrijfMelding(persoon, wet, ontvangen, uitkomst, casusId, v.intake, v.sluit);
        }
      }
      if (meldingen.length >= 2500) await wegschrijven();
      else if (i % 250 === 0) await pauze();
      if (i % 2000 === 0) voortgang('meldingen en hun verloop', i, totaal);
    }
    voortgang('meldingen en hun verloop', totaal, totaal);

    tellingen.wmo_clienten = wmoClienten.size;
    await wegschrijven();
    await schrijvend;
    await lader.voerUit(`insert into nummering (gemeente_id, soort, jaar, laatste)
      select $1, s, j, l from unnest($2::text[], $3::int[], $4::bigint[]) as t(s, j, l)
      on conflict (gemeente_id, soort, jaar) do update set laatste = excluded.laatste`, [
      gemeenteId, Object.keys(volg).map((k) => k.replace(/\d+$/, '')), Object.keys(volg).map((k) => Number(k.replace(/^\D+/, ''))), Object.values(volg),
    ]);

    // 9. Indexes dropped for the load, the derived data, the commit and fresh statistics (ADR 30).
    voortgang('wegschrijven', 0, 1);
    await lader.afronden((k, n) => voortgang('wegschrijven', k, n));
    return { gemeenteId, tellingen, pilotWijk: { id: pilot.id, naam: pilot.naam, vanaf: pilotVanaf }, laadwijze: lader.wijze, laadtijden: Object.fromEntries(lader.tijden) };
  }
}
