import { CheckCircleFilled, ExclamationCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Completeness, EventName, MissingItem, MissingKind } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { hrefFor, type HearingTab, type Route } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';

/** Anything that can settle a checklist item, wherever in the app it happens. */
export const completenessEvents: readonly EventName[] = [
  'minutes.changed',
  'signing.changed',
  'evidence.changed',
  'deliberation.changed',
  'procedure.changed',
  'hearing.updated',
  'participants.changed',
];

export function useCompleteness(hearingId: string) {
  return useQuery('record.completeness', { hearingId }, completenessEvents);
}

/** The tab where each kind of gap is closed. */
const fixedIn: Record<MissingKind, HearingTab | 'edit'> = {
  notClosed: 'procedure',
  headerField: 'edit',
  stepOpen: 'procedure',
  exhibitUnexamined: 'evidence',
  exhibitNoFinding: 'evidence',
  deliberationMissing: 'deliberation',
  voteMissing: 'deliberation',
  correctionPending: 'minutes',
  signerPending: 'signing',
  signatureStale: 'signing',
};

function routeFor(hearingId: string, kind: MissingKind): Route {
  const tab = fixedIn[kind];
  return tab === 'edit' ? { name: 'editHearing', hearingId } : { name: 'hearing', hearingId, tab };
}

/** The item as a sentence: names and labels come in both languages, the header field as a key. */
function useMissingText(): (item: MissingItem) => string {
  const { t } = useTranslation('record');
  const zh = useLanguage() === 'zh-CN';
  return ({ kind, params }) => {
    const text = (key: string) => String(params[key] ?? '');
    return t(`check.missing.${kind}`, {
      ...params,
      name: kind === 'stepOpen' ? text(zh ? 'nameZh' : 'nameEn') : text('name'),
      label: text(zh ? 'labelZh' : 'labelEn'),
      field: kind === 'headerField' ? t(`check.fields.${text('field')}`) : '',
    });
  };
}

function MissingRow({ hearingId, item }: { hearingId: string; item: MissingItem }) {
  const { t } = useTranslation('record');
  const sentence = useMissingText();
  return (
    <Flex
      component="li"
      justify="space-between"
      align="center"
      gap={12}
      style={{ padding: '8px 4px', borderTop: '1px solid #f0f0f0' }}
      data-testid="missing-item"
    >
      <Flex gap={8} align="baseline">
        <ExclamationCircleOutlined style={{ color: '#d48806' }} />
        <Typography.Text>{sentence(item)}</Typography.Text>
      </Flex>
      <a href={hrefFor(routeFor(hearingId, item.kind))} style={{ flex: 'none' }}>
        {t('check.fix')} <RightOutlined style={{ fontSize: 11 }} />
      </a>
    </Flex>
  );
}

function Checklist({ hearingId, completeness }: { hearingId: string; completeness: Completeness }) {
  const { t } = useTranslation('record');
  if (completeness.complete) {
    return (
      <Flex gap={8} align="center" data-testid="record-complete">
        <CheckCircleFilled style={{ color: '#389e0d', fontSize: 20 }} />
        <Typography.Text strong>{t('check.complete')}</Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Text>{t('check.incomplete', { count: completeness.missing.length })}</Typography.Text>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {completeness.missing.map((item, index) => (
          <MissingRow key={index} hearingId={hearingId} item={item} />
        ))}
      </ul>
    </Flex>
  );
}

/** What still stands between the hearing and its finalized record, each item with a way to the tab that settles it. */
export function CompletenessCard({ hearingId, state }: { hearingId: string; state: ReturnType<typeof useCompleteness> }) {
  const { t } = useTranslation('record');
  return (
    <Card title={t('check.title')} data-testid="record-check">
      {state.error ? (
        <ErrorAlert error={state.error} onRetry={state.reload} />
      ) : state.data ? (
        <Checklist hearingId={hearingId} completeness={state.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} />
      )}
    </Card>
  );
}
