// An in-app link: a real <a href="#/…"> (keyboard, middle-click, copyable deep link) that routes in place.
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { routeToHash, useNav, type Route } from '../stores/nav-store';

export function NavLink({
  route,
  children,
  current = false,
  className,
  ...rest
}: {
  route: Route;
  children: ReactNode;
  current?: boolean;
  className?: string;
  'data-index'?: number;
  onKeyDown?: (event: KeyboardEvent<HTMLAnchorElement>) => void;
  onFocus?: () => void;
  tabIndex?: number;
}) {
  const navigate = useNav((s) => s.navigate);
  const go = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(route);
  };
  return (
    <a
      href={routeToHash(route)}
      onClick={go}
      aria-current={current ? 'page' : undefined}
      className={className}
      {...rest}
    >
      {children}
    </a>
  );
}
