/**
 * Berichten use cases (ADR 37). Outgoing: a toewijzing changed → the outbox composes the 301 for that
 * client and provider, both referees check it, and the channel (BerichtKanaal) makes it available.
 * Incoming: a provider's message is read as hostile, checked by both referees, then against our own
 * data, applied per product under one lock per client, and answered with its retour — all in one
 * transaction, so a refused message changes nothing and a message delivered twice is answered alike.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { OpdrachtContext } from '../../platform/jobs/outbox.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { correspondentie } from '../../platform/pdf/correspondentie.ts';
import { OnveiligeXml, leesXml } from '../../platform/xml/veilig.ts';
import { schemaVanNamespace, valideerBerichten, type BerichtOordeel, type BerichtSchema, type RegelFout } from '../../platform/xml/scheidsrechter.ts';
import { findPersoonByBsn, getPersoon } from '../inwoners/index.ts';
import { aanbiederVan } from '../inkoop/index.ts';
import { eisDossierToegang, geenToegangDossier } from '../privacy/index.ts';
import { volgendNummer } from '../toegang/index.ts';
import { beeindigDoorAanbieder, startDoorAanbieder, voorzieningVoorBericht, voorzieningenVoorBericht } from '../voorziening/index.ts';
import { kanaal } from './kanaal.ts';
import { ontvangVerzoek } from './verzoeken.ts';
import { ontvangDeclaratie } from './declaraties.ts';
import { ontvangStartsInBulk } from './bulk.ts';
import {
  RETOUR_VAN, VAN_AANBIEDER, controleerStart, controleerStop, identificatie, isAfgekeurd, isGewijzigd, omvangVoorBericht, redenWijzigingBijEinde, regelsVoor301,
  splitsHuisnummer, standaardVanWet, voorletters, geldVan, type Geld, type Soort, type Standaard, type StartProduct, type StopProduct, type ToewijzingInhoud, type ToewijzingStand,
} from './rules.ts';
import {
  bestedingPerVoorziening, berichtXml, berichtenWaar, eerderOntvangen, referentiesVoorVoorzieningen, eigenClienten, verzoekVerkeer, getBericht, insertBericht, insertToewijzing, keten, koppelToewijzingen, markeerOpgehaald, toewijzingVanVoorziening,
  toewijzingenOpNummer, toewijzingenVanClient, uitgaandOpIdentificatie, verkeerVan, wijzigToewijzing, zetRetour, type BerichtFilter, type BerichtRij, type Toewijzing,
} from './store.ts';
import { leesKop, leesRetour, leesStartStop, schrijf301, schrijfRetourStartStop, type ClientInhoud, type Kop, type RetourClient } from './xml.ts';

/**
 * A declaration of a month for a large provider holds thousands of prestaties (about 900 bytes each):
 * 8 MB, four times the platform's default, still bounds what one request may make us parse.
 */
export const BERICHT_MAX_BYTES = 8 * 1024 * 1024;

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const klok = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
export const nuTijd = (): string => klok.format(new Date());

/**
 * Facts that do not change within one transaction (the gemeente's CBS code and postbus, a provider's
 * AGB code), looked up once per transaction: a bulk run of thousands of messages asked them per message.
 */
const perTransactie = new WeakMap<Tx, Map<string, Promise<unknown>>>();
function eenmaal<T>(tx: Tx, sleutel: string, haal: () => Promise<T>): Promise<T> {
  let m = perTransactie.get(tx);
  if (!m) perTransactie.set(tx, (m = new Map()));
  let w = m.get(sleutel) as Promise<T> | undefined;
  if (!w) m.set(sleutel, (w = haal()));
  return w;
}

export async function gemeenteCode(tx: Tx): Promise<string> {
  const r = await eenmaal(tx, 'cbs', () => tx.selectFrom('gemeenten').select('cbs_code').where('id', '=', sql<string>`app_gemeente()`).executeTakeFirst());
  if (!r?.cbs_code) throw new Problem('conflict', 'Deze gemeente heeft geen CBS-gemeentecode; zonder die code kan Eenvoud geen iWmo- of iJw-berichten sturen. Vraag de functioneel beheerder hem in te stellen.');
  return r.cbs_code;
}

export async function nieuweIdentificatie(tx: Tx, gemeenteId: string): Promise<string> {
  return identificatie(await volgendNummer(tx, gemeenteId, 'bericht', 0));
}

/** One lock per client and provider: messages about one client are composed and applied in order. */
export async function clientSlot(tx: Tx, persoonId: string, aanbiederId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`bericht:${persoonId}:${aanbiederId}`}))`.execute(tx);
}

/**
 * Messages we wrote, waiting for the referees: checked at once (one message) or in one batch at the
 * end of a bulk run (the referees start once per few hundred messages instead of once per message).
 */
export type TeControleren = { xml: string; standaard: Standaard; soort: Soort }[];

/** The referees must find nothing in a message we write; anything else is our bug and must not go out (the transaction rolls back). */
export async function eisGeldig(berichten: TeControleren): Promise<void> {
  const groepen = new Map<string, TeControleren>();
  for (const b of berichten) groepen.set(`${b.standaard}/${b.soort}`, [...(groepen.get(`${b.standaard}/${b.soort}`) ?? []), b]);
  for (const groep of groepen.values()) {
    const uitslagen = await valideerBerichten(groep.map((b) => ({ xml: b.xml })), { standaard: groep[0]!.standaard, bericht: groep[0]!.soort }, { maxBytes: BERICHT_MAX_BYTES });
    uitslagen.forEach((u, i) => {
      const fouten = [...u.xsdFouten, ...u.regelFouten.map((f) => `${f.code} ${f.locaties.join(', ')} ${f.details ?? ''}`)];
      if (fouten.length) throw new Error(`${groep[i]!.standaard} ${groep[i]!.soort} voldoet niet aan de standaard: ${fouten.slice(0, 5).join(' | ')}`);
    });
  }
}
/** Check now, or leave it to the bulk run that passed a list. */
export const controleer = async (lijst: TeControleren | undefined, b: TeControleren[number]): Promise<void> => {
  if (lijst) lijst.push(b);
  else await eisGeldig([b]);
};

// ————— Outgoing: the toewijzing (301) —————

/** The client as a 301 names him: our own records (OP039); sex is not kept, so 0 (onbekend). */
export async function clientVan(tx: Tx, p: Parameters<typeof contactVan>[1] & { bsn: string; geboortedatum: string; achternaam: string; tussenvoegsel: string | null; voornaam: string }): Promise<ClientInhoud> {
  return {
    bsn: p.bsn, geboortedatum: p.geboortedatum, geslacht: '0', achternaam: p.achternaam, voorvoegsel: p.tussenvoegsel,
    voornamen: p.voornaam, voorletters: voorletters(p.voornaam), contact: await contactVan(tx, p),
  };
}

/** Digits only, at most 15 (LDT_Telefoonnummer); a Dutch number keeps its leading 0. */
const telefoonVoorBericht = (t: string | null): string | null => {
  const cijfers = (t ?? '').replace(/^\+31/, '0').replace(/\D/g, '');
  return cijfers.length >= 6 && cijfers.length <= 15 ? cijfers : null;
};

/**
 * How the provider reaches the client (TR006: an address or a phone). The BRP address when we have
 * one; else the phone as correspondence contact; a resident with neither (no fixed address) is reached
 * through the gemeente's own postbus, as its letters are.
 */
export async function contactVan(tx: Tx, p: { straat: string | null; huisnummer: string | null; postcode: string | null; woonplaats: string | null; telefoon: string | null }): Promise<ClientInhoud['contact']> {
  const telefoon = telefoonVoorBericht(p.telefoon);
  const huis = p.huisnummer ? splitsHuisnummer(p.huisnummer) : null;
  if (huis && p.postcode) return { soort: '01', adres: { ...huis, postcode: p.postcode, straat: p.straat, plaats: p.woonplaats }, telefoon };
  if (telefoon) return { soort: '02', adres: null, telefoon };
  const c = await eenmaal(tx, 'postbus', async () => {
    const g = await tx.selectFrom('gemeenten').select('naam').where('id', '=', sql<string>`app_gemeente()`).executeTakeFirstOrThrow();
    return correspondentie(tx, g.naam);
  });
  const nummer = /\d{1,5}/.exec(c.postbus)?.[0];
  return { soort: '02', adres: { huisnummer: Number(nummer ?? 0), huisletter: null, toevoeging: null, postcode: c.postcode, straat: 'Postbus', plaats: c.plaats }, telefoon: null };
}

interface Regel { toewijzing: Toewijzing; nu: ToewijzingInhoud; verstuurd: ToewijzingInhoud | null }

/** What the 301 says about a voorziening now: its product, period, volume and, when it ended, why. */
export function inhoudNu(t: Toewijzing, v: NonNullable<Awaited<ReturnType<typeof voorzieningVoorBericht>>>, referentie: string | null): ToewijzingInhoud {
  const geeindigd = v.beeindigdOp !== null;
  // An ended one that never had a day (withdrawn) is 'verwijderd': einddatum equal to ingangsdatum (CS335).
  const einde = v.status === 'ingetrokken' ? v.begin : v.beeindigdOp ?? v.eind ?? (v.frequentie === '2' ? v.budgetTot : null);
  const redenWijziging = geeindigd ? redenWijzigingBijEinde(v.redenBeeindiging, v.status) : t.verstuurd ? t.redenWijziging : null;
  const omvang = omvangVoorBericht(v.volume, v.eenheid, v.frequentie);
  return {
    nummer: t.nummer, categorie: v.productcategorie ?? '', code: v.productcode, toewijzingsdatum: t.toewijzingsdatum, toewijzingstijd: t.toewijzingstijd,
    ingangsdatum: v.begin, einddatum: einde && einde < v.begin ? v.begin : einde, redenWijziging, omvang, budgetCents: null,
    ...(referentie ? { referentieAanbieder: referentie } : {}),
  };
}

/**
 * The outbox job after a voorziening in natura got its provider or changed: ensure its toewijzing
 * (numbered per gemeente and law, TR332) and send the 301 with all toewijzingen of that client at
 * that provider (OP087). Nothing changed since the last 301: no message.
 */
export async function verstuurToewijzing(tx: Tx, gegevens: { voorzieningId: string }, ctx: OpdrachtContext, later?: TeControleren): Promise<string | null> {
  const v = await voorzieningVoorBericht(tx, gegevens.voorzieningId);
  if (!v || v.leveringsvorm !== 'zin' || !v.aanbieder || !v.productcategorie) return null;
  const std = standaardVanWet(v.wet);
  if (!std) return null;
  await clientSlot(tx, v.persoonId, v.aanbieder.id);
  const dagtekening = vandaag();
  if (!(await toewijzingVanVoorziening(tx, v.id))) {
    const nummer = await volgendNummer(tx, ctx.gemeenteId, `toewijzing-${std}`, 0);
    await insertToewijzing(tx, { voorzieningId: v.id, standaard: std, nummer, aanbiederId: v.aanbieder.id, persoonId: v.persoonId, toewijzingsdatum: dagtekening, toewijzingstijd: nuTijd() });
  }
  const toewijzingen = await toewijzingenVanClient(tx, { persoonId: v.persoonId, aanbiederId: v.aanbieder.id, standaard: std });
  const voorzieningen = new Map((await voorzieningenVoorBericht(tx, toewijzingen.map((t) => t.voorzieningId))).map((x) => [x.id, x]));
  const referenties = await referentiesVoorVoorzieningen(tx, toewijzingen.map((t) => t.voorzieningId));
  const alle: Regel[] = toewijzingen.flatMap((t) => {
    const x = voorzieningen.get(t.voorzieningId);
    return x ? [{ toewijzing: t, nu: inhoudNu(t, x, referenties.get(t.voorzieningId) ?? null), verstuurd: t.verstuurd }] : [];
  });
  const regels = regelsVoor301(alle, dagtekening);
  if (!regels) return null;
  // IV013: a toewijzing that changes after it was sent carries the date and time of that change.
  const tijd = nuTijd();
  for (const r of regels) {
    if (r.verstuurd && isGewijzigd(r.nu, r.verstuurd)) r.nu = { ...r.nu, toewijzingsdatum: dagtekening, toewijzingstijd: tijd };
  }

  const persoon = await getPersoon(tx, v.persoonId);
  if (!persoon) throw new Error(`persoon ${v.persoonId} van voorziening ${v.id} bestaat niet meer`);
  const client = await clientVan(tx, persoon);
  const kop: Kop = { afzender: await gemeenteCode(tx), ontvanger: v.aanbieder.agbCode, identificatie: await nieuweIdentificatie(tx, ctx.gemeenteId), dagtekening };
  const xml = schrijf301(std, kop, client, regels.map((r) => r.nu));
  await controleer(later, { xml, standaard: std, soort: '301' });
  const id = await insertBericht(tx, {
    standaard: std, soort: '301', richting: 'uit', aanbiederId: v.aanbieder.id, afzender: kop.afzender, ontvanger: kop.ontvanger, identificatie: kop.identificatie,
    dagtekening, status: 'klaar', retourcodes: [], persoonId: v.persoonId, aantalProducten: regels.length, xml, sha256: sha256(xml),
  });
  await koppelToewijzingen(tx, id, regels.map((r) => ({ toewijzingId: r.toewijzing.id, retourcodes: [] })));
  for (const r of regels) {
    if (isGewijzigd(r.nu, r.verstuurd)) {
      await wijzigToewijzing(tx, r.toewijzing.id, { verstuurd: r.nu, reden_wijziging: r.nu.redenWijziging, toewijzingsdatum: r.nu.toewijzingsdatum, toewijzingstijd: r.nu.toewijzingstijd });
    }
  }
  await appendAudit(tx, ctx.actor, [{ actie: 'aanmaken', resourceType: 'bericht', resourceId: id, persoonId: v.persoonId, doel: `${std === 'iwmo' ? 'WMO' : 'JW'}301 toewijzing naar aanbieder` }]);
  await kanaal().lever(tx, { id, aanbiederId: v.aanbieder.id, soort: '301', xml });
  return id;
}

// ————— Incoming —————

export interface Ontvangen {
  berichtId: string; retourId: string | null; soort: Soort; status: string; retourcodes: string[]; herhaald: boolean;
  /** What the referees found, in their own words (XSD line and message, rule code and location): for the sender to mend its message. */
  bevindingen: string[];
}

function eisAanbieder(actor: Actor): string {
  if (!actor.aanbiederId) throw new Problem('geen-toegang', 'Alleen een medewerker van een zorgaanbieder levert berichten aan.');
  return actor.aanbiederId;
}

export async function aanbiederAgb(tx: Tx, aanbiederId: string): Promise<string> {
  const a = await eenmaal(tx, `aanbieder:${aanbiederId}`, () => aanbiederVan(tx, aanbiederId));
  if (!a) throw notFound('Deze aanbieder');
  return a.agbCode;
}

/** Codes from the rule stylesheet: its own retourcode where it gives one, otherwise 0001 (technically refused). */
const regelCodes = (fouten: readonly RegelFout[]): string[] => [...new Set(fouten.map((f) => f.retourcode ?? '0001'))];

/**
 * A provider delivers a message (portal upload or API). Hostile XML and anything that is not an
 * iWmo/iJw message at all get a 400 and leave no trace but the log; everything else is kept and
 * answered with its retour (which the provider fetches like any other message).
 */
export async function ontvangBericht(tx: Tx, actor: Actor, invoer: Buffer | string, bulk?: { oordeel: BerichtOordeel; later: TeControleren }): Promise<Ontvangen> {
  const aanbiederId = eisAanbieder(actor);
  let gelezen;
  try {
    gelezen = leesXml(invoer, { maxBytes: BERICHT_MAX_BYTES });
  } catch (e) {
    if (e instanceof OnveiligeXml) throw new Problem('onveilige-xml', e.bericht, [{ name: 'bericht', code: e.code, reason: e.bericht }]);
    throw e;
  }
  const schema = gelezen.wortel.namespace ? schemaVanNamespace(gelezen.wortel.namespace) : null;
  if (!schema || gelezen.wortel.naam !== 'Bericht') {
    throw new Problem('geen-bericht', 'Het bestand is XML, maar geen iWmo- of iJw-bericht van release 3.2 (het hoofdelement en de namespace zijn onbekend).');
  }
  const soort = schema.bericht as Soort;
  const std = schema.standaard as Standaard;
  if (!VAN_AANBIEDER.includes(soort)) {
    throw new Problem('geen-bericht', `Een ${std === 'iwmo' ? 'WMO' : 'JW'}${soort} stuurt de gemeente, niet de aanbieder. Een aanbieder levert 302, 305, 307, 315, 317, 320 en 323 aan.`);
  }
  const xml = typeof invoer === 'string' ? invoer : invoer.toString('utf8');
  const kop = leesKop(gelezen.boom, soort === '302' || soort === '320');
  if (!kop.afzender || !kop.ontvanger || !kop.identificatie || !kop.dagtekening) {
    throw new Problem('geen-bericht', 'Het bericht heeft geen volledige header (Afzender, Ontvanger en BerichtIdentificatie); er kan geen retour op worden gemaakt.');
  }
  // Stored and copied into the retour: refuse what the standard's types do not allow (LDT_IdentificatieBericht, LDT_Datum).
  if (kop.identificatie.length > 12 || !/\S/.test(kop.identificatie) || !/^\d{4}-\d{2}-\d{2}$/.test(kop.dagtekening) || Number.isNaN(Date.parse(kop.dagtekening))) {
    throw new Problem('geen-bericht', 'De BerichtIdentificatie van het bericht is ongeldig (een identificatie van 1 tot 12 tekens en een dagtekening als JJJJ-MM-DD); er kan geen retour op worden gemaakt.');
  }
  const agb = await aanbiederAgb(tx, aanbiederId);
  if (kop.afzender !== agb) throw new Problem('bericht-niet-van-u', `De afzender van dit bericht (${kop.afzender}) is niet de AGB-code van uw organisatie (${agb}).`);
  const gemeente = await gemeenteCode(tx);
  if (kop.ontvanger !== gemeente) throw new Problem('geen-bericht', `Dit bericht is voor gemeente ${kop.ontvanger}, niet voor deze gemeente (${gemeente}).`);

  const hash = sha256(xml);
  // The same message delivered twice at the same moment: the second waits and then finds the first.
  await sql`select pg_advisory_xact_lock(hashtext(${`bericht:${kop.afzender}:${soort}:${kop.identificatie}`}))`.execute(tx);
  const eerder = await eerderOntvangen(tx, { afzender: kop.afzender, soort, identificatie: kop.identificatie });
  const zelfde = eerder.find((e) => e.sha256 === hash);
  if (zelfde) {
    const b = (await getBericht(tx, zelfde.id))!;
    return { berichtId: b.id, retourId: b.retourId, soort, status: b.status, retourcodes: b.retourcodes, herhaald: true, bevindingen: [] };
  }

  const uitslag = bulk?.oordeel ?? (await valideerBerichten([{ xml }], schema, { maxBytes: BERICHT_MAX_BYTES }))[0];
  const kopcodes: string[] = [];
  if (uitslag!.xsdFouten.length) kopcodes.push('0001');
  kopcodes.push(...regelCodes(uitslag!.regelFouten));
  if (eerder.some((e) => e.status !== 'afgekeurd')) kopcodes.push('9056');                         // TR056
  if (kop.dagtekening > vandaag()) kopcodes.push('8848');                                            // TR135
  const technischAfgekeurd = kopcodes.length > 0;
  const bevindingen = [...uitslag!.xsdFouten, ...uitslag!.regelFouten.map((f) => `${f.code}${f.retourcode ? ` (retourcode ${f.retourcode})` : ''}: ${f.details ?? ''} ${f.locaties.join(', ')}`.trim())].slice(0, 50);

  const basis = { standaard: std, soort, richting: 'in' as const, aanbiederId, afzender: kop.afzender, ontvanger: kop.ontvanger, identificatie: kop.identificatie, dagtekening: kop.dagtekening, xml, sha256: hash };
  const codes = technischAfgekeurd ? [...new Set(kopcodes)] : [];
  if (soort === '302' || soort === '320') return { ...(await ontvangRetour(tx, actor, basis, gelezen.boom, kopcodes)), bevindingen };
  if (soort === '305' || soort === '307') return { ...(await ontvangStartStop(tx, actor, basis, gelezen.boom, codes, bulk?.later)), bevindingen };
  if (soort === '323') return { ...(await ontvangDeclaratie(tx, actor, basis, gelezen.boom, codes, bulk?.later)), bevindingen };
  return { ...(await ontvangVerzoek(tx, actor, basis, gelezen.boom, codes, bulk?.later)), bevindingen };
}

export type BundelUitkomst = { ok: true; ontvangen: Ontvangen } | { ok: false; probleem: Problem };

/**
 * Many messages of one provider at once (a hub's delivery, a bundle upload, the volume bench): each
 * read as hostile and answered as if delivered alone, the referees run once per batch. A message that
 * is no message gets its problem in the result; the others go on.
 */
export async function ontvangBerichten(tx: Tx, actor: Actor, invoer: readonly (Buffer | string)[]): Promise<BundelUitkomst[]> {
  const bomen: unknown[] = [];
  const schemas: (BerichtSchema | Problem)[] = invoer.map((x, i) => {
    try {
      const g = leesXml(x, { maxBytes: BERICHT_MAX_BYTES });
      bomen[i] = g.boom;
      return (g.wortel.namespace && g.wortel.naam === 'Bericht' ? schemaVanNamespace(g.wortel.namespace) : null)
        ?? new Problem('geen-bericht', 'Het bestand is XML, maar geen iWmo- of iJw-bericht van release 3.2.');
    } catch (e) {
      if (e instanceof OnveiligeXml) return new Problem('onveilige-xml', e.bericht, [{ name: 'bericht', code: e.code, reason: e.bericht }]);
      throw e;
    }
  });
  const oordelen = new Map<number, BerichtOordeel>();
  const groepen = new Map<string, number[]>();
  schemas.forEach((sch, i) => { if (!(sch instanceof Problem)) groepen.set(`${sch.standaard}/${sch.bericht}`, [...(groepen.get(`${sch.standaard}/${sch.bericht}`) ?? []), i]); });
  for (const idx of groepen.values()) {
    const uit = await valideerBerichten(idx.map((i) => ({ xml: invoer[i]! })), schemas[idx[0]!] as BerichtSchema, { maxBytes: BERICHT_MAX_BYTES });
    idx.forEach((i, j) => oordelen.set(i, uit[j]!));
  }
  const later: TeControleren = [];
  // The plain start messages first, set-based (bulk.ts); the rest one by one, as if delivered alone.
  const snel = await ontvangStartsInBulk(tx, actor, schemas.flatMap((sch, i) => (sch instanceof Problem ? [] : [{
    index: i, xml: typeof invoer[i] === 'string' ? invoer[i] : (invoer[i] as Buffer).toString('utf8'), boom: bomen[i], standaard: sch.standaard as Standaard, soort: sch.bericht, oordeel: oordelen.get(i)!,
  }])), later);
  const uitkomsten: BundelUitkomst[] = [];
  for (let i = 0; i < invoer.length; i++) {
    const sch = schemas[i]!;
    if (sch instanceof Problem) { uitkomsten.push({ ok: false, probleem: sch }); continue; }
    const al = snel.get(i);
    if (al) { uitkomsten.push({ ok: true, ontvangen: al }); continue; }
    try {
      uitkomsten.push({ ok: true, ontvangen: await ontvangBericht(tx, actor, invoer[i]!, { oordeel: oordelen.get(i)!, later }) });
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      uitkomsten.push({ ok: false, probleem: e });
    }
  }
  await eisGeldig(later);
  return uitkomsten;
}

export type Basis = { standaard: Standaard; soort: Soort; richting: 'in'; aanbiederId: string; afzender: string; ontvanger: string; identificatie: string; dagtekening: string; xml: string; sha256: string };

/** A 302 or 320: the provider's answer to one of our 301s or 319s. It marks that message accepted or refused; a retour gets no retour. */
async function ontvangRetour(tx: Tx, actor: Actor, b: Basis, boom: unknown, kopcodes: readonly string[]): Promise<Omit<Ontvangen, 'bevindingen'>> {
  const { origineel, retourcodes } = leesRetour(boom);
  const heenSoort = b.soort === '320' ? '319' : '301';
  const heen = origineel ? await uitgaandOpIdentificatie(tx, { aanbiederId: b.aanbiederId, soort: heenSoort, identificatie: origineel }) : undefined;
  const status = kopcodes.length || !heen ? 'afgekeurd' : 'verwerkt';
  const codes = kopcodes.length ? [...kopcodes] : heen ? retourcodes : ['9019'];
  const id = await insertBericht(tx, { ...b, status, retourcodes: codes, antwoordOp: heen?.id ?? null, persoonId: heen?.persoonId ?? null, aantalProducten: 0 });
  // The first answer to a 301 counts; a later 302 is kept but changes its verdict no more.
  if (heen && !kopcodes.length && heen.retourId === null) {
    await zetRetour(tx, heen.id, { status: isAfgekeurd(retourcodes) ? 'afgekeurd' : 'geaccepteerd', retourcodes: retourcodes.filter((c) => c !== '0200'), retourId: id });
  }
  await appendAudit(tx, actor, [{ actie: 'aanmaken', resourceType: 'bericht', resourceId: id, persoonId: heen?.persoonId ?? null, doel: `retour ${heenSoort === '319' ? 'antwoord' : 'toewijzing'} (${b.soort}) ontvangen` }]);
  return { berichtId: id, retourId: null, soort: b.soort, status, retourcodes: codes, herhaald: false };
}

/**
 * A start (305) or stop (307): every product is checked against its toewijzing (TR019, TR326, TR074,
 * OP072/TR382, TR413–TR415); the accepted ones move the voorziening (gestart / beeindigd with the
 * reason), the others change nothing. The retour (306/308) names the code per product.
 */
async function ontvangStartStop(tx: Tx, actor: Actor, b: Basis, boom: unknown, kopcodes: readonly string[], later?: TeControleren): Promise<Omit<Ontvangen, 'bevindingen'>> {
  const stop = b.soort === '307';
  const retourSoort = RETOUR_VAN[b.soort] as '306' | '308';
  const client = kopcodes.length ? null : leesStartStop(boom, stop);
  const persoon = client ? await findPersoonByBsn(tx, client.bsn) : undefined;
  let retourClient: RetourClient | null = null;
  const toepassen: { t: Toewijzing; p: StartProduct | StopProduct }[] = [];
  const perToewijzing: { toewijzingId: string; retourcodes: string[] }[] = [];
  if (client) {
    if (persoon) await clientSlot(tx, persoon.id, b.aanbiederId);
    const nummers = client.producten.flatMap((p) => (p.toewijzingNummer === null ? [] : [p.toewijzingNummer]));
    const gevonden = await toewijzingenOpNummer(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, nummers });
    const opNummer = new Map(gevonden.filter((t) => persoon && t.persoonId === persoon.id).map((t) => [t.nummer, t]));
    const standen = new Map<number, ToewijzingStand>();
    for (const t of opNummer.values()) {
      const v = await voorzieningVoorBericht(tx, t.voorzieningId);
      standen.set(t.nummer, { nummer: t.nummer, ingangsdatum: v?.begin ?? t.toewijzingsdatum, einddatum: v?.beeindigdOp ?? v?.eind ?? null, startBegindatum: t.startBegindatum, stopEinddatum: t.stopEinddatum, stopReden: t.stopReden });
    }
    const producten = client.producten.map((p) => {
      const stand = p.toewijzingNummer === null ? undefined : standen.get(p.toewijzingNummer);
      const invoer = { toewijzingNummer: p.toewijzingNummer, ingangsdatum: p.ingangsdatum, begindatum: p.begindatum, statusAanlevering: p.statusAanlevering };
      let codes = stop ? controleerStop({ ...invoer, einddatum: p.einddatum ?? '', redenBeeindiging: p.redenBeeindiging ?? '' }, stand) : controleerStart(invoer, stand);
      // A correction (status 3) of an earlier start or stop is not processed by Eenvoud yet: said, not hidden.
      if (!codes.length && p.statusAanlevering === '3') codes = ['0233'];
      const t = p.toewijzingNummer === null ? undefined : opNummer.get(p.toewijzingNummer);
      if (t) {
        perToewijzing.push({ toewijzingId: t.id, retourcodes: codes.length ? codes : ['0200'] });
        if (!codes.length) toepassen.push({ t, p: stop ? { ...invoer, einddatum: p.einddatum ?? '', redenBeeindiging: p.redenBeeindiging ?? '' } : invoer });
      }
      return { ...p, retourcodes: codes };
    });
    // The client class itself has no remark (0200); the codes are per product.
    retourClient = { ...client, retourcodes: [], producten };
  }
  const toegepast: { toewijzingId: string; retourcodes: string[] }[] = [];
  for (const { t, p } of toepassen) {
    try {
      if (stop) {
        const s = p as StopProduct;
        // Reason 20 is a pause: the toewijzing keeps running and a new start may follow (TR326 after a stop).
        if (s.redenBeeindiging !== '20') await beeindigDoorAanbieder(tx, actor, t.voorzieningId, { datum: s.einddatum, reden: s.redenBeeindiging });
        await wijzigToewijzing(tx, t.id, { stop_einddatum: s.einddatum, stop_reden: s.redenBeeindiging });
      } else {
        await startDoorAanbieder(tx, actor, t.voorzieningId, { datum: p.begindatum, herstart: t.stopEinddatum !== null });
        await wijzigToewijzing(tx, t.id, { start_begindatum: p.begindatum, stop_einddatum: null, stop_reden: null });
      }
    } catch (e) {
      // The voorziening refused (e.g. a reason its law does not know): this product is refused, nothing of it applied.
      if (!(e instanceof Problem)) throw e;
      const regel = perToewijzing.find((r) => r.toewijzingId === t.id)!;
      regel.retourcodes = ['0001'];
      const prod = retourClient?.producten.find((x) => x.toewijzingNummer === t.nummer);
      if (prod) (prod as unknown as { retourcodes: string[] }).retourcodes = ['0001'];
      continue;
    }
    toegepast.push({ toewijzingId: t.id, retourcodes: ['0200'] });
  }
  // The client is named on the message only when one of this provider's own toewijzingen matched: a BSN alone
  // must not tell a provider who lives in the gemeente (its list shows the client's name).
  const clientVanAanbieder = perToewijzing.length > 0 ? persoon : undefined;
  const productCodes = retourClient?.producten.flatMap((p) => p.retourcodes) ?? [];
  const alleCodes = [...new Set([...kopcodes, ...productCodes])];
  const status = kopcodes.length || !retourClient || toegepast.length === 0 ? 'afgekeurd' : alleCodes.length ? 'deels' : 'verwerkt';
  const id = await insertBericht(tx, { ...b, status, retourcodes: alleCodes.length ? alleCodes : [], persoonId: clientVanAanbieder?.id ?? null, aantalProducten: client?.producten.length ?? 0 });
  await koppelToewijzingen(tx, id, perToewijzing);

  const retourKop = {
    origineel: { afzender: b.afzender, ontvanger: b.ontvanger, identificatie: b.identificatie, dagtekening: b.dagtekening },
    identificatie: await nieuweIdentificatie(tx, actor.gemeenteId), dagtekening: vandaag(), retourcodes: kopcodes.length ? kopcodes : ['0200'],
  };
  const retourXml = schrijfRetourStartStop(b.standaard, retourSoort, retourKop, retourClient);
  await controleer(later, { xml: retourXml, standaard: b.standaard, soort: retourSoort });
  const retourId = await insertBericht(tx, {
    standaard: b.standaard, soort: retourSoort, richting: 'uit', aanbiederId: b.aanbiederId, afzender: b.ontvanger, ontvanger: b.afzender,
    identificatie: retourKop.identificatie, dagtekening: retourKop.dagtekening, status: 'klaar', retourcodes: alleCodes, antwoordOp: id,
    persoonId: clientVanAanbieder?.id ?? null, aantalProducten: client?.producten.length ?? 0, xml: retourXml, sha256: sha256(retourXml),
  });
  await koppelToewijzingen(tx, retourId, perToewijzing);
  await zetRetour(tx, id, { status, retourcodes: alleCodes, retourId });
  await appendAudit(tx, actor, [
    { actie: 'aanmaken', resourceType: 'bericht', resourceId: id, persoonId: clientVanAanbieder?.id ?? null, doel: `${stop ? 'stop' : 'start'} zorg (${b.soort}) ontvangen` },
    { actie: 'aanmaken', resourceType: 'bericht', resourceId: retourId, persoonId: clientVanAanbieder?.id ?? null, doel: `retour ${retourSoort} gemaakt` },
  ]);
  await kanaal().lever(tx, { id: retourId, aanbiederId: b.aanbiederId, soort: retourSoort, xml: retourXml });
  return { berichtId: id, retourId, soort: b.soort, status, retourcodes: alleCodes, herhaald: false };
}

// ————— Reading —————

/**
 * Provider staff see only their own organisation's messages, with the client each is about (their own
 * client: the message itself names him; each shown is audited). Staff of the gemeente see all, without
 * client data: the XML is the file read.
 */
export async function lijstBerichten(tx: Tx, actor: Actor, filter: BerichtFilter, pagina: { limit: number; offset: number }): Promise<{ items: (BerichtRij & { client: { bsn: string; naam: string } | null })[]; totaal: number }> {
  if (!actor.aanbiederId) {
    if (filter.persoonId) await eisDossierToegang(tx, actor, { persoonId: filter.persoonId });
    const r = await berichtenWaar(tx, filter, pagina);
    return { ...r, items: r.items.map((b) => ({ ...b, client: null })) };
  }
  const r = await berichtenWaar(tx, { ...filter, aanbiederId: actor.aanbiederId }, pagina);
  // Named from our records only when the client is this provider's own (a toewijzing with it): a verzoek om toewijzing about
  // someone else's client must not tell the provider who that BSN is.
  const eigen = await eigenClienten(tx, actor.aanbiederId, [...new Set(r.items.flatMap((b) => (b.persoonId ? [b.persoonId] : [])))]);
  const ids = [...eigen];
  const personen = new Map((await Promise.all(ids.map((id) => getPersoon(tx, id)))).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  await appendAudit(tx, actor, r.items.flatMap((b) => (b.persoonId && personen.has(b.persoonId)
    ? [{ actie: 'lezen' as const, resourceType: 'bericht', resourceId: b.id, persoonId: b.persoonId, doel: 'berichten van de eigen cliënten (aanbieder)' }] : [])));
  return {
    ...r,
    items: r.items.map((b) => {
      const p = b.persoonId ? personen.get(b.persoonId) : undefined;
      return { ...b, client: p ? { bsn: p.bsn, naam: [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ') } : null };
    }),
  };
}

/** One message: a provider's own, or for gemeente staff; its XML carries client data and is a file read (need-to-know). */
export async function leesBericht(tx: Tx, actor: Actor, id: string): Promise<BerichtRij> {
  const b = await getBericht(tx, id);
  if (!b || (actor.aanbiederId && b.aanbiederId !== actor.aanbiederId)) throw notFound('Dit bericht');
  return b;
}

export async function leesBerichtXml(tx: Tx, actor: Actor, id: string): Promise<{ bericht: BerichtRij; xml: string }> {
  const b = await leesBericht(tx, actor, id);
  if (!actor.aanbiederId) {
    // Every message names a client in its XML; one we could not tie to a resident belongs to no file staff may open.
    if (!b.persoonId) throw geenToegangDossier();
    await eisDossierToegang(tx, actor, { persoonId: b.persoonId });
  }
  const xml = (await berichtXml(tx, id))!;
  if (actor.aanbiederId && b.richting === 'uit') await markeerOpgehaald(tx, id);
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'bericht', resourceId: id, persoonId: b.persoonId, doel: 'bericht (XML) inzien' }]);
  return { bericht: b, xml };
}

/** The message chain of one voorziening, for the casus and voorziening pages (need-to-know on the household). */
export async function berichtKeten(tx: Tx, actor: Actor, voorzieningId: string) {
  const v = await voorzieningVoorBericht(tx, voorzieningId);
  if (!v) throw notFound('Deze voorziening');
  await eisDossierToegang(tx, actor, { huishoudenId: v.huishoudenId });
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'voorziening', resourceId: v.id, persoonId: v.persoonId, doel: 'berichtenketen inzien' }]);
  const t = await toewijzingVanVoorziening(tx, voorzieningId);
  return { toewijzingNummer: t?.nummer ?? null, standaard: t?.standaard ?? standaardVanWet(v.wet), berichten: await keten(tx, voorzieningId) };
}

/** Signals on the traffic page: no start within 4 weeks of a toewijzing; a toewijzing ending within 8 weeks while care runs. */
export const GEEN_START_DAGEN = 28;
export const EINDE_DAGEN = 56;

/** The traffic with one provider for inkoop: counts, refusals by code, lead times and signals, with voorziening numbers only. */
export async function berichtenverkeer(tx: Tx, aanbiederId: string) {
  if (!(await aanbiederVan(tx, aanbiederId))) throw notFound('Deze aanbieder');
  const v = await verkeerVan(tx, aanbiederId, vandaag(), { geenStartDagen: GEEN_START_DAGEN, eindeDagen: EINDE_DAGEN });
  const nummers = new Map((await voorzieningenVoorBericht(tx, [...new Set([...v.geenStart, ...v.eindigtBinnenkort].map((x) => x.voorzieningId))])).map((x) => [x.id, x.nummer]));
  const met = <T extends { voorzieningId: string }>(rij: T) => ({ ...rij, voorzieningNummer: nummers.get(rij.voorzieningId) ?? '' });
  return {
    ...v, geenStart: v.geenStart.map(met), eindigtBinnenkort: v.eindigtBinnenkort.map(met), drempels: { geenStartDagen: GEEN_START_DAGEN, eindeDagen: EINDE_DAGEN },
    verzoeken: await verzoekVerkeer(tx, aanbiederId, vandaag()),
  };
}

/** The money of these voorzieningen (ADR 40): budget, declared, approved, credited, remaining and the obligation. */
export async function geldVanVoorzieningen<T extends Parameters<typeof geldVan>[0] & { id: string }>(tx: Tx, lijst: readonly T[]): Promise<Map<string, Geld>> {
  const besteed = await bestedingPerVoorziening(tx, lijst.map((v) => v.id));
  return new Map(lijst.map((v) => [v.id, geldVan(v, besteed.get(v.id))]));
}
