/**
 * Bewaren en vernietigen (issue 11, point 6): the archivaris's destruction lists. A list names each
 * household file by its numbers, kind and dates (no name, no BSN); the archivaris excludes a file
 * with a reason, and approves (the files are destroyed at once) or rejects the list. The privacy
 * officer reads along.
 */
import {
  Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Link, Paragraph, PrimaryActionButton,
  StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { API_BASE, ApiProblem, api } from '../../platform/api.ts';
import { formatDatum, formatMoment } from '../../platform/format.ts';
import { TekstvakVeld, veldFouten } from '../../platform/form.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';

type Status = 'concept' | 'terGoedkeuring' | 'goedgekeurd' | 'uitgevoerd' | 'afgewezen';
export interface LijstKop {
  id: string; nummer: string; status: Status; statusNaam: string; peildatum: string;
  opgesteldDoor: string | null; opgesteldOp: string; aangebodenDoor: string | null; aangebodenOp: string | null;
  beoordeeldDoor: string | null; beoordeeldOp: string | null; afwijzingReden: string | null; uitgevoerdOp: string | null;
  resultaat: Record<string, number> | null; aantalItems: number; aantalUitgezonderd: number;
}
export interface LijstItem {
  id: string; soort: string; soortNaam: string; ref: string; nummers: string[]; einde: string; vernietigbaarPer: string; grondslag: string;
  uitgezonderd: { reden: string; door: string | null; op: string } | null; uitgevoerdOp: string | null; overgeslagenReden: string | null;
}
export interface Lijst extends LijstKop { items: LijstItem[] }

const STATUS_KLEUR: Record<Status, 'neutral' | 'warning' | 'safe' | 'danger' | 'active'> = {
  concept: 'neutral', terGoedkeuring: 'warning', goedgekeurd: 'active', uitgevoerd: 'safe', afgewezen: 'danger',
};
const RESULTAAT_NAAM: Record<string, string> = {
  dossiers: 'Dossiers vernietigd', personen: 'Personen verwijderd', meldingen: 'Meldingen geanonimiseerd', casussen: 'Casussen geanonimiseerd',
  aanvragen: 'Aanvragen geanonimiseerd', beschikkingen: 'Beschikkingen geanonimiseerd', bezwaren: 'Bezwaren geanonimiseerd',
  gesprekken: 'Gesprekken geanonimiseerd', plannen: 'Plannen verwijderd', anders: 'Overige gegevens verwijderd (toestemmingen, delingen…)',
  uitgezonderd: 'Uitgezonderd', overgeslagen: 'Overgeslagen (niet meer vervallen)',
};

const opgesteldDoor = (k: LijstKop) => k.opgesteldDoor ?? 'de dagelijkse taak';

export function VernietigingPage() {
  usePageTitle('Vernietigingslijsten');
  const { heeftRol } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const lijsten = useQuery({ queryKey: ['vernietigingslijsten'], queryFn: ({ signal }) => api<{ resultaten: LijstKop[] }>('/vernietigingslijsten', { signal }) });
  const opstellen = useMutation({
    mutationFn: () => api<LijstKop>('/vernietigingslijsten', { method: 'POST' }),
    onSuccess: async (l) => {
      await queryClient.invalidateQueries({ queryKey: ['vernietigingslijsten'] });
      void navigate(`/privacy/vernietiging/${l.id}`);
    },
  });
  const magOpstellen = heeftRol('archivaris');

  return (
    <>
      <Heading1>Vernietigingslijsten</Heading1>
      <Paragraph appearance="lead">
        Elke nacht zet Eenvoud de dossiers waarvan de bewaartermijn is verstreken op een vernietigingslijst. Pas als de archivaris de lijst
        goedkeurt, worden de persoonsgegevens verwijderd; de aantallen voor sturing blijven anoniem bestaan. Een lijst noemt dossiers alleen
        bij nummer, soort en datum.
      </Paragraph>
      {magOpstellen ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" busy={opstellen.isPending} disabled={opstellen.isPending} onClick={() => opstellen.mutate()}>
            Nu een lijst opstellen
          </Button>
        </ButtonGroup>
      ) : null}
      <div aria-live="polite">{opstellen.isError ? <Foutmelding fout={opstellen.error} /> : null}</div>
      {lijsten.isPending ? <Laden tekst="De vernietigingslijsten worden geladen…" /> : null}
      {lijsten.isError ? <Foutmelding fout={lijsten.error} /> : null}
      {lijsten.data && lijsten.data.resultaten.length === 0 ? <Paragraph role="status" className="eenvoud-leeg">Er zijn nog geen vernietigingslijsten.</Paragraph> : null}
      {lijsten.data && lijsten.data.resultaten.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>{lijsten.data.resultaten.length} {lijsten.data.resultaten.length === 1 ? 'vernietigingslijst' : 'vernietigingslijsten'}, de nieuwste eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Lijst</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Peildatum</TableHeaderCell>
                <TableHeaderCell scope="col">Dossiers</TableHeaderCell>
                <TableHeaderCell scope="col">Opgesteld door</TableHeaderCell>
                <TableHeaderCell scope="col">Beoordeeld</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lijsten.data.resultaten.map((l) => (
                <TableRow key={l.id}>
                  <TableCell className="eenvoud-nowrap">
                    <RouterLink to={`/privacy/vernietiging/${l.id}`}>{l.nummer}</RouterLink>
                  </TableCell>
                  <TableCell><StatusBadge status={STATUS_KLEUR[l.status]}>{l.statusNaam}</StatusBadge></TableCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(l.peildatum)}</TableCell>
                  <TableCell>{l.aantalItems}{l.aantalUitgezonderd > 0 ? `, waarvan ${l.aantalUitgezonderd} uitgezonderd` : ''}</TableCell>
                  <TableCell>{opgesteldDoor(l)}</TableCell>
                  <TableCell>{l.beoordeeldDoor ? `${l.beoordeeldDoor}, ${formatMoment(l.beoordeeldOp!)}` : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}

type Actie = 'aanbieden' | 'goedkeuren' | 'afwijzen';

export function VernietigingslijstPage() {
  const { id = '' } = useParams();
  const { heeftRol } = useSession();
  const queryClient = useQueryClient();
  const lijst = useQuery({ queryKey: ['vernietigingslijst', id], queryFn: ({ signal }) => api<Lijst>(`/vernietigingslijsten/${id}`, { signal }) });
  usePageTitle(lijst.data ? `Vernietigingslijst ${lijst.data.nummer}` : 'Vernietigingslijst');
  const [uitzonderen, setUitzonderen] = useState<LijstItem | null>(null);
  const [actie, setActie] = useState<Actie | null>(null);
  const [bericht, setBericht] = useState<string | null>(null);
  const archivaris = heeftRol('archivaris');

  const klaar = async (l: Lijst, tekst: string) => {
    queryClient.setQueryData(['vernietigingslijst', id], l);
    await queryClient.invalidateQueries({ queryKey: ['vernietigingslijsten'] });
    setActie(null);
    setUitzonderen(null);
    setBericht(tekst);
  };

  if (lijst.isPending) return <><Heading1>Vernietigingslijst</Heading1><Laden /></>;
  if (lijst.isError) return <><Heading1>Vernietigingslijst</Heading1><Foutmelding fout={lijst.error} /></>;
  const l = lijst.data;
  const open = l.status === 'concept' || l.status === 'terGoedkeuring';
  const teVernietigen = l.items.filter((i) => !i.uitgezonderd).length;

  return (
    <>
      <Paragraph><RouterLink to="/privacy/vernietiging">Alle vernietigingslijsten</RouterLink></Paragraph>
      <Heading1>Vernietigingslijst {l.nummer}</Heading1>
      <Paragraph><StatusBadge status={STATUS_KLEUR[l.status]}>{l.statusNaam}</StatusBadge></Paragraph>
      <div aria-live="polite">{bericht ? <Alert type="ok"><Paragraph>{bericht}</Paragraph></Alert> : null}</div>
      <DataList className="eenvoud-datalist">
        <DataListItem><DataListKey>Peildatum</DataListKey><DataListValue>{formatDatum(l.peildatum)}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Opgesteld</DataListKey><DataListValue>{formatMoment(l.opgesteldOp)} door {opgesteldDoor(l)}</DataListValue></DataListItem>
        {l.aangebodenOp ? <DataListItem><DataListKey>Ter goedkeuring aangeboden</DataListKey><DataListValue>{formatMoment(l.aangebodenOp)}{l.aangebodenDoor ? ` door ${l.aangebodenDoor}` : ''}</DataListValue></DataListItem> : null}
        {l.beoordeeldOp ? <DataListItem><DataListKey>{l.status === 'afgewezen' ? 'Afgewezen' : 'Goedgekeurd'}</DataListKey><DataListValue>{formatMoment(l.beoordeeldOp)} door {l.beoordeeldDoor ?? 'onbekend'}</DataListValue></DataListItem> : null}
        {l.afwijzingReden ? <DataListItem><DataListKey>Reden van afwijzing</DataListKey><DataListValue>{l.afwijzingReden}</DataListValue></DataListItem> : null}
        {l.uitgevoerdOp ? <DataListItem><DataListKey>Uitgevoerd</DataListKey><DataListValue>{formatMoment(l.uitgevoerdOp)}</DataListValue></DataListItem> : null}
        <DataListItem><DataListKey>Dossiers</DataListKey><DataListValue>{l.aantalItems}{l.aantalUitgezonderd > 0 ? `, waarvan ${l.aantalUitgezonderd} uitgezonderd` : ''}</DataListValue></DataListItem>
      </DataList>
      <Paragraph>
        Voor het archief: <Link href={`${API_BASE}/vernietigingslijsten/${l.id}/lijst.csv`} download={`vernietigingslijst-${l.nummer}.csv`}>lijst downloaden als CSV</Link>{' '}
        of <Link href={`${API_BASE}/vernietigingslijsten/${l.id}/lijst.pdf`} download={`vernietigingslijst-${l.nummer}.pdf`}>als PDF</Link>
      </Paragraph>

      {l.resultaat ? (
        <section aria-labelledby="kop-resultaat" className="eenvoud-sectie">
          <Heading2 id="kop-resultaat">Verklaring van vernietiging</Heading2>
          <DataList className="eenvoud-datalist">
            {Object.keys(RESULTAAT_NAAM).filter((k) => k === 'dossiers' || (l.resultaat?.[k] ?? 0) > 0).map((k) => (
              <DataListItem key={k}><DataListKey>{RESULTAAT_NAAM[k]}</DataListKey><DataListValue>{l.resultaat?.[k] ?? 0}</DataListValue></DataListItem>
            ))}
          </DataList>
        </section>
      ) : null}

      {archivaris && open ? (
        <section aria-labelledby="kop-beoordelen" className="eenvoud-sectie">
          <Heading2 id="kop-beoordelen">Beoordelen</Heading2>
          {l.status === 'concept' ? (
            <Paragraph>Zonder dossiers uit die bewaard moeten blijven, en bied de lijst daarna ter goedkeuring aan.</Paragraph>
          ) : (
            <Paragraph>Keur de lijst goed om de {teVernietigen} {teVernietigen === 1 ? 'dossier' : 'dossiers'} die niet zijn uitgezonderd te vernietigen, of wijs hem af.</Paragraph>
          )}
          {actie === null ? (
            <ButtonGroup>
              {l.status === 'concept' ? <PrimaryActionButton type="button" onClick={() => setActie('aanbieden')}>Ter goedkeuring aanbieden</PrimaryActionButton> : null}
              {l.status === 'terGoedkeuring' ? <PrimaryActionButton type="button" onClick={() => { setBericht(null); setActie('goedkeuren'); }}>Goedkeuren en vernietigen</PrimaryActionButton> : null}
              <Button appearance="secondary-action-button" type="button" onClick={() => { setBericht(null); setActie('afwijzen'); }}>Lijst afwijzen</Button>
            </ButtonGroup>
          ) : (
            <Bevestiging lijst={l} actie={actie} teVernietigen={teVernietigen} onKlaar={klaar} onAnnuleren={() => setActie(null)} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="kop-dossiers" className="eenvoud-sectie">
        <Heading2 id="kop-dossiers">Dossiers op de lijst</Heading2>
        {l.items.length === 0 ? <Paragraph className="eenvoud-leeg">Deze lijst heeft geen dossiers.</Paragraph> : (
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption>{l.items.length} {l.items.length === 1 ? 'dossier' : 'dossiers'}, het eerst vervallen eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Dossier</TableHeaderCell>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Afgesloten</TableHeaderCell>
                  <TableHeaderCell scope="col">Vernietigbaar per</TableHeaderCell>
                  <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
                  <TableHeaderCell scope="col">Stand</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {l.items.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="eenvoud-nowrap">
                      {i.ref}
                      {i.nummers.length > 1 ? <><br /><span className="eenvoud-gedimd">ook {i.nummers.filter((n) => n !== i.ref).join(', ')}</span></> : null}
                    </TableCell>
                    <TableCell>{i.soortNaam}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(i.einde)}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(i.vernietigbaarPer)}</TableCell>
                    <TableCell>{i.grondslag}</TableCell>
                    <TableCell>
                      {i.uitgezonderd ? <>Uitgezonderd: {i.uitgezonderd.reden}{i.uitgezonderd.door ? ` (${i.uitgezonderd.door})` : ''}</>
                        : i.uitgevoerdOp ? <>Vernietigd op {formatMoment(i.uitgevoerdOp)}</>
                          : i.overgeslagenReden ? <>Bewaard: {i.overgeslagenReden}</>
                            : archivaris && open ? (
                              <Button appearance="secondary-action-button" type="button" aria-label={`Uitzonderen: ${i.ref}`} aria-pressed={uitzonderen?.id === i.id}
                                onClick={() => { setBericht(null); setUitzonderen(i); }}>
                                Uitzonderen
                              </Button>
                            ) : 'Op de lijst'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
      {uitzonderen ? (
        <Uitzondering key={uitzonderen.id} lijst={l} item={uitzonderen} onKlaar={klaar} onAnnuleren={() => setUitzonderen(null)} />
      ) : null}
    </>
  );
}

function Uitzondering({ lijst, item, onKlaar, onAnnuleren }: {
  lijst: Lijst; item: LijstItem; onKlaar: (l: Lijst, tekst: string) => Promise<void>; onAnnuleren: () => void;
}) {
  const kop = useRef<HTMLHeadingElement>(null);
  // The form appears below the table: bring keyboard and screen reader users to it.
  useEffect(() => { kop.current?.focus(); }, []);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  const opslaan = useMutation({
    mutationFn: (r: string) => api<Lijst>(`/vernietigingslijsten/${lijst.id}/items/${item.id}/uitzondering`, { method: 'POST', body: { reden: r } }),
    onSuccess: (l) => onKlaar(l, `Dossier ${item.ref} is uitgezonderd en wordt niet vernietigd.`),
  });
  const apiFout = opslaan.error instanceof ApiProblem ? opslaan.error : null;
  const apiVelden = apiFout?.status === 400 ? veldFouten(apiFout) : {};
  const onVersturen = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!reden.trim()) { setFout('Geef de reden waarom dit dossier bewaard blijft'); return; }
    setFout(undefined);
    opslaan.mutate(reden.trim());
  };
  return (
    <section aria-labelledby="kop-uitzondering" className="eenvoud-sectie">
      <Heading2 id="kop-uitzondering" ref={kop} tabIndex={-1}>Uitzonderen: {item.ref}</Heading2>
      <form onSubmit={onVersturen} noValidate className="eenvoud-form">
        <TekstvakVeld naam="reden" label="Reden" verplicht rows={3} maxLength={2000}
          beschrijving="Bijvoorbeeld: een lopend verzoek om inzage, een procedure of historisch belang."
          value={reden} onChange={(e) => setReden(e.target.value)} fout={fout ?? apiVelden.reden} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={opslaan.isPending} disabled={opslaan.isPending}>Uitzonderen</PrimaryActionButton>
          <Button appearance="secondary-action-button" type="button" onClick={onAnnuleren}>Annuleren</Button>
        </ButtonGroup>
      </form>
      {opslaan.isError && Object.keys(apiVelden).length === 0 ? <Foutmelding fout={opslaan.error} /> : null}
    </section>
  );
}

function Bevestiging({ lijst, actie, teVernietigen, onKlaar, onAnnuleren }: {
  lijst: Lijst; actie: Actie; teVernietigen: number; onKlaar: (l: Lijst, tekst: string) => Promise<void>; onAnnuleren: () => void;
}) {
  const vraag = useRef<HTMLDivElement>(null);
  useEffect(() => { vraag.current?.focus(); }, []);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  const doe = useMutation({
    mutationFn: () => api<Lijst>(`/vernietigingslijsten/${lijst.id}/${actie === 'aanbieden' ? 'aanbieding' : actie === 'goedkeuren' ? 'goedkeuring' : 'afwijzing'}`, {
      method: 'POST', ...(actie === 'afwijzen' ? { body: { reden: reden.trim() } } : {}),
    }),
    onSuccess: (l) => onKlaar(l, actie === 'aanbieden' ? `Vernietigingslijst ${l.nummer} is ter goedkeuring aangeboden.`
      : actie === 'afwijzen' ? `Vernietigingslijst ${l.nummer} is afgewezen. Er is niets vernietigd.`
        : `Vernietigingslijst ${l.nummer} is goedgekeurd en uitgevoerd: ${l.resultaat?.dossiers ?? 0} ${l.resultaat?.dossiers === 1 ? 'dossier' : 'dossiers'} vernietigd.`),
  });
  const apiFout = doe.error instanceof ApiProblem ? doe.error : null;
  const apiVelden = apiFout?.status === 400 ? veldFouten(apiFout) : {};
  const onVersturen = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (actie === 'afwijzen' && !reden.trim()) { setFout('Geef de reden van de afwijzing'); return; }
    setFout(undefined);
    doe.mutate();
  };
  const vraagTekst = actie === 'goedkeuren'
    ? `Weet u het zeker? ${teVernietigen} ${teVernietigen === 1 ? 'dossier wordt' : 'dossiers worden'} nu vernietigd. Dit kan niet ongedaan worden gemaakt.`
    : actie === 'afwijzen' ? 'Waarom wijst u deze lijst af? Er wordt dan niets vernietigd; de dossiers komen op een volgende lijst terug.'
      : 'De lijst gaat ter goedkeuring naar de archivaris. Uitzonderen kan daarna nog.';
  const knop = actie === 'goedkeuren' ? 'Ja, goedkeuren en vernietigen' : actie === 'afwijzen' ? 'Lijst afwijzen' : 'Ja, aanbieden';
  return (
    <div ref={vraag} tabIndex={-1} className="eenvoud-bevestig" role="group" aria-labelledby="vraag-vernietiging">
      <Alert type={actie === 'goedkeuren' ? 'warning' : 'info'}>
        <Paragraph id="vraag-vernietiging"><strong>{vraagTekst}</strong></Paragraph>
        {actie === 'goedkeuren' ? <Paragraph>De persoonsgegevens worden verwijderd; de aantallen voor sturing blijven anoniem bestaan. De audittrail legt vast wat is vernietigd, zonder de inhoud.</Paragraph> : null}
        <form onSubmit={onVersturen} noValidate className="eenvoud-form">
          {actie === 'afwijzen' ? (
            <TekstvakVeld naam="reden" label="Reden van afwijzing" verplicht rows={3} maxLength={2000} value={reden} onChange={(e) => setReden(e.target.value)} fout={fout ?? apiVelden.reden} />
          ) : null}
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={doe.isPending} disabled={doe.isPending}>{knop}</PrimaryActionButton>
            <Button appearance="secondary-action-button" type="button" onClick={onAnnuleren}>Annuleren</Button>
          </ButtonGroup>
        </form>
        {doe.isError && Object.keys(apiVelden).length === 0 ? <Foutmelding fout={doe.error} /> : null}
      </Alert>
    </div>
  );
}
