import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { inGemeente } from '../tenancy/tx.ts';

let t: TestApp;
let privacy: Client;
let regisseur: Client;
let melding: { id: string; persoon: { id: string; bsn: string } };

beforeAll(async () => {
  t = await startTestApp();
  privacy = await t.login('privacy');
  regisseur = await t.login('regisseur');
  melding = (await regisseur.post<typeof melding>('/api/v1/meldingen', voorbeeldMelding())).body;
  await regisseur.get(`/api/v1/meldingen/${melding.id}`);
  await regisseur.get(`/api/v1/personen/${melding.persoon.id}`);
});
afterAll(async () => t?.close());

interface Regel { volgnummer: number; gebruikersnaam: string; rol: string; actie: string; resourceType: string; doel: string; persoonId: string; hash: string; vorigeHash: string }

describe('audittrail voor de privacy officer', () => {
  it('toont per inwoner wie wat wanneer met welk doel deed, nieuwste eerst', async () => {
    const r = await privacy.get<{ resultaten: Regel[] }>(`/api/v1/audit?persoonId=${melding.persoon.id}`);
    expect(r.status).toBe(200);
    const acties = r.body.resultaten.map((x) => `${x.gebruikersnaam}:${x.actie}:${x.resourceType}:${x.doel}`);
    expect(acties).toEqual([
      'regisseur:lezen:persoon:dossier inwoner inzien',
      'regisseur:lezen:melding:melding inzien',
      'regisseur:aanmaken:melding:melding registreren',
      'regisseur:aanmaken:persoon:melding registreren',
    ]);
    expect(r.body.resultaten.every((x) => x.persoonId === melding.persoon.id && x.hash.length === 64)).toBe(true);
  });

  it('kan ook op BSN zoeken, en het inzien van de audittrail wordt zelf vastgelegd', async () => {
    const r = await privacy.get<{ persoonId: string; resultaten: Regel[] }>(`/api/v1/audit?bsn=${melding.persoon.bsn}`);
    expect(r.status).toBe(200);
    expect(r.body.persoonId).toBe(melding.persoon.id);
    const opnieuw = await privacy.get<{ resultaten: Regel[] }>(`/api/v1/audit?persoonId=${melding.persoon.id}`);
    expect(opnieuw.body.resultaten[0]).toMatchObject({ gebruikersnaam: 'privacy', rol: 'privacy', resourceType: 'auditlog', doel: 'privacytoezicht' });
  });

  it('zonder persoonId of BSN → 400; een onbekende inwoner → 404', async () => {
    expect((await privacy.get('/api/v1/audit')).status).toBe(400);
    expect((await privacy.get('/api/v1/audit?persoonId=00000000-0000-4000-8000-000000000000')).status).toBe(200);
    expect((await privacy.get('/api/v1/audit?bsn=111222333')).status).toBe(404);
  });

  it('de keten van de gemeente is geldig', async () => {
    const r = await privacy.get<{ geldig: boolean; aantal: number; breuk: null }>('/api/v1/audit/verificatie');
    expect(r.status).toBe(200);
    expect(r.body.geldig).toBe(true);
    expect(r.body.aantal).toBeGreaterThanOrEqual(5);
  });

  it('ook bij gelijktijdige registraties blijft de keten heel en zonder gaten', async () => {
    const fo = await t.login('frontoffice');
    const rs = await Promise.all(Array.from({ length: 12 }, () => fo.post('/api/v1/meldingen', voorbeeldMelding())));
    expect(rs.every((r) => r.status === 201)).toBe(true);
    const r = await privacy.get<{ geldig: boolean }>('/api/v1/audit/verificatie');
    expect(r.body.geldig).toBe(true);
  });

  it('de app-rol kan de audittrail niet wijzigen of verwijderen', async () => {
    const gemeenteId = (await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow()).id;
    await expect(inGemeente(t.database.db, gemeenteId, (tx) => tx.updateTable('auditlog').set({ doel: 'verhullen' }).execute())).rejects.toThrow(/permission denied/);
    await expect(inGemeente(t.database.db, gemeenteId, (tx) => tx.deleteFrom('auditlog').execute())).rejects.toThrow(/permission denied/);
    // Even the owner is stopped by the trigger.
    await expect(t.database.db.updateTable('auditlog').set({ doel: 'verhullen' }).execute()).rejects.toThrow(/alleen worden aangevuld/);
  });

  it('een regel die buiten de app om is veranderd, wordt bij de controle gevonden', async () => {
    const db = t.database.db;
    await sql`alter table auditlog disable trigger auditlog_append_only`.execute(db);
    await sql`update auditlog set doel = 'iets anders' where volgnummer = 2 and persoon_id = ${melding.persoon.id}`.execute(db);
    await sql`update auditlog set doel = 'verhuld' where persoon_id = ${melding.persoon.id} and resource_type = 'melding' and actie = 'lezen'`.execute(db);
    await sql`alter table auditlog enable trigger auditlog_append_only`.execute(db);
    const r = await privacy.get<{ geldig: boolean; breuk: { volgnummer: number; reden: string } }>('/api/v1/audit/verificatie');
    expect(r.body.geldig).toBe(false);
    expect(r.body.breuk.reden).toBe('hash-onjuist');
  });
});
