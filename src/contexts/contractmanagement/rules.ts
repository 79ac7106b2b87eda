/**
 * Contractmanagement (issue 15.4): the figures per provider for one year, each with a norm and a
 * signal, as the KPIs in Sturing have. Pure rules: the raw sums come from SQL (store.ts); here they
 * become figures, and a figure meets its norm or not.
 *
 * The norms (defaults; documented so a contract manager can read why a figure is orange or red):
 * - Besteding tegenover plafond: below 90% of the contract ceiling green; from 90% up to and including
 *   100% orange (the ceiling is near: talk to the provider before it is reached); above 100% red.
 * - Aandeel afgekeurde prestaties: at most 5% green; above 5% up to 10% orange; above 10% red.
 * - Kosten per cliënt: Sturing's norm for "Kosten maatwerk per cliënt" (€ 6.000 a year, margin € 600).
 * - Doorlooptijd toewijzing–start: on average at most 14 days green, up to 28 days orange (the
 *   berichtenverkeer signals a toewijzing without a start after 4 weeks), longer red.
 * - Doorlooptijd verzoek–antwoord: on average at most 7 calendar days (the 5 working days to answer a
 *   315/317) green, up to 14 days orange, longer red. This is the gemeente's own speed towards the provider.
 * - Gemiddelde duur of ended care has no norm: the right duration depends on the product (a wheelchair or
 *   a regiotaxi pass runs for years, household help often one), so one norm over a provider's mix only
 *   made every provider of aids red in the demo history. Compare it per product on the provider's page.
 * - ZRM-verandering and "goed geholpen": Sturing's KPIs "zrm-verandering" (≥ 0,5 point) and
 *   "aandeel-goed-geholpen" (≥ 80%, Deventer), with their margins — the same definitions, limited to
 *   the casussen with a voorziening of this provider in the year.
 * - Counts (cliënten, instroom, uitstroom, volume, besteding) have no norm either: they describe, as Sturing's flow KPIs.
 */
import { KPIS, signaal as sturingSignaal, type KpiDefinitie } from '../sturing/index.ts';

export type Signaal = 'groen' | 'oranje' | 'rood';
export type Richting = 'hogerIsBeter' | 'lagerIsBeter';
/** aantal: a count; aandeel: 0–1; dagen: a mean in days; bedrag: cents; gemiddelde: a mean score change. */
export type Eenheid = 'aantal' | 'aandeel' | 'dagen' | 'bedrag' | 'gemiddelde';

export const FIGUUR_IDS = [
  'clienten', 'instroom', 'uitstroom', 'gemiddeldeDuur', 'volume', 'besteed', 'bestedingTovPlafond', 'kostenPerClient',
  'afkeurAandeel', 'toewijzingTotStart', 'verzoekTotAntwoord', 'zrmVerandering', 'goedGeholpen',
] as const;
export type FiguurId = (typeof FIGUUR_IDS)[number];

export interface FiguurDefinitie {
  id: FiguurId;
  naam: string;
  uitleg: string;
  eenheid: Eenheid;
  richting: Richting;
  /** Null: a descriptive figure without a norm (and so without a signal). */
  norm: number | null;
  /** How far past the norm is still orange, in the figure's unit. */
  marge: number;
  /** Reaching the norm exactly is already a signal (the ceiling: "from 90%"); otherwise only passing it. */
  signaalOpNorm: boolean;
}

const sturingKpi = (id: string): KpiDefinitie => {
  const k = KPIS.find((x) => x.id === id);
  if (!k) throw new Error(`Sturing kent de KPI '${id}' niet`);
  return k;
};
const zrm = sturingKpi('zrm-verandering');
const goed = sturingKpi('aandeel-goed-geholpen');
const kosten = sturingKpi('kosten-per-client');

const info = (id: FiguurId, naam: string, uitleg: string, eenheid: Eenheid): FiguurDefinitie => ({
  id, naam, uitleg, eenheid, richting: 'lagerIsBeter', norm: null, marge: 0, signaalOpNorm: false,
});

export const FIGUREN: readonly FiguurDefinitie[] = [
  info('clienten', 'Cliënten in zorg', 'Inwoners met een voorziening van deze aanbieder die in het jaar (tot vandaag) liep.', 'aantal'),
  info('instroom', 'Instroom', 'Voorzieningen van deze aanbieder die in het jaar begonnen.', 'aantal'),
  info('uitstroom', 'Uitstroom', 'Voorzieningen van deze aanbieder die in het jaar eindigden (beëindigd, ingetrokken, vervangen of afgelopen).', 'aantal'),
  info('gemiddeldeDuur', 'Gemiddelde duur', 'De gemiddelde looptijd in dagen van de voorzieningen die in het jaar eindigden. Geen norm: de passende duur verschilt per product.', 'dagen'),
  info('volume', 'Volume', 'Voorzieningsmaanden in het jaar: elke maand waarin een voorziening van deze aanbieder liep.', 'aantal'),
  info('besteed', 'Besteding', 'Goedgekeurde declaraties (credits trekken af) over prestaties in het jaar, plus de taakgerichte maandbedragen.', 'bedrag'),
  {
    id: 'bestedingTovPlafond', naam: 'Besteding tegenover plafond', eenheid: 'aandeel', richting: 'lagerIsBeter', norm: 0.9, marge: 0.1, signaalOpNorm: true,
    uitleg: 'De besteding gedeeld door het plafond van de contracten die in het jaar lopen. Vanaf 90% een signaal, boven 100% rood.',
  },
  {
    id: 'kostenPerClient', naam: 'Kosten per cliënt', eenheid: 'bedrag', richting: 'lagerIsBeter', norm: kosten.norm * 100, marge: kosten.marge * 100, signaalOpNorm: false,
    uitleg: 'De besteding gedeeld door het aantal cliënten in zorg; zonder besteding geen waarde. Norm: die van Sturing voor kosten maatwerk per cliënt.',
  },
  {
    id: 'afkeurAandeel', naam: 'Afgekeurde prestaties', eenheid: 'aandeel', richting: 'lagerIsBeter', norm: 0.05, marge: 0.05, signaalOpNorm: false,
    uitleg: 'Het aandeel van de gedeclareerde prestaties in het jaar dat werd afgekeurd. Boven 5% een signaal, boven 10% rood.',
  },
  {
    id: 'toewijzingTotStart', naam: 'Doorlooptijd toewijzing–start', eenheid: 'dagen', richting: 'lagerIsBeter', norm: 14, marge: 14, signaalOpNorm: false,
    uitleg: 'Gemiddeld aantal dagen van de toewijzing (301) tot de start van de zorg (305), voor toewijzingen in het jaar. Norm: twee weken; na vier weken rood.',
  },
  {
    id: 'verzoekTotAntwoord', naam: 'Doorlooptijd verzoek–antwoord', eenheid: 'dagen', richting: 'lagerIsBeter', norm: 7, marge: 7, signaalOpNorm: false,
    uitleg: 'Gemiddeld aantal dagen van een verzoek om toewijzing of wijziging (315/317) van de aanbieder tot het antwoord van de gemeente. Norm: 5 werkdagen.',
  },
  {
    id: 'zrmVerandering', naam: 'Verandering in zelfredzaamheid', eenheid: 'gemiddelde', richting: zrm.richting, norm: zrm.norm, marge: zrm.marge, signaalOpNorm: false,
    uitleg: 'Per leefgebied de ZRM-score bij de evaluatie min die bij het eerste gesprek, gemiddeld over de evaluaties in het jaar van cliënten van deze aanbieder.',
  },
  {
    id: 'goedGeholpen', naam: 'Goed geholpen', eenheid: 'aandeel', richting: goed.richting, norm: goed.norm, marge: goed.marge, signaalOpNorm: false,
    uitleg: 'Van de antwoorden op de tevredenheidsvraag in het jaar van cliënten van deze aanbieder: hoeveel zeiden "goed geholpen". Norm: minstens 80%.',
  },
];

const definitie = (id: FiguurId): FiguurDefinitie => FIGUREN.find((f) => f.id === id)!;

/** The colour of a figure against its norm: green on the right side, orange within the margin, red beyond. */
export function signaalVan(waarde: number | null, d: Pick<FiguurDefinitie, 'norm' | 'marge' | 'richting' | 'signaalOpNorm'>): Signaal | null {
  if (waarde === null || d.norm === null) return null;
  // Sturing's rule where touching the norm is fine; the ceiling's "from 90%" counts the norm itself.
  if (!d.signaalOpNorm) return sturingSignaal(waarde, d.norm, d.marge, d.richting);
  const afstand = d.richting === 'hogerIsBeter' ? d.norm - waarde : waarde - d.norm;
  const eps = 1e-9;
  if (afstand < -eps) return 'groen';
  if (afstand <= d.marge + eps) return 'oranje';
  return 'rood';
}

export interface Figuur { waarde: number | null; norm: number | null; signaal: Signaal | null }
export type Figuren = Record<FiguurId, Figuur>;

/** The raw sums for one provider and year, as SQL gives them. */
export interface RuweCijfers {
  clienten: number; instroom: number; uitstroom: number; duurDagenSom: number; volume: number;
  besteedCents: number; plafondCents: number | null;
  prestaties: number; afgekeurd: number;
  startDagenSom: number; startAantal: number; antwoordDagenSom: number; antwoordAantal: number;
  zrmVerschil: number; zrmAantal: number; goedGeholpen: number; tevredenheidAantal: number;
}

export const LEEG: RuweCijfers = {
  clienten: 0, instroom: 0, uitstroom: 0, duurDagenSom: 0, volume: 0, besteedCents: 0, plafondCents: null, prestaties: 0, afgekeurd: 0,
  startDagenSom: 0, startAantal: 0, antwoordDagenSom: 0, antwoordAantal: 0, zrmVerschil: 0, zrmAantal: 0, goedGeholpen: 0, tevredenheidAantal: 0,
};

const deel = (teller: number, noemer: number): number | null => (noemer === 0 ? null : teller / noemer);
/** Six decimals are plenty for a share and keep the JSON readable; days and scores to one decimal. */
const rond = (w: number | null, decimalen: number): number | null => (w === null ? null : Math.round(w * 10 ** decimalen) / 10 ** decimalen);

/** Every figure of one provider with its norm and signal. Cents stay whole: a mean of cents is rounded to the cent. */
/** The figures that take their norm from a Sturing KPI, with the factor from the KPI's unit (euros) to the figure's (cents). */
const VAN_STURING: Partial<Record<FiguurId, { kpi: string; factor: number }>> = {
  kostenPerClient: { kpi: 'kosten-per-client', factor: 100 }, zrmVerandering: { kpi: 'zrm-verandering', factor: 1 }, goedGeholpen: { kpi: 'aandeel-goed-geholpen', factor: 1 },
};
export type EigenNormen = Readonly<Record<string, { norm: number; marge?: number }>>;

/** A figure's definition with the norm the gemeente set for its Sturing KPI (beleid sets them), else the default. */
export function metEigenNorm(d: FiguurDefinitie, eigen: EigenNormen): FiguurDefinitie {
  const bron = VAN_STURING[d.id];
  const n = bron ? eigen[bron.kpi] : undefined;
  if (!bron || !n) return d;
  return { ...d, norm: n.norm * bron.factor, marge: (n.marge ?? d.marge / bron.factor) * bron.factor };
}

export function figurenVan(r: RuweCijfers, eigen: EigenNormen = {}): Figuren {
  const waarden: Record<FiguurId, number | null> = {
    clienten: r.clienten,
    instroom: r.instroom,
    uitstroom: r.uitstroom,
    gemiddeldeDuur: rond(deel(r.duurDagenSom, r.uitstroom), 1),
    volume: r.volume,
    besteed: r.besteedCents,
    bestedingTovPlafond: r.plafondCents === null || r.plafondCents === 0 ? null : rond(r.besteedCents / r.plafondCents, 6),
    // Nothing declared or paid yet is no cost of zero: no value, no green signal.
    kostenPerClient: r.clienten === 0 || r.besteedCents === 0 ? null : Math.round(r.besteedCents / r.clienten),
    afkeurAandeel: rond(deel(r.afgekeurd, r.prestaties), 6),
    toewijzingTotStart: rond(deel(r.startDagenSom, r.startAantal), 1),
    verzoekTotAntwoord: rond(deel(r.antwoordDagenSom, r.antwoordAantal), 1),
    zrmVerandering: rond(deel(r.zrmVerschil, r.zrmAantal), 6),
    goedGeholpen: rond(deel(r.goedGeholpen, r.tevredenheidAantal), 6),
  };
  const uit = {} as Figuren;
  for (const id of FIGUUR_IDS) {
    const d = metEigenNorm(definitie(id), eigen);
    uit[id] = { waarde: waarden[id], norm: d.norm, signaal: signaalVan(waarden[id], d) };
  }
  return uit;
}

/** The year's first and last day, and the peildatum for stands: the last day, or today within the current year. */
export function jaarPeriode(jaar: number, vandaag: string): { van: string; tot: string; peildatum: string } {
  const van = `${jaar}-01-01`;
  const tot = `${jaar}-12-31`;
  return { van, tot, peildatum: vandaag < tot ? vandaag : tot };
}

/** How many of a provider's figures are orange or red: the comparison sorts the worst first. */
export const aantalSignalen = (f: Figuren): { rood: number; oranje: number } => ({
  rood: FIGUUR_IDS.filter((id) => f[id].signaal === 'rood').length,
  oranje: FIGUUR_IDS.filter((id) => f[id].signaal === 'oranje').length,
});

/** A ceiling is whole cents, not negative, and below a billion euros (a typo guard); null removes it. */
export function plafondFout(plafondCents: number | null): string | null {
  if (plafondCents === null) return null;
  if (!Number.isInteger(plafondCents)) return 'Geef het plafond in hele centen.';
  if (plafondCents < 0) return 'Het plafond kan niet negatief zijn.';
  if (plafondCents > 100_000_000_000) return 'Het plafond is onwaarschijnlijk hoog (meer dan een miljard euro). Controleer het bedrag.';
  return null;
}

/** Small counts are hidden for roles that see aggregates only (Sturing's rule, KLEINSTE_AANTAL = 5). */
export const KLEINSTE_AANTAL = 5;
export const onderdrukt = (aantal: number): boolean => aantal > 0 && aantal < KLEINSTE_AANTAL;
