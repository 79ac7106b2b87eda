import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vandaag } from '../../platform/time.ts';
import { nieuwBsn, startTestApp, voorbeeldMelding, type Client, type TestApp } from '../../testing/harness.ts';
import { eindeVanDeDag } from './doorbraak-store.ts';

let t: TestApp;
let ruud: Client;      // regisseur, Wijkteam Demodorp: works on the casus
let rachida: Client;   // regisseur2, same team, not on the casus: outside the circle
let privacy: Client;

interface ProblemBody { code: string; detail: string; invalidParams?: { name: string; reason: string }[] }
interface Doorbraak {
  id: string; casus: { id: string; nummer: string }; gebruiker: { id: string; naam: string; gebruikersnaam: string }; reden: string;
  aangemaaktOp: string; geldigTot: string; actief: boolean;
  beoordeling: { oordeel: string; oordeelNaam: string; toelichting: string | null; door: { id: string; naam: string } | null; op: string } | null;
}
interface Lijst { resultaten: Doorbraak[]; totaal: number; pagina: number; aantal: number }

const REDEN = 'Ruud is ziek; ik neem vandaag zijn telefoon aan en mevrouw belt terug.';

beforeAll(async () => {
  t = await startTestApp();
  ruud = await t.login('regisseur');
  rachida = await t.login('regisseur2');
  privacy = await t.login('privacy');
}, 180_000);
afterAll(async () => { await t?.close(); });

/** A melding triaged by Ruud: a casus with Ruud as casusregisseur, and the household's members. */
async function casusVanRuud(): Promise<{ casusId: string; huishoudenId: string; persoonId: string }> {
  const m = (await ruud.post<{ id: string; persoon: { id: string }; huishoudenId: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }))).body;
  const r = await ruud.post<{ casus: { id: string } }>(`/api/v1/meldingen/${m.id}/triage`, { uitkomst: 'onderzoek' });
  return { casusId: r.body.casus.id, huishoudenId: m.huishoudenId, persoonId: m.persoon.id };
}

const aantalDoorbraken = async () => Number((await t.database.db.selectFrom('dossier_doorbraken').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

describe('doorbraak: tijdelijke toegang met reden', () => {
  it('een regisseur buiten de kring krijgt 403, vraagt toegang met reden en leest dan de casus tot het einde van de dag', async () => {
    const { casusId, persoonId } = await casusVanRuud();
    const voor = await rachida.get<ProblemBody>(`/api/v1/casussen/${casusId}`);
    expect(voor.status).toBe(403);
    expect(voor.body.code).toBe('geen-toegang-dossier');
    expect((await rachida.get<{ doorbraak: Doorbraak | null }>(`/api/v1/casussen/${casusId}/toegang`)).body.doorbraak).toBeNull();

    const r = await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: `  ${REDEN}  ` });
    expect(r.status).toBe(201);
    expect(r.body.reden).toBe(REDEN);
    expect(r.body.gebruiker.gebruikersnaam).toBe('regisseur2');
    expect(r.body.casus.id).toBe(casusId);
    expect(r.body.actief).toBe(true);
    expect(r.body.beoordeling).toBeNull();
    // Until the next midnight in Amsterdam: the first moment of tomorrow's Dutch date.
    const tot = new Date(r.body.geldigTot);
    expect(tot.getTime()).toBeGreaterThan(Date.now());
    expect(vandaag(tot)).not.toBe(vandaag());
    expect(vandaag(new Date(tot.getTime() - 1))).toBe(vandaag());
    expect(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(tot)).toBe('00:00');

    const na = await rachida.get<{ id: string }>(`/api/v1/casussen/${casusId}`);
    expect(na.status).toBe(200);
    expect((await rachida.get(`/api/v1/personen/${persoonId}`)).status).toBe(200);
    const mijn = await rachida.get<{ doorbraak: Doorbraak | null }>(`/api/v1/casussen/${casusId}/toegang`);
    expect(mijn.body.doorbraak?.id).toBe(r.body.id);

    // Asking again while it holds gives the same grant back, not a second one.
    const nogmaals = await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: 'Nog een keer gevraagd vandaag' });
    expect(nogmaals.status).toBe(200);
    expect(nogmaals.body.id).toBe(r.body.id);
  });

  it('na afloop is het dossier weer dicht (403) en kan opnieuw met reden worden gevraagd', async () => {
    const { casusId } = await casusVanRuud();
    const r = await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN });
    expect((await rachida.get(`/api/v1/casussen/${casusId}`)).status).toBe(200);
    // The day is over: as the database owner, move the end into the past.
    await t.database.db.updateTable('dossier_doorbraken').set({ geldig_tot: sql<Date>`now() - interval '1 second'` }).where('id', '=', r.body.id).execute();
    const dicht = await rachida.get<ProblemBody>(`/api/v1/casussen/${casusId}`);
    expect(dicht.status).toBe(403);
    expect(dicht.body.code).toBe('geen-toegang-dossier');
    expect((await rachida.get<{ doorbraak: Doorbraak | null }>(`/api/v1/casussen/${casusId}/toegang`)).body.doorbraak).toBeNull();
    const opnieuw = await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: 'Mevrouw belt morgen opnieuw, Ruud is nog ziek.' });
    expect(opnieuw.status).toBe(201);
    expect(opnieuw.body.id).not.toBe(r.body.id);
  });

  it('een lege, te korte of wortloze reden of een nul-byte geeft 400 en legt niets vast', async () => {
    const { casusId } = await casusVanRuud();
    const voor = await aantalDoorbraken();
    const auditVoor = Number((await t.database.db.selectFrom('auditlog').select(sql<number>`count(*)`.as('n')).where('doel', '=', 'doorbraak').executeTakeFirstOrThrow()).n);
    for (const body of [{}, { reden: '' }, { reden: '   ' }, { reden: 'kort' }, { reden: '1234567890' }, { reden: 'Vervanging\u0000 van Ruud' }, { reden: 'x'.repeat(1001) }, { reden: 42 }]) {
      const r = await rachida.post<ProblemBody>(`/api/v1/casussen/${casusId}/toegang`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.code).toBe('ongeldige-invoer');
      expect(r.body.invalidParams?.[0]?.name).toBe('reden');
    }
    expect(await aantalDoorbraken()).toBe(voor);
    const auditNa = Number((await t.database.db.selectFrom('auditlog').select(sql<number>`count(*)`.as('n')).where('doel', '=', 'doorbraak').executeTakeFirstOrThrow()).n);
    expect(auditNa).toBe(auditVoor);
    expect((await rachida.get(`/api/v1/casussen/${casusId}`)).status).toBe(403);
  });

  it('wie al aan het dossier werkt, heeft geen doorbraak nodig (409); een onbekende casus geeft 404', async () => {
    const { casusId } = await casusVanRuud();
    const r = await ruud.post<ProblemBody>(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('toegang-al-aanwezig');
    const teamleider = await t.login('teamleider');
    expect((await teamleider.post<ProblemBody>(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN })).body.code).toBe('toegang-al-aanwezig');
    expect((await rachida.post(`/api/v1/casussen/00000000-0000-4000-8000-000000000000/toegang`, { reden: REDEN })).status).toBe(404);
    expect((await rachida.get(`/api/v1/casussen/00000000-0000-4000-8000-000000000000/toegang`)).status).toBe(404);
  });

  it('de teamleider van een ander team, de beslisser zonder aanvraag en de frontoffice kunnen met reden toegang vragen; beleid, inkoper en privacy niet', async () => {
    const { casusId } = await casusVanRuud();
    for (const wie of ['teamleider2', 'beslisser', 'frontoffice']) {
      const c = await t.login(wie);
      const r = await c.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN });
      expect(r.status, wie).toBe(201);
      expect(r.body.gebruiker.gebruikersnaam).toBe(wie);
    }
    expect((await (await t.login('beslisser')).get(`/api/v1/casussen/${casusId}`)).status).toBe(200);
    for (const wie of ['beleid', 'inkoper', 'privacy', 'archivaris']) {
      const c = await t.login(wie);
      expect((await c.post(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN })).status, wie).toBe(403);
      expect((await c.get(`/api/v1/casussen/${casusId}/toegang`)).status, wie).toBe(403);
    }
  });

  it('de doorbraak staat in de audittrail van elk lid van het huishouden, zonder de reden', async () => {
    const { casusId, persoonId } = await casusVanRuud();
    const reden = 'Vervanging: buurvrouw Klaasje Zwart belde over de val van mevrouw.';
    const r = await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden });
    const regels = await t.database.db.selectFrom('auditlog').selectAll().where('resource_id', '=', r.body.id).execute();
    expect(regels.map((a) => [a.doel, a.actie, a.resource_type, a.gebruikersnaam, a.persoon_id])).toEqual([['doorbraak', 'aanmaken', 'dossier_doorbraak', 'regisseur2', persoonId]]);
    const metReden = await sql<{ n: number }>`select count(*)::int as n from auditlog a where a::text like ${'%Klaasje%'}`.execute(t.database.db);
    expect(metReden.rows[0]!.n).toBe(0);
  });
});

describe('doorbraak op casusnummer of BSN (wie het dossier niet kan vinden)', () => {
  it('op casusnummer of op het BSN van een lid opent het dossier met reden, en het zoeken toonde het niet', async () => {
    const { casusId, huishoudenId } = await casusVanRuud();
    const { nummer } = await t.database.db.selectFrom('casussen').select('nummer').where('id', '=', casusId).executeTakeFirstOrThrow();
    const { bsn } = await t.database.db.selectFrom('personen').select('bsn').where('huishouden_id', '=', huishoudenId).executeTakeFirstOrThrow();
    // Search shows only one's own files.
    const zoek = await rachida.get<{ resultaten: unknown[] }>(`/api/v1/zoeken?q=${nummer}`);
    expect(zoek.body.resultaten).toEqual([]);

    const kort = nummer.replace(/-0+/, '-').toLowerCase(); // c-2026-12
    const r = await rachida.post<Doorbraak>('/api/v1/doorbraken', { nummer: kort, reden: REDEN });
    expect(r.status).toBe(201);
    expect(r.body.casus).toEqual({ id: casusId, nummer });
    expect((await rachida.get(`/api/v1/casussen/${casusId}`)).status).toBe(200);
    // Asked again by BSN: the same grant holds.
    const opBsn = await rachida.post<Doorbraak>('/api/v1/doorbraken', { nummer: bsn, reden: REDEN });
    expect(opBsn.status).toBe(200);
    expect(opBsn.body.id).toBe(r.body.id);

    const beslisser = await t.login('beslisser');
    const b = await beslisser.post<Doorbraak>('/api/v1/doorbraken', { nummer: bsn, reden: REDEN });
    expect(b.status).toBe(201);
    expect(b.body.casus.id).toBe(casusId);
  });

  it('een onbekend nummer, een onbekend BSN en een inwoner zonder casus geven hetzelfde 404 en leggen niets vast', async () => {
    const voor = await aantalDoorbraken();
    const zonderCasus = (await ruud.post<{ persoon: { id: string } }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }))).body;
    const { bsn } = await t.database.db.selectFrom('personen').select('bsn').where('id', '=', zonderCasus.persoon.id).executeTakeFirstOrThrow();
    const details = new Set<string>();
    const pogingen = async () => t.database.db.selectFrom('auditlog').select(['resource_id', 'persoon_id', 'doel', 'gebruikersnaam'])
      .where('resource_type', '=', 'doorbraak-poging').execute();
    const pogingenVoor = (await pogingen()).length;
    const onbekendBsn = nieuwBsn();
    for (const nummer of ['C-1999-999999', onbekendBsn, bsn]) {
      const r = await rachida.post<ProblemBody>('/api/v1/doorbraken', { nummer, reden: REDEN });
      expect(r.status, nummer).toBe(404);
      details.add(JSON.stringify({ ...r.body, instance: undefined }));
    }
    expect(details.size).toBe(1);
    expect(await aantalDoorbraken()).toBe(voor);
    // Each failed attempt leaves a trace, without person, reason or number.
    const nu = await pogingen();
    expect(nu.length).toBe(pogingenVoor + 3);
    for (const p of nu) expect(p).toEqual({ resource_id: 'onbekend', persoon_id: null, doel: 'doorbraak zonder resultaat', gebruikersnaam: 'regisseur2' });
    expect(JSON.stringify(nu)).not.toMatch(new RegExp(`${bsn}|${onbekendBsn}|C-1999|telefoon`));
  });

  it('zonder goede reden wordt niets opgezocht (400 op de reden), en een nummer dat geen nummer is geeft 400', async () => {
    const { casusId } = await casusVanRuud();
    const { nummer } = await t.database.db.selectFrom('casussen').select('nummer').where('id', '=', casusId).executeTakeFirstOrThrow();
    for (const n of [nummer, 'C-1999-999999']) {
      const r = await rachida.post<ProblemBody>('/api/v1/doorbraken', { nummer: n, reden: 'kort' });
      expect(r.status).toBe(400);
      expect(r.body.invalidParams?.[0]?.name).toBe('reden');
    }
    for (const n of ['Jansen', '123456789', '', 'M-2026-000001']) {
      const r = await rachida.post<ProblemBody>('/api/v1/doorbraken', { nummer: n, reden: REDEN });
      expect(r.status, n).toBe(400);
      expect(r.body.invalidParams?.[0]?.name).toBe('nummer');
    }
    expect((await ruud.post<ProblemBody>('/api/v1/doorbraken', { nummer, reden: REDEN })).body.code).toBe('toegang-al-aanwezig');
    expect((await (await t.login('beleid')).post('/api/v1/doorbraken', { nummer, reden: REDEN })).status).toBe(403);
  });
});

describe('de privacy officer beoordeelt elke doorbraak', () => {
  it('ziet open doorbraken met wie, welke casus, wanneer, reden en tot wanneer, en beoordeelt ze één keer', async () => {
    const { casusId } = await casusVanRuud();
    const d = (await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN })).body;
    const open = await privacy.get<Lijst>('/api/v1/privacy/doorbraken?status=open&aantal=200');
    expect(open.status).toBe(200);
    const rij = open.body.resultaten.find((x) => x.id === d.id)!;
    expect(rij).toMatchObject({ reden: REDEN, gebruiker: { gebruikersnaam: 'regisseur2', naam: 'Rachida Regisseur' }, casus: { id: casusId, nummer: d.casus.nummer }, geldigTot: d.geldigTot, beoordeling: null });
    expect(open.body.resultaten.every((x) => x.beoordeling === null)).toBe(true);
    expect(open.body.pagina).toBe(1);
    // Showing the reasons is a read of those households, for the privacy officer's purpose.
    const gelezen = await t.database.db.selectFrom('auditlog').select(['doel', 'actie', 'gebruikersnaam']).where('resource_id', '=', d.id).where('gebruikersnaam', '=', 'privacy').execute();
    expect(gelezen).toContainEqual({ doel: 'privacytoezicht', actie: 'lezen', gebruikersnaam: 'privacy' });

    // Onterecht without an explanation writes nothing.
    const zonder = await privacy.post<ProblemBody>(`/api/v1/privacy/doorbraken/${d.id}/beoordeling`, { oordeel: 'onterecht' });
    expect(zonder.status).toBe(400);
    expect(zonder.body.invalidParams?.[0]?.name).toBe('toelichting');
    expect((await privacy.post(`/api/v1/privacy/doorbraken/${d.id}/beoordeling`, { oordeel: 'misschien' })).status).toBe(400);
    expect((await t.database.db.selectFrom('dossier_doorbraken').select('beoordeeld_op').where('id', '=', d.id).executeTakeFirstOrThrow()).beoordeeld_op).toBeNull();

    const b = await privacy.post<Doorbraak>(`/api/v1/privacy/doorbraken/${d.id}/beoordeling`, { oordeel: 'terecht', toelichting: 'Klopt met het ziekteverzuim van Ruud.' });
    expect(b.status).toBe(200);
    expect(b.body.beoordeling).toMatchObject({ oordeel: 'terecht', oordeelNaam: 'Terecht', toelichting: 'Klopt met het ziekteverzuim van Ruud.', door: { naam: expect.any(String) } });
    const tweede = await privacy.post<ProblemBody>(`/api/v1/privacy/doorbraken/${d.id}/beoordeling`, { oordeel: 'onterecht', toelichting: 'Toch niet.' });
    expect(tweede.status).toBe(409);
    expect(tweede.body.code).toBe('doorbraak-al-beoordeeld');

    expect((await privacy.get<Lijst>('/api/v1/privacy/doorbraken?status=open&aantal=200')).body.resultaten.some((x) => x.id === d.id)).toBe(false);
    const beoordeeld = (await privacy.get<Lijst>('/api/v1/privacy/doorbraken?status=beoordeeld&aantal=200')).body.resultaten.find((x) => x.id === d.id);
    expect(beoordeeld?.beoordeling?.oordeel).toBe('terecht');
    expect((await privacy.get<Lijst>('/api/v1/privacy/doorbraken?status=alle&aantal=200')).body.resultaten.some((x) => x.id === d.id)).toBe(true);
    const beoordelingAudit = await t.database.db.selectFrom('auditlog').select(['doel', 'actie']).where('resource_id', '=', d.id).where('actie', '=', 'wijzigen').execute();
    expect(beoordelingAudit).toEqual([{ doel: 'privacytoezicht', actie: 'wijzigen' }]);

    expect((await privacy.get('/api/v1/privacy/doorbraken?status=weg')).status).toBe(400);
    expect((await privacy.post('/api/v1/privacy/doorbraken/00000000-0000-4000-8000-000000000000/beoordeling', { oordeel: 'terecht' })).status).toBe(404);
  });

  it('onterecht met toelichting wordt vastgelegd', async () => {
    const { casusId } = await casusVanRuud();
    const d = (await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN })).body;
    const b = await privacy.post<Doorbraak>(`/api/v1/privacy/doorbraken/${d.id}/beoordeling`, { oordeel: 'onterecht', toelichting: 'Ruud was die dag gewoon aan het werk.' });
    expect(b.body.beoordeling).toMatchObject({ oordeel: 'onterecht', toelichting: 'Ruud was die dag gewoon aan het werk.' });
  });

  it('andere rollen krijgen 403 op de lijst en de beoordeling', async () => {
    const { casusId } = await casusVanRuud();
    const d = (await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN })).body;
    for (const wie of ['regisseur', 'regisseur2', 'teamleider', 'beslisser', 'frontoffice', 'beleid', 'beheer', 'archivaris']) {
      const c = await t.login(wie);
      expect((await c.get('/api/v1/privacy/doorbraken')).status, wie).toBe(403);
      expect((await c.post(`/api/v1/privacy/doorbraken/${d.id}/beoordeling`, { oordeel: 'terecht' })).status, wie).toBe(403);
    }
    expect((await t.database.db.selectFrom('dossier_doorbraken').select('beoordeeld_op').where('id', '=', d.id).executeTakeFirstOrThrow()).beoordeeld_op).toBeNull();
  });

  it('de app-rol kan een doorbraak niet wijzigen of verwijderen, en een beoordeling niet overschrijven', async () => {
    const { casusId } = await casusVanRuud();
    const d = (await rachida.post<Doorbraak>(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN })).body;
    const { id: gemeenteId } = await t.database.db.selectFrom('gemeenten').select('id').where('code', '=', 'demodorp').executeTakeFirstOrThrow();
    const alsApp = (q: string) => t.database.db.transaction().execute(async (tx) => {
      await sql`set local role eenvoud_app`.execute(tx);
      await sql`select set_config('app.gemeente', ${gemeenteId}, true)`.execute(tx);
      return (await sql.raw(q).execute(tx)).rows.length;
    });
    // The app role itself can read the row and write the review columns: the refusals below are about the columns.
    await expect(alsApp(`select id from dossier_doorbraken where id = '${d.id}'`)).resolves.toBe(1);
    await expect(alsApp(`update dossier_doorbraken set geldig_tot = now() + interval '30 days' where id = '${d.id}'`)).rejects.toThrow(/permission denied/);
    await expect(alsApp(`update dossier_doorbraken set reden = 'iets anders dan eerst' where id = '${d.id}'`)).rejects.toThrow(/permission denied/);
    await expect(alsApp(`delete from dossier_doorbraken where id = '${d.id}'`)).rejects.toThrow(/permission denied/);
    await privacy.post(`/api/v1/privacy/doorbraken/${d.id}/beoordeling`, { oordeel: 'terecht' });
    await expect(alsApp(`update dossier_doorbraken set beoordeling = 'onterecht', beoordeling_toelichting = 'x' where id = '${d.id}'`)).rejects.toThrow(/al beoordeeld/);
  });
});

describe('gemeenten gescheiden', () => {
  it('een regisseur van Tweestad kan geen doorbraak vragen op een casus van Demodorp, en de privacy officer van Demodorp ziet die van Tweestad niet', async () => {
    const { casusId } = await casusVanRuud();
    const tweestad = await t.login('regisseur-tweestad');
    expect((await tweestad.post(`/api/v1/casussen/${casusId}/toegang`, { reden: REDEN })).status).toBe(404);
    expect((await tweestad.get(`/api/v1/casussen/${casusId}/toegang`)).status).toBe(404);

    // A grant in Tweestad, written as the owner (Tweestad has one regisseur, who sees every file there).
    const tw = await tweestad.post<{ id: string; huishoudenId: string }>('/api/v1/meldingen', voorbeeldMelding({ ontvangenOp: vandaag() }));
    const twCasus = (await tweestad.post<{ casus: { id: string } }>(`/api/v1/meldingen/${tw.body.id}/triage`, { uitkomst: 'onderzoek' })).body.casus.id;
    const g = await t.database.db.selectFrom('gebruikers').select(['id', 'gemeente_id']).where('gebruikersnaam', '=', 'regisseur-tweestad').executeTakeFirstOrThrow();
    const { id } = await t.database.db.insertInto('dossier_doorbraken').values({
      gemeente_id: g.gemeente_id, casus_id: twCasus, huishouden_id: tw.body.huishoudenId, gebruiker_id: g.id, reden: 'Een doorbraak in Tweestad', geldig_tot: new Date(Date.now() + 3_600_000),
    }).returning('id').executeTakeFirstOrThrow();
    const lijst = await privacy.get<Lijst>('/api/v1/privacy/doorbraken?status=alle&aantal=200');
    expect(lijst.body.resultaten.some((x) => x.id === id)).toBe(false);
    expect((await privacy.post(`/api/v1/privacy/doorbraken/${id}/beoordeling`, { oordeel: 'terecht' })).status).toBe(404);
  });
});

describe('einde van de dag in Nederland', () => {
  it('is middernacht in Europe/Amsterdam, ook rond de wisseling van zomer- en wintertijd', async () => {
    const einde = async (moment: string) =>
      new Date((await sql<{ t: Date }>`select ${eindeVanDeDag(sql`${moment}::timestamptz`)} as t`.execute(t.database.db)).rows[0]!.t).toISOString();
    expect(await einde('2026-11-30T12:00:00Z')).toBe('2026-11-30T23:00:00.000Z');
    expect(await einde('2026-11-30T23:30:00Z')).toBe('2026-12-01T23:00:00.000Z'); // already 1 December in Amsterdam
    expect(await einde('2026-07-01T08:00:00Z')).toBe('2026-07-01T22:00:00.000Z');
    expect(await einde('2026-03-29T10:00:00Z')).toBe('2026-03-29T22:00:00.000Z'); // the day summer time starts (23 hours)
    expect(await einde('2026-10-25T10:00:00Z')).toBe('2026-10-25T23:00:00.000Z'); // the day winter time starts (25 hours)
    expect(await einde('2026-12-31T22:59:59Z')).toBe('2026-12-31T23:00:00.000Z');
  });
});
