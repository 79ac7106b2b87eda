// What other contexts (and the demo generator) may use of Toegang.
export { WETTEN, KANALEN, MELDING_STATUSSEN, wetNaam, type Wet, type Kanaal, type MeldingStatus } from './rules.ts';
export { casusVoorWerk, registreerMelding, schortTermijnOp, triageer, verdaagTermijn, wijsCasusToe } from './usecases.ts';
export {
  getCasus, getMedewerker, herberekenOpenTermijnen, insertTermijn, meldingenVanCasus, meldingVoorAanvraag, rondAanvraagTermijnenAf, rondTermijnenVanCasusAf, termijnConfig,
  rondBezwaarTermijnAf, termijnenVanAanvragen, termijnenVanBezwaren, termijnenVanMeldingen, termijnVoorWijziging, volgendNummer, reserveerNummers, type Casus, type MeldingRij, type TermijnRij,
} from './store.ts';
export { termijnResource } from './routes.ts';
export { termijnUitvoer } from './schemas.ts';
export * as termijnen from './termijnen.ts';
// Inzage (AVG art. 15) reads a person's meldingen, their history and the household's casussen.
export { casussenVanHuishouden, meldingenVanPersoon, statushistorie as meldingStatushistorie } from './store.ts';
export { kanaalNaam, signaalBronNaam, statusNaam as meldingStatusNaam, verwijzerNaam } from './rules.ts';
