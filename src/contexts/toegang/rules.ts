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

export const MELDING_STATUSSEN = ['gemeld', 'inOnderzoek', 'afgesloten'] as const;
export type MeldingStatus = (typeof MELDING_STATUSSEN)[number];
export const statusNaam: Record<MeldingStatus, string> = {
  gemeld: 'Gemeld',
  inOnderzoek: 'In onderzoek',
  afgesloten: 'Afgesloten',
};

/**
 * The status workflow as a declarative table: from each status, the statuses it may move to.
 * Later issues (triage, onderzoek) extend it; every change goes through `transitie`.
 */
export const meldingTransities: Record<MeldingStatus, readonly MeldingStatus[]> = {
  gemeld: ['inOnderzoek', 'afgesloten'],
  inOnderzoek: ['afgesloten'],
  afgesloten: [],
};

export type TransitieUitkomst = { ok: true; van: MeldingStatus; naar: MeldingStatus } | { ok: false; reden: string };

export function transitie(van: MeldingStatus, naar: MeldingStatus): TransitieUitkomst {
  if (meldingTransities[van].includes(naar)) return { ok: true, van, naar };
  return { ok: false, reden: `Een melding met status '${statusNaam[van]}' kan niet naar '${statusNaam[naar]}'.` };
}

export const BEGINSTATUS: MeldingStatus = 'gemeld';

/** Reference numbers a resident can quote: M-2026-000042. */
export function meldingNummer(jaar: number, volgnummer: number): string {
  return `M-${jaar}-${String(volgnummer).padStart(6, '0')}`;
}
