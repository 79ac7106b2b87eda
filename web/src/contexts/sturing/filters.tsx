/**
 * The filters of every sturing page (period, wet, kern, wijk, and the cut a drill-down came from),
 * read from and written to the URL; the filter form; and the navigation between the sturing pages.
 */
import { Button, SelectOption } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { naamVan, useGebieden, useWaardelijsten } from '../toegang/api.ts';
import { NIVEAUS, SNEDEN, type KpiFilter, type Niveau, type Snede } from './api.ts';

const isDatum = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isUuid = (v: string | null): v is string => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const STAPPEN = ['onderzoek', 'eersteGesprek', 'beschikking'] as const;
const BEKOSTIGINGEN = ['inspanningsgericht', 'outputgericht', 'taakgericht'] as const;

/** 1 January of this year up to today. */
export function ditJaar(): { van: string; tot: string } {
  const tot = vandaag();
  return { van: `${tot.slice(0, 4)}-01-01`, tot };
}

/** The same day a year ago (plus one day) up to today: twelve whole months. */
export function laatste12Maanden(): { van: string; tot: string } {
  const tot = vandaag();
  const d = new Date(`${tot}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return { van: d.toISOString().slice(0, 10), tot };
}

/** The filter in the URL; a value that cannot be right is left out, so a typo never breaks the page. */
export function leesFilter(params: URLSearchParams, standaard: { van: string; tot: string } = ditJaar()): KpiFilter {
  const tekst = (naam: string) => params.get(naam)?.trim() || undefined;
  const id = (naam: string) => (isUuid(params.get(naam)) ? params.get(naam)! : undefined);
  const stap = params.get('stap');
  const bekostiging = params.get('bekostiging');
  return {
    van: isDatum(params.get('van')) ? params.get('van')! : standaard.van,
    tot: isDatum(params.get('tot')) ? params.get('tot')! : standaard.tot,
    wet: tekst('wet'),
    kern: id('kern'),
    wijk: id('wijk'),
    team: id('team'),
    regisseur: id('regisseur'),
    product: id('product'),
    aanbieder: id('aanbieder'),
    bekostiging: BEKOSTIGINGEN.includes(bekostiging as (typeof BEKOSTIGINGEN)[number]) ? bekostiging! : undefined,
    stap: STAPPEN.includes(stap as (typeof STAPPEN)[number]) ? stap! : undefined,
  };
}

/** The filter as URL parameters; the default period stays out of the URL. */
export function filterParams(f: KpiFilter, p: URLSearchParams = new URLSearchParams(), standaard = ditJaar()): URLSearchParams {
  if (f.van !== standaard.van || f.tot !== standaard.tot) {
    p.set('van', f.van);
    p.set('tot', f.tot);
  }
  for (const s of SNEDEN) {
    const v = f[s];
    if (v) p.set(s, v);
  }
  return p;
}

/** How a cut is called in a sentence, and in the plural ("alle wijken"). */
export const SNEDE_NAAM: Record<Snede, { enkel: string; meervoud: string; keuze: string }> = {
  kern: { enkel: 'kern', meervoud: 'kernen', keuze: 'Kern' },
  wijk: { enkel: 'wijk', meervoud: 'wijken', keuze: 'Wijk' },
  wet: { enkel: 'wet', meervoud: 'wetten', keuze: 'Wet' },
  team: { enkel: 'team', meervoud: 'teams', keuze: 'Team' },
  regisseur: { enkel: 'casusregisseur', meervoud: 'casusregisseurs', keuze: 'Casusregisseur' },
  product: { enkel: 'product', meervoud: 'producten', keuze: 'Product' },
  aanbieder: { enkel: 'aanbieder', meervoud: 'aanbieders', keuze: 'Aanbieder' },
  bekostiging: { enkel: 'bekostiging', meervoud: 'bekostigingsvormen', keuze: 'Bekostiging' },
  stap: { enkel: 'stap', meervoud: 'stappen', keuze: 'Stap in het proces' },
};

export const STAP_NAAM: Record<string, string> = { onderzoek: 'Onderzoek', eersteGesprek: 'Eerste gesprek', beschikking: 'Beschikking' };
export const BEKOSTIGING_NAAM: Record<string, string> = { inspanningsgericht: 'Inspanningsgericht', outputgericht: 'Outputgericht', taakgericht: 'Taakgericht' };

/** "wet en wijk", "kern, wijk en wet". */
export function opsomming(delen: string[]): string {
  return delen.length <= 1 ? (delen[0] ?? '') : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
}

/** The short note on a KPI that cannot be cut by an active filter: "Niet te filteren op wijk: dit cijfer geldt voor alle wijken." */
export function nietTeFilterenTekst(sneden: Snede[]): string | null {
  if (sneden.length === 0) return null;
  return `Niet te filteren op ${opsomming(sneden.map((s) => SNEDE_NAAM[s].enkel))}: dit cijfer geldt voor ${opsomming(sneden.map((s) => `alle ${SNEDE_NAAM[s].meervoud}`))}.`;
}

/** Names for the values in a filter, from the lists the app already has. */
export function useFilterNamen() {
  const lijsten = useWaardelijsten();
  const gebieden = useGebieden();
  return {
    wet: (code: string) => naamVan(lijsten.data?.wetten, code),
    kern: (id: string) => gebieden.data?.find((k) => k.id === id)?.naam ?? 'de gekozen kern',
    wijk: (id: string) => gebieden.data?.flatMap((k) => k.wijken).find((w) => w.id === id)?.naam ?? 'de gekozen wijk',
    stap: (code: string) => STAP_NAAM[code] ?? code,
    bekostiging: (code: string) => BEKOSTIGING_NAAM[code] ?? code,
  };
}

/** "1 januari 2026 tot en met 24 november 2026, wet: Wmo 2015, wijk: Noord". `deel` names a cut without a list (team, product…). */
export function useFilterTekst(f: KpiFilter, deel?: string | null): string {
  const namen = useFilterNamen();
  const andere = SNEDEN.filter((s) => !['wet', 'kern', 'wijk', 'stap', 'bekostiging'].includes(s) && f[s]);
  return [
    `${formatDatum(f.van)} tot en met ${formatDatum(f.tot)}`,
    f.wet ? `wet: ${namen.wet(f.wet)}` : null,
    f.kern ? `kern: ${namen.kern(f.kern)}` : null,
    f.wijk ? `wijk: ${namen.wijk(f.wijk)}` : null,
    f.stap ? `stap: ${namen.stap(f.stap)}` : null,
    f.bekostiging ? `bekostiging: ${namen.bekostiging(f.bekostiging)}` : null,
    ...andere.map((s) => `${SNEDE_NAAM[s].enkel}: ${deel || 'de gekozen'}`),
  ].filter(Boolean).join(', ');
}

/** The form for period, wet, kern and wijk; the wijken to choose from are those of the chosen kern. */
export function Filters({ filter, onKies }: { filter: KpiFilter; onKies: (f: KpiFilter) => void }) {
  const lijsten = useWaardelijsten();
  const gebieden = useGebieden();
  const [invoer, setInvoer] = useState(filter);
  const sleutel = filterParams(filter).toString();
  // Back, forward or a quick choice: the fields follow the URL.
  useEffect(() => setInvoer(leesFilter(new URLSearchParams(sleutel))), [sleutel]);

  const kernen = gebieden.data ?? [];
  const kiesKern = (kern: string | undefined) => {
    const wijkBlijft = !kern || kernen.find((k) => k.id === kern)?.wijken.some((w) => w.id === invoer.wijk);
    setInvoer({ ...invoer, kern, wijk: wijkBlijft ? invoer.wijk : undefined });
  };
  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onKies(invoer);
  };
  const snel = (periode: { van: string; tot: string }) => onKies({ ...invoer, ...periode });
  const gekozenKern = kernen.find((k) => k.id === invoer.kern);

  return (
    <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="KPI’s filteren">
      <TekstVeld naam="van" label="Van" type="date" value={invoer.van} onChange={(e) => setInvoer({ ...invoer, van: e.target.value })} />
      <TekstVeld naam="tot" label="Tot en met" type="date" value={invoer.tot} onChange={(e) => setInvoer({ ...invoer, tot: e.target.value })} />
      <KeuzeVeld naam="wet" label="Wet" value={invoer.wet ?? ''} onChange={(e) => setInvoer({ ...invoer, wet: e.target.value || undefined })}>
        <SelectOption value="">Alle wetten</SelectOption>
        {(lijsten.data?.wetten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
      </KeuzeVeld>
      <KeuzeVeld naam="kern" label="Kern" value={invoer.kern ?? ''} onChange={(e) => kiesKern(e.target.value || undefined)}>
        <SelectOption value="">Alle kernen</SelectOption>
        {kernen.map((k) => <SelectOption key={k.id} value={k.id}>{k.naam}</SelectOption>)}
      </KeuzeVeld>
      <KeuzeVeld naam="wijk" label="Wijk" value={invoer.wijk ?? ''} onChange={(e) => setInvoer({ ...invoer, wijk: e.target.value || undefined })}>
        <SelectOption value="">{gekozenKern ? `Alle wijken van ${gekozenKern.naam}` : 'Alle wijken'}</SelectOption>
        {gekozenKern
          ? gekozenKern.wijken.map((w) => <SelectOption key={w.id} value={w.id}>{w.naam}</SelectOption>)
          : kernen.map((k) => (
            <optgroup key={k.id} label={`Kern ${k.naam}`}>
              {k.wijken.map((w) => <SelectOption key={w.id} value={w.id}>{w.naam}</SelectOption>)}
            </optgroup>
          ))}
      </KeuzeVeld>
      <div className="eenvoud-filters__knoppen">
        <Button appearance="secondary-action-button" type="submit">Filteren</Button>
      </div>
      <div className="eenvoud-filters__snel" role="group" aria-label="Snelkeuze periode">
        <span>Snelkeuze periode:</span>
        <Button appearance="subtle-button" type="button" onClick={() => snel(ditJaar())}>Dit jaar</Button>
        <Button appearance="subtle-button" type="button" onClick={() => snel(laatste12Maanden())}>Laatste 12 maanden</Button>
      </div>
    </form>
  );
}

export type SturingOnderdeel = Niveau | 'pilotmonitor' | 'besteding';

/** The levels and the pilot monitor as tabs; the filters go along to the levels. */
export function SturingNavigatie({ actief, filter }: { actief: SturingOnderdeel | null; filter?: KpiFilter }) {
  const naarNiveau = (n: Niveau) => {
    const p = filter ? filterParams(filter) : new URLSearchParams();
    if (n !== 'strategisch') p.set('niveau', n);
    const qs = p.toString();
    return `/sturing${qs ? `?${qs}` : ''}`;
  };
  const items: { code: SturingOnderdeel; naam: string; naar: string }[] = [
    ...NIVEAUS.map((n) => ({ code: n.code, naam: n.naam, naar: naarNiveau(n.code) })),
    { code: 'pilotmonitor', naam: 'Pilotmonitor', naar: '/sturing/pilotmonitor' },
    { code: 'besteding', naam: 'Budget en realisatie', naar: '/sturing/besteding' },
  ];
  return (
    <nav aria-label="Onderdelen van Sturing" className="eenvoud-tabs">
      <ul>
        {items.map((i) => (
          <li key={i.code}>
            <Link to={i.naar} aria-current={i.code === actief ? 'page' : undefined} className="utrecht-link utrecht-link--html-a eenvoud-tabs__link">
              {i.naam}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
