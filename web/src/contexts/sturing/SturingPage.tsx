/**
 * Sturing: the KPIs per level (strategisch, tactisch, operationeel) with their norm and signal, one
 * KPI compared per kern (or stap, or casusregisseur) as bars, the trend per month and the numbers as
 * a table to download. Level and filters live in the URL; every figure leads to what lies behind it.
 */
import { Alert, Button, ButtonGroup, Heading1, Heading2, Heading3, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { NIVEAUS, isNiveau, useKpiWaarden, useKpis, type KpiDefinitie, type KpiFilter, type KpiWaarde, type Niveau, type Snede } from './api.ts';
import { Filters, SturingNavigatie, filterParams, leesFilter, useFilterTekst } from './filters.tsx';
import { NormFormulier } from './NormFormulier.tsx';
import { KpiCijfer, SignaalBadge, Trend, Vergelijking, kpiNotities, naarKpi, naarOnderliggend, peildatumTekst, snedenVan } from './onderdelen.tsx';
import { csvWaarde, downloadCsv, eenheidNaam, formatWaarde, normTekst, signaalTekst } from './regels.ts';

/** The KPI each level shows compared per area (or per stap, or per casusregisseur) at the top. */
const UITGELICHT: Record<Niveau, { id: string; per: Snede }> = {
  strategisch: { id: 'aandeel-meldingen-naar-maatwerk', per: 'kern' },
  tactisch: { id: 'termijnen-binnen-termijn', per: 'stap' },
  operationeel: { id: 'caseload-per-regisseur', per: 'regisseur' },
};

function naarParams(niveau: Niveau, f: KpiFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (niveau !== 'strategisch') p.set('niveau', niveau);
  return filterParams(f, p);
}

export function SturingPage() {
  const [params, setParams] = useSearchParams();
  const niveauCode = isNiveau(params.get('niveau')) ? params.get('niveau') as Niveau : 'strategisch';
  const filter = leesFilter(params);
  const niveau = NIVEAUS.find((n) => n.code === niveauCode)!;
  usePageTitle(`Sturing: ${niveau.naam.toLowerCase()}`);
  const { heeftRol } = useSession();
  const magNormZetten = heeftRol('beleid');

  const kpis = useKpis();
  const vanNaTot = filter.van > filter.tot;
  const vanNiveau = (kpis.data ?? []).filter((k) => k.niveau === niveauCode);
  // Every card's figure at once, in parallel.
  const waarden = useKpiWaarden(vanNiveau, filter, { enabled: !vanNaTot });
  const filterTekst = useFilterTekst(filter);

  return (
    <>
      <Heading1>Sturing</Heading1>
      <Paragraph appearance="lead">
        Sturingsinformatie: KPI’s met hun norm en signaal, vergeleken per gebied, en de trend per maand. Klik op een cijfer om te zien wat erachter zit.
      </Paragraph>

      <SturingNavigatie actief={niveauCode} filter={filter} />

      <Filters filter={filter} onKies={(f) => setParams(naarParams(niveauCode, f))} />

      <Heading2 className="eenvoud-niveaukop">{niveau.naam}</Heading2>
      <Paragraph>{niveau.omschrijving}</Paragraph>
      <Paragraph className="eenvoud-gedimd" role="status">Periode en filters: {filterTekst}.</Paragraph>
      <Paragraph className="eenvoud-gedimd">Altijd actueel: een vastgelegde melding of beslissing telt meteen mee.</Paragraph>

      {vanNaTot ? (
        <Alert type="error"><Paragraph>De begindatum ligt na de einddatum. Kies een andere periode.</Paragraph></Alert>
      ) : null}
      {kpis.isPending ? <Laden tekst="De KPI’s worden geladen…" /> : null}
      {kpis.error ? <Foutmelding fout={kpis.error} /> : null}
      {kpis.data && !vanNaTot ? (
        <>
          <Signalen kpis={vanNiveau} waarden={waarden} filter={filter} />
          <Uitgelicht key={niveauCode} kpis={vanNiveau} niveau={niveauCode} filter={filter} filterTekst={filterTekst} />
          <Overzicht kpis={vanNiveau} waarden={waarden} niveau={niveau.naam} filterTekst={filterTekst} filter={filter} />
          <section aria-labelledby="kop-kpis" className="eenvoud-sectie">
            <Heading2 id="kop-kpis">De KPI’s</Heading2>
            <ul className="eenvoud-kpis">
              {vanNiveau.map((k, i) => (
                <li key={k.id}>
                  <KpiKaart kpi={k} waarde={waarden[i]!} filter={filter} magNormZetten={magNormZetten} />
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

type Waarde = UseQueryResult<KpiWaarde>;

function Signalen({ kpis, waarden, filter }: { kpis: KpiDefinitie[]; waarden: Waarde[]; filter: KpiFilter }) {
  const bezig = waarden.some((w) => w.isPending);
  const signalen = kpis
    .map((k, i) => ({ kpi: k, w: waarden[i]?.data }))
    .filter((s): s is { kpi: KpiDefinitie; w: KpiWaarde } => !!s.w && (s.w.signaal === 'oranje' || s.w.signaal === 'rood'))
    .sort((a, b) => (a.w.signaal === b.w.signaal ? 0 : a.w.signaal === 'rood' ? -1 : 1));
  return (
    <section aria-labelledby="kop-signalen" className="eenvoud-sectie eenvoud-signalen">
      <Heading2 id="kop-signalen">Signalen</Heading2>
      {bezig ? <Laden tekst="De signalen worden berekend…" /> : signalen.length === 0 ? (
        <Paragraph className="eenvoud-leeg">Geen signalen: elke KPI op dit niveau is op norm, of heeft geen norm of geen gegevens.</Paragraph>
      ) : (
        <ul className="eenvoud-signaallijst">
          {signalen.map(({ kpi, w }) => (
            <li key={kpi.id} className={`eenvoud-signaal eenvoud-signaal--${w.signaal}`}>
              <strong>{w.signaal === 'rood' ? 'Niet op norm' : 'Let op'}:</strong>{' '}
              <RouterLink to={naarKpi(kpi, filter)}>{kpi.naam}</RouterLink>{' '}
              is {formatWaarde(w.waarde, kpi)}; {normTekst(kpi, w).replace(/^Norm: /, 'de norm is ')}.
              {w.signaal === 'oranje' ? ' Het verschil valt binnen de marge.' : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One KPI per kern (or stap, or casusregisseur) right at the top: where is the gemeente on or off norm? */
function Uitgelicht({ kpis, niveau, filter, filterTekst }: { kpis: KpiDefinitie[]; niveau: Niveau; filter: KpiFilter; filterTekst: string }) {
  const keuze = UITGELICHT[niveau];
  const kpi = kpis.find((k) => k.id === keuze.id) ?? kpis.find((k) => snedenVan(k).length > 0);
  const [per, setPer] = useState<Snede | null>(null);
  if (!kpi) return null;
  return (
    <section aria-labelledby="kop-vergelijking" className="eenvoud-sectie">
      <Heading2 id="kop-vergelijking">Vergelijking: {kpi.naam}</Heading2>
      <Paragraph>
        Waar staat de gemeente op norm, en waar niet? Kies waarmee u vergelijkt. Andere KPI’s vergelijkt u op hun eigen pagina:{' '}
        <RouterLink to={naarKpi(kpi, filter, per ?? keuze.per)}>alles over deze KPI</RouterLink>.
      </Paragraph>
      {kpiNotities(kpi, filter).map((n) => <p key={n} className="eenvoud-kpi__notitie">{n}</p>)}
      <Vergelijking kpi={kpi} filter={filter} per={per ?? keuze.per} onPer={setPer} filterTekst={filterTekst} />
    </section>
  );
}

function Overzicht({ kpis, waarden, niveau, filterTekst, filter }: {
  kpis: KpiDefinitie[]; waarden: Waarde[]; niveau: string; filterTekst: string; filter: KpiFilter;
}) {
  const exporteer = () => downloadCsv(
    `kpis-${niveau.toLowerCase()}-${filter.van}-${filter.tot}.csv`,
    ['KPI', 'Eenheid', 'Waarde', 'Teller', 'Noemer', 'Norm', 'Richting', 'Signaal', 'Van', 'Tot en met', 'Basisperiode van', 'Basisperiode tot en met', 'Wet', 'Kern', 'Wijk'],
    kpis.map((k, i) => {
      const w = waarden[i]?.data;
      const filterWaarde = (s: 'wet' | 'kern' | 'wijk') => (k.dimensies.includes(s) ? filter[s] ?? 'alle' : 'n.v.t.');
      return [
        k.naam, eenheidNaam(k.eenheid), w ? csvWaarde(w.waarde, k.eenheid) : null, w?.teller ?? null, k.eenheid === 'aantal' ? null : w?.noemer ?? null,
        k.norm === null ? null : csvWaarde(k.norm, k.eenheid), k.richting === 'lagerIsBeter' ? 'ten hoogste' : 'ten minste',
        w ? signaalTekst(w.signaal, w.waarde !== null, k.norm !== null) : null, filter.van, filter.tot, w?.basis?.van ?? null, w?.basis?.tot ?? null,
        filterWaarde('wet'), filterWaarde('kern'), filterWaarde('wijk'),
      ];
    }),
  );
  return (
    <section aria-labelledby="kop-overzicht" className="eenvoud-sectie">
      <Heading2 id="kop-overzicht">Overzicht</Heading2>
      <div className="eenvoud-tabel">
        <Table busy={waarden.some((w) => w.isFetching)}>
          <TableCaption>Alle KPI’s op niveau {niveau.toLowerCase()}, {filterTekst}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">KPI</TableHeaderCell>
              <TableHeaderCell scope="col">Waarde</TableHeaderCell>
              <TableHeaderCell scope="col">Norm</TableHeaderCell>
              <TableHeaderCell scope="col">Signaal</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kpis.map((k, i) => {
              const w = waarden[i]?.data;
              return (
                <TableRow key={k.id}>
                  <TableHeaderCell scope="row" className="eenvoud-kolom-kpi"><RouterLink to={naarKpi(k, filter)}>{k.naam}</RouterLink></TableHeaderCell>
                  <TableCell className="eenvoud-nowrap">{w ? formatWaarde(w.waarde, k) : '…'}</TableCell>
                  <TableCell>{normTekst(k, w).replace(/^Norm: /, '')}</TableCell>
                  <TableCell>{w ? <SignaalBadge signaal={w.signaal} heeftWaarde={w.waarde !== null} heeftNorm={k.norm !== null} /> : '…'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <ButtonGroup>
        <Button appearance="secondary-action-button" type="button" onClick={exporteer}>Overzicht downloaden als CSV</Button>
      </ButtonGroup>
    </section>
  );
}

function KpiKaart({ kpi, waarde, filter, magNormZetten }: { kpi: KpiDefinitie; waarde: Waarde; filter: KpiFilter; magNormZetten: boolean }) {
  const kopId = `kpi-${kpi.id}-kop`;
  const w = waarde.data;
  const notities = kpiNotities(kpi, filter);
  const sneden = snedenVan(kpi);
  const peil = peildatumTekst(kpi);

  return (
    <article aria-labelledby={kopId} id={`kpi-${kpi.id}`} className={`eenvoud-kpi eenvoud-kpi--${w?.signaal ?? 'geen'}`}>
      <Heading3 id={kopId} className="eenvoud-kpi__naam">{kpi.naam}</Heading3>
      {waarde.isPending ? <Laden tekst="De waarde wordt berekend…" /> : null}
      {waarde.error ? <Foutmelding fout={waarde.error} /> : null}
      {w ? <KpiCijfer kpi={kpi} w={w} /> : null}
      {notities.map((n) => <p key={n} className="eenvoud-kpi__notitie">{n}</p>)}
      <ul className="eenvoud-kpi__links">
        <li>
          <RouterLink to={naarOnderliggend(kpi, filter)}>
            Wat zit achter dit cijfer?<span className="eenvoud-visueel-verborgen"> ({kpi.naam})</span>
          </RouterLink>
        </li>
        <li>
          <RouterLink to={naarKpi(kpi, filter)}>
            {sneden.length > 0 ? 'Vergelijk per kern, wijk en meer' : 'Meer over deze KPI'}
            <span className="eenvoud-visueel-verborgen"> ({kpi.naam})</span>
          </RouterLink>
        </li>
      </ul>
      <details className="eenvoud-kpi__uitleg">
        <summary>Wat meet deze KPI?</summary>
        <p>{kpi.uitleg}</p>
        {peil ? <p>{peil}</p> : null}
        <p className="eenvoud-gedimd">Bron: {kpi.bron}.</p>
      </details>

      {w ? <Trend kpi={kpi} w={w} filter={filter} /> : null}

      {magNormZetten ? <NormFormulier kpi={kpi} /> : null}
    </article>
  );
}
