import {
  Alert, ButtonGroup, Heading1, Heading2, Heading3, Paragraph, PrimaryActionButton,
  SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { CASUS_TOEWIJZEN_ROLLEN } from '../../platform/functies.ts';
import { formatDatum, formatMoment } from '../../platform/format.ts';
import { Historietabel } from '../../platform/Historietabel.tsx';
import { KeuzeVeld, TekstvakVeld, veldFouten } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSessie, useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { GesprekkenSectie, ScoresSectie } from '../gesprek/CasusGesprekken.tsx';
import { AanvragenSectie, ProcescoordinatieSectie } from '../besluit/CasusAanvragen.tsx';
import { VoorzieningenSectie } from '../voorziening/VoorzieningenSectie.tsx';
import { EvaluatiesSectie, PlanSectie, VersiesSectie } from '../plan/PlanSecties.tsx';
import { statusBadge, useCasus, useRegisseurs, useWijsCasusToe, type Casus } from './api.ts';
import { TermijnKort } from './termijn.tsx';
import { CasusDeel, useDelenStand } from './CasusDelen.tsx';
import { CasusOverzichtSectie } from './CasusOverzicht.tsx';
import { HuishoudenSectie } from '../inwoners/Huishouden.tsx';
import { BetrokkenenSectie } from './CasusBetrokkenen.tsx';
import { GeenToegang, isGeenToegangDossier } from '../privacy/GeenToegang.tsx';
import { DoorbraakMelding } from '../privacy/DoorbraakFormulier.tsx';
import { DelingenSectie } from '../privacy/DelingenSectie.tsx';

/** Parts of the page, in order: key (for the folded state and the anchor), the link text, and the anchor. */
const DELEN = [
  { deel: 'meldingen', tekst: 'Meldingen', anker: 'meldingen' },
  { deel: 'huishouden', tekst: 'Leden en contactgegevens', anker: 'deel-huishouden' },
  { deel: 'delen', tekst: 'Toestemming en delen', anker: 'delen' },
  { deel: 'gesprekken', tekst: 'Gesprekken', anker: 'gesprekken' },
  { deel: 'plan', tekst: 'Plan', anker: 'plan' },
  { deel: 'aanvragen', tekst: 'Aanvragen', anker: 'aanvragen' },
  { deel: 'voorzieningen', tekst: 'Voorzieningen', anker: 'voorzieningen' },
  { deel: 'scores', tekst: 'Scores over tijd', anker: 'scores' },
  { deel: 'evaluaties', tekst: 'Evaluaties', anker: 'evaluaties' },
  { deel: 'versies', tekst: 'Versies', anker: 'versies' },
  { deel: 'overdragen', tekst: 'Overdragen', anker: 'deel-overdragen' },
] as const;

export function CasusPage() {
  const { id = '' } = useParams();
  const casus = useCasus(id);
  const { heeftRol } = useSession();
  const sessie = useSessie();
  const stand = useDelenStand(id);
  const [bericht, setBericht] = useState<string | null>(null);
  const berichtRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (bericht) berichtRef.current?.focus();
  }, [bericht]);
  usePageTitle(casus.data ? `Casus ${casus.data.nummer}` : 'Casus');

  const terug = <Paragraph><RouterLink to="/meldingen">Terug naar de werkvoorraad</RouterLink></Paragraph>;
  if (casus.isPending) return <><Heading1>Casus</Heading1><Laden tekst="De casus wordt geladen…" /></>;
  if (casus.isError) {
    // Outside the household's circle: why, and the way through with a reason (break-glass).
    if (isGeenToegangDossier(casus.error)) return <><Heading1>Casus</Heading1><GeenToegang probleem={casus.error} casusId={id} />{terug}</>;
    const nietGevonden = casus.error instanceof ApiProblem && casus.error.status === 404;
    return <><Heading1>{nietGevonden ? 'Casus niet gevonden' : 'Casus'}</Heading1><Foutmelding fout={casus.error} />{terug}</>;
  }

  const c = casus.data;
  const magSchrijven = c.status === 'open' && (heeftRol('teamleider') || (heeftRol('regisseur') && c.regisseur?.id === sessie.gebruiker.id));
  const kanOppakken = c.status === 'open' && c.regisseur === null && heeftRol('regisseur');
  return (
    <>
      {terug}
      <Heading1>Casus {c.nummer}</Heading1>
      <DoorbraakMelding casusId={c.id} />
      <nav aria-labelledby="kop-inhoudsopgave" className="eenvoud-inhoudsopgave">
        <h2 id="kop-inhoudsopgave" className="eenvoud-inhoudsopgave__kop">Op deze pagina</h2>
        <ul>
          <li><a className="utrecht-link utrecht-link--html-a" href="#overzicht">Overzicht</a></li>
          {DELEN.map((d) => (
            <li key={d.deel}>
              <a className="utrecht-link utrecht-link--html-a" href={`#${d.anker}`} onClick={() => stand.zet(d.deel, true)}>{d.tekst}</a>
            </li>
          ))}
        </ul>
      </nav>
      {bericht ? (
        <div ref={berichtRef} tabIndex={-1} className="eenvoud-bericht"><Alert type="ok"><Paragraph>{bericht}</Paragraph></Alert></div>
      ) : null}

      <CasusOverzichtSectie casusId={c.id} regisseurActie={kanOppakken ? <Oppakken casus={c} onGelukt={setBericht} /> : null} />

      <CasusDeel deel="meldingen" titel="Meldingen" stand={stand}>
        <section id="meldingen" aria-labelledby="kop-meldingen" className="eenvoud-sectie">
          <Heading2 id="kop-meldingen">Meldingen</Heading2>
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption className="eenvoud-visueel-verborgen">Meldingen van casus {c.nummer}, de oudste eerst</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Nummer</TableHeaderCell>
                  <TableHeaderCell scope="col">Ontvangen op</TableHeaderCell>
                  <TableHeaderCell scope="col">Inwoner</TableHeaderCell>
                  <TableHeaderCell scope="col">Wet</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Termijn</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {c.meldingen.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell className="eenvoud-nowrap"><RouterLink to={`/meldingen/${m.id}`}>{m.nummer}</RouterLink></TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(m.ontvangenOp)}</TableCell>
                    <TableCell>{m.persoon.naam}</TableCell>
                    <TableCell>{m.wetNaam}</TableCell>
                    <TableCell><StatusBadge status={statusBadge[m.status]}>{m.statusNaam}</StatusBadge></TableCell>
                    <TableCell><TermijnKort termijnen={m.termijnen} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      </CasusDeel>

      <CasusDeel deel="huishouden" titel="Leden en contactgegevens" stand={stand}><HuishoudenSectie huishoudenId={c.huishoudenId} magSchrijven={magSchrijven} /></CasusDeel>
      <CasusDeel deel="delen" titel="Toestemming en delen" stand={stand} standaardOpen={false}><DelingenSectie huishoudenId={c.huishoudenId} magSchrijven={magSchrijven} /></CasusDeel>
      <CasusDeel deel="gesprekken" titel="Gesprekken" stand={stand}><GesprekkenSectie casusId={c.id} magSchrijven={magSchrijven} /></CasusDeel>
      <CasusDeel deel="plan" titel="Plan" stand={stand}><PlanSectie casusId={c.id} magSchrijven={magSchrijven} /></CasusDeel>
      <CasusDeel deel="aanvragen" titel="Aanvragen en besluiten" stand={stand}><AanvragenSectie casusId={c.id} magSchrijven={magSchrijven} /></CasusDeel>
      <CasusDeel deel="voorzieningen" titel="Voorzieningen" stand={stand}><VoorzieningenSectie casusId={c.id} huishoudenId={c.huishoudenId} /></CasusDeel>
      <CasusDeel deel="betrokkenen" titel="Betrokken collega's" stand={stand} standaardOpen={false}><BetrokkenenSectie casus={c} /></CasusDeel>
      {c.status === 'open' && heeftRol('teamleider') ? (
        <CasusDeel deel="procescoordinatie" titel="Procescoördinatie" stand={stand}><ProcescoordinatieSectie casusId={c.id} /></CasusDeel>
      ) : null}
      <CasusDeel deel="scores" titel="Scores over tijd" stand={stand}><ScoresSectie casusId={c.id} /></CasusDeel>
      <CasusDeel deel="evaluaties" titel="Evaluaties" stand={stand}><EvaluatiesSectie casusId={c.id} magSchrijven={magSchrijven} /></CasusDeel>
      <CasusDeel deel="versies" titel="Versies van het plan" stand={stand}><VersiesSectie casusId={c.id} /></CasusDeel>

      <CasusDeel deel="overdragen" titel="Overdragen" stand={stand} standaardOpen={false} sectie={false}>
        {c.status === 'open' && heeftRol(...CASUS_TOEWIJZEN_ROLLEN) ? <Toewijzen casus={c} onGelukt={setBericht} /> : null}
        <section aria-labelledby="kop-overdrachten" className="eenvoud-sectie">
          <Heading3 id="kop-overdrachten">Eerdere overdrachten</Heading3>
          <Historietabel
            caption="Wie de casusregisseur was, de oudste wijziging eerst"
            leegTekst="Deze casus is nog niet overgedragen."
            rijen={c.regisseurHistorie.map((h) => ({
              moment: formatMoment(h.moment), van: h.van ?? 'Niemand', naar: h.naar ?? 'Niemand', door: h.door ?? 'Onbekend', reden: h.reden,
            }))}
          />
        </section>
      </CasusDeel>
    </>
  );
}

/** A regisseur picks up a casus nobody has yet: one button, in the summary beside "Nog niet opgepakt". */
function Oppakken({ casus, onGelukt }: { casus: Casus; onGelukt: (tekst: string) => void }) {
  const sessie = useSessie();
  const toewijzen = useWijsCasusToe(casus.id);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  return (
    <>
      {probleem ? <Alert type="error" className="eenvoud-actie-fout"><Paragraph><strong>{probleem.title}</strong></Paragraph><Paragraph>{probleem.detail}</Paragraph></Alert> : null}
      <ButtonGroup>
        <PrimaryActionButton type="button" busy={toewijzen.isPending} disabled={toewijzen.isPending}
          onClick={() => {
            setProbleem(null);
            toewijzen.mutate({ regisseurId: sessie.gebruiker.id, reden: 'Casus opgepakt' }, {
              onSuccess: () => onGelukt('U bent nu casusregisseur van deze casus.'),
              onError: (e) => setProbleem(e instanceof ApiProblem ? e : null),
            });
          }}>
          Casus oppakken
        </PrimaryActionButton>
      </ButtonGroup>
    </>
  );
}

/** Pick up an unassigned casus (a regisseur, with their own id), hand over one's own, or (teamleider) assign any. */
function Toewijzen({ casus, onGelukt }: { casus: Casus; onGelukt: (tekst: string) => void }) {
  const sessie = useSessie();
  const { heeftRol } = useSession();
  const toewijzen = useWijsCasusToe(casus.id);
  const regisseurs = useRegisseurs();
  const [regisseurId, setRegisseurId] = useState('');
  const [reden, setReden] = useState('');
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  const fouten = veldFouten(probleem);
  const ik = sessie.gebruiker.id;
  const teamleider = heeftRol('teamleider');
  const vrij = casus.regisseur === null;
  const eigen = casus.regisseur?.id === ik;
  const magOverdragen = teamleider || eigen;

  const doe = (body: { regisseurId: string; reden: string }, tekst: string) => {
    setProbleem(null);
    toewijzen.mutate(body, {
      onSuccess: () => {
        setReden('');
        setRegisseurId('');
        onGelukt(tekst);
      },
      onError: (e) => setProbleem(e instanceof ApiProblem ? e : null),
    });
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const naam = regisseurs.data?.find((r) => r.id === regisseurId)?.naam ?? 'de gekozen casusregisseur';
    doe({ regisseurId, reden }, `De casus is toegewezen aan ${naam}.`);
  };

  if (!vrij && !magOverdragen) {
    return (
      <section aria-labelledby="kop-toewijzen" className="eenvoud-sectie">
        <Heading3 id="kop-toewijzen">Casus overdragen</Heading3>
        <Paragraph>Deze casus is van {casus.regisseur?.naam}. Alleen die casusregisseur of de teamleider kan haar overdragen.</Paragraph>
      </section>
    );
  }

  return (
    <section aria-labelledby="kop-toewijzen" className="eenvoud-sectie">
      <Heading3 id="kop-toewijzen">{vrij ? 'Casus toewijzen' : 'Casus overdragen'}</Heading3>
      {probleem ? (
        <Alert type="error" className="eenvoud-actie-fout">
          <Paragraph><strong>{probleem.invalidParams.length > 0 ? 'Controleer de velden hieronder' : probleem.title}</strong></Paragraph>
          <Paragraph>{probleem.detail}</Paragraph>
        </Alert>
      ) : null}
      {vrij && heeftRol('regisseur') ? <Paragraph>Nog niemand is casusregisseur van deze casus. U kunt haar oppakken met de knop in het overzicht.</Paragraph> : null}
      {magOverdragen ? (
        <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label={vrij ? 'Casus toewijzen' : 'Casus overdragen'}>
          <KeuzeVeld naam="regisseurId" label={vrij ? 'Toewijzen aan' : 'Overdragen aan'} verplicht busy={regisseurs.isPending}
            value={regisseurId} onChange={(e) => setRegisseurId(e.target.value)} fout={fouten.regisseurId}>
            <SelectOption value="">Kies een casusregisseur</SelectOption>
            {(regisseurs.data ?? []).filter((r) => r.id !== casus.regisseur?.id).map((r) => (
              <SelectOption key={r.id} value={r.id}>{r.naam}{r.id === ik ? ' (uzelf)' : ''}</SelectOption>
            ))}
          </KeuzeVeld>
          <TekstvakVeld naam="reden" label="Reden" verplicht rows={3} maxLength={1000}
            beschrijving="Bijvoorbeeld: andere wijk, verlof, of specialistische kennis nodig."
            value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden} />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={toewijzen.isPending} disabled={toewijzen.isPending}>
              {vrij ? 'Casus toewijzen' : 'Casus overdragen'}
            </PrimaryActionButton>
          </ButtonGroup>
        </form>
      ) : null}
    </section>
  );
}
