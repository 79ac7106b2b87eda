/** What other contexts may use of voorziening (ADR 32). */
export {
  kenVoorzieningenToe, vervangVoorzieningen, voorzieningenVanCasus, voorzieningenVan, leesVoorziening, lopendeVoorzieningenVanAanbieder, budgetVoorBesluit,
  wijsAanbiederToe, start, beeindig, trekIn, kandidaten, BRIEF_SOORT, TOEWIJZING_GEWIJZIGD,
  startDoorAanbieder, startenDoorAanbieder, startFout, beeindigDoorAanbieder, voorzieningVoorBericht, voorzieningenVoorBericht, inNaturaVoorBerichten,
  type BesluitProduct, type BesluitBudget, type Kandidaat, type BriefGebeurtenis,
} from './usecases.ts';
export type { Voorziening } from './store.ts';
export {
  STATUSSEN, LOPEND, EINDSTATUSSEN, OVERGANGEN, statusNaam, overgangToegestaan, effectieveEind, REDENEN_BEEINDIGING, redenNaam, EENHEDEN, PERIODE_FREQUENTIE,
  FREQUENTIE_PERIODE, frequentieNaam, type Status, type Overgang,
} from './rules.ts';
