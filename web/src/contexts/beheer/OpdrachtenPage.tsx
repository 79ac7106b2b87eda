/**
 * Achtergrondtaken (ADR 33): what the system does after a change was saved — a letter, a message
 * to a provider — and which of those failed. Beheer sees the error and puts a failed task back.
 * Soort, status, attempts and times only: the task's dossier data is not shown.
 */
import {
  Alert, Button, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../platform/api.ts';
import { formatMoment } from '../../platform/format.ts';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';

type Status = 'wachtend' | 'gelukt' | 'mislukt';
type Keuze = Status | 'alle';
const KEUZES: { code: Keuze; naam: string }[] = [
  { code: 'mislukt', naam: 'Mislukt' },
  { code: 'wachtend', naam: 'Wachtend' },
  { code: 'gelukt', naam: 'Gelukt' },
  { code: 'alle', naam: 'Alle' },
];
const isKeuze = (v: string | null): v is Keuze => KEUZES.some((k) => k.code === v);

interface Opdracht {
  id: string; soort: string; status: Status; pogingen: number; maxPogingen: number; laatsteFout: string | null;
  aangemaaktOp: string; volgendePoging: string; gestartOp: string | null; klaarOp: string | null;
}
interface Lijst { opdrachten: Opdracht[]; aantallen: Record<Status, number> }

/** What a soort means to beheer; an unknown soort shows its code. */
const SOORT_NAAM: Record<string, string> = {
  'voorziening.brief': 'Brief over een voorziening',
  'berichten.toewijzing': 'Toewijzing (301) naar een aanbieder',
};
const soortNaam = (s: string) => SOORT_NAAM[s] ?? s;

const STATUS: Record<Status, { naam: string; badge: 'safe' | 'warning' | 'danger' }> = {
  gelukt: { naam: 'Gelukt', badge: 'safe' },
  wachtend: { naam: 'Wachtend', badge: 'warning' },
  mislukt: { naam: 'Mislukt', badge: 'danger' },
};

export function OpdrachtenPage() {
  usePageTitle('Achtergrondtaken');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const keuze: Keuze = isKeuze(params.get('status')) ? (params.get('status') as Keuze) : 'mislukt';
  const [invoer, setInvoer] = useState<Keuze>(keuze);
  useEffect(() => setInvoer(keuze), [keuze]);
  const [melding, setMelding] = useState<string | null>(null);
  const lijst = useQuery({
    queryKey: ['opdrachten', keuze],
    queryFn: ({ signal }) => api<Lijst>('/beheer/opdrachten', { signal, query: { status: keuze } }),
    placeholderData: keepPreviousData,
    // Tasks change in the background: a filter chosen again asks afresh instead of showing what it showed before.
    staleTime: 0,
  });
  const opnieuw = useMutation({
    mutationFn: (o: Opdracht) => api<Opdracht>(`/beheer/opdrachten/${o.id}/opnieuw`, { method: 'POST' }),
    onSuccess: async (o) => {
      setMelding(`De taak "${soortNaam(o.soort)}" staat weer in de wachtrij en wordt zo opnieuw geprobeerd.`);
      await queryClient.invalidateQueries({ queryKey: ['opdrachten'] });
    },
  });

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setMelding(null);
    setParams(new URLSearchParams({ status: invoer }));
  };

  const a = lijst.data?.aantallen;
  return (
    <>
      <Heading1>Achtergrondtaken</Heading1>
      <Paragraph appearance="lead">
        Na een wijziging doet het systeem sommige dingen op de achtergrond, zoals een brief maken. Lukt dat niet, dan probeert het systeem het
        later een paar keer opnieuw. Hier ziet u welke taken mislukt zijn en waarom, en kunt u een taak opnieuw laten proberen.
      </Paragraph>
      {a ? (
        <Paragraph>
          Mislukt: {a.mislukt}. Wachtend: {a.wachtend}. Gelukt: {a.gelukt}.
        </Paragraph>
      ) : null}
      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Achtergrondtaken filteren">
        <KeuzeVeld naam="status" label="Welke taken" value={invoer} onChange={(e) => setInvoer(e.target.value as Keuze)}>
          {KEUZES.map((k) => <SelectOption key={k.code} value={k.code}>{k.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen"><Button appearance="secondary-action-button" type="submit">Filteren</Button></div>
      </form>
      <div aria-live="polite">
        {melding ? <Alert type="ok"><Paragraph>{melding}</Paragraph></Alert> : null}
      </div>
      {opnieuw.isError ? <Foutmelding fout={opnieuw.error} /> : null}
      {lijst.isPending ? <Laden tekst="De achtergrondtaken worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {lijst.data && lijst.data.opdrachten.length === 0 ? (
        <Paragraph role="status" className="eenvoud-leeg">
          {keuze === 'mislukt' ? 'Er zijn geen mislukte achtergrondtaken.' : keuze === 'wachtend' ? 'Er wachten geen achtergrondtaken.' : 'Er zijn geen achtergrondtaken.'}
        </Paragraph>
      ) : null}
      {lijst.data && lijst.data.opdrachten.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table busy={lijst.isFetching}>
            <TableCaption>
              {lijst.data.opdrachten.length} {lijst.data.opdrachten.length === 1 ? 'taak' : 'taken'}
              {keuze === 'alle' ? '' : ` ${KEUZES.find((k) => k.code === keuze)!.naam.toLowerCase()}`}, de nieuwste eerst
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Taak</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Aangemaakt</TableHeaderCell>
                <TableHeaderCell scope="col">Pogingen</TableHeaderCell>
                <TableHeaderCell scope="col">Laatste fout</TableHeaderCell>
                <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
                <TableHeaderCell scope="col"><span className="eenvoud-visueel-verborgen">Actie</span></TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lijst.data.opdrachten.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>{soortNaam(o.soort)}</TableCell>
                  <TableCell><StatusBadge status={STATUS[o.status].badge}>{STATUS[o.status].naam}</StatusBadge></TableCell>
                  <TableCell className="eenvoud-nowrap">{formatMoment(o.aangemaaktOp)}</TableCell>
                  <TableCell>{o.pogingen} van {o.maxPogingen}</TableCell>
                  <TableCell>{o.laatsteFout ?? '—'}</TableCell>
                  <TableCell className="eenvoud-nowrap">
                    {o.status === 'wachtend'
                      ? `Volgende poging ${formatMoment(o.volgendePoging)}`
                      : o.klaarOp ? `${o.status === 'gelukt' ? 'Gelukt' : 'Opgegeven'} ${formatMoment(o.klaarOp)}` : '—'}
                  </TableCell>
                  <TableCell>
                    {o.status === 'mislukt' ? (
                      <Button appearance="secondary-action-button" type="button" disabled={opnieuw.isPending}
                        aria-label={`Opnieuw proberen: ${soortNaam(o.soort)}, aangemaakt ${formatMoment(o.aangemaaktOp)}`}
                        onClick={() => { setMelding(null); opnieuw.mutate(o); }}>
                        Opnieuw proberen
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
