import { useEffect, useState } from 'react';
import { documentKinds, printPage, type DocumentKind, type Language } from '../../../electron/core/contract/index.js';

export const hearingTabs = [
  'overview',
  'requests',
  'participants',
  'checkIn',
  'recusals',
  'evidence',
  'procedure',
  'minutes',
  'deliberation',
  'signing',
  'record',
] as const;
export type HearingTab = (typeof hearingTabs)[number];
export const setupSteps = ['requests', 'participants'] as const;
export type SetupStep = (typeof setupSteps)[number];

export type Route =
  | { name: 'hearings' }
  | { name: 'newHearing' }
  | { name: 'hearing'; hearingId: string; tab: HearingTab; entryId?: number }
  | { name: 'editHearing'; hearingId: string }
  | { name: 'setup'; hearingId: string; step: SetupStep }
  | { name: 'calendar' }
  | { name: 'chair'; hearingId: string }
  | { name: 'display'; hearingId: string }
  | { name: 'readBack'; hearingId: string }
  | { name: 'satisfaction'; hearingId: string }
  | { name: 'print'; hearingId: string; kind: DocumentKind; language: Language }
  | { name: 'search' }
  | { name: 'verify' }
  | { name: 'backup' }
  | { name: 'audit' }
  | { name: 'statistics' }
  | { name: 'users' }
  | { name: 'notFound' };

const uuid = '([0-9a-f-]{36})';

/** Screens shown full-screen on their own, without the app's header: the chair's view, the public display, the read-back and rating screens for the parties, and the print page the PDF renderers load. */
/** The screens anyone in the room may see without signing in: they carry no identity data and change nothing (lan: true), or sign in with the print grant. */
export function needsNoOperator(route: Route): boolean {
  return route.name === 'chair' || route.name === 'display' || route.name === 'print';
}

export function isStandalone(route: Route): boolean {
  return route.name === 'chair' || route.name === 'display' || route.name === 'readBack' || route.name === 'satisfaction' || route.name === 'print';
}

/** Hash routes work the same under app:// in Electron and http:// in the browser host. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { name: 'hearings' };
  if (path === '/hearings/new') return { name: 'newHearing' };
  if (path === '/calendar') return { name: 'calendar' };
  if (path === '/search') return { name: 'search' };
  if (path === '/verify') return { name: 'verify' };
  if (path === '/backup') return { name: 'backup' };
  if (path === '/audit') return { name: 'audit' };
  if (path === '/statistics') return { name: 'statistics' };
  if (path === '/users') return { name: 'users' };
  const entry = new RegExp(`^/hearings/${uuid}/minutes/(\\d{1,12})$`).exec(path);
  if (entry) return { name: 'hearing', hearingId: entry[1] as string, tab: 'minutes', entryId: Number(entry[2]) };
  const hearing = new RegExp(`^/hearings/${uuid}(?:/([a-zA-Z]+))?$`).exec(path);
  if (hearing) {
    const [, hearingId, tab = 'overview'] = hearing as unknown as [string, string, string | undefined];
    if (tab === 'edit') return { name: 'editHearing', hearingId };
    if (tab === 'chair') return { name: 'chair', hearingId };
    if (tab === 'readback') return { name: 'readBack', hearingId };
    if (tab === 'satisfaction') return { name: 'satisfaction', hearingId };
    if ((hearingTabs as readonly string[]).includes(tab)) return { name: 'hearing', hearingId, tab: tab as HearingTab };
  }
  const display = new RegExp(`^/display/${uuid}$`).exec(path);
  if (display) return { name: 'display', hearingId: display[1] as string };
  const print = new RegExp(`^/print/${uuid}/(${documentKinds.join('|')})(?:\\?(.*))?$`).exec(path);
  if (print) {
    const query = new URLSearchParams(print[3] ?? '');
    return { name: 'print', hearingId: print[1] as string, kind: print[2] as DocumentKind, language: query.get('language') === 'en' ? 'en' : 'zh-CN' };
  }
  const setup = new RegExp(`^/hearings/${uuid}/setup/([a-zA-Z]+)$`).exec(path);
  if (setup && (setupSteps as readonly string[]).includes(setup[2] as string)) {
    return { name: 'setup', hearingId: setup[1] as string, step: setup[2] as SetupStep };
  }
  return { name: 'notFound' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'hearings':
      return '#/';
    case 'newHearing':
      return '#/hearings/new';
    case 'hearing':
      if (route.entryId !== undefined) return `#/hearings/${route.hearingId}/minutes/${route.entryId}`;
      return route.tab === 'overview' ? `#/hearings/${route.hearingId}` : `#/hearings/${route.hearingId}/${route.tab}`;
    case 'editHearing':
      return `#/hearings/${route.hearingId}/edit`;
    case 'setup':
      return `#/hearings/${route.hearingId}/setup/${route.step}`;
    case 'calendar':
      return '#/calendar';
    case 'chair':
      return `#/hearings/${route.hearingId}/chair`;
    case 'display':
      return `#/display/${route.hearingId}`;
    case 'readBack':
      return `#/hearings/${route.hearingId}/readback`;
    case 'satisfaction':
      return `#/hearings/${route.hearingId}/satisfaction`;
    case 'print':
      return printPage.hash(route.hearingId, route.kind, route.language);
    case 'search':
      return '#/search';
    case 'verify':
      return '#/verify';
    case 'backup':
      return '#/backup';
    case 'audit':
      return '#/audit';
    case 'statistics':
      return '#/statistics';
    case 'users':
      return '#/users';
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
