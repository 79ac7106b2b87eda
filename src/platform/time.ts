/** The calendar of Eenvoud is Europe/Amsterdam: "today" is the Dutch date, whatever the server's zone. */
export function vandaag(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
