import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HearingStatus } from '../../../../electron/core/contract/index.js';

const colors: Record<HearingStatus, string> = {
  preparing: 'blue',
  inProgress: 'orange',
  closed: 'default',
  finalized: 'green',
};

export function StatusTag({ status }: { status: HearingStatus }) {
  const { t } = useTranslation('hearing');
  return <Tag color={colors[status]}>{t(`status.${status}`)}</Tag>;
}
