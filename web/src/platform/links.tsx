import type { ReactNode } from 'react';
import { Link as RouterLinkBase, NavLink, type LinkProps, type NavLinkProps } from 'react-router';

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
