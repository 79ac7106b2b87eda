/**
 * Outside check of need-to-know (issue 11, ADR 25): two regisseurs of one gemeente, and neither may
 * read the other's households. Talks only HTTP to a running Eenvoud, as an outsider would:
 *   npx tsx tools/buitencontrole-need-to-know.ts [baseUrl] [resultaat.json] [--paar regisseur,regisseur2] [--wachtwoord demo]
 * 1. logs in as both, crawls everything each legitimately sees (every GET list route with every
 *    filter value and page, then every parameterised GET route for every id found, until nothing new);
 * 2. per direction (prober → other), takes the households whose casus the other directs and in
 *    whose casus data the prober does not appear (not regisseur, betrokkene or procescoördinator);
 * 3. as the prober, tries every id of those households against EVERY parameterised GET route of the
 *    OpenAPI document (the fitting ones are counted apart), searches for their BSNs, names and
 *    numbers, and checks that none of those ids or BSNs appear anywhere in the prober's own crawl.
 * Exits 1 when any read returned the other's household data.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    paar: { type: 'string', default: 'regisseur,regisseur2' },
    wachtwoord: { type: 'string', default: 'demo' },
    gelijktijdig: { type: 'string', default: '2' },
    // With years of demo history a regisseur reaches thousands of households: follow the details of a sample.
    'max-huishoudens': { type: 'string' },
    // List variants to leave out, as parts of the path (e.g. "termijnen?soort"): a query that blocks the embedded database.
    overslaan: { type: 'string', default: '' },
  },
});
const baseUrl = (positionals[0] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const uitvoer = positionals[1] ?? 'buitencontrole-need-to-know.json';
const [naamA, naamB] = values.paar.split(',') as [string, string];
const gelijktijdig = Math.max(1, Number(values.gelijktijdig));
const overslaan = values.overslaan.split(',').filter(Boolean);
const maxHuishoudens = values['max-huishoudens'] ? Number(values['max-huishoudens']) : Infinity;
if (!naamA || !naamB) {
  console.error('Gebruik: --paar regisseur,regisseur2');
  process.exit(2);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Antwoord { status: number; type: string; tekst: string; json: Json | undefined }

/** One session: the cookie and CSRF token, as src/testing/harness.ts keeps them. */
class Client {
  cookie: string | null = null;
  csrfToken: string | null = null;
  aantal = 0;
  constructor(readonly naam: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Antwoord> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    this.aantal++;
    let res: globalThis.Response;
    try {
      res = await fetch(baseUrl + path, {
        method, headers, signal: AbortSignal.timeout(120_000), ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      // A timeout is counted (status 0), not a crash: the check goes on and the summary shows it.
      console.error(`geen antwoord op ${method} ${path}: ${(e as Error).message}`);
      return { status: 0, type: '', tekst: '', json: undefined };
    }
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair!.endsWith('=') ? null : pair!;
    }
    const type = res.headers.get('content-type') ?? '';
    // Binary answers (PDF, ZIP) are kept as latin1 so the BSN/uuid search still sees uncompressed text.
    const buf = Buffer.from(await res.arrayBuffer());
    const tekst = type.includes('json') || type.startsWith('text/') ? buf.toString('utf8') : buf.toString('latin1');
    let json: Json | undefined;
    if (type.includes('json') && tekst) {
      try { json = JSON.parse(tekst) as Json; } catch { json = undefined; }
    }
    return { status: res.status, type, tekst, json };
  }

  get(path: string) { return this.request('GET', path); }

  async login(wachtwoord: string) {
    const r = await this.request('POST', '/api/v1/sessies', { gebruikersnaam: this.naam, wachtwoord });
    if (r.status !== 200) throw new Error(`inloggen als ${this.naam} mislukt: ${r.status} ${r.tekst.slice(0, 200)}`);
    const b = r.json as { csrfToken: string; gebruiker: { id: string } };
    this.csrfToken = b.csrfToken;
    return b.gebruiker.id;
  }
}

// ---- The routes, from the OpenAPI document ----

interface QueryParam { name: string; waarden: string[] }
interface Route { path: string; padParam: string | null; soort: string | null; query: QueryParam[] }

interface OpenApiParam { name: string; in: string; schema?: { enum?: unknown[]; type?: string | string[] } }
interface OpenApiDoc { paths: Record<string, Record<string, { parameters?: OpenApiParam[] }>> }

// The segment before {id} names the kind of id the route expects.
const segmentSoort: Record<string, string> = {
  personen: 'persoon', huishoudens: 'huishouden', meldingen: 'melding', casussen: 'casus', gesprekken: 'gesprek',
  aanvragen: 'aanvraag', beschikkingen: 'beschikking', bezwaren: 'bezwaar', termijnen: 'termijn',
  'online-meldingen': 'online-melding', catalogus: 'product', steekproeven: 'steekproef', kpis: 'kpi',
  vernietigingslijsten: 'vernietigingslijst', gemeenten: 'gemeente',
};

async function leesRoutes(c: Client): Promise<Route[]> {
  const r = await c.get('/api/v1/openapi.json');
  if (r.status !== 200) throw new Error(`openapi.json: ${r.status}`);
  const doc = r.json as unknown as OpenApiDoc;
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const op = ops.get;
    if (!op) continue;
    const params = op.parameters ?? [];
    const pad = params.filter((p) => p.in === 'path');
    const m = /\/([a-z-]+)\/\{[a-zA-Z]+\}/.exec(path);
    routes.push({
      path,
      padParam: pad[0]?.name ?? null,
      soort: m ? (segmentSoort[m[1]!] ?? m[1]!) : null,
      query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, waarden: (p.schema?.enum ?? []).map(String) })),
    });
  }
  return routes;
}

// ---- Crawling what a user sees ----

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const IS_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Keys that point to a user, a product or settings: not a household's file.
const geenDossier = new Set([
  'gebruiker', 'regisseur', 'geregistreerdDoor', 'door', 'medewerker', 'medewerkers', 'procescoordinator', 'beslisser',
  'betrokkenen', 'betrokkene', 'team', 'teamleider', 'gemeente', 'product', 'producten', 'catalogus', 'aanbieder',
  'instrument', 'instrumenten', 'vraag', 'vragen', 'kern', 'wijk', 'gebied', 'gebieden', 'kpi', 'steekproef',
  'toetser', 'beoordelaar', 'besluiter', 'verzender', 'behandelaar', 'jurist', 'auteur', 'aangemaaktDoor', 'ingediendDoor',
  'toegevoegdDoor', 'vernietigingslijst', 'checklist', 'leefgebied', 'domein', 'trede', 'catalogusItem', 'catalogusItems',
]);
const sleutelSoort: Record<string, string> = {
  persoon: 'persoon', personen: 'persoon', leden: 'persoon', hoofdpersoon: 'persoon', kinderen: 'persoon', partner: 'persoon',
  vertegenwoordigers: 'persoon', huishouden: 'huishouden', melding: 'melding', meldingen: 'melding', casus: 'casus',
  casussen: 'casus', termijn: 'termijn', termijnen: 'termijn', gesprek: 'gesprek', gesprekken: 'gesprek', aanvraag: 'aanvraag',
  aanvragen: 'aanvraag', beschikking: 'beschikking', beschikkingen: 'beschikking', bezwaar: 'bezwaar', bezwaren: 'bezwaar',
  hoofdpersoonId: 'persoon', herzieningVan: 'aanvraag',
};
function soortVanSleutel(key: string | null): string {
  if (!key) return 'onbekend';
  if (sleutelSoort[key]) return sleutelSoort[key];
  const basis = key.endsWith('Id') ? key.slice(0, -2) : key.endsWith('Ids') ? key.slice(0, -3) : key;
  // getoetstDoor, beoordeeldDoor, …: a user.
  if (geenDossier.has(basis) || geenDossier.has(key) || /Door$/.test(basis)) return `geen-dossier:${basis}`;
  return sleutelSoort[basis] ?? basis;
}
const isDossierSoort = (s: string) => !s.startsWith('geen-dossier:');

interface Gevonden { id: string; soort: string }
/** Every uuid in a JSON answer with the kind its key suggests; the top-level id has the route's kind. */
function verzamel(json: Json | undefined, topSoort: string | null): { ids: Gevonden[]; bsns: string[]; namen: string[]; nummers: string[] } {
  const ids: Gevonden[] = [];
  const bsns: string[] = [];
  const namen: string[] = [];
  const nummers: string[] = [];
  const walk = (v: Json, key: string | null, ouderSoort: string | null, diepte: number) => {
    if (typeof v === 'string') {
      if (key === 'bsn' && /^\d{9}$/.test(v)) bsns.push(v);
      else if (key === 'nummer' && /^[A-Z]{1,3}-\d{4}-\d+$/.test(v)) nummers.push(v);
      else if (IS_UUID.test(v)) ids.push({ id: v, soort: key === 'id' ? (ouderSoort ?? 'onbekend') : soortVanSleutel(key) });
      else for (const m of v.matchAll(UUID)) ids.push({ id: m[0], soort: `in-tekst:${key ?? ''}` });
      if (key === 'naam' && ouderSoort === 'persoon') namen.push(v);
      return;
    }
    if (Array.isArray(v)) { for (const x of v) walk(x, key, key === null ? ouderSoort : soortVanSleutel(key), diepte); return; }
    if (v && typeof v === 'object') {
      // A search hit says its own kind.
      const eigen = typeof v.soort === 'string' && typeof v.id === 'string' && sleutelSoort[v.soort] ? sleutelSoort[v.soort]! : null;
      const soort = eigen ?? (diepte === 0 ? topSoort : key === null ? ouderSoort : soortVanSleutel(key));
      for (const [k, x] of Object.entries(v)) {
        if (k === 'id' && typeof x === 'string') walk(x, 'id', soort, diepte + 1);
        else walk(x, k, soort, diepte + 1);
      }
    }
  };
  if (json !== undefined) {
    // A list answer: its items have the list's kind.
    if (json && typeof json === 'object' && !Array.isArray(json) && Array.isArray(json.resultaten)) {
      for (const item of json.resultaten) walk(item, null, topSoort, 0);
      for (const [k, x] of Object.entries(json)) if (k !== 'resultaten') walk(x, k, null, 1);
    } else if (Array.isArray(json)) for (const item of json) walk(item, null, topSoort, 0);
    else walk(json, null, topSoort, 0);
  }
  return { ids, bsns, namen, nummers };
}

interface Zicht {
  gebruikerId: string;
  ids: Map<string, { soort: string; huishoudens: Set<string> }>;
  bsns: Map<string, Set<string>>;
  namen: Map<string, Set<string>>;
  nummers: Map<string, Set<string>>;
  /** Per household: regisseur ids of its casussen, and every user id in its casus data. */
  regisseurs: Map<string, Set<string>>;
  gebruikersInCasus: Map<string, Set<string>>;
  /** Every answer text the user got, to look for the other's data afterwards. */
  teksten: { route: string; tekst: string }[];
  /** Ids in answers of routes that hold no household file (catalogue, users, settings): never a target. */
  algemeen: Set<string>;
  huishoudensInLijsten: number;
  overgeslagen: string[];
  verzoeken: number;
}
const zonderDossier = /^\/api\/v1\/(catalogus|medewerkers|instellingen|instrumenten|waardelijsten|gebieden|kpis|sessies|sturing|steekproeven)\b/;

const lijstSoort: Record<string, string> = {
  '/api/v1/meldingen': 'melding', '/api/v1/termijnen': 'termijn', '/api/v1/aanvragen': 'aanvraag', '/api/v1/bezwaren': 'bezwaar',
  '/api/v1/online-meldingen': 'online-melding', '/api/v1/procescoordinatie': 'casus', '/api/v1/zoeken': 'zoekresultaat',
};
// Routes a regisseur has no business with or that only log out; crawled anyway when allowed, except these.
const nietCrawlen = new Set(['/api/v1/openapi.json', '/api/v1/health']);

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) { const t = items[i++]!; await fn(t); }
  }));
}

function huishoudenVan(json: Json | undefined): string | null {
  if (json && typeof json === 'object' && !Array.isArray(json) && typeof json.huishoudenId === 'string') return json.huishoudenId;
  return null;
}

async function crawl(c: Client, gebruikerId: string, routes: Route[]): Promise<Zicht> {
  const z: Zicht = {
    gebruikerId, ids: new Map(), bsns: new Map(), namen: new Map(), nummers: new Map(),
    regisseurs: new Map(), gebruikersInCasus: new Map(), teksten: [], algemeen: new Set(), huishoudensInLijsten: 0, overgeslagen: [], verzoeken: 0,
  };
  const voegToe = <K>(m: Map<K, Set<string>>, k: K, h: string | null) => {
    const s = m.get(k) ?? new Set<string>();
    if (h) s.add(h);
    m.set(k, s);
  };
  const neem = (route: string, r: Antwoord, topSoort: string | null, huishouden: string | null) => {
    z.teksten.push({ route, tekst: r.tekst });
    if (zonderDossier.test(route)) for (const m of r.tekst.matchAll(UUID)) z.algemeen.add(m[0]);
    if (r.status < 200 || r.status >= 300 || r.json === undefined) return;
    const items: { json: Json; soort: string | null }[] = [];
    const j = r.json;
    if (j && typeof j === 'object' && !Array.isArray(j) && Array.isArray(j.resultaten)) for (const x of j.resultaten) items.push({ json: x, soort: topSoort });
    else if (Array.isArray(j)) for (const x of j) items.push({ json: x, soort: topSoort });
    else items.push({ json: j, soort: topSoort });
    for (const item of items) {
      const v = verzamel(item.json, item.soort);
      // The household of an item: its own huishoudenId, the one the route was asked for, or one its ids already have.
      let h = huishoudenVan(item.json) ?? huishouden;
      if (!h) for (const g of v.ids) { const bekend = z.ids.get(g.id); if (bekend?.huishoudens.size === 1) { h = [...bekend.huishoudens][0]!; break; } }
      for (const g of v.ids) {
        const bestaand = z.ids.get(g.id);
        if (bestaand) { if (h && isDossierSoort(g.soort)) bestaand.huishoudens.add(h); if (bestaand.soort.startsWith('in-tekst') || bestaand.soort === 'onbekend') bestaand.soort = g.soort; }
        else z.ids.set(g.id, { soort: g.soort, huishoudens: new Set(h && isDossierSoort(g.soort) ? [h] : []) });
      }
      for (const b of v.bsns) voegToe(z.bsns, b, h);
      for (const n of v.namen) voegToe(z.namen, n, h);
      for (const n of v.nummers) voegToe(z.nummers, n, h);
      // Who is in the circle of this household, as far as its casus data shows.
      if (h && (item.soort === 'casus' || item.soort === 'melding') && item.json && typeof item.json === 'object' && !Array.isArray(item.json)) {
        const reg = item.json.regisseur;
        const regs = z.regisseurs.get(h) ?? new Set<string>();
        z.regisseurs.set(h, regs);
        if (reg && typeof reg === 'object' && !Array.isArray(reg) && typeof reg.id === 'string') regs.add(reg.id);
        if (item.soort === 'casus') {
          const mensen = z.gebruikersInCasus.get(h) ?? new Set<string>();
          z.gebruikersInCasus.set(h, mensen);
          for (const g of v.ids) if (!isDossierSoort(g.soort)) mensen.add(g.id);
        }
      }
    }
  };

  // 1. Every list route without a path parameter, with every filter value and every page.
  for (const route of routes.filter((r) => !r.padParam && !nietCrawlen.has(r.path) && !r.path.includes('/publiek/'))) {
    const varianten: Record<string, string>[] = [{}];
    for (const q of route.query) for (const w of q.waarden) varianten.push({ [q.name]: w });
    for (const v of varianten) {
      for (let pagina = 1; pagina <= 200; pagina++) {
        const qs = new URLSearchParams({ ...v, ...(route.query.some((q) => q.name === 'pagina') ? { pagina: String(pagina), aantal: '100' } : {}) });
        const pad = `${route.path}${qs.size ? `?${qs}` : ''}`;
        if (overslaan.some((o) => pad.includes(o))) { z.overgeslagen.push(pad); break; }
        const r = await c.get(pad);
        neem(pad, r, lijstSoort[route.path] ?? null, null);
        const j = r.json;
        const vol = j && typeof j === 'object' && !Array.isArray(j) && Array.isArray(j.resultaten) && j.resultaten.length >= 100;
        if (!route.query.some((q) => q.name === 'pagina') || !vol) break;
      }
    }
  }

  // 2. Every parameterised route for every id of its kind, until nothing new turns up (with a cap: only
  //    for a fixed sample of the households the lists showed; the lists themselves were read whole).
  const alleHuishoudens = new Set<string>();
  for (const i of z.ids.values()) for (const h of i.huishoudens) alleHuishoudens.add(h);
  const steekproef = new Set([...alleHuishoudens].sort().slice(0, maxHuishoudens));
  const inSteekproef = (hs: Set<string>) => maxHuishoudens === Infinity || [...hs].some((h) => steekproef.has(h));
  z.huishoudensInLijsten = alleHuishoudens.size;
  const geprobeerd = new Set<string>();
  for (let ronde = 0; ronde < 6; ronde++) {
    const taken: { route: Route; id: string; h: string | null }[] = [];
    for (const [id, info] of z.ids) {
      if (!inSteekproef(info.huishoudens)) continue;
      for (const route of routes) {
        if (!route.padParam || route.soort !== info.soort) continue;
        const pad = route.path.replace(`{${route.padParam}}`, id);
        if (geprobeerd.has(pad)) continue;
        geprobeerd.add(pad);
        taken.push({ route, id, h: info.huishoudens.size === 1 ? [...info.huishoudens][0]! : null });
      }
      // The aanvragen of a casus, through the list filter.
      if (info.soort === 'casus') {
        const pad = `/api/v1/aanvragen?casusId=${id}&aantal=100`;
        if (!geprobeerd.has(pad)) { geprobeerd.add(pad); taken.push({ route: { path: pad, padParam: null, soort: null, query: [] }, id, h: null }); }
      }
    }
    if (!taken.length) break;
    await pool(taken, gelijktijdig, async (t) => {
      const pad = t.route.padParam ? t.route.path.replace(`{${t.route.padParam}}`, t.id) : t.route.path;
      const r = await c.get(pad);
      // /x/{id} answers an x; /x/{id}/gesprekken a list of gesprekken.
      const sub = /\}\/([a-z-]+)$/.exec(t.route.path)?.[1];
      const topSoort = !t.route.padParam ? 'aanvraag' : sub ? (segmentSoort[sub] ?? sub) : t.route.soort;
      neem(pad, r, topSoort, huishoudenVan(r.json) ?? t.h);
    });
  }
  z.verzoeken = c.aantal;
  return z;
}

// ---- Probing the other's households ----

interface Telling { pogingen: number; lekken: number; s2xxZonderGegevens: number; s403: number; s404: number; anders: Record<string, number> }
const nieuweTelling = (): Telling => ({ pogingen: 0, lekken: 0, s2xxZonderGegevens: 0, s403: 0, s404: 0, anders: {} });
interface Lek { route: string; idSoort: string; status: number; wat: string }

function tel(t: Telling, status: number, lek: boolean) {
  t.pogingen++;
  if (lek) t.lekken++;
  else if (status >= 200 && status < 300) t.s2xxZonderGegevens++;
  else if (status === 403) t.s403++;
  else if (status === 404) t.s404++;
  else t.anders[String(status)] = (t.anders[String(status)] ?? 0) + 1;
}

async function probeer(prober: Client, proberZicht: Zicht, ander: Zicht, anderNaam: string, routes: Route[]) {
  // The other's households outside the prober's circle: a casus directed by the other, and the prober appears
  // nowhere in that household's casus data (not regisseur, betrokkene, procescoördinator).
  const vanAnder = new Set<string>();
  const intake = new Set<string>();
  for (const [h, regs] of ander.regisseurs) {
    if (regs.size === 0) { intake.add(h); continue; }
    if (!regs.has(ander.gebruikerId)) continue;
    if (regs.has(proberZicht.gebruikerId) || ander.gebruikersInCasus.get(h)?.has(proberZicht.gebruikerId)) continue;
    vanAnder.add(h);
  }
  // Households that are also someone's intake or in the prober's circle are not the other's alone.
  const alleen = (hs: Set<string>) => hs.size > 0 && [...hs].every((h) => vanAnder.has(h));
  const doelIds = [...ander.ids]
    .filter(([id, i]) => isDossierSoort(i.soort) && alleen(i.huishoudens) && !ander.algemeen.has(id) && !proberZicht.algemeen.has(id)).map(([id, i]) => ({ id, soort: i.soort }));
  const doelBsns = [...ander.bsns].filter(([, hs]) => alleen(hs)).map(([b]) => b);
  const doelNamen = [...ander.namen].filter(([, hs]) => alleen(hs)).map(([n]) => n);
  const doelNummers = [...ander.nummers].filter(([, hs]) => alleen(hs)).map(([n]) => n);
  const idSet = new Set(doelIds.map((d) => d.id));
  const bevatGegevens = (tekst: string): string | null => {
    for (const m of tekst.matchAll(UUID)) if (idSet.has(m[0])) return `id ${m[0]} (${ander.ids.get(m[0])?.soort})`;
    for (const b of doelBsns) if (tekst.includes(b)) return `BSN ${b}`;
    return null;
  };

  const lekken: Lek[] = [];
  const gericht = nieuweTelling();
  const blind = nieuweTelling();
  const perRoute: Record<string, Telling> = {};
  const zoeken = nieuweTelling();

  // a. The prober's own crawl (every list, filter, page and detail it reached) holds none of it.
  const eigenCrawl = nieuweTelling();
  for (const t of proberZicht.teksten) {
    const wat = bevatGegevens(t.tekst);
    tel(eigenCrawl, wat ? 200 : 0, wat !== null);
    if (wat) lekken.push({ route: t.route, idSoort: 'eigen crawl', status: 200, wat });
  }
  eigenCrawl.anders = {};

  // b. Every id × every parameterised GET route.
  const taken: { route: Route; id: string; soort: string }[] = [];
  for (const d of doelIds) for (const route of routes) if (route.padParam) taken.push({ route, ...d });
  await pool(taken, gelijktijdig, async (t) => {
    const pad = t.route.path.replace(`{${t.route.padParam}}`, t.id);
    const r = await prober.get(pad);
    const ok = r.status >= 200 && r.status < 300;
    const wat = ok ? bevatGegevens(r.tekst) : null;
    // A 2xx file (PDF, ZIP, CSV) for a route that takes this kind of id is the other's file, whatever its bytes say.
    const bestand = ok && !r.type.includes('json') && t.route.soort === t.soort;
    const lek = wat !== null || bestand;
    if (lek) lekken.push({ route: t.route.path, idSoort: t.soort, status: r.status, wat: wat ?? `bestand ${r.type}` });
    const past = t.route.soort === t.soort;
    tel(past ? gericht : blind, r.status, lek);
    tel((perRoute[t.route.path] ??= nieuweTelling()), r.status, lek);
  });

  // c. Searches and list filters with the other's BSNs, names, numbers and casus ids.
  const zoekPaden = [
    ...doelBsns.map((b) => `/api/v1/zoeken?q=${encodeURIComponent(b)}`),
    ...doelNamen.map((n) => `/api/v1/zoeken?q=${encodeURIComponent(n)}`),
    ...doelNummers.map((n) => `/api/v1/zoeken?q=${encodeURIComponent(n)}`),
    ...doelIds.filter((d) => d.soort === 'casus').map((d) => `/api/v1/aanvragen?casusId=${d.id}&aantal=100`),
    ...doelIds.filter((d) => d.soort === 'persoon').flatMap((d) => [`/api/v1/audit?persoonId=${d.id}`, `/api/v1/inzage?persoonId=${d.id}`]),
    ...doelBsns.flatMap((b) => [`/api/v1/audit?bsn=${b}`, `/api/v1/inzage?bsn=${b}`]),
  ];
  await pool(zoekPaden, gelijktijdig, async (pad) => {
    const r = await prober.get(pad);
    const wat = r.status >= 200 && r.status < 300 ? bevatGegevens(r.tekst) : null;
    if (wat) lekken.push({ route: pad, idSoort: 'zoekterm', status: r.status, wat });
    tel(zoeken, r.status, wat !== null);
  });

  const perSoort: Record<string, number> = {};
  for (const d of doelIds) perSoort[d.soort] = (perSoort[d.soort] ?? 0) + 1;
  return {
    prober: prober.naam, ander: anderNaam,
    huishoudensVanAnder: vanAnder.size, intakeHuishoudensVoorBeiden: [...intake].filter((h) => proberZicht.regisseurs.has(h)).length,
    doel: { ids: doelIds.length, perSoort, bsns: doelBsns.length, namen: doelNamen.length, nummers: doelNummers.length },
    routesMetPadParameter: routes.filter((r) => r.padParam).length,
    gericht, blind, zoeken, eigenCrawl: { antwoorden: eigenCrawl.pogingen, lekken: eigenCrawl.lekken },
    perRoute, lekken,
  };
}

// ---- Main ----

const start = Date.now();
const a = new Client(naamA);
const b = new Client(naamB);
const idA = await a.login(values.wachtwoord);
const idB = await b.login(values.wachtwoord);
const routes = await leesRoutes(a);
console.log(`${routes.length} GET-routes, waarvan ${routes.filter((r) => r.padParam).length} met een padparameter`);
const zichtA = await crawl(a, idA, routes);
const zichtB = await crawl(b, idB, routes);
for (const [n, z] of [[naamA, zichtA], [naamB, zichtB]] as const) {
  const soorten: Record<string, number> = {};
  for (const i of z.ids.values()) soorten[i.soort] = (soorten[i.soort] ?? 0) + 1;
  console.log(`${n}: ${z.verzoeken} verzoeken, ${z.huishoudensInLijsten} huishoudens in de lijsten, ${z.regisseurs.size} met casus- of meldinggegevens, ${z.ids.size} ids`, soorten);
}
// Third parties seen by a prober: a household of another regisseur in which the prober appears nowhere.
const zonderGrond = (z: Zicht) => [...z.regisseurs].filter(([h, regs]) =>
  regs.size > 0 && !regs.has(z.gebruikerId) && !z.gebruikersInCasus.get(h)?.has(z.gebruikerId)).map(([h]) => h);

const richtingen = [
  await probeer(a, zichtA, zichtB, naamB, routes),
  await probeer(b, zichtB, zichtA, naamA, routes),
];
const totaal = { pogingen: 0, lekken: 0, s403: 0, s404: 0, s2xxZonderGegevens: 0, anders: {} as Record<string, number> };
for (const r of richtingen) {
  for (const t of [r.gericht, r.blind, r.zoeken]) {
    totaal.pogingen += t.pogingen; totaal.lekken += t.lekken; totaal.s403 += t.s403; totaal.s404 += t.s404;
    totaal.s2xxZonderGegevens += t.s2xxZonderGegevens;
    for (const [k, v] of Object.entries(t.anders)) totaal.anders[k] = (totaal.anders[k] ?? 0) + v;
  }
  totaal.lekken += r.eigenCrawl.lekken;
}

const regel = (label: string, t: Telling) =>
  `  ${label.padEnd(28)} ${String(t.pogingen).padStart(6)} ${String(t.lekken).padStart(6)} ${String(t.s403).padStart(6)} ${String(t.s404).padStart(6)} ${String(t.s2xxZonderGegevens).padStart(8)}  ${JSON.stringify(t.anders)}`;
for (const r of richtingen) {
  console.log(`\n${r.prober} → huishoudens van ${r.ander}: ${r.huishoudensVanAnder} huishoudens, ${r.doel.ids} ids ${JSON.stringify(r.doel.perSoort)}, ${r.doel.bsns} BSN's`);
  console.log(`  intakehuishoudens die beiden zien (zo bedoeld, ADR 25): ${r.intakeHuishoudensVoorBeiden}`);
  console.log(`  ${''.padEnd(28)} ${'pogingen'.padStart(6)} ${'lekken'.padStart(6)} ${'403'.padStart(6)} ${'404'.padStart(6)} ${'2xx-leeg'.padStart(8)}  anders`);
  console.log(regel('passende route × id', r.gericht));
  console.log(regel('blind: elke route × id', r.blind));
  console.log(regel('zoeken en filters', r.zoeken));
  console.log(`  eigen crawl: ${r.eigenCrawl.antwoorden} antwoorden, ${r.eigenCrawl.lekken} met gegevens van ${r.ander}`);
  for (const l of r.lekken.slice(0, 20)) console.log(`  LEK ${l.status} ${l.route} (${l.idSoort}): ${l.wat}`);
}
const derden = { [naamA]: zonderGrond(zichtA).length, [naamB]: zonderGrond(zichtB).length };
console.log(`\nhuishoudens van een andere regisseur zonder eigen rol, in de eigen crawl: ${JSON.stringify(derden)}`);
console.log(`totaal: ${totaal.pogingen} pogingen, ${totaal.lekken} lekken, ${totaal.s403}× 403, ${totaal.s404}× 404, ${totaal.s2xxZonderGegevens}× 2xx zonder gegevens van de ander, anders ${JSON.stringify(totaal.anders)}; ${((Date.now() - start) / 1000).toFixed(0)} s`);

await writeFile(uitvoer, JSON.stringify({
  baseUrl, moment: new Date().toISOString(), maxHuishoudens: Number.isFinite(maxHuishoudens) ? maxHuishoudens : null, duurSeconden: Math.round((Date.now() - start) / 1000), paar: [naamA, naamB],
  routes: { get: routes.length, metPadParameter: routes.filter((r) => r.padParam).length },
  crawl: Object.fromEntries([[naamA, zichtA], [naamB, zichtB]].map(([n, z]) => [n as string, {
    verzoeken: (z as Zicht).verzoeken, huishoudensInLijsten: (z as Zicht).huishoudensInLijsten,
    huishoudensMetCasusgegevens: (z as Zicht).regisseurs.size, ids: (z as Zicht).ids.size, overgeslagen: (z as Zicht).overgeslagen,
  }])),
  huishoudensVanAndereRegisseurZonderRol: derden,
  totaal, richtingen,
}, null, 2) + '\n');
console.log(`resultaat: ${uitvoer}`);
process.exit(totaal.lekken > 0 || Object.values(derden).some((n) => n > 0) ? 1 : 0);
