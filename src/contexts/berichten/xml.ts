/**
 * The messages as XML: built with fast-xml-parser's builder (escaping is the library's), read from
 * the tree `leesXml` gives (namespace prefixes removed). Element order follows the XSDs; both
 * referees check every message we write (scheidsrechter.ts), so a wrong order cannot go out.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { BERICHTCODE, basisNamespace, berichtNamespace, berichtPrefix, type Soort, type Standaard, type ToewijzingInhoud } from './rules.ts';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true, format: true, indentBy: '  ' });

type Knoop = { [naam: string]: Waarde };
type Waarde = string | number | Knoop | Knoop[] | string[] | undefined;

/** Drops undefined members so optional elements are left out rather than written empty. */
function schoon(k: Knoop): Knoop {
  const uit: Knoop = {};
  for (const [n, w] of Object.entries(k)) if (w !== undefined && w !== null) uit[n] = w;
  return uit;
}

export interface Kop { afzender: string; ontvanger: string; identificatie: string; dagtekening: string }

/** Writes one message: the XML declaration, the root with both namespaces, and the body `maak` gives with the two prefixes. */
function schrijf(std: Standaard, soort: Soort, maak: (m: (n: string) => string, b: (n: string) => string) => Knoop): string {
  const p = berichtPrefix(std, soort);
  const m = (n: string) => `${p}:${n}`;
  const b = (n: string) => `${std}:${n}`;
  const wortel = { [`@_xmlns:${p}`]: berichtNamespace(std, soort), [`@_xmlns:${std}`]: basisNamespace(std), ...maak(m, b) };
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, [m('Bericht')]: wortel }) as string;
}

function header(std: Standaard, soort: Soort, kop: Kop, m: (n: string) => string, b: (n: string) => string): Knoop {
  return {
    [m('BerichtCode')]: BERICHTCODE[std][soort],
    [m('BerichtVersie')]: 3,
    [m('BerichtSubversie')]: 2,
    [m('Afzender')]: kop.afzender,
    [m('Ontvanger')]: kop.ontvanger,
    [m('BerichtIdentificatie')]: { [b('Identificatie')]: kop.identificatie, [b('Dagtekening')]: kop.dagtekening },
    [m('XsdVersie')]: { [b('BasisschemaXsdVersie')]: '1.0.0', [b('BerichtXsdVersie')]: '1.0.0' },
  };
}

export interface ClientInhoud {
  bsn: string; geboortedatum: string; geslacht: '0' | '1' | '2';
  achternaam: string; voorvoegsel: string | null; voornamen: string | null; voorletters: string | null;
  /** 01 BRP-adres, 02 correspondentie-adres (COD757); a contact needs an address (Huis and Postcode) or a phone (TR006). */
  contact: {
    soort: '01' | '02';
    adres: { huisnummer: number; huisletter: string | null; toevoeging: string | null; postcode: string | null; straat: string | null; plaats: string | null } | null;
    telefoon: string | null;
  };
}

const kort = (s: string | null, n: number): string | undefined => (s && s.trim() ? s.trim().slice(0, n) : undefined);

function naam(c: ClientInhoud, b: (n: string) => string, volledig: boolean): Knoop {
  return schoon({
    [b('Geslachtsnaam')]: schoon({ [b('Achternaam')]: kort(c.achternaam, 200), [b('Voorvoegsel')]: kort(c.voorvoegsel, 10) }),
    [b('Voornamen')]: kort(c.voornamen, 200),
    [b('Voorletters')]: kort(c.voorletters, 6),
    [b('NaamGebruik')]: volledig ? '1' : undefined,
  });
}

/** WMO301 / JW301: all toewijzingen of one client with one provider (OP087). */
export function schrijf301(std: Standaard, kop: Kop, client: ClientInhoud, regels: readonly ToewijzingInhoud[]): string {
  return schrijf(std, '301', (m, b) => ({
    [m('Header')]: header(std, '301', kop, m, b),
    [m('Client')]: schoon({
      [m('Bsn')]: client.bsn,
      [m('Geboortedatum')]: { [b('Datum')]: client.geboortedatum },
      [m('Geslacht')]: client.geslacht,
      [m('Naam')]: naam(client, b, true),
      [m('Contactgegevens')]: {
        [m('Contact')]: schoon({
          [m('Soort')]: client.contact.soort,
          [m('Adres')]: client.contact.adres ? schoon({
            [b('Huis')]: schoon({ [b('Huisnummer')]: client.contact.adres.huisnummer, [b('Huisletter')]: client.contact.adres.huisletter ?? undefined, [b('HuisnummerToevoeging')]: kort(client.contact.adres.toevoeging, 4) }),
            [b('Postcode')]: client.contact.adres.postcode ? client.contact.adres.postcode.replace(/\s+/g, '').toUpperCase() : undefined,
            [b('Straatnaam')]: kort(client.contact.adres.straat, 24),
            [b('Plaatsnaam')]: kort(client.contact.adres.plaats, 80),
            [b('LandCode')]: 'NL',
          }) : undefined,
          [m('Telefoon')]: client.contact.telefoon ? { [b('Telefoon01')]: { [b('Telefoonnummer')]: client.contact.telefoon, [b('Landnummer')]: '0031' } } : undefined,
        }),
      },
      [m('ToegewezenProducten')]: {
        [m('ToegewezenProduct')]: regels.map((r) => schoon({
          [m('ToewijzingNummer')]: r.nummer,
          [m('Product')]: schoon({ [b('Categorie')]: r.categorie, [b('Code')]: r.code ?? undefined }),
          [m('Toewijzingsdatum')]: r.toewijzingsdatum,
          [m('Toewijzingstijd')]: r.toewijzingstijd,
          [m('Ingangsdatum')]: r.ingangsdatum,
          [m('Einddatum')]: r.einddatum ?? undefined,
          [m('RedenWijziging')]: r.redenWijziging ?? undefined,
          [m('Omvang')]: r.omvang ? { [b('Volume')]: r.omvang.volume, [b('Eenheid')]: r.omvang.eenheid, [b('Frequentie')]: r.omvang.frequentie } : undefined,
          [m('Budget')]: r.budgetCents ?? undefined,
        })),
      },
    }),
  }));
}

export interface RetourKop { origineel: Kop; identificatie: string; dagtekening: string; retourcodes: readonly string[] }

function retourHeader(std: Standaard, soort: Soort, r: RetourKop, m: (n: string) => string, b: (n: string) => string): Knoop {
  return schoon({
    ...header(std, soort, r.origineel, m, b),
    [m('IdentificatieRetour')]: r.identificatie,
    [m('DagtekeningRetour')]: r.dagtekening,
    [m('XsdVersieRetour')]: { [b('BasisschemaXsdVersie')]: '1.0.0', [b('BerichtXsdVersie')]: '1.0.0' },
    [m('RetourCodes')]: r.retourcodes.length ? { [m('RetourCode')]: [...r.retourcodes] } : undefined,
  });
}

export interface RetourProduct {
  toewijzingNummer: number | null; categorie: string | null; code: string | null; ingangsdatum: string | null; begindatum: string;
  statusAanlevering: string; einddatum?: string; redenBeeindiging?: string; retourcodes: readonly string[];
}
export interface RetourClient {
  bsn: string; geboortedatum: string; datumGebruik: string | null; geslacht: string; achternaam: string; voorvoegsel: string | null; voornamen: string | null; voorletters: string | null;
  retourcodes: readonly string[]; producten: readonly RetourProduct[];
}

const codes = (m: (n: string) => string, lijst: readonly string[]): Knoop => ({ [m('RetourCode')]: lijst.length ? [...lijst] : ["0200"] });

/**
 * WMO306/JW306 (retour start) and WMO308/JW308 (retour stop): the original header and client with a
 * retourcode on the message, the client and every product. Without a client: refused as a whole.
 */
export function schrijfRetourStartStop(std: Standaard, soort: '306' | '308', kop: RetourKop, client: RetourClient | null): string {
  const stop = soort === '308';
  return schrijf(std, soort, (m, b) => schoon({
    [m('Header')]: retourHeader(std, soort, kop, m, b),
    [m('Client')]: client ? {
      [m('Bsn')]: client.bsn,
      [m('Geboortedatum')]: schoon({ [b('Datum')]: client.geboortedatum, [b('DatumGebruik')]: client.datumGebruik ?? undefined }),
      [m('Geslacht')]: client.geslacht,
      [m('Naam')]: naam(client as unknown as ClientInhoud, b, false),
      [m(stop ? 'StopProducten' : 'StartProducten')]: {
        [m(stop ? 'StopProduct' : 'StartProduct')]: client.producten.map((p) => schoon({
          [m('ToewijzingNummer')]: p.toewijzingNummer ?? undefined,
          [m('Product')]: p.categorie ? schoon({ [b('Categorie')]: p.categorie, [b('Code')]: p.code ?? undefined }) : undefined,
          [m('ToewijzingIngangsdatum')]: p.ingangsdatum ?? undefined,
          [m('Begindatum')]: p.begindatum,
          [m('RedenBeeindiging')]: stop ? p.redenBeeindiging : undefined,
          [m('Einddatum')]: stop ? p.einddatum : undefined,
          [m('StatusAanlevering')]: p.statusAanlevering,
          [m('RetourCodes')]: codes(m, p.retourcodes),
        })),
      },
      [m('RetourCodes')]: codes(m, client.retourcodes),
    } : undefined,
  }));
}

export interface StartStopRegel {
  toewijzingNummer: number; categorie: string; code: string | null; ingangsdatum: string; begindatum: string; statusAanlevering: '1' | '3';
  einddatum?: string; redenBeeindiging?: string;
}

/**
 * WMO305/JW305 (start) and WMO307/JW307 (stop) as a provider's software writes them: for the demo
 * history and the volume bench, and for providers without software of their own (the portal).
 */
export function schrijfStartStop(std: Standaard, soort: '305' | '307', kop: Kop, client: Pick<ClientInhoud, 'bsn' | 'geboortedatum' | 'geslacht' | 'achternaam' | 'voorvoegsel' | 'voornamen' | 'voorletters'>, regels: readonly StartStopRegel[]): string {
  const stop = soort === '307';
  return schrijf(std, soort, (m, b) => ({
    [m('Header')]: header(std, soort, kop, m, b),
    [m('Client')]: {
      [m('Bsn')]: client.bsn,
      [m('Geboortedatum')]: { [b('Datum')]: client.geboortedatum },
      [m('Geslacht')]: client.geslacht,
      [m('Naam')]: naam(client as ClientInhoud, b, false),
      [m(stop ? 'StopProducten' : 'StartProducten')]: {
        [m(stop ? 'StopProduct' : 'StartProduct')]: regels.map((r) => schoon({
          [m('ToewijzingNummer')]: r.toewijzingNummer,
          [m('Product')]: schoon({ [b('Categorie')]: r.categorie, [b('Code')]: r.code ?? undefined }),
          [m('ToewijzingIngangsdatum')]: r.ingangsdatum,
          [m('Begindatum')]: r.begindatum,
          [m('RedenBeeindiging')]: stop ? r.redenBeeindiging : undefined,
          [m('Einddatum')]: stop ? r.einddatum : undefined,
          [m('StatusAanlevering')]: r.statusAanlevering,
        })),
      },
    },
  }));
}

// ————— Reading —————

type Boom = Record<string, unknown>;
const knoop = (v: unknown): Boom | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Boom) : undefined);
const lijst = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const tekst = (v: unknown): string | null => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** A path of local names into the parsed tree; null when any step is missing. */
export function pad(boom: unknown, ...namen: string[]): unknown {
  let k: unknown = boom;
  for (const n of namen) {
    const o = knoop(Array.isArray(k) ? k[0] : k);
    if (!o) return null;
    k = o[n];
  }
  return k ?? null;
}
export const padTekst = (boom: unknown, ...namen: string[]): string | null => tekst(pad(boom, ...namen));

export interface GelezenKop { berichtCode: string | null; afzender: string | null; ontvanger: string | null; identificatie: string | null; dagtekening: string | null }
/**
 * Who sent this message and under which identification. A retour (302, 320) copies the header of the
 * message it answers, so its own sender is that header's Ontvanger and its own identification is
 * IdentificatieRetour.
 */
export function leesKop(boom: unknown, retour: boolean): GelezenKop {
  const h = pad(boom, 'Header');
  return retour ? {
    berichtCode: padTekst(h, 'BerichtCode'), afzender: padTekst(h, 'Ontvanger'), ontvanger: padTekst(h, 'Afzender'),
    identificatie: padTekst(h, 'IdentificatieRetour'), dagtekening: padTekst(h, 'DagtekeningRetour'),
  } : {
    berichtCode: padTekst(h, 'BerichtCode'), afzender: padTekst(h, 'Afzender'), ontvanger: padTekst(h, 'Ontvanger'),
    identificatie: padTekst(h, 'BerichtIdentificatie', 'Identificatie'), dagtekening: padTekst(h, 'BerichtIdentificatie', 'Dagtekening'),
  };
}

/** The client and its Start- or StopProducten of a 305/307 (already valid by the XSD). */
export function leesStartStop(boom: unknown, stop: boolean): Omit<RetourClient, 'retourcodes' | 'producten'> & { producten: Omit<RetourProduct, 'retourcodes'>[] } | null {
  const c = pad(boom, 'Client');
  if (!knoop(c)) return null;
  const producten = lijst(pad(c, stop ? 'StopProducten' : 'StartProducten', stop ? 'StopProduct' : 'StartProduct')).map((p) => {
    const nr = padTekst(p, 'ToewijzingNummer');
    return {
      toewijzingNummer: nr === null ? null : Number(nr), categorie: padTekst(p, 'Product', 'Categorie'), code: padTekst(p, 'Product', 'Code'),
      ingangsdatum: padTekst(p, 'ToewijzingIngangsdatum'), begindatum: padTekst(p, 'Begindatum') ?? '',
      statusAanlevering: padTekst(p, 'StatusAanlevering') ?? '1',
      ...(stop ? { einddatum: padTekst(p, 'Einddatum') ?? '', redenBeeindiging: padTekst(p, 'RedenBeeindiging') ?? '' } : {}),
    };
  });
  return {
    bsn: padTekst(c, 'Bsn') ?? '', geboortedatum: padTekst(c, 'Geboortedatum', 'Datum') ?? '', datumGebruik: padTekst(c, 'Geboortedatum', 'DatumGebruik'),
    geslacht: padTekst(c, 'Geslacht') ?? '0', achternaam: padTekst(c, 'Naam', 'Geslachtsnaam', 'Achternaam') ?? '',
    voorvoegsel: padTekst(c, 'Naam', 'Geslachtsnaam', 'Voorvoegsel'), voornamen: padTekst(c, 'Naam', 'Voornamen'), voorletters: padTekst(c, 'Naam', 'Voorletters'),
    producten,
  };
}

/** A 302: the identification of the 301 it answers and every retourcode in it (header, client, products). */
export function leesRetour(boom: unknown): { origineel: string | null; retourcodes: string[] } {
  const alle: string[] = [];
  const verzamel = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(verzamel); return; }
    const o = knoop(v);
    if (!o) return;
    for (const [n, w] of Object.entries(o)) {
      if (n === 'RetourCode') for (const c of lijst(w)) { const t = tekst(c); if (t) alle.push(t); }
      else verzamel(w);
    }
  };
  verzamel(boom);
  return { origineel: padTekst(pad(boom, 'Header'), 'BerichtIdentificatie', 'Identificatie'), retourcodes: alle };
}
