/**
 * Opening a file one does not work on, by its exact number (issue 11, part 2): search shows only
 * one's own files, so whoever answers the phone for a colleague asks here with the casus number or
 * the BSN and a reason, and lands on the casus.
 */
import { ButtonGroup, Heading1, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem, api } from '../../platform/api.ts';
import { FoutSamenvatting, TekstVeld, TekstvakVeld, veldFouten, type Foutregel } from '../../platform/form.tsx';
import { Foutmelding } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import type { Doorbraak } from './DoorbraakFormulier.tsx';

const REDEN_MIN = 10;

export function DoorbraakPage() {
  usePageTitle('Dossier openen met reden');
  const navigate = useNavigate();
  const [nummer, setNummer] = useState('');
  const [reden, setReden] = useState('');
  const [fouten, setFouten] = useState<Foutregel[]>([]);
  const vraag = useMutation({
    mutationFn: (b: { nummer: string; reden: string }) => api<Doorbraak>('/doorbraken', { method: 'POST', body: b }),
    onSuccess: (d) => navigate(`/casussen/${d.casus.id}`),
  });
  const apiFout = vraag.error instanceof ApiProblem ? vraag.error : null;
  const apiVelden = apiFout?.status === 400 ? veldFouten(apiFout) : {};
  const veldFout = (naam: string) => fouten.find((f) => f.naam === naam)?.tekst ?? apiVelden[naam];

  const onVersturen = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f: Foutregel[] = [];
    if (!nummer.trim()) f.push({ naam: 'nummer', tekst: 'Vul een casusnummer of BSN in' });
    if (reden.trim().length < REDEN_MIN) f.push({ naam: 'reden', tekst: `Geef een reden van minstens ${REDEN_MIN} tekens: waarom heeft u dit dossier nu nodig?` });
    setFouten(f);
    if (f.length === 0) vraag.mutate({ nummer: nummer.trim(), reden: reden.trim() });
  };
  const samenvatting: Foutregel[] = fouten.length > 0 ? fouten : Object.entries(apiVelden).map(([naam, tekst]) => ({ naam, tekst }));

  return (
    <>
      <Heading1>Dossier openen met reden</Heading1>
      <Paragraph appearance="lead">
        Zoeken toont alleen de dossiers waar u aan werkt. Heeft u een ander dossier nu echt nodig, bijvoorbeeld omdat de inwoner
        belt voor een collega die afwezig is? Open het dan hier met het casusnummer of het BSN en een reden.
      </Paragraph>
      <Paragraph>
        De toegang geldt tot het einde van vandaag voor het hele huishouden. Uw reden, uw naam en het moment worden vastgelegd;
        de privacy officer ziet elke toegang met reden en beoordeelt of die terecht was.
      </Paragraph>
      {samenvatting.length > 0 ? <FoutSamenvatting fouten={samenvatting} /> : null}
      <form onSubmit={onVersturen} noValidate className="eenvoud-form">
        <TekstVeld naam="nummer" label="Casusnummer of BSN" verplicht autoComplete="off" className="eenvoud-breedte-10"
          beschrijving="Het exacte casusnummer (zoals C-2026-000012) of het BSN van een lid van het huishouden. Op naam zoeken kan hier niet."
          value={nummer} onChange={(e) => setNummer(e.target.value)} fout={veldFout('nummer')} />
        <TekstvakVeld naam="reden" label="Reden" verplicht rows={4} maxLength={1000}
          beschrijving={`Waarom heeft u dit dossier nu nodig? Minstens ${REDEN_MIN} tekens. Noem geen gegevens van de inwoner die niet nodig zijn.`}
          value={reden} onChange={(e) => setReden(e.target.value)} fout={veldFout('reden')} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={vraag.isPending} disabled={vraag.isPending}>Dossier openen</PrimaryActionButton>
        </ButtonGroup>
      </form>
      <div aria-live="polite">{vraag.isError && Object.keys(apiVelden).length === 0 ? <Foutmelding fout={vraag.error} /> : null}</div>
    </>
  );
}
