// What other contexts may use of beheer (the gemeente's own settings, such as its house style).
export { beheerRoutes } from './routes.ts';
export { KLEUR_TOKENS, contrast, controleerKleuren, type HuisstijlKleuren } from './rules.ts';
export { wijzigHuisstijl } from './usecases.ts';
