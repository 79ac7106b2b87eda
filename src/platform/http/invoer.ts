/**
 * PostgreSQL cannot store a NUL character in text or jsonb (it answered with a 500). Rather than
 * teaching every schema, every JSON body and query string is checked once at the edge.
 */
export function veldenMetNul(waarde: unknown, pad: string[] = [], uit: string[] = []): string[] {
  if (typeof waarde === 'string') {
    if (waarde.includes('\u0000')) uit.push(pad.join('.') || '(body)');
  } else if (Array.isArray(waarde)) {
    waarde.forEach((w, i) => veldenMetNul(w, [...pad, String(i)], uit));
  } else if (waarde !== null && typeof waarde === 'object' && !Buffer.isBuffer(waarde)) {
    for (const [k, w] of Object.entries(waarde as Record<string, unknown>)) {
      const hier = [...pad, k.replaceAll('\u0000', '')];
      if (k.includes('\u0000')) uit.push(hier.join('.'));
      veldenMetNul(w, hier, uit);
    }
  }
  return uit;
}

export const NUL_REDEN = 'Dit veld bevat een onzichtbaar NUL-teken dat niet kan worden opgeslagen; haal het weg of typ de tekst opnieuw';
