import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';

/** The four stages of setting up a hearing, shown above each of them. */
export function SetupSteps({ current }: { current: 0 | 1 | 2 | 3 }) {
  const { t } = useTranslation('hearing');
  return (
    <Steps
      current={current}
      style={{ marginBottom: 24 }}
      items={[{ title: t('wizard.template') }, { title: t('wizard.case') }, { title: t('wizard.requests') }, { title: t('wizard.participants') }]}
    />
  );
}
