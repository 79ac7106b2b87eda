import { describe, expect, it } from 'vitest';
import {
  AANVRAAG_BIJ_BESLISSER, BEZWAAR_OPEN, MELDING_OPEN, alleenDePersoon, betrokkeneFout, isIntake, magBetrokkenenBeheren, toegangsgrond, type DossierFeiten, type Vrager,
} from './rules.ts';
import { MELDING_STATUSSEN } from '../toegang/index.ts';

const RUUD = 'ruud', RACHIDA = 'rachida', RAVI = 'ravi', TINEKE = 'tineke', TAMARA = 'tamara', BAS = 'bas', FENNA = 'fenna', PIA = 'pia', BO = 'bo';
const DEMODORP = 'team-demodorp', BEEKVELD = 'team-beekveld';

const wie = (gebruikerId: string, rol: string, teamId: string | null = null): Vrager => ({ gebruikerId, rollen: [rol], teamId });
const ruud = wie(RUUD, 'regisseur', DEMODORP);
const rachida = wie(RACHIDA, 'regisseur', DEMODORP);
const ravi = wie(RAVI, 'regisseur', BEEKVELD);
const tineke = wie(TINEKE, 'teamleider', DEMODORP);
const tamara = wie(TAMARA, 'teamleider', BEEKVELD);
const bas = wie(BAS, 'beslisser');
const fenna = wie(FENNA, 'frontoffice');
const pia = wie(PIA, 'privacy');
const bo = wie(BO, 'beleid');

/** A household whose casus Ruud (Wijkteam Demodorp) directs, with nothing else going on. */
const vanRuud = (over: Partial<DossierFeiten> & { casus?: Partial<DossierFeiten['casussen'][number]> } = {}): DossierFeiten => ({
  casussen: [{ regisseurId: RUUD, regisseurTeamId: DEMODORP, procescoordinatorId: null, betrokkenen: [], ...over.casus }],
  aanvraagBijBeslisser: false, bezwaarOpen: false, actieveDoorbraak: false, meldingOpen: true, ...over,
});

describe('need-to-know: wie het dossier van een huishouden ziet', () => {
  it('de eigen casusregisseur ziet het, een andere regisseur van hetzelfde of een ander team niet', () => {
    expect(toegangsgrond(ruud, vanRuud())).toBe('casusregisseur');
    expect(toegangsgrond(rachida, vanRuud())).toBeNull();
    expect(toegangsgrond(ravi, vanRuud())).toBeNull();
  });

  it('een collega die aan de casus is toegevoegd ziet het; na weghalen niet meer', () => {
    expect(toegangsgrond(rachida, vanRuud({ casus: { betrokkenen: [RACHIDA] } }))).toBe('betrokkene');
    expect(toegangsgrond(rachida, vanRuud({ casus: { betrokkenen: [] } }))).toBeNull();
  });

  it('de procescoördinator ziet het', () => {
    expect(toegangsgrond(ravi, vanRuud({ casus: { procescoordinatorId: RAVI } }))).toBe('procescoordinator');
  });

  it('de teamleider van het team van de regisseur ziet het, de teamleider van een ander team niet', () => {
    expect(toegangsgrond(tineke, vanRuud())).toBe('teamleider');
    expect(toegangsgrond(tamara, vanRuud())).toBeNull();
    // A teamleider without a team sees no team's files.
    expect(toegangsgrond({ ...tineke, teamId: null }, vanRuud({ casus: { regisseurTeamId: null } }))).toBeNull();
  });

  it('de beslisser ziet het alleen zolang een aanvraag bij de beslissers ligt of een bezwaar loopt', () => {
    expect(toegangsgrond(bas, vanRuud())).toBeNull();
    expect(toegangsgrond(bas, vanRuud({ aanvraagBijBeslisser: true }))).toBe('beslisser');
    expect(toegangsgrond(bas, vanRuud({ bezwaarOpen: true }))).toBe('bezwaar');
    // The same facts give a regisseur of another household nothing.
    expect(toegangsgrond(rachida, vanRuud({ aanvraagBijBeslisser: true, bezwaarOpen: true }))).toBeNull();
  });

  it('de aanvraag ligt bij de beslissers van indienen tot verzenden; een open bezwaar is nog niet beslist of ingetrokken', () => {
    expect(AANVRAAG_BIJ_BESLISSER).toEqual(['ingediend', 'getoetst', 'beoordeeld', 'besloten']);
    expect(BEZWAAR_OPEN).toEqual(['ontvangen', 'hoorzittingGepland', 'gehoord', 'horenAfgezien', 'advies']);
  });

  it('frontoffice, beleid en privacy officer zien een dossier met een casusregisseur niet', () => {
    for (const v of [fenna, bo, pia]) expect(toegangsgrond(v, vanRuud())).toBeNull();
  });

  it('intake: zolang geen casusregisseur het huishouden heeft, zien frontoffice, regisseurs en teamleiders het', () => {
    const nieuw: DossierFeiten = { casussen: [], aanvraagBijBeslisser: false, bezwaarOpen: false, actieveDoorbraak: false, meldingOpen: true };
    const zonderRegisseur = vanRuud({ casus: { regisseurId: null, regisseurTeamId: null } });
    for (const f of [nieuw, zonderRegisseur]) {
      expect(isIntake(f)).toBe(true);
      expect([fenna, ruud, ravi, tineke, tamara].map((v) => toegangsgrond(v, f))).toEqual(['intake', 'intake', 'intake', 'intake', 'intake']);
      expect([bas, bo, pia].map((v) => toegangsgrond(v, f))).toEqual([null, null, null]);
    }
    expect(isIntake(vanRuud())).toBe(false);
  });

  it('intake eindigt met de melding: na afhandeling bij de triage (enkelvoudig) of afsluiten ziet niemand meer het huishouden op intake', () => {
    const afgehandeld: DossierFeiten = { casussen: [], aanvraagBijBeslisser: false, bezwaarOpen: false, actieveDoorbraak: false, meldingOpen: false };
    const zonderRegisseur = vanRuud({ meldingOpen: false, casus: { regisseurId: null, regisseurTeamId: null } });
    for (const f of [afgehandeld, zonderRegisseur]) {
      expect(isIntake(f)).toBe(false);
      expect([fenna, ruud, ravi, tineke, tamara].map((v) => toegangsgrond(v, f))).toEqual([null, null, null, null, null]);
    }
    // A new melding of the same household opens the intake again.
    expect(toegangsgrond(fenna, { ...afgehandeld, meldingOpen: true })).toBe('intake');
  });

  it('elke meldingstatus is open of afgerond (afgehandeld, afgesloten): een nieuwe status moet hier gekozen worden', () => {
    expect([...MELDING_OPEN, 'afgehandeld', 'afgesloten'].sort()).toEqual([...MELDING_STATUSSEN].sort());
  });

  it('een oude, gesloten casus van een andere regisseur houdt het huishouden uit de intake', () => {
    const f: DossierFeiten = {
      casussen: [{ regisseurId: RUUD, regisseurTeamId: DEMODORP, procescoordinatorId: null, betrokkenen: [] },
        { regisseurId: null, regisseurTeamId: null, procescoordinatorId: null, betrokkenen: [] }],
      aanvraagBijBeslisser: false, bezwaarOpen: false, actieveDoorbraak: false, meldingOpen: true,
    };
    expect(toegangsgrond(fenna, f)).toBeNull();
    expect(toegangsgrond(ruud, f)).toBe('casusregisseur');
  });

  it('een geldige doorbraak (break-glass) opent het dossier voor wie hem heeft, welke rol ook', () => {
    for (const v of [rachida, ravi, fenna, pia]) expect(toegangsgrond(v, vanRuud({ actieveDoorbraak: true }))).toBe('doorbraak');
  });

  it('zonder gebruiker (een systeemtaak) geen relatie-grond', () => {
    expect(toegangsgrond({ gebruikerId: null, rollen: ['regisseur'], teamId: DEMODORP }, vanRuud({ casus: { regisseurId: null } }))).toBe('intake');
    expect(toegangsgrond({ gebruikerId: null, rollen: ['beleid'], teamId: null }, vanRuud())).toBeNull();
  });

  it('met meer rollen telt elke rol', () => {
    expect(toegangsgrond({ gebruikerId: 'x', rollen: ['frontoffice', 'beslisser'], teamId: null }, vanRuud({ aanvraagBijBeslisser: true }))).toBe('beslisser');
  });

  it('de KCC ziet alleen de persoon, regisseur, beslisser en teamleider het hele huishouden', () => {
    expect(alleenDePersoon(['frontoffice'])).toBe(true);
    expect(['regisseur', 'beslisser', 'teamleider'].map((r) => alleenDePersoon([r]))).toEqual([false, false, false]);
    expect(alleenDePersoon(['frontoffice', 'teamleider'])).toBe(false);
    expect(alleenDePersoon([])).toBe(true);
  });
});

describe('betrokkenen van een casus', () => {
  const casusVanRuud = { regisseurId: RUUD, regisseurTeamId: DEMODORP };
  it('de casusregisseur en de teamleider van het team voegen toe; een andere regisseur of teamleider niet', () => {
    expect(magBetrokkenenBeheren(ruud, casusVanRuud)).toBe(true);
    expect(magBetrokkenenBeheren(tineke, casusVanRuud)).toBe(true);
    expect(magBetrokkenenBeheren(rachida, casusVanRuud)).toBe(false);
    expect(magBetrokkenenBeheren(tamara, casusVanRuud)).toBe(false);
    expect(magBetrokkenenBeheren(bas, casusVanRuud)).toBe(false);
  });

  it('zolang niemand de casus heeft, voegt elke teamleider toe (maar geen regisseur)', () => {
    const zonder = { regisseurId: null, regisseurTeamId: null };
    expect(magBetrokkenenBeheren(tamara, zonder)).toBe(true);
    expect(magBetrokkenenBeheren(ruud, zonder)).toBe(false);
  });

  it('alleen een actieve collega uit het team van de casus, niet de regisseur zelf', () => {
    const casus = { regisseurId: RUUD, teamId: DEMODORP };
    expect(betrokkeneFout({ id: RACHIDA, actief: true, teamId: DEMODORP }, casus)).toBeNull();
    expect(betrokkeneFout({ id: RAVI, actief: true, teamId: BEEKVELD }, casus)).toBe('Voeg alleen een collega uit het team van de casus toe');
    expect(betrokkeneFout({ id: BAS, actief: true, teamId: null }, casus)).toBe('Voeg alleen een collega uit het team van de casus toe');
    expect(betrokkeneFout({ id: RACHIDA, actief: false, teamId: DEMODORP }, casus)).toBe('Kies een actieve medewerker');
    expect(betrokkeneFout(undefined, casus)).toBe('Kies een actieve medewerker');
    expect(betrokkeneFout({ id: RUUD, actief: true, teamId: DEMODORP }, casus)).toBe('Dit is de casusregisseur zelf');
    expect(betrokkeneFout({ id: RACHIDA, actief: true, teamId: DEMODORP }, { regisseurId: null, teamId: null })).toBe('Voeg alleen een collega uit het team van de casus toe');
  });
});
