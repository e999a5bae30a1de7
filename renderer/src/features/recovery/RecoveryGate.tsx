import { useEffect, type ReactNode } from 'react';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { RecoveryPage } from './RecoveryPage.js';

/**
 * Before anything else (the sign-in included: the accounts live in the
 * database that could not be read), asks whether the app started in recovery
 * mode, and shows only the restore offer if so. It also reloads the window
 * whenever a backup was restored, from this window or another, since
 * everything any screen shows may have changed.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const status = useQuery('recovery.status', {});
  useEffect(() => api.on(['backup.restored'], () => window.location.reload()), []);
  if (status.loading) return null;
  // A refusal (an older core, no session yet) means the app is not in recovery: the screens behind say whatever else is wrong.
  if (status.data?.active) return <RecoveryPage status={status.data} onReload={status.reload} />;
  return children;
}
