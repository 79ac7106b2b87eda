import { beoordeel, beslis, dienAanvraagIn, toets, verzend } from '../contexts/besluit/index.ts';
import type { Actor, Tx } from '../platform/tenancy/tx.ts';
import type { Factories } from './factories.ts';

type Gebruiker = { id: string; gebruikersnaam: string; rollen: string[] };
const als = (g: Gebruiker, gemeenteId: string, rol: string): Actor => ({ gebruikerId: g.id, gebruikersnaam: g.gebruikersnaam, gemeenteId, rollen: g.rollen, rol });

/**
 * Demo aanvragen for the rung-4 items in the plans: every step of the decision process has
 * examples, so the beslisser's queue and the letters can be shown at once.
 */
export async function zaaiAanvragen(tx: Tx, f: Factories, gemeenteId: string, gemeenteNaam: string, gebruikers: Gebruiker[], vandaag: string) {
  const wie = (naam: string) => gebruikers.find((g) => g.gebruikersnaam === naam);
  const teamleider = wie('teamleider');
  const beslisser = wie('beslisser');
  const beslisser2 = wie('beslisser2');
  if (!teamleider || !beslisser || !beslisser2) return;
  const items = await tx.selectFrom('arrangement_items as a').innerJoin('plannen as p', 'p.id', 'a.plan_id').innerJoin('casussen as c', 'c.id', 'p.casus_id')
    .innerJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .select(['a.id', 'p.casus_id', 'a.startdatum', 'g.id as regisseur_id', 'g.gebruikersnaam', 'g.rollen'])
    .where('a.status', '=', 'aanvraagNodig').orderBy('a.aangemaakt_op').execute();
  for (const [i, item] of items.entries()) {
    const regisseur = als({ id: item.regisseur_id, gebruikersnaam: item.gebruikersnaam, rollen: item.rollen }, gemeenteId, 'regisseur');
    const id = await dienAanvraagIn(tx, regisseur, { casusId: item.casus_id, arrangementItemIds: [item.id], ontvangenOp: item.startdatum }, vandaag);
    const stappen = i % 5; // 0: ingediend, 1: getoetst, 2: beoordeeld, 3: besloten, 4: verzonden
    // Half checked by the teamleider, half by the deciding beslisser: then the teamleider can review those in the steekproef.
    const toetser = i % 2 === 0 ? als(teamleider, gemeenteId, 'teamleider') : als(beslisser, gemeenteId, 'beslisser');
    if (stappen >= 1) await toets(tx, toetser, id, { compleet: true, bevoegd: true });
    if (stappen >= 2) await beoordeel(tx, als(beslisser2, gemeenteId, 'beslisser'), id, { advies: 'De ladder is gevolgd; de voorziening past bij het doel.' });
    if (stappen >= 3) {
      await beslis(tx, als(beslisser, gemeenteId, 'beslisser'), id, {
        producten: [{
          arrangementItemId: item.id, uitkomst: f.faker.helpers.arrayElement(['toegekend', 'toegekend', 'deelsToegekend'] as const),
          omvang: f.faker.number.int({ min: 2, max: 6 }), eenheid: 'uur', periode: 'week', ingangsdatum: vandaag, leveringsvorm: f.faker.helpers.arrayElement(['zin', 'zin', 'pgb'] as const),
        }],
        motivering: 'Eigen kracht, het netwerk en de algemene voorzieningen zijn geprobeerd en volstaan niet; deze voorziening is nodig om het doel in het plan te halen.',
      });
    }
    if (stappen >= 4) await verzend(tx, als(beslisser, gemeenteId, 'beslisser'), id, gemeenteNaam, vandaag);
  }
}
