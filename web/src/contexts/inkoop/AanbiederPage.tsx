/**
 * One aanbieder for the inkoper: its details, its contracts and the voorzieningen it delivers now
 * (number, product, period, status and budget; no names of residents: the inkoper has no need to know).
 */
import {
  DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph, StatusBadge, Table, TableBody, TableCaption, TableCell,
  TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { KnopLink } from '../../platform/acties.tsx';
import { formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useAanbieder, useContractenVan, useLopendeVoorzieningen, wetNaam, type Aanbieder } from './api.ts';
import { formatEuro } from '../../platform/geld.ts';
import { BerichtenverkeerSectie } from '../berichten/BerichtenverkeerSectie.tsx';

const STATUS_NAAM: Record<string, string> = {
  toegekend: 'Toegekend', toegewezen: 'Toegewezen', gestart: 'Gestart', beeindigd: 'Beëindigd', ingetrokken: 'Ingetrokken', vervangen: 'Vervangen',
};

export const periode = (van: string, tot: string | null): string => (tot ? `${formatDatum(van)} t/m ${formatDatum(tot)}` : `vanaf ${formatDatum(van)}`);

export function AanbiederPage() {
  const { id = '' } = useParams();
  const aanbieder = useAanbieder(id);
  usePageTitle(aanbieder.data?.naam ?? 'Aanbieder');
  const terug = <Paragraph><RouterLink to="/inkoop/aanbieders">Terug naar de aanbieders</RouterLink></Paragraph>;
  if (aanbieder.isPending) return <>{terug}<Heading1>Aanbieder</Heading1><Laden /></>;
  if (aanbieder.isError) {
    const nietGevonden = aanbieder.error instanceof ApiProblem && aanbieder.error.status === 404;
    return <>{terug}<Heading1>{nietGevonden ? 'Aanbieder niet gevonden' : 'Aanbieder'}</Heading1><Foutmelding fout={aanbieder.error} /></>;
  }
  const a = aanbieder.data;
  return (
    <>
      {terug}
      <Heading1>{a.naam}</Heading1>
      {!a.actief ? <Paragraph><StatusBadge status="neutral">Niet actief</StatusBadge></Paragraph> : null}
      <Gegevens a={a} />
      <Paragraph><KnopLink secundair to={`/inkoop/aanbieders/${a.id}/wijzigen`}>Gegevens wijzigen</KnopLink></Paragraph>
      <Contracten aanbiederId={a.id} />
      <Voorzieningen aanbiederId={a.id} />
      <BerichtenverkeerSectie aanbiederId={a.id} />
    </>
  );
}

function Gegevens({ a }: { a: Aanbieder }) {
  const adres = [[a.straat, a.huisnummer].filter(Boolean).join(' '), [a.postcode, a.plaats].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <DataList className="eenvoud-datalist">
      <DataListItem><DataListKey>AGB-code</DataListKey><DataListValue>{a.agbCode}</DataListValue></DataListItem>
      <DataListItem><DataListKey>KvK-nummer</DataListKey><DataListValue>{a.kvkNummer ?? 'Niet bekend'}</DataListValue></DataListItem>
      <DataListItem><DataListKey>Adres</DataListKey><DataListValue>{adres || 'Niet bekend'}</DataListValue></DataListItem>
      <DataListItem>
        <DataListKey>Contact</DataListKey>
        <DataListValue>{[a.contactNaam, a.contactEmail, a.contactTelefoon].filter(Boolean).join(', ') || 'Niet bekend'}</DataListValue>
      </DataListItem>
      <DataListItem><DataListKey>Wetten</DataListKey><DataListValue>{a.wetten.map(wetNaam).join(', ') || 'Geen'}</DataListValue></DataListItem>
    </DataList>
  );
}

function Contracten({ aanbiederId }: { aanbiederId: string }) {
  const contracten = useContractenVan(aanbiederId);
  return (
    <section className="eenvoud-sectie" aria-labelledby="contracten-kop">
      <Heading2 id="contracten-kop">Contracten</Heading2>
      <Paragraph><KnopLink to={`/inkoop/contracten/nieuw?aanbiederId=${encodeURIComponent(aanbiederId)}`}>Nieuw contract</KnopLink></Paragraph>
      {contracten.isPending ? <Laden tekst="De contracten worden geladen…" /> : null}
      {contracten.isError ? <Foutmelding fout={contracten.error} /> : null}
      {contracten.data && contracten.data.length === 0 ? <Paragraph className="eenvoud-leeg">Deze aanbieder heeft nog geen contract.</Paragraph> : null}
      {contracten.data && contracten.data.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Contracten van de aanbieder</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Contract</TableHeaderCell>
                <TableHeaderCell scope="col">Perceel</TableHeaderCell>
                <TableHeaderCell scope="col">Looptijd</TableHeaderCell>
                <TableHeaderCell scope="col">Rol</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {contracten.data.map((c) => (
                <TableRow key={c.id}>
                  <TableCell><RouterLink to={`/inkoop/contracten/${c.id}`}>{c.nummer}</RouterLink></TableCell>
                  <TableCell>{c.perceel ?? '–'}</TableCell>
                  <TableCell>{periode(c.van, c.tot)}</TableCell>
                  <TableCell>{c.aanbieder.id === aanbiederId ? 'Hoofdaannemer' : `Onderaannemer van ${c.aanbieder.naam}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

function Voorzieningen({ aanbiederId }: { aanbiederId: string }) {
  const voorzieningen = useLopendeVoorzieningen(aanbiederId);
  return (
    <section className="eenvoud-sectie" aria-labelledby="voorzieningen-kop">
      <Heading2 id="voorzieningen-kop">Lopende voorzieningen</Heading2>
      <Paragraph className="eenvoud-uitleg">Zonder namen van inwoners: alleen het nummer, het product, de periode en het budget.</Paragraph>
      {voorzieningen.isPending ? <Laden tekst="De voorzieningen worden geladen…" /> : null}
      {voorzieningen.isError ? <Foutmelding fout={voorzieningen.error} /> : null}
      {voorzieningen.data && voorzieningen.data.length === 0 ? <Paragraph className="eenvoud-leeg">Deze aanbieder levert nu geen voorzieningen.</Paragraph> : null}
      {voorzieningen.data && voorzieningen.data.length > 0 ? (
        <Paragraph>
          {voorzieningen.data.length === 1 ? '1 lopende voorziening' : `${voorzieningen.data.length} lopende voorzieningen`}, samen{' '}
          {formatEuro(voorzieningen.data.reduce((som, v) => som + Number(v.jaarbedragCents), 0))} per jaar.
        </Paragraph>
      ) : null}
      {voorzieningen.data && voorzieningen.data.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Lopende voorzieningen van de aanbieder</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Nummer</TableHeaderCell>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Begin</TableHeaderCell>
                <TableHeaderCell scope="col">Eind</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Budget</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {voorzieningen.data.map((v) => (
                <TableRow key={v.id}>
                  <TableCell>{v.nummer}</TableCell>
                  <TableCell>{[v.productcode, v.productNaam].filter(Boolean).join(' ')}</TableCell>
                  <TableCell>{formatDatum(v.begin)}</TableCell>
                  <TableCell>{v.eind ? formatDatum(v.eind) : 'Geen einddatum'}</TableCell>
                  <TableCell>{STATUS_NAAM[v.status] ?? v.status}</TableCell>
                  <TableCell>{formatEuro(v.budgetCents)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
