import { App as AntApp, ConfigProvider, Flex, Layout, Result, Segmented, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../electron/core/contract/index.js';
import { api } from '../api/client.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { AuthGate } from '../features/accounts/AuthGate.js';
import { UserMenu } from '../features/accounts/UserMenu.js';
import { UsersPage } from '../features/accounts/UsersPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { StatisticsPage } from '../features/statistics/StatisticsPage.js';
import { BackupPage } from '../features/backup/BackupPage.js';
import { CalendarPage } from '../features/calendar/CalendarPage.js';
import { SatisfactionScreen } from '../features/deliberation/SatisfactionScreen.js';
import { PublicDisplay } from '../features/display/PublicDisplay.js';
import { ChairView } from '../features/procedure/ChairView.js';
import { useLanguage } from '../components/useLanguage.js';
import { EditHearing } from '../features/hearings/EditHearing.js';
import { HearingList } from '../features/hearings/HearingList.js';
import { HearingPage } from '../features/hearings/HearingPage.js';
import { NewHearingWizard } from '../features/hearings/NewHearingWizard.js';
import { SetupPage } from '../features/hearings/SetupPage.js';
import { ReadBackPage } from '../features/minutes/ReadBackPage.js';
import { SearchPage } from '../features/minutes/SearchPage.js';
import { PrintPage } from '../features/record/PrintPage.js';
import { RecoveryGate } from '../features/recovery/RecoveryGate.js';
import { VerifyPage } from '../features/record/VerifyPage.js';
import { hrefFor, isStandalone, needsNoOperator, useRoute, type Route } from './route.js';
import { theme } from './theme.js';

function Screen({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'hearings':
      return <HearingList />;
    case 'newHearing':
      return <NewHearingWizard />;
    case 'hearing':
      return <HearingPage hearingId={route.hearingId} tab={route.tab} />;
    case 'editHearing':
      return <EditHearing hearingId={route.hearingId} />;
    case 'setup':
      return <SetupPage hearingId={route.hearingId} step={route.step} />;
    case 'calendar':
      return <CalendarPage />;
    case 'chair':
      return <ChairView hearingId={route.hearingId} />;
    case 'display':
      return <PublicDisplay hearingId={route.hearingId} />;
    case 'readBack':
      return <ReadBackPage hearingId={route.hearingId} />;
    case 'satisfaction':
      return <SatisfactionScreen hearingId={route.hearingId} />;
    case 'print':
      return <PrintPage hearingId={route.hearingId} kind={route.kind} language={route.language} />;
    case 'search':
      return <SearchPage />;
    case 'verify':
      return <VerifyPage />;
    case 'backup':
      return <BackupPage />;
    case 'audit':
      return <AuditPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'users':
      return <UsersPage />;
    case 'notFound':
      return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.body')} />;
  }
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  async function choose(next: Language) {
    await i18n.changeLanguage(next);
    document.documentElement.lang = next;
    await api.call('settings.setLanguage', { language: next });
  }
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => void choose(value)}
      options={languages.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const route = useRoute();

  useEffect(() => {
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    document.title = t('app.fullName');
  }, [language, t]);

  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <RecoveryGate>
          {needsNoOperator(route) ? (
            <ErrorBoundary>
              <Screen route={route} />
            </ErrorBoundary>
          ) : (
            <AuthGate>
              <Signed route={route} />
            </AuthGate>
          )}
        </RecoveryGate>
      </AntApp>
    </ConfigProvider>
  );
}

/** Everything behind the sign-in: the app with its header, or a party's screen on its own. */
function Signed({ route }: { route: Route }) {
  const { t } = useTranslation();
  return (
    <>
      {isStandalone(route) ? (
        <ErrorBoundary>
          <Screen route={route} />
        </ErrorBoundary>
      ) : (
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 32 }}>
            <a href={hrefFor({ name: 'hearings' })} style={{ display: 'flex', alignItems: 'baseline', gap: 12 }}>
              <Typography.Title level={3} style={{ margin: 0, color: '#fff', letterSpacing: 2 }}>
                {t('app.name')}
              </Typography.Title>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>{t('app.tagline')}</Typography.Text>
            </a>
            <Flex gap={16} align="center">
              <a href={hrefFor({ name: 'search' })} style={{ color: 'rgba(255,255,255,0.85)' }}>
                {t('nav.search')}
              </a>
              <a href={hrefFor({ name: 'verify' })} style={{ color: 'rgba(255,255,255,0.85)' }}>
                {t('nav.verify')}
              </a>
              <a href={hrefFor({ name: 'backup' })} style={{ color: 'rgba(255,255,255,0.85)' }}>
                {t('nav.backup')}
              </a>
              <a href={hrefFor({ name: 'audit' })} style={{ color: 'rgba(255,255,255,0.85)' }}>
                {t('nav.audit')}
              </a>
              <a href={hrefFor({ name: 'statistics' })} style={{ color: 'rgba(255,255,255,0.85)' }}>
                {t('statistics:nav')}
              </a>
              <a href={hrefFor({ name: 'calendar' })} style={{ color: 'rgba(255,255,255,0.85)' }}>
                {t('calendar:nav')}
              </a>
              <LanguageSwitch />
              <UserMenu />
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: '24px 32px' }}>
            <Flex vertical style={{ maxWidth: 1280, margin: '0 auto' }}>
              <ErrorBoundary>
                <Screen route={route} />
              </ErrorBoundary>
            </Flex>
          </Layout.Content>
        </Layout>
      )}
    </>
  );
}
