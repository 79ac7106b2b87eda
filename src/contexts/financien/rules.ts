/**
 * Payments to the gemeente's financial system (issue 15.3), pure: periods, which ledger rule applies
 * (the most specific wins), grouping what is due per provider, the journal lines of a batch and the
 * rows of the journal file. Money in integer cents, signed (debit positive, credit negative), so
 * every total is a plain sum and a batch reconciles to the cent with the 325s it pays.
 */
import { laatsteDagVanMaand } from '../../platform/time.ts';

/** The laws a ledger rule can be set for (as grootboekregels.wet allows). */
export const WETTEN = ['wmo', 'jeugdwet', 'participatiewet', 'schuldhulp', 'minima'] as const;
export type Wet = (typeof WETTEN)[number];
export const WET_NAAM: Record<Wet, string> = {
  wmo: 'Wmo', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet', schuldhulp: 'Schuldhulpverlening', minima: 'Minimabeleid',
};
export const isWet = (w: string): w is Wet => (WETTEN as readonly string[]).includes(w);

/** The iStandaard a prestatie was declared in says the law it is paid under. */
export const wetVanStandaard = (s: string): Wet => (s === 'ijw' ? 'jeugdwet' : 'wmo');

// ————— Periods —————

export const isPeriode = (p: string): boolean => /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(p);

/** The last day of a period 'YYYY-MM' as 'YYYY-MM-DD'. */
export const laatsteDag = laatsteDagVanMaand;
export const eersteDag = (periode: string): string => `${periode}-01`;

export interface Afwijzing { veld: string; reden: string }

/** A period can be paid once it has begun; a later month would pay taakgericht months in advance. */
export function controleerPeriode(periode: string, vandaag: string): Afwijzing[] {
  if (!isPeriode(periode)) return [{ veld: 'periode', reden: 'Geef de periode als JJJJ-MM, bijvoorbeeld 2026-11' }];
  if (periode > vandaag.slice(0, 7)) return [{ veld: 'periode', reden: `De periode ${periode} is nog niet begonnen: kies ${vandaag.slice(0, 7)} of eerder` }];
  return [];
}

// ————— Ledger rules —————

export interface Grootboekregel { wet: Wet; productcategorie: string | null; grootboekrekening: string; kostenplaats: string }

/** Where a payment is booked: the rule for its law and productcategorie, else the law's general rule, else none. */
export function zoekGrootboekregel(regels: readonly Grootboekregel[], wet: string, productcategorie: string | null): Grootboekregel | null {
  return (productcategorie !== null ? regels.find((r) => r.wet === wet && r.productcategorie === productcategorie) : undefined)
    ?? regels.find((r) => r.wet === wet && r.productcategorie === null) ?? null;
}

export interface GrootboekInvoer { wet: string; productcategorie?: string | null | undefined; grootboekrekening: string; kostenplaats: string }

/** Normalised rules and every reason the set is refused (field names as in the request: regels.<i>.<veld>). */
export function controleerGrootboekregels(invoer: readonly GrootboekInvoer[]): { regels: Grootboekregel[]; fouten: Afwijzing[] } {
  const fouten: Afwijzing[] = [];
  const regels: Grootboekregel[] = [];
  const gezien = new Set<string>();
  invoer.forEach((r, i) => {
    const veld = (v: string) => `regels.${i}.${v}`;
    const wet = r.wet.trim().toLowerCase();
    const categorie = r.productcategorie?.trim() || null;
    const rekening = r.grootboekrekening.trim();
    const kostenplaats = r.kostenplaats.trim();
    if (!isWet(wet)) fouten.push({ veld: veld('wet'), reden: `Onbekende wet '${r.wet}': kies ${WETTEN.join(', ')}` });
    if (categorie !== null && !/^[0-9]{2}$/.test(categorie)) fouten.push({ veld: veld('productcategorie'), reden: 'Een productcategorie bestaat uit 2 cijfers, of laat hem leeg voor de hele wet' });
    if (!rekening) fouten.push({ veld: veld('grootboekrekening'), reden: 'Vul de grootboekrekening in' });
    else if (rekening.length > 30) fouten.push({ veld: veld('grootboekrekening'), reden: 'Een grootboekrekening is hoogstens 30 tekens' });
    if (!kostenplaats) fouten.push({ veld: veld('kostenplaats'), reden: 'Vul de kostenplaats in' });
    else if (kostenplaats.length > 30) fouten.push({ veld: veld('kostenplaats'), reden: 'Een kostenplaats is hoogstens 30 tekens' });
    const sleutel = `${wet}|${categorie ?? ''}`;
    if (gezien.has(sleutel)) {
      fouten.push({ veld: veld(categorie ? 'productcategorie' : 'wet'), reden: `Er staat al een regel voor ${isWet(wet) ? WET_NAAM[wet] : wet}${categorie ? `, productcategorie ${categorie}` : ' zonder productcategorie'}` });
    }
    gezien.add(sleutel);
    if (isWet(wet)) regels.push({ wet, productcategorie: categorie, grootboekrekening: rekening, kostenplaats });
  });
  return { regels, fouten };
}

// ————— What is due, per provider —————

export interface TeBetalen { id: string; aanbiederId: string; declaratieId: string; toegekendCents: number }
export interface TaakgerichtTeBetalen { contractProductId: string; aanbiederId: string; bedragCents: number }

export interface BatchVoorstel {
  aanbiederId: string;
  prestatieIds: string[];
  taakgericht: TaakgerichtTeBetalen[];
  totaalCents: number;
  aantalPrestaties: number;
  aantalDeclaraties: number;
}

/** One batch per provider with something due, in the order the providers first appear. */
export function groepeerPerAanbieder(prestaties: readonly TeBetalen[], taakgericht: readonly TaakgerichtTeBetalen[]): BatchVoorstel[] {
  const perAanbieder = new Map<string, BatchVoorstel & { declaraties: Set<string> }>();
  const van = (aanbiederId: string) => {
    let b = perAanbieder.get(aanbiederId);
    if (!b) {
      b = { aanbiederId, prestatieIds: [], taakgericht: [], totaalCents: 0, aantalPrestaties: 0, aantalDeclaraties: 0, declaraties: new Set() };
      perAanbieder.set(aanbiederId, b);
    }
    return b;
  };
  for (const p of prestaties) {
    const b = van(p.aanbiederId);
    b.prestatieIds.push(p.id);
    b.totaalCents += p.toegekendCents;
    b.declaraties.add(p.declaratieId);
  }
  for (const t of taakgericht) {
    const b = van(t.aanbiederId);
    b.taakgericht.push(t);
    b.totaalCents += t.bedragCents;
  }
  return [...perAanbieder.values()].map(({ declaraties, ...b }) => ({ ...b, aantalPrestaties: b.prestatieIds.length, aantalDeclaraties: declaraties.size }));
}

/** A batch number: unique per gemeente, readable in the ledger (the period and a counter). */
export const batchnummer = (periode: string, volgnummer: number): string => `BB-${periode.replace('-', '')}-${String(volgnummer).padStart(3, '0')}`;

// ————— Journal —————

/** What a batch pays, summed per product and debit/credit (no client in it). */
export interface BronRegel {
  bron: 'declaraties' | 'taakgericht';
  wet: string; productcategorie: string | null; productcode: string; naam: string | null;
  soort: 'debet' | 'credit';
  /** Signed sum. */
  cents: number;
  aantalPrestaties: number;
}

export interface JournaalRegel extends BronRegel {
  grootboekrekening: string | null;
  kostenplaats: string | null;
  omschrijving: string;
}

export interface BatchKop { nummer: string; periode: string; boekdatum: string; aanbieder: { naam: string; agbCode: string } }

export function journaalRegels(batch: BatchKop, bron: readonly BronRegel[], grootboek: readonly Grootboekregel[]): JournaalRegel[] {
  const regels = bron.map((b): JournaalRegel => {
    const g = zoekGrootboekregel(grootboek, b.wet, b.productcategorie);
    const wat = b.bron === 'taakgericht'
      ? `taakgericht ${b.naam ?? b.productcode} ${batch.periode}`
      : `${b.soort === 'credit' ? 'creditering' : 'declaraties'} ${b.productcode} (${b.aantalPrestaties} ${b.aantalPrestaties === 1 ? 'prestatie' : 'prestaties'})`;
    return { ...b, grootboekrekening: g?.grootboekrekening ?? null, kostenplaats: g?.kostenplaats ?? null, omschrijving: `${batch.nummer} ${batch.aanbieder.naam}: ${wat}` };
  });
  // Code-point order, not locale order: a journal sorts the same everywhere; lines without a rule last.
  const volgorde = (r: JournaalRegel) => `${r.grootboekrekening ?? '\uffff'}|${r.kostenplaats ?? ''}|${r.wet}|${r.productcategorie ?? ''}|${r.productcode}|${r.bron}|${r.soort}`;
  return regels.sort((a, b) => (volgorde(a) < volgorde(b) ? -1 : volgorde(a) > volgorde(b) ? 1 : 0));
}

/** The laws and categories without a ledger rule, for the message that names them. */
export function ontbrekendGrootboek(regels: readonly JournaalRegel[]): string[] {
  const namen = regels.filter((r) => r.grootboekrekening === null)
    .map((r) => `${isWet(r.wet) ? WET_NAAM[r.wet] : r.wet}${r.productcategorie ? `, productcategorie ${r.productcategorie}` : ''}`);
  return [...new Set(namen)].sort();
}

export const journaalTotaal = (regels: readonly { cents: number }[]): number => regels.reduce((s, r) => s + r.cents, 0);

/** Cents as euros with a decimal comma and two decimals, exactly: 123456 → "1234,56", -5 → "-0,05". */
export function euroTekst(cents: number): string {
  const a = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.trunc(a / 100)},${String(a % 100).padStart(2, '0')}`;
}

/** The journal's columns, in file order: [key, Dutch header]. */
export const JOURNAAL_KOLOMMEN = [
  ['batchnummer', 'Batchnummer'], ['boekdatum', 'Boekdatum'], ['aanbieder', 'Aanbieder'], ['agbCode', 'AGB-code'], ['grootboekrekening', 'Grootboekrekening'],
  ['kostenplaats', 'Kostenplaats'], ['wet', 'Wet'], ['productcategorie', 'Productcategorie'], ['productcode', 'Productcode'], ['periode', 'Periode'],
  ['bedrag', 'Bedrag'], ['debetCredit', 'Debet/credit'], ['aantalPrestaties', 'Aantal prestaties'], ['omschrijving', 'Omschrijving'],
] as const;
export type JournaalKolom = (typeof JOURNAAL_KOLOMMEN)[number][0];

/**
 * One row per journal line; the amount is positive with D or C beside it, as finance systems import
 * it. `bedrag` is in cents here: the CSV writes it with a decimal comma, the XLSX as a number.
 */
export function journaalRijen(batch: BatchKop, regels: readonly JournaalRegel[]): Record<JournaalKolom, string | number>[] {
  return regels.map((r) => ({
    batchnummer: batch.nummer, boekdatum: batch.boekdatum, aanbieder: batch.aanbieder.naam, agbCode: batch.aanbieder.agbCode,
    grootboekrekening: r.grootboekrekening ?? '', kostenplaats: r.kostenplaats ?? '', wet: isWet(r.wet) ? WET_NAAM[r.wet] : r.wet,
    productcategorie: r.productcategorie ?? '', productcode: r.productcode, periode: batch.periode, bedrag: Math.abs(r.cents),
    debetCredit: r.cents < 0 ? 'C' : 'D', aantalPrestaties: r.aantalPrestaties, omschrijving: r.omschrijving,
  }));
}

/** The CSV's records (header first): every value text, the amount "1234,56". */
export function journaalCsvRecords(batch: BatchKop, regels: readonly JournaalRegel[]): string[][] {
  return [
    JOURNAAL_KOLOMMEN.map(([, kop]) => kop),
    ...journaalRijen(batch, regels).map((r) => JOURNAAL_KOLOMMEN.map(([k]) => (k === 'bedrag' ? euroTekst(Number(r.bedrag)) : String(r[k])))),
  ];
}
