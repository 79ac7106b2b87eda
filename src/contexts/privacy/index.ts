// What other contexts may use of Privacy: the one access rule (need-to-know, ADR 25).
export { eisDossierToegang, magDossierZien, dossierGrond, zichtbareHuishoudens, zichtbaarPerRij, zichtbaarInWerkvoorraad, huishoudenVan, geenToegangDossier, type DossierRef } from './toegang.ts';
export { toegangsgrond, isIntake, alleenDePersoon, HUISHOUDEN_ROLLEN, magBetrokkenenBeheren, betrokkeneFout, AANVRAAG_BIJ_BESLISSER, BEZWAAR_OPEN, INTAKE_ROLLEN, MELDING_OPEN, GEEN_TOEGANG_TEKST, type Toegangsgrond, type DossierFeiten, type Vrager } from './rules.ts';
export { eisGrondslagVoorVerstrekking } from './delingen.ts';
