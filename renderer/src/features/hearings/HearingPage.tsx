import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery.js';
import { navigate, type HearingTab } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CheckInPanel } from '../attendance/CheckInPanel.js';
import { DeliberationPanel } from '../deliberation/DeliberationPanel.js';
import { EvidencePanel } from '../evidence/EvidencePanel.js';
import { HandoverBanner } from '../handover/HandoverBanner.js';
import { MinutesPanel } from '../minutes/MinutesPanel.js';
import { ParticipantsPanel } from '../participants/ParticipantsPanel.js';
import { ProcedurePanel } from '../procedure/ProcedurePanel.js';
import { RecordPanel } from '../record/RecordPanel.js';
import { RecusalsPanel } from '../recusals/RecusalsPanel.js';
import { RequestsEditor } from '../requests/RequestsEditor.js';
import { SigningPanel } from '../signing/SigningPanel.js';
import { HearingOverview } from './HearingOverview.js';
import { StatusTag } from './StatusTag.js';

/** One hearing: its case, requests, people, check-in and recusals, each a tab with its own address. */
export function HearingPage({ hearingId, tab }: { hearingId: string; tab: HearingTab }) {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const { data: hearing, error, reload } = useQuery('hearing.get', { hearingId }, ['hearing.updated', 'procedure.changed']);

  const back = (
    <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'hearings' })}>
      {tc('nav.back')}
    </Button>
  );
  if (error) {
    return (
      <Flex vertical gap={16}>
        <div>{back}</div>
        <ErrorAlert error={error} onRetry={reload} />
      </Flex>
    );
  }

  // Every tab but the overview loads its own data: it starts at once, beside the header's, rather than after it.
  const panels: Record<HearingTab, React.ReactNode> = {
    overview: hearing ? <HearingOverview hearing={hearing} /> : <Skeleton active />,
    requests: <RequestsEditor hearingId={hearingId} />,
    participants: <ParticipantsPanel hearingId={hearingId} />,
    checkIn: <CheckInPanel hearingId={hearingId} />,
    recusals: <RecusalsPanel hearingId={hearingId} />,
    evidence: <EvidencePanel hearingId={hearingId} />,
    procedure: <ProcedurePanel hearingId={hearingId} />,
    minutes: <MinutesPanel hearingId={hearingId} />,
    deliberation: <DeliberationPanel hearingId={hearingId} />,
    signing: <SigningPanel hearingId={hearingId} />,
    record: <RecordPanel hearingId={hearingId} />,
  };

  return (
    <Flex vertical gap={16}>
      <div>{back}</div>
      <HandoverBanner hearingId={hearingId} />
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16}>
          {hearing ? (
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">{hearing.matterNo}</Typography.Text>
              <Flex align="center" gap={12}>
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {hearing.title}
                </Typography.Title>
                <StatusTag status={hearing.status} />
              </Flex>
            </Flex>
          ) : (
            <Skeleton active title={{ width: 360 }} paragraph={{ rows: 1, width: 180 }} />
          )}
          {hearing && hearing.status !== 'finalized' && (
            <Button icon={<EditOutlined />} onClick={() => navigate({ name: 'editHearing', hearingId })}>
              {t('overview.edit')}
            </Button>
          )}
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate({ name: 'hearing', hearingId, tab: key as HearingTab })}
          items={(Object.keys(panels) as HearingTab[]).map((key) => ({ key, label: t(`tabs.${key}`), children: panels[key] }))}
          destroyOnHidden
        />
      </Card>
    </Flex>
  );
}
