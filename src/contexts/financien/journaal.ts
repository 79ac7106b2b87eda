/**
 * The journal file for the financial system: CSV with semicolons, a header, UTF-8 with BOM and the
 * amount with a decimal comma (what Dutch finance packages and Excel NL import), and XLSX with the
 * same columns, the amount a number with two decimals and codes kept as text.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { JOURNAAL_KOLOMMEN, journaalCsvRecords, journaalRijen, type BatchKop, type JournaalRegel } from './rules.ts';

export function journaalCsv(batch: BatchKop, regels: readonly JournaalRegel[]): string {
  return `\uFEFF${stringify(journaalCsvRecords(batch, regels), { delimiter: ';', record_delimiter: '\r\n' })}`;
}

const BREED: Partial<Record<string, number>> = { aanbieder: 32, omschrijving: 60, grootboekrekening: 18, batchnummer: 16 };

export async function journaalXlsx(batch: BatchKop, regels: readonly JournaalRegel[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Eenvoud';
  wb.title = `Journaal betaalbatch ${batch.nummer}`;
  const ws = wb.addWorksheet('Journaal');
  ws.columns = JOURNAAL_KOLOMMEN.map(([key, header]) => ({ key, header, width: BREED[key] ?? 14 }));
  for (const r of journaalRijen(batch, regels)) ws.addRow({ ...r, bedrag: Number(r.bedrag) / 100 });
  // Codes stay text (a cost centre 0100 is not 100); the amount shows two decimals.
  for (const key of ['agbCode', 'grootboekrekening', 'kostenplaats', 'productcategorie', 'productcode', 'periode', 'boekdatum'] as const) ws.getColumn(key).numFmt = '@';
  ws.getColumn('bedrag').numFmt = '#,##0.00';
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
