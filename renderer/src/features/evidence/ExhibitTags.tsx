import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Exhibit, Participant } from '../../../../electron/core/contract/index.js';
import { opposingSides } from './useEvidence.js';

const findingColors = { admitted: 'green', rejected: 'red', partial: 'gold' } as const;

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** 12 页 / 1 份, with a dash for what was not counted. */
export function pagesAndCopies(t: Translate, exhibit: Pick<Exhibit, 'pages' | 'copies'>): string {
  return t('pagesCopies', {
    pages: exhibit.pages === null ? t('dash') : t('pages', { n: exhibit.pages }),
    copies: exhibit.copies === null ? t('dash') : t('copies', { n: exhibit.copies }),
  });
}

/** 逾期提交 and 敏感 (not for the public display). */
export function ExhibitTags({ exhibit }: { exhibit: Exhibit }) {
  const { t } = useTranslation('evidence');
  return (
    <>
      {exhibit.late && (
        <Tooltip title={t('tags.lateHint')}>
          <Tag color="orange">{t('tags.late')}</Tag>
        </Tooltip>
      )}
      {exhibit.sensitive && (
        <Tooltip title={t('tags.sensitiveHint')}>
          <Tag color="purple">{t('tags.sensitive')}</Tag>
        </Tooltip>
      )}
    </>
  );
}

export function FindingTag({ exhibit }: { exhibit: Exhibit }) {
  const { t } = useTranslation('evidence');
  if (!exhibit.finding) return <Tag>{t('findings.pending')}</Tag>;
  return (
    <Tooltip title={exhibit.finding.reasons}>
      <Tag color={findingColors[exhibit.finding.finding]}>{t(`findings.${exhibit.finding.finding}`)}</Tag>
    </Tooltip>
  );
}

/** How many of the opposing sides present have given their 质证 opinion. */
export function ExaminationStatus({ exhibit, participants }: { exhibit: Exhibit; participants: readonly Participant[] }) {
  const { t } = useTranslation('evidence');
  const due = opposingSides(exhibit, participants);
  const given = exhibit.examinations.filter((examination) => due.includes(examination.examinerSide)).length;
  if (due.length === 0) return <Tag>{t('examine.status.noOpponent')}</Tag>;
  const color = given === 0 ? 'default' : given < due.length ? 'gold' : 'green';
  const key = given === 0 ? 'pending' : given < due.length ? 'partial' : 'done';
  return <Tag color={color}>{t(`examine.status.${key}`, { given, due: due.length })}</Tag>;
}
