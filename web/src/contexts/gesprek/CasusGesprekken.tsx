/** On the casus page: the conversations of the casus and the scores over time. */
import {
  Heading2, Paragraph, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { KnopLink } from '../../platform/acties.tsx';
import { formatDag, formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { deelnemerRolNaam, soortNaam, useGesprekken, useScores, type ScoreHistorie } from './api.ts';

export function GesprekkenSectie({ casusId, magSchrijven }: { casusId: string; magSchrijven: boolean }) {
  const gesprekken = useGesprekken(casusId);
  return (
    <section id="gesprekken" aria-labelledby="kop-gesprekken" className="eenvoud-sectie">
      <Heading2 id="kop-gesprekken">Gesprekken</Heading2>
      {gesprekken.isPending ? <Laden tekst="De gesprekken worden geladen…" /> : null}
      {gesprekken.isError ? <Foutmelding fout={gesprekken.error} /> : null}
      {gesprekken.data && gesprekken.data.length === 0 ? <Paragraph className="eenvoud-leeg">Er is nog geen gesprek gevoerd.</Paragraph> : null}
      {gesprekken.data && gesprekken.data.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Gesprekken van deze casus, het oudste eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Datum</TableHeaderCell>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Plek</TableHeaderCell>
                <TableHeaderCell scope="col">Deelnemers</TableHeaderCell>
                <TableHeaderCell scope="col">Verslag</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {gesprekken.data.map((g) => (
                <TableRow key={g.id}>
                  <TableCell className="eenvoud-nowrap">
                    <RouterLink to={`/gesprekken/${g.id}`}>{formatDatum(g.datum)}<span className="eenvoud-visueel-verborgen"> ({soortNaam(g.soort).toLowerCase()})</span></RouterLink>
                  </TableCell>
                  <TableCell>{soortNaam(g.soort)}</TableCell>
                  <TableCell>{g.plekNaam}</TableCell>
                  <TableCell>{g.deelnemers.map((d) => `${d.naam} (${deelnemerRolNaam(d.rol).toLowerCase()})`).join(', ')}</TableCell>
                  <TableCell>
                    {g.verslag.verzondenOp
                      ? <StatusBadge status="safe">Verzonden {formatDag(g.verslag.verzondenOp)}</StatusBadge>
                      : <StatusBadge status="warning">Concept</StatusBadge>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {magSchrijven ? <Paragraph><KnopLink to={`/casussen/${casusId}/gesprekken/nieuw`}>Nieuw gesprek</KnopLink></Paragraph> : null}
    </section>
  );
}

function verschilTekst(v: number | null): { teken: string; tekst: string; soort: string } {
  if (v === null) return { teken: '', tekst: 'Nog niet te vergelijken', soort: 'geen' };
  if (v > 0) return { teken: '▲', tekst: `${v} hoger: zelfredzamer`, soort: 'beter' };
  if (v < 0) return { teken: '▼', tekst: `${-v} lager: minder zelfredzaam`, soort: 'slechter' };
  return { teken: '=', tekst: 'Gelijk gebleven', soort: 'gelijk' };
}

/** A tiny line of the series; the table next to it says the same in words. */
function Sparkline({ reeks }: { reeks: number[] }) {
  if (reeks.length < 2) return null;
  const b = 64;
  const h = 20;
  const x = (i: number) => (i * b) / (reeks.length - 1);
  const y = (s: number) => h - ((s - 1) / 4) * (h - 4) - 2;
  const punten = reeks.map((s, i) => `${x(i).toFixed(1)},${y(s).toFixed(1)}`).join(' ');
  return (
    <svg className="eenvoud-sparkline" width={b} height={h} viewBox={`-2 0 ${b + 4} ${h}`} aria-hidden="true" focusable="false">
      <polyline points={punten} fill="none" stroke="currentColor" strokeWidth="2" />
      {reeks.map((s, i) => <circle key={i} cx={x(i)} cy={y(s)} r="2.5" fill="currentColor" />)}
    </svg>
  );
}

export function ScoresTabel({ historie }: { historie: ScoreHistorie }) {
  // The columns: every conversation with a score, in date order.
  const kolommen = new Map<string, { datum: string; soort: string }>();
  for (const d of historie.domeinen) for (const r of d.reeks) kolommen.set(r.gesprekId, { datum: r.datum, soort: r.soort });
  const gesprekken = [...kolommen.entries()].sort((a, b) => a[1].datum.localeCompare(b[1].datum));
  if (gesprekken.length === 0) return <Paragraph className="eenvoud-leeg">Er zijn nog geen scores. Die komen er na het eerste gesprek.</Paragraph>;
  return (
    <div className="eenvoud-tabel">
      <Table className="eenvoud-scoretabel">
        <TableCaption>Scores per leefgebied ({historie.instrument.naam}); 1 is acute problematiek, 5 is volledig zelfredzaam</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Leefgebied</TableHeaderCell>
            {gesprekken.map(([id, g]) => (
              <TableHeaderCell scope="col" key={id}>{formatDatum(g.datum)} <span className="eenvoud-gedimd">({soortNaam(g.soort).toLowerCase()})</span></TableHeaderCell>
            ))}
            <TableHeaderCell scope="col">Verloop</TableHeaderCell>
            <TableHeaderCell scope="col">Verandering</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {historie.domeinen.map((d) => {
            const v = verschilTekst(d.verschil);
            return (
              <TableRow key={d.domein}>
                <TableHeaderCell scope="row">{d.naam}</TableHeaderCell>
                {gesprekken.map(([id]) => {
                  const r = d.reeks.find((x) => x.gesprekId === id);
                  return (
                    <TableCell key={id} className="eenvoud-score">
                      {r ? (
                        <span className="eenvoud-score__waarde">
                          <span className="eenvoud-score__getal">{r.score}</span>
                          <span className="eenvoud-score__balk" aria-hidden="true"><span style={{ inlineSize: `${r.score * 20}%` }} /></span>
                        </span>
                      ) : <span className="eenvoud-gedimd">niet besproken</span>}
                    </TableCell>
                  );
                })}
                <TableCell><Sparkline reeks={d.reeks.map((r) => r.score)} /></TableCell>
                <TableCell className={`eenvoud-verschil eenvoud-verschil--${v.soort}`}>
                  {v.teken ? <span aria-hidden="true">{v.teken} </span> : null}{v.tekst}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

export function ScoresSectie({ casusId }: { casusId: string }) {
  const scores = useScores(casusId);
  return (
    <section id="scores" aria-labelledby="kop-scores" className="eenvoud-sectie">
      <Heading2 id="kop-scores">Scores over tijd</Heading2>
      {scores.isPending ? <Laden tekst="De scores worden geladen…" /> : null}
      {scores.isError ? <Foutmelding fout={scores.error} /> : null}
      {scores.data ? <ScoresTabel historie={scores.data} /> : null}
      {scores.data ? (
        <Paragraph className="eenvoud-gedimd">
          De verandering vergelijkt het eerste en het laatste gesprek met dit instrument. Een hogere score betekent dat het huishouden zelfredzamer is.
        </Paragraph>
      ) : null}
    </section>
  );
}
