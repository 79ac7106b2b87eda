import type { Kysely } from 'kysely';
import { bewaarCorrespondentie } from '../platform/pdf/correspondentie.ts';
import type { Correspondentie } from '../platform/pdf/tekst.ts';
import { wijzigHuisstijl, type HuisstijlKleuren } from '../contexts/beheer/index.ts';
import { DEMO_CATALOGUS } from '../contexts/catalogus/demo-catalogus.ts';
import { insertCatalogusItems, kernIdsOpNaam } from '../contexts/catalogus/index.ts';
import { STANDAARD_INSTRUMENTEN, insertInstrumenten } from '../contexts/gesprek/index.ts';
import { isMinderjarig } from '../contexts/inwoners/index.ts';
import { registreerMelding, triageer } from '../contexts/toegang/index.ts';
import { zaaiAanvragen } from './aanvragen.ts';
import { zaaiGesprekkenEnPlannen } from './gesprekken.ts';
import { zaaiInkoop } from './inkoop.ts';
import { zetGrootboek } from '../contexts/financien/index.ts';
import type { Kanaal, Wet } from '../contexts/toegang/index.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { GemeenteRol } from '../platform/auth/roles.ts';
import type { DB } from '../platform/db/schema.ts';
import { inGemeente } from '../platform/tenancy/tx.ts';
import { vandaag } from '../platform/time.ts';
import { Factories } from './factories.ts';
import { demodorpLogo, tweestadLogo } from './logo.ts';

export class DemoInProductionError extends Error {
  constructor() {
    super('Demo-gebruikers worden niet aangemaakt wanneer NODE_ENV=production.');
  }
}

interface DemoGemeente {
  /** A CBS-like gemeentecode for the iWmo/iJw messages; 9xxx is no real gemeente. */
  cbsCode: string;
  code: string;
  naam: string;
  kernen: { naam: string; wijken: string[] }[];
  huishoudens: number;
  meldingen: number;
  gebruikers: { gebruikersnaam: string; naam: string; rollen: GemeenteRol[]; team?: string }[];
  teams: string[];
  /** Provider staff (role aanbieder, ADR 38), each of the demo provider with this AGB code (src/demo/inkoop.ts). */
  aanbiederGebruikers?: { gebruikersnaam: string; naam: string; agbCode: string }[];
}

export const DEMO_WACHTWOORD = 'demo';

/** Phone numbers of the demo staff (the letters name the casusregisseur and how to reach them). */
const DEMO_TELEFOON: Record<string, string> = {
  regisseur: '06 12 34 56 01', regisseur2: '06 12 34 56 02', teamleider: '06 12 34 56 03', beslisser: '0123 45 67 10', beslisser2: '0123 45 67 11', jurist: '0123 45 67 12',
  frontoffice: '0123 45 67 00', 'regisseur-tweestad': '06 98 76 54 01',
};

/** The demo gemeenten's correspondence details: sender, bezwaar address and the rechtbank for beroep. */
const DEMO_CORRESPONDENTIE: Record<string, Correspondentie> = {
  demodorp: {
    afdeling: 'Sociaal Domein', postbus: 'Postbus 100', postcode: '1234 ZZ', plaats: 'Demodorp',
    bezoekadres: { straat: 'Raadhuisplein 1', postcode: '1234 AB', plaats: 'Demodorp' }, telefoon: '14 0123', email: 'sociaaldomein@demodorp.nl', website: 'www.demodorp.nl',
    bezwaarAdres: { aan: 'Het college van burgemeester en wethouders van Demodorp, t.a.v. de bezwaarschriftencommissie', postbus: 'Postbus 100', postcode: '1234 ZZ', plaats: 'Demodorp' },
    rechtbank: { naam: 'Rechtbank Midden-Nederland, sector bestuursrecht', postbus: 'Postbus 16005', postcode: '3500 DA', plaats: 'Utrecht' },
  },
  tweestad: {
    afdeling: 'Sociaal Team', postbus: 'Postbus 2', postcode: '2222 ZZ', plaats: 'Tweestad',
    bezoekadres: { straat: 'Stadhuisplein 2', postcode: '2222 AB', plaats: 'Tweestad' }, telefoon: '14 0222', email: null, website: null,
    bezwaarAdres: { aan: 'Het college van burgemeester en wethouders van Tweestad', postbus: 'Postbus 2', postcode: '2222 ZZ', plaats: 'Tweestad' },
    rechtbank: { naam: 'Rechtbank Gelderland, team bestuursrecht', postbus: 'Postbus 9030', postcode: '6800 EM', plaats: 'Arnhem' },
  },
};

export const DEMODORP: DemoGemeente = {
  code: 'demodorp',
  cbsCode: '9001',
  naam: 'Demodorp',
  kernen: [
    { naam: 'Demodorp', wijken: ['Centrum', 'Noord', 'Oost', 'De Hoven'] },
    { naam: 'Beekveld', wijken: ['Beekveld-Dorp', 'Beekveld-Buitengebied'] },
    { naam: 'Heidehoven', wijken: ['Heidehoven'] },
  ],
  huishoudens: 40,
  meldingen: 24,
  teams: ['Wijkteam Demodorp', 'Wijkteam Beekveld'],
  gebruikers: [
    { gebruikersnaam: 'frontoffice', naam: 'Fenna Frontoffice', rollen: ['frontoffice'] },
    { gebruikersnaam: 'regisseur', naam: 'Ruud Regisseur', rollen: ['regisseur'], team: 'Wijkteam Demodorp' },
    { gebruikersnaam: 'regisseur2', naam: 'Rachida Regisseur', rollen: ['regisseur'], team: 'Wijkteam Demodorp' },
    { gebruikersnaam: 'teamleider', naam: 'Tineke Teamleider', rollen: ['teamleider'], team: 'Wijkteam Demodorp' },
    { gebruikersnaam: 'beslisser', naam: 'Bas Beslisser', rollen: ['beslisser'] },
    { gebruikersnaam: 'beslisser2', naam: 'Bente Beslisser', rollen: ['beslisser'] },
    // Handles bezwaren: not involved in the primary decisions, as Awb 7:5 asks.
    { gebruikersnaam: 'jurist', naam: 'Joost Jurist', rollen: ['beslisser'] },
    { gebruikersnaam: 'inkoper', naam: 'Inge Inkoper', rollen: ['inkoper'] },
    { gebruikersnaam: 'subsidie', naam: 'Sander Subsidieadviseur', rollen: ['subsidie'] },
    { gebruikersnaam: 'beleid', naam: 'Bo Beleidsmedewerker', rollen: ['beleid'] },
    { gebruikersnaam: 'beheer', naam: 'Berend Beheerder', rollen: ['beheer'] },
    { gebruikersnaam: 'privacy', naam: 'Priya Privacy', rollen: ['privacy'] },
    // Approves the destruction lists of the retention job (Archiefwet).
    { gebruikersnaam: 'archivaris', naam: 'Anouk Archivaris', rollen: ['archivaris'] },
    // A second team, so need-to-know can be shown between teams as well as within one.
    { gebruikersnaam: 'regisseur3', naam: 'Ravi Regisseur', rollen: ['regisseur'], team: 'Wijkteam Beekveld' },
    { gebruikersnaam: 'teamleider2', naam: 'Tamara Teamleider', rollen: ['teamleider'], team: 'Wijkteam Beekveld' },
  ],
  // Two providers of hulp bij het huishouden, each with other clients: the portal shows each only its own.
  aanbiederGebruikers: [
    { gebruikersnaam: 'aanbieder', naam: 'Anna Aanbieder', agbCode: '98012345' }, // Thuiszorg De Heide (also individuele begeleiding)
    { gebruikersnaam: 'aanbieder2', naam: 'Arjen Aanbieder', agbCode: '98034522' }, // Zorgkracht Thuis (also individuele begeleiding)
  ],
};

export const TWEESTAD: DemoGemeente = {
  code: 'tweestad',
  cbsCode: '9002',
  naam: 'Tweestad',
  kernen: [{ naam: 'Tweestad', wijken: ['Tweestad-West', 'Tweestad-Oost'] }],
  huishoudens: 8,
  meldingen: 4,
  teams: ['Sociaal team Tweestad'],
  gebruikers: [{ gebruikersnaam: 'regisseur-tweestad', naam: 'Thijs Tweestad', rollen: ['regisseur'], team: 'Sociaal team Tweestad' }],
};

const WETTEN: Wet[] = ['wmo', 'wmo', 'wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend'];
const KANALEN: Kanaal[] = ['telefoon', 'telefoon', 'balie', 'email', 'online', 'verwijzing', 'vroegsignalering'];

/**
 * Seeds the demo gemeenten Demodorp and Tweestad with areas, households, persons, a few
 * meldingen and one user per role. Runs once (does nothing when Demodorp exists). Refused in production.
 */
/** Each demo gemeente has its own name, logo and colours, so neither looks like Utrecht (nor like the other). */
const DEMO_HUISSTIJL: Record<string, { naam: string; kleuren: HuisstijlKleuren; logo: () => Buffer }> = {
  demodorp: {
    naam: 'Gemeente Demodorp',
    kleuren: { primair: '#1f6f4a', primairTekst: '#ffffff', kopAchtergrond: '#1f5c3f', kopTekst: '#ffffff', accent: '#f2b705', link: '#1a6540' },
    logo: demodorpLogo,
  },
  tweestad: {
    naam: 'Gemeente Tweestad',
    kleuren: { primair: '#6b2fa0', primairTekst: '#ffffff', kopAchtergrond: '#5b2a86', kopTekst: '#ffffff', accent: '#e07a1f', link: '#5b2a86' },
    logo: tweestadLogo,
  },
};

export async function seedDemo(db: Kysely<DB>, opts: { nodeEnv: string; seed?: number }): Promise<boolean> {
  if (opts.nodeEnv === 'production') throw new DemoInProductionError();
  const bestaat = await db.selectFrom('gemeenten').select('id').where('code', '=', DEMODORP.code).executeTakeFirst();
  if (bestaat) {
    // A demo database from before provider staff existed gets them now.
    for (const g of [DEMODORP, TWEESTAD]) await zaaiAanbiederGebruikers(db, g, () => hashPassword(DEMO_WACHTWOORD));
    return false;
  }
  const f = new Factories(opts.seed ?? 42);
  const hash = await hashPassword(DEMO_WACHTWOORD);
  for (const g of [DEMODORP, TWEESTAD]) {
    // The gemeente, its people and its areas are set up by the owner; everything about residents
    // then goes through the same row-level-security path as the app itself.
    const { gemeenteId, gebruikers, wijken } = await db.transaction().execute(async (tx) => {
      const { id: gemeenteId } = await tx.insertInto('gemeenten').values({ code: g.code, naam: g.naam, cbs_code: g.cbsCode }).returning('id').executeTakeFirstOrThrow();
      const teams = await tx.insertInto('teams').values(g.teams.map((naam) => ({ gemeente_id: gemeenteId, naam }))).returning(['id', 'naam']).execute();
      const gebruikers = await tx
        .insertInto('gebruikers')
        .values(g.gebruikers.map((u) => ({
          gemeente_id: gemeenteId, gebruikersnaam: u.gebruikersnaam, naam: u.naam, rollen: u.rollen, wachtwoord_hash: hash,
          team_id: teams.find((t) => t.naam === u.team)?.id ?? null,
        })))
        .returning(['id', 'gebruikersnaam', 'rollen'])
        .execute();
      const wijken: { id: string; kern: string }[] = [];
      for (const k of g.kernen) {
        const kern = await tx.insertInto('kernen').values({ gemeente_id: gemeenteId, naam: k.naam }).returning('id').executeTakeFirstOrThrow();
        const rows = await tx
          .insertInto('wijken')
          .values(k.wijken.map((naam) => ({ gemeente_id: gemeenteId, kern_id: kern.id, naam })))
          .returning('id')
          .execute();
        wijken.push(...rows.map((r) => ({ id: r.id, kern: k.naam })));
      }
      return { gemeenteId, gebruikers, wijken };
    });
    // Letters name the sender, the bezwaar address, the rechtbank and the casusregisseur's phone.
    for (const [gebruikersnaam, telefoon] of Object.entries(DEMO_TELEFOON)) {
      await db.updateTable('gebruikers').set({ telefoon }).where('gemeente_id', '=', gemeenteId).where('gebruikersnaam', '=', gebruikersnaam).execute();
    }
    const brieven = DEMO_CORRESPONDENTIE[g.code];
    if (brieven) await inGemeente(db, gemeenteId, (tx) => bewaarCorrespondentie(tx, gemeenteId, brieven, null));
    const stijl = DEMO_HUISSTIJL[g.code];
    if (stijl) {
      await inGemeente(db, gemeenteId, (tx) => wijzigHuisstijl(tx, gemeenteId, {
        naam: stijl.naam, kleuren: stijl.kleuren, logo: { type: 'image/png', data: stijl.logo().toString('base64') },
      }, null));
    }
    await inGemeente(db, gemeenteId, async (tx) => {
      const personen: { id: string; huishoudenId: string }[] = [];
      let alleenstaande: string | null = null;
      for (let h = 0; h < g.huishoudens; h++) {
        const { id: huishoudenId } = await tx.insertInto('huishoudens').values({ gemeente_id: gemeenteId }).returning('id').executeTakeFirstOrThrow();
        const wijk = f.faker.helpers.arrayElement(wijken);
        const adres = f.adres(wijk.kern);
        const hoofd = f.persoon();
        const leden = [hoofd];
        if (f.faker.number.float() < 0.55) leden.push(f.persoon({ achternaam: hoofd.achternaam, tussenvoegsel: hoofd.tussenvoegsel }));
        const kinderen = f.faker.number.int({ min: 0, max: 3 });
        for (let k = 0; k < kinderen && leden.length > 1; k++) {
          leden.push(f.persoon({ achternaam: hoofd.achternaam, tussenvoegsel: hoofd.tussenvoegsel, geboortedatum: f.datum('2008-01-01', '2024-12-31') }));
        }
        const rows = await tx
          .insertInto('personen')
          .values(leden.map((p) => ({ gemeente_id: gemeenteId, ...p, ...adres, wijk_id: wijk.id, huishouden_id: huishoudenId })))
          .returning('id')
          .execute();
        personen.push(...rows.map((r) => ({ id: r.id, huishoudenId })));
        // Relations as the BRP has them: a couple, and both parents (adults) with gezag over their minor children.
        const [hoofdRij, tweede, ...kinderRijen] = rows.map((r, i) => ({ id: r.id, geboortedatum: leden[i]!.geboortedatum }));
        const peil = vandaag();
        const relaties = [
          ...(tweede ? [{ gemeente_id: gemeenteId, persoon_id: tweede.id, ander_id: hoofdRij!.id, soort: 'partner', gezag: false }] : []),
          ...kinderRijen.flatMap((k) => [hoofdRij!, tweede!].filter((o) => o.geboortedatum < k.geboortedatum).map((o) => ({
            gemeente_id: gemeenteId, persoon_id: o.id, ander_id: k.id, soort: 'ouder',
            gezag: isMinderjarig(k.geboortedatum, peil) && !isMinderjarig(o.geboortedatum, peil),
          }))),
        ];
        if (relaties.length) await tx.insertInto('relaties').values(relaties).execute();
        if (rows.length === 1 && !alleenstaande && !isMinderjarig(hoofd.geboortedatum, peil)) alleenstaande = hoofdRij!.id;
        // The wijk of an address follows from its postcode: the demo's postcode areas are its addresses'.
        await tx.insertInto('postcodegebieden').values({ gemeente_id: gemeenteId, postcode4: adres.postcode.slice(0, 4), wijk_id: wijk.id })
          .onConflict((oc) => oc.columns(['gemeente_id', 'postcode4']).doNothing()).execute();
      }
      // One resident alone with a professional bewindvoerder (debts): letters also go to the bewindvoerder.
      if (alleenstaande) {
        await tx.insertInto('relaties').values({
          gemeente_id: gemeenteId, persoon_id: null, ander_id: alleenstaande, soort: 'bewindvoerder', gezag: false,
          extern_naam: 'Bewindvoering De Brug B.V.', extern_straat: 'Postbus', extern_huisnummer: '412', extern_postcode: '7400 AK', extern_plaats: 'Deventer',
        }).execute();
      }
      const registrant = gebruikers.find((u) => u.gebruikersnaam === 'frontoffice') ?? gebruikers[0]!;
      const regisseurs = gebruikers.filter((u) => u.rollen.includes('regisseur'));
      const eind = vandaag();
      await insertInstrumenten(tx, gemeenteId, STANDAARD_INSTRUMENTEN);
      const kernIds = await kernIdsOpNaam(tx);
      await insertCatalogusItems(tx, gemeenteId, DEMO_CATALOGUS.map(({ kernen, ...i }) => ({
        ...i, kernIds: kernen.map((k) => kernIds.get(k)).filter((id): id is string => id !== undefined),
      })));
      const onderzoek: { meldingId: string; ontvangenOp: string }[] = [];
      // Meldingen over the last ten weeks: some still to triage, some answered at once, some in
      // onderzoek with a casusregisseur, so every queue and every term state has examples.
      for (let i = 0; i < g.meldingen; i++) {
        const p = f.faker.helpers.arrayElement(personen);
        const leden = personen.filter((x) => x.huishoudenId === p.huishoudenId);
        const persoon = await tx.selectFrom('personen').selectAll().where('id', '=', f.faker.helpers.arrayElement(leden).id).executeTakeFirstOrThrow();
        const kanaal = f.faker.helpers.arrayElement(KANALEN);
        const wet = f.faker.helpers.arrayElement(WETTEN);
        const ontvangenOp = f.datum(addDays(eind, -70), eind);
        const r = await registreerMelding(tx, {
          gemeenteId, persoon: { bsn: persoon.bsn, voornaam: persoon.voornaam, achternaam: persoon.achternaam, geboortedatum: persoon.geboortedatum },
          wet, kanaal, ontvangenOp, omschrijving: f.omschrijving(), spoed: wet === 'schuldhulp' && f.faker.number.float() < 0.3,
          ...(kanaal === 'verwijzing' ? { verwijzer: { soort: f.faker.helpers.arrayElement(['huisarts', 'school', 'wijkteam', 'woningcorporatie']), naam: f.faker.person.fullName() } } : {}),
          ...(kanaal === 'vroegsignalering' ? { signaal: { bron: 'woningcorporatie', achterstandEuro: f.faker.number.int({ min: 300, max: 4000 }) } } : {}),
          door: registrant.id,
        }, eind);
        const kans = f.faker.number.float();
        const regisseur = f.faker.helpers.arrayElement(regisseurs);
        const actor = { gebruikerId: regisseur.id, gebruikersnaam: regisseur.gebruikersnaam, gemeenteId, rollen: regisseur.rollen, rol: 'regisseur', aanbiederId: null };
        if (ontvangenOp < addDays(eind, -7) && kans < 0.25) {
          await triageer(tx, actor, r.meldingId, { uitkomst: 'enkelvoudig', advies: 'Informatie gegeven over de algemene voorzieningen in de kern.' }, eind);
        } else if (ontvangenOp < addDays(eind, -3) && kans < 0.8) {
          await triageer(tx, actor, r.meldingId, { uitkomst: 'onderzoek', toelichting: 'Meerdere leefgebieden: keukentafelgesprek plannen.' }, eind);
          onderzoek.push({ meldingId: r.meldingId, ontvangenOp });
        }
      }
      await zaaiGesprekkenEnPlannen(tx, f, gemeenteId, onderzoek, eind);
      // Aanbieders and contracts before any decision: a decision's budget comes from the contract.
      const inkoper = gebruikers.find((u) => u.rollen.includes('inkoper')) ?? registrant;
      await zaaiInkoop(tx, { gebruikerId: inkoper.id, gebruikersnaam: inkoper.gebruikersnaam, gemeenteId, rollen: inkoper.rollen, rol: inkoper.rollen.includes('inkoper') ? 'inkoper' : inkoper.rollen[0]!, aanbiederId: null }, g.code);
      // The ledger the payment journal books on (beheer keeps it): without it no journal can be exported.
      const beheerder = gebruikers.find((u) => u.rollen.includes('beheer')) ?? inkoper;
      await zetGrootboek(tx, { gebruikerId: beheerder.id, gebruikersnaam: beheerder.gebruikersnaam, gemeenteId, rollen: beheerder.rollen, rol: 'beheer', aanbiederId: null }, [
        { wet: 'wmo', productcategorie: null, grootboekrekening: '4410', kostenplaats: 'WMO' },
        { wet: 'wmo', productcategorie: '01', grootboekrekening: '4411', kostenplaats: 'WMO-HH' },
        { wet: 'jeugdwet', productcategorie: null, grootboekrekening: '4420', kostenplaats: 'JEUGD' },
      ]);
      await zaaiAanvragen(tx, f, gemeenteId, g.naam, gebruikers, eind);
    });
    // After inkoop: provider staff belong to a provider.
    await zaaiAanbiederGebruikers(db, g, async () => hash);
  }
  return true;
}

/** The demo's provider staff, tied to their provider by AGB code; existing ones are left as they are. Owner rights, like the other demo accounts. */
async function zaaiAanbiederGebruikers(db: Kysely<DB>, g: DemoGemeente, hash: () => Promise<string>): Promise<void> {
  const gewenst = g.aanbiederGebruikers ?? [];
  if (gewenst.length === 0) return;
  const gemeente = await db.selectFrom('gemeenten').select('id').where('code', '=', g.code).executeTakeFirst();
  if (!gemeente) return;
  const bestaand = new Set((await db.selectFrom('gebruikers').select('gebruikersnaam')
    .where('gebruikersnaam', 'in', gewenst.map((u) => u.gebruikersnaam)).execute()).map((r) => r.gebruikersnaam));
  const nodig = gewenst.filter((u) => !bestaand.has(u.gebruikersnaam));
  if (nodig.length === 0) return;
  const aanbieders = await db.selectFrom('aanbieders').select(['id', 'agb_code']).where('gemeente_id', '=', gemeente.id)
    .where('agb_code', 'in', nodig.map((u) => u.agbCode)).execute();
  const wachtwoordHash = await hash();
  const rijen = nodig.flatMap((u) => {
    const a = aanbieders.find((x) => x.agb_code === u.agbCode);
    return a ? [{ gemeente_id: gemeente.id, gebruikersnaam: u.gebruikersnaam, naam: u.naam, rollen: ['aanbieder'], aanbieder_id: a.id, wachtwoord_hash: wachtwoordHash }] : [];
  });
  if (rijen.length > 0) await db.insertInto('gebruikers').values(rijen).onConflict((oc) => oc.column('gebruikersnaam').doNothing()).execute();
}

function addDays(d: string, n: number): string {
  const t = new Date(`${d}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
