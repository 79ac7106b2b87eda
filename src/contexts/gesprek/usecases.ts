import { createHash } from 'node:crypto';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { maakBrief } from '../../platform/pdf/brief.ts';
import { correspondentie, medewerkerContact } from '../../platform/pdf/correspondentie.ts';
import { afzenderRegels, datumLang, geadresseerde, opsomming } from '../../platform/pdf/tekst.ts';
import type { AuditRecord } from '../../platform/audit/store.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { auditHuishouden, getPersoon, huishoudenLeden, volledigeNaam, wettelijkVertegenwoordigers } from '../inwoners/index.ts';
import { casusVoorWerk, getCasus, meldingenVanCasus, rondTermijnenVanCasusAf } from '../toegang/index.ts';
import { controleerScores, deelnemerRolNaam, plekZin, type GesprekSoort, type Plek } from './rules.ts';
import {
  getGesprek, gesprekkenVanCasus, insertGesprek, instrumentOpCode, listInstrumenten, markeerVerzonden, zetReactie, type Deelnemer, type Gesprek,
} from './store.ts';
import type { ScoreInvoer } from './rules.ts';

export interface GesprekInvoer {
  datum: string; plek: Plek; soort: GesprekSoort; instrument?: string | undefined; deelnemers: Deelnemer[]; samenvatting?: string | undefined; scores: ScoreInvoer[];
}

/**
 * Every member of the household is concerned by what is said at the kitchen table: one entry per
 * member (ADR 34: audit in the use case). Checks the casus' circle first (404/403).
 */
async function auditCasus(tx: Tx, actor: Actor, casusId: string, actie: AuditRecord['actie'], resourceType: string, resourceId: string, doel: string) {
  const casus = await casusVoorWerk(tx, actor, casusId, { schrijven: false });
  await auditHuishouden(tx, actor, casus.huishoudenId, actie, resourceType, resourceId, doel);
}

export async function voerGesprek(tx: Tx, actor: Actor, casusId: string, inv: GesprekInvoer, vandaag: string): Promise<string> {
  const casus = await casusVoorWerk(tx, actor, casusId, { schrijven: true });
  const deelnemers = await deelnemersUitHuishouden(tx, casus.huishoudenId, inv.deelnemers);
  const instrument = await instrumentOpCode(tx, inv.instrument);
  if (!instrument) {
    const codes = (await listInstrumenten(tx)).map((i) => i.code).join(', ');
    throw new Problem('instrument-onbekend', `Kies een instrument van deze gemeente: ${codes}.`, [{ name: 'instrument', code: 'onbekend', reason: `Kies: ${codes}` }]);
  }
  const fouten = controleerScores(instrument, inv.scores);
  if (fouten.length) {
    throw new Problem('ongeldige-invoer', 'Een of meer scores passen niet bij het instrument.', fouten.map((f) => ({ name: `scores.${f.index}.${f.veld}`, code: 'ongeldig', reason: f.reden })));
  }
  const id = await insertGesprek(tx, {
    gemeenteId: actor.gemeenteId, casusId, datum: inv.datum, plek: inv.plek, soort: inv.soort, instrumentId: instrument.id, deelnemers,
    samenvatting: inv.samenvatting ?? null, door: actor.gebruikerId, scores: inv.scores,
  });
  // The first conversation is what the schuldhulp term asks for.
  await rondTermijnenVanCasusAf(tx, casusId, 'eersteGesprek', inv.datum, vandaag);
  await auditHuishouden(tx, actor, casus.huishoudenId, 'aanmaken', 'gesprek', id, 'gesprek vastleggen');
  return id;
}

/** The conversations of a casus, oldest first: inside the circle, audited for every member. */
export async function leesGesprekkenVanCasus(tx: Tx, actor: Actor, casusId: string): Promise<Gesprek[]> {
  await auditCasus(tx, actor, casusId, 'lezen', 'gesprek', casusId, 'gesprekken inzien');
  return gesprekkenVanCasus(tx, casusId);
}

/** The conversations behind the score chart: the read is audited as 'scores inzien'. */
export async function leesScores(tx: Tx, actor: Actor, casusId: string): Promise<Gesprek[]> {
  await auditCasus(tx, actor, casusId, 'lezen', 'scores', casusId, 'scores inzien');
  return gesprekkenVanCasus(tx, casusId);
}

/** One conversation, or its report ('gespreksverslag'): inside the casus' circle, audited. */
export async function leesGesprek(tx: Tx, actor: Actor, gesprekId: string, wat: 'gesprek' | 'gespreksverslag' = 'gesprek'): Promise<Gesprek> {
  const g = await getGesprek(tx, gesprekId);
  if (!g) throw notFound('Dit gesprek');
  await auditCasus(tx, actor, g.casusId, 'lezen', wat, g.id, wat === 'gesprek' ? 'gesprek inzien' : 'gespreksverslag inzien');
  return g;
}

/** The resident's own view of the conversation, recorded by the casusregisseur. */
export async function legReactieVast(tx: Tx, actor: Actor, gesprekId: string, tekst: string): Promise<void> {
  const g = await getGesprek(tx, gesprekId);
  if (!g) throw notFound('Dit gesprek');
  const casus = await casusVoorWerk(tx, actor, g.casusId, { schrijven: true });
  await zetReactie(tx, g.id, tekst);
  await auditHuishouden(tx, actor, casus.huishoudenId, 'wijzigen', 'gesprek', g.id, 'reactie inwoner vastleggen');
}

/**
 * Participants picked from the household (persoonId) must belong to this casus' household; their name
 * is taken from the register, so it is spelled as everywhere else.
 */
async function deelnemersUitHuishouden(tx: Tx, huishoudenId: string, deelnemers: readonly Deelnemer[]): Promise<Deelnemer[]> {
  if (!deelnemers.some((d) => d.persoonId)) return deelnemers.map((d) => ({ rol: d.rol, naam: d.naam }));
  const leden = await huishoudenLeden(tx, huishoudenId);
  const fouten = deelnemers.flatMap((d, i) => (d.persoonId && !leden.some((l) => l.id === d.persoonId)
    ? [{ name: `deelnemers.${i}.persoonId`, code: 'niet-in-huishouden', reason: 'Deze persoon hoort niet bij het huishouden van de casus' }] : []));
  if (fouten.length) throw new Problem('ongeldige-invoer', 'Kies deelnemers uit het huishouden van deze casus, of voeg iemand anders toe met naam.', fouten);
  return deelnemers.map((d) => {
    const lid = d.persoonId ? leden.find((l) => l.id === d.persoonId)! : undefined;
    return lid ? { rol: d.rol, naam: volledigeNaam(lid), persoonId: lid.id } : { rol: d.rol, naam: d.naam };
  });
}

/**
 * The report as a letter to the resident (or their representatives): who took part, per domain the
 * score and what was said, and at the end the agreements and next steps, with the casusregisseur's
 * name and phone. Sender details come from the gemeente's settings.
 */
export async function verslagPdf(tx: Tx, gesprek: Gesprek, gemeenteNaam: string, opts: { concept: boolean; datum: string }): Promise<Buffer> {
  const casus = (await getCasus(tx, gesprek.casusId))!;
  const meldingen = await meldingenVanCasus(tx, casus.id);
  const persoon = meldingen[0] ? await getPersoon(tx, meldingen[0].persoonId) : undefined;
  const vertegenwoordigers = persoon ? await wettelijkVertegenwoordigers(tx, persoon.id) : [];
  const aan = persoon
    ? geadresseerde({ naam: volledigeNaam(persoon), adres: { straat: persoon.straat, huisnummer: persoon.huisnummer, postcode: persoon.postcode, plaats: persoon.woonplaats } }, vertegenwoordigers)
    : { regels: ['De inwoner'], aanhef: 'Beste inwoner,' };
  const corr = await correspondentie(tx, gemeenteNaam);
  const regisseur = casus.regisseur ? await medewerkerContact(tx, casus.regisseur.id) : undefined;
  const instrument = (await listInstrumenten(tx)).find((i) => i.id === gesprek.instrument.id)!;
  const label = (w: number | null) => (w === null ? 'niet besproken' : `${w} — ${instrument.schaal.find((s) => s.waarde === w)?.label ?? ''}`);
  const domeinNaam = (code: string) => instrument.domeinen.find((d) => d.code === code)?.naam ?? code;
  const aandacht = gesprek.scores.filter((s) => s.score !== null && s.score <= 2).map((s) => domeinNaam(s.domein).toLowerCase());
  const bereik = regisseur ? `${regisseur.naam}${regisseur.telefoon ? `, telefoon ${regisseur.telefoon}` : ''}` : `de gemeente, telefoon ${corr.telefoon}`;
  return maakBrief({
    gemeente: gemeenteNaam,
    afzenderRegels: afzenderRegels(corr),
    geadresseerde: aan.regels,
    contact: regisseur,
    datum: opts.datum,
    kenmerk: `${casus.nummer}-G${gesprek.datum.replaceAll('-', '')}`,
    onderwerp: `Verslag van ons gesprek op ${datumLang(gesprek.datum)}`,
    aanhef: aan.aanhef,
    concept: opts.concept,
    secties: [
      { alineas: [
        `Op ${datumLang(gesprek.datum)} hebben wij met u gesproken, ${plekZin[gesprek.plek]}. In dit verslag leest u wat wij samen hebben besproken over uw situatie. Wij hebben gekeken naar alle leefgebieden, niet alleen naar uw eerste vraag.`,
      ] },
      { kop: 'Wie waren erbij', lijst: gesprek.deelnemers.map((d) => `${d.naam} (${deelnemerRolNaam[d.rol].toLowerCase()})`) },
      ...(gesprek.samenvatting ? [{ kop: 'Samenvatting', alineas: [gesprek.samenvatting] }] : []),
      {
        kop: `Hoe gaat het op elk leefgebied (${instrument.naam})`,
        alineas: ['De score loopt van 1 (acute problemen) tot 5 (volledig zelfredzaam).'],
        tabel: [['Leefgebied', 'Score', 'Wat u zelf doet / wat uw netwerk doet'], ...gesprek.scores.map((s) => [
          domeinNaam(s.domein), label(s.score), [s.toelichting, s.zelf && `Zelf: ${s.zelf}`, s.netwerk && `Netwerk: ${s.netwerk}`].filter(Boolean).join(' ') || '—',
        ])],
      },
      { kop: 'Bent u het niet eens met dit verslag?', alineas: [
        `Dan kunt u uw eigen kijk op het gesprek aan ons geven. Neem contact op met ${bereik}; wij voegen uw reactie toe aan uw dossier. Dit verslag is geen besluit: u kunt er geen bezwaar tegen maken.`,
      ] },
      { kop: 'Afspraken en vervolg', alineas: [
        aandacht.length
          ? `Wij hebben afgesproken dat wij samen verder werken aan ${opsomming(aandacht)}. Dat leggen wij vast in uw plan, met doelen en wie wat doet.`
          : 'Wij hebben afgesproken dat wij samen een plan maken, met doelen en wie wat doet.',
        `Uw casusregisseur neemt binnen twee weken contact met u op om het plan te bespreken. Verandert er iets, of heeft u een vraag? Neem dan contact op met ${bereik}.`,
      ] },
    ],
    afsluiting: 'Met vriendelijke groet,',
    ondertekening: { naam: gesprek.gevoerdDoor?.naam ?? casus.regisseur?.naam ?? 'Team Toegang', functie: 'Casusregisseur' },
  });
}

/** Sends the report: the PDF is stored exactly as sent with its hash; the Wmo onderzoek is then complete. */
export async function verzendVerslag(tx: Tx, actor: Actor, gesprekId: string, gemeenteNaam: string, vandaag: string): Promise<{ pdf: Buffer; hash: string }> {
  const gesprek = await getGesprek(tx, gesprekId, true);
  if (!gesprek) throw notFound('Dit gesprek');
  const casus = await casusVoorWerk(tx, actor, gesprek.casusId, { schrijven: true });
  if (gesprek.verslagVerzondenOp) throw new Problem('verslag-al-verzonden', 'Dit verslag is al verzonden en kan niet meer veranderen.');
  const pdf = await verslagPdf(tx, gesprek, gemeenteNaam, { concept: false, datum: vandaag });
  const hash = createHash('sha256').update(pdf).digest('hex');
  await markeerVerzonden(tx, gesprekId, hash, pdf);
  await rondTermijnenVanCasusAf(tx, gesprek.casusId, 'onderzoek', vandaag, vandaag);
  await auditHuishouden(tx, actor, casus.huishoudenId, 'wijzigen', 'gespreksverslag', gesprekId, 'gespreksverslag verzenden');
  return { pdf, hash };
}
