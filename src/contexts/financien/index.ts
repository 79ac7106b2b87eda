// What other contexts may use of Financien (issue 15.3): the batches as read models.
export { betaalbatches, betaalbatch, zetGrootboek, type Betaalbatch, type BetaalbatchDetail } from './usecases.ts';
export { WETTEN as GROOTBOEK_WETTEN, zoekGrootboekregel, type Grootboekregel } from './rules.ts';
