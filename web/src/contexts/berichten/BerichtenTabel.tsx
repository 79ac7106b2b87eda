/** One table of messages: kind, direction, identification, date, status with its retourcodes, and the XML to download. */
import { StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { formatDatum } from '../../platform/format.ts';
import { STATUS_NAAM, type Bericht, type Code } from './api.ts';

export const berichtNaam = (b: Pick<Bericht, 'standaard' | 'soort' | 'soortNaam'>) => `${b.standaard === 'iwmo' ? 'WMO' : 'JW'}${b.soort} ${b.soortNaam.toLowerCase()}`;

export function Codes({ codes }: { codes: Code[] }) {
  const echt = codes.filter((c) => c.code !== '0200');
  if (!echt.length) return <>—</>;
  return <ul className="eenvoud-lijst-plat">{echt.map((c) => <li key={c.code}><strong>{c.code}</strong> {c.tekst}</li>)}</ul>;
}

export function BerichtStatus({ status }: { status: string }) {
  const s = STATUS_NAAM[status] ?? { naam: status, badge: 'neutral' as const };
  return <StatusBadge status={s.badge}>{s.naam}</StatusBadge>;
}

/** `metXml`: the XML carries client data; the inkoper's traffic page shows the list without it. */
export function BerichtenTabel({ titel, berichten, metAanbieder = false, metXml = true, metClient = false, bezig = false }: {
  titel: string; berichten: (Bericht & { productRetourcodes?: Code[]; client?: { bsn: string; naam: string } | null })[];
  metAanbieder?: boolean; metXml?: boolean; metClient?: boolean; bezig?: boolean;
}) {
  return (
    <div className="eenvoud-tabel">
      <Table busy={bezig}>
        <TableCaption>{titel}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Bericht</TableHeaderCell>
            {metClient ? <TableHeaderCell scope="col">Cliënt</TableHeaderCell> : null}
            {metAanbieder ? <TableHeaderCell scope="col">Aanbieder</TableHeaderCell> : null}
            <TableHeaderCell scope="col">Richting</TableHeaderCell>
            <TableHeaderCell scope="col">Identificatie</TableHeaderCell>
            <TableHeaderCell scope="col">Dagtekening</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Retourcodes</TableHeaderCell>
            {metXml ? <TableHeaderCell scope="col">XML</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {berichten.map((b) => (
            <TableRow key={b.id}>
              <TableCell>{berichtNaam(b)}{b.aantalProducten ? `, ${b.aantalProducten} ${b.aantalProducten === 1 ? 'product' : 'producten'}` : ''}</TableCell>
              {metClient ? <TableCell>{b.client ? <>{b.client.naam}<br /><span className="eenvoud-gedimd">BSN {b.client.bsn}</span></> : '—'}</TableCell> : null}
              {metAanbieder ? <TableCell>{b.aanbiederNaam}</TableCell> : null}
              <TableCell>{b.richting === 'uit' ? 'Gemeente → aanbieder' : 'Aanbieder → gemeente'}</TableCell>
              <TableCell className="eenvoud-nowrap">{b.identificatie}</TableCell>
              <TableCell className="eenvoud-nowrap">{formatDatum(b.dagtekening)}</TableCell>
              <TableCell><BerichtStatus status={b.status} /></TableCell>
              <TableCell><Codes codes={b.productRetourcodes?.length ? b.productRetourcodes : b.retourcodeTeksten} /></TableCell>
              {metXml ? (
                <TableCell>
                  {b.xmlUrl
                    ? <a className="utrecht-link utrecht-link--html-a" href={b.xmlUrl} download aria-label={`${berichtNaam(b)} ${b.identificatie} downloaden als XML`}>Downloaden</a>
                    : <span className="eenvoud-gedimd">Over meer cliënten</span>}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
