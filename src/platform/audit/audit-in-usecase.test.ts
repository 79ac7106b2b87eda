import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * ADR 34: audit entries are written by the use case, never by the route, so the demo, jobs and imports
 * leave the same trail as the HTTP API. This guard reads every routes file of every context and fails
 * on a call to an audit function (appendAudit, auditHuishouden, auditPerPersoon, or any local helper
 * named audit… / …Audit).
 */

const ROOT = join(import.meta.dirname, '..', '..', 'contexts');

/** Code without comments and without the contents of string literals (descriptions mention "audittrail (…)"). */
function alleenCode(bron: string): string {
  return bron
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, (m) => m[0] + m.slice(1, -1).replace(/[^\n]/g, ' ') + m[0])
    .replace(/\/\/[^\n]*/g, '');
}

const AUDIT_AANROEP = /\b(?:appendAudit|auditHuishouden|auditPerPersoon|audit[A-Z]\w*|audit|[a-z]\w*Audit)\s*\(/g;

function auditAanroepen(bron: string): { regel: number; tekst: string }[] {
  const code = alleenCode(bron);
  const regels = code.split('\n');
  return regels.flatMap((r, i) => ([...r.matchAll(AUDIT_AANROEP)].length ? [{ regel: i + 1, tekst: bron.split('\n')[i]!.trim() }] : []));
}

function routesBestanden(map: string): string[] {
  return readdirSync(map, { withFileTypes: true }).flatMap((e) => {
    const pad = join(map, e.name);
    if (e.isDirectory()) return routesBestanden(pad);
    return /routes.*\.ts$/.test(e.name) && !e.name.endsWith('.test.ts') ? [pad] : [];
  });
}

describe('audit in de use case, niet in de route (ADR 34)', () => {
  it('de controle herkent een auditaanroep en laat tekst en commentaar met het woord audittrail met rust', () => {
    expect(auditAanroepen("  await appendAudit(tx, actor!, []);")).toHaveLength(1);
    expect(auditAanroepen("  await audit(tx, actor!, a.huishoudenId, 'lezen');")).toHaveLength(1);
    expect(auditAanroepen("  await leesAudit(tx, actor!, id);")).toHaveLength(1);
    expect(auditAanroepen("  await auditHuishouden(tx, actor!, h, 'lezen', 'x', id, 'doel');")).toHaveLength(1);
    expect(auditAanroepen("  description: 'per vernietigd gegeven een regel in de audittrail (soort, id)',")).toHaveLength(0);
    expect(auditAanroepen('  // the audit(…) is written by the use case')).toHaveLength(0);
    expect(auditAanroepen('  /* appendAudit(tx) */ const x = 1;')).toHaveLength(0);
  });

  it('geen enkel routes-bestand van een context schrijft zelf een auditregel', () => {
    const bestanden = routesBestanden(ROOT);
    expect(bestanden.length).toBeGreaterThan(10);
    const fouten = bestanden.flatMap((b) => auditAanroepen(readFileSync(b, 'utf8')).map((f) => `${relative(ROOT, b)}:${f.regel}: ${f.tekst}`));
    expect(fouten, 'Schrijf de auditregel in de use case die de route aanroept (ADR 34)').toEqual([]);
  });
});
