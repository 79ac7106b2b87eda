import {
  Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph, PrimaryActionButton, Table, TableBody, TableCaption, TableCell,
  TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, api } from '../../platform/api.ts';
import { formatMoment } from '../../platform/format.ts';
import { TekstVeld, veldFouten } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { rolNaam, type Rol } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';

interface AuditRegel {
  volgnummer: number;
  moment: string;
  gebruikerId: string | null;
  gebruikersnaam: string;
  rol: string;
  actie: 'lezen' | 'aanmaken' | 'wijzigen' | 'verwijderen';
  resourceType: string;
  resourceId: string;
  persoonId: string | null;
  doel: string;
  hash: string;
  vorigeHash: string;
}

interface AuditLijst {
  persoonId: string;
  resultaten: AuditRegel[];
}

interface Verificatie {
  geldig: boolean;
  aantal: number;
  laatsteHash: string;
  breuk: { volgnummer: number; reden: string } | null;
}

const actieNaam: Record<AuditRegel['actie'], string> = {
  lezen: 'Bekeken', aanmaken: 'Aangemaakt', wijzigen: 'Gewijzigd', verwijderen: 'Verwijderd',
};

const gegevensNaam: Record<string, string> = {
  persoon: 'Inwoner', melding: 'Melding', auditlog: 'Audittrail',
};

export function AuditPage() {
  usePageTitle('Audittrail');
  const [bsn, setBsn] = useState('');
  // The BSN to search for stays in memory only: never in the address bar or browser history.
  const [zoekBsn, setZoekBsn] = useState<string | null>(null);
  const zoeken = useQuery({
    queryKey: ['audit', zoekBsn],
    queryFn: ({ signal }) => api<AuditLijst>('/audit', { signal, query: { bsn: zoekBsn ?? '' } }),
    enabled: zoekBsn !== null,
    gcTime: 0,
  });
  const controle = useMutation({ mutationFn: () => api<Verificatie>('/audit/verificatie') });

  const onZoeken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setZoekBsn(bsn.replace(/[\s.]/g, ''));
  };

  const fout = zoeken.error instanceof ApiProblem ? zoeken.error : null;
  const bsnFout = fout && fout.status === 400 ? (veldFouten(fout).bsn ?? fout.detail) : undefined;

  return (
    <>
      <Heading1>Audittrail</Heading1>
      <Paragraph appearance="lead">
        Zoek op BSN wie de gegevens van een inwoner heeft bekeken, aangemaakt of gewijzigd. Ook dit zoeken wordt vastgelegd.
      </Paragraph>

      <section aria-labelledby="kop-zoeken" className="eenvoud-sectie">
        <Heading2 id="kop-zoeken">Zoeken op inwoner</Heading2>
        <form onSubmit={onZoeken} noValidate className="eenvoud-form eenvoud-zoeken">
          <TekstVeld
            naam="bsn" label="BSN van de inwoner" verplicht inputMode="numeric" autoComplete="off" className="eenvoud-breedte-10"
            beschrijving="Burgerservicenummer van 9 cijfers."
            value={bsn} onChange={(e) => setBsn(e.target.value)} fout={bsnFout}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={zoeken.isFetching} disabled={zoeken.isFetching}>Zoeken</PrimaryActionButton>
          </ButtonGroup>
        </form>

        {zoeken.isFetching ? <Laden tekst="De audittrail wordt opgehaald…" /> : null}
        {zoeken.isError && !bsnFout ? <Foutmelding fout={zoeken.error} /> : null}
        {zoeken.data && !zoeken.isFetching ? (
          zoeken.data.resultaten.length === 0 ? (
            <Paragraph role="status">Er is niets vastgelegd voor deze inwoner.</Paragraph>
          ) : (
            <div className="eenvoud-tabel">
              <Table>
                <TableCaption>Audittrail van de inwoner: {zoeken.data.resultaten.length} regels, de nieuwste eerst</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Nr.</TableHeaderCell>
                    <TableHeaderCell scope="col">Moment</TableHeaderCell>
                    <TableHeaderCell scope="col">Medewerker</TableHeaderCell>
                    <TableHeaderCell scope="col">Rol</TableHeaderCell>
                    <TableHeaderCell scope="col">Actie</TableHeaderCell>
                    <TableHeaderCell scope="col">Gegevens</TableHeaderCell>
                    <TableHeaderCell scope="col">Doel</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {zoeken.data.resultaten.map((r) => (
                    <TableRow key={r.volgnummer}>
                      <TableCell>{r.volgnummer}</TableCell>
                      <TableCell className="eenvoud-nowrap">{formatMoment(r.moment)}</TableCell>
                      <TableCell>{r.gebruikersnaam}</TableCell>
                      <TableCell>{r.rol in rolNaam ? rolNaam[r.rol as Rol] : r.rol}</TableCell>
                      <TableCell>{actieNaam[r.actie]}</TableCell>
                      <TableCell>{gegevensNaam[r.resourceType] ?? r.resourceType}</TableCell>
                      <TableCell>{r.doel}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )
        ) : null}
      </section>

      <section aria-labelledby="kop-keten" className="eenvoud-sectie">
        <Heading2 id="kop-keten">Keten controleren</Heading2>
        <Paragraph>
          Elke regel van de audittrail is met een hash aan de vorige gekoppeld. De controle laat zien of er regels zijn gewijzigd of verwijderd.
        </Paragraph>
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" onClick={() => controle.mutate()} busy={controle.isPending} disabled={controle.isPending}>
            Keten controleren
          </Button>
        </ButtonGroup>
        <div aria-live="polite">
          {controle.isPending ? <Laden tekst="De keten wordt gecontroleerd…" /> : null}
          {controle.isError ? <Foutmelding fout={controle.error} /> : null}
          {controle.data?.geldig ? (
            <Alert type="ok">
              <Paragraph><strong>De keten is in orde.</strong></Paragraph>
              <Paragraph>Alle {controle.data.aantal} regels van de audittrail zijn gecontroleerd; er is niets gewijzigd of verwijderd.</Paragraph>
            </Alert>
          ) : null}
          {controle.data && !controle.data.geldig ? (
            <Alert type="error">
              <Paragraph><strong>De keten is verbroken.</strong></Paragraph>
              <Paragraph>
                {controle.data.breuk
                  ? `Bij regel ${controle.data.breuk.volgnummer}: ${controle.data.breuk.reden}.`
                  : 'De controle vond een fout.'}{' '}
                Meld dit direct bij de functionaris gegevensbescherming.
              </Paragraph>
            </Alert>
          ) : null}
        </div>
      </section>
    </>
  );
}
