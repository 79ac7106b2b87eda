import { Button } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../platform/session.tsx';
import { ZOEK_HINT, ZOEK_ROLLEN, ZOEKVRAAG_MAX } from './api.ts';

/**
 * The search field in the header of every staff page: one field, submitted to /zoeken?q=…
 * Only for the roles that work with files; the others have nothing to find here.
 */
export function ZoekVeld() {
  const { heeftRol } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [q, setQ] = useState('');
  // On the results page the field shows what was searched; elsewhere it starts empty.
  const huidige = location.pathname === '/zoeken' ? new URLSearchParams(location.search).get('q') ?? '' : '';
  useEffect(() => setQ(huidige), [huidige]);

  if (!heeftRol(...ZOEK_ROLLEN)) return null;

  const onZoeken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate(`/zoeken?${new URLSearchParams({ q: q.trim() }).toString()}`);
  };

  return (
    <form role="search" aria-label="Zoeken in dossiers" className="eenvoud-zoekveld" onSubmit={onZoeken}>
      <label htmlFor="eenvoud-zoekveld-invoer" className="eenvoud-zoekveld__label">Zoeken</label>
      <span id="eenvoud-zoekveld-hint" className="eenvoud-zoekveld__hint">{ZOEK_HINT}</span>
      <span className="eenvoud-zoekveld__rij">
        <input
          id="eenvoud-zoekveld-invoer" type="search" name="q" className="utrecht-textbox utrecht-textbox--html-input eenvoud-zoekveld__invoer"
          aria-describedby="eenvoud-zoekveld-hint" autoComplete="off" spellCheck={false} maxLength={ZOEKVRAAG_MAX}
          value={q} onChange={(e) => setQ(e.target.value)}
        />
        <Button appearance="primary-action-button" type="submit">Zoek</Button>
      </span>
    </form>
  );
}
