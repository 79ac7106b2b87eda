/**
 * One conversation: who took part, the scores per domain, the report (PDF) and sending it to the
 * resident (after that it cannot change), and the resident's own view.
 */
import {
  Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Heading3, Paragraph, PrimaryActionButton,
  StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { Bericht, Probleem, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { CASUS_TOEWIJZEN_ROLLEN } from '../../platform/functies.ts';
import { formatDatum, formatMoment } from '../../platform/format.ts';
import { TekstvakVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { deelnemerRolNaam, soortNaam, useGesprek, useReactie, useVerzendVerslag, verslagUrl, type Gesprek } from './api.ts';

export function GesprekPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const gesprek = useGesprek(id);
  const { heeftRol } = useSession();
  const [bericht, setBericht] = useState<string | null>((location.state as { bericht?: string } | null)?.bericht ?? null);
  usePageTitle(gesprek.data ? `Gesprek van ${formatDatum(gesprek.data.datum)}` : 'Gesprek');

  if (gesprek.isPending) return <><Heading1>Gesprek</Heading1><Laden tekst="Het gesprek wordt geladen…" /></>;
  if (gesprek.isError) {
    const nietGevonden = gesprek.error instanceof ApiProblem && gesprek.error.status === 404;
    return <><Heading1>{nietGevonden ? 'Gesprek niet gevonden' : 'Gesprek'}</Heading1><Foutmelding fout={gesprek.error} /></>;
  }
  const g = gesprek.data;
  const magSchrijven = heeftRol(...CASUS_TOEWIJZEN_ROLLEN);

  return (
    <>
      <Paragraph><RouterLink to={`/casussen/${g.casusId}`}>Terug naar de casus</RouterLink></Paragraph>
      <Heading1>Gesprek van {formatDatum(g.datum)}</Heading1>
      <Bericht tekst={bericht} />

      <section aria-labelledby="kop-gesprek" className="eenvoud-sectie">
        <Heading2 id="kop-gesprek">Gegevens van het gesprek</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Datum</DataListKey><DataListValue>{formatDatum(g.datum)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Soort</DataListKey><DataListValue>{soortNaam(g.soort)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Plek</DataListKey><DataListValue>{g.plekNaam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Gevoerd door</DataListKey><DataListValue>{g.gevoerdDoor?.naam ?? 'Onbekend'}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Deelnemers</DataListKey>
            <DataListValue>
              <UnorderedList className="eenvoud-kaal">
                {g.deelnemers.map((d, i) => <UnorderedListItem key={i}>{d.naam} ({deelnemerRolNaam(d.rol).toLowerCase()})</UnorderedListItem>)}
              </UnorderedList>
            </DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Instrument</DataListKey><DataListValue>{g.instrument.naam}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Samenvatting</DataListKey>
            <DataListValue className="eenvoud-omschrijving">{g.samenvatting ?? 'Geen samenvatting'}</DataListValue>
          </DataListItem>
        </DataList>
      </section>

      <section aria-labelledby="kop-scores" className="eenvoud-sectie">
        <Heading2 id="kop-scores">Scores per leefgebied</Heading2>
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Scores per leefgebied in dit gesprek</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Leefgebied</TableHeaderCell>
                <TableHeaderCell scope="col">Score</TableHeaderCell>
                <TableHeaderCell scope="col">Toelichting</TableHeaderCell>
                <TableHeaderCell scope="col">Wat de inwoner zelf kan</TableHeaderCell>
                <TableHeaderCell scope="col">Wat het netwerk doet</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.scores.map((s) => (
                <TableRow key={s.domein}>
                  <TableHeaderCell scope="row">{s.domeinNaam}</TableHeaderCell>
                  <TableCell>{s.score === null ? 'Niet besproken' : `${s.score} – ${s.scoreLabel ?? ''}`}</TableCell>
                  <TableCell>{s.toelichting ?? '—'}</TableCell>
                  <TableCell>{s.zelf ?? '—'}</TableCell>
                  <TableCell>{s.netwerk ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <Verslag gesprek={g} magSchrijven={magSchrijven} onGelukt={setBericht} />
      <Reactie gesprek={g} magSchrijven={magSchrijven} onGelukt={setBericht} />
    </>
  );
}

/** The first 12 characters of the SHA-256 hash: enough to compare with the stored letter. */
const korteHash = (hash: string): string => hash.slice(0, 12);

function Verslag({ gesprek, magSchrijven, onGelukt }: { gesprek: Gesprek; magSchrijven: boolean; onGelukt: (t: string) => void }) {
  const verzend = useVerzendVerslag(gesprek.id);
  const { probleem, setProbleem } = useProbleem();
  const [bevestigen, setBevestigen] = useState(false);
  const vraagRef = useRef<HTMLDivElement>(null);
  const verzonden = gesprek.verslag.verzondenOp;
  useEffect(() => {
    if (bevestigen) vraagRef.current?.focus();
  }, [bevestigen]);

  const doeVerzenden = () => {
    setProbleem(null);
    verzend.mutate(undefined, {
      onSuccess: () => {
        setBevestigen(false);
        onGelukt('Het verslag is naar de inwoner gestuurd. Het kan nu niet meer veranderen.');
      },
      onError: (e) => {
        setBevestigen(false);
        setProbleem(alsProbleem(e));
      },
    });
  };

  return (
    <section aria-labelledby="kop-verslag" className="eenvoud-sectie">
      <Heading2 id="kop-verslag">Verslag voor de inwoner</Heading2>
      <Probleem probleem={probleem} />
      <DataList className="eenvoud-datalist">
        <DataListItem>
          <DataListKey>Status</DataListKey>
          <DataListValue>
            {verzonden
              ? <StatusBadge status="safe">Verzonden</StatusBadge>
              : <StatusBadge status="warning">Concept: nog niet verzonden</StatusBadge>}
          </DataListValue>
        </DataListItem>
        {verzonden ? (
          <>
            <DataListItem><DataListKey>Verzonden op</DataListKey><DataListValue>{formatMoment(verzonden)}</DataListValue></DataListItem>
            {gesprek.verslag.hash ? (
              <DataListItem>
                <DataListKey>Controlecode</DataListKey>
                <DataListValue>
                  <details className="eenvoud-controlecode">
                    <summary>Controlecode tonen</summary>
                    <code className="eenvoud-hash">{korteHash(gesprek.verslag.hash)}</code>
                    <span className="eenvoud-gedimd"> Met deze code is na te gaan dat de verzonden brief niet is veranderd.</span>
                  </details>
                </DataListValue>
              </DataListItem>
            ) : null}
          </>
        ) : null}
      </DataList>
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href={verslagUrl(gesprek.id)} type="application/pdf">
          Verslag bekijken (PDF{verzonden ? '' : ', concept'})
        </a>
      </Paragraph>
      {!verzonden && magSchrijven && !bevestigen ? (
        <ButtonGroup>
          <PrimaryActionButton type="button" onClick={() => setBevestigen(true)}>Verslag naar de inwoner sturen</PrimaryActionButton>
        </ButtonGroup>
      ) : null}
      {!verzonden && bevestigen ? (
        <div ref={vraagRef} tabIndex={-1} className="eenvoud-bevestig" role="group" aria-labelledby="bevestig-verslag">
          <Alert type="warning">
            <Paragraph id="bevestig-verslag"><strong>Weet u het zeker? Na verzenden kan het verslag niet meer veranderen.</strong></Paragraph>
            <Paragraph>Bekijk het verslag eerst als PDF. De inwoner krijgt de brief precies zoals die dan is.</Paragraph>
            <ButtonGroup>
              <PrimaryActionButton type="button" busy={verzend.isPending} disabled={verzend.isPending} onClick={doeVerzenden}>
                Ja, verslag versturen
              </PrimaryActionButton>
              <Button appearance="secondary-action-button" type="button" onClick={() => setBevestigen(false)}>Annuleren</Button>
            </ButtonGroup>
          </Alert>
        </div>
      ) : null}
    </section>
  );
}

function Reactie({ gesprek, magSchrijven, onGelukt }: { gesprek: Gesprek; magSchrijven: boolean; onGelukt: (t: string) => void }) {
  const reactie = useReactie(gesprek.id);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [tekst, setTekst] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    reactie.mutate(tekst, {
      onSuccess: () => {
        setTekst('');
        onGelukt('De reactie van de inwoner is vastgelegd.');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <section aria-labelledby="kop-reactie" className="eenvoud-sectie">
      <Heading2 id="kop-reactie">Reactie van de inwoner</Heading2>
      {gesprek.inwonerReactie ? (
        <>
          <Paragraph className="eenvoud-omschrijving eenvoud-citaat">{gesprek.inwonerReactie.tekst}</Paragraph>
          <Paragraph className="eenvoud-gedimd">Vastgelegd op {formatMoment(gesprek.inwonerReactie.op)}.</Paragraph>
        </>
      ) : <Paragraph>De inwoner heeft (nog) geen eigen kijk op het gesprek gegeven.</Paragraph>}
      {magSchrijven ? (
        <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-labelledby="kop-reactie-form">
          <Heading3 id="kop-reactie-form">Reactie van de inwoner vastleggen</Heading3>
          <Probleem probleem={probleem} />
          <TekstvakVeld naam="tekst" label="Wat zegt de inwoner over het gesprek?" verplicht rows={4} maxLength={8000}
            beschrijving={gesprek.inwonerReactie ? 'Een nieuwe reactie komt in plaats van de vorige.' : 'In de eigen woorden van de inwoner.'}
            value={tekst} onChange={(e) => setTekst(e.target.value)} fout={fouten.tekst} />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={reactie.isPending} disabled={reactie.isPending}>Reactie vastleggen</PrimaryActionButton>
          </ButtonGroup>
        </form>
      ) : null}
    </section>
  );
}
