import { CloudServerOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AutomaticFailureAlert } from './AutomaticFailureAlert.js';
import { BackupFolderCard } from './BackupFolderCard.js';
import { RestoreCard } from './RestoreCard.js';
import { SnapshotsCard } from './SnapshotsCard.js';

/** 备份: where the office's backups go, making one now, the ones kept, and how to restore one. */
export function BackupPage() {
  const { t } = useTranslation('backup');
  const settings = useQuery('settings.get', {}, ['settings.changed']);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        <CloudServerOutlined /> {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      <Alert type="warning" showIcon title={t('keyWarning.title')} description={t('keyWarning.body')} />
      {settings.error && <ErrorAlert error={settings.error} onRetry={settings.reload} />}
      {settings.loading && <Spin />}
      {settings.data && (
        <>
          <AutomaticFailureAlert folder={settings.data.backupFolder} />
          {/* Keyed by the folder: once a save is confirmed, the input starts again from the stored value. */}
          <BackupFolderCard key={settings.data.backupFolder} folder={settings.data.backupFolder} />
          <SnapshotsCard hasFolder={settings.data.backupFolder !== ''} />
        </>
      )}
      <RestoreCard />
    </Flex>
  );
}
