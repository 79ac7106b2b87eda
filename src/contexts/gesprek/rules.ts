/**
 * Gesprek: the conversation (keukentafelgesprek, onderzoek) across all life domains, scored with
 * a configurable instrument. Pure rules and the default instruments.
 */

export interface SchaalWaarde { waarde: number; label: string }
export interface InstrumentDomein { code: string; naam: string; /** The catalogue's leefgebied it maps to, for finding support. */ leefgebied?: string }
export interface InstrumentDefinitie {
  code: string;
  naam: string;
  schaal: SchaalWaarde[];
  domeinen: InstrumentDomein[];
  standaard: boolean;
}

/** The Zelfredzaamheid-Matrix scale, 1 (acute problematiek) to 5 (volledig zelfredzaam). */
export const ZRM_SCHAAL: SchaalWaarde[] = [
  { waarde: 1, label: 'Acute problematiek' },
  { waarde: 2, label: 'Niet zelfredzaam' },
  { waarde: 3, label: 'Beperkt zelfredzaam' },
  { waarde: 4, label: 'Voldoende zelfredzaam' },
  { waarde: 5, label: 'Volledig zelfredzaam' },
];

/** Default: Deventer's 8 leefgebieden on the ZRM scale. */
export const DEVENTER_8: InstrumentDefinitie = {
  code: 'deventer-8',
  naam: '8 leefgebieden (Deventer) met ZRM-schaal',
  schaal: ZRM_SCHAAL,
  standaard: true,
  domeinen: [
    { code: 'huisvesting', naam: 'Huisvesting', leefgebied: 'huisvesting' },
    { code: 'financien', naam: 'Financiën', leefgebied: 'financien' },
    { code: 'sociaalFunctioneren', naam: 'Sociaal functioneren', leefgebied: 'sociaalFunctioneren' },
    { code: 'psychischFunctioneren', naam: 'Psychisch functioneren', leefgebied: 'psychischFunctioneren' },
    { code: 'zingeving', naam: 'Zingeving', leefgebied: 'zingeving' },
    { code: 'lichamelijkFunctioneren', naam: 'Lichamelijk functioneren', leefgebied: 'lichamelijkFunctioneren' },
    { code: 'praktischFunctioneren', naam: 'Praktisch functioneren', leefgebied: 'praktischFunctioneren' },
    { code: 'dagbesteding', naam: 'Dagbesteding', leefgebied: 'dagbesteding' },
  ],
};

/** The 13-domain Zelfredzaamheid-Matrix (2017). */
export const ZRM_2017: InstrumentDefinitie = {
  code: 'zrm-2017',
  naam: 'Zelfredzaamheid-Matrix 2017 (13 domeinen)',
  schaal: ZRM_SCHAAL,
  standaard: false,
  domeinen: [
    { code: 'financien', naam: 'Financiën', leefgebied: 'financien' },
    { code: 'werkOpleiding', naam: 'Werk & opleiding', leefgebied: 'dagbesteding' },
    { code: 'tijdsbesteding', naam: 'Tijdsbesteding', leefgebied: 'dagbesteding' },
    { code: 'huisvesting', naam: 'Huisvesting', leefgebied: 'huisvesting' },
    { code: 'huiselijkeRelaties', naam: 'Huiselijke relaties', leefgebied: 'sociaalFunctioneren' },
    { code: 'geestelijkeGezondheid', naam: 'Geestelijke gezondheid', leefgebied: 'psychischFunctioneren' },
    { code: 'lichamelijkeGezondheid', naam: 'Lichamelijke gezondheid', leefgebied: 'lichamelijkFunctioneren' },
    { code: 'middelengebruik', naam: 'Middelengebruik', leefgebied: 'psychischFunctioneren' },
    { code: 'basaleAdl', naam: 'Basale ADL', leefgebied: 'praktischFunctioneren' },
    { code: 'instrumenteleAdl', naam: 'Instrumentele ADL', leefgebied: 'praktischFunctioneren' },
    { code: 'sociaalNetwerk', naam: 'Sociaal netwerk', leefgebied: 'sociaalFunctioneren' },
    { code: 'maatschappelijkeParticipatie', naam: 'Maatschappelijke participatie', leefgebied: 'zingeving' },
    { code: 'justitie', naam: 'Justitie', leefgebied: 'sociaalFunctioneren' },
  ],
};

export const STANDAARD_INSTRUMENTEN = [DEVENTER_8, ZRM_2017];

export const PLEKKEN = ['thuis', 'kantoor', 'online', 'anders'] as const;
export type Plek = (typeof PLEKKEN)[number];
export const plekNaam: Record<Plek, string> = { thuis: 'Aan de keukentafel (thuis)', kantoor: 'Op kantoor', online: 'Online', anders: 'Elders' };

/** How a letter says where the conversation took place. */
export const plekZin: Record<Plek, string> = { thuis: 'bij u thuis aan de keukentafel', kantoor: 'op het gemeentekantoor', online: 'online', anders: 'op een andere plek' };

export const DEELNEMER_ROLLEN = ['inwoner', 'partner', 'mantelzorger', 'netwerk', 'professional'] as const;
export type DeelnemerRol = (typeof DEELNEMER_ROLLEN)[number];
export const deelnemerRolNaam: Record<DeelnemerRol, string> = {
  inwoner: 'Inwoner', partner: 'Partner', mantelzorger: 'Mantelzorger', netwerk: 'Netwerk (familie, buren, vrienden)', professional: 'Professional',
};

export const GESPREK_SOORTEN = ['intake', 'vervolg', 'evaluatie'] as const;
export type GesprekSoort = (typeof GESPREK_SOORTEN)[number];
export const gesprekSoortNaam: Record<GesprekSoort, string> = { intake: 'Intake (eerste gesprek)', vervolg: 'Vervolggesprek', evaluatie: 'Evaluatiegesprek' };

export interface ScoreInvoer { domein: string; score: number | null; toelichting?: string | undefined; zelf?: string | undefined; netwerk?: string | undefined }

export interface ScoreFout { index: number; veld: 'domein' | 'score'; reden: string }

/** Scores must name the instrument's domains, each once, with a value on its scale (or none: not discussed). */
export function controleerScores(instrument: Pick<InstrumentDefinitie, 'schaal' | 'domeinen' | 'naam'>, scores: readonly ScoreInvoer[]): ScoreFout[] {
  const fouten: ScoreFout[] = [];
  const domeinen = new Set(instrument.domeinen.map((d) => d.code));
  const waarden = new Set(instrument.schaal.map((s) => s.waarde));
  const gezien = new Set<string>();
  scores.forEach((s, index) => {
    if (!domeinen.has(s.domein)) fouten.push({ index, veld: 'domein', reden: `'${s.domein}' is geen domein van ${instrument.naam}` });
    else if (gezien.has(s.domein)) fouten.push({ index, veld: 'domein', reden: `Het domein '${s.domein}' staat er twee keer in` });
    gezien.add(s.domein);
    if (s.score !== null && !waarden.has(s.score)) {
      fouten.push({ index, veld: 'score', reden: `Een score is ${[...waarden].join(', ')} (of leeg als het niet besproken is)` });
    }
  });
  return fouten;
}

/** Self-reliance change per domain between two conversations (later minus earlier); only domains scored in both. */
export function scoreVerschil(eerder: readonly ScoreInvoer[], later: readonly ScoreInvoer[]): Record<string, number> {
  const voor = new Map(eerder.filter((s) => s.score !== null).map((s) => [s.domein, s.score!]));
  const uit: Record<string, number> = {};
  for (const s of later) {
    const v = voor.get(s.domein);
    if (s.score !== null && v !== undefined) uit[s.domein] = s.score - v;
  }
  return uit;
}
