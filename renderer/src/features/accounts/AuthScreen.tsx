import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of the screens before the app: the app's name above one card, centred on the app's blue. */
export function AuthScreen({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" justify="center" gap={24} style={{ minHeight: '100vh', padding: 24, background: '#1f4e9c' }}>
      <Flex vertical align="center" gap={4}>
        <Typography.Title level={2} style={{ margin: 0, color: '#fff', letterSpacing: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.8)' }}>{t('app.tagline')}</Typography.Text>
      </Flex>
      <Card style={{ width: 440, maxWidth: '100%' }}>
        <Flex vertical gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
          {children}
        </Flex>
      </Card>
    </Flex>
  );
}
