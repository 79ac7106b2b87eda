/**
 * Declaraties (ADR 40): what providers declared and what the gemeente approved, per declaration and per
 * prestatie with the retourcode of every refusal. The provider sees its own (with its clients' BSN, it
 * sent them); inkoop and beleid see all providers without client data.
 */
import {
  Heading1, Heading2, Paragraph, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, DataList, DataListItem, DataListKey, DataListValue,
} from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { formatEuro } from '../../platform/geld.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { Paginering, RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { ApiProblem } from '../../platform/api.ts';
import { DECLARATIE_STATUS, EENHEID_NAAM, useDeclaratie, useDeclaraties, type Declaratie } from './api.ts';
import { Codes } from './BerichtenTabel.tsx';

const periode = (d: Pick<Declaratie, 'periodeBegin' | 'periodeEind'>) => `${formatDatum(d.periodeBegin)} – ${formatDatum(d.periodeEind)}`;

function DeclaratieStatus({ status }: { status: Declaratie['status'] }) {
  const s = DECLARATIE_STATUS[status];
  return <StatusBadge status={s.badge}>{s.naam}</StatusBadge>;
}

/** The list, newest first; each declaration opens its own page. */
export function DeclaratiesSectie({ kopNiveau = 2, aanbiederId, metAanbieder = false }: { kopNiveau?: 1 | 2; aanbiederId?: string; metAanbieder?: boolean }) {
  const [params] = useSearchParams();
  const pagina = Number(params.get('dpagina') ?? 1) || 1;
  const lijst = useDeclaraties({ ...(aanbiederId ? { aanbiederId } : {}), pagina });
  const naar = (p: number) => {
    const q = new URLSearchParams(params);
    q.set('dpagina', String(p));
    return `?${q.toString()}`;
  };
  const Kop = kopNiveau === 1 ? Heading1 : Heading2;
  const d = lijst.data;
  return (
    <section aria-labelledby="declaraties-kop" className="eenvoud-sectie">
      <Kop id="declaraties-kop">Declaraties</Kop>
      <Paragraph>
        Elke declaratie (323) wordt per prestatie getoetst aan de toewijzing en het contract. Het declaratie-antwoord (325) noemt alleen wat is afgewezen, met de retourcode;
        de rest is toegekend en wordt betaald.
      </Paragraph>
      {lijst.isPending ? <Laden tekst="De declaraties worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {d && d.items.length === 0 ? <Paragraph role="status" className="eenvoud-leeg">Er zijn nog geen declaraties.</Paragraph> : null}
      {d && d.items.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={lijst.isFetching}>
              <TableCaption>{d.totaal} {d.totaal === 1 ? 'declaratie' : 'declaraties'}, de nieuwste eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Declaratienummer</TableHeaderCell>
                  {metAanbieder ? <TableHeaderCell scope="col">Aanbieder</TableHeaderCell> : null}
                  <TableHeaderCell scope="col">Periode</TableHeaderCell>
                  <TableHeaderCell scope="col">Prestaties</TableHeaderCell>
                  <TableHeaderCell scope="col">Ingediend</TableHeaderCell>
                  <TableHeaderCell scope="col">Toegekend</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Retourcodes</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.items.map((x) => (
                  <TableRow key={x.id}>
                    <TableCell><RouterLink to={`/declaraties/${x.id}`}>{x.nummer}</RouterLink><br /><span className="eenvoud-gedimd">{x.standaardNaam}</span></TableCell>
                    {metAanbieder ? <TableCell>{x.aanbiederNaam}</TableCell> : null}
                    <TableCell className="eenvoud-nowrap">{periode(x)}</TableCell>
                    <TableCell>{x.aantalPrestaties}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatEuro(x.ingediendCents)}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatEuro(x.toegekendCents)}</TableCell>
                    <TableCell><DeclaratieStatus status={x.status} /></TableCell>
                    <TableCell><Codes codes={x.retourcodes} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Paginering pagina={d.pagina} paginas={Math.ceil(d.totaal / d.aantal)} naar={naar} />
        </>
      ) : null}
    </section>
  );
}

export function DeclaratiesPage() {
  usePageTitle('Declaraties');
  return <DeclaratiesSectie kopNiveau={1} metAanbieder />;
}

export function DeclaratiePage() {
  const { id = '' } = useParams();
  const q = useDeclaratie(id);
  usePageTitle(q.data ? `Declaratie ${q.data.nummer}` : 'Declaratie');
  if (q.isPending) return <><Heading1>Declaratie</Heading1><Laden tekst="De declaratie wordt geladen…" /></>;
  if (q.isError) {
    const weg = q.error instanceof ApiProblem && q.error.status === 404;
    return <><Heading1>{weg ? 'Declaratie niet gevonden' : 'Declaratie'}</Heading1><Foutmelding fout={q.error} /></>;
  }
  const d = q.data;
  const metBsn = d.prestaties.some((p) => p.bsn !== null);
  return (
    <>
      <Heading1>Declaratie {d.nummer}</Heading1>
      <DataList className="eenvoud-datalist">
        <DataListItem><DataListKey>Aanbieder</DataListKey><DataListValue>{d.aanbiederNaam}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Status</DataListKey><DataListValue><DeclaratieStatus status={d.status} /></DataListValue></DataListItem>
        <DataListItem><DataListKey>Periode</DataListKey><DataListValue>{periode(d)}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Standaard</DataListKey><DataListValue>{d.standaardNaam}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Ingediend</DataListKey><DataListValue>{formatEuro(d.ingediendCents)}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Toegekend</DataListKey><DataListValue>{formatEuro(d.toegekendCents)}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Afgewezen</DataListKey><DataListValue>{formatEuro(d.afgewezenCents)}</DataListValue></DataListItem>
        {d.retourcodes.some((c) => c.code === '9333') ? (
          <DataListItem><DataListKey>Niet verwerkt</DataListKey><DataListValue><Codes codes={d.retourcodes} /></DataListValue></DataListItem>
        ) : null}
      </DataList>
      <Heading2>Prestaties</Heading2>
      {d.prestaties.length === 0 ? <Paragraph>Deze declaratie is als geheel afgewezen; er is geen prestatie beoordeeld.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>{d.prestaties.length} {d.prestaties.length === 1 ? 'prestatie' : 'prestaties'} met hun oordeel</TableCaption>
            <TableHeader>
              <TableRow>
                {metBsn ? <TableHeaderCell scope="col">BSN</TableHeaderCell> : <TableHeaderCell scope="col">Voorziening</TableHeaderCell>}
                <TableHeaderCell scope="col">Toewijzing</TableHeaderCell>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Periode</TableHeaderCell>
                <TableHeaderCell scope="col">Volume</TableHeaderCell>
                <TableHeaderCell scope="col">Ingediend</TableHeaderCell>
                <TableHeaderCell scope="col">Toegekend</TableHeaderCell>
                <TableHeaderCell scope="col">Oordeel</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.prestaties.map((p) => (
                <TableRow key={p.id}>
                  <TableCell className="eenvoud-nowrap">{metBsn ? p.bsn : p.voorzieningNummer ?? '—'}</TableCell>
                  <TableCell>{p.toewijzingNummer}</TableCell>
                  <TableCell className="eenvoud-nowrap">{p.categorie} / {p.code}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(p.begin)} – {formatDatum(p.eind)}</TableCell>
                  <TableCell>{p.volume} {EENHEID_NAAM[p.eenheid] ?? `(eenheid ${p.eenheid})`}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatEuro(p.ingediendCents)}{p.vorigReferentie ? <><br /><span className="eenvoud-gedimd">credit van {p.vorigReferentie}</span></> : null}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatEuro(p.toegekendCents)}{p.gecrediteerd ? <><br /><span className="eenvoud-gedimd">later gecrediteerd</span></> : null}</TableCell>
                  <TableCell>{p.goedgekeurd ? 'Toegekend' : <Codes codes={p.retourcodes} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
