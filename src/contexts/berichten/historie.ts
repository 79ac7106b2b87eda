/**
 * The message history of a demo gemeente: for provisions in natura that already have their provider,
 * start and end (the generator made them), the messages that would have gone over the line at the time —
 * the 301 at assignment, the provider's 305 and 307 with their retours, a new 301 when the toewijzing
 * ended — dated then, with a realistic share refused. Written with the same writers as the live traffic
 * and refereed in one batch at the end: an invalid message rolls the whole history back.
 */
import { createHash } from 'node:crypto';
import { addDays, format, parseISO } from 'date-fns';
import { sql } from 'kysely';
import type { OpdrachtContext } from '../../platform/jobs/outbox.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag as vandaagNL } from '../../platform/time.ts';
import { getPersoon } from '../inwoners/index.ts';
import { gecontracteerd } from '../inkoop/index.ts';
import { termijnen, volgendNummer } from '../toegang/index.ts';
import { REDENEN_BEEINDIGING, inNaturaVoorBerichten, type Voorziening } from '../voorziening/index.ts';
import { ANTWOORD_WERKDAGEN, identificatie, omvangVoorBericht, redenWijzigingBijEinde, standaardVanWet, type Standaard, type ToewijzingInhoud } from './rules.ts';
import { insertBericht, insertToewijzing, koppelToewijzingen, toewijzingVanVoorziening, wijzigToewijzing, wijzigVerzoek, zetRetour } from './store.ts';
import { clientVan, eisGeldig, ontvangBericht, type TeControleren } from './usecases.ts';
import { wijsVerzoekAf, zetInOnderzoek } from './verzoeken.ts';
import { verstuurToewijzingen } from './bulk.ts';
import { schrijf301, schrijfRetourStartStop, schrijfStartStop, schrijfVerzoekToewijzing, schrijfVerzoekWijziging, type Kop } from './xml.ts';

const dag = (d: string, n: number): string => format(addDays(parseISO(d), n), 'yyyy-MM-dd');
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const min = (a: string, b: string): string => (a < b ? a : b);

export interface HistorieOpties { vanaf: string; tot: string; max: number }

export async function zaaiBerichtenHistorie(tx: Tx, ctx: OpdrachtContext, o: HistorieOpties): Promise<{ voorzieningen: number; berichten: number }> {
  const g = await tx.selectFrom('gemeenten').select('cbs_code').where('id', '=', sql<string>`app_gemeente()`).executeTakeFirstOrThrow();
  if (!g.cbs_code) return { voorzieningen: 0, berichten: 0 };
  const gemeente = g.cbs_code;
  const lijst = (await inNaturaVoorBerichten(tx, { vanaf: o.vanaf, max: o.max })).filter((v) => v.begin <= o.tot);
  const later: TeControleren = [];
  let berichten = 0;
  const nieuweId = async () => identificatie(await volgendNummer(tx, ctx.gemeenteId, 'bericht', 0));

  for (const [i, v] of lijst.entries()) {
    const std = standaardVanWet(v.wet) as Standaard;
    const p = await getPersoon(tx, v.persoonId);
    // One that already has its toewijzing (the live outbox got there first) keeps it.
    if (!p || !v.aanbieder || await toewijzingVanVoorziening(tx, v.id)) continue;
    const client = await clientVan(tx, p);
    const agb = v.aanbieder.agbCode;
    // Assigned a few days to three weeks before care begins: the lead times on the traffic page vary as they do.
    const toewijzingsdatum = min(dag(v.begin, -(2 + ((i * 7) % 19))), o.tot);
    const nummer = await volgendNummer(tx, ctx.gemeenteId, `toewijzing-${std}`, 0);
    const tId = await insertToewijzing(tx, { voorzieningId: v.id, standaard: std, nummer, aanbiederId: v.aanbieder.id, persoonId: v.persoonId, toewijzingsdatum, toewijzingstijd: '09:30:00' });
    const inhoud: ToewijzingInhoud = {
      nummer, categorie: v.productcategorie ?? '', code: v.productcode, toewijzingsdatum, toewijzingstijd: '09:30:00', ingangsdatum: v.begin,
      einddatum: v.eind ?? (v.frequentie === '2' ? v.budgetTot : null), redenWijziging: null, omvang: omvangVoorBericht(v.volume, v.eenheid, v.frequentie), budgetCents: null,
    };
    const uit = async (soort: '301', dagtekening: string, regel: ToewijzingInhoud) => {
      const kop: Kop = { afzender: gemeente, ontvanger: agb, identificatie: await nieuweId(), dagtekening };
      const xml = schrijf301(std, kop, client, [regel]);
      later.push({ xml, standaard: std, soort });
      const id = await insertBericht(tx, {
        standaard: std, soort, richting: 'uit', aanbiederId: v.aanbieder!.id, afzender: gemeente, ontvanger: agb, identificatie: kop.identificatie, dagtekening,
        status: 'geaccepteerd', retourcodes: [], persoonId: v.persoonId, aantalProducten: 1, xml, sha256: sha(xml), aangemaaktOp: `${dagtekening}T08:30:00Z`,
      });
      await koppelToewijzingen(tx, id, [{ toewijzingId: tId, retourcodes: [] }]);
      berichten++;
    };
    /** A message of the provider and the retour Eenvoud gave it, as the live traffic stores them. */
    const inEnRetour = async (soort: '305' | '307', dagtekening: string, regel: Parameters<typeof schrijfStartStop>[4][number], codes: string[]) => {
      const kop: Kop = { afzender: agb, ontvanger: gemeente, identificatie: `H${String(i).padStart(6, '0')}${soort}${codes.length ? 'F' : ''}`, dagtekening };
      const xml = schrijfStartStop(std, soort, kop, client, [regel]);
      later.push({ xml, standaard: std, soort });
      const status = codes.length ? 'afgekeurd' : 'verwerkt';
      const inId = await insertBericht(tx, {
        standaard: std, soort, richting: 'in', aanbiederId: v.aanbieder!.id, afzender: agb, ontvanger: gemeente, identificatie: kop.identificatie, dagtekening,
        status, retourcodes: codes, persoonId: v.persoonId, aantalProducten: 1, xml, sha256: sha(xml), aangemaaktOp: `${dagtekening}T10:00:00Z`,
      });
      const retourSoort = soort === '305' ? '306' : '308';
      const retourKop = { origineel: kop, identificatie: await nieuweId(), dagtekening, retourcodes: ['0200'] };
      const retourXml = schrijfRetourStartStop(std, retourSoort, retourKop, {
        ...client, datumGebruik: null, retourcodes: [], producten: [{ ...regel, retourcodes: codes }],
      });
      later.push({ xml: retourXml, standaard: std, soort: retourSoort });
      const retourId = await insertBericht(tx, {
        standaard: std, soort: retourSoort, richting: 'uit', aanbiederId: v.aanbieder!.id, afzender: gemeente, ontvanger: agb, identificatie: retourKop.identificatie,
        dagtekening, status: 'opgehaald', retourcodes: codes, antwoordOp: inId, persoonId: v.persoonId, aantalProducten: 1, xml: retourXml, sha256: sha(retourXml),
        aangemaaktOp: `${dagtekening}T10:00:05Z`,
      });
      await zetRetour(tx, inId, { status, retourcodes: codes, retourId });
      await koppelToewijzingen(tx, inId, [{ toewijzingId: tId, retourcodes: codes.length ? codes : ['0200'] }]);
      await koppelToewijzingen(tx, retourId, [{ toewijzingId: tId, retourcodes: codes.length ? codes : ['0200'] }]);
      berichten += 2;
    };

    await uit('301', toewijzingsdatum, inhoud);
    let laatste = inhoud;
    const product = { toewijzingNummer: nummer, categorie: inhoud.categorie, code: inhoud.code, ingangsdatum: v.begin };
    if (v.gestartOp && v.gestartOp <= o.tot) {
      const gemeld = min(dag(v.gestartOp, 2), o.tot);
      // One in twenty providers first reports a start before the toewijzing's ingangsdatum: refused with 9019, then sent right.
      if (i % 20 === 7) await inEnRetour('305', gemeld, { ...product, begindatum: min(dag(v.begin, -3), gemeld), statusAanlevering: '1' }, ['9019']);
      await inEnRetour('305', gemeld, { ...product, begindatum: v.gestartOp, statusAanlevering: '1' }, []);
      await wijzigToewijzing(tx, tId, { start_begindatum: v.gestartOp });
      if (v.status === 'beeindigd' && v.beeindigdOp && v.beeindigdOp <= o.tot && v.beeindigdOp >= v.gestartOp) {
        const reden = REDENEN_BEEINDIGING[v.wet === 'jeugdwet' ? 'jeugdwet' : 'wmo'][v.redenBeeindiging ?? ''] ? v.redenBeeindiging! : v.wet === 'jeugdwet' ? '31' : '19';
        const gestopt = min(dag(v.beeindigdOp, 3), o.tot);
        await inEnRetour('307', gestopt, { ...product, begindatum: v.gestartOp, einddatum: v.beeindigdOp, redenBeeindiging: reden, statusAanlevering: '1' }, []);
        await wijzigToewijzing(tx, tId, { stop_einddatum: v.beeindigdOp, stop_reden: reden });
      }
    }
    if (v.beeindigdOp && v.beeindigdOp <= o.tot && v.beeindigdOp !== laatste.einddatum) {
      const einde = v.status === 'ingetrokken' || v.beeindigdOp < v.begin ? v.begin : v.beeindigdOp;
      laatste = { ...inhoud, einddatum: einde, redenWijziging: redenWijzigingBijEinde(v.redenBeeindiging, v.status) };
      await uit('301', min(dag(v.beeindigdOp, 4), o.tot), laatste);
    }
    await wijzigToewijzing(tx, tId, { verstuurd: laatste, reden_wijziging: laatste.redenWijziging });
  }
  await eisGeldig(later);
  return { voorzieningen: lijst.length, berichten };
}

/**
 * Verzoeken of the demo providers, received through the live use case: for running toewijzingen of
 * different clients, a verzoek om wijziging (317) for more hours. The first is dated nine days ago, so
 * its term has passed (the signal shows); the second is put in onderzoek and the third refused by the
 * client's own casusregisseur (the 319s are real); the rest wait for the regisseur.
 */
export async function zaaiVerzoeken(tx: Tx, gemeenteId: string, aantal: number): Promise<number> {
  const g = await tx.selectFrom('gemeenten').select('cbs_code').where('id', '=', sql<string>`app_gemeente()`).executeTakeFirstOrThrow();
  if (!g.cbs_code) return 0;
  const cbs = g.cbs_code;
  const vandaag = vandaagNL();
  // The demo regisseur's own provisions that got their provider at seeding wait in the outbox for their 301: sent now (the
  // job then finds nothing changed), so a verzoek can be about them.
  const wachtend = await tx.selectFrom('voorzieningen as v').innerJoin('casussen as c', 'c.id', 'v.casus_id').innerJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .select('v.id').where('g.gebruikersnaam', '=', 'regisseur').where('v.leveringsvorm', '=', 'zin').where('v.aanbieder_id', 'is not', null)
    .where('v.status', 'in', ['toegewezen', 'gestart']).where((e) => e.not(e.exists(e.selectFrom('toewijzingen as t').select('t.id').whereRef('t.voorziening_id', '=', 'v.id'))))
    .execute();
  const systeem: Actor = { gebruikerId: null, gebruikersnaam: 'systeem (demohistorie)', gemeenteId, rollen: [], rol: 'systeem', aanbiederId: null };
  await verstuurToewijzingen(tx, wachtend.map((w) => w.id), { gemeenteId, opdrachtId: 'demohistorie', poging: 1, actor: systeem });
  // The demo's own regisseur and providers first, so their logins show a verzoek too.
  const kandidaten = await tx.selectFrom('toewijzingen as t').innerJoin('aanbieders as a', 'a.id', 't.aanbieder_id')
    .innerJoin('casussen as c', (j) => j.on(sql<boolean>`c.huishouden_id = (select p.huishouden_id from personen p where p.id = t.persoon_id)`).on('c.status', '=', 'open'))
    .innerJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .select(['t.id', 't.persoon_id', 't.aanbieder_id', 't.standaard', 't.nummer', 't.verstuurd', 'a.agb_code', 'c.regisseur_id'])
    // Care that runs; for the demo regisseur also care not yet started (his few handmade cases may have no start).
    .where(sql<boolean>`(t.start_begindatum is not null or g.gebruikersnaam = 'regisseur')`).where('t.stop_einddatum', 'is', null).where('t.verstuurd', 'is not', null)
    .where(sql<boolean>`(t.verstuurd->>'einddatum' is null or (t.verstuurd->>'einddatum')::date > ${vandaag}::date + 30) and t.verstuurd->>'omvang' is not null`)
    .orderBy(sql`g.gebruikersnaam = 'regisseur'`, 'desc').orderBy(sql`a.agb_code in ('98012345', '98034522')`, 'desc').orderBy('t.nummer')
    .limit(aantal * 4).execute();
  const gekozen = kandidaten.filter((k, i, alle) => alle.findIndex((x) => x.persoon_id === k.persoon_id) === i).slice(0, aantal);
  let n = 0;
  for (const [i, k] of gekozen.entries()) {
    const v = k.verstuurd as ToewijzingInhoud;
    const p = await getPersoon(tx, k.persoon_id);
    if (!p || !v.omvang) continue;
    const dagtekening = i === 0 ? dag(vandaag, -9) : dag(vandaag, -(i % 3));
    const std = k.standaard as Standaard;
    const xml = schrijfVerzoekWijziging(std, { afzender: k.agb_code, ontvanger: g.cbs_code, identificatie: `VOW${String(k.nummer).padStart(8, '0')}`, dagtekening }, p.bsn, {
      referentie: `VOW-${k.nummer}`, redenVerzoek: i % 2 ? '2' : '1', ongewijzigd: [],
      teWijzigen: [{ toewijzingNummer: Number(k.nummer), gewensteIngangsdatum: dag(vandaag, 14), einddatum: v.einddatum, omvang: { ...v.omvang, volume: v.omvang.volume + (v.omvang.eenheid === '01' ? 60 : 1) }, budget: null }],
      nieuw: [],
    });
    const aanbieder: Actor = { gebruikerId: null, gebruikersnaam: 'demo-aanbieder', gemeenteId, rollen: ['aanbieder'], rol: 'aanbieder', aanbiederId: k.aanbieder_id };
    const uit = await ontvangBericht(tx, aanbieder, xml);
    const verzoek = await tx.selectFrom('verzoeken').select('id').where('bericht_id', '=', uit.berichtId).executeTakeFirst();
    if (!verzoek) continue;
    n++;
    if (i === 0) await wijzigVerzoek(tx, verzoek.id, { ontvangen_op: dagtekening, termijn_einde: termijnen.plusWerkdagen(dagtekening, ANTWOORD_WERKDAGEN) });
    const regisseur: Actor = { gebruikerId: k.regisseur_id, gebruikersnaam: 'demo-regisseur', gemeenteId, rollen: ['regisseur'], rol: 'regisseur', aanbiederId: null };
    if (i === 1) await zetInOnderzoek(tx, regisseur, verzoek.id, { toelichting: 'We vragen de wijkverpleegkundige om advies.' });
    if (i === 2) await wijsVerzoekAf(tx, regisseur, verzoek.id, { reden: '4', toelichting: 'Meer uren past niet binnen het contract; we bespreken een andere oplossing.' });
  }
  return n + await zaaiVerzoekOmToewijzing(tx, gemeenteId, cbs, vandaag);
}

/**
 * A verzoek om toewijzing (315) for a provision the demo regisseur decided in natura that has no
 * provider yet: a contracted provider asks for it, so "toewijzen" can be tried on the demo.
 */
async function zaaiVerzoekOmToewijzing(tx: Tx, gemeenteId: string, cbs: string, vandaag: string): Promise<number> {
  const v = await tx.selectFrom('voorzieningen as v').innerJoin('casussen as c', 'c.id', 'v.casus_id').innerJoin('gebruikers as g', 'g.id', 'c.regisseur_id')
    .select(['v.persoon_id', 'v.wet', 'v.productcategorie', 'v.productcode', 'v.begin', 'v.eind', 'v.volume', 'v.eenheid', 'v.frequentie'])
    .where('v.status', '=', 'toegekend').where('v.leveringsvorm', '=', 'zin').where('v.aanbieder_id', 'is', null).where('v.wet', 'in', ['wmo', 'jeugdwet'])
    .where('v.productcode', 'is not', null).where('v.productcategorie', 'is not', null).where('g.gebruikersnaam', '=', 'regisseur')
    .orderBy('v.nummer').limit(1).executeTakeFirst();
  if (!v) return 0;
  const contract = await gecontracteerd(tx, { wet: v.wet, productcode: v.productcode!, datum: v.begin });
  const aanbieder = contract.find((a) => a.agbCode === '98012345') ?? contract[0];
  const p = await getPersoon(tx, v.persoon_id);
  if (!aanbieder || !p) return 0;
  const std = standaardVanWet(v.wet)!;
  const xml = schrijfVerzoekToewijzing(std, { afzender: aanbieder.agbCode, ontvanger: cbs, identificatie: `VOT${vandaag.replaceAll('-', '')}1`, dagtekening: vandaag }, {
    bsn: p.bsn, geboortedatum: p.geboortedatum, geslacht: '0', achternaam: p.achternaam, voorvoegsel: p.tussenvoegsel, voornamen: p.voornaam, voorletters: null,
  }, [{
    referentie: `VOT-${p.bsn}`, categorie: v.productcategorie, code: v.productcode, toewijzingIngangsdatum: v.begin, toewijzingEinddatum: v.eind,
    omvang: omvangVoorBericht(Number(v.volume), v.eenheid, v.frequentie), verwijzer: { type: v.wet === 'jeugdwet' ? '02' : '01', naam: v.wet === 'jeugdwet' ? 'Huisartsenpraktijk Demodorp' : null, zorgverlenerscode: null },
  }]);
  const actor: Actor = { gebruikerId: null, gebruikersnaam: 'demo-aanbieder', gemeenteId, rollen: ['aanbieder'], rol: 'aanbieder', aanbiederId: aanbieder.aanbiederId };
  const uit = await ontvangBericht(tx, actor, xml);
  return uit.status === 'verwerkt' ? 1 : 0;
}

export type { Voorziening };
