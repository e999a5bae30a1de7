import { App, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { navigate } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../components/useErrorText.js';
import { CaseForm } from './CaseForm.js';

export function EditHearing({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const { data: hearing, error, reload } = useQuery('hearing.get', { hearingId });
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!hearing) return <Skeleton active />;
  const { matterNo, title, plannedStart, venue, organizer, agency, stage, applicationDate, isPublic, nonPublicReason } = hearing;
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('form.editHeading')}
        </Typography.Title>
      }
      style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}
    >
      {hearing.status !== 'preparing' && <Typography.Paragraph type="warning">{t('form.editAfterStart')}</Typography.Paragraph>}
      <CaseForm
        initial={{ matterNo, title, plannedStart, venue, organizer, agency, stage, applicationDate, isPublic, nonPublicReason }}
        submitLabel={tc('actions.save')}
        onCancel={() => navigate({ name: 'hearing', hearingId, tab: 'overview' })}
        onFailure={(failure) => void message.error(describe(failure))}
        onSubmit={async (fields) => {
          const result = await api.call('hearing.update', { hearingId, ...fields });
          if (result.ok) {
            void message.success(t('form.saved'));
            navigate({ name: 'hearing', hearingId, tab: 'overview' });
          }
          return result;
        }}
      />
    </Card>
  );
}
