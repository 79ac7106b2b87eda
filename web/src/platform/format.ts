/** Dates as a Dutch reader expects them: "3 november 2026". */
const datumFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const momentFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam',
});

/** A calendar date 'YYYY-MM-DD' (no time zone) in Dutch. */
export function formatDatum(isoDatum: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDatum);
  if (!m) return isoDatum;
  // Noon UTC is the same calendar day in Amsterdam, summer and winter.
  return datumFormat.format(new Date(`${isoDatum}T12:00:00Z`));
}

/** A moment (ISO timestamp) in Dutch, in Amsterdam time. */
/**
 * The Dutch calendar day of a moment ('2026-12-01T23:13:00Z' is 2 december) or of a plain date.
 * Cutting the date out of a UTC timestamp shows the day before between midnight and 1:00 (2:00 in summer).
 */
export function formatDag(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDatum(iso);
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : datumFormat.format(d);
}

export function formatMoment(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : momentFormat.format(d);
}

/** Today's date in the Netherlands as 'YYYY-MM-DD', the same calendar the API checks against. */
export function vandaag(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
