import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiProblem } from './api.ts';
import { RouterLink } from './links.tsx';
import { useSession, type Rol } from './session.tsx';
import { usePageTitle } from './usePageTitle.ts';

/** Pages behind this need a session; without one the user goes to the login page (and comes back after). */
export function RequireSession({ children }: { children: ReactNode }) {
  const { sessie, laden, uitgelogd } = useSession();
  const location = useLocation();
  if (laden) return <Laden />;
  // After logging out, the next user starts on the start page, not on the page the last one left.
  if (!sessie && uitgelogd) return <Navigate to="/inloggen" replace />;
  if (!sessie) return <Navigate to="/inloggen" replace state={{ van: `${location.pathname}${location.search}` }} />;
  return children;
}

/** A page for some roles only. The API checks the role as well; this only avoids a dead end. */
export function RequireRol({ rollen, children }: { rollen: readonly Rol[]; children: ReactNode }) {
  const { heeftRol } = useSession();
  if (!heeftRol(...rollen)) return <GeenToegang />;
  return children;
}

function GeenToegang() {
  usePageTitle('Geen toegang');
  return (
    <>
      <Heading1>Geen toegang</Heading1>
      <Paragraph>Uw rol geeft geen toegang tot deze pagina.</Paragraph>
      <Paragraph><RouterLink to="/">Naar de startpagina</RouterLink></Paragraph>
    </>
  );
}

export function Laden({ tekst = 'Bezig met laden…' }: { tekst?: string }) {
  return <Paragraph role="status" className="eenvoud-laden">{tekst}</Paragraph>;
}

/** A failed request, in the words the API gave. */
export function Foutmelding({ fout }: { fout: unknown }) {
  const problem = fout instanceof ApiProblem ? fout : null;
  return (
    <Alert type="error">
      <Paragraph><strong>{problem?.title ?? 'Er ging iets mis'}</strong></Paragraph>
      <Paragraph>{problem?.detail ?? 'Probeer het later opnieuw.'}</Paragraph>
    </Alert>
  );
}
