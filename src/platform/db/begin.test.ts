import { describe, expect, it } from 'vitest';
import { alsUuid, beginGenomen, metBegin, neemBegin } from './begin.ts';
import { MAX_BENOEMD, naamVoor } from './database.ts';

describe('begin in één round trip', () => {
  it('geeft de extra SQL aan de eerste transactie, één keer', async () => {
    expect(neemBegin()).toBeNull();
    const { resultaat, genomen } = await metBegin('set local role eenvoud_app', async () => {
      expect(beginGenomen()).toBe(false);
      const eerste = neemBegin();
      expect(beginGenomen()).toBe(true);
      return [eerste, neemBegin()];
    });
    expect(resultaat).toEqual(['begin; set local role eenvoud_app', null]);
    expect(genomen).toBe(true);
  });

  it('schrijft alleen een echte uuid in de SQL-tekst', () => {
    expect(alsUuid('689FA947-F386-4AD5-B000-0123456789AB')).toBe('689fa947-f386-4ad5-b000-0123456789ab');
    for (const fout of ["x'; drop table gebruikers; --", '', '689fa947-f386-4ad5-b000-0123456789ab\'', '689fa947f3864ad5b0000123456789ab']) {
      expect(() => alsUuid(fout)).toThrow();
    }
  });
});

describe('benoemde prepared statements', () => {
  it('geeft dezelfde tekst dezelfde naam, en een query zonder parameters geen naam', () => {
    const benoemd = new Set<string>();
    const a = naamVoor('select * from x where id = $1', 1, benoemd);
    expect(a).toMatch(/^e\d+_/);
    expect(naamVoor('select * from x where id = $1', 1, benoemd)).toBe(a);
    expect(naamVoor('select 1', 0, benoemd)).toBeUndefined();
    expect(naamVoor('select * from x where id in ($1, $2, $3, $4, $5)', 5, benoemd)).toBeUndefined();
  });

  it('is per verbinding begrensd: voorbij het maximum gaan nieuwe teksten zonder naam', () => {
    const benoemd = new Set<string>();
    for (let i = 0; i < MAX_BENOEMD; i++) expect(naamVoor(`select ${i} where $1`, 1, benoemd)).toBeDefined();
    expect(naamVoor('select nieuw where $1', 1, benoemd)).toBeUndefined();
    expect(naamVoor('select 0 where $1', 1, benoemd)).toBeDefined(); // a known text keeps its name
    expect(benoemd.size).toBe(MAX_BENOEMD);
  });

  it('geeft na DDL nieuwe namen, zodat een oud plan nooit een gewijzigde tabel beantwoordt', () => {
    const benoemd = new Set<string>();
    const voor = naamVoor('select * from x where id = $1', 1, benoemd);
    naamVoor('alter table x add column y int', 0, benoemd);
    expect(naamVoor('select * from x where id = $1', 1, benoemd)).not.toBe(voor);
  });
});
