import { expect } from 'vitest';
import { voorbeeldMelding, type Client, type TestApp } from './harness.ts';
import { vandaag } from '../platform/time.ts';

/** Who takes part: the gemeente's staff through the four-eyes decision, and the provider's staff member who fetches the 301. */
export interface Spelers { t: TestApp; regisseur: Client; teamleider: Client; beslisser: Client; beslisser2: Client; zorg: Client; aanbiederId: string }

/**
 * A new resident decided (four eyes) for Wmo household help, 3 hours a week in `productcode`, from
 * `ingangsdatum` to `einddatum`, assigned to the provider; the outbox sends the 301, which the
 * provider's staff member fetches: its toewijzing number and the client's BSN, as a provider's
 * software would read them. Shared by the API tests of declarations, payments and contract management.
 */
export async function toegewezenHulp(s: Spelers, w: { ingangsdatum: string; einddatum: string; productcode: string; streefdatum: string }): Promise<{
  voorzieningId: string; casusId: string; persoonId: string; nummer: number; bsn: string;
}> {
  const { regisseur } = s;
  const m = await regisseur.post<{ id: string; persoon: { id: string } }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }));
  const casusId = (await regisseur.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
  const doel = await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/doelen`, {
    leefgebied: 'praktischFunctioneren', omschrijving: 'Schoon huis', meetbaarResultaat: 'Huis wekelijks schoon', streefdatum: w.streefdatum,
  });
  const wmo = (await regisseur.get<{ id: string; naam: string }[]>('/api/v1/catalogus?domein=wmo&trede=4')).body.find((i) => /huishouden/i.test(i.naam))!;
  const itemId = (await regisseur.post<{ id: string }>(`/api/v1/casussen/${casusId}/plan/arrangement`, {
    doelId: doel.body.id, trede: 4, catalogusItemId: wmo.id, motivering: 'Mevrouw kan door haar heup niet meer zwaar schoonmaken.',
  })).body.id;
  const aanvraagId = (await regisseur.post<{ id: string }>('/api/v1/aanvragen', { casusId, arrangementItemIds: [itemId], ontvangenOp: vandaag() })).body.id;
  await s.teamleider.post(`/api/v1/aanvragen/${aanvraagId}/toets`, {});
  await s.beslisser2.post(`/api/v1/aanvragen/${aanvraagId}/beoordeling`, {});
  const b = await s.beslisser.post(`/api/v1/aanvragen/${aanvraagId}/besluit`, {
    producten: [{
      arrangementItemId: itemId, uitkomst: 'toegekend', omvang: 3, ingangsdatum: w.ingangsdatum, einddatum: w.einddatum, leveringsvorm: 'zin',
      productcode: w.productcode, eenheid: 'uur', periode: 'week',
    }],
    motivering: 'Mevrouw kan het huishouden niet zelf of met haar netwerk doen.',
  });
  expect(b.status, JSON.stringify(b.body)).toBe(200);
  await s.beslisser.post(`/api/v1/aanvragen/${aanvraagId}/verzending`, {});
  const v = (await regisseur.get<{ items: { id: string }[] }>(`/api/v1/voorzieningen?casusId=${casusId}`)).body.items[0]!;
  const r = await regisseur.post(`/api/v1/voorzieningen/${v.id}/aanbieder`, { aanbiederId: s.aanbiederId });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  await s.t.app.opdrachten.verwerk();
  const lijst = (await s.zorg.get<{ items: { id: string }[] }>('/api/v1/berichten?soort=301')).body.items;
  const xml = (await s.zorg.get<string>(`/api/v1/berichten/${lijst[0]!.id}/xml`)).body;
  const veld = (naam: string) => new RegExp(`<[a-z0-9]+:${naam}>([^<]*)</`).exec(xml)![1]!;
  return { voorzieningId: v.id, casusId, persoonId: m.body.persoon.id, nummer: Number(veld('ToewijzingNummer')), bsn: veld('Bsn') };
}
