/**
 * Inwoners' use cases: each takes the transaction and writes its own audit entries, so every caller
 * (a route, the online form, an import) leaves the same trail. BRP answers are fetched before the
 * transaction by the caller and passed in.
 */
import { appendAudit, type AuditRecord } from '../../platform/audit/store.ts';
import { Problem, notFound, type InvalidParam } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { alleenDePersoon, eisDossierToegang } from '../privacy/index.ts';
import type { BrpPersoon } from './brp.ts';
import {
  controleerLidRelatie, controleerVertegenwoordiging, isMinderjarig, leeftijdOp, normaliseerPostcode, opgeslagenRichting, volledigeNaam,
  type LidRelatie, type VertegenwoordigerSoort,
} from './rules.ts';
import {
  createPersoon, findPersoonByBsn, getPersoon, hoofdpersoonVan, huishoudenBestaat, huishoudenLeden, insertRelatie, relatiesVan, wijkBestaat,
  wijkBijPostcode, wijzigContact, zetGezag, type Persoon, type RelatieRij,
} from './store.ts';

const ongeldig = (detail: string, params: InvalidParam[]) => new Problem('ongeldige-invoer', detail, params);

export interface LidInvoer {
  bsn: string;
  voornaam?: string | undefined;
  tussenvoegsel?: string | undefined;
  achternaam?: string | undefined;
  geboortedatum?: string | undefined;
  relatie: LidRelatie;
  gezag: boolean;
  tenOpzichteVan?: string | undefined;
}

/** What the BRP says about a BSN (null: not connected, or not known there). */
export type BrpAntwoord = BrpPersoon | null;

function heeftGezag(brp: BrpPersoon, minderjarigeBsn: string, ouderBsn: string): boolean {
  return brp.gezag.some((g) => g.minderjarigeBsn === minderjarigeBsn && g.ouderBsns.includes(ouderBsn));
}

/**
 * Adds a member to a household. `relatie` is what the new member is to the reference person
 * (`tenOpzichteVan`, by default the household's hoofdpersoon): "kind" means the new member is
 * the reference person's child. With a BRP answer, name, birth date, address and gezag are the
 * BRP's; relations the BRP knows with other members are recorded too.
 */
export async function voegLidToe(tx: Tx, actor: Actor, huishoudenId: string, inv: LidInvoer, brp: BrpAntwoord, peildatum: string): Promise<Persoon> {
  if (!(await huishoudenBestaat(tx, huishoudenId))) throw notFound('Dit huishouden');
  await eisDossierToegang(tx, actor, { huishoudenId });
  const leden = await huishoudenLeden(tx, huishoudenId);
  const refId = inv.tenOpzichteVan ?? (await hoofdpersoonVan(tx, huishoudenId));
  const referentie = leden.find((l) => l.id === refId);
  if (!referentie) {
    throw ongeldig('Kies tegenover wie de relatie geldt: een lid van dit huishouden.', [
      { name: 'tenOpzichteVan', code: 'geen-lid', reason: 'Kies een lid van dit huishouden' },
    ]);
  }
  const bestaand = await findPersoonByBsn(tx, inv.bsn);
  if (bestaand) {
    throw new Problem('conflict', bestaand.huishoudenId === huishoudenId
      ? 'Deze inwoner hoort al bij dit huishouden.'
      : 'Deze inwoner staat al in een ander huishouden. Een verhuizing tussen huishoudens kan (nog) niet hier.', [
      { name: 'bsn', code: 'bestaat-al', reason: 'Dit BSN is al bekend' },
    ]);
  }
  if (brp && inv.geboortedatum && brp.geboortedatum && brp.geboortedatum !== inv.geboortedatum) {
    throw new Problem('persoon-komt-niet-overeen', 'In de BRP staat bij dit BSN een andere geboortedatum. Controleer het BSN en de geboortedatum.', [
      { name: 'geboortedatum', code: 'komt-niet-overeen', reason: 'Past niet bij het BSN volgens de BRP' },
    ]);
  }
  const gegevens = {
    voornaam: brp?.voornaam || inv.voornaam,
    tussenvoegsel: brp ? brp.tussenvoegsel ?? undefined : inv.tussenvoegsel,
    achternaam: brp?.achternaam || inv.achternaam,
    geboortedatum: brp?.geboortedatum ?? inv.geboortedatum,
  };
  const ontbreekt: InvalidParam[] = (['voornaam', 'achternaam', 'geboortedatum'] as const)
    .filter((k) => !gegevens[k])
    .map((k) => ({ name: k, code: 'verplicht', reason: `${{ voornaam: 'Voornaam', achternaam: 'Achternaam', geboortedatum: 'Geboortedatum' }[k]} is verplicht` }));
  if (ontbreekt.length > 0) throw ongeldig('Vul naam en geboortedatum in (zonder BRP-koppeling weet Eenvoud die niet).', ontbreekt);
  const geboortedatum = gegevens.geboortedatum!;
  // The BRP is the authority on gezag; without it, staff say so.
  const gezag = brp
    ? inv.relatie === 'kind' ? heeftGezag(brp, brp.bsn, referentie.bsn) : inv.relatie === 'ouder' ? heeftGezag(brp, referentie.bsn, brp.bsn) : false
    : inv.gezag;
  const fout = controleerLidRelatie({ relatie: inv.relatie, gezag, geboortedatum }, referentie, peildatum);
  if (fout) throw ongeldig(fout.reden, [{ name: fout.veld, code: fout.code, reason: fout.reden }]);

  // A household lives together: the new member shares the reference person's address unless the BRP knows theirs.
  const adres = brp?.adres
    ? { straat: brp.adres.straat, huisnummer: brp.adres.huisnummer, postcode: normaliseerPostcode(brp.adres.postcode) ?? brp.adres.postcode, woonplaats: brp.adres.woonplaats ?? undefined }
    : referentie.straat && referentie.huisnummer && referentie.postcode
      ? { straat: referentie.straat, huisnummer: referentie.huisnummer, postcode: referentie.postcode, woonplaats: referentie.woonplaats ?? undefined, wijkId: referentie.wijkId ?? undefined }
      : undefined;
  const nieuw = await createPersoon(tx, actor.gemeenteId, {
    bsn: inv.bsn, voornaam: gegevens.voornaam!, tussenvoegsel: gegevens.tussenvoegsel, achternaam: gegevens.achternaam!, geboortedatum,
    adres, geenVastAdres: !adres && referentie.geenVastAdres, bron: brp ? 'brp' : 'invoer',
  }, huishoudenId);
  const richting = opgeslagenRichting(inv.relatie, nieuw.id, referentie.id);
  const relatieIds = [await insertRelatie(tx, actor.gemeenteId, { ...richting, gezag, extern: null, bron: brp ? 'brp' : 'invoer' })];
  if (brp) relatieIds.push(...await koppelBrpRelaties(tx, actor.gemeenteId, nieuw, brp, leden.filter((l) => l.id !== referentie.id)));
  await appendAudit(tx, actor, [
    { actie: 'aanmaken', resourceType: 'persoon', resourceId: nieuw.id, persoonId: nieuw.id, doel: 'lid van het huishouden toevoegen' },
    ...relatieIds.map((id): AuditRecord => ({ actie: 'aanmaken', resourceType: 'relatie', resourceId: id, persoonId: referentie.id, doel: 'relatie in het huishouden vastleggen' })),
  ]);
  return nieuw;
}

/** Relations the BRP knows between this person and other household members (partner, parent, child, with gezag). */
async function koppelBrpRelaties(tx: Tx, gemeenteId: string, persoon: Persoon, brp: BrpPersoon, anderen: Persoon[]): Promise<string[]> {
  const bestaand = await relatiesVan(tx, [persoon.id]);
  const heeft = (persoonId: string, anderId: string, soort: RelatieRij['soort']) =>
    bestaand.some((r) => r.persoonId === persoonId && r.anderId === anderId && r.soort === soort)
    || (soort === 'partner' && bestaand.some((r) => r.persoonId === anderId && r.anderId === persoonId && r.soort === 'partner'));
  const ids: string[] = [];
  for (const lid of anderen) {
    let rij: Omit<RelatieRij, 'id'> | null = null;
    if (brp.partners.some((p) => p.bsn === lid.bsn)) rij = { persoonId: lid.id, anderId: persoon.id, soort: 'partner', gezag: false, extern: null, bron: 'brp' };
    else if (brp.ouders.some((o) => o.bsn === lid.bsn)) rij = { persoonId: lid.id, anderId: persoon.id, soort: 'ouder', gezag: heeftGezag(brp, brp.bsn, lid.bsn), extern: null, bron: 'brp' };
    else if (brp.kinderen.some((k) => k.bsn === lid.bsn)) rij = { persoonId: persoon.id, anderId: lid.id, soort: 'ouder', gezag: heeftGezag(brp, lid.bsn, brp.bsn), extern: null, bron: 'brp' };
    if (rij && !heeft(rij.persoonId!, rij.anderId, rij.soort)) ids.push(await insertRelatie(tx, gemeenteId, rij));
  }
  return ids;
}

/**
 * After a melding for a new resident: the household as the BRP knows it (partner, minor children,
 * or a minor's parents) joins them, with relations and gezag. Known residents are left alone.
 */
export async function neemBrpHuishoudenOver(tx: Tx, actor: Actor, persoon: Persoon, brp: { persoon: BrpPersoon; leden: BrpPersoon[] }): Promise<void> {
  const records: AuditRecord[] = [];
  const nieuwe: { p: Persoon; brp: BrpPersoon }[] = [{ p: persoon, brp: brp.persoon }];
  for (const lid of brp.leden) {
    if (!lid.geboortedatum || !lid.voornaam || !lid.achternaam || await findPersoonByBsn(tx, lid.bsn)) continue;
    const adres = lid.adres ?? brp.persoon.adres;
    const p = await createPersoon(tx, actor.gemeenteId, {
      bsn: lid.bsn, voornaam: lid.voornaam, tussenvoegsel: lid.tussenvoegsel ?? undefined, achternaam: lid.achternaam, geboortedatum: lid.geboortedatum,
      adres: adres ? { ...adres, postcode: normaliseerPostcode(adres.postcode) ?? adres.postcode, woonplaats: adres.woonplaats ?? undefined } : undefined,
      bron: 'brp',
    }, persoon.huishoudenId);
    records.push({ actie: 'aanmaken', resourceType: 'persoon', resourceId: p.id, persoonId: p.id, doel: 'huishouden uit de BRP overnemen' });
    nieuwe.push({ p, brp: lid });
  }
  for (let i = 0; i < nieuwe.length; i++) {
    const { p, brp: b } = nieuwe[i]!;
    for (const id of await koppelBrpRelaties(tx, actor.gemeenteId, p, b, nieuwe.slice(0, i).map((n) => n.p))) {
      records.push({ actie: 'aanmaken', resourceType: 'relatie', resourceId: id, persoonId: p.id, doel: 'huishouden uit de BRP overnemen' });
    }
  }
  await appendAudit(tx, actor, records);
}

export interface PersoonWijziging {
  adres?: { straat: string; huisnummer: string; postcode: string; woonplaats?: string | undefined; wijkId?: string | undefined } | null | undefined;
  geenVastAdres?: boolean | undefined;
  telefoon?: string | null | undefined;
  email?: string | null | undefined;
}

/**
 * Staff correct contact and address. The wijk follows from the postcode (postcode areas); a wijk
 * chosen by hand wins (an address just outside the table). Audited with what changed, not the values.
 */
export async function wijzigPersoon(tx: Tx, actor: Actor, persoonId: string, w: PersoonWijziging): Promise<Persoon> {
  const p = await getPersoon(tx, persoonId);
  if (!p) throw notFound('Deze inwoner');
  await eisDossierToegang(tx, actor, { huishoudenId: p.huishoudenId });
  if (w.adres?.wijkId && !(await wijkBestaat(tx, w.adres.wijkId))) {
    throw ongeldig('De gekozen wijk bestaat niet in deze gemeente.', [{ name: 'adres.wijkId', code: 'onbekend', reason: 'Kies een wijk uit de lijst' }]);
  }
  if (w.adres === null && w.geenVastAdres !== true) {
    throw ongeldig('Een adres weghalen kan alleen als de inwoner geen vast adres heeft.', [
      { name: 'geenVastAdres', code: 'verplicht', reason: 'Kruis aan dat de inwoner geen vast adres heeft' },
    ]);
  }
  if (w.adres && w.geenVastAdres === true) {
    throw ongeldig('Geef een adres, of kruis aan dat de inwoner geen vast adres heeft — niet allebei.', [
      { name: 'geenVastAdres', code: 'tegenstrijdig', reason: 'Met een adres heeft de inwoner een vast adres' },
    ]);
  }
  const adres = w.adres
    ? { ...w.adres, woonplaats: w.adres.woonplaats ?? null, wijkId: w.adres.wijkId ?? (await wijkBijPostcode(tx, w.adres.postcode)) }
    : w.adres;
  await wijzigContact(tx, persoonId, { adres, geenVastAdres: w.geenVastAdres, telefoon: w.telefoon, email: w.email });
  const velden = [adres !== undefined && 'adres', w.geenVastAdres !== undefined && 'geen vast adres', w.telefoon !== undefined && 'telefoon', w.email !== undefined && 'e-mail']
    .filter(Boolean).join(', ');
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'persoon', resourceId: persoonId, persoonId, doel: `contactgegevens corrigeren (${velden || 'niets'})` }]);
  return (await getPersoon(tx, persoonId))!;
}

export interface VertegenwoordigerInvoer {
  soort: VertegenwoordigerSoort;
  /** A resident known here (a family member as mentor) … */
  persoonId?: string | undefined;
  /** … or a professional with a postal address. */
  naam?: string | undefined;
  adres?: { straat: string; huisnummer: string; postcode: string; plaats: string } | undefined;
}

/** Records a curator, mentor or bewindvoerder for an adult. */
export async function legVertegenwoordigerVast(tx: Tx, actor: Actor, persoonId: string, inv: VertegenwoordigerInvoer, peildatum: string): Promise<string> {
  const p = await getPersoon(tx, persoonId);
  if (!p) throw notFound('Deze inwoner');
  await eisDossierToegang(tx, actor, { huishoudenId: p.huishoudenId });
  const fout = controleerVertegenwoordiging(inv.soort, p, peildatum);
  if (fout) throw ongeldig(fout.reden, [{ name: fout.veld, code: fout.code, reason: fout.reden }]);
  if (!inv.persoonId && !inv.naam) {
    throw ongeldig('Kies een inwoner of geef naam en adres van de vertegenwoordiger.', [{ name: 'naam', code: 'verplicht', reason: 'Naam van de vertegenwoordiger is verplicht' }]);
  }
  if (inv.persoonId) {
    const v = await getPersoon(tx, inv.persoonId);
    if (!v) throw ongeldig('Deze inwoner is niet bekend.', [{ name: 'persoonId', code: 'onbekend', reason: 'Kies een bekende inwoner' }]);
    if (v.id === p.id) throw ongeldig('Niemand vertegenwoordigt zichzelf.', [{ name: 'persoonId', code: 'zelf', reason: 'Kies iemand anders' }]);
    if (isMinderjarig(v.geboortedatum, peildatum)) {
      throw ongeldig('Een vertegenwoordiger is meerderjarig.', [{ name: 'persoonId', code: 'minderjarig', reason: `${volledigeNaam(v)} is ${leeftijdOp(v.geboortedatum, peildatum)} jaar` }]);
    }
    // Said plainly, instead of the unique index's "someone saved at the same time, try again".
    const al = (await relatiesVan(tx, [persoonId])).some((r) => r.anderId === persoonId && r.persoonId === v.id && r.soort === inv.soort);
    if (al) throw new Problem('conflict', `${volledigeNaam(v)} staat al vastgelegd als ${inv.soort} van ${volledigeNaam(p)}.`);
  }
  const id = await insertRelatie(tx, actor.gemeenteId, {
    persoonId: inv.persoonId ?? null, anderId: persoonId, soort: inv.soort, gezag: false, bron: 'invoer',
    extern: inv.persoonId ? null : { naam: inv.naam!, straat: inv.adres?.straat ?? null, huisnummer: inv.adres?.huisnummer ?? null, postcode: inv.adres?.postcode ?? null, plaats: inv.adres?.plaats ?? null },
  });
  await appendAudit(tx, actor, [{ actie: 'aanmaken', resourceType: 'relatie', resourceId: id, persoonId, doel: `${inv.soort} vastleggen` }]);
  return id;
}

/** Gezag changes (a court decision): staff correct it on the parent-child relation. */
export async function wijzigGezag(tx: Tx, actor: Actor, relatie: RelatieRij, gezag: boolean, peildatum: string): Promise<void> {
  const kind = await getPersoon(tx, relatie.anderId);
  const ouder = relatie.persoonId ? await getPersoon(tx, relatie.persoonId) : undefined;
  if (!kind || !ouder || relatie.soort !== 'ouder') throw ongeldig('Gezag hoort bij een ouder van een minderjarig kind.', [{ name: 'gezag', code: 'gezag-alleen-ouder', reason: 'Alleen bij ouder en kind' }]);
  await eisDossierToegang(tx, actor, { huishoudenId: kind.huishoudenId });
  const fout = gezag ? controleerLidRelatie({ relatie: 'kind', gezag, geboortedatum: kind.geboortedatum }, ouder, peildatum) : null;
  if (fout) throw ongeldig(fout.reden, [{ name: fout.veld, code: fout.code, reason: fout.reden }]);
  await zetGezag(tx, relatie.id, gezag);
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'relatie', resourceId: relatie.id, persoonId: kind.id, doel: gezag ? 'gezag vastleggen' : 'gezag beëindigen' }]);
}

/**
 * Reads a person for staff: the file's circle decides (403 outside it); the frontoffice, which
 * only completes an address at intake, gets the person alone, the others the household and the
 * representatives. Every person shown is in the audit trail.
 */
export async function leesPersoon(tx: Tx, actor: Actor, persoonId: string): Promise<{ persoon: Persoon; leden: Persoon[]; metHuishouden: boolean }> {
  const p = await getPersoon(tx, persoonId);
  if (!p) throw notFound('Deze inwoner');
  await eisDossierToegang(tx, actor, { huishoudenId: p.huishoudenId });
  const metHuishouden = !alleenDePersoon(actor.rollen);
  const leden = metHuishouden ? await huishoudenLeden(tx, p.huishoudenId) : [p];
  await appendAudit(tx, actor, leden.map((l) => ({
    actie: 'lezen' as const, resourceType: 'persoon', resourceId: l.id, persoonId: l.id, doel: 'dossier inwoner inzien',
  })));
  return { persoon: p, leden, metHuishouden };
}

/** Reads a household for staff in the file's circle; every member shown is in the audit trail. */
export async function leesHuishouden(tx: Tx, actor: Actor, huishoudenId: string, peildatum: string): Promise<{ hoofdpersoonId: string | null; leden: LidOverzicht[] }> {
  if (!(await huishoudenBestaat(tx, huishoudenId))) throw notFound('Dit huishouden');
  await eisDossierToegang(tx, actor, { huishoudenId });
  const o = await huishoudenOverzicht(tx, huishoudenId, peildatum);
  if (o.leden.length === 0) throw notFound('Dit huishouden');
  await appendAudit(tx, actor, o.leden.map((l) => ({
    actie: 'lezen' as const, resourceType: 'persoon', resourceId: l.persoon.id, persoonId: l.persoon.id, doel: 'huishouden inzien',
  })));
  return o;
}

export interface LidRelatieUitvoer {
  relatieId: string;
  soort: 'partner' | 'ouder' | 'kind' | 'overig' | 'curator' | 'mentor' | 'bewindvoerder';
  persoonId: string | null;
  naam: string;
  gezag: boolean;
}

export interface LidOverzicht {
  persoon: Persoon;
  leeftijd: number;
  minderjarig: boolean;
  relatieTotHoofdpersoon: LidRelatieUitvoer['soort'] | 'hoofdpersoon' | null;
  relaties: LidRelatieUitvoer[];
}

/** The household as staff see it: each member with age and relations from their own point of view. */
export async function huishoudenOverzicht(tx: Tx, huishoudenId: string, peildatum: string): Promise<{ hoofdpersoonId: string | null; leden: LidOverzicht[] }> {
  const leden = await huishoudenLeden(tx, huishoudenId);
  const hoofdpersoonId = (await hoofdpersoonVan(tx, huishoudenId)) ?? null;
  const relaties = await relatiesVan(tx, leden.map((l) => l.id));
  const bekend = new Map(leden.map((l) => [l.id, l]));
  for (const r of relaties) {
    for (const id of [r.persoonId, r.anderId]) {
      if (id && !bekend.has(id)) { const p = await getPersoon(tx, id); if (p) bekend.set(id, p); }
    }
  }
  const naam = (id: string | null, r: RelatieRij) => (id ? (bekend.get(id) ? volledigeNaam(bekend.get(id)!) : 'onbekend') : r.extern?.naam ?? 'onbekend');
  const vanuit = (id: string): LidRelatieUitvoer[] => relaties.flatMap((r): LidRelatieUitvoer[] => {
    if (r.anderId === id) return [{ relatieId: r.id, soort: r.soort, persoonId: r.persoonId, naam: naam(r.persoonId, r), gezag: r.gezag }];
    if (r.persoonId === id && (r.soort === 'ouder' || r.soort === 'partner' || r.soort === 'overig')) {
      return [{ relatieId: r.id, soort: r.soort === 'ouder' ? 'kind' : r.soort, persoonId: r.anderId, naam: naam(r.anderId, r), gezag: r.gezag }];
    }
    return [];
  });
  const hoofdRelaties = hoofdpersoonId ? vanuit(hoofdpersoonId) : [];
  return {
    hoofdpersoonId,
    leden: leden.map((p) => ({
      persoon: p,
      leeftijd: leeftijdOp(p.geboortedatum, peildatum),
      minderjarig: isMinderjarig(p.geboortedatum, peildatum),
      relatieTotHoofdpersoon: p.id === hoofdpersoonId ? 'hoofdpersoon' : hoofdRelaties.find((r) => r.persoonId === p.id)?.soort ?? null,
      relaties: vanuit(p.id),
    })),
  };
}

/**
 * The person as a melding registers them: with a BRP answer its name, birth date and address; a
 * birth date that does not match the BRP stops the registration (a mistyped BSN, or someone else's).
 */
export function persoonMetBrp<P extends { bsn: string; voornaam: string; tussenvoegsel?: string | undefined; achternaam: string; geboortedatum: string; adres?: PersoonInvoerAdres | undefined }>(
  invoer: P, brp: { persoon: BrpPersoon } | null,
): P & { bron?: 'brp' } {
  if (!brp) return invoer;
  const b = brp.persoon;
  if (b.geboortedatum && b.geboortedatum !== invoer.geboortedatum) {
    throw new Problem('persoon-komt-niet-overeen', 'In de BRP staat bij dit BSN een andere geboortedatum. Controleer het BSN en de geboortedatum.', [
      { name: 'persoon.geboortedatum', code: 'komt-niet-overeen', reason: 'Past niet bij het BSN volgens de BRP' },
    ]);
  }
  return {
    ...invoer,
    voornaam: b.voornaam || invoer.voornaam, tussenvoegsel: b.voornaam ? b.tussenvoegsel ?? undefined : invoer.tussenvoegsel, achternaam: b.achternaam || invoer.achternaam,
    adres: b.adres
      ? { straat: b.adres.straat, huisnummer: b.adres.huisnummer, postcode: normaliseerPostcode(b.adres.postcode) ?? b.adres.postcode, woonplaats: b.adres.woonplaats ?? undefined }
      : invoer.adres,
    bron: 'brp',
  };
}
type PersoonInvoerAdres = { straat: string; huisnummer: string; postcode: string; woonplaats?: string | undefined; wijkId?: string | undefined };
