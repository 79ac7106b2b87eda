// What other contexts may use of Zoeken: the one rule of who sees which kind of hit (issue 11 replaces it with need-to-know).
export { ZOEK_ROLLEN, zoekToegang, type Soort, type ZoekToegang } from './rules.ts';
