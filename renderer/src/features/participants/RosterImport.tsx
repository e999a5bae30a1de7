import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Flex, Modal, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterPreview } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useRoles } from './useRoles.js';

interface PickedFile {
  name: string;
  format: 'csv' | 'xlsx';
  contentBase64: string;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Import a roster: pick a file, see every row judged, then import all of it or nothing. */
export function RosterImport({ hearingId, onClose }: { hearingId: string; onClose: () => void }) {
  const { t } = useTranslation('participants');
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const { roleName } = useRoles(hearingId);
  const [picked, setPicked] = useState<PickedFile>();
  const [preview, setPreview] = useState<RosterPreview>();
  const [importing, setImporting] = useState(false);

  async function pick(file: File) {
    const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    const chosen = { name: file.name, format, contentBase64: await readAsBase64(file) } as const;
    setPicked(chosen);
    const result = await api.call('participant.previewRoster', { hearingId, format: chosen.format, contentBase64: chosen.contentBase64 });
    if (result.ok) setPreview(result.value);
    else void message.error(describe(result.error));
  }

  async function importAll() {
    if (!picked) return;
    setImporting(true);
    const result = await api.call('participant.importRoster', { hearingId, format: picked.format, contentBase64: picked.contentBase64 });
    setImporting(false);
    if (result.ok) {
      void message.success(t('import.done', { count: result.value.added }));
      onClose();
    } else void message.error(describe(result.error));
  }

  return (
    <Modal
      open
      width={960}
      title={t('import.title')}
      okText={t('import.confirm', { count: preview?.rows.length ?? 0 })}
      okButtonProps={{ disabled: !preview?.importable, loading: importing }}
      onOk={() => void importAll()}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('import.intro')}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            void pick(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{picked ? picked.name : t('import.pick')}</p>
        </Upload.Dragger>
        {preview && preview.problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('import.fileProblems')}
            description={preview.problems
              .map((problem) => describeIssue({ path: '', key: problem.key, params: { line: problem.line, ...problem.params } }))
              .join(' ')}
          />
        )}
        {preview && preview.rows.length > 0 && (
          <>
            {!preview.importable && <Alert type="warning" showIcon title={t('import.notImportable')} />}
            <Table
              size="small"
              rowKey="line"
              pagination={false}
              scroll={{ y: 360 }}
              dataSource={preview.rows}
              columns={[
                { key: 'line', title: t('import.line'), dataIndex: 'line', width: 70 },
                { key: 'name', title: t('fields.name'), dataIndex: 'name', width: 120 },
                { key: 'role', title: t('fields.role'), width: 130, render: (_, row) => (row.role ? roleName(row.role) : row.roleText) },
                { key: 'idNumber', title: t('fields.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
                {
                  key: 'issues',
                  title: t('import.check'),
                  render: (_, row) =>
                    row.issues.length === 0 ? (
                      <Tag color="green">{t('import.rowOk')}</Tag>
                    ) : (
                      <Typography.Text type="danger">{row.issues.map(describeIssue).join(' ')}</Typography.Text>
                    ),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
