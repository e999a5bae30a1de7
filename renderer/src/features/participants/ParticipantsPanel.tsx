import { DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, RoleKind } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../components/useErrorText.js';
import { AttendanceTag } from './AttendanceTag.js';
import { ParticipantForm } from './ParticipantForm.js';
import { RosterImport } from './RosterImport.js';
import { RuleWarnings } from './RuleWarnings.js';
import { useParticipants } from './useParticipants.js';
import { useRoles } from './useRoles.js';

type Editing = { participantId: string | undefined } | undefined;

/** Everyone taking part, by role, with the template's rules checked as the list changes. */
export function ParticipantsPanel({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('participants');
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const { roles, roleName } = useRoles(hearingId);
  const { data, error, reload } = useParticipants(hearingId);
  const [filter, setFilter] = useState<RoleKind | 'all'>('all');
  const [editing, setEditing] = useState<Editing>();
  const [importing, setImporting] = useState(false);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  const participants = data?.participants ?? [];
  const shown = filter === 'all' ? participants : participants.filter((person) => person.role === filter);
  const count = (kind: RoleKind) => participants.filter((person) => person.role === kind).length;
  const nameOf = (id: string | null) => participants.find((person) => person.id === id)?.name ?? '';

  async function remove(person: Participant) {
    const result = await api.call('participant.remove', { participantId: person.id });
    if (!result.ok) void message.error(describe(result.error));
  }

  return (
    <Flex vertical gap={16}>
      <RuleWarnings warnings={data?.warnings ?? []} roleName={roleName} />
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Segmented<RoleKind | 'all'>
          aria-label={t('filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('all', { count: participants.length }) },
            ...roles
              .filter((rule) => count(rule.kind) > 0 || rule.min > 0)
              .map((rule) => ({ value: rule.kind, label: `${roleName(rule.kind)} ${count(rule.kind)}` })),
          ]}
        />
        <Flex gap={8}>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('import.button')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ participantId: undefined })}>
            {t('add')}
          </Button>
        </Flex>
      </Flex>
      {participants.length === 0 && data ? (
        <Empty description={t('empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<Participant>
          rowKey="id"
          size="middle"
          dataSource={shown}
          loading={!data}
          pagination={false}
          columns={[
            { key: 'role', title: t('fields.role'), width: 120, render: (_, person) => roleName(person.role) },
            {
              key: 'name',
              title: t('fields.name'),
              width: 130,
              render: (_, person) => (
                <Flex gap={6} align="center">
                  <Typography.Text strong>{person.name}</Typography.Text>
                  {person.recused && <Tag color="red">{t('recused')}</Tag>}
                </Flex>
              ),
            },
            { key: 'gender', title: t('fields.gender'), width: 70, render: (_, person) => (person.gender ? t(`gender.${person.gender}`) : '') },
            { key: 'idNumber', title: t('fields.idNumber'), dataIndex: 'idNumberMasked', width: 180 },
            { key: 'phone', title: t('fields.phone'), dataIndex: 'phoneMasked', width: 130 },
            {
              key: 'organization',
              title: t('fields.organizationAndPost'),
              ellipsis: true,
              render: (_, person) => [person.organization, person.post].filter(Boolean).join(' · '),
            },
            {
              key: 'agentFor',
              title: t('fields.agentFor'),
              width: 160,
              render: (_, person) =>
                person.agentFor ? t('agentOf', { name: nameOf(person.agentFor), powers: person.agentPowers ? t(`powers.${person.agentPowers}`) : '' }) : '',
            },
            { key: 'attendance', title: t('fields.attendance'), width: 100, render: (_, person) => <AttendanceTag attendance={person.attendance} /> },
            {
              key: 'actions',
              title: t('actions'),
              width: 100,
              render: (_, person) => (
                <Flex gap={4}>
                  <Tooltip title={t('edit')}>
                    <Button
                      type="text"
                      aria-label={t('editNamed', { name: person.name })}
                      icon={<EditOutlined />}
                      onClick={() => setEditing({ participantId: person.id })}
                    />
                  </Tooltip>
                  <Popconfirm title={t('removeConfirm', { name: person.name })} onConfirm={() => void remove(person)}>
                    <Button type="text" danger aria-label={t('removeNamed', { name: person.name })} icon={<DeleteOutlined />} />
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <ParticipantForm
          hearingId={hearingId}
          participantId={editing.participantId}
          defaultRole={filter === 'all' ? 'party' : filter}
          participants={participants}
          onClose={() => setEditing(undefined)}
        />
      )}
      {importing && <RosterImport hearingId={hearingId} onClose={() => setImporting(false)} />}
    </Flex>
  );
}
