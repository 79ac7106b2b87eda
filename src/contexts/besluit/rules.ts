/**
 * Besluit (TIM): the aanvraag, its four-eyes steps, the beschikking, bezwaar and the steekproef.
 * Pure rules.
 */

export const AANVRAAG_STATUSSEN = ['ingediend', 'getoetst', 'beoordeeld', 'besloten', 'verzonden'] as const;
export type AanvraagStatus = (typeof AANVRAAG_STATUSSEN)[number];
export const aanvraagStatusNaam: Record<AanvraagStatus, string> = {
  ingediend: 'Ingediend', getoetst: 'Getoetst', beoordeeld: 'Beoordeeld', besloten: 'Besloten', verzonden: 'Verzonden',
};

export type AanvraagStap = 'toets' | 'beoordeling' | 'besluit' | 'verzending';

/** The workflow as a declarative table: each step, the status it needs and the status it gives. */
export const aanvraagStappen: Record<AanvraagStap, { van: AanvraagStatus; naar: AanvraagStatus }> = {
  toets: { van: 'ingediend', naar: 'getoetst' },
  beoordeling: { van: 'getoetst', naar: 'beoordeeld' },
  besluit: { van: 'beoordeeld', naar: 'besloten' },
  verzending: { van: 'besloten', naar: 'verzonden' },
};

export function stapToegestaan(stap: AanvraagStap, status: AanvraagStatus): string | null {
  const s = aanvraagStappen[stap];
  return s.van === status ? null : `Deze stap kan alleen bij status '${aanvraagStatusNaam[s.van]}'; de aanvraag is '${aanvraagStatusNaam[status]}'.`;
}

export interface Betrokkenen {
  voorbereidDoor: string | null;
  getoetstDoor: string | null;
  beoordeeldDoor: string | null;
  eersteBeslisser: string | null;
}

/**
 * The four-eyes principle: who prepared may not check (toetsen) or assess (beoordelen); who
 * assessed — or prepared — may not decide; a second decider is another person than the first.
 * Returns the reason a person may not take the step, or null.
 */
export function vierOgen(stap: AanvraagStap, wie: string, b: Betrokkenen, opts: { tweedeBeslisser?: boolean } = {}): string | null {
  if (stap === 'toets' && wie === b.voorbereidDoor) return 'U heeft deze aanvraag voorbereid en mag haar daarom niet toetsen.';
  if (stap === 'beoordeling' && wie === b.voorbereidDoor) return 'U heeft deze aanvraag voorbereid en mag haar daarom niet beoordelen.';
  if (stap === 'besluit') {
    if (wie === b.beoordeeldDoor) return 'U heeft deze aanvraag beoordeeld en mag er daarom niet over beslissen.';
    if (wie === b.voorbereidDoor) return 'U heeft deze aanvraag voorbereid en mag er daarom niet over beslissen.';
    if (opts.tweedeBeslisser && wie === b.eersteBeslisser) return 'Boven het drempelbedrag beslist een tweede beslisser: dat moet iemand anders zijn.';
  }
  return null;
}

export const UITKOMSTEN = ['toegekend', 'deelsToegekend', 'afgewezen'] as const;
export type Uitkomst = (typeof UITKOMSTEN)[number];
export const uitkomstNaam: Record<Uitkomst, string> = { toegekend: 'Toegekend', deelsToegekend: 'Deels toegekend', afgewezen: 'Afgewezen' };

/** Accepts the ways people write it: 'deels toegekend', 'deels_toegekend', 'deelsToegekend'. */
export function normaliseerUitkomst(v: string): Uitkomst | null {
  const k = v.trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (k === 'toegekend') return 'toegekend';
  if (k === 'deelstoegekend') return 'deelsToegekend';
  if (k === 'afgewezen') return 'afgewezen';
  return null;
}

export const LEVERINGSVORMEN = ['zin', 'pgb'] as const;
export type Leveringsvorm = (typeof LEVERINGSVORMEN)[number];
export const leveringsvormNaam: Record<Leveringsvorm, string> = { zin: 'zorg in natura', pgb: 'persoonsgebonden budget (pgb)' };

/** The legal ground per law for an individual provision (the beschikking names the article). */
export const GRONDSLAG: Record<string, string> = {
  wmo: 'artikel 2.3.5 van de Wet maatschappelijke ondersteuning 2015 en de Verordening maatschappelijke ondersteuning',
  jeugdwet: 'artikel 2.3 van de Jeugdwet en de Verordening jeugdhulp',
  participatiewet: 'de Participatiewet (artikelen 7, 10 en 11) en de Re-integratieverordening',
  schuldhulp: 'artikel 4a van de Wet gemeentelijke schuldhulpverlening',
  minima: 'artikel 35 van de Participatiewet (bijzondere bijstand) en de Verordening minimabeleid',
  onbekend: 'de Algemene wet bestuursrecht',
};

export interface BesluitInstellingen {
  /** Above this yearly amount (in euro cents, over all granted products) a second decider is required. */
  tweedeBeslisserVanafCents: number;
  /** Own contribution per law, as text in the letter (e.g. the Wmo abonnementstarief); null when none applies. */
  eigenBijdrage: Record<string, string | null>;
  steekproefPercentage: number;
  steekproefSeed: string;
  checklist: { code: string; vraag: string; soort: 'inhoud' | 'recht' }[];
}

export const STANDAARD_BESLUIT_INSTELLINGEN: BesluitInstellingen = {
  tweedeBeslisserVanafCents: 2_500_000,
  eigenBijdrage: {
    wmo: 'Voor deze voorziening betaalt u een eigen bijdrage van ten hoogste het abonnementstarief per maand. Het CAK stelt de bijdrage vast en stuurt u de rekening.',
    jeugdwet: null, participatiewet: null, schuldhulp: null, minima: null, onbekend: null,
  },
  steekproefPercentage: 10,
  steekproefSeed: 'eenvoud',
  checklist: [
    { code: 'vraag-verhelderd', vraag: 'Is de hulpvraag over alle leefgebieden verhelderd (gesprek en verslag)?', soort: 'inhoud' },
    { code: 'ladder', vraag: 'Is de ladder gevolgd en gemotiveerd waarom lagere treden niet volstaan?', soort: 'inhoud' },
    { code: 'passend', vraag: 'Past de voorziening bij doel en resultaat in het plan?', soort: 'inhoud' },
    { code: 'grondslag', vraag: 'Noemt de beschikking de juiste wettelijke grondslag?', soort: 'recht' },
    { code: 'motivering', vraag: 'Is het besluit deugdelijk gemotiveerd (Awb 3:46)?', soort: 'recht' },
    { code: 'termijn', vraag: 'Is binnen de wettelijke termijn beslist?', soort: 'recht' },
    { code: 'bezwaarclausule', vraag: 'Staat de bezwaarclausule met termijn in de brief?', soort: 'recht' },
  ],
};

export function tweedeBeslisserNodig(jaarbedragCents: number, instellingen: Pick<BesluitInstellingen, 'tweedeBeslisserVanafCents'>): boolean {
  return jaarbedragCents > instellingen.tweedeBeslisserVanafCents;
}

/**
 * A reproducible random sample: the population sorted by id, a seeded generator (mulberry32 on
 * a hash of seed and month), a partial Fisher–Yates shuffle, and the first ⌈n·p/100⌉.
 * The same seed, month and population always give the same sample.
 */
export function trekSteekproef<T extends { id: string }>(populatie: readonly T[], percentage: number, seed: string, maand: string): T[] {
  const lijst = [...populatie].sort((a, b) => a.id.localeCompare(b.id));
  const n = Math.min(lijst.length, Math.ceil((lijst.length * percentage) / 100));
  let h = 1779033703 ^ `${seed}|${maand}`.length;
  for (const c of `${seed}|${maand}`) {
    h = Math.imul(h ^ c.charCodeAt(0), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (lijst.length - i));
    [lijst[i], lijst[j]] = [lijst[j]!, lijst[i]!];
  }
  return lijst.slice(0, n);
}

/** May this person review this decision? Not when they took part in it. */
export function magBeoordelen(wie: string, b: Betrokkenen & { beslotenDoor: string | null }): boolean {
  return ![b.voorbereidDoor, b.getoetstDoor, b.beoordeeldDoor, b.beslotenDoor, b.eersteBeslisser].includes(wie);
}

/** Bezwaar is on time when received within the term; otherwise the decision on it must weigh excusability (Awb 6:11). */
export const bezwaarTijdig = (ontvangenOp: string, bezwaarTermijnEinde: string) => ontvangenOp <= bezwaarTermijnEinde;
