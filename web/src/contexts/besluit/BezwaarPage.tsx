/** One bezwaar: status, timeliness, the decision term with days left, hoorzitting, advice, verdaging, the decision and its letter. */
import {
  Alert, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph, PrimaryActionButton, StatusBadge,
} from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { ApiProblem } from '../../platform/api.ts';
import { formatDatum, formatMoment, vandaag } from '../../platform/format.ts';
import { AankruisVeld, RondjesVeld, TekstVeld, TekstvakVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { TermijnBadge } from '../toegang/termijn.tsx';
import {
  BEZWAAR_UITKOMSTEN, bezwaarBadge, bezwaarBriefUrl, useBezwaar, useBezwaarActie, type BezwaarActie, type BezwaarDetail, type BezwaarUitkomst,
} from './BezwaarApi.ts';

/** Calendar days from today to a date: positive is left, negative is overdue. */
function dagenTot(datum: string): number {
  return Math.round((Date.parse(`${datum}T12:00:00Z`) - Date.parse(`${vandaag()}T12:00:00Z`)) / 86_400_000);
}

function DagenOver({ datum }: { datum: string }) {
  const n = dagenTot(datum);
  if (n > 1) return <>nog {n} dagen</>;
  if (n === 1) return <>nog 1 dag</>;
  if (n === 0) return <>vandaag de laatste dag</>;
  return <strong>{-n} {n === -1 ? 'dag' : 'dagen'} te laat</strong>;
}

export function BezwaarPage() {
  const { id = '' } = useParams();
  const bezwaar = useBezwaar(id);
  const { heeftRol } = useSession();
  const [bericht, setBericht] = useState<string | null>(null);
  usePageTitle(bezwaar.data ? `Bezwaar ${bezwaar.data.nummer}` : 'Bezwaar');

  if (bezwaar.isPending) return <><Heading1>Bezwaar</Heading1><Laden tekst="Het bezwaar wordt geladen…" /></>;
  if (bezwaar.isError) {
    const nietGevonden = bezwaar.error instanceof ApiProblem && bezwaar.error.status === 404;
    return <><Heading1>{nietGevonden ? 'Bezwaar niet gevonden' : 'Bezwaar'}</Heading1><Foutmelding fout={bezwaar.error} /></>;
  }
  const z = bezwaar.data;
  const open = z.status !== 'beslist' && z.status !== 'ingetrokken';
  const behandelaar = heeftRol('beslisser', 'teamleider');
  const kan = (s: BezwaarDetail['mogelijkeStappen'][number]) => behandelaar && z.mogelijkeStappen.includes(s);

  return (
    <>
      <Paragraph><RouterLink to={`/beschikkingen/${z.beschikking.id}`}>Naar beschikking {z.beschikking.nummer}</RouterLink></Paragraph>
      <Heading1>Bezwaar {z.nummer}</Heading1>
      <Bericht tekst={bericht} />
      {open && z.termijn ? (
        <Alert type={dagenTot(z.beslistermijnEinde) < 0 ? 'error' : 'info'}>
          <Paragraph><strong>Beslissen uiterlijk op {formatDatum(z.beslistermijnEinde)}</strong> (<DagenOver datum={z.beslistermijnEinde} />).</Paragraph>
          <Paragraph>
            {z.adviescommissie ? 'Twaalf weken, want het bezwaar gaat langs de adviescommissie' : 'Zes weken'}, gerekend vanaf {formatDatum(z.termijn.startdatum)}
            {z.termijn.verdaging ? `; één keer verdaagd met zes weken (${z.termijn.verdaging.reden})` : ''}.
          </Paragraph>
        </Alert>
      ) : null}
      {open && behandelaar && z.betrokkenBijBesluit ? (
        <Alert type="warning">
          <Paragraph>U werkte mee aan het besluit waartegen dit bezwaar is gericht. Een collega hoort en beslist op dit bezwaar (artikel 7:5 Awb).</Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="kop-gegevens" className="eenvoud-sectie">
        <Heading2 id="kop-gegevens">Gegevens van het bezwaar</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Inwoner</DataListKey><DataListValue>{z.persoon.naam}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Tegen besluit</DataListKey>
            <DataListValue><RouterLink to={`/beschikkingen/${z.beschikking.id}`}>{z.beschikking.nummer}</RouterLink></DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Ontvangen op</DataListKey><DataListValue>{formatDatum(z.ontvangenOp)}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Tijdig?</DataListKey>
            <DataListValue>
              {z.tijdig ? <StatusBadge status="safe">Tijdig</StatusBadge> : <StatusBadge status="danger">Te laat</StatusBadge>}
              {' '}De bezwaartermijn {z.bezwaarTermijnEinde < vandaag() ? 'liep' : 'loopt'} tot en met {formatDatum(z.bezwaarTermijnEinde)}.
              {!z.tijdig ? (z.verschoonbaar ? ' De overschrijding is verschoonbaar: het bezwaar wordt inhoudelijk behandeld.' : ' Niet verschoonbaar: het bezwaar kan niet-ontvankelijk worden verklaard.') : ''}
            </DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Adviescommissie</DataListKey><DataListValue>{z.adviescommissie ? 'Ja' : 'Nee'}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Status</DataListKey><DataListValue><StatusBadge status={bezwaarBadge[z.status]}>{z.statusNaam}</StatusBadge></DataListValue></DataListItem>
          {z.termijn ? (
            <DataListItem>
              <DataListKey>Beslistermijn</DataListKey>
              <DataListValue>tot en met {formatDatum(z.beslistermijnEinde)} <TermijnBadge termijn={z.termijn} /></DataListValue>
            </DataListItem>
          ) : null}
          {z.geregistreerdDoor ? <DataListItem><DataListKey>Geregistreerd door</DataListKey><DataListValue>{z.geregistreerdDoor.naam}</DataListValue></DataListItem> : null}
        </DataList>
        <Heading2 id="kop-omschrijving">Waar het bezwaar over gaat</Heading2>
        <Paragraph className="eenvoud-omschrijving">{z.omschrijving}</Paragraph>
      </section>

      <section aria-labelledby="kop-horen" className="eenvoud-sectie">
        <Heading2 id="kop-horen">Horen{z.adviescommissie ? ' en advies' : ''}</Heading2>
        {z.hoorzitting.afgezienReden ? <Paragraph>Afgezien van horen: {z.hoorzitting.afgezienReden}</Paragraph>
          : z.hoorzitting.verslag && z.hoorzitting.datum ? <><Paragraph>Hoorzitting gehouden op {formatDatum(z.hoorzitting.datum)}.</Paragraph><Paragraph className="eenvoud-omschrijving">{z.hoorzitting.verslag}</Paragraph></>
            : z.hoorzitting.datum ? <Paragraph>Hoorzitting gepland op {formatDatum(z.hoorzitting.datum)}.</Paragraph>
              : <Paragraph>Er is nog geen hoorzitting.</Paragraph>}
        {z.advies ? <Paragraph>Advies van de commissie ({formatDatum(z.advies.datum)}): {z.advies.tekst}</Paragraph> : null}
      </section>

      {z.status === 'beslist' ? (
        <section aria-labelledby="kop-beslissing" className="eenvoud-sectie">
          <Heading2 id="kop-beslissing">Beslissing op het bezwaar</Heading2>
          <DataList className="eenvoud-datalist">
            <DataListItem><DataListKey>Uitkomst</DataListKey><DataListValue><strong>{z.uitkomstNaam}</strong></DataListValue></DataListItem>
            {z.beslotenDoor ? <DataListItem><DataListKey>Beslist door</DataListKey><DataListValue>{z.beslotenDoor.naam}</DataListValue></DataListItem> : null}
            {z.verzondenOp ? <DataListItem><DataListKey>Verzonden op</DataListKey><DataListValue>{formatDatum(z.verzondenOp)}</DataListValue></DataListItem> : null}
            {z.beroepTermijnEinde ? <DataListItem><DataListKey>Beroep mogelijk tot en met</DataListKey><DataListValue>{formatDatum(z.beroepTermijnEinde)}</DataListValue></DataListItem> : null}
            {z.herziening ? (
              <DataListItem>
                <DataListKey>Herziening</DataListKey>
                <DataListValue><RouterLink to={`/aanvragen/${z.herziening.id}`}>Aanvraag {z.herziening.nummer}</RouterLink></DataListValue>
              </DataListItem>
            ) : null}
          </DataList>
          {z.motivering ? <Paragraph className="eenvoud-omschrijving">{z.motivering}</Paragraph> : null}
          <Paragraph><a className="utrecht-link utrecht-link--html-a" href={bezwaarBriefUrl(z.id)} type="application/pdf">Brief met de beslissing op bezwaar bekijken (PDF)</a></Paragraph>
        </section>
      ) : null}

      {open && behandelaar ? (
        <section aria-labelledby="kop-acties" className="eenvoud-sectie">
          <Heading2 id="kop-acties">Behandelen</Heading2>
          <div className="eenvoud-acties">
            {kan('hoorzittingPlannen') ? <Uitklap titel="Hoorzitting plannen"><HoorzittingPlannen bezwaar={z} onGelukt={setBericht} /></Uitklap> : null}
            {kan('hoorzittingGehouden') ? <Uitklap titel="Hoorzitting vastleggen"><HoorzittingGehouden bezwaar={z} onGelukt={setBericht} /></Uitklap> : null}
            {kan('horenAfzien') ? <Uitklap titel="Afzien van horen"><RedenFormulier bezwaar={z} onGelukt={setBericht} naam="afzien" label="Waarom wordt niet gehoord?" knop="Afzien van horen" beschrijving="Bijvoorbeeld: de indiener ziet er zelf van af, of het bezwaar is kennelijk niet-ontvankelijk (artikel 7:3 Awb)." actie={(reden) => ({ pad: 'hoorzitting', body: { status: 'afgezien', reden } })} gelukt="Vastgelegd: er wordt afgezien van horen." /></Uitklap> : null}
            {kan('advies') ? <Uitklap titel="Advies van de commissie vastleggen"><AdviesFormulier bezwaar={z} onGelukt={setBericht} /></Uitklap> : null}
            {z.termijn && !z.termijn.verdaging ? (
              <Uitklap titel="Beslistermijn verdagen (zes weken)">
                <RedenFormulier bezwaar={z} onGelukt={setBericht} naam="verdaging" label="Reden van de verdaging" knop="Zes weken verdagen"
                  beschrijving="Dit kan één keer (artikel 7:10 lid 3 Awb). De indiener krijgt hiervan bericht." actie={(reden) => ({ pad: 'verdaging', body: { reden } })} gelukt="De beslistermijn is met zes weken verdaagd." />
              </Uitklap>
            ) : z.termijn?.verdaging ? <Paragraph className="eenvoud-gedimd">De beslistermijn is al een keer verdaagd; dat kan maar één keer.</Paragraph> : null}
            {kan('beslissing') ? <Uitklap titel="Beslissen op het bezwaar" open={z.status === 'gehoord' || z.status === 'horenAfgezien' || z.status === 'advies'}><BeslissingFormulier bezwaar={z} onGelukt={setBericht} /></Uitklap> : null}
            {kan('intrekking') ? <Uitklap titel="Bezwaar ingetrokken"><RedenFormulier bezwaar={z} onGelukt={setBericht} naam="intrekking" label="Hoe en wanneer trok de indiener het bezwaar in?" knop="Intrekking vastleggen" actie={(reden) => ({ pad: 'intrekking', body: { reden } })} gelukt="Het bezwaar is ingetrokken." /></Uitklap> : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="kop-historie" className="eenvoud-sectie">
        <Heading2 id="kop-historie">Verloop</Heading2>
        <ol className="eenvoud-historie">
          {z.historie.map((h, i) => (
            <li key={i}>{formatMoment(h.moment)}: {h.toelichting ?? h.naar}{h.door ? ` (${h.door})` : ''}</li>
          ))}
        </ol>
      </section>
    </>
  );
}

interface FormProps { bezwaar: BezwaarDetail; onGelukt: (t: string) => void }

/** A small action form: one mutation, its problem, and a message on success. */
function ActieFormulier({ label, knop, bezig, probleem, onSubmit, children }: { label: string; knop: string; bezig: boolean; probleem: ApiProblem | null; onSubmit: () => void; children: ReactNode }) {
  return (
    <form onSubmit={(e: FormEvent<HTMLFormElement>) => { e.preventDefault(); onSubmit(); }} noValidate className="eenvoud-form" aria-label={label}>
      <Probleem probleem={probleem} />
      {children}
      <ButtonGroup><PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>{knop}</PrimaryActionButton></ButtonGroup>
    </form>
  );
}

function useActie(id: string, onGelukt: (t: string) => void) {
  const actie = useBezwaarActie(id);
  const { probleem, setProbleem, fouten } = useProbleem();
  const voerUit = (a: BezwaarActie, tekst: string, daarna?: () => void) => {
    setProbleem(null);
    actie.mutate(a, { onSuccess: () => { onGelukt(tekst); daarna?.(); }, onError: (err) => setProbleem(alsProbleem(err)) });
  };
  return { voerUit, probleem, fouten, bezig: actie.isPending };
}

function HoorzittingPlannen({ bezwaar: z, onGelukt }: FormProps) {
  const { voerUit, probleem, fouten, bezig } = useActie(z.id, onGelukt);
  const [datum, setDatum] = useState(z.hoorzitting.datum ?? '');
  return (
    <ActieFormulier label="Hoorzitting plannen" knop="Hoorzitting plannen" bezig={bezig} probleem={probleem}
      onSubmit={() => voerUit({ pad: 'hoorzitting', body: { status: 'gepland', datum } }, `De hoorzitting is gepland op ${datum ? formatDatum(datum) : ''}.`)}>
      <TekstVeld naam="plannen.datum" label="Datum van de hoorzitting" verplicht type="date" min={z.ontvangenOp} className="eenvoud-breedte-10"
        value={datum} onChange={(e) => setDatum(e.target.value)} fout={fouten.datum} />
    </ActieFormulier>
  );
}

function HoorzittingGehouden({ bezwaar: z, onGelukt }: FormProps) {
  const { voerUit, probleem, fouten, bezig } = useActie(z.id, onGelukt);
  const [datum, setDatum] = useState(z.hoorzitting.datum && z.hoorzitting.datum <= vandaag() ? z.hoorzitting.datum : vandaag());
  const [verslag, setVerslag] = useState('');
  return (
    <ActieFormulier label="Hoorzitting vastleggen" knop="Hoorzitting vastleggen" bezig={bezig} probleem={probleem}
      onSubmit={() => voerUit({ pad: 'hoorzitting', body: { status: 'gehouden', datum, verslag } }, 'De hoorzitting is vastgelegd.')}>
      <TekstVeld naam="gehouden.datum" label="Gehouden op" verplicht type="date" min={z.ontvangenOp} max={vandaag()} className="eenvoud-breedte-10"
        value={datum} onChange={(e) => setDatum(e.target.value)} fout={fouten.datum} />
      <TekstvakVeld naam="gehouden.verslag" label="Wat heeft de indiener toegelicht?" verplicht rows={4} maxLength={8000}
        value={verslag} onChange={(e) => setVerslag(e.target.value)} fout={fouten.verslag} />
    </ActieFormulier>
  );
}

function AdviesFormulier({ bezwaar: z, onGelukt }: FormProps) {
  const { voerUit, probleem, fouten, bezig } = useActie(z.id, onGelukt);
  const [datum, setDatum] = useState(vandaag());
  const [advies, setAdvies] = useState('');
  return (
    <ActieFormulier label="Advies van de commissie vastleggen" knop="Advies vastleggen" bezig={bezig} probleem={probleem}
      onSubmit={() => voerUit({ pad: 'advies', body: { advies, datum } }, 'Het advies van de commissie is vastgelegd.')}>
      <TekstVeld naam="advies.datum" label="Datum van het advies" verplicht type="date" max={vandaag()} className="eenvoud-breedte-10"
        value={datum} onChange={(e) => setDatum(e.target.value)} fout={fouten.datum} />
      <TekstvakVeld naam="advies.advies" label="Het advies" verplicht rows={4} maxLength={8000} value={advies} onChange={(e) => setAdvies(e.target.value)} fout={fouten.advies} />
    </ActieFormulier>
  );
}

function RedenFormulier({ bezwaar: z, onGelukt, naam, label, beschrijving, knop, actie, gelukt }: FormProps & {
  naam: string; label: string; beschrijving?: string; knop: string; actie: (reden: string) => BezwaarActie; gelukt: string;
}) {
  const { voerUit, probleem, fouten, bezig } = useActie(z.id, onGelukt);
  const [reden, setReden] = useState('');
  return (
    <ActieFormulier label={knop} knop={knop} bezig={bezig} probleem={probleem} onSubmit={() => voerUit(actie(reden), gelukt, () => setReden(''))}>
      <TekstvakVeld naam={`${naam}.reden`} label={label} {...(beschrijving ? { beschrijving } : {})} verplicht rows={3} maxLength={2000}
        value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden} />
    </ActieFormulier>
  );
}

function BeslissingFormulier({ bezwaar: z, onGelukt }: FormProps) {
  const { voerUit, probleem, fouten, bezig } = useActie(z.id, onGelukt);
  const [uitkomst, setUitkomst] = useState<BezwaarUitkomst | ''>('');
  const [motivering, setMotivering] = useState('');
  const [verschoonbaar, setVerschoonbaar] = useState(z.verschoonbaar);
  const onSubmit = () => {
    // Without a choice the API names the missing field, like every other field.
    voerUit({ pad: 'beslissing', body: { uitkomst: uitkomst as BezwaarUitkomst, motivering, ...(!z.tijdig ? { verschoonbaar } : {}) } },
      uitkomst === 'gegrond' || uitkomst === 'deelsGegrond' ? 'Er is beslist op het bezwaar. De brief is verzonden en de herziening is gestart.' : 'Er is beslist op het bezwaar. De brief is verzonden.');
  };
  return (
    <ActieFormulier label="Beslissen op het bezwaar" knop="Beslissen en brief verzenden" bezig={bezig} probleem={probleem} onSubmit={onSubmit}>
      <Paragraph className="eenvoud-uitleg">
        De brief met de beslissing en de beroepsclausule (zes weken, bij de rechtbank) wordt meteen gemaakt en bewaard. Bij (deels) gegrond start de herziening van het besluit.
      </Paragraph>
      <RondjesVeld naam="beslissing.uitkomst" label="Uitkomst" verplicht beschrijving="Gegrond of deels gegrond: het besluit wordt herzien. Ongegrond: het besluit blijft. Niet-ontvankelijk: het bezwaar wordt niet inhoudelijk behandeld."  opties={BEZWAAR_UITKOMSTEN} waarde={uitkomst}
        onChange={(c) => setUitkomst(c as BezwaarUitkomst)} fout={fouten.uitkomst} />
      {!z.tijdig ? (
        <AankruisVeld naam="beslissing.verschoonbaar" label="De termijnoverschrijding is verschoonbaar" aan={verschoonbaar} onChange={setVerschoonbaar}
          beschrijving="Niet verschoonbaar: verklaar het bezwaar niet-ontvankelijk. Verschoonbaar: beslis inhoudelijk." fout={fouten.verschoonbaar} />
      ) : null}
      <TekstvakVeld naam="beslissing.motivering" label="Motivering" verplicht rows={5} maxLength={8000}
        value={motivering} onChange={(e) => setMotivering(e.target.value)} fout={fouten.motivering} />
    </ActieFormulier>
  );
}
