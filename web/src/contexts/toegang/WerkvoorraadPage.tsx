import {
  Button, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader,
  TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { alleenEigenRegistraties, rollenVan } from '../../platform/functies.ts';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { KeysetPaginering, RouterLink } from '../../platform/links.tsx';
import { useSessie, type Rol } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import {
  inLijst, statusBadge, useGebieden, useMeldingTellingen, useMeldingen, useWaardelijsten, type MeldingFilter, type Toegewezen, type Waarde, type Waardelijsten,
} from './api.ts';
import { OnlineMeldingenTeKoppelen } from './OnlineMeldingen.tsx';
import { TermijnKort } from './termijn.tsx';

const AANTAL_PER_PAGINA = 25;

const TOEGEWEZEN: { code: Toegewezen; naam: string }[] = [
  { code: 'mij', naam: 'Mijn casussen' },
  { code: 'team', naam: 'Mijn team' },
  { code: 'niemand', naam: 'Nog niet opgepakt' },
  { code: 'iedereen', naam: 'Iedereen' },
];
const isToegewezen = (v: string | null): v is Toegewezen => TOEGEWEZEN.some((t) => t.code === v);

/** Besides one status: 'alle' shows closed meldingen too; without a choice the API gives open work only. */
const ALLE_STATUSSEN = 'alle';

/**
 * The columns once: the table header, and on a phone the label above each value in the card. The
 * term comes right after the number: the list is ordered by it, and on a narrow screen it stays in view.
 */
const KOLOMMEN = {
  nummer: 'Nummer', termijn: 'Termijn', inwoner: 'Inwoner', status: 'Status', regisseur: 'Casusregisseur',
  ontvangen: 'Ontvangen op', wet: 'Wet', kanaal: 'Kanaal', gebied: 'Kern / wijk',
} as const;

/** A regisseur starts with their own casussen, a teamleider with the team's; others see everything. */
function standaardToegewezen(rollen: readonly Rol[]): Toegewezen | undefined {
  if (rollen.includes('teamleider')) return 'team';
  if (rollen.includes('regisseur')) return 'mij';
  return undefined;
}

type FilterVelden = Omit<MeldingFilter, 'na' | 'aantal'>;
const FILTER_SLEUTELS = ['status', 'wet', 'kanaal', 'kernId', 'termijnstatus', 'toegewezen'] as const;

function filterUitUrl(params: URLSearchParams, lijsten: Waardelijsten | undefined, kernIds: string[] | undefined, standaard: Toegewezen | undefined): MeldingFilter {
  // A value from the address bar counts when it is in its list; without the list, it is taken as-is.
  const uit = (lijst: readonly Waarde[] | undefined, k: string) => {
    const v = params.get(k);
    return v && (!lijst || inLijst(lijst, v)) ? v : undefined;
  };
  const kernId = params.get('kernId');
  const toegewezen = params.get('toegewezen');
  return {
    status: params.get('status') === ALLE_STATUSSEN ? ALLE_STATUSSEN : uit(lijsten?.meldingStatussen, 'status'),
    wet: uit(lijsten?.wetten, 'wet'),
    kanaal: uit(lijsten?.kanalen, 'kanaal'),
    kernId: kernId && (!kernIds || kernIds.includes(kernId)) ? kernId : undefined,
    termijnstatus: uit(lijsten?.termijnStatussen, 'termijnstatus'),
    toegewezen: standaard === undefined ? undefined : isToegewezen(toegewezen) ? toegewezen : standaard,
    na: params.get('na') || undefined,
    aantal: AANTAL_PER_PAGINA,
  };
}

/** The address of a filter and page; `na` is the page's cursor (ADR 27), left out on the first page. */
function naarUrl(f: FilterVelden & { na?: string | undefined }, standaard: Toegewezen | undefined): string {
  const p = new URLSearchParams();
  for (const k of FILTER_SLEUTELS) {
    const v = f[k];
    if (!v) continue;
    if (k === 'toegewezen' && v === standaard) continue;
    p.set(k, v);
  }
  if (f.na) p.set('na', f.na);
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

export function WerkvoorraadPage() {
  const sessie = useSessie();
  const rollen = rollenVan(sessie);
  const eigen = alleenEigenRegistraties(rollen);
  const standaard = standaardToegewezen(rollen);
  const titel = eigen ? 'Mijn registraties' : 'Werkvoorraad';
  usePageTitle(titel);

  const waardelijsten = useWaardelijsten();
  const gebieden = useGebieden();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterUitUrl(searchParams, waardelijsten.data, gebieden.data?.map((k) => k.id), standaard);
  const [invoer, setInvoer] = useState<FilterVelden>(() => ({ ...filter }));
  // The address bar is the truth: after back/forward or once the lists are loaded, the form follows it.
  const filterSleutel = naarUrl({ ...filter, na: undefined }, undefined);
  useEffect(() => {
    setInvoer(filterUitUrl(new URLSearchParams(filterSleutel.slice(1)), undefined, undefined, standaard));
  }, [filterSleutel, standaard]);
  const zet = (k: keyof FilterVelden) => (e: { target: { value: string } }) => setInvoer((oud) => ({ ...oud, [k]: e.target.value || undefined }));
  // The list waits for the choice lists, so a filter in the address bar is checked before it is used.
  const meldingen = useMeldingen(filter, { enabled: !waardelijsten.isPending });
  const tellingen = useMeldingTellingen(filter, { enabled: !eigen && !waardelijsten.isPending });
  const totaal = tellingen.data?.totaal ?? 0;
  const verlopen = tellingen.data?.perTermijnstatus.verlopen ?? 0;
  const bijna = tellingen.data?.perTermijnstatus.verlooptBinnenkort ?? 0;

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSearchParams(new URLSearchParams(naarUrl({ ...invoer, na: undefined }, standaard).slice(1)));
  };

  const gefilterd = FILTER_SLEUTELS.some((k) => k !== 'toegewezen' && filter[k]) || filter.toegewezen !== standaard;
  const data = meldingen.data;
  const lijsten = waardelijsten.data;
  const welke = filter.toegewezen ? TOEGEWEZEN.find((t) => t.code === filter.toegewezen)?.naam : undefined;

  return (
    <>
      <Heading1>{titel}</Heading1>
      <Paragraph appearance="lead">
        {eigen ? 'De meldingen die u heeft geregistreerd en die nog openstaan.' : 'De openstaande meldingen van inwoners, de dringendste eerst: de vroegste uiterste datum, dan de oudste melding.'}
      </Paragraph>

      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Meldingen filteren">
        {standaard ? (
          <KeuzeVeld naam="toegewezen" label="Welke meldingen" value={invoer.toegewezen ?? standaard} onChange={zet('toegewezen')}>
            {TOEGEWEZEN.map((t) => <SelectOption key={t.code} value={t.code}>{t.naam}</SelectOption>)}
          </KeuzeVeld>
        ) : null}
        <KeuzeVeld naam="status" label="Status" value={invoer.status ?? ''} onChange={zet('status')}>
          <SelectOption value="">Open meldingen</SelectOption>
          {(lijsten?.meldingStatussen ?? []).map((s) => <SelectOption key={s.code} value={s.code}>{s.naam}</SelectOption>)}
          <SelectOption value={ALLE_STATUSSEN}>Alle statussen, ook afgehandeld</SelectOption>
        </KeuzeVeld>
        <KeuzeVeld naam="wet" label="Wet" value={invoer.wet ?? ''} onChange={zet('wet')}>
          <SelectOption value="">Alle wetten</SelectOption>
          {(lijsten?.wetten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="kernId" label="Kern" value={invoer.kernId ?? ''} onChange={zet('kernId')}>
          <SelectOption value="">Alle kernen</SelectOption>
          {(gebieden.data ?? []).map((k) => <SelectOption key={k.id} value={k.id}>{k.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="termijnstatus" label="Termijn" value={invoer.termijnstatus ?? ''} onChange={zet('termijnstatus')}>
          <SelectOption value="">Alle termijnen</SelectOption>
          {(lijsten?.termijnStatussen ?? []).map((t) => <SelectOption key={t.code} value={t.code}>{t.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen">
          <Button appearance="secondary-action-button" type="submit">Filteren</Button>
          {gefilterd ? (
            <RouterLink to="/meldingen" onClick={() => setInvoer({ toegewezen: standaard })}>Filters wissen</RouterLink>
          ) : null}
        </div>
      </form>

      {rollen.includes('frontoffice') || rollen.includes('teamleider') ? <OnlineMeldingenTeKoppelen /> : null}

      {!eigen && tellingen.data ? (
        <Paragraph className="eenvoud-samenvatting">
          {welke ? `${welke}: ` : ''}
          {tellingen.data.totaalIsSchatting ? 'meer dan ' : ''}<strong>{totaal}</strong> {filter.status ? '' : 'open '}{totaal === 1 ? 'melding' : 'meldingen'}
          {totaal > 0 && !tellingen.data.totaalIsSchatting ? <>, waarvan <strong>{verlopen}</strong> met een verlopen termijn en <strong>{bijna}</strong> met een termijn die binnen 5 werkdagen verloopt.</> : '.'}
        </Paragraph>
      ) : null}

      {meldingen.isPending ? <Laden tekst="De meldingen worden geladen…" /> : null}
      {meldingen.isError ? <Foutmelding fout={meldingen.error} /> : null}

      {data && data.resultaten.length === 0 ? (
        <Paragraph role="status" className="eenvoud-leeg">
          {gefilterd ? 'Er zijn geen meldingen die passen bij deze filters.'
            : eigen ? 'U heeft nog geen meldingen geregistreerd.'
              : filter.toegewezen === 'mij' ? 'U heeft nog geen casussen. Kies "Nog niet opgepakt" om meldingen op te pakken.'
                : 'Er zijn geen openstaande meldingen.'}
        </Paragraph>
      ) : null}

      {data && data.resultaten.length > 0 ? (
        <>
          <div className="eenvoud-tabel eenvoud-tabel--kaarten">
            <Table busy={meldingen.isFetching}>
              <TableCaption>
                {titel}{welke ? ` (${welke.toLowerCase()})` : ''}: {data.totaalIsSchatting ? 'meer dan ' : ''}{data.totaal} {data.totaal === 1 ? 'melding' : 'meldingen'}{gefilterd ? ', gefilterd' : ''}
                {filter.na ? ', vervolgpagina' : ''}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  {Object.values(KOLOMMEN).map((k) => <TableHeaderCell key={k} scope="col">{k}</TableHeaderCell>)}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.resultaten.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell className="eenvoud-nowrap" data-label={KOLOMMEN.nummer}>
                      <RouterLink to={`/meldingen/${m.id}`}>{m.nummer}</RouterLink>
                      {m.spoed ? <> <StatusBadge status="danger">Spoed</StatusBadge></> : null}
                    </TableCell>
                    <TableCell data-label={KOLOMMEN.termijn}><TermijnKort termijnen={m.termijnen} /></TableCell>
                    <TableCell data-label={KOLOMMEN.inwoner}>{m.persoon.naam}</TableCell>
                    <TableCell data-label={KOLOMMEN.status}><StatusBadge status={statusBadge[m.status]}>{m.statusNaam}</StatusBadge></TableCell>
                    <TableCell data-label={KOLOMMEN.regisseur}>{m.regisseur?.naam ?? 'Nog niet opgepakt'}</TableCell>
                    <TableCell className="eenvoud-nowrap" data-label={KOLOMMEN.ontvangen}>{formatDatum(m.ontvangenOp)}</TableCell>
                    <TableCell data-label={KOLOMMEN.wet}>{m.wetNaam}</TableCell>
                    <TableCell data-label={KOLOMMEN.kanaal}>{m.kanaalNaam}</TableCell>
                    <TableCell data-label={KOLOMMEN.gebied}>{m.kern ? `${m.kern}${m.wijk && m.wijk !== m.kern ? ` – ${m.wijk}` : ''}` : 'Onbekend'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <KeysetPaginering na={filter.na} volgende={data.volgende} naar={(na) => `/meldingen${naarUrl({ ...filter, na }, standaard)}`} />
        </>
      ) : null}
    </>
  );
}
