/**
 * Pieces for the small action forms on a detail page: a form that opens on demand, the problem in
 * the API's words, a confirmation before an irreversible step, and a success message that takes focus.
 */
import { Alert, Button, ButtonGroup, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { ApiProblem } from './api.ts';
import { veldFouten, veldNaam } from './form.tsx';

/** A form that opens on demand, so the page stays calm. */
export function Uitklap({ titel, open, children }: { titel: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="eenvoud-uitklap" open={open}>
      <summary>{titel}</summary>
      <div className="eenvoud-uitklap__inhoud">{children}</div>
    </details>
  );
}

export function Probleem({ probleem }: { probleem: ApiProblem | null }) {
  if (!probleem) return null;
  return (
    <Alert type="error" className="eenvoud-actie-fout">
      <Paragraph><strong>{probleem.invalidParams.length > 0 ? 'Controleer de velden hieronder' : probleem.title}</strong></Paragraph>
      {probleem.invalidParams.length > 0 ? (
        // Each field named in words, also one the form does not show (the API names it by its path).
        <ul className="eenvoud-kaal">
          {probleem.invalidParams.map((p) => <li key={p.name}>{p.name === '(body)' ? p.reason : `${veldNaam(p.name)}: ${p.reason}`}</li>)}
        </ul>
      ) : <Paragraph>{probleem.detail}</Paragraph>}
    </Alert>
  );
}

/** Any error as an ApiProblem, so a form can always show something useful. */
export function alsProbleem(e: unknown): ApiProblem {
  return e instanceof ApiProblem ? e : new ApiProblem({
    type: 'about:blank', status: 0, code: 'onbekende-fout', title: 'Er ging iets mis', detail: 'Probeer het opnieuw.',
  });
}

/** The problem of the last attempt and its field messages. */
export function useProbleem() {
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  return { probleem, setProbleem, fouten: veldFouten(probleem) };
}

/** A success message that takes focus when it appears (and again for every new text). */
export function Bericht({ tekst, children }: { tekst: string | null; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (tekst) ref.current?.focus();
  }, [tekst]);
  if (!tekst) return null;
  return (
    <div ref={ref} tabIndex={-1} className="eenvoud-bericht">
      <Alert type="ok"><Paragraph>{tekst}</Paragraph>{children}</Alert>
    </div>
  );
}

/** A client-side link that looks like a button (for "go and do this" on another page). */
export function KnopLink({ className, secundair, ...props }: LinkProps & { secundair?: boolean }) {
  const soort = secundair ? 'utrecht-button-link--secondary-action' : 'utrecht-button-link--primary-action';
  return <Link {...props} className={['utrecht-button-link', 'utrecht-button-link--html-a', soort, className].filter(Boolean).join(' ')} />;
}

/** A confirmation that takes focus, as every irreversible step asks it. */
export function Bevestig({ id, vraag, uitleg, ja, bezig, onJa, onNee }: {
  id: string; vraag: string; uitleg?: ReactNode; ja: string; bezig: boolean; onJa: () => void; onNee: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="eenvoud-bevestig" role="group" aria-labelledby={id}>
      <Alert type="warning">
        <Paragraph id={id}><strong>{vraag}</strong></Paragraph>
        {uitleg}
        <ButtonGroup>
          <PrimaryActionButton type="button" busy={bezig} disabled={bezig} onClick={onJa}>{ja}</PrimaryActionButton>
          <Button appearance="secondary-action-button" type="button" onClick={onNee}>Annuleren</Button>
        </ButtonGroup>
      </Alert>
    </div>
  );
}
