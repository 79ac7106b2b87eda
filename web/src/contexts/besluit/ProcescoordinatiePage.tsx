/** The casussen I coordinate: the household, every decision and every provider at one glance. */
import {
  Heading1, Heading2, Heading3, Paragraph, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { formatDag, formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { AANVRAAG_STATUSSEN, useMijnCoordinatie } from './api.ts';
import { AanvraagStatusBadge } from './onderdelen.tsx';

export function ProcescoordinatiePage() {
  usePageTitle('Procescoördinatie');
  const coordinatie = useMijnCoordinatie();
  return (
    <>
      <Heading1>Procescoördinatie</Heading1>
      <Paragraph appearance="lead">De multiprobleemcasussen die u coördineert: het huishouden, alle besluiten en alle aanbieders.</Paragraph>
      {coordinatie.isPending ? <Laden tekst="De casussen worden geladen…" /> : null}
      {coordinatie.isError ? <Foutmelding fout={coordinatie.error} /> : null}
      {coordinatie.data && coordinatie.data.length === 0 ? (
        <Paragraph className="eenvoud-leeg">U bent van geen enkele open casus procescoördinator. De teamleider wijst procescoördinatoren aan op de casuspagina.</Paragraph>
      ) : null}
      {coordinatie.data?.map((c) => (
        <section key={c.casus.id} aria-labelledby={`kop-casus-${c.casus.id}`} className="eenvoud-sectie">
          <Heading2 id={`kop-casus-${c.casus.id}`}>Casus {c.casus.nummer}</Heading2>
          <Paragraph>
            <RouterLink to={`/casussen/${c.casus.id}`}>Naar casus {c.casus.nummer}</RouterLink>
            {' '}· Casusregisseur: {c.casus.regisseur ?? 'nog niemand'}
            {c.casus.multiprobleem ? <> · <StatusBadge status="warning">Multiprobleem</StatusBadge></> : null}
          </Paragraph>
          <Heading3 id={`kop-leden-${c.casus.id}`}>Huishouden</Heading3>
          <UnorderedList aria-labelledby={`kop-leden-${c.casus.id}`}>
            {c.leden.map((l) => <UnorderedListItem key={l.id}>{l.naam} (geboren {formatDatum(l.geboortedatum)})</UnorderedListItem>)}
          </UnorderedList>
          <Heading3 id={`kop-besluiten-${c.casus.id}`}>Besluiten</Heading3>
          {c.besluiten.length === 0 ? <Paragraph>Nog geen besluiten.</Paragraph> : (
            <div className="eenvoud-tabel">
              <Table aria-labelledby={`kop-besluiten-${c.casus.id}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Beschikking</TableHeaderCell>
                    <TableHeaderCell scope="col">Aanvraag</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Verzonden op</TableHeaderCell>
                    <TableHeaderCell scope="col">Bezwaar mogelijk tot en met</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {c.besluiten.map((b) => (
                    <TableRow key={b.id}>
                      <TableCell className="eenvoud-nowrap"><RouterLink to={`/beschikkingen/${b.id}`}>{b.nummer}</RouterLink></TableCell>
                      <TableCell className="eenvoud-nowrap">{b.aanvraagNummer}</TableCell>
                      <TableCell><AanvraagStatusBadge status={b.status} naam={AANVRAAG_STATUSSEN.find((s) => s.code === b.status)?.naam ?? b.status} /></TableCell>
                      <TableCell className="eenvoud-nowrap">{b.verzondenOp ? formatDag(b.verzondenOp) : 'Nog niet'}</TableCell>
                      <TableCell className="eenvoud-nowrap">{b.bezwaarTermijnEinde ? formatDag(b.bezwaarTermijnEinde) : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <Heading3 id={`kop-aanbieders-${c.casus.id}`}>Aanbieders</Heading3>
          {c.aanbieders.length === 0 ? <Paragraph>Geen aanbieders in het arrangement.</Paragraph> : (
            <UnorderedList aria-labelledby={`kop-aanbieders-${c.casus.id}`}>
              {c.aanbieders.map((a) => <UnorderedListItem key={a}>{a}</UnorderedListItem>)}
            </UnorderedList>
          )}
        </section>
      ))}
    </>
  );
}
