import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { controleerItem, type Trede } from './rules.ts';

let t: TestApp;
let beheer: Client;
let regisseur: Client;
let tweestad: Client;

interface Item { id: string; naam: string; domein: string; trede: number; leefgebieden: { code: string }[]; kernen: { id: string; naam: string }[]; beschikkingNodig: boolean; limiet: unknown; actief: boolean }
interface ProblemBody { code: string; invalidParams?: { name: string }[] }

beforeAll(async () => {
  t = await startTestApp();
  [beheer, regisseur, tweestad] = (await Promise.all(['beheer', 'regisseur', 'regisseur-tweestad'].map((u) => t.login(u)))) as [Client, Client, Client];
});
afterAll(async () => t?.close());

const nieuw = (over: Record<string, unknown> = {}) => ({
  naam: 'Repaircafé Heidehoven', omschrijving: 'Samen spullen repareren, elke eerste zaterdag.', domein: 'voorliggend', trede: 3,
  leefgebieden: ['dagbesteding', 'sociaalFunctioneren'], kernIds: [], aanbieder: 'Vrijwilligers Heidehoven', beschikkingNodig: false, limiet: null,
  zoekwoorden: ['repareren', 'ontmoeten'], actief: true, ...over,
});

describe('de catalogus en sociale kaart van de demogemeente', () => {
  it('heeft minstens 40 producten over alle wetten en het voorliggend veld, elk passend bij de ladder', async () => {
    const r = await regisseur.get<Item[]>('/api/v1/catalogus');
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThanOrEqual(40);
    expect(new Set(r.body.map((i) => i.domein))).toEqual(new Set(['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'voorliggend']));
    expect(new Set(r.body.map((i) => i.trede))).toEqual(new Set([1, 2, 3, 4]));
    for (const i of r.body) expect(controleerItem({ ...i, trede: i.trede as Trede, limiet: i.limiet as null, domein: i.domein as 'wmo' })).toBeNull();
  });

  it('zoekt op leefgebied, kern, trede en een woord dat een inwoner zou gebruiken', async () => {
    const fin = await regisseur.get<Item[]>('/api/v1/catalogus?leefgebied=financien');
    expect(fin.body.length).toBeGreaterThan(0);
    expect(fin.body.every((i) => i.leefgebieden.some((l) => l.code === 'financien'))).toBe(true);
    const kernen = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/gebieden')).body;
    const beekveld = kernen.find((k) => k.naam === 'Beekveld')!;
    const inBeekveld = await regisseur.get<Item[]>(`/api/v1/catalogus?kern=${beekveld.id}`);
    expect(inBeekveld.body.every((i) => i.kernen.length === 0 || i.kernen.some((k) => k.id === beekveld.id))).toBe(true);
    const zonder = await regisseur.get<Item[]>('/api/v1/catalogus?trede=3&zonderBeschikking=true');
    expect(zonder.body.every((i) => i.trede === 3 && !i.beschikkingNodig)).toBe(true);
    const schulden = await regisseur.get<Item[]>('/api/v1/catalogus?zoek=schulden');
    expect(schulden.body.length).toBeGreaterThan(0);
    expect((await regisseur.get('/api/v1/catalogus?leefgebied=geluk')).status).toBe(400);
  });

  it('de publieke sociale kaart toont het voorliggend veld en zelfhulp, zonder inloggen', async () => {
    const r = await t.anonymous().get<{ gemeente: string; resultaten: { naam: string }[] }>('/api/v1/publiek/gemeenten/demodorp/voorliggend-veld?leefgebied=sociaalFunctioneren');
    expect(r.status).toBe(200);
    expect(r.body.gemeente).toBe('Demodorp');
    const alle = (await regisseur.get<Item[]>('/api/v1/catalogus?leefgebied=sociaalFunctioneren&zonderBeschikking=true')).body
      .filter((i) => i.domein === 'voorliggend' || i.trede <= 2).map((i) => i.naam).sort();
    expect(r.body.resultaten.map((i) => i.naam).sort()).toEqual(alle);
    expect((await t.anonymous().get('/api/v1/publiek/gemeenten/nergens/voorliggend-veld')).status).toBe(404);
  });
});

describe('beheer van de catalogus', () => {
  it('de beheerder voegt een product toe en zet het later op inactief; het verdwijnt uit het zoeken', async () => {
    const r = await beheer.post<Item>('/api/v1/catalogus', nieuw());
    expect(r.status).toBe(201);
    const wijzig = await beheer.request<Item>('PUT', `/api/v1/catalogus/${r.body.id}`, nieuw({ actief: false }));
    expect(wijzig.body.actief).toBe(false);
    expect((await regisseur.get<Item[]>('/api/v1/catalogus?zoek=Repaircaf')).body).toEqual([]);
  });

  it('weigert een maatwerkvoorziening zonder beschikking, een grens bij een beschikking en een dubbele naam', async () => {
    const a = await beheer.post<ProblemBody>('/api/v1/catalogus', nieuw({ naam: 'X1', domein: 'wmo', trede: 4, beschikkingNodig: false }));
    expect(a.status).toBe(400);
    expect(a.body.code).toBe('catalogus-ongeldig');
    const b = await beheer.post<ProblemBody>('/api/v1/catalogus', nieuw({ naam: 'X2', domein: 'wmo', beschikkingNodig: true, limiet: { eenheid: 'uur', waarde: 5 } }));
    expect(b.body.invalidParams![0]!.name).toBe('limiet');
    await beheer.post('/api/v1/catalogus', nieuw({ naam: 'Uniek product' }));
    const c = await beheer.post<ProblemBody>('/api/v1/catalogus', nieuw({ naam: 'uniek PRODUCT' }));
    expect(c.status).toBe(409);
  });

  it('elke gemeente heeft haar eigen catalogus', async () => {
    const r = await beheer.post<Item>('/api/v1/catalogus', nieuw({ naam: 'Alleen in Demodorp' }));
    expect((await tweestad.get(`/api/v1/catalogus/${r.body.id}`)).status).toBe(404);
    expect((await tweestad.get<Item[]>('/api/v1/catalogus?zoek=Alleen in Demodorp')).body).toEqual([]);
  });
});
