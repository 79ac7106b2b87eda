// What other contexts may use of Catalogus.
export { LEEFGEBIEDEN, leefgebiedNaam, tredeNaam, type Leefgebied, type Trede, type CatalogusItemInvoer } from './rules.ts';
export { getCatalogusItem, insertCatalogusItems, kernIdsOpNaam, zoekCatalogus, type CatalogusItem } from './store.ts';
