/**
 * Budget en realisatie (ADR 40): per law, product, provider, wijk or bekostiging the decided budget
 * for a year against the money really approved in declarations, and what may still be declared. The
 * page says which figure is an estimate and which is fact.
 */
import { Button, Heading1, Heading2, Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { KeuzeVeld } from '../../platform/form.tsx';
import { formatEuro } from '../../platform/geld.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useSession } from '../../platform/session.tsx';
import { vandaag } from '../../platform/format.ts';
import { useWetNaam } from '../besluit/onderdelen.tsx';
import { BESTEDING_PER, useBesteding, type BestedingPer, type BestedingRij } from './api.ts';
import { SturingNavigatie } from './filters.tsx';
import { downloadCsv } from './regels.ts';

const BEKOSTIGING: Record<string, string> = { inspanningsgericht: 'Inspanningsgericht', outputgericht: 'Outputgericht', taakgericht: 'Taakgericht', onbekend: 'Onbekend' };
const procent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function BestedingPage() {
  usePageTitle('Budget en realisatie');
  const [params, setParams] = useSearchParams();
  const huidigJaar = Number(vandaag().slice(0, 4));
  const jaar = Number(params.get('jaar')) || huidigJaar;
  const per = (BESTEDING_PER.some((p) => p.code === params.get('per')) ? params.get('per') : 'wet') as BestedingPer;
  const [invoer, setInvoer] = useState({ jaar: String(jaar), per });
  const q = useBesteding(jaar, per);
  const wetNaam = useWetNaam();
  const label = (r: BestedingRij) => (per === 'wet' ? wetNaam(r.label) : per === 'bekostiging' ? BEKOSTIGING[r.label] ?? r.label : r.label);
  const perNaam = BESTEDING_PER.find((p) => p.code === per)!.naam;
  // Inkoop reaches this page from its own menu and has no other part of Sturing.
  const { heeftRol } = useSession();
  const metSturing = heeftRol('beleid') || heeftRol('teamleider') || heeftRol('beheer');

  const onKies = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setParams(new URLSearchParams({ jaar: invoer.jaar, per: invoer.per }));
  };
  const jaren = Array.from({ length: 5 }, (_, i) => huidigJaar - 4 + i);
  const d = q.data;
  const download = () => {
    if (!d) return;
    downloadCsv(`budget-en-realisatie-${jaar}-per-${per}.csv`,
      [perNaam, 'Raming uit besluiten (euro)', 'Gerealiseerd uit declaraties (euro)', 'Nog te declareren, raming (euro)', 'Verwacht (euro)', 'Verschil met raming (euro)', 'Aandeel gedeclareerd', 'Voorzieningen'],
      [...d.rijen, d.totaal].map((r) => [r === d.totaal ? 'Totaal' : label(r), r.ramingCents / 100, r.gerealiseerdCents / 100, r.nogTeDeclarerenCents / 100, r.verwachtCents / 100, r.verschilCents / 100, procent(r.aandeelGedeclareerd), r.voorzieningen]));
  };

  return (
    <>
      <Heading1>Budget en realisatie</Heading1>
      <Paragraph appearance="lead">
        Wat de besluiten voor een jaar ramen, tegenover wat aanbieders declareerden en de gemeente toekende — per wet, product, aanbieder, wijk of bekostiging.
      </Paragraph>
      {metSturing ? <SturingNavigatie actief="besteding" /> : null}
      <form onSubmit={onKies} className="eenvoud-filters" aria-label="Jaar en indeling kiezen">
        <KeuzeVeld naam="jaar" label="Jaar" value={invoer.jaar} onChange={(e) => setInvoer({ ...invoer, jaar: e.target.value })}>
          {jaren.map((j) => <SelectOption key={j} value={String(j)}>{j}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="per" label="Per" value={invoer.per} onChange={(e) => setInvoer({ ...invoer, per: e.target.value as BestedingPer })}>
          {BESTEDING_PER.map((p) => <SelectOption key={p.code} value={p.code}>{p.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen"><Button appearance="secondary-action-button" type="submit">Tonen</Button></div>
      </form>
      <section aria-labelledby="kop-uitleg" className="eenvoud-sectie">
        <Heading2 id="kop-uitleg">Wat de kolommen betekenen</Heading2>
        <ul>
          <li><strong>Raming uit besluiten</strong>: het budget van de voorzieningen, naar rato van hun dagen in het jaar (zoals de kosten-KPI’s rekenen). Een raming, geen betaling.</li>
          <li><strong>Gerealiseerd</strong>: de goedgekeurde declaraties voor prestaties in het jaar, na creditering; een pgb telt als gerealiseerd zodra het aan de SVB is doorgegeven. Echt geld.</li>
          <li><strong>Nog te declareren</strong>: de raming voor de dagen na de laatst gedeclareerde periode, ook als die al voorbij zijn. Verwacht = gerealiseerd + nog te declareren.</li>
          <li><strong>Deel gedeclareerd</strong>: welk deel van de raming al door echt geld is vervangen.</li>
        </ul>
        <Paragraph>Taakgerichte contracten (een vast bedrag per maand, zonder cliënten) staan niet in deze tabel: die staan bij Betalingen en Contractmanagement.</Paragraph>
      </section>
      {q.isPending ? <Laden tekst="Budget en realisatie worden berekend…" /> : null}
      {q.isError ? <Foutmelding fout={q.error} /> : null}
      {d ? (
        <section aria-labelledby="kop-tabel" className="eenvoud-sectie">
          <Heading2 id="kop-tabel">{jaar}, per {perNaam.toLowerCase()}</Heading2>
          {d.rijen.length === 0 ? <Paragraph role="status" className="eenvoud-leeg">Er liepen in {jaar} geen voorzieningen.</Paragraph> : (
            <>
              <div className="eenvoud-tabel">
                <Table busy={q.isFetching}>
                  <TableCaption>Budget en realisatie {jaar} per {perNaam.toLowerCase()}, het grootste budget eerst</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{perNaam}</TableHeaderCell>
                      <TableHeaderCell scope="col">Raming uit besluiten</TableHeaderCell>
                      <TableHeaderCell scope="col">Gerealiseerd</TableHeaderCell>
                      <TableHeaderCell scope="col">Nog te declareren</TableHeaderCell>
                      <TableHeaderCell scope="col">Verwacht</TableHeaderCell>
                      <TableHeaderCell scope="col">Verschil</TableHeaderCell>
                      <TableHeaderCell scope="col">Deel gedeclareerd</TableHeaderCell>
                      <TableHeaderCell scope="col">Voorzieningen</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {d.rijen.map((r) => <Rij key={r.sleutel ?? 'leeg'} r={r} label={label(r)} />)}
                  </TableBody>
                  <TableFooter>
                    <Rij r={d.totaal} label="Totaal" />
                  </TableFooter>
                </Table>
              </div>
              <Button appearance="secondary-action-button" onClick={download}>Tabel downloaden (CSV)</Button>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}

function Rij({ r, label }: { r: BestedingRij; label: string }) {
  return (
    <TableRow>
      <TableHeaderCell scope="row">{label}</TableHeaderCell>
      <TableCell className="eenvoud-nowrap">{formatEuro(r.ramingCents)}</TableCell>
      <TableCell className="eenvoud-nowrap">{formatEuro(r.gerealiseerdCents)}</TableCell>
      <TableCell className="eenvoud-nowrap">{formatEuro(r.nogTeDeclarerenCents)}</TableCell>
      <TableCell className="eenvoud-nowrap">{formatEuro(r.verwachtCents)}</TableCell>
      <TableCell className="eenvoud-nowrap">{r.verschilCents > 0 ? '+' : ''}{formatEuro(r.verschilCents)}</TableCell>
      <TableCell>{procent(r.aandeelGedeclareerd)}</TableCell>
      <TableCell>{r.voorzieningen.toLocaleString('nl-NL')}</TableCell>
    </TableRow>
  );
}
