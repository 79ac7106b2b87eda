// What other contexts may use of Gesprek.
export { STANDAARD_INSTRUMENTEN, deelnemerRolNaam, gesprekSoortNaam, plekNaam, type ScoreInvoer } from './rules.ts';
export { insertInstrumenten, gesprekkenVanCasus, getGesprek, listInstrumenten, verzondenVerslag, type Gesprek } from './store.ts';
export { voerGesprek } from './usecases.ts';
export type { GesprekInvoer } from './usecases.ts';
