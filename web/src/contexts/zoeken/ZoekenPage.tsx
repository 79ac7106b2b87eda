import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { ZOEKVRAAG_MIN, soortNaam, useZoeken } from './api.ts';

const UITLEG = 'Typ in het zoekveld bovenaan een BSN (9 cijfers), een naam met geboortedatum (bijvoorbeeld Jansen 12-03-1956) of een nummer zoals M-2026-000123.';

/** The results of the search field: /zoeken?q=… */
export function ZoekenPage() {
  usePageTitle('Zoeken');
  const [searchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').trim();
  const teKort = q.length > 0 && q.length < ZOEKVRAAG_MIN;
  const zoeken = useZoeken(q, { enabled: q.length >= ZOEKVRAAG_MIN });
  const data = zoeken.data;
  const invoerFout = zoeken.error instanceof ApiProblem && zoeken.error.status === 400 ? zoeken.error : null;

  return (
    <>
      <Heading1>Zoeken</Heading1>
      {q ? <Paragraph appearance="lead">U zocht: <strong className="eenvoud-zoekvraag">{q}</strong></Paragraph> : null}

      <div role="status" className="eenvoud-zoekstatus">
        {!q ? <Paragraph>{UITLEG}</Paragraph> : null}
        {teKort ? (
          <Alert type="warning"><Paragraph>Typ minstens {ZOEKVRAAG_MIN} tekens. {UITLEG}</Paragraph></Alert>
        ) : null}
        {invoerFout ? (
          <Alert type="warning">
            <Paragraph><strong>Hierop kan niet worden gezocht.</strong></Paragraph>
            <Paragraph>{invoerFout.invalidParams[0]?.reason ?? invoerFout.detail}</Paragraph>
          </Alert>
        ) : null}
        {data && data.resultaten.length === 0 ? (
          data.toelichting ? (
            <Alert type="info"><Paragraph>{data.toelichting}</Paragraph></Alert>
          ) : (
            <>
              <Paragraph><strong>Geen resultaten</strong> bij het zoeken op {data.gezochtOp}.</Paragraph>
              <Paragraph>
                Controleer het BSN of het nummer. Zoekt u op naam, voeg dan de geboortedatum toe (bijvoorbeeld 12-03-1956 of 12 maart 1956):
                dan mag de naam een of twee letters afwijken.
              </Paragraph>
            </>
          )
        ) : null}
        {data && data.resultaten.length > 0 ? (
          <Paragraph>
            {data.resultaten.length} {data.resultaten.length === 1 ? 'resultaat' : 'resultaten'} bij het zoeken op {data.gezochtOp}.
          </Paragraph>
        ) : null}
      </div>

      {zoeken.isPending && zoeken.fetchStatus === 'fetching' ? <Laden tekst="Bezig met zoeken…" /> : null}
      {zoeken.isError && !invoerFout ? <Foutmelding fout={zoeken.error} /> : null}

      {data && data.resultaten.length > 0 ? (
        <ol className="eenvoud-zoekresultaten" aria-label="Zoekresultaten">
          {data.resultaten.map((r) => (
            <li key={`${r.soort}-${r.id}`} className="eenvoud-zoekresultaat">
              <span className="eenvoud-zoekresultaat__soort">{soortNaam[r.soort]}</span>
              <RouterLink to={r.url} className="eenvoud-zoekresultaat__titel">{r.titel}</RouterLink>
              <span className="eenvoud-zoekresultaat__omschrijving">{r.omschrijving}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
