/**
 * The provider's side of the message traffic (ADR 37): its own messages only, the XML to fetch, and
 * a message from its own software to deliver by upload. What Eenvoud answered (the retour with its
 * codes) is shown at once and stands in the list to fetch like any other message.
 */
import {
  Alert, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading2, Paragraph, PrimaryActionButton, SelectOption, Button,
} from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { Probleem, alsProbleem } from '../../platform/acties.tsx';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { Paginering } from '../../platform/links.tsx';
import { SOORT_KEUZES, SOORT_NAAM, STATUS_NAAM, leverAan, useBerichten, type Aangeleverd } from './api.ts';
import { BerichtenTabel, Codes } from './BerichtenTabel.tsx';

// The API takes a message of up to 8 MB: a month's declaration (323) of a large provider.
const MAX_BYTES = 8 * 1024 * 1024;

export function BerichtenPortaal() {
  const [params, setParams] = useSearchParams();
  const filter = { soort: params.get('soort') ?? '', richting: params.get('richting') ?? '', status: params.get('status') ?? '', pagina: Number(params.get('pagina') ?? 1) || 1 };
  const [invoer, setInvoer] = useState(filter);
  // The URL is the source: a new search string puts its values back in the form.
  const zoek = params.toString();
  useEffect(() => setInvoer({ soort: params.get('soort') ?? '', richting: params.get('richting') ?? '', status: params.get('status') ?? '', pagina: Number(params.get('pagina') ?? 1) || 1 }), [zoek]);
  const lijst = useBerichten({ ...(filter.soort ? { soort: filter.soort } : {}), ...(filter.richting ? { richting: filter.richting } : {}), ...(filter.status ? { status: filter.status } : {}), pagina: filter.pagina });

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const k of ['soort', 'richting', 'status'] as const) if (invoer[k]) p.set(k, invoer[k]);
    setParams(p);
  };
  const naar = (pagina: number) => {
    const p = new URLSearchParams(params);
    p.set('pagina', String(pagina));
    return `?${p.toString()}`;
  };
  const d = lijst.data;
  return (
    <>
      <Aanleveren />
      <section aria-labelledby="berichten-kop">
        <Heading2 id="berichten-kop">Berichten</Heading2>
        <Paragraph>
          Toewijzingen (301), antwoorden op uw verzoeken (319), declaratie-antwoorden (325) en retourberichten van de gemeente staan hier klaar om op te halen. Een bericht dat u downloadt, krijgt de status "Opgehaald".
        </Paragraph>
        <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Berichten filteren">
          <KeuzeVeld naam="soort" label="Soort" value={invoer.soort} onChange={(e) => setInvoer({ ...invoer, soort: e.target.value })}>
            <SelectOption value="">Alle soorten</SelectOption>
            {SOORT_KEUZES.map((s) => <SelectOption key={s} value={s}>{s} {SOORT_NAAM[s]!.toLowerCase()}</SelectOption>)}
          </KeuzeVeld>
          <KeuzeVeld naam="richting" label="Richting" value={invoer.richting} onChange={(e) => setInvoer({ ...invoer, richting: e.target.value })}>
            <SelectOption value="">Beide</SelectOption>
            <SelectOption value="uit">Van de gemeente</SelectOption>
            <SelectOption value="in">Van u</SelectOption>
          </KeuzeVeld>
          <KeuzeVeld naam="status" label="Status" value={invoer.status} onChange={(e) => setInvoer({ ...invoer, status: e.target.value })}>
            <SelectOption value="">Alle</SelectOption>
            {Object.entries(STATUS_NAAM).map(([code, s]) => <SelectOption key={code} value={code}>{s.naam}</SelectOption>)}
          </KeuzeVeld>
          <div className="eenvoud-filters__knoppen"><Button appearance="secondary-action-button" type="submit">Filteren</Button></div>
        </form>
        {lijst.isPending ? <Laden tekst="De berichten worden geladen…" /> : null}
        {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
        {d && d.items.length === 0 ? <Paragraph role="status" className="eenvoud-leeg">Er zijn geen berichten{filter.soort || filter.richting || filter.status ? ' met deze filters' : ''}.</Paragraph> : null}
        {d && d.items.length > 0 ? (
          <>
            <BerichtenTabel titel={`${d.totaal} ${d.totaal === 1 ? 'bericht' : 'berichten'}, de nieuwste eerst`} berichten={d.items} metClient bezig={lijst.isFetching} />
            <Paginering pagina={d.pagina} paginas={Math.ceil(d.totaal / d.aantal)} naar={naar} />
          </>
        ) : null}
      </section>
    </>
  );
}

function Aanleveren() {
  const queryClient = useQueryClient();
  const bestandRef = useRef<HTMLInputElement>(null);
  const [bestandFout, setBestandFout] = useState<string | null>(null);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  const [antwoord, setAntwoord] = useState<Aangeleverd | null>(null);
  const lever = useMutation({
    mutationFn: leverAan,
    onSuccess: async (a) => {
      setAntwoord(a);
      if (bestandRef.current) bestandRef.current.value = '';
      // A declaration (323) also changes the list of declarations.
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['berichten'] }), queryClient.invalidateQueries({ queryKey: ['declaraties'] })]);
    },
    onError: (e) => setProbleem(alsProbleem(e)),
  });

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setAntwoord(null);
    const bestand = bestandRef.current?.files?.[0];
    const fout = !bestand ? 'Kies een XML-bestand om aan te leveren.' : bestand.size > MAX_BYTES ? 'Dit bestand is groter dan 8 MB; lever een grote declaratie in delen aan.' : null;
    setBestandFout(fout);
    if (fout || !bestand) {
      bestandRef.current?.focus();
      return;
    }
    lever.mutate(await bestand.text());
  };

  const goed = antwoord && (antwoord.status === 'verwerkt');
  return (
    <section aria-labelledby="aanleveren-kop">
      <Heading2 id="aanleveren-kop">Bericht aanleveren</Heading2>
      <Paragraph>
        Lever een startbericht (305), stopbericht (307), retour op een toewijzing (302) of antwoord (320), een verzoek om toewijzing (315) of om wijziging (317),
        of een declaratie (323) aan als XML-bestand uit uw eigen systeem, volgens iWmo of iJw 3.2.
        Het bericht wordt gecontroleerd met de XSD en de validatieregels van de standaard en daarna tegen de toewijzing; u krijgt meteen de retour.
      </Paragraph>
      <Probleem probleem={probleem} />
      <form onSubmit={(e) => { void onSubmit(e); }} noValidate className="eenvoud-form" aria-label="Bericht aanleveren">
        <FormField
          invalid={bestandFout !== null}
          label={<FormLabel htmlFor="veld-bericht">XML-bestand<span className="eenvoud-verplicht"> (verplicht)</span></FormLabel>}
          description={<FormFieldDescription id="veld-bericht-beschrijving">Eén bericht per bestand, UTF-8, hoogstens 8 MB.</FormFieldDescription>}
          input={(
            <input ref={bestandRef} id="veld-bericht" name="bericht" type="file" accept=".xml,application/xml,text/xml"
              aria-describedby={bestandFout ? 'veld-bericht-beschrijving veld-bericht-fout' : 'veld-bericht-beschrijving'} aria-invalid={bestandFout ? true : undefined}
              onChange={() => setBestandFout(null)} />
          )}
          errorMessage={bestandFout ? <FormFieldErrorMessage id="veld-bericht-fout">{bestandFout}</FormFieldErrorMessage> : undefined}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={lever.isPending} disabled={lever.isPending}>Aanleveren</PrimaryActionButton>
        </ButtonGroup>
      </form>
      <div aria-live="polite">
        {antwoord ? (
          <Alert type={goed ? 'ok' : antwoord.status === 'deels' ? 'warning' : 'error'}>
            <Paragraph>
              <strong>{SOORT_NAAM[antwoord.soort] ?? antwoord.soort} {antwoord.herhaald ? 'was al ontvangen' : 'ontvangen'}: {STATUS_NAAM[antwoord.status]?.naam.toLowerCase() ?? antwoord.status}.</strong>
              {antwoord.herhaald ? ' Hetzelfde bericht is eerder aangeleverd; het antwoord is hetzelfde en er is niets opnieuw verwerkt.' : ''}
              {antwoord.retourId ? ' De retour staat hieronder klaar om op te halen.' : ''}
            </Paragraph>
            {antwoord.retourcodes.some((c) => c.code !== '0200') ? <Codes codes={antwoord.retourcodes} /> : null}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
