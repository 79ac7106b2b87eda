/**
 * Zoeken: the use cases. Each runs in the caller's transaction and writes its audit entries there,
 * so whoever searches — the web app, an API client, a later import — leaves the same trail.
 */
import { appendAudit, type AuditRecord } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { eisDossierToegang, zichtbaarPerRij } from '../privacy/index.ts';
import {
  aanvraagResultaat, beschikkingResultaat, casusResultaat, gezochtOp, leesZoekvraag, meldingResultaat, nietVoorUwRol, OnbruikbareZoekvraag,
  persoonResultaat, zoekToegang, type Resultaat, type Soort, type Zoekvraag,
} from './rules.ts';
import {
  aanvraagOpNummer, beschikkingOpNummer, casusOpNummer, meldingOpNummer, meldingStand, personenOpBsn, personenOpNaam, persoonKaart, type MeldingStand, type PersoonKaart,
  type Zichtbaar,
} from './store.ts';

export interface Zoekuitkomst {
  resultaten: Resultaat[];
  gezochtOp: string;
  /** Why nothing was searched for (the user's role), or null. */
  toelichting: string | null;
}

/** Reads the search text, or answers 400 with the reason in the case worker's words. */
export function zoekvraag(q: string, dag = vandaag()): Zoekvraag {
  try {
    return leesZoekvraag(q, dag);
  } catch (e) {
    if (e instanceof OnbruikbareZoekvraag) throw new Problem('ongeldige-invoer', e.reden, [{ name: 'q', code: 'onbruikbaar', reason: e.reden }]);
    throw e;
  }
}

/**
 * Searches what the user may see — the kinds their role may search (zoekToegang), and of those only
 * households in their circle (the one access rule, privacy) — and records every hit as a read of
 * the person it names, in this transaction. The KCC's status view of a melding stays role-based:
 * it shows the state and who handles it, not the file.
 */
export async function zoek(tx: Tx, actor: Actor, vraag: Zoekvraag): Promise<Zoekuitkomst> {
  const toegang = zoekToegang(actor.rollen);
  const uitkomst: Zoekuitkomst = { resultaten: [], gezochtOp: gezochtOp(vraag), toelichting: nietVoorUwRol(vraag, toegang) };
  if (uitkomst.toelichting) return uitkomst;
  const gelezen: AuditRecord[] = [];
  const lees = (soort: Soort, id: string, persoonId: string | null) =>
    gelezen.push({ actie: 'lezen', resourceType: soort, resourceId: id, persoonId, doel: 'zoeken' });
  // The rule per hit (a search has a handful of candidates from its own index): the set form computed
  // every household a teamleider's team touched in all history first — 10–85 ms and ~1,000 buffers at
  // 100,000 residents, against < 0.5 ms and < 30 buffers per row (issue 12).
  const zicht = (soort: Soort): Zichtbaar => (toegang[soort]?.weergave === 'dossier' ? (kolom) => zichtbaarPerRij(actor, kolom) : null);

  if (vraag.soort === 'bsn' || vraag.soort === 'naam') {
    const personen = vraag.soort === 'bsn' ? await personenOpBsn(tx, vraag.bsn, zicht('persoon')) : await personenOpNaam(tx, vraag.naam, vraag.geboortedatum, zicht('persoon'));
    for (const p of personen) {
      uitkomst.resultaten.push(persoonResultaat(p));
      lees('persoon', p.id, p.id);
    }
  } else if (vraag.resultaat === 'melding') {
    const m = await meldingOpNummer(tx, vraag.nummer, zicht('melding'));
    if (m) {
      uitkomst.resultaten.push(meldingResultaat(m, toegang.melding!.weergave));
      lees('melding', m.id, m.persoonId);
    }
  } else if (vraag.resultaat === 'casus') {
    const c = await casusOpNummer(tx, vraag.nummer, zicht('casus'));
    if (c) {
      uitkomst.resultaten.push(casusResultaat(c));
      lees('casus', c.id, c.hoofdpersoon?.persoonId ?? null);
    }
  } else if (vraag.resultaat === 'aanvraag') {
    const a = await aanvraagOpNummer(tx, vraag.nummer, zicht('aanvraag'));
    if (a) {
      uitkomst.resultaten.push(aanvraagResultaat(a));
      lees('aanvraag', a.id, a.persoonId);
    }
  } else {
    const b = await beschikkingOpNummer(tx, vraag.nummer, zicht('beschikking'));
    if (b) {
      uitkomst.resultaten.push(beschikkingResultaat({ ...b, beslotenOp: vandaag(b.beslotenOp) }));
      lees('beschikking', b.id, b.persoonId);
    }
  }
  await appendAudit(tx, actor, gelezen);
  return uitkomst;
}

/** The KCC's view of a melding: its state and who handles it. An audited read of the melder. */
export async function bekijkMeldingStand(tx: Tx, actor: Actor, id: string): Promise<MeldingStand> {
  if (!zoekToegang(actor.rollen).melding) throw new Problem('geen-toegang', 'Uw rol geeft geen toegang tot de stand van meldingen.');
  const m = await meldingStand(tx, id);
  if (!m) throw notFound('Deze melding');
  // The KCC's status view is role-based (state and who handles it, no contents); whoever sees
  // meldingen as files gets this view only inside the household's circle.
  if (zoekToegang(actor.rollen).melding?.weergave === 'dossier') await eisDossierToegang(tx, actor, { persoonId: m.persoonId });
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'melding', resourceId: m.id, persoonId: m.persoonId, doel: 'stand van een melding (KCC)' }]);
  return m;
}

/** A resident found by search who has no casus or melding yet: who it is and that there is no file. An audited read. */
export async function bekijkPersoon(tx: Tx, actor: Actor, id: string): Promise<PersoonKaart> {
  if (zoekToegang(actor.rollen).persoon?.weergave !== 'dossier') throw new Problem('geen-toegang', 'Uw rol geeft geen toegang tot inwoners.');
  const p = await persoonKaart(tx, id);
  if (!p) throw notFound('Deze inwoner');
  await eisDossierToegang(tx, actor, { persoonId: p.id });
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'persoon', resourceId: p.id, persoonId: p.id, doel: 'inwoner inzien (zoeken)' }]);
  return p;
}
