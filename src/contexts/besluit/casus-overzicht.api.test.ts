import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { nieuwBsn, startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { termijnen } from '../toegang/index.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;

interface Overzicht {
  casus: { nummer: string; status: string };
  huishouden: { naam: string; leeftijd: number; adres: string | null; relatie: string | null; relatieNaam: string | null; gezag: boolean; gezagBij: string[] }[];
  regisseur: { naam: string; telefoon: string | null; email: string | null } | null;
  termijnen: { soort: string; wetNaam: string; uitersteDatum: string; dagenOver: number; verlopen: boolean; bij: { soort: string; nummer: string } }[];
  plan: { status: string; statusNaam: string; instemming: { datum: string; wijzeNaam: string } | null } | null;
  aanvragen: { nummer: string; stap: string; producten: string[] }[];
  voorzieningen: { product: string; wetNaam: string; beschikking: { id: string; nummer: string }; omvang: number | null; eenheid: string | null; ingangsdatum: string | null; einddatum: string | null; lopend: boolean }[];
}

async function nieuweCasus(over: Record<string, unknown> = {}) {
  const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag(), ...over }));
  return (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
}

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider] = (await Promise.all(['regisseur', 'beslisser', 'beslisser2', 'teamleider'].map((u) => t.login(u)))) as [Client, Client, Client, Client];
});
afterAll(async () => t?.close());

describe('de casus in één oogopslag', () => {
  it('een nieuwe casus: het huishouden met leeftijd en adres, de casusregisseur, de onderzoekstermijn met de dagen die over zijn, nog geen plan', async () => {
    const casusId = await nieuweCasus({
      persoon: { ...voorbeeldMelding().persoon, geboortedatum: '1950-03-01', adres: { straat: 'Kerkstraat', huisnummer: '12', postcode: '1234 AB', woonplaats: 'Demodorp' } },
    });
    const r = await regisseur.get<Overzicht>(`/api/v1/casussen/${casusId}/overzicht`);
    expect(r.status).toBe(200);
    expect(r.body.casus.status).toBe('open');
    expect(r.body.huishouden).toHaveLength(1);
    expect(r.body.huishouden[0]!.leeftijd).toBeGreaterThanOrEqual(75);
    expect(r.body.huishouden[0]!.adres).toMatch(/^Kerkstraat 12, 1234 ?AB Demodorp$/);
    expect(r.body.regisseur?.naam).toMatch(/^Ruud/);
    expect(r.body.plan).toBeNull();
    expect(r.body.aanvragen).toEqual([]);
    expect(r.body.voorzieningen).toEqual([]);
    const onderzoek = r.body.termijnen.find((x) => x.soort === 'onderzoek')!;
    expect(onderzoek).toMatchObject({ wetNaam: 'Wmo 2015', verlopen: false, bij: { soort: 'melding' } });
    expect(onderzoek.dagenOver).toBe(termijnen.dagenTussen(vandaag(), onderzoek.uitersteDatum));
    expect(onderzoek.dagenOver).toBeGreaterThan(30);
  });

  it('leden met hun relatie tot de hoofdpersoon en het gezag: de partner, en een minderjarig kind met wie het gezag heeft', async () => {
    const m = await regisseur.post<{ id: string; huishoudenId: string; persoon: { naam: string } }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag(), wet: 'jeugdwet' }));
    const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    const partner = await regisseur.post(`/api/v1/huishoudens/${m.body.huishoudenId}/leden`, {
      bsn: nieuwBsn(), voornaam: 'Kees', achternaam: 'Dijk', geboortedatum: '1950-01-01', relatie: 'partner',
    });
    expect(partner.status).toBe(201);
    const kind = await regisseur.post(`/api/v1/huishoudens/${m.body.huishoudenId}/leden`, {
      bsn: nieuwBsn(), voornaam: 'Lotte', achternaam: 'Dijk', geboortedatum: termijnen.plusDagen(vandaag(), -365 * 10), relatie: 'kind', gezag: true,
    });
    expect(kind.status).toBe(201);
    const o = (await regisseur.get<Overzicht>(`/api/v1/casussen/${casusId}/overzicht`)).body;
    const lid = (naam: string) => o.huishouden.find((l) => l.naam.startsWith(naam))!;
    expect(lid('Johanna')).toMatchObject({ relatie: 'hoofdpersoon', gezag: true });
    expect(lid('Kees')).toMatchObject({ relatie: 'partner', relatieNaam: 'Partner', gezag: false });
    expect(lid('Lotte')).toMatchObject({ relatie: 'kind', relatieNaam: 'Kind', gezagBij: [m.body.persoon.naam] });
  });

  it('een termijn die voorbij is, heeft negatieve dagen en staat als verlopen', async () => {
    const casusId = await nieuweCasus({ ontvangenOp: termijnen.plusDagen(vandaag(), -60) });
    await teamleider.post('/api/v1/termijnen/herberekening');
    const r = await regisseur.get<Overzicht>(`/api/v1/casussen/${casusId}/overzicht`);
    const onderzoek = r.body.termijnen.find((x) => x.soort === 'onderzoek')!;
    expect(onderzoek.verlopen).toBe(true);
    expect(onderzoek.dagenOver).toBeLessThan(0);
  });

  it('van plan tot verzonden beschikking: instemming, de open aanvraag met haar stap, daarna de voorziening met periode', async () => {
    const casusId = await nieuweCasus();
    const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
      leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Huis wekelijks schoon', streefdatum: '2027-06-01',
    });
    const wmo = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
    const item = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
      doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Mevrouw kan door haar heup niet meer zwaar schoonmaken.',
    });
    await regisseur.post(`/api/v1/casussen/${casusId}/plan/instemming`, { datum: vandaag(), wijze: 'mondeling' });
    const aanvraag = await regisseur.post<{ id: string; nummer: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [item.body.id], ontvangenOp: vandaag() });

    let o = (await regisseur.get<Overzicht>(`/api/v1/casussen/${casusId}/overzicht`)).body;
    expect(o.plan).toMatchObject({ status: 'actief', statusNaam: 'Actief', instemming: { datum: vandaag(), wijzeNaam: 'mondeling' } });
    expect(o.aanvragen).toEqual([{ id: aanvraag.body.id, nummer: aanvraag.body.nummer, ontvangenOp: vandaag(), status: 'ingediend', statusNaam: 'Ingediend', stap: 'Wacht op toetsing', producten: [wmo.naam] }]);
    expect(o.termijnen.some((x) => x.soort === 'beschikking' && x.bij.nummer === aanvraag.body.nummer)).toBe(true);

    await teamleider.post(`/api/v1/aanvragen/${aanvraag.body.id}/toets`, {});
    await beslisser.post(`/api/v1/aanvragen/${aanvraag.body.id}/beoordeling`, {});
    o = (await beslisser.get<Overzicht>(`/api/v1/casussen/${casusId}/overzicht`)).body;
    expect(o.aanvragen[0]!.stap).toBe('Wacht op het besluit');
    await beslisser2.post(`/api/v1/aanvragen/${aanvraag.body.id}/besluit`, {
      producten: [{ arrangementItemId: item.body.id, uitkomst: 'toegekend', omvang: 3, eenheid: 'uur', periode: 'week', ingangsdatum: vandaag(), einddatum: '2027-12-31', leveringsvorm: 'zin' }],
      motivering: 'Mevrouw kan het huishouden niet zelf of met haar netwerk doen.',
    });
    expect((await beslisser2.get<Overzicht>(`/api/v1/casussen/${casusId}/overzicht`)).body.voorzieningen).toEqual([]);
    await beslisser2.post(`/api/v1/aanvragen/${aanvraag.body.id}/verzending`, {});

    o = (await regisseur.get<Overzicht>(`/api/v1/casussen/${casusId}/overzicht`)).body;
    expect(o.aanvragen).toEqual([]);
    expect(o.termijnen.some((x) => x.soort === 'beschikking')).toBe(false);
    expect(o.voorzieningen).toHaveLength(1);
    expect(o.voorzieningen[0]).toMatchObject({ product: wmo.naam, wetNaam: 'Wmo 2015', omvang: 3, eenheid: 'uur', ingangsdatum: vandaag(), einddatum: '2027-12-31', lopend: true });
    expect(o.voorzieningen[0]!.beschikking.nummer).toMatch(/^B-\d{4}-\d{6}$/);

    // A bezwaar against it, registered by the teamleider of the team (the beslisser is outside the circle once it is sent): its decision term runs.
    const bz = await teamleider.post(`/api/v1/beschikkingen/${o.voorzieningen[0]!.beschikking.id}/bezwaren`, { ontvangenOp: vandaag(), omschrijving: 'Ik wil meer uren.' });
    expect(bz.status).toBe(201);
    o = (await regisseur.get<Overzicht>(`/api/v1/casussen/${casusId}/overzicht`)).body;
    expect(o.termijnen.find((x) => x.bij.soort === 'bezwaar')).toMatchObject({ verlopen: false });
  });

  it('het lezen van het overzicht staat in de audittrail van elk lid van het huishouden', async () => {
    const casusId = await nieuweCasus();
    await regisseur.get(`/api/v1/casussen/${casusId}/overzicht`);
    const rij = await t.database.db.selectFrom('auditlog').select(['actie', 'doel']).where('resource_id', '=', casusId).where('doel', '=', 'casusoverzicht inzien').execute();
    expect(rij).toHaveLength(1);
    expect(rij[0]!.actie).toBe('lezen');
  });

  it('een onbekende casus is 404; de frontoffice mag het overzicht niet lezen', async () => {
    expect((await regisseur.get('/api/v1/casussen/00000000-0000-4000-8000-000000000000/overzicht')).status).toBe(404);
    const fo = await t.login('frontoffice');
    expect((await fo.get(`/api/v1/casussen/${await nieuweCasus()}/overzicht`)).status).toBe(403);
  });
});
