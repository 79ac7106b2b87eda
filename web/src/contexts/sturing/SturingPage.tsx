/**
 * Sturing: the KPIs per level (strategisch, tactisch, operationeel) with their norm and signal, the
 * trend per month and the numbers as a table to download. Level and filters live in the URL.
 */
import {
  Alert, Button, ButtonGroup, Heading1, Heading2, Heading3, Paragraph, PrimaryActionButton, SelectOption, StatusBadge, Table, TableBody,
  TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useGebieden, useWaardelijsten } from '../toegang/api.ts';
import {
  NIVEAUS, isNiveau, useKpiWaarden, useKpis, useZetNorm, type KpiDefinitie, type KpiFilter, type KpiWaarde, type Niveau,
} from './api.ts';
import {
  SIGNAAL_BADGE, alsInvoer, csvWaarde, downloadCsv, formatMaand, formatNormWaarde, formatWaarde, leesGetal, normTekst, signaalTekst,
} from './regels.ts';
import { Trendgrafiek } from './Trendgrafiek.tsx';

const isDatum = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** 1 January of this year up to today. */
function ditJaar(): { van: string; tot: string } {
  const tot = vandaag();
  return { van: `${tot.slice(0, 4)}-01-01`, tot };
}

/** The same day a year ago (plus one day) up to today: twelve whole months. */
function laatste12Maanden(): { van: string; tot: string } {
  const tot = vandaag();
  const d = new Date(`${tot}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return { van: d.toISOString().slice(0, 10), tot };
}

interface Keuzes extends KpiFilter {
  niveau: Niveau;
}

function leesKeuzes(params: URLSearchParams): Keuzes {
  const standaard = ditJaar();
  const niveau = params.get('niveau');
  return {
    niveau: isNiveau(niveau) ? niveau : 'strategisch',
    van: isDatum(params.get('van')) ? params.get('van')! : standaard.van,
    tot: isDatum(params.get('tot')) ? params.get('tot')! : standaard.tot,
    wet: params.get('wet') || undefined,
    kern: params.get('kern') || undefined,
  };
}

function naarParams(k: Keuzes): URLSearchParams {
  const p = new URLSearchParams();
  if (k.niveau !== 'strategisch') p.set('niveau', k.niveau);
  const standaard = ditJaar();
  if (k.van !== standaard.van || k.tot !== standaard.tot) {
    p.set('van', k.van);
    p.set('tot', k.tot);
  }
  if (k.wet) p.set('wet', k.wet);
  if (k.kern) p.set('kern', k.kern);
  return p;
}

export function SturingPage() {
  const [params, setParams] = useSearchParams();
  const keuzes = leesKeuzes(params);
  const niveau = NIVEAUS.find((n) => n.code === keuzes.niveau)!;
  usePageTitle(`Sturing: ${niveau.naam.toLowerCase()}`);
  const { heeftRol } = useSession();
  const magNormZetten = heeftRol('beleid');

  const kpis = useKpis();
  const lijsten = useWaardelijsten();
  const gebieden = useGebieden();
  const vanNaTot = keuzes.van > keuzes.tot;
  const vanNiveau = (kpis.data ?? []).filter((k) => k.niveau === keuzes.niveau);
  const waarden = useKpiWaarden(vanNiveau, keuzes, { enabled: !vanNaTot });

  const wetNaam = keuzes.wet ? lijsten.data?.wetten.find((w) => w.code === keuzes.wet)?.naam ?? keuzes.wet : null;
  const kernNaam = keuzes.kern ? gebieden.data?.find((k) => k.id === keuzes.kern)?.naam ?? 'de gekozen kern' : null;
  const filterTekst = [
    `${formatDatum(keuzes.van)} tot en met ${formatDatum(keuzes.tot)}`,
    wetNaam ? `wet: ${wetNaam}` : null,
    kernNaam ? `kern: ${kernNaam}` : null,
  ].filter(Boolean).join(', ');

  const naar = (wijziging: Partial<Keuzes>) => `?${naarParams({ ...keuzes, ...wijziging }).toString()}`;

  return (
    <>
      <Heading1>Sturing</Heading1>
      <Paragraph appearance="lead">
        Sturingsinformatie: KPI’s met hun norm en signaal, en de trend per maand. Alleen aantallen, nooit gegevens van inwoners.
      </Paragraph>

      <nav aria-label="Niveau" className="eenvoud-tabs">
        <ul>
          {NIVEAUS.map((n) => (
            <li key={n.code}>
              <Link
                to={naar({ niveau: n.code })} aria-current={n.code === keuzes.niveau ? 'page' : undefined}
                className="utrecht-link utrecht-link--html-a eenvoud-tabs__link"
              >
                {n.naam}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Filters keuzes={keuzes} onKies={(k) => setParams(naarParams(k))} />

      <Heading2 className="eenvoud-niveaukop">{niveau.naam}</Heading2>
      <Paragraph>{niveau.omschrijving}</Paragraph>
      <Paragraph className="eenvoud-gedimd" role="status">Periode en filters: {filterTekst}.</Paragraph>

      {vanNaTot ? (
        <Alert type="error"><Paragraph>De begindatum ligt na de einddatum. Kies een andere periode.</Paragraph></Alert>
      ) : null}
      {kpis.isPending ? <Laden tekst="De KPI’s worden geladen…" /> : null}
      {kpis.error ? <Foutmelding fout={kpis.error} /> : null}
      {kpis.data && !vanNaTot ? (
        <>
          <Signalen kpis={vanNiveau} waarden={waarden} />
          <Overzicht kpis={vanNiveau} waarden={waarden} niveau={niveau.naam} filterTekst={filterTekst} keuzes={keuzes} />
          <section aria-labelledby="kop-kpis" className="eenvoud-sectie">
            <Heading2 id="kop-kpis">De KPI’s</Heading2>
            <ul className="eenvoud-kpis">
              {vanNiveau.map((k, i) => (
                <li key={k.id}>
                  <KpiKaart kpi={k} waarde={waarden[i]!} keuzes={keuzes} wetNaam={wetNaam} kernNaam={kernNaam} magNormZetten={magNormZetten} />
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

function Filters({ keuzes, onKies }: { keuzes: Keuzes; onKies: (k: Keuzes) => void }) {
  const lijsten = useWaardelijsten();
  const gebieden = useGebieden();
  const [invoer, setInvoer] = useState(keuzes);
  const sleutel = naarParams(keuzes).toString();
  // Back, forward or a quick choice: the fields follow the URL.
  useEffect(() => setInvoer(leesKeuzes(new URLSearchParams(sleutel))), [sleutel]);

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onKies({ ...invoer, niveau: keuzes.niveau });
  };
  const snel = (periode: { van: string; tot: string }) => onKies({ ...invoer, ...periode, niveau: keuzes.niveau });

  return (
    <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="KPI’s filteren">
      <TekstVeld naam="van" label="Van" type="date" value={invoer.van} onChange={(e) => setInvoer({ ...invoer, van: e.target.value })} />
      <TekstVeld naam="tot" label="Tot en met" type="date" value={invoer.tot} onChange={(e) => setInvoer({ ...invoer, tot: e.target.value })} />
      <KeuzeVeld naam="wet" label="Wet" value={invoer.wet ?? ''} onChange={(e) => setInvoer({ ...invoer, wet: e.target.value || undefined })}>
        <SelectOption value="">Alle wetten</SelectOption>
        {(lijsten.data?.wetten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
      </KeuzeVeld>
      <KeuzeVeld naam="kern" label="Kern" value={invoer.kern ?? ''} onChange={(e) => setInvoer({ ...invoer, kern: e.target.value || undefined })}>
        <SelectOption value="">Alle kernen</SelectOption>
        {(gebieden.data ?? []).map((k) => <SelectOption key={k.id} value={k.id}>{k.naam}</SelectOption>)}
      </KeuzeVeld>
      <div className="eenvoud-filters__knoppen">
        <Button appearance="secondary-action-button" type="submit">Filteren</Button>
      </div>
      <div className="eenvoud-filters__snel" role="group" aria-label="Snelkeuze periode">
        <span>Snelkeuze periode:</span>
        <Button appearance="subtle-button" type="button" onClick={() => snel(ditJaar())}>Dit jaar</Button>
        <Button appearance="subtle-button" type="button" onClick={() => snel(laatste12Maanden())}>Laatste 12 maanden</Button>
      </div>
    </form>
  );
}

type Waarde = UseQueryResult<KpiWaarde>;

function SignaalBadge({ kpi, waarde }: { kpi: KpiDefinitie; waarde: KpiWaarde }) {
  const tekst = signaalTekst(waarde.signaal, waarde.waarde !== null, kpi.norm !== null);
  return <StatusBadge status={waarde.signaal ? SIGNAAL_BADGE[waarde.signaal] : 'neutral'}>{tekst}</StatusBadge>;
}

function Signalen({ kpis, waarden }: { kpis: KpiDefinitie[]; waarden: Waarde[] }) {
  const bezig = waarden.some((w) => w.isPending);
  const signalen = kpis
    .map((k, i) => ({ kpi: k, w: waarden[i]?.data }))
    .filter((s): s is { kpi: KpiDefinitie; w: KpiWaarde } => !!s.w && (s.w.signaal === 'oranje' || s.w.signaal === 'rood'))
    .sort((a, b) => (a.w.signaal === b.w.signaal ? 0 : a.w.signaal === 'rood' ? -1 : 1));
  return (
    <section aria-labelledby="kop-signalen" className="eenvoud-sectie eenvoud-signalen">
      <Heading2 id="kop-signalen">Signalen</Heading2>
      {bezig ? <Laden tekst="De signalen worden berekend…" /> : signalen.length === 0 ? (
        <Paragraph className="eenvoud-leeg">Geen signalen: elke KPI op dit niveau is op norm, of heeft geen norm of geen gegevens.</Paragraph>
      ) : (
        <ul className="eenvoud-signaallijst">
          {signalen.map(({ kpi, w }) => (
            <li key={kpi.id} className={`eenvoud-signaal eenvoud-signaal--${w.signaal}`}>
              <strong>{w.signaal === 'rood' ? 'Niet op norm' : 'Let op'}:</strong>{' '}
              <a className="utrecht-link utrecht-link--html-a" href={`#kpi-${kpi.id}`}>{kpi.naam}</a>{' '}
              is {formatWaarde(w.waarde, kpi.eenheid)}; {normTekst(kpi).replace(/^Norm: /, 'de norm is ')}.
              {w.signaal === 'oranje' ? ' Het verschil valt binnen de marge.' : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Overzicht({ kpis, waarden, niveau, filterTekst, keuzes }: {
  kpis: KpiDefinitie[]; waarden: Waarde[]; niveau: string; filterTekst: string; keuzes: Keuzes;
}) {
  const exporteer = () => downloadCsv(
    `kpis-${niveau.toLowerCase()}-${keuzes.van}-${keuzes.tot}.csv`,
    ['KPI', 'Eenheid', 'Waarde', 'Teller', 'Noemer', 'Norm', 'Richting', 'Signaal', 'Van', 'Tot en met', 'Wet', 'Kern'],
    kpis.map((k, i) => {
      const w = waarden[i]?.data;
      return [
        k.naam, k.eenheid === 'aandeel' ? 'procent' : 'aantal', w ? csvWaarde(w.waarde, k.eenheid) : null, w?.teller ?? null, k.eenheid === 'aandeel' ? w?.noemer ?? null : null,
        k.norm === null ? null : csvWaarde(k.norm, k.eenheid), k.richting === 'lagerIsBeter' ? 'ten hoogste' : 'ten minste',
        w ? signaalTekst(w.signaal, w.waarde !== null, k.norm !== null) : null, keuzes.van, keuzes.tot,
        k.dimensies.includes('wet') ? keuzes.wet ?? 'alle' : 'n.v.t.', k.dimensies.includes('kern') ? keuzes.kern ?? 'alle' : 'n.v.t.',
      ];
    }),
  );
  return (
    <section aria-labelledby="kop-overzicht" className="eenvoud-sectie">
      <Heading2 id="kop-overzicht">Overzicht</Heading2>
      <div className="eenvoud-tabel">
        <Table busy={waarden.some((w) => w.isFetching)}>
          <TableCaption>Alle KPI’s op niveau {niveau.toLowerCase()}, {filterTekst}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">KPI</TableHeaderCell>
              <TableHeaderCell scope="col">Waarde</TableHeaderCell>
              <TableHeaderCell scope="col">Teller van noemer</TableHeaderCell>
              <TableHeaderCell scope="col">Norm</TableHeaderCell>
              <TableHeaderCell scope="col">Signaal</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {kpis.map((k, i) => {
              const w = waarden[i]?.data;
              return (
                <TableRow key={k.id}>
                  <TableHeaderCell scope="row" className="eenvoud-kolom-kpi">{k.naam}</TableHeaderCell>
                  <TableCell className="eenvoud-nowrap">{w ? formatWaarde(w.waarde, k.eenheid) : '…'}</TableCell>
                  <TableCell className="eenvoud-nowrap">{w && k.eenheid === 'aandeel' ? `${w.teller} van ${w.noemer}` : '—'}</TableCell>
                  <TableCell>{normTekst(k).replace(/^Norm: /, '')}</TableCell>
                  <TableCell>{w ? <SignaalBadge kpi={k} waarde={w} /> : '…'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <ButtonGroup>
        <Button appearance="secondary-action-button" type="button" onClick={exporteer}>Overzicht downloaden als CSV</Button>
      </ButtonGroup>
    </section>
  );
}

function KpiKaart({ kpi, waarde, keuzes, wetNaam, kernNaam, magNormZetten }: {
  kpi: KpiDefinitie; waarde: Waarde; keuzes: Keuzes; wetNaam: string | null; kernNaam: string | null; magNormZetten: boolean;
}) {
  const kopId = `kpi-${kpi.id}-kop`;
  const tabelId = useId();
  const [alsTabel, setAlsTabel] = useState(false);
  const w = waarde.data;
  const notities = [
    wetNaam && !kpi.dimensies.includes('wet') ? `Het filter op wet (${wetNaam}) geldt niet voor deze KPI: zij is niet per wet uit te splitsen.` : null,
    kernNaam && !kpi.dimensies.includes('kern') ? `Het filter op kern (${kernNaam}) geldt niet voor deze KPI: zij is niet per kern uit te splitsen.` : null,
    !kpi.dimensies.includes('periode') ? 'Dit is een stand van nu: de gekozen periode geldt niet voor deze KPI, en er is geen trend per maand.' : null,
  ].filter((n): n is string => !!n);

  const beschrijving = w && w.reeks.length > 0
    ? `Lijngrafiek van ${kpi.naam.charAt(0).toLowerCase()}${kpi.naam.slice(1)} per maand, van ${formatMaand(w.reeks[0]!.periode)} tot en met ${formatMaand(w.reeks.at(-1)!.periode)}: ${
      w.reeks.map((p) => `${formatMaand(p.periode)} ${formatWaarde(p.waarde, kpi.eenheid) === '—' ? 'geen gegevens' : formatWaarde(p.waarde, kpi.eenheid)}`).join(', ')
    }.${kpi.norm !== null ? ` De stippellijn is de norm van ${formatNormWaarde(kpi.norm, kpi.eenheid)}.` : ''}`
    : '';

  const exporteer = () => {
    if (!w) return;
    downloadCsv(
      `${kpi.id}-${keuzes.van}-${keuzes.tot}.csv`,
      kpi.eenheid === 'aandeel' ? ['Maand', 'Waarde (%)', 'Teller', 'Noemer'] : ['Maand', 'Aantal'],
      w.reeks.map((p) => (kpi.eenheid === 'aandeel' ? [p.periode, csvWaarde(p.waarde, kpi.eenheid), p.teller, p.noemer] : [p.periode, p.waarde])),
    );
  };

  return (
    <article aria-labelledby={kopId} id={`kpi-${kpi.id}`} className={`eenvoud-kpi eenvoud-kpi--${w?.signaal ?? 'geen'}`}>
      <Heading3 id={kopId} className="eenvoud-kpi__naam">{kpi.naam}</Heading3>
      {waarde.isPending ? <Laden tekst="De waarde wordt berekend…" /> : null}
      {waarde.error ? <Foutmelding fout={waarde.error} /> : null}
      {w ? (
        <>
          <div className="eenvoud-kpi__cijfers">
            <p className="eenvoud-kpi__waarde">{formatWaarde(w.waarde, kpi.eenheid)}</p>
            <SignaalBadge kpi={kpi} waarde={w} />
          </div>
          {kpi.eenheid === 'aandeel' ? (
            <p className="eenvoud-kpi__regel">{w.noemer > 0 ? `${w.teller} van ${w.noemer}` : 'Nog niets gemeten in deze periode'}</p>
          ) : null}
          <p className="eenvoud-kpi__regel eenvoud-kpi__norm">{normTekst(kpi)}</p>
        </>
      ) : null}
      {notities.map((n) => <p key={n} className="eenvoud-kpi__notitie">{n}</p>)}
      <details className="eenvoud-kpi__uitleg">
        <summary>Wat meet deze KPI?</summary>
        <p>{kpi.uitleg}</p>
        <p className="eenvoud-gedimd">Bron: {kpi.bron}.</p>
      </details>

      {w && w.reeks.length > 0 ? (
        <>
          <figure className="eenvoud-kpi__figuur">
            <Trendgrafiek reeks={w.reeks} eenheid={kpi.eenheid} norm={kpi.norm} beschrijving={beschrijving} />
            <figcaption className="eenvoud-gedimd">Trend per maand{kpi.norm !== null ? '; de rode stippellijn is de norm' : ''}.</figcaption>
          </figure>
          <ButtonGroup>
            <Button appearance="subtle-button" type="button" aria-expanded={alsTabel} aria-controls={tabelId} onClick={() => setAlsTabel(!alsTabel)}>
              {alsTabel ? 'Verberg tabel' : 'Toon als tabel'}
            </Button>
          </ButtonGroup>
          <div id={tabelId} hidden={!alsTabel}>
            {alsTabel ? (
              <>
                <div className="eenvoud-tabel">
                  <Table>
                    <TableCaption>{kpi.naam} per maand</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">Maand</TableHeaderCell>
                        <TableHeaderCell scope="col">{kpi.eenheid === 'aandeel' ? 'Waarde' : 'Aantal'}</TableHeaderCell>
                        {kpi.eenheid === 'aandeel' ? <TableHeaderCell scope="col">Teller van noemer</TableHeaderCell> : null}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {w.reeks.map((p) => (
                        <TableRow key={p.periode}>
                          <TableHeaderCell scope="row">{formatMaand(p.periode)}</TableHeaderCell>
                          <TableCell>{formatWaarde(p.waarde, kpi.eenheid)}</TableCell>
                          {kpi.eenheid === 'aandeel' ? <TableCell>{p.teller} van {p.noemer}</TableCell> : null}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
                <ButtonGroup>
                  <Button appearance="secondary-action-button" type="button" onClick={exporteer}>Tabel downloaden als CSV</Button>
                </ButtonGroup>
              </>
            ) : null}
          </div>
        </>
      ) : null}

      {magNormZetten ? <NormFormulier kpi={kpi} /> : null}
    </article>
  );
}

function NormFormulier({ kpi }: { kpi: KpiDefinitie }) {
  const aandeel = kpi.eenheid === 'aandeel';
  const schaal = aandeel ? 100 : 1;
  const [norm, setNorm] = useState(kpi.norm === null ? '' : alsInvoer(kpi.norm * schaal));
  const [marge, setMarge] = useState(alsInvoer(kpi.marge * schaal));
  const [gelukt, setGelukt] = useState<string | null>(null);
  const { probleem, setProbleem, fouten } = useProbleem();
  const zet = useZetNorm(kpi.id);
  const formId = useId();

  const onOpslaan = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setGelukt(null);
    const n = leesGetal(norm);
    const m = leesGetal(marge);
    try {
      const def = await zet.mutateAsync({
        norm: n === null ? null : n / schaal,
        ...(m !== null ? { marge: m / schaal } : {}),
      });
      setGelukt(`De norm is aangepast. ${normTekst(def)}.`);
    } catch (err) {
      setProbleem(alsProbleem(err));
    }
  };

  const suffix = `${formId}-${kpi.id}`;
  return (
    <Uitklap titel="Norm aanpassen">
      <Bericht tekst={gelukt} />
      <Probleem probleem={probleem} />
      <form onSubmit={onOpslaan} noValidate className="eenvoud-form" aria-label={`Norm aanpassen: ${kpi.naam}`}>
        <div className="eenvoud-rij">
          <TekstVeld
            naam={`norm-${suffix}`} label={aandeel ? 'Norm in procenten' : 'Norm (aantal)'} inputMode="decimal" className="eenvoud-breedte-6"
            beschrijving={kpi.richting === 'lagerIsBeter' ? 'Ten hoogste deze waarde.' : 'Ten minste deze waarde.'}
            value={norm} onChange={(e) => setNorm(e.target.value)} fout={fouten.norm}
          />
          <TekstVeld
            naam={`marge-${suffix}`} label={aandeel ? 'Marge in procentpunten' : 'Marge (aantal)'} inputMode="decimal" className="eenvoud-breedte-6"
            beschrijving="Binnen deze marge is het signaal ‘Let op’." value={marge} onChange={(e) => setMarge(e.target.value)} fout={fouten.marge}
          />
        </div>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={zet.isPending} disabled={zet.isPending}>Norm opslaan</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </Uitklap>
  );
}
