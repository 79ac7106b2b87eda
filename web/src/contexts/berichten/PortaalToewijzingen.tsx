/**
 * The provider's toewijzingen, for staff without software of their own: who, what, how much and
 * when, with the start and stop they reported. A start or stop is reported with a small form; Eenvoud
 * makes the 305/307 and checks it exactly as an uploaded message, and shows the retour's answer.
 */
import { Alert, ButtonGroup, Heading2, Paragraph, PrimaryActionButton, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { Paginering } from '../../platform/links.tsx';
import { redenNaam, redenenVoor, volumeTekst } from '../voorziening/regels.ts';
import { STATUS_NAAM, type Aangeleverd } from './api.ts';
import { Codes } from './BerichtenTabel.tsx';
import { useMeld, usePortaalToewijzingen, type PortaalToewijzing } from './portaal.ts';

export function PortaalToewijzingen() {
  const [params] = useSearchParams();
  const pagina = Number(params.get('toewijzingen') ?? 1) || 1;
  const lijst = usePortaalToewijzingen(pagina);
  const naar = (p: number) => {
    const q = new URLSearchParams(params);
    q.set('toewijzingen', String(p));
    return `?${q.toString()}`;
  };
  const d = lijst.data;
  return (
    <section aria-labelledby="toewijzingen-kop">
      <Heading2 id="toewijzingen-kop">Uw toewijzingen</Heading2>
      <Paragraph>
        Zonder eigen berichtensoftware meldt u hier de start en de stop van de zorg. Eenvoud maakt daarvan het start- of stopbericht (305/307)
        en controleert het zoals een aangeleverd bestand; het antwoord van de gemeente ziet u meteen.
      </Paragraph>
      {lijst.isPending ? <Laden tekst="De toewijzingen worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {d && d.items.length === 0 ? <Paragraph role="status" className="eenvoud-leeg">De gemeente heeft uw organisatie nog geen zorg toegewezen.</Paragraph> : null}
      {d && d.items.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={lijst.isFetching}>
              <TableCaption>{d.totaal} {d.totaal === 1 ? 'toewijzing' : 'toewijzingen'}, de nieuwste eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
                  <TableHeaderCell scope="col">Toewijzing</TableHeaderCell>
                  <TableHeaderCell scope="col">Product en omvang</TableHeaderCell>
                  <TableHeaderCell scope="col">Periode</TableHeaderCell>
                  <TableHeaderCell scope="col">Gemeld</TableHeaderCell>
                  <TableHeaderCell scope="col">Melden</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.items.map((t) => (
                  <TableRow key={`${t.standaard}-${t.nummer}`}>
                    <TableCell>{t.client ? <>{t.client.naam}<br /><span className="eenvoud-gedimd">BSN {t.client.bsn}</span></> : '—'}</TableCell>
                    <TableCell className="eenvoud-nowrap">{t.nummer}<br /><span className="eenvoud-gedimd">{t.standaard === 'ijw' ? 'Jeugdwet' : 'Wmo'}</span></TableCell>
                    <TableCell>
                      {t.productNaam ?? t.productcode ?? t.productcategorie}{t.productcode ? ` (${t.productcode})` : ''}
                      {t.omvang ? <><br /><span className="eenvoud-gedimd">{volumeTekst(t.omvang.volume, t.omvang.eenheid, t.omvang.frequentie)}</span></> : null}
                    </TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(t.ingangsdatum)} – {t.einddatum ? formatDatum(t.einddatum) : 'geen einddatum'}</TableCell>
                    <TableCell>
                      {t.gestartOp ? <>Gestart {formatDatum(t.gestartOp)}</> : 'Nog geen start'}
                      {t.gestoptOp ? <><br />Gestopt {formatDatum(t.gestoptOp)}{t.stopReden ? `: ${redenNaam(t.wet, t.stopReden)?.toLowerCase()}` : ''}</> : null}
                    </TableCell>
                    <TableCell><Meld t={t} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Paginering pagina={d.pagina} paginas={Math.ceil(d.totaal / d.aantal)} naar={naar} />
        </>
      ) : null}
    </section>
  );
}

/**
 * Start when none is reported (or after a temporary stop, reason 20); stop once started. The answer
 * stays with the row: after a start the start form is gone, its answer must not go with it.
 */
function Meld({ t }: { t: PortaalToewijzing }) {
  const [antwoord, setAntwoord] = useState<{ soort: 'start' | 'stop'; a: Aangeleverd } | null>(null);
  const kanStarten = t.gestartOp === null || (t.gestoptOp !== null && t.stopReden === '20');
  const kanStoppen = t.gestartOp !== null && (t.gestoptOp === null || t.stopReden === '20');
  const goed = antwoord?.a.status === 'verwerkt';
  return (
    <>
      {/* Keyed on what was reported: after a new start or stop the forms begin empty again. */}
      {kanStarten ? <MeldFormulier key={`start-${t.gestartOp}-${t.gestoptOp}`} t={t} soort="start" onAntwoord={(a) => setAntwoord({ soort: 'start', a })} /> : null}
      {kanStoppen ? <MeldFormulier key={`stop-${t.gestartOp}-${t.gestoptOp}`} t={t} soort="stop" onAntwoord={(a) => setAntwoord({ soort: 'stop', a })} /> : null}
      {!kanStarten && !kanStoppen && !antwoord ? '—' : null}
      <div aria-live="polite">
        {antwoord ? (
          <Alert type={goed ? 'ok' : 'error'}>
            <Paragraph><strong>{antwoord.soort === 'start' ? 'Startbericht' : 'Stopbericht'}: {STATUS_NAAM[antwoord.a.status]?.naam.toLowerCase() ?? antwoord.a.status}.</strong>
              {goed ? ' De gemeente heeft het verwerkt.' : ' De gemeente heeft het niet verwerkt; de reden staat hieronder.'}</Paragraph>
            {antwoord.a.retourcodes.some((c) => c.code !== '0200') ? <Codes codes={antwoord.a.retourcodes} /> : null}
          </Alert>
        ) : null}
      </div>
    </>
  );
}

function MeldFormulier({ t, soort, onAntwoord }: { t: PortaalToewijzing; soort: 'start' | 'stop'; onAntwoord: (a: Aangeleverd) => void }) {
  const [datum, setDatum] = useState(vandaag());
  const [reden, setReden] = useState('');
  const { probleem, setProbleem, fouten } = useProbleem();
  const meld = useMeld(t);
  const id = `${soort}-${t.standaard}-${t.nummer}`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    meld.mutate(soort === 'start' ? { soort, datum } : { soort, datum, reden }, { onSuccess: onAntwoord, onError: (f) => setProbleem(alsProbleem(f)) });
  };
  return (
    <Uitklap titel={soort === 'start' ? 'Start melden' : 'Stop melden'}>
      <Probleem probleem={probleem} />
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label={`${soort === 'start' ? 'Start' : 'Stop'} melden voor toewijzing ${t.nummer}`}>
        <TekstVeld naam={`${id}-datum`} label={soort === 'start' ? 'Eerste dag van de zorg' : 'Laatste dag van de zorg'} type="date" verplicht
          value={datum} max={vandaag()} onChange={(e) => setDatum(e.target.value)} fout={fouten.datum} />
        {soort === 'stop' ? (
          <KeuzeVeld naam={`${id}-reden`} label="Reden" verplicht value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden}>
            <SelectOption value="">Kies een reden</SelectOption>
            {redenenVoor(t.wet).map((r) => <SelectOption key={r.code} value={r.code}>{r.naam}</SelectOption>)}
          </KeuzeVeld>
        ) : null}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={meld.isPending} disabled={meld.isPending}>{soort === 'start' ? 'Start melden' : 'Stop melden'}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </Uitklap>
  );
}
