/**
 * One verzoek of a provider: what it asks (a 315: the product, period, omvang and verwijzer; a 317:
 * the reason with the unchanged, changed and new products), the statutory answer term, and the three
 * answers while it is open: in onderzoek (319), afwijzen (319 with a reden) or toewijzen with a
 * voorziening that was decided with a beschikking (its 301 carries the provider's reference).
 */
import {
  Alert, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Heading3, Paragraph, PrimaryActionButton, SelectOption,
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { Bericht, Bevestig, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { ApiProblem } from '../../platform/api.ts';
import { formatDatum } from '../../platform/format.ts';
import { FoutSamenvatting, KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld, type Foutregel } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { GeenToegang, isGeenToegangDossier } from '../privacy/GeenToegang.tsx';
import { formatEuro, statusNaam as voorzieningStatusNaam, volumeTekst } from '../voorziening/regels.ts';
import { useVerzoek, useVerzoekActie, type VerzoekActie, type VerzoekDetail, type VerzoekKandidaat } from './api.ts';
import {
  ANTWOORD_WERKDAGEN, ONDERZOEK_WEKEN, REDENEN_AFWIJZING, REDENEN_VERZOEK, VERWIJZERS, als315, als317, isOpenVerzoek, productTekst,
  termijnStand, termijnTekst, vraagtWoonplaatsGemeente, wetVanStandaard, type Inhoud315, type Inhoud317, type Omvang,
} from './verzoeken.ts';
import { TermijnSignaal, VerzoekStatusBadge } from './VerzoekenPage.tsx';

type Gelukt = (tekst: string) => void;

const omvangOfBudget = (o: Omvang | null, budget: number | null): string =>
  o ? volumeTekst(o.volume, o.eenheid, o.frequentie) : budget !== null ? `Budget ${formatEuro(budget)}` : 'Niet genoemd';
/** "3 maart 2026 tot en met 30 juni 2026", or from a date on; `Vanaf` at the start of a value, `vanaf` inside a sentence. */
const periode = (van: string, tot: string | null, vanaf = 'vanaf'): string => (tot ? `${formatDatum(van)} tot en met ${formatDatum(tot)}` : `${vanaf} ${formatDatum(van)}`);

export function VerzoekPage() {
  const { id = '' } = useParams();
  const verzoek = useVerzoek(id);
  const [bericht, setBericht] = useState<string | null>(null);
  usePageTitle(verzoek.data ? `${verzoek.data.soortNaam} ${verzoek.data.referentie}` : 'Verzoek van een aanbieder');

  if (verzoek.isPending) return <><Heading1>Verzoek van een aanbieder</Heading1><Laden tekst="Het verzoek wordt geladen…" /></>;
  if (verzoek.isError) {
    if (isGeenToegangDossier(verzoek.error)) return <><Heading1>Verzoek van een aanbieder</Heading1><GeenToegang probleem={verzoek.error} /></>;
    const nietGevonden = verzoek.error instanceof ApiProblem && verzoek.error.status === 404;
    return <><Heading1>{nietGevonden ? 'Verzoek niet gevonden' : 'Verzoek van een aanbieder'}</Heading1><Foutmelding fout={verzoek.error} /></>;
  }
  const v = verzoek.data;
  const open = isOpenVerzoek(v.status);

  return (
    <>
      <Paragraph><RouterLink to="/verzoeken">Naar de verzoeken van aanbieders</RouterLink></Paragraph>
      <Heading1>{v.soortNaam} {v.referentie}</Heading1>
      <Paragraph appearance="lead">Van {v.aanbiederNaam}, voor {v.clientNaam}.</Paragraph>
      {/* The success message is an Utrecht alert: its text is a role="status" region, announced by screen readers. */}
      <Bericht tekst={bericht} />
      {open ? <Termijn v={v} /> : null}

      <section aria-labelledby="kop-gegevens" className="eenvoud-sectie">
        <Heading2 id="kop-gegevens">Gegevens van het verzoek</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Status</DataListKey><DataListValue><VerzoekStatusBadge status={v.status} naam={v.statusNaam} /></DataListValue></DataListItem>
          <DataListItem><DataListKey>Soort</DataListKey><DataListValue>{v.soortNaam} <span className="eenvoud-gedimd">({v.standaard === 'ijw' ? 'JW' : 'WMO'}{v.soort}, {wetVanStandaard(v.standaard)})</span></DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Cliënt</DataListKey>
            <DataListValue>
              {v.clientNaam} <span className="eenvoud-gedimd">BSN {v.bsn}</span>
              {v.casusId ? <> · <RouterLink to={`/casussen/${v.casusId}`}>Naar de casus</RouterLink></> : null}
              {!v.persoonId ? <><br />Deze inwoner is niet bekend in Eenvoud.</> : null}
            </DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Aanbieder</DataListKey><DataListValue>{v.aanbiederNaam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Referentie van de aanbieder</DataListKey><DataListValue>{v.referentie}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Dagtekening</DataListKey><DataListValue>{formatDatum(v.dagtekening)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Ontvangen op</DataListKey><DataListValue>{formatDatum(v.ontvangenOp)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Antwoord uiterlijk</DataListKey><DataListValue><TermijnSignaal v={v} /></DataListValue></DataListItem>
          {v.onderzoekOp ? <DataListItem><DataListKey>In onderzoek sinds</DataListKey><DataListValue>{formatDatum(v.onderzoekOp)}</DataListValue></DataListItem> : null}
          {v.onderzoekToelichting ? <DataListItem><DataListKey>Toelichting bij het onderzoek (intern)</DataListKey><DataListValue><span className="eenvoud-omschrijving">{v.onderzoekToelichting}</span></DataListValue></DataListItem> : null}
          {v.toelichting ? <DataListItem><DataListKey>Toelichting bij het antwoord (intern)</DataListKey><DataListValue><span className="eenvoud-omschrijving">{v.toelichting}</span></DataListValue></DataListItem> : null}
        </DataList>
      </section>

      <section aria-labelledby="kop-vraag" className="eenvoud-sectie">
        <Heading2 id="kop-vraag">Wat de aanbieder vraagt</Heading2>
        <Vraag v={v} />
      </section>

      {!open ? <Uitkomst v={v} /> : null}
      {open ? <Beantwoorden v={v} onGelukt={setBericht} /> : null}
    </>
  );
}

/** The answer term with its legal basis, in words and colour. */
function Termijn({ v }: { v: VerzoekDetail }) {
  const stand = termijnStand(v);
  const verlopen = stand.soort === 'verlopen';
  return (
    <Alert type={verlopen ? 'error' : stand.soort === 'vandaag' ? 'warning' : 'info'}>
      <Paragraph>
        <strong>{verlopen ? 'De antwoordtermijn is verlopen op' : 'Antwoorden uiterlijk op'} {formatDatum(v.termijnEinde)}</strong> ({termijnTekst(stand)}).
      </Paragraph>
      <Paragraph>
        Wettelijke termijn: binnen {ANTWOORD_WERKDAGEN} werkdagen een toewijzing of antwoord (OP274/OP346); in onderzoek: uiterlijk {ONDERZOEK_WEKEN} weken
        na de dagtekening ({formatDatum(v.dagtekening)}), dus op {formatDatum(v.onderzoekTermijn)}.
        {v.status === 'in_onderzoek' ? ` Dit verzoek is in onderzoek${v.onderzoekOp ? ` sinds ${formatDatum(v.onderzoekOp)}` : ''}: wijs het uiterlijk op ${formatDatum(v.termijnEinde)} toe of af.` : ''}
      </Paragraph>
    </Alert>
  );
}

// ————— What the provider asks —————

function Vraag({ v }: { v: VerzoekDetail }) {
  const i315 = v.soort === '315' ? als315(v.inhoud) : null;
  const i317 = v.soort === '317' ? als317(v.inhoud) : null;
  if (i315) return <Vraag315 inhoud={i315} />;
  if (i317) return <Vraag317 inhoud={i317} toewijzingen={v.toewijzingen} />;
  return <Paragraph>De inhoud van dit verzoek kan hier niet worden getoond.</Paragraph>;
}

function Vraag315({ inhoud: { client, product: p } }: { inhoud: Inhoud315 }) {
  return (
    <DataList className="eenvoud-datalist">
      <DataListItem><DataListKey>Product</DataListKey><DataListValue>{productTekst(p)}</DataListValue></DataListItem>
      <DataListItem><DataListKey>Periode</DataListKey><DataListValue>{periode(p.toewijzingIngangsdatum, p.toewijzingEinddatum, 'Vanaf')}</DataListValue></DataListItem>
      <DataListItem><DataListKey>Omvang</DataListKey><DataListValue>{omvangOfBudget(p.omvang, p.budget)}</DataListValue></DataListItem>
      <DataListItem>
        <DataListKey>Verwijzer</DataListKey>
        <DataListValue>
          {p.verwijzer ? (
            <>
              {VERWIJZERS[p.verwijzer.type] ?? `Code ${p.verwijzer.type}`}{p.verwijzer.naam ? `: ${p.verwijzer.naam}` : ''}
              {p.verwijzer.zorgverlenerscode ? <span className="eenvoud-gedimd"> (zorgverlenerscode {p.verwijzer.zorgverlenerscode})</span> : null}
            </>
          ) : 'Niet genoemd'}
        </DataListValue>
      </DataListItem>
      {client.geboortedatum ? <DataListItem><DataListKey>Geboortedatum cliënt</DataListKey><DataListValue>{formatDatum(client.geboortedatum)}</DataListValue></DataListItem> : null}
      {p.commentaar || client.commentaar ? (
        <DataListItem><DataListKey>Commentaar van de aanbieder</DataListKey><DataListValue>{[client.commentaar, p.commentaar].filter(Boolean).join(' ')}</DataListValue></DataListItem>
      ) : null}
    </DataList>
  );
}

/** A toewijzingnummer with the voorziening it belongs to, when the regisseur may see it. */
function ToewijzingLink({ nummer, toewijzingen }: { nummer: number; toewijzingen: VerzoekDetail['toewijzingen'] }) {
  const t = toewijzingen.find((x) => x.nummer === nummer);
  if (!t) return <>{nummer}</>;
  return <>{nummer} <span className="eenvoud-gedimd">(<RouterLink to={`/voorzieningen/${t.voorzieningId}`}>{t.voorzieningNummer ?? 'voorziening'}</RouterLink>{t.productNaam ? `, ${t.productNaam}` : ''})</span></>;
}

function Vraag317({ inhoud: w, toewijzingen }: { inhoud: Inhoud317; toewijzingen: VerzoekDetail['toewijzingen'] }) {
  return (
    <>
      <DataList className="eenvoud-datalist">
        <DataListItem><DataListKey>Reden</DataListKey><DataListValue>{REDENEN_VERZOEK[w.redenVerzoek] ?? `Code ${w.redenVerzoek}`}</DataListValue></DataListItem>
        <DataListItem>
          <DataListKey>Ongewijzigd</DataListKey>
          <DataListValue>
            {w.ongewijzigd.length
              ? <>Toewijzing {w.ongewijzigd.map((n, i) => <span key={n}>{i ? ', ' : ''}<ToewijzingLink nummer={n} toewijzingen={toewijzingen} /></span>)}</>
              : 'Geen: elke lopende toewijzing wijzigt'}
          </DataListValue>
        </DataListItem>
      </DataList>
      <Heading3>Te wijzigen toewijzingen</Heading3>
      {w.teWijzigen.length === 0 ? <Paragraph>Geen.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Toewijzingen die de aanbieder gewijzigd wil zien</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Toewijzingnummer</TableHeaderCell>
                <TableHeaderCell scope="col">Gewenst vanaf</TableHeaderCell>
                <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
                <TableHeaderCell scope="col">Nieuwe omvang</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {w.teWijzigen.map((t) => (
                <TableRow key={t.toewijzingNummer}>
                  <TableHeaderCell scope="row"><ToewijzingLink nummer={t.toewijzingNummer} toewijzingen={toewijzingen} /></TableHeaderCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(t.gewensteIngangsdatum)}</TableCell>
                  <TableCell className="eenvoud-nowrap">{t.einddatum ? formatDatum(t.einddatum) : 'Geen einddatum'}</TableCell>
                  <TableCell>{omvangOfBudget(t.omvang, t.budget)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Heading3>Nieuwe producten</Heading3>
      {w.nieuw.length === 0 ? <Paragraph>Geen.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Producten die de aanbieder erbij vraagt</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Gewenst vanaf</TableHeaderCell>
                <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
                <TableHeaderCell scope="col">Omvang</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {w.nieuw.map((n, i) => (
                <TableRow key={i}>
                  <TableHeaderCell scope="row">{productTekst(n)}</TableHeaderCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(n.gewensteIngangsdatum)}</TableCell>
                  <TableCell className="eenvoud-nowrap">{n.einddatum ? formatDatum(n.einddatum) : 'Geen einddatum'}</TableCell>
                  <TableCell>{omvangOfBudget(n.omvang, n.budget)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

// ————— The outcome of an answered verzoek —————

function Uitkomst({ v }: { v: VerzoekDetail }) {
  return (
    <section aria-labelledby="kop-uitkomst" className="eenvoud-sectie">
      <Heading2 id="kop-uitkomst">Antwoord aan de aanbieder</Heading2>
      <DataList className="eenvoud-datalist">
        <DataListItem><DataListKey>Uitkomst</DataListKey><DataListValue><VerzoekStatusBadge status={v.status} naam={v.statusNaam} /></DataListValue></DataListItem>
        {v.beantwoordOp ? <DataListItem><DataListKey>Beantwoord op</DataListKey><DataListValue>{formatDatum(v.beantwoordOp)}</DataListValue></DataListItem> : null}
        {v.status === 'afgewezen' ? (
          <DataListItem>
            <DataListKey>Reden van afwijzing</DataListKey>
            <DataListValue>{v.redenAfwijzingNaam ?? v.redenAfwijzing ?? 'Onbekend'}{v.redenAfwijzing ? <span className="eenvoud-gedimd"> (code {v.redenAfwijzing})</span> : null}</DataListValue>
          </DataListItem>
        ) : null}
        {v.status === 'toegewezen' && v.voorziening ? (
          <DataListItem>
            <DataListKey>Toegewezen met</DataListKey>
            <DataListValue><RouterLink to={`/voorzieningen/${v.voorziening.id}`}>Voorziening {v.voorziening.nummer}</RouterLink> <span className="eenvoud-gedimd">({v.voorziening.productNaam})</span></DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
      <Paragraph>
        {v.status === 'afgewezen'
          ? 'De aanbieder heeft een antwoord (319) met deze reden gekregen.'
          : `De aanbieder krijgt een toewijzing (301) met referentie ${v.referentie}.`}
      </Paragraph>
    </section>
  );
}

// ————— The three answers —————

function useActie(id: string, onGelukt: Gelukt) {
  const actie = useVerzoekActie(id);
  const { probleem, setProbleem, fouten } = useProbleem();
  const voerUit = (a: VerzoekActie, tekst: string, daarna?: () => void) => {
    setProbleem(null);
    actie.mutate(a, { onSuccess: () => { onGelukt(tekst); daarna?.(); }, onError: (e) => setProbleem(alsProbleem(e)) });
  };
  return { voerUit, probleem, fouten, bezig: actie.isPending };
}

/** The text fields send nothing when left empty. */
const metToelichting = (t: string): { toelichting?: string } => (t.trim() ? { toelichting: t.trim() } : {});

function ToelichtingVeld({ naam, waarde, onChange, fout }: { naam: string; waarde: string; onChange: (t: string) => void; fout?: string | undefined }) {
  return (
    <TekstvakVeld naam={`${naam}.toelichting`} label="Toelichting (alleen voor de gemeente)" rows={3} maxLength={2000}
      beschrijving="Niet verplicht. De aanbieder krijgt deze tekst niet." value={waarde} onChange={(e) => onChange(e.target.value)} fout={fout} />
  );
}

function Beantwoorden({ v, onGelukt }: { v: VerzoekDetail; onGelukt: Gelukt }) {
  return (
    <section aria-labelledby="kop-beantwoorden" className="eenvoud-sectie">
      <Heading2 id="kop-beantwoorden">Beantwoorden</Heading2>
      <div className="eenvoud-acties">
        {v.status === 'open' ? (
          <Uitklap titel="In onderzoek nemen"><Onderzoek v={v} onGelukt={onGelukt} /></Uitklap>
        ) : (
          <Paragraph className="eenvoud-gedimd">Dit verzoek is al in onderzoek; dat kan maar één keer (TR360). Wijs het toe of wijs het af.</Paragraph>
        )}
        <Uitklap titel="Afwijzen"><Afwijzen v={v} onGelukt={onGelukt} /></Uitklap>
        <Uitklap titel="Toewijzen"><Toewijzen v={v} onGelukt={onGelukt} /></Uitklap>
      </div>
    </section>
  );
}

function Formulier({ label, children, onSubmit }: { label: string; children: ReactNode; onSubmit: () => void }) {
  return (
    <form onSubmit={(e: FormEvent<HTMLFormElement>) => { e.preventDefault(); onSubmit(); }} noValidate className="eenvoud-form" aria-label={label}>
      {children}
    </form>
  );
}

function Onderzoek({ v, onGelukt }: { v: VerzoekDetail; onGelukt: Gelukt }) {
  const { voerUit, probleem, fouten, bezig } = useActie(v.id, onGelukt);
  const [toelichting, setToelichting] = useState('');
  const tot = v.onderzoekTermijn;
  return (
    <Formulier label="In onderzoek nemen" onSubmit={() => voerUit({ pad: 'onderzoek', body: metToelichting(toelichting) },
      `Het verzoek is in onderzoek. ${v.aanbiederNaam} krijgt een antwoord (319) "aanvraag in onderzoek"; wijs het verzoek uiterlijk ${formatDatum(tot)} toe of af.`)}>
      <Paragraph className="eenvoud-uitleg">
        Heeft u meer tijd nodig, bijvoorbeeld voor een gesprek of een advies? De aanbieder krijgt dan bericht (319) en u antwoordt uiterlijk
        {' '}{ONDERZOEK_WEKEN} weken na de dagtekening: op {formatDatum(tot)}. Dit kan één keer.
      </Paragraph>
      <Probleem probleem={probleem} />
      <ToelichtingVeld naam="onderzoek" waarde={toelichting} onChange={setToelichting} fout={fouten.toelichting} />
      <ButtonGroup><PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>In onderzoek nemen</PrimaryActionButton></ButtonGroup>
    </Formulier>
  );
}

function Afwijzen({ v, onGelukt }: { v: VerzoekDetail; onGelukt: Gelukt }) {
  const { voerUit, probleem, fouten, bezig } = useActie(v.id, onGelukt);
  const [reden, setReden] = useState('');
  const [gemeente, setGemeente] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [eigen, setEigen] = useState<Foutregel[]>([]);
  const [bevestigen, setBevestigen] = useState(false);
  const metGemeente = vraagtWoonplaatsGemeente(v.standaard, reden);
  const redenNaam = REDENEN_AFWIJZING.find((r) => r.code === reden)?.naam ?? '';
  const eigenFout = (veld: string) => eigen.find((f) => f.naam === `afwijzing.${veld}`)?.tekst;

  const onSubmit = () => {
    // What is plainly missing is said before the confirmation; the API checks the rest.
    const mist: Foutregel[] = [
      ...(reden ? [] : [{ naam: 'afwijzing.reden', tekst: 'Kies een reden van afwijzing.' }]),
      ...(metGemeente && !/^\d{4}$/.test(gemeente.trim()) ? [{ naam: 'afwijzing.woonplaatsGemeente', tekst: 'Vul de CBS-code van de verantwoordelijke gemeente in: 4 cijfers.' }] : []),
    ];
    setEigen(mist);
    setBevestigen(mist.length === 0);
  };
  const wijsAf = () => voerUit(
    { pad: 'afwijzing', body: { reden, ...(metGemeente ? { woonplaatsGemeente: gemeente.trim() } : {}), ...metToelichting(toelichting) } },
    `Het verzoek is afgewezen (${redenNaam.toLowerCase()}). ${v.aanbiederNaam} krijgt een antwoord (319) met deze reden.`,
    () => setBevestigen(false),
  );

  return (
    <Formulier label="Afwijzen" onSubmit={onSubmit}>
      <Paragraph className="eenvoud-uitleg">De aanbieder krijgt een antwoord (319) met de reden uit de iStandaard. Daarna is het verzoek afgehandeld.</Paragraph>
      {eigen.length > 0 ? <FoutSamenvatting fouten={eigen} /> : <Probleem probleem={probleem} />}
      <KeuzeVeld naam="afwijzing.reden" label="Reden van afwijzing" verplicht value={reden}
        onChange={(e) => { setReden(e.target.value); setBevestigen(false); }} fout={eigenFout('reden') ?? fouten.reden}>
        <SelectOption value="">Kies een reden</SelectOption>
        {REDENEN_AFWIJZING.map((r) => <SelectOption key={r.code} value={r.code}>{r.naam}</SelectOption>)}
      </KeuzeVeld>
      {metGemeente ? (
        <TekstVeld naam="afwijzing.woonplaatsGemeente" label="Verantwoordelijke gemeente (CBS-code)" verplicht inputMode="numeric" maxLength={4} className="eenvoud-breedte-6"
          beschrijving="Jeugdwet: de gemeente waar de jeugdige woonplaats heeft, met haar CBS-gemeentecode van 4 cijfers, bijvoorbeeld 0363 voor Amsterdam."
          value={gemeente} onChange={(e) => { setGemeente(e.target.value); setBevestigen(false); }} fout={eigenFout('woonplaatsGemeente') ?? fouten.woonplaatsGemeente} />
      ) : null}
      <ToelichtingVeld naam="afwijzing" waarde={toelichting} onChange={setToelichting} fout={fouten.toelichting} />
      {!bevestigen ? (
        <ButtonGroup><PrimaryActionButton type="submit">Afwijzen</PrimaryActionButton></ButtonGroup>
      ) : (
        <Bevestig id="bevestig-afwijzing" vraag={`Het verzoek afwijzen met reden "${redenNaam}"?`} ja="Ja, afwijzen" bezig={bezig} onJa={wijsAf} onNee={() => setBevestigen(false)}
          uitleg={<Paragraph>{v.aanbiederNaam} krijgt meteen het antwoord. Dit kan niet ongedaan worden gemaakt.</Paragraph>} />
      )}
    </Formulier>
  );
}

function kandidaatNaam(k: VerzoekKandidaat): ReactNode {
  return (
    <>
      {k.nummer}: {k.productNaam}
      <span className="eenvoud-gedimd">
        {' '}— {volumeTekst(k.volume, k.eenheid, k.frequentie)}, {periode(k.begin, k.eind)}, {voorzieningStatusNaam(k.status).toLowerCase()},
        {' '}{k.aanbiederNaam ? `aanbieder ${k.aanbiederNaam}` : 'nog geen aanbieder'}
      </span>
    </>
  );
}

function Toewijzen({ v, onGelukt }: { v: VerzoekDetail; onGelukt: Gelukt }) {
  const { voerUit, probleem, fouten, bezig } = useActie(v.id, onGelukt);
  const [gekozen, setGekozen] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [eigen, setEigen] = useState<Foutregel[]>([]);
  const [bevestigen, setBevestigen] = useState(false);
  const k = v.kandidaten.find((x) => x.id === gekozen);

  if (v.kandidaten.length === 0) {
    return (
      <Alert type="info">
        <Paragraph>
          Er is geen voorziening om dit verzoek mee toe te wijzen. Toewijzen kan alleen met een voorziening in natura onder
          de {wetVanStandaard(v.standaard)}, besloten met een beschikking, zonder aanbieder of bij {v.aanbiederNaam}.
          Neem eerst een besluit: een aanvraag of een herziening met een beschikking. Neem het verzoek zo nodig in onderzoek om daar tijd voor te hebben.
        </Paragraph>
        {v.casusId ? <Paragraph><RouterLink to={`/casussen/${v.casusId}`}>Naar de casus van {v.clientNaam}</RouterLink></Paragraph>
          : <Paragraph>Er is geen open casus voor deze inwoner; registreer eerst een melding.</Paragraph>}
      </Alert>
    );
  }

  const onSubmit = () => {
    const mist: Foutregel[] = k ? [] : [{ naam: 'toewijzing.voorzieningId', tekst: 'Kies de voorziening waarmee u het verzoek toewijst.' }];
    setEigen(mist);
    setBevestigen(mist.length === 0);
  };
  const wijsToe = () => voerUit(
    { pad: 'toewijzing', body: { voorzieningId: gekozen, ...metToelichting(toelichting) } },
    `Het verzoek is toegewezen met voorziening ${k?.nummer ?? ''}. ${v.aanbiederNaam} levert deze voorziening en krijgt een toewijzing (301) met referentie ${v.referentie}.`,
    () => setBevestigen(false),
  );

  return (
    <Formulier label="Toewijzen" onSubmit={onSubmit}>
      <Paragraph className="eenvoud-uitleg">
        Kies de voorziening van {v.clientNaam} die dit verzoek dekt. {v.aanbiederNaam} wordt de aanbieder (als de voorziening er nog geen heeft)
        en krijgt een toewijzing (301) met zijn referentie.
      </Paragraph>
      {eigen.length > 0 ? <FoutSamenvatting fouten={eigen} /> : <Probleem probleem={probleem} />}
      <RondjesVeld naam="toewijzing.voorzieningId" label="Met welke voorziening?" verplicht waarde={gekozen}
        opties={v.kandidaten.map((x) => ({ code: x.id, naam: kandidaatNaam(x) }))}
        onChange={(c) => { setGekozen(c); setBevestigen(false); }} fout={eigen[0]?.tekst ?? fouten.voorzieningId} />
      <ToelichtingVeld naam="toewijzing" waarde={toelichting} onChange={setToelichting} fout={fouten.toelichting} />
      {!bevestigen ? (
        <ButtonGroup><PrimaryActionButton type="submit">Toewijzen</PrimaryActionButton></ButtonGroup>
      ) : (
        <Bevestig id="bevestig-toewijzing" vraag={`Het verzoek toewijzen met voorziening ${k?.nummer ?? ''}?`} ja="Ja, toewijzen" bezig={bezig} onJa={wijsToe} onNee={() => setBevestigen(false)}
          uitleg={<Paragraph>
            {k?.aanbiederNaam ? `${v.aanbiederNaam} levert ${k.productNaam} al; ` : `${v.aanbiederNaam} wordt de aanbieder van ${k?.productNaam ?? 'deze voorziening'}; `}
            de aanbieder krijgt een toewijzing (301) met zijn referentie. Dit kan niet ongedaan worden gemaakt.
          </Paragraph>} />
      )}
    </Formulier>
  );
}
