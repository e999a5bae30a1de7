import { createContext, useContext } from 'react';
import { accessOf, rolesAllow } from '../../../../electron/core/contract/access.js';
import type { MethodName, Operator } from '../../../../electron/core/contract/index.js';

export interface OperatorSession {
  user: Operator;
  lock(): void;
  signOut(): void;
}

export const OperatorContext = createContext<OperatorSession | null>(null);

/** The signed-in operator; null on the screens that need no one (the public display, the chair's view). */
export function useOperator(): OperatorSession | null {
  return useContext(OperatorContext);
}

/** Whether the signed-in operator's roles allow a method: the contract's own table, so a button and the core never disagree. */
export function useCan(method: MethodName): boolean {
  const session = useOperator();
  return session !== null && rolesAllow(accessOf(method), session.user.roles);
}
