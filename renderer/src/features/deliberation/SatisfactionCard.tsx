import { DesktopOutlined, SmileOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptances, formatInstant, type Acceptance, type AppErrorData, type DeliberationView } from '../../../../electron/core/contract/index.js';
import { hrefFor } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useDeliberationCall } from './useDeliberation.js';

/** The form's choice for "declined to rate": never a rating id (those are letters only). */
const declined = '-declined';

interface Values {
  rating?: string;
  reason?: string;
  acceptsConclusion?: Acceptance;
}

/** A rating's words in the current language, or 不愿评价. */
export function useRatingName(view: DeliberationView): (rating: string | null) => string {
  const { t } = useTranslation('deliberation');
  const language = useLanguage();
  return (rating) => (rating === null ? t('satisfaction.notRated') : (view.satisfactionScale.find((level) => level.id === rating)?.name[language] ?? rating));
}

/**
 * 满意度 after the announcement: staff record the petitioner's answer on
 * their behalf (never pre-filled), or open the petitioner's own screen.
 */
export function SatisfactionCard({ view }: { view: DeliberationView }) {
  const { t } = useTranslation('deliberation');
  const { message } = App.useApp();
  const language = useLanguage();
  const call = useDeliberationCall();
  const ratingName = useRatingName(view);
  const [form] = Form.useForm<Values>();
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<AppErrorData>();
  const [saving, setSaving] = useState(false);
  const rating = Form.useWatch('rating', form);
  const level = view.satisfactionScale.find((candidate) => candidate.id === rating);
  const recorded = view.satisfaction;

  async function save(values: Values) {
    setSaving(true);
    setError(undefined);
    const saved = await call(
      'satisfaction.record',
      {
        hearingId: view.hearingId,
        rating: values.rating === declined || values.rating === undefined ? null : values.rating,
        reason: values.reason ?? '',
        enteredBy: 'staff',
        acceptsConclusion: values.acceptsConclusion ?? 'undecided',
      },
      setError,
    );
    setSaving(false);
    if (saved) {
      void message.success(t('satisfaction.saved'));
      setRecording(false);
    }
  }

  return (
    <Card
      size="small"
      data-testid="satisfaction"
      title={
        <span>
          <SmileOutlined /> {t('satisfaction.title')}
        </span>
      }
      extra={
        <a href={hrefFor({ name: 'satisfaction', hearingId: view.hearingId })} target="_blank" rel="noreferrer">
          <Button icon={<DesktopOutlined />}>{t('satisfaction.petitionerScreen')}</Button>
        </a>
      }
    >
      {recorded && !recording ? (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={2}
            data-testid="satisfaction-recorded"
            items={[
              {
                key: 'rating',
                label: t('satisfaction.rating'),
                children: <Tag color={recorded.declined ? 'default' : 'blue'}>{ratingName(recorded.rating)}</Tag>,
              },
              { key: 'accepts', label: t('satisfaction.accepts'), children: t(`satisfaction.acceptance.${recorded.acceptsConclusion}`) },
              { key: 'reason', label: t('satisfaction.reason'), children: recorded.reason || t('satisfaction.noReason') },
              {
                key: 'by',
                label: t('satisfaction.recordedAt'),
                children: `${t(`satisfaction.enteredBy.${recorded.enteredBy}`)} · ${formatInstant(recorded.recordedAt, language)}`,
              },
            ]}
          />
          <div>
            <Button
              onClick={() => {
                form.resetFields();
                setRecording(true);
              }}
            >
              {t('satisfaction.record')}
            </Button>
          </div>
        </Flex>
      ) : (
        <Form<Values> form={form} layout="vertical" autoComplete="off" style={{ maxWidth: 720 }} onFinish={(values) => void save(values)}>
          <Typography.Paragraph type="secondary">{t('satisfaction.intro')}</Typography.Paragraph>
          <Form.Item name="rating" label={t('satisfaction.rating')} rules={[{ required: true, message: t('satisfaction.chooseRating') }]}>
            <Radio.Group
              aria-label={t('satisfaction.ratingAria')}
              optionType="button"
              options={[
                ...view.satisfactionScale.map((candidate) => ({ value: candidate.id, label: candidate.name[language] })),
                { value: declined, label: t('satisfaction.declined') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('satisfaction.reason')}
            required={level?.needsReason ?? false}
            extra={level?.needsReason ? t('satisfaction.reasonNeeded', { rating: level.name[language] }) : undefined}
            rules={level?.needsReason ? [{ required: true, whitespace: true, message: t('satisfaction.reasonNeeded', { rating: level.name[language] }) }] : []}
          >
            <Input.TextArea aria-label={t('satisfaction.reason')} maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item name="acceptsConclusion" label={t('satisfaction.accepts')} rules={[{ required: true, message: t('satisfaction.chooseAccepts') }]}>
            <Radio.Group
              aria-label={t('satisfaction.acceptsAria')}
              optionType="button"
              options={acceptances.map((value) => ({ value, label: t(`satisfaction.acceptance.${value}`) }))}
            />
          </Form.Item>
          {error && <ErrorAlert error={error} />}
          <Flex gap={8} style={{ marginTop: 12 }}>
            {recording && <Button onClick={() => setRecording(false)}>{t('actions.cancel')}</Button>}
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('satisfaction.submit')}
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
