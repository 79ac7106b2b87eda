// What other contexts (and the demo generator) may use of Toegang.
export { WETTEN, KANALEN, MELDING_STATUSSEN, type Wet, type Kanaal, type MeldingStatus } from './rules.ts';
export { casusVoorWerk, registreerMelding, triageer, wijsCasusToe } from './usecases.ts';
export { getCasus, herberekenOpenTermijnen, meldingenVanCasus, rondTermijnenVanCasusAf, type Casus, type MeldingRij } from './store.ts';
export * as termijnen from './termijnen.ts';
