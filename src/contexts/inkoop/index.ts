// What other contexts may use of Inkoop: who is contracted, what a product is, the budget of a
// provision (ADR 31), the providers, and the use cases the demo seed uses.
export {
  WETTEN, geldtOp, WMO020, JZ020, WJ756, WMO757, WMO588, JZ588, BEKOSTIGINGEN, bekostigingNaam, productcategorieenVan, redenenBeeindigingVan,
  type Bekostiging, type Eenheid, type Frequentie, type InkoopWet, type BudgetRegel,
} from './rules.ts';
export {
  gecontracteerd, productInfo, berekenBudget, maakAanbieder, wijzigAanbieder, maakContract, voegProductToe, zetTarief, zetResultaatTarieven, zetPgbTarief,
  aanbiederVan, aanbiederKeuzes, aanbiedersMetId, contractVan, zetMaandbedrag, taakgerichteProducten, contractProductRefs,
  type Aanbieder, type AanbiederRef, type AanbiederInvoer, type BudgetAntwoord, type BudgetVraag, type Contract, type ContractInvoer, type ContractProduct,
  type ContractProductInvoer, type Gecontracteerd, type PgbTariefInvoer, type ProductInfo, type ResultaatTabelInvoer,
  type ProductRef, type TaakgerichtContractProduct,
} from './usecases.ts';
// The tariff history of contract products: declarations are checked against it (TR418).
export { tarievenVan, type TariefRij } from './store.ts';
// Contract management sets the ceiling of a contract (the table stays inkoop's).
export { zetPlafond } from './store.ts';
