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

// ————— Bezwaar as a workflow —————

export const BEZWAAR_STATUSSEN = ['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies', 'beslist', 'ingetrokken'] as const;
export type BezwaarStatus = (typeof BEZWAAR_STATUSSEN)[number];
export const bezwaarStatusNaam: Record<BezwaarStatus, string> = {
  ontvangen: 'Ontvangen', hoorzittingGepland: 'Hoorzitting gepland', gehoord: 'Gehoord', horenAfgezien: 'Afgezien van horen',
  advies: 'Advies van de commissie ontvangen', beslist: 'Beslist', ingetrokken: 'Ingetrokken',
};
export const OPEN_BEZWAAR_STATUSSEN: readonly BezwaarStatus[] = ['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies'];

export const BEZWAAR_UITKOMSTEN = ['gegrond', 'deelsGegrond', 'ongegrond', 'nietOntvankelijk'] as const;
export type BezwaarUitkomst = (typeof BEZWAAR_UITKOMSTEN)[number];
export const bezwaarUitkomstNaam: Record<BezwaarUitkomst, string> = {
  gegrond: 'Gegrond', deelsGegrond: 'Deels gegrond', ongegrond: 'Ongegrond', nietOntvankelijk: 'Niet-ontvankelijk',
};
/** A (partly) well-founded bezwaar means the decision is reconsidered: a herziening (Awb 7:11). */
export const leidtTotHerziening = (u: BezwaarUitkomst): boolean => u === 'gegrond' || u === 'deelsGegrond';

export type BezwaarStap = 'hoorzittingPlannen' | 'hoorzittingGehouden' | 'horenAfzien' | 'advies' | 'beslissing' | 'intrekking';

/** The workflow as a declarative table: each step, the statuses it may start from and the status it gives. */
export const bezwaarStappen: Record<BezwaarStap, { van: readonly BezwaarStatus[]; naar: BezwaarStatus }> = {
  hoorzittingPlannen: { van: ['ontvangen', 'hoorzittingGepland'], naar: 'hoorzittingGepland' },
  hoorzittingGehouden: { van: ['ontvangen', 'hoorzittingGepland'], naar: 'gehoord' },
  horenAfzien: { van: ['ontvangen', 'hoorzittingGepland'], naar: 'horenAfgezien' },
  advies: { van: ['gehoord', 'horenAfgezien'], naar: 'advies' },
  beslissing: { van: OPEN_BEZWAAR_STATUSSEN, naar: 'beslist' },
  intrekking: { van: OPEN_BEZWAAR_STATUSSEN, naar: 'ingetrokken' },
};

export interface BezwaarStand {
  status: BezwaarStatus;
  adviescommissie: boolean;
  tijdig: boolean;
  verschoonbaar: boolean;
}

/**
 * The one function that says whether a step may be taken on a bezwaar (and with which outcome).
 * Returns the reason it may not, or null. Hearing comes first (Awb 7:2) unless it is waived (7:3);
 * with a committee, its advice comes before the decision (7:13); a late bezwaar that is not
 * excusable is declared niet-ontvankelijk (6:11), an excusable one is decided on its merits.
 */
export function bezwaarStapToegestaan(stap: BezwaarStap, b: BezwaarStand, uitkomst?: BezwaarUitkomst): string | null {
  const s = bezwaarStappen[stap];
  if (!s.van.includes(b.status)) {
    return `Dit kan niet bij een bezwaar met de status '${bezwaarStatusNaam[b.status]}'${b.status === 'beslist' || b.status === 'ingetrokken' ? ': het bezwaar is afgehandeld' : ''}.`;
  }
  if (stap === 'advies' && !b.adviescommissie) return 'Dit bezwaar gaat niet langs een adviescommissie; er is geen advies vast te leggen.';
  if (stap === 'beslissing' && uitkomst) {
    const teLaat = !b.tijdig && !b.verschoonbaar;
    if (uitkomst === 'nietOntvankelijk') {
      if (!b.tijdig && b.verschoonbaar) return 'De termijnoverschrijding is verschoonbaar: beslis inhoudelijk (gegrond, deels gegrond of ongegrond), niet niet-ontvankelijk.';
      return null;
    }
    if (teLaat) return 'Het bezwaar is te laat ingediend en de overschrijding is niet verschoonbaar: verklaar het niet-ontvankelijk, of leg vast dat de overschrijding verschoonbaar is.';
    if (b.status === 'ontvangen' || b.status === 'hoorzittingGepland') {
      return 'Hoor de indiener eerst (Awb 7:2), of leg vast waarom van horen wordt afgezien (Awb 7:3), voordat u inhoudelijk beslist.';
    }
    if (b.adviescommissie && b.status !== 'advies') return 'Dit bezwaar gaat langs de adviescommissie: leg eerst haar advies vast (Awb 7:13).';
  }
  return null;
}

/**
 * Awb 7:5: the bezwaar is heard, and decided, by someone who was not involved in preparing or
 * taking the primary decision. Returns the reason a person may not, or null.
 */
export function bezwaarVierOgen(wie: string, primair: Betrokkenen & { beslotenDoor: string | null }): string | null {
  return magBeoordelen(wie, primair) ? null
    : 'U werkte mee aan het besluit waartegen het bezwaar is gericht; een ander behandelt het bezwaar (Awb 7:5).';
}

/** Awb 7:10: 6 weeks to decide, 12 with an advisory committee; one verdaging of at most 6 weeks. Beroep: 6 weeks (Awb 6:7). */
export const BEZWAAR_BESLISTERMIJN_WEKEN = { zonderCommissie: 6, metCommissie: 12 } as const;
export const BEZWAAR_VERDAGING_WEKEN = 6;
export const BEROEPSTERMIJN_WEKEN = 6;
export const bezwaarBeslistermijn = (adviescommissie: boolean) => ({
  duur: { eenheid: 'weken' as const, aantal: adviescommissie ? BEZWAAR_BESLISTERMIJN_WEKEN.metCommissie : BEZWAAR_BESLISTERMIJN_WEKEN.zonderCommissie },
  grondslag: adviescommissie ? 'art. 7:10 lid 1 Awb (met adviescommissie)' : 'art. 7:10 lid 1 Awb',
});
/**
 * The decision term runs from the day after the bezwaar term ended (Awb 7:10 lid 1); for a late
 * bezwaar from the day after it was received (the term had already ended then).
 */
export const bezwaarBeslistermijnStart = (tijdig: boolean, bezwaarTermijnEinde: string, ontvangenOp: string): string => (tijdig ? bezwaarTermijnEinde : ontvangenOp);
