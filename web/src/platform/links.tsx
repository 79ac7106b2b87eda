import type { ReactNode } from 'react';
import { Link as RouterLinkBase, NavLink, useLocation, type LinkProps, type NavLinkProps } from 'react-router';

/** A client-side link that looks like the NL Design System link. */
export function RouterLink({ className, ...props }: LinkProps) {
  return <RouterLinkBase {...props} className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} />;
}

/** An item of the main navigation; marks the current page with aria-current="page". */
export function NavItem({ to, children, end }: { to: NavLinkProps['to']; children: ReactNode; end?: boolean }) {
  return (
    <li className="utrecht-nav-list__item">
      <NavLink to={to} end={end ?? false} className="utrecht-link utrecht-link--html-a utrecht-nav-list__link">
        {children}
      </NavLink>
    </li>
  );
}

/** Previous/next links under a list that has more than one page; `naar(n)` gives the URL of page n. */
export function Paginering({ pagina, paginas, naar }: { pagina: number; paginas: number; naar: (pagina: number) => LinkProps['to'] }) {
  if (paginas <= 1) return null;
  return (
    <nav aria-label="Paginering" className="eenvoud-paginering">
      {pagina > 1 ? <RouterLink to={naar(pagina - 1)} rel="prev">Vorige pagina</RouterLink> : <span />}
      <span>Pagina {pagina} van {paginas}</span>
      {pagina < paginas ? <RouterLink to={naar(pagina + 1)} rel="next">Volgende pagina</RouterLink> : <span />}
    </nav>
  );
}

/** The cursors of the pages before this one, kept in the history entry (not the URL) so "Vorige pagina" can walk back. */
function stapelUit(state: unknown): (string | null)[] {
  const s = (state as { keysetStapel?: unknown } | null)?.keysetStapel;
  return Array.isArray(s) && s.every((v) => v === null || typeof v === 'string') ? (s as (string | null)[]) : [];
}

/**
 * Paging of a keyset list (ADR 27): the API gives a cursor `volgende`, not page numbers. "Volgende
 * pagina" carries it in the URL (`na`); the cursors walked so far ride along in the router state, which
 * gives "Vorige pagina" and the page number; "Eerste pagina" starts over. A link opened afresh with a
 * cursor has no stack: it offers the first and the next page. `naar(na)` gives the URL with that cursor
 * (undefined: the first page).
 */
export function KeysetPaginering({ na, volgende, naar }: {
  na: string | undefined;
  volgende: string | null;
  naar: (na: string | undefined) => string;
}) {
  const location = useLocation();
  const stapel = na ? stapelUit(location.state) : [];
  if (!na && !volgende) return null;
  // On page 2 "Vorige pagina" is the first page: one link, not two to the same place.
  return (
    <nav aria-label="Paginering" className="eenvoud-paginering">
      <span>
        {na && stapel.length !== 1 ? <RouterLink to={naar(undefined)} state={{ keysetStapel: [] }}>Eerste pagina</RouterLink> : null}
        {na && stapel.length > 1 ? ' ' : null}
        {stapel.length > 0 ? (
          <RouterLink to={naar(stapel[stapel.length - 1] ?? undefined)} state={{ keysetStapel: stapel.slice(0, -1) }} rel="prev">Vorige pagina</RouterLink>
        ) : null}
      </span>
      <span>{na && stapel.length === 0 ? 'Vervolgpagina' : `Pagina ${stapel.length + 1}`}</span>
      {volgende ? <RouterLink to={naar(volgende)} state={{ keysetStapel: [...stapel, na ?? null] }} rel="next">Volgende pagina</RouterLink> : <span />}
    </nav>
  );
}
