// What other contexts (and the demo generator) may use of Besluit.
export { beoordeel, beslis, dienAanvraagIn, toets, verzend } from './usecases.ts';
export { AANVRAAG_STATUSSEN, type AanvraagStatus } from './rules.ts';
// Inzage (AVG art. 15): a person's aanvragen, beschikkingen and bezwaren with the letters as sent.
export {
  aanvragenVanPersoon, beschikkingVanAanvraag, bezwaarBrief, bezwarenVanBeschikking, getBezwaar, historieVanAanvraag, historieVanBezwaar, productenVanAanvraag, verzondenBrief,
  type Aanvraag, type Beschikking, type Bezwaar,
} from './store.ts';
export { aanvraagStatusNaam, bezwaarStatusNaam, bezwaarUitkomstNaam, leveringsvormNaam, uitkomstNaam } from './rules.ts';
