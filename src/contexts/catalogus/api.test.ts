import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGemeente } from '../../platform/tenancy/tx.ts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { productVanItem } from './index.ts';
import { controleerItem, type Trede } from './rules.ts';

let t: TestApp;
let beheer: Client;
let regisseur: Client;
let tweestad: Client;

interface Item {
  id: string; naam: string; domein: string; trede: number; leefgebieden: { code: string }[]; kernen: { id: string; naam: string }[]; beschikkingNodig: boolean; limiet: unknown; actief: boolean;
  productcategorie: string | null; productcategorieNaam: string | null; productcode: string | null;
}
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

describe('een maatwerkproduct in de catalogus verwijst naar een gecontracteerd product', () => {
  it('de democatalogus noemt de productcategorie en productcode; productVanItem geeft ze met de wet', async () => {
    const items = (await regisseur.get<Item[]>('/api/v1/catalogus?zoek=huishouden')).body;
    const hbh = items.find((i) => i.naam === 'Hulp bij het huishouden (maatwerk)')!;
    expect(hbh).toMatchObject({ productcategorie: '01', productcategorieNaam: 'Hulp bij het huishouden', productcode: '01A01' });
    const bijstand = (await regisseur.get<Item[]>('/api/v1/catalogus?zoek=Bijstandsuitkering')).body[0]!;
    expect(bijstand).toMatchObject({ productcategorie: null, productcategorieNaam: null, productcode: 'PW001' });
    const alle = (await regisseur.get<Item[]>('/api/v1/catalogus')).body;
    expect(alle.filter((i) => i.productcode).length).toBeGreaterThanOrEqual(21);
    const demodorp = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
    await inGemeente(t.database.db, demodorp, async (tx) => {
      expect(await productVanItem(tx, hbh.id)).toEqual({ wet: 'wmo', productcategorie: '01', productcode: '01A01' });
      expect(await productVanItem(tx, alle.find((i) => i.domein === 'voorliggend')!.id)).toBeNull();
    });
  });

  it('de beheerder geeft een product een code; een code of categorie die niet past wordt geweigerd en niets bewaard', async () => {
    const wmo = { domein: 'wmo', trede: 4, beschikkingNodig: true };
    const r = await beheer.post<Item>('/api/v1/catalogus', nieuw({ ...wmo, naam: 'Persoonlijke verzorging thuis', productcategorie: '03', productcode: '03a01' }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ productcategorie: '03', productcategorieNaam: 'Persoonlijke verzorging', productcode: '03A01' });
    const zonder = await beheer.request<Item>('PUT', `/api/v1/catalogus/${r.body.id}`, nieuw({ ...wmo, naam: 'Persoonlijke verzorging thuis', productcategorie: '', productcode: '' }));
    expect(zonder.body).toMatchObject({ productcategorie: null, productcode: null });
    const fout = async (over: Record<string, unknown>, veld: string, code: string) => {
      const a = await beheer.post<ProblemBody & { invalidParams: { name: string; code: string }[] }>('/api/v1/catalogus', nieuw({ ...wmo, naam: `Fout ${code}`, ...over }));
      expect(a.status).toBe(400);
      expect(a.body.invalidParams[0]).toMatchObject({ name: veld, code });
    };
    await fout({ productcategorie: '45', productcode: '45A01' }, 'productcategorie', 'productcategorie-ongeldig');
    await fout({ productcategorie: '01', productcode: '01-A1' }, 'productcode', 'productcode-ongeldig');
    await fout({ productcategorie: '01', productcode: null }, 'productcode', 'productcode-ontbreekt');
    await fout({ productcategorie: null, productcode: '01A01' }, 'productcategorie', 'productcategorie-ontbreekt');
    await fout({ domein: 'participatiewet', productcategorie: '01', productcode: 'RE002' }, 'productcategorie', 'productcategorie-ongeldig');
    await fout({ domein: 'voorliggend', trede: 3, beschikkingNodig: false, productcategorie: null, productcode: 'VL001' }, 'productcode', 'product-zonder-beschikking');
    expect((await regisseur.get<Item[]>('/api/v1/catalogus?zoek=Fout')).body).toEqual([]);
  });
});

describe('grenzen in euro’s zijn centen (ADR 34)', () => {
  it('een grens in euro’s wordt in hele centen bewaard en teruggegeven (waardeCents); uren blijven uren', async () => {
    const r = await beheer.post<Item>('/api/v1/catalogus', nieuw({ naam: 'Budget zonder beschikking', limiet: { eenheid: 'euro', waardeCents: 125050 } }));
    expect(r.status).toBe(201);
    expect(r.body.limiet).toEqual({ eenheid: 'euro', waardeCents: 125050 });
    const rij = await t.database.db.selectFrom('catalogus_items').select(['limiet_eenheid', 'limiet_waarde', 'limiet_cents']).where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(rij).toEqual({ limiet_eenheid: 'euro', limiet_waarde: null, limiet_cents: 125050 });
    const uren = await beheer.post<Item>('/api/v1/catalogus', nieuw({ naam: 'Uren zonder beschikking', limiet: { eenheid: 'uur', waarde: 3 } }));
    expect(uren.body.limiet).toEqual({ eenheid: 'uur', waarde: 3 });
  });

  it('de euro-grens van de democatalogus (1.500 euro per jaar in de gegevens) staat als 150.000 centen in de catalogus', async () => {
    const r = await regisseur.get<Item[]>('/api/v1/catalogus?zoek=Algemene voorziening huishoudelijke hulp');
    expect(r.body[0]!.limiet).toEqual({ eenheid: 'euro', waardeCents: 150000 });
  });

  it('een rij met hele euro’s uit de tijd vóór de centen (of uit een bulklading) leest als centen', async () => {
    const r = await beheer.post<Item>('/api/v1/catalogus', nieuw({ naam: 'Oude euro-grens', limiet: { eenheid: 'euro', waardeCents: 100 } }));
    await t.database.db.updateTable('catalogus_items').set({ limiet_cents: null, limiet_waarde: 750 }).where('id', '=', r.body.id).execute();
    expect((await regisseur.get<Item>(`/api/v1/catalogus/${r.body.id}`)).body.limiet).toEqual({ eenheid: 'euro', waardeCents: 75000 });
  });

  it('een euro-grens als waarde (hele euro’s), een breuk van een cent of nul centen → 400 en er wordt niets bewaard', async () => {
    for (const [naam, limiet] of [
      ['Fout A', { eenheid: 'euro', waarde: 1500 }], ['Fout B', { eenheid: 'euro', waardeCents: 12.5 }], ['Fout C', { eenheid: 'euro', waardeCents: 0 }],
      ['Fout D', { eenheid: 'dag', waarde: 1 }],
    ] as const) {
      const r = await beheer.post<ProblemBody>('/api/v1/catalogus', nieuw({ naam, limiet }));
      expect(r.status, naam).toBe(400);
      expect(r.body.code).toBe('ongeldige-invoer');
      expect(r.body.invalidParams![0]!.name, naam).toMatch(/^limiet/);
    }
    expect((await regisseur.get<Item[]>('/api/v1/catalogus?zoek=Fout ')).body).toEqual([]);
  });
});
