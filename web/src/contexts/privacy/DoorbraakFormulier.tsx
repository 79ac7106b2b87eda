/**
 * Break-glass (issue 11, part 2): someone outside the household's circle asks for the file with a
 * reason. It holds until the end of the day and the privacy officer reviews it; the form says so
 * before anything is sent. After the grant, every query of the page is fetched again, so the page
 * that showed "geen toegang" shows the file.
 */
import { Alert, ButtonGroup, Heading2, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiProblem, api } from '../../platform/api.ts';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { TekstvakVeld, veldFouten } from '../../platform/form.tsx';
import { Foutmelding } from '../../platform/guards.tsx';
import { useSession, type Rol } from '../../platform/session.tsx';

/** The roles that may ask (the API's DOORBRAAK_ROLLEN). */
export const DOORBRAAK_ROLLEN: readonly Rol[] = ['regisseur', 'teamleider', 'beslisser', 'frontoffice'];
const REDEN_MIN = 10;
const REDEN_MAX = 1000;

export interface Doorbraak {
  id: string;
  casus: { id: string; nummer: string };
  gebruiker: { id: string; naam: string; gebruikersnaam: string };
  reden: string;
  aangemaaktOp: string;
  geldigTot: string;
  actief: boolean;
  beoordeling: {
    oordeel: 'terecht' | 'onterecht'; oordeelNaam: string; toelichting: string | null;
    door: { id: string; naam: string } | null; op: string;
  } | null;
}

/** "het einde van 30 november 2026": geldigTot is the first moment of the next Dutch day. */
export const eindeVanDag = (geldigTot: string): string => `het einde van ${formatDatum(vandaag(new Date(Date.parse(geldigTot) - 1)))}`;

/** What the browser checks before sending; the API checks the same and more (words, control characters). */
function redenFout(reden: string): string | undefined {
  const r = reden.trim();
  if (r.length < REDEN_MIN) return `Geef een reden van minstens ${REDEN_MIN} tekens: waarom heeft u dit dossier nu nodig?`;
  if (r.length > REDEN_MAX) return `De reden mag hoogstens ${REDEN_MAX} tekens zijn`;
  return undefined;
}

export function DoorbraakFormulier({ casusId }: { casusId: string }) {
  const { heeftRol } = useSession();
  const queryClient = useQueryClient();
  const kopId = useId();
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | undefined>();
  const vraag = useMutation({
    mutationFn: (r: string) => api<Doorbraak>(`/casussen/${casusId}/toegang`, { method: 'POST', body: { reden: r } }),
    // Fetch everything on the page again: the reads that answered 403 now answer with the file.
    onSuccess: () => queryClient.invalidateQueries(),
  });
  if (!heeftRol(...DOORBRAAK_ROLLEN)) return null;

  const onVersturen = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = redenFout(reden);
    setFout(f);
    if (!f) vraag.mutate(reden.trim());
  };
  const apiFout = vraag.error instanceof ApiProblem ? vraag.error : null;
  const veldFout = fout ?? (apiFout?.status === 400 ? (veldFouten(apiFout).reden ?? apiFout.detail) : undefined);

  return (
    <section aria-labelledby={kopId} className="eenvoud-sectie">
      <Heading2 id={kopId}>Toegang met reden</Heading2>
      <Paragraph>
        Heeft u dit dossier nu echt nodig, bijvoorbeeld omdat u een collega vervangt of de telefoon voor haar aanneemt?
        Vraag dan tijdelijke toegang met een reden. De toegang geldt tot het einde van vandaag voor het hele huishouden.
      </Paragraph>
      <Paragraph>
        Uw reden, uw naam en het moment worden vastgelegd. De privacy officer ziet elke toegang met reden en beoordeelt of
        die terecht was.
      </Paragraph>
      <form onSubmit={onVersturen} noValidate className="eenvoud-form">
        <TekstvakVeld
          naam="reden" label="Reden" verplicht rows={4} maxLength={REDEN_MAX}
          beschrijving={`Waarom heeft u dit dossier nu nodig? Minstens ${REDEN_MIN} tekens. Noem geen gegevens van de inwoner die niet nodig zijn.`}
          value={reden} onChange={(e) => { setReden(e.target.value); setFout(undefined); }} fout={veldFout}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={vraag.isPending} disabled={vraag.isPending}>Toegang vragen</PrimaryActionButton>
        </ButtonGroup>
      </form>
      <div aria-live="polite">
        {vraag.isError && !veldFout ? <Foutmelding fout={vraag.error} /> : null}
        {vraag.data ? (
          <Alert type="ok">
            <Paragraph>U heeft toegang tot dit dossier tot {eindeVanDag(vraag.data.geldigTot)}. Het dossier wordt geladen…</Paragraph>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}

/**
 * A notice for a page that is open through break-glass: "you see this with temporary access until…".
 * Shows nothing when the user works on the file (no grant) or may not ask for one.
 */
export function DoorbraakMelding({ casusId }: { casusId: string }) {
  const { heeftRol } = useSession();
  const mag = heeftRol(...DOORBRAAK_ROLLEN);
  const mijn = useQuery({
    queryKey: ['doorbraak', casusId],
    queryFn: ({ signal }) => api<{ doorbraak: Doorbraak | null }>(`/casussen/${casusId}/toegang`, { signal }),
    enabled: mag,
  });
  const d = mijn.data?.doorbraak;
  if (!mag || !d) return null;
  return (
    <Alert type="info" className="eenvoud-doorbraak-melding">
      <Paragraph>
        U bekijkt dit dossier met tijdelijke toegang tot {eindeVanDag(d.geldigTot)}. Reden: {d.reden}
      </Paragraph>
    </Alert>
  );
}
