import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afgeleideXsd, type Berichtnummer, type Retourbericht } from './afgeleide-xsd.ts';
import { controleerXml, leesXml, alsLijst, OnveiligeXml, type XmlGrenzen } from './veilig.ts';

// The referees of iWmo/iJw 3.2: the message XSD (Debian's xmllint) and the standard's own rule
// stylesheet TR-CD-CS-regels (XSLT 1.0, Debian's xsltproc), as child processes, in batches. ADR 36.

export type Standaard = 'iwmo' | 'ijw';
export type { Berichtnummer } from './afgeleide-xsd.ts';
export { BERICHTCODE } from './afgeleide-xsd.ts';

export interface BerichtSchema {
  standaard: Standaard;
  bericht: Berichtnummer;
}

export interface RegelFout {
  /** The rule, e.g. TR358, CS002. */
  code: string;
  /** The return code (WJ001) the rule prescribes, when it names one. */
  retourcode: string | null;
  /** XPaths without prefixes, e.g. /Bericht/Client/Bsn. */
  locaties: string[];
  details: string | null;
}

export interface BerichtOordeel {
  /** xmllint's complaints (English, as the referee says them), each prefixed with its line. */
  xsdFouten: string[];
  regelFouten: RegelFout[];
}

export class OnbekendBericht extends Error {
  readonly namespace: string | null;

  constructor(namespace: string | null) {
    super(namespace === null
      ? 'Het bericht heeft geen namespace; daaraan herkennen wij een iWmo- of iJw-bericht.'
      : `Het bericht heeft namespace ${namespace.slice(0, 200)}; dat is geen iWmo- of iJw 3.2-bericht dat wij kennen.`);
    this.name = 'OnbekendBericht';
    this.namespace = namespace;
  }
}

const RETOURBERICHTEN: ReadonlySet<string> = new Set<Retourbericht>(['302', '306', '308', '316', '318', '320', '325']);
const BERICHTNUMMERS: ReadonlySet<string> = new Set<Berichtnummer>([
  '301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325',
]);

/** The message schema from the root element's namespace, e.g. …/iwmo/3_2/wmo305/schema → iwmo 305. */
export function schemaVanNamespace(ns: string): BerichtSchema | null {
  const m = /^http:\/\/www\.istandaarden\.nl\/(iwmo\/3_2\/wmo|ijw\/3_2\/jw)(\d{3})\/schema$/.exec(ns);
  if (m === null || !BERICHTNUMMERS.has(m[2]!)) return null;
  return { standaard: m[1]!.startsWith('iwmo') ? 'iwmo' : 'ijw', bericht: m[2] as Berichtnummer };
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** The reference files: `<repo>/../shared/reference/istandaarden`, or EENVOUD_ISTANDAARDEN. */
export function istandaardenMap(): string {
  return process.env.EENVOUD_ISTANDAARDEN ?? join(REPO, '..', 'shared', 'reference', 'istandaarden');
}

function stylesheet(standaard: Standaard): string {
  return join(istandaardenMap(), standaard, standaard === 'iwmo' ? 'TR-CD-CS-regels-WMO-3.2.xsl' : 'TR-CD-CS-regels-JW-3.2.xsl');
}

const afgeleid = new Map<string, Promise<string>>();

/** The XSD that referees this message; for an iWmo return message the one derived from iJw. */
export async function xsdVoor(schema: BerichtSchema): Promise<string> {
  const map = istandaardenMap();
  if (schema.standaard === 'ijw') return join(map, 'ijw', `JW${schema.bericht}.xsd`);
  if (!RETOURBERICHTEN.has(schema.bericht)) return join(map, 'iwmo', `WMO${schema.bericht}.xsd`);
  const sleutel = `${map}|${schema.bericht}`;
  let pad = afgeleid.get(sleutel);
  if (pad === undefined) {
    const bericht = schema.bericht as Retourbericht;
    // A read-only installation gets a private folder of its own instead (mkdtemp: 0700, ours alone).
    pad = afgeleideXsd(bericht, map, join(REPO, '.tmp', 'istandaarden-afgeleid'))
      .catch(async () => afgeleideXsd(bericht, map, await mkdtemp(join(tmpdir(), 'eenvoud-xsd-'))));
    pad.catch(() => afgeleid.delete(sleutel));
    afgeleid.set(sleutel, pad);
  }
  return pad;
}

// Two cores: never more than two referee processes at once, over all callers together.
const MAX_PROCESSEN = 2;
let processenBezig = 0;
const wachtOpPlek: (() => void)[] = [];

async function metProcesplek<T>(werk: () => Promise<T>): Promise<T> {
  if (processenBezig >= MAX_PROCESSEN) await new Promise<void>((klaar) => wachtOpPlek.push(klaar));
  else processenBezig++;
  try {
    return await werk();
  } finally {
    const volgende = wachtOpPlek.shift();
    if (volgende) volgende(); // the slot passes on as is
    else processenBezig--;
  }
}

interface Uitkomst {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MAX_UITVOER = 256 * 1024 * 1024;
const PROCES_TIJDSLIMIET_MS = 10 * 60_000;

function voerUit(programma: 'xmllint' | 'xsltproc', args: string[], cwd: string): Promise<Uitkomst> {
  return metProcesplek(() => new Promise<Uitkomst>((klaar, mislukt) => {
    const kind = spawn(programma, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // No catalogs: nothing may redirect a schema or stylesheet to somewhere else.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', XML_CATALOG_FILES: '' },
      timeout: PROCES_TIJDSLIMIET_MS,
      killSignal: 'SIGKILL',
    });
    const uit: Buffer[] = [];
    const fout: Buffer[] = [];
    let omvang = 0;
    const verzamel = (naar: Buffer[]) => (stuk: Buffer) => {
      omvang += stuk.length;
      if (omvang > MAX_UITVOER) kind.kill('SIGKILL');
      else naar.push(stuk);
    };
    kind.stdout.on('data', verzamel(uit));
    kind.stderr.on('data', verzamel(fout));
    kind.on('error', (e: NodeJS.ErrnoException) => {
      mislukt(e.code === 'ENOENT'
        ? new Error(`${programma} ontbreekt op deze machine; installeer het met tools/ensure-xml-tools.sh (apt-get install libxml2-utils xsltproc).`)
        : e);
    });
    kind.on('close', (code, signaal) => {
      if (signaal !== null) {
        mislukt(new Error(`${programma} is gestopt (${signaal}): te lang bezig of te veel uitvoer.`));
        return;
      }
      klaar({ code, stdout: Buffer.concat(uit).toString('utf8'), stderr: Buffer.concat(fout).toString('utf8') });
    });
  }));
}

const BATCH_MAX_BERICHTEN = 1000;
const BATCH_MAX_BYTES = 16 * 1024 * 1024;

interface Toegelaten {
  index: number;
  tekst: string;
}

/**
 * Both referees over many messages of one schema. The result has one oordeel per message, in the
 * same order. A message that controleerXml refuses (DTD, entities, …) never reaches a referee: its
 * oordeel has the refusal as its only xsdFout.
 */
export async function valideerBerichten(berichten: readonly { xml: string | Buffer }[], schema: BerichtSchema, grenzen: XmlGrenzen = {}): Promise<BerichtOordeel[]> {
  const oordelen: BerichtOordeel[] = berichten.map(() => ({ xsdFouten: [], regelFouten: [] }));
  let xsd: Promise<string> | null = null;
  const xsl = stylesheet(schema.standaard);
  // Half the messages per batch (at most a thousand) keeps both cores busy and the stylesheet's
  // document cache (a batch stays in memory until it ends) small.
  const perBatch = Math.max(1, Math.min(BATCH_MAX_BERICHTEN, Math.ceil(berichten.length / MAX_PROCESSEN)));

  let volgende = 0;
  // Each lane checks its next batch itself, so the gate of batch 2 runs while batch 1 is refereed.
  const baan = async () => {
    while (volgende < berichten.length) {
      const batch: Toegelaten[] = [];
      let bytes = 0;
      while (volgende < berichten.length && batch.length < perBatch && bytes < BATCH_MAX_BYTES) {
        const index = volgende++;
        try {
          const { tekst } = controleerXml(berichten[index]!.xml, grenzen);
          batch.push({ index, tekst });
          bytes += tekst.length;
        } catch (fout) {
          if (!(fout instanceof OnveiligeXml)) throw fout;
          oordelen[index]!.xsdFouten.push(`Niet aan de scheidsrechters gegeven (${fout.code}): ${fout.bericht}`);
        }
      }
      if (batch.length === 0) continue;
      const uitslag = await referreerBatch(batch.map((b) => b.tekst), await (xsd ??= xsdVoor(schema)), xsl);
      batch.forEach((b, k) => { oordelen[b.index] = uitslag[k]!; });
    }
  };
  await Promise.all(Array.from({ length: MAX_PROCESSEN }, baan));
  return oordelen;
}

/** One message; the schema follows from its root namespace. Throws OnveiligeXml or OnbekendBericht. */
export async function valideerBericht(xml: string | Buffer): Promise<BerichtOordeel & { schema: BerichtSchema }> {
  const { wortel } = controleerXml(xml);
  const schema = wortel.namespace === null ? null : schemaVanNamespace(wortel.namespace);
  if (schema === null) throw new OnbekendBericht(wortel.namespace);
  const [oordeel] = await valideerBerichten([{ xml }], schema);
  return { ...oordeel!, schema };
}

function bestandsnaam(k: number): string {
  return `b${String(k).padStart(5, '0')}.xml`;
}

async function referreerBatch(teksten: readonly string[], xsd: string, xsl: string): Promise<BerichtOordeel[]> {
  const map = await mkdtemp(join(tmpdir(), 'eenvoud-xml-'));
  try {
    const namen = teksten.map((_, k) => bestandsnaam(k));
    await Promise.all(teksten.map((tekst, k) => writeFile(join(map, namen[k]!), tekst, 'utf8')));
    await writeFile(join(map, 'lijst.xml'), `<lijst>${namen.map((naam) => `<bericht href="${naam}"/>`).join('')}</lijst>`, 'utf8');
    await writeFile(join(map, 'ronde.xsl'), rondeStylesheet(xsl), 'utf8');

    const xsdFouten = await xsdOordeel(namen, xsd, map);
    const regelFouten = await regelOordeel(namen.length, map);
    return namen.map((_, k) => ({ xsdFouten: xsdFouten[k]!, regelFouten: regelFouten[k]! }));
  } finally {
    await rm(map, { recursive: true, force: true });
  }
}

/**
 * xmllint in SAX mode (--sax): the schema validates the stream of parse events. Its tree mode would
 * read a local file named in an external entity even without --noent, and echo its lines in parse
 * errors (tried: ADR 36); --sax reads no entity at all. Never --noent; --nonet against the network.
 */
export const XMLLINT_VLAGGEN: readonly string[] = ['--noout', '--nonet', '--nocatalogs', '--sax'];

async function xsdOordeel(namen: readonly string[], xsd: string, map: string): Promise<string[][]> {
  const { code, stderr } = await voerUit('xmllint', [...XMLLINT_VLAGGEN, '--schema', xsd, ...namen], map);
  const fouten = new Map<string, string[]>(namen.map((naam) => [naam, []]));
  const oordeel = new Map<string, 'goed' | 'fout'>();
  const onbekend: string[] = [];
  for (const regel of stderr.split('\n')) {
    if (regel === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^(b\d{5}\.xml) validates$/.exec(regel)) && fouten.has(m[1]!)) {
      oordeel.set(m[1]!, 'goed');
    } else if ((m = /^(b\d{5}\.xml) fails to validate$/.exec(regel)) && fouten.has(m[1]!)) {
      oordeel.set(m[1]!, 'fout');
    } else if ((m = /^(b\d{5}\.xml) validation generated an internal error$/.exec(regel)) && fouten.has(m[1]!)) {
      oordeel.set(m[1]!, 'fout');
      fouten.get(m[1]!)!.push('xmllint: interne fout bij het valideren');
    } else if ((m = /^(b\d{5}\.xml):(\d+): (.*)$/.exec(regel)) && fouten.has(m[1]!)) {
      fouten.get(m[1]!)!.push(`regel ${m[2]}: ${m[3]}`);
    } else {
      onbekend.push(regel);
    }
  }
  const zonderOordeel = namen.filter((naam) => !oordeel.has(naam));
  if ((code !== 0 && code !== 3) || zonderOordeel.length > 0) {
    throw new Error(`xmllint gaf geen oordeel over ${zonderOordeel.length} bericht(en) (exitcode ${code}): ${onbekend.slice(0, 5).join(' | ').slice(0, 1000)}`);
  }
  return namen.map((naam) => {
    const lijst = fouten.get(naam)!;
    if (oordeel.get(naam) === 'fout' && lijst.length === 0) lijst.push('Het bericht voldoet niet aan het XSD.');
    return lijst;
  });
}

/**
 * The stylesheet once per batch: a small driver imports it unchanged and applies it to each message
 * through document(), one <resultaat> per message in list order. xsltproc compiles the 200 kB
 * stylesheet once instead of once per message.
 */
function rondeStylesheet(xsl: string): string {
  const href = pathToFileURL(xsl).href.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="${href}"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:template match="/">
    <resultaten>
      <xsl:for-each select="/lijst/bericht">
        <resultaat><xsl:apply-templates select="document(@href)/*"/></resultaat>
      </xsl:for-each>
    </resultaten>
  </xsl:template>
</xsl:stylesheet>
`;
}

interface Rapport {
  Fouten?: { Fout?: { Code?: string; Retourcode?: string; Locatie?: string[]; Details?: string }[] } | '';
}

async function regelOordeel(aantal: number, map: string): Promise<RegelFout[][]> {
  const { code, stdout, stderr } = await voerUit('xsltproc', ['--nonet', '--novalid', 'ronde.xsl', 'lijst.xml'], map);
  if (code !== 0) throw new Error(`xsltproc faalde (exitcode ${code}): ${stderr.slice(0, 1000)}`);
  const { boom } = leesXml(stdout, { maxBytes: MAX_UITVOER, lijsten: ['resultaat', 'Fout', 'Locatie'] });
  // The shape is the stylesheet's report format (validatie/1_1/rapport), read without prefixes.
  const lijst = boom as { resultaat?: ({ Rapport?: Rapport } | '')[] } | '';
  const resultaten = lijst === '' ? [] : alsLijst(lijst.resultaat);
  if (resultaten.length !== aantal) throw new Error(`xsltproc gaf ${resultaten.length} rapporten voor ${aantal} berichten.`);
  return resultaten.map((resultaat) => {
    const rapport = resultaat === '' ? undefined : resultaat.Rapport;
    if (rapport === undefined) {
      return [{ code: 'geen-rapport', retourcode: null, locaties: [], details: 'De regelstylesheet gaf voor dit bericht geen rapport.' }];
    }
    const fouten = rapport.Fouten === '' || rapport.Fouten === undefined ? [] : alsLijst(rapport.Fouten.Fout);
    return fouten.map((fout) => ({
      code: fout.Code ?? '',
      retourcode: fout.Retourcode ?? null,
      locaties: alsLijst(fout.Locatie),
      details: fout.Details ?? null,
    }));
  });
}
