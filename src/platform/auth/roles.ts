/**
 * The roles of Eenvoud (see DOMAIN.md, "The people who use it"). `ROLLEN` are the gemeente's own
 * staff: every existing endpoint declares some of them, and `roles(...ROLLEN)` means "any member of
 * the gemeente's staff". Provider staff (`aanbieder`, ADR 38) are no gemeente staff: they get only
 * the endpoints that name them, so a gemeente endpoint refuses them (403) without knowing they exist.
 */
export const ROLLEN = ['frontoffice', 'regisseur', 'teamleider', 'beslisser', 'inkoper', 'subsidie', 'beleid', 'beheer', 'privacy', 'archivaris'] as const;
export type GemeenteRol = (typeof ROLLEN)[number];

/** A member of staff of one zorgaanbieder (provider); the account carries that provider's id. */
export const AANBIEDER_ROL = 'aanbieder' as const;

/** Every role an account can have: the gemeente's staff roles and the provider role. */
export const ALLE_ROLLEN = [...ROLLEN, AANBIEDER_ROL] as const;
export type Rol = (typeof ALLE_ROLLEN)[number];

export const rolOmschrijving: Record<Rol, string> = {
  frontoffice: 'Frontoffice / KCC',
  regisseur: 'Casusregisseur',
  teamleider: 'Teamleider Toegang',
  beslisser: 'Beoordelaar / beslisser',
  inkoper: 'Inkoper / contractmanager',
  subsidie: 'Subsidieadviseur',
  beleid: 'Beleidsmedewerker',
  beheer: 'Functioneel beheerder',
  privacy: 'Privacy officer',
  archivaris: 'Archivaris / informatiebeheerder',
  aanbieder: 'Medewerker zorgaanbieder',
};

export const isRol = (v: string): v is Rol => (ALLE_ROLLEN as readonly string[]).includes(v);
export const isGemeenteRol = (v: string): v is GemeenteRol => (ROLLEN as readonly string[]).includes(v);
