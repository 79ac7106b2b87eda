/**
 * The privacy officer's overview of sharing: every verstrekking (or every grondslag) of the gemeente,
 * newest first, filtered by partner, kind of ground and withdrawn or not. Each resident shown is
 * recorded in the audit trail by the API.
 */
import {
  Button, Heading1, Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { Paginering } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useDelenLijsten, useDelingenOverzicht, type Grondslag, type OverzichtFilter } from './DelingApi.ts';

type Velden = Omit<OverzichtFilter, 'pagina'>;

function uitUrl(p: URLSearchParams): OverzichtFilter {
  const pagina = Number(p.get('pagina') ?? '1');
  const ingetrokken = p.get('ingetrokken');
  return {
    lijst: p.get('lijst') === 'grondslagen' ? 'grondslagen' : 'verstrekkingen',
    partnerSoort: p.get('partnerSoort') ?? '',
    partner: p.get('partner') ?? '',
    soort: p.get('soort') ?? '',
    ingetrokken: ingetrokken === 'ja' || ingetrokken === 'nee' ? ingetrokken : '',
    pagina: Number.isInteger(pagina) && pagina >= 1 ? pagina : 1,
  };
}

function naarUrl(v: Velden & { pagina?: number }): string {
  const p = new URLSearchParams();
  if (v.lijst !== 'verstrekkingen') p.set('lijst', v.lijst);
  if (v.partnerSoort) p.set('partnerSoort', v.partnerSoort);
  if (v.partner.trim()) p.set('partner', v.partner.trim());
  if (v.soort) p.set('soort', v.soort);
  if (v.ingetrokken) p.set('ingetrokken', v.ingetrokken);
  if (v.pagina && v.pagina > 1) p.set('pagina', String(v.pagina));
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

const partnersTekst = (g: Grondslag) => g.partners.map((p) => (p.naam ? `${p.naam} (${p.soortNaam})` : `${p.soortNaam} (iedere partner van deze soort)`)).join('; ');

export function DelingenPage() {
  usePageTitle('Delen met partners');
  const lijsten = useDelenLijsten();
  const [searchParams, setSearchParams] = useSearchParams();
  const gekozen = uitUrl(searchParams);
  const bekend = (lijst: { code: string }[] | undefined, v: string) => (v && lijst?.some((w) => w.code === v) ? v : '');
  const filter: OverzichtFilter = {
    ...gekozen, partnerSoort: bekend(lijsten.data?.partnerSoorten, gekozen.partnerSoort), soort: bekend(lijsten.data?.grondslagSoorten, gekozen.soort),
  };
  const overzicht = useDelingenOverzicht(filter);
  const [invoer, setInvoer] = useState<Velden>(gekozen);
  const sleutel = searchParams.toString();
  useEffect(() => {
    setInvoer(uitUrl(new URLSearchParams(sleutel)));
  }, [sleutel]);

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSearchParams(new URLSearchParams(naarUrl(invoer).slice(1)));
  };
  const data = overzicht.data;
  const paginas = data ? Math.max(1, Math.ceil(data.totaal / data.aantal)) : 1;
  const wat = filter.lijst === 'verstrekkingen' ? 'verstrekkingen' : 'grondslagen';

  return (
    <>
      <Heading1>Delen met partners</Heading1>
      <Paragraph appearance="lead">
        Welke gegevens van inwoners de gemeente met partners deelde, en op welke grondslag: toestemming of een wettelijke grondslag. Elke inwoner in deze lijst
        komt in zijn of haar audittrail.
      </Paragraph>

      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Delen filteren">
        <KeuzeVeld naam="lijst" label="Toon" value={invoer.lijst} onChange={(e) => setInvoer((o) => ({ ...o, lijst: e.target.value === 'grondslagen' ? 'grondslagen' : 'verstrekkingen' }))}>
          <SelectOption value="verstrekkingen">Verstrekkingen</SelectOption>
          <SelectOption value="grondslagen">Grondslagen</SelectOption>
        </KeuzeVeld>
        <KeuzeVeld naam="partnerSoort" label="Soort partner" value={invoer.partnerSoort} onChange={(e) => setInvoer((o) => ({ ...o, partnerSoort: e.target.value }))}>
          <SelectOption value="">Alle partners</SelectOption>
          {(lijsten.data?.partnerSoorten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
        </KeuzeVeld>
        <TekstVeld naam="partner" label="Naam van de partner" value={invoer.partner} autoComplete="off"
          onChange={(e) => setInvoer((o) => ({ ...o, partner: e.target.value }))} />
        <KeuzeVeld naam="soort" label="Grondslag" value={invoer.soort} onChange={(e) => setInvoer((o) => ({ ...o, soort: e.target.value }))}>
          <SelectOption value="">Alle grondslagen</SelectOption>
          {(lijsten.data?.grondslagSoorten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="ingetrokken" label="Ingetrokken" value={invoer.ingetrokken}
          onChange={(e) => setInvoer((o) => ({ ...o, ingetrokken: e.target.value === 'ja' || e.target.value === 'nee' ? e.target.value : '' }))}>
          <SelectOption value="">Ingetrokken of niet</SelectOption>
          <SelectOption value="ja">Alleen ingetrokken toestemming</SelectOption>
          <SelectOption value="nee">Alleen niet ingetrokken</SelectOption>
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen">
          <Button appearance="secondary-action-button" type="submit">Filteren</Button>
        </div>
      </form>

      {overzicht.isPending ? <Laden tekst="De lijst wordt geladen…" /> : null}
      {overzicht.isError ? <Foutmelding fout={overzicht.error} /> : null}
      {data && data.resultaten.length === 0 ? (
        <Paragraph role="status" className="eenvoud-leeg">Er zijn geen {wat} die passen bij deze filters.</Paragraph>
      ) : null}
      {data && data.resultaten.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={overzicht.isFetching}>
              <TableCaption>
                {data.totaal} {data.lijst === 'verstrekkingen' ? (data.totaal === 1 ? 'verstrekking' : 'verstrekkingen') : (data.totaal === 1 ? 'grondslag' : 'grondslagen')}, de nieuwste eerst
                {paginas > 1 ? `, pagina ${data.pagina} van ${paginas}` : ''}
              </TableCaption>
              {data.lijst === 'verstrekkingen' ? (
                <>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">Datum</TableHeaderCell>
                      <TableHeaderCell scope="col">Inwoner</TableHeaderCell>
                      <TableHeaderCell scope="col">Partner</TableHeaderCell>
                      <TableHeaderCell scope="col">Doel</TableHeaderCell>
                      <TableHeaderCell scope="col">Welke gegevens</TableHeaderCell>
                      <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
                      <TableHeaderCell scope="col">Vastgelegd door</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.resultaten.map((v) => (
                      <TableRow key={v.id}>
                        <TableCell className="eenvoud-nowrap">{formatDatum(v.datum)}</TableCell>
                        <TableCell>{v.persoon.naam}</TableCell>
                        <TableCell>{v.partner.naam} ({v.partner.soortNaam})</TableCell>
                        <TableCell>{v.doelNaam}</TableCell>
                        <TableCell>{v.gegevens}</TableCell>
                        <TableCell>
                          {v.grondslagSoortNaam}
                          {v.grondslagIngetrokkenOp ? <><br />ingetrokken op {formatDatum(v.grondslagIngetrokkenOp)}</> : null}
                        </TableCell>
                        <TableCell>{v.vastgelegdDoor ?? '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </>
              ) : (
                <>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">Datum</TableHeaderCell>
                      <TableHeaderCell scope="col">Inwoner</TableHeaderCell>
                      <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
                      <TableHeaderCell scope="col">Met wie</TableHeaderCell>
                      <TableHeaderCell scope="col">Waarvoor</TableHeaderCell>
                      <TableHeaderCell scope="col">Stand</TableHeaderCell>
                      <TableHeaderCell scope="col">Verstrekkingen</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.resultaten.map((g) => (
                      <TableRow key={g.id}>
                        <TableCell className="eenvoud-nowrap">{formatDatum(g.datum)}</TableCell>
                        <TableCell>{g.persoon.naam}</TableCell>
                        <TableCell>
                          {g.soortNaam}
                          <br />
                          {g.gegevenDoor ? `Gegeven door ${g.gegevenDoor.naam} (${g.gegevenDoor.relatieNaam})` : g.wetsartikel ?? g.toelichting}
                        </TableCell>
                        <TableCell>{partnersTekst(g)}</TableCell>
                        <TableCell>{g.doelen.map((d) => d.naam).join('; ')}</TableCell>
                        <TableCell>
                          {g.statusNaam}
                          {g.intrekking ? <><br />op {formatDatum(g.intrekking.datum)}{g.intrekking.reden ? `: ${g.intrekking.reden}` : ''}</> : null}
                        </TableCell>
                        <TableCell>{g.aantalVerstrekkingen}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </>
              )}
            </Table>
          </div>
          <Paginering pagina={data.pagina} paginas={paginas} naar={(n) => naarUrl({ ...filter, pagina: n })} />
        </>
      ) : null}
    </>
  );
}
