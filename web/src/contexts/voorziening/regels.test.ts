import { describe, expect, it } from 'vitest';
import { formatEuro, geenBudgetTekst, isAfgesloten, leesbareToelichting, redenNaam, redenenVoor, statusNaam, toegestaneActies, volumeTekst, zonderDagen } from './regels.ts';

// Intl writes a no-break space between € and the amount; the tests read it as a plain space.
const s = (t: string) => t.replace(/\u00a0/g, ' ');

describe('welke stap de pagina aanbiedt, per status en rol', () => {
  it('de casusregisseur kiest de aanbieder bij een toegekende voorziening; de beslisser kan dan alleen intrekken', () => {
    expect(toegestaneActies('toegekend', ['regisseur'])).toEqual(['aanbieder']);
    expect(toegestaneActies('toegekend', ['beslisser'])).toEqual(['intrekken']);
    expect(toegestaneActies('toegekend', ['teamleider'])).toEqual(['aanbieder']);
  });
  it('na de keuze geeft de regisseur de start door; de beslisser kan nog intrekken', () => {
    expect(toegestaneActies('toegewezen', ['regisseur'])).toEqual(['start']);
    expect(toegestaneActies('toegewezen', ['beslisser'])).toEqual(['intrekken']);
  });
  it('een gestarte voorziening kan de regisseur beëindigen, niet intrekken', () => {
    expect(toegestaneActies('gestart', ['regisseur'])).toEqual(['beeindig']);
    expect(toegestaneActies('gestart', ['beslisser'])).toEqual([]);
  });
  it('een afgesloten voorziening biedt niemand iets aan; andere rollen nooit', () => {
    for (const st of ['beeindigd', 'ingetrokken', 'vervangen']) {
      expect(toegestaneActies(st, ['regisseur', 'teamleider', 'beslisser'])).toEqual([]);
      expect(isAfgesloten(st)).toBe(true);
    }
    expect(toegestaneActies('toegekend', ['frontoffice', 'inkoper', 'beleid'])).toEqual([]);
    expect(isAfgesloten('gestart')).toBe(false);
  });
});

describe('de voorziening in woorden', () => {
  it('status in het Nederlands; een onbekende code blijft staan', () => {
    expect(statusNaam('beeindigd')).toBe('Beëindigd');
    expect(statusNaam('iets')).toBe('iets');
  });
  it('omvang met eenheid (WJ756) en frequentie (WMO757)', () => {
    expect(volumeTekst(3, '04', '2')).toBe('3 uur per week');
    expect(volumeTekst('2.50', '16', '2')).toBe('2,5 dagdelen per week');
    expect(volumeTekst(1, '82', '6')).toBe('1 stuk in totaal');
    expect(volumeTekst(null, '04', '2')).toBe('—');
  });
  it('reden van beëindiging uit de lijst van de wet: JZ588 voor de Jeugdwet, WMO588 voor de rest', () => {
    expect(redenNaam('wmo', '19')).toBe('Levering volgens plan beëindigd');
    expect(redenNaam('jeugdwet', '31')).toBe('Levering volgens plan beëindigd');
    expect(redenNaam('wmo', '31')).toBe('Verhuizing naar een andere gemeente');
    expect(redenNaam('participatiewet', 'herziening')).toMatch(/herziening/);
    expect(redenNaam('wmo', null)).toBeNull();
    expect(redenenVoor('jeugdwet').map((r) => r.code)).toContain('34');
    expect(redenenVoor('participatiewet')).toBe(redenenVoor('wmo'));
  });
  it('een toelichting in de historie zonder interne nummers en met Nederlandse datums', () => {
    const d = (iso: string) => `[${iso}]`;
    expect(leesbareToelichting('Toegewezen aan Zorg B.V. (contract 1456e7d8-bae8-42e8-ba8d-1d79264b148a)', d)).toBe('Toegewezen aan Zorg B.V.');
    expect(leesbareToelichting('Levering gestart op 2026-11-30', d)).toBe('Levering gestart op [2026-11-30]');
    expect(leesbareToelichting('Beëindigd per 2026-12-01: Overlijden', d)).toBe('Beëindigd per [2026-12-01]: Overlijden');
  });
  it('geld in centen als euro’s', () => {
    expect(s(formatEuro(364500))).toBe('€ 3.645,00');
    expect(s(formatEuro('2822'))).toBe('€ 28,22');
    expect(s(formatEuro(0))).toBe('€ 0,00');
    expect(formatEuro(null)).toBe('—');
  });
});

describe('een voorziening die eindigde voordat zij inging', () => {
  it('ingetrokken vóór de ingangsdatum: geen dagen, dus geen periode of budget', () => {
    expect(zonderDagen({ begin: '2026-12-07', beeindigdOp: '2026-12-06' })).toBe(true);
    expect(geenBudgetTekst('ingetrokken')).toBe('Geen budget: de voorziening is ingetrokken voordat zij inging.');
  });
  it('een lopende of op of na de ingangsdatum beëindigde voorziening heeft wel dagen', () => {
    expect(zonderDagen({ begin: '2026-12-07', beeindigdOp: null })).toBe(false);
    expect(zonderDagen({ begin: '2026-12-07', beeindigdOp: '2026-12-07' })).toBe(false);
  });
});
