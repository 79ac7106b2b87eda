/**
 * One voorziening: what was granted, who delivers it, the budget, the letters and the history, and the
 * next step its status allows for this user (choose the aanbieder, pass the start, end it, withdraw it).
 */
import {
  Alert, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, FormLabel, Heading1, Heading2, Paragraph, PrimaryActionButton,
  RadioButton, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Bericht, Bevestig, Probleem, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { ApiProblem } from '../../platform/api.ts';
import { formatDatum, formatMoment, vandaag } from '../../platform/format.ts';
import { FoutSamenvatting, KeuzeVeld, TekstVeld, TekstvakVeld, foutregels, veldId, type Foutregel } from '../../platform/form.tsx';
import { rollenVan } from '../../platform/functies.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { Historietabel } from '../../platform/Historietabel.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSessie } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { isGeenToegangDossier, GeenToegang } from '../privacy/GeenToegang.tsx';
import { useWetNaam } from '../besluit/onderdelen.tsx';
import { useKandidaten, useOvergang, useVoorziening, type Kandidaat, type Overgang, type VoorzieningDetail } from './api.ts';
import {
  BEKOSTIGING_NAAM, LEVERINGSVORM_NAAM, formatEuro, geenBudgetTekst, leesbareToelichting, redenNaam, redenenVoor, statusNaam, toegestaneActies, volumeTekst, zonderDagen,
} from './regels.ts';
import { VoorzieningStatusBadge, aanbiederTekst, periodeTekst } from './VoorzieningenSectie.tsx';
import { BerichtenKeten } from '../berichten/BerichtenKeten.tsx';
import { BestedingSectie } from './BestedingSectie.tsx';

type Gelukt = (tekst: string) => void;

export function VoorzieningPage() {
  const { id = '' } = useParams();
  const voorziening = useVoorziening(id);
  const wetNaam = useWetNaam();
  const sessie = useSessie();
  const [bericht, setBericht] = useState<string | null>(null);
  usePageTitle(voorziening.data ? `Voorziening ${voorziening.data.nummer}` : 'Voorziening');

  if (voorziening.isPending) return <><Heading1>Voorziening</Heading1><Laden tekst="De voorziening wordt geladen…" /></>;
  if (voorziening.isError) {
    if (isGeenToegangDossier(voorziening.error)) return <><Heading1>Voorziening</Heading1><GeenToegang probleem={voorziening.error} /></>;
    const nietGevonden = voorziening.error instanceof ApiProblem && voorziening.error.status === 404;
    return <><Heading1>{nietGevonden ? 'Voorziening niet gevonden' : 'Voorziening'}</Heading1><Foutmelding fout={voorziening.error} /></>;
  }
  const v = voorziening.data;
  const acties = toegestaneActies(v.status, rollenVan(sessie));
  // The same words as the select offers; a code the page does not know in the API's words.
  // Withdrawn (or replaced) before its first day: no period and no budget to show, only that it never began.
  const geenDagen = zonderDagen(v);
  const reden = v.redenBeeindiging && redenNaam(v.wet, v.redenBeeindiging) === v.redenBeeindiging ? v.redenBeeindigingNaam ?? v.redenBeeindiging : redenNaam(v.wet, v.redenBeeindiging);

  return (
    <>
      <Paragraph><RouterLink to={`/casussen/${v.casusId}`}>Terug naar de casus</RouterLink></Paragraph>
      <Heading1>Voorziening {v.nummer}</Heading1>
      <Bericht tekst={bericht} />

      <section aria-labelledby="kop-gegevens" className="eenvoud-sectie">
        <Heading2 id="kop-gegevens">Gegevens van de voorziening</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Status</DataListKey><DataListValue><VoorzieningStatusBadge status={v.status} /></DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Product</DataListKey>
            <DataListValue>{v.productNaam} <span className="eenvoud-gedimd">{v.productcode ? `(productcode ${v.productcode}${v.productcategorie ? `, categorie ${v.productcategorie}` : ''})` : '(geen productcode)'}</span></DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Wet</DataListKey><DataListValue>{wetNaam(v.wet)}</DataListValue></DataListItem>
          {v.persoon ? <DataListItem><DataListKey>Voor</DataListKey><DataListValue>{v.persoon.naam}</DataListValue></DataListItem> : null}
          <DataListItem><DataListKey>Omvang</DataListKey><DataListValue>{volumeTekst(v.volume, v.eenheid, v.frequentie)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Leveringsvorm</DataListKey><DataListValue>{LEVERINGSVORM_NAAM[v.leveringsvorm] ?? v.leveringsvorm}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Aanbieder</DataListKey><DataListValue>{aanbiederTekst(v)}{v.aanbieder ? <span className="eenvoud-gedimd"> (AGB-code {v.aanbieder.agbCode})</span> : null}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Periode</DataListKey><DataListValue>{periodeTekst(v)}</DataListValue></DataListItem>
          {v.beeindigdOp && v.eind && v.beeindigdOp !== v.eind ? (
            <DataListItem><DataListKey>Toegekend tot en met</DataListKey><DataListValue>{formatDatum(v.eind)}</DataListValue></DataListItem>
          ) : null}
          {v.gestartOp ? <DataListItem><DataListKey>Gestart op</DataListKey><DataListValue>{formatDatum(v.gestartOp)}</DataListValue></DataListItem> : null}
          {v.intrekking ? (
            <>
              <DataListItem><DataListKey>Ingetrokken met ingang van</DataListKey><DataListValue>{formatDatum(v.intrekking.datum)}</DataListValue></DataListItem>
              <DataListItem><DataListKey>Reden van intrekking</DataListKey><DataListValue>{v.intrekking.reden}</DataListValue></DataListItem>
            </>
          ) : reden ? <DataListItem><DataListKey>Reden van beëindiging</DataListKey><DataListValue>{reden}</DataListValue></DataListItem> : null}
          <DataListItem>
            <DataListKey>Budget</DataListKey>
            <DataListValue>
              {geenDagen ? geenBudgetTekst(v.status)
                : v.bekostiging === 'taakgericht' ? 'Geen budget per cliënt: de aanbieder krijgt een vast bedrag onder het contract.'
                  : <>{formatEuro(v.budgetCents)} <span className="eenvoud-gedimd">voor {formatDatum(v.begin)} tot en met {formatDatum(v.budgetTot)}</span></>}
            </DataListValue>
          </DataListItem>
          {v.bekostiging !== 'taakgericht' && !geenDagen ? <DataListItem><DataListKey>Omgerekend per jaar</DataListKey><DataListValue>{formatEuro(v.jaarbedragCents)}</DataListValue></DataListItem> : null}
          <DataListItem><DataListKey>Bekostiging</DataListKey><DataListValue>{v.bekostiging ? BEKOSTIGING_NAAM[v.bekostiging] ?? v.bekostiging : 'Onbekend (van vóór de inkoop)'}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Beschikking</DataListKey><DataListValue><RouterLink to={`/beschikkingen/${v.beschikking.id}`}>{v.beschikking.nummer}</RouterLink></DataListValue></DataListItem>
          {v.vervangt ? <DataListItem><DataListKey>Vervangt</DataListKey><DataListValue><RouterLink to={`/voorzieningen/${v.vervangt}`}>de vorige voorziening</RouterLink></DataListValue></DataListItem> : null}
          {v.vervangenDoor ? <DataListItem><DataListKey>Vervangen door</DataListKey><DataListValue><RouterLink to={`/voorzieningen/${v.vervangenDoor}`}>de nieuwe voorziening</RouterLink></DataListValue></DataListItem> : null}
        </DataList>
      </section>

      {acties.includes('aanbieder') ? (v.leveringsvorm === 'pgb' ? <PgbVastleggen v={v} onGelukt={setBericht} /> : <AanbiederKiezen v={v} onGelukt={setBericht} />) : null}
      {acties.includes('start') ? <StartDoorgeven v={v} onGelukt={setBericht} /> : null}
      {acties.includes('beeindig') ? <DatumEnReden v={v} soort="beeindig" onGelukt={setBericht} /> : null}
      {acties.includes('intrekken') ? <DatumEnReden v={v} soort="intrekken" onGelukt={setBericht} /> : null}
      {acties.length === 0 ? <GeenActie v={v} rollen={rollenVan(sessie)} /> : null}

      {v.bestedingBron ? <BestedingSectie v={v} /> : null}

      {v.leveringsvorm === 'zin' && (v.wet === 'wmo' || v.wet === 'jeugdwet') ? <BerichtenKeten voorzieningId={v.id} aanbieder={v.aanbieder !== null} /> : null}

      <section aria-labelledby="kop-brieven" className="eenvoud-sectie">
        <Heading2 id="kop-brieven">Brieven</Heading2>
        {v.brieven.length === 0 ? (
          <Paragraph>
            {v.historie.length > 1 ? 'De brief over de laatste wijziging wordt gemaakt; vernieuw de pagina straks.' : 'Er is nog geen brief over deze voorziening verstuurd.'}
          </Paragraph>
        ) : (
          <ul className="eenvoud-kaal">
            {v.brieven.map((b) => (
              <li key={b.id}>
                <a className="utrecht-link utrecht-link--html-a" href={b.url} type="application/pdf">{b.onderwerp || briefTitel(b.gebeurtenis)} (PDF)</a>
                <span className="eenvoud-gedimd">, {formatMoment(b.aangemaaktOp)}, kenmerk {b.kenmerk}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="kop-historie" className="eenvoud-sectie">
        <Heading2 id="kop-historie">Historie</Heading2>
        <Historietabel
          caption="Wijzigingen van de voorziening, de oudste eerst"
          redenKop="Toelichting"
          leegTekst="Nog geen wijzigingen."
          rijen={v.historie.map((h) => ({
            moment: formatMoment(h.moment), van: h.van ? statusNaam(h.van) : '—', naar: statusNaam(h.naar), door: h.door?.naam ?? 'Eenvoud', reden: leesbareToelichting(h.toelichting ?? '', formatDatum),
          }))}
        />
      </section>
    </>
  );
}

const BRIEF_TITEL: Record<string, string> = {
  toegewezen: 'Brief: wie uw voorziening levert',
  aanbieder: 'Brief: wie uw voorziening levert',
  gestart: 'Brief: uw voorziening is gestart',
  beeindigd: 'Brief: uw voorziening stopt',
  ingetrokken: 'Brief: uw voorziening is ingetrokken',
  vervangen: 'Brief: uw voorziening is vervangen',
};
const briefTitel = (soort: string): string => BRIEF_TITEL[soort] ?? 'Brief over de voorziening';

function GeenActie({ v, rollen }: { v: VoorzieningDetail; rollen: readonly string[] }) {
  let tekst: string;
  if (v.status === 'beeindigd' || v.status === 'ingetrokken' || v.status === 'vervangen') tekst = `Deze voorziening is ${statusNaam(v.status).toLowerCase()}: er is niets meer te doen.`;
  else if (rollen.includes('beslisser')) tekst = 'De casusregisseur kiest de aanbieder, geeft de start door en beëindigt de voorziening. Intrekken kan tot de voorziening gestart is.';
  else tekst = 'Intrekken doet een beslisser. Een wijziging van omvang of periode gaat via een herziening van de beschikking.';
  return (
    <section aria-labelledby="kop-actie" className="eenvoud-sectie">
      <Heading2 id="kop-actie">Volgende stap</Heading2>
      <Paragraph>{tekst}</Paragraph>
    </section>
  );
}

/** The problem of an action: the error summary with links when fields are named, else the API's words. */
function ActieProbleem({ probleem, velden, voorvoegsel, eigen }: {
  probleem: ApiProblem | null; velden: Record<string, string>; voorvoegsel: string; eigen?: Foutregel[] | undefined;
}) {
  if (eigen && eigen.length > 0) return <FoutSamenvatting fouten={eigen} />;
  if (!probleem) return null;
  if (probleem.invalidParams.length === 0) return <Probleem probleem={probleem} />;
  const regels = foutregels(probleem, velden).map((r) => (r.naam ? { ...r, naam: `${voorvoegsel}.${r.naam}` } : r));
  return <FoutSamenvatting fouten={regels} inleiding={probleem.detail} />;
}

function useActie(v: VoorzieningDetail) {
  const mutatie = useOvergang(v.id);
  const { probleem, setProbleem, fouten } = useProbleem();
  const doe = (o: Overgang, gelukt: (nieuw: VoorzieningDetail) => void) => {
    setProbleem(null);
    mutatie.mutate(o, { onSuccess: gelukt, onError: (e) => setProbleem(alsProbleem(e)) });
  };
  return { probleem, setProbleem, fouten, doe, bezig: mutatie.isPending };
}

// ————— Aanbieder kiezen (zorg in natura) —————

function vrijTekst(k: Kandidaat): string {
  if (k.capaciteit === null) return 'Geen grens';
  const vrij = k.vrij ?? Math.max(0, k.capaciteit - (k.lopend ?? 0));
  return vrij <= 0 ? 'Vol' : `${vrij} van ${k.capaciteit}`;
}

function AanbiederKiezen({ v, onGelukt }: { v: VoorzieningDetail; onGelukt: Gelukt }) {
  const kandidaten = useKandidaten(v.id);
  const { probleem, fouten, doe, bezig } = useActie(v);
  const [gekozen, setGekozen] = useState('');
  const [bevestigen, setBevestigen] = useState(false);
  const [eigen, setEigen] = useState<Foutregel[]>([]);
  const k = (kandidaten.data ?? []).find((x) => x.aanbiederId === gekozen);
  const fout = eigen[0]?.tekst ?? fouten.aanbiederId;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!k) {
      setEigen([{ naam: 'kies.aanbiederId', tekst: 'Kies een aanbieder' }]);
      return;
    }
    setEigen([]);
    setBevestigen(true);
  };
  const kies = () => doe({ soort: 'aanbieder', body: { aanbiederId: gekozen } }, (nieuw) => {
    setBevestigen(false);
    onGelukt(`${nieuw.aanbieder?.naam ?? k?.aanbiederNaam ?? 'De aanbieder'} levert nu deze voorziening. De status is ${statusNaam(nieuw.status).toLowerCase()}; het budget is ${formatEuro(nieuw.budgetCents)}. De inwoner krijgt een brief.`);
  });

  return (
    <section aria-labelledby="kop-aanbieder" className="eenvoud-sectie">
      <Heading2 id="kop-aanbieder">Aanbieder kiezen</Heading2>
      <Paragraph className="eenvoud-uitleg">
        De inwoner kiest uit de aanbieders met een contract voor dit product; u legt de keuze vast. Tot dan is het budget gereserveerd tegen het hoogste
        tarief ({formatEuro(v.budgetCents)}); met de keuze geldt het tarief van die aanbieder.
      </Paragraph>
      {kandidaten.isPending ? <Laden tekst="De aanbieders met een contract worden geladen…" /> : null}
      {kandidaten.isError ? <Foutmelding fout={kandidaten.error} /> : null}
      {kandidaten.data && kandidaten.data.length === 0 ? (
        <Alert type="warning"><Paragraph>Er is geen aanbieder met een lopend contract voor dit product. Vraag de inkoper om een contract.</Paragraph></Alert>
      ) : null}
      {kandidaten.data && kandidaten.data.length > 0 ? (
        <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-form--breed eenvoud-actie" aria-label="Aanbieder kiezen">
          <ActieProbleem probleem={probleem} velden={{ aanbiederId: 'Aanbieder' }} voorvoegsel="kies" eigen={eigen} />
          <fieldset className="utrecht-form-fieldset eenvoud-subfieldset" aria-describedby={fout ? `${veldId('kies.aanbiederId')}-fout` : undefined}>
            <legend className="utrecht-form-fieldset__legend">Welke aanbieder levert? <span className="eenvoud-verplicht">(verplicht)</span></legend>
            {fout ? <p className="eenvoud-groepsfout" id={`${veldId('kies.aanbiederId')}-fout`}>{fout}</p> : null}
            <div className="eenvoud-tabel">
              <Table>
                <TableCaption className="eenvoud-visueel-verborgen">Aanbieders met een contract voor {v.productNaam}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                    <TableHeaderCell scope="col">Tarief</TableHeaderCell>
                    <TableHeaderCell scope="col">Budget met dit tarief</TableHeaderCell>
                    <TableHeaderCell scope="col">Vrije plaatsen</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {kandidaten.data.map((x, i) => {
                    const rid = i === 0 ? veldId('kies.aanbiederId') : `${veldId('kies.aanbiederId')}-${x.aanbiederId}`;
                    return (
                      <TableRow key={x.aanbiederId}>
                        <TableCell>
                          <span className="eenvoud-keuze">
                            <RadioButton id={rid} name="kies.aanbiederId" value={x.aanbiederId} checked={gekozen === x.aanbiederId} invalid={!!fout}
                              onChange={() => { setGekozen(x.aanbiederId); setBevestigen(false); }} />
                            <FormLabel htmlFor={rid} type="radio" checked={gekozen === x.aanbiederId}>{x.aanbiederNaam}</FormLabel>
                          </span>
                          <span className="eenvoud-gedimd">AGB-code {x.agbCode}</span>
                        </TableCell>
                        <TableCell className="eenvoud-nowrap">{formatEuro(x.tariefCents)}{v.eenheid ? <span className="eenvoud-gedimd"> {tariefPer(v.eenheid)}</span> : null}</TableCell>
                        <TableCell className="eenvoud-nowrap">{formatEuro(x.budgetCents)}</TableCell>
                        <TableCell>{vrijTekst(x) === 'Vol' ? <StatusBadge status="warning">Vol</StatusBadge> : vrijTekst(x)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          </fieldset>
          {!bevestigen ? (
            <ButtonGroup><PrimaryActionButton type="submit">Aanbieder kiezen</PrimaryActionButton></ButtonGroup>
          ) : (
            <Bevestig id="bevestig-aanbieder" vraag={`${k?.aanbiederNaam ?? 'Deze aanbieder'} vastleggen als aanbieder?`}
              uitleg={<Paragraph>Het budget wordt dan {formatEuro(k?.budgetCents)}. De inwoner krijgt een brief met de naam van de aanbieder.</Paragraph>}
              ja="Ja, aanbieder vastleggen" bezig={bezig} onJa={kies} onNee={() => setBevestigen(false)} />
          )}
        </form>
      ) : null}
    </section>
  );
}

const TARIEF_PER: Record<string, string> = { '01': 'per minuut', '04': 'per uur', '14': 'per etmaal', '16': 'per dagdeel', '82': 'per stuk', '83': 'per euro', '84': 'per stuk' };
const tariefPer = (eenheid: string): string => TARIEF_PER[eenheid] ?? '';

// ————— Pgb: recorded as going to the SVB —————

function PgbVastleggen({ v, onGelukt }: { v: VoorzieningDetail; onGelukt: Gelukt }) {
  const { probleem, doe, bezig } = useActie(v);
  const [bevestigen, setBevestigen] = useState(false);
  return (
    <section aria-labelledby="kop-aanbieder" className="eenvoud-sectie">
      <Heading2 id="kop-aanbieder">Aanbieder kiezen</Heading2>
      <Paragraph className="eenvoud-uitleg">
        Dit is een persoonsgebonden budget: de inwoner kiest zelf wie de zorg levert en de SVB betaalt uit. Het budget volgt het pgb-tarief: {formatEuro(v.budgetCents)}.
      </Paragraph>
      <Probleem probleem={probleem} />
      {!bevestigen ? (
        <ButtonGroup><PrimaryActionButton type="button" onClick={() => setBevestigen(true)}>Vastleggen: pgb via de SVB</PrimaryActionButton></ButtonGroup>
      ) : (
        <Bevestig id="bevestig-pgb" vraag="Vastleggen dat dit budget via de SVB loopt?" ja="Ja, pgb via de SVB vastleggen" bezig={bezig}
          onJa={() => doe({ soort: 'aanbieder', body: { svb: true } }, (nieuw) => {
            setBevestigen(false);
            onGelukt(`Vastgelegd: het pgb loopt via de SVB. De status is ${statusNaam(nieuw.status).toLowerCase()}.`);
          })}
          onNee={() => setBevestigen(false)} />
      )}
    </section>
  );
}

// ————— Start doorgeven —————

function StartDoorgeven({ v, onGelukt }: { v: VoorzieningDetail; onGelukt: Gelukt }) {
  const { probleem, fouten, doe, bezig } = useActie(v);
  const [datum, setDatum] = useState(() => (v.begin > vandaag() ? v.begin : vandaag()));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    doe({ soort: 'start', body: { datum } }, () => onGelukt(`De start op ${formatDatum(datum)} is doorgegeven. De voorziening is gestart.`));
  };
  return (
    <section aria-labelledby="kop-start" className="eenvoud-sectie">
      <Heading2 id="kop-start">Start doorgeven</Heading2>
      <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label="Start doorgeven">
        <Paragraph className="eenvoud-uitleg">De aanbieder is begonnen met leveren. Geef de eerste dag door.</Paragraph>
        <ActieProbleem probleem={probleem} velden={{ datum: 'Eerste dag van de levering' }} voorvoegsel="start" />
        <TekstVeld naam="start.datum" label="Eerste dag van de levering" verplicht type="date" className="eenvoud-breedte-10"
          min={v.begin} max={v.eind ?? undefined} beschrijving={`Op of na ${formatDatum(v.begin)}, de ingangsdatum van het besluit.`}
          value={datum} onChange={(e) => setDatum(e.target.value)} fout={fouten.datum} />
        <ButtonGroup><PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Start doorgeven</PrimaryActionButton></ButtonGroup>
      </form>
    </section>
  );
}

// ————— Beëindigen (regisseur) and intrekken (beslisser) —————

function DatumEnReden({ v, soort, onGelukt }: { v: VoorzieningDetail; soort: 'beeindig' | 'intrekken'; onGelukt: Gelukt }) {
  const { probleem, fouten, doe, bezig } = useActie(v);
  const [datum, setDatum] = useState(() => (soort === 'intrekken' && v.begin > vandaag() ? v.begin : vandaag()));
  const [reden, setReden] = useState('');
  const [bevestigen, setBevestigen] = useState(false);
  const [eigen, setEigen] = useState<Foutregel[]>([]);
  const beeindig = soort === 'beeindig';
  const titel = beeindig ? 'Beëindigen' : 'Intrekken';
  const datumLabel = beeindig ? 'Laatste dag van de levering' : 'Ingetrokken met ingang van';
  const redenen = redenenVoor(v.wet);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // What is plainly missing is said before the confirmation; the API checks the rest (dates within the period).
    const mist: Foutregel[] = [
      ...(datum ? [] : [{ naam: `${soort}.datum`, tekst: `${datumLabel}: vul een datum in` }]),
      ...(reden.trim() ? [] : [{ naam: `${soort}.reden`, tekst: beeindig ? 'Reden: kies een reden' : 'Reden: schrijf waarom de voorziening wordt ingetrokken' }]),
    ];
    setEigen(mist);
    if (mist.length === 0) setBevestigen(true);
  };
  const eigenFout = (veld: string) => eigen.find((f) => f.naam === `${soort}.${veld}`)?.tekst.replace(/^[^:]*: /, '');
  const voerUit = () => doe({ soort, body: { datum, reden: reden.trim() } }, (nieuw) => {
    setBevestigen(false);
    onGelukt(beeindig
      ? `De voorziening is beëindigd; de laatste dag is ${formatDatum(nieuw.beeindigdOp ?? datum)}. De inwoner krijgt een brief.`
      : `De voorziening is ingetrokken met ingang van ${formatDatum(datum)}. De inwoner krijgt een brief.`);
  });

  return (
    <section aria-labelledby={`kop-${soort}`} className="eenvoud-sectie">
      <Heading2 id={`kop-${soort}`}>{titel}</Heading2>
      <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label={titel}>
        <Paragraph className="eenvoud-uitleg">
          {beeindig
            ? 'Eerder stoppen dan de einddatum van het besluit, met de reden uit de iStandaard. Het budget loopt tot en met de laatste dag.'
            : 'Intrekken kan zolang de levering niet gestart is, bijvoorbeeld als het besluit op onjuiste gegevens berustte.'}
        </Paragraph>
        <ActieProbleem probleem={probleem} velden={{ datum: datumLabel, reden: 'Reden' }} voorvoegsel={soort} eigen={eigen} />
        <TekstVeld naam={`${soort}.datum`} label={datumLabel} verplicht type="date" className="eenvoud-breedte-10"
          min={beeindig ? v.gestartOp ?? v.begin : undefined} max={v.eind ?? undefined}
          value={datum} onChange={(e) => { setDatum(e.target.value); setBevestigen(false); }} fout={eigenFout('datum') ?? fouten.datum} />
        {beeindig ? (
          <KeuzeVeld naam={`${soort}.reden`} label="Reden" verplicht value={reden} onChange={(e) => { setReden(e.target.value); setBevestigen(false); }} fout={eigenFout('reden') ?? fouten.reden}>
            <SelectOption value="">Kies een reden</SelectOption>
            {redenen.map((r) => <SelectOption key={r.code} value={r.code}>{r.naam}</SelectOption>)}
          </KeuzeVeld>
        ) : (
          <TekstvakVeld naam={`${soort}.reden`} label="Reden" verplicht rows={3} maxLength={2000}
            value={reden} onChange={(e) => { setReden(e.target.value); setBevestigen(false); }} fout={eigenFout('reden') ?? fouten.reden} />
        )}
        {!bevestigen ? (
          <ButtonGroup><PrimaryActionButton type="submit">{beeindig ? 'Voorziening beëindigen' : 'Voorziening intrekken'}</PrimaryActionButton></ButtonGroup>
        ) : (
          <Bevestig id={`bevestig-${soort}`} bezig={bezig} onJa={voerUit} onNee={() => setBevestigen(false)}
            vraag={beeindig ? `De voorziening beëindigen met ${datum ? formatDatum(datum) : 'deze datum'} als laatste dag?` : 'De voorziening intrekken?'}
            uitleg={<Paragraph>Dit kan niet ongedaan worden gemaakt. De inwoner krijgt een brief.</Paragraph>}
            ja={beeindig ? 'Ja, beëindigen' : 'Ja, intrekken'} />
        )}
      </form>
    </section>
  );
}
