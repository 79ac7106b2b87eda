import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OnbruikbareZoekvraag, datumVoluit, gezochtOp, leesGeboortedatum, leesZoekvraag, meldingResultaat, nietVoorUwRol, persoonResultaat, zoekToegang,
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

describe('wie ziet wat (de ene regel, tot need-to-know)', () => {
  it('teamleider en beslisser zien alle soorten, met een link naar het dossier', () => {
    for (const rol of ['teamleider', 'beslisser']) {
      const t = zoekToegang([rol]);
      expect(Object.keys(t).sort()).toEqual(['aanvraag', 'beschikking', 'casus', 'melding', 'persoon']);
      expect(Object.values(t).every((z) => z.weergave === 'dossier' && !z.alleenEigenCasussen)).toBe(true);
    }
  });

  it('een casusregisseur ziet aanvragen en beschikkingen alleen van de eigen casussen', () => {
    const t = zoekToegang(['regisseur']);
    expect(t.persoon).toEqual({ weergave: 'dossier', alleenEigenCasussen: false });
    expect(t.aanvraag).toEqual({ weergave: 'dossier', alleenEigenCasussen: true });
    expect(t.beschikking).toEqual({ weergave: 'dossier', alleenEigenCasussen: true });
  });

  it('de frontoffice ziet alleen de stand van een melding', () => {
    expect(zoekToegang(['frontoffice'])).toEqual({ melding: { weergave: 'status', alleenEigenCasussen: false } });
    expect(nietVoorUwRol(lees('123456782'), zoekToegang(['frontoffice']))).toMatch(/melding op haar nummer/);
    expect(nietVoorUwRol(lees('M-2026-1'), zoekToegang(['frontoffice']))).toBeNull();
  });

  it('wie met geaggregeerde gegevens werkt, ziet geen dossiers', () => {
    for (const rol of ['beleid', 'inkoper', 'subsidie', 'beheer', 'privacy']) expect(zoekToegang([rol])).toEqual({});
  });

  it('met meer rollen geldt de ruimste', () => {
    const t = zoekToegang(['frontoffice', 'regisseur', 'beslisser']);
    expect(t.melding).toEqual({ weergave: 'dossier', alleenEigenCasussen: false });
    expect(t.aanvraag).toEqual({ weergave: 'dossier', alleenEigenCasussen: false });
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
