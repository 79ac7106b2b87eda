import type { ColumnType, Generated } from 'kysely';

/** Kysely table types. Legal dates are 'YYYY-MM-DD' strings; moments are Date. */
type Moment = ColumnType<Date, Date | string | undefined, Date | string>;

export interface GemeentenTable { id: Generated<string>; code: string; naam: string; aangemaakt_op: Moment }
export interface GebruikersTable {
  id: Generated<string>; gemeente_id: string; gebruikersnaam: string; naam: string; rollen: string[];
  wachtwoord_hash: string | null; actief: Generated<boolean>; aangemaakt_op: Moment; team_id: string | null;
  telefoon: Generated<string | null>;
}
export interface TeamsTable { id: Generated<string>; gemeente_id: string; naam: string }
export interface CasussenTable {
  id: Generated<string>; gemeente_id: string; nummer: string; huishouden_id: string; regisseur_id: string | null;
  status: Generated<string>; geopend_op: Moment; gesloten_op: Date | null; multiprobleem: Generated<boolean>; procescoordinator_id: string | null;
  wijk_id: Generated<string | null>;
}
export interface CasusBetrokkenenTable {
  id: Generated<string>; gemeente_id: string; casus_id: string; gebruiker_id: string; rol: string | null; toegevoegd_door: string | null; toegevoegd_op: Moment;
}
export interface CasusRegisseurhistorieTable {
  id: Generated<number>; gemeente_id: string; casus_id: string; van_regisseur: string | null; naar_regisseur: string | null;
  door: string | null; moment: Moment; reden: string;
}
export interface TermijnenTable {
  id: Generated<string>; gemeente_id: string; melding_id: string | null; aanvraag_id: string | null; bezwaar_id: Generated<string | null>; soort: string; wet: string; startdatum: string;
  duur_eenheid: string; duur_aantal: number; grondslag: string; verdaging_datum: string | null; verdaging_reden: string | null;
  verdaagd_door: string | null; verdaagd_op: Date | null; afgerond_op: string | null; uiterste_datum: string;
  opgeschort_dagen: Generated<number>; status: string; berekend_op: string; aangemaakt_op: Moment;
}
export interface OpschortingenTable {
  id: Generated<string>; gemeente_id: string; termijn_id: string; van: string; tot: string | null; reden: string; door: string | null; moment: Moment;
}
export interface GemeenteInstellingenTable {
  gemeente_id: string; sleutel: string; waarde: ColumnType<unknown, string, string>; gewijzigd_door: string | null; gewijzigd_op: Moment;
}
export interface PubliekeVerzoekenTable { id: Generated<number>; ip_hash: string; moment: Moment }
export interface TakenTable {
  naam: string; volgende_run: ColumnType<Date, Date | string, Date | string>; laatst_gestart: Date | null; laatst_klaar: Date | null;
  laatste_resultaat: ColumnType<unknown, string | null, string | null>; laatste_fout: string | null;
}
/** Outbox (migration 0026, ADR 33): side effects queued in a use case's transaction. */
export interface OpdrachtenTable {
  id: Generated<string>; gemeente_id: Generated<string>; soort: string; sleutel: string | null;
  gegevens: ColumnType<Record<string, unknown>, string, string>; status: Generated<'wachtend' | 'gelukt' | 'mislukt'>;
  pogingen: Generated<number>; max_pogingen: Generated<number>; volgende_poging: ColumnType<Date, Date | string | undefined, Date | string>;
  laatste_fout: string | null; aangemaakt_op: Generated<Date>; gestart_op: Date | null; klaar_op: Date | null;
}
export interface SessiesTable {
  token_hash: string; gebruiker_id: string; gemeente_id: string; csrf_token: string; aangemaakt_op: Moment; verloopt_op: Moment;
}
export interface InlogpogingenTable { id: Generated<number>; gebruikersnaam: string; ip: string; geslaagd: boolean; moment: Moment; apparaat: Generated<string | null> }
/** Migration 0017: browsers that logged in before (device cookie), for throttling without lock-out. */
export interface BekendeApparatenTable {
  token_hash: string; gebruiker_id: string; gemeente_id: string; aangemaakt_op: Moment; laatst_gebruikt_op: Moment; verloopt_op: Moment;
}
/** Migration 0017: what a resident typed on the public form, until staff link it to a person (or it linked itself: unknown BSN). */
export interface OnlineMeldingenTable {
  id: Generated<string>; gemeente_id: string; referentie: string; ontvangen_op: string;
  ingediend: ColumnType<unknown, string, string>; status: string; melding_id: string | null;
  behandeld_door: string | null; behandeld_op: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>; reden: string | null; aangemaakt_op: Moment;
}
export interface NummeringTable { gemeente_id: string; soort: string; jaar: number; laatste: number }
export interface AuditlogTable {
  /** Migration 0014: insertion order; volgnummer, vorige_hash and hash stay null until the sequencer chains the entry. */
  id: Generated<number>;
  gemeente_id: string; volgnummer: number | null; moment: Moment; gebruiker_id: string | null; gebruikersnaam: string; rol: string;
  actie: string; resource_type: string; resource_id: string; persoon_id: string | null; doel: string; vorige_hash: string | null; hash: string | null;
}
export interface AuditCheckpointsTable {
  id: Generated<number>; gemeente_id: string; volgnummer: number; aantal: number; kophash: string; moment: Moment;
  vorige_handtekening: string; handtekening: string;
}
export interface KernenTable { id: Generated<string>; gemeente_id: string; naam: string }
export interface WijkenTable { id: Generated<string>; gemeente_id: string; kern_id: string; naam: string }
export interface HuishoudensTable { id: Generated<string>; gemeente_id: string; aangemaakt_op: Moment }
export interface PersonenTable {
  id: Generated<string>; gemeente_id: string; bsn: string; voornaam: string; tussenvoegsel: string | null; achternaam: string;
  geboortedatum: string; straat: string | null; huisnummer: string | null; postcode: string | null; woonplaats: string | null;
  wijk_id: string | null; huishouden_id: string; aangemaakt_op: Moment;
  /** Generated by PostgreSQL (migration 0011): the name as search compares it; never written. */
  zoeknaam: ColumnType<string, never, never>;
  telefoon: ColumnType<string | null, string | null | undefined, string | null>; email: ColumnType<string | null, string | null | undefined, string | null>;
  geen_vast_adres: ColumnType<boolean, boolean | undefined, boolean>; bron: ColumnType<string, string | undefined, string>;
}
export interface RelatiesTable {
  id: Generated<string>; gemeente_id: string; persoon_id: string | null; ander_id: string; soort: string; gezag: ColumnType<boolean, boolean | undefined, boolean>;
  extern_naam: string | null; extern_straat: string | null; extern_huisnummer: string | null; extern_postcode: string | null; extern_plaats: string | null;
  bron: ColumnType<string, string | undefined, string>; aangemaakt_op: Generated<Moment>;
}
export interface PostcodegebiedenTable { id: Generated<string>; gemeente_id: string; postcode4: string; wijk_id: string }
export interface MeldingenTable {
  id: Generated<string>; gemeente_id: string; nummer: string; persoon_id: string; huishouden_id: string; wet: string; kanaal: string;
  ontvangen_op: string; omschrijving: string; status: string; geregistreerd_door: string | null; aangemaakt_op: Moment; gewijzigd_op: Moment;
  casus_id: string | null; triage_uitkomst: string | null; advies: string | null; gegeven_product: string | null;
  wijk_id: Generated<string | null>;
  verwijzer: ColumnType<unknown, string | null, string | null>; signaal: ColumnType<unknown, string | null, string | null>;
  spoed: Generated<boolean>; contact_telefoon: string | null; contact_email: string | null; afgerond_op: string | null;
  /** Migration 0017: the random reference the resident got from the public form (EV-7K3Q-9XWD). */
  publieke_referentie: Generated<string | null>;
}
/** Migration 0019: the open meldingen as the werkvoorraad sorts and filters them, kept by triggers (ADR 27). Read only. */
export interface WerkvoorraadTable {
  melding_id: string; gemeente_id: string; huishouden_id: string; persoon_id: string; status: string; wet: string; kanaal: string;
  ontvangen_op: string; nummer: string; geregistreerd_door: string | null; regisseur_id: string | null; team_id: string | null;
  casus_van_huishouden: boolean; urgentie: string; termijnstatussen: string[];
}
export interface MeldingStatushistorieTable {
  id: Generated<number>; gemeente_id: string; melding_id: string; van: string | null; naar: string; door: string | null; moment: Moment; reden: string | null;
}

type Json = ColumnType<unknown, string, string>;
type JsonNull = ColumnType<unknown, string | null, string | null>;
export interface AanvragenTable {
  id: Generated<string>; gemeente_id: string; nummer: string; casus_id: string; huishouden_id: string; persoon_id: string; bron: string;
  herziening_van: string | null; ontvangen_op: string; status: string; toelichting: string | null; voorbereid_door: string | null;
  getoetst_door: string | null; toets: JsonNull; beoordeeld_door: string | null; beoordeling: string | null; eerste_beslisser: string | null; eerste_besluit: JsonNull;
  besloten_door: string | null; aangemaakt_op: Moment;
  aanvrager_relatie: ColumnType<string, string | undefined, string>; aanvrager_persoon_id: ColumnType<string | null, string | null | undefined, string | null>;
  aanvrager_naam: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface AanvraagProductenTable {
  id: Generated<string>; gemeente_id: string; aanvraag_id: string; arrangement_item_id: string | null; catalogus_item_id: string | null; wet: string; omschrijving: string;
}
export interface AanvraagStatushistorieTable {
  id: Generated<number>; gemeente_id: string; aanvraag_id: string; van: string | null; naar: string; door: string | null; moment: Moment; toelichting: string | null;
}
export interface BeschikkingenTable {
  id: Generated<string>; gemeente_id: string; nummer: string; aanvraag_id: string; herziening_van: string | null; motivering: string;
  besloten_op: Moment; verzonden_op: string | null; bezwaar_termijn_einde: string | null; pdf: Buffer | Uint8Array | null; pdf_hash: string | null;
}
export interface BeschikkingProductenTable {
  id: Generated<string>; gemeente_id: string; beschikking_id: string; aanvraag_product_id: string; uitkomst: string; grondslag: string;
  omvang: ColumnType<string | null, number | string | null, number | string | null>; eenheid: string | null; periode: string | null;
  ingangsdatum: string | null; einddatum: string | null; leveringsvorm: string | null; eigen_bijdrage: string | null;
  jaarbedrag_cents: ColumnType<number, number | undefined, number>;
  budget_cents: ColumnType<number | null, number | null | undefined, number | null>; productcode: ColumnType<string | null, string | null | undefined, string | null>;
  resultaat: ColumnType<unknown, string | null | undefined, string | null>;
}
export interface VoorzieningenTable {
  id: Generated<string>; gemeente_id: string; nummer: string; beschikking_id: string; beschikking_product_id: string; casus_id: string;
  huishouden_id: string; persoon_id: string; wet: string; productcategorie: string | null; productcode: string | null; product_naam: string;
  catalogus_item_id: string | null; volume: ColumnType<string, number | string, number | string>; eenheid: string | null; frequentie: string | null;
  begin: string; eind: string | null; leveringsvorm: string; bekostiging: string | null; resultaat: JsonNull;
  aanbieder_id: string | null; contract_product_id: string | null;
  budget_cents: ColumnType<number, number, number>; budget_tot: string; jaarbedrag_cents: ColumnType<number, number, number>;
  status: Generated<string>; svb: Generated<boolean>; gestart_op: string | null; beeindigd_op: string | null; reden_beeindiging: string | null;
  vervangen_door: string | null; vervangt: string | null; aangemaakt_op: Moment; gewijzigd_op: Moment;
}
export interface VoorzieningHistorieTable {
  id: Generated<number>; gemeente_id: string; voorziening_id: string; van: string | null; naar: string; door: string | null; moment: Moment;
  toelichting: string | null; gegevens: JsonNull;
}
export interface VoorzieningBrievenTable {
  id: Generated<string>; gemeente_id: string; voorziening_id: string; persoon_id: string; gebeurtenis: string; kenmerk: string; onderwerp: string;
  pdf: Buffer | Uint8Array; pdf_hash: string; aangemaakt_op: Moment;
}
export interface BezwarenTable {
  id: Generated<string>; gemeente_id: string; beschikking_id: string; ontvangen_op: string; omschrijving: string; tijdig: boolean;
  beslistermijn_einde: string; status: Generated<string>; geregistreerd_door: string | null; aangemaakt_op: Moment;
  nummer: string; uitkomst: string | null; adviescommissie: Generated<boolean>; verschoonbaar: Generated<boolean>;
  hoorzitting_datum: string | null; hoorzitting_verslag: string | null; horen_afgezien_reden: string | null; advies: string | null; advies_datum: string | null;
  motivering: string | null; besloten_door: string | null; verzonden_op: string | null; beroep_termijn_einde: string | null;
  pdf: Buffer | Uint8Array | null; pdf_hash: string | null; herziening_aanvraag_id: string | null;
}
export interface BezwaarStatushistorieTable {
  id: Generated<number>; gemeente_id: string; bezwaar_id: string; van: string | null; naar: string; door: string | null; moment: Moment; toelichting: string | null;
}
export interface SteekproevenTable {
  id: Generated<string>; gemeente_id: string; maand: string; percentage: number; seed: string; populatie: number; getrokken_door: string | null; getrokken_op: Moment;
}
export interface SteekproefItemsTable {
  id: Generated<string>; gemeente_id: string; steekproef_id: string; beschikking_id: string; team_id: string | null; beoordelaar: string | null;
  antwoorden: JsonNull; bevindingen: string | null; uitkomst: string | null; beoordeeld_op: Date | null;
}
export interface CatalogusItemsTable {
  id: Generated<string>; gemeente_id: string; naam: string; omschrijving: string; domein: string; trede: number; leefgebieden: string[];
  kern_ids: string[]; aanbieder: string; beschikking_nodig: boolean; limiet_eenheid: string | null; limiet_waarde: number | null;
  /** 0029: a limit in euros, in cents (limiet_eenheid 'euro'); hours stay in limiet_waarde. */
  limiet_cents: ColumnType<number | null, number | null | undefined, number | null>;
  zoekwoorden: string[]; actief: Generated<boolean>; gewijzigd_op: Moment;
  productcategorie: Generated<string | null>; productcode: Generated<string | null>;
}
export interface InstrumentenTable {
  id: Generated<string>; gemeente_id: string; code: string; naam: string; schaal: Json; domeinen: Json; standaard: Generated<boolean>;
}
export interface GesprekkenTable {
  id: Generated<string>; gemeente_id: string; casus_id: string; datum: string; plek: string; instrument_id: string; deelnemers: Json;
  samenvatting: string | null; soort: Generated<string>; gevoerd_door: string | null; aangemaakt_op: Moment;
  verslag_verzonden_op: Date | null; verslag_hash: string | null; verslag_pdf: Buffer | Uint8Array | null; inwoner_reactie: string | null; inwoner_reactie_op: Date | null;
}
export interface GesprekScoresTable {
  gesprek_id: string; gemeente_id: string; domein: string; score: number | null; toelichting: string | null; zelf: string | null; netwerk: string | null;
}
export interface PlannenTable {
  id: Generated<string>; gemeente_id: string; casus_id: string; huishouden_id: string; versie: Generated<number>; status: Generated<string>;
  instemming_datum: string | null; instemming_wijze: string | null; aangemaakt_op: Moment; gewijzigd_op: Moment;
}
export interface PlanVersiesTable { plan_id: string; gemeente_id: string; versie: number; inhoud: Json; reden: string; door: string | null; moment: Moment }
export interface DoelenTable {
  id: Generated<string>; gemeente_id: string; plan_id: string; leefgebied: string; omschrijving: string; meetbaar_resultaat: string;
  streefdatum: string; status: Generated<string>; aangemaakt_op: Moment;
}
export interface ArrangementItemsTable {
  id: Generated<string>; gemeente_id: string; plan_id: string; doel_id: string; trede: number; catalogus_item_id: string | null;
  omschrijving: string | null; motivering: string | null; verantwoordelijke: string; omvang: number | null; omvang_eenheid: string | null;
  /** 0029: an amount in euros, in cents (omvang_eenheid 'euro'); hours stay in omvang. */
  omvang_cents: ColumnType<number | null, number | null | undefined, number | null>;
  startdatum: string; einddatum: string | null; status: string; toegevoegd_door: string | null; aangemaakt_op: Moment;
}
export interface EvaluatiesTable {
  id: Generated<string>; gemeente_id: string; plan_id: string; gepland_op: string; gehouden_op: string | null; gesprek_id: string | null;
  besluit: string | null; toelichting: string | null; doelstatussen: ColumnType<unknown, string | null, string | null>; door: string | null;
}

export interface TevredenheidTable {
  id: Generated<string>; gemeente_id: string; casus_id: string; datum: string; goed_geholpen: boolean; cijfer: number | null; toelichting: string | null;
  geregistreerd_door: string | null; aangemaakt_op: Moment;
}

export interface DossierDoorbrakenTable {
  id: Generated<string>; gemeente_id: string; casus_id: string; huishouden_id: string; gebruiker_id: string; reden: string;
  geldig_tot: ColumnType<Date, Date | string, Date | string>; aangemaakt_op: Moment;
  beoordeeld_door: Generated<string | null>; beoordeeld_op: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  beoordeling: Generated<string | null>; beoordeling_toelichting: Generated<string | null>;
}
export interface CasusMaatwerkTable { casus_id: string; gemeente_id: string; eerste_toekenning: string }
/** Migration 0021 (sturing, ADR 29): kept by the database, read-only for the app. */
export interface SturingVersieTable { gemeente_id: string; versie: string }
export interface CasusGesprekFeitenTable { casus_id: string; gemeente_id: string; eerste_gesprek: string }
export interface ZrmFeitenTable { gesprek_id: string; gemeente_id: string; casus_id: string; datum: string; verschil: number; aantal: number }
export interface BesluitFeitenTable {
  beschikking_product_id: string; gemeente_id: string; aanvraag_id: string; casus_id: string; wijk_id: string | null; wet: string; product_id: string | null; besloten: string; ref: string;
}
export interface BewaartermijnenTable {
  gemeente_id: string; soort: string; jaren: number; grondslag: string; gewijzigd_door: string | null; gewijzigd_op: Moment;
}
export interface VernietigingslijstenTable {
  id: Generated<string>; gemeente_id: string; nummer: string; status: Generated<string>; peildatum: string;
  opgesteld_door: string | null; opgesteld_op: Moment; aangeboden_door: string | null; aangeboden_op: Date | null;
  beoordeeld_door: string | null; beoordeeld_op: Date | null; afwijzing_reden: string | null; uitgevoerd_op: Date | null; resultaat: JsonNull;
}
export interface VernietigingslijstItemsTable {
  id: Generated<string>; gemeente_id: string; lijst_id: string; huishouden_id: string; soort: string; ref: string; nummers: string[];
  einde: string; vernietigbaar_per: string; grondslag: string; uitgezonderd_reden: string | null; uitgezonderd_door: string | null;
  uitgezonderd_op: Date | null; uitgevoerd_op: Date | null; overgeslagen_reden: string | null;
}
/** Inkoop (migration 0024, ADR 31): providers, contracts, products, tariffs in cents; no personal data. */
type Cents = ColumnType<number, number, number>;
export interface AanbiedersTable {
  id: Generated<string>; gemeente_id: string; naam: string; agb_code: string; kvk_nummer: string | null; straat: string | null;
  huisnummer: string | null; postcode: string | null; plaats: string | null; contact_naam: string | null; contact_email: string | null;
  contact_telefoon: string | null; wetten: Generated<string[]>; actief: Generated<boolean>; aangemaakt_op: Moment;
}
export interface ContractenTable {
  id: Generated<string>; gemeente_id: string; aanbieder_id: string; nummer: string; perceel: string | null; van: string; tot: string | null;
  aangemaakt_op: Moment;
}
export interface ContractOnderaannemersTable { gemeente_id: string; contract_id: string; aanbieder_id: string }
export interface ContractProductenTable {
  id: Generated<string>; gemeente_id: string; contract_id: string; wet: string; productcategorie: string | null; productcode: string;
  naam: string; eenheid: string; frequentie: string; bekostiging: string; resultaatgericht: Generated<boolean>; capaciteit: number | null;
}
export interface ContractTarievenTable {
  id: Generated<string>; gemeente_id: string; contract_product_id: string; van: string; tot: string | null; tarief_cents: Cents;
}
export interface ResultaatTarievenTable {
  id: Generated<string>; gemeente_id: string; wet: string; productcode: string; soort: string; profiel: string; intensiteit: string;
  duur_maanden: number | null; bedrag_cents: Cents; van: string; tot: string | null;
}
export interface PgbTarievenTable {
  id: Generated<string>; gemeente_id: string; wet: string; productcode: string; eenheid: string; frequentie: string; tarief_cents: Cents;
  van: string; tot: string | null;
}
export interface GrondslagenTable {
  id: Generated<string>; gemeente_id: string; persoon_id: string; huishouden_id: string; casus_id: string | null; soort: string;
  gegeven_door_relatie: string | null; gegeven_door_naam: string | null; gegeven_door_id: string | null; datum: string; geldig_tot: string | null;
  partners: Json; doelen: string[]; gegevens: string; wetsartikel: string | null; toelichting: string | null;
  vastgelegd_door: string | null; vastgelegd_op: Moment; ingetrokken_op: string | null; ingetrokken_door: string | null;
  intrekking_reden: string | null; intrekking_vastgelegd_op: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
export interface VerstrekkingenTable {
  id: Generated<string>; gemeente_id: string; persoon_id: string; huishouden_id: string; casus_id: string | null; grondslag_id: string;
  partner_soort: string; partner_naam: string; doel: string; gegevens: string; datum: string; toelichting: string | null;
  vastgelegd_door: string | null; vastgelegd_op: Moment;
}
export interface DB {
  casus_maatwerk: CasusMaatwerkTable;
  sturing_versie: SturingVersieTable;
  casus_gesprek_feiten: CasusGesprekFeitenTable;
  zrm_feiten: ZrmFeitenTable;
  besluit_feiten: BesluitFeitenTable;
  gemeenten: GemeentenTable;
  gebruikers: GebruikersTable;
  sessies: SessiesTable;
  inlogpogingen: InlogpogingenTable;
  bekende_apparaten: BekendeApparatenTable;
  online_meldingen: OnlineMeldingenTable;
  nummering: NummeringTable;
  auditlog: AuditlogTable;
  audit_checkpoints: AuditCheckpointsTable;
  kernen: KernenTable;
  wijken: WijkenTable;
  huishoudens: HuishoudensTable;
  personen: PersonenTable;
  relaties: RelatiesTable;
  postcodegebieden: PostcodegebiedenTable;
  meldingen: MeldingenTable;
  werkvoorraad: WerkvoorraadTable;
  melding_statushistorie: MeldingStatushistorieTable;
  teams: TeamsTable;
  casussen: CasussenTable;
  casus_betrokkenen: CasusBetrokkenenTable;
  casus_regisseurhistorie: CasusRegisseurhistorieTable;
  termijnen: TermijnenTable;
  opschortingen: OpschortingenTable;
  gemeente_instellingen: GemeenteInstellingenTable;
  publieke_verzoeken: PubliekeVerzoekenTable;
  taken: TakenTable;
  opdrachten: OpdrachtenTable;
  catalogus_items: CatalogusItemsTable;
  instrumenten: InstrumentenTable;
  gesprekken: GesprekkenTable;
  gesprek_scores: GesprekScoresTable;
  plannen: PlannenTable;
  plan_versies: PlanVersiesTable;
  doelen: DoelenTable;
  arrangement_items: ArrangementItemsTable;
  evaluaties: EvaluatiesTable;
  aanvragen: AanvragenTable;
  aanvraag_producten: AanvraagProductenTable;
  aanvraag_statushistorie: AanvraagStatushistorieTable;
  beschikkingen: BeschikkingenTable;
  beschikking_producten: BeschikkingProductenTable;
  voorzieningen: VoorzieningenTable;
  voorziening_historie: VoorzieningHistorieTable;
  voorziening_brieven: VoorzieningBrievenTable;
  bezwaren: BezwarenTable;
  bezwaar_statushistorie: BezwaarStatushistorieTable;
  steekproeven: SteekproevenTable;
  steekproef_items: SteekproefItemsTable;
  tevredenheid: TevredenheidTable;
  dossier_doorbraken: DossierDoorbrakenTable;
  grondslagen: GrondslagenTable;
  verstrekkingen: VerstrekkingenTable;
  bewaartermijnen: BewaartermijnenTable;
  vernietigingslijsten: VernietigingslijstenTable;
  vernietigingslijst_items: VernietigingslijstItemsTable;
  aanbieders: AanbiedersTable;
  contracten: ContractenTable;
  contract_onderaannemers: ContractOnderaannemersTable;
  contract_producten: ContractProductenTable;
  contract_tarieven: ContractTarievenTable;
  resultaat_tarieven: ResultaatTarievenTable;
  pgb_tarieven: PgbTarievenTable;
}
