/**
 * Toewijzingen in bulk (a migration, a new contract period, the volume bench): the same 301s the outbox
 * job makes one at a time (OP087 per client and provider, TR332 numbers, both referees), but for a
 * whole batch in a few set-based queries instead of about fourteen round trips per message. A client
 * with several provisions in the batch gets one 301 carrying them all.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../platform/audit/store.ts';
import type { OpdrachtContext } from '../../platform/jobs/outbox.ts';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { getPersonen } from '../inwoners/index.ts';
import { reserveerNummers } from '../toegang/index.ts';
import { voorzieningenVoorBericht, type Voorziening } from '../voorziening/index.ts';
import { kanaal } from './kanaal.ts';
import { identificatie, isGewijzigd, regelsVoor301, standaardVanWet, type Standaard, type ToewijzingInhoud } from './rules.ts';
import {
  clientSloten, insertBerichten, insertToewijzingen, koppelAlleToewijzingen, referentiesVoorVoorzieningen, toewijzingenVanClienten, toewijzingenVanVoorzieningen, zetVerstuurd,
  type NieuwBericht, type Toewijzing,
} from './store.ts';
import { clientVan, eisGeldig, gemeenteCode, inhoudNu, nuTijd, sha256, type TeControleren } from './usecases.ts';
import { schrijf301 } from './xml.ts';

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
