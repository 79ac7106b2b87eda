import type { Rol, Sessie } from './session.tsx';

/** What a user can do in Eenvoud, by role. The navigation and the start page both read this table. */
export interface Functie {
  pad: string;
  /** In the navigation. */
  titel: string;
  /** On the start page (may say more than the navigation). */
  startTitel: string;
  omschrijving: string;
}

interface FunctieDefinitie {
  pad: string;
  rollen: readonly Rol[];
  titel: (rollen: readonly Rol[]) => string;
  startTitel?: (rollen: readonly Rol[]) => string;
  omschrijving: (rollen: readonly Rol[]) => string;
}

/** The frontoffice sees only the meldingen it registered itself (the API enforces this). */
export const alleenEigenRegistraties = (rollen: readonly Rol[]): boolean => rollen.includes('frontoffice');

export const WERKVOORRAAD_ROLLEN: readonly Rol[] = ['frontoffice', 'regisseur', 'teamleider', 'beslisser'];
export const REGISTREREN_ROLLEN: readonly Rol[] = ['frontoffice', 'regisseur', 'teamleider'];
/** Who may do triage (the API also lets the frontoffice triage its own registrations). */
export const TRIAGE_ROLLEN: readonly Rol[] = ['frontoffice', 'regisseur', 'teamleider'];
/** Who may change terms (opschorten, verdagen) and close a melding. */
export const TERMIJN_WIJZIGEN_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider'];
export const CASUS_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider', 'beslisser'];
export const CASUS_TOEWIJZEN_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider'];
export const TERMIJNEN_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider', 'beslisser'];
export const HERBEREKENEN_ROLLEN: readonly Rol[] = ['teamleider', 'beheer'];
export const AUDIT_ROLLEN: readonly Rol[] = ['privacy'];
/** Break-glass review: every access with a reason, for the privacy officer. */
export const DOORBRAKEN_ROLLEN: readonly Rol[] = ['privacy'];
/** Opening a file one does not work on, with a reason: who can read a casus page (the API also lets the frontoffice). */
export const DOORBRAAK_OPENEN_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider', 'beslisser'];
/** Destruction lists: the archivaris judges them, the privacy officer reads along; beheer sets the retention terms. */
export const VERNIETIGING_ROLLEN: readonly Rol[] = ['archivaris', 'privacy'];
export const BEWAARTERMIJNEN_ROLLEN: readonly Rol[] = ['beheer'];
/** The catalogue is for every member of staff; only beheer changes it. */
export const CATALOGUS_ROLLEN: readonly Rol[] = ['frontoffice', 'regisseur', 'teamleider', 'beslisser', 'inkoper', 'subsidie', 'beleid', 'beheer', 'privacy'];
export const CATALOGUS_BEHEER_ROLLEN: readonly Rol[] = ['beheer'];
/** The decision process (Besluit / TIM): the beslisser's queue, the aanvraag and the beschikking. */
export const AANVRAGEN_ROLLEN: readonly Rol[] = ['beslisser', 'regisseur', 'teamleider'];
export const BESCHIKKING_ROLLEN: readonly Rol[] = ['beslisser', 'regisseur', 'teamleider'];
export const PROCESCOORDINATIE_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider'];
/** Who draws steekproeven and sees the results; a beslisser opens one by its link to review. */
export const STEEKPROEF_ROLLEN: readonly Rol[] = ['teamleider', 'beleid'];
export const STEEKPROEF_LEZEN_ROLLEN: readonly Rol[] = ['teamleider', 'beleid', 'beslisser'];
/** Sturing: KPIs, norms and signals (aggregates only); only beleid sets the norms. */
export const STURING_ROLLEN: readonly Rol[] = ['beleid', 'teamleider', 'beheer'];
/** Declaraties (ADR 40): what providers declared and the gemeente approved; aanbieder staff open their own from the portal. */
/** Budget against realisation: the sturing roles and inkoop (spend per provider). */
export const BESTEDING_ROLLEN: readonly Rol[] = ['beleid', 'teamleider', 'beheer', 'inkoper'];
export const DECLARATIES_ROLLEN: readonly Rol[] = ['inkoper', 'beleid'];
/** Contractmanagement: providers compared on figures with norms and signals (aggregates); only the inkoper sets a contract's ceiling. */
export const CONTRACTMANAGEMENT_ROLLEN: readonly Rol[] = ['inkoper', 'beleid', 'teamleider'];
export const DECLARATIE_LEZEN_ROLLEN: readonly Rol[] = ['inkoper', 'beleid', 'aanbieder'];
/** The gemeente's name, logo and colours: functioneel beheer only. */
export const HUISSTIJL_ROLLEN: readonly Rol[] = ['beheer'];
/** Bezwaar: the list and handling for beslisser and teamleider; a casusregisseur opens one of their casus by its link. */
export const BEZWAREN_ROLLEN: readonly Rol[] = ['beslisser', 'teamleider'];
export const BEZWAAR_LEZEN_ROLLEN: readonly Rol[] = ['beslisser', 'teamleider', 'regisseur'];
/** The sender, bezwaar address and rechtbank in letters. */
export const CORRESPONDENTIE_ROLLEN: readonly Rol[] = ['beheer'];
/** Background tasks (outbox, ADR 33): failed ones and retrying them. */
export const OPDRACHTEN_ROLLEN: readonly Rol[] = ['beheer'];
/** Inkoop: aanbieders, contracts with their tariffs, the result-based tables and the pgb tariffs. */
export const INKOOP_ROLLEN: readonly Rol[] = ['inkoper'];
/** Payments to providers (issue 15.3): the inkoper makes the batches; beheer keeps the ledger rules. */
export const BETALINGEN_ROLLEN: readonly Rol[] = ['inkoper'];
export const GROOTBOEK_ROLLEN: readonly Rol[] = ['beheer'];
/** The accounts of the gemeente and of its providers' staff (ADR 38). */
export const GEBRUIKERS_ROLLEN: readonly Rol[] = ['beheer'];
/** Verzoeken of providers (315, 317): the casusregisseur answers them; the teamleider also those without a regisseur. */
export const VERZOEKEN_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider'];
/** Provider staff: their portal, and nothing of the gemeente's own pages. */
export const PORTAAL_ROLLEN: readonly Rol[] = ['aanbieder'];
/** Provider staff see only the portal: no start page, no gemeente functions. */
export const isAanbieder = (rollen: readonly Rol[]): boolean => rollen.includes('aanbieder');

const definities: FunctieDefinitie[] = [
  {
    pad: '/portaal',
    rollen: PORTAAL_ROLLEN,
    titel: () => 'Portaal',
    omschrijving: () => 'De toewijzingen en berichten van de cliënten van uw organisatie.',
  },
  {
    pad: '/meldingen',
    rollen: WERKVOORRAAD_ROLLEN,
    titel: (r) => (alleenEigenRegistraties(r) ? 'Mijn registraties' : 'Werkvoorraad'),
    omschrijving: (r) => (alleenEigenRegistraties(r)
      ? 'Bekijk de meldingen die u heeft geregistreerd.'
      : r.includes('teamleider')
        ? 'Bekijk de meldingen van uw team en wat nog niemand heeft opgepakt. Filter op status, wet, kern en termijn.'
        : r.includes('regisseur')
          ? 'Bekijk uw casussen en de meldingen die nog niemand heeft opgepakt. Doe de triage en bewaak de termijnen.'
          : 'Bekijk de meldingen van inwoners en filter op status, wet, kern en termijn.'),
  },
  {
    pad: '/meldingen/nieuw',
    rollen: REGISTREREN_ROLLEN,
    titel: () => 'Nieuwe melding',
    omschrijving: () => 'Registreer een melding of hulpvraag van een inwoner.',
  },
  {
    pad: '/aanvragen',
    rollen: AANVRAGEN_ROLLEN,
    titel: () => 'Aanvragen',
    startTitel: (r) => (r.includes('beslisser') ? 'Aanvragen toetsen, beoordelen en besluiten' : 'Aanvragen'),
    omschrijving: (r) => (r.includes('beslisser')
      ? 'Toets, beoordeel en besluit over aanvragen voor maatwerkvoorzieningen, verzend de beschikking en registreer bezwaar. Altijd met vier ogen.'
      : r.includes('teamleider')
        ? 'Bekijk alle aanvragen en hun beslistermijnen, en toets aanvragen die een collega voorbereidde.'
        : 'Bekijk de aanvragen en hun beslistermijnen, en toets aanvragen die een collega voorbereidde.'),
  },
  {
    pad: '/bezwaren',
    rollen: BEZWAREN_ROLLEN,
    titel: () => 'Bezwaren',
    omschrijving: () => 'Behandel bezwaren tegen beschikkingen: horen, adviescommissie, verdagen en beslissen, binnen de wettelijke termijn. Open bezwaren eerst.',
  },
  {
    pad: '/verzoeken',
    rollen: VERZOEKEN_ROLLEN,
    titel: () => 'Verzoeken van aanbieders',
    omschrijving: (r) => (r.includes('teamleider')
      ? 'Beantwoord de verzoeken om toewijzing en om wijziging van zorgaanbieders binnen de wettelijke termijn, ook die van inwoners zonder casusregisseur.'
      : 'Beantwoord de verzoeken om toewijzing en om wijziging van zorgaanbieders binnen de wettelijke termijn: in onderzoek nemen, afwijzen of toewijzen.'),
  },
  {
    pad: '/termijnen',
    rollen: TERMIJNEN_ROLLEN,
    titel: () => 'Termijnen',
    omschrijving: (r) => (r.includes('teamleider')
      ? 'Zie welke wettelijke termijnen verlopen zijn of bijna verlopen, en bereken de signalen opnieuw.'
      : 'Zie welke wettelijke termijnen verlopen zijn of bijna verlopen.'),
  },
  {
    pad: '/procescoordinatie',
    rollen: PROCESCOORDINATIE_ROLLEN,
    titel: () => 'Procescoördinatie',
    omschrijving: () => 'Zie de multiprobleemcasussen die u coördineert, met alle besluiten en aanbieders van het huishouden.',
  },
  {
    pad: '/steekproeven',
    rollen: STEEKPROEF_ROLLEN,
    titel: () => 'Steekproeven',
    omschrijving: () => 'Trek de maandelijkse steekproef uit de verzonden beschikkingen, laat ze beoordelen en zie de uitkomsten per team.',
  },
  {
    pad: '/sturing',
    rollen: STURING_ROLLEN,
    titel: () => 'Sturing',
    omschrijving: (r) => (r.includes('beleid')
      ? "Sturingsinformatie: KPI's, normen en signalen. Stel de normen van de gemeente in."
      : "Sturingsinformatie: KPI's, normen en signalen, strategisch, tactisch en operationeel."),
  },
  {
    pad: '/catalogus',
    rollen: CATALOGUS_ROLLEN,
    titel: () => 'Catalogus',
    startTitel: (r) => (r.includes('beheer') ? 'Catalogus beheren' : 'Catalogus'),
    omschrijving: (r) => (r.includes('beheer')
      ? 'Voeg producten en diensten toe aan de catalogus en de sociale kaart, wijzig ze of zet ze op niet actief.'
      : 'Zoek producten en diensten, van eigen kracht tot maatwerkvoorziening, op leefgebied, kern en trede.'),
  },
  {
    pad: '/inkoop/aanbieders',
    rollen: INKOOP_ROLLEN,
    titel: () => 'Aanbieders',
    startTitel: () => 'Aanbieders en contracten',
    omschrijving: () => 'Leg aanbieders vast met hun contracten, producten en tarieven. Zet een nieuw tarief vanaf een datum en wissel de producttabel uit als CSV of Excel.',
  },
  {
    pad: '/inkoop/resultaattarieven',
    rollen: INKOOP_ROLLEN,
    titel: () => 'Resultaatgerichte tarieven',
    omschrijving: () => 'Beheer de tabellen voor resultaatgerichte bekostiging: Jeugd per profiel en intensiteit, Wmo begeleiding per complexiteit, intensiteit en duur.',
  },
  {
    pad: '/inkoop/pgb-tarieven',
    rollen: INKOOP_ROLLEN,
    titel: () => 'Pgb-tarieven',
    omschrijving: () => 'Stel per product het tarief voor een persoonsgebonden budget in, vanaf een datum.',
  },
  {
    pad: '/sturing/besteding',
    rollen: ['inkoper'],
    titel: () => 'Budget en realisatie',
    omschrijving: () => 'Zie per aanbieder, product, wet en wijk wat de besluiten ramen en wat aanbieders declareerden en kregen toegekend.',
  },
  {
    pad: '/declaraties',
    rollen: DECLARATIES_ROLLEN,
    titel: () => 'Declaraties',
    omschrijving: () => 'Zie wat aanbieders declareren en wat de gemeente toekent, per prestatie met de reden van elke afwijzing.',
  },
  {
    pad: '/contractmanagement',
    rollen: CONTRACTMANAGEMENT_ROLLEN,
    titel: () => 'Contractmanagement',
    startTitel: () => 'Contractmanagement per aanbieder',
    omschrijving: (r) => (r.includes('inkoper')
      ? 'Vergelijk aanbieders op cliënten, besteding tegenover het plafond, afkeuringen, doorlooptijden en uitkomsten, met normen en signalen. Stel het plafond van een contract in.'
      : r.includes('teamleider')
        ? 'Vergelijk aanbieders op besteding, afkeuringen, doorlooptijden en uitkomsten, en zie welke cliënten van uw team bij een aanbieder in zorg zijn.'
        : 'Vergelijk aanbieders op cliënten, besteding tegenover het plafond, afkeuringen, doorlooptijden en uitkomsten, met normen en signalen.'),
  },
  {
    pad: '/financien/betalingen',
    rollen: BETALINGEN_ROLLEN,
    titel: () => 'Betalingen',
    omschrijving: () => 'Verzamel de goedgekeurde declaraties en taakgerichte maandbedragen per aanbieder in een betaalbatch en download het journaal voor het financiële systeem.',
  },
  {
    pad: '/instellingen/huisstijl',
    rollen: HUISSTIJL_ROLLEN,
    titel: () => 'Huisstijl',
    omschrijving: () => 'Stel de naam, het logo en de kleuren van de gemeente in, voor de medewerkers en op de openbare pagina\'s.',
  },
  {
    pad: '/instellingen/correspondentie',
    rollen: CORRESPONDENTIE_ROLLEN,
    titel: () => 'Gegevens in brieven',
    omschrijving: () => 'Stel de afzender, het adres voor bezwaar en de rechtbank voor beroep in, zoals ze in de brieven aan inwoners staan.',
  },
  {
    pad: '/instellingen/grootboek',
    rollen: GROOTBOEK_ROLLEN,
    titel: () => 'Grootboek',
    omschrijving: () => 'Stel per wet en productcategorie de grootboekrekening en kostenplaats in waarop de betalingen aan aanbieders worden geboekt.',
  },
  {
    pad: '/beheer/gebruikers',
    rollen: GEBRUIKERS_ROLLEN,
    titel: () => 'Gebruikers',
    startTitel: () => 'Gebruikers beheren',
    omschrijving: () => 'Voeg medewerkers van de gemeente en van zorgaanbieders toe, geef ze rollen, stuur een link om een wachtwoord in te stellen en zet een account uit.',
  },
  {
    pad: '/beheer/opdrachten',
    rollen: OPDRACHTEN_ROLLEN,
    titel: () => 'Achtergrondtaken',
    omschrijving: () => 'Zie welke taken op de achtergrond mislukt zijn, zoals het maken van een brief, met de fout, en laat ze opnieuw proberen.',
  },
  {
    pad: '/audit',
    rollen: AUDIT_ROLLEN,
    titel: () => 'Audittrail',
    omschrijving: () => 'Zoek op BSN wie de gegevens van een inwoner heeft bekeken of gewijzigd, en controleer de hashketen.',
  },
  {
    pad: '/privacy/inzage',
    rollen: AUDIT_ROLLEN,
    titel: () => 'Inzage',
    startTitel: () => 'Inzage voor een inwoner',
    omschrijving: () => 'Maak voor een inwoner het overzicht van al zijn of haar gegevens (AVG artikel 15): één ZIP met PDF, JSON en de verzonden brieven.',
  },
  {
    pad: '/privacy/vernietiging',
    rollen: VERNIETIGING_ROLLEN,
    titel: () => 'Vernietiging',
    startTitel: (r) => (r.includes('archivaris') ? 'Vernietigingslijsten beoordelen' : 'Vernietigingslijsten'),
    omschrijving: (r) => (r.includes('archivaris')
      ? 'Beoordeel de dossiers waarvan de bewaartermijn is verstreken: zonder uit wat bewaard blijft, keur de lijst goed of wijs hem af.'
      : 'Bekijk welke dossiers op een vernietigingslijst staan en wat er is vernietigd.'),
  },
  {
    pad: '/instellingen/bewaartermijnen',
    rollen: BEWAARTERMIJNEN_ROLLEN,
    titel: () => 'Bewaartermijnen',
    omschrijving: () => 'Stel per soort dossier in hoe lang het na afsluiting bewaard blijft (standaard volgens de Selectielijst 2020 en de Jeugdwet).',
  },
  {
    pad: '/doorbraak',
    rollen: DOORBRAAK_OPENEN_ROLLEN,
    titel: () => 'Toegang met reden',
    startTitel: () => 'Een ander dossier openen met reden',
    omschrijving: () => 'Open met het casusnummer of BSN en een reden een dossier waar u niet aan werkt, bijvoorbeeld als u een collega vervangt. Tot het einde van de dag.',
  },
  {
    pad: '/privacy/doorbraken',
    rollen: DOORBRAKEN_ROLLEN,
    titel: () => 'Doorbraken',
    startTitel: () => 'Doorbraken beoordelen',
    omschrijving: () => 'Bekijk wie een dossier buiten de eigen casussen opende, met welke reden, en beoordeel of dat terecht was.',
  },
  {
    pad: '/privacy/delingen',
    rollen: AUDIT_ROLLEN,
    titel: () => 'Delen met partners',
    omschrijving: () => 'Bekijk welke gegevens van inwoners met partners zijn gedeeld, op welke grondslag, en welke toestemming is ingetrokken.',
  },
];

export function rollenVan(sessie: Sessie): Rol[] {
  return sessie.gebruiker.rollen.map((r) => r.code);
}

export function functiesVoor(sessie: Sessie): Functie[] {
  const rollen = rollenVan(sessie);
  return definities
    .filter((d) => d.rollen.some((r) => rollen.includes(r)))
    .map((d) => ({ pad: d.pad, titel: d.titel(rollen), startTitel: (d.startTitel ?? d.titel)(rollen), omschrijving: d.omschrijving(rollen) }));
}
