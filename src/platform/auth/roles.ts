/** The roles of Eenvoud (see DOMAIN.md, "The people who use it"). */
export const ROLLEN = ['frontoffice', 'regisseur', 'teamleider', 'beslisser', 'inkoper', 'subsidie', 'beleid', 'beheer', 'privacy', 'archivaris'] as const;
export type Rol = (typeof ROLLEN)[number];

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
};

export const isRol = (v: string): v is Rol => (ROLLEN as readonly string[]).includes(v);
