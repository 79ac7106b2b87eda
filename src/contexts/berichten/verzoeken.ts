/**
 * Verzoeken van aanbieders (ADR 39). A verzoek om toewijzing (315) or om wijziging (317) is checked
 * against our records (TR347, TR374, TR349–TR351, TR357, TR373, TR411, TR412), answered at once with
 * its retour (316/318), and becomes a task for the casusregisseur with its statutory term (OP274/OP346:
 * 5 werkdagen). The regisseur answers it: in onderzoek (319, VerzoekAntwoord 2: 8 weeks from the
 * request), afgewezen (319 with a reden, WJ759), or toegewezen with a voorziening decided in the usual
 * way (with a beschikking and four eyes) — its 301 carries the provider's reference (TR379).
 */
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { zetInWachtrij } from '../../platform/jobs/outbox.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { datumLang } from '../../platform/pdf/tekst.ts';
import { findPersoonByBsn } from '../inwoners/index.ts';
import { eisDossierToegang, geenToegangDossier, zichtbareHuishoudens } from '../privacy/index.ts';
import { termijnen } from '../toegang/index.ts';
import { EENHEDEN, TOEWIJZING_GEWIJZIGD, frequentieNaam, voorzieningVoorBericht, voorzieningenVan, voorzieningenVoorBericht, wijsAanbiederToe, type Voorziening } from '../voorziening/index.ts';
import { kanaal } from './kanaal.ts';
import {
  ANTWOORD_WERKDAGEN, ONDERZOEK_WEKEN, REDENEN_AFWIJZING, RETOUR_VAN, antwoordToegestaan, controleerAangevraagd, controleerVerzoekWijziging, standaardVanWet,
  verzoekAfgekeurd, type ActueleToewijzing, type VerzoekCodes, type VerzoekWijziging,
} from './rules.ts';
import {
  bekendeReferenties, getVerzoek, heeftGeenRegisseur, insertBericht, insertVerzoek, koppelToewijzingen, toewijzingenVanBericht, toewijzingenVanClient, verzoekOnderhanden, verzoekenWaar, verzoekenZonderPersoon,
  toewijzingenVanVoorzieningen, wijzigVerzoek, zetRetour, type Verzoek, type VerzoekFilter,
} from './store.ts';
import { clientSlot, controleer, eisGeldig, gemeenteCode, inhoudNu, nieuweIdentificatie, sha256, type Basis, type Ontvangen, type TeControleren } from './usecases.ts';
import { leesVerzoekClient, leesVerzoekToewijzing, leesVerzoekWijziging, schrijf319, schrijfRetourEcho } from './xml.ts';

const naamVan = (c: { voornamen: string | null; voorletters: string | null; voorvoegsel: string | null; achternaam: string }): string =>
  [c.voornamen ?? c.voorletters, c.voorvoegsel, c.achternaam].filter(Boolean).join(' ');

/** The toewijzingen this provider holds for the client: sent, not removed (13), not ended before the request's day. */
async function actueleToewijzingen(tx: Tx, w: { persoonId: string; aanbiederId: string; standaard: Verzoek['standaard'] }, dag: string): Promise<(ActueleToewijzing & { id: string })[]> {
  return (await toewijzingenVanClient(tx, w)).flatMap((t) => {
    const s = t.verstuurd;
    if (!s || s.redenWijziging === '13' || (s.einddatum !== null && s.einddatum < dag)) return [];
    return [{ id: t.id, nummer: t.nummer, ingangsdatum: s.ingangsdatum, einddatum: s.einddatum, code: s.code, budget: s.budgetCents !== null }];
  });
}

/**
 * A 315 or 317 arrived (after the hostile-XML check and both referees). Accepted requests become
 * verzoeken; the retour (316/318) copies the message with a code per class. Refused ones change nothing.
 */
export async function ontvangVerzoek(tx: Tx, actor: Actor, b: Basis, boom: unknown, kopcodes: readonly string[], later?: TeControleren): Promise<Omit<Ontvangen, 'bevindingen'>> {
  const wijziging = b.soort === '317';
  const retourSoort = RETOUR_VAN[b.soort]!;
  const client = kopcodes.length ? null : leesVerzoekClient(boom);
  const persoon = client ? await findPersoonByBsn(tx, client.bsn) : undefined;
  if (persoon) await clientSlot(tx, persoon.id, b.aanbiederId);
  const dag = vandaag();
  const termijnEinde = termijnen.plusWerkdagen(dag, ANTWOORD_WERKDAGEN);
  let codesVoor: (klasse: string, i: number) => string[] = () => [];
  let alleCodes: string[] = [...kopcodes];
  const nieuw: { referentie: string; inhoud: unknown }[] = [];
  let aantal = 0;
  // The toewijzingen a 317 names: its messages (and the answer) join their voorzieningen' message chain.
  let genoemd: { toewijzingId: string; retourcodes: string[] }[] = [];
  // A provider that sends a 317 knows the client only by BSN: his name comes from our records or stays the BSN.
  const clientNaam = persoon ? [persoon.voornaam, persoon.tussenvoegsel, persoon.achternaam].filter(Boolean).join(' ') : client && client.achternaam ? naamVan(client) : `BSN ${client?.bsn ?? ''}`;
  if (client && !wijziging) {
    const producten = leesVerzoekToewijzing(boom);
    aantal = producten.length;
    const bekend = await bekendeReferenties(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, referenties: producten.map((p) => p.referentie) });
    const onderhanden = await verzoekOnderhanden(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, bsn: client.bsn });
    const gezien = new Set<string>();
    const perProduct = producten.map((p) => {
      const dubbel = bekend.has(p.referentie) || gezien.has(p.referentie);
      gezien.add(p.referentie);
      return controleerAangevraagd({ referentieBekend: dubbel, verzoekOnderhanden: onderhanden });
    });
    codesVoor = (k, i) => (k === 'AangevraagdProduct' ? perProduct[i] ?? [] : []);
    alleCodes = [...new Set(perProduct.flat())];
    producten.forEach((p, i) => { if (!perProduct[i]!.length) nieuw.push({ referentie: p.referentie, inhoud: { client: { geboortedatum: client.geboortedatum, commentaar: client.commentaar }, product: p } }); });
  } else if (client) {
    const v = leesVerzoekWijziging(boom);
    aantal = v.ongewijzigd.length + v.teWijzigen.length + v.nieuw.length;
    const actueel = persoon ? await actueleToewijzingen(tx, { persoonId: persoon.id, aanbiederId: b.aanbiederId, standaard: b.standaard }, b.dagtekening) : [];
    const codes: VerzoekCodes = controleerVerzoekWijziging(v, actueel, b.dagtekening, {
      referentieBekend: (await bekendeReferenties(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, referenties: [v.referentie] })).size > 0,
      verzoekOnderhanden: await verzoekOnderhanden(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, bsn: client.bsn }),
    });
    codesVoor = (k, i) => (k === 'Verzoek' ? codes.verzoek : k === 'OngewijzigdProduct' ? codes.ongewijzigd[i] ?? [] : k === 'TeWijzigenProduct' ? codes.teWijzigen[i] ?? [] : k === 'NieuwProduct' ? codes.nieuw[i] ?? [] : []);
    alleCodes = [...new Set([codes.verzoek, ...codes.ongewijzigd, ...codes.teWijzigen, ...codes.nieuw].flat())];
    if (!verzoekAfgekeurd(codes)) nieuw.push({ referentie: v.referentie, inhoud: v });
    const perNummer = new Map<number, string[]>([...v.ongewijzigd.map((n, i) => [n, codes.ongewijzigd[i] ?? []] as const), ...v.teWijzigen.map((p, i) => [p.toewijzingNummer, codes.teWijzigen[i] ?? []] as const)]);
    genoemd = actueel.filter((t) => perNummer.has(t.nummer)).map((t) => ({ toewijzingId: t.id, retourcodes: perNummer.get(t.nummer)!.length ? perNummer.get(t.nummer)! : ['0200'] }));
  }
  const status = kopcodes.length || !client || nieuw.length === 0 ? 'afgekeurd' : alleCodes.length ? 'deels' : 'verwerkt';
  // The message is tied to the resident only when it became a verzoek: a BSN alone must not tell a provider who lives here.
  const persoonId = nieuw.length && persoon ? persoon.id : null;
  const id = await insertBericht(tx, { ...b, status, retourcodes: alleCodes, persoonId, aantalProducten: aantal });
  await koppelToewijzingen(tx, id, genoemd);
  for (const n of nieuw) {
    await insertVerzoek(tx, {
      soort: b.soort as '315' | '317', standaard: b.standaard, aanbiederId: b.aanbiederId, berichtId: id, referentie: n.referentie, bsn: client!.bsn, clientNaam,
      persoonId: persoon?.id ?? null, huishoudenId: persoon?.huishoudenId ?? null, ontvangenOp: dag, dagtekening: b.dagtekening, inhoud: n.inhoud, termijnEinde,
    });
  }
  const retourKop = {
    origineel: { afzender: b.afzender, ontvanger: b.ontvanger, identificatie: b.identificatie, dagtekening: b.dagtekening },
    identificatie: await nieuweIdentificatie(tx, actor.gemeenteId), dagtekening: dag, retourcodes: kopcodes.length ? kopcodes : ['0200'],
  };
  const retourXml = schrijfRetourEcho(b.standaard, b.soort, retourSoort, b.xml, retourKop, codesVoor);
  await controleer(later, { xml: retourXml, standaard: b.standaard, soort: retourSoort });
  const retourId = await insertBericht(tx, {
    standaard: b.standaard, soort: retourSoort, richting: 'uit', aanbiederId: b.aanbiederId, afzender: b.ontvanger, ontvanger: b.afzender, identificatie: retourKop.identificatie,
    dagtekening: dag, status: 'klaar', retourcodes: alleCodes, antwoordOp: id, persoonId, aantalProducten: aantal, xml: retourXml, sha256: sha256(retourXml),
  });
  await koppelToewijzingen(tx, retourId, genoemd);
  await zetRetour(tx, id, { status, retourcodes: alleCodes, retourId });
  await appendAudit(tx, actor, [
    { actie: 'aanmaken', resourceType: 'bericht', resourceId: id, persoonId, doel: `${wijziging ? 'verzoek om wijziging' : 'verzoek om toewijzing'} (${b.soort}) ontvangen` },
    { actie: 'aanmaken', resourceType: 'bericht', resourceId: retourId, persoonId, doel: `retour ${retourSoort} gemaakt` },
  ]);
  await kanaal().lever(tx, { id: retourId, aanbiederId: b.aanbiederId, soort: retourSoort, xml: retourXml });
  return { berichtId: id, retourId, soort: b.soort, status, retourcodes: alleCodes, herhaald: false };
}

// ————— The regisseur's side —————

/**
 * The one access rule on the household the verzoek is about; a verzoek no regisseur holds yet (an
 * unknown client, or no open casus with a regisseur) is the teamleider's to take up or answer.
 */
async function verzoekVoorWerk(tx: Tx, actor: Actor, id: string, vergrendel: boolean): Promise<Verzoek> {
  const v = await getVerzoek(tx, id, vergrendel);
  if (!v) throw notFound('Dit verzoek');
  if (v.huishoudenId && !(await heeftGeenRegisseur(tx, v.huishoudenId))) {
    await eisDossierToegang(tx, actor, { huishoudenId: v.huishoudenId });
  } else if (!actor.rollen.includes('teamleider')) {
    if (!v.huishoudenId) throw geenToegangDossier();
    await eisDossierToegang(tx, actor, { huishoudenId: v.huishoudenId });
  }
  return v;
}

/**
 * A client registered since the verzoek came (a melding, a BRP import) is tied to it now. A write on a
 * read, on purpose: no event tells berichten that a person was registered, and the work list is where
 * the link must be there (at most a few hundred open verzoeken without a person are looked at).
 */
async function koppelLatePersonen(tx: Tx): Promise<void> {
  for (const v of await verzoekenZonderPersoon(tx)) {
    const p = await findPersoonByBsn(tx, v.bsn);
    if (p) await wijzigVerzoek(tx, v.id, { persoon_id: p.id, huishouden_id: p.huishoudenId });
  }
}

export async function lijstVerzoeken(tx: Tx, actor: Actor, f: VerzoekFilter, pagina: { limit: number; offset: number }) {
  await koppelLatePersonen(tx);
  const r = await verzoekenWaar(tx, f, zichtbareHuishoudens(actor, 'v.huishouden_id'), actor.rollen.includes('teamleider'), pagina);
  await appendAudit(tx, actor, r.items.map((v) => ({ actie: 'lezen' as const, resourceType: 'verzoek', resourceId: v.id, persoonId: v.persoonId, doel: 'werklijst verzoeken van aanbieders' })));
  const dag = vandaag();
  return { ...r, items: r.items.map((v) => samenvatting(v, dag)) };
}

/** The last day "in onderzoek" gives: 8 weeks after the request's dagtekening, moved by the Algemene termijnenwet. */
const onderzoekTermijn = (dagtekening: string): string => termijnen.atwEinddatum(dagtekening, termijnen.plusWeken(dagtekening, ONDERZOEK_WEKEN));

/** Working days left until the term (0 on its last day), negative when it has passed: the calendar stays on the server. */
function werkdagenOver(termijnEinde: string, dag: string): number {
  return termijnEinde >= dag ? termijnen.werkdagenTussen(dag, termijnEinde) : -termijnen.werkdagenTussen(termijnEinde, dag);
}

const samenvatting = (v: Verzoek, dag: string) => ({
  id: v.id, soort: v.soort, standaard: v.standaard, aanbiederId: v.aanbiederId, aanbiederNaam: v.aanbiederNaam, referentie: v.referentie, bsn: v.bsn, clientNaam: v.clientNaam,
  persoonId: v.persoonId, ontvangenOp: v.ontvangenOp, dagtekening: v.dagtekening, status: v.status, termijnEinde: v.termijnEinde, beantwoordOp: v.beantwoordOp,
  verlopen: v.termijnEinde < dag && (v.status === 'open' || v.status === 'in_onderzoek'), werkdagenOver: werkdagenOver(v.termijnEinde, dag),
  onderzoekTermijn: onderzoekTermijn(v.dagtekening),
});

/** One verzoek with what the regisseur needs to answer it: the request, the client's voorzieningen that could grant it, and the messages. */
export async function leesVerzoek(tx: Tx, actor: Actor, id: string) {
  await koppelLatePersonen(tx);
  const v = await verzoekVoorWerk(tx, actor, id, false);
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'verzoek', resourceId: v.id, persoonId: v.persoonId, doel: 'verzoek van aanbieder inzien' }]);
  let kandidaten: (Pick<Voorziening, 'id' | 'nummer' | 'productNaam' | 'productcode' | 'status' | 'begin' | 'eind' | 'volume' | 'eenheid' | 'frequentie'> & { aanbiederNaam: string | null })[] = [];
  if (v.persoonId && v.huishoudenId && (await magVoorzieningenZien(tx, actor, v.huishoudenId))) {
    kandidaten = (await voorzieningenVan(tx, actor, { persoonId: v.persoonId })).filter((x) => past(x, v)).map((x) => ({
      id: x.id, nummer: x.nummer, productNaam: x.productNaam, productcode: x.productcode, status: x.status, begin: x.begin, eind: x.eind, volume: x.volume, eenheid: x.eenheid,
      frequentie: x.frequentie, aanbiederNaam: x.aanbieder?.naam ?? null,
    }));
  }
  // The toewijzingen the provider holds for this client, with their voorziening: a 317 names them by number only.
  const toewijzingen = v.persoonId && v.huishoudenId && (await magVoorzieningenZien(tx, actor, v.huishoudenId))
    ? await toewijzingenMetVoorziening(tx, { persoonId: v.persoonId, aanbiederId: v.aanbiederId, standaard: v.standaard }) : [];
  const toegewezen = v.voorzieningId ? await voorzieningVoorBericht(tx, v.voorzieningId) : undefined;
  const dag = vandaag();
  return {
    ...samenvatting(v, dag), inhoud: v.inhoud, onderzoekOp: v.onderzoekOp, onderzoekToelichting: v.onderzoekToelichting, eersteTermijn: v.eersteTermijn, toewijzingen,
    voorziening: toegewezen ? { id: toegewezen.id, nummer: toegewezen.nummer, productNaam: toegewezen.productNaam } : null, redenAfwijzing: v.redenAfwijzing, toelichting: v.toelichting, voorzieningId: v.voorzieningId,
    berichtId: v.berichtId, antwoordId: v.antwoordId, kandidaten,
    casusId: v.huishoudenId ? await openCasus(tx, v.huishoudenId) : null,
  };
}

async function toewijzingenMetVoorziening(tx: Tx, w: { persoonId: string; aanbiederId: string; standaard: Verzoek['standaard'] }) {
  const t = (await toewijzingenVanClient(tx, w)).filter((x) => x.verstuurd);
  const v = new Map((await voorzieningenVoorBericht(tx, t.map((x) => x.voorzieningId))).map((x) => [x.id, x]));
  return t.map((x) => ({ nummer: x.nummer, voorzieningId: x.voorzieningId, voorzieningNummer: v.get(x.voorzieningId)?.nummer ?? null, productNaam: v.get(x.voorzieningId)?.productNaam ?? null }));
}

async function magVoorzieningenZien(tx: Tx, actor: Actor, huishoudenId: string): Promise<boolean> {
  try { await eisDossierToegang(tx, actor, { huishoudenId }); return true; } catch (e) { if (e instanceof Problem) return false; throw e; }
}

async function openCasus(tx: Tx, huishoudenId: string): Promise<string | null> {
  const r = await tx.selectFrom('casussen').select('id').where('huishouden_id', '=', huishoudenId).where('status', '=', 'open').orderBy('geopend_op', 'desc').limit(1).executeTakeFirst();
  return r?.id ?? null;
}

/** A voorziening can grant this verzoek: in natura under the same law, running or to run, without a provider or with this one. */
function past(x: Pick<Voorziening, 'leveringsvorm' | 'wet' | 'status' | 'aanbieder'>, v: Verzoek): boolean {
  return x.leveringsvorm === 'zin' && standaardVanWet(x.wet) === v.standaard && !['ingetrokken', 'vervangen'].includes(x.status) && (!x.aanbieder || x.aanbieder.id === v.aanbiederId);
}

/**
 * A 317 is granted by a voorziening that gives what was asked (OP348). When the chosen one is a
 * toewijzing the request wants changed and it still carries the old volume or end, it is not the answer:
 * the words of the difference, or null when it matches (or is not one the request names).
 */
async function nogNietGewijzigd(tx: Tx, v: Verzoek, x: Voorziening): Promise<string | null> {
  const t = (await toewijzingenVanVoorzieningen(tx, [x.id]))[0];
  const gevraagd = t ? (v.inhoud as VerzoekWijziging).teWijzigen.find((p) => p.toewijzingNummer === t.nummer) : undefined;
  if (!t || !gevraagd) return null;
  const nu = inhoudNu(t, x, null);
  const omvang = (o: { volume: number; eenheid: string; frequentie: string } | null) => (o ? `${o.volume} ${EENHEDEN[o.eenheid]?.naam ?? o.eenheid} ${frequentieNaam[o.frequentie] ?? ''}`.trim() : 'geen');
  if (gevraagd.omvang && !(nu.omvang && nu.omvang.volume === gevraagd.omvang.volume && nu.omvang.eenheid === gevraagd.omvang.eenheid && nu.omvang.frequentie === gevraagd.omvang.frequentie)) {
    return `gevraagd is een omvang van ${omvang(gevraagd.omvang)}, de voorziening heeft ${omvang(nu.omvang)}.`;
  }
  if ((gevraagd.einddatum ?? null) !== (nu.einddatum ?? null)) {
    return `gevraagd is ${gevraagd.einddatum ? `een einddatum ${datumLang(gevraagd.einddatum)}` : 'geen einddatum'}, de voorziening heeft ${nu.einddatum ? `einddatum ${datumLang(nu.einddatum)}` : 'geen einddatum'}.`;
  }
  return null;
}

/** Writes, checks and delivers a 319 for this verzoek. */
async function stuurAntwoord(tx: Tx, actor: Actor, v: Verzoek, a: { antwoord: '1' | '2'; redenAfwijzing: string | null; woonplaatsGemeente: string | null }): Promise<string> {
  const aanbieder = await tx.selectFrom('aanbieders').select('agb_code').where('id', '=', v.aanbiederId).executeTakeFirstOrThrow();
  const kop = { afzender: await gemeenteCode(tx), ontvanger: aanbieder.agb_code, identificatie: await nieuweIdentificatie(tx, actor.gemeenteId), dagtekening: vandaag() };
  const xml = schrijf319(v.standaard, kop, { referentie: v.referentie, ...a });
  await eisGeldig([{ xml, standaard: v.standaard, soort: '319' }]);
  const id = await insertBericht(tx, {
    standaard: v.standaard, soort: '319', richting: 'uit', aanbiederId: v.aanbiederId, afzender: kop.afzender, ontvanger: kop.ontvanger, identificatie: kop.identificatie,
    dagtekening: kop.dagtekening, status: 'klaar', retourcodes: [], antwoordOp: v.berichtId, persoonId: v.persoonId, aantalProducten: 0, xml, sha256: sha256(xml),
  });
  await koppelToewijzingen(tx, id, (await toewijzingenVanBericht(tx, v.berichtId)).map((toewijzingId) => ({ toewijzingId, retourcodes: [] })));
  await kanaal().lever(tx, { id, aanbiederId: v.aanbiederId, soort: '319', xml });
  return id;
}

function eisAntwoord(v: Verzoek, antwoord: 'onderzoek' | 'afwijzen' | 'toewijzen'): void {
  const fout = antwoordToegestaan(v.status, antwoord);
  if (fout) throw new Problem('ongeldige-statusovergang', fout);
}

/** VerzoekAntwoord 2: the gemeente needs more time; the answer is due 8 weeks after the request's dagtekening (OP274/OP346). */
export async function zetInOnderzoek(tx: Tx, actor: Actor, id: string, inv: { toelichting?: string | undefined }): Promise<void> {
  const v = await verzoekVoorWerk(tx, actor, id, true);
  eisAntwoord(v, 'onderzoek');
  const antwoordId = await stuurAntwoord(tx, actor, v, { antwoord: '2', redenAfwijzing: null, woonplaatsGemeente: null });
  const termijn = onderzoekTermijn(v.dagtekening);
  await wijzigVerzoek(tx, v.id, { status: 'in_onderzoek', onderzoek_op: vandaag(), termijn_einde: termijn > v.termijnEinde ? termijn : v.termijnEinde, antwoord_id: antwoordId, onderzoek_toelichting: inv.toelichting ?? null });
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'verzoek', resourceId: v.id, persoonId: v.persoonId, doel: 'verzoek in onderzoek (319)' }]);
}

/** VerzoekAntwoord 1 with a reden (WJ759); in the Jeugdwet a refusal on the woonplaatsbeginsel names the responsible gemeente (TR377). */
export async function wijsVerzoekAf(tx: Tx, actor: Actor, id: string, inv: { reden: string; woonplaatsGemeente?: string | undefined; toelichting?: string | undefined }): Promise<void> {
  const v = await verzoekVoorWerk(tx, actor, id, true);
  eisAntwoord(v, 'afwijzen');
  if (!REDENEN_AFWIJZING[inv.reden]) throw new Problem('ongeldige-invoer', 'Kies een reden van afwijzing uit de lijst.', [{ name: 'reden', code: 'onbekend', reason: 'Onbekende reden' }]);
  const gemeente = inv.woonplaatsGemeente?.trim() || null;
  if (v.standaard === 'ijw' && inv.reden === '8' && !(gemeente && /^\d{4}$/.test(gemeente))) {
    throw new Problem('ongeldige-invoer', 'Bij afwijzing op het woonplaatsbeginsel noemt u de verantwoordelijke gemeente (de CBS-code van 4 cijfers).', [{ name: 'woonplaatsGemeente', code: 'verplicht', reason: 'Vul de CBS-gemeentecode in' }]);
  }
  const antwoordId = await stuurAntwoord(tx, actor, v, { antwoord: '1', redenAfwijzing: inv.reden, woonplaatsGemeente: gemeente });
  await wijzigVerzoek(tx, v.id, { status: 'afgewezen', beantwoord_op: vandaag(), beantwoord_door: actor.gebruikerId, reden_afwijzing: inv.reden, antwoord_id: antwoordId, toelichting: inv.toelichting ?? null });
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'verzoek', resourceId: v.id, persoonId: v.persoonId, doel: 'verzoek afgewezen (319)' }]);
}

/**
 * Granted with a voorziening that was decided in the usual way: the provider is assigned to it when it
 * has none yet, and the 301 that follows carries the provider's reference (TR379, OP348).
 */
export async function wijsVerzoekToe(tx: Tx, actor: Actor, id: string, inv: { voorzieningId: string; toelichting?: string | undefined }): Promise<void> {
  const v = await verzoekVoorWerk(tx, actor, id, true);
  eisAntwoord(v, 'toewijzen');
  const x = await voorzieningVoorBericht(tx, inv.voorzieningId);
  const fout = (reden: string) => new Problem('ongeldige-invoer', reden, [{ name: 'voorzieningId', code: 'past-niet', reason: reden }]);
  if (!x) throw fout('Deze voorziening bestaat niet.');
  if (x.persoonId !== v.persoonId) throw fout('Deze voorziening is van een andere inwoner dan het verzoek.');
  if (!past(x, v)) throw fout(`Kies een voorziening in natura onder de ${v.standaard === 'ijw' ? 'Jeugdwet' : 'Wmo'} die loopt, zonder aanbieder of bij ${v.aanbiederNaam}.`);
  const al = await tx.selectFrom('verzoeken').select('referentie').where('voorziening_id', '=', x.id).where('status', '=', 'toegewezen').executeTakeFirst();
  if (al) throw fout(`Deze voorziening is al de toewijzing op verzoek ${al.referentie}.`);
  const verschil = v.soort === '317' ? await nogNietGewijzigd(tx, v, x) : null;
  if (verschil) {
    throw new Problem('ongeldige-statusovergang', `Deze voorziening is nog niet gewijzigd zoals de aanbieder vraagt: ${verschil} Wijzig eerst de voorziening met een herziening `
      + 'en wijs het verzoek dan toe met de nieuwe voorziening, of wijs het verzoek af.');
  }
  await wijzigVerzoek(tx, v.id, { status: 'toegewezen', beantwoord_op: vandaag(), beantwoord_door: actor.gebruikerId, voorziening_id: x.id, toelichting: inv.toelichting ?? null });
  if (!x.aanbieder) await wijsAanbiederToe(tx, actor, x.id, { aanbiederId: v.aanbiederId });
  else await zetInWachtrij(tx, { soort: TOEWIJZING_GEWIJZIGD, gegevens: { voorzieningId: x.id } });
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'verzoek', resourceId: v.id, persoonId: v.persoonId, doel: `verzoek toegewezen met voorziening ${x.nummer} (301)` }]);
}

export async function leesVerzoekStatus(tx: Tx, id: string): Promise<Verzoek['status']> {
  return (await getVerzoek(tx, id))!.status;
}
