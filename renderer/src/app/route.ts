import { useEffect, useState } from 'react';

export type Route = { name: 'hearings' } | { name: 'newHearing' } | { name: 'hearing'; hearingId: string } | { name: 'notFound' };

/** Hash routes work the same under app:// in Electron and http:// in the browser host. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { name: 'hearings' };
  if (path === '/hearings/new') return { name: 'newHearing' };
  const hearing = /^\/hearings\/([0-9a-f-]{36})$/.exec(path);
  if (hearing) return { name: 'hearing', hearingId: hearing[1] as string };
  return { name: 'notFound' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'hearings':
      return '#/';
    case 'newHearing':
      return '#/hearings/new';
    case 'hearing':
      return `#/hearings/${route.hearingId}`;
    case 'notFound':
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
