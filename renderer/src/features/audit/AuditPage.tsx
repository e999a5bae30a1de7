import { AuditOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AuditTable } from './AuditTable.js';
import { ChainBanner } from './ChainBanner.js';
import { CardTitle } from '../../components/CardTitle.js';
import { HearingSelect } from '../../components/HearingSelect.js';

/**
 * 操作日志 (issue 9): every change with who, when and what, and whether the
 * hash chain that links the entries still holds. The chain is checked as a
 * whole, whatever the filter: tampering anywhere concerns every hearing.
 */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const [hearingId, setHearingId] = useState<string | undefined>();
  const status = useQuery('audit.status', {});
  const hearings = useQuery('hearing.list', {}, ['hearing.created', 'hearing.updated']);

  return (
    <Card title={<CardTitle icon={<AuditOutlined />}>{t('title')}</CardTitle>} style={{ width: '100%' }}>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('intro')}
          <br />
          {t('actorHint')}
        </Typography.Paragraph>
        {status.error ? <ErrorAlert error={status.error} onRetry={status.reload} /> : <ChainBanner status={status.data} />}
        {hearings.error && <ErrorAlert error={hearings.error} onRetry={hearings.reload} />}
        <Flex align="center" gap={8}>
          <label htmlFor="audit-hearing-filter">{t('hearingFilter')}</label>
          <HearingSelect
            id="audit-hearing-filter"
            hearings={hearings.data}
            value={hearingId}
            onChange={setHearingId}
            style={{ width: 560, maxWidth: '100%' }}
          />
        </Flex>
        <AuditTable key={hearingId ?? 'all'} hearingId={hearingId} status={status.data} />
      </Flex>
    </Card>
  );
}
