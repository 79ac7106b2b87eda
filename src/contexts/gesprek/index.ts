// What other contexts may use of Gesprek.
export { STANDAARD_INSTRUMENTEN, type ScoreInvoer } from './rules.ts';
export { insertInstrumenten, gesprekkenVanCasus, getGesprek } from './store.ts';
export { voerGesprek } from './usecases.ts';
export type { GesprekInvoer } from './usecases.ts';
