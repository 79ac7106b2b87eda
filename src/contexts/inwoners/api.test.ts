import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { Client, nieuwBsn, startTestApp, voorbeeldMelding, type TestApp } from '../../testing/harness.ts';
import { BRP_STANDIN_PAD } from './brp-standin.ts';
import { wettelijkVertegenwoordigers } from './vertegenwoordiging.ts';

let t: TestApp;
let regisseur: Client;
let frontoffice: Client;
const extra: FastifyInstance[] = [];

beforeAll(async () => {
  t = await startTestApp();
  regisseur = await t.login('regisseur');
  frontoffice = await t.login('frontoffice');
});
afterAll(async () => {
  for (const a of extra) await a.close();
  await t?.close();
});

interface Lid {
  id: string; naam: string; bsn: string; leeftijd: number; minderjarig: boolean; relatieTotHoofdpersoon: string | null; bron: string;
  adres: { straat: string | null; postcode: string | null; wijk: string | null };
  relaties: { relatieId: string; soort: string; persoonId: string | null; naam: string; gezag: boolean }[];
  vertegenwoordigers: { persoonId: string; naam: string; relatie: string }[];
}
interface Huishouden { id: string; hoofdpersoonId: string; leden: Lid[] }
interface ProblemBody { status: number; code: string; detail: string; invalidParams?: { name: string; code: string; reason: string }[] }

const tel = async (tabel: 'personen' | 'relaties' | 'auditlog') =>
  Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(tabel)}`.execute(t.database.db)).rows[0]!.n);

/** A new resident with a household of their own, through a melding (as in real life). */
async function nieuwHuishouden(persoon: Record<string, unknown> = {}): Promise<{ huishoudenId: string; persoonId: string }> {
  const m = voorbeeldMelding({ persoon: { bsn: nieuwBsn(), voornaam: 'Sanne', achternaam: 'Visser', geboortedatum: '1985-03-04', ...persoon } });
  const r = await frontoffice.post<{ huishoudenId: string; persoon: { id: string } }>('/api/v1/meldingen', m);
  expect(r.status).toBe(201);
  return { huishoudenId: r.body.huishoudenId, persoonId: r.body.persoon.id };
}

const kind = (o: Record<string, unknown> = {}) =>
  ({ bsn: nieuwBsn(), voornaam: 'Daan', achternaam: 'Visser', geboortedatum: '2015-09-01', relatie: 'kind', gezag: true, ...o });

async function gemeenteId(code: string): Promise<string> {
  return (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

describe('leden van een huishouden', () => {
  it('een ouder krijgt gezag over een minderjarig kind dat aan het huishouden wordt toegevoegd; de moeder vertegenwoordigt het kind', async () => {
    const { huishoudenId, persoonId } = await nieuwHuishouden();
    const r = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`, kind());
    expect(r.status).toBe(201);
    expect(r.body.hoofdpersoonId).toBe(persoonId);
    const daan = r.body.leden.find((l) => l.naam === 'Daan Visser')!;
    expect(daan).toMatchObject({ minderjarig: true, relatieTotHoofdpersoon: 'kind', bron: 'invoer' });
    expect(daan.relaties).toEqual([expect.objectContaining({ soort: 'ouder', persoonId, gezag: true })]);
    expect(daan.vertegenwoordigers).toEqual([expect.objectContaining({ persoonId, naam: 'Sanne Visser', relatie: 'ouder' })]);
    const moeder = r.body.leden.find((l) => l.id === persoonId)!;
    expect(moeder.relaties).toEqual([expect.objectContaining({ soort: 'kind', persoonId: daan.id, gezag: true })]);
    expect(moeder.vertegenwoordigers).toEqual([]);
    // The new member shares the household's address.
    expect(daan.adres.straat).toBe(moeder.adres.straat);
  });

  it('legt het toevoegen vast in de audittrail, bij het nieuwe lid en bij de relatie', async () => {
    const { huishoudenId, persoonId } = await nieuwHuishouden();
    const r = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`, { ...kind(), relatie: 'partner', gezag: false, geboortedatum: '1983-01-01', voornaam: 'Bram' });
    expect(r.status).toBe(201);
    const bram = r.body.leden.find((l) => l.naam.startsWith('Bram'))!;
    expect(bram.relatieTotHoofdpersoon).toBe('partner');
    const audit = await t.database.db.selectFrom('auditlog').select(['actie', 'resource_type', 'persoon_id', 'gebruikersnaam'])
      .where('persoon_id', 'in', [bram.id, persoonId]).where('actie', '=', 'aanmaken').execute();
    expect(audit).toEqual(expect.arrayContaining([
      expect.objectContaining({ resource_type: 'persoon', persoon_id: bram.id, gebruikersnaam: 'regisseur' }),
      expect.objectContaining({ resource_type: 'relatie', persoon_id: persoonId, gebruikersnaam: 'regisseur' }),
    ]));
  });

  it('de relatie kan gelden tegenover een ander lid dan de hoofdpersoon (tenOpzichteVan)', async () => {
    const { huishoudenId } = await nieuwHuishouden();
    const partner = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`, { ...kind(), relatie: 'partner', gezag: false, geboortedatum: '1982-02-02', voornaam: 'Tom' });
    const tom = partner.body.leden.find((l) => l.naam.startsWith('Tom'))!;
    const r = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`, kind({ tenOpzichteVan: tom.id, voornaam: 'Lot' }));
    expect(r.status).toBe(201);
    const lot = r.body.leden.find((l) => l.naam.startsWith('Lot'))!;
    expect(lot.vertegenwoordigers.map((v) => v.persoonId)).toEqual([tom.id]);
    expect(lot.relatieTotHoofdpersoon).toBeNull();
  });

  const fouten: [string, Record<string, unknown>, string][] = [
    ['gezag over een meerderjarig kind', kind({ geboortedatum: '2000-01-01' }), 'gezag-meerderjarig-kind'],
    ['gezag bij een partner', kind({ relatie: 'partner', geboortedatum: '1980-01-01' }), 'gezag-alleen-ouder'],
    ['een kind dat ouder is dan de ouder', kind({ geboortedatum: '1970-01-01', gezag: false }), 'kind-te-oud'],
    ['een ouder die jonger is dan het kind', kind({ relatie: 'ouder', geboortedatum: '2001-01-01', gezag: false }), 'ouder-te-jong'],
  ];
  for (const [wat, invoer, code] of fouten) {
    it(`weigert ${wat} met een duidelijke 400 en schrijft niets`, async () => {
      const { huishoudenId } = await nieuwHuishouden();
      const voor = [await tel('personen'), await tel('relaties'), await tel('auditlog')];
      const r = await regisseur.post<ProblemBody>(`/api/v1/huishoudens/${huishoudenId}/leden`, invoer);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('ongeldige-invoer');
      expect(r.body.invalidParams?.map((p) => p.code)).toContain(code);
      expect([await tel('personen'), await tel('relaties'), await tel('auditlog')]).toEqual(voor);
    });
  }

  it('weigert een BSN dat niet door de elfproef komt, een onbekende relatie en een datum die geen datum is', async () => {
    const { huishoudenId } = await nieuwHuishouden();
    const r = await regisseur.post<ProblemBody>(`/api/v1/huishoudens/${huishoudenId}/leden`, kind({ bsn: '123456789', relatie: 'neef', geboortedatum: '31-12-2015' }));
    expect(r.status).toBe(400);
    expect(r.body.invalidParams?.map((p) => p.name).sort()).toEqual(['bsn', 'geboortedatum', 'relatie']);
  });

  it('zonder BRP-koppeling zijn naam en geboortedatum verplicht', async () => {
    const { huishoudenId } = await nieuwHuishouden();
    const r = await regisseur.post<ProblemBody>(`/api/v1/huishoudens/${huishoudenId}/leden`, { bsn: nieuwBsn(), relatie: 'overig', gezag: false });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams?.map((p) => p.name).sort()).toEqual(['achternaam', 'geboortedatum', 'voornaam']);
  });

  it('een bekend BSN wordt geen tweede persoon (409), een onbekend huishouden is 404, de frontoffice mag geen leden toevoegen', async () => {
    const a = await nieuwHuishouden();
    const bsn = (await t.database.db.selectFrom('personen').select('bsn').where('id', '=', a.persoonId).executeTakeFirstOrThrow()).bsn;
    const b = await nieuwHuishouden();
    expect((await regisseur.post(`/api/v1/huishoudens/${b.huishoudenId}/leden`, kind({ bsn }))).status).toBe(409);
    expect((await regisseur.post(`/api/v1/huishoudens/00000000-0000-4000-8000-000000000000/leden`, kind())).status).toBe(404);
    expect((await frontoffice.post(`/api/v1/huishoudens/${b.huishoudenId}/leden`, kind())).status).toBe(403);
  });
});

describe('contactgegevens en adres corrigeren', () => {
  it('de wijk volgt uit de postcode; de wijziging staat in de audittrail', async () => {
    const { persoonId } = await nieuwHuishouden();
    const gid = await gemeenteId('demodorp');
    const wijk = await inGemeente(t.database.db, gid, async (tx) => {
      const w = await tx.selectFrom('wijken').select(['id', 'naam']).where('naam', '=', 'Noord').executeTakeFirstOrThrow();
      await tx.insertInto('postcodegebieden').values({ gemeente_id: gid, postcode4: '7499', wijk_id: w.id })
        .onConflict((oc) => oc.columns(['gemeente_id', 'postcode4']).doUpdateSet({ wijk_id: w.id })).execute();
      return w;
    });
    const r = await regisseur.request<{ adres: { wijk: string; postcode: string }; contact: { telefoon: string; email: string } }>('PATCH', `/api/v1/personen/${persoonId}`, {
      adres: { straat: 'Lindelaan', huisnummer: '12a', postcode: '7499xk', woonplaats: 'Demodorp' }, telefoon: '06 12345678', email: 'sanne@voorbeeld.nl',
    });
    expect(r.status).toBe(200);
    expect(r.body.adres).toMatchObject({ postcode: '7499 XK', wijk: wijk.naam });
    expect(r.body.contact).toEqual({ telefoon: '06 12345678', email: 'sanne@voorbeeld.nl' });
    const audit = await t.database.db.selectFrom('auditlog').select(['actie', 'doel']).where('persoon_id', '=', persoonId).where('actie', '=', 'wijzigen').execute();
    expect(audit).toEqual([expect.objectContaining({ doel: 'contactgegevens corrigeren (adres, telefoon, e-mail)' })]);
  });

  it('weigert een onjuist e-mailadres en een lege wijziging, en schrijft niets', async () => {
    const { persoonId } = await nieuwHuishouden();
    const voor = await tel('auditlog');
    const fout = await regisseur.request<ProblemBody>('PATCH', `/api/v1/personen/${persoonId}`, { email: 'geen-adres', adres: { straat: 'X', huisnummer: '1', postcode: '0123 AB' } });
    expect(fout.status).toBe(400);
    expect(fout.body.invalidParams?.map((p) => p.name).sort()).toEqual(['adres.postcode', 'email']);
    expect((await regisseur.request('PATCH', `/api/v1/personen/${persoonId}`, {})).status).toBe(400);
    expect(await tel('auditlog')).toBe(voor);
  });

  it('geen vast adres is een keuze, geen lege plek', async () => {
    const { persoonId } = await nieuwHuishouden();
    const r = await frontoffice.request<{ geenVastAdres: boolean; adres: { straat: string | null } }>('PATCH', `/api/v1/personen/${persoonId}`, { adres: null, geenVastAdres: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ geenVastAdres: true, adres: { straat: null } });
    const beide = await frontoffice.request<ProblemBody>('PATCH', `/api/v1/personen/${persoonId}`, { adres: { straat: 'A', huisnummer: '1', postcode: '7411 AB' }, geenVastAdres: true });
    expect(beide.status).toBe(400);
  });
});

describe('wettelijke vertegenwoordiging', () => {
  it('een meerderjarige met een bewindvoerder: de brief gaat (ook) naar het kantoor van de bewindvoerder', async () => {
    const { persoonId } = await nieuwHuishouden();
    const r = await regisseur.post<{ naam: string; relatie: string; adres: { plaats: string } }[]>(`/api/v1/personen/${persoonId}/vertegenwoordigers`, {
      soort: 'bewindvoerder', naam: 'Bewindvoering Oost B.V.', adres: { straat: 'Postbus', huisnummer: '120', postcode: '7400 AC', plaats: 'Deventer' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual([expect.objectContaining({ naam: 'Bewindvoering Oost B.V.', relatie: 'bewindvoerder', adres: expect.objectContaining({ plaats: 'Deventer' }) })]);
    const vv = await inGemeente(t.database.db, await gemeenteId('demodorp'), (tx) => wettelijkVertegenwoordigers(tx, persoonId));
    expect(vv.map((v) => v.relatie)).toEqual(['bewindvoerder']);
  });

  it('een minderjarige krijgt geen curator: daarvoor zijn de ouders met gezag', async () => {
    const { huishoudenId } = await nieuwHuishouden();
    const h = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`, kind());
    const daan = h.body.leden.find((l) => l.minderjarig)!;
    const r = await regisseur.post<ProblemBody>(`/api/v1/personen/${daan.id}/vertegenwoordigers`, { soort: 'curator', naam: 'X', adres: { straat: 'A', huisnummer: '1', postcode: '7411 AB', plaats: 'Demodorp' } });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams?.[0]?.code).toBe('vertegenwoordiging-minderjarige');
  });
  it('dezelfde mentor twee keer vastleggen: een duidelijke 409 die zegt dat het al zo is, en niets erbij', async () => {
    const { huishoudenId, persoonId } = await nieuwHuishouden();
    const partner = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`,
      { bsn: nieuwBsn(), voornaam: 'Joris', achternaam: 'Visser', geboortedatum: '1983-02-02', relatie: 'partner', gezag: false });
    expect(partner.status).toBe(201);
    const joris = partner.body.leden.find((l) => l.id !== persoonId)!;
    expect((await regisseur.post(`/api/v1/personen/${persoonId}/vertegenwoordigers`, { soort: 'mentor', persoonId: joris.id })).status).toBe(201);
    const nogEens = await regisseur.post<ProblemBody>(`/api/v1/personen/${persoonId}/vertegenwoordigers`, { soort: 'mentor', persoonId: joris.id });
    expect(nogEens.status).toBe(409);
    expect(nogEens.body.detail).toMatch(/staat al vastgelegd als mentor/);
    const vv = await inGemeente(t.database.db, await gemeenteId('demodorp'), (tx) => wettelijkVertegenwoordigers(tx, persoonId));
    expect(vv).toHaveLength(1);
  });
});

describe('gezag later wijzigen', () => {
  it('het gezag van een ouder beëindigen en weer vastleggen: de vertegenwoordigers volgen, en het staat in de audittrail', async () => {
    const { huishoudenId, persoonId } = await nieuwHuishouden();
    const h = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`, kind());
    const daan = h.body.leden.find((l) => l.minderjarig)!;
    const relatie = daan.relaties.find((r) => r.soort === 'ouder' && r.persoonId === persoonId)!;
    expect(relatie.gezag).toBe(true);

    const uit = await regisseur.request<Huishouden>('PATCH', `/api/v1/personen/${daan.id}/relaties/${relatie.relatieId}`, { gezag: false });
    expect(uit.status).toBe(200);
    const daanNa = uit.body.leden.find((l) => l.id === daan.id)!;
    expect(daanNa.relaties.find((r) => r.relatieId === relatie.relatieId)?.gezag).toBe(false);
    expect(daanNa.vertegenwoordigers).toEqual([]);
    const moeder = uit.body.leden.find((l) => l.id === persoonId)!;
    expect(moeder.relaties.find((r) => r.relatieId === relatie.relatieId)).toMatchObject({ soort: 'kind', gezag: false });

    // From the parent's side the same relation can be changed back.
    const aan = await regisseur.request<Huishouden>('PATCH', `/api/v1/personen/${persoonId}/relaties/${relatie.relatieId}`, { gezag: true });
    expect(aan.status).toBe(200);
    expect(aan.body.leden.find((l) => l.id === daan.id)!.vertegenwoordigers).toEqual([expect.objectContaining({ persoonId, relatie: 'ouder' })]);
    const audit = await t.database.db.selectFrom('auditlog').select(['actie', 'doel', 'resource_id']).where('persoon_id', '=', daan.id).where('resource_type', '=', 'relatie')
      .where('actie', '=', 'wijzigen').orderBy('id').execute();
    expect(audit.map((a) => [a.doel, a.resource_id])).toEqual([['gezag beëindigen', relatie.relatieId], ['gezag vastleggen', relatie.relatieId]]);
  });

  it('gezag alleen bij een ouder van een minderjarig kind; een relatie van een ander is 404; de frontoffice mag het niet; er wordt niets geschreven', async () => {
    const { huishoudenId, persoonId } = await nieuwHuishouden();
    const h = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`, kind({ voornaam: 'Iris', geboortedatum: '1990-02-03', gezag: false }));
    const iris = h.body.leden.find((l) => l.naam === 'Iris Visser')!;
    const h2 = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${huishoudenId}/leden`, kind({ voornaam: 'Piet', geboortedatum: '1983-01-01', relatie: 'partner', gezag: false }));
    const piet = h2.body.leden.find((l) => l.naam === 'Piet Visser')!;
    const ander = await nieuwHuishouden();
    const anderKind = (await regisseur.post<Huishouden>(`/api/v1/huishoudens/${ander.huishoudenId}/leden`, kind())).body.leden.find((l) => l.minderjarig)!;
    const voor = { audit: await tel('auditlog') };

    const volwassen = await regisseur.request<ProblemBody>('PATCH', `/api/v1/personen/${iris.id}/relaties/${iris.relaties[0]!.relatieId}`, { gezag: true });
    expect(volwassen.status).toBe(400);
    expect(volwassen.body.invalidParams?.[0]?.name).toBe('gezag');
    const partner = await regisseur.request<ProblemBody>('PATCH', `/api/v1/personen/${piet.id}/relaties/${piet.relaties[0]!.relatieId}`, { gezag: true });
    expect(partner.status).toBe(400);
    expect(partner.body.invalidParams?.[0]?.code).toBe('gezag-alleen-ouder');
    const geenJaNee = await regisseur.request<ProblemBody>('PATCH', `/api/v1/personen/${iris.id}/relaties/${iris.relaties[0]!.relatieId}`, { gezag: 'ja' });
    expect(geenJaNee.status).toBe(400);
    expect(geenJaNee.body.code).toBe('ongeldige-invoer');
    const vanEenAnder = await regisseur.request<ProblemBody>('PATCH', `/api/v1/personen/${persoonId}/relaties/${anderKind.relaties[0]!.relatieId}`, { gezag: false });
    expect(vanEenAnder.status).toBe(404);
    const fo = await frontoffice.request<ProblemBody>('PATCH', `/api/v1/personen/${anderKind.id}/relaties/${anderKind.relaties[0]!.relatieId}`, { gezag: false });
    expect(fo.status).toBe(403);
    expect(await tel('auditlog')).toBe(voor.audit);
  });
});

describe('de BRP (Haal Centraal BRP bevragen v2) via de stand-in', () => {
  async function appMetBrp(url: string): Promise<Client> {
    const app = await buildApp(t.database, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', BRP_API_URL: url, BRP_API_KEY: 'demo-sleutel' }), { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    extra.push(app);
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('geen poort');
    const c = new Client(`http://127.0.0.1:${address.port}`);
    const r = await c.post<{ csrfToken: string }>('/api/v1/sessies', { gebruikersnaam: 'regisseur', wachtwoord: 'demo' });
    c.csrfToken = r.body.csrfToken;
    return c;
  }

  /** A family the BRP knows but Demodorp does not: they live in Tweestad (the BRP is national). */
  async function gezinInTweestad() {
    const gid = await gemeenteId('tweestad');
    const moeder = { bsn: nieuwBsn(), voornaam: 'Noor', tussenvoegsel: 'de', achternaam: 'Jong', geboortedatum: '1988-07-07' };
    const kinderen = [
      { bsn: nieuwBsn(), voornaam: 'Mila', tussenvoegsel: 'de', achternaam: 'Jong', geboortedatum: '2016-04-04' },
      { bsn: nieuwBsn(), voornaam: 'Sem', tussenvoegsel: 'de', achternaam: 'Jong', geboortedatum: '2019-05-05' },
    ];
    await inGemeente(t.database.db, gid, async (tx) => {
      const { id: huishouden_id } = await tx.insertInto('huishoudens').values({ gemeente_id: gid }).returning('id').executeTakeFirstOrThrow();
      const adres = { straat: 'Stationsweg', huisnummer: '8', postcode: '7499 XK', woonplaats: 'Tweestad' };
      const rijen = await tx.insertInto('personen').values([moeder, ...kinderen].map((p) => ({ ...p, ...adres, gemeente_id: gid, huishouden_id }))).returning(['id', 'bsn']).execute();
      const id = (bsn: string) => rijen.find((r) => r.bsn === bsn)!.id;
      await tx.insertInto('relaties').values(kinderen.map((k) => ({ gemeente_id: gid, persoon_id: id(moeder.bsn), ander_id: id(k.bsn), soort: 'ouder', gezag: true }))).execute();
    });
    return { moeder, kinderen };
  }

  it('een lid toevoegen met alleen een BSN: naam, geboortedatum, adres en gezag komen uit de BRP', async () => {
    const brp = await appMetBrp(`${t.baseUrl}${BRP_STANDIN_PAD}`);
    const { moeder, kinderen } = await gezinInTweestad();
    // Noor moves to Demodorp: a melding registers her (name as the BRP has it), then her daughter is added by BSN.
    const m = await frontoffice.post<{ huishoudenId: string; persoon: { id: string } }>('/api/v1/meldingen', voorbeeldMelding({ persoon: { ...moeder, kinderen: undefined } }));
    expect(m.status).toBe(201);
    const r = await brp.post<Huishouden>(`/api/v1/huishoudens/${m.body.huishoudenId}/leden`, { bsn: kinderen[0]!.bsn, relatie: 'kind', gezag: false });
    expect(r.status).toBe(201);
    const mila = r.body.leden.find((l) => l.bsn === kinderen[0]!.bsn)!;
    expect(mila).toMatchObject({ naam: 'Mila de Jong', bron: 'brp', minderjarig: true, adres: expect.objectContaining({ straat: 'Stationsweg', postcode: '7499 XK' }) });
    // The BRP says the mother holds gezag, whatever was typed.
    expect(mila.relaties).toEqual([expect.objectContaining({ soort: 'ouder', persoonId: m.body.persoon.id, gezag: true })]);
  });

  it('een melding voor een BSN dat de BRP kent: de inwoner en het gezin komen uit de BRP, met gezag', async () => {
    const brp = await appMetBrp(`${t.baseUrl}${BRP_STANDIN_PAD}`);
    const { moeder, kinderen } = await gezinInTweestad();
    const m = await brp.post<{ huishoudenId: string; persoon: { naam: string } }>('/api/v1/meldingen', voorbeeldMelding({
      persoon: { bsn: moeder.bsn, voornaam: 'N.', achternaam: 'Jong', geboortedatum: moeder.geboortedatum },
    }));
    expect(m.status).toBe(201);
    expect(m.body.persoon.naam).toBe('Noor de Jong');
    const h = await brp.get<Huishouden>(`/api/v1/huishoudens/${m.body.huishoudenId}`);
    expect(h.body.leden.map((l) => l.bsn).sort()).toEqual([moeder.bsn, ...kinderen.map((k) => k.bsn)].sort());
    for (const k of h.body.leden.filter((l) => l.minderjarig)) {
      expect(k.relatieTotHoofdpersoon).toBe('kind');
      expect(k.vertegenwoordigers.map((v) => v.naam)).toEqual(['Noor de Jong']);
    }
  });

  it('een geboortedatum die niet bij het BSN in de BRP past, stopt de registratie', async () => {
    const brp = await appMetBrp(`${t.baseUrl}${BRP_STANDIN_PAD}`);
    const { moeder } = await gezinInTweestad();
    const voor = await tel('personen');
    const r = await brp.post<ProblemBody>('/api/v1/meldingen', voorbeeldMelding({ persoon: { ...moeder, geboortedatum: '1988-07-08' } }));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('persoon-komt-niet-overeen');
    expect(await tel('personen')).toBe(voor);
  });

  it('de stand-in spreekt de vorm van de BRP: zonder API-sleutel 401, met sleutel RaadpleegMetBurgerservicenummer', async () => {
    const { moeder } = await gezinInTweestad();
    const zonder = await fetch(`${t.baseUrl}${BRP_STANDIN_PAD}/personen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(zonder.status).toBe(401);
    const met = await fetch(`${t.baseUrl}${BRP_STANDIN_PAD}/personen`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'x' },
      body: JSON.stringify({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [moeder.bsn], fields: ['naam', 'gezag'] }),
    });
    const body = await met.json() as { personen: { naam: { voornamen: string }; gezag: { type: string }[]; kinderen: unknown[] }[] };
    expect(body.personen[0]!.naam.voornamen).toBe('Noor');
    expect(body.personen[0]!.gezag.map((g) => g.type)).toEqual(['EenhoofdigOuderlijkGezag', 'EenhoofdigOuderlijkGezag']);
    expect(body.personen[0]!.kinderen).toHaveLength(2);
  });

  it('de stand-in antwoordt alleen aan de server zelf: een vraag van een ander adres krijgt 403 zonder persoonsgegevens', async () => {
    const { moeder } = await gezinInTweestad();
    const r = await t.app.inject({
      method: 'POST', url: `${BRP_STANDIN_PAD}/personen`, remoteAddress: '192.0.2.44',
      headers: { 'content-type': 'application/json', 'x-api-key': 'x' },
      payload: { type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [moeder.bsn], fields: ['naam'] },
    });
    expect(r.statusCode).toBe(403);
    expect(r.body).not.toContain('Noor');
    // Through a proxy on this machine the socket is local, but the caller is not.
    const viaProxy = await fetch(`${t.baseUrl}${BRP_STANDIN_PAD}/personen`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'x', 'x-forwarded-for': '127.0.0.1' },
      body: JSON.stringify({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: [moeder.bsn], fields: ['naam'] }),
    });
    expect(viaProxy.status).toBe(403);
  });

  it('de KCC ziet van een inwoner alleen die inwoner zelf (om een adres aan te vullen), niet het huishouden', async () => {
    const { huishoudenId, persoonId } = await nieuwHuishouden();
    expect((await regisseur.post(`/api/v1/huishoudens/${huishoudenId}/leden`, kind())).status).toBe(201);
    const alsRegisseur = await regisseur.get<{ huishouden: { leden: unknown[] } }>(`/api/v1/personen/${persoonId}`);
    expect(alsRegisseur.body.huishouden.leden).toHaveLength(2);
    const r = await frontoffice.get<{ id: string; huishouden: { leden: { id: string }[] }; vertegenwoordigers: unknown[] }>(`/api/v1/personen/${persoonId}`);
    expect(r.status).toBe(200);
    expect(r.body.huishouden.leden.map((l) => l.id)).toEqual([persoonId]);
    expect(r.body.vertegenwoordigers).toEqual([]);
    expect((await frontoffice.get(`/api/v1/huishoudens/${huishoudenId}`)).status).toBe(403);
  });

  it('is de BRP onbereikbaar, dan een duidelijke 503 en er wordt niets geschreven', async () => {
    const kapot = await appMetBrp('http://127.0.0.1:9/brp');
    const { huishoudenId } = await nieuwHuishouden();
    const voor = [await tel('personen'), await tel('auditlog')];
    const r = await kapot.post<ProblemBody>(`/api/v1/huishoudens/${huishoudenId}/leden`, kind());
    expect(r.status).toBe(503);
    expect(r.body.code).toBe('brp-niet-bereikbaar');
    expect(r.body.detail).toMatch(/BRP is niet bereikbaar/);
    expect([await tel('personen'), await tel('auditlog')]).toEqual(voor);
  });
});

describe('aanvrager en namens wie (de aanvraag)', () => {
  interface Aanvraag { persoon: { id: string }; namens: { id: string; naam: string; minderjarig: boolean }; aanvrager: { relatie: string; relatieNaam: string; naam: string | null; persoonId: string | null }; vertegenwoordigers: { naam: string }[] }

  /** A Jeugdwet melding for a mother, in onderzoek, with her minor son in the household. */
  async function gezinMetMelding() {
    const m = voorbeeldMelding({ wet: 'jeugdwet', persoon: { bsn: nieuwBsn(), voornaam: 'Sanne', achternaam: 'Visser', geboortedatum: '1985-03-04' } });
    const melding = (await frontoffice.post<{ id: string; huishoudenId: string; persoon: { id: string } }>('/api/v1/meldingen', m)).body;
    await regisseur.post(`/api/v1/meldingen/${melding.id}/triage`, { uitkomst: 'onderzoek' });
    const h = await regisseur.post<Huishouden>(`/api/v1/huishoudens/${melding.huishoudenId}/leden`, kind());
    const zoon = h.body.leden.find((l) => l.minderjarig)!;
    const jeugd = (await regisseur.get<{ id: string }[]>('/api/v1/catalogus?domein=jeugdwet&trede=4')).body[0]!;
    return { melding, zoon, jeugd };
  }

  it('een aanvraag voor een minderjarige: standaard aangevraagd door de ouder met gezag, en de beslisser ziet wie vertegenwoordigt', async () => {
    const { melding, zoon, jeugd } = await gezinMetMelding();
    const r = await regisseur.post<Aanvraag>('/api/v1/aanvragen/rechtstreeks', { meldingId: melding.id, catalogusItemId: jeugd.id, ontvangenOp: '2026-11-02', namensPersoonId: zoon.id });
    expect(r.status).toBe(201);
    expect(r.body.persoon.id).toBe(zoon.id);
    expect(r.body.namens).toMatchObject({ id: zoon.id, naam: 'Daan Visser', minderjarig: true });
    expect(r.body.aanvrager).toMatchObject({ relatie: 'ouder', relatieNaam: 'ouder met gezag', naam: 'Sanne Visser', persoonId: melding.persoon.id });
    expect(r.body.vertegenwoordigers.map((v) => v.naam)).toEqual(['Sanne Visser']);
    const beslisser = await t.login('beslisser');
    const gelezen = await beslisser.get<Aanvraag>(`/api/v1/aanvragen/${(r.body as unknown as { id: string }).id}`);
    expect(gelezen.body.aanvrager.naam).toBe('Sanne Visser');
  });

  it('zonder opgave vraagt een volwassene zelf aan', async () => {
    const { melding, jeugd } = await gezinMetMelding();
    const r = await regisseur.post<Aanvraag>('/api/v1/aanvragen/rechtstreeks', { meldingId: melding.id, catalogusItemId: jeugd.id, ontvangenOp: '2026-11-02' });
    expect(r.status).toBe(201);
    expect(r.body.aanvrager).toMatchObject({ relatie: 'zelf', naam: 'Sanne Visser' });
    expect(r.body.vertegenwoordigers).toEqual([]);
  });

  it('een curator die niet is vastgelegd, of iemand buiten het huishouden, wordt geweigerd en er ontstaat geen aanvraag', async () => {
    const { melding, jeugd } = await gezinMetMelding();
    const ander = await nieuwHuishouden();
    const voor = Number((await sql<{ n: number }>`select count(*)::int as n from aanvragen`.execute(t.database.db)).rows[0]!.n);
    const curator = await regisseur.post<ProblemBody>('/api/v1/aanvragen/rechtstreeks', { meldingId: melding.id, catalogusItemId: jeugd.id, ontvangenOp: '2026-11-02', aanvrager: { relatie: 'curator' } });
    expect(curator.status).toBe(400);
    expect(curator.body.detail).toMatch(/geen curator/);
    const buiten = await regisseur.post<ProblemBody>('/api/v1/aanvragen/rechtstreeks', { meldingId: melding.id, catalogusItemId: jeugd.id, ontvangenOp: '2026-11-02', namensPersoonId: ander.persoonId });
    expect(buiten.status).toBe(400);
    expect(buiten.body.invalidParams?.[0]?.name).toBe('namensPersoonId');
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from aanvragen`.execute(t.database.db)).rows[0]!.n)).toBe(voor);
  });
});

describe('het online formulier vraagt om een adres', () => {
  const publiek = (o: Record<string, unknown> = {}) => ({
    persoon: { bsn: nieuwBsn(), voornaam: 'Olga', achternaam: 'Online', geboortedatum: '1970-02-03' },
    onderwerp: 'wmo', omschrijving: 'Ik kan de trap niet meer op.', contact: { telefoon: '0612345678' }, ...o,
  });
  const persoonVan = (bsn: string) => t.database.db.selectFrom('personen').select(['straat', 'postcode', 'woonplaats', 'geen_vast_adres']).where('bsn', '=', bsn).executeTakeFirst();

  it('legt het opgegeven adres vast bij de nieuwe inwoner', async () => {
    const invoer = publiek({ adres: { postcode: '7411ab', huisnummer: '3', straat: 'Kerkstraat', plaats: 'Demodorp' } });
    const r = await t.anonymous().post('/api/v1/publiek/gemeenten/demodorp/meldingen', invoer);
    expect(r.status).toBe(201);
    expect(await persoonVan(invoer.persoon.bsn)).toMatchObject({ straat: 'Kerkstraat', postcode: '7411 AB', woonplaats: 'Demodorp', geen_vast_adres: false });
  });

  it('wie geen vast adres heeft, kiest dat; beide tegelijk kan niet', async () => {
    const invoer = publiek({ geenVastAdres: true });
    expect((await t.anonymous().post('/api/v1/publiek/gemeenten/demodorp/meldingen', invoer)).status).toBe(201);
    expect(await persoonVan(invoer.persoon.bsn)).toMatchObject({ straat: null, geen_vast_adres: true });
    const beide = await t.anonymous().post<ProblemBody>('/api/v1/publiek/gemeenten/demodorp/meldingen',
      publiek({ geenVastAdres: true, adres: { postcode: '7411 AB', huisnummer: '3', straat: 'Kerkstraat', plaats: 'Demodorp' } }));
    expect(beide.status).toBe(400);
    expect(beide.body.invalidParams?.map((p) => p.name)).toEqual(['geenVastAdres']);
  });
});

describe('de demogemeente', () => {
  it('heeft gezinnen met minderjarigen en gezag, stellen, een alleenstaande met een bewindvoerder, en postcodegebieden', async () => {
    const db = t.database.db;
    const gezag = await db.selectFrom('relaties').select('id').where('soort', '=', 'ouder').where('gezag', '=', true).execute();
    const partners = await db.selectFrom('relaties').select('id').where('soort', '=', 'partner').execute();
    const bewind = await db.selectFrom('relaties').select('ander_id').where('soort', '=', 'bewindvoerder').execute();
    expect(gezag.length).toBeGreaterThan(0);
    expect(partners.length).toBeGreaterThan(0);
    expect(bewind.length).toBeGreaterThan(0);
    const gid = await gemeenteId('demodorp');
    const vv = await inGemeente(db, gid, async (tx) => {
      const eigen = await tx.selectFrom('relaties').select('ander_id').where('soort', '=', 'bewindvoerder').executeTakeFirstOrThrow();
      return wettelijkVertegenwoordigers(tx, eigen.ander_id);
    });
    expect(vv).toEqual([expect.objectContaining({ naam: 'Bewindvoering De Brug B.V.', relatie: 'bewindvoerder' })]);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from postcodegebieden`.execute(db)).rows[0]!.n)).toBeGreaterThan(10);
  });
});
