/**
 * The provider's toewijzingen, for staff without software of their own: who, what, how much and
 * when, with the start and stop they reported. A start or stop is reported with a small form; Eenvoud
 * makes the 305/307 and checks it exactly as an uploaded message, and shows the retour's answer.
 */
import { Alert, ButtonGroup, Heading2, Paragraph, PrimaryActionButton, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Bevestig, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { KeuzeVeld, TekstVeld, veldId } from '../../platform/form.tsx';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { Paginering } from '../../platform/links.tsx';
import { redenNaam, redenenVoor, volumeTekst } from '../voorziening/regels.ts';
import { STATUS_NAAM, type Aangeleverd } from './api.ts';
import { Codes } from './BerichtenTabel.tsx';
import { eersteDagVoorstel, isTijdelijkeStop, stopFouten, type StopFout } from './melden.ts';
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

/**
 * A start goes in one step: it can be corrected with a stop. A stop asks first, as every irreversible
 * step does: it ends the voorziening (the budget shrinks, the inwoner gets a letter) and the portal has
 * no way back — only the gemeente can correct it.
 */
function MeldFormulier({ t, soort, onAntwoord }: { t: PortaalToewijzing; soort: 'start' | 'stop'; onAntwoord: (a: Aangeleverd) => void }) {
  const [datum, setDatum] = useState(() => (soort === 'start' ? eersteDagVoorstel(t.ingangsdatum, vandaag()) : vandaag()));
  const [reden, setReden] = useState('');
  const [bevestigen, setBevestigen] = useState(false);
  const [eigen, setEigen] = useState<StopFout[]>([]);
  const { probleem, setProbleem, fouten } = useProbleem();
  const meld = useMeld(t);
  const id = `${soort}-${t.standaard}-${t.nummer}`;
  const velden = { datum: `${id}-datum`, reden: `${id}-reden` };
  const eigenFout = (veld: StopFout['veld']) => eigen.find((f) => f.veld === veld)?.tekst;
  // The field that needs attention takes focus once its message is rendered, so it is read with it.
  useEffect(() => {
    if (eigen[0]) document.getElementById(veldId(velden[eigen[0].veld]))?.focus();
  }, [eigen]); // velden follows from the props, which do not change for this form (it is keyed on them)
  const verstuur = () => {
    setProbleem(null);
    meld.mutate(soort === 'start' ? { soort, datum } : { soort, datum, reden }, {
      onSuccess: (a) => { setBevestigen(false); onAntwoord(a); },
      onError: (f) => { setBevestigen(false); setProbleem(alsProbleem(f)); },
    });
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (soort === 'start') {
      verstuur();
      return;
    }
    setProbleem(null);
    const mist = stopFouten({ datum, reden }, t.gestartOp, vandaag());
    setEigen(mist);
    if (mist.length === 0) setBevestigen(true);
  };
  const wijzig = (zet: (v: string) => void) => (e: { target: { value: string } }) => { zet(e.target.value); setBevestigen(false); };
  const wie = t.client?.naam ?? 'de inwoner';
  const beginLater = soort === 'start' && t.ingangsdatum > vandaag();
  return (
    <Uitklap titel={soort === 'start' ? 'Start melden' : 'Stop melden'}>
      <Probleem probleem={probleem} />
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label={`${soort === 'start' ? 'Start' : 'Stop'} melden voor toewijzing ${t.nummer}`}>
        <TekstVeld naam={velden.datum} label={soort === 'start' ? 'Eerste dag van de zorg' : 'Laatste dag van de zorg'} type="date" verplicht
          beschrijving={beginLater ? `De toewijzing gaat in op ${formatDatum(t.ingangsdatum)}. De start meldt u op of na die dag.` : undefined}
          value={datum} min={soort === 'start' ? t.ingangsdatum : t.gestartOp ?? undefined} max={vandaag()}
          onChange={wijzig(setDatum)} fout={eigenFout('datum') ?? fouten.datum} />
        {soort === 'stop' ? (
          <KeuzeVeld naam={velden.reden} label="Reden" verplicht value={reden} onChange={wijzig(setReden)} fout={eigenFout('reden') ?? fouten.reden}>
            <SelectOption value="">Kies een reden</SelectOption>
            {redenenVoor(t.wet).map((r) => <SelectOption key={r.code} value={r.code}>{r.naam}</SelectOption>)}
          </KeuzeVeld>
        ) : null}
        {!bevestigen ? (
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={meld.isPending} disabled={meld.isPending}>{soort === 'start' ? 'Start melden' : 'Stop melden'}</PrimaryActionButton>
          </ButtonGroup>
        ) : isTijdelijkeStop(reden) ? (
          <Bevestig id={`bevestig-${id}`} bezig={meld.isPending} onJa={verstuur} onNee={() => setBevestigen(false)}
            vraag={`De zorg voor ${wie} tijdelijk stoppen met ${formatDatum(datum)} als laatste dag?`}
            uitleg={<Paragraph>
              De gemeente krijgt een stopbericht. De voorziening blijft lopen: zodra de zorg weer begint, meldt u hier opnieuw de start.
            </Paragraph>}
            ja="Ja, tijdelijke stop melden" />
        ) : (
          <Bevestig id={`bevestig-${id}`} bezig={meld.isPending} onJa={verstuur} onNee={() => setBevestigen(false)}
            vraag={`De zorg voor ${wie} stoppen met ${formatDatum(datum)} als laatste dag?`}
            uitleg={<>
              <Paragraph>
                De gemeente krijgt een stopbericht en beëindigt de voorziening per {formatDatum(datum)}; {wie} krijgt daarover een brief van
                de gemeente.
              </Paragraph>
              <Paragraph>U kunt dit in het portaal niet ongedaan maken. Is het een vergissing, neem dan contact op met de gemeente.</Paragraph>
            </>}
            ja="Ja, stop melden" />
        )}
      </form>
    </Uitklap>
  );
}
