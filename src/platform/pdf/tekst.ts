/**
 * Text rules for letters (pure): one way to write a date, the laws' full names, the addressee and
 * sender blocks, and punctuation that a lawyer would not frown at. No I/O, unit-tested.
 */

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** A legal date ('YYYY-MM-DD') as every letter writes it: "3 december 2026". */
export function datumLang(d: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) throw new Error(`Geen datum: ${d}`);
  const [, j, mm, dd] = m;
  return `${Number(dd)} ${MAANDEN[Number(mm) - 1]} ${Number(j)}`;
}

/** Every date inside a text written as 'YYYY-MM-DD' or 'DD-MM-YYYY' becomes "3 december 2026". */
export function datumsVoluit(tekst: string): string {
  return tekst
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, j: string, m: string, d: string) => datumLang(`${j}-${m}-${d}`))
    .replace(/\b(\d{2})-(\d{2})-(\d{4})\b/g, (_, d: string, m: string, j: string) => datumLang(`${j}-${m}-${d}`));
}

/** The laws by their full name, as a letter names them (never a code such as "wmo"). */
export const WET_VOLUIT: Record<string, string> = {
  wmo: 'Wet maatschappelijke ondersteuning 2015',
  jeugdwet: 'Jeugdwet',
  participatiewet: 'Participatiewet',
  schuldhulp: 'Wet gemeentelijke schuldhulpverlening',
  minima: 'Participatiewet (bijzondere bijstand en minimaregelingen)',
  onbekend: 'Algemene wet bestuursrecht',
};

export const wetVoluit = (code: string): string => WET_VOLUIT[code] ?? code;

/** "a, b en c". */
export function opsomming(delen: readonly string[]): string {
  const d = delen.filter((x) => x.trim() !== '');
  if (d.length <= 1) return d[0] ?? '';
  return `${d.slice(0, -1).join(', ')} en ${d.at(-1)!}`;
}

/**
 * Clean punctuation: no "..", ". .", ",.", ".,", ",,", " ." or " ,"; one space between words.
 * An ellipsis written as "…" stays; three dots become one (a letter does not trail off).
 */
export function schoneInterpunctie(tekst: string): string {
  let t = tekst.replace(/[ \t]+/g, ' ');
  let vorige: string;
  do {
    vorige = t;
    t = t
      .replace(/ +([.,;:!?])/g, '$1') // no space before a mark
      .replace(/([.!?;:,])\s*\./g, '$1') // ". ." / ".." / ",." → the first mark
      .replace(/,\s*,/g, ',')
      .replace(/\.\s*,/g, '.')
      .replace(/;\s*[;.]/g, ';')
      .replace(/:\s*\./g, ':');
  } while (t !== vorige);
  return t.trim();
}

/** A sentence ends with exactly one full stop (or the mark it already has). */
export function zin(tekst: string): string {
  const t = schoneInterpunctie(tekst);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * The line under the signer's name: the function and the gemeente, "Casusregisseur, gemeente Demodorp".
 * A function that already names the gemeente ("Gemeente Demodorp", "Sociaal Domein gemeente Demodorp")
 * is not followed by it a second time.
 */
export function ondertekeningRegel(functie: string, gemeente: string): string {
  const f = schoneInterpunctie(functie);
  if (f === '') return `Gemeente ${gemeente}`;
  return f.toLowerCase().includes(`gemeente ${gemeente}`.toLowerCase()) ? f : `${f}, gemeente ${gemeente}`;
}

/** The settings a letter's sender block needs (stored per gemeente, key 'correspondentie'). */
export interface Correspondentie {
  afdeling: string;
  postbus: string;
  postcode: string;
  plaats: string;
  bezoekadres: { straat: string; postcode: string; plaats: string };
  telefoon: string;
  email: string | null;
  website: string | null;
  /** Where a bezwaar is sent (often the same postbus, to the college). */
  bezwaarAdres: { aan: string; postbus: string; postcode: string; plaats: string };
  /** The court for beroep against a decision on a bezwaar. */
  rechtbank: { naam: string; postbus: string; postcode: string; plaats: string };
}

/** Used until beheer sets the gemeente's own: clearly a placeholder, but complete and correct in form. */
export function standaardCorrespondentie(gemeenteNaam: string): Correspondentie {
  return {
    afdeling: 'Sociaal Domein',
    postbus: 'Postbus 1',
    postcode: '1000 AA',
    plaats: gemeenteNaam,
    bezoekadres: { straat: 'Raadhuisplein 1', postcode: '1000 AB', plaats: gemeenteNaam },
    telefoon: '14 0000',
    email: null,
    website: null,
    bezwaarAdres: { aan: `Het college van burgemeester en wethouders van ${gemeenteNaam}`, postbus: 'Postbus 1', postcode: '1000 AA', plaats: gemeenteNaam },
    rechtbank: { naam: 'de rechtbank', postbus: '', postcode: '', plaats: '' },
  };
}

/** The sender lines under the letterhead: department, postal address, visiting address, phone. */
export function afzenderRegels(c: Correspondentie): string[] {
  return [
    c.afdeling,
    `${c.postbus}, ${c.postcode} ${c.plaats}`,
    `Bezoekadres: ${c.bezoekadres.straat}, ${c.bezoekadres.postcode} ${c.bezoekadres.plaats}`,
    `Telefoon ${c.telefoon}${c.email ? `, ${c.email}` : ''}`,
  ].map(schoneInterpunctie);
}

/** An address on one line: "Postbus 1, 1000 AA Demodorp". */
export const adresRegel = (a: { postbus: string; postcode: string; plaats: string }): string =>
  schoneInterpunctie([a.postbus, [a.postcode, a.plaats].filter(Boolean).join(' ')].filter((x) => x.trim() !== '').join(', '));

export interface Adres { straat: string | null; huisnummer: string | null; postcode: string | null; plaats: string | null }

/** The address lines of a person: street and number, then postcode and place. */
export function adresRegels(a: Adres): string[] {
  return [[a.straat, a.huisnummer].filter(Boolean).join(' '), [a.postcode, a.plaats].filter(Boolean).join('  ')].filter((r) => r.trim() !== '');
}

export interface Vertegenwoordiging {
  naam: string;
  relatie: 'ouder' | 'curator' | 'mentor' | 'bewindvoerder' | 'overig';
  adres: Adres;
}

/**
 * To whom a decision about this person is addressed. A minor or a person under curatele/bewind:
 * to the representative(s) with gezag, "Aan de ouder(s)/verzorger(s) van …" or "Aan de curator van …",
 * at the representative's address (the first one's when they live apart, the others named).
 */
export function geadresseerde(persoon: { naam: string; adres: Adres }, vertegenwoordigers: readonly Vertegenwoordiging[]): { regels: string[]; aanhef: string } {
  if (!vertegenwoordigers.length) return { regels: [persoon.naam, ...adresRegels(persoon.adres)], aanhef: `Beste ${persoon.naam},` };
  const ouders = vertegenwoordigers.filter((v) => v.relatie === 'ouder');
  const eerste = vertegenwoordigers[0]!;
  const wie = ouders.length
    ? `Aan de ouder(s)/verzorger(s) van ${persoon.naam}`
    : `Aan de ${eerste.relatie === 'overig' ? 'wettelijk vertegenwoordiger' : eerste.relatie} van ${persoon.naam}`;
  const namen = vertegenwoordigers.map((v) => v.naam);
  return { regels: [wie, opsomming(namen), ...adresRegels(eerste.adres)], aanhef: `Beste ${opsomming(namen)},` };
}
