// What other contexts (and the demo generator) may use of Plan.
export { evalueer, legInstemmingVast, planEvaluatie, voegArrangementToe, voegDoelToe } from './usecases.ts';
export { motiveringVereist, bepaalInzet } from './rules.ts';
export { arrangementVanPlan, doelenVanPlan, itemsVoorAanvraag, planVanCasus, zetItemStatus, type ArrangementItem, type Doel } from './store.ts';
