import { describe, expect, it } from 'vitest';
import {
  BEGINSTATUS, MELDING_STATUSSEN, casusNummer, controleerOverdracht, isAfgerond, kanaalVereist, meldingNummer, meldingTransities,
  termijnenBijMelding, transitie, triageNaarStatus,
} from './rules.ts';
import {
  KANALEN, SIGNAALBRONNEN, TRIAGE_UITKOMSTEN, VERWIJZERS, WETTEN, kanaalNaam, signaalBronNaam, statusNaam, verwijzerNaam, wetNaam,
} from './rules.ts';

describe('statusverloop van een melding', () => {
  it('begint elke melding met de status gemeld', () => {
    expect(BEGINSTATUS).toBe('gemeld');
  });

  it('staat de gelukkige paden toe: gemeld → direct afgehandeld, gemeld → in onderzoek → afgesloten, gemeld → afgesloten', () => {
    expect(transitie('gemeld', 'afgehandeld').ok).toBe(true);
    expect(transitie('gemeld', 'inOnderzoek').ok).toBe(true);
    expect(transitie('inOnderzoek', 'afgesloten').ok).toBe(true);
    expect(transitie('gemeld', 'afgesloten').ok).toBe(true);
  });

  it('triage enkelvoudig sluit de melding direct af; onderzoek zet haar in onderzoek', () => {
    expect(triageNaarStatus.enkelvoudig).toBe('afgehandeld');
    expect(triageNaarStatus.onderzoek).toBe('inOnderzoek');
    expect(isAfgerond('afgehandeld')).toBe(true);
    expect(isAfgerond('inOnderzoek')).toBe(false);
  });

  it('weigert elke overgang die niet in de tabel staat, met een Nederlandse reden', () => {
    for (const van of MELDING_STATUSSEN) {
      for (const naar of MELDING_STATUSSEN) {
        const uitkomst = transitie(van, naar);
        expect(uitkomst.ok).toBe(meldingTransities[van].includes(naar));
        if (!uitkomst.ok) expect(uitkomst.reden).toMatch(/kan niet naar/);
      }
    }
  });

  it('laat een afgesloten of direct afgehandelde melding nergens meer heen gaan', () => {
    expect(meldingTransities.afgesloten).toEqual([]);
    expect(meldingTransities.afgehandeld).toEqual([]);
  });
});

describe('meldingnummer', () => {
  it('geeft een nummer dat een inwoner kan noemen: M-jaar-volgnummer', () => {
    expect(meldingNummer(2026, 42)).toBe('M-2026-000042');
  });
});

describe('kanalen, termijnen bij een melding en overdracht', () => {
  it('een verwijzing vraagt om de verwijzer, vroegsignalering om de bron; andere kanalen om niets extra', () => {
    expect(kanaalVereist('verwijzing')).toBe('verwijzer');
    expect(kanaalVereist('vroegsignalering')).toBe('signaal');
    for (const k of ['balie', 'telefoon', 'email', 'online'] as const) expect(kanaalVereist(k)).toBeNull();
  });

  it('een Wmo-melding start de onderzoekstermijn; schuldhulp het eerste gesprek, met spoed bij dreigende uitzetting', () => {
    expect(termijnenBijMelding('wmo', false)).toEqual(['onderzoek']);
    expect(termijnenBijMelding('schuldhulp', false)).toEqual(['eersteGesprek']);
    expect(termijnenBijMelding('schuldhulp', true)).toEqual(['eersteGesprekSpoed']);
    for (const w of ['jeugdwet', 'participatiewet', 'minima', 'onbekend'] as const) expect(termijnenBijMelding(w, false)).toEqual([]);
  });

  it('een casus gaat alleen over naar een andere, actieve casusregisseur', () => {
    const r2 = { id: 'r2', rollen: ['regisseur'], actief: true };
    expect(controleerOverdracht('r1', r2)).toBeNull();
    expect(controleerOverdracht(null, r2)).toBeNull();
    expect(controleerOverdracht('r2', r2)).toBe('zelfde-regisseur');
    expect(controleerOverdracht('r1', { ...r2, actief: false })).toBe('geen-regisseur');
    expect(controleerOverdracht('r1', { ...r2, rollen: ['beslisser'] })).toBe('geen-regisseur');
    expect(controleerOverdracht('r1', undefined)).toBe('geen-regisseur');
  });

  it('een casusnummer is C-jaar-volgnummer', () => {
    expect(casusNummer(2026, 7)).toBe('C-2026-000007');
  });
});

describe('toegang: de randen', () => {
  it('een geweigerde overgang noemt beide statussen in woorden', () => {
    expect(transitie('afgesloten', 'gemeld')).toEqual({ ok: false, reden: "Een melding met status 'Afgesloten' kan niet naar 'Gemeld'." });
    expect(transitie('gemeld', 'inOnderzoek')).toEqual({ ok: true, van: 'gemeld', naar: 'inOnderzoek' });
    expect(meldingTransities.gemeld).toEqual(['afgehandeld', 'inOnderzoek', 'afgesloten']);
    expect(meldingTransities.inOnderzoek).toEqual(['afgesloten']);
  });

  it('afgerond zijn alleen direct afgehandeld en afgesloten', () => {
    expect(MELDING_STATUSSEN.filter(isAfgerond)).toEqual(['afgehandeld', 'afgesloten']);
  });

  it('nummers hebben zes cijfers met voorloopnullen, en groeien mee boven een miljoen', () => {
    expect(meldingNummer(2026, 1)).toBe('M-2026-000001');
    expect(meldingNummer(2026, 123456)).toBe('M-2026-123456');
    expect(meldingNummer(2026, 1234567)).toBe('M-2026-1234567');
    expect(casusNummer(2027, 999999)).toBe('C-2027-999999');
  });

  it('wetten, kanalen, statussen, verwijzers en signaalbronnen met hun Nederlandse naam', () => {
    expect(WETTEN.map((w) => `${w}:${wetNaam[w]}`)).toEqual([
      'wmo:Wmo 2015', 'jeugdwet:Jeugdwet', 'participatiewet:Participatiewet', 'schuldhulp:Schuldhulpverlening', 'minima:Minimabeleid',
      'onbekend:Nog onbekend',
    ]);
    expect(KANALEN.map((k) => `${k}:${kanaalNaam[k]}`)).toEqual([
      'balie:Balie', 'telefoon:Telefoon', 'email:E-mail', 'online:Online formulier', 'verwijzing:Verwijzing door professional',
      'vroegsignalering:Vroegsignalering',
    ]);
    expect(MELDING_STATUSSEN.map((s) => `${s}:${statusNaam[s]}`)).toEqual([
      'gemeld:Gemeld', 'afgehandeld:Direct afgehandeld', 'inOnderzoek:In onderzoek', 'afgesloten:Afgesloten',
    ]);
    expect(VERWIJZERS.map((v) => `${v}:${verwijzerNaam[v]}`)).toEqual([
      'huisarts:Huisarts', 'school:School', 'wijkteam:Wijkteam', 'woningcorporatie:Woningcorporatie', 'anders:Andere professional',
    ]);
    expect(SIGNAALBRONNEN.map((b) => `${b}:${signaalBronNaam[b]}`)).toEqual([
      'woningcorporatie:Woningcorporatie (huurachterstand)', 'energieleverancier:Energieleverancier', 'drinkwaterbedrijf:Drinkwaterbedrijf',
      'zorgverzekeraar:Zorgverzekeraar', 'anders:Andere bron',
    ]);
    expect(TRIAGE_UITKOMSTEN).toEqual(['enkelvoudig', 'onderzoek']);
  });

  it('een overdracht naar een actieve regisseur met meer rollen mag; een inactieve huidige regisseur herkiezen niet', () => {
    expect(controleerOverdracht('r1', { id: 'r2', rollen: ['beslisser', 'regisseur'], actief: true })).toBeNull();
    expect(controleerOverdracht('r2', { id: 'r2', rollen: ['regisseur'], actief: false })).toBe('geen-regisseur');
  });
});
