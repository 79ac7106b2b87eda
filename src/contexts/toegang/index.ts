// What other contexts may use of Toegang.
export { WETTEN, KANALEN, MELDING_STATUSSEN, type Wet, type Kanaal, type MeldingStatus } from './rules.ts';
export { insertMelding } from './store.ts';
