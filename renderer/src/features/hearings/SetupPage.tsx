import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery.js';
import { navigate, type SetupStep } from '../../app/route.js';
import { ParticipantsPanel } from '../participants/ParticipantsPanel.js';
import { RequestsEditor } from '../requests/RequestsEditor.js';
import { SetupSteps } from './SetupSteps.js';

/** Steps three and four of setting up a hearing, on the stored hearing. */
export function SetupPage({ hearingId, step }: { hearingId: string; step: SetupStep }) {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const { data: hearing } = useQuery('hearing.get', { hearingId });
  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('form.heading')}
          </Typography.Title>
          <Typography.Text type="secondary">{hearing?.title}</Typography.Text>
        </Flex>
      }
      style={{ maxWidth: 1200, margin: '0 auto', width: '100%' }}
    >
      <SetupSteps current={step === 'requests' ? 2 : 3} />
      {step === 'requests' ? <RequestsEditor hearingId={hearingId} /> : <ParticipantsPanel hearingId={hearingId} />}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 24 }}>
        {step === 'participants' && <Button onClick={() => navigate({ name: 'setup', hearingId, step: 'requests' })}>{tc('actions.previous')}</Button>}
        {step === 'requests' ? (
          <Button type="primary" onClick={() => navigate({ name: 'setup', hearingId, step: 'participants' })}>
            {tc('actions.next')}
          </Button>
        ) : (
          <Button type="primary" onClick={() => navigate({ name: 'hearing', hearingId, tab: 'overview' })}>
            {tc('actions.finish')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
