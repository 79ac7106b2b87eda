/**
 * Berichten rules (pure): the iWmo/iJw 3.2 codes, which toewijzingen a 301 carries (OP087), the reason
 * of a change (WMO002), and the rules across messages a start (305) or stop (307) is checked against
 * (TR019, TR326, TR074, TR063, TR071, OP072/TR382, TR413–TR415). The XML itself is built in xml.ts.
 */
import { laatsteDagVanMaand } from '../../platform/time.ts';

export const STANDAARDEN = ['iwmo', 'ijw'] as const;
export type Standaard = (typeof STANDAARDEN)[number];
export const SOORTEN = ['301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325'] as const;
export type Soort = (typeof SOORTEN)[number];
export const isSoort = (v: string): v is Soort => (SOORTEN as readonly string[]).includes(v);

/** Only Wmo and Jeugdwet provisions travel as messages. */
export function standaardVanWet(wet: string): Standaard | null {
  if (wet === 'wmo') return 'iwmo';
  if (wet === 'jeugdwet') return 'ijw';
  return null;
}
export const standaardNaam: Record<Standaard, string> = { iwmo: 'iWmo 3.2', ijw: 'iJw 3.2' };

/** Vektis BerichtCode (COD002) per standard and message: the platform's table, as the XSDs fix them. */
export { BERICHTCODE } from '../../platform/xml/scheidsrechter.ts';

/** The retour that answers each message a provider sends or receives. */
export const RETOUR_VAN: Partial<Record<Soort, Soort>> = { 301: '302', 305: '306', 307: '308', 315: '316', 317: '318', 319: '320', 323: '325' };
/** What a provider may deliver to the gemeente (the others the gemeente sends). */
export const VAN_AANBIEDER: readonly Soort[] = ['302', '305', '307', '315', '317', '320', '323'];

export const soortNaam: Record<Soort, string> = {
  301: 'Toewijzing', 302: 'Retour toewijzing', 305: 'Start zorg', 306: 'Retour start zorg', 307: 'Stop zorg', 308: 'Retour stop zorg',
  315: 'Verzoek om toewijzing', 316: 'Retour verzoek om toewijzing', 317: 'Verzoek om wijziging', 318: 'Retour verzoek om wijziging',
  319: 'Antwoord op verzoek', 320: 'Retour antwoord', 323: 'Declaratie', 325: 'Declaratie-antwoord',
};

export const berichtNamespace = (std: Standaard, soort: Soort): string => `http://www.istandaarden.nl/${std}/3_2/${std === 'iwmo' ? 'wmo' : 'jw'}${soort}/schema`;
export const basisNamespace = (std: Standaard): string => `http://www.istandaarden.nl/${std}/3_2/basisschema/schema`;
export const berichtPrefix = (std: Standaard, soort: Soort): string => `${std === 'iwmo' ? 'wmo' : 'jw'}${soort}`;

/** WJ001 retourcodes Eenvoud gives, with their Dutch text (the code list's). */
export const RETOURCODES: Readonly<Record<string, string>> = {
  '0001': 'Bericht is afgekeurd om technische redenen.',
  '0200': 'Geen opmerking over deze berichtklasse.',
  '0233': 'Berichtklasse is niet beoordeeld.',
  '8848': 'Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.',
  '9056': 'Identificatie moet uniek zijn.',
  '9019': 'Het regiebericht kan niet gekoppeld worden aan een toewijzing.',
  '9063': 'Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is.',
  '9069': 'Er is geen actueel startbericht met dezelfde sleutel.',
  '9071': 'Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beëindigd is.',
  '9074': 'Er is al een eerder bericht ontvangen met dezelfde sleutel.',
  '9326': 'De actuele levering is nog niet gestopt met een stopbericht.',
  '9413': 'Er is al een tijdelijke stop (reden 20) voor deze levering.',
  '9414': 'De einddatum ligt vóór de einddatum van de actuele stop.',
  '9415': 'Er is al een stop voor deze levering.',
  '9332': 'Toewijzing heeft geen uniek nummer binnen wettelijk domein.',
  '9347': 'ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein.',
  '9349': 'Het verzoek om wijziging bevat niet alle actuele toegewezen producten van de cliënt.',
  '9350': 'OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product.',
  '9351': 'TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing.',
  '9357': 'GewensteIngangsdatum ligt niet na de dagtekening en is niet gelijk aan de ingangsdatum van de toewijzing.',
  '9373': 'Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing.',
  '9374': 'Er is al een verzoek onderhanden.',
  '9411': 'Omvang is leeg, terwijl Code in Product bij de toewijzing gevuld is.',
  '9412': 'Omvang is niet leeg, terwijl Code in Product bij de toewijzing leeg is.',
  '0611': 'Het ingediende tarief komt niet overeen met het contractuele tarief.',
  '8001': 'Declaratie is volledig toegewezen.',
  '8017': 'Van deze credit prestatie is geen debet prestatie bekend.',
  '8021': 'Referentienummer prestatie is reeds aangeleverd.',
  '9307': 'Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.',
  '9308': 'Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing.',
  '9319': 'De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.',
  '9321': 'Het ingediende volume overschrijdt het toegewezen volume.',
  '9322': 'De som van de ingediende volumes overschrijdt het toegewezen volume.',
  '9333': 'Declaratienummer is niet uniek.',
  '9338': 'De prestatie is niet gerelateerd aan een toegewezen product op basis van het toewijzingnummer.',
  '9339': 'ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.',
  '9340': 'ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.',
  '9341': 'Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct.',
  '9369': 'De som van de ingediende prestaties past niet binnen het toegewezen budget.',
  '9384': 'Declaratie op toewijzing met RedenWijziging 13 (Verwijderd).',
  '9387': 'Begindatum van de ProductPeriode is niet de eerste dag van de kalendermaand (en de toewijzing begint niet later in die maand).',
  '9388': 'Einddatum van de ProductPeriode is niet de laatste dag van de kalendermaand (en de toewijzing eindigt niet eerder in die maand).',
  '9389': 'Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie.',
};
export const retourcodeTekst = (code: string): string => RETOURCODES[code] ?? `Retourcode ${code}`;
/** Codes that say "no remark": a message or product with only these is accepted. */
export const GOED: readonly string[] = ['0200', '8001'];
export const isAfgekeurd = (codes: readonly string[]): boolean => codes.some((c) => !GOED.includes(c));

// ————— Toewijzing (301) —————

export interface Omvang { volume: number; eenheid: string; frequentie: string }
/** What a 301 says about one assigned product; also the snapshot kept to see what changed. */
export interface ToewijzingInhoud {
  nummer: number;
  categorie: string;
  code: string | null;
  toewijzingsdatum: string;
  toewijzingstijd: string;
  ingangsdatum: string;
  einddatum: string | null;
  redenWijziging: string | null;
  omvang: Omvang | null;
  budgetCents: number | null;
  /** The provider's reference of the verzoek (315/317) this toewijzing answers (TR379); absent in snapshots from before. */
  referentieAanbieder?: string | null;
}

/**
 * The message's volume is a whole number (LDT_Volume). A decision of 2.5 hours a week travels as
 * 150 minutes (WJ756 01), as the code list's units allow; other fractions round to the nearest unit.
 */
export function omvangVoorBericht(volume: number, eenheid: string | null, frequentie: string | null): Omvang | null {
  if (!eenheid || !frequentie) return null;
  if (Number.isInteger(volume)) return { volume, eenheid, frequentie };
  if (eenheid === '04') return { volume: Math.round(volume * 60), eenheid: '01', frequentie };
  return { volume: Math.round(volume), eenheid, frequentie };
}

/** WMO588/JZ588 reason of an end onto WMO002 reden wijziging toewijzing. */
export function redenWijzigingBijEinde(redenBeeindiging: string | null, status: string): string {
  if (status === 'ingetrokken') return '13';
  if (status === 'vervangen' || redenBeeindiging === 'herziening') return '05';
  switch (redenBeeindiging) {
    case '02': return '02';
    case '31': return '07';
    case '38': return '09';
    case '39': return '06';
    case '19': case '21': case '22': case '23': case '32': case '33': case '34': case '35': case '37': return '12';
    default: return '05';
  }
}

/** The fields that make a toewijzing what it is; the reason and the moment of a change follow from a change. */
const inhoud = (t: ToewijzingInhoud) => [t.nummer, t.categorie, t.code, t.ingangsdatum, t.einddatum, t.omvang?.volume ?? null, t.omvang?.eenheid ?? null, t.omvang?.frequentie ?? null, t.budgetCents, t.referentieAanbieder ?? null];

/**
 * Has this product changed since the last 301 (or was it never sent)? Compared field by field: the
 * snapshot comes back from jsonb, whose key order is not ours.
 */
export function isGewijzigd(nu: ToewijzingInhoud, verstuurd: ToewijzingInhoud | null): boolean {
  if (!verstuurd) return true;
  const a = inhoud(nu);
  const b = inhoud(verstuurd);
  return a.some((x, i) => x !== b[i]);
}

/**
 * OP087: a 301 for one client and one provider carries every toewijzing valid on or after the day of
 * the message, plus every toewijzing changed since the previous 301. Null when nothing changed: no message.
 */
export function regelsVoor301<T extends { nu: ToewijzingInhoud; verstuurd: ToewijzingInhoud | null }>(alle: readonly T[], dagtekening: string): T[] | null {
  if (!alle.some((t) => isGewijzigd(t.nu, t.verstuurd))) return null;
  // A removed toewijzing (13: einddatum equal to ingangsdatum) is not current, whatever its dates say.
  return alle.filter((t) => isGewijzigd(t.nu, t.verstuurd) || (t.nu.redenWijziging !== '13' && (t.nu.einddatum === null || t.nu.einddatum >= dagtekening)))
    .sort((a, b) => a.nu.nummer - b.nu.nummer);
}

/** Splits "12a", "12 A", "12-2", "12 bis" into the message's Huisnummer, Huisletter and toevoeging. */
export function splitsHuisnummer(tekst: string): { huisnummer: number; huisletter: string | null; toevoeging: string | null } | null {
  const m = /^\s*(\d{1,5})\s*([a-zA-Z](?![a-zA-Z]))?\s*[-/ ]?\s*(.{0,4})\s*$/.exec(tekst);
  if (!m) return null;
  const toevoeging = m[3]?.trim() || null;
  return { huisnummer: Number(m[1]), huisletter: m[2] ? m[2].toUpperCase() : null, toevoeging };
}

/** Voorletters from the given names ("Anna Maria" → "AM"), at most 6 as LDT_Voorletters allows. */
export const voorletters = (voornamen: string): string => voornamen.split(/[\s-]+/).filter(Boolean).map((n) => n[0]!.toUpperCase()).join('').slice(0, 6);

/** A message identification: at most 12 characters, unique per sender and kind (TR056). */
export const identificatie = (volgnummer: number): string => `EV${String(volgnummer).padStart(10, '0')}`;

// ————— Start (305) and stop (307), checked against our own data —————

/** What we know of one toewijzing when a start or stop about it arrives. */
export interface ToewijzingStand {
  nummer: number;
  ingangsdatum: string;
  einddatum: string | null;
  /** The current start (305) and stop (307). */
  startBegindatum: string | null;
  stopEinddatum: string | null;
  stopReden: string | null;
}

export interface StartProduct { toewijzingNummer: number | null; ingangsdatum: string | null; begindatum: string; statusAanlevering: string }
export interface StopProduct extends StartProduct { einddatum: string; redenBeeindiging: string }

/** The retourcodes of one StartProduct; empty when it may be applied. */
export function controleerStart(p: StartProduct, t: ToewijzingStand | undefined): string[] {
  if (!t || p.toewijzingNummer === null) return ['9019'];                               // TR019
  if (p.statusAanlevering === '3') {
    if (t.startBegindatum === null || t.startBegindatum !== p.begindatum) return ['9063']; // TR063
    if (t.stopEinddatum !== null) return ['9071'];                                          // TR071
    return [];
  }
  if (t.startBegindatum !== null) {
    if (t.startBegindatum === p.begindatum) return ['9074'];                                // TR074
    if (t.stopEinddatum === null) return ['9326'];                                          // TR326
  }
  if (p.begindatum < t.ingangsdatum || (t.einddatum !== null && p.begindatum > t.einddatum)) return ['9019'];
  return [];
}

/** The retourcodes of one StopProduct; empty when it may be applied. */
export function controleerStop(p: StopProduct, t: ToewijzingStand | undefined): string[] {
  if (!t || p.toewijzingNummer === null) return ['9019'];                                // TR019
  // OP072 / TR382: a stop needs the current start, with the same key (toewijzing and begindatum).
  if (t.startBegindatum === null || t.startBegindatum !== p.begindatum) return ['9069'];
  if (p.statusAanlevering === '3') return t.stopEinddatum === null ? ['9063'] : [];       // TR063
  if (t.stopEinddatum !== null) {
    if (t.stopReden !== '20') return ['9415'];                                               // TR415
    if (p.redenBeeindiging === '20') return ['9413'];                                        // TR413
    if (p.einddatum < t.stopEinddatum) return ['9414'];                                      // TR414
  }
  // An end before the begin cannot be (the XSD and stylesheet do not catch it across elements): technically refused.
  if (p.einddatum < p.begindatum) return ['0001'];
  return [];
}

// ————— Verzoeken van aanbieders (315, 317) and the antwoord (319) —————

export const VERZOEK_STATUSSEN = ['open', 'in_onderzoek', 'toegewezen', 'afgewezen'] as const;
export type VerzoekStatus = (typeof VERZOEK_STATUSSEN)[number];
export const verzoekStatusNaam: Record<VerzoekStatus, string> = { open: 'Open', in_onderzoek: 'In onderzoek', toegewezen: 'Toegewezen', afgewezen: 'Afgewezen' };
export const OPEN_VERZOEK: readonly VerzoekStatus[] = ['open', 'in_onderzoek'];
/** WJ758. */
export const REDENEN_VERZOEK: Readonly<Record<string, string>> = { 1: 'Verandering cliëntsituatie', 2: 'Wijziging zorgplan' };
/** WJ759 (the same list in iWmo and iJw 3.2). */
export const REDENEN_AFWIJZING: Readonly<Record<string, string>> = {
  1: 'Geen wijziging, maar nieuwe aanvraag', 2: 'Past niet binnen budget', 3: 'Geen contract', 4: 'Past niet binnen contract', 5: 'Andere gemeente',
  6: 'Stapeling', 7: 'Zorginhoudelijke afkeur', 8: 'Woonplaatsbeginsel', 9: 'Leeftijdsgrens is bereikt',
};
/** OP274/OP346: an answer (301 or 319) within 5 werkdagen; "in onderzoek" (319, WJ760 2) gives 8 weeks from the request's dagtekening. */
export const ANTWOORD_WERKDAGEN = 5;
export const ONDERZOEK_WEKEN = 8;

/** Which answers a verzoek still allows: TR360 (one "in onderzoek"), TR359/TR365 (nothing after a final answer). */
export function antwoordToegestaan(status: VerzoekStatus, antwoord: 'onderzoek' | 'afwijzen' | 'toewijzen'): string | null {
  if (status === 'toegewezen' || status === 'afgewezen') return `Dit verzoek is al beantwoord (${verzoekStatusNaam[status].toLowerCase()}).`;
  if (antwoord === 'onderzoek' && status === 'in_onderzoek') return 'Dit verzoek is al in onderzoek; een tweede keer "in onderzoek" kan niet. Wijs het toe of wijs het af.';
  return null;
}

export interface Omvang317 { volume: number; eenheid: string; frequentie: string }
export interface TeWijzigen { toewijzingNummer: number; gewensteIngangsdatum: string; einddatum: string | null; omvang: Omvang317 | null; budget: number | null }
export interface NieuwProduct { categorie: string | null; code: string | null; gewensteIngangsdatum: string; einddatum: string | null; omvang: Omvang317 | null; budget: number | null }
export interface VerzoekWijziging { referentie: string; redenVerzoek: string; ongewijzigd: number[]; teWijzigen: TeWijzigen[]; nieuw: NieuwProduct[] }
/** A toewijzing the provider holds now: sent, not removed, not ended before the request's day. */
export interface ActueleToewijzing { nummer: number; ingangsdatum: string; einddatum: string | null; code: string | null; budget: boolean }

export interface VerzoekCodes { verzoek: string[]; ongewijzigd: string[][]; teWijzigen: string[][]; nieuw: string[][] }
export const verzoekAfgekeurd = (c: VerzoekCodes): boolean => [c.verzoek, ...c.ongewijzigd, ...c.teWijzigen, ...c.nieuw].some((x) => x.length > 0);

/**
 * The rules across messages for a verzoek om wijziging (317) against the toewijzingen the provider
 * holds. TR347 (reference not unique) and TR374 (a verzoek still open) need our records and come in
 * as flags. A VOW is answered as a whole (OP344): one code anywhere refuses all of it.
 */
export function controleerVerzoekWijziging(v: VerzoekWijziging, actueel: readonly ActueleToewijzing[], dagtekening: string, f: { referentieBekend: boolean; verzoekOnderhanden: boolean }): VerzoekCodes {
  const opNummer = new Map(actueel.map((t) => [t.nummer, t]));
  const verzoek: string[] = [];
  if (f.referentieBekend) verzoek.push('9347');                                                   // TR347
  if (f.verzoekOnderhanden) verzoek.push('9374');                                                 // TR374
  const genoemd = new Set([...v.ongewijzigd, ...v.teWijzigen.map((t) => t.toewijzingNummer)]);
  if (actueel.some((t) => !genoemd.has(t.nummer))) verzoek.push('9349');                         // TR349
  const ongewijzigd = v.ongewijzigd.map((n) => (opNummer.has(n) ? [] : ['9350']));                 // TR350
  const teWijzigen = v.teWijzigen.map((p) => {
    const t = opNummer.get(p.toewijzingNummer);
    if (!t) return ['9351'];                                                                        // TR351
    const codes: string[] = [];
    if (p.gewensteIngangsdatum <= dagtekening && p.gewensteIngangsdatum !== t.ingangsdatum) codes.push('9357'); // TR357
    if (p.budget !== null && p.gewensteIngangsdatum !== t.ingangsdatum) codes.push('9373');         // TR373
    if (t.code && !p.omvang && p.budget === null) codes.push('9411');                               // TR411
    if (!t.code && p.omvang && (t.einddatum === null || t.einddatum > '2020-12-31')) codes.push('9412'); // TR412
    return codes;
  });
  return { verzoek, ongewijzigd, teWijzigen, nieuw: v.nieuw.map(() => []) };
}

/** The rules across messages for one requested product of a verzoek om toewijzing (315). */
export function controleerAangevraagd(f: { referentieBekend: boolean; verzoekOnderhanden: boolean }): string[] {
  return [...(f.referentieBekend ? ['9347'] : []), ...(f.verzoekOnderhanden ? ['9374'] : [])];
}

// ————— Declaratie (323 → 325), ADR 40 —————

const dagNummer = (datum: string): number => Date.UTC(Number(datum.slice(0, 4)), Number(datum.slice(5, 7)) - 1, Number(datum.slice(8, 10))) / 86_400_000;
/** Days from van through tot, both included. */
export const dagenIn = (van: string, tot: string): number => dagNummer(tot) - dagNummer(van) + 1;
/** 0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday). */
const weekdag = (datum: string): number => (((dagNummer(datum) + 3) % 7) + 7) % 7;
/** Calendar weeks (Monday to Sunday) that van..tot touches, partly or whole (IV077: count the week numbers). */
export function kalenderweken(van: string, tot: string): number {
  if (tot < van) return 0;
  const maandag = dagNummer(van) - weekdag(van);
  return Math.floor((dagNummer(tot) - maandag) / 7) + 1;
}
/** Sundays in van..tot (IV077, outputgericht per week). */
export function zondagen(van: string, tot: string): number {
  if (tot < van) return 0;
  const eersteZondag = dagNummer(van) + ((6 - weekdag(van)) % 7);
  return eersteZondag > dagNummer(tot) ? 0 : Math.floor((dagNummer(tot) - eersteZondag) / 7) + 1;
}
/** Calendar months van..tot touches. */
export const maanden = (van: string, tot: string): number =>
  tot < van ? 0 : (Number(tot.slice(0, 4)) - Number(van.slice(0, 4))) * 12 + Number(tot.slice(5, 7)) - Number(van.slice(5, 7)) + 1;
export const eersteVanMaand = (datum: string): string => `${datum.slice(0, 7)}-01`;
export const laatsteVanMaand = (datum: string): string => laatsteDagVanMaand(datum.slice(0, 7));

/** What a prestatie is checked against: the toewijzing as the provider has it, and how it is paid. */
export interface DeclaratieToewijzing {
  nummer: number; categorie: string | null; code: string | null; ingangsdatum: string; einddatum: string | null;
  /** The assigned volume in `eenheid` per `frequentie` (WMO757: 1 dag, 2 week, 4 maand, 6 totaal); null without an Omvang. */
  volume: number | null; eenheid: string | null; frequentie: string | null;
  /** RedenWijziging of the last 301 (13: verwijderd). */
  redenWijziging: string | null;
  bekostiging: string | null;
  /** The assigned budget, checked for outputgericht products and amounts in euros (TR369). */
  budgetCents: number | null;
  /** The contract tariff per unit valid on the product period's first day; null when the contract has none (result-based). */
  contractTariefCents: number | null;
}

export interface Prestatie {
  referentie: string; vorigReferentie: string | null; toewijzingNummer: number; categorie: string; code: string;
  begin: string; eind: string; volume: number; eenheid: string; tariefCents: number | null; bedragCents: number; debetCredit: 'D' | 'C';
}

/** What was approved before on this toewijzing (approved debits not credited), and what this message approved so far. */
export interface EerderGoedgekeurd { volume: number; cents: number }

/** The volume of a prestatie in the toewijzing's unit: minutes may be declared on hours (TR341, IV081). */
export function volumeInToewijzingEenheid(volume: number, eenheid: string, toegewezen: string | null): number | null {
  if (toegewezen === null || eenheid === toegewezen) return volume;
  if (eenheid === '01' && toegewezen === '04') return volume / 60;
  return null;
}

/**
 * The most that may be declared over van..tot of a toewijzing (IV077, IV078): per day the days, per
 * week the calendar weeks touched (Sundays for outputgericht; for Wmo category 01, household help, six
 * weeks in any one product period), per month the months touched, in total the whole volume.
 */
export function maximaalVolume(t: Pick<DeclaratieToewijzing, 'volume' | 'frequentie' | 'categorie' | 'bekostiging' | 'einddatum'>, van: string, tot: string, per: 'periode' | 'looptijd', std: Standaard): number | null {
  if (t.volume === null || t.frequentie === null) return null;
  switch (t.frequentie) {
    case '1': return dagenIn(van, tot) * t.volume;
    case '2': {
      if (per === 'periode' && std === 'iwmo' && t.categorie === '01') return 6 * t.volume;
      if (t.bekostiging === 'outputgericht') {
        const extra = t.einddatum && t.einddatum >= van && t.einddatum <= tot && weekdag(t.einddatum) !== 6 ? 1 : 0;
        return (zondagen(van, tot) + extra) * t.volume;
      }
      return kalenderweken(van, tot) * t.volume;
    }
    case '4': return maanden(van, tot) * t.volume;
    default: return t.volume;
  }
}

/** The tariff a prestatie must carry: the contract's per unit, per minute when hours are declared in minutes. */
export function verwachtTarief(contractTariefCents: number, eenheid: string, toegewezen: string | null): number {
  return eenheid === '01' && toegewezen === '04' ? Math.round(contractTariefCents / 60) : contractTariefCents;
}

/**
 * A debit prestatie against its toewijzing (TR338, TR384, TR339–TR341, TR307/TR308, TR387/TR388,
 * TR319, TR321, TR322, TR369, TR418). `eerder` holds what was approved on it before, this message's
 * earlier approved prestaties included. The codes in the order of the rules; none = approved.
 */
export function controleerPrestatie(p: Prestatie, t: DeclaratieToewijzing | undefined, f: {
  declaratieEind: string; std: Standaard; eerder: EerderGoedgekeurd; referentieGebruikt: boolean; dubbelDebet: boolean;
}): string[] {
  if (!t) return ['9338'];
  const codes: string[] = [];
  if (f.referentieGebruikt) codes.push('8021');                                                           // TR314
  if (t.redenWijziging === '13') codes.push('9384');                                                      // TR384
  if (t.categorie !== null && p.categorie !== t.categorie) codes.push('9339');                            // TR339
  if (t.code !== null && p.code !== t.code) codes.push('9340');                                           // TR340
  const volume = volumeInToewijzingEenheid(p.volume, p.eenheid, t.eenheid);
  if (volume === null) codes.push('9341');                                                                // TR341
  if (p.begin < t.ingangsdatum) codes.push('9307');                                                       // TR307
  if (t.einddatum !== null && p.eind > t.einddatum) codes.push('9308');                                   // TR308
  if (p.begin !== eersteVanMaand(p.begin) && !(t.ingangsdatum > eersteVanMaand(p.begin) && p.begin === t.ingangsdatum)) codes.push('9387');   // TR387
  if (p.eind !== laatsteVanMaand(p.eind) && !(t.einddatum !== null && t.einddatum < laatsteVanMaand(p.eind) && p.eind === t.einddatum)) codes.push('9388'); // TR388
  if (p.eind > f.declaratieEind) codes.push('9319');                                                      // TR319
  if (f.dubbelDebet) codes.push('9389');                                                                  // TR389
  if (volume !== null) {
    const begin = p.begin < t.ingangsdatum ? t.ingangsdatum : p.begin;
    const eind = t.einddatum !== null && p.eind > t.einddatum ? t.einddatum : p.eind;
    const perPeriode = maximaalVolume(t, begin, eind, 'periode', f.std);
    if (perPeriode !== null && volume > perPeriode + 1e-9) codes.push('9321');                          // TR321
    // Over the looptijd so far: an open-ended toewijzing is counted up to this period's end.
    const totaal = maximaalVolume(t, t.ingangsdatum, t.einddatum ?? eind, 'looptijd', f.std);
    if (totaal !== null && f.eerder.volume + volume > totaal + 1e-9) codes.push('9322');                // TR322
  }
  const opBudget = t.bekostiging === 'outputgericht' || t.eenheid === '83';
  if (opBudget && t.budgetCents !== null && f.eerder.cents + p.bedragCents > t.budgetCents) codes.push('9369');   // TR369
  if (p.tariefCents !== null && t.contractTariefCents !== null && p.tariefCents !== verwachtTarief(t.contractTariefCents, p.eenheid, t.eenheid)) codes.push('0611'); // TR418
  return codes;
}

/** The approved debit a credit cancels (TR323, IV091): same keys and amount, not credited before. */
export interface Debet { referentie: string; toewijzingNummer: number; categorie: string; code: string; begin: string; eind: string; bedragCents: number; gecrediteerd: boolean }
export function controleerCredit(p: Prestatie, debet: Debet | undefined, referentieGebruikt: boolean): string[] {
  const codes: string[] = [];
  if (referentieGebruikt) codes.push('8021');
  if (!debet || debet.gecrediteerd || debet.toewijzingNummer !== p.toewijzingNummer || debet.categorie !== p.categorie || debet.code !== p.code
    || debet.begin !== p.begin || debet.eind !== p.eind || debet.bedragCents !== p.bedragCents) codes.push('8017');
  return codes;
}

/** The signed amount: debit positive, credit negative. */
export const getekend = (p: Pick<Prestatie, 'bedragCents' | 'debetCredit'>): number => (p.debetCredit === 'C' ? -p.bedragCents : p.bedragCents);

/** The money of one voorziening as its pages and the API show it (ADR 40). */
export interface Geld {
  budgetCents: number; gedeclareerdCents: number; goedgekeurdCents: number; gecrediteerdCents: number; afgewezenCents: number; restantCents: number;
  /** What remains of a running voorziening until its end: the obligation (verplichting). */
  verplichtingCents: number;
  /** Where the realised figure comes from: approved declarations, the budget passed to the SVB (pgb), or the contract's monthly amount (taakgericht). */
  bron: 'declaraties' | 'svb' | 'taakgericht';
}
export function geldVan(v: { budgetCents: number; leveringsvorm: string; svb: boolean; bekostiging: string | null; status: string },
  s: { gedeclareerdCents: number; goedgekeurdCents: number; gecrediteerdCents: number; afgewezenCents: number } | undefined): Geld {
  const lopend = v.status === 'toegewezen' || v.status === 'gestart' || v.status === 'toegekend';
  if (v.leveringsvorm === 'pgb') {
    // The SVB pays the budget holder's invoices: for the gemeente the budget is spent once passed on.
    const betaald = v.svb ? v.budgetCents : 0;
    return { budgetCents: v.budgetCents, gedeclareerdCents: 0, goedgekeurdCents: betaald, gecrediteerdCents: 0, afgewezenCents: 0, restantCents: v.budgetCents - betaald, verplichtingCents: lopend ? v.budgetCents - betaald : 0, bron: 'svb' };
  }
  const g = s ?? { gedeclareerdCents: 0, goedgekeurdCents: 0, gecrediteerdCents: 0, afgewezenCents: 0 };
  const restant = v.budgetCents - g.goedgekeurdCents;
  return {
    budgetCents: v.budgetCents, ...g, restantCents: restant, verplichtingCents: lopend ? Math.max(0, restant) : 0,
    bron: v.bekostiging === 'taakgericht' ? 'taakgericht' : 'declaraties',
  };
}
