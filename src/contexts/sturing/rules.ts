/**
 * Sturing: KPIs as declarative definitions with norms and signal thresholds. Pure rules; the
 * computations themselves are SQL over the analysis data (store.ts), never JavaScript loops.
 */

export type Niveau = 'strategisch' | 'tactisch' | 'operationeel';
export type Richting = 'hogerIsBeter' | 'lagerIsBeter';
export type Dimensie = 'periode' | 'wet' | 'kern';

export interface KpiDefinitie {
  id: string;
  naam: string;
  uitleg: string;
  niveau: Niveau;
  eenheid: 'aandeel' | 'aantal';
  richting: Richting;
  /** The default norm (target); a gemeente sets its own. */
  norm: number;
  /** How far from the norm is still orange (in the unit of the KPI). */
  marge: number;
  dimensies: Dimensie[];
  bron: string;
}

/** The default KPI set: Deventer's targets and the statutory terms. */
export const KPIS: readonly KpiDefinitie[] = [
  {
    id: 'aandeel-meldingen-naar-maatwerk', naam: 'Aandeel nieuwe meldingen dat tot een maatwerkvoorziening leidt', niveau: 'strategisch',
    uitleg: 'Van de nieuwe meldingen in de periode: hoeveel leidden tot een (deels) toegekende maatwerkvoorziening. Deventer: ten hoogste 20%.',
    eenheid: 'aandeel', richting: 'lagerIsBeter', norm: 0.2, marge: 0.05, dimensies: ['periode', 'wet', 'kern'], bron: 'meldingen, aanvragen, beschikkingen',
  },
  {
    id: 'aandeel-maatwerk-met-gesprek', naam: 'Aandeel maatwerkbesluiten met minstens één gesprek vooraf', niveau: 'strategisch',
    uitleg: 'Van de (deels) toegekende maatwerkbesluiten in de periode: hoeveel hadden vooraf minstens één keukentafelgesprek. Deventer: 100%.',
    eenheid: 'aandeel', richting: 'hogerIsBeter', norm: 1, marge: 0.05, dimensies: ['periode', 'wet', 'kern'], bron: 'beschikkingen, gesprekken',
  },
  {
    id: 'aandeel-goed-geholpen', naam: 'Aandeel cliënten dat zich goed geholpen voelt', niveau: 'strategisch',
    uitleg: 'Van de antwoorden op de tevredenheidsvraag in de periode: hoeveel zeiden "goed geholpen". Deventer: minstens 80%.',
    eenheid: 'aandeel', richting: 'hogerIsBeter', norm: 0.8, marge: 0.05, dimensies: ['periode', 'kern'], bron: 'tevredenheid',
  },
  {
    id: 'termijnen-binnen-termijn', naam: 'Aandeel termijnen afgerond binnen de wettelijke termijn', niveau: 'tactisch',
    uitleg: 'Van de termijnen (onderzoek, eerste gesprek, beschikking) die in de periode zijn afgerond: hoeveel binnen de termijn.',
    eenheid: 'aandeel', richting: 'hogerIsBeter', norm: 0.95, marge: 0.05, dimensies: ['periode', 'wet', 'kern'], bron: 'termijnen',
  },
  {
    id: 'nieuwe-meldingen', naam: 'Nieuwe meldingen (instroom)', niveau: 'tactisch',
    uitleg: 'Het aantal meldingen dat in de periode binnenkwam, over alle kanalen.',
    eenheid: 'aantal', richting: 'lagerIsBeter', norm: Number.POSITIVE_INFINITY, marge: 0, dimensies: ['periode', 'wet', 'kern'], bron: 'meldingen',
  },
  {
    id: 'verlopen-termijnen', naam: 'Lopende termijnen die verlopen zijn', niveau: 'operationeel',
    uitleg: 'Termijnen die nu open staan en hun uiterste datum voorbij zijn (volgens de dagelijkse signalering).',
    eenheid: 'aantal', richting: 'lagerIsBeter', norm: 0, marge: 0, dimensies: ['wet', 'kern'], bron: 'termijnen',
  },
];

/** A norm must fit the KPI's unit: a share lies between 0 and 1. */
export function normPast(k: Pick<KpiDefinitie, 'eenheid'>, norm: number): boolean {
  return norm >= 0 && (k.eenheid !== 'aandeel' || norm <= 1);
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

export const waardeVan = (teller: number, noemer: number, eenheid: KpiDefinitie['eenheid']): number | null =>
  eenheid === 'aantal' ? teller : noemer === 0 ? null : teller / noemer;

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
