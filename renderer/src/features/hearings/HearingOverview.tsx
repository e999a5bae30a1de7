import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatInstant, type DeadlineCheck, type Hearing } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';
import { RulesCard } from './RulesCard.js';
import { useTemplates } from './useTemplates.js';

function DeadlineValue({ date, check, hearing }: { date: string | null; check: DeadlineCheck; hearing: Hearing }) {
  const { t } = useTranslation('hearing');
  const language = useLanguage();
  if (!date) return <Typography.Text type="secondary">{t('deadlines.needsApplicationDate')}</Typography.Text>;
  return (
    <Flex gap={8} align="center">
      {formatDate(`${date}T00:00`, language)}
      {hearing.deadlines.overdue.includes(check) && <Tag color="red">{t(`deadlines.overdue.${check}`)}</Tag>}
    </Flex>
  );
}

/** The facts of the case and the dates it must keep. */
export function HearingOverview({ hearing }: { hearing: Hearing }) {
  const { t } = useTranslation('hearing');
  const language = useLanguage();
  const { nameOf } = useTemplates();
  return (
    <Flex vertical gap={16}>
      <Descriptions
        bordered
        column={2}
        size="middle"
        items={[
          { key: 'matterNo', label: t('overview.matterNo'), children: hearing.matterNo },
          { key: 'template', label: t('overview.template'), children: nameOf(hearing.templateId) },
          { key: 'stage', label: t('form.stage'), children: t(`stage.${hearing.stage}`) },
          { key: 'plannedStart', label: t('overview.plannedStart'), children: formatDateTime(hearing.plannedStart, language) },
          { key: 'venue', label: t('overview.venue'), children: hearing.venue },
          { key: 'organizer', label: t('overview.organizer'), children: hearing.organizer },
          { key: 'agency', label: t('form.agency'), children: hearing.agency },
          {
            key: 'publicity',
            label: t('overview.publicity'),
            children: hearing.isPublic ? t('overview.public') : `${t('overview.nonPublic')}（${hearing.nonPublicReason}）`,
          },
          { key: 'createdAt', label: t('overview.createdAt'), children: formatInstant(hearing.createdAt, language) },
        ]}
      />
      <Card size="small" title={t('deadlines.title')}>
        <Descriptions
          column={2}
          size="small"
          items={[
            {
              key: 'applicationDate',
              label: t('form.applicationDate'),
              children: hearing.applicationDate ? formatDate(`${hearing.applicationDate}T00:00`, language) : t('deadlines.none'),
            },
            {
              key: 'decideBy',
              label: t('deadlines.decideBy'),
              children: <DeadlineValue date={hearing.deadlines.decideBy} check="decideBy" hearing={hearing} />,
            },
            { key: 'holdBy', label: t('deadlines.holdBy'), children: <DeadlineValue date={hearing.deadlines.holdBy} check="holdBy" hearing={hearing} /> },
            {
              key: 'noticeBy',
              label: t('deadlines.noticeBy'),
              children: <DeadlineValue date={hearing.deadlines.noticeBy} check="noticeBy" hearing={hearing} />,
            },
          ]}
        />
      </Card>
      <RulesCard hearingId={hearing.id} />
    </Flex>
  );
}
