// What other contexts (and the demo generator) may use of Toegang.
export { WETTEN, KANALEN, MELDING_STATUSSEN, type Wet, type Kanaal, type MeldingStatus } from './rules.ts';
export { registreerMelding, triageer } from './usecases.ts';
export { herberekenOpenTermijnen } from './store.ts';
export * as termijnen from './termijnen.ts';
