import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';

// Reading XML that someone else sent us (iWmo/iJw messages from providers, ADR 36). Everything that
// makes XML dangerous — DTDs, entities, processing instructions, absurd nesting, other encodings —
// has no place in an iStandaard message, so it is refused before any parser or referee sees it.

export type OnveiligeXmlCode = 'te-groot' | 'dtd' | 'entiteit' | 'te-diep' | 'geen-xml' | 'codering' | 'instructie';

export class OnveiligeXml extends Error {
  readonly code: OnveiligeXmlCode;
  readonly bericht: string;

  constructor(code: OnveiligeXmlCode, bericht: string) {
    super(bericht);
    this.name = 'OnveiligeXml';
    this.code = code;
    this.bericht = bericht;
  }
}

export interface XmlGrenzen {
  /** Largest input in bytes (UTF-8); default 2 MiB. */
  maxBytes?: number;
  /** Deepest element nesting (the root is level 1); default 40. */
  maxDiepte?: number;
  /** Local element names that always come out as an array, also when they occur once. */
  lijsten?: Iterable<string>;
}

export interface XmlWortel {
  /** Local name, without prefix. */
  naam: string;
  namespace: string | null;
}

export interface GelezenXml {
  wortel: XmlWortel;
  /**
   * The root element's content: child elements by local name (prefixes removed), every value a
   * string with surrounding whitespace trimmed, an empty element "". Attributes are left out.
   */
  boom: unknown;
}

export interface GecontroleerdeXml {
  /** The document as text, without a byte order mark. */
  tekst: string;
  wortel: XmlWortel;
}

export const STANDAARD_MAX_BYTES = 2 * 1024 * 1024;
export const STANDAARD_MAX_DIEPTE = 40;

/**
 * Elements that may repeat in the iWmo/iJw 3.2 messages: every element with maxOccurs="unbounded"
 * in their XSDs (a test keeps this list equal to the XSDs). Pass it as `lijsten` so a message with
 * one Client reads the same as one with three.
 */
export const ISTANDAARD_LIJSTEN: ReadonlySet<string> = new Set([
  'AangevraagdProduct', 'Client', 'Contact', 'NieuwProduct', 'OngewijzigdProduct', 'Prestatie',
  'Relatie', 'RetourCode', 'StartProduct', 'StopProduct', 'TeWijzigenProduct', 'ToegewezenProduct',
]);

/** A value that may be absent, one, or several, as a list. */
export function alsLijst<T>(waarde: T | readonly T[] | undefined | null): T[] {
  if (waarde === undefined || waarde === null) return [];
  return Array.isArray(waarde) ? [...(waarde as readonly T[])] : [waarde as T];
}

/**
 * Refuses what is unsafe or not XML (OnveiligeXml) and returns the text and the root element,
 * without building a tree. This is the gate in front of the referees (xmllint, xsltproc), which
 * would otherwise read local files through external entities.
 */
export function controleerXml(invoer: string | Buffer, grenzen: XmlGrenzen = {}): GecontroleerdeXml {
  const maxBytes = grenzen.maxBytes ?? STANDAARD_MAX_BYTES;
  const maxDiepte = grenzen.maxDiepte ?? STANDAARD_MAX_DIEPTE;

  const bytes = typeof invoer === 'string' ? Buffer.byteLength(invoer, 'utf8') : invoer.length;
  if (bytes > maxBytes) {
    throw new OnveiligeXml('te-groot', `Het bericht is ${bytes} bytes; meer dan ${maxBytes} bytes nemen wij niet aan.`);
  }

  const tekst = alsTekst(invoer);
  // ENTITY before DOCTYPE: a DOCTYPE that declares entities (XXE, billion laughs) gets the more telling code.
  if (/<!ENTITY/i.test(tekst)) {
    throw new OnveiligeXml('entiteit', 'Het bericht declareert een entiteit (<!ENTITY …>); dat nemen wij niet aan.');
  }
  if (/<!DOCTYPE/i.test(tekst)) {
    throw new OnveiligeXml('dtd', 'Het bericht bevat een DOCTYPE; een iStandaard-bericht heeft er geen en wij lezen er geen.');
  }
  // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters; finding them is the point
  if (/[\u0001-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(tekst)) {
    throw geenXml('het bevat een teken dat in XML niet mag voorkomen');
  }
  const wortel = scan(tekst, maxDiepte);

  const oordeel = XMLValidator.validate(tekst);
  if (oordeel !== true) {
    throw geenXml(`regel ${oordeel.err.line}, kolom ${oordeel.err.col}`);
  }
  return { tekst, wortel };
}

/** Reads untrusted XML into plain objects of strings, after controleerXml let it through. */
export function leesXml(invoer: string | Buffer, grenzen: XmlGrenzen = {}): GelezenXml {
  const { tekst, wortel } = controleerXml(invoer, grenzen);
  const lijsten = new Set(grenzen.lijsten ?? []);
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Strings stay strings: a BSN "012345678" or a code "01" is not a number.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // The five predefined entities and character references, nothing else (no DTD ever gets here).
    processEntities: true,
    htmlEntities: false,
    entityDecoder: alleenXmlEntiteiten(),
    maxNestedTags: (grenzen.maxDiepte ?? STANDAARD_MAX_DIEPTE) + 1,
    isArray: (naam, _pad, _blad, isAttribuut) => !isAttribuut && lijsten.has(naam),
  });
  let document: Record<string, unknown>;
  try {
    document = parser.parse(tekst) as Record<string, unknown>;
  } catch (fout) {
    if (fout instanceof OnveiligeXml) throw fout;
    throw geenXml('de parser kon het niet lezen');
  }
  // The root is the only key (no declaration, instructions or comments are kept); not looked up by
  // name, so a root called __proto__ cannot hand back Object.prototype.
  const sleutels = Object.keys(document);
  return { wortel, boom: sleutels.length === 1 ? document[sleutels[0]!] : '' };
}

function geenXml(waarom: string): OnveiligeXml {
  return new OnveiligeXml('geen-xml', `Het bericht is geen goedgevormde XML (${waarom}).`);
}

function codering(waarom: string): OnveiligeXml {
  return new OnveiligeXml('codering', `Het bericht is niet in UTF-8 gecodeerd (${waarom}).`);
}

const DECLARATIE = /^<\?xml[\s?]/;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function alsTekst(invoer: string | Buffer): string {
  let tekst: string;
  if (typeof invoer === 'string') {
    tekst = invoer.charCodeAt(0) === 0xfeff ? invoer.slice(1) : invoer;
    // With the u flag a surrogate pair is one code point: only a lone half matches \p{Cs}.
    if (/\p{Cs}/u.test(tekst)) {
      throw codering('de tekst bevat een losse surrogaathelft');
    }
  } else {
    if ((invoer[0] === 0xfe && invoer[1] === 0xff) || (invoer[0] === 0xff && invoer[1] === 0xfe)) {
      throw codering('de bytes beginnen met het UTF-16-merkteken');
    }
    try {
      tekst = UTF8.decode(invoer); // drops a UTF-8 byte order mark
    } catch {
      throw codering('de bytes zijn geen geldige UTF-8');
    }
  }
  // NUL never occurs in XML; here it means UTF-16 or UTF-32 read as UTF-8.
  if (tekst.includes('\u0000')) throw codering('het bevat NUL-tekens, zoals UTF-16 of UTF-32');
  if (tekst.trim() === '') throw geenXml('het is leeg');

  const declaratie = DECLARATIE.test(tekst) ? tekst.slice(0, tekst.indexOf('?>') + 2) : '';
  if (declaratie !== '') {
    const encoding = /\sencoding\s*=\s*(["'])(.*?)\1/.exec(declaratie)?.[2];
    if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
      throw codering(`de XML-declaratie noemt ${encoding.slice(0, 40)}`);
    }
    if (!/^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[^"']*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/.test(declaratie)) {
      throw geenXml('de XML-declaratie klopt niet');
    }
  }
  return tekst;
}

// XML names (with at most one colon, for namespaces); the character classes of XML 1.0 5th edition.
const NAAM_BEGIN = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAAM_TEKEN = `${NAAM_BEGIN}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
// eslint-disable-next-line no-misleading-character-class -- the combining marks U+0300–U+036F are name characters by the spec
const NAAM = new RegExp(`[${NAAM_BEGIN}][${NAAM_TEKEN}]*(?::[${NAAM_BEGIN}][${NAAM_TEKEN}]*)?`, 'uy');
const SPATIE = /[ \t\r\n]*/y;
const VERKEERDE_VERWIJZING = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/;
const TEKENVERWIJZING = /&#(x[0-9A-Fa-f]+|[0-9]+);/g;

function isXmlTeken(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff)
    || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function tekenVan(verwijzing: string): number {
  return verwijzing.startsWith('x') ? Number.parseInt(verwijzing.slice(1), 16) : Number.parseInt(verwijzing, 10);
}

function controleerVerwijzingen(stuk: string): void {
  if (!stuk.includes('&')) return;
  if (VERKEERDE_VERWIJZING.test(stuk)) throw geenXml('een & die geen van de vijf XML-entiteiten of een tekenverwijzing is');
  for (const m of stuk.matchAll(TEKENVERWIJZING)) {
    if (!isXmlTeken(tekenVan(m[1]!))) throw geenXml(`tekenverwijzing &#${m[1]}; is geen XML-teken`);
  }
}

interface Open {
  naam: string;
  namespaces: Map<string, string> | null;
}

/**
 * One pass over the text: nesting depth (counted while reading, no tree), processing instructions,
 * one root element with nothing but whitespace around it, matching end tags, attribute syntax,
 * entity references and bound namespace prefixes. What it does not check, XMLValidator does.
 */
function scan(tekst: string, maxDiepte: number): XmlWortel {
  const open: Open[] = [];
  let wortel: XmlWortel | null = null;
  let wortelDicht = false;
  let i = DECLARATIE.test(tekst) ? tekst.indexOf('?>') + 2 : 0;
  const n = tekst.length;

  while (i < n) {
    const lt = tekst.indexOf('<', i);
    const einde = lt === -1 ? n : lt;
    if (einde > i) {
      const stuk = tekst.slice(i, einde);
      if (open.length === 0) {
        if (stuk.trim() !== '') throw geenXml('er staat tekst buiten het wortelelement');
      } else {
        if (stuk.includes(']]>')) throw geenXml(']]> buiten een CDATA-sectie');
        controleerVerwijzingen(stuk);
      }
    }
    if (lt === -1) break;

    if (tekst.startsWith('<!--', lt)) {
      const dicht = tekst.indexOf('-->', lt + 4);
      if (dicht === -1) throw geenXml('commentaar zonder einde');
      if (tekst.slice(lt + 4, dicht).includes('--') || tekst[dicht - 1] === '-') throw geenXml('-- in commentaar');
      i = dicht + 3;
      continue;
    }
    if (tekst.startsWith('<![CDATA[', lt)) {
      if (open.length === 0) throw geenXml('CDATA buiten het wortelelement');
      const dicht = tekst.indexOf(']]>', lt + 9);
      if (dicht === -1) throw geenXml('CDATA-sectie zonder einde');
      i = dicht + 3;
      continue;
    }
    const volgend = tekst[lt + 1];
    if (volgend === '!') throw geenXml('een declaratie <!… hoort niet in een bericht');
    if (volgend === '?') {
      NAAM.lastIndex = lt + 2;
      const doel = NAAM.exec(tekst)?.[0] ?? '';
      if (doel.toLowerCase() === 'xml') throw geenXml('de XML-declaratie staat niet aan het begin');
      throw new OnveiligeXml('instructie', 'Het bericht bevat een verwerkingsinstructie (<?…?>) naast de XML-declaratie; dat nemen wij niet aan.');
    }
    if (volgend === '/') {
      NAAM.lastIndex = lt + 2;
      const naam = NAAM.exec(tekst)?.[0];
      if (naam === undefined) throw geenXml('eindtag zonder naam');
      SPATIE.lastIndex = lt + 2 + naam.length;
      SPATIE.exec(tekst);
      if (tekst[SPATIE.lastIndex] !== '>') throw geenXml(`eindtag </${naam} niet goed afgesloten`);
      const bovenste = open.pop();
      if (bovenste === undefined || bovenste.naam !== naam) throw geenXml(`eindtag </${naam}> past niet`);
      if (open.length === 0) wortelDicht = true;
      i = SPATIE.lastIndex + 1;
      continue;
    }

    // Start tag or empty-element tag.
    NAAM.lastIndex = lt + 1;
    const naam = NAAM.exec(tekst)?.[0];
    if (naam === undefined) throw geenXml('< zonder elementnaam');
    if (wortelDicht) throw geenXml('meer dan één wortelelement');
    if (open.length + 1 > maxDiepte) {
      throw new OnveiligeXml('te-diep', `De elementen in het bericht zijn dieper dan ${maxDiepte} niveaus genest; dat nemen wij niet aan.`);
    }
    let j = lt + 1 + naam.length;
    const attributen = new Map<string, string>();
    let leeg = false;
    for (;;) {
      SPATIE.lastIndex = j;
      SPATIE.exec(tekst);
      const naSpatie = SPATIE.lastIndex;
      const c = tekst[naSpatie];
      if (c === '>') { j = naSpatie + 1; break; }
      if (c === '/' && tekst[naSpatie + 1] === '>') { leeg = true; j = naSpatie + 2; break; }
      if (naSpatie === j) throw geenXml(`tag <${naam}> niet goed gevormd`);
      NAAM.lastIndex = naSpatie;
      const attribuut = NAAM.exec(tekst)?.[0];
      if (attribuut === undefined) throw geenXml(`tag <${naam}> niet goed gevormd`);
      SPATIE.lastIndex = naSpatie + attribuut.length;
      SPATIE.exec(tekst);
      if (tekst[SPATIE.lastIndex] !== '=') throw geenXml(`attribuut ${attribuut} zonder waarde`);
      SPATIE.lastIndex += 1;
      SPATIE.exec(tekst);
      const aanhalingsteken = tekst[SPATIE.lastIndex];
      if (aanhalingsteken !== '"' && aanhalingsteken !== "'") throw geenXml(`attribuut ${attribuut} zonder aanhalingstekens`);
      const dicht = tekst.indexOf(aanhalingsteken, SPATIE.lastIndex + 1);
      if (dicht === -1) throw geenXml(`attribuut ${attribuut} niet afgesloten`);
      const waarde = tekst.slice(SPATIE.lastIndex + 1, dicht);
      if (waarde.includes('<')) throw geenXml(`< in attribuut ${attribuut}`);
      controleerVerwijzingen(waarde);
      if (attributen.has(attribuut)) throw geenXml(`attribuut ${attribuut} staat er twee keer`);
      attributen.set(attribuut, waarde);
      j = dicht + 1;
    }

    let namespaces: Map<string, string> | null = null;
    for (const [attribuut, waarde] of attributen) {
      if (attribuut === 'xmlns' || attribuut.startsWith('xmlns:')) {
        const prefix = attribuut === 'xmlns' ? '' : attribuut.slice(6);
        if (prefix !== '' && waarde === '') throw geenXml(`prefix ${prefix} zonder namespace`);
        (namespaces ??= new Map()).set(prefix, waarde);
      }
    }
    const element: Open = { naam, namespaces };
    open.push(element);
    const namespace = zoekNamespace(open, naam, true);
    for (const attribuut of attributen.keys()) {
      if (attribuut !== 'xmlns' && !attribuut.startsWith('xmlns:')) zoekNamespace(open, attribuut, false);
    }
    if (wortel === null) {
      const dubbelepunt = naam.indexOf(':');
      wortel = { naam: dubbelepunt === -1 ? naam : naam.slice(dubbelepunt + 1), namespace };
    }
    if (leeg) {
      open.pop();
      if (open.length === 0) wortelDicht = true;
    }
    i = j;
  }

  if (open.length > 0) throw geenXml(`element <${open[open.length - 1]!.naam}> wordt niet gesloten`);
  if (wortel === null) throw geenXml('er is geen wortelelement');
  return wortel;
}

/** The namespace of a prefixed name in scope; an unbound prefix is not namespace-well-formed XML. */
function zoekNamespace(open: readonly Open[], naam: string, isElement: boolean): string | null {
  const dubbelepunt = naam.indexOf(':');
  const prefix = dubbelepunt === -1 ? '' : naam.slice(0, dubbelepunt);
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  if (prefix === '' && !isElement) return null;
  for (let k = open.length - 1; k >= 0; k--) {
    const uri = open[k]!.namespaces?.get(prefix);
    if (uri !== undefined) return uri === '' ? null : uri;
  }
  if (prefix === '') return null;
  throw geenXml(`prefix ${prefix} is niet gedeclareerd`);
}

const VOORGEDEFINIEERD: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * fast-xml-parser's own decoder either leaves character references alone (htmlEntities false) or
 * adds HTML's named entities (true); an iStandaard needs exactly XML's: the five predefined ones
 * and &#…; — in one pass, so "&amp;lt;" stays "&lt;".
 */
function alleenXmlEntiteiten(): EntityDecoderOptions {
  return {
    setExternalEntities: () => {},
    addInputEntities: () => {
      throw new OnveiligeXml('entiteit', 'Het bericht declareert een entiteit (<!ENTITY …>); dat nemen wij niet aan.');
    },
    reset: () => {},
    setXmlVersion: () => {},
    decode: (tekst) => tekst.includes('&')
      ? tekst.replace(/&(lt|gt|amp|quot|apos|#x[0-9A-Fa-f]+|#[0-9]+);/g, (_, naam: string) =>
        naam.startsWith('#') ? String.fromCodePoint(tekenVan(naam.slice(1))) : VOORGEDEFINIEERD[naam]!)
      : tekst,
  };
}
