// What other contexts (and the demo generator) may use of Plan.
export { evalueer, legInstemmingVast, planEvaluatie, voegArrangementToe, voegDoelToe } from './usecases.ts';
export { motiveringVereist, bepaalInzet, doelStatusNaam } from './rules.ts';
export { arrangementVanPlan, doelenVanPlan, itemsVoorAanvraag, planVanCasus, zetItemStatus, type ArrangementItem, type Doel } from './store.ts';
// Inzage (AVG art. 15): every version of the plan and its evaluations.
export { evaluatiesVanPlan, versieInhoud, versiesVanPlan, type Evaluatie, type Plan } from './store.ts';
