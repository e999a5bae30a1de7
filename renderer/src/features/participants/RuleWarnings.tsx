import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleKind, RuleWarning } from '../../../../electron/core/contract/index.js';

/** The template's role rules this roster breaks: warnings now, blockers when the hearing is opened. */
export function RuleWarnings({ warnings, roleName }: { warnings: readonly RuleWarning[]; roleName: (kind: RoleKind) => string }) {
  const { t } = useTranslation('errors');
  const { t: tp } = useTranslation('participants');
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={tp('warnings.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((warning) => (
            <li key={`${warning.key}:${JSON.stringify(warning.params)}`}>
              {t(warning.key, { ...warning.params, roleName: roleName(warning.params.role as RoleKind) })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
