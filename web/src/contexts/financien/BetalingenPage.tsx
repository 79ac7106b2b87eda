/**
 * For the inkoper: payment batches. Approved declarations (and taakgericht months) are gathered per
 * provider and period; each batch opens on its journal lines and the CSV/XLSX for the financial system.
 */
import {
  ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Link, Paragraph, PrimaryActionButton, SelectOption, Table, TableBody,
  TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow, Alert,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Bericht, Bevestig, Probleem, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatDatum, formatMoment, vandaag } from '../../platform/format.ts';
import { FoutSamenvatting, KeuzeVeld, TekstVeld, type Foutregel } from '../../platform/form.tsx';
import { formatEuro } from '../../platform/geld.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { categorieNaam, useAanbieders, wetNaam } from '../inkoop/api.ts';
import { journaalUrl, periodeNaam, useBetaalbatch, useBetaalbatches, useMaakBetaalbatches } from './api.ts';

export function BetalingenPage() {
  usePageTitle('Betalingen');
  const batches = useBetaalbatches();
  const items = batches.data ?? [];
  return (
    <>
      <Heading1>Betalingen</Heading1>
      <Paragraph appearance="lead">
        Goedgekeurde declaraties worden per aanbieder en periode verzameld in een betaalbatch, samen met de vaste maandbedragen van taakgerichte contracten.
        Het journaal van een batch gaat naar het financiële systeem; het totaal is gelijk aan de toegekende bedragen van de declaratie-antwoorden (325).
      </Paragraph>
      <NieuweBatches />
      <section className="eenvoud-sectie" aria-labelledby="kop-batches">
        <Heading2 id="kop-batches">Betaalbatches</Heading2>
        {batches.isPending ? <Laden tekst="De betaalbatches worden geladen…" /> : null}
        {batches.isError ? <Foutmelding fout={batches.error} /> : null}
        {batches.data && items.length === 0 ? <Paragraph className="eenvoud-leeg">Er zijn nog geen betaalbatches.</Paragraph> : null}
        {items.length > 0 ? (
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption className="eenvoud-visueel-verborgen">Betaalbatches, nieuwste periode eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Batch</TableHeaderCell>
                  <TableHeaderCell scope="col">Periode</TableHeaderCell>
                  <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                  <TableHeaderCell scope="col">Declaraties</TableHeaderCell>
                  <TableHeaderCell scope="col">Prestaties</TableHeaderCell>
                  <TableHeaderCell scope="col">Taakgericht</TableHeaderCell>
                  <TableHeaderCell scope="col">Totaal</TableHeaderCell>
                  <TableHeaderCell scope="col">Gemaakt</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((b) => (
                  <TableRow key={b.id}>
                    <TableCell><RouterLink to={`/financien/betalingen/${b.id}`}>{b.nummer}</RouterLink></TableCell>
                    <TableCell>{periodeNaam(b.periode)}</TableCell>
                    <TableCell>{b.aanbieder.naam}</TableCell>
                    <TableCell>{b.aantalDeclaraties}</TableCell>
                    <TableCell>{b.aantalPrestaties}</TableCell>
                    <TableCell>{b.taakgerichtCents ? formatEuro(b.taakgerichtCents) : '–'}</TableCell>
                    <TableCell>{formatEuro(b.totaalCents)}</TableCell>
                    <TableCell>{formatMoment(b.aangemaaktOp)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>
    </>
  );
}

/** The month before the one `dag` falls in, as YYYY-MM. */
function vorigeMaand(dag: string): string {
  const [j, m] = [Number(dag.slice(0, 4)), Number(dag.slice(5, 7))];
  return m === 1 ? `${j - 1}-12` : `${j}-${String(m - 1).padStart(2, '0')}`;
}

const PERIODE = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const PERIODE_FOUT = 'Geef de periode als JJJJ-MM, bijvoorbeeld 2026-11';

/**
 * Making batches asks first: a batch cannot be undone (what it pays is never paid again), and the
 * form's default is every provider. The total is not known before the batches are made — the API
 * gathers them in the same transaction — so the confirmation says that it follows.
 */
function NieuweBatches() {
  const maak = useMaakBetaalbatches();
  const aanbieders = useAanbieders({});
  const { probleem, setProbleem, fouten } = useProbleem();
  // Paid in arrears: the last month that has ended is what a payment run is normally for.
  const [periode, setPeriode] = useState(vorigeMaand(vandaag()));
  const [aanbiederId, setAanbiederId] = useState('');
  const [bericht, setBericht] = useState<string | null>(null);
  const [bevestigen, setBevestigen] = useState(false);
  const [eigen, setEigen] = useState<Foutregel[]>([]);
  const aanbieder = (aanbieders.data ?? []).find((a) => a.id === aanbiederId);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    // A period that is no month is said here, before a confirmation that would have to name it.
    const mist = PERIODE.test(periode.trim()) ? [] : [{ naam: 'periode', tekst: `Periode: ${PERIODE_FOUT}` }];
    setEigen(mist);
    if (mist.length === 0) setBevestigen(true);
  };
  const voerUit = () => {
    const p = periode.trim();
    maak.mutate({ periode: p, ...(aanbiederId ? { aanbiederId } : {}) }, {
      onSuccess: (gemaakt) => {
        setBevestigen(false);
        const totaal = gemaakt.reduce((s, b) => s + b.totaalCents, 0);
        setBericht(`${gemaakt.length} ${gemaakt.length === 1 ? 'betaalbatch' : 'betaalbatches'} gemaakt voor ${periodeNaam(p)}, samen ${formatEuro(totaal)}.`);
      },
      onError: (err) => { setBevestigen(false); setProbleem(alsProbleem(err)); },
    });
  };
  const wie = aanbiederId ? (aanbieder?.naam ?? 'de gekozen aanbieder') : 'alle aanbieders';

  return (
    <section className="eenvoud-sectie" aria-labelledby="kop-nieuw">
      <Heading2 id="kop-nieuw">Betaalbatches maken</Heading2>
      <Paragraph className="eenvoud-uitleg">
        Alle goedgekeurde prestaties die nog niet betaald zijn en waarvan het declaratie-antwoord uiterlijk op de laatste dag van de periode is verstuurd,
        en de taakgerichte maandbedragen van die maand. Een prestatie of maand wordt nooit twee keer betaald.
      </Paragraph>
      <Bericht tekst={bericht} />
      {eigen.length > 0 ? <FoutSamenvatting fouten={eigen} /> : <Probleem probleem={probleem} />}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Betaalbatches maken">
        <div className="eenvoud-rij">
          <TekstVeld naam="periode" label="Periode" beschrijving="Jaar en maand als JJJJ-MM, bijvoorbeeld 2026-11." verplicht autoComplete="off"
            maxLength={7} className="eenvoud-breedte-10" value={periode} onChange={(e) => { setPeriode(e.target.value); setBevestigen(false); }}
            fout={eigen.length > 0 ? PERIODE_FOUT : fouten.periode} />
          <KeuzeVeld naam="aanbiederId" label="Aanbieder" value={aanbiederId} onChange={(e) => { setAanbiederId(e.target.value); setBevestigen(false); }}
            fout={fouten.aanbiederId}>
            <SelectOption value="">Alle aanbieders</SelectOption>
            {(aanbieders.data ?? []).map((a) => <SelectOption key={a.id} value={a.id}>{a.naam}</SelectOption>)}
          </KeuzeVeld>
        </div>
        {!bevestigen ? (
          <ButtonGroup>
            <PrimaryActionButton type="submit">Betaalbatches maken</PrimaryActionButton>
          </ButtonGroup>
        ) : (
          <Bevestig id="bevestig-betaalbatches" bezig={maak.isPending} onJa={voerUit} onNee={() => setBevestigen(false)}
            vraag={`Betaalbatches maken voor ${wie} over ${periodeNaam(periode.trim())}?`}
            uitleg={<>
              <Paragraph>
                {aanbiederId ? `${wie} krijgt een betaalbatch` : 'Elke aanbieder met iets te betalen krijgt een eigen betaalbatch'} met de goedgekeurde
                prestaties die nog niet betaald zijn en waarvan het declaratie-antwoord uiterlijk op de laatste dag van {periodeNaam(periode.trim())} is verstuurd,
                en de taakgerichte maandbedragen van die maand. Het totaal ziet u zodra de {aanbiederId ? 'batch gemaakt is' : 'batches gemaakt zijn'}.
              </Paragraph>
              <Paragraph>Een betaalbatch kan niet ongedaan worden gemaakt: wat erin zit, wordt betaald en komt in geen andere batch meer.</Paragraph>
            </>}
            ja={aanbiederId ? 'Ja, betaalbatch maken' : 'Ja, betaalbatches maken voor alle aanbieders'} />
        )}
      </form>
    </section>
  );
}

export function BetaalbatchPage() {
  const { id = '' } = useParams();
  const batch = useBetaalbatch(id);
  const b = batch.data;
  usePageTitle(b ? `Betaalbatch ${b.nummer}` : 'Betaalbatch');
  if (batch.isPending) return <Laden tekst="De betaalbatch wordt geladen…" />;
  if (batch.isError || !b) return <Foutmelding fout={batch.error} />;
  const debet = b.regels.filter((r) => r.cents >= 0).reduce((s, r) => s + r.cents, 0);
  const credit = b.regels.filter((r) => r.cents < 0).reduce((s, r) => s - r.cents, 0);
  return (
    <>
      <Paragraph><RouterLink to="/financien/betalingen">Terug naar betalingen</RouterLink></Paragraph>
      <Heading1>Betaalbatch {b.nummer}</Heading1>
      <DataList className="eenvoud-datalist">
        <DataListItem><DataListKey>Aanbieder</DataListKey><DataListValue>{b.aanbieder.naam} (AGB {b.aanbieder.agbCode})</DataListValue></DataListItem>
        <DataListItem><DataListKey>Periode</DataListKey><DataListValue>{periodeNaam(b.periode)}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Boekdatum</DataListKey><DataListValue>{formatDatum(b.boekdatum)}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Declaraties</DataListKey><DataListValue>{b.aantalDeclaraties} met {b.aantalPrestaties} {b.aantalPrestaties === 1 ? 'prestatie' : 'prestaties'}: {formatEuro(b.declaratiesCents)}</DataListValue></DataListItem>
        {b.taakgerichtCents ? <DataListItem><DataListKey>Taakgericht</DataListKey><DataListValue>{formatEuro(b.taakgerichtCents)}</DataListValue></DataListItem> : null}
        <DataListItem><DataListKey>Totaal</DataListKey><DataListValue>{formatEuro(b.totaalCents)}</DataListValue></DataListItem>
      </DataList>

      {b.ontbrekendGrootboek.length ? (
        <Alert type="warning">
          <Paragraph><strong>Het journaal kan nog niet worden gedownload.</strong></Paragraph>
          <Paragraph>
            Er is geen grootboekrekening en kostenplaats ingesteld voor {b.ontbrekendGrootboek.join('; ')}. Vraag functioneel beheer dit in te stellen onder Grootboek.
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>
          Journaal voor het financiële systeem: <Link href={journaalUrl(b.id, 'csv')} download={`journaal-${b.nummer}.csv`}>downloaden als CSV</Link>{' '}
          of <Link href={journaalUrl(b.id, 'xlsx')} download={`journaal-${b.nummer}.xlsx`}>als Excel</Link>
        </Paragraph>
      )}

      <section className="eenvoud-sectie" aria-labelledby="kop-journaal">
        <Heading2 id="kop-journaal">Journaalregels</Heading2>
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>Per grootboekrekening en product; bedragen zonder gegevens van cliënten</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Grootboekrekening</TableHeaderCell>
                <TableHeaderCell scope="col">Kostenplaats</TableHeaderCell>
                <TableHeaderCell scope="col">Wet</TableHeaderCell>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Prestaties</TableHeaderCell>
                <TableHeaderCell scope="col">Debet</TableHeaderCell>
                <TableHeaderCell scope="col">Credit</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {b.regels.map((r) => (
                <TableRow key={`${r.bron}-${r.wet}-${r.productcode}-${r.soort}`}>
                  <TableCell>{r.grootboekrekening ?? 'Niet ingesteld'}</TableCell>
                  <TableCell>{r.kostenplaats ?? 'Niet ingesteld'}</TableCell>
                  <TableCell>{wetNaam(r.wet)}</TableCell>
                  <TableCell>
                    {r.productcode}{r.productcategorie ? ` (${categorieNaam(r.wet, r.productcategorie)})` : ''}{r.bron === 'taakgericht' ? ', taakgericht' : ''}
                  </TableCell>
                  <TableCell>{r.bron === 'taakgericht' ? '–' : r.aantalPrestaties}</TableCell>
                  <TableCell>{r.cents >= 0 ? formatEuro(r.cents) : ''}</TableCell>
                  <TableCell>{r.cents < 0 ? formatEuro(-r.cents) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableHeaderCell scope="row" colSpan={5}>Totaal (saldo {formatEuro(b.totaalCents)})</TableHeaderCell>
                <TableCell>{formatEuro(debet)}</TableCell>
                <TableCell>{formatEuro(credit)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      </section>

      {b.declaraties.length ? (
        <section className="eenvoud-sectie" aria-labelledby="kop-declaraties">
          <Heading2 id="kop-declaraties">Declaraties in deze batch</Heading2>
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption>Het toegekende bedrag van elk declaratie-antwoord (325); samen het bedrag voor declaraties van de batch</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Declaratienummer</TableHeaderCell>
                  <TableHeaderCell scope="col">Periode</TableHeaderCell>
                  <TableHeaderCell scope="col">Antwoord (325)</TableHeaderCell>
                  <TableHeaderCell scope="col">Toegekend</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {b.declaraties.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell>{d.nummer}</TableCell>
                    <TableCell>{formatDatum(d.periodeBegin)} t/m {formatDatum(d.periodeEind)}</TableCell>
                    <TableCell>{d.antwoordDatum ? formatDatum(d.antwoordDatum) : '–'}</TableCell>
                    <TableCell>{formatEuro(d.toegekendCents)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      ) : null}
    </>
  );
}
