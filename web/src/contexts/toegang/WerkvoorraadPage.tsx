import {
  Button, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader,
  TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { alleenEigenRegistraties, rollenVan } from '../../platform/functies.ts';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSessie } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { STATUSSEN, WETTEN, isStatus, isWet, statusBadge, statusNaam, useMeldingen, wetNaam, type MeldingFilter } from './api.ts';

const AANTAL_PER_PAGINA = 25;

function filterUitUrl(params: URLSearchParams): MeldingFilter {
  const status = params.get('status');
  const wet = params.get('wet');
  const pagina = Number(params.get('pagina') ?? '1');
  return {
    status: isStatus(status) ? status : undefined,
    wet: isWet(wet) ? wet : undefined,
    pagina: Number.isInteger(pagina) && pagina >= 1 ? pagina : 1,
    aantal: AANTAL_PER_PAGINA,
  };
}

function naarUrl(f: { status?: string | undefined; wet?: string | undefined; pagina?: number }): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.wet) p.set('wet', f.wet);
  if (f.pagina && f.pagina > 1) p.set('pagina', String(f.pagina));
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

export function WerkvoorraadPage() {
  const sessie = useSessie();
  const eigen = alleenEigenRegistraties(rollenVan(sessie));
  const titel = eigen ? 'Mijn registraties' : 'Werkvoorraad';
  usePageTitle(titel);

  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterUitUrl(searchParams);
  const [status, setStatus] = useState<string>(filter.status ?? '');
  const [wet, setWet] = useState<string>(filter.wet ?? '');
  const meldingen = useMeldingen(filter);

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSearchParams(new URLSearchParams(naarUrl({ status, wet }).slice(1)));
  };

  const gefilterd = !!(filter.status || filter.wet);
  const data = meldingen.data;
  const paginas = data ? Math.max(1, Math.ceil(data.totaal / data.aantal)) : 1;

  return (
    <>
      <Heading1>{titel}</Heading1>
      <Paragraph appearance="lead">
        {eigen ? 'De meldingen die u heeft geregistreerd, de oudste eerst.' : 'Alle meldingen van inwoners, de oudste eerst.'}
      </Paragraph>

      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Meldingen filteren">
        <KeuzeVeld naam="status" label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <SelectOption value="">Alle statussen</SelectOption>
          {STATUSSEN.map((s) => <SelectOption key={s} value={s}>{statusNaam[s]}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="wet" label="Wet" value={wet} onChange={(e) => setWet(e.target.value)}>
          <SelectOption value="">Alle wetten</SelectOption>
          {WETTEN.map((w) => <SelectOption key={w} value={w}>{wetNaam[w]}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen">
          <Button appearance="secondary-action-button" type="submit">Filteren</Button>
          {gefilterd ? <RouterLink to="/meldingen" onClick={() => { setStatus(''); setWet(''); }}>Filters wissen</RouterLink> : null}
        </div>
      </form>

      {meldingen.isPending ? <Laden tekst="De meldingen worden geladen…" /> : null}
      {meldingen.isError ? <Foutmelding fout={meldingen.error} /> : null}

      {data && data.resultaten.length === 0 ? (
        <Paragraph role="status" className="eenvoud-leeg">
          {gefilterd ? 'Er zijn geen meldingen die passen bij deze filters.' : eigen ? 'U heeft nog geen meldingen geregistreerd.' : 'Er zijn nog geen meldingen.'}
        </Paragraph>
      ) : null}

      {data && data.resultaten.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={meldingen.isFetching}>
              <TableCaption>
                {titel}: {data.totaal} {data.totaal === 1 ? 'melding' : 'meldingen'}{gefilterd ? ' (gefilterd)' : ''}
                {paginas > 1 ? `, pagina ${data.pagina} van ${paginas}` : ''}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Nummer</TableHeaderCell>
                  <TableHeaderCell scope="col">Ontvangen op</TableHeaderCell>
                  <TableHeaderCell scope="col">Inwoner</TableHeaderCell>
                  <TableHeaderCell scope="col">Wet</TableHeaderCell>
                  <TableHeaderCell scope="col">Kanaal</TableHeaderCell>
                  <TableHeaderCell scope="col">Kern / wijk</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.resultaten.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell className="eenvoud-nowrap"><RouterLink to={`/meldingen/${m.id}`}>{m.nummer}</RouterLink></TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(m.ontvangenOp)}</TableCell>
                    <TableCell>{m.persoon.naam}</TableCell>
                    <TableCell>{m.wetNaam}</TableCell>
                    <TableCell>{m.kanaalNaam}</TableCell>
                    <TableCell>{m.kern ? `${m.kern}${m.wijk && m.wijk !== m.kern ? ` – ${m.wijk}` : ''}` : 'Onbekend'}</TableCell>
                    <TableCell><StatusBadge status={statusBadge[m.status]}>{m.statusNaam}</StatusBadge></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {paginas > 1 ? (
            <nav aria-label="Paginering" className="eenvoud-paginering">
              {data.pagina > 1 ? (
                <RouterLink to={naarUrl({ ...filter, pagina: data.pagina - 1 })} rel="prev">Vorige pagina</RouterLink>
              ) : <span />}
              <span>Pagina {data.pagina} van {paginas}</span>
              {data.pagina < paginas ? (
                <RouterLink to={naarUrl({ ...filter, pagina: data.pagina + 1 })} rel="next">Volgende pagina</RouterLink>
              ) : <span />}
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
