/**
 * Sturing: KPIs as declarative definitions with norms and signal thresholds. Pure rules; the
 * computations themselves are SQL over the analysis data (store.ts), never JavaScript loops.
 */
import { addDays, addYears, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import { laatsteDagVanMaand } from '../../platform/time.ts';

export type Niveau = 'strategisch' | 'tactisch' | 'operationeel';
export type Richting = 'hogerIsBeter' | 'lagerIsBeter';
/**
 * What a KPI can be cut by. 'periode' means: a series per month. 'aanbieder' is the contracted
 * aanbieder delivering the voorziening (by id); 'bekostiging' its contract's form of payment.
 */
export const DIMENSIES = ['periode', 'wet', 'kern', 'wijk', 'team', 'regisseur', 'product', 'aanbieder', 'bekostiging', 'stap'] as const;
export type Dimensie = (typeof DIMENSIES)[number];

/** The bekostigingsvormen of the contracts (inkoop, ADR 31), as the dashboards name them. */
export const BEKOSTIGINGEN = ['inspanningsgericht', 'outputgericht', 'taakgericht'] as const;
export const bekostigingNaam: Record<(typeof BEKOSTIGINGEN)[number], string> = {
  inspanningsgericht: 'Inspanningsgericht', outputgericht: 'Outputgericht', taakgericht: 'Taakgericht',
};
/** The cuts of the KPIs about voorzieningen: who delivers them and how they are paid. */
const LEVERING: Dimensie[] = ['product', 'aanbieder', 'bekostiging'];
/**
 * aandeel: teller/noemer (0–1); aantal: teller; verandering: teller (now) against noemer (the
 * basisperiode), as a fraction (−0,15 = 15% minder); gemiddelde and bedrag: teller/noemer.
 */
export type Eenheid = 'aandeel' | 'aantal' | 'verandering' | 'gemiddelde' | 'bedrag';

export interface KpiDefinitie {
  id: string;
  naam: string;
  uitleg: string;
  niveau: Niveau;
  eenheid: Eenheid;
  richting: Richting;
  /** The default norm (target); a gemeente sets its own. */
  norm: number;
  /** How far from the norm is still orange (in the unit of the KPI). */
  marge: number;
  dimensies: Dimensie[];
  bron: string;
  /** A stand on the last day of the period (e.g. caseload), not a sum over the period. */
  momentopname?: boolean;
  /**
   * 'jaar': the norm and marge are amounts per year (a budget), the figure a sum over the period:
   * a shorter period is held against its share of the year (`normInPeriode`), a month against a twelfth.
   */
  normPer?: 'jaar';
}

const ALLES: Dimensie[] = ['periode', 'wet', 'kern', 'wijk', 'team', 'regisseur'];

/** The default KPI set: Deventer's targets, the statutory terms, flow, caseload, self-reliance and cost. */
export const KPIS: readonly KpiDefinitie[] = [
  {
    id: 'aandeel-meldingen-naar-maatwerk', naam: 'Aandeel nieuwe meldingen dat tot een maatwerkvoorziening leidt', niveau: 'strategisch',
    uitleg: 'Van de nieuwe meldingen in de periode: hoeveel leidden tot een (deels) toegekende maatwerkvoorziening. Deventer: ten hoogste 20%.',
    eenheid: 'aandeel', richting: 'lagerIsBeter', norm: 0.2, marge: 0.05, dimensies: ALLES, bron: 'meldingen, beschikkingen',
  },
  {
    id: 'aandeel-maatwerk-met-gesprek', naam: 'Aandeel maatwerkbesluiten met minstens één gesprek vooraf', niveau: 'strategisch',
    uitleg: 'Van de (deels) toegekende maatwerkvoorzieningen die in de periode zijn besloten: bij hoeveel was er vooraf minstens één keukentafelgesprek. Deventer: 100%.',
    eenheid: 'aandeel', richting: 'hogerIsBeter', norm: 1, marge: 0.05, dimensies: [...ALLES, ...LEVERING], bron: 'beschikkingen, voorzieningen, gesprekken',
  },
  {
    id: 'aandeel-goed-geholpen', naam: 'Aandeel cliënten dat zich goed geholpen voelt', niveau: 'strategisch',
    uitleg: 'Van de antwoorden op de tevredenheidsvraag in de periode: hoeveel zeiden "goed geholpen". Deventer: minstens 80%.',
    eenheid: 'aandeel', richting: 'hogerIsBeter', norm: 0.8, marge: 0.05, dimensies: ALLES, bron: 'tevredenheid',
  },
  {
    id: 'verandering-aanvragen', naam: 'Verandering in het aantal aanvragen maatwerk', niveau: 'strategisch',
    uitleg: 'Het aantal aanvragen in de periode tegenover een even lange basisperiode: vóór de peildatum van de gemeente, of anders dezelfde periode een jaar eerder. Doel: 15% minder.',
    eenheid: 'verandering', richting: 'lagerIsBeter', norm: -0.15, marge: 0.05, dimensies: ALLES, bron: 'aanvragen',
  },
  {
    id: 'verandering-voorzieningen', naam: 'Verandering in het volume maatwerkvoorzieningen', niveau: 'strategisch',
    uitleg: 'Het aantal voorzieningsmaanden (een voorziening die in een maand loopt, tot haar werkelijke einde) in de periode tegenover de basisperiode. Doel: 7% minder.',
    eenheid: 'verandering', richting: 'lagerIsBeter', norm: -0.07, marge: 0.03, dimensies: [...ALLES, ...LEVERING], bron: 'voorzieningen',
  },
  {
    id: 'kosten-per-inwoner', naam: 'Kosten maatwerk per inwoner', niveau: 'strategisch',
    uitleg: 'De kosten van de lopende maatwerkvoorzieningen in de periode, gedeeld door het aantal inwoners van het gebied. Echt geld waar het er is: per voorziening en maand het goedgekeurde bedrag van de declaraties; waar (nog) niet gedeclareerd is, de raming uit het besluit (het jaarbedrag naar rato van de looptijd, tot het werkelijke einde). Budget en realisatie laat zien welk deel welk is. Norm: het begrote bedrag per jaar; een kortere periode telt naar rato van haar maanden.',
    eenheid: 'bedrag', richting: 'lagerIsBeter', norm: 400, marge: 40, dimensies: ['periode', 'wet', 'kern', 'wijk', ...LEVERING], bron: 'voorzieningen, declaraties, inwoners',
    normPer: 'jaar',
  },
  {
    id: 'termijnen-binnen-termijn', naam: 'Aandeel termijnen afgerond binnen de wettelijke termijn', niveau: 'tactisch',
    uitleg: 'Van de termijnen (onderzoek, eerste gesprek, beschikking) die in de periode zijn afgerond: hoeveel binnen de termijn. Te snijden per wet en per stap.',
    eenheid: 'aandeel', richting: 'hogerIsBeter', norm: 0.95, marge: 0.05, dimensies: [...ALLES, 'stap'], bron: 'termijnen',
  },
  {
    id: 'nieuwe-meldingen', naam: 'Instroom: nieuwe meldingen', niveau: 'tactisch',
    uitleg: 'Het aantal meldingen dat in de periode binnenkwam, over alle kanalen.',
    eenheid: 'aantal', richting: 'lagerIsBeter', norm: Number.POSITIVE_INFINITY, marge: 0, dimensies: ALLES, bron: 'meldingen',
  },
  {
    id: 'lopende-casussen', naam: 'Doorstroom: lopende casussen', niveau: 'tactisch',
    uitleg: 'Het aantal casussen dat op de laatste dag van de periode open stond.',
    eenheid: 'aantal', richting: 'lagerIsBeter', norm: Number.POSITIVE_INFINITY, marge: 0, dimensies: ['wet', 'kern', 'wijk', 'team', 'regisseur'], bron: 'casussen', momentopname: true,
  },
  {
    id: 'gesloten-casussen', naam: 'Uitstroom: afgesloten casussen', niveau: 'tactisch',
    uitleg: 'Het aantal casussen dat in de periode is afgesloten.',
    eenheid: 'aantal', richting: 'hogerIsBeter', norm: Number.POSITIVE_INFINITY, marge: 0, dimensies: ALLES, bron: 'casussen',
  },
  {
    id: 'zrm-verandering', naam: 'Gemiddelde verandering in zelfredzaamheid', niveau: 'tactisch',
    uitleg: 'Per leefgebied de score bij de evaluatie min de score bij het eerste gesprek (zelfredzaamheidsmatrix, 1–5), gemiddeld over de evaluaties in de periode.',
    eenheid: 'gemiddelde', richting: 'hogerIsBeter', norm: 0.5, marge: 0.2, dimensies: ALLES, bron: 'gesprekken',
  },
  {
    id: 'kosten-per-client', naam: 'Kosten maatwerk per cliënt', niveau: 'tactisch',
    uitleg: 'De kosten van de lopende maatwerkvoorzieningen in de periode, gedeeld door het aantal inwoners met zo’n voorziening. Per voorziening en maand het goedgekeurde bedrag van de declaraties waar dat er is, anders de raming uit het besluit. Norm: per jaar; een kortere periode telt naar rato van haar maanden.',
    eenheid: 'bedrag', richting: 'lagerIsBeter', norm: 6000, marge: 600, dimensies: [...ALLES, ...LEVERING], bron: 'voorzieningen, declaraties',
    normPer: 'jaar',
  },
  {
    id: 'verlopen-termijnen', naam: 'Verlopen termijnen', niveau: 'operationeel',
    uitleg: 'Termijnen die op de laatste dag van de periode nog open stonden en hun uiterste datum voorbij waren (een opgeschorte termijn staat stil).',
    eenheid: 'aantal', richting: 'lagerIsBeter', norm: 0, marge: 0, dimensies: ['wet', 'kern', 'wijk', 'team', 'regisseur', 'stap'], bron: 'termijnen', momentopname: true,
  },
  {
    id: 'caseload-per-regisseur', naam: 'Caseload per casusregisseur', niveau: 'operationeel',
    uitleg: 'Het gemiddelde aantal open casussen per casusregisseur op de laatste dag van de periode.',
    eenheid: 'gemiddelde', richting: 'lagerIsBeter', norm: 35, marge: 5, dimensies: ['wet', 'kern', 'wijk', 'team', 'regisseur'], bron: 'casussen', momentopname: true,
  },
];

/** A norm must fit the KPI's unit: a share lies between 0 and 1, a change between −100% and +1000%. */
export function normPast(k: Pick<KpiDefinitie, 'eenheid'>, norm: number): boolean {
  if (k.eenheid === 'verandering') return norm >= -1 && norm <= 10;
  return norm >= 0 && (k.eenheid !== 'aandeel' || norm <= 1);
}

/**
 * The share of a year a period covers, in months: each month counts for the part of its days in the
 * period (a calendar year is exactly 1; 1 January to 1 December 11 1/31 twelfths). Months, not days,
 * because the costs are counted per month.
 */
export function jaarDeel(van: string, tot: string): number {
  let deel = 0;
  for (const m of maanden(van, tot)) {
    const eerste = `${m}-01`;
    const laatste = laatsteDagVanMaand(m);
    const dagen = differenceInCalendarDays(parseISO(laatste), parseISO(eerste)) + 1;
    const begin = van > eerste ? van : eerste;
    const eind = tot < laatste ? tot : laatste;
    deel += (differenceInCalendarDays(parseISO(eind), parseISO(begin)) + 1) / dagen;
  }
  return deel / 12;
}

/** The norm and marge a figure over this period is held against: a yearly norm to the period's share of the year. */
export function normInPeriode(k: Pick<KpiDefinitie, 'norm' | 'marge' | 'normPer'>, van: string, tot: string): { norm: number; marge: number } {
  if (k.normPer !== 'jaar' || !Number.isFinite(k.norm)) return { norm: k.norm, marge: k.marge };
  const f = jaarDeel(van, tot);
  return { norm: k.norm * f, marge: k.marge * f };
}

export type Signaal = 'groen' | 'oranje' | 'rood';

/** The colour of a figure against its norm: green on the right side, orange within the margin, red beyond. */
export function signaal(waarde: number | null, norm: number, marge: number, richting: Richting): Signaal | null {
  if (waarde === null || !Number.isFinite(norm)) return null;
  const afstand = richting === 'hogerIsBeter' ? norm - waarde : waarde - norm;
  const eps = 1e-9;
  if (afstand <= eps) return 'groen';
  if (afstand <= marge + eps) return 'oranje';
  return 'rood';
}

export function waardeVan(teller: number, noemer: number, eenheid: Eenheid): number | null {
  if (eenheid === 'aantal') return teller;
  if (noemer === 0) return null;
  return eenheid === 'verandering' ? teller / noemer - 1 : teller / noemer;
}

/**
 * The basisperiode a change is measured against: as long as the period, ending the day before the
 * gemeente's peildatum; without a peildatum the same period one year earlier.
 */
export function basisperiode(van: string, tot: string, peildatum?: string | null): { van: string; tot: string } {
  if (!peildatum) return { van: verschuifJaren(van, -1), tot: verschuifJaren(tot, -1) };
  const lengte = differenceInCalendarDays(parseISO(tot), parseISO(van));
  const eind = addDays(parseISO(peildatum), -1);
  return { van: formatISO(addDays(eind, -lengte), { representation: 'date' }), tot: formatISO(eind, { representation: 'date' }) };
}

/** The same calendar day `jaren` years later (29 February becomes 28 February). */
export const verschuifJaren = (d: string, jaren: number): string => formatISO(addYears(parseISO(d), jaren), { representation: 'date' });

/** Small counts are not shown to roles that only see aggregates, so no one can be singled out. */
export const KLEINSTE_AANTAL = 5;
export const onderdrukt = (aantal: number): boolean => aantal > 0 && aantal < KLEINSTE_AANTAL;

/** The last day of a month 'YYYY-MM'. */
export const laatsteDag = laatsteDagVanMaand;

/** The part of a month that lies within the period: the whole month, or less at either end. */
export function maandBinnen(maand: string, van: string, tot: string): { van: string; tot: string } {
  const begin = `${maand}-01`;
  const eind = laatsteDag(maand);
  return { van: begin > van ? begin : van, tot: eind < tot ? eind : tot };
}

/** The first filter that is chosen but that this KPI cannot be cut by, if any. */
export function nietTeSnijden(k: Pick<KpiDefinitie, 'dimensies'>, gekozen: Partial<Record<Dimensie, unknown>>): Dimensie | undefined {
  return DIMENSIES.find((d) => d !== 'periode' && gekozen[d] !== undefined && !k.dimensies.includes(d));
}

/** Months from `van` to `tot` (inclusive) as 'YYYY-MM', for a series without gaps. */
export function maanden(van: string, tot: string): string[] {
  const uit: string[] = [];
  let [j, m] = van.slice(0, 7).split('-').map(Number) as [number, number];
  const eind = tot.slice(0, 7);
  for (;;) {
    const p = `${j}-${String(m).padStart(2, '0')}`;
    if (p > eind) break;
    uit.push(p);
    m++;
    if (m > 12) { m = 1; j++; }
  }
  return uit;
}

// ————— Budget en realisatie (ADR 40) —————

export const BESTEDING_DIMENSIES = ['wet', 'product', 'aanbieder', 'wijk', 'bekostiging'] as const;
export type BestedingDimensie = (typeof BESTEDING_DIMENSIES)[number];

export interface BestedingRij {
  sleutel: string | null; label: string;
  /** The decided budget for the year (estimate from decisions). */
  ramingCents: number;
  /** Approved declarations for product periods in the year, credits subtracted; pgb passed to the SVB. */
  gerealiseerdCents: number;
  /** The estimate for the days after the last declared period (or all, without declarations). */
  nogTeDeclarerenCents: number;
  /** gerealiseerd + nogTeDeclareren. */
  verwachtCents: number;
  /** verwacht − raming: negative is less spent than decided. */
  verschilCents: number;
  /** Share of the estimate that real money replaced: how much of the figure is fact rather than estimate. */
  aandeelGedeclareerd: number | null;
  voorzieningen: number;
}

/** Pure: the derived columns of one group. */
export function bestedingRij(r: { sleutel: string | null; label: string; raming: number; gerealiseerd: number; rest: number; gedekt: number; voorzieningen: number }): BestedingRij {
  const verwacht = r.gerealiseerd + r.rest;
  return {
    sleutel: r.sleutel, label: r.label, ramingCents: r.raming, gerealiseerdCents: r.gerealiseerd, nogTeDeclarerenCents: r.rest, verwachtCents: verwacht,
    verschilCents: verwacht - r.raming, aandeelGedeclareerd: r.raming > 0 ? Math.min(1, r.gedekt / r.raming) : null, voorzieningen: r.voorzieningen,
  };
}
