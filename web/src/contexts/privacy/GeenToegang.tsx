import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { ApiProblem } from '../../platform/api.ts';
import { DoorbraakFormulier } from './DoorbraakFormulier.tsx';

/** The API's code when someone outside the household's circle asks for its file (ADR 25). */
export const GEEN_TOEGANG_DOSSIER = 'geen-toegang-dossier';

export const isGeenToegangDossier = (fout: unknown): fout is ApiProblem =>
  typeof fout === 'object' && fout !== null && 'code' in fout && (fout as { code: unknown }).code === GEEN_TOEGANG_DOSSIER;

/**
 * What a page shows on a 403 `geen-toegang-dossier`: why the file is closed, in Dutch. When the
 * casus is known, `casusId` is given so the break-glass form (issue 11, part 2) can go beside it;
 * `children` is the slot for that form.
 */
export function GeenToegang({ probleem, casusId, children }: { probleem?: ApiProblem | undefined; casusId?: string | undefined; children?: ReactNode }) {
  return (
    <div className="eenvoud-geen-toegang" data-casus-id={casusId}>
      <Alert type="warning">
        <Paragraph><strong>{probleem?.title ?? 'U heeft geen toegang tot dit dossier'}</strong></Paragraph>
        <Paragraph>
          {probleem?.detail ?? 'U werkt niet aan dit dossier: alleen wie bij het huishouden betrokken is, kan het inzien.'}
        </Paragraph>
        <Paragraph>
          Wie bij een huishouden betrokken is: de casusregisseur, de collega&apos;s die de casusregisseur of de teamleider
          aan de casus toevoegt, de procescoördinator, de teamleider van het team en de beslisser zolang een aanvraag bij
          de beslissers ligt.
        </Paragraph>
      </Alert>
      {/* Without a slot of its own, a page that knows the casus gets the break-glass form. */}
      {children ?? (casusId ? <DoorbraakFormulier casusId={casusId} /> : null)}
    </div>
  );
}
