// What other contexts may use of Inwoners.
export { isGeldigBsn, volledigeNaam, leeftijdOp, isMinderjarig } from './rules.ts';
export { createPersoon, findPersoonByBsn, findPersonenByBsn, getPersoon, getPersonen, huishoudenLeden, wijkBestaat, type Persoon, type PersoonInvoer } from './store.ts';
export { persoonInvoer, bsnSchema, publiekAdres, aanvragerVelden, aanvraagPartijen } from './schemas.ts';
export { auditHuishouden } from './audit.ts';
export {
  AANVRAGER_RELATIES, AANVRAGER_RELATIE_NAAM, aanvraagPartijenVan, aanvraagPartijenVanAlle, bepaalAanvrager, wettelijkVertegenwoordigers, type Aanvrager, type PartijenVanAanvraag, type AanvragerRelatie, type Vertegenwoordiger,
} from './vertegenwoordiging.ts';
export { brpHuishouden, type BrpPersoon } from './brp.ts';
export { huishoudenOverzicht, neemBrpHuishoudenOver, persoonMetBrp, type LidOverzicht, type LidRelatieUitvoer } from './usecases.ts';
