/**
 * Declaraties (issue 15, ADR 40): a provider's 323 is checked by both referees (in usecases.ts), then
 * every prestatie against its toewijzing, the contract and what was approved before; the verdicts are
 * stored and answered with one 325 (IV087: only the refused prestaties, with their codes). All in the
 * caller's transaction, under one lock per provider and law, so two declarations of one provider
 * never count the same room twice. Set-based: a declaration of thousands of prestaties costs a
 * handful of queries, not one per prestatie.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/store.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { getPersonen } from '../inwoners/index.ts';
import { geldtOp, tarievenVan } from '../inkoop/index.ts';
import { voorzieningenVoorBericht } from '../voorziening/index.ts';
import { kanaal } from './kanaal.ts';
import {
  controleerCredit, controleerPrestatie, getekend, volumeInToewijzingEenheid, type DeclaratieToewijzing, type Prestatie, type Standaard,
} from './rules.ts';
import {
  debettenOpReferentie, declaratieNummerGebruikt, declaratiesWaar, getDeclaratie, prestatiesVan, gebruikteReferenties, insertBericht, insertDeclaratie, insertPrestaties, koppelToewijzingen, lopendeDebetten,
  markeerGecrediteerd, toewijzingenOpNummer, zetDeclaratieAntwoord, zetRetour, type GoedgekeurdDebet, type NieuwePrestatie,
} from './store.ts';
import type { Basis, Ontvangen, TeControleren } from './usecases.ts';
import { controleer, nieuweIdentificatie, sha256 } from './usecases.ts';
import { leesDeclaratie, schrijf325, type DeclaratieAntwoord } from './xml.ts';

type Beoordeeld = Prestatie & { bsn: string; codes: string[]; toewijzingId: string | null; voorzieningId: string | null; persoonId: string | null; id: string };

const sleutel = (p: { toewijzingNummer: number; categorie: string; code: string; begin: string; eind: string }) => `${p.toewijzingNummer}|${p.categorie}|${p.code}|${p.begin}|${p.eind}`;

/** The contract tariff valid on a day, from a product's tariff history (tariff periods never overlap). */
const tariefOp = (tarieven: readonly { van: string; tot: string | null; tariefCents: number }[], dag: string): number | null =>
  tarieven.find((t) => geldtOp(t, dag))?.tariefCents ?? null;

/**
 * Checks every prestatie, credits first (a correction credits the old debit and declares anew in one
 * message, IV091), then debits in message order; each approved one counts for the next.
 */
async function beoordeel(tx: Tx, b: Basis, clienten: NonNullable<ReturnType<typeof leesDeclaratie>>['clienten'], declaratieEind: string): Promise<{ prestaties: Beoordeeld[]; credits: { debetId: string; creditId: string }[] }> {
  const alle = clienten.flatMap((c) => c.prestaties.map((p) => ({ ...p, bsn: c.bsn })));
  const toewijzingen = await toewijzingenOpNummer(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, nummers: [...new Set(alle.map((p) => p.toewijzingNummer))] });
  const personen = new Map((await getPersonen(tx, [...new Set(toewijzingen.map((t) => t.persoonId))])).map((p) => [p.id, p.bsn]));
  const voorzieningen = new Map((await voorzieningenVoorBericht(tx, toewijzingen.map((t) => t.voorzieningId))).map((v) => [v.id, v]));
  const tarieven = await tarievenVan(tx, [...new Set([...voorzieningen.values()].flatMap((v) => (v.contractProductId ? [v.contractProductId] : [])))]);
  const opNummer = new Map(toewijzingen.map((t) => [t.nummer, t]));
  const gebruikt = await gebruikteReferenties(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, referenties: alle.map((p) => p.referentie) });
  const lopend = await lopendeDebetten(tx, toewijzingen.map((t) => t.id));
  const teCrediteren = new Map((await debettenOpReferentie(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, referenties: alle.flatMap((p) => (p.debetCredit === 'C' && p.vorigReferentie ? [p.vorigReferentie] : [])) })).map((d) => [d.referentie, d]));

  // What counts against each toewijzing: its approved debits not credited, kept up to date as this message is judged.
  const stand = new Map<string, { debetten: GoedgekeurdDebet[] }>();
  for (const d of lopend) if (d.toewijzingId) (stand.get(d.toewijzingId) ?? stand.set(d.toewijzingId, { debetten: [] }).get(d.toewijzingId)!).debetten.push(d);
  const debettenVan = (id: string) => (stand.get(id) ?? stand.set(id, { debetten: [] }).get(id)!).debetten;

  const inBericht = new Set<string>();
  const credits: { debetId: string; creditId: string }[] = [];
  const uit: Beoordeeld[] = alle.map((p) => ({ ...p, codes: [], toewijzingId: null, voorzieningId: null, persoonId: null, id: randomUUID() }));
  const volgorde = [...uit.filter((p) => p.debetCredit === 'C'), ...uit.filter((p) => p.debetCredit === 'D')];
  for (const p of volgorde) {
    const t = opNummer.get(p.toewijzingNummer);
    // The toewijzing must be this provider's for this very client (TR338): a number alone names someone else's care.
    const vanClient = t && personen.get(t.persoonId) === p.bsn ? t : undefined;
    const v = vanClient ? voorzieningen.get(vanClient.voorzieningId) : undefined;
    const referentieGebruikt = gebruikt.has(p.referentie) || inBericht.has(p.referentie);
    inBericht.add(p.referentie);
    if (vanClient) { p.toewijzingId = vanClient.id; p.voorzieningId = vanClient.voorzieningId; p.persoonId = vanClient.persoonId; }
    if (p.debetCredit === 'C') {
      const debet = p.vorigReferentie ? teCrediteren.get(p.vorigReferentie) : undefined;
      p.codes = vanClient ? controleerCredit(p, debet && debet.toewijzingId === vanClient.id ? debet : undefined, referentieGebruikt) : ['9338'];
      if (!p.codes.length && debet) {
        debet.gecrediteerd = true;
        credits.push({ debetId: debet.id, creditId: p.id });
        const lijst = debettenVan(vanClient!.id);
        const i = lijst.findIndex((d) => d.id === debet.id);
        if (i >= 0) lijst.splice(i, 1);
      }
      continue;
    }
    let dt: DeclaratieToewijzing | undefined;
    if (vanClient && v) {
      // What the provider was told in the last 301 (verstuurd) is what it declares against.
      const s = vanClient.verstuurd;
      dt = {
        nummer: vanClient.nummer, categorie: s?.categorie ?? v.productcategorie, code: s?.code ?? v.productcode,
        ingangsdatum: s?.ingangsdatum ?? v.begin, einddatum: s ? s.einddatum : (v.beeindigdOp ?? v.eind),
        volume: s?.omvang?.volume ?? null, eenheid: s?.omvang?.eenheid ?? v.eenheid, frequentie: s?.omvang?.frequentie ?? null,
        redenWijziging: vanClient.redenWijziging, bekostiging: v.bekostiging, budgetCents: v.budgetCents,
        contractTariefCents: v.contractProductId ? tariefOp(tarieven.filter((x) => x.contractProductId === v.contractProductId), p.begin) : null,
      };
    }
    const debetten = vanClient ? debettenVan(vanClient.id) : [];
    const eerder = {
      volume: debetten.reduce((s, d) => s + (volumeInToewijzingEenheid(d.volume, d.eenheid, dt?.eenheid ?? null) ?? 0), 0),
      cents: debetten.reduce((s, d) => s + d.bedragCents, 0),
    };
    const dubbel = debetten.some((d) => sleutel(d) === sleutel(p));
    p.codes = controleerPrestatie(p, dt, { declaratieEind, std: b.standaard, eerder, referentieGebruikt, dubbelDebet: dubbel });
    if (!p.codes.length && vanClient) {
      debetten.push({
        id: p.id, referentie: p.referentie, toewijzingId: vanClient.id, toewijzingNummer: p.toewijzingNummer, categorie: p.categorie, code: p.code,
        begin: p.begin, eind: p.eind, volume: p.volume, eenheid: p.eenheid, bedragCents: p.bedragCents, gecrediteerd: false,
      });
    }
  }
  return { prestaties: uit, credits };
}

/** One lock per provider and law: its declarations are judged one after the other. */
const declaratieSlot = (tx: Tx, aanbiederId: string, std: Standaard) => sql`select pg_advisory_xact_lock(hashtext(${`declaratie:${aanbiederId}:${std}`}))`.execute(tx);

export async function ontvangDeclaratie(tx: Tx, actor: Actor, b: Basis, boom: unknown, kopcodes: readonly string[], later?: TeControleren): Promise<Omit<Ontvangen, 'bevindingen'>> {
  const gelezen = kopcodes.length ? null : leesDeclaratie(boom);
  const origineel = { afzender: b.afzender, ontvanger: b.ontvanger, identificatie: b.identificatie, dagtekening: b.dagtekening };
  const retourIdentificatie = await nieuweIdentificatie(tx, actor.gemeenteId);
  let antwoord: DeclaratieAntwoord['antwoord'] = null;
  let status = 'afgekeurd';
  let codes: string[] = [...kopcodes];
  let prestaties: Beoordeeld[] = [];
  let declaratieId: string | null = null;
  let credits: { debetId: string; creditId: string }[] = [];

  if (gelezen) {
    await declaratieSlot(tx, b.aanbiederId, b.standaard);
    const ingediend = gelezen.clienten.reduce((s, c) => s + c.prestaties.reduce((t, p) => t + getekend(p), 0), 0);
    if (await declaratieNummerGebruikt(tx, { aanbiederId: b.aanbiederId, standaard: b.standaard, nummer: gelezen.kop.nummer })) {
      // TR333: not processed at all; the declaration counts as not sent (IV087).
      codes = ['9333'];
      antwoord = { nummer: gelezen.kop.nummer, ingediendCents: ingediend, toegekendCents: 0, codes: ['9333'], clienten: [] };
    } else {
      ({ prestaties, credits } = await beoordeel(tx, b, gelezen.clienten, gelezen.kop.eind));
      const afgewezen = prestaties.filter((p) => p.codes.length);
      const toegekend = prestaties.filter((p) => !p.codes.length).reduce((s, p) => s + getekend(p), 0);
      codes = [...new Set(afgewezen.flatMap((p) => p.codes))];
      status = afgewezen.length === 0 ? 'verwerkt' : afgewezen.length === prestaties.length ? 'afgekeurd' : 'deels';
      const perClient = new Map<string, Beoordeeld[]>();
      for (const p of afgewezen) perClient.set(p.bsn, [...(perClient.get(p.bsn) ?? []), p]);
      antwoord = {
        nummer: gelezen.kop.nummer, ingediendCents: ingediend, toegekendCents: toegekend, codes: afgewezen.length ? ['0200'] : ['8001'],
        clienten: [...perClient].map(([bsn, ps]) => ({ bsn, codes: ['0200'], prestaties: ps })),
      };
    }
    declaratieId = randomUUID();
  }

  // Tied to one resident only when the whole declaration is about one client, and that client is one of this
  // provider's: the XML names every BSN it carries, so a file read must not show other people's.
  const personen = [...new Set(prestaties.flatMap((p) => (p.persoonId ? [p.persoonId] : [])))];
  const eenClient = new Set(prestaties.map((p) => p.bsn)).size === 1 && prestaties.every((p) => p.persoonId !== null) ? personen[0]! : null;
  const berichtId = await insertBericht(tx, { ...b, status, retourcodes: codes, persoonId: eenClient, aantalProducten: prestaties.length });
  if (gelezen && declaratieId) {
    await insertDeclaratie(tx, {
      id: declaratieId, standaard: b.standaard, aanbiederId: b.aanbiederId, berichtId, nummer: gelezen.kop.nummer, begin: gelezen.kop.begin, eind: gelezen.kop.eind,
      dagtekening: gelezen.kop.dagtekening, ingediendCents: antwoord!.ingediendCents, toegekendCents: antwoord!.toegekendCents, status, retourcodes: codes,
      aantalPrestaties: prestaties.length,
    });
    await insertPrestaties(tx, prestaties.map((p): NieuwePrestatie => ({
      id: p.id, declaratieId, standaard: b.standaard, aanbiederId: b.aanbiederId, toewijzingId: p.toewijzingId, voorzieningId: p.voorzieningId, persoonId: p.persoonId,
      bsn: p.bsn, referentie: p.referentie, vorigReferentie: p.vorigReferentie, toewijzingNummer: p.toewijzingNummer, categorie: p.categorie, code: p.code,
      begin: p.begin, eind: p.eind, volume: p.volume, eenheid: p.eenheid, tariefCents: p.tariefCents, ingediendCents: getekend(p),
      toegekendCents: p.codes.length ? 0 : getekend(p), goedgekeurd: p.codes.length === 0, retourcodes: p.codes,
    })));
    await markeerGecrediteerd(tx, credits);
  }
  // The message chain of each voorziening shows the declaration and its answer, with the codes per toewijzing.
  const perToewijzing = new Map<string, string[]>();
  for (const p of prestaties) if (p.toewijzingId) perToewijzing.set(p.toewijzingId, [...new Set([...(perToewijzing.get(p.toewijzingId) ?? []), ...(p.codes.length ? p.codes : ['0200'])])]);
  const keten = [...perToewijzing].map(([toewijzingId, c]) => ({ toewijzingId, retourcodes: c.length > 1 ? c.filter((x) => x !== '0200') : c }));
  await koppelToewijzingen(tx, berichtId, keten);

  const xml = schrijf325(b.standaard, { origineel, identificatie: retourIdentificatie, dagtekening: vandaag(), kopcodes: kopcodes.length ? kopcodes : ['0200'], antwoord });
  await controleer(later, { xml, standaard: b.standaard, soort: '325' });
  const retourId = await insertBericht(tx, {
    standaard: b.standaard, soort: '325', richting: 'uit', aanbiederId: b.aanbiederId, afzender: b.ontvanger, ontvanger: b.afzender, identificatie: retourIdentificatie,
    dagtekening: vandaag(), status: 'klaar', retourcodes: codes, antwoordOp: berichtId, persoonId: eenClient,
    aantalProducten: antwoord?.clienten.reduce((s, c) => s + c.prestaties.length, 0) ?? 0, xml, sha256: sha256(xml),
  });
  await koppelToewijzingen(tx, retourId, keten);
  await zetRetour(tx, berichtId, { status, retourcodes: codes, retourId });
  if (declaratieId) await zetDeclaratieAntwoord(tx, declaratieId, retourId);
  await appendAudit(tx, actor, [
    { actie: 'aanmaken', resourceType: 'bericht', resourceId: berichtId, persoonId: null, doel: `declaratie (${b.soort}) ontvangen` },
    { actie: 'aanmaken', resourceType: 'bericht', resourceId: retourId, persoonId: null, doel: 'declaratie-antwoord (325) gemaakt' },
    // One entry per resident whose care was declared: their file gained financial data.
    ...personen.map((persoonId) => ({ actie: 'aanmaken' as const, resourceType: 'bericht', resourceId: berichtId, persoonId, doel: 'declaratie van zorg beoordeeld' })),
  ]);
  await kanaal().lever(tx, { id: retourId, aanbiederId: b.aanbiederId, soort: '325', xml });
  return { berichtId, retourId, soort: b.soort, status, retourcodes: codes, herhaald: false };
}

// ————— Reading —————

/** Provider staff see their own organisation's declarations; inkoop and beleid see all, without client data. */
export async function lijstDeclaraties(tx: Tx, actor: Actor, filter: { aanbiederId?: string; status?: string }, pagina: { limit: number; offset: number }) {
  return declaratiesWaar(tx, actor.aanbiederId ? { ...filter, aanbiederId: actor.aanbiederId } : filter, pagina);
}

/**
 * One declaration with its prestaties and their verdicts. The provider sees the BSN of its own
 * clients (it sent them) and each is audited as a read of that person; gemeente staff without a case
 * role see the voorziening number and the money, not who it is.
 */
export async function declaratieMetPrestaties(tx: Tx, actor: Actor, id: string) {
  const d = await getDeclaratie(tx, id);
  if (!d || (actor.aanbiederId && d.aanbiederId !== actor.aanbiederId)) throw notFound('Deze declaratie');
  const prestaties = await prestatiesVan(tx, id);
  if (actor.aanbiederId) {
    const personen = [...new Set(prestaties.flatMap((p) => (p.persoonId ? [p.persoonId] : [])))];
    await appendAudit(tx, actor, personen.map((persoonId) => ({ actie: 'lezen' as const, resourceType: 'bericht', resourceId: d.berichtId, persoonId, doel: 'declaratie van de eigen cliënten (aanbieder)' })));
  }
  return { ...d, prestaties: prestaties.map((p) => ({ ...p, bsn: actor.aanbiederId ? p.bsn : null, persoonId: undefined })) };
}
