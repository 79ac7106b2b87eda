/** The bezwaren for the beslisser and teamleider: open ones first, by the end of their decision term. */
import {
  Button, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { KeysetPaginering, RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { TermijnBadge } from '../toegang/termijn.tsx';
import { bezwaarBadge, useBezwaren } from './BezwaarApi.ts';

type Keuze = 'open' | 'afgehandeld' | 'alle';
const KEUZES: { code: Keuze; naam: string }[] = [
  { code: 'alle', naam: 'Alle bezwaren (open eerst)' },
  { code: 'open', naam: 'Open' },
  { code: 'afgehandeld', naam: 'Beslist of ingetrokken' },
];
const isKeuze = (v: string | null): v is Keuze => KEUZES.some((k) => k.code === v);
const AANTAL = 50;

export function BezwarenPage() {
  usePageTitle('Bezwaren');
  const [params, setParams] = useSearchParams();
  const keuze: Keuze = isKeuze(params.get('status')) ? (params.get('status') as Keuze) : 'alle';
  const na = params.get('na') ?? undefined;
  const [invoer, setInvoer] = useState<Keuze>(keuze);
  useEffect(() => setInvoer(keuze), [keuze]);
  const lijst = useBezwaren({ status: keuze, na, aantal: AANTAL });
  const naarPagina = (cursor: string | undefined) => `?${new URLSearchParams({ status: keuze, ...(cursor ? { na: cursor } : {}) }).toString()}`;

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setParams(invoer === 'alle' ? new URLSearchParams() : new URLSearchParams({ status: invoer }));
  };

  return (
    <>
      <Heading1>Bezwaren</Heading1>
      <Paragraph appearance="lead">
        Bezwaren tegen beschikkingen. Open bezwaren staan bovenaan, met de vroegste uiterste datum eerst. Wie aan het besluit meewerkte, behandelt het bezwaar niet.
      </Paragraph>
      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Bezwaren filteren">
        <KeuzeVeld naam="status" label="Welke bezwaren" value={invoer} onChange={(e) => setInvoer(e.target.value as Keuze)}>
          {KEUZES.map((k) => <SelectOption key={k.code} value={k.code}>{k.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen"><Button appearance="secondary-action-button" type="submit">Filteren</Button></div>
      </form>
      {lijst.isPending ? <Laden tekst="De bezwaren worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {lijst.data && lijst.data.resultaten.length === 0 ? <Paragraph role="status" className="eenvoud-leeg">Er zijn geen bezwaren{keuze === 'open' ? ' die nog open staan' : ''}.</Paragraph> : null}
      {lijst.data && lijst.data.resultaten.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={lijst.isFetching}>
              <TableCaption>{lijst.data.totaalIsSchatting ? 'Ongeveer ' : ''}{lijst.data.totaal} {lijst.data.totaal === 1 ? 'bezwaar' : 'bezwaren'}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Bezwaar</TableHeaderCell>
                  <TableHeaderCell scope="col">Inwoner</TableHeaderCell>
                  <TableHeaderCell scope="col">Tegen besluit</TableHeaderCell>
                  <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Beslissen uiterlijk</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.data.resultaten.map((z) => {
                  const open = z.status !== 'beslist' && z.status !== 'ingetrokken';
                  return (
                    <TableRow key={z.id}>
                      <TableCell className="eenvoud-nowrap"><RouterLink to={`/bezwaren/${z.id}`}>{z.nummer}</RouterLink></TableCell>
                      <TableCell>{z.persoon.naam}</TableCell>
                      <TableCell className="eenvoud-nowrap">{z.beschikking.nummer}</TableCell>
                      <TableCell className="eenvoud-nowrap">
                        {formatDatum(z.ontvangenOp)}{z.tijdig ? null : <> <StatusBadge status="danger">Te laat</StatusBadge></>}
                      </TableCell>
                      <TableCell><StatusBadge status={bezwaarBadge[z.status]}>{z.uitkomstNaam ? `${z.statusNaam}: ${z.uitkomstNaam.toLowerCase()}` : z.statusNaam}</StatusBadge></TableCell>
                      <TableCell className="eenvoud-nowrap">
                        {open ? <>{formatDatum(z.beslistermijnEinde)} {z.termijn && z.termijn.status !== 'loopt' ? <TermijnBadge termijn={z.termijn} /> : null}</> : '—'}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
          <KeysetPaginering na={na} volgende={lijst.data.volgende} naar={naarPagina} />
        </>
      ) : null}
    </>
  );
}
