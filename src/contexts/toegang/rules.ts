/**
 * Toegang: pure rules for meldingen — the laws, the channels and the status workflow.
 */

export const WETTEN = ['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend'] as const;
export type Wet = (typeof WETTEN)[number];
export const wetNaam: Record<Wet, string> = {
  wmo: 'Wmo 2015',
  jeugdwet: 'Jeugdwet',
  participatiewet: 'Participatiewet',
  schuldhulp: 'Schuldhulpverlening',
  minima: 'Minimabeleid',
  onbekend: 'Nog onbekend',
};

export const KANALEN = ['balie', 'telefoon', 'email', 'online', 'verwijzing', 'vroegsignalering'] as const;
export type Kanaal = (typeof KANALEN)[number];
export const kanaalNaam: Record<Kanaal, string> = {
  balie: 'Balie',
  telefoon: 'Telefoon',
  email: 'E-mail',
  online: 'Online formulier',
  verwijzing: 'Verwijzing door professional',
  vroegsignalering: 'Vroegsignalering',
};

export const MELDING_STATUSSEN = ['gemeld', 'afgehandeld', 'inOnderzoek', 'afgesloten'] as const;
export type MeldingStatus = (typeof MELDING_STATUSSEN)[number];
export const statusNaam: Record<MeldingStatus, string> = {
  gemeld: 'Gemeld',
  afgehandeld: 'Direct afgehandeld',
  inOnderzoek: 'In onderzoek',
  afgesloten: 'Afgesloten',
};

/**
 * The status workflow as a declarative table: from each status, the statuses it may move to.
 * Triage moves a melding from `gemeld` to `afgehandeld` (enkelvoudig: answered at once and closed)
 * or to `inOnderzoek`; `gemeld → afgesloten` is a melding withdrawn before triage.
 */
export const meldingTransities: Record<MeldingStatus, readonly MeldingStatus[]> = {
  gemeld: ['afgehandeld', 'inOnderzoek', 'afgesloten'],
  afgehandeld: [],
  inOnderzoek: ['afgesloten'],
  afgesloten: [],
};

export type TransitieUitkomst = { ok: true; van: MeldingStatus; naar: MeldingStatus } | { ok: false; reden: string };

export function transitie(van: MeldingStatus, naar: MeldingStatus): TransitieUitkomst {
  if (meldingTransities[van].includes(naar)) return { ok: true, van, naar };
  return { ok: false, reden: `Een melding met status '${statusNaam[van]}' kan niet naar '${statusNaam[naar]}'.` };
}

export const isAfgerond = (s: MeldingStatus) => s === 'afgehandeld' || s === 'afgesloten';

export const TRIAGE_UITKOMSTEN = ['enkelvoudig', 'onderzoek'] as const;
export type TriageUitkomst = (typeof TRIAGE_UITKOMSTEN)[number];
export const triageNaarStatus: Record<TriageUitkomst, MeldingStatus> = { enkelvoudig: 'afgehandeld', onderzoek: 'inOnderzoek' };

export const VERWIJZERS = ['huisarts', 'school', 'wijkteam', 'woningcorporatie', 'anders'] as const;
export type VerwijzerSoort = (typeof VERWIJZERS)[number];
export const verwijzerNaam: Record<VerwijzerSoort, string> = {
  huisarts: 'Huisarts', school: 'School', wijkteam: 'Wijkteam', woningcorporatie: 'Woningcorporatie', anders: 'Andere professional',
};

export const SIGNAALBRONNEN = ['woningcorporatie', 'energieleverancier', 'drinkwaterbedrijf', 'zorgverzekeraar', 'anders'] as const;
export type SignaalBron = (typeof SIGNAALBRONNEN)[number];
export const signaalBronNaam: Record<SignaalBron, string> = {
  woningcorporatie: 'Woningcorporatie (huurachterstand)', energieleverancier: 'Energieleverancier', drinkwaterbedrijf: 'Drinkwaterbedrijf',
  zorgverzekeraar: 'Zorgverzekeraar', anders: 'Andere bron',
};

/** Which channel needs which extra facts: a referral names its referrer, a signal its source. */
export function kanaalVereist(kanaal: Kanaal): 'verwijzer' | 'signaal' | null {
  if (kanaal === 'verwijzing') return 'verwijzer';
  if (kanaal === 'vroegsignalering') return 'signaal';
  return null;
}

export const BEGINSTATUS: MeldingStatus = 'gemeld';

/** Reference numbers a resident can quote: M-2026-000042. */
export function meldingNummer(jaar: number, volgnummer: number): string {
  return `M-${jaar}-${String(volgnummer).padStart(6, '0')}`;
}

/** Reference numbers of a casus: C-2026-000007. */
export function casusNummer(jaar: number, volgnummer: number): string {
  return `C-${jaar}-${String(volgnummer).padStart(6, '0')}`;
}

/** Which statutory terms start with a melding (decision terms start later, with the aanvraag). */
export function termijnenBijMelding(wet: Wet, spoed: boolean): ('onderzoek' | 'eersteGesprek' | 'eersteGesprekSpoed')[] {
  if (wet === 'wmo') return ['onderzoek'];
  if (wet === 'schuldhulp') return [spoed ? 'eersteGesprekSpoed' : 'eersteGesprek'];
  return [];
}

export type OverdrachtFout = 'zelfde-regisseur' | 'geen-regisseur';
/** A handover goes to another active casusregisseur. */
export function controleerOverdracht(huidige: string | null, nieuwe: { id: string; rollen: readonly string[]; actief: boolean } | undefined): OverdrachtFout | null {
  if (!nieuwe || !nieuwe.actief || !nieuwe.rollen.includes('regisseur')) return 'geen-regisseur';
  if (huidige === nieuwe.id) return 'zelfde-regisseur';
  return null;
}
