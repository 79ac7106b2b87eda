/**
 * Break-glass use cases: asking for temporary access with a reason, and the privacy officer's
 * review. Each writes its audit entries in the same transaction; the reason itself never goes into
 * the audit trail (it is free text and may name people), only that it happened and on which file.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { auditHuishouden, findPersoonByBsn, isGeldigBsn } from '../inwoners/index.ts';
import { casussenVanHuishouden, getCasus } from '../toegang/index.ts';
import { beoordelingFout, leesDossierNummer, redenFout, type DoorbraakStatus, type Oordeel } from './doorbraak-rules.ts';
import { actieveDoorbraak, beoordeelDoorbraak, casusIdOpNummer, getDoorbraak, insertDoorbraak, listDoorbraken, type Doorbraak } from './doorbraak-store.ts';
import { dossierGrond } from './index.ts';

const ongeldig = (name: string, reason: string) => new Problem('ongeldige-invoer', reason, [{ name, code: 'ongeldig', reason }]);

/**
 * Opens the casus's household for the actor until the end of today (Europe/Amsterdam).
 * Someone who already works on the file needs no break-glass: 409 `toegang-al-aanwezig`.
 * Someone who already holds a valid grant gets that grant back (`nieuw: false`), not a second one.
 */
export async function vraagDoorbraak(tx: Tx, actor: Actor, casusId: string, reden: string): Promise<{ doorbraak: Doorbraak; nieuw: boolean }> {
  const fout = redenFout(reden);
  if (fout) throw ongeldig('reden', fout);
  if (!actor.gebruikerId) throw new Problem('geen-toegang', 'Alleen een medewerker kan tijdelijke toegang vragen.');
  const casus = await getCasus(tx, casusId);
  if (!casus) throw notFound('Deze casus');
  const grond = await dossierGrond(tx, actor, { casusId });
  if (grond === 'doorbraak') {
    const bestaand = await actieveDoorbraak(tx, actor.gebruikerId, casus.huishoudenId);
    if (bestaand) return { doorbraak: bestaand, nieuw: false };
  } else if (grond !== null) {
    throw new Problem('toegang-al-aanwezig', 'U werkt al aan dit dossier en kunt het gewoon inzien; tijdelijke toegang is niet nodig.');
  }
  const id = await insertDoorbraak(tx, { gemeenteId: actor.gemeenteId, casusId, huishoudenId: casus.huishoudenId, gebruikerId: actor.gebruikerId, reden });
  await auditHuishouden(tx, actor, casus.huishoudenId, 'aanmaken', 'dossier_doorbraak', id, 'doorbraak');
  return { doorbraak: (await getDoorbraak(tx, id))!, nieuw: true };
}

/**
 * Break-glass by an exact number, for who cannot find the file (search shows only one's own files):
 * a casus number, or a BSN whose household's casus is taken (the open one opened last, else the
 * last one). Unknown number, unknown person and a person without casus answer alike (404), and
 * nothing is looked up before the reason passes, so the endpoint is no way to probe who is known.
 */
export async function vraagDoorbraakOpNummer(tx: Tx, actor: Actor, nummer: string, reden: string): Promise<{ doorbraak: Doorbraak; nieuw: boolean }> {
  const fout = redenFout(reden);
  if (fout) throw ongeldig('reden', fout);
  const n = leesDossierNummer(nummer);
  if (!n) throw ongeldig('nummer', 'Vul een casusnummer (zoals C-2026-000012) of een BSN van 9 cijfers in');
  if (n.soort === 'bsn' && !isGeldigBsn(n.bsn)) throw ongeldig('nummer', 'Dit BSN klopt niet: controleer de cijfers');
  let casusId: string | undefined;
  if (n.soort === 'casus') casusId = await casusIdOpNummer(tx, n.nummer);
  else {
    const persoon = await findPersoonByBsn(tx, n.bsn);
    const casussen = persoon ? await casussenVanHuishouden(tx, persoon.huishoudenId) : [];
    // casussenVanHuishouden is oldest first: the last open one, else the last one.
    casusId = (casussen.filter((c) => c.status === 'open').at(-1) ?? casussen.at(-1))?.id;
  }
  if (!casusId) throw new Problem('niet-gevonden', 'Er is geen casus met dit nummer of bij dit BSN in uw gemeente.');
  return vraagDoorbraak(tx, actor, casusId, reden);
}

/**
 * A break-glass attempt that found no file (404) still leaves a trace, so the privacy officer can
 * see someone probing numbers. No person, no reason and no number in it: the number may be a BSN,
 * and even its hash is easily reversed (nine digits). Called in a transaction of its own, as the
 * attempt's own transaction rolls back with the 404.
 */
export async function legDoorbraakZonderResultaatVast(tx: Tx, actor: Actor): Promise<void> {
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'doorbraak-poging', resourceId: 'onbekend', persoonId: null, doel: 'doorbraak zonder resultaat' }]);
}

/** The actor's own valid grant on the casus's household, or null. Reads only what the actor wrote: no audit entry. */
export async function mijnDoorbraak(tx: Tx, actor: Actor, casusId: string): Promise<Doorbraak | null> {
  const casus = await getCasus(tx, casusId);
  if (!casus) throw notFound('Deze casus');
  if (!actor.gebruikerId) return null;
  return (await actieveDoorbraak(tx, actor.gebruikerId, casus.huishoudenId)) ?? null;
}

/**
 * The privacy officer's list. The reasons may name residents, so showing them is a read of those
 * households: one audit entry per member of each household shown.
 */
export async function doorbrakenVoorToezicht(tx: Tx, actor: Actor, f: { status: DoorbraakStatus; pagina: number; aantal: number }) {
  const lijst = await listDoorbraken(tx, f);
  for (const d of lijst.rijen) await auditHuishouden(tx, actor, d.huishoudenId, 'lezen', 'dossier_doorbraak', d.id, 'privacytoezicht');
  return lijst;
}

/** Records the privacy officer's verdict once; a second review is refused (409). */
export async function beoordeelDoorbraakUseCase(tx: Tx, actor: Actor, id: string, oordeel: Oordeel, toelichting: string | undefined): Promise<Doorbraak> {
  const fout = beoordelingFout(oordeel, toelichting);
  if (fout) throw ongeldig('toelichting', fout);
  if (!actor.gebruikerId) throw new Problem('geen-toegang', 'Alleen een medewerker kan een doorbraak beoordelen.');
  const d = await getDoorbraak(tx, id, true);
  if (!d) throw notFound('Deze doorbraak');
  if (d.beoordeeldOp || !(await beoordeelDoorbraak(tx, { id, door: actor.gebruikerId, oordeel, toelichting: toelichting ?? null }))) {
    throw new Problem('doorbraak-al-beoordeeld', 'Deze toegang is al beoordeeld; een beoordeling verandert niet meer.');
  }
  await auditHuishouden(tx, actor, d.huishoudenId, 'wijzigen', 'dossier_doorbraak', id, 'privacytoezicht');
  return (await getDoorbraak(tx, id))!;
}
