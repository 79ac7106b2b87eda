/**
 * The pilot monitor: does the new approach work in the pilot wijk? Three questions — what does it
 * cost, does the resident feel helped, how self-reliant is the resident — answered per indicator for
 * the pilot wijk against the other wijken and against the same wijk one and two years earlier, with
 * better or worse in words (following the KPI's direction), bars, a table and CSV.
 */
import {
  Button, ButtonGroup, Heading1, Heading2, Heading3, Heading4, Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
  UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useGebieden } from '../toegang/api.ts';
import { usePilotmonitor, type Figuur, type PilotIndicator, type Pilotmonitor } from './api.ts';
import { SturingNavigatie, laatste12Maanden, opsomming } from './filters.tsx';
import { SignaalBadge } from './onderdelen.tsx';
import { Kolomgrafiek } from './Staafgrafiek.tsx';
import {
  csvWaarde, downloadCsv, formatNormWaarde, formatPeriodeKort, formatVerschil, formatWaarde, normTekst, normVoorPeriode, oordeel, onderbouwing, signaalTekst, waardeKop, type Oordeel,
} from './regels.ts';

const VRAGEN: { vraag: string; uitleg: string; ids: string[] }[] = [
  {
    vraag: 'Wat kost het?', ids: ['kosten-per-inwoner', 'kosten-per-client', 'aandeel-meldingen-naar-maatwerk'],
    uitleg: 'De kosten van maatwerk per inwoner en per cliënt, en hoe vaak een melding tot maatwerk leidt.',
  },
  { vraag: 'Voelt de burger zich geholpen?', ids: ['aandeel-goed-geholpen'], uitleg: 'Hoeveel cliënten zeggen dat zij zich goed geholpen voelen.' },
  {
    vraag: 'Hoe zelfredzaam is de burger?', ids: ['zrm-verandering'],
    uitleg: 'Hoeveel de scores op de zelfredzaamheidsmatrix stijgen tussen het eerste gesprek en de evaluatie.',
  },
];

const KLEUREN = { pilot: '#24578f', overig: '#6b6b6b', jaar1: '#4a77a8', jaar2: '#7a5c99' };
const isDatum = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isUuid = (v: string | null): v is string => !!v && /^[0-9a-f-]{36}$/i.test(v);

const OORDEEL_TEKST: Record<Oordeel, string> = { beter: 'Pilotwijk beter', slechter: 'Pilotwijk slechter', gelijk: 'Gelijk' };

function OordeelTekst({ o }: { o: Oordeel | null }) {
  if (!o) return <span className="eenvoud-gedimd">Niet te vergelijken</span>;
  const teken = o === 'beter' ? '▲' : o === 'slechter' ? '▼' : '=';
  return <span className={`eenvoud-oordeel eenvoud-oordeel--${o}`}><span aria-hidden="true">{teken} </span>{OORDEEL_TEKST[o]}</span>;
}

interface Groep {
  naam: string;
  kort: string;
  van: string;
  tot: string;
  figuur: Figuur;
  verschil: number | null;
  kleur: string;
  pilot: boolean;
}

function groepen(i: PilotIndicator, m: Pilotmonitor): Groep[] {
  const [jaar1, jaar2] = i.eerder;
  return [
    { naam: `${m.wijk.naam} (pilotwijk)`, kort: 'Pilotwijk', van: m.van, tot: m.tot, figuur: i.pilot, verschil: null, kleur: KLEUREN.pilot, pilot: true },
    { naam: 'Andere wijken', kort: 'Andere wijken', van: m.van, tot: m.tot, figuur: i.overig, verschil: i.verschilMetOverig, kleur: KLEUREN.overig, pilot: false },
    ...(jaar1 ? [{ naam: `${m.wijk.naam}, een jaar eerder`, kort: 'Een jaar eerder', van: jaar1.van, tot: jaar1.tot, figuur: jaar1, verschil: jaar1.verschil, kleur: KLEUREN.jaar1, pilot: false }] : []),
    ...(jaar2 ? [{ naam: `${m.wijk.naam}, twee jaar eerder`, kort: 'Twee jaar eerder', van: jaar2.van, tot: jaar2.tot, figuur: jaar2, verschil: jaar2.verschil, kleur: KLEUREN.jaar2, pilot: false }] : []),
  ];
}

/**
 * The comparison in words, grouped by outcome: "Beter dan de andere wijken (−10 procentpunt). Even
 * goed als een jaar eerder. Niet te vergelijken met twee jaar eerder: daar zijn geen gegevens."
 */
function samenvatting(i: PilotIndicator, g: Groep[]): string {
  if (i.pilot.waarde === null) return 'Nog niet te vergelijken: voor de pilotwijk zijn er in deze periode geen gegevens.';
  const wie = (x: Groep) => (x.kort === 'Andere wijken' ? 'de andere wijken' : x.kort.toLowerCase());
  const andere = g.filter((x) => !x.pilot);
  const met = (o: Oordeel | null) => andere.filter((x) => oordeel(x.verschil, i.richting) === o);
  return [
    met('beter').length ? `Beter dan ${opsomming(met('beter').map((x) => `${wie(x)} (${formatVerschil(x.verschil, i)})`))}.` : null,
    met('slechter').length ? `Slechter dan ${opsomming(met('slechter').map((x) => `${wie(x)} (${formatVerschil(x.verschil, i)})`))}.` : null,
    met('gelijk').length ? `Even goed als ${opsomming(met('gelijk').map(wie))}.` : null,
    met(null).length ? `Niet te vergelijken met ${opsomming(met(null).map(wie))}: daar zijn geen gegevens.` : null,
  ].filter(Boolean).join(' ');
}

export function PilotmonitorPage() {
  usePageTitle('Sturing: pilotmonitor');
  const [params, setParams] = useSearchParams();
  const standaard = laatste12Maanden();
  const gekozen = {
    wijk: isUuid(params.get('wijk')) ? params.get('wijk')! : '',
    van: isDatum(params.get('van')) ? params.get('van')! : standaard.van,
    tot: isDatum(params.get('tot')) ? params.get('tot')! : standaard.tot,
  };
  const [invoer, setInvoer] = useState(gekozen);
  const sleutel = `${gekozen.wijk}|${gekozen.van}|${gekozen.tot}`;
  // Back and forward: the fields follow the URL.
  useEffect(() => setInvoer({ ...gekozen }), [sleutel]);
  const [fout, setFout] = useState<string | null>(null);
  const gebieden = useGebieden();
  const vanNaTot = gekozen.van > gekozen.tot;
  const monitor = usePilotmonitor(gekozen.wijk || undefined, gekozen, { enabled: !vanNaTot });

  const onTonen = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!invoer.wijk) {
      setFout('Kies de pilotwijk.');
      return;
    }
    setFout(null);
    const p = new URLSearchParams({ wijk: invoer.wijk });
    if (invoer.van !== standaard.van || invoer.tot !== standaard.tot) {
      p.set('van', invoer.van);
      p.set('tot', invoer.tot);
    }
    setParams(p);
  };

  return (
    <>
      <Heading1>Pilotmonitor</Heading1>
      <Paragraph appearance="lead">
        Werkt de nieuwe aanpak in de pilotwijk? De pilotmonitor zet de pilotwijk naast de andere wijken, en naast dezelfde wijk een jaar en twee jaar eerder.
      </Paragraph>
      <SturingNavigatie actief="pilotmonitor" />
      <Paragraph>Drie vragen staan centraal:</Paragraph>
      <UnorderedList className="eenvoud-vragen">
        {VRAGEN.map((v) => <UnorderedListItem key={v.vraag}><strong>{v.vraag}</strong> {v.uitleg}</UnorderedListItem>)}
      </UnorderedList>

      <form onSubmit={onTonen} noValidate className="eenvoud-filters" aria-label="Pilotwijk en periode kiezen">
        <KeuzeVeld naam="wijk" label="Pilotwijk" value={invoer.wijk} fout={fout ?? undefined} onChange={(e) => setInvoer({ ...invoer, wijk: e.target.value })}>
          <SelectOption value="">Kies een wijk</SelectOption>
          {(gebieden.data ?? []).map((k) => (
            <optgroup key={k.id} label={`Kern ${k.naam}`}>
              {k.wijken.map((w) => <SelectOption key={w.id} value={w.id}>{w.naam}</SelectOption>)}
            </optgroup>
          ))}
        </KeuzeVeld>
        <TekstVeld naam="van" label="Van" type="date" value={invoer.van} onChange={(e) => setInvoer({ ...invoer, van: e.target.value })} />
        <TekstVeld naam="tot" label="Tot en met" type="date" value={invoer.tot} onChange={(e) => setInvoer({ ...invoer, tot: e.target.value })} />
        <div className="eenvoud-filters__knoppen">
          <Button appearance="primary-action-button" type="submit">Toon de pilotmonitor</Button>
        </div>
      </form>

      {vanNaTot ? <Paragraph className="eenvoud-leeg">De begindatum ligt na de einddatum. Kies een andere periode.</Paragraph> : null}
      {!gekozen.wijk ? <Paragraph className="eenvoud-leeg">Kies een pilotwijk om de cijfers te zien.</Paragraph> : null}
      {monitor.isFetching && !monitor.data ? <Laden tekst="De pilotmonitor wordt berekend…" /> : null}
      {monitor.error ? <Foutmelding fout={monitor.error} /> : null}
      {monitor.data && gekozen.wijk ? <Monitor m={monitor.data} /> : null}
    </>
  );
}

function Monitor({ m }: { m: Pilotmonitor }) {
  const periode = `${formatDatum(m.van)} tot en met ${formatDatum(m.tot)}`;
  const bekend = new Set(VRAGEN.flatMap((v) => v.ids));
  const overige = m.indicatoren.filter((i) => !bekend.has(i.id));
  const indeling = [
    ...VRAGEN.map((v) => ({ vraag: v.vraag, uitleg: v.uitleg, indicatoren: v.ids.map((id) => m.indicatoren.find((i) => i.id === id)).filter((i): i is PilotIndicator => !!i) })),
    ...(overige.length > 0 ? [{ vraag: 'Overige indicatoren', uitleg: '', indicatoren: overige }] : []),
  ].filter((v) => v.indicatoren.length > 0);

  const exporteer = () => downloadCsv(
    `pilotmonitor-${m.wijk.naam.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${m.van}-${m.tot}.csv`,
    ['Indicator', 'Eenheid', 'Groep', 'Van', 'Tot en met', 'Waarde', 'Teller', 'Noemer', 'Signaal', 'Verschil (pilotwijk min deze groep)', 'Oordeel'],
    m.indicatoren.flatMap((i) => groepen(i, m).map((g) => [
      i.naam, waardeKop(i.eenheid), g.naam, g.van, g.tot, csvWaarde(g.figuur.waarde, i.eenheid), g.figuur.teller, g.figuur.noemer,
      signaalTekst(g.figuur.signaal, g.figuur.waarde !== null, i.norm !== null),
      g.pilot ? null : csvWaarde(g.verschil, i.eenheid), g.pilot ? null : (() => { const o = oordeel(g.verschil, i.richting); return o ? OORDEEL_TEKST[o] : 'Niet te vergelijken'; })(),
    ])),
  );

  return (
    <section aria-labelledby="kop-monitor" className="eenvoud-sectie">
      <Heading2 id="kop-monitor">Pilotwijk {m.wijk.naam} (kern {m.wijk.kern})</Heading2>
      <Paragraph role="status" className="eenvoud-gedimd">
        Periode: {periode}. Vergeleken met de andere wijken in dezelfde periode, en met {m.wijk.naam} een jaar en twee jaar eerder.
      </Paragraph>

      <div className="eenvoud-tabel">
        <Table>
          <TableCaption>Samenvatting: pilotwijk {m.wijk.naam} tegenover de andere wijken, {periode}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Indicator</TableHeaderCell>
              <TableHeaderCell scope="col">{m.wijk.naam}</TableHeaderCell>
              <TableHeaderCell scope="col">Andere wijken</TableHeaderCell>
              <TableHeaderCell scope="col">Verschil: pilotwijk min andere wijken</TableHeaderCell>
              <TableHeaderCell scope="col">Oordeel</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {m.indicatoren.map((i) => (
              <TableRow key={i.id}>
                <TableHeaderCell scope="row" className="eenvoud-kolom-kpi"><a className="utrecht-link utrecht-link--html-a" href={`#pilot-${i.id}`}>{i.naam}</a></TableHeaderCell>
                <TableCell className="eenvoud-nowrap">{formatWaarde(i.pilot.waarde, i)}</TableCell>
                <TableCell className="eenvoud-nowrap">{formatWaarde(i.overig.waarde, i)}</TableCell>
                <TableCell className="eenvoud-nowrap">{formatVerschil(i.verschilMetOverig, i)}</TableCell>
                <TableCell><OordeelTekst o={oordeel(i.verschilMetOverig, i.richting)} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ButtonGroup>
        <Button appearance="secondary-action-button" type="button" onClick={exporteer}>Pilotmonitor downloaden als CSV</Button>
      </ButtonGroup>

      {indeling.map((v) => (
        <section key={v.vraag} aria-labelledby={`vraag-${v.vraag.replace(/\W+/g, '-')}`} className="eenvoud-sectie eenvoud-pilotvraag">
          <Heading3 id={`vraag-${v.vraag.replace(/\W+/g, '-')}`}>{v.vraag}</Heading3>
          {v.uitleg ? <Paragraph>{v.uitleg}</Paragraph> : null}
          <ul className="eenvoud-pilotlijst">
            {v.indicatoren.map((i) => <li key={i.id}><Indicator i={i} m={m} /></li>)}
          </ul>
        </section>
      ))}
    </section>
  );
}

function Indicator({ i, m }: { i: PilotIndicator; m: Pilotmonitor }) {
  const g = groepen(i, m);
  const kopId = `pilot-${i.id}-kop`;
  const norm = normVoorPeriode(i, i);
  const beschrijving = `Staafdiagram van ${i.naam.charAt(0).toLowerCase()}${i.naam.slice(1)}: ${
    g.map((x) => `${x.naam} ${x.figuur.waarde === null ? 'geen gegevens' : formatWaarde(x.figuur.waarde, i)}`).join(', ')
  }.${norm !== null ? ` De stippellijn is de norm van ${formatNormWaarde(norm, i)}${i.normPer === 'jaar' ? ' voor deze periode' : ''}.` : ''}`;
  return (
    <article aria-labelledby={kopId} id={`pilot-${i.id}`} className="eenvoud-kpi eenvoud-pilot">
      <Heading4 id={kopId} className="eenvoud-kpi__naam">{i.naam}</Heading4>
      <div className="eenvoud-kpi__cijfers">
        <p className="eenvoud-kpi__waarde">{formatWaarde(i.pilot.waarde, i)}</p>
        <SignaalBadge signaal={i.pilot.signaal} heeftWaarde={i.pilot.waarde !== null} heeftNorm={i.norm !== null} />
      </div>
      <p className="eenvoud-kpi__regel">In {m.wijk.naam}{i.pilot.noemer > 0 || i.eenheid === 'aantal' ? `: ${onderbouwing(i, i.pilot.teller, i.pilot.noemer) ?? ''}` : ': nog niets gemeten in deze periode'}</p>
      <p className="eenvoud-kpi__regel eenvoud-kpi__norm">
        {normTekst(i, i)}. {i.richting === 'lagerIsBeter' ? 'Lager is beter.' : 'Hoger is beter.'}
      </p>
      <p className="eenvoud-pilot__samenvatting">{samenvatting(i, g)}</p>
      <div className="eenvoud-pilot__inhoud">
        <figure className="eenvoud-kpi__figuur eenvoud-pilot__grafiek">
          <Kolomgrafiek staven={g.map((x) => ({ naam: x.kort, waarde: x.figuur.waarde, kleur: x.kleur }))} maat={i} norm={norm} beschrijving={beschrijving} />
          <figcaption className="eenvoud-gedimd">De pilotwijk (blauw), de andere wijken (grijs) en de pilotwijk een en twee jaar eerder.{i.norm !== null ? ' De rode stippellijn is de norm.' : ''}</figcaption>
        </figure>
        <div className="eenvoud-tabel eenvoud-pilot__tabel" tabIndex={0} role="region" aria-label={`${i.naam}: tabel`}>
          <Table>
            <TableCaption>{i.naam}: pilotwijk {m.wijk.naam} vergeleken</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Groep</TableHeaderCell>
                <TableHeaderCell scope="col">Periode</TableHeaderCell>
                <TableHeaderCell scope="col">Waarde</TableHeaderCell>
                <TableHeaderCell scope="col">Verschil: pilotwijk min deze groep</TableHeaderCell>
                <TableHeaderCell scope="col">Oordeel</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.map((x) => (
                <TableRow key={x.naam}>
                  <TableHeaderCell scope="row">{x.naam}</TableHeaderCell>
                  <TableCell className="eenvoud-nowrap">{formatPeriodeKort(x.van, x.tot)}</TableCell>
                  <TableCell>
                    <span className="eenvoud-nowrap">{formatWaarde(x.figuur.waarde, i)}</span>
                    {x.figuur.noemer > 0 && i.eenheid !== 'aantal' ? <span className="eenvoud-gedimd eenvoud-blok">{onderbouwing(i, x.figuur.teller, x.figuur.noemer)}</span> : null}
                  </TableCell>
                  <TableCell className="eenvoud-nowrap">{x.pilot ? '—' : formatVerschil(x.verschil, i)}</TableCell>
                  <TableCell>{x.pilot ? '—' : <OordeelTekst o={oordeel(x.verschil, i.richting)} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
    </article>
  );
}
