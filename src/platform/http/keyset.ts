import { z } from 'zod';
import { Problem } from './problem.ts';

/**
 * Keyset paging (ADR 27). A list answers one page and a cursor `volgende`: the sort key of its last
 * row, opaque to the client (base64url of JSON). The next request passes it back as `na` and the
 * store continues with `where (sort key) > (cursor)` on an index shaped for that order, so page 400
 * costs what page 1 costs — OFFSET would read and throw away every earlier row.
 */

/** One value of a sort key: what JSON carries without loss (dates travel as 'JJJJ-MM-DD' strings). */
export type SleutelWaarde = string | number | boolean | null;

const MAX_CURSOR = 2000;

/** The cursor for the row with this sort key (in the list's order, ties broken by a unique column). */
export function maakCursor(sortKey: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(sortKey), 'utf8').toString('base64url');
}

/**
 * The sort key inside a cursor, or undefined without one. A cursor that was not made by
 * `maakCursor` (edited, truncated, from another list's shape) is bad input: 400 ongeldige-invoer,
 * naming the parameter, never a 500 from the database.
 */
export function leesCursor(cursor: string | undefined, veld = 'na'): SleutelWaarde[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const fout = () => new Problem('ongeldige-invoer', 'De vervolgpagina bestaat niet (meer). Begin opnieuw bij de eerste pagina.', [
    { name: veld, code: 'ongeldige-cursor', reason: 'Deze verwijzing naar de volgende pagina is niet geldig' },
  ]);
  if (cursor.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw fout();
  let waarde: unknown;
  try {
    waarde = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fout();
  }
  if (!Array.isArray(waarde) || waarde.length === 0) throw fout();
  const sleutel: SleutelWaarde[] = [];
  for (const v of waarde as unknown[]) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) sleutel.push(v);
    else throw fout();
  }
  return sleutel;
}

/**
 * Reads a cursor of an expected shape: `vorm` checks each position (so a cursor from another list,
 * or with a number where a date belongs, is a 400 too, not a database error).
 */
export function leesCursorVan<T extends readonly z.ZodType[]>(
  cursor: string | undefined, vorm: T, veld = 'na',
): { [K in keyof T]: z.infer<T[K]> } | undefined {
  const sleutel = leesCursor(cursor, veld);
  if (sleutel === undefined) return undefined;
  const r = z.tuple(vorm as unknown as [z.ZodType, ...z.ZodType[]]).safeParse(sleutel);
  if (!r.success) {
    throw new Problem('ongeldige-invoer', 'De vervolgpagina bestaat niet (meer). Begin opnieuw bij de eerste pagina.', [
      { name: veld, code: 'ongeldige-cursor', reason: 'Deze verwijzing naar de volgende pagina is niet geldig' },
    ]);
  }
  return r.data as { [K in keyof T]: z.infer<T[K]> };
}

/**
 * Cuts a page fetched with LIMIT aantal + 1: the extra row only says there is a next page, whose
 * cursor is the sort key of the last row shown.
 */
export function knipPagina<R>(rijen: readonly R[], aantal: number, sleutel: (rij: R) => readonly unknown[]): { rijen: R[]; volgende: string | null } {
  if (rijen.length <= aantal) return { rijen: [...rijen], volgende: null };
  const pagina = rijen.slice(0, aantal);
  return { rijen: pagina, volgende: maakCursor(sleutel(pagina[pagina.length - 1] as R)) };
}

/** Query parameters of a keyset list (spread into a route's query schema). */
export const keysetParams = {
  na: z.string().max(MAX_CURSOR).optional()
    .describe('Vervolgpagina: de waarde `volgende` van de vorige pagina (ondoorzichtig). Zonder: de eerste pagina.'),
  aantal: z.coerce.number().int().min(1).max(200).default(25),
};

/** The answer of a keyset list around its row schema. */
export const keysetLijst = <T extends z.ZodType>(rij: T) => z.object({
  resultaten: z.array(rij),
  totaal: z.number().int().describe('Aantal rijen in de hele lijst; bij totaalIsSchatting een schatting'),
  totaalIsSchatting: z.boolean().describe('Waar: totaal is een schatting (lijsten over de hele geschiedenis), geen telling'),
  volgende: z.string().nullable().describe('Cursor voor de volgende pagina (als `na`), null op de laatste pagina'),
  aantal: z.number().int(),
});
