/**
 * Delen met partners: the use cases. Every read and write of a person's grounds and shares passes
 * the need-to-know rule first and writes its audit entry in the same transaction; the privacy
 * officer's overview is role-based and audited per person shown.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound, type InvalidParam } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag as vandaagInAmsterdam } from '../../platform/time.ts';
import { getPersoon, leeftijdOp, volledigeNaam, wettelijkVertegenwoordigers } from '../inwoners/index.ts';
import { casussenVanHuishouden } from '../toegang/index.ts';
import {
  TOESTEMMING_GEVERS, beoordeelVerstrekking, controleerGrondslag, controleerIntrekking, controleerVerstrekkingDatum, doelNaam, partnerSoortNaam,
  toestemmingGeverFout, type Doel, type GrondslagSoort, type Partner, type PartnerSoort, type ScopePartner, type ToestemmingGever,
} from './delingen-rules.ts';
import {
  getGrondslag, getVerstrekking, grondslagenVanPersoon, insertGrondslag, insertVerstrekking, lopendeGrondslagen, overzichtGrondslagen,
  overzichtVerstrekkingen, trekIn, verstrekkingenVanPersoon, type Grondslag, type OverzichtFilter, type Verstrekking,
} from './delingen-store.ts';
import { eisDossierToegang } from './toegang.ts';

export interface GrondslagInvoer {
  soort: GrondslagSoort;
  gegevenDoor?: { relatie: ToestemmingGever; persoonId?: string | undefined } | undefined;
  datum: string;
  geldigTot?: string | null | undefined;
  partners: ScopePartner[];
  doelen: Doel[];
  gegevens: string;
  wetsartikel?: string | undefined;
  toelichting?: string | undefined;
}

const ongeldig = (fouten: InvalidParam[]) =>
  new Problem('ongeldige-invoer', fouten.length === 1 ? fouten[0]!.reason : 'Een paar gegevens kloppen niet; zie de velden.', fouten);

async function openCasusId(tx: Tx, huishoudenId: string): Promise<string | null> {
  return (await casussenVanHuishouden(tx, huishoudenId)).find((c) => c.status === 'open')?.id ?? null;
}

/**
 * Records toestemming or another ground for sharing a person's information. Consent is given by
 * the person or a representative recorded at the household (UAVG art. 5 for minors); the name of
 * who gave it is kept as it was that day.
 */
export async function legGrondslagVast(tx: Tx, actor: Actor, persoonId: string, inv: GrondslagInvoer, vandaag: string): Promise<Grondslag> {
  await eisDossierToegang(tx, actor, { persoonId });
  const p = await getPersoon(tx, persoonId);
  if (!p) throw notFound('Deze inwoner');
  const fouten: InvalidParam[] = controleerGrondslag(inv, vandaag).map((f) => ({ name: f.veld, code: 'ongeldig', reason: f.reden }));
  let gegevenDoor: { relatie: ToestemmingGever; naam: string; id: string | null } | null = null;
  if (inv.soort === 'toestemming' && inv.gegevenDoor) {
    const relatie = inv.gegevenDoor.relatie;
    const vv = (await wettelijkVertegenwoordigers(tx, persoonId, inv.datum))
      .filter((v): v is typeof v & { relatie: ToestemmingGever } => (TOESTEMMING_GEVERS as readonly string[]).includes(v.relatie));
    const fout = toestemmingGeverFout(relatie, leeftijdOp(p.geboortedatum, inv.datum), vv.map((v) => v.relatie), inv.doelen);
    if (fout) fouten.push({ name: 'gegevenDoor.relatie', code: 'geen-toestemminggever', reason: fout });
    else if (relatie === 'zelf') gegevenDoor = { relatie, naam: volledigeNaam(p), id: p.id };
    else {
      const wie = vv.find((v) => v.relatie === relatie && (!inv.gegevenDoor?.persoonId || v.persoonId === inv.gegevenDoor.persoonId));
      if (!wie) fouten.push({ name: 'gegevenDoor.persoonId', code: 'geen-toestemminggever', reason: `Kies een ${relatie} die bij deze inwoner is vastgelegd` });
      else gegevenDoor = { relatie, naam: wie.naam, id: wie.persoonId };
    }
  }
  if (fouten.length) throw ongeldig(fouten);
  const id = await insertGrondslag(tx, {
    gemeenteId: actor.gemeenteId, persoonId, huishoudenId: p.huishoudenId, casusId: await openCasusId(tx, p.huishoudenId), soort: inv.soort, gegevenDoor,
    datum: inv.datum, geldigTot: inv.geldigTot ?? null, partners: inv.partners.map((s) => ({ soort: s.soort, ...(s.naam?.trim() ? { naam: s.naam.trim() } : {}) })),
    doelen: [...new Set(inv.doelen)], gegevens: inv.gegevens, wetsartikel: inv.soort === 'toestemming' ? null : inv.wetsartikel?.trim() || null,
    toelichting: inv.toelichting?.trim() || null, door: actor.gebruikerId,
  });
  await appendAudit(tx, actor, [{ actie: 'aanmaken', resourceType: 'grondslag', resourceId: id, persoonId, doel: 'grondslag voor delen vastleggen' }]);
  return (await getGrondslag(tx, id))!;
}

/** Withdraws a consent from `datum` on; the row stays, so earlier shares keep their ground. */
export async function trekToestemmingIn(tx: Tx, actor: Actor, grondslagId: string, inv: { datum?: string | undefined; reden?: string | undefined }, vandaag: string): Promise<Grondslag> {
  const voor = await getGrondslag(tx, grondslagId);
  if (!voor) throw notFound('Deze grondslag');
  await eisDossierToegang(tx, actor, { persoonId: voor.persoonId });
  // Locked: a share on this consent waits for the withdrawal, and then sees it.
  const g = (await getGrondslag(tx, grondslagId, true))!;
  const datum = inv.datum ?? vandaag;
  const fout = controleerIntrekking(g, datum, vandaag);
  if (fout?.code === 'datum') throw ongeldig([{ name: 'datum', code: 'ongeldig', reason: fout.reden }]);
  if (fout) throw new Problem('grondslag-niet-intrekbaar', fout.reden);
  await trekIn(tx, grondslagId, { datum, door: actor.gebruikerId, reden: inv.reden?.trim() || null });
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'grondslag', resourceId: grondslagId, persoonId: g.persoonId, doel: 'toestemming intrekken' }]);
  return (await getGrondslag(tx, grondslagId))!;
}

export interface VerstrekkingInvoer {
  partner: Partner;
  doel: Doel;
  gegevens: string;
  grondslagId: string;
  datum?: string | undefined;
  toelichting?: string | undefined;
}

/**
 * Records that information went to a partner, on a ground of this person that is valid that day
 * and whose scope covers the partner and the purpose; otherwise nothing is written and the answer
 * says why (409 when the ground no longer holds, 422 when it does not reach this share).
 */
export async function legVerstrekkingVast(tx: Tx, actor: Actor, persoonId: string, inv: VerstrekkingInvoer, vandaag: string): Promise<Verstrekking> {
  await eisDossierToegang(tx, actor, { persoonId });
  const p = await getPersoon(tx, persoonId);
  if (!p) throw notFound('Deze inwoner');
  const datum = inv.datum ?? vandaag;
  const datumFout = controleerVerstrekkingDatum(datum, vandaag);
  if (datumFout) throw ongeldig([{ name: datumFout.veld, code: 'ongeldig', reason: datumFout.reden }]);
  const g = await getGrondslag(tx, inv.grondslagId, true);
  if (!g || g.persoonId !== persoonId) throw ongeldig([{ name: 'grondslagId', code: 'onbekend', reason: 'Kies een grondslag van deze inwoner' }]);
  const partner = { soort: inv.partner.soort, naam: inv.partner.naam.trim() };
  const b = beoordeelVerstrekking(g, { partner, doel: inv.doel, datum });
  if (!b.ok) {
    if (b.reden === 'partnerBuitenScope') throw new Problem('grondslag-dekt-verstrekking-niet', b.uitleg, [{ name: 'partner', code: 'buiten-scope', reason: b.uitleg }]);
    if (b.reden === 'doelBuitenScope') throw new Problem('grondslag-dekt-verstrekking-niet', b.uitleg, [{ name: 'doel', code: 'buiten-scope', reason: b.uitleg }]);
    throw new Problem('grondslag-niet-geldig', b.uitleg, [{ name: 'grondslagId', code: b.reden, reason: b.uitleg }]);
  }
  const id = await insertVerstrekking(tx, {
    gemeenteId: actor.gemeenteId, persoonId, huishoudenId: p.huishoudenId, casusId: await openCasusId(tx, p.huishoudenId), grondslagId: g.id,
    partner, doel: inv.doel, gegevens: inv.gegevens, datum, toelichting: inv.toelichting?.trim() || null, door: actor.gebruikerId,
  });
  await appendAudit(tx, actor, [{ actie: 'aanmaken', resourceType: 'verstrekking', resourceId: id, persoonId, doel: `verstrekking aan ${partner.naam} vastleggen` }]);
  return (await getVerstrekking(tx, id))!;
}

/** A person's grounds and shares, for those who work on the household. */
export async function delingenVanPersoon(tx: Tx, actor: Actor, persoonId: string): Promise<{ grondslagen: Grondslag[]; verstrekkingen: Verstrekking[] }> {
  await eisDossierToegang(tx, actor, { persoonId });
  const [grondslagen, verstrekkingen] = [await grondslagenVanPersoon(tx, persoonId), await verstrekkingenVanPersoon(tx, persoonId)];
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'delingen', resourceId: persoonId, persoonId, doel: 'toestemming en delen inzien' }]);
  return { grondslagen, verstrekkingen };
}

/** The privacy officer's overview: the chosen list, filtered and paginated; each person shown is audited. */
export async function overzichtDelingen(tx: Tx, actor: Actor, lijst: 'verstrekkingen' | 'grondslagen', f: OverzichtFilter) {
  const uit = lijst === 'verstrekkingen'
    ? { lijst: 'verstrekkingen' as const, ...(await overzichtVerstrekkingen(tx, f)) }
    : { lijst: 'grondslagen' as const, ...(await overzichtGrondslagen(tx, f)) };
  const personen = [...new Set(uit.rijen.map((r) => r.persoon.id))];
  await appendAudit(tx, actor, personen.map((id) => ({ actie: 'lezen' as const, resourceType: 'delingen', resourceId: id, persoonId: id, doel: 'privacytoezicht: overzicht delingen' })));
  return uit;
}

/**
 * For the providers' chain (issue 13/14): call before a message about this person leaves. Returns
 * the ground that carries a share to `partner` for `doel` today (a legal ground before consent,
 * then the newest), or throws 409 `geen-grondslag-voor-verstrekking` saying why none does.
 * It does not check need-to-know: the caller acts for the gemeente (a job or the chain), after its
 * own checks. The look-up is audited for the person.
 */
export async function eisGrondslagVoorVerstrekking(
  tx: Tx, actor: Actor, v: { persoonId: string; partner: { soort: PartnerSoort; naam: string }; doel: Doel; datum?: string },
): Promise<Grondslag> {
  const datum = v.datum ?? vandaagInAmsterdam();
  const kandidaten = await lopendeGrondslagen(tx, v.persoonId);
  const beoordeeld = kandidaten.map((g) => ({ g, b: beoordeelVerstrekking(g, { partner: v.partner, doel: v.doel, datum }) }));
  const passend = beoordeeld.filter((x) => x.b.ok).map((x) => x.g).sort((a, b) => Number(a.soort === 'toestemming') - Number(b.soort === 'toestemming'));
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'grondslag', resourceId: v.persoonId, persoonId: v.persoonId, doel: `grondslag toetsen voor verstrekking aan ${v.partner.naam}` }]);
  const gekozen = passend[0];
  if (gekozen) return gekozen;
  throw new Problem('geen-grondslag-voor-verstrekking',
    `Er is geen geldige toestemming of andere grondslag om gegevens te delen met ${v.partner.naam} (${partnerSoortNaam[v.partner.soort]}) voor "${doelNaam[v.doel]}". Leg eerst een grondslag vast.`);
}

/**
 * For the inzage (AVG art. 15 lid 1 sub c: the recipients the data went to): a person's grounds and
 * shares without the need-to-know check or an audit entry of its own, since the inzage use case
 * does both for the whole file.
 */
export async function delingenVoorInzage(tx: Tx, persoonId: string): Promise<{ grondslagen: Grondslag[]; verstrekkingen: Verstrekking[] }> {
  return { grondslagen: await grondslagenVanPersoon(tx, persoonId), verstrekkingen: await verstrekkingenVanPersoon(tx, persoonId) };
}
