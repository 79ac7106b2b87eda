import type { Kysely } from 'kysely';
import { appendAudit, type AuditRecord } from '../../platform/audit/store.ts';
import type { DB } from '../../platform/db/schema.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import { inGemeente, type Actor, type Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import {
  BEWAAR_SOORTEN, MAX_ITEMS_PER_LIJST, STANDAARD_TERMIJNEN, beoordeelDossier, dossierRef, lijstNummer, lijstStatusNaam, magOvergaan,
  magUitzonderen, termijnFout, type BewaarSoort, type LijstStatus, type Termijnen,
} from './bewaren-rules.ts';
import {
  bewaarTermijn, bewaartermijnen, dossierStukken, insertLijst, lijstItems, lijstKop, openLijst, slaOver, verwijderTermijn, vernietigHuishouden,
  volgendLijstnummer, zetStatus, zonderUit, type LijstItem, type LijstKop, type NieuwItem, type Vernietigd,
} from './vernietiging-store.ts';

/**
 * Retention and destruction use cases (issue 11, point 6; ADR 0023). Destruction happens on
 * approval, in the approval's own transaction: the list, the destroyed data and the audit entries
 * commit together or not at all.
 */

export interface TermijnInstelling {
  soort: BewaarSoort; naam: string; jaren: number; standaardJaren: number; min: number; max: number; vanaf: string;
  grondslag: string; standaardGrondslag: string; aangepast: boolean; gewijzigdDoor: string | null; gewijzigdOp: Date | null;
}

export async function termijnInstellingen(tx: Tx): Promise<TermijnInstelling[]> {
  const eigen = new Map((await bewaartermijnen(tx)).map((r) => [r.soort, r]));
  return BEWAAR_SOORTEN.map((soort) => {
    const s = STANDAARD_TERMIJNEN[soort];
    const e = eigen.get(soort);
    return {
      soort, naam: s.naam, jaren: e?.jaren ?? s.jaren, standaardJaren: s.jaren, min: s.min, max: s.max, vanaf: s.vanaf,
      grondslag: e?.grondslag ?? s.bron, standaardGrondslag: s.bron, aangepast: e !== undefined,
      gewijzigdDoor: e?.gewijzigdDoor ?? null, gewijzigdOp: e?.gewijzigdOp ?? null,
    };
  });
}

export async function geldendeTermijnen(tx: Tx): Promise<{ jaren: Termijnen; grondslag: Record<BewaarSoort, string> }> {
  const t = await termijnInstellingen(tx);
  return {
    jaren: Object.fromEntries(t.map((x) => [x.soort, x.jaren])) as Termijnen,
    grondslag: Object.fromEntries(t.map((x) => [x.soort, x.grondslag])) as Record<BewaarSoort, string>,
  };
}

/** Beheer sets the terms; a term equal to the default without its own grondslag goes back to the default. */
export async function stelTermijnenIn(tx: Tx, actor: Actor, invoer: readonly { soort: BewaarSoort; jaren: number; grondslag?: string | undefined }[]): Promise<void> {
  const fouten = invoer.flatMap((t, i) => {
    const f = termijnFout(t.soort, t.jaren);
    return f ? [{ name: `termijnen.${i}.jaren`, code: 'buiten-bereik', reason: f }] : [];
  });
  const dubbel = invoer.findIndex((t, i) => invoer.findIndex((u) => u.soort === t.soort) !== i);
  if (dubbel >= 0) fouten.push({ name: `termijnen.${dubbel}.soort`, code: 'dubbel', reason: 'Elke soort dossier mag één keer voorkomen' });
  if (fouten.length > 0) throw new Problem('ongeldige-invoer', fouten.map((f) => f.reason).join('. '), fouten);
  for (const t of invoer) {
    const s = STANDAARD_TERMIJNEN[t.soort];
    if (t.jaren === s.jaren && !t.grondslag) await verwijderTermijn(tx, t.soort);
    else await bewaarTermijn(tx, { gemeenteId: actor.gemeenteId, soort: t.soort, jaren: t.jaren, grondslag: t.grondslag ?? s.bron, door: actor.gebruikerId });
  }
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'bewaartermijnen', resourceId: actor.gemeenteId, persoonId: null, doel: 'bewaartermijnen instellen' }]);
}

/** The files due today, oldest first, at most one list's worth. */
export async function vervallenDossiers(tx: Tx, dag: string): Promise<NieuwItem[]> {
  const { jaren, grondslag } = await geldendeTermijnen(tx);
  const items: NieuwItem[] = [];
  for (const [huishoudenId, stukken] of await dossierStukken(tx)) {
    const b = beoordeelDossier(stukken, jaren, dag);
    if (!b.vernietigbaar) continue;
    items.push({
      huishoudenId, soort: b.soort, ref: dossierRef(stukken), nummers: [...new Set(stukken.map((s) => s.ref))].sort(),
      einde: b.einde, vernietigbaarPer: b.per, grondslag: `${STANDAARD_TERMIJNEN[b.soort].naam}: ${jaren[b.soort]} jaar ${STANDAARD_TERMIJNEN[b.soort].vanaf}. ${grondslag[b.soort]}`,
    });
  }
  items.sort((a, b) => (a.vernietigbaarPer < b.vernietigbaarPer ? -1 : a.vernietigbaarPer > b.vernietigbaarPer ? 1 : a.ref.localeCompare(b.ref)));
  return items.slice(0, MAX_ITEMS_PER_LIJST);
}

/**
 * Draws up a destruction list from what is due on `dag`. By staff: a concept they offer later.
 * By the daily job (actor null): offered to the archivaris at once, and nothing when a list is
 * still open or nothing is due.
 */
export async function stelLijstOp(tx: Tx, actor: Actor | null, gemeenteId: string, dag: string): Promise<string | null> {
  const open = await openLijst(tx);
  if (open) {
    if (!actor) return null;
    throw new Problem('conflict', `Vernietigingslijst ${open.nummer} is nog in voorbereiding of wacht op goedkeuring. Handel die eerst af.`);
  }
  const items = await vervallenDossiers(tx, dag);
  if (items.length === 0) {
    if (!actor) return null;
    throw new Problem('conflict', 'Er zijn nu geen dossiers waarvan de bewaartermijn is verstreken.');
  }
  const jaar = Number(dag.slice(0, 4));
  const nummer = lijstNummer(jaar, await volgendLijstnummer(tx, gemeenteId, jaar));
  const id = await insertLijst(tx, { gemeenteId, nummer, peildatum: dag, door: actor?.gebruikerId ?? null, status: actor ? 'concept' : 'terGoedkeuring' }, items);
  await appendAudit(tx, actor ?? systeem(gemeenteId), [{ actie: 'aanmaken', resourceType: 'vernietigingslijst', resourceId: id, persoonId: null, doel: `vernietigingslijst ${nummer} opstellen` }]);
  return id;
}

export const systeem = (gemeenteId: string): Actor => ({ gebruikerId: null, gebruikersnaam: 'systeem', gemeenteId, rollen: [], rol: 'systeem', aanbiederId: null });

export async function lijstMetItems(tx: Tx, id: string, opts: { voorUpdate?: boolean } = {}): Promise<{ kop: LijstKop; items: LijstItem[] }> {
  const kop = await lijstKop(tx, id, opts);
  if (!kop) throw notFound('Deze vernietigingslijst');
  return { kop, items: await lijstItems(tx, id) };
}

/** A list as the archivist or privacy officer reads or downloads it, audited (no person: the list holds numbers only). */
export async function leesLijst(tx: Tx, actor: Actor, id: string, wat: 'inzien' | 'downloaden'): Promise<{ kop: LijstKop; items: LijstItem[] }> {
  const l = await lijstMetItems(tx, id);
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'vernietigingslijst', resourceId: id, persoonId: null, doel: `vernietigingslijst ${l.kop.nummer} ${wat}` }]);
  return l;
}

function eisOvergang(kop: LijstKop, naar: LijstStatus): void {
  if (!magOvergaan(kop.status, naar)) {
    throw new Problem('ongeldige-statusovergang', `Vernietigingslijst ${kop.nummer} is ${lijstStatusNaam[kop.status].toLowerCase()}; ${lijstStatusNaam[naar].toLowerCase()} kan nu niet.`);
  }
}

export async function bied(tx: Tx, actor: Actor, id: string): Promise<void> {
  const { kop } = await lijstMetItems(tx, id, { voorUpdate: true });
  eisOvergang(kop, 'terGoedkeuring');
  await zetStatus(tx, id, 'terGoedkeuring', { aangeboden_door: actor.gebruikerId, aangeboden_op: new Date() });
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'vernietigingslijst', resourceId: id, persoonId: null, doel: `vernietigingslijst ${kop.nummer} ter goedkeuring aanbieden` }]);
}

export async function zonderItemUit(tx: Tx, actor: Actor, id: string, itemId: string, reden: string): Promise<void> {
  const { kop, items } = await lijstMetItems(tx, id, { voorUpdate: true });
  const item = items.find((i) => i.id === itemId);
  if (!item) throw notFound('Dit dossier op de vernietigingslijst');
  if (!magUitzonderen(kop.status)) {
    throw new Problem('ongeldige-statusovergang', `Vernietigingslijst ${kop.nummer} is ${lijstStatusNaam[kop.status].toLowerCase()}; uitzonderen kan niet meer.`);
  }
  if (item.uitgezonderd) throw new Problem('conflict', `Dossier ${item.ref} is al uitgezonderd.`);
  await zonderUit(tx, itemId, reden, actor.gebruikerId);
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'vernietigingslijst', resourceId: id, persoonId: null, doel: `dossier ${item.ref} uitzonderen van vernietigingslijst ${kop.nummer}` }]);
}

export async function wijsAf(tx: Tx, actor: Actor, id: string, reden: string): Promise<void> {
  const { kop } = await lijstMetItems(tx, id, { voorUpdate: true });
  eisOvergang(kop, 'afgewezen');
  await zetStatus(tx, id, 'afgewezen', { beoordeeld_door: actor.gebruikerId, beoordeeld_op: new Date(), afwijzing_reden: reden });
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'vernietigingslijst', resourceId: id, persoonId: null, doel: `vernietigingslijst ${kop.nummer} afwijzen` }]);
}

const SOORT_AUDIT: { sleutel: keyof Omit<Vernietigd, 'anders' | 'personen'>; resource: string; wat: string }[] = [
  { sleutel: 'meldingen', resource: 'melding', wat: 'inhoud verwijderd, geanonimiseerd bewaard voor sturing' },
  { sleutel: 'casussen', resource: 'casus', wat: 'losgemaakt van het huishouden, geanonimiseerd bewaard voor sturing' },
  { sleutel: 'aanvragen', resource: 'aanvraag', wat: 'inhoud verwijderd, geanonimiseerd bewaard voor sturing' },
  { sleutel: 'beschikkingen', resource: 'beschikking', wat: 'motivering en brief verwijderd, geanonimiseerd bewaard voor sturing' },
  { sleutel: 'bezwaren', resource: 'bezwaar', wat: 'inhoud, verslag en brief verwijderd' },
  { sleutel: 'gesprekken', resource: 'gesprek', wat: 'deelnemers, verslag en toelichtingen verwijderd' },
  { sleutel: 'plannen', resource: 'plan', wat: 'verwijderd' },
];

/**
 * The archivaris approves and the list is executed in the same transaction. Each file is checked
 * again first: one that is no longer due (a new melding, a bezwaar since the list was drawn up)
 * is skipped with the reason and kept.
 */
export async function keurGoedEnVoerUit(tx: Tx, actor: Actor, id: string, dag: string): Promise<LijstKop> {
  const { kop, items } = await lijstMetItems(tx, id, { voorUpdate: true });
  eisOvergang(kop, 'goedgekeurd');
  await zetStatus(tx, id, 'goedgekeurd', { beoordeeld_door: actor.gebruikerId, beoordeeld_op: new Date() });
  const teDoen = items.filter((i) => !i.uitgezonderd && !i.uitgevoerdOp);
  const { jaren } = await geldendeTermijnen(tx);
  const stukken = await dossierStukken(tx, teDoen.map((i) => i.huishoudenId));
  const telling: Record<'dossiers' | 'overgeslagen' | 'uitgezonderd' | 'personen' | 'anders' | (typeof SOORT_AUDIT)[number]['sleutel'], number> = {
    dossiers: 0, overgeslagen: 0, uitgezonderd: items.length - teDoen.length, personen: 0, anders: 0,
    meldingen: 0, casussen: 0, aanvragen: 0, beschikkingen: 0, bezwaren: 0, gesprekken: 0, plannen: 0,
  };
  const doel = (wat: string) => `vernietiging volgens vernietigingslijst ${kop.nummer}, goedgekeurd door ${actor.gebruikersnaam}: ${wat}`;
  for (const item of teDoen) {
    const b = beoordeelDossier(stukken.get(item.huishoudenId) ?? [], jaren, dag);
    if (!b.vernietigbaar) {
      await slaOver(tx, item.id, b.reden);
      telling.overgeslagen += 1;
      continue;
    }
    const v = await vernietigHuishouden(tx, id, item.huishoudenId);
    const audit: AuditRecord[] = [
      { actie: 'verwijderen', resourceType: 'huishouden', resourceId: item.huishoudenId, persoonId: null, doel: doel(`dossier ${item.ref}: persoonsgegevens verwijderd`) },
      ...v.personen.map((p): AuditRecord => ({ actie: 'verwijderen', resourceType: 'persoon', resourceId: p, persoonId: p, doel: doel('persoon verwijderd') })),
      ...SOORT_AUDIT.flatMap((s) => v[s.sleutel].map((rid): AuditRecord => ({ actie: 'verwijderen', resourceType: s.resource, resourceId: rid, persoonId: null, doel: doel(s.wat) }))),
    ];
    await appendAudit(tx, actor, audit);
    telling.dossiers += 1;
    telling.personen += v.personen.length;
    telling.anders += v.anders;
    for (const s of SOORT_AUDIT) telling[s.sleutel] += v[s.sleutel].length;
  }
  await zetStatus(tx, id, 'uitgevoerd', { uitgevoerd_op: new Date(), resultaat: JSON.stringify(telling) });
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'vernietigingslijst', resourceId: id, persoonId: null, doel: `vernietigingslijst ${kop.nummer} goedkeuren en uitvoeren` }]);
  return (await lijstKop(tx, id))!;
}

/** The daily job: per gemeente, a list of what is due today, offered to the archivaris. */
export async function stelDagelijksLijstenOp(db: Kysely<DB>): Promise<Record<string, string>> {
  const gemeenten = await db.selectFrom('gemeenten').select(['id', 'code']).execute();
  const dag = vandaag();
  const uitkomst: Record<string, string> = {};
  for (const g of gemeenten) {
    const id = await inGemeente(db, g.id, (tx) => stelLijstOp(tx, null, g.id, dag));
    uitkomst[g.code] = id ? 'lijst opgesteld' : 'niets te doen';
  }
  return uitkomst;
}
