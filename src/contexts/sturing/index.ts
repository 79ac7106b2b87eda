// What other parts (the bench, later the dashboards' jobs) may use of Sturing.
export { KPIS, signaal, type KpiDefinitie } from './rules.ts';
export { kpiGroepen, vergeetBerekend, normen } from './store.ts';
export { referentieBronnen } from './referentie.ts';
export { berekenKpi, metNorm, verdeelKpi } from './usecases.ts';
export { insertTevredenheid } from './store.ts';
