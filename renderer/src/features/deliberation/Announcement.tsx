import { CalendarOutlined, NotificationOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant, type AnnouncementManner, type DeliberationView } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useDeliberationCall } from './useDeliberation.js';

/** Read aloud and printed: the serif face of the record. */
const recordFont = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'STSong', 'SimSun', 'Noto Serif', Georgia, serif";

/** Whether the conclusion can be announced yet, and if not, why in words. */
function useReadiness(view: DeliberationView): string | null {
  const { t } = useTranslation('deliberation');
  if (view.mode === 'discussion' && !view.finalDecision) return t('announce.needDecision');
  if (view.mode !== 'report' && view.conclusion.kind === 'pending') return t('announce.notReady');
  return null;
}

/** 宣布: on the spot or 另行告知, after the close; asks once before it is final. */
export function AnnounceCard({ view }: { view: DeliberationView }) {
  const { t } = useTranslation('deliberation');
  const { modal } = App.useApp();
  const call = useDeliberationCall();
  const blocked = useReadiness(view);

  function announce(manner: AnnouncementManner) {
    modal.confirm({
      title: manner === 'onSpot' ? t('announce.confirmOnSpot') : t('announce.confirmLater'),
      content: t('announce.confirmBody'),
      okText: t('announce.confirm'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        await call('deliberation.announce', { hearingId: view.hearingId, manner });
      },
    });
  }

  return (
    <Card
      size="small"
      data-testid="announce-card"
      title={
        <span>
          <SoundOutlined /> {t('announce.title')}
        </span>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('announce.intro')}</Typography.Text>
        {blocked && <Typography.Text type="warning">{blocked}</Typography.Text>}
        <Flex gap={12}>
          <Button type="primary" size="large" disabled={blocked !== null} onClick={() => announce('onSpot')}>
            {t('announce.onSpot')}
          </Button>
          <Button size="large" disabled={blocked !== null} onClick={() => announce('later')}>
            {t('announce.later')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** What the chair announced, as the minutes keep it, and the day the written conclusion must be served by. */
export function AnnouncedCard({ announcement }: { announcement: NonNullable<DeliberationView['announcement']> }) {
  const { t } = useTranslation('deliberation');
  const language = useLanguage();
  return (
    <Card
      data-testid="announcement"
      style={{ borderColor: '#91caff', background: 'linear-gradient(180deg, #f0f7ff 0%, #ffffff 70%)' }}
      styles={{ body: { padding: '20px 24px' } }}
    >
      <Flex vertical gap={12}>
        <Flex gap={12} align="baseline" wrap>
          <Typography.Title level={4} style={{ margin: 0, color: '#1f4e9c' }}>
            <NotificationOutlined /> {announcement.manner === 'onSpot' ? t('announce.doneOnSpot') : t('announce.doneLater')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('announce.announcedAt', { time: formatInstant(announcement.announcedAt, language) })}</Typography.Text>
        </Flex>
        <Typography.Paragraph data-testid="announcement-text" style={{ margin: 0, fontFamily: recordFont, fontSize: 19, lineHeight: 1.9 }}>
          {announcement.text}
        </Typography.Paragraph>
        <Typography.Text strong data-testid="serve-by">
          <CalendarOutlined /> {t('announce.serveBy', { date: formatDate(`${announcement.serveBy}T00:00`, language) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
