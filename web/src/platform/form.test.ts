import { describe, expect, it } from 'vitest';
import { datumUitTekst, veldNaam } from './form.tsx';

describe('een datum zonder datumkiezer', () => {
  it('dd-mm-jjjj (ook met / of . en zonder voorloopnul) wordt JJJJ-MM-DD', () => {
    expect(datumUitTekst('03-11-2026')).toBe('2026-11-03');
    expect(datumUitTekst('3/11/2026')).toBe('2026-11-03');
    expect(datumUitTekst(' 29.02.2024 ')).toBe('2024-02-29');
  });

  it('wat geen bestaande datum is, blijft tekst', () => {
    for (const t of ['31-04-2026', '29-02-2026', '2026-11-03', '3-11-26', '', 'morgen']) expect(datumUitTekst(t)).toBeNull();
  });
});

describe('veldnamen in woorden', () => {
  it('het pad van de API wordt het woord van het formulier', () => {
    expect(veldNaam('body.persoon.geboortedatum')).toBe('Geboortedatum');
    expect(veldNaam('persoon.bsn')).toBe('BSN');
    expect(veldNaam('ontvangenOp')).toBe('Ontvangen op');
    expect(veldNaam('deelnemers.1.naam')).toBe('Naam (2e)');
  });

  it('een onbekend veld wordt losse woorden, geen camelCase', () => {
    expect(veldNaam('aanvragerRelatie')).toBe('Aanvrager relatie');
  });
});
