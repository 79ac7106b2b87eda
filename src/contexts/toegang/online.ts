/**
 * Online meldingen (issue 11): what a resident typed on the public form is kept as the melding's own
 * submitted data. The form's answer never depends on whether the BSN is known. An unknown BSN (that
 * the BRP, when connected, confirms) becomes a new person and a melding at once, so a new resident
 * is in the werkvoorraad as before; a known BSN is never linked automatically — it waits as
 * 'teMatchen' until the frontoffice or teamleider links it to a person, creates one, or rejects it.
 * No existing person's data is changed or shown to the resident.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { findPersoonByBsn, getPersoon, neemBrpHuishoudenOver, persoonMetBrp, type PersoonInvoer } from '../inwoners/index.ts';
import type { Wet } from './rules.ts';
import { registreerMelding } from './usecases.ts';

type BrpGegevens = Parameters<typeof neemBrpHuishoudenOver>[3];

/** No 0/O, 1/I/L: a resident reads it over the phone without doubt. 31^8 ≈ 8.5·10^11 codes. */
const TEKENS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random, human-typable reference (EV-7K3Q-9XWD): it tells nothing about volumes or order. */
export function publiekeReferentie(): string {
  const blok = () => Array.from({ length: 4 }, () => TEKENS[randomInt(TEKENS.length)]).join('');
  return `EV-${blok()}-${blok()}`;
}

/** Also accepts lower case, spaces or no hyphens, as a caller reads it out. */
export function leesPubliekeReferentie(invoer: string): string | null {
  const m = /^ev\s*-?\s*([0-9a-z]{4})\s*-?\s*([0-9a-z]{4})$/i.exec(invoer.trim());
  return m ? `EV-${m[1]!.toUpperCase()}-${m[2]!.toUpperCase()}` : null;
}

export const ONLINE_STATUSSEN = ['teMatchen', 'gekoppeld', 'afgewezen'] as const;
export type OnlineStatus = (typeof ONLINE_STATUSSEN)[number];

/** What the resident typed, as stored with the online melding. */
export const ingediendSchema = z.object({
  persoon: z.object({ bsn: z.string(), voornaam: z.string(), tussenvoegsel: z.string().optional(), achternaam: z.string(), geboortedatum: z.string() }),
  adres: z.object({ straat: z.string(), huisnummer: z.string(), postcode: z.string(), woonplaats: z.string().optional() }).optional(),
  geenVastAdres: z.boolean(),
  onderwerp: z.string(),
  omschrijving: z.string(),
  spoed: z.boolean(),
  contact: z.object({ telefoon: z.string().optional(), email: z.string().optional() }).optional(),
});
export type Ingediend = z.infer<typeof ingediendSchema>;

const persoonUit = (i: Ingediend): PersoonInvoer => ({
  ...i.persoon, ...(i.adres ? { adres: i.adres } : {}), geenVastAdres: i.geenVastAdres,
});

/** `doel`: the purpose of the person's and the melding's audit entries (written by registreerMelding). */
async function koppelAanMelding(
  tx: Tx, actor: Actor, i: Ingediend, persoon: PersoonInvoer, ontvangenOp: string, referentie: string, vandaag: string, brp: BrpGegevens | null, doel: string,
) {
  const r = await registreerMelding(tx, {
    gemeenteId: actor.gemeenteId, persoon, wet: i.onderwerp as Wet, kanaal: 'online', ontvangenOp, omschrijving: i.omschrijving,
    spoed: i.spoed, contact: i.contact, door: actor.gebruikerId, doel,
  }, vandaag, actor);
  if (brp && r.nieuwePersoon) await neemBrpHuishoudenOver(tx, actor, r.persoon, brp);
  await tx.updateTable('meldingen').set({ publieke_referentie: referentie }).where('id', '=', r.meldingId).execute();
  return r;
}

/**
 * The public form's one step. Whatever the BSN, the caller answers the same: the reference it chose.
 * Only a BSN nobody here has (and the BRP does not contradict) becomes a person at once.
 */
export async function ontvangOnlineMelding(
  tx: Tx, actor: Actor, i: Ingediend, brp: BrpGegevens | null, vandaag: string, referentie: string,
): Promise<void> {
  const bekend = await findPersoonByBsn(tx, i.persoon.bsn);
  let nieuw: PersoonInvoer | null = null;
  if (!bekend) {
    try {
      nieuw = persoonMetBrp(persoonUit(i), brp);
    } catch (e) {
      // The BRP knows this BSN with another birth date: staff check it, the resident hears nothing different.
      if (!(e instanceof Problem && e.code === 'persoon-komt-niet-overeen')) throw e;
    }
  }
  if (!nieuw) {
    const { id } = await tx.insertInto('online_meldingen').values({
      gemeente_id: actor.gemeenteId, referentie, ontvangen_op: vandaag, ingediend: JSON.stringify(i), status: 'teMatchen',
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, actor, [{ actie: 'aanmaken', resourceType: 'online-melding', resourceId: id, persoonId: null, doel: 'online melding (te koppelen)' }]);
    return;
  }
  const r = await koppelAanMelding(tx, actor, i, nieuw, vandaag, referentie, vandaag, brp, 'online melding');
  const { id } = await tx.insertInto('online_meldingen').values({
    gemeente_id: actor.gemeenteId, referentie, ontvangen_op: vandaag, ingediend: JSON.stringify(i), status: 'gekoppeld', melding_id: r.meldingId,
  }).returning('id').executeTakeFirstOrThrow();
  await appendAudit(tx, actor, [{ actie: 'aanmaken', resourceType: 'online-melding', resourceId: id, persoonId: r.persoon.id, doel: 'online melding' }]);
}

export interface OnlineMelding {
  id: string; referentie: string; ontvangenOp: string; status: OnlineStatus; ingediend: Ingediend;
  melding: { id: string; nummer: string } | null; reden: string | null;
}

const basis = (tx: Tx) => tx.selectFrom('online_meldingen as o').leftJoin('meldingen as m', 'm.id', 'o.melding_id')
  .select(['o.id', 'o.referentie', 'o.ontvangen_op', 'o.status', 'o.ingediend', 'o.reden', 'm.id as melding_id', 'm.nummer as melding_nummer']);
type Rij = Awaited<ReturnType<ReturnType<typeof basis>['executeTakeFirstOrThrow']>>;
const naarOnline = (r: Rij): OnlineMelding => ({
  id: r.id, referentie: r.referentie, ontvangenOp: r.ontvangen_op, status: r.status as OnlineStatus, ingediend: ingediendSchema.parse(r.ingediend),
  melding: r.melding_id && r.melding_nummer ? { id: r.melding_id, nummer: r.melding_nummer } : null, reden: r.reden,
});

/** The intake queue's list: online meldingen waiting for staff (oldest first). */
export async function onlineMeldingenTeMatchen(tx: Tx, f: { pagina: number; aantal: number }): Promise<{ rijen: OnlineMelding[]; totaal: number }> {
  const { n } = await tx.selectFrom('online_meldingen').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'teMatchen').executeTakeFirstOrThrow();
  const rijen = await basis(tx).where('o.status', '=', 'teMatchen').orderBy('o.ontvangen_op').orderBy('o.aangemaakt_op')
    .limit(f.aantal).offset((f.pagina - 1) * f.aantal).execute();
  return { rijen: rijen.map(naarOnline), totaal: Number(n) };
}

/** One online melding, with the person already known under the typed BSN (name and birth date only), for staff to compare. */
export async function leesOnlineMelding(tx: Tx, actor: Actor, id: string) {
  const r = await basis(tx).where('o.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Deze online melding');
  const o = naarOnline(r);
  const p = o.status === 'teMatchen' ? await findPersoonByBsn(tx, o.ingediend.persoon.bsn) : undefined;
  const bekendePersoon = p ? { id: p.id, naam: [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' '), geboortedatum: p.geboortedatum } : null;
  await appendAudit(tx, actor, [
    { actie: 'lezen', resourceType: 'online-melding', resourceId: o.id, persoonId: bekendePersoon?.id ?? null, doel: 'online melding koppelen' },
  ]);
  return { ...o, bekendePersoon };
}

async function vergrendelTeMatchen(tx: Tx, id: string): Promise<OnlineMelding> {
  const r = await basis(tx).where('o.id', '=', id).forUpdate('o').executeTakeFirst();
  if (!r) throw notFound('Deze online melding');
  const o = naarOnline(r);
  if (o.status !== 'teMatchen') throw new Problem('online-melding-al-behandeld', 'Deze online melding is al gekoppeld of afgewezen.');
  return o;
}

export type Koppeling = { persoonId: string } | { nieuwePersoon: true };

/**
 * Staff link a waiting online melding: to a person they recognised (nothing about that person
 * changes; the typed contact stays with the melding), or to a new person made from what was typed
 * (only when nobody here has that BSN). The melding keeps its day of receipt, so its terms run from then.
 */
export async function koppelOnlineMelding(tx: Tx, actor: Actor, id: string, k: Koppeling, brp: BrpGegevens | null, vandaag: string): Promise<{ meldingId: string }> {
  const o = await vergrendelTeMatchen(tx, id);
  let persoon: PersoonInvoer;
  if ('persoonId' in k) {
    const p = await getPersoon(tx, k.persoonId);
    if (!p) throw new Problem('ongeldige-invoer', 'Deze inwoner bestaat niet.', [{ name: 'persoonId', code: 'onbekend', reason: 'Kies een bestaande inwoner' }]);
    // Only the person with the typed BSN: otherwise any file could be given a melding (and so opened at intake).
    if (p.bsn !== o.ingediend.persoon.bsn) {
      throw new Problem('koppeling-ander-bsn', 'Deze inwoner heeft een ander BSN dan de inwoner in het formulier invulde. Koppel de melding alleen aan de inwoner met hetzelfde BSN. Klopt het ingevulde BSN niet, neem dan contact op met de inwoner of wijs de melding af.',
        [{ name: 'persoonId', code: 'ander-bsn', reason: 'Het BSN van deze inwoner past niet bij de melding' }]);
    }
    // registreerMelding finds the person by BSN; these are the person's own data, so nothing is overwritten.
    persoon = { bsn: p.bsn, voornaam: p.voornaam, tussenvoegsel: p.tussenvoegsel ?? undefined, achternaam: p.achternaam, geboortedatum: p.geboortedatum };
  } else {
    if (await findPersoonByBsn(tx, o.ingediend.persoon.bsn)) {
      throw new Problem('persoon-bestaat-al', 'Bij dit BSN is al een inwoner bekend. Koppel de melding aan die inwoner, of wijs haar af.');
    }
    persoon = persoonMetBrp(persoonUit(o.ingediend), brp);
  }
  const r = await koppelAanMelding(tx, actor, o.ingediend, persoon, o.ontvangenOp, o.referentie, vandaag, 'persoonId' in k ? null : brp, 'online melding koppelen');
  await tx.updateTable('online_meldingen').set({ status: 'gekoppeld', melding_id: r.meldingId, behandeld_door: actor.gebruikerId, behandeld_op: new Date() })
    .where('id', '=', id).execute();
  await appendAudit(tx, actor, [
    { actie: 'wijzigen', resourceType: 'online-melding', resourceId: id, persoonId: r.persoon.id, doel: 'online melding koppelen' },
  ]);
  return { meldingId: r.meldingId };
}

/** Not a real request, or nobody to link it to after contact: closed with a reason, nothing linked. */
export async function wijsOnlineMeldingAf(tx: Tx, actor: Actor, id: string, reden: string): Promise<void> {
  await vergrendelTeMatchen(tx, id);
  await tx.updateTable('online_meldingen').set({ status: 'afgewezen', reden, behandeld_door: actor.gebruikerId, behandeld_op: new Date() }).where('id', '=', id).execute();
  await appendAudit(tx, actor, [{ actie: 'wijzigen', resourceType: 'online-melding', resourceId: id, persoonId: null, doel: 'online melding afwijzen' }]);
}
