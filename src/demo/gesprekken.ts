import { zoekCatalogus } from '../contexts/catalogus/index.ts';
import { voerGesprek, type ScoreInvoer } from '../contexts/gesprek/index.ts';
import { evalueer, legInstemmingVast, planEvaluatie, voegArrangementToe, voegDoelToe } from '../contexts/plan/index.ts';
import { insertTevredenheid } from '../contexts/sturing/index.ts';
import { getCasus, meldingenVanCasus } from '../contexts/toegang/index.ts';
import type { Actor, Tx } from '../platform/tenancy/tx.ts';
import type { Factories } from './factories.ts';

const DOMEINEN = ['huisvesting', 'financien', 'sociaalFunctioneren', 'psychischFunctioneren', 'zingeving', 'lichamelijkFunctioneren', 'praktischFunctioneren', 'dagbesteding'] as const;
const plus = (d: string, n: number) => { const t = new Date(`${d}T12:00:00Z`); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); };

/**
 * Demo conversations, plans and arrangements for the casussen in onderzoek: an intake scored on
 * the 8 leefgebieden, a plan with goals on the weakest domains, an arrangement that climbs the
 * ladder with reasons, and for some an evaluation with new scores.
 */
let tevredenTeller = 0;

export async function zaaiGesprekkenEnPlannen(tx: Tx, f: Factories, gemeenteId: string, onderzoek: { meldingId: string; ontvangenOp: string }[], vandaag: string) {
  const gedaan = new Set<string>();
  for (const o of onderzoek) {
    const melding = await tx.selectFrom('meldingen').select(['casus_id']).where('id', '=', o.meldingId).executeTakeFirstOrThrow();
    if (!melding.casus_id || gedaan.has(melding.casus_id) || f.faker.number.float() < 0.3) continue;
    gedaan.add(melding.casus_id);
    const casus = (await getCasus(tx, melding.casus_id))!;
    if (!casus.regisseur) continue;
    const r = await tx.selectFrom('gebruikers').select(['id', 'gebruikersnaam', 'rollen']).where('id', '=', casus.regisseur.id).executeTakeFirstOrThrow();
    const actor: Actor = { gebruikerId: r.id, gebruikersnaam: r.gebruikersnaam, gemeenteId, rollen: r.rollen, rol: 'regisseur', aanbiederId: null };
    const persoon = (await meldingenVanCasus(tx, casus.id))[0]!;
    const intakeDatum = plus(o.ontvangenOp, f.faker.number.int({ min: 2, max: 10 }));
    if (intakeDatum > vandaag) continue;
    const scores: ScoreInvoer[] = DOMEINEN.map((domein) => ({ domein, score: f.faker.helpers.weightedArrayElement([{ weight: 1, value: 1 }, { weight: 3, value: 2 }, { weight: 4, value: 3 }, { weight: 3, value: 4 }, { weight: 1, value: 5 }]) }));
    await voerGesprek(tx, actor, casus.id, {
      datum: intakeDatum, plek: 'thuis', soort: 'intake',
      deelnemers: [{ rol: 'inwoner', naam: `${persoon.voornaam} ${persoon.achternaam}` }, { rol: 'mantelzorger', naam: f.faker.person.fullName() }],
      samenvatting: 'Keukentafelgesprek over alle leefgebieden. De inwoner wil zo lang mogelijk zelfstandig blijven.', scores,
    }, vandaag);
    const zwakste = [...scores].sort((a, b) => (a.score ?? 5) - (b.score ?? 5)).slice(0, 2);
    for (const s of zwakste) {
      const doelId = await voegDoelToe(tx, actor, casus.id, {
        leefgebied: s.domein, omschrijving: `Weer grip op ${s.domein === 'financien' ? 'de financiën' : 'dit leefgebied'}`,
        meetbaarResultaat: `Score op de zelfredzaamheidsmatrix van ${s.score} naar ${Math.min(5, (s.score ?? 3) + 1)}`, streefdatum: plus(intakeDatum, 180),
      });
      await voegArrangementToe(tx, actor, casus.id, { doelId, trede: 1, omschrijving: 'Inwoner houdt zelf een weekoverzicht bij', startdatum: intakeDatum });
      const voorliggend = (await zoekCatalogus(tx, { domein: 'voorliggend', trede: 3, leefgebied: s.domein as (typeof DOMEINEN)[number] }))[0];
      if (voorliggend) {
        await voegArrangementToe(tx, actor, casus.id, {
          doelId, trede: 3, catalogusItemId: voorliggend.id, startdatum: intakeDatum,
          motivering: 'Het netwerk is klein en kan dit niet dragen; een algemene voorziening in de buurt past.',
        });
      }
      if (s.score === 1) {
        const maatwerk = (await zoekCatalogus(tx, { trede: 4, leefgebied: s.domein as (typeof DOMEINEN)[number] }))[0];
        if (maatwerk) {
          await voegArrangementToe(tx, actor, casus.id, {
            doelId, trede: 4, catalogusItemId: maatwerk.id, startdatum: intakeDatum,
            motivering: 'Acute problematiek: eigen kracht, netwerk en voorliggend veld zijn niet genoeg.',
          });
        }
      }
    }
    await legInstemmingVast(tx, actor, casus.id, intakeDatum, 'mondeling');
    const evaluatieDatum = plus(intakeDatum, 42);
    const evaluatieId = await planEvaluatie(tx, actor, casus.id, evaluatieDatum);
    if (evaluatieDatum <= vandaag && f.faker.number.float() < 0.7) {
      const nieuw = scores.map((s) => ({ domein: s.domein, score: s.score === null ? null : Math.max(1, Math.min(5, s.score + f.faker.helpers.arrayElement([0, 0, 1, 1, 2, -1]))) }));
      const gesprekId = await voerGesprek(tx, actor, casus.id, {
        datum: evaluatieDatum, plek: 'thuis', soort: 'evaluatie', deelnemers: [{ rol: 'inwoner', naam: `${persoon.voornaam} ${persoon.achternaam}` }],
        samenvatting: 'Evaluatie van het plan.', scores: nieuw,
      }, vandaag);
      await evalueer(tx, actor, casus.id, evaluatieId, { gehoudenOp: evaluatieDatum, gesprekId, besluit: 'voortzetten', doelen: [], toelichting: 'Het gaat beter; plan loopt door.' });
      // The satisfaction question at the evaluation ("Voelt u zich goed geholpen?").
      const goed = ++tevredenTeller % 5 !== 0; // four in five: without drawing from the seeded generator
      await insertTevredenheid(tx, { gemeenteId, casusId: casus.id, datum: evaluatieDatum, goedGeholpen: goed, cijfer: goed ? 8 : 5, toelichting: null, door: actor.gebruikerId });
    }
  }
}
