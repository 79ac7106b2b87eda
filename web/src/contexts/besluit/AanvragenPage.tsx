/** The beslisser's work queue: every aanvraag not yet sent (or one status), on the legal clock; history the oldest first. */
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
import { AANVRAAG_STATUSSEN, OPEN_STATUSSEN, useAanvragen, type Aanvraag, type AanvraagStatus } from './api.ts';
import { aanvragerTekst, opBeslistermijn } from './regels.ts';
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
  const na = params.get('na') ?? undefined;
  const [invoer, setInvoer] = useState<Keuze>(keuze);
  useEffect(() => setInvoer(keuze), [keuze]);

  // 'Nog niet verzonden' is one list of every open step, read from the open-work index (ADR 27).
  const status = keuze === 'open' ? OPEN_STATUSSEN.join(',') : keuze === 'alle' ? undefined : keuze;
  const lijst = useAanvragen({ status, na, aantal: 50 });

  const rijen = lijst.data?.resultaten;
  const totaal = lijst.data?.totaal ?? 0;
  const laden = lijst.isPending;
  const fout = lijst.error;
  const keuzeNaam = KEUZES.find((k) => k.code === keuze)?.naam ?? '';
  const opTermijn = opBeslistermijn(keuze);

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setParams(invoer === 'open' ? new URLSearchParams() : new URLSearchParams({ status: invoer }));
  };
  const naarPagina = (cursor: string | undefined) => `?${new URLSearchParams({ status: keuze, ...(cursor ? { na: cursor } : {}) }).toString()}`;

  return (
    <>
      <Heading1>Aanvragen</Heading1>
      <Paragraph appearance="lead">
        Aanvragen voor een maatwerkvoorziening, {opTermijn ? 'de vroegste beslistermijn eerst' : 'de oudste eerst'}. Elke stap doet een ander: wie de aanvraag voorbereidde toetst niet, wie beoordeelde besluit niet.
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
            aanvragen={rijen} bezig={lijst.isFetching} gesorteerdOp={opTermijn ? 'termijn' : 'ontvangen'}
            bijschrift={`Aanvragen (${keuzeNaam.toLowerCase()}): ${lijst.data?.totaalIsSchatting ? 'ongeveer ' : ''}${totaal} ${totaal === 1 ? 'aanvraag' : 'aanvragen'}`}
          />
          <KeysetPaginering na={na} volgende={lijst.data?.volgende ?? null} naar={naarPagina} />
        </>
      ) : null}
    </>
  );
}

export function AanvragenTabel({ aanvragen, bijschrift, bezig, zonderCasus, gesorteerdOp = 'ontvangen' }: {
  aanvragen: Aanvraag[]; bijschrift: string; bezig?: boolean; zonderCasus?: boolean;
  /** The column the rows are in order of (for screen readers: aria-sort). */
  gesorteerdOp?: 'ontvangen' | 'termijn';
}) {
  const wetNaam = useWetNaam();
  return (
    <div className="eenvoud-tabel">
      <Table busy={bezig}>
        <TableCaption>{bijschrift}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Nummer</TableHeaderCell>
            <TableHeaderCell scope="col" aria-sort={gesorteerdOp === 'ontvangen' ? 'ascending' : undefined}>Ontvangen op</TableHeaderCell>
            <TableHeaderCell scope="col">Inwoner</TableHeaderCell>
            {zonderCasus ? null : <TableHeaderCell scope="col">Casus</TableHeaderCell>}
            <TableHeaderCell scope="col">Wetten</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col" aria-sort={gesorteerdOp === 'termijn' ? 'ascending' : undefined}>Beslistermijn</TableHeaderCell>
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
              <TableCell>
                {a.persoon.naam}
                {a.namens.minderjarig ? <span className="eenvoud-gedimd"> (minderjarig)</span> : null}
                {a.aanvrager.relatie !== 'zelf' ? (
                  <div className="eenvoud-gedimd">aangevraagd door {aanvragerTekst(a.aanvrager)}</div>
                ) : null}
              </TableCell>
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
