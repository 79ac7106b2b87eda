import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { pdfTekst } from '../../testing/pdf.ts';
import { termijnen } from '../toegang/index.ts';

let t: TestApp;
let regisseur: Client;
let beslisser: Client;
let beslisser2: Client;
let teamleider: Client;

interface Aanvraag { id: string; nummer: string; status: string; beschikkingId: string | null; wachtOpTweedeBeslisser: boolean; termijnen: { soort: string; wet: string; startdatum: string; uitersteDatum: string; status: string }[] }
interface Beschikking { id: string; status: string; verzondenOp: string | null; bezwaarTermijnEinde: string; pdfHash: string | null; producten: { uitkomst: string; omvang: number | null; leveringsvorm: string | null; eigenBijdrage: string | null }[]; bezwaren: { tijdig: boolean; beslistermijnEinde: string }[] }
interface ProblemBody { code: string; detail: string; invalidParams?: { name: string }[] }
interface Item { id: string; status: string }

/** A household's plan with a Wmo maatwerk item (rung 4) and, optionally, a Jeugdwet one: ready for an aanvraag. */
async function planMetMaatwerk(opts: { jeugd?: boolean } = {}) {
  const m = await regisseur.post<{ id: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }));
  const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon en leefbaar huis', meetbaarResultaat: 'Huis wekelijks schoon', streefdatum: '2027-06-01',
  });
  await regisseur.post(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId: doel.body.id, trede: 1, omschrijving: 'Zelf de afwas en lichte taken' });
  const wmo = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
  const items: string[] = [];
  items.push((await regisseur.post<Item>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
    doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Mevrouw kan door haar heup niet meer zwaar schoonmaken; de kinderen wonen ver weg.',
  })).body.id);
  if (opts.jeugd) {
    // Jeugdhulp ambulant: contracted per hour per week, with a pgb tariff.
    const jeugd = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=jeugdwet&trede=4')).body.find((i) => /ambulant/i.test(i.naam))!;
    items.push((await regisseur.post<Item>(`/api/v1/casussen/${casusId}/plan/arrangement`, { doelId: doel.body.id, trede: 4, catalogusItemId: jeugd.id, motivering: 'Het kind heeft specialistische hulp nodig.' })).body.id);
  }
  return { casusId, items };
}

const besluit = (items: string[], over: Record<string, unknown> = {}) => ({
  producten: items.map((arrangementItemId) => ({
    arrangementItemId, uitkomst: 'toegekend', omvang: 3, ingangsdatum: vandaag(), einddatum: '2027-12-31', leveringsvorm: 'zin', ...over,
  })),
  motivering: 'Mevrouw kan het huishouden niet zelf of met haar netwerk doen; de algemene voorziening is onvoldoende voor haar situatie.',
});

beforeAll(async () => {
  t = await startTestApp();
  [regisseur, beslisser, beslisser2, teamleider] = (await Promise.all(['regisseur', 'beslisser', 'beslisser2', 'teamleider'].map((u) => t.login(u)))) as [Client, Client, Client, Client];
});
afterAll(async () => t?.close());

describe('van plan naar beschikking, op vier ogen en binnen de termijn', () => {
  let aanvraagId: string;
  let items: string[];

  it('de aanvraag voor de maatwerkonderdelen start per wet de beslistermijn (Wmo 2 weken, Jeugdwet 8 weken)', async () => {
    const p = await planMetMaatwerk({ jeugd: true });
    items = p.items;
    const r = await regisseur.post<Aanvraag>('/api/v1/aanvragen', { casusId: p.casusId, arrangementItemIds: items, ontvangenOp: '2026-11-02' });
    expect(r.status).toBe(201);
    aanvraagId = r.body.id;
    expect(r.body.status).toBe('ingediend');
    const perWet = Object.fromEntries(r.body.termijnen.map((x) => [x.wet, x]));
    expect(perWet.wmo).toMatchObject({ soort: 'beschikking', startdatum: '2026-11-02', uitersteDatum: '2026-11-16' });
    expect(perWet.jeugdwet).toMatchObject({ soort: 'beschikking', uitersteDatum: '2026-12-28' });
  });

  it('een onderdeel twee keer aanvragen, of een onderdeel zonder beschikkingsplicht, wordt geweigerd', async () => {
    const p = await planMetMaatwerk();
    await regisseur.post('/api/v1/aanvragen', { casusId: p.casusId, arrangementItemIds: p.items, ontvangenOp: vandaag() });
    const dubbel = await regisseur.post<ProblemBody>('/api/v1/aanvragen', { casusId: p.casusId, arrangementItemIds: p.items, ontvangenOp: vandaag() });
    expect(dubbel.status).toBe(409);
    const plan = (await regisseur.get<{ arrangementPerTrede: { trede: number; items: Item[] }[] }>(`/api/v1/casussen/${p.casusId}/plan`)).body;
    const eigenKracht = plan.arrangementPerTrede.find((x) => x.trede === 1)!.items[0]!;
    const geenBeschikking = await regisseur.post<ProblemBody>('/api/v1/aanvragen', { casusId: p.casusId, arrangementItemIds: [eigenKracht.id], ontvangenOp: vandaag() });
    expect(geenBeschikking.status).toBe(400);
    expect(geenBeschikking.body.invalidParams![0]!.name).toBe('arrangementItemIds');
  });

  it('wie de aanvraag voorbereidde, mag haar niet toetsen (vier-ogen-zelfde-persoon); een casusregisseur toetst niet', async () => {
    const p = await planMetMaatwerk();
    const eigen = (await teamleider.post<Aanvraag>('/api/v1/aanvragen', { casusId: p.casusId, arrangementItemIds: p.items, ontvangenOp: vandaag() })).body;
    const r = await teamleider.post<ProblemBody>(`/api/v1/aanvragen/${eigen.id}/toets`, {});
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('vier-ogen-zelfde-persoon');
    expect((await regisseur.post<ProblemBody>(`/api/v1/aanvragen/${aanvraagId}/toets`, {})).status).toBe(403);
  });

  it('toets en beoordeling door anderen; wie beoordeelde, mag niet beslissen', async () => {
    expect((await beslisser.post<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}/toets`, { compleet: true, bevoegd: true })).body.status).toBe('getoetst');
    expect((await beslisser2.post<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}/besluit`, besluit(items))).body).toMatchObject({ code: 'ongeldige-statusovergang' });
    expect((await beslisser2.post<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}/beoordeling`, { advies: 'Past bij het plan; lagere treden zijn geprobeerd.' })).body.status).toBe('beoordeeld');
    const zelf = await beslisser2.post<ProblemBody>(`/api/v1/aanvragen/${aanvraagId}/besluit`, besluit(items));
    expect(zelf.status).toBe(403);
    expect(zelf.body.code).toBe('vier-ogen-zelfde-persoon');
    const teamleiderBeslist = await teamleider.post<ProblemBody>(`/api/v1/aanvragen/${aanvraagId}/besluit`, besluit(items));
    expect(teamleiderBeslist.status).toBe(403);
  });

  it('een besluit noemt per product omvang, eenheid, ingangsdatum en leveringsvorm; zonder → 400', async () => {
    const r = await beslisser.post<ProblemBody>(`/api/v1/aanvragen/${aanvraagId}/besluit`, {
      producten: items.map((arrangementItemId) => ({ arrangementItemId, uitkomst: 'toegekend' })), motivering: 'x',
    });
    expect(r.status).toBe(400);
    expect(r.body.invalidParams!.map((p) => p.name)).toContain('producten.0.omvang');
    const half = await beslisser.post<ProblemBody>(`/api/v1/aanvragen/${aanvraagId}/besluit`, besluit(items.slice(0, 1)));
    expect(half.status).toBe(400);
  });

  it('de beslisser die toetste, beslist: toegekend en deels toegekend; de beschikking bestaat en overleeft een herstart', async () => {
    const r = await beslisser.post<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}/besluit`, {
      ...besluit(items),
      producten: [
        { arrangementItemId: items[0], uitkomst: 'toegekend', omvang: 3, eenheid: 'uur', periode: 'week', ingangsdatum: vandaag(), einddatum: '2027-12-31', leveringsvorm: 'zin' },
        { arrangementItemId: items[1], uitkomst: 'deels toegekend', omvang: 2, eenheid: 'uur', periode: 'week', ingangsdatum: vandaag(), leveringsvorm: 'pgb' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('besloten');
    expect(r.body.beschikkingId).toBeTruthy();
    const rij = await t.database.db.selectFrom('aanvragen').select('status').where('id', '=', aanvraagId).executeTakeFirstOrThrow();
    expect(rij.status).toBe('besloten');
  });

  it('de beschikking vóór verzending: concept-brief met besluit, motivering en bezwaarclausule', async () => {
    const a = (await beslisser.get<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}`)).body;
    const b = await beslisser.get<Beschikking>(`/api/v1/beschikkingen/${a.beschikkingId}`);
    expect(b.body.status).toBe('besloten');
    expect(b.body.bezwaarTermijnEinde).toBe(termijnen.atwEinddatum(vandaag(), termijnen.plusWeken(vandaag(), 6)));
    expect(b.body.producten.map((p) => p.uitkomst).sort()).toEqual(['deelsToegekend', 'toegekend']);
    expect(b.body.producten.find((p) => p.leveringsvorm === 'zin')!.eigenBijdrage).toMatch(/eigen bijdrage/);
  });

  it('verzenden: de brief wordt met hash bewaard, de bezwaartermijn is 6 weken (Atw), de beslistermijn is binnen de termijn afgerond', async () => {
    const a = await beslisser.post<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}/verzending`, {});
    expect(a.body.status).toBe('verzonden');
    const b = (await regisseur.get<Beschikking>(`/api/v1/beschikkingen/${a.body.beschikkingId}`)).body;
    expect(b.verzondenOp).toBe(vandaag());
    expect(b.bezwaarTermijnEinde).toBe(termijnen.atwEinddatum(vandaag(), termijnen.plusWeken(vandaag(), 6)));
    const res = await fetch(`${t.baseUrl}/api/v1/beschikkingen/${b.id}/brief.pdf`, { headers: { cookie: regisseur.cookie! } });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(pdf.slice(0, 4))).toBe('%PDF');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(b.pdfHash);
    const tekst = await pdfTekst(pdf);
    expect(tekst).toContain('Ons besluit');
    expect(tekst).toContain('Toegekend');
    expect(tekst).toContain('Deels toegekend');
    expect(tekst).toContain('algemene voorziening is onvoldoende');
    expect(tekst).toContain('bezwaar maken binnen zes weken');
    expect(tekst).toContain('artikel 2.3.5 van de Wet maatschappelijke ondersteuning 2015');
    expect(tekst).not.toContain('CONCEPT');
    const na = (await regisseur.get<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}`)).body;
    // Received on 2 November: the Wmo's two weeks had passed, the Jeugdwet's eight had not.
    expect(Object.fromEntries(na.termijnen.map((x) => [x.wet, x.status]))).toEqual({ wmo: 'afgerondNaTermijn', jeugdwet: 'afgerondBinnenTermijn' });
  });

  it('een verzonden beschikking is onveranderlijk, ook voor de database-eigenaar', async () => {
    const a = (await regisseur.get<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}`)).body;
    await expect(sql`update beschikkingen set motivering = 'anders' where id = ${a.beschikkingId}`.execute(t.database.db)).rejects.toThrow(/herziening/);
  });

  it('het plan volgt het besluit: toegekende onderdelen zijn ingezet', async () => {
    const a = (await regisseur.get<{ casus: { id: string } }>(`/api/v1/aanvragen/${aanvraagId}`)).body;
    const plan = (await regisseur.get<{ arrangementPerTrede: { trede: number; items: Item[] }[] }>(`/api/v1/casussen/${a.casus.id}/plan`)).body;
    expect(plan.arrangementPerTrede.find((x) => x.trede === 4)!.items.every((i) => i.status === 'ingezet')).toBe(true);
  });

  it('bezwaar: tijdig of te laat, met een eigen beslistermijn; herziening is een nieuw besluit dat naar het oude verwijst', async () => {
    const a = (await regisseur.get<Aanvraag>(`/api/v1/aanvragen/${aanvraagId}`)).body;
    const b = await teamleider.post<Beschikking>(`/api/v1/beschikkingen/${a.beschikkingId}/bezwaren`, { ontvangenOp: vandaag(), omschrijving: 'Drie uur is te weinig.' });
    expect(b.status).toBe(201);
    expect(b.body.bezwaren[0]).toMatchObject({ tijdig: true });
    expect(b.body.bezwaren[0]!.beslistermijnEinde > b.body.bezwaarTermijnEinde).toBe(true);
    const h = await beslisser.post<Aanvraag & { status: string }>(`/api/v1/beschikkingen/${a.beschikkingId}/herziening`, { reden: 'Na bezwaar: meer uren nodig' });
    expect(h.status).toBe(201);
    expect(h.body.status).toBe('ingediend');
    expect((await beslisser.post<ProblemBody>(`/api/v1/beschikkingen/${a.beschikkingId}/herziening`, { reden: 'Nog een' })).status).toBe(409);
    const detail = (await beslisser.get<{ herzieningVan: string; bron: string }>(`/api/v1/aanvragen/${h.body.id}`)).body;
    expect(detail).toMatchObject({ herzieningVan: a.beschikkingId, bron: 'herziening' });
  });
});

describe('boven de drempel beslist een tweede beslisser', () => {
  it('het eerste besluit wacht; dezelfde beslisser kan niet bevestigen; een tweede wel', async () => {
    const p = await planMetMaatwerk();
    const a = (await regisseur.post<Aanvraag>('/api/v1/aanvragen', { casusId: p.casusId, arrangementItemIds: p.items, ontvangenOp: vandaag() })).body;
    await teamleider.post(`/api/v1/aanvragen/${a.id}/toets`, {});
    await beslisser.post(`/api/v1/aanvragen/${a.id}/beoordeling`, { advies: 'Duur maar nodig.' });
    // 20 hours a week of hulp bij het huishouden: the budget computed from the contract is above € 25,000 a year.
    const duur = besluit(p.items, { omvang: 20 });
    const eerste = await beslisser2.post<Aanvraag>(`/api/v1/aanvragen/${a.id}/besluit`, duur);
    expect(eerste.body).toMatchObject({ status: 'beoordeeld', wachtOpTweedeBeslisser: true, beschikkingId: null });
    const nogEens = await beslisser2.post<ProblemBody>(`/api/v1/aanvragen/${a.id}/besluit`, duur);
    expect(nogEens.body.code).toBe('vier-ogen-zelfde-persoon');
    // A smaller decision does not let the first decider finish alone either.
    const zonderBedrag = await beslisser2.post<ProblemBody>(`/api/v1/aanvragen/${a.id}/besluit`, besluit(p.items));
    expect(zonderBedrag.body.code).toBe('vier-ogen-zelfde-persoon');
    const beoordelaar = await beslisser.post<ProblemBody>(`/api/v1/aanvragen/${a.id}/besluit`, duur);
    expect(beoordelaar.body.code).toBe('vier-ogen-zelfde-persoon');
    // A third person with the beslisser role confirms.
    await t.database.db.updateTable('gebruikers').set({ rollen: ['teamleider', 'beslisser'] }).where('gebruikersnaam', '=', 'teamleider').execute();
    const derde = await t.login('teamleider');
    // The second decider confirms the first decision as it was taken (its body is not a new decision).
    const tweede = await derde.post<Aanvraag>(`/api/v1/aanvragen/${a.id}/besluit`, besluit(p.items, { omvang: 99 }));
    expect(tweede.body.status).toBe('besloten');
    const b = (await derde.get<Beschikking>(`/api/v1/beschikkingen/${tweede.body.beschikkingId}`)).body;
    expect(b.producten[0]!.omvang).toBe(20);
    await t.database.db.updateTable('gebruikers').set({ rollen: ['teamleider'] }).where('gebruikersnaam', '=', 'teamleider').execute();
  });

  it('twee beslissers tegelijk: er wint er precies één (rijvergrendeling)', async () => {
    const p = await planMetMaatwerk();
    const a = (await regisseur.post<Aanvraag>('/api/v1/aanvragen', { casusId: p.casusId, arrangementItemIds: p.items, ontvangenOp: vandaag() })).body;
    await teamleider.post(`/api/v1/aanvragen/${a.id}/toets`, {});
    await t.database.db.updateTable('gebruikers').set({ rollen: ['regisseur', 'beslisser'] }).where('gebruikersnaam', '=', 'regisseur2').execute();
    const beoordelaar = await t.login('regisseur2');
    await beoordelaar.post(`/api/v1/aanvragen/${a.id}/beoordeling`, {});
    const rs = await Promise.all([beslisser.post(`/api/v1/aanvragen/${a.id}/besluit`, besluit(p.items)), beslisser2.post(`/api/v1/aanvragen/${a.id}/besluit`, besluit(p.items))]);
    expect(rs.map((r) => r.status).sort()).toEqual([200, 409]);
    const n = await t.database.db.selectFrom('beschikkingen').select((eb) => eb.fn.countAll<number>().as('n')).where('aanvraag_id', '=', a.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    await t.database.db.updateTable('gebruikers').set({ rollen: ['regisseur'] }).where('gebruikersnaam', '=', 'regisseur2').execute();
  });
});

describe('steekproef en procescoördinatie', () => {
  it('de maandelijkse steekproef is reproduceerbaar; wie meewerkte, beoordeelt niet; de uitkomst staat per team', async () => {
    const maand = vandaag().slice(0, 7);
    await t.database.db.insertInto('gemeente_instellingen').values({
      gemeente_id: (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id,
      sleutel: 'besluit', waarde: JSON.stringify({ ...(await teamleider.get<Record<string, unknown>>('/api/v1/instellingen/besluit')).body, steekproefPercentage: 100 }),
    }).onConflict((oc) => oc.columns(['gemeente_id', 'sleutel']).doNothing()).execute();
    const s = await teamleider.post<{ id: string; populatie: number; items: { id: string; nummer: string }[] }>('/api/v1/steekproeven', { maand });
    expect(s.status).toBe(201);
    expect(s.body.items.length).toBe(s.body.populatie);
    expect((await teamleider.post<ProblemBody>('/api/v1/steekproeven', { maand })).status).toBe(409);
    // A decision in which the teamleider took no part (the demo data also has some where they did the toets).
    const tl = await t.database.db.selectFrom('gebruikers').select('id').where('gebruikersnaam', '=', 'teamleider').executeTakeFirstOrThrow();
    const vrij = await t.database.db.selectFrom('steekproef_items as i').innerJoin('beschikkingen as b', 'b.id', 'i.beschikking_id').innerJoin('aanvragen as a', 'a.id', 'b.aanvraag_id')
      .select('i.id').where('i.steekproef_id', '=', s.body.id).where((eb) => eb.or([eb('a.getoetst_door', 'is', null), eb('a.getoetst_door', '!=', tl.id)]))
      .where('a.besloten_door', '!=', tl.id).executeTakeFirstOrThrow();
    const item = s.body.items.find((x) => x.id === vrij.id)!;
    const antwoorden = { 'vraag-verhelderd': 'ja', ladder: 'ja', passend: 'ja', grondslag: 'ja', motivering: 'ja', termijn: 'ja', bezwaarclausule: 'ja' };
    const mee = await beslisser.post<ProblemBody>(`/api/v1/steekproeven/${s.body.id}/items/${item.id}/beoordeling`, { antwoorden, uitkomst: 'inOrde' });
    expect(mee.body.code).toBe('vier-ogen-zelfde-persoon');
    const onvolledig = await teamleider.post<ProblemBody>(`/api/v1/steekproeven/${s.body.id}/items/${item.id}/beoordeling`, { antwoorden: { ladder: 'ja' }, uitkomst: 'inOrde' });
    expect(onvolledig.status).toBe(400);
    const ok = await teamleider.post(`/api/v1/steekproeven/${s.body.id}/items/${item.id}/beoordeling`, { antwoorden, bevindingen: 'Zorgvuldig.', uitkomst: 'inOrde' });
    expect(ok.status).toBe(200);
    const res = await teamleider.get<{ team: string; getrokken: number; beoordeeld: number; inOrde: number }[]>(`/api/v1/steekproeven/resultaten?jaar=${maand.slice(0, 4)}`);
    expect(res.body.find((r) => r.team === 'Wijkteam Demodorp')).toMatchObject({ beoordeeld: 1, inOrde: 1 });
  });

  it('een casus wordt multiprobleem met een procescoördinator, die alle besluiten en aanbieders van het huishouden ziet', async () => {
    // The teamleider sees the sent aanvragen of the team (a beslisser no longer sees them: need-to-know).
    const a = (await teamleider.get<{ resultaten: { casus: { id: string } }[] }>('/api/v1/aanvragen?status=verzonden')).body.resultaten[0]!;
    const mw = (await teamleider.get<{ id: string; naam: string }[]>('/api/v1/medewerkers?rol=regisseur')).body;
    const rachida = mw.find((m) => m.naam === 'Rachida Regisseur')!;
    const r = await teamleider.request<{ multiprobleem: boolean; procescoordinator: { naam: string } }>('PUT', `/api/v1/casussen/${a.casus.id}/procescoordinatie`, { multiprobleem: true, procescoordinatorId: rachida.id });
    expect(r.body).toMatchObject({ multiprobleem: true, procescoordinator: { naam: 'Rachida Regisseur' } });
    const mijn = await (await t.login('regisseur2')).get<{ casus: { id: string }; besluiten: unknown[]; aanbieders: string[] }[]>('/api/v1/procescoordinatie');
    const c = mijn.body.find((x) => x.casus.id === a.casus.id)!;
    expect(c.besluiten.length).toBeGreaterThan(0);
    expect(c.aanbieders.length).toBeGreaterThan(0);
  });
});
