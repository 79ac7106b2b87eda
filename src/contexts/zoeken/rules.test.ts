import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NAMEN, OnbruikbareZoekvraag, PERSOON_ROLLEN, SOORTEN, ZOEKVRAAG_MAX, ZOEKVRAAG_MIN, ZOEK_ROLLEN, aanvraagResultaat, beschikkingResultaat, casusResultaat,
  datumVoluit, gezochtOp, leesGeboortedatum, leesZoekvraag, meldingResultaat, meldingUrl, naamVan, nietVoorUwRol, persoonResultaat, persoonUrl, punt,
  soortNaam, zoekToegang,
} from './rules.ts';

const VANDAAG = '2026-11-30';
const lees = (q: string) => leesZoekvraag(q, VANDAAG);
const reden = (q: string) => {
  try {
    lees(q);
  } catch (e) {
    if (e instanceof OnbruikbareZoekvraag) return e.reden;
    throw e;
  }
  return null;
};

describe('de zoekvraag lezen', () => {
  it('negen cijfers zijn een BSN, ook met spaties of punten', () => {
    expect(lees('123456782')).toEqual({ soort: 'bsn', bsn: '123456782' });
    expect(lees(' 1234 56 782 ')).toEqual({ soort: 'bsn', bsn: '123456782' });
    expect(lees('1234.56.782')).toEqual({ soort: 'bsn', bsn: '123456782' });
  });

  it('een BSN dat niet door de elfproef komt is een fout die de medewerker kan herstellen', () => {
    expect(reden('123456789')).toMatch(/elfproef/);
  });

  it('een nummer wordt geschreven zoals Eenvoud het maakt, ook in kleine letters of zonder voorloopnullen', () => {
    expect(lees('M-2026-000123')).toEqual({ soort: 'nummer', resultaat: 'melding', nummer: 'M-2026-000123' });
    expect(lees('m-2026-123')).toEqual({ soort: 'nummer', resultaat: 'melding', nummer: 'M-2026-000123' });
    expect(lees('M2026000123')).toEqual({ soort: 'nummer', resultaat: 'melding', nummer: 'M-2026-000123' });
    expect(lees('c-2025-7')).toMatchObject({ resultaat: 'casus', nummer: 'C-2025-000007' });
    expect(lees('A-2026-000042')).toMatchObject({ resultaat: 'aanvraag' });
    expect(lees('b 2026 42')).toMatchObject({ resultaat: 'beschikking', nummer: 'B-2026-000042' });
  });

  it('elke schrijfwijze van dezelfde geboortedatum geeft dezelfde datum', () => {
    for (const q of ['Jansen 12-03-1956', 'Jansen 12-3-1956', 'Jansen 12/03/1956', 'Jansen 12.03.1956', 'Jansen 1956-03-12', 'Jansen 12 maart 1956',
      'Jansen 12 mrt 1956', 'Jansen 12 mrt. 1956', 'Jansen 12 Maart 1956', '12 maart 1956 Jansen', 'Jansen, 12031956']) {
      expect(lees(q), q).toEqual({ soort: 'naam', naam: 'Jansen', geboortedatum: '1956-03-12' });
    }
  });

  it('de naam houdt tussenvoegsel, voornaam en koppelteken', () => {
    expect(lees('Jan de Vries 1-7-1948')).toEqual({ soort: 'naam', naam: 'Jan de Vries', geboortedatum: '1948-07-01' });
    expect(lees('Vries, de')).toEqual({ soort: 'naam', naam: 'Vries de', geboortedatum: null });
    expect(lees("Fatima El Amrani-D'Hondt")).toMatchObject({ naam: "Fatima El Amrani-D'Hondt" });
  });

  it('alleen een geboortedatum mag ook', () => {
    expect(lees('12 maart 1956')).toEqual({ soort: 'naam', naam: null, geboortedatum: '1956-03-12' });
  });

  it('een datum die niet bestaat of in de toekomst ligt wordt genoemd', () => {
    expect(reden('Jansen 31-02-1956')).toMatch(/geen bestaande datum/);
    expect(reden('Jansen 1-1-2030')).toMatch(/kan geen geboortedatum zijn/);
    expect(reden('Jansen 1-13-1956')).toMatch(/geen bestaande datum/);
  });

  it('wat geen BSN, nummer, naam of datum is, krijgt uitleg over wat wel kan', () => {
    expect(reden('12345')).toMatch(/9 cijfers/);
    expect(reden('Jansen 12-03-56')).toMatch(/12-03-1956/);
    expect(reden('x')).toMatch(/minstens 2 letters/);
    expect(reden('--')).toMatch(/Typ een BSN/);
  });

  it('een maandnaam die geen maand is, is geen datum', () => {
    expect(reden('12 jansen 1956')).toMatch(/Zoek op BSN/);
  });

  it('elke bestaande datum, in elke schrijfwijze, komt terug als dezelfde dag', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1900-01-01T12:00:00Z'), max: new Date('2026-11-29T12:00:00Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const [j, m, dag] = iso.split('-');
      for (const vorm of [iso, `${dag}-${m}-${j}`, `${Number(dag)}-${Number(m)}-${j}`, datumVoluit(iso)]) {
        expect(leesGeboortedatum(`Bakker ${vorm}`, VANDAAG)).toEqual({ datum: iso, rest: 'Bakker' });
      }
    }));
  });

  it('zegt hoe de vraag gelezen is', () => {
    expect(gezochtOp(lees('Jansen 12-03-1956'))).toBe("naam 'Jansen' en geboortedatum 12 maart 1956");
    expect(gezochtOp(lees('m-2026-5'))).toBe('meldingnummer M-2026-000005');
    expect(gezochtOp(lees('123456782'))).toBe('BSN');
  });
});

// Which households' hits someone gets is the one access rule (privacy, ADR 25), proven in
// src/contexts/privacy/toegang.api.test.ts; here: which kinds a role searches and how they are shown.
describe('wie zoekt wat', () => {
  it('regisseur, teamleider en beslisser zoeken alle soorten, met een link naar het dossier', () => {
    for (const rol of ['regisseur', 'teamleider', 'beslisser']) {
      const t = zoekToegang([rol]);
      expect(Object.keys(t).sort()).toEqual(['aanvraag', 'beschikking', 'casus', 'melding', 'persoon']);
      expect(Object.values(t).every((z) => z.weergave === 'dossier')).toBe(true);
    }
  });

  it('de frontoffice ziet alleen de stand van een melding', () => {
    expect(zoekToegang(['frontoffice'])).toEqual({ melding: { weergave: 'status' } });
    expect(nietVoorUwRol(lees('123456782'), zoekToegang(['frontoffice']))).toMatch(/melding op haar nummer/);
    expect(nietVoorUwRol(lees('M-2026-1'), zoekToegang(['frontoffice']))).toBeNull();
  });

  it('wie met geaggregeerde gegevens werkt, ziet geen dossiers', () => {
    for (const rol of ['beleid', 'inkoper', 'subsidie', 'beheer', 'privacy']) expect(zoekToegang([rol])).toEqual({});
  });

  it('met meer rollen geldt de ruimste', () => {
    const t = zoekToegang(['frontoffice', 'regisseur', 'beslisser']);
    expect(t.melding).toEqual({ weergave: 'dossier' });
    expect(t.aanvraag).toEqual({ weergave: 'dossier' });
  });
});

describe('hoe een resultaat eruitziet', () => {
  const naam = { voornaam: 'Jan', tussenvoegsel: 'de', achternaam: 'Vries' };

  it('een inwoner: naam, geboortedatum en woonplaats; de link gaat naar de casus van het huishouden', () => {
    expect(persoonResultaat({ id: 'p', ...naam, geboortedatum: '1948-07-01', woonplaats: 'Beekveld', kern: null, casusId: 'c', meldingId: 'm' })).toEqual({
      soort: 'persoon', id: 'p', titel: 'Jan de Vries', omschrijving: 'Geboren 1 juli 1948 · Beekveld', url: '/casussen/c',
    });
    expect(persoonResultaat({ id: 'p', ...naam, geboortedatum: '1948-07-01', woonplaats: null, kern: 'Demodorp', casusId: null, meldingId: 'm' }).url).toBe('/meldingen/m');
    expect(persoonResultaat({ id: 'p', ...naam, geboortedatum: '1948-07-01', woonplaats: null, kern: null, casusId: null, meldingId: null }).url).toBe('/zoeken/personen/p');
  });

  it('de frontoffice ziet bij een melding geen naam, wel wet, status en datum; de link gaat naar de stand', () => {
    const m = { id: 'x', nummer: 'M-2026-000001', wet: 'wmo', status: 'inOnderzoek', ontvangenOp: '2026-11-03', naam };
    expect(meldingResultaat(m, 'status')).toEqual({
      soort: 'melding', id: 'x', titel: 'Melding M-2026-000001', omschrijving: 'Wmo 2015 · In onderzoek · ontvangen 3 november 2026', url: '/zoeken/meldingen/x',
    });
    expect(meldingResultaat(m, 'dossier')).toMatchObject({ omschrijving: 'Wmo 2015 · In onderzoek · ontvangen 3 november 2026 · Jan de Vries', url: '/meldingen/x' });
  });
});

describe('de zoekvraag: de randen in vaste gevallen', () => {
  it('elke maand, voluit en afgekort, ook met hoofdletters, koppeltekens of een punt', () => {
    const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    maanden.forEach((m, i) => {
      const iso = `1956-${String(i + 1).padStart(2, '0')}-05`;
      expect(leesGeboortedatum(`Bakker 5 ${m} 1956`, VANDAAG).datum, m).toBe(iso);
      expect(leesGeboortedatum(`Bakker 5 ${m.slice(0, 3)} 1956`, VANDAAG).datum, m).toBe(iso);
      expect(leesGeboortedatum(`Bakker 5-${m.slice(0, 3).toUpperCase()}-1956`, VANDAAG).datum, m).toBe(iso);
    });
    expect(leesGeboortedatum('5 mrt. 1956', VANDAAG).datum).toBe('1956-03-05');
    expect(leesGeboortedatum('5 sept 1956', VANDAAG).datum).toBe('1956-09-05');
    expect(leesGeboortedatum('5 febr. 1956', VANDAAG).datum).toBe('1956-02-05');
    expect(leesGeboortedatum('5maart1956', VANDAAG).datum).toBe('1956-03-05');
  });

  it('dag, maand en jaar met elk scheidingsteken; de rest is de naam zonder dubbele spaties', () => {
    expect(leesGeboortedatum('Jan  12 03 1956  Bakker', VANDAAG)).toEqual({ datum: '1956-03-12', rest: 'Jan Bakker' });
    expect(leesGeboortedatum('Bakker 12/3/1956', VANDAAG)).toEqual({ datum: '1956-03-12', rest: 'Bakker' });
    expect(leesGeboortedatum('1956-3-2 Bakker', VANDAAG)).toEqual({ datum: '1956-03-02', rest: 'Bakker' });
    expect(leesGeboortedatum('Bakker 02031956', VANDAAG)).toEqual({ datum: '1956-03-02', rest: 'Bakker' });
    expect(leesGeboortedatum('Bakker', VANDAAG)).toEqual({ datum: null, rest: 'Bakker' });
    expect(leesGeboortedatum('Jan12-03-1956Bakker', VANDAAG)).toEqual({ datum: '1956-03-12', rest: 'Jan Bakker' });
    // Typed with double spaces or a tab, the date is still read (the search text is collapsed first).
    expect(lees('Jansen  12  03\t1956')).toEqual({ soort: 'naam', naam: 'Jansen', geboortedatum: '1956-03-12' });
    // Digits around a pattern belong to something else: no date is read out of them.
    expect(leesGeboortedatum('112-03-1956', VANDAAG).datum).toBeNull();
    expect(leesGeboortedatum('12-03-19567', VANDAAG).datum).toBeNull();
    expect(leesGeboortedatum('11956-03-12', VANDAAG).datum).toBeNull();
    expect(leesGeboortedatum('1956-03-123', VANDAAG).datum).toBeNull();
    expect(leesGeboortedatum('112 maart 1956', VANDAAG).datum).toBeNull();
    expect(leesGeboortedatum('12 maart 19567', VANDAAG).datum).toBeNull();
    expect(leesGeboortedatum('112031956', VANDAAG).datum).toBeNull();
    expect(leesGeboortedatum('120319567', VANDAAG).datum).toBeNull();
  });

  it('een dag die niet in de kalender staat: maand 0 of 13, dag 0 of 32, 29 februari buiten een schrikkeljaar, 31 april', () => {
    for (const d of ['1-0-1956', '1-13-1956', '0-1-1956', '32-1-1956', '29-02-2023', '31-04-1956', '1956-00-10', '0 maart 1956']) {
      expect(() => leesGeboortedatum(d, VANDAAG), d).toThrow(OnbruikbareZoekvraag);
    }
    expect(leesGeboortedatum('29-02-2024', VANDAAG).datum).toBe('2024-02-29');
    expect(leesGeboortedatum('31-12-1956', VANDAAG).datum).toBe('1956-12-31');
    expect(leesGeboortedatum('1-1-1956', VANDAAG).datum).toBe('1956-01-01');
    expect(reden('Jansen 31-02-1956')).toBe("'31-02-1956' is geen bestaande datum. Schrijf de geboortedatum als 12-03-1956, 12 maart 1956 of 1956-03-12.");
    // JavaScript reads the years 0–99 as 1900–1999: the year must come back as typed.
    expect(reden('Jansen 12-03-0056')).toBe("'12-03-0056' is geen bestaande datum. Schrijf de geboortedatum als 12-03-1956, 12 maart 1956 of 1956-03-12.");
    expect(reden('Jansen 31 februari 1956')).toMatch(/^'31 februari 1956' is geen bestaande datum/);
    expect(reden('5 ma 1956')).toMatch(/^Zoek op BSN/);
  });

  it('vandaag kan een geboortedatum zijn, morgen niet; 1890 is het vroegste jaar', () => {
    expect(leesGeboortedatum('30-11-2026', VANDAAG).datum).toBe('2026-11-30');
    expect(reden('Jansen 1-12-2026')).toBe('1 december 2026 kan geen geboortedatum zijn.');
    expect(leesGeboortedatum('1-1-1890', VANDAAG).datum).toBe('1890-01-01');
    expect(reden('Jansen 31-12-1889')).toBe('31 december 1889 kan geen geboortedatum zijn.');
  });

  it('een BSN mag koppeltekens hebben; acht of tien cijfers zijn geen BSN', () => {
    expect(lees('123-456-782')).toEqual({ soort: 'bsn', bsn: '123456782' });
    expect(reden('123456789')).toBe('Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.');
    expect(reden('1234567')).toBe('Een BSN heeft 9 cijfers. Zoek op BSN, op naam en geboortedatum, of op een nummer zoals M-2026-000123.');
    expect(reden('x123456782')).toMatch(/^Zoek op BSN/);
    expect(reden('1234567820')).toBe('Een BSN heeft 9 cijfers. Zoek op BSN, op naam en geboortedatum, of op een nummer zoals M-2026-000123.');
    expect(reden('Jansen 12-03-56')).toBe('Zoek op BSN, op naam en geboortedatum (12-03-1956), of op een nummer zoals M-2026-000123.');
  });

  it('een nummer: een van de letters M, C, A of B, een jaar van vier cijfers en hoogstens zes cijfers', () => {
    expect(lees(' m - 2026 - 5 ')).toEqual({ soort: 'nummer', resultaat: 'melding', nummer: 'M-2026-000005' });
    expect(lees('A 2026 999999')).toEqual({ soort: 'nummer', resultaat: 'aanvraag', nummer: 'A-2026-999999' });
    expect(lees('C-2026-1')).toEqual({ soort: 'nummer', resultaat: 'casus', nummer: 'C-2026-000001' });
    expect(lees('B-2026-1')).toEqual({ soort: 'nummer', resultaat: 'beschikking', nummer: 'B-2026-000001' });
    expect(reden('M-2026-1234567')).toMatch(/^Zoek op BSN/);
    expect(reden('X-2026-1')).toMatch(/^Zoek op BSN/);
    expect(reden('M-202-1')).toMatch(/^Zoek op BSN/);
    expect(reden('xM-2026-1')).toMatch(/^Zoek op BSN/);
  });

  it('een naam: minstens 2 letters; komma en puntkomma scheiden delen van de naam', () => {
    expect(lees('Li')).toEqual({ soort: 'naam', naam: 'Li', geboortedatum: null });
    expect(reden('J.')).toBe('Typ minstens 2 letters van de naam.');
    expect(reden('--')).toBe('Typ een BSN, een naam met geboortedatum of een nummer zoals M-2026-000123.');
    expect(lees('Vries;de ,Jan')).toEqual({ soort: 'naam', naam: 'Vries de Jan', geboortedatum: null });
    expect(lees('  Jan   de  Vries ')).toEqual({ soort: 'naam', naam: 'Jan de Vries', geboortedatum: null });
    expect(lees('Øyvind Ærø')).toEqual({ soort: 'naam', naam: 'Øyvind Ærø', geboortedatum: null });
    expect(lees('- 12-03-1956')).toEqual({ soort: 'naam', naam: null, geboortedatum: '1956-03-12' });
  });

  it('zegt hoe de vraag gelezen is, voor elke soort nummer en voor alleen naam of alleen datum', () => {
    expect(gezochtOp(lees('c-2026-5'))).toBe('casusnummer C-2026-000005');
    expect(gezochtOp(lees('a-2026-5'))).toBe('aanvraagnummer A-2026-000005');
    expect(gezochtOp(lees('b-2026-5'))).toBe('beschikkingnummer B-2026-000005');
    expect(gezochtOp(lees('Jansen'))).toBe("naam 'Jansen'");
    expect(gezochtOp(lees('12-03-1956'))).toBe('geboortedatum 12 maart 1956');
    expect(datumVoluit('2026-01-09')).toBe('9 januari 2026');
  });

  it('de vaste lijsten', () => {
    expect(SOORTEN).toEqual(['persoon', 'melding', 'casus', 'aanvraag', 'beschikking']);
    expect(soortNaam).toEqual({ persoon: 'Inwoner', melding: 'Melding', casus: 'Casus', aanvraag: 'Aanvraag', beschikking: 'Beschikking' });
    expect(ZOEKVRAAG_MIN).toBe(2);
    expect(ZOEKVRAAG_MAX).toBe(100);
    expect(ZOEK_ROLLEN).toEqual(['regisseur', 'teamleider', 'beslisser', 'frontoffice']);
    expect(PERSOON_ROLLEN).toEqual(['regisseur', 'teamleider', 'beslisser']);
    expect(NAMEN).toEqual({
      wet: { wmo: 'Wmo 2015', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet', schuldhulp: 'Schuldhulpverlening', minima: 'Minimabeleid', onbekend: 'Nog onbekend' },
      meldingStatus: { gemeld: 'Gemeld', afgehandeld: 'Direct afgehandeld', inOnderzoek: 'In onderzoek', afgesloten: 'Afgesloten' },
      kanaal: {
        balie: 'Balie', telefoon: 'Telefoon', email: 'E-mail', online: 'Online formulier', verwijzing: 'Verwijzing door professional', vroegsignalering: 'Vroegsignalering',
      },
      aanvraagStatus: { ingediend: 'Ingediend', getoetst: 'Getoetst', beoordeeld: 'Beoordeeld', besloten: 'Besloten', verzonden: 'Verzonden' },
    });
    expect(naamVan('wet', 'jeugdwet')).toBe('Jeugdwet');
    expect(naamVan('wet', 'nieuwewet')).toBe('nieuwewet');
  });
});

describe('wie ziet wat: vaste gevallen', () => {
  it('elke rol precies', () => {
    const dossier = { weergave: 'dossier' };
    expect(zoekToegang(['regisseur'])).toEqual({ persoon: dossier, melding: dossier, casus: dossier, aanvraag: dossier, beschikking: dossier });
    expect(zoekToegang(['beslisser'])).toEqual({ persoon: dossier, melding: dossier, casus: dossier, aanvraag: dossier, beschikking: dossier });
    expect(zoekToegang(['teamleider'])).toEqual({ persoon: dossier, melding: dossier, casus: dossier, aanvraag: dossier, beschikking: dossier });
    expect(zoekToegang([])).toEqual({});
  });

  it('regisseur met frontoffice: de melding als dossier, in elke volgorde', () => {
    expect(zoekToegang(['frontoffice', 'regisseur']).melding).toEqual({ weergave: 'dossier' });
    expect(zoekToegang(['regisseur', 'frontoffice']).melding).toEqual({ weergave: 'dossier' });
    expect(zoekToegang(['regisseur', 'teamleider']).aanvraag).toEqual({ weergave: 'dossier' });
  });

  it('wat een rol niet zoekt, wordt in woorden gezegd', () => {
    expect(nietVoorUwRol(lees('Jansen'), {})).toBe('Met uw rol kunt u geen inwoner zoeken.');
    expect(nietVoorUwRol(lees('A-2026-1'), {})).toBe('Met uw rol kunt u geen aanvraag zoeken.');
    expect(nietVoorUwRol(lees('C-2026-1'), zoekToegang(['frontoffice']))).toBe(
      'Met uw rol zoekt u een melding op haar nummer, zoals M-2026-000123, of op het referentienummer dat de inwoner online kreeg (EV-7K3Q-9XWD). Inwoners en dossiers zoekt de casusregisseur.',
    );
    expect(nietVoorUwRol(lees('C-2026-1'), { melding: { weergave: 'dossier' } })).toBe('Met uw rol kunt u geen casus zoeken.');
    expect(nietVoorUwRol(lees('Jansen'), zoekToegang(['regisseur']))).toBeNull();
    expect(nietVoorUwRol(lees('B-2026-1'), zoekToegang(['regisseur']))).toBeNull();
  });
});

describe('hoe een resultaat eruitziet: elke soort', () => {
  const naam = { voornaam: 'Jan', tussenvoegsel: null, achternaam: 'Vries' };

  it('links en scheidingstekens', () => {
    expect(persoonUrl({ id: 'p', casusId: 'c', meldingId: 'm' })).toBe('/casussen/c');
    expect(meldingUrl('m', 'dossier')).toBe('/meldingen/m');
    expect(meldingUrl('m', 'status')).toBe('/zoeken/meldingen/m');
    expect(punt('a', null, undefined, false, '', 'b')).toBe('a · b');
    expect(persoonResultaat({ id: 'p', ...naam, geboortedatum: '1948-07-01', woonplaats: null, kern: 'Demodorp', casusId: null, meldingId: null }).omschrijving)
      .toBe('Geboren 1 juli 1948 · Demodorp');
    expect(persoonResultaat({ id: 'p', ...naam, geboortedatum: '1948-07-01', woonplaats: null, kern: null, casusId: null, meldingId: null }).omschrijving)
      .toBe('Geboren 1 juli 1948');
  });

  it('een melding met een onbekende code toont de code', () => {
    expect(meldingResultaat({ id: 'x', nummer: 'M-2026-000001', wet: 'nieuw', status: 'gemeld', ontvangenOp: '2026-11-03', naam }, 'dossier').omschrijving)
      .toBe('nieuw · Gemeld · ontvangen 3 november 2026 · Jan Vries');
  });

  it('een casus: huishouden, open of gesloten, en wie haar regisseert', () => {
    expect(casusResultaat({ id: 'c', nummer: 'C-2026-000001', status: 'open', regisseur: 'Anna', hoofdpersoon: { naam } })).toEqual({
      soort: 'casus', id: 'c', titel: 'Casus C-2026-000001', omschrijving: 'Huishouden van Jan Vries · open · casusregisseur Anna', url: '/casussen/c',
    });
    expect(casusResultaat({ id: 'c', nummer: 'C-2026-000001', status: 'gesloten', regisseur: null, hoofdpersoon: null }).omschrijving)
      .toBe('gesloten · nog geen casusregisseur');
  });

  it('een aanvraag en een beschikking: naam, stand en datums', () => {
    expect(aanvraagResultaat({ id: 'a', nummer: 'A-2026-000001', status: 'getoetst', ontvangenOp: '2026-10-01', naam })).toEqual({
      soort: 'aanvraag', id: 'a', titel: 'Aanvraag A-2026-000001', omschrijving: 'Jan Vries · Getoetst · ontvangen 1 oktober 2026', url: '/aanvragen/a',
    });
    expect(beschikkingResultaat({ id: 'b', nummer: 'B-2026-000001', beslotenOp: '2026-10-01', verzondenOp: '2026-10-02', naam })).toEqual({
      soort: 'beschikking', id: 'b', titel: 'Beschikking B-2026-000001', omschrijving: 'Jan Vries · besloten 1 oktober 2026 · verzonden 2 oktober 2026', url: '/beschikkingen/b',
    });
    expect(beschikkingResultaat({ id: 'b', nummer: 'B-2026-000001', beslotenOp: '2026-10-01', verzondenOp: null, naam }).omschrijving)
      .toBe('Jan Vries · besloten 1 oktober 2026 · nog niet verzonden');
  });
});
