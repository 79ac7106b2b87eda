import {
  Alert, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph, StatusBadge, Table, TableBody,
  TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useLocation, useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { alleenEigenRegistraties, rollenVan } from '../../platform/functies.ts';
import { formatDatum, formatMoment } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSessie } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { statusBadge, statusNaam, useMelding } from './api.ts';

/** A BSN in groups of three, as it is printed on Dutch documents: 123 456 782. */
const formatBsn = (bsn: string) => (/^\d{9}$/.test(bsn) ? `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}` : bsn);

export function MeldingDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const geregistreerd = (location.state as { geregistreerd?: string } | null)?.geregistreerd;
  const melding = useMelding(id);
  const sessie = useSessie();
  const lijstTitel = alleenEigenRegistraties(rollenVan(sessie)) ? 'Mijn registraties' : 'Werkvoorraad';
  usePageTitle(melding.data ? `Melding ${melding.data.nummer}` : 'Melding');

  const terug = <Paragraph><RouterLink to="/meldingen">Terug naar {lijstTitel.toLowerCase()}</RouterLink></Paragraph>;

  if (melding.isPending) {
    return <><Heading1>Melding</Heading1><Laden tekst="De melding wordt geladen…" /></>;
  }
  if (melding.isError) {
    const nietGevonden = melding.error instanceof ApiProblem && melding.error.status === 404;
    return (
      <>
        <Heading1>{nietGevonden ? 'Melding niet gevonden' : 'Melding'}</Heading1>
        <Foutmelding fout={melding.error} />
        {terug}
      </>
    );
  }

  const m = melding.data;
  return (
    <>
      {terug}
      <Heading1>Melding {m.nummer}</Heading1>
      {geregistreerd === m.nummer ? (
        <Alert type="ok" className="eenvoud-bevestiging">
          <Paragraph><strong>Melding {m.nummer} is geregistreerd.</strong></Paragraph>
          <Paragraph>Geef dit nummer aan de inwoner, zodat die ernaar kan vragen. <RouterLink to="/meldingen/nieuw">Nog een melding registreren</RouterLink></Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="kop-melding" className="eenvoud-sectie">
        <Heading2 id="kop-melding">Gegevens van de melding</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Nummer</DataListKey><DataListValue>{m.nummer}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Status</DataListKey>
            <DataListValue><StatusBadge status={statusBadge[m.status]}>{m.statusNaam}</StatusBadge></DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Wet</DataListKey><DataListValue>{m.wetNaam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Kanaal</DataListKey><DataListValue>{m.kanaalNaam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Ontvangen op</DataListKey><DataListValue>{formatDatum(m.ontvangenOp)}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Omschrijving</DataListKey>
            <DataListValue multiline className="eenvoud-omschrijving">{m.omschrijving}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Geregistreerd door</DataListKey>
            <DataListValue>{m.geregistreerdDoor?.naam ?? 'Onbekend'} op {formatMoment(m.aangemaaktOp)}</DataListValue>
          </DataListItem>
        </DataList>
      </section>

      <section aria-labelledby="kop-inwoner" className="eenvoud-sectie">
        <Heading2 id="kop-inwoner">Inwoner</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Naam</DataListKey><DataListValue>{m.persoon.naam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>BSN</DataListKey><DataListValue>{formatBsn(m.persoon.bsn)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Geboortedatum</DataListKey><DataListValue>{formatDatum(m.persoon.geboortedatum)}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Kern en wijk</DataListKey>
            <DataListValue>{m.kern ? [m.kern, m.wijk].filter(Boolean).join(' – ') : 'Onbekend'}</DataListValue>
          </DataListItem>
        </DataList>
      </section>

      <section aria-labelledby="kop-historie" className="eenvoud-sectie">
        <Heading2 id="kop-historie">Statushistorie</Heading2>
        {m.statushistorie.length === 0 ? <Paragraph>Er zijn nog geen statuswijzigingen.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Statuswijzigingen van melding {m.nummer}, de oudste eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Moment</TableHeaderCell>
                <TableHeaderCell scope="col">Van</TableHeaderCell>
                <TableHeaderCell scope="col">Naar</TableHeaderCell>
                <TableHeaderCell scope="col">Door</TableHeaderCell>
                <TableHeaderCell scope="col">Reden</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {m.statushistorie.map((h, i) => (
                <TableRow key={`${h.moment}-${i}`}>
                  <TableCell className="eenvoud-nowrap">{formatMoment(h.moment)}</TableCell>
                  <TableCell>{h.van ? statusNaam[h.van] : 'Nieuw'}</TableCell>
                  <TableCell>{statusNaam[h.naar]}</TableCell>
                  <TableCell>{h.door ?? 'Onbekend'}</TableCell>
                  <TableCell>{h.reden ?? '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        )}
      </section>
    </>
  );
}
