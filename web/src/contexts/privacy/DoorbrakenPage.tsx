/**
 * The privacy officer's list of break-glass accesses (issue 11, part 2): who opened which casus,
 * when, why and until when; each is reviewed once as terecht or onterecht.
 */
import {
  Alert, Button, ButtonGroup, Heading1, Heading2, Paragraph, PrimaryActionButton, SelectOption, StatusBadge, Table, TableBody, TableCaption,
  TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiProblem, api } from '../../platform/api.ts';
import { formatMoment } from '../../platform/format.ts';
import { KeuzeVeld, RondjesVeld, TekstvakVeld, veldFouten } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { Paginering } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { eindeVanDag, type Doorbraak } from './DoorbraakFormulier.tsx';

type Keuze = 'open' | 'beoordeeld' | 'alle';
const KEUZES: { code: Keuze; naam: string }[] = [
  { code: 'open', naam: 'Nog te beoordelen' },
  { code: 'beoordeeld', naam: 'Beoordeeld' },
  { code: 'alle', naam: 'Alle' },
];
const isKeuze = (v: string | null): v is Keuze => KEUZES.some((k) => k.code === v);
const AANTAL = 50;

interface Lijst { resultaten: Doorbraak[]; totaal: number; pagina: number; aantal: number }
type Oordeel = 'terecht' | 'onterecht';

export function DoorbrakenPage() {
  usePageTitle('Doorbraken');
  const [params, setParams] = useSearchParams();
  const keuze: Keuze = isKeuze(params.get('status')) ? (params.get('status') as Keuze) : 'open';
  const pagina = Math.max(1, Number(params.get('pagina') ?? '1') || 1);
  const [invoer, setInvoer] = useState<Keuze>(keuze);
  useEffect(() => setInvoer(keuze), [keuze]);
  const lijst = useQuery({
    queryKey: ['doorbraken', keuze, pagina],
    queryFn: ({ signal }) => api<Lijst>('/privacy/doorbraken', { signal, query: { status: keuze, pagina, aantal: AANTAL } }),
    placeholderData: keepPreviousData,
  });
  const paginas = lijst.data ? Math.max(1, Math.ceil(lijst.data.totaal / AANTAL)) : 1;
  const naarPagina = (p: number) => `?${new URLSearchParams({ status: keuze, ...(p > 1 ? { pagina: String(p) } : {}) }).toString()}`;
  const [gekozen, setGekozen] = useState<Doorbraak | null>(null);
  const [vastgelegd, setVastgelegd] = useState<string | null>(null);

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setGekozen(null);
    setParams(new URLSearchParams({ status: invoer }));
  };

  return (
    <>
      <Heading1>Doorbraken</Heading1>
      <Paragraph appearance="lead">
        Medewerkers die niet bij een huishouden betrokken zijn, kunnen het dossier met een reden tot het einde van de dag openen.
        Beoordeel per toegang of die terecht was. Ook het bekijken van deze lijst wordt vastgelegd.
      </Paragraph>
      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Doorbraken filteren">
        <KeuzeVeld naam="status" label="Welke doorbraken" value={invoer} onChange={(e) => setInvoer(e.target.value as Keuze)}>
          {KEUZES.map((k) => <SelectOption key={k.code} value={k.code}>{k.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen"><Button appearance="secondary-action-button" type="submit">Filteren</Button></div>
      </form>
      <div aria-live="polite">
        {vastgelegd ? <Alert type="ok"><Paragraph>{vastgelegd}</Paragraph></Alert> : null}
      </div>
      {lijst.isPending ? <Laden tekst="De doorbraken worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {lijst.data && lijst.data.resultaten.length === 0 ? (
        <Paragraph role="status" className="eenvoud-leeg">{keuze === 'open' ? 'Er zijn geen doorbraken meer te beoordelen.' : 'Er zijn geen doorbraken.'}</Paragraph>
      ) : null}
      {lijst.data && lijst.data.resultaten.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={lijst.isFetching}>
              <TableCaption>
                {lijst.data.totaal} {lijst.data.totaal === 1 ? 'doorbraak' : 'doorbraken'}{keuze === 'open' ? ' te beoordelen' : ''}, de nieuwste eerst
                {paginas > 1 ? `, pagina ${pagina} van ${paginas}` : ''}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Gevraagd op</TableHeaderCell>
                  <TableHeaderCell scope="col">Medewerker</TableHeaderCell>
                  <TableHeaderCell scope="col">Casus</TableHeaderCell>
                  <TableHeaderCell scope="col">Reden</TableHeaderCell>
                  <TableHeaderCell scope="col">Geldig tot</TableHeaderCell>
                  <TableHeaderCell scope="col">Beoordeling</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.data.resultaten.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell className="eenvoud-nowrap">{formatMoment(d.aangemaaktOp)}</TableCell>
                    <TableCell>{d.gebruiker.naam}</TableCell>
                    <TableCell className="eenvoud-nowrap">{d.casus.nummer}</TableCell>
                    <TableCell className="eenvoud-doorbraak-reden">{d.reden}</TableCell>
                    <TableCell>
                      {eindeVanDag(d.geldigTot)}{d.actief ? <> <StatusBadge status="warning">Loopt nog</StatusBadge></> : null}
                    </TableCell>
                    <TableCell>
                      {d.beoordeling ? (
                        <>
                          <StatusBadge status={d.beoordeling.oordeel === 'terecht' ? 'safe' : 'danger'}>{d.beoordeling.oordeelNaam}</StatusBadge>
                          <br />
                          {d.beoordeling.door?.naam ?? 'Onbekend'}, {formatMoment(d.beoordeling.op)}
                          {d.beoordeling.toelichting ? <><br />{d.beoordeling.toelichting}</> : null}
                        </>
                      ) : (
                        <Button appearance="secondary-action-button" type="button" aria-label={`Beoordelen: ${d.casus.nummer}, ${d.gebruiker.naam}`}
                          aria-pressed={gekozen?.id === d.id}
                          onClick={() => { setVastgelegd(null); setGekozen(d); }}>
                          Beoordelen
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Paginering pagina={pagina} paginas={paginas} naar={naarPagina} />
        </>
      ) : null}
      {gekozen ? (
        <BeoordelingFormulier key={gekozen.id} doorbraak={gekozen} onKlaar={(tekst) => { setGekozen(null); setVastgelegd(tekst); }} onAnnuleren={() => setGekozen(null)} />
      ) : null}
    </>
  );
}

function BeoordelingFormulier({ doorbraak, onKlaar, onAnnuleren }: { doorbraak: Doorbraak; onKlaar: (tekst: string) => void; onAnnuleren: () => void }) {
  const queryClient = useQueryClient();
  const kop = useRef<HTMLHeadingElement>(null);
  // The form appears below the table: bring keyboard and screen reader users to it.
  useEffect(() => { kop.current?.focus(); }, []);
  const [oordeel, setOordeel] = useState<Oordeel | ''>('');
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const opslaan = useMutation({
    mutationFn: (b: { oordeel: Oordeel; toelichting?: string }) => api<Doorbraak>(`/privacy/doorbraken/${doorbraak.id}/beoordeling`, { method: 'POST', body: b }),
    onSuccess: async (d) => {
      await queryClient.invalidateQueries({ queryKey: ['doorbraken'] });
      onKlaar(`De toegang van ${d.gebruiker.naam} tot ${d.casus.nummer} is beoordeeld als ${d.beoordeling?.oordeelNaam.toLowerCase() ?? oordeel}.`);
    },
  });
  const apiFout = opslaan.error instanceof ApiProblem ? opslaan.error : null;
  const apiVelden = apiFout?.status === 400 ? veldFouten(apiFout) : {};

  const onVersturen = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!oordeel) f.oordeel = 'Kies terecht of onterecht';
    if (oordeel === 'onterecht' && !toelichting.trim()) f.toelichting = 'Licht toe waarom deze toegang onterecht was';
    setFouten(f);
    if (oordeel && Object.keys(f).length === 0) opslaan.mutate({ oordeel, ...(toelichting.trim() ? { toelichting: toelichting.trim() } : {}) });
  };

  return (
    <section aria-labelledby="kop-beoordeling" className="eenvoud-sectie">
      <Heading2 id="kop-beoordeling" ref={kop} tabIndex={-1}>Beoordelen: {doorbraak.casus.nummer}, {doorbraak.gebruiker.naam}</Heading2>
      <Paragraph>Gevraagd op {formatMoment(doorbraak.aangemaaktOp)}, geldig tot {eindeVanDag(doorbraak.geldigTot)}.</Paragraph>
      <Paragraph>Reden: {doorbraak.reden}</Paragraph>
      <form onSubmit={onVersturen} noValidate className="eenvoud-form">
        <RondjesVeld naam="oordeel" label="Was deze toegang terecht?" verplicht waarde={oordeel} onChange={(c) => setOordeel(c as Oordeel)}
          fout={fouten.oordeel ?? apiVelden.oordeel}
          opties={[{ code: 'terecht', naam: 'Terecht' }, { code: 'onterecht', naam: 'Onterecht' }]} />
        <TekstvakVeld naam="toelichting" label="Toelichting" rows={3} maxLength={2000} beschrijving="Verplicht als de toegang onterecht was."
          value={toelichting} onChange={(e) => setToelichting(e.target.value)} fout={fouten.toelichting ?? apiVelden.toelichting} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={opslaan.isPending} disabled={opslaan.isPending}>Beoordeling vastleggen</PrimaryActionButton>
          <Button appearance="secondary-action-button" type="button" onClick={onAnnuleren}>Annuleren</Button>
        </ButtonGroup>
      </form>
      {opslaan.isError && Object.keys(apiVelden).length === 0 ? <Foutmelding fout={opslaan.error} /> : null}
    </section>
  );
}
