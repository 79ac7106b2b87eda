/**
 * Besluit's reads of a person's file and its smaller changes (procescoördinatie, steekproef, the
 * decision term), each auditing itself (ADR 34): a route, a job or an import leaves the same trail.
 * The aanvraag steps themselves (indienen, toetsen, beoordelen, besluiten, verzenden, herzien) audit
 * in usecases.ts.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { auditHuishouden } from '../inwoners/index.ts';
import { eisDossierToegang, zichtbaarPerRij, zichtbareHuishoudens } from '../privacy/index.ts';
import {
  casusVoorWerk, getMedewerker, schortTermijnOp, termijnenVanAanvragen, termijnVoorWijziging, verdaagTermijn,
} from '../toegang/index.ts';
import { magBeoordelen } from './rules.ts';
import {
  beoordeelItem, bezwaarBrief, casussenVanCoordinator, getAanvraag, getBeschikking, listAanvragen, listBezwaren, steekproefItem, zetProcescoordinatie,
  type Aanvraag, type Beschikking,
} from './store.ts';
import { besluitInstellingen, leesBezwaar } from './usecases.ts';

type Zichtbaar = 'zichtbaar';

/** The beslisser's (or casusregisseur's) page of aanvragen, within the circle; one entry per row shown. */
export async function leesAanvragen(tx: Tx, actor: Actor, f: Omit<Parameters<typeof listAanvragen>[1], Zichtbaar>) {
  // Need-to-know: only households in the asker's circle (a beslisser: those with an aanvraag or bezwaar with the beslissers).
  const r = await listAanvragen(tx, {
    ...f, zichtbaar: { set: zichtbareHuishoudens(actor, 'a.huishouden_id'), perRij: zichtbaarPerRij(actor, 'a.huishouden_id', { probe: true, aanvraagStatus: 'a.status' }) },
  });
  await appendAudit(tx, actor, r.rijen.map((a) => ({ actie: 'lezen' as const, resourceType: 'aanvraag', resourceId: a.id, persoonId: a.persoonId, doel: 'werkvoorraad besluiten' })));
  return r;
}

/** The page of bezwaren for the beslisser and teamleider, within the circle; one entry per row shown. */
export async function leesBezwaren(tx: Tx, actor: Actor, f: Omit<Parameters<typeof listBezwaren>[1], Zichtbaar>) {
  const r = await listBezwaren(tx, { ...f, zichtbaar: { set: zichtbareHuishoudens(actor, 'a.huishouden_id'), perRij: zichtbaarPerRij(actor, 'a.huishouden_id') } });
  await appendAudit(tx, actor, r.rijen.map((z) => ({ actie: 'lezen' as const, resourceType: 'bezwaar', resourceId: z.id, persoonId: z.persoonId, doel: 'werkvoorraad bezwaren' })));
  return r;
}

/** One aanvraag inside the household's circle (403 outside it), audited for every member. */
export async function leesAanvraag(tx: Tx, actor: Actor, id: string): Promise<Aanvraag> {
  const a = await getAanvraag(tx, id);
  if (!a) throw notFound('Deze aanvraag');
  await eisDossierToegang(tx, actor, { huishoudenId: a.huishoudenId });
  await auditHuishouden(tx, actor, a.huishoudenId, 'lezen', 'aanvraag', a.id, 'aanvraag inzien');
  return a;
}

/** A beschikking (or its letter) inside the household's circle, audited for every member. */
export async function leesBeschikking(tx: Tx, actor: Actor, id: string): Promise<{ b: Beschikking; a: Aanvraag }> {
  const b = await getBeschikking(tx, id);
  const a = b ? await getAanvraag(tx, b.aanvraagId) : undefined;
  if (!b || !a) throw notFound('Deze beschikking');
  await eisDossierToegang(tx, actor, { huishoudenId: a.huishoudenId });
  await auditHuishouden(tx, actor, a.huishoudenId, 'lezen', 'beschikking', b.id, 'beschikking inzien');
  return { b, a };
}

/** The letter of the decision on a bezwaar, exactly as sent; 404 before the decision. Audited for every member. */
export async function leesBezwaarBrief(tx: Tx, actor: Actor, id: string): Promise<{ nummer: string; pdf: Buffer }> {
  const z = await leesBezwaar(tx, actor, id);
  const pdf = await bezwaarBrief(tx, z.id);
  if (!pdf) throw notFound('De brief bij dit bezwaar (er is nog niet beslist)');
  await auditHuishouden(tx, actor, z.huishoudenId, 'lezen', 'bezwaar', z.id, 'beslissing op bezwaar inzien');
  return { nummer: z.nummer, pdf };
}

/** A running decision term of the aanvraag changed (suspended or extended), audited as 'beslistermijn wijzigen'. */
async function wijzigBeslistermijn(
  tx: Tx, actor: Actor, aanvraagId: string, wet: string | undefined, wijzig: (t: NonNullable<Awaited<ReturnType<typeof termijnVoorWijziging>>>) => Promise<unknown>,
): Promise<void> {
  const a = await getAanvraag(tx, aanvraagId, true);
  if (!a) throw notFound('Deze aanvraag');
  const lopend = (await termijnenVanAanvragen(tx, [aanvraagId])).filter((t) => !t.afgerondOp && (!wet || t.wet === wet));
  if (lopend.length !== 1) throw new Problem('geen-lopende-termijn', lopend.length ? 'Deze aanvraag heeft termijnen voor meer wetten: noem de wet.' : 'Deze aanvraag heeft geen lopende termijn.');
  await wijzig((await termijnVoorWijziging(tx, lopend[0]!.id))!);
  await auditHuishouden(tx, actor, a.huishoudenId, 'wijzigen', 'aanvraag', a.id, 'beslistermijn wijzigen');
}

export const schortBeslistermijnOp = (tx: Tx, actor: Actor, aanvraagId: string, inv: { van: string; tot?: string | undefined; reden: string; wet?: string | undefined }, vandaag: string) =>
  wijzigBeslistermijn(tx, actor, aanvraagId, inv.wet, (t) => schortTermijnOp(tx, actor, t, inv, vandaag));

export const verdaagBeslistermijn = (tx: Tx, actor: Actor, aanvraagId: string, inv: { nieuweDatum: string; reden: string; wet?: string | undefined }, vandaag: string) =>
  wijzigBeslistermijn(tx, actor, aanvraagId, inv.wet, (t) => verdaagTermijn(tx, actor, t, inv, vandaag));

/** Marks a casus as multiprobleem with a procescoördinator (a regisseur or teamleider), audited for every member. */
export async function zetProcescoordinatieVanCasus(tx: Tx, actor: Actor, casusId: string, inv: { multiprobleem: boolean; procescoordinatorId: string | null }): Promise<void> {
  const casus = await casusVoorWerk(tx, actor, casusId, { schrijven: true });
  if (inv.procescoordinatorId) {
    const g = await getMedewerker(tx, inv.procescoordinatorId);
    if (!g || !g.actief || !g.rollen.some((r) => r === 'regisseur' || r === 'teamleider')) {
      throw new Problem('ongeldige-invoer', 'Kies een casusregisseur of teamleider als procescoördinator.', [{ name: 'procescoordinatorId', code: 'ongeldig', reason: 'Geen regisseur' }]);
    }
  }
  await zetProcescoordinatie(tx, casus.id, inv.multiprobleem, inv.procescoordinatorId);
  await auditHuishouden(tx, actor, casus.huishoudenId, 'wijzigen', 'casus', casus.id, 'procescoördinatie');
}

/** The open casussen the actor coordinates; each read is audited for every member of the household. */
export async function leesMijnCoordinatie(tx: Tx, actor: Actor) {
  const casussen = await casussenVanCoordinator(tx, actor.gebruikerId!);
  for (const c of casussen) await auditHuishouden(tx, actor, c.huishouden_id, 'lezen', 'casus', c.id, 'procescoördinatie');
  return casussen;
}

/** A drawn decision assessed in the sample (not by anyone who worked on it), audited for every member. */
export async function beoordeelSteekproefItem(
  tx: Tx, actor: Actor, steekproefId: string, itemId: string, inv: { antwoorden: Record<string, string>; bevindingen?: string | undefined; uitkomst: string },
): Promise<void> {
  const item = await steekproefItem(tx, steekproefId, itemId);
  if (!item) throw notFound('Dit besluit in de steekproef');
  const b = (await getBeschikking(tx, item.beschikking_id))!;
  const a = (await getAanvraag(tx, b.aanvraagId))!;
  if (!magBeoordelen(actor.gebruikerId!, {
    voorbereidDoor: a.voorbereidDoor?.id ?? null, getoetstDoor: a.getoetstDoor?.id ?? null, beoordeeldDoor: a.beoordeeldDoor?.id ?? null,
    eersteBeslisser: a.eersteBeslisser?.id ?? null, beslotenDoor: a.beslotenDoor?.id ?? null,
  })) throw new Problem('vier-ogen-zelfde-persoon', 'U werkte mee aan dit besluit en kunt het daarom niet beoordelen in de steekproef.');
  const checklist = (await besluitInstellingen(tx)).checklist;
  const ontbreekt = checklist.filter((c) => !(c.code in inv.antwoorden));
  if (ontbreekt.length) throw new Problem('ongeldige-invoer', 'Beantwoord elke vraag van de checklist.', ontbreekt.map((c) => ({ name: `antwoorden.${c.code}`, code: 'verplicht', reason: c.vraag })));
  if (item.beoordeeld_op) throw new Problem('conflict', 'Dit besluit is in deze steekproef al beoordeeld.');
  await beoordeelItem(tx, item.id, { door: actor.gebruikerId, antwoorden: inv.antwoorden, bevindingen: inv.bevindingen ?? null, uitkomst: inv.uitkomst });
  await auditHuishouden(tx, actor, a.huishoudenId, 'wijzigen', 'steekproef', item.id, 'steekproef kwaliteit');
}
