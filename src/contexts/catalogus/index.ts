// What other contexts may use of Catalogus.
export { LEEFGEBIEDEN, leefgebiedNaam, tredeNaam, JZ020, WMO020, PRODUCTCODE, productcategorieenVan, type Leefgebied, type Trede, type CatalogusItemInvoer } from './rules.ts';
export { getCatalogusItem, insertCatalogusItems, kernIdsOpNaam, productVanItem, zoekCatalogus, type CatalogusItem, type ProductVanItem } from './store.ts';
export { leefgebied } from './schemas.ts';
