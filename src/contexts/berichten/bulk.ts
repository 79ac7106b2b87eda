/**
 * Toewijzingen in bulk (a migration, a new contract period, the volume bench): the same 301s the outbox
 * job makes one at a time (OP087 per client and provider, TR332 numbers, both referees), but for a
 * whole batch in a few set-based queries instead of about fourteen round trips per message. A client
 * with several provisions in the batch gets one 301 carrying them all.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../platform/audit/store.ts';
import type { OpdrachtContext } from '../../platform/jobs/outbox.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import type { BerichtOordeel } from '../../platform/xml/scheidsrechter.ts';
import { vandaag } from '../../platform/time.ts';
import { findPersonenByBsn, getPersonen } from '../inwoners/index.ts';
import { reserveerNummers } from '../toegang/index.ts';
import { startFout, startenDoorAanbieder, voorzieningenVoorBericht, type Voorziening } from '../voorziening/index.ts';
import { kanaal } from './kanaal.ts';
import { controleerStart, identificatie, isGewijzigd, regelsVoor301, standaardVanWet, type StartProduct, type Standaard, type ToewijzingInhoud, type ToewijzingStand } from './rules.ts';
import {
  clientSloten, eerderOntvangenVan, identificatieSloten, insertBerichten, insertToewijzingen, koppelAlleToewijzingen, referentiesVoorVoorzieningen, toewijzingenOpNummer,
  toewijzingenVanClienten, toewijzingenVanVoorzieningen, zetGestart, zetVerstuurd, type NieuwBericht, type Toewijzing,
} from './store.ts';
import { aanbiederAgb, clientVan, eisGeldig, gemeenteCode, inhoudNu, nuTijd, sha256, type Ontvangen, type TeControleren } from './usecases.ts';
import { leesKop, leesStartStop, pad, padTekst, schrijf301, schrijfRetourStartStop } from './xml.ts';

type Groep = { persoonId: string; aanbiederId: string; standaard: Standaard };
const sleutel = (g: Groep): string => `${g.persoonId}:${g.aanbiederId}:${g.standaard}`;

export async function verstuurToewijzingen(tx: Tx, voorzieningIds: readonly string[], ctx: OpdrachtContext): Promise<string[]> {
  const dagtekening = vandaag();
  const tijd = nuTijd();
  const gekozen = (await voorzieningenVoorBericht(tx, voorzieningIds))
    .filter((v): v is Voorziening & { aanbieder: NonNullable<Voorziening['aanbieder']> } => v.leveringsvorm === 'zin' && v.aanbieder !== null && !!v.productcategorie && standaardVanWet(v.wet) !== null);
  if (!gekozen.length) return [];
  await clientSloten(tx, [...new Set(gekozen.map((v) => `bericht:${v.persoonId}:${v.aanbieder.id}`))]);

  // New toewijzingen, numbered per gemeente and law from one reserved range each (TR332).
  const bestaand = new Set((await toewijzingenVanVoorzieningen(tx, gekozen.map((v) => v.id))).map((t) => t.voorzieningId));
  const nieuw = gekozen.filter((v) => !bestaand.has(v.id));
  const rijen: Parameters<typeof insertToewijzingen>[1][number][] = [];
  for (const std of ['iwmo', 'ijw'] as const) {
    const deze = nieuw.filter((v) => standaardVanWet(v.wet) === std);
    if (!deze.length) continue;
    const eerste = await reserveerNummers(tx, ctx.gemeenteId, `toewijzing-${std}`, 0, deze.length);
    deze.forEach((v, i) => rijen.push({
      id: randomUUID(), voorzieningId: v.id, standaard: std, nummer: eerste + i, aanbiederId: v.aanbieder.id, persoonId: v.persoonId, toewijzingsdatum: dagtekening, toewijzingstijd: tijd,
    }));
  }
  await insertToewijzingen(tx, rijen);

  // Everything each client's 301 carries: all its toewijzingen at that provider, with their voorzieningen and references.
  const groepen = [...new Map(gekozen.map((v) => {
    const g = { persoonId: v.persoonId, aanbiederId: v.aanbieder.id, standaard: standaardVanWet(v.wet)! };
    return [sleutel(g), g] as const;
  })).values()];
  const toewijzingen = await toewijzingenVanClienten(tx, groepen);
  const alleVoorzieningen = new Map((await voorzieningenVoorBericht(tx, toewijzingen.map((t) => t.voorzieningId))).map((v) => [v.id, v]));
  const referenties = await referentiesVoorVoorzieningen(tx, toewijzingen.map((t) => t.voorzieningId));
  const personen = new Map((await getPersonen(tx, groepen.map((g) => g.persoonId))).map((p) => [p.id, p]));
  const perGroep = new Map<string, Toewijzing[]>();
  for (const t of toewijzingen) perGroep.set(sleutel(t), [...(perGroep.get(sleutel(t)) ?? []), t]);

  const afzender = await gemeenteCode(tx);
  const teSturen: { groep: Groep; agb: string; regels: { toewijzing: Toewijzing; nu: ToewijzingInhoud; verstuurd: ToewijzingInhoud | null }[] }[] = [];
  for (const g of groepen) {
    const alle = (perGroep.get(sleutel(g)) ?? []).flatMap((t) => {
      const x = alleVoorzieningen.get(t.voorzieningId);
      return x ? [{ toewijzing: t, nu: inhoudNu(t, x, referenties.get(t.voorzieningId) ?? null), verstuurd: t.verstuurd }] : [];
    });
    const regels = regelsVoor301(alle, dagtekening);
    if (!regels) continue;
    for (const r of regels) if (r.verstuurd && isGewijzigd(r.nu, r.verstuurd)) r.nu = { ...r.nu, toewijzingsdatum: dagtekening, toewijzingstijd: tijd };
    const agb = alleVoorzieningen.get(regels[0]!.toewijzing.voorzieningId)!.aanbieder!.agbCode;
    teSturen.push({ groep: g, agb, regels });
  }
  if (!teSturen.length) return [];

  const eersteId = await reserveerNummers(tx, ctx.gemeenteId, 'bericht', 0, teSturen.length);
  const later: TeControleren = [];
  const berichten: (NieuwBericht & { id: string })[] = [];
  const koppelingen: { berichtId: string; toewijzingId: string; retourcodes: string[] }[] = [];
  const verstuurd: { id: string; verstuurd: ToewijzingInhoud }[] = [];
  for (const [i, s] of teSturen.entries()) {
    const persoon = personen.get(s.groep.persoonId);
    if (!persoon) throw new Error(`persoon ${s.groep.persoonId} van een toewijzing bestaat niet meer`);
    const kop = { afzender, ontvanger: s.agb, identificatie: identificatie(eersteId + i), dagtekening };
    const xml = schrijf301(s.groep.standaard, kop, await clientVan(tx, persoon), s.regels.map((r) => r.nu));
    later.push({ xml, standaard: s.groep.standaard, soort: '301' });
    const id = randomUUID();
    berichten.push({
      id, standaard: s.groep.standaard, soort: '301', richting: 'uit', aanbiederId: s.groep.aanbiederId, afzender, ontvanger: s.agb, identificatie: kop.identificatie,
      dagtekening, status: 'klaar', retourcodes: [], persoonId: s.groep.persoonId, aantalProducten: s.regels.length, xml, sha256: sha256(xml),
    });
    for (const r of s.regels) {
      koppelingen.push({ berichtId: id, toewijzingId: r.toewijzing.id, retourcodes: [] });
      if (isGewijzigd(r.nu, r.verstuurd)) verstuurd.push({ id: r.toewijzing.id, verstuurd: r.nu });
    }
  }
  // Both referees before anything is stored: one invalid message and the whole batch rolls back.
  await eisGeldig(later);
  await insertBerichten(tx, berichten);
  await koppelAlleToewijzingen(tx, koppelingen);
  await zetVerstuurd(tx, verstuurd);
  await appendAudit(tx, ctx.actor, berichten.map((b) => ({
    actie: 'aanmaken' as const, resourceType: 'bericht', resourceId: b.id, persoonId: b.persoonId ?? null, doel: `${b.standaard === 'iwmo' ? 'WMO' : 'JW'}301 toewijzing naar aanbieder (bulk)`,
  })));
  for (const b of berichten) await kanaal().lever(tx, { id: b.id, aanbiederId: b.aanbiederId, soort: '301', xml: b.xml });
  return berichten.map((b) => b.id);
}

// ————— Start messages (305) in bulk —————

export interface BundelBericht { index: number; xml: string; boom: unknown; standaard: Standaard; soort: string; oordeel: BerichtOordeel }

/**
 * The start messages of one provider's batch that need nothing special, applied set-based: valid by
 * both referees, a sound header, not delivered before, and no earlier message in the batch about the
 * same client that goes the long way (so a client's messages still apply in order). Each gets exactly
 * what `ontvangBericht` would give it — the same rules (TR019, TR326, TR074, TR063, TR071), the same
 * retour — in one query per step. Everything else is left to the caller, who runs it one by one after.
 */
export async function ontvangStartsInBulk(tx: Tx, actor: Actor, berichten: readonly BundelBericht[], later: TeControleren): Promise<Map<number, Ontvangen>> {
  const uit = new Map<number, Ontvangen>();
  const aanbiederId = actor.aanbiederId;
  if (!aanbiederId || !berichten.some((b) => b.soort === '305')) return uit;
  const agb = await aanbiederAgb(tx, aanbiederId);
  const gemeente = await gemeenteCode(tx);
  const dag = vandaag();

  // Which ones qualify, in batch order.
  type Kandidaat = BundelBericht & { kop: { afzender: string; ontvanger: string; identificatie: string; dagtekening: string }; client: NonNullable<ReturnType<typeof leesStartStop>> };
  const langeWeg = new Set<string>();
  const gezien = new Set<string>();
  const kandidaten: Kandidaat[] = [];
  for (const b of berichten) {
    const bsn = padTekst(pad(b.boom, 'Client'), 'Bsn') ?? '';
    const kop = leesKop(b.boom, false);
    const client = b.soort === '305' ? leesStartStop(b.boom, false) : null;
    const goed = b.soort === '305' && client && !langeWeg.has(bsn) && kop.afzender === agb && kop.ontvanger === gemeente && kop.identificatie && kop.dagtekening
      && kop.identificatie.length <= 12 && /\S/.test(kop.identificatie) && /^\d{4}-\d{2}-\d{2}$/.test(kop.dagtekening) && !Number.isNaN(Date.parse(kop.dagtekening))
      && kop.dagtekening <= dag && !b.oordeel.xsdFouten.length && !b.oordeel.regelFouten.length && !gezien.has(kop.identificatie);
    if (!goed) { langeWeg.add(bsn); continue; }
    gezien.add(kop.identificatie!);
    kandidaten.push({ ...b, kop: kop as Kandidaat['kop'], client: client! });
  }
  if (!kandidaten.length) return uit;
  // Delivered before (a repeat or TR056): the long way answers those.
  await identificatieSloten(tx, kandidaten.map((k) => `bericht:${k.kop.afzender}:305:${k.kop.identificatie}`));
  const eerder = await eerderOntvangenVan(tx, { afzender: agb, soort: '305', identificaties: kandidaten.map((k) => k.kop.identificatie) });
  const nieuw = kandidaten.filter((k) => !eerder.has(k.kop.identificatie));
  if (!nieuw.length) return uit;

  const personen = new Map((await findPersonenByBsn(tx, nieuw.map((k) => k.client.bsn))).map((p) => [p.bsn, p]));
  await clientSloten(tx, [...new Set(nieuw.flatMap((k) => { const p = personen.get(k.client.bsn); return p ? [`bericht:${p.id}:${aanbiederId}`] : []; }))]);
  const perStandaard = new Map<Standaard, number[]>();
  for (const k of nieuw) for (const p of k.client.producten) if (p.toewijzingNummer !== null) perStandaard.set(k.standaard, [...(perStandaard.get(k.standaard) ?? []), p.toewijzingNummer]);
  const toewijzingen: Toewijzing[] = [];
  for (const [std, nummers] of perStandaard) toewijzingen.push(...await toewijzingenOpNummer(tx, { aanbiederId, standaard: std, nummers: [...new Set(nummers)] }));
  const voorzieningen = new Map((await voorzieningenVoorBericht(tx, toewijzingen.map((t) => t.voorzieningId))).map((v) => [v.id, v]));
  const opNummer = new Map(toewijzingen.map((t) => [`${t.standaard}:${t.nummer}`, t]));
  // What each toewijzing stands at, kept up to date as the batch goes (a second start in it sees the first).
  const standen = new Map<string, ToewijzingStand>();
  const gestart = new Map<string, string>();

  const eersteId = await reserveerNummers(tx, actor.gemeenteId, 'bericht', 0, nieuw.length);
  const rijen: (NieuwBericht & { id: string; retourId?: string })[] = [];
  const koppelingen: { berichtId: string; toewijzingId: string; retourcodes: string[] }[] = [];
  const starts: { id: string; datum: string; herstart: boolean }[] = [];
  const audit: Parameters<typeof appendAudit>[2][number][] = [];
  for (const [n, k] of nieuw.entries()) {
    const persoon = personen.get(k.client.bsn);
    const perToewijzing: { toewijzingId: string; retourcodes: string[] }[] = [];
    let toegepast = 0;
    const producten = k.client.producten.map((p) => {
      const t = p.toewijzingNummer === null ? undefined : opNummer.get(`${k.standaard}:${p.toewijzingNummer}`);
      const eigen = t && persoon && t.persoonId === persoon.id ? t : undefined;
      const v = eigen ? voorzieningen.get(eigen.voorzieningId) : undefined;
      let stand = eigen ? standen.get(eigen.id) : undefined;
      if (eigen && !stand) {
        stand = { nummer: eigen.nummer, ingangsdatum: v?.begin ?? eigen.toewijzingsdatum, einddatum: v?.beeindigdOp ?? v?.eind ?? null, startBegindatum: eigen.startBegindatum, stopEinddatum: eigen.stopEinddatum, stopReden: eigen.stopReden };
        standen.set(eigen.id, stand);
      }
      const invoer: StartProduct = { toewijzingNummer: p.toewijzingNummer, ingangsdatum: p.ingangsdatum, begindatum: p.begindatum, statusAanlevering: p.statusAanlevering };
      let codes = controleerStart(invoer, stand);
      if (!codes.length && p.statusAanlevering === '3') codes = ['0233'];
      const herstart = stand?.stopEinddatum !== null && stand?.stopEinddatum !== undefined;
      // The voorziening's own checks, as startDoorAanbieder makes them: refused there means 0001 for this product.
      if (!codes.length && eigen && (!v || startFout(v, aanbiederId, { datum: p.begindatum, herstart }))) codes = ['0001'];
      if (eigen) {
        perToewijzing.push({ toewijzingId: eigen.id, retourcodes: codes.length ? codes : ['0200'] });
        if (!codes.length) {
          toegepast++;
          starts.push({ id: eigen.voorzieningId, datum: p.begindatum, herstart });
          stand!.startBegindatum = p.begindatum; stand!.stopEinddatum = null; stand!.stopReden = null;
          gestart.set(eigen.id, p.begindatum);
          if (v && !(herstart && v.status === 'gestart')) voorzieningen.set(v.id, { ...v, status: 'gestart', gestartOp: p.begindatum });
        }
      }
      return { ...p, retourcodes: codes };
    });
    const clientVanAanbieder = perToewijzing.length > 0 ? persoon : undefined;
    const alleCodes = [...new Set(producten.flatMap((p) => p.retourcodes))];
    const status = toegepast === 0 ? 'afgekeurd' : alleCodes.length ? 'deels' : 'verwerkt';
    const id = randomUUID();
    const retourId = randomUUID();
    const retourKop = { origineel: k.kop, identificatie: identificatie(eersteId + n), dagtekening: dag, retourcodes: ['0200'] };
    const retourXml = schrijfRetourStartStop(k.standaard, '306', retourKop, { ...k.client, retourcodes: [], producten });
    later.push({ xml: retourXml, standaard: k.standaard, soort: '306' });
    const persoonId = clientVanAanbieder?.id ?? null;
    rijen.push(
      { id, retourId, standaard: k.standaard, soort: '305', richting: 'in', aanbiederId, afzender: k.kop.afzender, ontvanger: k.kop.ontvanger, identificatie: k.kop.identificatie,
        dagtekening: k.kop.dagtekening, status, retourcodes: alleCodes, persoonId, aantalProducten: producten.length, xml: k.xml, sha256: sha256(k.xml) },
      { id: retourId, standaard: k.standaard, soort: '306', richting: 'uit', aanbiederId, afzender: k.kop.ontvanger, ontvanger: k.kop.afzender, identificatie: retourKop.identificatie,
        dagtekening: dag, status: 'klaar', retourcodes: alleCodes, antwoordOp: id, persoonId, aantalProducten: producten.length, xml: retourXml, sha256: sha256(retourXml) },
    );
    for (const r of perToewijzing) koppelingen.push({ berichtId: id, ...r }, { berichtId: retourId, ...r });
    audit.push(
      { actie: 'aanmaken', resourceType: 'bericht', resourceId: id, persoonId, doel: 'start zorg (305) ontvangen' },
      { actie: 'aanmaken', resourceType: 'bericht', resourceId: retourId, persoonId, doel: 'retour 306 gemaakt' },
    );
    uit.set(k.index, { berichtId: id, retourId, soort: '305', status, retourcodes: alleCodes, herhaald: false, bevindingen: [] });
  }
  await startenDoorAanbieder(tx, actor, starts);
  await zetGestart(tx, [...gestart].map(([id, datum]) => ({ id, datum })));
  await insertBerichten(tx, rijen);
  await koppelAlleToewijzingen(tx, koppelingen);
  await appendAudit(tx, actor, audit);
  for (const r of rijen) if (r.richting === 'uit') await kanaal().lever(tx, { id: r.id, aanbiederId, soort: '306', xml: r.xml });
  return uit;
}
