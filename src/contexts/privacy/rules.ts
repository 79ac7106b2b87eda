/**
 * Privacy: the one access rule (need-to-know, ADR 25). A person's file — everything of their
 * household — is open to those who work on it, to the beslisser while an aanvraag of the household
 * is with the beslissers, to the jurist/beslisser while a bezwaar is open, to the teamleider of the
 * regisseur's team, to whoever holds an active break-glass grant, and to nobody else.
 * Before a casusregisseur has the household (intake, while a melding is open), the people who
 * triage and pick up see it.
 *
 * Pure: the facts about the household come from toegang.ts (one query), the decision is here.
 * The list filter in toegang.ts is built from the same constants; the API test table proves that
 * single reads and lists agree.
 */

/** Aanvraag statuses in which a beslisser acts on it (toetsen, beoordelen, besluiten, verzenden). */
export const AANVRAAG_BIJ_BESLISSER = ['ingediend', 'getoetst', 'beoordeeld', 'besloten'] as const;
/** Bezwaar statuses in which the bezwaar is still being handled (not decided, not withdrawn). */
export const BEZWAAR_OPEN = ['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies'] as const;
/**
 * Who works the intake: registering, triaging and picking up meldingen of households that no
 * casusregisseur has yet. Once a casus has a regisseur, the circle below applies.
 */
export const INTAKE_ROLLEN = ['frontoffice', 'regisseur', 'teamleider'] as const;
/**
 * Melding statuses in which the intake is still going on (not afgehandeld or afgesloten; the
 * list in src/contexts/toegang/rules.ts, kept in step by rules.test.ts). A melding closed at triage
 * never gets a casus: without this the intake ground would keep that household open forever.
 */
export const MELDING_OPEN = ['gemeld', 'inOnderzoek'] as const;

/**
 * Roles that read the whole household file (members, relations, representatives) once inside the
 * circle. The frontoffice (KCC) reads at intake only the person itself, to complete an address.
 */
export const HUISHOUDEN_ROLLEN = ['regisseur', 'beslisser', 'teamleider'] as const;
export const alleenDePersoon = (rollen: readonly string[]): boolean =>
  !rollen.some((r) => (HUISHOUDEN_ROLLEN as readonly string[]).includes(r));

/** Why someone may see a file; recorded nowhere yet, but it names the relation in tests and messages. */
export type Toegangsgrond =
  | 'casusregisseur' | 'betrokkene' | 'procescoordinator' | 'teamleider' | 'beslisser' | 'bezwaar' | 'intake' | 'doorbraak';

/** Who asks: the user, their roles and the team they belong to. */
export interface Vrager {
  gebruikerId: string | null;
  rollen: readonly string[];
  teamId: string | null;
}

/** What the database knows about the household, as far as the rule needs it. */
export interface DossierFeiten {
  /** Every casus of the household (open and closed): who works on it. */
  casussen: readonly {
    regisseurId: string | null;
    /** The team of the casusregisseur (null without a regisseur or without a team). */
    regisseurTeamId: string | null;
    procescoordinatorId: string | null;
    betrokkenen: readonly string[];
  }[];
  /** An aanvraag of the household is in one of AANVRAAG_BIJ_BESLISSER. */
  aanvraagBijBeslisser: boolean;
  /** A bezwaar against a beschikking of the household is in one of BEZWAAR_OPEN. */
  bezwaarOpen: boolean;
  /** The asker holds a break-glass grant on this household that is still valid. */
  actieveDoorbraak: boolean;
  /** A melding of the household is in one of MELDING_OPEN: the intake is still going on. */
  meldingOpen: boolean;
}

const heeft = (v: Vrager, rol: string) => v.rollen.includes(rol);

/**
 * The ground on which `vrager` may see the household's file, or null: no access. The order only
 * decides which ground is named when several apply.
 */
export function toegangsgrond(vrager: Vrager, f: DossierFeiten): Toegangsgrond | null {
  const ik = vrager.gebruikerId;
  if (ik) {
    if (f.casussen.some((c) => c.regisseurId === ik)) return 'casusregisseur';
    if (f.casussen.some((c) => c.betrokkenen.includes(ik))) return 'betrokkene';
    if (f.casussen.some((c) => c.procescoordinatorId === ik)) return 'procescoordinator';
  }
  if (heeft(vrager, 'teamleider') && vrager.teamId && f.casussen.some((c) => c.regisseurTeamId === vrager.teamId)) return 'teamleider';
  if (heeft(vrager, 'beslisser') && f.aanvraagBijBeslisser) return 'beslisser';
  if (heeft(vrager, 'beslisser') && f.bezwaarOpen) return 'bezwaar';
  if (isIntake(f) && INTAKE_ROLLEN.some((r) => heeft(vrager, r))) return 'intake';
  if (f.actieveDoorbraak) return 'doorbraak';
  return null;
}

/** Intake: a melding of the household is still open and no casus of it has a casusregisseur yet. */
export const isIntake = (f: Pick<DossierFeiten, 'casussen' | 'meldingOpen'>): boolean =>
  f.meldingOpen && f.casussen.every((c) => c.regisseurId === null);

/** The Dutch text of the 403 (the web app shows it with the break-glass form beside it). */
export const GEEN_TOEGANG_TEKST =
  'U werkt niet aan dit dossier: alleen wie bij het huishouden betrokken is, kan het inzien. '
  + 'Heeft u het toch nodig (bijvoorbeeld als vervanger), vraag dan tijdelijke toegang aan met een reden.';

/**
 * Who adds or removes betrokkenen of a casus: its casusregisseur, or a teamleider of the
 * regisseur's team (of any team while nobody has the casus yet).
 */
export function magBetrokkenenBeheren(vrager: Vrager, casus: { regisseurId: string | null; regisseurTeamId: string | null }): boolean {
  if (vrager.gebruikerId && casus.regisseurId === vrager.gebruikerId) return true;
  if (!heeft(vrager, 'teamleider')) return false;
  return casus.regisseurId === null || (vrager.teamId !== null && vrager.teamId === casus.regisseurTeamId);
}

/**
 * Whom one may add: an active colleague of the casus's team (the regisseur's team, or the adder's
 * while nobody has the casus), not the regisseur. Returns the reason when not, or null.
 */
export function betrokkeneFout(
  kandidaat: { id: string; actief: boolean; teamId: string | null } | undefined,
  casus: { regisseurId: string | null; teamId: string | null },
): string | null {
  if (!kandidaat || !kandidaat.actief) return 'Kies een actieve medewerker';
  if (kandidaat.id === casus.regisseurId) return 'Dit is de casusregisseur zelf';
  if (casus.teamId === null || kandidaat.teamId !== casus.teamId) return 'Voeg alleen een collega uit het team van de casus toe';
  return null;
}
