import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../components/useLanguage.js';

/** 移交接收 · 来自…: a hearing received from another laptop says so above every tab, and that it is read-only here. */
export function HandoverBanner({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('handover');
  const language = useLanguage();
  const { data } = useQuery('handover.list', {}, ['handover.imported']);
  const origin = data?.find((imported) => imported.hearingId === hearingId)?.origin;
  if (!origin) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="handover-banner"
      title={t('banner.title', { office: origin.office })}
      description={t('banner.detail', {
        fingerprint: origin.fingerprint,
        sealedAt: formatInstant(origin.sealedAt, language),
        importedAt: formatInstant(origin.importedAt, language),
      })}
    />
  );
}
