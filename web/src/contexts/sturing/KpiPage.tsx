/**
 * One KPI: its figure against the norm, compared per kern, wijk, team, casusregisseur, product,
 * aanbieder, bekostiging, stap or wet (bars, table, CSV), the trend per month, and for beleid the norm. Every
 * figure, month and bar leads to what lies behind it. Filters and the comparison live in the URL.
 */
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { NIVEAUS, isSnede, useKpiWaarde, useKpis, type KpiFilter, type Snede } from './api.ts';
import { Filters, SturingNavigatie, filterParams, leesFilter, useFilterTekst } from './filters.tsx';
import { NormFormulier } from './NormFormulier.tsx';
import { KpiCijfer, Trend, Vergelijking, kpiNotities, naarOnderliggend, peildatumTekst, KpiNietGevonden } from './onderdelen.tsx';

export function KpiPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = leesFilter(params);
  const per = isSnede(params.get('per')) ? params.get('per') as Snede : null;
  const kpis = useKpis();
  const kpi = kpis.data?.find((k) => k.id === id);
  usePageTitle(kpi ? `Sturing: ${kpi.naam}` : 'Sturing: KPI');
  const { heeftRol } = useSession();
  const vanNaTot = filter.van > filter.tot;
  // The figure and the comparison are fetched at the same time.
  const waarde = useKpiWaarde(kpi, filter, { enabled: !vanNaTot });
  const filterTekst = useFilterTekst(filter);

  const metPer = (f: KpiFilter, p: Snede | null) => {
    const q = filterParams(f);
    if (p) q.set('per', p);
    return q;
  };
  const niveau = NIVEAUS.find((n) => n.code === kpi?.niveau);
  const terug = `/sturing?${(() => { const q = filterParams(filter); if (kpi && kpi.niveau !== 'strategisch') q.set('niveau', kpi.niveau); return q.toString(); })()}`;

  if (kpis.isPending) return <Laden tekst="De KPI wordt geladen…" />;
  if (kpis.error) return <Foutmelding fout={kpis.error} />;
  if (!kpi) {
    return <KpiNietGevonden />;
  }
  const w = waarde.data;
  const peil = peildatumTekst(kpi);

  return (
    <>
      <p className="eenvoud-terug"><RouterLink to={terug}>Terug naar Sturing: {niveau?.naam.toLowerCase()}</RouterLink></p>
      <Heading1>{kpi.naam}</Heading1>
      <Paragraph appearance="lead">{kpi.uitleg}</Paragraph>
      <SturingNavigatie actief={null} filter={filter} />
      <Filters filter={filter} onKies={(f) => setParams(metPer(f, per))} />
      <Paragraph className="eenvoud-gedimd" role="status">Periode en filters: {filterTekst}.</Paragraph>
      {vanNaTot ? <Alert type="error"><Paragraph>De begindatum ligt na de einddatum. Kies een andere periode.</Paragraph></Alert> : null}

      {!vanNaTot ? (
        <>
          <section aria-labelledby="kop-cijfer" className={`eenvoud-sectie eenvoud-kpi eenvoud-kpi--los eenvoud-kpi--${w?.signaal ?? 'geen'}`}>
            <Heading2 id="kop-cijfer">Het cijfer</Heading2>
            {waarde.isPending ? <Laden tekst="De waarde wordt berekend…" /> : null}
            {waarde.error ? <Foutmelding fout={waarde.error} /> : null}
            {w ? <KpiCijfer kpi={kpi} w={w} /> : null}
            {kpiNotities(kpi, filter).map((n) => <p key={n} className="eenvoud-kpi__notitie">{n}</p>)}
            {peil ? <Paragraph>{peil}</Paragraph> : null}
            <p className="eenvoud-gedimd">Bron: {kpi.bron}.</p>
            <p><RouterLink to={naarOnderliggend(kpi, filter)}>Wat zit achter dit cijfer?</RouterLink></p>
          </section>

          <section aria-labelledby="kop-vergelijk" className="eenvoud-sectie">
            <Heading2 id="kop-vergelijk">Vergelijken</Heading2>
            <Vergelijking kpi={kpi} filter={filter} per={per} onPer={(p) => setParams(metPer(filter, p), { replace: true })} filterTekst={filterTekst} />
          </section>

          {w && w.reeks.length > 0 ? (
            <section aria-labelledby="kop-trend" className="eenvoud-sectie">
              <Heading2 id="kop-trend">Trend per maand</Heading2>
              <Trend kpi={kpi} w={w} filter={filter} tabelOpen />
            </section>
          ) : null}

          {heeftRol('beleid') ? (
            <section aria-labelledby="kop-norm" className="eenvoud-sectie">
              <Heading2 id="kop-norm">Norm</Heading2>
              <NormFormulier kpi={kpi} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
