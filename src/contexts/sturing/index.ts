// What other parts (the bench, later the dashboards' jobs) may use of Sturing.
export { KPIS, signaal, type KpiDefinitie } from './rules.ts';
export { kpiPerPeriode } from './store.ts';
export { insertTevredenheid } from './store.ts';
