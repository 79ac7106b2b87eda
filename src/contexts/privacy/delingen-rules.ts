/**
 * Delen met partners: the pure rules. Which grounds exist (AVG art. 6/9), who may give consent for
 * whom, and whether a recorded ground covers a share (verstrekking) to this partner, for this
 * purpose, on this day. No I/O: the use cases in delingen.ts call these.
 */

export const GRONDSLAG_SOORTEN = ['toestemming', 'wettelijkeTaak', 'wettelijkeVerplichting', 'vitaalBelang'] as const;
export type GrondslagSoort = (typeof GRONDSLAG_SOORTEN)[number];

export const grondslagSoortNaam: Record<GrondslagSoort, string> = {
  toestemming: 'Toestemming',
  wettelijkeTaak: 'Wettelijke taak',
  wettelijkeVerplichting: 'Wettelijke verplichting',
  vitaalBelang: 'Vitaal belang',
};

/** The article of the AVG each ground rests on (art. 9 lid 2 for special categories such as health). */
export const grondslagAvg: Record<GrondslagSoort, string> = {
  toestemming: 'AVG art. 6 lid 1 sub a en art. 9 lid 2 sub a',
  wettelijkeTaak: 'AVG art. 6 lid 1 sub e en art. 9 lid 2 sub g/h',
  wettelijkeVerplichting: 'AVG art. 6 lid 1 sub c en art. 9 lid 2 sub g',
  vitaalBelang: 'AVG art. 6 lid 1 sub d en art. 9 lid 2 sub c',
};

/** Legal articles a case worker commonly names; suggestions only, any article may be typed. */
export const BEKENDE_WETSARTIKELEN = [
  'Wmo 2015 art. 5.1.1 (gegevensverwerking voor het onderzoek en de maatwerkvoorziening)',
  'Wmo 2015 art. 5.2.6 (meldrecht bij Veilig Thuis, meldcode)',
  'Jeugdwet art. 7.3.11 (meldrecht van de jeugdhulpverlener bij Veilig Thuis)',
  'Jeugdwet art. 7.4.0 (gegevensverwerking door het college voor de jeugdhulp)',
] as const;

export const PARTNER_SOORTEN = ['aanbieder', 'skt', 'veiligThuis', 'school', 'huisarts', 'bewindvoerder', 'woningcorporatie', 'anders'] as const;
export type PartnerSoort = (typeof PARTNER_SOORTEN)[number];

export const partnerSoortNaam: Record<PartnerSoort, string> = {
  aanbieder: 'Aanbieder van zorg of ondersteuning',
  skt: 'Sociaal Kernteam',
  veiligThuis: 'Veilig Thuis',
  school: 'School',
  huisarts: 'Huisarts',
  bewindvoerder: 'Bewindvoerder',
  woningcorporatie: 'Woningcorporatie',
  anders: 'Andere partner',
};

export const DOELEN = ['uitvoeringVoorziening', 'afstemmingHulp', 'veiligheid', 'onderwijs', 'medischeZorg', 'financien', 'wonen'] as const;
export type Doel = (typeof DOELEN)[number];

export const doelNaam: Record<Doel, string> = {
  uitvoeringVoorziening: 'Uitvoering van de voorziening of hulp',
  afstemmingHulp: 'Afstemming van de hulp (overleg, één plan)',
  veiligheid: 'Veiligheid: advies of melding',
  onderwijs: 'Ondersteuning op school',
  medischeZorg: 'Medische zorg en afstemming met de huisarts',
  financien: 'Geldzaken en schuldhulp',
  wonen: 'Wonen en huisvesting',
};

/** Who gave consent: the person, or a legal representative recorded at the household. */
export const TOESTEMMING_GEVERS = ['zelf', 'ouder', 'curator', 'mentor', 'bewindvoerder'] as const;
export type ToestemmingGever = (typeof TOESTEMMING_GEVERS)[number];

export const toestemmingGeverNaam: Record<ToestemmingGever, string> = {
  zelf: 'de inwoner zelf', ouder: 'ouder met gezag', curator: 'curator', mentor: 'mentor', bewindvoerder: 'bewindvoerder',
};

/**
 * Below this age consent is given by whoever holds gezag (UAVG art. 5: "indien de betrokkene de
 * leeftijd van zestien jaren nog niet heeft bereikt").
 */
export const TOESTEMMINGSLEEFTIJD = 16;

/** A partner in the scope: every partner of a soort, or (with naam) one named partner of it. */
export interface ScopePartner { soort: PartnerSoort; naam?: string | null | undefined }
export interface Partner { soort: PartnerSoort; naam: string }

export interface GrondslagFeiten {
  soort: GrondslagSoort;
  datum: string;
  geldigTot: string | null;
  ingetrokkenOp: string | null;
  partners: readonly ScopePartner[];
  doelen: readonly Doel[];
}

export type GrondslagStatus = 'geldig' | 'ingetrokken' | 'verlopen' | 'nogNietGeldig';

export const grondslagStatusNaam: Record<GrondslagStatus, string> = {
  geldig: 'Geldig', ingetrokken: 'Ingetrokken', verlopen: 'Verlopen', nogNietGeldig: 'Nog niet geldig',
};

/** 'YYYY-MM-DD' strings compare as dates. */
export function grondslagStatus(g: Pick<GrondslagFeiten, 'datum' | 'geldigTot' | 'ingetrokkenOp'>, peildatum: string): GrondslagStatus {
  if (g.ingetrokkenOp !== null) return 'ingetrokken';
  if (g.geldigTot !== null && peildatum > g.geldigTot) return 'verlopen';
  if (peildatum < g.datum) return 'nogNietGeldig';
  return 'geldig';
}

/** Names compare without case and surrounding or doubled spaces: "Zorg  Thuis " is "zorg thuis". */
const gelijkeNaam = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

export function dektPartner(scope: readonly ScopePartner[], partner: Partner): boolean {
  return scope.some((s) => s.soort === partner.soort && (!s.naam?.trim() || gelijkeNaam(s.naam, partner.naam)));
}

export type Beoordeling =
  | { ok: true }
  | { ok: false; reden: 'ingetrokken' | 'verlopen' | 'nogNietGeldig' | 'partnerBuitenScope' | 'doelBuitenScope'; uitleg: string };

/**
 * Does this ground carry a share to `partner` for `doel` on `datum`? A withdrawn consent carries no
 * new share at all, whatever its date: withdrawal is meant to stop sharing from now on.
 */
export function beoordeelVerstrekking(g: GrondslagFeiten, v: { partner: Partner; doel: Doel; datum: string }): Beoordeling {
  const status = grondslagStatus(g, v.datum);
  if (status === 'ingetrokken') {
    return { ok: false, reden: 'ingetrokken', uitleg: `Deze toestemming is ingetrokken op ${nlDatum(g.ingetrokkenOp!)}. Zonder nieuwe toestemming of een andere grondslag mag er niets meer worden gedeeld.` };
  }
  if (status === 'verlopen') {
    return { ok: false, reden: 'verlopen', uitleg: `Deze ${g.soort === 'toestemming' ? 'toestemming' : 'grondslag'} gold tot en met ${nlDatum(g.geldigTot!)}. Leg een nieuwe grondslag vast.` };
  }
  if (status === 'nogNietGeldig') {
    return { ok: false, reden: 'nogNietGeldig', uitleg: `Deze grondslag geldt pas vanaf ${nlDatum(g.datum)}; de verstrekking is eerder.` };
  }
  if (!dektPartner(g.partners, v.partner)) {
    return { ok: false, reden: 'partnerBuitenScope', uitleg: `Deze grondslag geldt niet voor ${v.partner.naam} (${partnerSoortNaam[v.partner.soort]}). Hij geldt voor: ${scopePartnersTekst(g.partners)}.` };
  }
  if (!g.doelen.includes(v.doel)) {
    return { ok: false, reden: 'doelBuitenScope', uitleg: `Deze grondslag geldt niet voor het doel "${doelNaam[v.doel]}". Hij geldt voor: ${g.doelen.map((d) => doelNaam[d].toLocaleLowerCase('nl')).join('; ')}.` };
  }
  return { ok: true };
}

export function scopePartnersTekst(scope: readonly ScopePartner[]): string {
  return scope.map((s) => (s.naam?.trim() ? `${s.naam.trim()} (${partnerSoortNaam[s.soort]})` : `${partnerSoortNaam[s.soort]} (iedere partner van deze soort)`)).join('; ');
}

export interface Veldfout { veld: string; reden: string }

/**
 * What a ground must say besides its scope: consent names who gave it; a legal task or obligation
 * names its article; a vital interest says why there was no time or way to ask. Returns every
 * missing or contradictory field at once, so the form can show them together.
 */
export function controleerGrondslag(g: {
  soort: GrondslagSoort; gegevenDoor?: { relatie: ToestemmingGever } | null | undefined; wetsartikel?: string | null | undefined;
  toelichting?: string | null | undefined; datum: string; geldigTot?: string | null | undefined;
}, vandaag: string): Veldfout[] {
  const fouten: Veldfout[] = [];
  if (g.soort === 'toestemming' && !g.gegevenDoor) fouten.push({ veld: 'gegevenDoor.relatie', reden: 'Zeg wie de toestemming gaf: de inwoner zelf of een wettelijk vertegenwoordiger' });
  if (g.soort !== 'toestemming' && g.gegevenDoor) fouten.push({ veld: 'gegevenDoor', reden: 'Alleen bij toestemming geeft iemand de grondslag' });
  if ((g.soort === 'wettelijkeTaak' || g.soort === 'wettelijkeVerplichting') && !g.wetsartikel?.trim()) {
    fouten.push({ veld: 'wetsartikel', reden: 'Noem het wetsartikel, bijvoorbeeld Wmo 2015 art. 5.2.6' });
  }
  if (g.soort === 'vitaalBelang' && !g.toelichting?.trim()) fouten.push({ veld: 'toelichting', reden: 'Licht toe waarom het vitaal belang van de inwoner het delen nodig maakte' });
  if (g.datum > vandaag) fouten.push({ veld: 'datum', reden: 'De datum ligt in de toekomst' });
  if (g.geldigTot && g.geldigTot < g.datum) fouten.push({ veld: 'geldigTot', reden: 'Geldig tot ligt vóór de datum van de grondslag' });
  return fouten;
}

/**
 * Who may consent for a person of this age: under 16 a parent with gezag (UAVG art. 5); from 16 the
 * person, or a curator or mentor; a bewindvoerder only about money (doel financien). `bekend`: the
 * representatives recorded for the person. Null when allowed, else the reason.
 */
export function toestemmingGeverFout(gever: ToestemmingGever, leeftijd: number, bekend: readonly ToestemmingGever[], doelen: readonly Doel[]): string | null {
  if (leeftijd < TOESTEMMINGSLEEFTIJD) {
    if (gever !== 'ouder') return `De inwoner is jonger dan ${TOESTEMMINGSLEEFTIJD}: toestemming geeft een ouder met gezag (UAVG art. 5).`;
    if (!bekend.includes('ouder')) return 'Bij deze inwoner staat geen ouder met gezag. Leg het gezag eerst vast bij het huishouden.';
    return null;
  }
  if (gever === 'zelf') return null;
  if (gever === 'ouder') return `De inwoner is ${TOESTEMMINGSLEEFTIJD} of ouder en geeft zelf toestemming (of een curator of mentor).`;
  if (!bekend.includes(gever)) return `Bij deze inwoner staat geen ${gever}. Leg die eerst vast bij het huishouden.`;
  if (gever === 'bewindvoerder' && doelen.some((d) => d !== 'financien')) return 'Een bewindvoerder geeft alleen toestemming over geldzaken; kies alleen het doel "Geldzaken en schuldhulp".';
  return null;
}

/**
 * The share may not be dated in the future (it records what happened) nor before the ground.
 */
export function controleerVerstrekkingDatum(datum: string, vandaag: string): Veldfout | null {
  if (datum > vandaag) return { veld: 'datum', reden: 'Een verstrekking legt vast wat al is gedeeld: de datum ligt in de toekomst' };
  return null;
}

/** A withdrawal takes effect on a day not before the consent itself, and not in the future. */
export function controleerIntrekking(g: { soort: GrondslagSoort; datum: string; ingetrokkenOp: string | null }, datum: string, vandaag: string): { code: 'nietIntrekbaar' | 'alIngetrokken' | 'datum'; reden: string } | null {
  if (g.soort !== 'toestemming') return { code: 'nietIntrekbaar', reden: `Alleen toestemming kan worden ingetrokken; een ${grondslagSoortNaam[g.soort].toLocaleLowerCase('nl')} niet.` };
  if (g.ingetrokkenOp !== null) return { code: 'alIngetrokken', reden: `Deze toestemming is al ingetrokken op ${nlDatum(g.ingetrokkenOp)}.` };
  if (datum > vandaag) return { code: 'datum', reden: 'De datum van intrekking ligt in de toekomst' };
  if (datum < g.datum) return { code: 'datum', reden: 'De datum van intrekking ligt vóór de datum van de toestemming' };
  return null;
}

export function nlDatum(iso: string): string {
  const [j, m, d] = iso.split('-');
  return `${d}-${m}-${j}`;
}
