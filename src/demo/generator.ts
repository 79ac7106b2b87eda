/**
 * The demo gemeente generator: a gemeente of any size with years of realistic history, written
 * through the real tables (with row-level security), in batches. Deterministic for a seed.
 *
 * Rates (per resident per year) follow the seeds and national figures: Wmo clients about 6–8% of
 * residents; a melding leads to maatwerk in roughly a quarter of cases; most maatwerk follows a
 * conversation; "goed geholpen" around 80%. Seasonal pattern: busier in January and September,
 * quieter in July and August. Wmo meldingen come mostly from residents over 65.
 */
import type { Kysely } from 'kysely';
import { DEMO_CATALOGUS } from '../contexts/catalogus/demo-catalogus.ts';
import { STANDAARD_INSTRUMENTEN } from '../contexts/gesprek/rules.ts';
import { STANDAARD_TERMIJNEN, berekenTermijn, plusDagen, type TermijnRegel } from '../contexts/toegang/termijnen.ts';
import { meldingNummer, casusNummer, type Wet } from '../contexts/toegang/rules.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { DB } from '../platform/db/schema.ts';
import { inGemeente, type Tx } from '../platform/tenancy/tx.ts';
import { Factories } from './factories.ts';

export interface GeneratorOpties {
  code: string;
  naam: string;
  inwoners: number;
  jaren: number;
  seed: number;
  tot: string; // last day of the history ('YYYY-MM-DD')
  wachtwoord?: string | null;
}

export type Voortgang = (stap: string, gedaan: number, totaal: number) => void;

const WET_MIX: [Wet, number][] = [['wmo', 0.45], ['jeugdwet', 0.15], ['participatiewet', 0.12], ['schuldhulp', 0.1], ['minima', 0.13], ['onbekend', 0.05]];
const KANAAL_MIX = [['telefoon', 0.38], ['balie', 0.12], ['email', 0.1], ['online', 0.2], ['verwijzing', 0.15], ['vroegsignalering', 0.05]] as const;
const SEIZOEN = [1.25, 1.05, 1.0, 0.95, 0.95, 0.9, 0.7, 0.75, 1.2, 1.1, 1.05, 0.9];
const MELDINGEN_PER_INWONER_PER_JAAR = 0.075;

async function inBatches<T>(rijen: T[], grootte: number, fn: (batch: T[]) => Promise<void>, voortgang?: (n: number) => void) {
  for (let i = 0; i < rijen.length; i += grootte) {
    await fn(rijen.slice(i, i + grootte));
    voortgang?.(Math.min(rijen.length, i + grootte));
  }
}

const kies = <T>(rnd: () => number, mix: readonly (readonly [T, number])[]): T => {
  let r = rnd();
  for (const [v, p] of mix) { if ((r -= p) < 0) return v; }
  return mix[mix.length - 1]![0];
};

export async function genereerGemeente(db: Kysely<DB>, o: GeneratorOpties, voortgang: Voortgang = () => {}): Promise<{ gemeenteId: string; tellingen: Record<string, number> }> {
  const f = new Factories(o.seed);
  const rnd = () => f.faker.number.float();
  const van = `${Number(o.tot.slice(0, 4)) - o.jaren}${o.tot.slice(4)}`;
  const tellingen: Record<string, number> = {};

  // 1. The gemeente, its people and areas (owner).
  const aantalKernen = Math.max(2, Math.min(12, Math.round(o.inwoners / 12000)));
  const hash = o.wachtwoord ? await hashPassword(o.wachtwoord) : null;
  const basis = await db.transaction().execute(async (tx) => {
    const { id: gemeenteId } = await tx.insertInto('gemeenten').values({ code: o.code, naam: o.naam }).returning('id').executeTakeFirstOrThrow();
    const teams = await tx.insertInto('teams').values(Array.from({ length: Math.max(1, Math.ceil(aantalKernen / 3)) }, (_, i) => ({ gemeente_id: gemeenteId, naam: `Wijkteam ${i + 1}` })))
      .returning('id').execute();
    const aantalRegisseurs = Math.max(2, Math.round(o.inwoners / 4000));
    const mensen = [
      ...Array.from({ length: aantalRegisseurs }, (_, i) => ({ gebruikersnaam: `${o.code}-regisseur${i + 1}`, naam: f.faker.person.fullName(), rollen: ['regisseur'], team_id: teams[i % teams.length]!.id })),
      ...Array.from({ length: Math.max(2, Math.round(aantalRegisseurs / 4)) }, (_, i) => ({ gebruikersnaam: `${o.code}-beslisser${i + 1}`, naam: f.faker.person.fullName(), rollen: ['beslisser'], team_id: null })),
      { gebruikersnaam: `${o.code}-beleid`, naam: f.faker.person.fullName(), rollen: ['beleid'], team_id: null },
      { gebruikersnaam: `${o.code}-teamleider`, naam: f.faker.person.fullName(), rollen: ['teamleider'], team_id: teams[0]!.id },
    ];
    const gebruikers = await tx.insertInto('gebruikers').values(mensen.map((m) => ({ gemeente_id: gemeenteId, ...m, wachtwoord_hash: hash }))).returning(['id', 'rollen']).execute();
    const wijken: { id: string; kern: string }[] = [];
    for (let k = 0; k < aantalKernen; k++) {
      const naam = k === 0 ? o.naam : `${f.faker.location.city()} ${k}`;
      const kern = await tx.insertInto('kernen').values({ gemeente_id: gemeenteId, naam }).returning('id').executeTakeFirstOrThrow();
      const aantalWijken = 2 + Math.floor(rnd() * 5);
      const rows = await tx.insertInto('wijken').values(Array.from({ length: aantalWijken }, (_, w) => ({ gemeente_id: gemeenteId, kern_id: kern.id, naam: `${naam}-${['Noord', 'Oost', 'Zuid', 'West', 'Centrum', 'Buiten'][w]}` })))
        .returning('id').execute();
      wijken.push(...rows.map((r) => ({ id: r.id, kern: naam })));
    }
    return { gemeenteId, regisseurs: gebruikers.filter((g) => g.rollen.includes('regisseur')).map((g) => g.id), beslissers: gebruikers.filter((g) => g.rollen.includes('beslisser')).map((g) => g.id), wijken };
  });
  const { gemeenteId } = basis;

  await inGemeente(db, gemeenteId, async (tx) => {
    const { insertInstrumenten } = await import('../contexts/gesprek/store.ts');
    await insertInstrumenten(tx, gemeenteId, STANDAARD_INSTRUMENTEN);
    await tx.insertInto('catalogus_items').values(DEMO_CATALOGUS.map(({ kernen: _k, ...i }) => ({
      gemeente_id: gemeenteId, naam: i.naam, omschrijving: i.omschrijving, domein: i.domein, trede: i.trede, leefgebieden: i.leefgebieden, kern_ids: [],
      aanbieder: i.aanbieder, beschikking_nodig: i.beschikkingNodig, limiet_eenheid: i.limiet?.eenheid ?? null, limiet_waarde: i.limiet?.waarde ?? null, zoekwoorden: i.zoekwoorden,
    }))).execute();
  });

  // 2. Households and residents.
  type Persoon = { id: string; huishouden: string; geboortedatum: string };
  const personen: Persoon[] = [];
  const huishoudens: { id: string; wijk: string; leden: number }[] = [];
  let n = 0;
  while (n < o.inwoners) {
    const leden = Math.min(o.inwoners - n, kies(rnd, [[1, 0.38], [2, 0.33], [3, 0.12], [4, 0.12], [5, 0.05]] as const));
    huishoudens.push({ id: crypto.randomUUID(), wijk: f.faker.helpers.arrayElement(basis.wijken).id, leden });
    n += leden;
  }
  voortgang('huishoudens en inwoners', 0, o.inwoners);
  await inGemeente(db, gemeenteId, async (tx) => {
    await inBatches(huishoudens, 5000, async (b) => { await tx.insertInto('huishoudens').values(b.map((h) => ({ id: h.id, gemeente_id: gemeenteId }))).execute(); });
    const rijen = huishoudens.flatMap((h) => Array.from({ length: h.leden }, (_, i) => {
      const p = f.persoon(i >= 2 ? { geboortedatum: f.datum('2006-01-01', '2024-12-31') } : { geboortedatum: f.datum('1925-01-01', '2004-12-31') });
      const id = crypto.randomUUID();
      personen.push({ id, huishouden: h.id, geboortedatum: p.geboortedatum });
      return { id, gemeente_id: gemeenteId, ...p, wijk_id: h.wijk, huishouden_id: h.id, straat: null, huisnummer: null, postcode: null, woonplaats: null };
    }));
    await inBatches(rijen, 4000, async (b) => { await tx.insertInto('personen').values(b).execute(); }, (k) => voortgang('huishoudens en inwoners', k, o.inwoners));
  });
  tellingen.inwoners = personen.length;
  tellingen.huishoudens = huishoudens.length;

  // 3. Meldingen over the years, with triage, casussen, terms, conversations, plans and decisions.
  const dagen = Math.round((Date.parse(o.tot) - Date.parse(van)) / 86_400_000);
  const totaal = Math.round(o.inwoners * MELDINGEN_PER_INWONER_PER_JAAR * o.jaren);
  const ouderen = personen.filter((p) => p.geboortedatum < `${Number(o.tot.slice(0, 4)) - 65}-01-01`);
  const meldingen: Record<string, unknown>[] = [];
  const historie: Record<string, unknown>[] = [];
  const casussen: Record<string, unknown>[] = [];
  const termijnen: Record<string, unknown>[] = [];
  const gesprekken: Record<string, unknown>[] = [];
  const scores: Record<string, unknown>[] = [];
  const tevredenheid: Record<string, unknown>[] = [];
  const aanvragen: Record<string, unknown>[] = [];
  const aanvraagProducten: Record<string, unknown>[] = [];
  const beschikkingen: Record<string, unknown>[] = [];
  const beschikkingProducten: Record<string, unknown>[] = [];
  const instrument = await inGemeente(db, gemeenteId, (tx) => tx.selectFrom('instrumenten').select('id').where('standaard', '=', true).executeTakeFirstOrThrow());
  const maatwerk = await inGemeente(db, gemeenteId, (tx) => tx.selectFrom('catalogus_items').select(['id', 'naam', 'domein']).where('trede', '=', 4).execute());
  const volg: Record<string, number> = {};
  const nummer = (soort: string, jaar: number) => (volg[`${soort}${jaar}`] = (volg[`${soort}${jaar}`] ?? 0) + 1);
  const openCasus = new Map<string, { id: string; tot: string }>();
  const domeinen = ['huisvesting', 'financien', 'sociaalFunctioneren', 'psychischFunctioneren', 'zingeving', 'lichamelijkFunctioneren', 'praktischFunctioneren', 'dagbesteding'];
  const termijn = (soort: 'onderzoek' | 'eersteGesprek' | 'beschikking', wet: Wet, regel: TermijnRegel, start: string, afgerond: string | null, ids: { melding_id?: string; aanvraag_id?: string }) => {
    const stand = berekenTermijn({ soort, startdatum: start, duur: regel.duur, opschortingen: [], verdaging: null, afgerondOp: afgerond && afgerond <= o.tot ? afgerond : null }, o.tot);
    termijnen.push({
      gemeente_id: gemeenteId, melding_id: ids.melding_id ?? null, aanvraag_id: ids.aanvraag_id ?? null, soort, wet, startdatum: start, duur_eenheid: regel.duur.eenheid,
      duur_aantal: regel.duur.aantal, grondslag: regel.grondslag, afgerond_op: afgerond && afgerond <= o.tot ? afgerond : null, uiterste_datum: stand.uitersteDatum,
      opgeschort_dagen: 0, status: stand.status, berekend_op: o.tot,
    });
  };

  voortgang('meldingen en hun verloop', 0, totaal);
  // Dates sorted so each household's casus history runs forward in time.
  const datums = Array.from({ length: totaal }, () => {
    for (;;) {
      const d = plusDagen(van, Math.floor(rnd() * dagen));
      if (rnd() < SEIZOEN[Number(d.slice(5, 7)) - 1]! / 1.25) return d;
    }
  }).sort();
  for (let i = 0; i < totaal; i++) {
    const ontvangen = datums[i]!;
    const wet = kies(rnd, WET_MIX);
    const persoon = wet === 'wmo' && ouderen.length && rnd() < 0.8 ? f.faker.helpers.arrayElement(ouderen) : f.faker.helpers.arrayElement(personen);
    const jaar = Number(ontvangen.slice(0, 4));
    const meldingId = crypto.randomUUID();
    const kanaal = kies(rnd, KANAAL_MIX);
    const recent = ontvangen > plusDagen(o.tot, -5);
    const uitkomst = recent && rnd() < 0.7 ? 'gemeld' : rnd() < 0.3 ? 'afgehandeld' : 'inOnderzoek';
    let casusId: string | null = null;
    let afgerond: string | null = uitkomst === 'afgehandeld' ? plusDagen(ontvangen, Math.floor(rnd() * 3)) : null;
    const bestaand = openCasus.get(persoon.huishouden);
    if (uitkomst === 'inOnderzoek') {
      if (bestaand && bestaand.tot >= ontvangen) casusId = bestaand.id;
      else {
        casusId = crypto.randomUUID();
        const looptijd = 90 + Math.floor(rnd() * 300);
        const sluit = plusDagen(ontvangen, looptijd);
        casussen.push({
          id: casusId, gemeente_id: gemeenteId, nummer: casusNummer(jaar, nummer('casus', jaar)), huishouden_id: persoon.huishouden,
          regisseur_id: f.faker.helpers.arrayElement(basis.regisseurs), status: sluit < o.tot ? 'gesloten' : 'open', gesloten_op: sluit < o.tot ? new Date(`${sluit}T12:00:00Z`) : null,
          geopend_op: new Date(`${ontvangen}T10:00:00Z`),
        });
        openCasus.set(persoon.huishouden, { id: casusId, tot: sluit });
        // The intake conversation within days; for most an evaluation with new scores later.
        const intake = plusDagen(ontvangen, 3 + Math.floor(rnd() * 20));
        if (intake <= o.tot) {
          const gesprekId = crypto.randomUUID();
          gesprekken.push({ id: gesprekId, gemeente_id: gemeenteId, casus_id: casusId, datum: intake, plek: 'thuis', instrument_id: instrument.id, soort: 'intake',
            deelnemers: JSON.stringify([{ rol: 'inwoner', naam: 'Inwoner' }]), verslag_verzonden_op: new Date(`${intake}T15:00:00Z`) });
          const begin = domeinen.map(() => 1 + Math.floor(rnd() * 4));
          begin.forEach((score, d) => scores.push({ gesprek_id: gesprekId, gemeente_id: gemeenteId, domein: domeinen[d], score }));
          afgerond = intake;
          const evaluatie = plusDagen(intake, 150 + Math.floor(rnd() * 60));
          if (evaluatie <= o.tot && rnd() < 0.75) {
            const evalId = crypto.randomUUID();
            gesprekken.push({ id: evalId, gemeente_id: gemeenteId, casus_id: casusId, datum: evaluatie, plek: 'thuis', instrument_id: instrument.id, soort: 'evaluatie',
              deelnemers: JSON.stringify([{ rol: 'inwoner', naam: 'Inwoner' }]) });
            begin.forEach((score, d) => scores.push({ gesprek_id: evalId, gemeente_id: gemeenteId, domein: domeinen[d], score: Math.max(1, Math.min(5, score + kies(rnd, [[1, 0.45], [0, 0.4], [-1, 0.1], [2, 0.05]] as const))) }));
            if (rnd() < 0.5) tevredenheid.push({ gemeente_id: gemeenteId, casus_id: casusId, datum: evaluatie, goed_geholpen: rnd() < 0.8, cijfer: 5 + Math.floor(rnd() * 5) });
          }
          // About a third of onderzoeken end in a request for maatwerk, decided within days or weeks.
          const product = maatwerk.filter((p) => p.domein === wet)[0] ?? null;
          if (product && rnd() < 0.35) {
            const aanvraagId = crypto.randomUUID();
            const ingediend = plusDagen(intake, 5 + Math.floor(rnd() * 20));
            const besloten = plusDagen(ingediend, 3 + Math.floor(rnd() * (wet === 'wmo' ? 20 : 60)));
            if (besloten <= o.tot) {
              const regel = (STANDAARD_TERMIJNEN[wet] as { beschikking: TermijnRegel }).beschikking;
              aanvragen.push({ id: aanvraagId, gemeente_id: gemeenteId, nummer: `A-${jaar}-${String(nummer('aanvraag', jaar)).padStart(6, '0')}`, casus_id: casusId,
                huishouden_id: persoon.huishouden, persoon_id: persoon.id, bron: 'plan', ontvangen_op: ingediend, status: 'verzonden',
                voorbereid_door: basis.regisseurs[0], getoetst_door: basis.beslissers[0], beoordeeld_door: basis.beslissers[1], besloten_door: basis.beslissers[0] });
              const apId = crypto.randomUUID();
              aanvraagProducten.push({ id: apId, gemeente_id: gemeenteId, aanvraag_id: aanvraagId, catalogus_item_id: product.id, wet, omschrijving: product.naam });
              const bId = crypto.randomUUID();
              beschikkingen.push({ id: bId, gemeente_id: gemeenteId, nummer: `B-${jaar}-${String(nummer('beschikking', jaar)).padStart(6, '0')}`, aanvraag_id: aanvraagId,
                motivering: 'Gemotiveerd besluit.', besloten_op: new Date(`${besloten}T11:00:00Z`), verzonden_op: besloten, bezwaar_termijn_einde: plusDagen(besloten, 42) });
              beschikkingProducten.push({ gemeente_id: gemeenteId, beschikking_id: bId, aanvraag_product_id: apId, uitkomst: rnd() < 0.85 ? 'toegekend' : 'afgewezen',
                grondslag: 'Gemeentelijke verordening', omvang: 3, eenheid: 'uur', periode: 'week', ingangsdatum: besloten, leveringsvorm: 'zin', jaarbedrag_cents: 300_000 + Math.floor(rnd() * 900_000) });
              termijn('beschikking', wet, regel, ingediend, besloten, { aanvraag_id: aanvraagId });
            }
          }
        }
      }
    }
    meldingen.push({
      id: meldingId, gemeente_id: gemeenteId, nummer: meldingNummer(jaar, nummer('melding', jaar)), persoon_id: persoon.id, huishouden_id: persoon.huishouden,
      wet, kanaal, ontvangen_op: ontvangen, omschrijving: f.omschrijving(), status: uitkomst === 'inOnderzoek' && afgerond && rnd() < 0.6 && afgerond < plusDagen(o.tot, -120) ? 'afgesloten' : uitkomst,
      casus_id: casusId, triage_uitkomst: uitkomst === 'gemeld' ? null : uitkomst === 'afgehandeld' ? 'enkelvoudig' : 'onderzoek', afgerond_op: afgerond && afgerond <= o.tot && uitkomst === 'afgehandeld' ? afgerond : null,
      spoed: false, aangemaakt_op: new Date(`${ontvangen}T09:00:00Z`),
    });
    historie.push({ gemeente_id: gemeenteId, melding_id: meldingId, van: null, naar: 'gemeld', moment: new Date(`${ontvangen}T09:00:00Z`), reden: 'Melding geregistreerd' });
    if (wet === 'wmo') termijn('onderzoek', wet, STANDAARD_TERMIJNEN.wmo.onderzoek, ontvangen, afgerond, { melding_id: meldingId });
    if (wet === 'schuldhulp') termijn('eersteGesprek', wet, STANDAARD_TERMIJNEN.schuldhulp.eersteGesprek, ontvangen, afgerond, { melding_id: meldingId });
    if (i % 2000 === 0) voortgang('meldingen en hun verloop', i, totaal);
  }
  voortgang('meldingen en hun verloop', totaal, totaal);

  const tabellen: [keyof DB, Record<string, unknown>[], number][] = [
    ['casussen', casussen, 3000], ['meldingen', meldingen, 2500], ['melding_statushistorie', historie, 5000], ['gesprekken', gesprekken, 3000],
    ['gesprek_scores', scores, 8000], ['tevredenheid', tevredenheid, 5000], ['aanvragen', aanvragen, 2500], ['aanvraag_producten', aanvraagProducten, 5000],
    ['beschikkingen', beschikkingen, 3000], ['beschikking_producten', beschikkingProducten, 3000], ['termijnen', termijnen, 2500],
  ];
  const regels = tabellen.reduce((s, [, r]) => s + r.length, 0);
  let geschreven = 0;
  voortgang('wegschrijven', 0, regels);
  await inGemeente(db, gemeenteId, async (tx: Tx) => {
    for (const [tabel, rijen, grootte] of tabellen) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic batch writer for every table's typed rows
      await inBatches(rijen, grootte, async (b) => { await tx.insertInto(tabel).values(b as any).execute(); }, () => {});
      geschreven += rijen.length;
      tellingen[tabel] = rijen.length;
      voortgang('wegschrijven', geschreven, regels);
    }
    for (const [sleutel, laatste] of Object.entries(volg)) {
      const soort = sleutel.replace(/\d+$/, '');
      await tx.insertInto('nummering').values({ gemeente_id: gemeenteId, soort, jaar: Number(sleutel.slice(soort.length)), laatste }).execute();
    }
  });
  return { gemeenteId, tellingen };
}
