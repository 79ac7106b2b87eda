/**
 * Inzage (AVG art. 15) for the privacy officer: find the resident by BSN, see what the export will
 * hold, download it as one ZIP (PDF, JSON, the letters as sent, LEESMIJ). Both the look-up and the
 * download are recorded in the resident's audit trail.
 */
import {
  ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph, PrimaryActionButton, Table, TableBody,
  TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { API_BASE, ApiProblem, api } from '../../platform/api.ts';
import { formatDatum } from '../../platform/format.ts';
import { TekstVeld, veldFouten } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';

type Onderdeel = 'huishoudleden' | 'vertegenwoordigers' | 'meldingen' | 'casussen' | 'gesprekken' | 'planversies' | 'aanvragen' | 'beschikkingen' | 'bezwaren' | 'verstrekkingen' | 'brieven' | 'audittrail';

interface InzageOverzicht {
  persoon: { id: string; naam: string; geboortedatum: string };
  aantallen: Record<Onderdeel, number>;
}

const ONDERDELEN: { sleutel: Onderdeel; naam: string }[] = [
  { sleutel: 'huishoudleden', naam: 'Leden van het huishouden (alleen naam en relatie)' },
  { sleutel: 'vertegenwoordigers', naam: 'Wettelijk vertegenwoordigers' },
  { sleutel: 'meldingen', naam: 'Meldingen' },
  { sleutel: 'casussen', naam: 'Casussen' },
  { sleutel: 'gesprekken', naam: 'Gesprekken met scores en verslag' },
  { sleutel: 'planversies', naam: 'Versies van het plan' },
  { sleutel: 'aanvragen', naam: 'Aanvragen' },
  { sleutel: 'beschikkingen', naam: 'Beschikkingen' },
  { sleutel: 'bezwaren', naam: 'Bezwaren' },
  { sleutel: 'verstrekkingen', naam: 'Gegevens gedeeld met partners' },
  { sleutel: 'brieven', naam: 'Verzonden brieven (PDF)' },
  { sleutel: 'audittrail', naam: 'Regels in de audittrail' },
];

export const inzageUrl = (persoonId: string) => `${API_BASE}/personen/${encodeURIComponent(persoonId)}/inzage`;

export function InzagePage() {
  usePageTitle('Inzage');
  const [bsn, setBsn] = useState('');
  // The BSN stays in memory only: never in the address bar or the browser history.
  const [zoekBsn, setZoekBsn] = useState<string | null>(null);
  const overzicht = useQuery({
    queryKey: ['inzage', zoekBsn],
    queryFn: ({ signal }) => api<InzageOverzicht>('/inzage', { signal, query: { bsn: zoekBsn ?? '' } }),
    enabled: zoekBsn !== null,
    gcTime: 0,
    retry: false,
  });

  const onZoeken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setZoekBsn(bsn.replace(/[\s.]/g, ''));
  };

  const fout = overzicht.error instanceof ApiProblem ? overzicht.error : null;
  const bsnFout = fout && fout.status === 400 ? (veldFouten(fout).bsn ?? fout.detail) : fout && fout.status === 404 ? 'Er is geen inwoner met dit BSN in deze gemeente.' : undefined;
  const o = overzicht.data;

  return (
    <>
      <Heading1>Inzage</Heading1>
      <Paragraph appearance="lead">
        Maak voor een inwoner het overzicht van alle gegevens die de gemeente over hem of haar heeft vastgelegd (recht op inzage, artikel 15 AVG).
        Zoeken en downloaden worden allebei vastgelegd in de audittrail van de inwoner.
      </Paragraph>

      <section aria-labelledby="kop-zoeken" className="eenvoud-sectie">
        <Heading2 id="kop-zoeken">Inwoner zoeken</Heading2>
        <form onSubmit={onZoeken} noValidate className="eenvoud-form eenvoud-zoeken">
          <TekstVeld
            naam="bsn" label="BSN van de inwoner" verplicht inputMode="numeric" autoComplete="off" className="eenvoud-breedte-10"
            beschrijving="Burgerservicenummer van 9 cijfers."
            value={bsn} onChange={(e) => setBsn(e.target.value)} fout={bsnFout}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={overzicht.isFetching} disabled={overzicht.isFetching}>Zoeken</PrimaryActionButton>
          </ButtonGroup>
        </form>
        {overzicht.isFetching ? <Laden tekst="De gegevens van de inwoner worden geteld…" /> : null}
        {overzicht.isError && !bsnFout ? <Foutmelding fout={overzicht.error} /> : null}
      </section>

      {o && !overzicht.isFetching ? (
        <section aria-labelledby="kop-inhoud" className="eenvoud-sectie">
          <Heading2 id="kop-inhoud">Wat de inzage bevat</Heading2>
          <DataList className="eenvoud-datalist">
            <DataListItem><DataListKey>Inwoner</DataListKey><DataListValue>{o.persoon.naam}</DataListValue></DataListItem>
            <DataListItem><DataListKey>Geboortedatum</DataListKey><DataListValue>{formatDatum(o.persoon.geboortedatum)}</DataListValue></DataListItem>
          </DataList>
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption>Gegevens in de inzage van {o.persoon.naam}, per onderdeel</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
                  <TableHeaderCell scope="col">Aantal</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {ONDERDELEN.map((d) => (
                  <TableRow key={d.sleutel}>
                    <TableCell>{d.naam}</TableCell>
                    <TableCell>{o.aantallen[d.sleutel]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Paragraph>Het ZIP-bestand bevat:</Paragraph>
          <UnorderedList>
            <UnorderedListItem><strong>inzage.pdf</strong>: het overzicht om te lezen en te printen, met inhoudsopgave en paginanummers;</UnorderedListItem>
            <UnorderedListItem><strong>inzage.json</strong>: dezelfde gegevens voor de computer;</UnorderedListItem>
            <UnorderedListItem><strong>brieven/</strong>: de beschikkingen, beslissingen op bezwaar en gespreksverslagen zoals ze zijn verzonden;</UnorderedListItem>
            <UnorderedListItem><strong>LEESMIJ.txt</strong>: uitleg voor de inwoner.</UnorderedListItem>
          </UnorderedList>
          <Paragraph>
            Over andere leden van het huishouden staan alleen hun naam en relatie in de inzage, en wat ook over deze inwoner gaat (gesprekken waaraan
            de inwoner deelnam of die over het hele huishouden gingen, en het plan van het huishouden).
          </Paragraph>
          <ButtonGroup>
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href={inzageUrl(o.persoon.id)} download type="application/zip"
            >
              Inzage van {o.persoon.naam} downloaden (ZIP)
            </a>
          </ButtonGroup>
        </section>
      ) : null}
    </>
  );
}
