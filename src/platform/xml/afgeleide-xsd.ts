import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The iWmo 3.2 source has no XSDs for its return messages (302, 306, 308, 316, 318, 320, 325).
// Their iJw twins exist and the heen-messages show how the two standards relate: deriving WMO301,
// 305, 307, 317 and 323 from their JW XSDs this way gives the published iWmo XSDs exactly, and 315
// and 319 after removing the Jeugd-only elements below (a test proves it). ADR 36.

export type Retourbericht = '302' | '306' | '308' | '316' | '318' | '320' | '325';

/** Vektis BerichtCode (COD002) per message number, iJw and iWmo. */
export const BERICHTCODE = {
  ijw: {
    '301': '436', '302': '437', '305': '438', '306': '439', '307': '440', '308': '441', '315': '446',
    '316': '447', '317': '486', '318': '487', '319': '488', '320': '489', '323': '490', '325': '491',
  },
  iwmo: {
    '301': '414', '302': '415', '305': '418', '306': '419', '307': '420', '308': '421', '315': '444',
    '316': '445', '317': '480', '318': '481', '319': '482', '320': '483', '323': '484', '325': '485',
  },
} as const;

export type Berichtnummer = keyof typeof BERICHTCODE.iwmo;

/**
 * Elements (and their complex types) that iJw has and iWmo has not: GezagsdragerBekend (authority
 * over a minor) in 315/316 and Woonplaatsbeginsel (the Jeugdwet's residence principle) in 319/320.
 */
const ALLEEN_JEUGD: Partial<Record<Berichtnummer, { elementen: string[]; typen: string[] }>> = {
  '315': { elementen: ['GezagsdragerBekend'], typen: [] },
  '316': { elementen: ['GezagsdragerBekend'], typen: [] },
  '319': { elementen: ['Woonplaatsbeginsel'], typen: ['Woonplaatsbeginsel'] },
  '320': { elementen: ['Woonplaatsbeginsel'], typen: ['Woonplaatsbeginsel'] },
};

/**
 * The iWmo XSD for a message, derived from the iJw XSD text: namespaces and prefixes iJw → iWmo,
 * the import pointed at the iWmo basisschema (its own types: iWmo's product categories and reasons
 * to end), the BerichtCode pattern set to iWmo's, the Jeugd-only elements removed. Pure; throws when
 * the source no longer looks as expected, rather than deriving something else.
 */
export function leidIwmoXsdAf(nummer: Berichtnummer, jwXsd: string, iwmoBasisschema: string): string {
  const jwCode = BERICHTCODE.ijw[nummer];
  const wmoCode = BERICHTCODE.iwmo[nummer];
  let xsd = jwXsd
    .replaceAll(`http://www.istandaarden.nl/ijw/3_2/jw${nummer}/schema`, `http://www.istandaarden.nl/iwmo/3_2/wmo${nummer}/schema`)
    .replaceAll('http://www.istandaarden.nl/ijw/3_2/basisschema/schema', 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema')
    .replace(new RegExp(`\\bjw${nummer}\\b`, 'g'), `wmo${nummer}`)
    .replace(/\bijw\b/g, 'iwmo');
  if (xsd.includes('istandaarden.nl/ijw/')) throw new Error(`JW${nummer}.xsd verwijst naar een iJw-namespace die niet is omgezet`);

  const import_ = /<xs:import namespace="http:\/\/www\.istandaarden\.nl\/iwmo\/3_2\/basisschema\/schema" schemaLocation="basisschema\.xsd">/;
  if (!import_.test(xsd)) throw new Error(`JW${nummer}.xsd importeert het basisschema niet zoals verwacht`);
  xsd = xsd.replace(import_, `<xs:import namespace="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" schemaLocation="${xmlAttribuut(pathToFileURL(iwmoBasisschema).href)}">`);

  const berichtCode = /(<xs:element name="BerichtCode">[\s\S]*?<xs:restriction base="iwmo:LDT_BerichtCode">\s*<xs:pattern value=")(\d+)("\/>)/;
  const gevonden = berichtCode.exec(xsd);
  if (gevonden?.[2] !== jwCode) throw new Error(`JW${nummer}.xsd heeft niet BerichtCode ${jwCode} als patroon`);
  xsd = xsd.replace(berichtCode, `$1${wmoCode}$3`);

  const jeugd = ALLEEN_JEUGD[nummer];
  for (const element of jeugd?.elementen ?? []) {
    const declaratie = new RegExp(`[ \\t]*<xs:element name="${element}"[^>]*?(?:/>|>(?:(?!<xs:element)[\\s\\S])*?</xs:element>)\\r?\\n?`);
    if (!declaratie.test(xsd)) throw new Error(`JW${nummer}.xsd heeft geen element ${element} meer`);
    xsd = xsd.replace(declaratie, '');
  }
  for (const type of jeugd?.typen ?? []) {
    const definitie = new RegExp(`[ \\t]*<xs:complexType name="${type}">[\\s\\S]*?</xs:complexType>\\r?\\n?`);
    if (!definitie.test(xsd)) throw new Error(`JW${nummer}.xsd heeft geen type ${type} meer`);
    xsd = xsd.replace(definitie, '');
  }

  const kop = `<!-- WMO${nummer}.xsd, afgeleid door Eenvoud uit ijw/JW${nummer}.xsd (ADR 36); niet gepubliceerd door Zorginstituut Nederland. De documentatie is die van iJw. -->\n`;
  return xsd.replace(/^(<\?xml[^>]*\?>\r?\n?)?/, (declaratie) => declaratie + kop);
}

/**
 * Writes the derived XSD into `cacheMap` (not into the reference folder, which is shared and not
 * ours) and returns its path. The file name carries a hash of its content, and the content is
 * written whole and then renamed, so parallel test workers and a changed source never meet a half
 * or stale file.
 */
export async function afgeleideXsd(nummer: Retourbericht, istandaarden: string, cacheMap: string): Promise<string> {
  const jwXsd = await readFile(join(istandaarden, 'ijw', `JW${nummer}.xsd`), 'utf8');
  const xsd = leidIwmoXsdAf(nummer, jwXsd, join(istandaarden, 'iwmo', 'basisschema.xsd'));
  const hash = createHash('sha256').update(xsd).digest('hex').slice(0, 12);
  const pad = join(cacheMap, `WMO${nummer}-${hash}.xsd`);
  const bestaand = await readFile(pad, 'utf8').catch(() => null);
  if (bestaand !== xsd) {
    await mkdir(cacheMap, { recursive: true });
    const tijdelijk = `${pad}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tijdelijk, xsd, 'utf8');
    await rename(tijdelijk, pad);
  }
  return pad;
}

function xmlAttribuut(tekst: string): string {
  return tekst.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
