import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Input, List, Popconfirm, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';

/** The 诉求 of a hearing: each is judged on its own later, so each is its own item, in the petitioner's order. */
export function RequestsEditor({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('hearing');
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const { data: requests, error, reload } = useQuery('request.list', { hearingId }, ['requests.changed']);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string>();

  function report(failure: AppErrorData) {
    const [issue] = validationIssues(failure);
    void message.error(issue ? describeIssue(issue) : describe(failure));
  }

  /** Takes the text as typed at the moment of the key press, not the last rendered state: a fast clerk outruns React. */
  async function add(text: string) {
    const result = await api.call('request.add', { hearingId, text });
    if (result.ok) {
      setDraft('');
      setDraftError(undefined);
      return;
    }
    const [issue] = validationIssues(result.error);
    setDraftError(issue ? describeIssue(issue) : describe(result.error));
  }

  if (error) return <ErrorAlert error={error} onRetry={reload} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('requests.intro')}
      </Typography.Paragraph>
      {requests && requests.length === 0 ? (
        <Empty description={t('requests.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          bordered
          dataSource={requests ?? []}
          renderItem={(request, index) => (
            <List.Item
              aria-label={t('requests.number', { number: request.position })}
              actions={[
                <Tooltip key="up" title={t('requests.moveUp')}>
                  <Button
                    type="text"
                    aria-label={t('requests.moveUp')}
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() =>
                      void api.call('request.move', { requestId: request.id, position: request.position - 1 }).then((r) => !r.ok && report(r.error))
                    }
                  />
                </Tooltip>,
                <Tooltip key="down" title={t('requests.moveDown')}>
                  <Button
                    type="text"
                    aria-label={t('requests.moveDown')}
                    icon={<ArrowDownOutlined />}
                    disabled={index === (requests?.length ?? 0) - 1}
                    onClick={() =>
                      void api.call('request.move', { requestId: request.id, position: request.position + 1 }).then((r) => !r.ok && report(r.error))
                    }
                  />
                </Tooltip>,
                <Popconfirm
                  key="remove"
                  title={t('requests.removeConfirm')}
                  onConfirm={() => void api.call('request.remove', { requestId: request.id }).then((r) => !r.ok && report(r.error))}
                >
                  <Button type="text" danger aria-label={t('requests.remove')} icon={<DeleteOutlined />} />
                </Popconfirm>,
              ]}
            >
              <Flex gap={12} style={{ width: '100%' }}>
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {t('requests.number', { number: request.position })}
                </Typography.Text>
                <Typography.Paragraph
                  style={{ margin: 0, flex: 1 }}
                  editable={{
                    tooltip: t('requests.edit'),
                    onChange: (text) => {
                      if (text !== request.text) void api.call('request.update', { requestId: request.id, text }).then((r) => !r.ok && report(r.error));
                    },
                  }}
                >
                  {request.text}
                </Typography.Paragraph>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Flex gap={8} align="flex-start">
        <Flex vertical style={{ flex: 1 }}>
          <Input.TextArea
            aria-label={t('requests.new')}
            placeholder={t('requests.placeholder')}
            value={draft}
            status={draftError ? 'error' : undefined}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
                event.preventDefault();
                void add(event.currentTarget.value);
              }
            }}
          />
          {draftError && <Typography.Text type="danger">{draftError}</Typography.Text>}
        </Flex>
        <Tooltip title={t('requests.addShortcut')}>
          <Button type="primary" onClick={() => void add(draft)}>
            {t('requests.add')}
          </Button>
        </Tooltip>
      </Flex>
    </Flex>
  );
}
