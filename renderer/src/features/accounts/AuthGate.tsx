import { Flex, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppErrorData, Operator, SignedIn } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { announceSessionResumed, forgetSession, keepSession, onAuthLoss } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LockScreen } from './LockScreen.js';
import { OperatorContext, type OperatorSession } from './operator.js';
import { SetupScreen } from './SetupScreen.js';
import { SignInScreen } from './SignInScreen.js';
import { useIdleLock } from './useIdleLock.js';

type Gate =
  | { phase: 'loading' }
  | { phase: 'failed'; error: AppErrorData }
  | { phase: 'setup' }
  | { phase: 'signIn' }
  | { phase: 'in'; user: Operator; locked: boolean; lockMinutes: number };

/**
 * Nothing of the app before someone signs in: the first run creates the
 * administrator, every later start asks who is there. A locked window keeps
 * its screens mounted under the lock, so no typing is lost.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ phase: 'loading' });

  const load = useCallback(() => {
    void api.call('auth.status', {}).then((result) => {
      if (!result.ok) return setGate({ phase: 'failed', error: result.error });
      const status = result.value;
      if (status.needsSetup) return setGate({ phase: 'setup' });
      if (!status.user) {
        forgetSession();
        return setGate({ phase: 'signIn' });
      }
      setGate({ phase: 'in', user: status.user, locked: status.locked, lockMinutes: status.lockMinutes });
    });
  }, []);

  useEffect(load, [load]);

  useEffect(
    () =>
      onAuthLoss((loss) => {
        if (loss === 'signedOut') {
          forgetSession();
          setGate({ phase: 'signIn' });
        } else setGate((current) => (current.phase === 'in' ? { ...current, locked: true } : current));
      }),
    [],
  );

  useEffect(
    () =>
      api.on(['auth.lockMinutesChanged'], (event) =>
        setGate((current) => (current.phase === 'in' ? { ...current, lockMinutes: event.payload.lockMinutes } : current)),
      ),
    [],
  );

  const signedIn = useCallback((session: SignedIn) => {
    keepSession(session.token);
    setGate({ phase: 'in', user: session.user, locked: false, lockMinutes: session.lockMinutes });
  }, []);

  const lock = useCallback(() => {
    setGate((current) => (current.phase === 'in' ? { ...current, locked: true } : current));
    void api.call('auth.lock', {});
  }, []);

  const signOut = useCallback(() => {
    void api.call('auth.signOut', {}).then(() => {
      forgetSession();
      setGate({ phase: 'signIn' });
    });
  }, []);

  const inside = gate.phase === 'in' ? gate : undefined;
  useIdleLock(inside?.lockMinutes ?? 10, inside !== undefined && !inside.locked, lock);

  const session = useMemo<OperatorSession | null>(() => (inside ? { user: inside.user, lock, signOut } : null), [inside, lock, signOut]);

  switch (gate.phase) {
    case 'loading':
      return (
        <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
          <Spin size="large" />
        </Flex>
      );
    case 'failed':
      return (
        <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
          <ErrorAlert error={gate.error} onRetry={load} />
        </Flex>
      );
    case 'setup':
      return <SetupScreen onSignedIn={signedIn} />;
    case 'signIn':
      return <SignInScreen onSignedIn={signedIn} />;
    case 'in':
      return (
        <OperatorContext.Provider value={session}>
          {children}
          {gate.locked && (
            <LockScreen
              user={gate.user}
              lockMinutes={gate.lockMinutes}
              onUnlocked={() => {
                setGate({ ...gate, locked: false });
                announceSessionResumed();
              }}
              onSwitch={signOut}
            />
          )}
        </OperatorContext.Provider>
      );
  }
}
