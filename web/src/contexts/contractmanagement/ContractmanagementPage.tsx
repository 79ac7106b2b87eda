/**
 * Contractmanagement: every provider side by side over a year — clients, flow, duration, volume,
 * spend against the contract ceiling, cost per client, refused declarations, lead times and the
 * outcomes of its clients — each figure with its signal as icon and word. Aggregates only.
 */
import { Heading1, Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useSearchParams } from 'react-router';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useVergelijking, type FiguurDefinitie, type FiguurId, type Vergelijking } from './api.ts';
import { JaarKeuze, SignaalLabel, formatFiguur, leesJaar, normTekst } from './onderdelen.tsx';

const KOLOMMEN: FiguurId[] = [
  'clienten', 'instroom', 'uitstroom', 'gemiddeldeDuur', 'volume', 'besteed', 'bestedingTovPlafond', 'kostenPerClient',
  'afkeurAandeel', 'toewijzingTotStart', 'verzoekTotAntwoord', 'zrmVerandering', 'goedGeholpen',
];

const SORTERINGEN = [
  { code: 'signalen', naam: 'Meeste signalen eerst' },
  { code: 'naam', naam: 'Naam (A–Z)' },
  { code: 'besteed', naam: 'Hoogste besteding eerst' },
  { code: 'bestedingTovPlafond', naam: 'Hoogste besteding tegenover plafond eerst' },
  { code: 'afkeurAandeel', naam: 'Meeste afkeuringen eerst' },
  { code: 'clienten', naam: 'Meeste cliënten eerst' },
] as const;
type Sortering = (typeof SORTERINGEN)[number]['code'];

type Rij = Vergelijking['rijen'][number];
function sorteer(rijen: readonly Rij[], op: Sortering): Rij[] {
  const naam = (a: Rij, b: Rij) => a.aanbieder.naam.localeCompare(b.aanbieder.naam, 'nl');
  const hoogste = (id: FiguurId) => (a: Rij, b: Rij) => (b.figuren[id].waarde ?? -Infinity) - (a.figuren[id].waarde ?? -Infinity) || naam(a, b);
  const vergelijk = op === 'naam' ? naam
    : op === 'signalen' ? (a: Rij, b: Rij) => b.signalen.rood - a.signalen.rood || b.signalen.oranje - a.signalen.oranje || naam(a, b)
      : hoogste(op);
  return [...rijen].sort(vergelijk);
}

export function ContractmanagementPage() {
  const [params, setParams] = useSearchParams();
  const huidig = new Date().getFullYear();
  const jaar = leesJaar(params);
  const sortering = (SORTERINGEN.find((s) => s.code === params.get('sorteer'))?.code ?? 'signalen') as Sortering;
  const data = useVergelijking(jaar);
  usePageTitle('Contractmanagement');

  const zet = (sleutel: string, waarde: string) => {
    const p = new URLSearchParams(params);
    p.set(sleutel, waarde);
    setParams(p, { replace: true });
  };

  return (
    <>
      <Heading1>Contractmanagement</Heading1>
      <Paragraph>
        Alle aanbieders naast elkaar over één jaar: cliënten, in- en uitstroom, duur, volume, besteding tegenover het contractplafond, kosten per cliënt,
        afgekeurde declaraties, doorlooptijden uit het berichtenverkeer en de uitkomsten voor hun cliënten. Bij elk cijfer met een norm staat het signaal.
        Alleen aantallen en bedragen, geen namen.
      </Paragraph>
      <form className="eenvoud-filters" aria-label="Jaar en volgorde kiezen" onSubmit={(e) => e.preventDefault()}>
        <JaarKeuze jaar={jaar ?? huidig} huidig={huidig} onKies={(j) => zet('jaar', String(j))} />
        <KeuzeVeld naam="sorteer" label="Sorteren op" value={sortering} onChange={(e) => zet('sorteer', e.target.value)}>
          {SORTERINGEN.map((s) => <SelectOption key={s.code} value={s.code}>{s.naam}</SelectOption>)}
        </KeuzeVeld>
      </form>
      {data.isPending ? <Laden tekst="De cijfers per aanbieder worden berekend…" /> : null}
      {data.isError ? <Foutmelding fout={data.error} /> : null}
      {data.data ? <Vergelijkingstabel v={data.data} sortering={sortering} /> : null}
      {data.data ? <Normen definities={data.data.definities} /> : null}
    </>
  );
}

function Vergelijkingstabel({ v, sortering }: { v: Vergelijking; sortering: Sortering }) {
  const def = new Map(v.definities.map((d) => [d.id, d]));
  const rijen = sorteer(v.rijen, sortering);
  if (rijen.length === 0) return <Paragraph className="eenvoud-leeg">Er zijn geen aanbieders met cijfers in {v.jaar}.</Paragraph>;
  const sortKolom = sortering === 'naam' || sortering === 'signalen' ? null : sortering;
  return (
    <div className="eenvoud-tabel">
      <Table>
        <TableCaption>
          Aanbieders in {v.jaar}{v.peildatum < v.tot ? ' tot vandaag' : ''}, {SORTERINGEN.find((s) => s.code === sortering)!.naam.toLowerCase()}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" aria-sort={sortering === 'naam' ? 'ascending' : undefined}>Aanbieder</TableHeaderCell>
            <TableHeaderCell scope="col" aria-sort={sortering === 'signalen' ? 'descending' : undefined}>Signalen</TableHeaderCell>
            {KOLOMMEN.map((id) => <TableHeaderCell key={id} scope="col" aria-sort={sortKolom === id ? 'descending' : undefined}>{def.get(id)?.naam ?? id}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.map((r) => (
            <TableRow key={r.aanbieder.id}>
              <TableHeaderCell scope="row">
                <RouterLink to={`/contractmanagement/${r.aanbieder.id}${v.jaar !== new Date().getFullYear() ? `?jaar=${v.jaar}` : ''}`}>{r.aanbieder.naam}</RouterLink>
              </TableHeaderCell>
              <TableCell className="eenvoud-nowrap">{signalenTekst(r.signalen)}</TableCell>
              {KOLOMMEN.map((id) => {
                const d = def.get(id)!;
                const f = r.figuren[id];
                return (
                  <TableCell key={id} className="eenvoud-nowrap">
                    {formatFiguur(f.waarde, d.eenheid)}
                    {d.norm !== null ? <><br /><SignaalLabel figuur={f} /></> : null}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export const signalenTekst = (s: { rood: number; oranje: number }): string => {
  if (s.rood === 0 && s.oranje === 0) return 'Geen';
  return [s.rood ? `${s.rood} niet op norm` : '', s.oranje ? `${s.oranje} let op` : ''].filter(Boolean).join(', ');
};

/** The norms in words, under the table: why a figure is orange or red. */
export function Normen({ definities }: { definities: FiguurDefinitie[] }) {
  return (
    <section aria-labelledby="kop-normen" className="eenvoud-sectie">
      <h2 id="kop-normen" className="utrecht-heading-2">Wat de cijfers betekenen en hun normen</h2>
      <dl className="eenvoud-datalist">
        {definities.map((d) => (
          <div key={d.id}>
            <dt><strong>{d.naam}</strong> — {normTekst(d)}</dt>
            <dd>{d.uitleg}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
