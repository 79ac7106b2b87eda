import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AANVRAAG_STATUSSEN, BEZWAAR_STATUSSEN, BEZWAAR_UITKOMSTEN, aanvraagStappen, bezwaarBeslistermijn, bezwaarBeslistermijnStart, bezwaarStappen, bezwaarStapToegestaan,
  bezwaarVierOgen, leidtTotHerziening, type BezwaarStand, type BezwaarStap, type BezwaarStatus, bezwaarTijdig, magBeoordelen, normaliseerUitkomst, stapToegestaan, trekSteekproef, tweedeBeslisserNodig, vierOgen,
  type AanvraagStap,
} from './rules.ts';
import {
  GRONDSLAG, LEVERINGSVORMEN, OPEN_BEZWAAR_STATUSSEN, STANDAARD_BESLUIT_INSTELLINGEN, UITKOMSTEN, aanvraagStatusNaam, bezwaarStatusNaam, bezwaarUitkomstNaam, leveringsvormNaam, uitkomstNaam,
} from './rules.ts';

const b = { voorbereidDoor: 'regisseur', getoetstDoor: 'toetser', beoordeeldDoor: 'beoordelaar', eersteBeslisser: null };

describe('stappen van een aanvraag', () => {
  it('loopt ingediend → getoetst → beoordeeld → besloten → verzonden', () => {
    expect(Object.values(aanvraagStappen).map((s) => `${s.van}→${s.naar}`)).toEqual([
      'ingediend→getoetst', 'getoetst→beoordeeld', 'beoordeeld→besloten', 'besloten→verzonden',
    ]);
  });

  it('elke stap kan alleen vanuit zijn eigen status; elke andere combinatie wordt geweigerd', () => {
    for (const stap of Object.keys(aanvraagStappen) as AanvraagStap[]) {
      for (const status of AANVRAAG_STATUSSEN) {
        expect(stapToegestaan(stap, status) === null).toBe(aanvraagStappen[stap].van === status);
      }
    }
  });
});

describe('vier ogen', () => {
  it('wie voorbereidde, mag niet toetsen, beoordelen of beslissen', () => {
    expect(vierOgen('toets', 'regisseur', b)).toMatch(/voorbereid/);
    expect(vierOgen('beoordeling', 'regisseur', b)).toMatch(/voorbereid/);
    expect(vierOgen('besluit', 'regisseur', b)).toMatch(/voorbereid/);
  });

  it('wie beoordeelde, mag niet beslissen; wie toetste wel', () => {
    expect(vierOgen('besluit', 'beoordelaar', b)).toMatch(/beoordeeld/);
    expect(vierOgen('besluit', 'toetser', b)).toBeNull();
  });

  it('boven de drempel is de tweede beslisser een ander dan de eerste', () => {
    expect(vierOgen('besluit', 'x', { ...b, eersteBeslisser: 'x' }, { tweedeBeslisser: true })).toMatch(/tweede/);
    expect(vierOgen('besluit', 'y', { ...b, eersteBeslisser: 'x' }, { tweedeBeslisser: true })).toBeNull();
    expect(tweedeBeslisserNodig(2_500_001, { tweedeBeslisserVanafCents: 2_500_000 })).toBe(true);
    expect(tweedeBeslisserNodig(2_500_000, { tweedeBeslisserVanafCents: 2_500_000 })).toBe(false);
  });

  it('voor iedereen: niemand beoordeelt én beslist dezelfde aanvraag', () => {
    fc.assert(fc.property(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('a', 'b', 'c', 'd'), (beoordelaar, beslisser) => {
      const ok = vierOgen('besluit', beslisser, { ...b, voorbereidDoor: 'r', beoordeeldDoor: beoordelaar }) === null;
      if (ok) expect(beslisser).not.toBe(beoordelaar);
    }));
  });
});

describe('uitkomst, bezwaar en steekproef', () => {
  it('leest uitkomsten zoals mensen ze schrijven', () => {
    expect(normaliseerUitkomst('deels toegekend')).toBe('deelsToegekend');
    expect(normaliseerUitkomst('deelsToegekend')).toBe('deelsToegekend');
    expect(normaliseerUitkomst('Afgewezen')).toBe('afgewezen');
    expect(normaliseerUitkomst('misschien')).toBeNull();
  });

  it('een bezwaar op de laatste dag is tijdig, een dag later niet', () => {
    expect(bezwaarTijdig('2027-01-04', '2027-01-04')).toBe(true);
    expect(bezwaarTijdig('2027-01-05', '2027-01-04')).toBe(false);
  });

  it('de steekproef is reproduceerbaar: zelfde seed, maand en populatie geven dezelfde trekking', () => {
    const pop = Array.from({ length: 57 }, (_, i) => ({ id: `id-${String(i).padStart(3, '0')}` }));
    const a = trekSteekproef(pop, 10, 'eenvoud', '2026-10');
    expect(a).toHaveLength(6);
    expect(trekSteekproef([...pop].reverse(), 10, 'eenvoud', '2026-10')).toEqual(a);
    expect(trekSteekproef(pop, 10, 'eenvoud', '2026-11')).not.toEqual(a);
    expect(new Set(a.map((x) => x.id)).size).toBe(6);
  });

  it('wie aan een besluit meewerkte, beoordeelt het niet in de steekproef', () => {
    const betrokken = { ...b, beslotenDoor: 'beslisser' };
    for (const w of ['regisseur', 'toetser', 'beoordelaar', 'beslisser']) expect(magBeoordelen(w, betrokken)).toBe(false);
    expect(magBeoordelen('collega', betrokken)).toBe(true);
  });
});

describe('vier ogen: wie een stap wél mag zetten', () => {
  const alle = { voorbereidDoor: 'regisseur', getoetstDoor: 'toetser', beoordeeldDoor: 'beoordelaar', eersteBeslisser: 'beslisser1' };

  it('toetsen: iedereen behalve wie voorbereidde', () => {
    for (const wie of ['toetser', 'beoordelaar', 'beslisser1', 'collega']) expect(vierOgen('toets', wie, alle)).toBeNull();
    expect(vierOgen('toets', 'regisseur', alle)).toBe('U heeft deze aanvraag voorbereid en mag haar daarom niet toetsen.');
  });

  it('beoordelen: iedereen behalve wie voorbereidde, ook wie toetste', () => {
    for (const wie of ['toetser', 'beoordelaar', 'beslisser1', 'collega']) expect(vierOgen('beoordeling', wie, alle)).toBeNull();
    expect(vierOgen('beoordeling', 'regisseur', alle)).toBe('U heeft deze aanvraag voorbereid en mag haar daarom niet beoordelen.');
  });

  it('beslissen: wie toetste of een ander; onder de drempel mag de eerste beslisser het ook', () => {
    for (const wie of ['toetser', 'beslisser1', 'collega']) expect(vierOgen('besluit', wie, alle)).toBeNull();
    expect(vierOgen('besluit', 'beslisser1', alle, { tweedeBeslisser: false })).toBeNull();
    expect(vierOgen('besluit', 'beoordelaar', alle)).toBe('U heeft deze aanvraag beoordeeld en mag er daarom niet over beslissen.');
    expect(vierOgen('besluit', 'regisseur', alle)).toBe('U heeft deze aanvraag voorbereid en mag er daarom niet over beslissen.');
    expect(vierOgen('besluit', 'beslisser1', alle, { tweedeBeslisser: true })).toBe(
      'Boven het drempelbedrag beslist een tweede beslisser: dat moet iemand anders zijn.',
    );
    expect(vierOgen('besluit', 'collega', alle, { tweedeBeslisser: true })).toBeNull();
  });

  it('verzenden: iedereen, ook wie voorbereidde of besliste', () => {
    for (const wie of ['regisseur', 'toetser', 'beoordelaar', 'beslisser1']) expect(vierOgen('verzending', wie, alle)).toBeNull();
  });

  it('wie voorbereidde én beoordeelde, hoort bij beslissen dat hij beoordeelde', () => {
    expect(vierOgen('besluit', 'x', { ...alle, voorbereidDoor: 'x', beoordeeldDoor: 'x' })).toMatch(/beoordeeld/);
  });

  it('een stap op de verkeerde status noemt beide statussen in woorden', () => {
    expect(stapToegestaan('besluit', 'getoetst')).toBe("Deze stap kan alleen bij status 'Beoordeeld'; de aanvraag is 'Getoetst'.");
    expect(stapToegestaan('verzending', 'besloten')).toBeNull();
  });

  it('wie als eerste besliste, beoordeelt het besluit niet in de steekproef', () => {
    expect(magBeoordelen('beslisser1', { ...alle, beslotenDoor: 'beslisser2' })).toBe(false);
    expect(magBeoordelen('beslisser2', { ...alle, beslotenDoor: 'beslisser2' })).toBe(false);
    expect(magBeoordelen('collega', { ...alle, beslotenDoor: null })).toBe(true);
  });
});

describe('uitkomst, grondslag en instellingen', () => {
  it('leest elke schrijfwijze van een uitkomst, met hoofdletters, spaties, liggende streepjes en koppeltekens', () => {
    expect(normaliseerUitkomst(' Deels_Toegekend ')).toBe('deelsToegekend');
    expect(normaliseerUitkomst('deels-toegekend')).toBe('deelsToegekend');
    expect(normaliseerUitkomst('deels  -  toegekend')).toBe('deelsToegekend');
    expect(normaliseerUitkomst('TOEGEKEND')).toBe('toegekend');
    expect(normaliseerUitkomst('toegekend')).toBe('toegekend');
    expect(normaliseerUitkomst('afgewezen ')).toBe('afgewezen');
    for (const onzin of ['', 'toe gekend!', 'niet toegekend', 'toegekend.', 'afgewezen toegekend']) expect(normaliseerUitkomst(onzin)).toBeNull();
  });

  it('uitkomsten en leveringsvormen in woorden', () => {
    expect(UITKOMSTEN.map((u) => uitkomstNaam[u])).toEqual(['Toegekend', 'Deels toegekend', 'Afgewezen']);
    expect(LEVERINGSVORMEN.map((l) => leveringsvormNaam[l])).toEqual(['zorg in natura', 'persoonsgebonden budget (pgb)']);
    expect(AANVRAAG_STATUSSEN.map((s) => aanvraagStatusNaam[s])).toEqual(['Ingediend', 'Getoetst', 'Beoordeeld', 'Besloten', 'Verzonden']);
  });

  it('de beschikking noemt per wet het juiste artikel', () => {
    expect(GRONDSLAG.wmo).toBe('artikel 2.3.5 van de Wet maatschappelijke ondersteuning 2015 en de Verordening maatschappelijke ondersteuning');
    expect(GRONDSLAG.jeugdwet).toBe('artikel 2.3 van de Jeugdwet en de Verordening jeugdhulp');
    expect(GRONDSLAG.participatiewet).toBe('de Participatiewet (artikelen 7, 10 en 11) en de Re-integratieverordening');
    expect(GRONDSLAG.schuldhulp).toBe('artikel 4a van de Wet gemeentelijke schuldhulpverlening');
    expect(GRONDSLAG.minima).toBe('artikel 35 van de Participatiewet (bijzondere bijstand) en de Verordening minimabeleid');
    expect(GRONDSLAG.onbekend).toBe('de Algemene wet bestuursrecht');
  });

  it('standaard: tweede beslisser boven € 25.000 per jaar, eigen bijdrage alleen bij de Wmo, steekproef 10%, zeven vragen', () => {
    const s = STANDAARD_BESLUIT_INSTELLINGEN;
    expect(s.tweedeBeslisserVanafCents).toBe(2_500_000);
    expect(s.eigenBijdrage.wmo).toMatch(/^Voor deze voorziening betaalt u een eigen bijdrage .*CAK stelt de bijdrage vast/);
    expect(Object.entries(s.eigenBijdrage).filter(([, t]) => t === null).map(([w]) => w)).toEqual([
      'jeugdwet', 'participatiewet', 'schuldhulp', 'minima', 'onbekend',
    ]);
    expect(s.steekproefPercentage).toBe(10);
    expect(s.steekproefSeed).toBe('eenvoud');
    expect(s.checklist.map((c) => `${c.code}:${c.soort}`)).toEqual([
      'vraag-verhelderd:inhoud', 'ladder:inhoud', 'passend:inhoud', 'grondslag:recht', 'motivering:recht', 'termijn:recht', 'bezwaarclausule:recht',
    ]);
    for (const c of s.checklist) expect(c.vraag).toMatch(/^[A-Z].{20,}\?$/);
    expect(s.checklist.find((c) => c.code === 'motivering')!.vraag).toBe('Is het besluit deugdelijk gemotiveerd (Awb 3:46)?');
  });
});

describe('de steekproef ligt vast', () => {
  const pop = Array.from({ length: 57 }, (_, i) => ({ id: `id-${String(i).padStart(3, '0')}` }));

  // A sample once drawn must be drawn again the same way, years later: these are the draws of today's algorithm.
  it('trekt voor een seed en maand altijd dezelfde dossiers', () => {
    expect(trekSteekproef(pop, 10, 'eenvoud', '2026-10').map((x) => x.id)).toEqual(['id-052', 'id-038', 'id-032', 'id-024', 'id-012', 'id-037']);
    expect(trekSteekproef(pop, 10, 'demodorp', '2026-10').map((x) => x.id)).toEqual(['id-016', 'id-042', 'id-044', 'id-053', 'id-007', 'id-041']);
    expect(trekSteekproef(pop.slice(0, 20), 25, 'x', '2027-01').map((x) => x.id)).toEqual(['id-006', 'id-015', 'id-010', 'id-004', 'id-014']);
  });

  it('rondt het aantal naar boven af en trekt nooit meer dan er zijn', () => {
    expect(trekSteekproef(pop.slice(0, 5), 100, 'eenvoud', '2026-10').map((x) => x.id)).toEqual(['id-004', 'id-003', 'id-001', 'id-002', 'id-000']);
    expect(trekSteekproef(pop.slice(0, 5), 300, 'eenvoud', '2026-10')).toHaveLength(5);
    expect(trekSteekproef(pop.slice(0, 11), 10, 'eenvoud', '2026-10')).toHaveLength(2);
    expect(trekSteekproef(pop.slice(0, 10), 10, 'eenvoud', '2026-10')).toHaveLength(1);
    expect(trekSteekproef(pop, 0, 'eenvoud', '2026-10')).toEqual([]);
    expect(trekSteekproef([], 10, 'eenvoud', '2026-10')).toEqual([]);
  });

  it('verandert de populatie zelf niet', () => {
    const kopie = [...pop].reverse();
    const voor = kopie.map((x) => x.id);
    trekSteekproef(kopie, 50, 'eenvoud', '2026-10');
    expect(kopie.map((x) => x.id)).toEqual(voor);
  });
});

describe('bezwaar als werkstroom (transitietabel)', () => {
  const stand = (status: BezwaarStatus, over: Partial<BezwaarStand> = {}): BezwaarStand => ({ status, adviescommissie: false, tijdig: true, verschoonbaar: false, ...over });

  it('elke stap kan alleen vanuit de statussen in de tabel; een afgehandeld bezwaar kent geen stap meer', () => {
    for (const stap of Object.keys(bezwaarStappen) as BezwaarStap[]) {
      for (const status of BEZWAAR_STATUSSEN) {
        const mag = bezwaarStapToegestaan(stap, stand(status, { adviescommissie: true })) === null;
        expect(mag).toBe(bezwaarStappen[stap].van.includes(status));
      }
      expect(bezwaarStapToegestaan(stap, stand('beslist'))).toMatch(/afgehandeld/);
      expect(bezwaarStapToegestaan(stap, stand('ingetrokken'))).toMatch(/afgehandeld/);
    }
  });

  it('inhoudelijk beslissen kan pas na horen of afzien van horen (Awb 7:2/7:3); niet-ontvankelijk kan meteen', () => {
    expect(bezwaarStapToegestaan('beslissing', stand('ontvangen'), 'ongegrond')).toMatch(/Hoor de indiener eerst/);
    expect(bezwaarStapToegestaan('beslissing', stand('hoorzittingGepland'), 'gegrond')).toMatch(/Hoor de indiener eerst/);
    expect(bezwaarStapToegestaan('beslissing', stand('gehoord'), 'gegrond')).toBeNull();
    expect(bezwaarStapToegestaan('beslissing', stand('horenAfgezien'), 'ongegrond')).toBeNull();
    expect(bezwaarStapToegestaan('beslissing', stand('ontvangen'), 'nietOntvankelijk')).toBeNull();
  });

  it('met een adviescommissie: eerst haar advies (Awb 7:13); zonder commissie geen advies', () => {
    expect(bezwaarStapToegestaan('beslissing', stand('gehoord', { adviescommissie: true }), 'ongegrond')).toMatch(/adviescommissie/);
    expect(bezwaarStapToegestaan('beslissing', stand('advies', { adviescommissie: true }), 'ongegrond')).toBeNull();
    expect(bezwaarStapToegestaan('advies', stand('gehoord'))).toMatch(/niet langs een adviescommissie/);
  });

  it('te laat en niet verschoonbaar: alleen niet-ontvankelijk; verschoonbaar: inhoudelijk, niet niet-ontvankelijk', () => {
    expect(bezwaarStapToegestaan('beslissing', stand('gehoord', { tijdig: false }), 'ongegrond')).toMatch(/te laat/);
    expect(bezwaarStapToegestaan('beslissing', stand('gehoord', { tijdig: false }), 'nietOntvankelijk')).toBeNull();
    expect(bezwaarStapToegestaan('beslissing', stand('gehoord', { tijdig: false, verschoonbaar: true }), 'nietOntvankelijk')).toMatch(/verschoonbaar/);
    expect(bezwaarStapToegestaan('beslissing', stand('gehoord', { tijdig: false, verschoonbaar: true }), 'gegrond')).toBeNull();
  });

  it('(deels) gegrond leidt tot herziening; ongegrond en niet-ontvankelijk niet', () => {
    expect(BEZWAAR_UITKOMSTEN.filter(leidtTotHerziening)).toEqual(['gegrond', 'deelsGegrond']);
  });

  it('Awb 7:5: wie aan het besluit meewerkte, behandelt het bezwaar niet', () => {
    const primair = { voorbereidDoor: 'r', getoetstDoor: 't', beoordeeldDoor: 'b2', eersteBeslisser: null, beslotenDoor: 'b1' };
    for (const wie of ['r', 't', 'b2', 'b1']) expect(bezwaarVierOgen(wie, primair)).toMatch(/7:5/);
    expect(bezwaarVierOgen('jurist', primair)).toBeNull();
  });

  it('beslistermijn: 6 weken, 12 met commissie, vanaf het einde van de bezwaartermijn; te laat: vanaf ontvangst', () => {
    expect(bezwaarBeslistermijn(false).duur).toEqual({ eenheid: 'weken', aantal: 6 });
    expect(bezwaarBeslistermijn(true).duur).toEqual({ eenheid: 'weken', aantal: 12 });
    expect(bezwaarBeslistermijnStart(true, '2026-12-01', '2026-11-20')).toBe('2026-12-01');
    expect(bezwaarBeslistermijnStart(false, '2026-12-01', '2026-12-10')).toBe('2026-12-10');
  });
});

describe('bezwaar: de werkstroom in vaste gevallen (niet afgeleid van de tabel zelf)', () => {
  const stand = (status: BezwaarStatus, over: Partial<BezwaarStand> = {}): BezwaarStand => ({ status, adviescommissie: false, tijdig: true, verschoonbaar: false, ...over });

  it('een hoorzitting plannen, houden of van horen afzien kan vanuit ontvangen en vanuit hoorzitting gepland, en nergens anders', () => {
    const vanuit = (stap: BezwaarStap) => BEZWAAR_STATUSSEN.filter((s) => bezwaarStapToegestaan(stap, stand(s, { adviescommissie: true })) === null);
    expect(vanuit('hoorzittingPlannen')).toEqual(['ontvangen', 'hoorzittingGepland']);
    expect(vanuit('hoorzittingGehouden')).toEqual(['ontvangen', 'hoorzittingGepland']);
    expect(vanuit('horenAfzien')).toEqual(['ontvangen', 'hoorzittingGepland']);
    expect(vanuit('advies')).toEqual(['gehoord', 'horenAfgezien']);
    expect(vanuit('beslissing')).toEqual(['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies']);
    expect(vanuit('intrekking')).toEqual(['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies']);
    expect(Object.fromEntries(Object.entries(bezwaarStappen).map(([k, v]) => [k, v.naar]))).toEqual({
      hoorzittingPlannen: 'hoorzittingGepland', hoorzittingGehouden: 'gehoord', horenAfzien: 'horenAfgezien',
      advies: 'advies', beslissing: 'beslist', intrekking: 'ingetrokken',
    });
  });

  it('een stap op de verkeerde status noemt de status in woorden; alleen een afgehandeld bezwaar heet afgehandeld', () => {
    expect(bezwaarStapToegestaan('advies', stand('ontvangen', { adviescommissie: true }))).toBe("Dit kan niet bij een bezwaar met de status 'Ontvangen'.");
    expect(bezwaarStapToegestaan('horenAfzien', stand('advies'))).toBe("Dit kan niet bij een bezwaar met de status 'Advies van de commissie ontvangen'.");
    expect(bezwaarStapToegestaan('intrekking', stand('beslist'))).toBe("Dit kan niet bij een bezwaar met de status 'Beslist': het bezwaar is afgehandeld.");
    expect(bezwaarStapToegestaan('beslissing', stand('ingetrokken'))).toBe("Dit kan niet bij een bezwaar met de status 'Ingetrokken': het bezwaar is afgehandeld.");
  });

  it('intrekken of beslissen zonder uitkomst toetst geen horen, termijn of advies', () => {
    const laatOngehoord = stand('ontvangen', { adviescommissie: true, tijdig: false });
    expect(bezwaarStapToegestaan('intrekking', laatOngehoord)).toBeNull();
    expect(bezwaarStapToegestaan('intrekking', laatOngehoord, 'ongegrond')).toBeNull();
    expect(bezwaarStapToegestaan('beslissing', laatOngehoord)).toBeNull();
    expect(bezwaarStapToegestaan('hoorzittingPlannen', laatOngehoord, 'gegrond')).toBeNull();
  });

  it('statussen en uitkomsten van een bezwaar in woorden', () => {
    expect(bezwaarStatusNaam).toEqual({
      ontvangen: 'Ontvangen', hoorzittingGepland: 'Hoorzitting gepland', gehoord: 'Gehoord', horenAfgezien: 'Afgezien van horen',
      advies: 'Advies van de commissie ontvangen', beslist: 'Beslist', ingetrokken: 'Ingetrokken',
    });
    expect(bezwaarUitkomstNaam).toEqual({ gegrond: 'Gegrond', deelsGegrond: 'Deels gegrond', ongegrond: 'Ongegrond', nietOntvankelijk: 'Niet-ontvankelijk' });
    expect(OPEN_BEZWAAR_STATUSSEN).toEqual(['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies']);
  });

  it('de beslistermijn noemt art. 7:10 lid 1 Awb, met commissie erbij vermeld', () => {
    expect(bezwaarBeslistermijn(false).grondslag).toBe('art. 7:10 lid 1 Awb');
    expect(bezwaarBeslistermijn(true).grondslag).toBe('art. 7:10 lid 1 Awb (met adviescommissie)');
    expect(bezwaarVierOgen('r', { voorbereidDoor: 'r', getoetstDoor: null, beoordeeldDoor: null, eersteBeslisser: null, beslotenDoor: null }))
      .toBe('U werkte mee aan het besluit waartegen het bezwaar is gericht; een ander behandelt het bezwaar (Awb 7:5).');
  });
});
