// What other parts may use of Contractmanagement: its routes, and the figures with their norms (for dashboards later).
export { contractmanagementRoutes } from './routes.ts';
export { FIGUREN, figurenVan, signaalVan, type Figuur, type FiguurDefinitie, type FiguurId } from './rules.ts';
