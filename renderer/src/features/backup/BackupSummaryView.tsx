import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant, type BackupSummary } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';
import { fileSize } from '../evidence/useEvidence.js';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;

/** Bytes as the office reads them: KB below a megabyte, MB above. */
export function useSize(): (bytes: number) => string {
  const { t } = useTranslation('backup');
  return (bytes) => {
    // fileSize shows a tiny file as 0.1 KB; nothing at all (no evidence yet) reads as 0.
    if (bytes === 0) return t('sizeKb', { value: '0' });
    const size = fileSize(bytes);
    return t(size.unit === 'kb' ? 'sizeKb' : 'sizeMb', { value: size.value });
  };
}

/** 预览: what a backup holds, read from its backup.json, before anyone restores it. */
export function BackupSummaryView({ fileName, summary }: { fileName: string; summary: BackupSummary }) {
  const { t } = useTranslation('backup');
  const language = useLanguage();
  const size = useSize();
  const { counts, bytes } = summary;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="backup-preview"
      styles={{ label: { width: 160 } }}
      items={[
        { key: 'file', label: t('preview.file'), children: <Typography.Text copyable>{fileName}</Typography.Text> },
        { key: 'createdAt', label: t('preview.createdAt'), children: formatInstant(summary.createdAt, language) },
        { key: 'version', label: t('preview.version'), children: t('preview.versionValue', { app: summary.appVersion, schema: summary.schemaVersion }) },
        {
          key: 'hearings',
          label: t('preview.hearings'),
          children: t('preview.hearingsValue', { hearings: counts.hearings, finalized: counts.finalized, entries: counts.minuteEntries }),
        },
        {
          key: 'files',
          label: t('preview.files'),
          children: t('preview.filesValue', { evidence: counts.evidenceFiles, packages: counts.packageFiles }),
        },
        {
          key: 'sizes',
          label: t('preview.sizes'),
          children: t('preview.sizesValue', {
            total: size(bytes.total),
            database: size(bytes.database),
            evidence: size(bytes.evidence),
            packages: size(bytes.packages),
          }),
        },
        {
          key: 'key',
          label: t('preview.key'),
          children: summary.keyFingerprint ? <Typography.Text style={mono}>{summary.keyFingerprint}</Typography.Text> : t('snapshots.noKey'),
        },
      ]}
    />
  );
}
