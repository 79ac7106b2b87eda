// What other contexts (and the demo generator) may use of Besluit.
export { beoordeel, beslis, dienAanvraagIn, toets, verzend } from './usecases.ts';
export { AANVRAAG_STATUSSEN, type AanvraagStatus } from './rules.ts';
