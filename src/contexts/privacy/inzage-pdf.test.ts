import { describe, expect, it } from 'vitest';
import { pdfTekst } from '../../testing/pdf.ts';
import { HOOFDSTUKKEN, alsLatin1, maakInzagePdf } from './inzage-pdf.ts';
import { leesmij, type InzageJson } from './inzage.ts';

/** A file as large as a long-running household gets: a long verslag, many audit lines, letters beyond the Latin-1 alphabet. */
function grootDossier(): InzageJson {
  const lang = Array.from({ length: 120 }, (_, i) => `Zin ${i + 1} van een lang verslag over de situatie thuis, met wat goed gaat en wat niet.`).join(' ');
  return {
    versie: 1, soort: 'inzage-avg-artikel-15', datum: '2026-11-30', gemaaktOp: '2026-11-30T13:00:00.000Z', gemeente: { naam: 'Demodorp' },
    opgevraagdDoor: { gebruikersnaam: 'privacy', rol: 'privacy' },
    persoon: {
      id: '00000000-0000-4000-8000-000000000001', bsn: '123456782', voornaam: 'Łucja', tussenvoegsel: null, achternaam: 'Kowalska', naam: 'Łucja Kowalska',
      geboortedatum: '1960-01-31', adres: { straat: 'Dorpsstraat', huisnummer: '1', postcode: '1234 AB', woonplaats: 'Demodorp' }, geenVastAdres: false,
      wijk: 'Centrum', kern: 'Demodorp', telefoon: null, email: null, bron: 'invoer',
    },
    huishouden: { leden: [{ naam: 'Łucja Kowalska', relatieTotU: 'uzelf', uzelf: true }] }, relaties: [], vertegenwoordigers: [],
    meldingen: [], aanvragen: [], aanvragenNamensAnderen: [], beschikkingen: [], bezwaren: [], brieven: [], delingen: { grondslagen: [], verstrekkingen: [] },
    casussen: [{
      nummer: 'C-2026-000001', status: 'open', geopendOp: '2026-01-02T09:00:00.000Z', regisseur: 'Ruud Regisseur', plan: null,
      gesprekken: [{
        datum: '2026-01-05', soort: 'intake', soortNaam: 'Intake (eerste gesprek)', plek: 'thuis', plekNaam: 'Aan de keukentafel (thuis)', instrument: 'ZRM',
        betrokkenheid: 'deelnemer', deelnemers: [{ rol: 'inwoner', rolNaam: 'Inwoner', naam: 'Łucja Kowalska' }], gevoerdDoor: 'Ruud Regisseur',
        verslag: `${lang} Einde van het verslag 🙂.`, scores: [{ domein: 'huisvesting', domeinNaam: 'Huisvesting', score: 3, scoreLabel: 'Beperkt zelfredzaam', toelichting: lang, zelf: null, netwerk: null }],
        verslagVerzondenOp: null, inwonerReactie: null, inwonerReactieOp: null, brief: null,
      }],
    }],
    audittrail: Array.from({ length: 1500 }, (_, i) => ({
      volgnummer: i + 1, moment: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), gebruikersnaam: 'regisseur', rol: 'regisseur',
      rolNaam: 'Casusregisseur', actie: 'lezen', gegevens: 'casus', doel: i === 1499 ? 'laatste regel' : 'casus inzien',
    })),
  };
}

describe('de inzage-PDF bij een groot dossier', () => {
  it('lange teksten lopen door over pagina\'s, elke regel van de audittrail staat erin, met paginanummers en een inhoudsopgave', async () => {
    const pdf = await maakInzagePdf(grootDossier());
    const tekst = await pdfTekst(pdf);
    for (const h of HOOFDSTUKKEN) expect(tekst).toContain(h);
    expect(tekst).toContain('Einde van het verslag');
    // A name outside Latin-1 is printed as it is written, not garbled.
    expect(tekst).toContain('Łucja Kowalska');
    expect(tekst).toContain('laatste regel');
    const totaal = Number(/pagina 1 van (\d+)/.exec(tekst)?.[1]);
    expect(totaal).toBeGreaterThan(30);
    expect(tekst).toContain(`pagina ${totaal} van ${totaal}`);
    // The same input gives the same bytes (the creation date is the export's moment).
    expect(Buffer.compare(pdf, await maakInzagePdf(grootDossier()))).toBe(0);
  }, 60_000);

  it('zonder ingebed lettertype: letters buiten Latin-1 zonder accent, nooit onleesbaar', () => {
    expect(alsLatin1('Łucja Şükrü Đorđe Ærø € ë')).toBe('Lucja Sükrü Dorde Ærø € ë');
    expect(alsLatin1('🙂')).toBe('?');
  });

  it('de LEESMIJ legt elk bestand en de regel over huisgenoten uit, met Windows-regeleinden', () => {
    const t = leesmij(grootDossier());
    for (const s of ['inzage.pdf', 'inzage.json', 'brieven/', 'LEESMIJ.txt', 'artikel 15', '"versie": 1', 'ander lid van uw huishouden']) expect(t).toContain(s);
    expect(t).toContain('\r\n');
    expect(t.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
