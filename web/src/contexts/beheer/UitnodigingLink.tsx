/**
 * A fresh one-time link, shown once (only its hash is kept): in a read-only field to select, with a
 * copy button. The panel takes focus when it appears, so a screen reader reads it at once.
 */
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { formatMoment } from '../../platform/format.ts';
import { TekstVeld } from '../../platform/form.tsx';

export function UitnodigingLink({ url, verlooptOp, voor }: { url: string; verlooptOp: string; voor: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [gekopieerd, setGekopieerd] = useState<'ja' | 'mislukt' | null>(null);
  useEffect(() => {
    ref.current?.focus();
    setGekopieerd(null);
  }, [url]);

  const kopieer = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setGekopieerd('ja');
    } catch {
      // No clipboard (an old browser, no permission): the field is selected, so Ctrl+C works.
      const veld = document.getElementById('veld-uitnodiging-url') as HTMLInputElement | null;
      veld?.focus();
      veld?.select();
      setGekopieerd('mislukt');
    }
  };

  return (
    <div ref={ref} tabIndex={-1} className="eenvoud-bericht" role="region" aria-labelledby="kop-uitnodiging">
      <Alert type="ok">
        <Heading2 id="kop-uitnodiging">Link om een wachtwoord in te stellen</Heading2>
        <Paragraph>
          Geef deze link aan {voor}, bijvoorbeeld in een e-mail. U ziet de link maar één keer: Eenvoud bewaart hem niet.
          Hij werkt één keer en tot {formatMoment(verlooptOp)}.
        </Paragraph>
        <TekstVeld naam="uitnodiging.url" label="Eenmalige link" value={url} readOnly onFocus={(e) => e.target.select()} spellCheck={false} />
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" onClick={() => { void kopieer(); }}>Link kopiëren</Button>
        </ButtonGroup>
        <Paragraph role="status">
          {gekopieerd === 'ja' ? 'De link is gekopieerd.' : gekopieerd === 'mislukt' ? 'Kopiëren lukte niet. De link is geselecteerd: kopieer hem met Ctrl+C.' : ''}
        </Paragraph>
      </Alert>
    </div>
  );
}
