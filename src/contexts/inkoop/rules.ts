/**
 * Inkoop rules (pure): the iStandaard code lists, checks of AGB/KvK and contract products, the
 * tariff history (never overlapping) and the budget maths of ADR 31 — exact to the cent in integers.
 */
import { addDays, addMonths, addYears, differenceInCalendarDays, differenceInMonths, format, getDaysInMonth, parseISO } from 'date-fns';

// ————— Code lists (read from reference/istandaarden/*/codelijsten) —————

export const WETTEN = ['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima'] as const;
export type InkoopWet = (typeof WETTEN)[number];
export const wetNaam: Record<InkoopWet, string> = {
  wmo: 'Wmo', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet', schuldhulp: 'Schuldhulpverlening', minima: 'Minimabeleid',
};

/** WMO020 Productcategorie (iWmo 3.2). */
export const WMO020 = {
  '01': 'Hulp bij het huishouden', '02': 'Begeleiding', '03': 'Persoonlijke verzorging', '04': 'Kortdurend verblijf', '05': 'Woondiensten',
  '06': 'Overige ondersteuning gericht op het individu of huishouden/gezin', '07': 'Dagbesteding', '08': 'Vervoerdiensten',
  '09': 'Overige groepsgerichte ondersteuning', '10': 'Overige maatwerk arrangementen', '11': 'Rolstoelen', '12': 'Vervoervoorzieningen',
  '13': 'Woonvoorzieningen', '14': 'Overige hulpmiddelen', '15': 'Beschermd wonen', '16': 'Opvang', '17': 'Spoedopvang',
  '18': 'Overige beschermd wonen en opvang',
} as const satisfies Record<string, string>;

/** JZ020 Productcategorie (iJw 3.2). */
export const JZ020 = {
  '31': '(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam', '32': '(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder',
  '33': '(2015) Zonder verblijf: daghulp op locatie van de aanbieder', '34': '(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige',
  '35': '(2015) Met verblijf: pleegzorg', '36': '(2015) Met verblijf: gezinsgericht', '37': '(2015) Met verblijf: gesloten plaatsing',
  '38': '(2015) Met verblijf: overig residentieel', '40': 'Persoonlijke verzorging', '41': 'Dagbehandeling', '42': 'Vervoerdiensten',
  '43': 'Jeugdhulp verblijf (incl. behandeling)', '44': 'Jeugdhulp verblijf (excl. behandeling)', '45': 'Jeugdhulp ambulant', '46': 'Jeugdhulp crisis',
  '47': 'Jeugdreclassering', '48': 'Jeugdbescherming', '49': 'Activiteiten in het preventief justitieel kader', '50': 'Maatwerkarrangementen jeugd',
  '51': 'Generalistische basis-ggz', '52': 'Specialistische ggz', '53': 'Kindergeneeskunde', '54': 'Jeugd-ggz', '55': 'Landelijk ingekochte zorg',
} as const satisfies Record<string, string>;

/** WJ756 Eenheid (iWmo and iJw 3.2). */
export const WJ756 = {
  '01': 'Minuut', '04': 'Uur', '14': 'Etmaal', '16': 'Dagdeel (4 uur)', '82': 'Stuks (output)', '83': "Euro's", '84': 'Stuks (inspanning)',
} as const satisfies Record<string, string>;
export type Eenheid = keyof typeof WJ756;

/** WMO757 Frequentie (iWmo and iJw 3.2). */
export const WMO757 = {
  '1': 'Per dag', '2': 'Per week', '4': 'Per maand', '6': 'Totaal binnen geldigheidsduur toewijzing',
} as const satisfies Record<string, string>;
export type Frequentie = keyof typeof WMO757;

/** WMO588 Reden beëindiging (iWmo 3.2). */
export const WMO588 = {
  '02': 'Overlijden', '19': 'Levering volgens plan beëindigd', '20': 'Levering is tijdelijk beëindigd',
  '21': 'Levering is eenzijdig door cliënt beëindigd', '22': 'Levering is eenzijdig door aanbieder beëindigd',
  '23': 'Levering is in overeenstemming voortijdig beëindigd', '31': 'Verhuizing naar een andere gemeente', '36': 'Geïnitieerd door de gemeente',
  '37': 'In verband met wijzigingsverzoek', '38': 'Overstap naar andere aanbieder', '39': 'Uitstroom naar ander domein',
} as const satisfies Record<string, string>;

/** JZ588 Reden beëindiging (iJw 3.2). */
export const JZ588 = {
  '02': 'Overlijden', '20': 'Levering is tijdelijk beëindigd', '31': 'Levering is volgens plan beëindigd', '32': 'Voortijdig afgesloten, door cliënt',
  '33': 'Voortijdig afgesloten, door aanbieder', '34': 'Voortijdig afgesloten, in overleg', '35': 'Voortijdig afgesloten, externe oorzaak',
  '36': 'Geïnitieerd door de gemeente', '37': 'In verband met wijzigingsverzoek', '38': 'Overstap naar andere aanbieder', '39': 'Uitstroom naar ander domein',
} as const satisfies Record<string, string>;

/** The product categories of a law: iWmo for the Wmo, iJw for the Jeugdwet; other laws have no iStandaard. */
export function productcategorieenVan(wet: string): Readonly<Record<string, string>> | null {
  if (wet === 'wmo') return WMO020;
  if (wet === 'jeugdwet') return JZ020;
  return null;
}

/** The reasons for ending of a law: JZ588 for the Jeugdwet, WMO588 for the Wmo and the laws without an iStandaard. */
export function redenenBeeindigingVan(wet: string): Readonly<Record<string, string>> {
  return wet === 'jeugdwet' ? JZ588 : WMO588;
}

export const BEKOSTIGINGEN = ['inspanningsgericht', 'outputgericht', 'taakgericht'] as const;
export type Bekostiging = (typeof BEKOSTIGINGEN)[number];
export const bekostigingNaam: Record<Bekostiging, string> = {
  inspanningsgericht: 'Inspanningsgericht (per eenheid)', outputgericht: 'Outputgericht (vast bedrag per traject of periode)',
  taakgericht: 'Taakgericht (vast budget, geen declaraties per cliënt)',
};

export const RESULTAAT_SOORTEN = ['jeugdprofiel', 'wmoBegeleiding'] as const;
export type ResultaatSoort = (typeof RESULTAAT_SOORTEN)[number];
/** Which result table a law uses: Jeugd profiles, Wmo begeleiding (complexity × intensity × duration). */
export function resultaatSoortVan(wet: string): ResultaatSoort | null {
  if (wet === 'jeugdwet') return 'jeugdprofiel';
  if (wet === 'wmo') return 'wmoBegeleiding';
  return null;
}

// ————— Checks —————

/** AGB code (Vektis): 8 digits. */
export const isAgbCode = (s: string): boolean => /^[0-9]{8}$/.test(s);
/** KvK number: 8 digits. */
export const isKvkNummer = (s: string): boolean => /^[0-9]{8}$/.test(s);
export const isProductcode = (s: string): boolean => /^[A-Za-z0-9]{5}$/.test(s);

export interface Afwijzing { veld: string; reden: string }

export interface ProductGegevens {
  wet: string; productcategorie: string | null; productcode: string; naam: string; eenheid: string; frequentie: string;
  bekostiging: string; resultaatgericht: boolean; tariefCents: number; capaciteit: number | null;
  /** Taakgericht: the fixed amount per month that financien pays (cents); absent or null otherwise. */
  maandbedragCents?: number | null | undefined;
}

/** Why a monthly amount does not fit the bekostiging: required for taakgericht, not allowed otherwise (empty: fine). */
export function controleerMaandbedrag(bekostiging: string, maandbedragCents: number | null | undefined): Afwijzing[] {
  const m = maandbedragCents ?? null;
  if (bekostiging === 'taakgericht') {
    if (m === null) return [{ veld: 'maandbedragCents', reden: 'Een taakgericht product heeft een bedrag per maand' }];
    if (!Number.isSafeInteger(m) || m < 0) return [{ veld: 'maandbedragCents', reden: 'Het bedrag per maand is een heel aantal centen, 0 of meer' }];
    return [];
  }
  return m === null ? [] : [{ veld: 'maandbedragCents', reden: 'Alleen een taakgericht product heeft een bedrag per maand: laat het leeg' }];
}

/** Every reason a contract product is not acceptable, per field (empty: fine). The import reports these per line. */
export function controleerProduct(p: ProductGegevens): Afwijzing[] {
  const fouten: Afwijzing[] = [];
  const wetOk = (WETTEN as readonly string[]).includes(p.wet);
  if (!wetOk) fouten.push({ veld: 'wet', reden: `Onbekende wet '${p.wet}': kies ${WETTEN.join(', ')}` });
  const cats = productcategorieenVan(p.wet);
  if (wetOk && cats) {
    if (!p.productcategorie) fouten.push({ veld: 'productcategorie', reden: `Een product onder de ${wetNaam[p.wet as InkoopWet]} heeft een productcategorie (${p.wet === 'wmo' ? 'WMO020' : 'JZ020'})` });
    else if (!(p.productcategorie in cats)) fouten.push({ veld: 'productcategorie', reden: `Productcategorie '${p.productcategorie}' staat niet in ${p.wet === 'wmo' ? 'WMO020' : 'JZ020'}` });
  } else if (wetOk && p.productcategorie) {
    fouten.push({ veld: 'productcategorie', reden: `De ${wetNaam[p.wet as InkoopWet]} kent geen iStandaard-productcategorie: laat dit leeg` });
  }
  if (!isProductcode(p.productcode)) fouten.push({ veld: 'productcode', reden: 'Een productcode bestaat uit 5 letters of cijfers' });
  if (!p.naam.trim()) fouten.push({ veld: 'naam', reden: 'Naam is verplicht' });
  else if (p.naam.length > 200) fouten.push({ veld: 'naam', reden: 'Naam mag hoogstens 200 tekens zijn' });
  if (!(p.eenheid in WJ756)) fouten.push({ veld: 'eenheid', reden: `Eenheid '${p.eenheid}' staat niet in WJ756 (${Object.keys(WJ756).sort().join(', ')})` });
  if (!(p.frequentie in WMO757)) fouten.push({ veld: 'frequentie', reden: `Frequentie '${p.frequentie}' staat niet in WMO757 (1, 2, 4 of 6)` });
  if (!(BEKOSTIGINGEN as readonly string[]).includes(p.bekostiging)) fouten.push({ veld: 'bekostiging', reden: `Kies ${BEKOSTIGINGEN.join(', ')}` });
  if (p.resultaatgericht) {
    if (p.bekostiging === 'taakgericht') fouten.push({ veld: 'resultaatgericht', reden: 'Taakgerichte bekostiging kent geen budget per resultaat' });
    if (wetOk && !resultaatSoortVan(p.wet)) fouten.push({ veld: 'resultaatgericht', reden: 'Resultaatgerichte tabellen bestaan alleen voor Wmo en Jeugdwet' });
  }
  if (!Number.isSafeInteger(p.tariefCents) || p.tariefCents < 0) fouten.push({ veld: 'tariefCents', reden: 'Het tarief is een heel aantal centen, 0 of meer' });
  if (p.capaciteit !== null && (!Number.isSafeInteger(p.capaciteit) || p.capaciteit < 0)) fouten.push({ veld: 'capaciteit', reden: 'De capaciteit is een heel aantal cliënten, 0 of meer' });
  fouten.push(...controleerMaandbedrag(p.bekostiging, p.maandbedragCents));
  return fouten;
}

// ————— Dates and periods —————

const d = (s: string) => parseISO(s);
const iso = (x: Date) => format(x, 'yyyy-MM-dd');
export const plusDagen = (datum: string, n: number): string => iso(addDays(d(datum), n));
/** Days from van through tot, both included. */
export const dagenTussen = (van: string, tot: string): number => differenceInCalendarDays(d(tot), d(van)) + 1;

export interface Periode { van: string; tot: string | null }
const EINDELOOS = '9999-12-31';
export const overlapt = (a: Periode, b: Periode): boolean => a.van <= (b.tot ?? EINDELOOS) && b.van <= (a.tot ?? EINDELOOS);
export const geldtOp = (p: Periode, datum: string): boolean => p.van <= datum && datum <= (p.tot ?? EINDELOOS);

/** The first pair of overlapping periods (indexes), or null: tariff periods never overlap. */
export function eersteOverlap(perioden: readonly Periode[]): [number, number] | null {
  for (let i = 0; i < perioden.length; i++) {
    for (let j = i + 1; j < perioden.length; j++) if (overlapt(perioden[i]!, perioden[j]!)) return [i, j];
  }
  return null;
}

/**
 * A new tariff (or table version) from `van` on top of a history: it ends the latest period the day
 * before (when that runs on), or replaces it when it starts on the same day (a correction). A date
 * on or before the start of a later period is refused: the history is not rewritten from the middle.
 */
export type TariefPlan =
  | { soort: 'nieuw'; afsluiten: { id: string; tot: string } | null }
  | { soort: 'vervang'; id: string }
  | { soort: 'conflict'; laatsteVan: string };

export function planNieuwePeriode(bestaand: readonly (Periode & { id: string })[], van: string): TariefPlan {
  if (bestaand.length === 0) return { soort: 'nieuw', afsluiten: null };
  const laatste = [...bestaand].sort((a, b) => (a.van < b.van ? 1 : a.van > b.van ? -1 : 0))[0]!;
  if (van === laatste.van) return { soort: 'vervang', id: laatste.id };
  if (van < laatste.van) return { soort: 'conflict', laatsteVan: laatste.van };
  const dagErvoor = plusDagen(van, -1);
  return { soort: 'nieuw', afsluiten: laatste.tot === null || laatste.tot > dagErvoor ? { id: laatste.id, tot: dagErvoor } : null };
}

// ————— Budget maths (ADR 31) —————

export interface TariefPeriode { van: string; tot: string | null; tariefCents: number }
export interface BudgetRegel { van: string; tot: string; tariefCents: number; eenheden: number; bedragCents: number }
export interface Budget { budgetCents: number; budgetTot: string; jaarbedragCents: number; regels: BudgetRegel[] }

/** An open-ended provision is budgeted for its first 12 months. */
export function budgetTot(begin: string, eind: string | null): string {
  return eind ?? iso(addDays(addYears(d(begin), 1), -1));
}

/** Volume in hundredths, exactly (numeric(10,2) arrives as a string; a number may carry binary noise). */
export function volumeHonderdsten(volume: number | string): bigint {
  if (typeof volume === 'string') {
    const m = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(volume);
    if (!m) throw new RangeError(`Volume '${volume}' is geen getal met hoogstens 2 decimalen`);
    return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '0').padEnd(2, '0'));
  }
  const h = Math.round(volume * 100);
  if (!Number.isFinite(volume) || volume < 0 || Math.abs(volume * 100 - h) > 1e-6) throw new RangeError(`Volume ${volume} is geen getal met hoogstens 2 decimalen`);
  return BigInt(h);
}

/** Round a non-negative fraction half up (once per period, ADR 31). */
export const rondAf = (teller: bigint, noemer: bigint): bigint => (2n * teller + noemer) / (2n * noemer);

// Least common multiple of 28, 29, 30 and 31: each day of any month is a whole number of these parts.
const MAANDDEEL = 377_580n;

/** Units of a frequency in [van, tot] as an exact fraction (teller / noemer). */
export function eenheden(frequentie: Frequentie, van: string, tot: string): { teller: bigint; noemer: bigint } {
  const dagen = BigInt(dagenTussen(van, tot));
  if (frequentie === '1') return { teller: dagen, noemer: 1n };
  if (frequentie === '2') return { teller: dagen, noemer: 7n };
  if (frequentie === '6') return { teller: 1n, noemer: 1n };
  // Per maand: whole calendar months count 1, a partial month its days / the days of that month.
  let teller = 0n;
  let maand = `${van.slice(0, 7)}-01`;
  while (maand <= tot) {
    const dim = getDaysInMonth(d(maand));
    const laatste = `${maand.slice(0, 8)}${String(dim).padStart(2, '0')}`;
    const a = van > maand ? van : maand;
    const b = tot < laatste ? tot : laatste;
    teller += BigInt(dagenTussen(a, b)) * (MAANDDEEL / BigInt(dim));
    maand = plusDagen(laatste, 1);
  }
  return { teller, noemer: MAANDDEEL };
}

/**
 * The tariff segments over [van, tot]: each day priced by the period valid on it; a day after the
 * last known period keeps the last tariff (contracts are extended, a budget is never zero for it).
 * Null when no tariff is valid on `van`: nothing is contracted for the start.
 */
export function tariefSegmenten(tarieven: readonly TariefPeriode[], van: string, tot: string): TariefPeriode[] | null {
  const sorted = [...tarieven].sort((a, b) => (a.van < b.van ? -1 : a.van > b.van ? 1 : 0));
  if (!sorted.some((t) => geldtOp(t, van))) return null;
  const uit: { van: string; tot: string; tariefCents: number }[] = [];
  let dag = van;
  let vorige: TariefPeriode | null = null;
  while (dag <= tot) {
    const t = sorted.find((p) => geldtOp(p, dag));
    if (t) {
      const eind = t.tot !== null && t.tot < tot ? t.tot : tot;
      uit.push({ van: dag, tot: eind, tariefCents: t.tariefCents });
      vorige = t;
      dag = plusDagen(eind, 1);
    } else {
      // A gap: the previous tariff runs on until the next period starts (or to the end).
      const volgende = sorted.find((p) => p.van > dag);
      const eind = volgende && volgende.van <= tot ? plusDagen(volgende.van, -1) : tot;
      uit.push({ van: dag, tot: eind, tariefCents: vorige!.tariefCents });
      dag = plusDagen(eind, 1);
    }
  }
  // Adjacent segments with the same tariff are one period.
  const samen: TariefPeriode[] = [];
  for (const s of uit) {
    const l = samen.at(-1);
    if (l && l.tariefCents === s.tariefCents && l.tot !== null && plusDagen(l.tot, 1) === s.van) l.tot = s.tot;
    else samen.push({ ...s });
  }
  return samen;
}

/**
 * Before a provider is chosen the budget reserves the highest tariff among the contracts valid on
 * each day, so a threshold for the second decider can never be skipped. Non-overlapping, merged.
 */
export function hoogsteTarieven(perioden: readonly TariefPeriode[]): TariefPeriode[] {
  if (perioden.length === 0) return [];
  const grenzen = new Set<string>();
  for (const p of perioden) {
    grenzen.add(p.van);
    if (p.tot !== null) grenzen.add(plusDagen(p.tot, 1));
  }
  const punten = [...grenzen].sort();
  const uit: TariefPeriode[] = [];
  for (let i = 0; i < punten.length; i++) {
    const van = punten[i]!;
    const geldig = perioden.filter((p) => geldtOp(p, van));
    if (geldig.length === 0) continue;
    const tot = i + 1 < punten.length ? plusDagen(punten[i + 1]!, -1) : null;
    const tarief = Math.max(...geldig.map((p) => p.tariefCents));
    const l = uit.at(-1);
    if (l && l.tariefCents === tarief && l.tot !== null && plusDagen(l.tot, 1) === van) l.tot = tot;
    else uit.push({ van, tot, tariefCents: tarief });
  }
  return uit;
}

/** What sturing spreads per day: the budget scaled to 365 days, half up. */
export function jaarbedrag(budgetCents: number, van: string, tot: string): number {
  return Number(rondAf(BigInt(budgetCents) * 365n, BigInt(dagenTussen(van, tot))));
}

/**
 * The budget of a per-unit product: per tariff period round(tarief × volume × units-in-the-period),
 * summed. Frequentie 6 (totaal): volume × the tariff valid on the begin date, once. Null when no
 * tariff is valid on the begin date.
 */
export function berekenEenheidBudget(input: {
  tarieven: readonly TariefPeriode[]; volume: number | string; frequentie: Frequentie; begin: string; eind: string | null;
}): Budget | null {
  const tot = budgetTot(input.begin, input.eind);
  if (tot < input.begin) throw new RangeError('Het einde ligt vóór het begin');
  const vol = volumeHonderdsten(input.volume);
  const segmenten = tariefSegmenten(input.tarieven, input.begin, tot);
  if (!segmenten) return null;
  if (input.frequentie === '6') {
    const tarief = segmenten[0]!.tariefCents;
    const bedrag = Number(rondAf(BigInt(tarief) * vol, 100n));
    return { budgetCents: bedrag, budgetTot: tot, jaarbedragCents: jaarbedrag(bedrag, input.begin, tot), regels: [{ van: input.begin, tot, tariefCents: tarief, eenheden: Number(vol) / 100, bedragCents: bedrag }] };
  }
  const regels: BudgetRegel[] = segmenten.map((s) => {
    const { teller, noemer } = eenheden(input.frequentie, s.van, s.tot!);
    const bedrag = Number(rondAf(BigInt(s.tariefCents) * vol * teller, 100n * noemer));
    return { van: s.van, tot: s.tot!, tariefCents: s.tariefCents, eenheden: Number(rondAf(vol * teller * 10_000n, 100n * noemer)) / 10_000, bedragCents: bedrag };
  });
  const budgetCents = regels.reduce((s, r) => s + r.bedragCents, 0);
  return { budgetCents, budgetTot: tot, jaarbedragCents: jaarbedrag(budgetCents, input.begin, tot), regels };
}

/** Months of a period, a started month counting whole (for the Wmo begeleiding table's duration). */
export function maandenVan(begin: string, tot: string): number {
  const naEinde = addDays(d(tot), 1);
  const n = differenceInMonths(naEinde, d(begin));
  return addMonths(d(begin), n) < naEinde ? n + 1 : n;
}

/** The table's duration for a period: the nearest duration at or above it, else the longest. */
export function kiesDuur(beschikbaar: readonly number[], maanden: number): number | null {
  if (beschikbaar.length === 0) return null;
  const sorted = [...new Set(beschikbaar)].sort((a, b) => a - b);
  return sorted.find((x) => x >= maanden) ?? sorted.at(-1)!;
}

/** A result-based budget: the table's amount × volume (normally 1 result), once for the period. */
export function resultaatBudget(bedragCents: number, volume: number | string, begin: string, eind: string | null): Budget {
  const tot = budgetTot(begin, eind);
  const vol = volumeHonderdsten(volume);
  const bedrag = Number(rondAf(BigInt(bedragCents) * vol, 100n));
  return { budgetCents: bedrag, budgetTot: tot, jaarbedragCents: jaarbedrag(bedrag, begin, tot), regels: [{ van: begin, tot, tariefCents: bedragCents, eenheden: Number(vol) / 100, bedragCents: bedrag }] };
}

/** Taakgericht: a lump sum under the contract, no budget per client. */
export const taakgerichtBudget = (begin: string, eind: string | null): Budget => ({ budgetCents: 0, budgetTot: budgetTot(begin, eind), jaarbedragCents: 0, regels: [] });
