import {
  Alert, Button, ButtonGroup, Heading1, Heading2, Heading3, Paragraph, PrimaryActionButton, Table, TableBody, TableCaption, TableCell,
  TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
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
  /** null while the entry waits for the sequencer (a few seconds). */
  volgnummer: number | null;
  moment: string;
  gebruikerId: string | null;
  gebruikersnaam: string;
  rol: string;
  actie: 'lezen' | 'aanmaken' | 'wijzigen' | 'verwijderen';
  resourceType: string;
  resourceId: string;
  persoonId: string | null;
  doel: string;
  hash: string | null;
  vorigeHash: string | null;
}

interface AuditLijst {
  persoonId: string;
  resultaten: AuditRegel[];
}

type BevindingSoort = 'afgekapt' | 'herschreven' | 'checkpoint-ongeldig' | 'keten-verbroken' | 'buiten-keten';

interface Verificatie {
  geldig: boolean;
  aantal: number;
  laatsteHash: string;
  breuk: { volgnummer: number; reden: string } | null;
  checkpoints: number;
  laatsteCheckpoint: { volgnummer: number; aantal: number; kophash: string; moment: string } | null;
  bevindingen: { soort: BevindingSoort; checkpoint: number | null; volgnummer: number | null; toelichting: string }[];
}

const bevindingNaam: Record<BevindingSoort, string> = {
  afgekapt: 'Regels verwijderd (keten afgekapt)',
  herschreven: 'Keten herschreven',
  'checkpoint-ongeldig': 'Checkpoint vervalst of verwijderd',
  'keten-verbroken': 'Schakel verbroken',
  'buiten-keten': 'Regels buiten de keten',
};

const actieNaam: Record<AuditRegel['actie'], string> = {
  lezen: 'Bekeken', aanmaken: 'Aangemaakt', wijzigen: 'Gewijzigd', verwijderen: 'Verwijderd',
};

const gegevensNaam: Record<string, string> = {
  persoon: 'Inwoner', melding: 'Melding', auditlog: 'Audittrail',
};

function CheckpointZin({ v }: { v: Verificatie }) {
  if (!v.laatsteCheckpoint) return <>Er is nog geen ondertekend checkpoint.</>;
  const c = v.laatsteCheckpoint;
  return (
    <>
      {v.checkpoints === 1 ? 'Er is 1 ondertekend checkpoint' : `Er zijn ${v.checkpoints} ondertekende checkpoints`}; het laatste is van{' '}
      {formatMoment(c.moment)} en telt {c.aantal} regels.
    </>
  );
}

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
                  {zoeken.data.resultaten.map((r, i) => (
                    <TableRow key={r.volgnummer ?? `wachtend-${i}`}>
                      <TableCell>{r.volgnummer ?? <span title="Deze regel wordt binnen enkele seconden in de keten opgenomen">nog niet in de keten</span>}</TableCell>
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
          Elke regel van de audittrail is met een hash aan de vorige gekoppeld. Geregeld legt Eenvoud een checkpoint vast: het aantal regels
          en de laatste hash, ondertekend met een geheime sleutel die niet in de database staat. De controle laat zien of er regels zijn
          gewijzigd, verwijderd of herschreven, ook als iemand met toegang tot de database de hashes opnieuw heeft berekend.
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
              <Paragraph>
                Alle {controle.data.aantal} regels van de audittrail zijn gecontroleerd; er is niets gewijzigd, verwijderd of herschreven.{' '}
                <CheckpointZin v={controle.data} />
              </Paragraph>
            </Alert>
          ) : null}
          {controle.data && !controle.data.geldig ? (
            <Alert type="error">
              <Paragraph><strong>Er is met de audittrail geknoeid.</strong></Paragraph>
              <Paragraph>
                {controle.data.aantal} regels gecontroleerd. <CheckpointZin v={controle.data} /> Meld dit direct bij de functionaris
                gegevensbescherming.
              </Paragraph>
              <Heading3>Bevindingen</Heading3>
              <UnorderedList>
                {controle.data.bevindingen.map((b, i) => (
                  <UnorderedListItem key={i}><strong>{bevindingNaam[b.soort]}:</strong> {b.toelichting}</UnorderedListItem>
                ))}
              </UnorderedList>
            </Alert>
          ) : null}
        </div>
      </section>
    </>
  );
}
