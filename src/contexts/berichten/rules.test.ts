import { describe, expect, it } from 'vitest';
import {
  antwoordToegestaan, controleerAangevraagd, controleerVerzoekWijziging, isGewijzigd, verzoekAfgekeurd, type ActueleToewijzing, type VerzoekWijziging,
  controleerStart, controleerStop, isAfgekeurd, omvangVoorBericht, redenWijzigingBijEinde, regelsVoor301, splitsHuisnummer, voorletters,
  type ToewijzingInhoud, type ToewijzingStand,
  controleerCredit, controleerPrestatie, geldVan, kalenderweken, maximaalVolume, zondagen, type DeclaratieToewijzing, type Prestatie,
} from './rules.ts';

const stand = (s: Partial<ToewijzingStand> = {}): ToewijzingStand => ({
  nummer: 7, ingangsdatum: '2026-11-01', einddatum: '2027-04-30', startBegindatum: null, stopEinddatum: null, stopReden: null, ...s,
});
const start = (p: Partial<Parameters<typeof controleerStart>[0]> = {}) => ({ toewijzingNummer: 7, ingangsdatum: '2026-11-01', begindatum: '2026-11-03', statusAanlevering: '1', ...p });
const stop = (p: Partial<Parameters<typeof controleerStop>[0]> = {}) => ({ ...start(), einddatum: '2027-01-31', redenBeeindiging: '19', ...p });

describe('start zorg (305) tegen de eigen toewijzing', () => {
  it('een eerste start binnen de looptijd van een bekende toewijzing gaat door', () => {
    expect(controleerStart(start(), stand())).toEqual([]);
  });
  it('zonder bekende toewijzing of toewijzingnummer: 9019 (TR019)', () => {
    expect(controleerStart(start(), undefined)).toEqual(['9019']);
    expect(controleerStart(start({ toewijzingNummer: null }), stand())).toEqual(['9019']);
  });
  it('een start vóór de ingangsdatum of na de einddatum hoort niet bij deze toewijzing: 9019', () => {
    expect(controleerStart(start({ begindatum: '2026-10-31' }), stand())).toEqual(['9019']);
    expect(controleerStart(start({ begindatum: '2027-05-01' }), stand())).toEqual(['9019']);
  });
  it('een tweede start zonder stop: 9326 (TR326); dezelfde start nogmaals: 9074 (TR074)', () => {
    expect(controleerStart(start({ begindatum: '2026-11-10' }), stand({ startBegindatum: '2026-11-03' }))).toEqual(['9326']);
    expect(controleerStart(start(), stand({ startBegindatum: '2026-11-03' }))).toEqual(['9074']);
  });
  it('na een stop mag een nieuwe start (na een tijdelijke onderbreking)', () => {
    expect(controleerStart(start({ begindatum: '2027-02-10' }), stand({ startBegindatum: '2026-11-03', stopEinddatum: '2027-01-31', stopReden: '20' }))).toEqual([]);
  });
  it('een start verwijderen (status 3) kan alleen als die start er is (TR063) en nog niet gestopt is (TR071)', () => {
    expect(controleerStart(start({ statusAanlevering: '3' }), stand())).toEqual(['9063']);
    expect(controleerStart(start({ statusAanlevering: '3' }), stand({ startBegindatum: '2026-11-03', stopEinddatum: '2027-01-31' }))).toEqual(['9071']);
    expect(controleerStart(start({ statusAanlevering: '3' }), stand({ startBegindatum: '2026-11-03' }))).toEqual([]);
  });
});

describe('stop zorg (307) tegen de eigen toewijzing', () => {
  const gestart = stand({ startBegindatum: '2026-11-03' });
  it('een stop met de sleutel van de actuele start gaat door', () => {
    expect(controleerStop(stop(), gestart)).toEqual([]);
  });
  it('geen stop vóór een start, en de begindatum moet die van de start zijn (OP072, TR382): 9069', () => {
    expect(controleerStop(stop(), stand())).toEqual(['9069']);
    expect(controleerStop(stop({ begindatum: '2026-11-04' }), gestart)).toEqual(['9069']);
  });
  it('na een tijdelijke stop (20) niet nogmaals 20 (TR413); een latere stop niet vóór de vorige einddatum (TR414)', () => {
    const gepauzeerd = stand({ startBegindatum: '2026-11-03', stopEinddatum: '2027-01-31', stopReden: '20' });
    expect(controleerStop(stop({ redenBeeindiging: '20', einddatum: '2027-02-28' }), gepauzeerd)).toEqual(['9413']);
    expect(controleerStop(stop({ einddatum: '2027-01-15' }), gepauzeerd)).toEqual(['9414']);
    expect(controleerStop(stop({ einddatum: '2027-02-28' }), gepauzeerd)).toEqual([]);
  });
  it('na een definitieve stop geen tweede stop (TR415)', () => {
    expect(controleerStop(stop({ einddatum: '2027-02-28' }), stand({ startBegindatum: '2026-11-03', stopEinddatum: '2027-01-31', stopReden: '19' }))).toEqual(['9415']);
  });
});

const inhoud = (nummer: number, w: Partial<ToewijzingInhoud> = {}): ToewijzingInhoud => ({
  nummer, categorie: '01', code: '01A01', toewijzingsdatum: '2026-11-01', toewijzingstijd: '10:00:00', ingangsdatum: '2026-11-01', einddatum: '2027-04-30',
  redenWijziging: null, omvang: { volume: 3, eenheid: '04', frequentie: '2' }, budgetCents: null, ...w,
});

describe('de inhoud van een toewijzingbericht (OP087)', () => {
  it('niets gewijzigd sinds de vorige 301: geen bericht', () => {
    expect(regelsVoor301([{ nu: inhoud(1), verstuurd: inhoud(1) }], '2026-12-01')).toBeNull();
  });
  it('alle toewijzingen die op of na de dagtekening gelden, plus de gewijzigde; een verlopen ongewijzigde niet', () => {
    const regels = regelsVoor301([
      { nu: inhoud(3, { einddatum: '2027-01-31', redenWijziging: '05' }), verstuurd: inhoud(3) },
      { nu: inhoud(1), verstuurd: inhoud(1) },
      { nu: inhoud(2, { einddatum: '2026-10-31' }), verstuurd: inhoud(2, { einddatum: '2026-10-31' }) },
    ], '2026-12-01');
    expect(regels!.map((r) => r.nu.nummer)).toEqual([1, 3]);
  });
  it('alleen een andere reden is geen wijziging', () => {
    expect(regelsVoor301([{ nu: inhoud(1, { redenWijziging: '12' }), verstuurd: inhoud(1) }], '2026-12-01')).toBeNull();
  });
});

describe('velden van het bericht', () => {
  it('2,5 uur per week gaat als 150 minuten (het volume is een geheel getal)', () => {
    expect(omvangVoorBericht(2.5, '04', '2')).toEqual({ volume: 150, eenheid: '01', frequentie: '2' });
    expect(omvangVoorBericht(3, '04', '2')).toEqual({ volume: 3, eenheid: '04', frequentie: '2' });
    expect(omvangVoorBericht(3, null, '2')).toBeNull();
  });
  it('de reden van een einde wordt de reden wijziging toewijzing (WMO002)', () => {
    expect(redenWijzigingBijEinde('02', 'beeindigd')).toBe('02');
    expect(redenWijzigingBijEinde('31', 'beeindigd')).toBe('07');
    expect(redenWijzigingBijEinde('21', 'beeindigd')).toBe('12');
    expect(redenWijzigingBijEinde('herziening', 'vervangen')).toBe('05');
    expect(redenWijzigingBijEinde('36', 'ingetrokken')).toBe('13');
  });
  it('huisnummer, huisletter en toevoeging uit één veld', () => {
    expect(splitsHuisnummer('12')).toEqual({ huisnummer: 12, huisletter: null, toevoeging: null });
    expect(splitsHuisnummer('12a')).toEqual({ huisnummer: 12, huisletter: 'A', toevoeging: null });
    expect(splitsHuisnummer('12-2')).toEqual({ huisnummer: 12, huisletter: null, toevoeging: '2' });
    expect(splitsHuisnummer('12 bis')).toEqual({ huisnummer: 12, huisletter: null, toevoeging: 'bis' });
    expect(splitsHuisnummer('geen')).toBeNull();
  });
  it('voorletters uit de voornamen', () => {
    expect(voorletters('Anna Maria')).toBe('AM');
    expect(voorletters('jan-peter')).toBe('JP');
  });
  it('alleen 0200 en 8001 zijn geen afkeuring', () => {
    expect(isAfgekeurd(['0200'])).toBe(false);
    expect(isAfgekeurd(['0200', '9019'])).toBe(true);
  });
});

describe('verzoek om wijziging (317) tegen de toewijzingen die de aanbieder heeft', () => {
  const actueel: ActueleToewijzing[] = [
    { nummer: 11, ingangsdatum: '2026-10-01', einddatum: '2027-03-31', code: '01A01', budget: false },
    { nummer: 12, ingangsdatum: '2026-10-01', einddatum: null, code: null, budget: false },
  ];
  const omvang = { volume: 4, eenheid: '04', frequentie: '2' };
  const verzoek = (v: Partial<VerzoekWijziging> = {}): VerzoekWijziging => ({
    referentie: 'R1', redenVerzoek: '1', ongewijzigd: [12], teWijzigen: [{ toewijzingNummer: 11, gewensteIngangsdatum: '2026-12-15', einddatum: '2027-06-30', omvang, budget: null }], nieuw: [], ...v,
  });
  const vrij = { referentieBekend: false, verzoekOnderhanden: false };

  it('alle actuele toewijzingen genoemd, de wijziging na de dagtekening: geen code, het verzoek gaat door', () => {
    const c = controleerVerzoekWijziging(verzoek(), actueel, '2026-12-01', vrij);
    expect(c).toEqual({ verzoek: [], ongewijzigd: [[]], teWijzigen: [[]], nieuw: [] });
    expect(verzoekAfgekeurd(c)).toBe(false);
  });
  it('een actuele toewijzing niet genoemd: 9349 (TR349) op het verzoek, en het hele verzoek is afgewezen (OP344)', () => {
    const c = controleerVerzoekWijziging(verzoek({ ongewijzigd: [] }), actueel, '2026-12-01', vrij);
    expect(c.verzoek).toEqual(['9349']);
    expect(verzoekAfgekeurd(c)).toBe(true);
  });
  it('een onbekend nummer: 9350 als ongewijzigd (TR350), 9351 als te wijzigen (TR351)', () => {
    const c = controleerVerzoekWijziging(verzoek({ ongewijzigd: [12, 99], teWijzigen: [{ toewijzingNummer: 98, gewensteIngangsdatum: '2026-12-15', einddatum: null, omvang, budget: null }] }), actueel, '2026-12-01', vrij);
    expect(c.ongewijzigd).toEqual([[], ['9350']]);
    expect(c.teWijzigen).toEqual([['9351']]);
  });
  it('een gewenste ingangsdatum op of vóór de dagtekening die niet de ingangsdatum is: 9357 (TR357); gelijk aan de ingangsdatum mag', () => {
    const op = (d: string) => controleerVerzoekWijziging(verzoek({ teWijzigen: [{ toewijzingNummer: 11, gewensteIngangsdatum: d, einddatum: null, omvang, budget: null }] }), actueel, '2026-12-01', vrij).teWijzigen[0];
    expect(op('2026-12-01')).toEqual(['9357']);
    expect(op('2026-10-01')).toEqual([]);
    expect(op('2026-12-02')).toEqual([]);
  });
  it('omvang leeg bij een product met code: 9411 (TR411); omvang bij een product zonder code: 9412 (TR412)', () => {
    const c = controleerVerzoekWijziging(verzoek({
      ongewijzigd: [], teWijzigen: [
        { toewijzingNummer: 11, gewensteIngangsdatum: '2026-12-15', einddatum: null, omvang: null, budget: null },
        { toewijzingNummer: 12, gewensteIngangsdatum: '2026-12-15', einddatum: null, omvang, budget: null },
      ],
    }), actueel, '2026-12-01', vrij);
    expect(c.teWijzigen).toEqual([['9411'], ['9412']]);
  });
  it('een gebruikte referentie geeft 9347 (TR347), een verzoek dat nog loopt 9374 (TR374)', () => {
    expect(controleerVerzoekWijziging(verzoek(), actueel, '2026-12-01', { referentieBekend: true, verzoekOnderhanden: true }).verzoek).toEqual(['9347', '9374']);
    expect(controleerAangevraagd({ referentieBekend: true, verzoekOnderhanden: false })).toEqual(['9347']);
    expect(controleerAangevraagd(vrij)).toEqual([]);
  });
});

describe('antwoord op een verzoek (319)', () => {
  it('een open verzoek mag in onderzoek, afgewezen of toegewezen worden', () => {
    for (const a of ['onderzoek', 'afwijzen', 'toewijzen'] as const) expect(antwoordToegestaan('open', a)).toBeNull();
  });
  it('in onderzoek maar één keer (TR360); daarna alleen afwijzen of toewijzen', () => {
    expect(antwoordToegestaan('in_onderzoek', 'onderzoek')).toMatch(/al in onderzoek/);
    expect(antwoordToegestaan('in_onderzoek', 'afwijzen')).toBeNull();
    expect(antwoordToegestaan('in_onderzoek', 'toewijzen')).toBeNull();
  });
  it('na een afwijzing of toewijzing geen antwoord meer (TR359, TR365)', () => {
    for (const s of ['toegewezen', 'afgewezen'] as const) for (const a of ['onderzoek', 'afwijzen', 'toewijzen'] as const) expect(antwoordToegestaan(s, a)).not.toBeNull();
  });
  it('de referentie van het verzoek is een wijziging van de toewijzing: een nieuwe 301 volgt; oude snapshots zonder referentie blijven ongewijzigd', () => {
    const t = { nummer: 1, categorie: '01', code: 'A', toewijzingsdatum: '2026-11-01', toewijzingstijd: '10:00:00', ingangsdatum: '2026-11-01', einddatum: null, redenWijziging: null, omvang: null, budgetCents: null };
    expect(isGewijzigd({ ...t, referentieAanbieder: 'R1' }, t)).toBe(true);
    expect(isGewijzigd({ ...t }, { ...t, referentieAanbieder: null })).toBe(false);
  });
});

describe('declaratie: het maximaal te declareren volume (IV077, IV078)', () => {
  it('telt de kalenderweken zoals het voorbeeld van IV077: oktober 2025 vanaf de 7e 4, november 5, december 5, de looptijd 13', () => {
    expect(kalenderweken('2025-10-07', '2025-10-31')).toBe(4);
    expect(kalenderweken('2025-11-01', '2025-11-30')).toBe(5);
    expect(kalenderweken('2025-12-01', '2025-12-30')).toBe(5);
    expect(kalenderweken('2025-10-07', '2025-12-30')).toBe(13);
  });

  it('telt zondagen zoals het outputgerichte voorbeeld: oktober vanaf de 7e 3, november 5, december 4 plus één omdat de toewijzing niet op zondag eindigt', () => {
    expect(zondagen('2025-10-07', '2025-10-31')).toBe(3);
    expect(zondagen('2025-11-01', '2025-11-30')).toBe(5);
    const t = { volume: 300, frequentie: '2', categorie: '02', bekostiging: 'outputgericht', einddatum: '2025-12-31' };
    expect(maximaalVolume(t, '2025-12-01', '2025-12-31', 'periode', 'iwmo')).toBe(1500);
  });

  it('huishoudelijke hulp (Wmo categorie 01) per week mag per maand 6 × het weekvolume, over de looptijd niet meer dan de weken', () => {
    const hh = { volume: 3, frequentie: '2', categorie: '01', bekostiging: 'inspanningsgericht', einddatum: '2025-12-30' };
    expect(maximaalVolume(hh, '2025-10-07', '2025-10-31', 'periode', 'iwmo')).toBe(18);
    expect(maximaalVolume(hh, '2025-10-07', '2025-12-30', 'looptijd', 'iwmo')).toBe(39);
    // Not for the Jeugdwet: there it is the weeks.
    expect(maximaalVolume(hh, '2025-10-07', '2025-10-31', 'periode', 'ijw')).toBe(12);
  });

  it('per dag de dagen, per maand de maanden, totaal het hele volume; zonder omvang geen grens', () => {
    expect(maximaalVolume({ volume: 2, frequentie: '1', categorie: '02', bekostiging: null, einddatum: null }, '2026-02-01', '2026-02-28', 'periode', 'iwmo')).toBe(56);
    expect(maximaalVolume({ volume: 15, frequentie: '4', categorie: '02', bekostiging: null, einddatum: null }, '2025-10-14', '2025-10-31', 'periode', 'iwmo')).toBe(15);
    expect(maximaalVolume({ volume: 40, frequentie: '6', categorie: '02', bekostiging: null, einddatum: null }, '2025-10-14', '2026-10-31', 'looptijd', 'iwmo')).toBe(40);
    expect(maximaalVolume({ volume: null, frequentie: null, categorie: '02', bekostiging: null, einddatum: null }, '2025-10-01', '2025-10-31', 'periode', 'iwmo')).toBeNull();
  });
});

describe('declaratie: een prestatie tegen haar toewijzing', () => {
  const toewijzing: DeclaratieToewijzing = {
    nummer: 7, categorie: '01', code: 'HH201', ingangsdatum: '2026-03-10', einddatum: '2026-08-20', volume: 3, eenheid: '04', frequentie: '2',
    redenWijziging: null, bekostiging: 'inspanningsgericht', budgetCents: 500_000, contractTariefCents: 3645,
  };
  const prestatie = (p: Partial<Prestatie> = {}): Prestatie => ({
    referentie: 'R1', vorigReferentie: null, toewijzingNummer: 7, categorie: '01', code: 'HH201', begin: '2026-04-01', eind: '2026-04-30',
    volume: 12, eenheid: '04', tariefCents: 3645, bedragCents: 12 * 3645, debetCredit: 'D', ...p,
  });
  const f = { declaratieEind: '2026-04-30', std: 'iwmo' as const, eerder: { volume: 0, cents: 0 }, referentieGebruikt: false, dubbelDebet: false };

  it('binnen de toewijzing: geen code', () => {
    expect(controleerPrestatie(prestatie(), toewijzing, f)).toEqual([]);
    // The first month begins on the toewijzing's ingangsdatum (TR387), the last ends on its einddatum (TR388).
    expect(controleerPrestatie(prestatie({ begin: '2026-03-10', eind: '2026-03-31' }), toewijzing, { ...f, declaratieEind: '2026-03-31' })).toEqual([]);
    expect(controleerPrestatie(prestatie({ begin: '2026-08-01', eind: '2026-08-20' }), toewijzing, { ...f, declaratieEind: '2026-08-31' })).toEqual([]);
    // Minutes on an hours toewijzing, at the tariff per minute (TR341, IV081).
    expect(controleerPrestatie(prestatie({ volume: 600, eenheid: '01', tariefCents: 61, bedragCents: 600 * 61 }), toewijzing, f)).toEqual([]);
  });

  it('geeft per regel de retourcode van de standaard', () => {
    expect(controleerPrestatie(prestatie(), undefined, f)).toEqual(['9338']);
    expect(controleerPrestatie(prestatie({ categorie: '02' }), toewijzing, f)).toEqual(['9339']);
    expect(controleerPrestatie(prestatie({ code: 'HH202' }), toewijzing, f)).toEqual(['9340']);
    expect(controleerPrestatie(prestatie({ eenheid: '14' }), toewijzing, f)).toEqual(['9341']);
    expect(controleerPrestatie(prestatie({ begin: '2026-03-01', eind: '2026-03-31' }), toewijzing, { ...f, declaratieEind: '2026-03-31' })).toEqual(['9307']);
    expect(controleerPrestatie(prestatie({ begin: '2026-08-01', eind: '2026-08-31' }), toewijzing, { ...f, declaratieEind: '2026-08-31' })).toEqual(['9308']);
    expect(controleerPrestatie(prestatie({ begin: '2026-04-02' }), toewijzing, f)).toEqual(['9387']);
    expect(controleerPrestatie(prestatie({ eind: '2026-04-29' }), toewijzing, f)).toEqual(['9388']);
    expect(controleerPrestatie(prestatie({ begin: '2026-05-01', eind: '2026-05-31' }), toewijzing, f)).toEqual(['9319']);
    expect(controleerPrestatie(prestatie({ volume: 19, bedragCents: 19 * 3645 }), toewijzing, f)).toEqual(['9321']);
    expect(controleerPrestatie(prestatie(), toewijzing, { ...f, eerder: { volume: 61, cents: 0 } })).toEqual(['9322']);
    expect(controleerPrestatie(prestatie({ tariefCents: 3700, bedragCents: 12 * 3700 }), toewijzing, f)).toEqual(['0611']);
    expect(controleerPrestatie(prestatie(), toewijzing, { ...f, dubbelDebet: true })).toEqual(['9389']);
    expect(controleerPrestatie(prestatie(), toewijzing, { ...f, referentieGebruikt: true })).toEqual(['8021']);
    expect(controleerPrestatie(prestatie(), { ...toewijzing, redenWijziging: '13' }, f)).toEqual(['9384']);
  });

  it('een outputgericht product verbruikt zijn budget: daarboven 9369 (TR369)', () => {
    const output = { ...toewijzing, bekostiging: 'outputgericht', volume: null, frequentie: null, budgetCents: 100_000, contractTariefCents: null };
    expect(controleerPrestatie(prestatie({ bedragCents: 40_000 }), output, { ...f, eerder: { volume: 0, cents: 60_000 } })).toEqual([]);
    expect(controleerPrestatie(prestatie({ bedragCents: 40_001 }), output, { ...f, eerder: { volume: 0, cents: 60_000 } })).toEqual(['9369']);
  });

  it('een credit hoort bij een eerder goedgekeurde, nog niet gecrediteerde debetprestatie met dezelfde sleutels en hetzelfde bedrag (TR323)', () => {
    const debet = { referentie: 'R1', toewijzingNummer: 7, categorie: '01', code: 'HH201', begin: '2026-04-01', eind: '2026-04-30', bedragCents: 12 * 3645, gecrediteerd: false };
    const credit = prestatie({ referentie: 'R2', vorigReferentie: 'R1', debetCredit: 'C' });
    expect(controleerCredit(credit, debet, false)).toEqual([]);
    expect(controleerCredit(credit, undefined, false)).toEqual(['8017']);
    expect(controleerCredit(credit, { ...debet, gecrediteerd: true }, false)).toEqual(['8017']);
    expect(controleerCredit({ ...credit, bedragCents: 1 }, debet, false)).toEqual(['8017']);
    expect(controleerCredit(credit, debet, true)).toEqual(['8021']);
  });
});

describe('het geld van een voorziening', () => {
  it('in natura: restant is budget min goedgekeurd; de verplichting alleen zolang de voorziening loopt', () => {
    const g = geldVan({ budgetCents: 100_000, leveringsvorm: 'zin', svb: false, bekostiging: 'inspanningsgericht', status: 'gestart' },
      { gedeclareerdCents: 50_000, goedgekeurdCents: 40_000, gecrediteerdCents: 5_000, afgewezenCents: 10_000 });
    expect(g).toMatchObject({ restantCents: 60_000, verplichtingCents: 60_000, bron: 'declaraties' });
    expect(geldVan({ budgetCents: 100_000, leveringsvorm: 'zin', svb: false, bekostiging: 'inspanningsgericht', status: 'beeindigd' }, undefined).verplichtingCents).toBe(0);
  });
  it('een pgb via de SVB telt als besteed; taakgericht heeft geen declaraties per cliënt', () => {
    expect(geldVan({ budgetCents: 80_000, leveringsvorm: 'pgb', svb: true, bekostiging: null, status: 'gestart' }, undefined)).toMatchObject({ goedgekeurdCents: 80_000, restantCents: 0, bron: 'svb' });
    expect(geldVan({ budgetCents: 80_000, leveringsvorm: 'zin', svb: false, bekostiging: 'taakgericht', status: 'gestart' }, undefined).bron).toBe('taakgericht');
  });
});
