/**
 * Zoeken: pure rules — what the case worker typed (BSN, number, name and birth date), who may see
 * which kind of hit, and how a hit is described.
 */
import { isValid } from 'date-fns';
import { isGeldigBsn, volledigeNaam } from '../inwoners/index.ts';

/**
 * The Dutch names of the codes a hit shows. Toegang and besluit own these lists (GET /waardelijsten
 * serves them); their index.ts does not export the names, so search keeps this copy and its API
 * test checks it against /waardelijsten, so the two cannot drift apart unnoticed.
 */
export const NAMEN = {
  wet: { wmo: 'Wmo 2015', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet', schuldhulp: 'Schuldhulpverlening', minima: 'Minimabeleid', onbekend: 'Nog onbekend' },
  meldingStatus: { gemeld: 'Gemeld', afgehandeld: 'Direct afgehandeld', inOnderzoek: 'In onderzoek', afgesloten: 'Afgesloten' },
  kanaal: {
    balie: 'Balie', telefoon: 'Telefoon', email: 'E-mail', online: 'Online formulier', verwijzing: 'Verwijzing door professional', vroegsignalering: 'Vroegsignalering',
  },
  aanvraagStatus: { ingediend: 'Ingediend', getoetst: 'Getoetst', beoordeeld: 'Beoordeeld', besloten: 'Besloten', verzonden: 'Verzonden' },
} as const satisfies Record<string, Record<string, string>>;

/** The name of a code, or the code itself for a code added later. */
export const naamVan = (lijst: keyof typeof NAMEN, code: string): string => (NAMEN[lijst] as Record<string, string>)[code] ?? code;

export const SOORTEN = ['persoon', 'melding', 'casus', 'aanvraag', 'beschikking'] as const;
export type Soort = (typeof SOORTEN)[number];

export const soortNaam: Record<Soort, string> = {
  persoon: 'Inwoner', melding: 'Melding', casus: 'Casus', aanvraag: 'Aanvraag', beschikking: 'Beschikking',
};

/** The letter that starts each kind of number (M-2026-000123), as toegang and besluit make them. */
const nummerLetter: Record<Exclude<Soort, 'persoon'>, string> = { melding: 'M', casus: 'C', aanvraag: 'A', beschikking: 'B' };
const letterSoort = Object.fromEntries(Object.entries(nummerLetter).map(([s, l]) => [l, s])) as Record<string, Exclude<Soort, 'persoon'>>;

export const ZOEKVRAAG_MIN = 2;
export const ZOEKVRAAG_MAX = 100;

export type Zoekvraag =
  | { soort: 'bsn'; bsn: string }
  | { soort: 'nummer'; resultaat: Exclude<Soort, 'persoon'>; nummer: string }
  | { soort: 'naam'; naam: string | null; geboortedatum: string | null };

/** Why a search text cannot be used, in words for the case worker. */
export class OnbruikbareZoekvraag extends Error {
  constructor(readonly reden: string) {
    super(reden);
  }
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;
/** Month names as people type them: in full, or the usual abbreviations ("mrt", "okt", "sept"). */
const maandVanNaam = new Map<string, number>([
  ...MAANDEN.map((m, i) => [m, i + 1] as const),
  ...MAANDEN.map((m, i) => [m.slice(0, 3), i + 1] as const),
  ['mrt', 3], ['sept', 9], ['febr', 2],
]);

/** 'YYYY-MM-DD' when the day exists in the calendar, else null. */
function maakDatum(jaar: number, maand: number, dag: number): string | null {
  if (maand < 1 || maand > 12 || dag < 1 || dag > 31) return null;
  const d = new Date(Date.UTC(jaar, maand - 1, dag));
  if (!isValid(d) || d.getUTCFullYear() !== jaar || d.getUTCMonth() !== maand - 1 || d.getUTCDate() !== dag) return null;
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/** The ways a birth date is typed, each giving day, month and year from its match. */
const DATUMPATRONEN: { patroon: RegExp; delen: (m: RegExpExecArray) => [number, number | undefined, number] }[] = [
  // 1956-03-12
  { patroon: /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, delen: (m) => [Number(m[3]), Number(m[2]), Number(m[1])] },
  // 12-03-1956, 12/3/1956, 12.03.1956, 12 03 1956
  { patroon: /(?<!\d)(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})(?!\d)/, delen: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // 12 maart 1956, 12 mrt. 1956, 12-mrt-1956
  {
    patroon: /(?<!\d)(\d{1,2})[\s-]*([a-z]{3,9})\.?[\s-]*(\d{4})(?!\d)/i,
    delen: (m) => [Number(m[1]), maandVanNaam.get(m[2]!.toLowerCase()), Number(m[3])],
  },
  // 12031956
  { patroon: /(?<!\d)(\d{2})(\d{2})(\d{4})(?!\d)/, delen: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
];

/**
 * Finds a birth date in the text as a case worker types it. Returns the date and the text without
 * it; throws when something looks like a date but is not a day of the calendar (31-02-1956).
 */
export function leesGeboortedatum(tekst: string, vandaag: string): { datum: string | null; rest: string } {
  for (const { patroon, delen } of DATUMPATRONEN) {
    const m = patroon.exec(tekst);
    if (!m) continue;
    const [dag, maand, jaar] = delen(m);
    // "12 jansen 1956" is not a date: an unknown month name means this pattern did not match.
    if (maand === undefined) continue;
    const datum = maakDatum(jaar, maand, dag);
    if (!datum) throw new OnbruikbareZoekvraag(`'${m[0]}' is geen bestaande datum. Schrijf de geboortedatum als 12-03-1956, 12 maart 1956 of 1956-03-12.`);
    if (datum > vandaag || jaar < 1890) throw new OnbruikbareZoekvraag(`${datumVoluit(datum)} kan geen geboortedatum zijn.`);
    return { datum, rest: (tekst.slice(0, m.index) + ' ' + tekst.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim() };
  }
  return { datum: null, rest: tekst };
}

/**
 * Reads what was typed in the search field: a BSN (9 digits, spaces or dots allowed), a number
 * (M-2026-000123, also m-2026-123 or M2026000123), or a name with or without a birth date.
 */
export function leesZoekvraag(invoer: string, vandaag: string): Zoekvraag {
  const tekst = invoer.replace(/\s+/g, ' ').trim();
  const cijfers = tekst.replace(/[\s.-]/g, '');
  if (/^\d{9}$/.test(cijfers)) {
    if (!isGeldigBsn(cijfers)) throw new OnbruikbareZoekvraag('Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.');
    return { soort: 'bsn', bsn: cijfers };
  }

  // The random reference a resident got from the online form (EV-7K3Q-9XWD) finds their melding too.
  const ev = /^ev\s*-?\s*([0-9a-z]{4})\s*-?\s*([0-9a-z]{4})$/i.exec(tekst);
  if (ev) return { soort: 'nummer', resultaat: 'melding', nummer: `EV-${ev[1]!.toUpperCase()}-${ev[2]!.toUpperCase()}` };

  const n = /^([mcab])\s*-?\s*(\d{4})\s*-?\s*(\d{1,6})$/i.exec(tekst);
  if (n) {
    const letter = n[1]!.toUpperCase();
    return { soort: 'nummer', resultaat: letterSoort[letter]!, nummer: `${letter}-${n[2]}-${n[3]!.padStart(6, '0')}` };
  }

  const { datum, rest } = leesGeboortedatum(tekst, vandaag);
  // What is left is a name: letters, with the spaces, hyphens, apostrophes and dots names have.
  const naam = rest.replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/\d/.test(naam)) {
    throw new OnbruikbareZoekvraag(
      /^\d+$/.test(cijfers)
        ? 'Een BSN heeft 9 cijfers. Zoek op BSN, op naam en geboortedatum, of op een nummer zoals M-2026-000123.'
        : 'Zoek op BSN, op naam en geboortedatum (12-03-1956), of op een nummer zoals M-2026-000123.',
    );
  }
  const letters = naam.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0 && !datum) throw new OnbruikbareZoekvraag('Typ een BSN, een naam met geboortedatum of een nummer zoals M-2026-000123.');
  if (letters.length > 0 && letters.length < ZOEKVRAAG_MIN) {
    throw new OnbruikbareZoekvraag(`Typ minstens ${ZOEKVRAAG_MIN} letters van de naam.`);
  }
  return { soort: 'naam', naam: letters.length > 0 ? naam : null, geboortedatum: datum };
}

/** "12 maart 1956": one way of writing dates in what the case worker reads. */
export function datumVoluit(datum: string): string {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  return `${d} ${MAANDEN[m - 1]} ${j}`;
}

/** What the search understood, so the case worker can see why these are the hits. */
export function gezochtOp(v: Zoekvraag): string {
  if (v.soort === 'bsn') return 'BSN';
  if (v.soort === 'nummer') return `${soortNaam[v.resultaat].toLowerCase()}nummer ${v.nummer}`;
  if (v.naam && v.geboortedatum) return `naam '${v.naam}' en geboortedatum ${datumVoluit(v.geboortedatum)}`;
  if (v.naam) return `naam '${v.naam}'`;
  return `geboortedatum ${datumVoluit(v.geboortedatum!)}`;
}

// ---------------------------------------------------------------------------------------------
// Who sees what. THE one rule for search results: issue 11 replaces it with need-to-know
// ("a person's file is open to those who work on the household").

/** The roles that work with files and may search. Beleid, inkoper, subsidie, beheer and privacy
 * work with aggregates, the catalogue or the audit trail, not with files: they get 403. */
export const ZOEK_ROLLEN = ['regisseur', 'teamleider', 'beslisser', 'frontoffice'] as const;

/** `dossier`: the hit links to the file. `status`: only the status view for the KCC (no contents). */
export type Weergave = 'dossier' | 'status';
/**
 * How a kind of hit is shown. Which hits of the `dossier` kind a user gets is not decided here but
 * by the one access rule (privacy, ADR 25): only households in the user's circle.
 */
export interface Zicht {
  weergave: Weergave;
}
export type ZoekToegang = Partial<Record<Soort, Zicht>>;

const dossier: Zicht = { weergave: 'dossier' };

/** Which kinds of hit a user with these roles may search, and how they are shown. A user with several roles gets the widest. */
export function zoekToegang(rollen: readonly string[]): ZoekToegang {
  const toegang: ZoekToegang = {};
  const geef = (soort: Soort, zicht: Zicht) => {
    const nu = toegang[soort];
    toegang[soort] = nu ? { weergave: nu.weergave === 'dossier' || zicht.weergave === 'dossier' ? 'dossier' : 'status' } : zicht;
  };
  if (rollen.includes('teamleider') || rollen.includes('beslisser') || rollen.includes('regisseur')) for (const s of SOORTEN) geef(s, dossier);
  // The KCC answers "how is my melding doing?": status and who handles it, not the file.
  if (rollen.includes('frontoffice')) geef('melding', { weergave: 'status' });
  return toegang;
}

/** Said when the search could not look for this kind at all with the user's roles. */
export function nietVoorUwRol(v: Zoekvraag, toegang: ZoekToegang): string | null {
  const soort: Soort = v.soort === 'nummer' ? v.resultaat : 'persoon';
  if (toegang[soort]) return null;
  if (toegang.melding?.weergave === 'status') {
    return 'Met uw rol zoekt u een melding op haar nummer, zoals M-2026-000123, of op het referentienummer dat de inwoner online kreeg (EV-7K3Q-9XWD). Inwoners en dossiers zoekt de casusregisseur.';
  }
  return `Met uw rol kunt u geen ${soortNaam[soort].toLowerCase()} zoeken.`;
}

// ---------------------------------------------------------------------------------------------
// How a hit is shown.

export interface Resultaat {
  soort: Soort;
  id: string;
  titel: string;
  omschrijving: string;
  url: string;
}

export const punt = (...delen: (string | null | undefined | false)[]) => delen.filter((d): d is string => !!d).join(' · ');

/** Where a person hit leads: the household's casus, else the person's melding, else the resident's own page in search. */
export function persoonUrl(p: { id: string; casusId: string | null; meldingId: string | null }): string {
  if (p.casusId) return `/casussen/${p.casusId}`;
  if (p.meldingId) return `/meldingen/${p.meldingId}`;
  return `/zoeken/personen/${p.id}`;
}

/** The roles that see residents as files (for the resident's page in search). */
export const PERSOON_ROLLEN = ['regisseur', 'teamleider', 'beslisser'] as const;

export function meldingUrl(id: string, weergave: Weergave): string {
  return weergave === 'status' ? `/zoeken/meldingen/${id}` : `/meldingen/${id}`;
}

interface Naam { voornaam: string; tussenvoegsel: string | null; achternaam: string }

export function persoonResultaat(p: Naam & { id: string; geboortedatum: string; woonplaats: string | null; kern: string | null; casusId: string | null; meldingId: string | null }): Resultaat {
  return {
    soort: 'persoon', id: p.id, titel: volledigeNaam(p),
    omschrijving: punt(`Geboren ${datumVoluit(p.geboortedatum)}`, p.woonplaats ?? p.kern),
    url: persoonUrl(p),
  };
}

/** The KCC's hit names no one: the status view shows the caller's name to check, nothing more. */
export function meldingResultaat(m: { id: string; nummer: string; wet: string; status: string; ontvangenOp: string; naam: Naam }, weergave: Weergave): Resultaat {
  return {
    soort: 'melding', id: m.id, titel: `Melding ${m.nummer}`,
    omschrijving: punt(
      naamVan('wet', m.wet), naamVan('meldingStatus', m.status), `ontvangen ${datumVoluit(m.ontvangenOp)}`,
      weergave === 'dossier' && volledigeNaam(m.naam),
    ),
    url: meldingUrl(m.id, weergave),
  };
}

export function casusResultaat(c: { id: string; nummer: string; status: string; regisseur: string | null; hoofdpersoon: { naam: Naam } | null }): Resultaat {
  return {
    soort: 'casus', id: c.id, titel: `Casus ${c.nummer}`,
    omschrijving: punt(
      c.hoofdpersoon && `Huishouden van ${volledigeNaam(c.hoofdpersoon.naam)}`, c.status === 'open' ? 'open' : 'gesloten',
      c.regisseur ? `casusregisseur ${c.regisseur}` : 'nog geen casusregisseur',
    ),
    url: `/casussen/${c.id}`,
  };
}

export function aanvraagResultaat(a: { id: string; nummer: string; status: string; ontvangenOp: string; naam: Naam }): Resultaat {
  return {
    soort: 'aanvraag', id: a.id, titel: `Aanvraag ${a.nummer}`,
    omschrijving: punt(volledigeNaam(a.naam), naamVan('aanvraagStatus', a.status), `ontvangen ${datumVoluit(a.ontvangenOp)}`),
    url: `/aanvragen/${a.id}`,
  };
}

export function beschikkingResultaat(b: { id: string; nummer: string; beslotenOp: string; verzondenOp: string | null; naam: Naam }): Resultaat {
  return {
    soort: 'beschikking', id: b.id, titel: `Beschikking ${b.nummer}`,
    omschrijving: punt(
      volledigeNaam(b.naam), `besloten ${datumVoluit(b.beslotenOp)}`, b.verzondenOp ? `verzonden ${datumVoluit(b.verzondenOp)}` : 'nog niet verzonden',
    ),
    url: `/beschikkingen/${b.id}`,
  };
}
