/**
 * Statutory terms (wettelijke termijnen): pure rules, like rules.ts — no I/O.
 *
 * A term runs from a start date (the melding, the aanvraag, the sending of a decision) for a
 * statutory duration. Opschorting adds the suspended days; one verdaging sets a later nominal end;
 * the Algemene termijnenwet (Atw) then moves an end on a Saturday, Sunday or recognised holiday
 * to the next working day. Dates are 'YYYY-MM-DD' strings in the Dutch calendar.
 */
import { addDays, addWeeks, differenceInCalendarDays, format, getDay } from 'date-fns';

export type Datum = string;

const toDate = (d: Datum): Date => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, dd, 12); // noon: no DST edge can move the calendar day
};
const fromDate = (d: Date): Datum => format(d, 'yyyy-MM-dd');

export const plusDagen = (d: Datum, n: number): Datum => fromDate(addDays(toDate(d), n));
export const plusWeken = (d: Datum, n: number): Datum => fromDate(addWeeks(toDate(d), n));
/** Calendar days from a to b (b − a). */
export const dagenTussen = (a: Datum, b: Datum): number => differenceInCalendarDays(toDate(b), toDate(a));
const datum = (jaar: number, maand: number, dag: number): Datum =>
  `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function eerstePaasdag(jaar: number): Datum {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return datum(jaar, maand, dag);
}

const isZondag = (d: Datum) => getDay(toDate(d)) === 0;
const isZaterdag = (d: Datum) => getDay(toDate(d)) === 6;

/**
 * The day on which the monarch's birthday is celebrated:
 * - from 2014 (Willem-Alexander) 27 April, on Saturday 26 April when the 27th is a Sunday;
 * - 1980–2013 (Beatrix) 30 April, on Saturday 29 April when the 30th is a Sunday;
 * - 1949–1979 (Juliana) 30 April, on Monday 1 May when the 30th is a Sunday;
 * - before 1949 (Wilhelmina) 31 August, on Monday 1 September when the 31st is a Sunday.
 */
export function koningsdag(jaar: number): Datum {
  if (jaar >= 2014) {
    const d = datum(jaar, 4, 27);
    return isZondag(d) ? datum(jaar, 4, 26) : d;
  }
  if (jaar >= 1980) {
    const d = datum(jaar, 4, 30);
    return isZondag(d) ? datum(jaar, 4, 29) : d;
  }
  if (jaar >= 1949) {
    const d = datum(jaar, 4, 30);
    return isZondag(d) ? datum(jaar, 5, 1) : d;
  }
  const d = datum(jaar, 8, 31);
  return isZondag(d) ? datum(jaar, 9, 1) : d;
}

/**
 * Days declared equal to a holiday by royal decree (Atw art. 3 lid 3), published for a few years
 * at a time: mostly the Friday after Ascension and bridge days. Data, not a rule: add new decrees here.
 */
export const GELIJKGESTELDE_DAGEN: readonly Datum[] = [
  '2022-05-27',
  '2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30', // Besluit gelijkstelling 2023–2025
  '2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26', // Besluit gelijkstelling 2026–2028
];

export interface Feestdag {
  datum: Datum;
  naam: string;
}

/** The algemeen erkende feestdagen of the Atw (art. 3 lid 1), Goede Vrijdag (lid 2) and decreed days (lid 3). */
export function atwFeestdagen(jaar: number, gelijkgesteld: readonly Datum[] = GELIJKGESTELDE_DAGEN): Feestdag[] {
  const pasen = eerstePaasdag(jaar);
  const dagen: Feestdag[] = [
    { datum: datum(jaar, 1, 1), naam: 'Nieuwjaarsdag' },
    { datum: plusDagen(pasen, -2), naam: 'Goede Vrijdag' },
    { datum: pasen, naam: 'Eerste Paasdag' },
    { datum: plusDagen(pasen, 1), naam: 'Tweede Paasdag' },
    { datum: koningsdag(jaar), naam: jaar >= 2014 ? 'Koningsdag' : 'Koninginnedag' },
    { datum: datum(jaar, 5, 5), naam: 'Bevrijdingsdag' },
    { datum: plusDagen(pasen, 39), naam: 'Hemelvaartsdag' },
    { datum: plusDagen(pasen, 49), naam: 'Eerste Pinksterdag' },
    { datum: plusDagen(pasen, 50), naam: 'Tweede Pinksterdag' },
    { datum: datum(jaar, 12, 25), naam: 'Eerste Kerstdag' },
    { datum: datum(jaar, 12, 26), naam: 'Tweede Kerstdag' },
    ...gelijkgesteld.filter((d) => d.startsWith(`${jaar}-`)).map((d) => ({ datum: d, naam: 'Gelijkgestelde dag (Atw art. 3 lid 3)' })),
  ];
  return dagen.sort((a, b) => a.datum.localeCompare(b.datum));
}

const feestdagCache = new Map<string, Set<Datum>>();
function feestdagenSet(jaar: number, gelijkgesteld: readonly Datum[]): Set<Datum> {
  // The default list and an own list (even an empty one) need different keys: '' for both made
  // isWerkdag(d, []) and isWerkdag(d) answer each other's question.
  const key = `${jaar}|${gelijkgesteld === GELIJKGESTELDE_DAGEN ? 'standaard' : `eigen:${gelijkgesteld.join(',')}`}`;
  let s = feestdagCache.get(key);
  if (!s) {
    s = new Set(atwFeestdagen(jaar, gelijkgesteld).map((f) => f.datum));
    feestdagCache.set(key, s);
  }
  return s;
}

/** A working day in the sense of the Atw: not a Saturday, Sunday or recognised holiday. */
export function isWerkdag(d: Datum, gelijkgesteld: readonly Datum[] = GELIJKGESTELDE_DAGEN): boolean {
  if (isZaterdag(d) || isZondag(d)) return false;
  return !feestdagenSet(Number(d.slice(0, 4)), gelijkgesteld).has(d);
}

/** The day itself when it is a working day, otherwise the first working day after it (Atw art. 1). */
export function eerstvolgendeWerkdag(d: Datum, gelijkgesteld: readonly Datum[] = GELIJKGESTELDE_DAGEN): Datum {
  let x = d;
  while (!isWerkdag(x, gelijkgesteld)) x = plusDagen(x, 1);
  return x;
}

/** The n-th working day after d (d itself does not count). */
export function plusWerkdagen(d: Datum, n: number, gelijkgesteld: readonly Datum[] = GELIJKGESTELDE_DAGEN): Datum {
  let x = d;
  let over = n;
  while (over > 0) {
    x = plusDagen(x, 1);
    if (isWerkdag(x, gelijkgesteld)) over--;
  }
  return x;
}

const dagNummer = (d: Datum): number => {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, dd) / 86_400_000);
};
/** 0 = Sunday … 6 = Saturday; 1 January 1970 (day 0) was a Thursday. */
const weekdag = (dag: number) => (((dag + 4) % 7) + 7) % 7;

/**
 * Working days after a, up to and including b (0 when b ≤ a). Counted arithmetically — weeks,
 * then the holidays that fall on a weekday — so a span of years costs no more than a few days.
 */
export function werkdagenTussen(a: Datum, b: Datum, gelijkgesteld: readonly Datum[] = GELIJKGESTELDE_DAGEN): number {
  const start = dagNummer(a) + 1;
  const eind = dagNummer(b);
  if (eind < start) return 0;
  const dagen = eind - start + 1;
  let werk = Math.floor(dagen / 7) * 5;
  for (let d = start + Math.floor(dagen / 7) * 7; d <= eind; d++) {
    const w = weekdag(d);
    if (w !== 0 && w !== 6) werk++;
  }
  for (let jaar = Number(a.slice(0, 4)); jaar <= Number(b.slice(0, 4)); jaar++) {
    for (const f of feestdagenSet(jaar, gelijkgesteld)) {
      const d = dagNummer(f);
      const w = weekdag(d);
      if (d >= start && d <= eind && w !== 0 && w !== 6) werk--;
    }
  }
  return werk;
}

// ————— Terms per law and step —————

export type TermijnSoort = 'onderzoek' | 'beschikking' | 'eersteGesprek' | 'bezwaar';
export type Duur = { eenheid: 'weken' | 'dagen' | 'werkdagen'; aantal: number };
export interface TermijnRegel {
  duur: Duur;
  grondslag: string;
}

/** What the law says by default; a gemeente may configure other values (TermijnConfig). */
export const STANDAARD_TERMIJNEN = {
  wmo: {
    onderzoek: { duur: { eenheid: 'weken', aantal: 6 }, grondslag: 'art. 2.3.2 lid 1 Wmo 2015' },
    beschikking: { duur: { eenheid: 'weken', aantal: 2 }, grondslag: 'art. 2.3.5 lid 1 Wmo 2015' },
  },
  jeugdwet: { beschikking: { duur: { eenheid: 'weken', aantal: 8 }, grondslag: 'art. 4:13 Awb' } },
  participatiewet: { beschikking: { duur: { eenheid: 'weken', aantal: 8 }, grondslag: 'art. 4:13 Awb' } },
  schuldhulp: {
    eersteGesprek: { duur: { eenheid: 'weken', aantal: 4 }, grondslag: 'art. 4 lid 1 Wgs' },
    eersteGesprekSpoed: { duur: { eenheid: 'werkdagen', aantal: 3 }, grondslag: 'art. 4 lid 2 Wgs (dreigende huisuitzetting of afsluiting)' },
    beschikking: { duur: { eenheid: 'weken', aantal: 8 }, grondslag: 'art. 4:13 Awb' },
  },
  minima: { beschikking: { duur: { eenheid: 'weken', aantal: 8 }, grondslag: 'art. 4:13 Awb' } },
  onbekend: { beschikking: { duur: { eenheid: 'weken', aantal: 8 }, grondslag: 'art. 4:13 Awb' } },
  bezwaar: { duur: { eenheid: 'weken', aantal: 6 }, grondslag: 'art. 6:7 en 6:8 Awb' },
} as const satisfies {
  wmo: { onderzoek: TermijnRegel; beschikking: TermijnRegel };
  jeugdwet: { beschikking: TermijnRegel };
  participatiewet: { beschikking: TermijnRegel };
  schuldhulp: { eersteGesprek: TermijnRegel; eersteGesprekSpoed: TermijnRegel; beschikking: TermijnRegel };
  minima: { beschikking: TermijnRegel };
  onbekend: { beschikking: TermijnRegel };
  bezwaar: TermijnRegel;
};

export type TermijnConfig = typeof STANDAARD_TERMIJNEN;

export const termijnSoortNaam: Record<TermijnSoort, string> = {
  onderzoek: 'Onderzoek (Wmo)', beschikking: 'Beschikking', eersteGesprek: 'Eerste gesprek (schuldhulpverlening)', bezwaar: 'Bezwaar',
};


/** The nominal end: start + duration (weeks and days fall on the same weekday/day count; working days skip Atw days). */
export function nominaleEinddatum(start: Datum, duur: Duur, gelijkgesteld: readonly Datum[] = GELIJKGESTELDE_DAGEN): Datum {
  switch (duur.eenheid) {
    case 'weken': return plusWeken(start, duur.aantal);
    case 'dagen': return plusDagen(start, duur.aantal);
    case 'werkdagen': return plusWerkdagen(start, duur.aantal, gelijkgesteld);
  }
}

/**
 * The Atw applied to an end date: art. 1 (an end on a Saturday, Sunday or holiday moves to the next
 * working day) and art. 2 (a term of three days or more contains at least two working days).
 */
export function atwEinddatum(start: Datum, eind: Datum, gelijkgesteld: readonly Datum[] = GELIJKGESTELDE_DAGEN): Datum {
  let e = eerstvolgendeWerkdag(eind, gelijkgesteld);
  if (dagenTussen(start, eind) >= 3) {
    while (werkdagenTussen(start, e, gelijkgesteld) < 2) e = plusWerkdagen(e, 1, gelijkgesteld);
  }
  return e;
}

export interface Opschorting {
  van: Datum;
  /** Last suspended day, inclusive; null while the suspension still runs. */
  tot: Datum | null;
  reden: string;
}

export interface Verdaging {
  nieuweDatum: Datum;
  reden: string;
}

/** Suspended calendar days: the union of the periods, an open one counted up to and including `peildatum`. */
export function opgeschorteDagen(opschortingen: readonly Opschorting[], peildatum: Datum): number {
  const periodes = opschortingen
    .map((o) => ({ van: o.van, tot: o.tot ?? peildatum }))
    .filter((p) => p.tot >= p.van)
    .sort((a, b) => a.van.localeCompare(b.van));
  let dagen = 0;
  let tot: Datum | null = null;
  for (const p of periodes) {
    if (tot === null || p.van > tot) {
      dagen += dagenTussen(p.van, p.tot) + 1;
      tot = p.tot;
    } else if (p.tot > tot) {
      dagen += dagenTussen(tot, p.tot);
      tot = p.tot;
    }
  }
  return dagen;
}

export const TERMIJN_STATUSSEN = ['loopt', 'verlooptBinnenkort', 'verlopen', 'opgeschort', 'afgerondBinnenTermijn', 'afgerondNaTermijn'] as const;
export type TermijnStatus = (typeof TERMIJN_STATUSSEN)[number];
export const termijnStatusNaam: Record<TermijnStatus, string> = {
  loopt: 'Loopt',
  verlooptBinnenkort: 'Verloopt binnen 5 werkdagen',
  verlopen: 'Verlopen',
  opgeschort: 'Opgeschort',
  afgerondBinnenTermijn: 'Afgerond binnen termijn',
  afgerondNaTermijn: 'Afgerond na termijn',
};

/** "Nearly due": at most this many working days left. */
export const BIJNA_VERLOPEN_WERKDAGEN = 5;

export interface TermijnInvoer {
  soort: TermijnSoort;
  startdatum: Datum;
  duur: Duur;
  opschortingen: readonly Opschorting[];
  verdaging: Verdaging | null;
  afgerondOp: Datum | null;
  gelijkgesteld?: readonly Datum[];
}

export interface TermijnStand {
  soort: TermijnSoort;
  startdatum: Datum;
  nominaleEinddatum: Datum;
  uitersteDatum: Datum;
  opgeschortDagen: number;
  verdaagd: boolean;
  status: TermijnStatus;
  /** Working days after `vandaag` up to the end; negative counts days overdue in working days. */
  werkdagenResterend: number;
}

/** Where a term stands on `vandaag`. */
export function berekenTermijn(t: TermijnInvoer, vandaag: Datum): TermijnStand {
  const g = t.gelijkgesteld ?? GELIJKGESTELDE_DAGEN;
  const nominaal = nominaleEinddatum(t.startdatum, t.duur, g);
  const basis = t.verdaging && t.verdaging.nieuweDatum > nominaal ? t.verdaging.nieuweDatum : nominaal;
  // While finished, an open suspension stops counting at the finishing day.
  const peil = t.afgerondOp ?? vandaag;
  const opgeschort = opgeschorteDagen(t.opschortingen, peil);
  const uiterste = atwEinddatum(t.startdatum, plusDagen(basis, opgeschort), g);
  const lopendeOpschorting = t.opschortingen.some((o) => o.van <= vandaag && (o.tot === null || o.tot >= vandaag));
  let status: TermijnStatus;
  if (t.afgerondOp) status = t.afgerondOp <= uiterste ? 'afgerondBinnenTermijn' : 'afgerondNaTermijn';
  else if (lopendeOpschorting) status = 'opgeschort';
  else if (vandaag > uiterste) status = 'verlopen';
  else if (werkdagenTussen(vandaag, uiterste, g) <= BIJNA_VERLOPEN_WERKDAGEN) status = 'verlooptBinnenkort';
  else status = 'loopt';
  const resterend = vandaag <= uiterste ? werkdagenTussen(vandaag, uiterste, g) : -werkdagenTussen(uiterste, vandaag, g);
  return {
    soort: t.soort, startdatum: t.startdatum, nominaleEinddatum: nominaal, uitersteDatum: uiterste, opgeschortDagen: opgeschort,
    verdaagd: t.verdaging !== null, status, werkdagenResterend: resterend,
  };
}

export type TermijnFout =
  | 'termijn-afgerond'
  | 'termijn-al-verlopen'
  | 'opschorting-voor-start'
  | 'opschorting-einde-voor-begin'
  | 'opschorting-overlapt'
  | 'verdaging-al-gebruikt'
  | 'verdaging-niet-later';

export const termijnFoutTekst: Record<TermijnFout, string> = {
  'termijn-afgerond': 'Deze termijn is al afgerond.',
  'termijn-al-verlopen': 'Deze termijn is al verlopen; verdagen kan alleen tot en met de uiterste datum.',
  'opschorting-voor-start': 'Een opschorting kan niet beginnen vóór de start van de termijn.',
  'opschorting-einde-voor-begin': 'De einddatum van de opschorting ligt vóór de begindatum.',
  'opschorting-overlapt': 'Deze opschorting overlapt met een eerdere opschorting of er loopt er nog een.',
  'verdaging-al-gebruikt': 'Een termijn kan maar één keer worden verdaagd.',
  'verdaging-niet-later': 'De nieuwe datum moet na de huidige uiterste datum liggen.',
};

/** May this suspension be added? Returns the reason it may not, or null. */
export function controleerOpschorting(t: TermijnInvoer, nieuw: Opschorting): TermijnFout | null {
  if (t.afgerondOp) return 'termijn-afgerond';
  if (nieuw.van < t.startdatum) return 'opschorting-voor-start';
  if (nieuw.tot !== null && nieuw.tot < nieuw.van) return 'opschorting-einde-voor-begin';
  const eind = nieuw.tot ?? '9999-12-31';
  for (const o of t.opschortingen) {
    const oEind = o.tot ?? '9999-12-31';
    if (nieuw.van <= oEind && o.van <= eind) return 'opschorting-overlapt';
  }
  return null;
}

/** May this term be extended to `nieuweDatum` on `vandaag`? */
export function controleerVerdaging(t: TermijnInvoer, nieuweDatum: Datum, vandaag: Datum): TermijnFout | null {
  if (t.afgerondOp) return 'termijn-afgerond';
  if (t.verdaging) return 'verdaging-al-gebruikt';
  const stand = berekenTermijn(t, vandaag);
  if (vandaag > stand.uitersteDatum) return 'termijn-al-verlopen';
  if (nieuweDatum <= stand.uitersteDatum) return 'verdaging-niet-later';
  return null;
}
