/**
 * The portal of provider staff (role aanbieder, ADR 38): where they land after logging in. Their
 * organisation's message traffic with the gemeente (ADR 37): fetch toewijzingen and retours, deliver
 * start, stop, retour and declaration messages — or, without software of their own, report start and stop with a form —
 * and see what the gemeente approved of their declarations.
 */
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useSessie } from '../platform/session.tsx';
import { usePageTitle } from '../platform/usePageTitle.ts';
import { BerichtenPortaal } from '../contexts/berichten/BerichtenPortaal.tsx';
import { PortaalToewijzingen } from '../contexts/berichten/PortaalToewijzingen.tsx';
import { DeclaratiesSectie } from '../contexts/berichten/Declaraties.tsx';

export function PortaalPage() {
  usePageTitle('Portaal zorgaanbieder');
  const sessie = useSessie();
  return (
    <>
      <Heading1>Portaal zorgaanbieder</Heading1>
      <Paragraph appearance="lead">
        {sessie.aanbieder?.naam ?? 'Uw organisatie'}, voor gemeente {sessie.gemeente.naam}.
      </Paragraph>
      <PortaalToewijzingen />
      <BerichtenPortaal />
      <DeclaratiesSectie />
    </>
  );
}
