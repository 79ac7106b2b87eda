// What other contexts may use of Berichten (ADR 37).
export { geldVanVoorzieningen, berichtKeten, lijstBerichten, ontvangBericht, ontvangBerichten, verstuurToewijzing, type Ontvangen, type BundelUitkomst } from './usecases.ts';
export { verstuurToewijzingen } from './bulk.ts';
export { zaaiBerichtenHistorie, zaaiVerzoeken, type HistorieOpties } from './historie.ts';
export { kanaal, zetKanaal, portaalKanaal, type BerichtKanaal, type UitgaandBericht } from './kanaal.ts';
export { SOORTEN, soortNaam, standaardVanWet, retourcodeTekst, geldVan, type Geld, type Soort, type Standaard } from './rules.ts';
// Messages as a provider's software writes them: for tests, the demo and providers without software of their own.
export { schrijfStartStop, schrijfVerzoekToewijzing, schrijfVerzoekWijziging, schrijf323 } from './xml.ts';
export { teBetalen, koppelAanBatch, prestatiesVanBatch, declaratiesVanBatch, type TeBetalenPrestatie, type BatchRegel, type BatchDeclaratie } from './betaling.ts';
export { zaaiDeclaraties, type DeclaratieHistorie } from './declaratie-historie.ts';
