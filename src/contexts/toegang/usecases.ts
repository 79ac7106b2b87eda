/**
 * Toegang's use cases: each takes the transaction, so the route, the public form and the demo
 * generator run the same steps, and a caller can compose them inside a larger transaction.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { betrokkeneFout, eisDossierToegang, magBetrokkenenBeheren, zichtbaarPerRij, zichtbareHuishoudens } from '../privacy/index.ts';
import { auditHuishouden, createPersoon, findPersoonByBsn, wijkBestaat, type Persoon, type PersoonInvoer } from '../inwoners/index.ts';
import { BEGINSTATUS, controleerOverdracht, termijnenBijMelding, transitie, triageNaarStatus, type Kanaal, type MeldingStatus, type TriageUitkomst, type Wet } from './rules.ts';
import {
  deleteBetrokkene, getCasus, getMedewerker, getMelding, insertBetrokkene, listTermijnen, insertCasus, insertMelding, insertOpschorting, insertTermijn, koppelMeldingAanCasus, lockMelding,
  openCasusVanHuishouden, rondTermijnenAf, slaStandOp, termijnConfig, termijnenVanMeldingen, termijnInvoer, termijnVoorWijziging,
  zetRegisseur, zetStatus, zetTriage, zetVerdaging, beeindigOpschorting, type Casus, type MeldingRij, type TermijnRij,
} from './store.ts';
import { regelVoorMelding } from './termijn-config.ts';
import { controleerOpschorting, controleerVerdaging, termijnFoutTekst, type TermijnFout, type TermijnSoort } from './termijnen.ts';

export interface RegistratieInvoer {
  gemeenteId: string;
  persoon: PersoonInvoer;
  wet: Wet;
  kanaal: Kanaal;
  ontvangenOp: string;
  omschrijving: string;
  spoed?: boolean;
  verwijzer?: unknown;
  signaal?: unknown;
  contact?: { telefoon?: string | undefined; email?: string | undefined } | undefined;
  door: string | null;
  /** The purpose in the audit trail; the public form names its own. */
  doel?: string;
}

export interface Registratie {
  meldingId: string;
  persoon: Persoon;
  nieuwePersoon: boolean;
  casusId: string | null;
}

/** Who acts when a caller names nobody (the demo seed, an import): recognisable as 'systeem' in the trail. */
export const systeemActor = (gemeenteId: string): Actor => ({ gebruikerId: null, gebruikersnaam: 'systeem', gemeenteId, rollen: ['systeem'], rol: 'systeem', aanbiederId: null });

/**
 * Registers a melding: finds or creates the person, links the melding to the household's open
 * casus (so its casusregisseur has it at once), and starts the statutory terms of its law.
 * Audited here (ADR 34): the new person and the melding, by `actor` (without one: 'systeem').
 */
export async function registreerMelding(tx: Tx, inv: RegistratieInvoer, vandaag: string, actor: Actor = systeemActor(inv.gemeenteId)): Promise<Registratie> {
  const wijkId = inv.persoon.adres?.wijkId;
  if (wijkId && !(await wijkBestaat(tx, wijkId))) {
    throw new Problem('ongeldige-invoer', 'De gekozen wijk bestaat niet in deze gemeente.', [
      { name: 'persoon.adres.wijkId', code: 'onbekend', reason: 'Kies een wijk uit de lijst' },
    ]);
  }
  let persoon = await findPersoonByBsn(tx, inv.persoon.bsn);
  if (persoon && persoon.geboortedatum !== inv.persoon.geboortedatum) {
    throw new Problem('persoon-komt-niet-overeen', 'Bij dit BSN is een andere geboortedatum bekend. Controleer het BSN en de geboortedatum.', [
      { name: 'persoon.geboortedatum', code: 'komt-niet-overeen', reason: 'Past niet bij het bekende BSN' },
    ]);
  }
  const nieuwePersoon = !persoon;
  persoon ??= await createPersoon(tx, inv.gemeenteId, inv.persoon);
  const meldingId = await insertMelding(tx, {
    gemeenteId: inv.gemeenteId, persoonId: persoon.id, huishoudenId: persoon.huishoudenId, wet: inv.wet, kanaal: inv.kanaal,
    ontvangenOp: inv.ontvangenOp, omschrijving: inv.omschrijving, status: BEGINSTATUS, geregistreerdDoor: inv.door,
    spoed: inv.spoed ?? false, verwijzer: inv.verwijzer, signaal: inv.signaal,
    contactTelefoon: inv.contact?.telefoon ?? null, contactEmail: inv.contact?.email ?? null,
  });
  const casus = await openCasusVanHuishouden(tx, persoon.huishoudenId);
  if (casus) await koppelMeldingAanCasus(tx, meldingId, casus.id);
  const config = await termijnConfig(tx);
  for (const sleutel of termijnenBijMelding(inv.wet, inv.spoed ?? false)) {
    const { soort, regel } = regelVoorMelding(config, inv.wet, sleutel);
    await insertTermijn(tx, { gemeenteId: inv.gemeenteId, meldingId, soort, wet: inv.wet, startdatum: inv.ontvangenOp, regel }, vandaag);
  }
  const doel = inv.doel ?? 'melding registreren';
  await appendAudit(tx, actor, [
    ...(nieuwePersoon ? [{ actie: 'aanmaken' as const, resourceType: 'persoon', resourceId: persoon.id, persoonId: persoon.id, doel }] : []),
    { actie: 'aanmaken', resourceType: 'melding', resourceId: meldingId, persoonId: persoon.id, doel },
  ]);
  return { meldingId, persoon, nieuwePersoon, casusId: casus?.id ?? null };
}

/** The frontoffice registers meldingen but only sees the ones it registered itself (need-to-know). */
export const alleenEigenRegistraties = (actor: Actor) => actor.rol === 'frontoffice';

/**
 * Loads a melding the caller may see: 404 when it does not exist (or, for the frontoffice, was
 * registered by someone else), 403 `geen-toegang-dossier` outside the household's circle.
 */
export async function zichtbareMelding(tx: Tx, actor: Actor, id: string): Promise<MeldingRij> {
  const m = await getMelding(tx, id);
  if (!m || (alleenEigenRegistraties(actor) && m.geregistreerdDoor?.id !== actor.gebruikerId)) throw notFound('Deze melding');
  await eisDossierToegang(tx, actor, { huishoudenId: m.huishoudenId });
  return m;
}

/** A melding read by someone who may see it, audited as 'melding inzien'. */
export async function leesMelding(tx: Tx, actor: Actor, id: string): Promise<MeldingRij> {
  const m = await zichtbareMelding(tx, actor, id);
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'melding', resourceId: m.id, persoonId: m.persoonId, doel: 'melding inzien' }]);
  return m;
}

/**
 * The terms for the termijnen page, within the asker's circle; one audit entry per term shown
 * ('termijnen bewaken'), in the person's trail.
 */
export async function leesTermijnen(tx: Tx, actor: Actor, f: Omit<Parameters<typeof listTermijnen>[1], 'zichtbaar'>) {
  const r = await listTermijnen(tx, { ...f, zichtbaar: { set: zichtbareHuishoudens(actor, 'p.huishouden_id'), perRij: zichtbaarPerRij(actor, 'p.huishouden_id') } });
  await appendAudit(tx, actor, r.rijen.map((t) => ({ actie: 'lezen' as const, resourceType: 'termijn', resourceId: t.id, persoonId: t.persoonId, doel: 'termijnen bewaken' })));
  return r;
}

/** Every change to a melding leaves one entry in the person's trail, with the step's purpose. */
const auditWijziging = (tx: Tx, actor: Actor, meldingId: string, persoonId: string, doel: string) =>
  appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'melding', resourceId: meldingId, persoonId, doel }]);

const vergrendel = async (tx: Tx, meldingId: string) => {
  const m = await lockMelding(tx, meldingId);
  if (!m) throw new Problem('niet-gevonden', 'Deze melding bestaat niet of u heeft er geen toegang toe.');
  return m;
};

function naarStatus(van: MeldingStatus, naar: MeldingStatus): void {
  const t = transitie(van, naar);
  if (!t.ok) throw new Problem('ongeldige-statusovergang', t.reden);
}

export type TriageInvoer =
  | { uitkomst: Extract<TriageUitkomst, 'enkelvoudig'>; advies: string; product?: string | undefined }
  | { uitkomst: Extract<TriageUitkomst, 'onderzoek'>; regisseurId?: string | undefined; toelichting?: string | undefined };

/**
 * Triage: an enkelvoudige vraag is answered at once (the advice or product recorded) and closed;
 * otherwise the melding goes to onderzoek within the household's one casus.
 */
export async function triageer(tx: Tx, actor: Actor, meldingId: string, inv: TriageInvoer, vandaag: string): Promise<void> {
  const m = await vergrendel(tx, meldingId);
  if (actor.rol === 'frontoffice' && m.geregistreerdDoor !== actor.gebruikerId) {
    throw new Problem('niet-gevonden', 'Deze melding bestaat niet of u heeft er geen toegang toe.');
  }
  const naar = triageNaarStatus[inv.uitkomst];
  naarStatus(m.status, naar);
  if (inv.uitkomst === 'enkelvoudig') {
    await zetTriage(tx, meldingId, { uitkomst: 'enkelvoudig', advies: inv.advies, product: inv.product ?? null });
    await zetStatus(tx, { gemeenteId: actor.gemeenteId, meldingId, van: m.status, naar, door: actor.gebruikerId, reden: 'Enkelvoudige vraag, direct beantwoord', afgerondOp: vandaag });
    await rondTermijnenAf(tx, meldingId, vandaag);
  } else {
    await zetTriage(tx, meldingId, { uitkomst: 'onderzoek', advies: inv.toelichting ?? null, product: null });
    await zetStatus(tx, { gemeenteId: actor.gemeenteId, meldingId, van: m.status, naar, door: actor.gebruikerId, reden: inv.toelichting ?? 'Door naar onderzoek' });
    if (!m.casusId) {
      const bestaand = await openCasusVanHuishouden(tx, m.huishoudenId);
      let casusId = bestaand?.id;
      if (!casusId) {
        const regisseurId = inv.regisseurId ?? (actor.rol === 'regisseur' ? actor.gebruikerId : null);
        if (regisseurId && inv.regisseurId) await moetRegisseurZijn(tx, null, regisseurId);
        casusId = await insertCasus(tx, { gemeenteId: actor.gemeenteId, huishoudenId: m.huishoudenId, regisseurId, door: actor.gebruikerId });
      }
      await koppelMeldingAanCasus(tx, meldingId, casusId);
    }
  }
  await slaStandOp(tx, await termijnenVanMeldingen(tx, [meldingId]), vandaag);
  await auditWijziging(tx, actor, meldingId, m.persoonId, 'triage');
}

async function moetRegisseurZijn(tx: Tx, huidige: string | null, id: string): Promise<void> {
  const fout = controleerOverdracht(huidige, await getMedewerker(tx, id));
  if (fout === 'geen-regisseur') {
    throw new Problem('geen-regisseur', 'Kies een actieve casusregisseur van deze gemeente.', [{ name: 'regisseurId', code: fout, reason: 'Geen casusregisseur' }]);
  }
  if (fout === 'zelfde-regisseur') throw new Problem('zelfde-regisseur', 'Deze casusregisseur heeft de casus al.');
}

/**
 * Picks up or hands over a casus. A casusregisseur may pick up a casus nobody has and hand over
 * their own; a teamleider may assign any. The history records who, when and why.
 */
export async function wijsCasusToe(tx: Tx, actor: Actor, casusId: string, naarId: string, reden: string): Promise<void> {
  const casus = await getCasus(tx, casusId, true);
  if (!casus || casus.status !== 'open') throw new Problem('niet-gevonden', 'Deze casus bestaat niet, is gesloten, of u heeft er geen toegang toe.');
  const huidige = casus.regisseur?.id ?? null;
  if (actor.rol === 'regisseur') {
    const oppakken = huidige === null && naarId === actor.gebruikerId;
    const eigen = huidige === actor.gebruikerId;
    if (!oppakken && !eigen) throw new Problem('niet-uw-casus', 'U kunt alleen uw eigen casus overdragen, of een casus oppakken die nog niemand heeft.');
  }
  await moetRegisseurZijn(tx, huidige, naarId);
  await zetRegisseur(tx, { gemeenteId: actor.gemeenteId, casusId, van: huidige, naar: naarId, door: actor.gebruikerId, reden });
}

function termijnProbleem(fout: TermijnFout, veld?: string): Problem {
  return new Problem(fout, termijnFoutTekst[fout], veld ? [{ name: veld, code: fout, reason: termijnFoutTekst[fout] }] : undefined);
}

/** The term a change is about: the named kind, or the melding's only running term. */
async function kiesTermijn(tx: Tx, meldingId: string, soort: TermijnSoort | undefined): Promise<TermijnRij> {
  const alle = await termijnenVanMeldingen(tx, [meldingId]);
  const kandidaten = alle.filter((t) => (soort ? t.soort === soort : t.afgerondOp === null));
  const gekozen = kandidaten[0];
  if (!gekozen || (!soort && kandidaten.length > 1)) {
    throw new Problem('geen-lopende-termijn', soort ? 'Deze melding heeft geen termijn van deze soort.' : 'Deze melding heeft geen lopende termijn (of meer dan één: noem de soort).');
  }
  return (await termijnVoorWijziging(tx, gekozen.id))!;
}

export async function schortOp(
  tx: Tx, actor: Actor, meldingId: string, inv: { van: string; tot?: string | undefined; reden: string; soort?: TermijnSoort | undefined }, vandaag: string,
): Promise<string> {
  const m = await vergrendel(tx, meldingId);
  const id = await schortTermijnOp(tx, actor, await kiesTermijn(tx, meldingId, inv.soort), inv, vandaag);
  await auditWijziging(tx, actor, meldingId, m.persoonId, 'termijn opschorten');
  return id;
}

/** Suspends one term (of a melding or an aanvraag), checked by the terms rules. */
export async function schortTermijnOp(tx: Tx, actor: Actor, t: TermijnRij, inv: { van: string; tot?: string | undefined; reden: string }, vandaag: string): Promise<string> {
  const nieuw = { van: inv.van, tot: inv.tot ?? null, reden: inv.reden };
  const fout = controleerOpschorting(termijnInvoer(t), nieuw);
  if (fout) throw termijnProbleem(fout, fout === 'opschorting-einde-voor-begin' ? 'tot' : fout === 'opschorting-voor-start' ? 'van' : undefined);
  const id = await insertOpschorting(tx, { gemeenteId: actor.gemeenteId, termijnId: t.id, ...nieuw, door: actor.gebruikerId });
  await slaStandOp(tx, [(await termijnVoorWijziging(tx, t.id))!], vandaag);
  return id;
}

export async function beeindigOpschortingVanMelding(tx: Tx, actor: Actor, meldingId: string, opschortingId: string, tot: string, vandaag: string): Promise<void> {
  const m = await vergrendel(tx, meldingId);
  const termijn = (await termijnenVanMeldingen(tx, [meldingId])).find((t) => t.opschortingen.some((o) => o.id === opschortingId));
  const o = termijn?.opschortingen.find((x) => x.id === opschortingId);
  if (!termijn || !o) throw new Problem('niet-gevonden', 'Deze opschorting bestaat niet bij deze melding.');
  if (o.tot !== null) throw new Problem('opschorting-al-beeindigd', 'Deze opschorting heeft al een einddatum.');
  if (tot < o.van) throw termijnProbleem('opschorting-einde-voor-begin', 'tot');
  await beeindigOpschorting(tx, opschortingId, tot);
  await slaStandOp(tx, [(await termijnVoorWijziging(tx, termijn.id))!], vandaag);
  await auditWijziging(tx, actor, meldingId, m.persoonId, 'opschorting beëindigen');
}

export async function verdaag(
  tx: Tx, actor: Actor, meldingId: string, inv: { nieuweDatum: string; reden: string; soort?: TermijnSoort | undefined }, vandaag: string,
): Promise<void> {
  const m = await vergrendel(tx, meldingId);
  await verdaagTermijn(tx, actor, await kiesTermijn(tx, meldingId, inv.soort), inv, vandaag);
  await auditWijziging(tx, actor, meldingId, m.persoonId, 'termijn verdagen');
}

/** Extends one term once (of a melding or an aanvraag), checked by the terms rules. */
export async function verdaagTermijn(tx: Tx, actor: Actor, t: TermijnRij, inv: { nieuweDatum: string; reden: string }, vandaag: string): Promise<void> {
  const fout = controleerVerdaging(termijnInvoer(t), inv.nieuweDatum, vandaag);
  if (fout) throw termijnProbleem(fout, fout === 'verdaging-niet-later' ? 'nieuweDatum' : undefined);
  await zetVerdaging(tx, t.id, { nieuweDatum: inv.nieuweDatum, reden: inv.reden, door: actor.gebruikerId });
  await slaStandOp(tx, [(await termijnVoorWijziging(tx, t.id))!], vandaag);
}

export async function rondTermijnAf(tx: Tx, actor: Actor, meldingId: string, soort: TermijnSoort, op: string, vandaag: string): Promise<void> {
  const m = await vergrendel(tx, meldingId);
  const t = await kiesTermijn(tx, meldingId, soort);
  if (t.afgerondOp) throw termijnProbleem('termijn-afgerond');
  await rondTermijnenAf(tx, meldingId, op, soort);
  await slaStandOp(tx, [(await termijnVoorWijziging(tx, t.id))!], vandaag);
  await auditWijziging(tx, actor, meldingId, m.persoonId, 'termijn afronden');
}

/** Closes a melding: withdrawn before triage, or its onderzoek finished. Its open terms finish today. */
export async function sluitAf(tx: Tx, actor: Actor, meldingId: string, reden: string, vandaag: string): Promise<void> {
  const m = await vergrendel(tx, meldingId);
  naarStatus(m.status, 'afgesloten');
  await zetStatus(tx, { gemeenteId: actor.gemeenteId, meldingId, van: m.status, naar: 'afgesloten', door: actor.gebruikerId, reden, afgerondOp: vandaag });
  await rondTermijnenAf(tx, meldingId, vandaag);
  await slaStandOp(tx, await termijnenVanMeldingen(tx, [meldingId]), vandaag);
  await auditWijziging(tx, actor, meldingId, m.persoonId, 'melding afsluiten');
}

/**
 * A casus someone reads or works on. Reading needs the household's circle (the one access rule,
 * ADR 25); changing it additionally needs an open casus, and a casusregisseur changes only the
 * casussen they direct (the teamleider of the team may change them all).
 */
export async function casusVoorWerk(tx: Tx, actor: Actor, casusId: string, opts: { schrijven: boolean }): Promise<Casus> {
  const casus = await getCasus(tx, casusId, opts.schrijven);
  if (!casus) throw notFound('Deze casus');
  await eisDossierToegang(tx, actor, { huishoudenId: casus.huishoudenId });
  if (opts.schrijven && casus.status !== 'open') throw new Problem('casus-gesloten', 'Deze casus is gesloten.');
  if (opts.schrijven && actor.rol === 'regisseur' && casus.regisseur?.id !== actor.gebruikerId) {
    throw new Problem('niet-uw-casus', 'Alleen de casusregisseur van deze casus (of de teamleider) kan dit doen.');
  }
  return casus;
}


/** The team a casus belongs to: its regisseur's; while nobody has it, the team of whoever acts. */
async function teamVanCasus(tx: Tx, casus: Casus, actor: Actor): Promise<{ regisseurTeamId: string | null; teamId: string | null; actorTeamId: string | null }> {
  const regisseurTeamId = casus.regisseur ? (await getMedewerker(tx, casus.regisseur.id))?.teamId ?? null : null;
  const actorTeamId = actor.gebruikerId ? (await getMedewerker(tx, actor.gebruikerId))?.teamId ?? null : null;
  return { regisseurTeamId, teamId: casus.regisseur ? regisseurTeamId : actorTeamId, actorTeamId };
}

async function casusVoorBetrokkenen(tx: Tx, actor: Actor, casusId: string) {
  const casus = await casusVoorWerk(tx, actor, casusId, { schrijven: true });
  const team = await teamVanCasus(tx, casus, actor);
  const vrager = { gebruikerId: actor.gebruikerId, rollen: actor.rollen, teamId: team.actorTeamId };
  if (!magBetrokkenenBeheren(vrager, { regisseurId: casus.regisseur?.id ?? null, regisseurTeamId: team.regisseurTeamId })) {
    throw new Problem('niet-uw-casus', 'Alleen de casusregisseur van deze casus of de teamleider van het team kan collega\'s toevoegen of weghalen.');
  }
  return { casus, team };
}

/** Adds a colleague of the team to the casus, so they may read the household's file; audited per member. */
export async function voegBetrokkeneToe(tx: Tx, actor: Actor, casusId: string, inv: { gebruikerId: string; rol?: string | undefined }): Promise<void> {
  const { casus, team } = await casusVoorBetrokkenen(tx, actor, casusId);
  const fout = betrokkeneFout(await getMedewerker(tx, inv.gebruikerId), { regisseurId: casus.regisseur?.id ?? null, teamId: team.teamId });
  if (fout) throw new Problem('ongeldige-invoer', `${fout}.`, [{ name: 'gebruikerId', code: 'geen-teamlid', reason: fout }]);
  const nieuw = await insertBetrokkene(tx, { gemeenteId: actor.gemeenteId, casusId, gebruikerId: inv.gebruikerId, rol: inv.rol ?? null, door: actor.gebruikerId });
  if (!nieuw) throw new Problem('conflict', 'Deze collega is al betrokken bij de casus.');
  await auditHuishouden(tx, actor, casus.huishoudenId, 'wijzigen', 'casus', casusId, `betrokkene toevoegen (${inv.gebruikerId})`);
}

/** Removes a betrokkene: their access ends at once (unless another ground applies); audited per member. */
export async function verwijderBetrokkene(tx: Tx, actor: Actor, casusId: string, gebruikerId: string): Promise<void> {
  const { casus } = await casusVoorBetrokkenen(tx, actor, casusId);
  if (!(await deleteBetrokkene(tx, casusId, gebruikerId))) throw notFound('Deze betrokkene');
  await auditHuishouden(tx, actor, casus.huishoudenId, 'verwijderen', 'casus', casusId, `betrokkene weghalen (${gebruikerId})`);
}
