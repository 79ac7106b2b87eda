/**
 * The confirmation when a melding went to a file a colleague handles (a new registration, or an
 * online melding linked): the number to give the resident and where it went — not the file
 * (need to know). It takes the focus, so a screen reader reads it at once.
 */
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';

export function BijCollegaBevestiging({ kop, bericht }: { kop: string; bericht: string | undefined }) {
  const bevestiging = useRef<HTMLDivElement>(null);
  useEffect(() => { bevestiging.current?.focus(); }, [kop]);
  return (
    <div ref={bevestiging} tabIndex={-1}>
      <Alert type="ok" className="eenvoud-bevestiging">
        <Paragraph><strong>{kop}</strong></Paragraph>
        {bericht ? <Paragraph>{bericht}</Paragraph> : null}
        <Paragraph>Geef dit nummer aan de inwoner, zodat die ernaar kan vragen.</Paragraph>
      </Alert>
    </div>
  );
}
