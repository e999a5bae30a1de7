import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ratio, StatisticsFigures } from '../../../../electron/core/contract/index.js';
import { averageOf, percentOf } from './format.js';

interface FigureProps {
  testId: string;
  title: string;
  value: string;
  /** The two counts under a rate, so nobody reads a percentage without its base. */
  detail?: string;
  hint: string;
}

function Figure({ testId, title, value, detail, hint }: FigureProps) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.3 }} data-testid={`${testId}-value`}>
        {value}
      </div>
      {detail && (
        <Typography.Text strong data-testid={`${testId}-counts`}>
          {detail}
        </Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
        {hint}
      </Typography.Paragraph>
    </Card>
  );
}

/** The office's headline figures: how many hearings, and each rate with its numerator and denominator. */
export function FigureCards({ figures }: { figures: StatisticsFigures }) {
  const { t } = useTranslation('statistics');
  const none = t('none');
  const ratio = (value: Ratio) => t('ratio', { numerator: value.numerator, denominator: value.denominator });
  const { satisfaction, acceptance, onTime, toFinal } = figures;
  const averageDays = averageOf(toFinal.totalDays, toFinal.hearings);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} sm={12} lg={8} xl={4}>
        <Figure testId="figure-hearings" title={t('cards.hearings')} value={String(figures.hearings)} hint={t('cards.hearingsHint')} />
      </Col>
      <Col xs={24} sm={12} lg={8} xl={5}>
        <Figure
          testId="figure-satisfaction"
          title={t('cards.satisfaction')}
          value={percentOf(satisfaction.satisfied) ?? none}
          detail={ratio(satisfaction.satisfied)}
          hint={t('cards.satisfactionHint', { declined: satisfaction.declined })}
        />
      </Col>
      <Col xs={24} sm={12} lg={8} xl={5}>
        <Figure
          testId="figure-acceptance"
          title={t('cards.acceptance')}
          value={percentOf(acceptance.accepted) ?? none}
          detail={ratio(acceptance.accepted)}
          hint={t('cards.acceptanceHint', { refused: acceptance.refused, undecided: acceptance.undecided })}
        />
      </Col>
      <Col xs={24} sm={12} lg={12} xl={5}>
        <Figure
          testId="figure-on-time"
          title={t('cards.onTime')}
          value={percentOf(onTime.onTime) ?? none}
          detail={ratio(onTime.onTime)}
          hint={t('cards.onTimeHint', { open: onTime.open, noDeadline: onTime.noDeadline })}
        />
      </Col>
      <Col xs={24} sm={24} lg={12} xl={5}>
        <Figure
          testId="figure-to-final"
          title={t('cards.toFinal')}
          value={averageDays === null ? none : t('cards.days', { value: averageDays })}
          detail={ratio({ numerator: toFinal.totalDays, denominator: toFinal.hearings })}
          hint={toFinal.hearings === 0 ? t('cards.toFinalHintNone') : t('cards.toFinalHint', { min: toFinal.minDays, max: toFinal.maxDays })}
        />
      </Col>
    </Row>
  );
}
