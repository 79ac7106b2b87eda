import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEWAAR_SOORTEN, STANDAARD_TERMIJNEN, beoordeelDossier, dossierRef, lijstNummer, magOvergaan, magUitzonderen, plusJaren,
  soortVanWet, standaardJaren, termijnFout, type Stuk,
} from './bewaren-rules.ts';

const termijnen = standaardJaren();
const vandaag = '2026-11-30';
const melding = (o: Partial<Stuk> = {}): Stuk => ({ stuk: 'melding', ref: 'M-2010-000001', soort: 'melding-zonder-vervolg', open: false, einde: '2010-03-01', ...o });
const casus = (o: Partial<Stuk> = {}): Stuk => ({ stuk: 'casus', ref: 'C-2010-000001', soort: 'wmo', open: false, einde: '2012-05-01', ...o });

describe('bewaartermijnen', () => {
  it('de standaardtermijnen: Wmo 10 jaar, jeugdhulp 20 jaar (Jeugdwet 7.3.8), melding zonder vervolg 2 jaar, bezwaar 10 jaar', () => {
    expect(termijnen).toEqual({ wmo: 10, jeugd: 20, overig: 10, 'melding-zonder-vervolg': 2, bezwaar: 10 });
    for (const s of BEWAAR_SOORTEN) expect(STANDAARD_TERMIJNEN[s].bron.length).toBeGreaterThan(10);
    expect(STANDAARD_TERMIJNEN.jeugd.bron).toContain('7.3.8');
  });

  it('de wet bepaalt de soort dossier', () => {
    expect(soortVanWet('wmo')).toBe('wmo');
    expect(soortVanWet('jeugdwet')).toBe('jeugd');
    expect(soortVanWet('participatiewet')).toBe('overig');
    expect(soortVanWet('schuldhulp')).toBe('overig');
    expect(soortVanWet(null)).toBe('overig');
  });

  it('beheer kan de jeugdtermijn niet onder de wettelijke twintig jaar zetten, en niets op nul of een breuk', () => {
    expect(termijnFout('jeugd', 19)).toMatch(/Jeugdwet.*20 jaar/);
    expect(termijnFout('jeugd', 20)).toBeNull();
    expect(termijnFout('wmo', 0)).toMatch(/ten minste 1 jaar/);
    expect(termijnFout('melding-zonder-vervolg', 0)).not.toBeNull();
    expect(termijnFout('wmo', 1)).toBeNull();
    expect(termijnFout('wmo', 115)).toBeNull();
    expect(termijnFout('wmo', 116)).toMatch(/ten hoogste 115/);
    expect(termijnFout('bezwaar', 2.5)).toMatch(/heel aantal/);
  });

  it('een jaar erbij op 29 februari wordt 28 februari', () => {
    expect(plusJaren('2020-02-29', 1)).toBe('2021-02-28');
    expect(plusJaren('2020-02-29', 4)).toBe('2024-02-29');
  });
});

describe('wanneer een dossier vernietigd mag worden', () => {
  it('een melding zonder vervolg: twee jaar na de afhandeling', () => {
    expect(beoordeelDossier([melding({ einde: '2024-11-30' })], termijnen, vandaag)).toEqual(
      { vernietigbaar: true, per: '2026-11-30', einde: '2024-11-30', soort: 'melding-zonder-vervolg', ref: 'M-2010-000001' });
    expect(beoordeelDossier([melding({ einde: '2024-12-01' })], termijnen, vandaag)).toEqual(
      { vernietigbaar: false, reden: 'Bewaartermijn loopt tot 2026-12-01', per: '2026-12-01' });
  });

  it('het hele dossier telt: de laatste einddatum plus termijn beslist, niet de oudste melding', () => {
    const b = beoordeelDossier([melding(), casus({ einde: '2020-01-01' })], termijnen, vandaag);
    expect(b).toEqual({ vernietigbaar: false, reden: 'Bewaartermijn loopt tot 2030-01-01', per: '2030-01-01' });
    const oud = beoordeelDossier([melding(), casus()], termijnen, vandaag);
    expect(oud).toEqual({ vernietigbaar: true, per: '2022-05-01', einde: '2012-05-01', soort: 'wmo', ref: 'C-2010-000001' });
  });

  it('jeugdhulp blijft twintig jaar na het einde van de laatste voorziening', () => {
    const stukken: Stuk[] = [casus({ soort: 'jeugd', einde: '2008-01-01' }), { stuk: 'voorziening', ref: 'B-2007-000001', soort: 'jeugd', open: false, einde: '2008-06-30' }];
    expect(beoordeelDossier(stukken, termijnen, vandaag).vernietigbaar).toBe(false);
    expect(beoordeelDossier(stukken, termijnen, '2028-06-30')).toMatchObject({ vernietigbaar: true, per: '2028-06-30', soort: 'jeugd' });
  });

  it('een open casus, aanvraag of melding houdt het dossier vast', () => {
    expect(beoordeelDossier([melding(), casus({ open: true, einde: null })], termijnen, vandaag)).toEqual(
      { vernietigbaar: false, reden: 'Casus C-2010-000001 is nog open', per: null });
    expect(beoordeelDossier([{ stuk: 'aanvraag', ref: 'A-1', soort: 'wmo', open: true, einde: null }], termijnen, vandaag).vernietigbaar).toBe(false);
    expect(beoordeelDossier([melding({ open: true })], termijnen, vandaag).vernietigbaar).toBe(false);
  });

  it('een lopende voorziening (zonder einddatum of met een einddatum vanaf vandaag) houdt het dossier vast', () => {
    const v = (einde: string | null): Stuk => ({ stuk: 'voorziening', ref: 'B-2010-000001', soort: 'wmo', open: false, einde });
    expect(beoordeelDossier([casus(), v(null)], termijnen, vandaag)).toEqual({ vernietigbaar: false, reden: 'Voorziening B-2010-000001 loopt nog (geen einddatum)', per: null });
    expect(beoordeelDossier([casus(), v(vandaag)], termijnen, vandaag).vernietigbaar).toBe(false);
    expect(beoordeelDossier([casus(), v('2011-01-01')], termijnen, vandaag).vernietigbaar).toBe(true);
  });

  it('een bezwaar in behandeling is een wettelijke blokkade, net als een lopende bezwaar- of beroepstermijn', () => {
    const bezwaar = (o: Partial<Stuk>): Stuk => ({ stuk: 'bezwaar', ref: 'BZ-2010-000001', soort: 'bezwaar', open: false, einde: '2011-01-01', ...o });
    expect(beoordeelDossier([casus(), bezwaar({ open: true, einde: null })], termijnen, vandaag)).toEqual(
      { vernietigbaar: false, reden: 'Bezwaar BZ-2010-000001 is nog in behandeling (wettelijke blokkade)', per: null });
    expect(beoordeelDossier([casus(), bezwaar({ blokkeertTot: vandaag })], termijnen, vandaag).vernietigbaar).toBe(false);
    expect(beoordeelDossier([casus(), bezwaar({ blokkeertTot: '2026-11-29' })], termijnen, vandaag).vernietigbaar).toBe(true);
    const beschikking: Stuk = { stuk: 'beschikking', ref: 'B-1', soort: 'wmo', open: false, einde: '2011-01-01', blokkeertTot: '2027-01-01' };
    expect(beoordeelDossier([beschikking], termijnen, vandaag)).toMatchObject({ vernietigbaar: false, reden: 'Tegen Beschikking B-1 kan tot 2027-01-01 bezwaar worden gemaakt' });
  });

  it('zonder dossierstukken of zonder einddatum wordt niets voorgesteld', () => {
    expect(beoordeelDossier([], termijnen, vandaag)).toEqual({ vernietigbaar: false, reden: 'Geen dossierstukken', per: null });
    expect(beoordeelDossier([casus({ einde: null })], termijnen, vandaag).vernietigbaar).toBe(false);
  });

  const datum = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const stuk: fc.Arbitrary<Stuk> = fc.record({
    stuk: fc.constantFrom('melding', 'casus', 'aanvraag', 'voorziening', 'beschikking', 'bezwaar'),
    ref: fc.constantFrom('M-1', 'C-1', 'A-1', 'B-1', 'BZ-1'),
    soort: fc.constantFrom(...BEWAAR_SOORTEN),
    open: fc.boolean(),
    einde: fc.option(datum, { nil: null }),
    blokkeertTot: fc.option(datum, { nil: null }),
  }) as fc.Arbitrary<Stuk>;

  it('eigenschap: vernietigbaar betekent dat elk stuk afgesloten is en voorbij einde + termijn', () => {
    fc.assert(fc.property(fc.array(stuk, { maxLength: 8 }), datum, (stukken, dag) => {
      const b = beoordeelDossier(stukken, termijnen, dag);
      if (!b.vernietigbaar) return;
      for (const s of stukken) {
        expect(s.open).toBe(false);
        expect(s.einde).not.toBeNull();
        expect(plusJaren(s.einde!, termijnen[s.soort]) <= dag).toBe(true);
        if (s.blokkeertTot) expect(s.blokkeertTot < dag).toBe(true);
      }
    }));
  });

  it('eigenschap: een open stuk erbij maakt een dossier nooit vernietigbaar, een langere termijn nooit eerder', () => {
    fc.assert(fc.property(fc.array(stuk, { minLength: 1, maxLength: 6 }), stuk, datum, fc.constantFrom(...BEWAAR_SOORTEN), (stukken, extra, dag, soort) => {
      expect(beoordeelDossier([...stukken, { ...extra, open: true }], termijnen, dag).vernietigbaar).toBe(false);
      const langer = { ...termijnen, [soort]: termijnen[soort] + 5 };
      const nu = beoordeelDossier(stukken, termijnen, dag);
      const later = beoordeelDossier(stukken, langer, dag);
      if (later.vernietigbaar) expect(nu.vernietigbaar).toBe(true);
      if (nu.per && later.per) expect(later.per >= nu.per).toBe(true);
    }));
  });
});

describe('de vernietigingslijst', () => {
  it('gaat van concept naar ter goedkeuring naar goedgekeurd naar uitgevoerd, of wordt afgewezen', () => {
    expect(magOvergaan('concept', 'terGoedkeuring')).toBe(true);
    expect(magOvergaan('terGoedkeuring', 'goedgekeurd')).toBe(true);
    expect(magOvergaan('goedgekeurd', 'uitgevoerd')).toBe(true);
    expect(magOvergaan('terGoedkeuring', 'afgewezen')).toBe(true);
    expect(magOvergaan('concept', 'afgewezen')).toBe(true);
    // Never approved without being offered, never back, nothing after the end.
    expect(magOvergaan('concept', 'goedgekeurd')).toBe(false);
    expect(magOvergaan('concept', 'uitgevoerd')).toBe(false);
    expect(magOvergaan('goedgekeurd', 'afgewezen')).toBe(false);
    expect(magOvergaan('uitgevoerd', 'concept')).toBe(false);
    expect(magOvergaan('afgewezen', 'terGoedkeuring')).toBe(false);
  });

  it('uitzonderen kan alleen zolang de lijst niet is beoordeeld', () => {
    expect(magUitzonderen('concept')).toBe(true);
    expect(magUitzonderen('terGoedkeuring')).toBe(true);
    expect(magUitzonderen('goedgekeurd')).toBe(false);
    expect(magUitzonderen('uitgevoerd')).toBe(false);
    expect(magUitzonderen('afgewezen')).toBe(false);
  });

  it('nummer en verwijzing', () => {
    expect(lijstNummer(2026, 7)).toBe('VL-2026-0007');
    expect(dossierRef([melding(), casus()])).toBe('C-2010-000001');
    expect(dossierRef([melding()])).toBe('M-2010-000001');
    expect(dossierRef([])).toBe('');
  });
});
