/**
 * The messages as XML: built with fast-xml-parser's builder (escaping is the library's), read from
 * the tree `leesXml` gives (namespace prefixes removed). Element order follows the XSDs; both
 * referees check every message we write (scheidsrechter.ts), so a wrong order cannot go out.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
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
          [m('ReferentieAanbieder')]: r.referentieAanbieder ?? undefined,
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

// ————— Verzoeken (315, 317), their retours (316, 318) and the antwoord (319) —————

export interface AangevraagdProduct {
  referentie: string; categorie: string | null; code: string | null; toewijzingIngangsdatum: string; toewijzingEinddatum: string | null;
  omvang: { volume: number; eenheid: string; frequentie: string } | null; budget: number | null; verwijzer: { type: string; naam: string | null; zorgverlenerscode: string | null } | null;
  commentaar: string | null;
}
export interface VerzoekClient { bsn: string; geboortedatum: string | null; achternaam: string; voorvoegsel: string | null; voornamen: string | null; voorletters: string | null; commentaar: string | null }

const omvangUit = (o: unknown): AangevraagdProduct['omvang'] => {
  const volume = padTekst(o, 'Volume');
  return volume === null ? null : { volume: Number(volume), eenheid: padTekst(o, 'Eenheid') ?? '', frequentie: padTekst(o, 'Frequentie') ?? '' };
};
const getal = (s: string | null): number | null => (s === null ? null : Number(s));

/** The client of a 315/317 (a 317 names only the BSN). */
export function leesVerzoekClient(boom: unknown): VerzoekClient | null {
  const c = pad(boom, 'Client');
  if (!knoop(Array.isArray(c) ? c[0] : c)) return null;
  return {
    bsn: padTekst(c, 'Bsn') ?? '', geboortedatum: padTekst(c, 'Geboortedatum', 'Datum'), achternaam: padTekst(c, 'Naam', 'Geslachtsnaam', 'Achternaam') ?? '',
    voorvoegsel: padTekst(c, 'Naam', 'Geslachtsnaam', 'Voorvoegsel'), voornamen: padTekst(c, 'Naam', 'Voornamen'), voorletters: padTekst(c, 'Naam', 'Voorletters'),
    commentaar: padTekst(c, 'Commentaar'),
  };
}

/** The requested products of a 315 (already valid by the XSD), in message order. */
export function leesVerzoekToewijzing(boom: unknown): AangevraagdProduct[] {
  return lijst(pad(boom, 'Client', 'AangevraagdeProducten', 'AangevraagdProduct')).map((p) => {
    const type = padTekst(p, 'Verwijzer', 'Type');
    return {
      referentie: padTekst(p, 'ReferentieAanbieder') ?? '', categorie: padTekst(p, 'Product', 'Categorie'), code: padTekst(p, 'Product', 'Code'),
      toewijzingIngangsdatum: padTekst(p, 'ToewijzingIngangsdatum') ?? '', toewijzingEinddatum: padTekst(p, 'ToewijzingEinddatum'),
      omvang: omvangUit(pad(p, 'Omvang')), budget: getal(padTekst(p, 'Budget')),
      verwijzer: type ? { type, naam: padTekst(p, 'Verwijzer', 'Naam'), zorgverlenerscode: padTekst(p, 'Verwijzer', 'ZorgverlenerCode') } : null,
      commentaar: padTekst(p, 'Commentaar'),
    };
  });
}

/** The verzoek of a 317 (already valid by the XSD). */
export function leesVerzoekWijziging(boom: unknown): import('./rules.ts').VerzoekWijziging {
  const v = pad(boom, 'Client', 'Verzoek');
  return {
    referentie: padTekst(v, 'ReferentieAanbieder') ?? '', redenVerzoek: padTekst(v, 'RedenVerzoek') ?? '',
    ongewijzigd: lijst(pad(v, 'OngewijzigdeProducten', 'OngewijzigdProduct')).map((p) => Number(padTekst(p, 'ToewijzingNummer'))),
    teWijzigen: lijst(pad(v, 'TeWijzigenProducten', 'TeWijzigenProduct')).map((p) => ({
      toewijzingNummer: Number(padTekst(p, 'ToewijzingNummer')), gewensteIngangsdatum: padTekst(p, 'GewensteIngangsdatum') ?? '', einddatum: padTekst(p, 'Einddatum'),
      omvang: omvangUit(pad(p, 'Omvang')), budget: getal(padTekst(p, 'Budget')),
    })),
    nieuw: lijst(pad(v, 'NieuweProducten', 'NieuwProduct')).map((p) => ({
      categorie: padTekst(p, 'Product', 'Categorie'), code: padTekst(p, 'Product', 'Code'), gewensteIngangsdatum: padTekst(p, 'GewensteIngangsdatum') ?? '',
      einddatum: padTekst(p, 'Einddatum'), omvang: omvangUit(pad(p, 'Omvang')), budget: getal(padTekst(p, 'Budget')),
    })),
  };
}

/** WMO319/JW319: the gemeente's answer on one verzoek (WJ760: 1 afgewezen, 2 in onderzoek). */
export function schrijf319(std: Standaard, kop: Kop, a: { referentie: string; antwoord: '1' | '2'; redenAfwijzing: string | null; woonplaatsGemeente: string | null }): string {
  return schrijf(std, '319', (m, b) => ({
    [m('Header')]: header(std, '319', kop, m, b),
    [m('Antwoord')]: schoon({
      [m('ReferentieAanbieder')]: a.referentie,
      [m('VerzoekAntwoord')]: a.antwoord,
      [m('RedenAfwijzingVerzoek')]: a.redenAfwijzing ?? undefined,
      // iJw only (TR377/TR409): the gemeente that is responsible when refused on the woonplaatsbeginsel.
      [m('Woonplaatsbeginsel')]: std === 'ijw' && a.redenAfwijzing === '8' && a.woonplaatsGemeente ? { [m('Gemeente')]: a.woonplaatsGemeente } : undefined,
    }),
  }));
}

/** The classes of a 315/317/319 that carry RetourCodes as their last child in the retour (316/318/320 XSDs). */
const GOED_KOP = ['0200'];
const MET_RETOURCODES = new Set(['Client', 'AangevraagdProduct', 'Verzoek', 'OngewijzigdProduct', 'TeWijzigenProduct', 'NieuwProduct', 'Antwoord', 'Woonplaatsbeginsel']);
const ordParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: false, parseTagValue: false, trimValues: true });
const ordBuilder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
type OrdKnoop = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * The retour of a verzoek or antwoord (316, 318, 320) is the message itself, element for element, with
 * RetourCodes as the last child of each class and the retour's identification in the header — so it is
 * written by copying the message (already read as safe and valid by the XSD) into the retour's
 * namespace. `codesVoor` gives the codes per class and occurrence (0200 when none).
 */
export function schrijfRetourEcho(std: Standaard, bron: Soort, retour: Soort, origineelXml: string, r: RetourKop, codesVoor: (klasse: string, index: number) => readonly string[]): string {
  // Refused on the message as a whole (XSD, stylesheet, TR056): only a header goes back, built from what we read of it.
  if (r.retourcodes.some((c) => !GOED_KOP.includes(c))) return schrijf(std, retour, (m, b) => ({ [m('Header')]: retourHeader(std, retour, r, m, b) }));
  const rp = berichtPrefix(std, retour);
  const bronNs = berichtNamespace(std, bron);
  const basisNs = basisNamespace(std);
  const teller = new Map<string, number>();
  const retourCodes = (lijst: readonly string[]): OrdKnoop => ({ [`${rp}:RetourCodes`]: (lijst.length ? lijst : ['0200']).map((c) => ({ [`${rp}:RetourCode`]: [{ '#text': c }] })) });
  const kopie = (knopen: OrdKnoop[], scope: Map<string, string>): OrdKnoop[] => {
    const uit: OrdKnoop[] = [];
    for (const k of knopen) {
      const naam = Object.keys(k).find((x) => x !== ':@');
      if (!naam) continue;
      if (naam === '#text') { uit.push({ '#text': k['#text'] }); continue; }
      if (naam.startsWith('?')) continue;
      const eigen = new Map(scope);
      for (const [a, w] of Object.entries(k[':@'] ?? {})) {
        if (a === '@_xmlns') eigen.set('', w);
        else if (a.startsWith('@_xmlns:')) eigen.set(a.slice(8), w);
      }
      const [pre, lokaal] = naam.includes(':') ? [naam.slice(0, naam.indexOf(':')), naam.slice(naam.indexOf(':') + 1)] : ['', naam];
      const ns = eigen.get(pre);
      const kinderen = kopie(k[naam] as OrdKnoop[], eigen);
      if (ns === bronNs) {
        if (lokaal === 'Header') {
          kinderen.push(
            { [`${rp}:IdentificatieRetour`]: [{ '#text': r.identificatie }] }, { [`${rp}:DagtekeningRetour`]: [{ '#text': r.dagtekening }] },
            { [`${rp}:XsdVersieRetour`]: [{ [`${std}:BasisschemaXsdVersie`]: [{ '#text': '1.0.0' }] }, { [`${std}:BerichtXsdVersie`]: [{ '#text': '1.0.0' }] }] },
          );
          kinderen.push(retourCodes(r.retourcodes));
        } else if (lokaal === 'BerichtCode') {
          kinderen.splice(0, kinderen.length, { '#text': String(BERICHTCODE[std][retour]) });
        } else if (MET_RETOURCODES.has(lokaal)) {
          const i = teller.get(lokaal) ?? 0;
          teller.set(lokaal, i + 1);
          kinderen.push(retourCodes(codesVoor(lokaal, i)));
        }
        uit.push({ [`${rp}:${lokaal}`]: kinderen });
      } else if (ns === basisNs) {
        uit.push({ [`${std}:${lokaal}`]: kinderen });
      }
    }
    return uit;
  };
  const boom = ordParser.parse(origineelXml) as OrdKnoop[];
  const wortel = kopie(boom.filter((k) => !Object.keys(k).some((n) => n.startsWith('?'))), new Map())[0];
  if (!wortel) throw new Error('bericht zonder hoofdelement');
  const inhoud = wortel[`${rp}:Bericht`] as OrdKnoop[];
  const doc = [
    { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } },
    { [`${rp}:Bericht`]: inhoud, ':@': { [`@_xmlns:${rp}`]: berichtNamespace(std, retour), [`@_xmlns:${std}`]: basisNs } },
  ];
  return ordBuilder.build(doc) as string;
}

/**
 * WMO315/JW315 (verzoek om toewijzing) as a provider's software writes them: for the tests, the demo
 * history and providers without software of their own. One AangevraagdProduct per product, each with
 * its own reference; iJw requires the verwijzer (e.g. 01 huisarts).
 */
export function schrijfVerzoekToewijzing(std: Standaard, kop: Kop, client: Pick<ClientInhoud, 'bsn' | 'geboortedatum' | 'geslacht' | 'achternaam' | 'voorvoegsel' | 'voornamen' | 'voorletters'>,
  producten: readonly Omit<AangevraagdProduct, 'budget' | 'commentaar'>[]): string {
  return schrijf(std, '315', (m, b) => ({
    [m('Header')]: header(std, '315', kop, m, b),
    [m('Client')]: {
      [m('Bsn')]: client.bsn,
      [m('Geboortedatum')]: { [b('Datum')]: client.geboortedatum },
      [m('Geslacht')]: client.geslacht,
      [m('Naam')]: naam(client as ClientInhoud, b, false),
      [m('AangevraagdeProducten')]: {
        [m('AangevraagdProduct')]: producten.map((p) => schoon({
          [m('ReferentieAanbieder')]: p.referentie,
          [m('Product')]: p.categorie ? schoon({ [b('Categorie')]: p.categorie, [b('Code')]: p.code ?? undefined }) : undefined,
          [m('ToewijzingIngangsdatum')]: p.toewijzingIngangsdatum,
          [m('ToewijzingEinddatum')]: p.toewijzingEinddatum ?? undefined,
          [m('Omvang')]: p.omvang ? { [b('Volume')]: p.omvang.volume, [b('Eenheid')]: p.omvang.eenheid, [b('Frequentie')]: p.omvang.frequentie } : undefined,
          // The XSD requires a verwijzer; without one the client came on his own (06).
          [m('Verwijzer')]: schoon({ [b('Type')]: p.verwijzer?.type ?? '06', [b('Naam')]: p.verwijzer?.naam ?? undefined, [b('ZorgverlenerCode')]: p.verwijzer?.zorgverlenerscode ?? undefined }),
        })),
      },
    },
  }));
}

/** WMO317/JW317 (verzoek om wijziging) as a provider's software writes them (tests, demo, portal). */
export function schrijfVerzoekWijziging(std: Standaard, kop: Kop, bsn: string, v: import('./rules.ts').VerzoekWijziging): string {
  const omvang = (o: { volume: number; eenheid: string; frequentie: string } | null, b: (n: string) => string) =>
    (o ? { [b('Volume')]: o.volume, [b('Eenheid')]: o.eenheid, [b('Frequentie')]: o.frequentie } : undefined);
  return schrijf(std, '317', (m, b) => ({
    [m('Header')]: header(std, '317', kop, m, b),
    [m('Client')]: {
      [m('Bsn')]: bsn,
      [m('Verzoek')]: schoon({
        [m('ReferentieAanbieder')]: v.referentie,
        [m('RedenVerzoek')]: v.redenVerzoek,
        [m('OngewijzigdeProducten')]: v.ongewijzigd.length ? { [m('OngewijzigdProduct')]: v.ongewijzigd.map((n) => ({ [m('ToewijzingNummer')]: n })) } : undefined,
        [m('TeWijzigenProducten')]: v.teWijzigen.length ? {
          [m('TeWijzigenProduct')]: v.teWijzigen.map((p) => schoon({
            [m('ToewijzingNummer')]: p.toewijzingNummer, [m('GewensteIngangsdatum')]: p.gewensteIngangsdatum, [m('Einddatum')]: p.einddatum ?? undefined,
            [m('Omvang')]: omvang(p.omvang, b), [m('Budget')]: p.budget ?? undefined,
          })),
        } : undefined,
        [m('NieuweProducten')]: v.nieuw.length ? {
          [m('NieuwProduct')]: v.nieuw.map((p) => schoon({
            [m('Product')]: p.categorie ? schoon({ [b('Categorie')]: p.categorie, [b('Code')]: p.code ?? undefined }) : undefined,
            [m('GewensteIngangsdatum')]: p.gewensteIngangsdatum, [m('Einddatum')]: p.einddatum ?? undefined, [m('Omvang')]: omvang(p.omvang, b), [m('Budget')]: p.budget ?? undefined,
          })),
        } : undefined,
      }),
    },
  }));
}

/** WMO320/JW320 as a provider's software writes it: the 319 echoed with 0200 (accepted) or the given codes. */
export function schrijfRetourAntwoord(std: Standaard, origineelXml: string, r: RetourKop, codes: readonly string[] = []): string {
  return schrijfRetourEcho(std, '319', '320', origineelXml, r, (k) => (k === 'Antwoord' ? codes : []));
}

// ————— Declaratie (323) and declaratie-antwoord (325), ADR 40 —————

export interface DeclaratieKop { nummer: string; begin: string; eind: string; dagtekening: string; totaalCents: number; debetCredit: 'D' | 'C' }
export interface DeclaratieClient { bsn: string; prestaties: import('./rules.ts').Prestatie[] }

const dc = (v: string | null): 'D' | 'C' => (v === 'C' ? 'C' : 'D');

/** The declaration of a 323 (already valid by the XSD and the stylesheet). */
export function leesDeclaratie(boom: unknown): { kop: DeclaratieKop; clienten: DeclaratieClient[] } | null {
  const d = pad(boom, 'Declaratie');
  if (!knoop(Array.isArray(d) ? d[0] : d)) return null;
  return {
    kop: {
      nummer: padTekst(d, 'DeclaratieNummer') ?? '', begin: padTekst(d, 'DeclaratiePeriode', 'Begindatum') ?? '', eind: padTekst(d, 'DeclaratiePeriode', 'Einddatum') ?? '',
      dagtekening: padTekst(d, 'DeclaratieDagtekening') ?? '', totaalCents: Number(padTekst(d, 'TotaalIngediendBedrag', 'TotaalBedrag') ?? 0),
      debetCredit: dc(padTekst(d, 'TotaalIngediendBedrag', 'DebetCredit')),
    },
    clienten: lijst(pad(d, 'Clienten', 'Client')).map((c) => ({
      bsn: padTekst(c, 'Bsn') ?? '',
      prestaties: lijst(pad(c, 'Prestaties', 'Prestatie')).map((p) => {
        const tarief = padTekst(p, 'ProductTarief');
        return {
          referentie: padTekst(p, 'ProductReferentie', 'ReferentieNummer') ?? '', vorigReferentie: padTekst(p, 'ProductReferentie', 'VorigReferentieNummer'),
          toewijzingNummer: Number(padTekst(p, 'ToewijzingNummer')), categorie: padTekst(p, 'ProductCategorie') ?? '', code: padTekst(p, 'ProductCode') ?? '',
          begin: padTekst(p, 'ProductPeriode', 'Begindatum') ?? '', eind: padTekst(p, 'ProductPeriode', 'Einddatum') ?? '',
          volume: Number(padTekst(p, 'GeleverdVolume') ?? 0), eenheid: padTekst(p, 'Eenheid') ?? '', tariefCents: tarief === null ? null : Number(tarief),
          bedragCents: Number(padTekst(p, 'IngediendBedrag', 'Bedrag') ?? 0), debetCredit: dc(padTekst(p, 'IngediendBedrag', 'DebetCredit')),
        };
      }),
    })),
  };
}

const bedragMetDc = (b: (n: string) => string, cents: number, veld: 'Bedrag' | 'TotaalBedrag'): Knoop => ({ [b(veld)]: Math.abs(cents), [b('DebetCredit')]: cents < 0 ? 'C' : 'D' });

function prestatieKnoop(m: (n: string) => string, b: (n: string) => string, p: import('./rules.ts').Prestatie, codesErbij?: readonly string[]): Knoop {
  return schoon({
    [m('ProductReferentie')]: schoon({ [b('ReferentieNummer')]: p.referentie, [b('VorigReferentieNummer')]: p.vorigReferentie ?? undefined }),
    [m('ToewijzingNummer')]: p.toewijzingNummer,
    [m('ProductCategorie')]: p.categorie,
    [m('ProductCode')]: p.code,
    [m('ProductPeriode')]: { [b('Begindatum')]: p.begin, [b('Einddatum')]: p.eind },
    [m('GeleverdVolume')]: p.volume,
    [m('Eenheid')]: p.eenheid,
    [m('ProductTarief')]: p.tariefCents ?? undefined,
    [m('IngediendBedrag')]: { [b('Bedrag')]: p.bedragCents, [b('DebetCredit')]: p.debetCredit },
    [m('RetourCodes')]: codesErbij ? codes(m, codesErbij) : undefined,
  });
}

/** WMO323/JW323 as a provider's software writes it: for the tests, the demo history and the volume bench. */
export function schrijf323(std: Standaard, kop: Kop, d: Omit<DeclaratieKop, 'totaalCents' | 'debetCredit'>, clienten: readonly DeclaratieClient[]): string {
  const totaal = clienten.reduce((s, c) => s + c.prestaties.reduce((t, p) => t + (p.debetCredit === 'C' ? -p.bedragCents : p.bedragCents), 0), 0);
  return schrijf(std, '323', (m, b) => ({
    [m('Header')]: header(std, '323', kop, m, b),
    [m('Declaratie')]: {
      [m('DeclaratieNummer')]: d.nummer,
      [m('DeclaratiePeriode')]: { [b('Begindatum')]: d.begin, [b('Einddatum')]: d.eind },
      [m('DeclaratieDagtekening')]: d.dagtekening,
      [m('TotaalIngediendBedrag')]: bedragMetDc(b, totaal, 'TotaalBedrag'),
      [m('Clienten')]: { [m('Client')]: clienten.map((c) => ({ [m('Bsn')]: c.bsn, [m('Prestaties')]: { [m('Prestatie')]: c.prestaties.map((p) => prestatieKnoop(m, b, p)) } })) },
    },
  }));
}

export interface DeclaratieAntwoord {
  /** The declaration's header: Afzender and Ontvanger turn around, its identification becomes DeclaratieIdentificatie (IV087). */
  origineel: Kop; identificatie: string; dagtekening: string;
  /** 0200, or 0001 (refused by a referee: only the header goes back). */
  kopcodes: readonly string[];
  antwoord: null | {
    nummer: string; ingediendCents: number; toegekendCents: number;
    /** 8001 (all approved), 0200 (some refused) or 9333 (TR333: not processed at all). */
    codes: readonly string[];
    /** Only clients with a refused prestatie, and only those prestaties (IV087). */
    clienten: readonly { bsn: string; codes: readonly string[]; prestaties: readonly (import('./rules.ts').Prestatie & { codes: readonly string[] })[] }[];
  };
}

/** WMO325/JW325: the answer to one declaration (IV087). */
export function schrijf325(std: Standaard, a: DeclaratieAntwoord): string {
  const kop: Kop = { afzender: a.origineel.ontvanger, ontvanger: a.origineel.afzender, identificatie: a.identificatie, dagtekening: a.dagtekening };
  return schrijf(std, '325', (m, b) => schoon({
    [m('Header')]: {
      ...header(std, '325', kop, m, b),
      [m('DeclaratieIdentificatie')]: { [b('Identificatie')]: a.origineel.identificatie, [b('Dagtekening')]: a.origineel.dagtekening },
      [m('XsltVersie')]: '2.10.5',
      [m('XsdVersieDeclaratie')]: { [b('BasisschemaXsdVersie')]: '1.0.0', [b('BerichtXsdVersie')]: '1.0.0' },
      [m('RetourCodes')]: codes(m, a.kopcodes),
    },
    [m('DeclaratieAntwoord')]: a.antwoord ? schoon({
      [m('DeclaratieNummer')]: a.antwoord.nummer,
      [m('TotaalIngediendBedrag')]: bedragMetDc(b, a.antwoord.ingediendCents, 'TotaalBedrag'),
      [m('TotaalToegekendBedrag')]: bedragMetDc(b, a.antwoord.toegekendCents, 'TotaalBedrag'),
      [m('Clienten')]: a.antwoord.clienten.length ? {
        [m('Client')]: a.antwoord.clienten.map((c) => ({
          [m('Bsn')]: c.bsn,
          [m('Prestaties')]: { [m('Prestatie')]: c.prestaties.map((p) => prestatieKnoop(m, b, p, p.codes)) },
          [m('RetourCodes')]: codes(m, c.codes),
        })),
      } : undefined,
      [m('RetourCodes')]: codes(m, a.antwoord.codes),
    }) : undefined,
  }));
}
