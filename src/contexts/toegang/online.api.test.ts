import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nieuwBsn, startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { PUBLIEK_MIN_ANTWOORD_MS } from './routes-publiek.ts';

let t: TestApp;
let frontoffice: Client;
let teamleider: Client;
let regisseur: Client;
let teller = 0;

interface Ontvangst { referentie: string; ontvangenOp: string; boodschap: string }
interface ProblemBody { code: string; detail: string; invalidParams?: { name: string }[] }
interface Online { id: string; referentie: string; status: string; naam: string; ingediend: { persoon: { bsn: string }; contact?: { telefoon?: string } }; melding: { id: string; nummer: string } | null; bekendePersoon?: { id: string; naam: string; geboortedatum: string } | null }

beforeAll(async () => {
  t = await startTestApp();
  [frontoffice, teamleider, regisseur] = await Promise.all([t.login('frontoffice'), t.login('teamleider'), t.login('regisseur')]);
});
afterAll(async () => t?.close());

const formulier = (persoon: Record<string, unknown>, o: Record<string, unknown> = {}) => ({
  persoon, onderwerp: 'wmo', omschrijving: 'Ik kan de trap niet meer op en zoek hulp.', contact: { telefoon: '06 98765432' }, ...o,
});

/** Every submission from its own address: the public form allows five per address per ten minutes. */
async function melden(body: unknown): Promise<{ status: number; body: Ontvangst; duurMs: number }> {
  teller += 1;
  const start = performance.now();
  const r = await t.app.inject({
    method: 'POST', url: '/api/v1/publiek/gemeenten/demodorp/meldingen', remoteAddress: `198.18.${Math.floor(teller / 250)}.${teller % 250}`,
    headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body),
  });
  return { status: r.statusCode, body: r.json<Ontvangst>(), duurMs: performance.now() - start };
}

async function bekendePersoon() {
  return t.database.db.selectFrom('personen as p').innerJoin('gemeenten as g', 'g.id', 'p.gemeente_id')
    .select(['p.id', 'p.bsn', 'p.voornaam', 'p.achternaam', 'p.geboortedatum', 'p.straat', 'p.telefoon', 'p.email', 'p.huisnummer', 'p.postcode'])
    .where('g.code', '=', 'demodorp').where('p.straat', 'is not', null).orderBy('p.bsn').offset(teller).limit(1).executeTakeFirstOrThrow();
}
const meldingenVan = async (persoonId: string) =>
  Number((await t.database.db.selectFrom('meldingen').select((eb) => eb.fn.countAll<number>().as('n')).where('persoon_id', '=', persoonId).executeTakeFirstOrThrow()).n);
const onlineOp = (referentie: string) => t.database.db.selectFrom('online_meldingen').selectAll().where('referentie', '=', referentie).executeTakeFirstOrThrow();

const REFERENTIE = /^EV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
const vorm = (o: Ontvangst) => ({ sleutels: Object.keys(o).sort(), boodschap: o.boodschap.replace(o.referentie, '…') });

describe('het online formulier verraadt niet of een BSN bekend is', () => {
  it('een onbekend BSN, een bekend BSN met de goede en met een verkeerde geboortedatum: hetzelfde antwoord', async () => {
    const p = await bekendePersoon();
    const onbekend = await melden(formulier({ bsn: nieuwBsn(), voornaam: 'Nina', achternaam: 'Nieuw', geboortedatum: '1975-06-01' }));
    const bekendGoed = await melden(formulier({ bsn: p.bsn, voornaam: 'Een', achternaam: 'Vreemde', geboortedatum: p.geboortedatum }));
    const bekendFout = await melden(formulier({ bsn: p.bsn, voornaam: 'Een', achternaam: 'Vreemde', geboortedatum: '1901-01-01' }));
    for (const r of [onbekend, bekendGoed, bekendFout]) {
      expect(r.status).toBe(201);
      expect(r.duurMs).toBeGreaterThanOrEqual(PUBLIEK_MIN_ANTWOORD_MS - 5); // never a quick "known" answer
      expect(r.body.referentie).toMatch(REFERENTIE);
      expect(vorm(r.body)).toEqual(vorm(onbekend.body));
      expect(JSON.stringify(r.body)).not.toMatch(/Vreemde|Nieuw|BSN|geboortedatum/i);
    }
  });

  it('een melding op een bekend BSN wordt nooit vanzelf gekoppeld: de bekende inwoner en zijn dossier blijven ongemoeid', async () => {
    const p = await bekendePersoon();
    const voor = await meldingenVan(p.id);
    const r = await melden(formulier({ bsn: p.bsn, voornaam: 'Een', achternaam: 'Vreemde', geboortedatum: p.geboortedatum },
      { adres: { postcode: '1234 AB', huisnummer: '99', straat: 'Vreemdelaan', plaats: 'Elders' }, contact: { telefoon: '06 11112222' } }));
    expect(r.status).toBe(201);
    expect(await meldingenVan(p.id)).toBe(voor);
    expect(await t.database.db.selectFrom('personen').select(['voornaam', 'achternaam', 'straat', 'huisnummer', 'postcode', 'telefoon', 'email']).where('id', '=', p.id).executeTakeFirstOrThrow())
      .toEqual({ voornaam: p.voornaam, achternaam: p.achternaam, straat: p.straat, huisnummer: p.huisnummer, postcode: p.postcode, telefoon: p.telefoon, email: p.email });
    const online = await onlineOp(r.body.referentie);
    expect(online).toMatchObject({ status: 'teMatchen', melding_id: null });
    expect(online.ingediend).toMatchObject({ persoon: { bsn: p.bsn, achternaam: 'Vreemde' }, adres: { straat: 'Vreemdelaan' } });
  });

  it('een nieuwe inwoner (onbekend BSN) krijgt meteen een melding in de werkvoorraad, met het referentienummer dat hij kreeg', async () => {
    const bsn = nieuwBsn();
    const r = await melden(formulier({ bsn, voornaam: 'Nina', achternaam: 'Nieuwkomer', geboortedatum: '1975-06-01' }));
    const online = await onlineOp(r.body.referentie);
    expect(online.status).toBe('gekoppeld');
    const m = await t.database.db.selectFrom('meldingen as m').innerJoin('personen as p', 'p.id', 'm.persoon_id')
      .select(['m.nummer', 'm.kanaal', 'm.publieke_referentie', 'p.bsn']).where('m.id', '=', online.melding_id!).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ kanaal: 'online', publieke_referentie: r.body.referentie, bsn });
    expect(m.nummer).toMatch(/^M-\d{4}-\d{6}$/);
  });

  it('een robot in het verborgen veld krijgt hetzelfde soort antwoord (201, EV-referentie) en er wordt niets bewaard', async () => {
    const echt = await melden(formulier({ bsn: nieuwBsn(), voornaam: 'Nina', achternaam: 'Nieuw', geboortedatum: '1975-06-01' }));
    const robot = await melden(formulier({ bsn: nieuwBsn(), voornaam: 'Ro', achternaam: 'Bot', geboortedatum: '1975-06-01' }, { website: 'http://spam.example' }));
    expect(robot.status).toBe(201);
    expect(robot.duurMs).toBeGreaterThanOrEqual(PUBLIEK_MIN_ANTWOORD_MS - 5);
    expect(robot.body.referentie).toMatch(REFERENTIE);
    expect(vorm(robot.body)).toEqual(vorm(echt.body));
    expect(await t.database.db.selectFrom('online_meldingen').select('id').where('referentie', '=', robot.body.referentie).executeTakeFirst()).toBeUndefined();
  });

  it('referentienummers zijn willekeurig: opeenvolgende meldingen verraden geen aantallen', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) refs.push((await melden(formulier({ bsn: nieuwBsn(), voornaam: 'Nina', achternaam: 'Volgorde', geboortedatum: '1975-06-01' }))).body.referentie);
    expect(new Set(refs).size).toBe(3);
    for (const r of refs) expect(r).toMatch(REFERENTIE);
    expect(refs.some((r) => /\d{6}/.test(r))).toBe(false);
  });
});

describe('de intake koppelt een online melding op een bekend BSN', () => {
  it('de frontoffice ziet wat is ingevuld naast de bekende inwoner, en koppelt: de melding staat bij die inwoner, met de dag van ontvangst', async () => {
    const p = await bekendePersoon();
    const r = await melden(formulier({ bsn: p.bsn, voornaam: p.voornaam, achternaam: p.achternaam, geboortedatum: p.geboortedatum }, { contact: { telefoon: '06 33334444' } }));
    const lijst = await frontoffice.get<{ resultaten: Online[]; totaal: number }>('/api/v1/online-meldingen?aantal=200');
    expect(lijst.status).toBe(200);
    const item = lijst.body.resultaten.find((o) => o.referentie === r.body.referentie)!;
    expect(item).toMatchObject({ status: 'teMatchen', naam: `${p.voornaam} ${p.achternaam}`, melding: null });
    const detail = await frontoffice.get<Online>(`/api/v1/online-meldingen/${item.id}`);
    expect(detail.body.bekendePersoon).toEqual({ id: p.id, naam: expect.stringContaining(p.achternaam), geboortedatum: p.geboortedatum });

    const voor = await meldingenVan(p.id);
    const k = await frontoffice.post<{ meldingId: string; meldingNummer: string; bijCollega: boolean }>(`/api/v1/online-meldingen/${item.id}/koppeling`, { persoonId: p.id });
    expect(k.status).toBe(201);
    expect(k.body.meldingNummer).toMatch(/^M-\d{4}-\d{6}$/);
    expect(k.body.bijCollega).toBe(false);
    expect((await frontoffice.get<{ meldingInzien: boolean }>(`/api/v1/online-meldingen/${item.id}`)).body.meldingInzien).toBe(true);
    expect(await meldingenVan(p.id)).toBe(voor + 1);
    const m = await frontoffice.get<{ kanaal: string; persoon: { id: string }; contact: { telefoon: string | null }; ontvangenOp: string; termijnen: { soort: string; startdatum: string }[] }>(`/api/v1/meldingen/${k.body.meldingId}`);
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ kanaal: 'online', persoon: { id: p.id }, contact: { telefoon: '06 33334444' }, ontvangenOp: r.body.ontvangenOp });
    expect(m.body.termijnen[0]).toMatchObject({ soort: 'onderzoek', startdatum: r.body.ontvangenOp });
    // The person's own contact details did not change.
    expect((await t.database.db.selectFrom('personen').select('telefoon').where('id', '=', p.id).executeTakeFirstOrThrow()).telefoon).toBe(p.telefoon);

    const nogEens = await teamleider.post<ProblemBody>(`/api/v1/online-meldingen/${item.id}/koppeling`, { persoonId: p.id });
    expect(nogEens.status).toBe(409);
    expect(nogEens.body.code).toBe('online-melding-al-behandeld');
    expect((await frontoffice.get<{ resultaten: Online[] }>('/api/v1/online-meldingen?aantal=200')).body.resultaten.some((o) => o.id === item.id)).toBe(false);
  });

  it('koppelen bij een dossier dat een casusregisseur behandelt: de frontoffice krijgt nummer en uitleg, niet het dossier, en geen link die 403 geeft', async () => {
    // A resident of this test whose household has a casus with a casusregisseur.
    const bsn = nieuwBsn();
    const eigen = await regisseur.post<{ id: string; persoon: { id: string } }>('/api/v1/meldingen', {
      persoon: { bsn, voornaam: 'Wil', achternaam: 'Dekker', geboortedatum: '1950-06-01', adres: { straat: 'Molenweg', huisnummer: '4', postcode: '7411 AB', woonplaats: 'Demodorp' } },
      wet: 'wmo', kanaal: 'telefoon', ontvangenOp: '2026-01-05', omschrijving: 'Hulp bij het huishouden.',
    });
    expect(eigen.status).toBe(201);
    expect((await regisseur.post(`/api/v1/meldingen/${eigen.body.id}/triage`, { uitkomst: 'onderzoek' })).status).toBe(200);

    const r = await melden(formulier({ bsn, voornaam: 'Wil', achternaam: 'Dekker', geboortedatum: '1950-06-01' }));
    const item = (await frontoffice.get<{ resultaten: Online[] }>('/api/v1/online-meldingen?aantal=200')).body.resultaten.find((o) => o.referentie === r.body.referentie)!;
    const k = await frontoffice.post<{ meldingId: string; meldingNummer: string; bijCollega: boolean; bericht?: string }>(`/api/v1/online-meldingen/${item.id}/koppeling`, { persoonId: eigen.body.persoon.id });
    expect(k.status).toBe(201);
    expect(k.body).toMatchObject({ bijCollega: true, meldingNummer: expect.stringMatching(/^M-\d{4}-\d{6}$/), bericht: expect.stringContaining('collega') });
    // Need to know holds: the melding itself stays closed to the frontoffice, and the online melding says so instead of linking to it.
    expect((await frontoffice.get(`/api/v1/meldingen/${k.body.meldingId}`)).status).toBe(403);
    expect((await frontoffice.get<{ meldingInzien: boolean; melding: { nummer: string } }>(`/api/v1/online-meldingen/${item.id}`)).body)
      .toMatchObject({ meldingInzien: false, melding: { nummer: k.body.meldingNummer } });
    // The casusregisseur finds it in the werkvoorraad of the household's file.
    expect((await regisseur.get(`/api/v1/meldingen/${k.body.meldingId}`)).status).toBe(200);
  });

  it('koppelen aan een inwoner met een ander BSN dan ingevuld wordt geweigerd (422) en legt niets vast', async () => {
    const p = await bekendePersoon();
    const r = await melden(formulier({ bsn: p.bsn, voornaam: p.voornaam, achternaam: p.achternaam, geboortedatum: p.geboortedatum }));
    const ander = await bekendePersoon();
    expect(ander.bsn).not.toBe(p.bsn);
    const { id } = await onlineOp(r.body.referentie);
    const voor = await meldingenVan(ander.id);
    const k = await frontoffice.post<ProblemBody>(`/api/v1/online-meldingen/${id}/koppeling`, { persoonId: ander.id });
    expect(k.status).toBe(422);
    expect(k.body.code).toBe('koppeling-ander-bsn');
    expect(k.body.invalidParams![0]!.name).toBe('persoonId');
    expect(k.body.detail).toMatch(/^Deze inwoner heeft een ander BSN/);
    expect(await meldingenVan(ander.id)).toBe(voor);
    expect(await onlineOp(r.body.referentie)).toMatchObject({ status: 'teMatchen', melding_id: null });
  });

  it('een nieuwe inwoner aanmaken onder een bekend BSN kan niet; afwijzen kan, met een reden', async () => {
    const p = await bekendePersoon();
    const r = await melden(formulier({ bsn: p.bsn, voornaam: 'Een', achternaam: 'Vreemde', geboortedatum: '1901-01-01' }));
    const { id } = await onlineOp(r.body.referentie);
    const nieuw = await teamleider.post<ProblemBody>(`/api/v1/online-meldingen/${id}/koppeling`, { nieuwePersoon: true });
    expect(nieuw.status).toBe(409);
    expect(nieuw.body.code).toBe('persoon-bestaat-al');
    expect((await teamleider.post<ProblemBody>(`/api/v1/online-meldingen/${id}/koppeling`, {})).status).toBe(400);
    expect((await teamleider.post<ProblemBody>(`/api/v1/online-meldingen/${id}/afwijzing`, { reden: '' })).status).toBe(400);
    expect((await teamleider.post(`/api/v1/online-meldingen/${id}/afwijzing`, { reden: 'Gebeld: de inwoner heeft deze melding niet gedaan.' })).status).toBe(204);
    expect(await onlineOp(r.body.referentie)).toMatchObject({ status: 'afgewezen', melding_id: null });
  });

  it('een casusregisseur of beleid ziet de wachtrij niet (403); een onbekend id → 404', async () => {
    expect((await regisseur.get('/api/v1/online-meldingen')).status).toBe(403);
    expect((await (await t.login('beleid')).get('/api/v1/online-meldingen')).status).toBe(403);
    expect((await frontoffice.get('/api/v1/online-meldingen/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
