/**
 * A contract's product table as a file: CSV (semicolon-separated with a header, UTF-8 with BOM — what
 * Dutch Excel writes and reads) and XLSX. The tariff is in euros with a decimal comma ("36,45") in
 * CSV and as a number with 2 decimals in XLSX: that is how an inkoper reads a price list. Reading
 * is tolerant of what Excel does to codes (04 → 4) and dates (1-1-2027), strict about everything else.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { BEKOSTIGINGEN, WJ756, WMO757, controleerProduct, type Afwijzing, type ProductGegevens } from './rules.ts';

/** The columns, in file order: [key, Dutch header]. */
export const KOLOMMEN = [
  ['wet', 'Wet'], ['productcategorie', 'Productcategorie'], ['productcode', 'Productcode'], ['naam', 'Naam'], ['eenheid', 'Eenheid'],
  ['frequentie', 'Frequentie'], ['bekostiging', 'Bekostiging'], ['tarief', 'Tarief (euro)'], ['van', 'Van'],
  ['resultaatgericht', 'Resultaatgericht'], ['capaciteit', 'Capaciteit'],
  // Last, so a file from before it (without this column) still reads the same.
  ['maandbedrag', 'Bedrag per maand (euro)'],
] as const;
type Kolom = (typeof KOLOMMEN)[number][0];
const VERPLICHT: readonly Kolom[] = ['wet', 'productcode', 'naam', 'eenheid', 'frequentie', 'bekostiging', 'tarief'];

export interface TabelRij {
  wet: string; productcategorie: string | null; productcode: string; naam: string; eenheid: string; frequentie: string; bekostiging: string;
  tariefCents: number | null; van: string | null; resultaatgericht: boolean; capaciteit: number | null;
  /** Taakgericht: the fixed amount per month; null otherwise. */
  maandbedragCents: number | null;
}

/** Cents as euros with a decimal comma, exactly: 364500 → "3645,00". */
export const euroTekst = (cents: number): string => `${Math.trunc(cents / 100)},${String(Math.abs(cents % 100)).padStart(2, '0')}`;

export function naarCsv(rijen: readonly TabelRij[]): string {
  const data = rijen.map((r) => [
    r.wet, r.productcategorie ?? '', r.productcode, r.naam, r.eenheid, r.frequentie, r.bekostiging, r.tariefCents === null ? '' : euroTekst(r.tariefCents),
    r.van ?? '', r.resultaatgericht ? 'ja' : 'nee', r.capaciteit === null ? '' : String(r.capaciteit),
    r.maandbedragCents === null ? '' : euroTekst(r.maandbedragCents),
  ]);
  return `\uFEFF${stringify([KOLOMMEN.map(([, kop]) => kop), ...data], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

export async function naarXlsx(rijen: readonly TabelRij[], titel: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Eenvoud';
  const ws = wb.addWorksheet('Producten');
  ws.columns = KOLOMMEN.map(([key, header]) => ({ key, header, width: key === 'naam' ? 40 : key === 'bekostiging' ? 20 : 14 }));
  for (const r of rijen) {
    ws.addRow({
      wet: r.wet, productcategorie: r.productcategorie ?? '', productcode: r.productcode, naam: r.naam, eenheid: r.eenheid, frequentie: r.frequentie,
      bekostiging: r.bekostiging, tarief: r.tariefCents === null ? null : r.tariefCents / 100, van: r.van ?? '',
      resultaatgericht: r.resultaatgericht ? 'ja' : 'nee', capaciteit: r.capaciteit, maandbedrag: r.maandbedragCents === null ? null : r.maandbedragCents / 100,
    });
  }
  // Codes stay text (04 is not 4); the tariff shows two decimals.
  for (const key of ['productcategorie', 'productcode', 'eenheid', 'frequentie', 'van'] as const) ws.getColumn(key).numFmt = '@';
  ws.getColumn('tarief').numFmt = '#,##0.00';
  ws.getColumn('maandbedrag').numFmt = '#,##0.00';
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  wb.title = titel;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface RuweRegel { regel: number; cellen: (string | number | null)[] }
export interface RuweTabel { kop: string[]; regels: RuweRegel[] }

export class TabelOnleesbaar extends Error {}

export function leesCsv(bestand: Buffer): RuweTabel {
  const tekst = bestand.toString('utf8').replace(/^\uFEFF/, '');
  const eersteRegel = tekst.split(/\r?\n/, 1)[0] ?? '';
  // Dutch Excel writes semicolons; a comma file is accepted when its header has no semicolon.
  const delimiter = eersteRegel.includes(';') ? ';' : eersteRegel.includes('\t') ? '\t' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(tekst, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw new TabelOnleesbaar(`Het CSV-bestand kon niet worden gelezen: ${(e as Error).message}`);
  }
  const [kop, ...rest] = records;
  if (!kop) throw new TabelOnleesbaar('Het bestand is leeg.');
  return { kop: kop.record, regels: rest.map((r) => ({ regel: r.info.lines, cellen: r.record })) };
}

function celWaarde(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return celWaarde(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

export async function leesXlsx(bestand: Buffer): Promise<RuweTabel> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types name an older Buffer; the bytes are the same.
    await wb.xlsx.load(bestand as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new TabelOnleesbaar('Het XLSX-bestand kon niet worden gelezen. Sla het op als Excel-werkmap (.xlsx) en probeer het opnieuw.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new TabelOnleesbaar('Het bestand heeft geen werkblad.');
  let kop: string[] | null = null;
  const regels: RuweRegel[] = [];
  ws.eachRow({ includeEmpty: false }, (row, nummer) => {
    const cellen: (string | number | null)[] = [];
    for (let i = 1; i <= row.cellCount; i++) cellen.push(celWaarde(row.getCell(i).value));
    if (cellen.every((c) => c === null || String(c).trim() === '')) return;
    if (!kop) kop = cellen.map((c) => String(c ?? '').trim());
    else regels.push({ regel: nummer, cellen });
  });
  if (!kop) throw new TabelOnleesbaar('Het bestand is leeg.');
  return { kop, regels };
}

const sleutel = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
const KOP_NAAR_KOLOM: Record<string, Kolom | 'tariefcents'> = {
  ...Object.fromEntries(KOLOMMEN.map(([k, kop]) => [sleutel(kop), k])), ...Object.fromEntries(KOLOMMEN.map(([k]) => [sleutel(k), k])),
  tariefeuro: 'tarief', tariefineuro: 'tarief', tariefcents: 'tariefcents', tariefincenten: 'tariefcents', categorie: 'productcategorie', code: 'productcode',
  bedragpermaand: 'maandbedrag', maandbedrageuro: 'maandbedrag', bedragpermaandineuro: 'maandbedrag',
};

/** Which column holds what; the missing required columns are one afwijzing for line 1. */
export function leesKop(kop: readonly string[]): { index: Map<Kolom | 'tariefcents', number>; fouten: Afwijzing[] } {
  const index = new Map<Kolom | 'tariefcents', number>();
  kop.forEach((k, i) => {
    const kolom = KOP_NAAR_KOLOM[sleutel(k)];
    if (kolom && !index.has(kolom)) index.set(kolom, i);
  });
  const ontbreekt = VERPLICHT.filter((k) => !index.has(k) && !(k === 'tarief' && index.has('tariefcents')));
  return {
    index,
    fouten: ontbreekt.map((k) => ({ veld: k, reden: `De kolom '${KOLOMMEN.find(([x]) => x === k)![1]}' ontbreekt in de kopregel` })),
  };
}

const tekstVan = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const code2 = (s: string) => (/^[0-9]$/.test(s) ? `0${s}` : s);

function eenheidCode(s: string): string {
  const c = code2(s);
  if (c in WJ756) return c;
  const naam = Object.entries(WJ756).find(([, n]) => sleutel(n) === sleutel(s) || (sleutel(s).length >= 3 && sleutel(n).startsWith(sleutel(s))));
  return naam ? naam[0] : s;
}
function frequentieCode(s: string): string {
  if (s in WMO757) return s;
  const naam = Object.entries(WMO757).find(([, n]) => sleutel(n) === sleutel(s) || (sleutel(s).length >= 5 && sleutel(n).startsWith(sleutel(s))));
  return naam ? naam[0] : s;
}

/** "36,45", "36.45", "1.234,56", "€ 36,45" or a number cell → cents, exactly; null when it is not an amount. */
export function euroNaarCents(v: string | number | null): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6 ? Math.round(v * 100) : null;
  const s = tekstVan(v).replace(/^€\s*/, '').replace(/\s/g, '');
  let m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (m) return Number(m[1]!.replace(/\./g, '')) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  m = /^(\d+)\.(\d{1,2})$/.exec(s);
  if (m) return Number(m[1]) * 100 + Number(m[2]!.padEnd(2, '0'));
  return null;
}

/** "2027-01-01", "1-1-2027" or "01-01-2027" → "2027-01-01"; null when it is no existing date. */
export function datumVan(v: string | number | null): string | null {
  const s = tekstVan(v);
  let jaar: number, maand: number, dag: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) [jaar, maand, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) [dag, maand, jaar] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const d = new Date(Date.UTC(jaar, maand - 1, dag));
  if (d.getUTCFullYear() !== jaar || d.getUTCMonth() !== maand - 1 || d.getUTCDate() !== dag || jaar < 1900 || jaar > 2999) return null;
  return d.toISOString().slice(0, 10);
}

export interface GelezenRegel { regel: number; product: ProductGegevens & { maandbedragCents: number | null }; van: string | null; fouten: Afwijzing[] }

/** One line of the table as a product, with every reason it is refused. */
export function leesRegel(index: Map<Kolom | 'tariefcents', number>, r: RuweRegel): GelezenRegel {
  const cel = (k: Kolom | 'tariefcents') => (index.has(k) ? r.cellen[index.get(k)!] ?? null : null);
  const fouten: Afwijzing[] = [];
  let tariefCents: number | null;
  if (index.has('tarief')) {
    tariefCents = euroNaarCents(cel('tarief'));
    if (tariefCents === null) fouten.push({ veld: 'tarief', reden: `'${tekstVan(cel('tarief'))}' is geen bedrag in euro's (zoals 36,45)` });
  } else {
    const t = tekstVan(cel('tariefcents'));
    tariefCents = /^\d+$/.test(t) ? Number(t) : null;
    if (tariefCents === null) fouten.push({ veld: 'tariefCents', reden: `'${t}' is geen heel aantal centen` });
  }
  const vanTekst = tekstVan(cel('van'));
  const van = vanTekst ? datumVan(vanTekst) : null;
  if (vanTekst && !van) fouten.push({ veld: 'van', reden: `'${vanTekst}' is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ)` });
  const ja = sleutel(tekstVan(cel('resultaatgericht')));
  if (ja && !['ja', 'nee', 'j', 'n', 'true', 'false', 'waar', 'onwaar'].includes(ja)) fouten.push({ veld: 'resultaatgericht', reden: "Vul 'ja' of 'nee' in" });
  const capTekst = tekstVan(cel('capaciteit'));
  const capaciteit = capTekst === '' ? null : /^\d+$/.test(capTekst) ? Number(capTekst) : NaN;
  if (Number.isNaN(capaciteit)) fouten.push({ veld: 'capaciteit', reden: `'${capTekst}' is geen heel aantal cliënten` });
  // Without the column (an older file) the amount is not read here: the import keeps a known product's amount.
  const maandTekst = tekstVan(cel('maandbedrag'));
  const maandbedragCents = maandTekst === '' ? null : euroNaarCents(maandTekst);
  if (maandTekst !== '' && maandbedragCents === null) fouten.push({ veld: 'maandbedrag', reden: `'${maandTekst}' is geen bedrag in euro's (zoals 12.500,00)` });
  const cat = tekstVan(cel('productcategorie'));
  const product: ProductGegevens & { maandbedragCents: number | null } = {
    wet: sleutel(tekstVan(cel('wet'))) || tekstVan(cel('wet')), productcategorie: cat ? code2(cat) : null, productcode: tekstVan(cel('productcode')).toUpperCase(),
    naam: tekstVan(cel('naam')), eenheid: eenheidCode(tekstVan(cel('eenheid'))), frequentie: frequentieCode(tekstVan(cel('frequentie'))),
    bekostiging: (BEKOSTIGINGEN as readonly string[]).find((b) => b === sleutel(tekstVan(cel('bekostiging')))) ?? tekstVan(cel('bekostiging')),
    resultaatgericht: ['ja', 'j', 'true', 'waar'].includes(ja), tariefCents: tariefCents ?? 0, capaciteit: Number.isNaN(capaciteit) ? null : capaciteit,
    maandbedragCents,
  };
  const maandOnleesbaar = maandTekst !== '' && maandbedragCents === null;
  const productFouten = controleerProduct(product).filter((f) => !(f.veld === 'tariefCents' && tariefCents === null) && !(f.veld === 'capaciteit' && Number.isNaN(capaciteit))
    && !(f.veld === 'maandbedragCents' && (maandOnleesbaar || !index.has('maandbedrag'))));
  const kolomnaam = (f: Afwijzing): Afwijzing => (f.veld === 'tariefCents' && index.has('tarief') ? { ...f, veld: 'tarief' } : f.veld === 'maandbedragCents' ? { ...f, veld: 'maandbedrag' } : f);
  return { regel: r.regel, product, van, fouten: [...productFouten.map(kolomnaam), ...fouten] };
}
