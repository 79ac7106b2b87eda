/**
 * The outbox handler `voorziening.brief`: a letter to the resident when a provider is assigned (or the
 * pgb passed to the SVB) and when the provision ends, is withdrawn or replaced. It runs after the
 * transition committed, in its own transaction; the letter is stored with the provision.
 */
import { createHash } from 'node:crypto';
import type { OpdrachtContext } from '../../platform/jobs/outbox.ts';
import { datumLang, maakBrief, type BriefSectie } from '../../platform/pdf/brief.ts';
import { correspondentie } from '../../platform/pdf/correspondentie.ts';
import { adresRegel, afzenderRegels, geadresseerde, zin } from '../../platform/pdf/tekst.ts';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { getPersoon, volledigeNaam, wettelijkVertegenwoordigers } from '../inwoners/index.ts';
import { redenVoorInwoner } from './rules.ts';
import { getVoorziening, insertBrief, intrekkingVan } from './store.ts';
import type { BriefGebeurtenis } from './usecases.ts';

const euro = (cents: number): string => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);

export interface BriefGegevens { voorzieningId: string; gebeurtenis: BriefGebeurtenis }

export async function maakVoorzieningBrief(tx: Tx, g: BriefGegevens, ctx: OpdrachtContext): Promise<void> {
  const v = await getVoorziening(tx, g.voorzieningId);
  // Destroyed in the meantime (or never there): nothing to write to.
  if (!v) return;
  const persoon = await getPersoon(tx, v.persoonId);
  if (!persoon) return;
  const gemeente = await tx.selectFrom('gemeenten').select('naam').where('id', '=', ctx.gemeenteId).executeTakeFirstOrThrow();
  const corr = await correspondentie(tx, gemeente.naam);
  const aan = geadresseerde(
    { naam: volledigeNaam(persoon), adres: { straat: persoon.straat, huisnummer: persoon.huisnummer, postcode: persoon.postcode, plaats: persoon.woonplaats } },
    await wettelijkVertegenwoordigers(tx, v.persoonId),
  );
  const opvolger = v.vervangenDoor ? await getVoorziening(tx, v.vervangenDoor) : undefined;
  // The withdrawal's motivering is what the beslisser entered; the letter quotes it (Awb 3:46-3:47).
  const intrekking = g.gebeurtenis === 'ingetrokken' ? await intrekkingVan(tx, v.id) : null;
  const periode = `vanaf ${datumLang(v.begin)}${v.eind ? ` tot en met ${datumLang(v.eind)}` : ''}`;
  const tekst: Record<BriefGebeurtenis, { onderwerp: string; alineas: string[]; secties?: BriefSectie[] }> = {
    toegewezen: v.svb
      ? { onderwerp: `Uw persoonsgebonden budget voor ${v.productNaam}`, alineas: [
        `Met ons besluit ${v.beschikking.nummer} kreeg u een persoonsgebonden budget (pgb) voor ${v.productNaam}, ${periode}.`,
        `Wij hebben uw budget van ${euro(v.budgetCents)} doorgegeven aan de Sociale Verzekeringsbank (SVB). De SVB betaalt uw zorgverlener namens u.`,
      ] }
      : { onderwerp: `Wie uw ${v.productNaam.toLowerCase()} levert`, alineas: [
        `Met ons besluit ${v.beschikking.nummer} kreeg u ${v.productNaam}, ${periode}.`,
        `Uw voorziening wordt geleverd door ${v.aanbieder?.naam ?? 'de gekozen aanbieder'}. Deze aanbieder neemt contact met u op om af te spreken wanneer de hulp begint.`,
      ] },
    beeindigd: { onderwerp: `Uw ${v.productNaam.toLowerCase()} stopt`, alineas: [
      `Uw voorziening ${v.productNaam} (${v.nummer}) stopt op ${datumLang(v.beeindigdOp ?? v.begin)}. Dat is de laatste dag.`,
      ...(v.redenBeeindiging ? [redenVoorInwoner(v.wet, v.redenBeeindiging)!] : []),
    ] },
    ingetrokken: {
      onderwerp: `Wij trekken uw ${v.productNaam.toLowerCase()} in`,
      alineas: [
        `Met ons besluit ${v.beschikking.nummer} kreeg u ${v.productNaam} (${v.nummer}). Wij trekken deze voorziening in${intrekking ? ` met ingang van ${datumLang(intrekking.datum)}` : ''}.`,
        'De levering was nog niet begonnen. U krijgt deze voorziening niet.',
      ],
      secties: [
        ...(intrekking ? [{ kop: 'Waarom wij de voorziening intrekken', alineas: [zin(intrekking.reden)] }] : []),
        // A withdrawal is a new decision: the resident may object to it (Awb 6:7) and must be told where.
        { kop: 'Bent u het niet eens met dit besluit?', alineas: [
          'Dan kunt u bezwaar maken binnen zes weken na de datum van deze brief.',
          `Stuur uw bezwaarschrift aan: ${corr.bezwaarAdres.aan}, ${adresRegel(corr.bezwaarAdres)}. Zet daarin: uw naam en adres, de datum, het kenmerk ${v.nummer}, waarom u het niet eens bent met het besluit, en uw handtekening.`,
        ] },
      ],
    },
    vervangen: { onderwerp: `Uw ${v.productNaam.toLowerCase()} na ons nieuwe besluit`, alineas: [
      `Wij hebben een nieuw besluit genomen over uw ondersteuning. Uw voorziening ${v.productNaam} (${v.nummer}) stopt daarom op ${datumLang(v.beeindigdOp ?? v.begin)}.`,
      opvolger ? `Vanaf ${datumLang(opvolger.begin)} krijgt u ${opvolger.productNaam} volgens het nieuwe besluit (${opvolger.nummer}).` : 'Wat u vanaf dan krijgt, leest u in het nieuwe besluit.',
    ] },
  };
  const t = tekst[g.gebeurtenis];
  const datum = vandaag();
  const pdf = await maakBrief({
    gemeente: gemeente.naam, afzenderRegels: afzenderRegels(corr), geadresseerde: aan.regels, datum, kenmerk: v.nummer, onderwerp: t.onderwerp, aanhef: aan.aanhef,
    secties: [{ alineas: t.alineas }, ...(t.secties ?? []), { kop: 'Vragen?', alineas: [`Bel de gemeente op ${corr.telefoon} en noem het kenmerk ${v.nummer}.`] }],
    afsluiting: `Met vriendelijke groet,\nnamens het college van burgemeester en wethouders van ${gemeente.naam},`,
    // The function is the department: the letter adds ", gemeente …" itself.
    ondertekening: { naam: 'Team Toegang', functie: corr.afdeling },
  });
  await insertBrief(tx, {
    gemeenteId: ctx.gemeenteId, voorzieningId: v.id, persoonId: v.persoonId, gebeurtenis: g.gebeurtenis, kenmerk: v.nummer, onderwerp: t.onderwerp, pdf,
    hash: createHash('sha256').update(pdf).digest('hex'),
  });
}
