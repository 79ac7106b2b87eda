/**
 * The load generator of bench/schaal.ts: autocannon in a worker thread of its own, so the app in
 * the main thread has its event loop to itself (a browser is a process of its own too). Each
 * connection is one logged-in session (its own cookie) that walks its own list of paths.
 *
 * Started by `startLast()`; a worker cannot load .ts under Node 20 by itself, so it is loaded
 * through tsx's require hook.
 */
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { readFileSync, readdirSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Klant {
  cookie: string;
  /** Paths (with query) this session asks for, in turn. */
  paden: string[];
}
export interface LastOpdracht {
  basis: string;
  verbindingen: number;
  seconden: number;
  /** Seconds of the same load before the measurement, not counted (JIT, plan and buffer caches). */
  opwarmen: number;
  /** A request without an answer after this many seconds counts as a time-out (its connection is reopened). */
  tijdslimiet: number;
  klanten: Klant[];
  /** The PostgreSQL server runs on this machine: count its processes' CPU too. */
  pgLokaal?: boolean;
}
export interface LastUitslag {
  n: number;
  perSeconde: number;
  p50: number;
  p95: number;
  p99: number;
  gemiddeld: number;
  /** Answers other than 2xx, per status; time-outs as 'time-out', other errors (resets) as 'fout'. */
  anders: Record<string, number>;
  /** Requests sent but not answered when the measurement ended. */
  onbeantwoord: number;
  /**
   * CPU per answered request in ms, measured over the measurement (Linux /proc): the app (this
   * process without the load generator's thread), PostgreSQL (every `postgres` process of this
   * machine; only when `pgLokaal`) and the load generator itself. Where the time of a request goes.
   */
  cpu?: { app: number; postgres: number | null; last: number };
}

const TIKKEN = 100; // USER_HZ: /proc's CPU times are in ticks of 10 ms
/** utime + stime of /proc/<pad>/stat in seconds (the name may hold spaces: read after its ')'). */
function cpuVan(pad: string): number {
  try {
    const velden = readFileSync(`/proc/${pad}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(velden[11]) + Number(velden[12])) / TIKKEN;
  } catch { return 0; }
}
/** CPU seconds of every `postgres` process of this machine so far (a server on localhost). */
export function postgresCpu(): number {
  let som = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try { if (readFileSync(`/proc/${d}/comm`, 'utf8').startsWith('postgres')) som += cpuVan(d); } catch { /* gone meanwhile */ }
  }
  return som;
}
const procesCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const kwantiel = (xs: number[], q: number) => (xs.length === 0 ? Number.NaN : xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!);

async function draai(o: LastOpdracht, meten: boolean): Promise<LastUitslag> {
  let volgende = 0;
  const tijden: number[] = [];
  const anders: Record<string, number> = {};
  const seconden = meten ? o.seconden : o.opwarmen;
  const begin = performance.now();
  const cpu0 = meten ? { proces: procesCpu(), last: cpuVan('thread-self'), pg: o.pgLokaal ? postgresCpu() : 0 } : null;
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instantie = autocannon({
      url: o.basis,
      connections: o.verbindingen,
      duration: seconden,
      timeout: o.tijdslimiet,
      // One session per connection: its cookie, and its own walk through its paths.
      setupClient: (client) => {
        const klant = o.klanten[volgende++ % o.klanten.length]!;
        let i = 0;
        client.setRequests([{ method: 'GET', headers: { cookie: klant.cookie }, setupRequest: (req) => ({ ...req, path: klant.paden[i++ % klant.paden.length]! }) }]);
      },
    }, (fout, uitslag) => (fout ? reject(fout) : resolve(uitslag)));
    instantie.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      tijden.push(ms);
      if (status < 200 || status > 299) anders[String(status)] = (anders[String(status)] ?? 0) + 1;
    });
  });
  if (r.timeouts > 0) anders['time-out'] = r.timeouts;
  if (r.errors - r.timeouts > 0) anders.fout = r.errors - r.timeouts;
  const duur = (performance.now() - begin) / 1000;
  let cpu: LastUitslag['cpu'];
  if (cpu0 && tijden.length > 0) {
    const last = cpuVan('thread-self') - cpu0.last;
    const perVerzoek = (s: number) => (s * 1000) / tijden.length;
    cpu = { app: perVerzoek(procesCpu() - cpu0.proces - last), postgres: o.pgLokaal ? perVerzoek(postgresCpu() - cpu0.pg) : null, last: perVerzoek(last) };
  }
  tijden.sort((a, b) => a - b);
  return {
    n: tijden.length, perSeconde: tijden.length / duur,
    p50: kwantiel(tijden, 0.5), p95: kwantiel(tijden, 0.95), p99: kwantiel(tijden, 0.99),
    gemiddeld: tijden.reduce((s, x) => s + x, 0) / Math.max(1, tijden.length), anders,
    onbeantwoord: Math.max(0, r.requests.sent - tijden.length - r.timeouts),
    ...(cpu ? { cpu } : {}),
  };
}

if (!isMainThread && parentPort) {
  const poort = parentPort;
  poort.on('message', (o: LastOpdracht) => {
    void (async () => {
      try {
        if (o.opwarmen > 0) await draai(o, false);
        poort.postMessage({ ok: true, uitslag: await draai(o, true) });
      } catch (e) {
        poort.postMessage({ ok: false, fout: String(e instanceof Error ? e.stack : e) });
      }
    })();
  });
}

/** A worker thread that runs one load at a time; `stop()` ends it. */
export function startLast(): { meet: (o: LastOpdracht) => Promise<LastUitslag>; stop: () => Promise<number> } {
  const pad = fileURLToPath(import.meta.url);
  const w = new Worker(`require('tsx/cjs/api').require(${JSON.stringify(pad)}, ${JSON.stringify(pad)})`, { eval: true });
  return {
    meet: (o) => new Promise((resolve, reject) => {
      w.once('message', (m: { ok: true; uitslag: LastUitslag } | { ok: false; fout: string }) => (m.ok ? resolve(m.uitslag) : reject(new Error(m.fout))));
      w.postMessage(o);
    }),
    stop: () => w.terminate(),
  };
}
