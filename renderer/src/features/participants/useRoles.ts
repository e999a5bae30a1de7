import type { RoleKind, RoleRule } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../components/useLanguage.js';

/** The roles of a hearing as its template names them (信访人, 当事人 …), with this hearing's numbers. */
export function useRoles(hearingId: string): { roles: RoleRule[]; roleName: (kind: RoleKind) => string } {
  const language = useLanguage();
  const { data } = useQuery('hearing.rules', { hearingId }, ['hearing.updated']);
  const roles = data?.effective.roles ?? [];
  return {
    roles,
    roleName: (kind) => roles.find((role) => role.kind === kind)?.name[language] ?? kind,
  };
}
