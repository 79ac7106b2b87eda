import { addYears, format, parseISO } from 'date-fns';

/**
 * Retention (issue 11, point 6; ADR 0023): how long a household's file is kept after its last
 * relevant record ended, and when it may be put on a destruction list. Pure rules, no I/O.
 *
 * The file is the unit: a household's file is due only when EVERY relevant record in it is past
 * its term and nothing holds it (an open melding, casus, aanvraag or bezwaar; a provision still
 * running; a bezwaar or beroep term not yet over).
 */

export const BEWAAR_SOORTEN = ['wmo', 'jeugd', 'overig', 'melding-zonder-vervolg', 'bezwaar'] as const;
export type BewaarSoort = (typeof BEWAAR_SOORTEN)[number];

export interface StandaardTermijn {
  naam: string;
  jaren: number;
  /** The lowest and highest number of years beheer may set (a legal minimum where the law has one). */
  min: number;
  max: number;
  /** Where the default comes from. */
  bron: string;
  /** From which moment the term runs. */
  vanaf: string;
}

/**
 * Defaults. The Selectielijst gemeenten en intergemeentelijke organen 2020 (Stcrt. 2020, 11143) is
 * process-based: granting a right such as a maatwerkvoorziening falls under selectielijst-procestype
 * 11 "Toestemming verlenen" (VNG, Handreiking Selectielijst 2020, hoofdstuk 3). The exact result
 * category per zaaktype is for the gemeente's archivist to confirm in its zaaktypecatalogus; the
 * term is configurable for that reason. The Jeugdwet sets its own minimum (art. 7.3.8: twenty years
 * after the jeugdhulp ended, since 2020), so beheer cannot go below it.
 */
export const STANDAARD_TERMIJNEN: Record<BewaarSoort, StandaardTermijn> = {
  wmo: {
    naam: 'Wmo-dossier', jaren: 10, min: 1, max: 115,
    bron: 'Selectielijst gemeenten en intergemeentelijke organen 2020 (Stcrt. 2020, 11143), procestype 11 "Toestemming verlenen": vernietigen na beëindiging van de voorziening; resultaatcategorie door de archivaris te bevestigen',
    vanaf: 'na het einde van de laatste voorziening, de afsluiting van de casus of het besluit',
  },
  jeugd: {
    naam: 'Jeugdhulpdossier', jaren: 20, min: 20, max: 115,
    bron: 'Jeugdwet art. 7.3.8 lid 1: twintig jaar na beëindiging van de jeugdhulp (of langer als dat redelijkerwijs nodig is); gaat voor de Selectielijst 2020',
    vanaf: 'na het einde van de laatste jeugdhulp, de afsluiting van de casus of het besluit',
  },
  overig: {
    naam: 'Participatiewet, schuldhulpverlening en minimabeleid', jaren: 10, min: 1, max: 115,
    bron: 'Selectielijst gemeenten en intergemeentelijke organen 2020 (Stcrt. 2020, 11143), procestype 11 "Toestemming verlenen"; resultaatcategorie door de archivaris te bevestigen',
    vanaf: 'na het einde van de laatste voorziening, de afsluiting van de casus of het besluit',
  },
  'melding-zonder-vervolg': {
    naam: 'Melding zonder vervolg', jaren: 2, min: 1, max: 115,
    bron: 'AVG art. 5 lid 1 onder e (niet langer bewaren dan nodig): standaard van Eenvoud; de categorie in de Selectielijst gemeenten en intergemeentelijke organen 2020 (Stcrt. 2020, 11143) door de archivaris te bevestigen',
    vanaf: 'na de afhandeling of afsluiting van de melding',
  },
  bezwaar: {
    naam: 'Bezwaardossier', jaren: 10, min: 1, max: 115,
    bron: 'Selectielijst gemeenten en intergemeentelijke organen 2020 (Stcrt. 2020, 11143), bezwaar en beroep behandelen; resultaatcategorie door de archivaris te bevestigen',
    vanaf: 'na de beslissing op bezwaar of de intrekking (en na afloop van de beroepstermijn)',
  },
};

export type Termijnen = Record<BewaarSoort, number>;
export const standaardJaren = (): Termijnen =>
  Object.fromEntries(BEWAAR_SOORTEN.map((s) => [s, STANDAARD_TERMIJNEN[s].jaren])) as Termijnen;

/** Which retention kind a law's file falls under. */
export function soortVanWet(wet: string | null | undefined): BewaarSoort {
  if (wet === 'wmo') return 'wmo';
  if (wet === 'jeugdwet') return 'jeugd';
  return 'overig';
}

/** An invalid number of years for a kind, as a Dutch message; null when allowed. */
export function termijnFout(soort: BewaarSoort, jaren: number): string | null {
  const s = STANDAARD_TERMIJNEN[soort];
  if (!Number.isInteger(jaren)) return `${s.naam}: geef een heel aantal jaren`;
  if (jaren < s.min) return soort === 'jeugd'
    ? `${s.naam}: de Jeugdwet (art. 7.3.8) vraagt ten minste ${s.min} jaar`
    : `${s.naam}: ten minste ${s.min} jaar`;
  if (jaren > s.max) return `${s.naam}: ten hoogste ${s.max} jaar`;
  return null;
}

/** One record of a household's file, as far as retention is concerned. */
export interface Stuk {
  stuk: 'melding' | 'casus' | 'aanvraag' | 'voorziening' | 'beschikking' | 'bezwaar';
  /** The number a person recognises (M-2026-000001). */
  ref: string;
  soort: BewaarSoort;
  /** Still being handled (melding, casus, aanvraag, bezwaar not finished). */
  open: boolean;
  /** The day it ended (date); for a provision its end date, null when open-ended. */
  einde: string | null;
  /** A legal hold until this day (inclusive): the bezwaar term of a beschikking, the beroep term of a bezwaar. */
  blokkeertTot?: string | null;
}

export type Beoordeling =
  | { vernietigbaar: true; per: string; einde: string; soort: BewaarSoort; ref: string }
  | { vernietigbaar: false; reden: string; per: string | null };

const STUK_NAAM: Record<Stuk['stuk'], string> = {
  melding: 'Melding', casus: 'Casus', aanvraag: 'Aanvraag', voorziening: 'Voorziening', beschikking: 'Beschikking', bezwaar: 'Bezwaar',
};

export const plusJaren = (datum: string, jaren: number): string => format(addYears(parseISO(datum), jaren), 'yyyy-MM-dd');

/** Why a record holds the file now, or null. */
function blokkade(s: Stuk, vandaag: string): string | null {
  const naam = `${STUK_NAAM[s.stuk]} ${s.ref}`;
  if (s.stuk === 'voorziening') {
    if (s.einde === null) return `${naam} loopt nog (geen einddatum)`;
    if (s.einde >= vandaag) return `${naam} loopt nog tot ${s.einde}`;
  }
  if (s.open) return s.stuk === 'bezwaar' ? `${naam} is nog in behandeling (wettelijke blokkade)` : `${naam} is nog open`;
  if (s.blokkeertTot && s.blokkeertTot >= vandaag) {
    return s.stuk === 'bezwaar' ? `Tegen ${naam} kan tot ${s.blokkeertTot} beroep worden ingesteld` : `Tegen ${naam} kan tot ${s.blokkeertTot} bezwaar worden gemaakt`;
  }
  if (s.einde === null) return `${naam} heeft geen einddatum`;
  return null;
}

/**
 * When a household's file may be destroyed: the latest (end + term) over all its records, and
 * only when none of them holds it. `vandaag` is the Amsterdam calendar day.
 */
export function beoordeelDossier(stukken: readonly Stuk[], termijnen: Termijnen, vandaag: string): Beoordeling {
  if (stukken.length === 0) return { vernietigbaar: false, reden: 'Geen dossierstukken', per: null };
  for (const s of stukken) {
    const reden = blokkade(s, vandaag);
    if (reden) return { vernietigbaar: false, reden, per: null };
  }
  let bepalend: { per: string; einde: string; soort: BewaarSoort; ref: string } | null = null;
  let laatsteEinde = '';
  for (const s of stukken) {
    const einde = s.einde!;
    if (einde > laatsteEinde) laatsteEinde = einde;
    const per = plusJaren(einde, termijnen[s.soort]);
    if (!bepalend || per > bepalend.per) bepalend = { per, einde, soort: s.soort, ref: s.ref };
  }
  const b = bepalend!;
  if (b.per > vandaag) return { vernietigbaar: false, reden: `Bewaartermijn loopt tot ${b.per}`, per: b.per };
  return { vernietigbaar: true, per: b.per, einde: laatsteEinde, soort: b.soort, ref: b.ref };
}

/** The number on the list for a file: its (first) casus, else its (first) melding, else the first record. */
export function dossierRef(stukken: readonly Stuk[]): string {
  return (stukken.find((s) => s.stuk === 'casus') ?? stukken.find((s) => s.stuk === 'melding') ?? stukken[0])?.ref ?? '';
}

// A destruction list: drawn up (concept), offered to the archivaris, approved or rejected, executed.
export const LIJST_STATUSSEN = ['concept', 'terGoedkeuring', 'goedgekeurd', 'uitgevoerd', 'afgewezen'] as const;
export type LijstStatus = (typeof LIJST_STATUSSEN)[number];
export const lijstStatusNaam: Record<LijstStatus, string> = {
  concept: 'Concept', terGoedkeuring: 'Ter goedkeuring', goedgekeurd: 'Goedgekeurd', uitgevoerd: 'Uitgevoerd', afgewezen: 'Afgewezen',
};
const OVERGANGEN: Record<LijstStatus, readonly LijstStatus[]> = {
  concept: ['terGoedkeuring', 'afgewezen'],
  terGoedkeuring: ['goedgekeurd', 'afgewezen'],
  goedgekeurd: ['uitgevoerd'],
  uitgevoerd: [],
  afgewezen: [],
};
export const magOvergaan = (van: LijstStatus, naar: LijstStatus): boolean => OVERGANGEN[van].includes(naar);
/** Items may be excluded while the list is still being prepared or judged. */
export const magUitzonderen = (s: LijstStatus): boolean => s === 'concept' || s === 'terGoedkeuring';
export const isOpenLijst = (s: LijstStatus): boolean => s === 'concept' || s === 'terGoedkeuring';

/** Most files on one list: the execution runs in one transaction, so a list stays bounded. */
export const MAX_ITEMS_PER_LIJST = 500;

export const lijstNummer = (jaar: number, volgnummer: number): string => `VL-${jaar}-${String(volgnummer).padStart(4, '0')}`;
