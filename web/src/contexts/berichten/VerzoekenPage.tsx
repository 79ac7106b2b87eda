/**
 * The casusregisseur's work list of verzoeken from providers (315 om toewijzing, 317 om wijziging):
 * open ones first with the shortest term, each with the client, the provider and how long is left.
 */
import {
  Button, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { Paginering, RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useVerzoeken, type VerzoekSamenvatting } from './api.ts';
import { ANTWOORD_WERKDAGEN, VERZOEK_BADGE, isOpenVerzoek, termijnStand, termijnTekst, type VerzoekStatus } from './verzoeken.ts';

type Keuze = 'open' | 'alle';
const KEUZES: { code: Keuze; naam: string }[] = [
  { code: 'open', naam: 'Alleen open' },
  { code: 'alle', naam: 'Alle' },
];

export function VerzoekStatusBadge({ status, naam }: { status: VerzoekStatus; naam: string }) {
  return <StatusBadge status={VERZOEK_BADGE[status]}>{naam}</StatusBadge>;
}

/**
 * The term's end with a signal: red "Verlopen" or orange "Laatste dag" in words and colour, else the
 * working days left; once answered, whether that was within the term.
 */
export function TermijnSignaal({ v }: { v: Pick<VerzoekSamenvatting, 'status' | 'termijnEinde' | 'verlopen' | 'beantwoordOp' | 'werkdagenOver'> }) {
  const stand = termijnStand(v);
  const tekst = stand.soort !== 'beantwoord' ? termijnTekst(stand)
    : v.beantwoordOp ? (v.beantwoordOp <= v.termijnEinde ? 'beantwoord binnen de termijn' : 'beantwoord na de termijn') : null;
  return (
    <span className="eenvoud-termijn-kort">
      <span className="eenvoud-nowrap">{formatDatum(v.termijnEinde)}</span>
      {stand.soort === 'verlopen' ? <StatusBadge status="danger">Verlopen</StatusBadge> : null}
      {stand.soort === 'vandaag' ? <StatusBadge status="warning">Laatste dag</StatusBadge> : null}
      {tekst ? <span className={stand.soort === 'verlopen' ? 'eenvoud-termijn--verlopen' : stand.soort === 'vandaag' ? 'eenvoud-termijn--bijna' : 'eenvoud-gedimd'}>{tekst}</span> : null}
    </span>
  );
}

export function VerzoekenPage() {
  usePageTitle('Verzoeken van aanbieders');
  const [params, setParams] = useSearchParams();
  const keuze: Keuze = params.get('status') === 'alle' ? 'alle' : 'open';
  const pagina = Math.max(1, Number(params.get('pagina') ?? 1) || 1);
  const [invoer, setInvoer] = useState<Keuze>(keuze);
  useEffect(() => setInvoer(keuze), [keuze]);
  const lijst = useVerzoeken({ open: keuze === 'open', pagina });

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setParams(invoer === 'open' ? new URLSearchParams() : new URLSearchParams({ status: invoer }));
  };
  const naar = (n: number) => `?${new URLSearchParams({ ...(keuze === 'alle' ? { status: 'alle' } : {}), pagina: String(n) }).toString()}`;
  const d = lijst.data;

  return (
    <>
      <Heading1>Verzoeken van aanbieders</Heading1>
      <Paragraph appearance="lead">
        Een aanbieder vraagt om een toewijzing (315) of om een wijziging van een toewijzing (317). Binnen {ANTWOORD_WERKDAGEN} werkdagen
        krijgt de aanbieder een toewijzing of een antwoord. De verzoeken met de kortste termijn staan bovenaan.
      </Paragraph>
      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Verzoeken filteren">
        <KeuzeVeld naam="status" label="Welke verzoeken" value={invoer} onChange={(e) => setInvoer(e.target.value as Keuze)}>
          {KEUZES.map((k) => <SelectOption key={k.code} value={k.code}>{k.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen"><Button appearance="secondary-action-button" type="submit">Filteren</Button></div>
      </form>

      {lijst.isPending ? <Laden tekst="De verzoeken worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {d && d.items.length === 0 ? (
        <Paragraph role="status" className="eenvoud-leeg">{keuze === 'open' ? 'Er staan geen verzoeken van aanbieders open.' : 'Er zijn geen verzoeken van aanbieders.'}</Paragraph>
      ) : null}
      {d && d.items.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={lijst.isFetching}>
              <TableCaption>
                {keuze === 'open'
                  ? `${d.totaal} ${d.totaal === 1 ? 'open verzoek' : 'open verzoeken'}, de kortste termijn eerst`
                  : `${d.totaal} ${d.totaal === 1 ? 'verzoek' : 'verzoeken'}, de open verzoeken eerst`}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
                  <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                  <TableHeaderCell scope="col">Referentie</TableHeaderCell>
                  <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                  <TableHeaderCell scope="col">Antwoord uiterlijk</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.items.map((v) => (
                  <TableRow key={v.id}>
                    <TableCell>
                      <RouterLink to={`/verzoeken/${v.id}`}>
                        {v.soortNaam}<span className="eenvoud-visueel-verborgen"> van {v.clientNaam}, referentie {v.referentie}</span>
                      </RouterLink>
                      <br /><span className="eenvoud-gedimd">{v.standaard === 'ijw' ? 'JW' : 'WMO'}{v.soort}</span>
                    </TableCell>
                    <TableCell>{v.clientNaam}<br /><span className="eenvoud-gedimd">BSN {v.bsn}</span></TableCell>
                    <TableCell>{v.aanbiederNaam}</TableCell>
                    <TableCell className="eenvoud-nowrap">{v.referentie}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(v.ontvangenOp)}</TableCell>
                    <TableCell>
                      {v.beantwoordOp && !isOpenVerzoek(v.status)
                        ? <span className="eenvoud-gedimd">Beantwoord op {formatDatum(v.beantwoordOp)}</span>
                        : <TermijnSignaal v={v} />}
                    </TableCell>
                    <TableCell><VerzoekStatusBadge status={v.status} naam={v.statusNaam} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Paginering pagina={d.pagina} paginas={Math.ceil(d.totaal / d.aantal)} naar={naar} />
        </>
      ) : null}
    </>
  );
}
