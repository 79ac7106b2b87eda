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
