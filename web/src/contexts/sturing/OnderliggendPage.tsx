/**
 * What lies behind a figure. A teamleider sees the casussen (number, date, wet, kern, wijk, whether it
 * counts) with a link to each casus; beleid and beheer see pseudonymised counts per wijk only, with
 * small counts hidden. Reached from a KPI's figure, a month of its trend or a bar of a comparison.
 */
import { Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { naamVan, useWaardelijsten } from '../toegang/api.ts';
import { useKpiOnderliggend, useKpiWaarde, useKpis, type KpiDefinitie, type KpiFilter, type KpiOnderliggend, type OnderliggendeCasus } from './api.ts';
import { SturingNavigatie, leesFilter, useFilterTekst } from './filters.tsx';
import { KpiCijfer, kpiNotities, naarKpi, KpiNietGevonden } from './onderdelen.tsx';
import { downloadCsv, formatBedrag, formatMaand, formatTeller, formatWaarde, heeftTeken, tellerNoemer } from './regels.ts';

const isMaand = (v: string | null): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** The period narrowed to one month (as the API does), for the figure at the top. */
function maandFilter(f: KpiFilter, periode: string | undefined): KpiFilter {
  if (!periode) return f;
  const [j, m] = periode.split('-').map(Number) as [number, number];
  const van = `${periode}-01`;
  const tot = new Date(Date.UTC(j, m, 0)).toISOString().slice(0, 10);
  return { ...f, van: van > f.van ? van : f.van, tot: tot < f.tot ? tot : f.tot };
}

/** What a casus adds to the figure, in the KPI's unit. */
function bijdrage(kpi: KpiDefinitie): { kop: string; tekst: (r: OnderliggendeCasus) => string } {
  if (kpi.eenheid === 'aandeel') return { kop: 'Telt mee', tekst: (r) => (r.telt > 0 ? 'Ja' : 'Nee, alleen in de noemer') };
  if (kpi.eenheid === 'bedrag') return { kop: 'Kosten', tekst: (r) => formatBedrag(r.telt) };
  if (kpi.eenheid === 'gemiddelde' && heeftTeken(kpi)) {
    return { kop: 'Verschil', tekst: (r) => `${formatTeller(r.telt, kpi)} ${Math.abs(r.telt) === 1 ? 'punt' : 'punten'} over ${r.weegt} ${r.weegt === 1 ? 'leefgebied' : 'leefgebieden'}` };
  }
  return { kop: 'Telt mee', tekst: () => 'Ja' };
}

export function OnderliggendPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const filter = leesFilter(params);
  const periode = isMaand(params.get('periode')) ? params.get('periode')! : undefined;
  const deel = params.get('naam')?.slice(0, 200) || null;
  const kpis = useKpis();
  const kpi = kpis.data?.find((k) => k.id === id);
  usePageTitle(kpi ? `Achter het cijfer: ${kpi.naam}` : 'Achter het cijfer');
  const vanNaTot = filter.van > filter.tot;
  // The figure and the list behind it are fetched at the same time.
  const waarde = useKpiWaarde(kpi, maandFilter(filter, periode), { enabled: !vanNaTot });
  const onder = useKpiOnderliggend(kpi, filter, periode, { enabled: !vanNaTot });
  const filterTekst = useFilterTekst(filter, deel);

  if (kpis.isPending) return <Laden tekst="De KPI wordt geladen…" />;
  if (kpis.error) return <Foutmelding fout={kpis.error} />;
  if (!kpi) {
    return <KpiNietGevonden />;
  }
  const context = `${filterTekst}${periode ? `; alleen ${formatMaand(periode)}` : ''}`;

  return (
    <>
      <p className="eenvoud-terug"><RouterLink to={naarKpi(kpi, filter)}>Terug naar de KPI</RouterLink></p>
      <Heading1>Achter het cijfer: {kpi.naam}</Heading1>
      <SturingNavigatie actief={null} filter={filter} />
      <Paragraph className="eenvoud-gedimd" role="status">Periode en filters: {context}.</Paragraph>
      {vanNaTot ? <Alert type="error"><Paragraph>De begindatum ligt na de einddatum. Kies een andere periode.</Paragraph></Alert> : null}
      {kpiNotities(kpi, filter).map((n) => <p key={n} className="eenvoud-kpi__notitie">{n}</p>)}

      {waarde.data ? (
        <section aria-labelledby="kop-cijfer" className={`eenvoud-sectie eenvoud-kpi eenvoud-kpi--los eenvoud-kpi--${waarde.data.signaal ?? 'geen'}`}>
          <Heading2 id="kop-cijfer">Het cijfer</Heading2>
          <KpiCijfer kpi={kpi} w={waarde.data} groot={false} />
        </section>
      ) : null}

      <section aria-labelledby="kop-onder" className="eenvoud-sectie">
        {onder.isPending && !vanNaTot ? <><Heading2 id="kop-onder">Wat erachter zit</Heading2><Laden tekst="De gegevens worden opgehaald…" /></> : null}
        {onder.error ? <><Heading2 id="kop-onder">Wat erachter zit</Heading2><Foutmelding fout={onder.error} /></> : null}
        {onder.data?.soort === 'casussen' ? <Casussen kpi={kpi} data={onder.data} context={context} periode={periode} filter={filter} /> : null}
        {onder.data?.soort === 'aantallen' ? <Aantallen kpi={kpi} data={onder.data} context={context} periode={periode} filter={filter} /> : null}
      </section>
    </>
  );
}

function Casussen({ kpi, data, context, periode, filter }: {
  kpi: KpiDefinitie; data: Extract<KpiOnderliggend, { soort: 'casussen' }>; context: string; periode: string | undefined; filter: KpiFilter;
}) {
  const lijsten = useWaardelijsten();
  const wet = (code: string | null) => (code ? naamVan(lijsten.data?.wetten, code) : 'Onbekend');
  const b = bijdrage(kpi);
  const exporteer = () => downloadCsv(
    `${kpi.id}-casussen-${periode ?? `${filter.van}-${filter.tot}`}.csv`,
    ['Nummer', 'Datum', 'Wet', 'Kern', 'Wijk', b.kop, 'Teller', 'Noemer'],
    data.rijen.map((r) => [r.ref, r.datum, wet(r.wet), r.kern, r.wijk, b.tekst(r), r.telt, r.weegt]),
  );
  return (
    <>
      <Heading2 id="kop-onder">De casussen achter het cijfer</Heading2>
      <Paragraph>
        U ziet als teamleider de meldingen, aanvragen, besluiten en casussen die in dit cijfer meetellen. Open een nummer om de casus te bekijken.
        Dat u deze lijst bekijkt, wordt vastgelegd.
      </Paragraph>
      <Paragraph role="status">
        <strong>{data.getoond === data.totaal ? `Alle ${data.totaal} getoond.` : `${data.getoond} van ${data.totaal} getoond.`}</strong>
        {data.getoond < data.totaal ? ' Alleen de nieuwste staan hieronder. Kies een kortere periode of een filter om de rest te zien.' : ''}
      </Paragraph>
      {data.rijen.length === 0 ? <Paragraph className="eenvoud-leeg">Er zit niets achter dit cijfer: in deze periode telt geen enkele casus mee.</Paragraph> : (
        <>
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption>Casussen achter {kpi.naam.charAt(0).toLowerCase()}{kpi.naam.slice(1)}, {context}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Nummer</TableHeaderCell>
                  <TableHeaderCell scope="col">Datum</TableHeaderCell>
                  <TableHeaderCell scope="col">Wet</TableHeaderCell>
                  <TableHeaderCell scope="col">Kern</TableHeaderCell>
                  <TableHeaderCell scope="col">Wijk</TableHeaderCell>
                  <TableHeaderCell scope="col">{b.kop}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.rijen.map((r, i) => (
                  <TableRow key={`${r.ref}-${r.datum}-${i}`}>
                    <TableHeaderCell scope="row" className="eenvoud-nowrap">
                      {r.casusId ? <RouterLink to={`/casussen/${r.casusId}`}>{r.ref}</RouterLink> : <>{r.ref} <span className="eenvoud-gedimd">(nog geen casus)</span></>}
                    </TableHeaderCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(r.datum)}</TableCell>
                    <TableCell>{wet(r.wet)}</TableCell>
                    <TableCell>{r.kern ?? 'Onbekend'}</TableCell>
                    <TableCell>{r.wijk ?? 'Onbekend'}</TableCell>
                    <TableCell>{b.tekst(r)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={exporteer}>Lijst downloaden als CSV</Button>
          </ButtonGroup>
        </>
      )}
    </>
  );
}

const KLEIN = 'minder dan 5';

function Aantallen({ kpi, data, context, periode, filter }: {
  kpi: KpiDefinitie; data: Extract<KpiOnderliggend, { soort: 'aantallen' }>; context: string; periode: string | undefined; filter: KpiFilter;
}) {
  const tn = tellerNoemer(kpi);
  const waardeVan = (t: number, n: number): number | null => {
    if (kpi.eenheid === 'aantal') return t;
    if (n === 0) return null;
    return kpi.eenheid === 'verandering' ? t / n - 1 : t / n;
  };
  const rijen = data.rijen.map((r) => ({ ...r, waarde: r.onderdrukt || r.teller === null || r.noemer === null ? null : waardeVan(r.teller, r.noemer) }));
  const exporteer = () => downloadCsv(
    `${kpi.id}-per-wijk-${periode ?? `${filter.van}-${filter.tot}`}.csv`,
    ['Wijk', ...(tn ? [tn.teller, tn.noemer] : ['Aantal'])],
    rijen.map((r) => [r.wijk, ...(r.onderdrukt ? (tn ? [KLEIN, KLEIN] : [KLEIN]) : (tn ? [r.teller, r.noemer] : [r.teller]))]),
  );
  return (
    <>
      <Heading2 id="kop-onder">Aantallen per wijk</Heading2>
      <Paragraph>
        U ziet hier alleen aantallen per wijk: geen namen, geen BSN’s en geen nummers van meldingen of casussen. De gegevens zijn gepseudonimiseerd.
        Is een aantal kleiner dan 5, dan staat er ‘{KLEIN}’. Zo is niemand te herkennen. De casussen zelf ziet alleen de teamleider.
      </Paragraph>
      {rijen.length === 0 ? <Paragraph className="eenvoud-leeg">Er zit niets achter dit cijfer: in deze periode telt niets mee.</Paragraph> : (
        <>
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption>Aantallen per wijk achter {kpi.naam.charAt(0).toLowerCase()}{kpi.naam.slice(1)}, {context}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Wijk</TableHeaderCell>
                  {tn ? (
                    <>
                      <TableHeaderCell scope="col">{tn.teller}</TableHeaderCell>
                      <TableHeaderCell scope="col">{tn.noemer}</TableHeaderCell>
                      <TableHeaderCell scope="col">Waarde</TableHeaderCell>
                    </>
                  ) : <TableHeaderCell scope="col">Aantal</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rijen.map((r) => (
                  <TableRow key={r.wijk}>
                    <TableHeaderCell scope="row">{r.wijk}</TableHeaderCell>
                    <TableCell className="eenvoud-nowrap">{r.onderdrukt || r.teller === null ? <em>{KLEIN}</em> : formatTeller(r.teller, kpi)}</TableCell>
                    {tn ? (
                      <>
                        <TableCell className="eenvoud-nowrap">{r.onderdrukt || r.noemer === null ? <em>{KLEIN}</em> : r.noemer}</TableCell>
                        <TableCell className="eenvoud-nowrap">{r.onderdrukt ? '—' : formatWaarde(r.waarde, kpi)}</TableCell>
                      </>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={exporteer}>Aantallen downloaden als CSV</Button>
          </ButtonGroup>
        </>
      )}
    </>
  );
}
