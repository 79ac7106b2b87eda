import { describe, expect, it } from 'vitest';
import {
  beoordeelVerstrekking, controleerGrondslag, controleerIntrekking, controleerVerstrekkingDatum, dektPartner, grondslagStatus, nlDatum,
  scopePartnersTekst, toestemmingGeverFout, type GrondslagFeiten,
} from './delingen-rules.ts';

const toestemming = (o: Partial<GrondslagFeiten> = {}): GrondslagFeiten => ({
  soort: 'toestemming', datum: '2026-11-01', geldigTot: null, ingetrokkenOp: null,
  partners: [{ soort: 'aanbieder', naam: 'Zorg Thuis' }], doelen: ['uitvoeringVoorziening'], ...o,
});
const deling = { partner: { soort: 'aanbieder' as const, naam: 'Zorg Thuis' }, doel: 'uitvoeringVoorziening' as const, datum: '2026-11-10' };

describe('de stand van een grondslag op een dag', () => {
  it('geldig vanaf de datum tot en met geldig-tot; ingetrokken gaat voor alles', () => {
    const g = toestemming({ geldigTot: '2026-12-31' });
    expect(grondslagStatus(g, '2026-10-31')).toBe('nogNietGeldig');
    expect(grondslagStatus(g, '2026-11-01')).toBe('geldig');
    expect(grondslagStatus(g, '2026-12-31')).toBe('geldig');
    expect(grondslagStatus(g, '2027-01-01')).toBe('verlopen');
    expect(grondslagStatus({ ...g, ingetrokkenOp: '2026-11-05' }, '2026-11-02')).toBe('ingetrokken');
    expect(grondslagStatus(toestemming(), '2099-01-01')).toBe('geldig');
  });
});

describe('welke partner valt onder de grondslag', () => {
  it('een soort zonder naam dekt elke partner van die soort; met naam alleen die partner, zonder verschil in hoofdletters of spaties', () => {
    expect(dektPartner([{ soort: 'aanbieder' }], { soort: 'aanbieder', naam: 'Wie dan ook' })).toBe(true);
    expect(dektPartner([{ soort: 'aanbieder', naam: '  ' }], { soort: 'aanbieder', naam: 'Wie dan ook' })).toBe(true);
    expect(dektPartner([{ soort: 'aanbieder', naam: 'Zorg Thuis' }], { soort: 'aanbieder', naam: ' zorg   THUIS ' })).toBe(true);
    expect(dektPartner([{ soort: 'aanbieder', naam: 'Zorg Thuis' }], { soort: 'aanbieder', naam: 'Zorg Thuis Oost' })).toBe(false);
    expect(dektPartner([{ soort: 'aanbieder' }], { soort: 'school', naam: 'De Regenboog' })).toBe(false);
    expect(dektPartner([{ soort: 'school', naam: 'De Regenboog' }, { soort: 'huisarts' }], { soort: 'huisarts', naam: 'Dr. Jansen' })).toBe(true);
  });

  it('de scope in woorden', () => {
    expect(scopePartnersTekst([{ soort: 'aanbieder', naam: 'Zorg Thuis' }, { soort: 'skt' }])).toBe('Zorg Thuis (Aanbieder van zorg of ondersteuning); Sociaal Kernteam (iedere partner van deze soort)');
  });
});

describe('draagt de grondslag deze verstrekking?', () => {
  it('binnen de scope en geldig: ja', () => {
    expect(beoordeelVerstrekking(toestemming(), deling)).toEqual({ ok: true });
  });

  it('ingetrokken: nee, ook voor een verstrekking gedateerd vóór de intrekking', () => {
    const b = beoordeelVerstrekking(toestemming({ ingetrokkenOp: '2026-11-20' }), deling);
    expect(b).toMatchObject({ ok: false, reden: 'ingetrokken' });
    expect(b.ok ? '' : b.uitleg).toContain('20-11-2026');
  });

  it('verlopen of nog niet geldig: nee, met de datum erbij', () => {
    const verlopen = beoordeelVerstrekking(toestemming({ geldigTot: '2026-11-09' }), deling);
    expect(verlopen).toMatchObject({ ok: false, reden: 'verlopen' });
    expect(verlopen.ok ? '' : verlopen.uitleg).toContain('toestemming gold tot en met 09-11-2026');
    const taak = beoordeelVerstrekking(toestemming({ soort: 'wettelijkeTaak', geldigTot: '2026-11-09' }), deling);
    expect(taak.ok ? '' : taak.uitleg).toContain('grondslag gold tot en met');
    expect(beoordeelVerstrekking(toestemming({ datum: '2026-11-11' }), deling)).toMatchObject({ ok: false, reden: 'nogNietGeldig' });
  });

  it('een andere partner of een ander doel: nee, en de uitleg noemt wat wel mag', () => {
    const p = beoordeelVerstrekking(toestemming(), { ...deling, partner: { soort: 'school', naam: 'De Regenboog' } });
    expect(p).toMatchObject({ ok: false, reden: 'partnerBuitenScope' });
    expect(p.ok ? '' : p.uitleg).toContain('Zorg Thuis');
    const d = beoordeelVerstrekking(toestemming(), { ...deling, doel: 'financien' });
    expect(d).toMatchObject({ ok: false, reden: 'doelBuitenScope' });
    expect(d.ok ? '' : d.uitleg).toContain('uitvoering van de voorziening');
  });

  it('de geldigheid gaat voor de scope: een ingetrokken toestemming voor een andere partner zegt "ingetrokken"', () => {
    expect(beoordeelVerstrekking(toestemming({ ingetrokkenOp: '2026-11-02' }), { ...deling, partner: { soort: 'school', naam: 'X' } })).toMatchObject({ reden: 'ingetrokken' });
  });
});

describe('wat een grondslag moet zeggen', () => {
  const vandaag = '2026-11-30';
  const velden = (g: Parameters<typeof controleerGrondslag>[0]) => controleerGrondslag(g, vandaag).map((f) => f.veld);

  it('toestemming noemt wie haar gaf; een andere grondslag niet', () => {
    expect(velden({ soort: 'toestemming', datum: vandaag })).toEqual(['gegevenDoor.relatie']);
    expect(velden({ soort: 'toestemming', gegevenDoor: { relatie: 'zelf' }, datum: vandaag })).toEqual([]);
    expect(velden({ soort: 'vitaalBelang', gegevenDoor: { relatie: 'zelf' }, toelichting: 'Acuut gevaar', datum: vandaag })).toEqual(['gegevenDoor']);
  });

  it('een wettelijke taak of verplichting noemt het wetsartikel; vitaal belang een toelichting', () => {
    expect(velden({ soort: 'wettelijkeTaak', datum: vandaag })).toEqual(['wetsartikel']);
    expect(velden({ soort: 'wettelijkeVerplichting', wetsartikel: '  ', datum: vandaag })).toEqual(['wetsartikel']);
    expect(velden({ soort: 'wettelijkeTaak', wetsartikel: 'Wmo 2015 art. 5.2.6', datum: vandaag })).toEqual([]);
    expect(velden({ soort: 'vitaalBelang', datum: vandaag })).toEqual(['toelichting']);
  });

  it('de datum ligt niet in de toekomst en geldig-tot niet ervoor; alle fouten tegelijk', () => {
    expect(velden({ soort: 'toestemming', gegevenDoor: { relatie: 'zelf' }, datum: '2026-12-01' })).toEqual(['datum']);
    expect(velden({ soort: 'toestemming', gegevenDoor: { relatie: 'zelf' }, datum: vandaag, geldigTot: vandaag })).toEqual([]);
    expect(velden({ soort: 'wettelijkeTaak', datum: '2026-12-01', geldigTot: '2026-11-01' })).toEqual(['wetsartikel', 'datum', 'geldigTot']);
  });
});

describe('wie toestemming mag geven (UAVG art. 5)', () => {
  it('onder de 16 een ouder met gezag, die bij het huishouden moet staan', () => {
    expect(toestemmingGeverFout('zelf', 15, ['ouder'], ['onderwijs'])).toMatch(/jonger dan 16/);
    expect(toestemmingGeverFout('ouder', 15, [], ['onderwijs'])).toMatch(/geen ouder met gezag/);
    expect(toestemmingGeverFout('ouder', 15, ['ouder'], ['onderwijs'])).toBeNull();
    expect(toestemmingGeverFout('curator', 10, ['curator'], ['onderwijs'])).toMatch(/jonger dan 16/);
  });

  it('vanaf 16 de inwoner zelf, of een vastgelegde curator of mentor; een ouder niet meer', () => {
    expect(toestemmingGeverFout('zelf', 16, [], ['onderwijs'])).toBeNull();
    expect(toestemmingGeverFout('ouder', 16, ['ouder'], ['onderwijs'])).toMatch(/16 of ouder/);
    expect(toestemmingGeverFout('curator', 40, [], ['medischeZorg'])).toMatch(/geen curator/);
    expect(toestemmingGeverFout('mentor', 80, ['mentor'], ['medischeZorg'])).toBeNull();
  });

  it('een bewindvoerder alleen over geldzaken', () => {
    expect(toestemmingGeverFout('bewindvoerder', 50, ['bewindvoerder'], ['financien'])).toBeNull();
    expect(toestemmingGeverFout('bewindvoerder', 50, ['bewindvoerder'], ['financien', 'medischeZorg'])).toMatch(/alleen toestemming over geldzaken/);
  });
});

describe('intrekken en de datum van een verstrekking', () => {
  const t = { soort: 'toestemming' as const, datum: '2026-11-01', ingetrokkenOp: null };
  it('alleen toestemming, eenmaal, op een dag tussen de toestemming en vandaag', () => {
    expect(controleerIntrekking(t, '2026-11-01', '2026-11-30')).toBeNull();
    expect(controleerIntrekking(t, '2026-11-30', '2026-11-30')).toBeNull();
    expect(controleerIntrekking(t, '2026-10-31', '2026-11-30')).toMatchObject({ code: 'datum' });
    expect(controleerIntrekking(t, '2026-12-01', '2026-11-30')).toMatchObject({ code: 'datum' });
    expect(controleerIntrekking({ ...t, ingetrokkenOp: '2026-11-03' }, '2026-11-30', '2026-11-30')).toMatchObject({ code: 'alIngetrokken', reden: expect.stringContaining('03-11-2026') });
    expect(controleerIntrekking({ ...t, soort: 'wettelijkeTaak' }, '2026-11-30', '2026-11-30')).toMatchObject({ code: 'nietIntrekbaar', reden: expect.stringContaining('wettelijke taak') });
  });

  it('een verstrekking legt vast wat al gebeurde: niet in de toekomst', () => {
    expect(controleerVerstrekkingDatum('2026-11-30', '2026-11-30')).toBeNull();
    expect(controleerVerstrekkingDatum('2026-12-01', '2026-11-30')).toMatchObject({ veld: 'datum' });
  });

  it('datums in het Nederlands', () => {
    expect(nlDatum('2026-03-07')).toBe('07-03-2026');
  });
});
