/** The beslisser's work queue: every aanvraag not yet sent (or one status), the oldest first. */
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
import { AANVRAAG_STATUSSEN, useAanvragen, useOpenAanvragen, type Aanvraag, type AanvraagStatus } from './api.ts';
import { AanvraagStatusBadge, BeslistermijnKort, useWetNaam, wettenVan } from './onderdelen.tsx';

type Keuze = AanvraagStatus | 'open' | 'alle';
const KEUZES: { code: Keuze; naam: string }[] = [
  { code: 'open', naam: 'Nog niet verzonden' },
  ...AANVRAAG_STATUSSEN,
  { code: 'alle', naam: 'Alle aanvragen' },
];
const isKeuze = (v: string | null): v is Keuze => KEUZES.some((k) => k.code === v);

export function AanvragenPage() {
  usePageTitle('Aanvragen');
  const [params, setParams] = useSearchParams();
  const keuze: Keuze = isKeuze(params.get('status')) ? (params.get('status') as Keuze) : 'open';
  const pagina = Math.max(1, Number(params.get('pagina') ?? '1') || 1);
  const [invoer, setInvoer] = useState<Keuze>(keuze);
  useEffect(() => setInvoer(keuze), [keuze]);

  const open = useOpenAanvragen({ enabled: keuze === 'open' });
  const lijst = useAanvragen({ ...(keuze !== 'alle' && keuze !== 'open' ? { status: keuze } : {}), pagina, aantal: 50 }, { enabled: keuze !== 'open' });

  const rijen = keuze === 'open' ? open.data : lijst.data?.resultaten;
  const totaal = keuze === 'open' ? open.totaal : lijst.data?.totaal ?? 0;
  const laden = keuze === 'open' ? open.isPending : lijst.isPending;
  const fout = keuze === 'open' ? open.error : lijst.error;
  const paginas = keuze !== 'open' && lijst.data ? Math.max(1, Math.ceil(lijst.data.totaal / lijst.data.aantal)) : 1;
  const keuzeNaam = KEUZES.find((k) => k.code === keuze)?.naam ?? '';

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setParams(invoer === 'open' ? new URLSearchParams() : new URLSearchParams({ status: invoer }));
  };
  const naarPagina = (p: number) => `?${new URLSearchParams({ status: keuze, ...(p > 1 ? { pagina: String(p) } : {}) }).toString()}`;

  return (
    <>
      <Heading1>Aanvragen</Heading1>
      <Paragraph appearance="lead">
        Aanvragen voor een maatwerkvoorziening, de oudste eerst. Elke stap doet een ander: wie de aanvraag voorbereidde toetst niet, wie beoordeelde besluit niet.
      </Paragraph>
      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Aanvragen filteren">
        <KeuzeVeld naam="status" label="Status" value={invoer} onChange={(e) => setInvoer(e.target.value as Keuze)}>
          {KEUZES.map((k) => <SelectOption key={k.code} value={k.code}>{k.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen">
          <Button appearance="secondary-action-button" type="submit">Filteren</Button>
        </div>
      </form>

      {laden ? <Laden tekst="De aanvragen worden geladen…" /> : null}
      {fout ? <Foutmelding fout={fout} /> : null}
      {rijen && rijen.length === 0 ? (
        <Paragraph role="status" className="eenvoud-leeg">Er zijn geen aanvragen met de status '{keuzeNaam.toLowerCase()}'.</Paragraph>
      ) : null}
      {rijen && rijen.length > 0 ? (
        <>
          <AanvragenTabel
            aanvragen={rijen} bezig={keuze === 'open' ? open.isFetching : lijst.isFetching}
            bijschrift={`Aanvragen (${keuzeNaam.toLowerCase()}): ${totaal} ${totaal === 1 ? 'aanvraag' : 'aanvragen'}${paginas > 1 ? `, pagina ${pagina} van ${paginas}` : ''}`}
          />
          {keuze === 'open' && open.afgekapt ? <Paragraph>Er zijn meer aanvragen dan deze lijst toont. Filter op één status om ze allemaal te zien.</Paragraph> : null}
          <Paginering pagina={pagina} paginas={paginas} naar={naarPagina} />
        </>
      ) : null}
    </>
  );
}

export function AanvragenTabel({ aanvragen, bijschrift, bezig, zonderCasus }: { aanvragen: Aanvraag[]; bijschrift: string; bezig?: boolean; zonderCasus?: boolean }) {
  const wetNaam = useWetNaam();
  return (
    <div className="eenvoud-tabel">
      <Table busy={bezig}>
        <TableCaption>{bijschrift}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Nummer</TableHeaderCell>
            <TableHeaderCell scope="col">Ontvangen op</TableHeaderCell>
            <TableHeaderCell scope="col">Inwoner</TableHeaderCell>
            {zonderCasus ? null : <TableHeaderCell scope="col">Casus</TableHeaderCell>}
            <TableHeaderCell scope="col">Wetten</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Beslistermijn</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {aanvragen.map((a) => (
            <TableRow key={a.id}>
              <TableCell className="eenvoud-nowrap">
                <RouterLink to={`/aanvragen/${a.id}`}>{a.nummer}</RouterLink>
                {a.bron === 'herziening' ? <span className="eenvoud-gedimd"> (herziening)</span> : null}
              </TableCell>
              <TableCell className="eenvoud-nowrap">{formatDatum(a.ontvangenOp)}</TableCell>
              <TableCell>{a.persoon.naam}</TableCell>
              {zonderCasus ? null : <TableCell className="eenvoud-nowrap"><RouterLink to={`/casussen/${a.casus.id}`}>{a.casus.nummer}</RouterLink></TableCell>}
              <TableCell>{wettenVan(a).map(wetNaam).join(', ') || '—'}</TableCell>
              <TableCell>
                <span className="eenvoud-termijn-kort">
                  <AanvraagStatusBadge status={a.status} naam={a.statusNaam} />
                  {a.wachtOpTweedeBeslisser ? <StatusBadge status="warning">Wacht op tweede beslisser</StatusBadge> : null}
                </span>
              </TableCell>
              <TableCell><BeslistermijnKort aanvraag={a} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
