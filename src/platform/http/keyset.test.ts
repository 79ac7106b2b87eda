import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { knipPagina, leesCursor, leesCursorVan, maakCursor } from './keyset.ts';
import { Problem } from './problem.ts';

describe('keyset cursor', () => {
  it('gives back the sort key of the last row, dates, numbers and nulls alike', () => {
    const sleutel = ['2026-03-01', null, 42, 'M-2026-000123', true];
    const cursor = maakCursor(sleutel);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(leesCursor(cursor)).toEqual(sleutel);
  });

  it('is no cursor when absent or empty (the first page)', () => {
    expect(leesCursor(undefined)).toBeUndefined();
    expect(leesCursor('')).toBeUndefined();
  });

  it.each([
    ['not base64url', 'abc$%'],
    ['not JSON', Buffer.from('{niet json').toString('base64url')],
    ['an object instead of a list', maakCursor([]).replace(/.*/, Buffer.from('{"a":1}').toString('base64url'))],
    ['an empty list', maakCursor([])],
    ['a nested value', Buffer.from('[["x"]]').toString('base64url')],
    ['far too long', 'A'.repeat(5000)],
  ])('rejects a cursor that is %s as bad input naming the parameter', (_naam, cursor) => {
    try {
      leesCursor(cursor, 'na');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Problem);
      expect((e as Problem).code).toBe('ongeldige-invoer');
      expect((e as Problem).status).toBe(400);
      expect((e as Problem).invalidParams?.[0]).toMatchObject({ name: 'na', code: 'ongeldige-cursor' });
    }
  });

  it('checks the shape of a list\'s own sort key', () => {
    const vorm = [z.iso.date().nullable(), z.string(), z.number().int()] as const;
    expect(leesCursorVan(maakCursor(['2026-01-02', 'x', 3]), vorm)).toEqual(['2026-01-02', 'x', 3]);
    expect(() => leesCursorVan(maakCursor([3, 'x', 3]), vorm)).toThrow(Problem);
    expect(() => leesCursorVan(maakCursor(['2026-01-02', 'x']), vorm)).toThrow(Problem);
  });

  it('cuts a page fetched with one row extra and points the next page after the last row shown', () => {
    const rijen = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const vol = knipPagina(rijen, 2, (r) => [r.n]);
    expect(vol.rijen).toEqual([{ n: 1 }, { n: 2 }]);
    expect(leesCursor(vol.volgende ?? undefined)).toEqual([2]);
    const laatste = knipPagina(rijen, 3, (r) => [r.n]);
    expect(laatste).toEqual({ rijen, volgende: null });
  });
});
