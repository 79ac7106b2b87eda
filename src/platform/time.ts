/** One formatter for the process: building an Intl.DateTimeFormat costs far more than formatting with it (a profile of the message bulk path showed it). */
const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar of Eenvoud is Europe/Amsterdam: "today" is the Dutch date, whatever the server's zone. */
export function vandaag(now: Date = new Date()): string {
  return amsterdam.format(now);
}

/** The last day of a month 'YYYY-MM' as 'YYYY-MM-DD' (Date.UTC with day 0 is the day before the next month's first). */
export function laatsteDagVanMaand(maand: string): string {
  const [j, m] = maand.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(j, m, 0)).toISOString().slice(0, 10);
}
