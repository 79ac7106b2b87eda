// What other contexts (and the bench) may use of Zoeken: the one rule of who sees which kind of hit
// (issue 11 replaces it with need-to-know) and the search itself.
export { ZOEK_ROLLEN, zoekToegang, type Soort, type ZoekToegang } from './rules.ts';
export { zoek, zoekvraag, type Zoekuitkomst } from './usecases.ts';
