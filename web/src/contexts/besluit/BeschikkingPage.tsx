/** A beschikking: the decision per product, the letter, the bezwaar term, bezwaren and herziening. */
import {
  Alert, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph, PrimaryActionButton, StatusBadge,
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { ApiProblem } from '../../platform/api.ts';
import { formatDatum, formatMoment, vandaag } from '../../platform/format.ts';
import { AankruisVeld, TekstVeld, TekstvakVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { briefUrl, useBeschikking, useRegistreerBezwaar, useStartHerziening, type Beschikking } from './api.ts';
import { korteHash, omvangTekst, useWetNaam } from './onderdelen.tsx';

const uitkomstBadge: Record<string, string> = { toegekend: 'safe', deelsToegekend: 'warning', afgewezen: 'danger' };

export function BeschikkingPage() {
  const { id = '' } = useParams();
  const beschikking = useBeschikking(id);
  const wetNaam = useWetNaam();
  const { heeftRol } = useSession();
  const [bericht, setBericht] = useState<string | null>(null);
  usePageTitle(beschikking.data ? `Beschikking ${beschikking.data.nummer}` : 'Beschikking');

  if (beschikking.isPending) return <><Heading1>Beschikking</Heading1><Laden tekst="De beschikking wordt geladen…" /></>;
  if (beschikking.isError) {
    const nietGevonden = beschikking.error instanceof ApiProblem && beschikking.error.status === 404;
    return <><Heading1>{nietGevonden ? 'Beschikking niet gevonden' : 'Beschikking'}</Heading1><Foutmelding fout={beschikking.error} /></>;
  }
  const b = beschikking.data;
  const verzonden = b.status === 'verzonden';

  return (
    <>
      <Paragraph><RouterLink to={`/aanvragen/${b.aanvraagId}`}>Terug naar de aanvraag</RouterLink></Paragraph>
      <Heading1>Beschikking {b.nummer}</Heading1>
      <Bericht tekst={bericht} />
      {verzonden ? (
        <Alert type="info" className="eenvoud-bezwaartermijn">
          <Paragraph><strong>Bezwaar mogelijk tot en met {formatDatum(b.bezwaarTermijnEinde)}.</strong></Paragraph>
          <Paragraph>Zes weken na verzending op {formatDatum(b.verzondenOp!)}.</Paragraph>
        </Alert>
      ) : (
        <Alert type="warning">
          <Paragraph><strong>Nog niet verzonden.</strong> Verzendt u de beschikking vandaag, dan is bezwaar mogelijk tot en met {formatDatum(b.bezwaarTermijnEinde)}.</Paragraph>
        </Alert>
      )}

      <section aria-labelledby="kop-beschikking" className="eenvoud-sectie">
        <Heading2 id="kop-beschikking">Gegevens van de beschikking</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Nummer</DataListKey><DataListValue>{b.nummer}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Status</DataListKey>
            <DataListValue>{verzonden ? <StatusBadge status="safe">Verzonden</StatusBadge> : <StatusBadge status="warning">Besloten, nog niet verzonden</StatusBadge>}</DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Besloten op</DataListKey><DataListValue>{formatMoment(b.beslotenOp)}</DataListValue></DataListItem>
          {b.verzondenOp ? <DataListItem><DataListKey>Verzonden op</DataListKey><DataListValue>{formatDatum(b.verzondenOp)}</DataListValue></DataListItem> : null}
          {b.herzieningVan ? (
            <DataListItem><DataListKey>Herziening van</DataListKey><DataListValue><RouterLink to={`/beschikkingen/${b.herzieningVan}`}>het oude besluit</RouterLink></DataListValue></DataListItem>
          ) : null}
          {b.pdfHash ? (
            <DataListItem>
              <DataListKey>Controlecode</DataListKey>
              <DataListValue>
                <details className="eenvoud-controlecode">
                  <summary>Controlecode tonen</summary>
                  <code className="eenvoud-hash">{korteHash(b.pdfHash)}</code>
                  <span className="eenvoud-gedimd"> Met deze code is na te gaan dat de verzonden brief niet is veranderd.</span>
                </details>
              </DataListValue>
            </DataListItem>
          ) : null}
        </DataList>
        <Paragraph>
          <a className="utrecht-link utrecht-link--html-a" href={briefUrl(b.id)} type="application/pdf">Brief bekijken (PDF{verzonden ? '' : ', concept'})</a>
        </Paragraph>
      </section>

      <section aria-labelledby="kop-besluit" className="eenvoud-sectie">
        <Heading2 id="kop-besluit">Het besluit per product</Heading2>
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Besluit per product</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Wet</TableHeaderCell>
                <TableHeaderCell scope="col">Besluit</TableHeaderCell>
                <TableHeaderCell scope="col">Omvang</TableHeaderCell>
                <TableHeaderCell scope="col">Looptijd</TableHeaderCell>
                <TableHeaderCell scope="col">Vorm</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {b.producten.map((p, i) => (
                <TableRow key={`${p.omschrijving}-${i}`}>
                  <TableCell>{p.omschrijving}{p.eigenBijdrage ? <><br /><span className="eenvoud-gedimd">Eigen bijdrage van toepassing</span></> : null}</TableCell>
                  <TableCell>{wetNaam(p.wet)}</TableCell>
                  <TableCell><StatusBadge status={uitkomstBadge[p.uitkomst] ?? 'neutral'}>{p.uitkomstNaam}</StatusBadge></TableCell>
                  <TableCell>{omvangTekst(p)}</TableCell>
                  <TableCell>
                    {p.uitkomst === 'afgewezen' || !p.ingangsdatum ? '—'
                      : p.einddatum ? `${formatDatum(p.ingangsdatum)} tot en met ${formatDatum(p.einddatum)}` : `Vanaf ${formatDatum(p.ingangsdatum)}`}
                  </TableCell>
                  <TableCell>{p.leveringsvormNaam ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <Heading2 id="kop-motivering">Motivering</Heading2>
        <Paragraph className="eenvoud-omschrijving">{b.motivering}</Paragraph>
        <Paragraph className="eenvoud-gedimd">Grondslag: {[...new Set(b.producten.map((p) => p.grondslag))].join('; ')}.</Paragraph>
      </section>

      <section aria-labelledby="kop-bezwaren" className="eenvoud-sectie">
        <Heading2 id="kop-bezwaren">Bezwaren</Heading2>
        {b.bezwaren.length === 0 ? <Paragraph>Er is geen bezwaar gemaakt tegen deze beschikking.</Paragraph> : (
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption className="eenvoud-visueel-verborgen">Bezwaren tegen deze beschikking, het oudste eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Bezwaar</TableHeaderCell>
                  <TableHeaderCell scope="col">Ontvangen op</TableHeaderCell>
                  <TableHeaderCell scope="col">Waarover</TableHeaderCell>
                  <TableHeaderCell scope="col">Op tijd?</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Beslissen op bezwaar uiterlijk</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {b.bezwaren.map((x) => (
                  <TableRow key={x.id}>
                    <TableCell className="eenvoud-nowrap"><RouterLink to={`/bezwaren/${x.id}`}>Bezwaar {x.nummer}</RouterLink></TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(x.ontvangenOp)}</TableCell>
                    <TableCell>{x.omschrijving}</TableCell>
                    <TableCell>{x.tijdig ? <StatusBadge status="safe">Tijdig</StatusBadge> : <StatusBadge status="danger">Te laat</StatusBadge>}</TableCell>
                    <TableCell>{x.statusNaam}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(x.beslistermijnEinde)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {verzonden ? (
          <div className="eenvoud-acties">
            {heeftRol('beslisser', 'teamleider') ? <Uitklap titel="Bezwaar registreren"><BezwaarFormulier beschikking={b} onGelukt={setBericht} /></Uitklap> : null}
            {heeftRol('beslisser', 'regisseur', 'teamleider') ? <Uitklap titel="Herziening starten"><HerzieningFormulier beschikking={b} /></Uitklap> : null}
          </div>
        ) : <Paragraph className="eenvoud-gedimd">Bezwaar en herziening kunnen pas na verzending.</Paragraph>}
      </section>
    </>
  );
}

function BezwaarFormulier({ beschikking: b, onGelukt }: { beschikking: Beschikking; onGelukt: (t: string) => void }) {
  const bezwaar = useRegistreerBezwaar(b.id);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [ontvangenOp, setOntvangenOp] = useState(vandaag());
  const [omschrijving, setOmschrijving] = useState('');
  const [adviescommissie, setAdviescommissie] = useState(false);
  const [verschoonbaar, setVerschoonbaar] = useState(false);
  // Received after the last day: the form asks whether the lateness is excusable (Awb 6:11).
  const teLaat = ontvangenOp !== '' && ontvangenOp > b.bezwaarTermijnEinde;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    bezwaar.mutate({ ontvangenOp, omschrijving, adviescommissie, verschoonbaar: teLaat && verschoonbaar }, {
      onSuccess: (nieuw) => {
        const bekend = new Set(b.bezwaren.map((x) => x.id));
        const x = nieuw.bezwaren.find((y) => !bekend.has(y.id)) ?? nieuw.bezwaren.at(-1);
        setOmschrijving('');
        onGelukt(x ? `Het bezwaar is geregistreerd (${x.tijdig ? 'tijdig' : 'te laat'}). Beslis erop uiterlijk ${formatDatum(x.beslistermijnEinde)}. Open bezwaar ${x.nummer} hieronder om het te behandelen.` : 'Het bezwaar is geregistreerd.');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Bezwaar registreren">
      <Probleem probleem={probleem} />
      <TekstVeld naam="bezwaar.ontvangenOp" label="Ontvangen op" verplicht type="date" max={vandaag()} className="eenvoud-breedte-10"
        value={ontvangenOp} onChange={(e) => setOntvangenOp(e.target.value)} fout={fouten.ontvangenOp} />
      {teLaat ? (
        <>
          <Alert type="warning"><Paragraph>Dit bezwaar is te laat: de bezwaartermijn liep tot en met {formatDatum(b.bezwaarTermijnEinde)}. Het wordt geregistreerd als te laat.</Paragraph></Alert>
          <AankruisVeld naam="bezwaar.verschoonbaar" label="De termijnoverschrijding is verschoonbaar" aan={verschoonbaar} onChange={setVerschoonbaar}
            beschrijving="Bijvoorbeeld: de inwoner lag in het ziekenhuis. Dan wordt het bezwaar toch inhoudelijk behandeld." fout={fouten.verschoonbaar} />
        </>
      ) : null}
      <TekstvakVeld naam="bezwaar.omschrijving" label="Waar gaat het bezwaar over?" verplicht rows={4} maxLength={8000}
        value={omschrijving} onChange={(e) => setOmschrijving(e.target.value)} fout={fouten.omschrijving} />
      <AankruisVeld naam="bezwaar.adviescommissie" label="Het bezwaar gaat langs de adviescommissie" aan={adviescommissie} onChange={setAdviescommissie}
        beschrijving="Met een onafhankelijke adviescommissie is de beslistermijn 12 weken in plaats van 6." fout={fouten.adviescommissie} />
      <ButtonGroup><PrimaryActionButton type="submit" busy={bezwaar.isPending} disabled={bezwaar.isPending}>Bezwaar registreren</PrimaryActionButton></ButtonGroup>
    </form>
  );
}

function HerzieningFormulier({ beschikking: b }: { beschikking: Beschikking }) {
  const herziening = useStartHerziening(b.id);
  const navigate = useNavigate();
  const { probleem, setProbleem, fouten } = useProbleem();
  const [reden, setReden] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    herziening.mutate({ reden }, {
      onSuccess: (a) => navigate(`/aanvragen/${a.id}`),
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Herziening starten">
      <Paragraph className="eenvoud-uitleg">Een herziening is een nieuwe aanvraag voor dezelfde producten. Zij doorloopt dezelfde stappen, met vier ogen.</Paragraph>
      <Probleem probleem={probleem} />
      <TekstvakVeld naam="herziening.reden" label="Reden van de herziening" verplicht rows={3} maxLength={4000}
        value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden} />
      <ButtonGroup><PrimaryActionButton type="submit" busy={herziening.isPending} disabled={herziening.isPending}>Herziening starten</PrimaryActionButton></ButtonGroup>
    </form>
  );
}
