import { App, Button, Card, Flex, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { navigate } from '../../app/route.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { CaseForm } from './CaseForm.js';
import { SetupSteps } from './SetupSteps.js';
import { useTemplates } from './useTemplates.js';

/**
 * Steps one and two of setting up a hearing: the type, then the case. The
 * hearing is created when the case is complete; requests and people are
 * added to the stored hearing, so nothing typed is lost if the clerk stops.
 */
export function NewHearingWizard() {
  const { t } = useTranslation('hearing');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const language = useLanguage();
  const { templates } = useTemplates();
  const [templateId, setTemplateId] = useState<string>();
  const [step, setStep] = useState<0 | 1>(0);

  useEffect(() => {
    if (!templateId) setTemplateId(templates.find((template) => template.isDefault)?.id);
  }, [templates, templateId]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('form.heading')}
        </Typography.Title>
      }
      style={{ maxWidth: 960, margin: '0 auto', width: '100%' }}
    >
      <SetupSteps current={step} />
      {step === 0 ? (
        <Flex vertical gap={16}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('wizard.templateIntro')}
          </Typography.Paragraph>
          <Radio.Group
            value={templateId}
            onChange={(event) => setTemplateId(event.target.value as string)}
            aria-label={t('form.template')}
            style={{ width: '100%' }}
          >
            <Flex vertical gap={8}>
              {templates.map((template) => (
                <Radio key={template.id} value={template.id} style={{ padding: '10px 12px', border: '1px solid #e5e8ef', borderRadius: 6, width: '100%' }}>
                  <Flex vertical>
                    <Typography.Text strong>{template.name[language]}</Typography.Text>
                    <Typography.Text type="secondary">{template.legalBasis[language]}</Typography.Text>
                  </Flex>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate({ name: 'hearings' })}>{tc('actions.cancel')}</Button>
            <Button type="primary" disabled={!templateId} onClick={() => setStep(1)}>
              {tc('actions.next')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('form.intro')}</Typography.Paragraph>
          <CaseForm
            initial={{}}
            submitLabel={tc('actions.createAndContinue')}
            onCancel={() => setStep(0)}
            onFailure={(error) => void message.error(describe(error))}
            onSubmit={async (fields) => {
              const result = await api.call('hearing.create', { templateId: templateId ?? '', ...fields });
              if (result.ok) {
                void message.success(t('form.created', { title: result.value.title }));
                navigate({ name: 'setup', hearingId: result.value.id, step: 'requests' });
              }
              return result;
            }}
          />
        </>
      )}
    </Card>
  );
}
