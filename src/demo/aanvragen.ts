import { beoordeel, beslis, dienAanvraagIn, toets, verzend } from '../contexts/besluit/index.ts';
import { productVanItem } from '../contexts/catalogus/index.ts';
import { gecontracteerd } from '../contexts/inkoop/index.ts';
import { EENHEDEN, FREQUENTIE_PERIODE, beeindig, kandidaten, start, voorzieningenVan, wijsAanbiederToe } from '../contexts/voorziening/index.ts';
import type { Actor, Tx } from '../platform/tenancy/tx.ts';
import type { Factories } from './factories.ts';
import {
  CATALOGUS_PRODUCTCODE, JEUGD_INTENSITEITEN, JEUGD_PROFIELEN, REDEN_VOLGENS_PLAN, WMO_COMPLEXITEITEN, WMO_INTENSITEITEN, productVanCode, type DemoProduct,
} from './inkoop.ts';

type Gebruiker = { id: string; gebruikersnaam: string; rollen: string[] };
const als = (g: Gebruiker, gemeenteId: string, rol: string): Actor => ({ gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, gemeenteId, rollen: g.rollen, rol, aanbiederId: null });

/** How far each demo aanvraag gets (0 ingediend … 4 verzonden): every step has examples, half are sent. */
const STAPPEN = [4, 0, 4, 1, 4, 2, 3, 4] as const;

/** A realistic amount in the product's own unit and frequency (per week, per month, or once for the period). */
function volumeVoor(p: DemoProduct, f: Factories): number {
  const tussen = (min: number, max: number, stap = 1) => min + stap * f.faker.number.int({ min: 0, max: Math.floor((max - min) / stap) });
  switch (p.eenheid) {
    case '01': return tussen(60, 180, 15); // minutes per week
    case '04': return p.frequentie === '4' ? tussen(4, 12) : tussen(2, 6); // hours per month or week
    case '14': return p.frequentie === '2' ? 7 : tussen(2, 4); // nights per week (residential) or month (respite)
    case '16': return tussen(2, 5); // dagdelen per week
    case '84': return tussen(4, 12); // rides per month
    case '83': return p.frequentie === '6' ? tussen(500, 5000, 50) : tussen(100, 1500, 50); // euros once or per month
    default: return 1; // stuks: one aid, one trajectory, one result
  }
}

/**
 * Demo aanvragen for the rung-4 items in the plans: every step of the decision process has
 * examples, so the beslisser's queue and the letters can be shown at once. Decided on the contracted
 * product of the catalogue item (in the product's unit and frequency, the budget computed from the
 * contract); an item whose product the gemeente has not contracted stops before the decision. Of the
 * sent beschikkingen some voorzieningen get a provider (pgb: the SVB), some start, one ends.
 */
export async function zaaiAanvragen(tx: Tx, f: Factories, gemeenteId: string, gemeenteNaam: string, gebruikers: Gebruiker[], vandaag: string) {
  const wie = (naam: string) => gebruikers.find((g) => g.gebruikersnaam === naam);
  const teamleider = wie('teamleider');
  const beslisser = wie('beslisser');
  const beslisser2 = wie('beslisser2');
  if (!teamleider || !beslisser || !beslisser2) return;
  const items = await tx.selectFrom('arrangement_items as a').innerJoin('plannen as p', 'p.id', 'a.plan_id').innerJoin('casussen as c', 'c.id', 'p.casus_id')
    .innerJoin('gebruikers as g', 'g.id', 'c.regisseur_id').leftJoin('catalogus_items as ci', 'ci.id', 'a.catalogus_item_id')
    .select(['a.id', 'p.casus_id', 'a.startdatum', 'a.catalogus_item_id', 'ci.naam as item_naam', 'g.id as regisseur_id', 'g.gebruikersnaam', 'g.rollen'])
    .where('a.status', '=', 'aanvraagNodig').orderBy('a.aangemaakt_op').execute();
  const verzonden: { casusId: string; regisseur: Actor }[] = [];
  for (const [i, item] of items.entries()) {
    const regisseur = als({ id: item.regisseur_id, gebruikersnaam: item.gebruikersnaam, rollen: item.rollen }, gemeenteId, 'regisseur');
    const id = await dienAanvraagIn(tx, regisseur, { casusId: item.casus_id, arrangementItemIds: [item.id], ontvangenOp: item.startdatum }, vandaag);
    const code = item.catalogus_item_id ? (await productVanItem(tx, item.catalogus_item_id))?.productcode ?? CATALOGUS_PRODUCTCODE[item.item_naam ?? ''] : undefined;
    const product = code ? productVanCode(code) : null;
    const contract = product ? await gecontracteerd(tx, { wet: product.wet, productcode: product.productcode, datum: vandaag }) : [];
    const stappen = contract.length ? STAPPEN[i % STAPPEN.length]! : Math.min(2, STAPPEN[i % STAPPEN.length]!);
    // Half checked by the teamleider, half by the deciding beslisser: then the teamleider can review those in the steekproef.
    const toetser = i % 2 === 0 ? als(teamleider, gemeenteId, 'teamleider') : als(beslisser, gemeenteId, 'beslisser');
    if (stappen >= 1) await toets(tx, toetser, id, { compleet: true, bevoegd: true });
    if (stappen >= 2) await beoordeel(tx, als(beslisser2, gemeenteId, 'beslisser'), id, { advies: 'De ladder is gevolgd; de voorziening past bij het doel.' });
    if (stappen >= 3 && product) {
      // Result-based products name the profile and intensity; trajectories and results have a fixed period.
      const resultaat = product.productcode === '45R01' ? { profiel: f.faker.helpers.arrayElement(JEUGD_PROFIELEN), intensiteit: f.faker.helpers.arrayElement(JEUGD_INTENSITEITEN) }
        : product.productcode === '02R01' ? { profiel: f.faker.helpers.arrayElement(WMO_COMPLEXITEITEN), intensiteit: f.faker.helpers.arrayElement(WMO_INTENSITEITEN) } : undefined;
      const maanden = product.frequentie === '6' ? 6 : f.faker.helpers.arrayElement([6, 12, 0]);
      const eind = maanden ? plusDagen(plusMaanden(vandaag, maanden), -1) : undefined;
      await beslis(tx, als(beslisser, gemeenteId, 'beslisser'), id, {
        producten: [{
          arrangementItemId: item.id, uitkomst: f.faker.helpers.arrayElement(['toegekend', 'toegekend', 'deelsToegekend'] as const), productcode: product.productcode,
          omvang: volumeVoor(product, f), eenheid: EENHEDEN[product.eenheid]!.naam, periode: FREQUENTIE_PERIODE[product.frequentie] as 'dag' | 'week' | 'maand' | 'totaal',
          ingangsdatum: vandaag, ...(eind ? { einddatum: eind } : {}), ...(resultaat ? { resultaat } : {}),
          leveringsvorm: product.pgb ? f.faker.helpers.arrayElement(['zin', 'zin', 'pgb'] as const) : 'zin',
        }],
        motivering: 'Eigen kracht, het netwerk en de algemene voorzieningen zijn geprobeerd en volstaan niet; deze voorziening is nodig om het doel in het plan te halen.',
      });
    }
    if (stappen >= 4) {
      await verzend(tx, als(beslisser, gemeenteId, 'beslisser'), id, gemeenteNaam, vandaag);
      verzonden.push({ casusId: item.casus_id, regisseur });
    }
  }
  // The provider chain after the decision: a third stays toegekend (the resident still chooses), a
  // third gets a provider, a third also starts; the first started one ends (as planned) today.
  let beeindigd = false;
  for (const [k, { casusId, regisseur }] of verzonden.entries()) {
    if (k % 3 === 0) continue;
    for (const v of (await voorzieningenVan(tx, regisseur, { casusId })).filter((x) => x.status === 'toegekend')) {
      if (v.leveringsvorm === 'pgb') await wijsAanbiederToe(tx, regisseur, v.id, { svb: true });
      else {
        const vrij = (await kandidaten(tx, regisseur, v.id)).filter((c) => c.vrij === null || c.vrij > 0);
        if (!vrij.length) continue;
        await wijsAanbiederToe(tx, regisseur, v.id, { aanbiederId: vrij[k % vrij.length]!.aanbiederId });
      }
      if (k % 3 !== 2) continue;
      await start(tx, regisseur, v.id, { datum: v.begin });
      if (!beeindigd) {
        await beeindig(tx, regisseur, v.id, { datum: v.begin, reden: REDEN_VOLGENS_PLAN[v.wet === 'jeugdwet' ? 'jeugdwet' : 'wmo'] });
        beeindigd = true;
      }
    }
  }
}

function plusDagen(d: string, n: number): string {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
function plusMaanden(d: string, n: number): string {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCMonth(t.getUTCMonth() + n);
  return t.toISOString().slice(0, 10);
}
