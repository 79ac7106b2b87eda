/**
 * Pieces every sturing page shares: the signal in words, the figure of a KPI with how it is made and
 * what it is compared with, the links to a KPI's page and to what lies behind a figure, and the
 * comparison per kern, wijk, team and so on (bars, table, CSV).
 */
import { Button, ButtonGroup, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { SNEDEN, nietToepasbaar, useKpiVerdeling, type KpiDefinitie, type KpiFilter, type KpiWaarde, type Snede, type VerdelingRij } from './api.ts';
import { SNEDE_NAAM, filterParams, nietTeFilterenTekst, useFilterNamen } from './filters.tsx';
import { Staafgrafiek } from './Staafgrafiek.tsx';
import { Trendgrafiek } from './Trendgrafiek.tsx';
import {
  SIGNAAL_BADGE, csvWaarde, deelVanMaand, downloadCsv, formatMaand, formatNormWaarde, formatPeriodeKort, formatWaarde, normPerMaand, normTekst, normVoorPeriode, onderbouwing, signaalTekst, tellerNoemer,
  waardeKop,
} from './regels.ts';

/** The link to a KPI's own page (trend, comparison, norm), with the same filters. */
export function naarKpi(kpi: Pick<KpiDefinitie, 'id'>, filter: KpiFilter, per?: Snede | null): string {
  const p = filterParams(filter);
  if (per) p.set('per', per);
  const qs = p.toString();
  return `/sturing/kpi/${encodeURIComponent(kpi.id)}${qs ? `?${qs}` : ''}`;
}

/**
 * The link to what lies behind a figure: the same filters, optionally one month, or one bar of a
 * comparison (`snede` = its key, `naam` = its name for the page heading).
 */
export function naarOnderliggend(kpi: Pick<KpiDefinitie, 'id'>, filter: KpiFilter, extra: { periode?: string; snede?: { per: Snede; sleutel: string; naam: string } } = {}): string {
  const f = extra.snede ? { ...filter, [extra.snede.per]: extra.snede.sleutel } : filter;
  const p = filterParams(f);
  if (extra.periode) p.set('periode', extra.periode);
  if (extra.snede && !['wet', 'kern', 'wijk', 'stap', 'bekostiging'].includes(extra.snede.per)) p.set('naam', extra.snede.naam);
  const qs = p.toString();
  return `/sturing/kpi/${encodeURIComponent(kpi.id)}/onderliggend${qs ? `?${qs}` : ''}`;
}

export function KpiNietGevonden() {
  return (
    <>
      <Heading1>KPI niet gevonden</Heading1>
      <Paragraph>Deze KPI bestaat niet. <RouterLink to="/sturing">Naar Sturing</RouterLink></Paragraph>
    </>
  );
}

export function SignaalBadge({ signaal, heeftWaarde, heeftNorm }: { signaal: KpiWaarde['signaal']; heeftWaarde: boolean; heeftNorm: boolean }) {
  return <StatusBadge status={signaal ? SIGNAAL_BADGE[signaal] : 'neutral'}>{signaalTekst(signaal, heeftWaarde, heeftNorm)}</StatusBadge>;
}

/** "Vergeleken met 1 jan – 31 dec 2024 (de basisperiode)". */
export function basisTekst(w: Pick<KpiWaarde, 'basis'>): string | null {
  return w.basis ? `Vergeleken met ${formatPeriodeKort(w.basis.van, w.basis.tot)} (de basisperiode)` : null;
}

/** How the basisperiode is chosen: before the gemeente's peildatum, or the same period a year earlier. */
export function peildatumTekst(kpi: Pick<KpiDefinitie, 'eenheid' | 'peildatum'>): string | null {
  if (kpi.eenheid !== 'verandering') return null;
  return kpi.peildatum
    ? `De basisperiode is even lang als de gekozen periode en eindigt de dag vóór de peildatum van ${formatDatum(kpi.peildatum)}.`
    : 'De basisperiode is dezelfde periode een jaar eerder (er is geen peildatum ingesteld).';
}

/** The notes on a KPI: filters that do not apply, and a stand instead of a sum over the period. */
export function kpiNotities(kpi: KpiDefinitie, filter: KpiFilter): string[] {
  return [
    nietTeFilterenTekst(nietToepasbaar(kpi, filter)),
    kpi.momentopname || !kpi.dimensies.includes('periode')
      ? `Dit is een stand op ${formatDatum(filter.tot)}, de laatste dag van de periode: de gekozen periode geldt niet voor deze KPI, en er is geen trend per maand.`
      : null,
  ].filter((n): n is string => !!n);
}

/** The figure of a KPI: the value, the signal in words, how it is made, the norm and the basisperiode. */
export function KpiCijfer({ kpi, w, groot = true }: { kpi: KpiDefinitie; w: KpiWaarde; groot?: boolean }) {
  const uitleg = onderbouwing(kpi, w.teller, w.noemer);
  const basis = basisTekst(w);
  return (
    <>
      <div className="eenvoud-kpi__cijfers">
        <p className={groot ? 'eenvoud-kpi__waarde' : 'eenvoud-kpi__waarde eenvoud-kpi__waarde--klein'}>{formatWaarde(w.waarde, kpi)}</p>
        <SignaalBadge signaal={w.signaal} heeftWaarde={w.waarde !== null} heeftNorm={kpi.norm !== null} />
      </div>
      {kpi.eenheid === 'aandeel' ? (
        <p className="eenvoud-kpi__regel">{w.noemer > 0 ? uitleg : 'Nog niets gemeten in deze periode'}</p>
      ) : uitleg ? <p className="eenvoud-kpi__regel">{uitleg}</p> : null}
      {basis ? <p className="eenvoud-kpi__regel eenvoud-kpi__basis">{basis}</p> : null}
      {kpi.eenheid === 'verandering' && w.waarde === null && w.teller > 0 ? (
        <p className="eenvoud-kpi__regel">Geen verandering te berekenen: in de basisperiode was het aantal 0.</p>
      ) : null}
      <p className="eenvoud-kpi__regel eenvoud-kpi__norm">{normTekst(kpi, w)}</p>
    </>
  );
}

const rijNaam = (per: Snede, r: VerdelingRij, namen: ReturnType<typeof useFilterNamen>): string => {
  if (r.sleutel === null) return 'Onbekend';
  if (per === 'wet') return namen.wet(r.sleutel);
  if (per === 'stap') return namen.stap(r.sleutel);
  if (per === 'bekostiging') return namen.bekostiging(r.sleutel);
  return r.naam;
};

/** The dimensions a KPI can be compared by, in a fixed order. */
export const snedenVan = (kpi: KpiDefinitie): Snede[] => SNEDEN.filter((s) => kpi.dimensies.includes(s));

/**
 * A KPI per kern, wijk, team…: the choice "Vergelijk per", horizontal bars coloured by signal with the
 * norm line, the same as a table (each row a link to what lies behind it) and as CSV.
 */
export function Vergelijking({ kpi, filter, per, onPer, filterTekst }: {
  kpi: KpiDefinitie;
  filter: KpiFilter;
  per: Snede | null;
  onPer: (per: Snede) => void;
  filterTekst: string;
}) {
  const namen = useFilterNamen();
  const navigate = useNavigate();
  const keuzes = snedenVan(kpi);
  const gekozen = per && keuzes.includes(per) ? per : keuzes[0] ?? null;
  const verdeling = useKpiVerdeling(kpi, filter, gekozen);
  const tn = tellerNoemer(kpi);

  if (!gekozen) return <Paragraph className="eenvoud-leeg">Deze KPI is niet verder uit te splitsen.</Paragraph>;
  const perNaam = SNEDE_NAAM[gekozen];
  const rijen = (verdeling.data?.per === gekozen ? verdeling.data.rijen : [])
    .map((r) => ({ ...r, naam: rijNaam(gekozen, r, namen) }))
    // By name, as people look for their own kern or team; "Onbekend" last.
    .sort((a, b) => (a.sleutel === null ? 1 : b.sleutel === null ? -1 : a.naam.localeCompare(b.naam, 'nl')));
  const drill = (r: (typeof rijen)[number]) => (r.sleutel === null ? null : naarOnderliggend(kpi, filter, { snede: { per: gekozen, sleutel: r.sleutel, naam: r.naam } }));
  const kleinNaam = `${kpi.naam.charAt(0).toLowerCase()}${kpi.naam.slice(1)}`;
  // A yearly norm as it holds for the period: what each bar's colour was measured against.
  const norm = normVoorPeriode(kpi, verdeling.data);
  const beschrijving = rijen.length === 0 ? '' : `Staafdiagram van ${kleinNaam} per ${perNaam.enkel}: ${
    rijen.map((r) => `${r.naam} ${formatWaarde(r.waarde, kpi)} (${signaalTekst(r.signaal, r.waarde !== null, kpi.norm !== null).toLowerCase()})`).join(', ')
  }.${norm !== null ? ` De stippellijn is de norm van ${formatNormWaarde(norm, kpi)}${kpi.normPer === 'jaar' ? ' voor deze periode' : ''}.` : ''}`;

  const exporteer = () => downloadCsv(
    `${kpi.id}-per-${gekozen}-${filter.van}-${filter.tot}.csv`,
    [perNaam.keuze, waardeKop(kpi.eenheid), ...(tn ? [tn.teller, tn.noemer] : []), 'Signaal', 'Van', 'Tot en met'],
    rijen.map((r) => [
      r.naam, csvWaarde(r.waarde, kpi.eenheid), ...(tn ? [r.teller, r.noemer] : []),
      signaalTekst(r.signaal, r.waarde !== null, kpi.norm !== null), filter.van, filter.tot,
    ]),
  );

  return (
    <div className="eenvoud-vergelijking">
      {keuzes.length > 1 ? (
        <div className="eenvoud-vergelijking__keuze">
          <KeuzeVeld naam={`per-${kpi.id}`} label="Vergelijk per" value={gekozen} onChange={(e) => onPer(e.target.value as Snede)}>
            {keuzes.map((s) => <SelectOption key={s} value={s}>{SNEDE_NAAM[s].keuze}</SelectOption>)}
          </KeuzeVeld>
        </div>
      ) : <Paragraph>Vergeleken per {perNaam.enkel}.</Paragraph>}
      {verdeling.isPending ? <Laden tekst="De vergelijking wordt berekend…" /> : null}
      {verdeling.error ? <Foutmelding fout={verdeling.error} /> : null}
      {verdeling.data && rijen.length === 0 && !verdeling.isPlaceholderData ? (
        <Paragraph className="eenvoud-leeg">Geen gegevens om te vergelijken in deze periode.</Paragraph>
      ) : null}
      {rijen.length > 0 ? (
        <>
          <figure className="eenvoud-kpi__figuur">
            <Staafgrafiek
              staven={rijen} maat={kpi} norm={norm} beschrijving={beschrijving}
              onKlik={(i) => { const r = rijen[i]; const naar = r ? drill(r) : null; if (naar) void navigate(naar); }}
            />
            <figcaption className="eenvoud-gedimd">
              De kleur van een staaf is het signaal: groen op norm, oranje let op, rood niet op norm{norm !== null ? `; de rode stippellijn is de norm${kpi.normPer === 'jaar' ? ' voor deze periode (de jaarnorm naar rato)' : ''}` : ''}.
              Kies een {perNaam.enkel} in de tabel om te zien wat erachter zit.
            </figcaption>
          </figure>
          <div className="eenvoud-tabel">
            <Table busy={verdeling.isFetching}>
              <TableCaption>{kpi.naam} per {perNaam.enkel}, {filterTekst}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{perNaam.keuze}</TableHeaderCell>
                  <TableHeaderCell scope="col">Waarde</TableHeaderCell>
                  {tn ? <TableHeaderCell scope="col">Onderbouwing</TableHeaderCell> : null}
                  <TableHeaderCell scope="col">Signaal</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rijen.map((r) => {
                  const naar = drill(r);
                  return (
                    <TableRow key={r.sleutel ?? '-'}>
                      <TableHeaderCell scope="row" className="eenvoud-kolom-naam">
                        {naar ? <RouterLink to={naar}>{r.naam}<span className="eenvoud-visueel-verborgen">: wat zit erachter</span></RouterLink> : r.naam}
                      </TableHeaderCell>
                      <TableCell className="eenvoud-nowrap">{formatWaarde(r.waarde, kpi)}</TableCell>
                      {tn ? <TableCell>{onderbouwing(kpi, r.teller, r.noemer)}</TableCell> : null}
                      <TableCell><SignaalBadge signaal={r.signaal} heeftWaarde={r.waarde !== null} heeftNorm={kpi.norm !== null} /></TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={exporteer}>Vergelijking downloaden als CSV</Button>
          </ButtonGroup>
        </>
      ) : null}
    </div>
  );
}

/**
 * The trend per month: a line chart with the norm, and the same as a table (open on request, or
 * always) where every month links to what lies behind it; the table also as CSV.
 */
export function Trend({ kpi, w, filter, tabelOpen }: { kpi: KpiDefinitie; w: KpiWaarde; filter: KpiFilter; tabelOpen?: boolean }) {
  const tabelId = useId();
  const navigate = useNavigate();
  const [alsTabel, setAlsTabel] = useState(!!tabelOpen);
  const tn = tellerNoemer(kpi);
  if (w.reeks.length === 0) return null;
  const kleinNaam = `${kpi.naam.charAt(0).toLowerCase()}${kpi.naam.slice(1)}`;
  // A month against a month's norm: a yearly budget drawn whole over monthly costs would always look met.
  const maandNorm = normPerMaand(kpi);
  // A month cut off by the period (the first or last; the current month, most often) says so.
  const maandMetDeel = (periode: string) => {
    const deel = deelVanMaand(periode, filter.van, filter.tot);
    return deel ? `${formatMaand(periode)} (${deel})` : formatMaand(periode);
  };
  const delen = [...new Set([w.reeks[0]!.periode, w.reeks.at(-1)!.periode])]
    .filter((p) => deelVanMaand(p, filter.van, filter.tot) !== null).map(maandMetDeel);
  const beschrijving = `Lijngrafiek van ${kleinNaam} per maand, van ${formatMaand(w.reeks[0]!.periode)} tot en met ${formatMaand(w.reeks.at(-1)!.periode)}: ${
    w.reeks.map((p) => `${formatMaand(p.periode)} ${p.waarde === null ? 'geen gegevens' : formatWaarde(p.waarde, kpi)}`).join(', ')
  }.${maandNorm !== null ? ` De stippellijn is de norm van ${formatNormWaarde(maandNorm, kpi)}${kpi.normPer === 'jaar' ? ' per maand, een twaalfde van de jaarnorm' : ''}.` : ''}`;

  const exporteer = () => downloadCsv(
    `${kpi.id}-${filter.van}-${filter.tot}.csv`,
    tn ? ['Maand', waardeKop(kpi.eenheid), tn.teller, tn.noemer] : ['Maand', 'Aantal'],
    w.reeks.map((p) => (tn ? [p.periode, csvWaarde(p.waarde, kpi.eenheid), p.teller, p.noemer] : [p.periode, p.waarde])),
  );

  return (
    <>
      <figure className="eenvoud-kpi__figuur">
        <Trendgrafiek reeks={w.reeks} maat={kpi} norm={maandNorm} beschrijving={beschrijving}
          onKlik={(periode) => void navigate(naarOnderliggend(kpi, filter, { periode }))} />
        <figcaption className="eenvoud-gedimd">
          Trend per maand{maandNorm !== null ? `; de rode stippellijn is de norm${kpi.normPer === 'jaar' ? ' per maand (een twaalfde van de jaarnorm)' : ''}` : ''}{w.basis ? '; elke maand vergeleken met dezelfde maand in de basisperiode' : ''}.
          {delen.length ? ` Maar voor een deel in de periode, dus niet te vergelijken met hele maanden: ${delen.join(' en ')}.` : ''}
        </figcaption>
      </figure>
      {tabelOpen ? null : (
        <ButtonGroup>
          <Button appearance="subtle-button" type="button" aria-expanded={alsTabel} aria-controls={tabelId} onClick={() => setAlsTabel(!alsTabel)}>
            {alsTabel ? 'Verberg tabel' : 'Toon als tabel'}
          </Button>
        </ButtonGroup>
      )}
      <div id={tabelId} hidden={!alsTabel}>
        {alsTabel ? (
          <>
            <div className="eenvoud-tabel">
              <Table>
                <TableCaption>{kpi.naam} per maand</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Maand</TableHeaderCell>
                    <TableHeaderCell scope="col">{kpi.eenheid === 'aantal' ? 'Aantal' : 'Waarde'}</TableHeaderCell>
                    {tn ? <TableHeaderCell scope="col">Onderbouwing</TableHeaderCell> : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {w.reeks.map((p) => (
                    <TableRow key={p.periode}>
                      <TableHeaderCell scope="row">
                        <RouterLink to={naarOnderliggend(kpi, filter, { periode: p.periode })}>
                          {maandMetDeel(p.periode)}
                          <span className="eenvoud-visueel-verborgen">: wat zit erachter</span>
                        </RouterLink>
                      </TableHeaderCell>
                      <TableCell className="eenvoud-nowrap">{formatWaarde(p.waarde, kpi)}</TableCell>
                      {tn ? <TableCell>{onderbouwing(kpi, p.teller, p.noemer)}</TableCell> : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <ButtonGroup>
              <Button appearance="secondary-action-button" type="button" onClick={exporteer}>Tabel downloaden als CSV</Button>
            </ButtonGroup>
          </>
        ) : null}
      </div>
    </>
  );
}
