import { FileSearchOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, Input, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { hrefFor } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { excerpt, Highlighted } from './SearchHighlight.js';
import { useMinuteSearch } from './SearchQuery.js';
import { CardTitle } from '../../components/CardTitle.js';
import { HearingSelect } from '../../components/HearingSelect.js';

const pageLimit = 100;
const hoverCss = '.minutes-search-hit:hover { border-color: #1f4e9c !important; background: #f5f8ff !important; }';
const storageKey = 'hearing-desk.minutesSearch';

interface Remembered {
  query: string;
  hearingId: string | undefined;
}

/** The last search, so coming back from a result finds the list as it was. */
function remembered(): Remembered {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(storageKey) ?? '{}') as Partial<Remembered>;
    return { query: typeof stored.query === 'string' ? stored.query : '', hearingId: typeof stored.hearingId === 'string' ? stored.hearingId : undefined };
  } catch {
    return { query: '', hearingId: undefined };
  }
}

function remember(value: Remembered): void {
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify(value));
  } catch {
    // Without storage the search is simply not restored.
  }
}

function HitItem({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation('search');
  const cut = excerpt(hit.text, hit.ranges, 40, 220);
  return (
    <li style={{ listStyle: 'none' }}>
      <a
        href={hrefFor({ name: 'hearing', hearingId: hit.hearingId, tab: 'minutes', entryId: hit.entryId })}
        data-testid="search-hit"
        className="minutes-search-hit"
        style={{ display: 'block', padding: '12px 16px', borderRadius: 8, color: 'inherit', border: '1px solid #e8ecf2', background: '#fff' }}
      >
        <Flex justify="space-between" gap={16} align="baseline" wrap>
          <Typography.Text strong ellipsis style={{ color: '#17376e', maxWidth: '70%' }}>
            {hit.hearingTitle}
          </Typography.Text>
          {hit.caseNumber && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {hit.caseNumber}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={12} align="baseline" style={{ marginTop: 4, fontSize: 13 }}>
          <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', fontSize: 13 }}>
            {dayjs(hit.startedAt).format(t('timeFormat'))}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 13 }}>{hit.speakerLabel || t('noSpeaker')}</Typography.Text>
        </Flex>
        <div style={{ marginTop: 6, fontSize: 16, lineHeight: 1.75 }}>
          <Highlighted text={cut.text} ranges={cut.ranges} />
        </div>
      </a>
    </li>
  );
}

/**
 * 搜索笔录: finds words in the minutes of every hearing, or of one. Words of
 * three characters or more go through the index; shorter ones are looked for
 * entry by entry. A result opens the minutes at that entry.
 */
export function SearchPage() {
  const { t } = useTranslation('search');
  const [initial] = useState(remembered);
  const [query, setQuery] = useState(initial.query);
  const [hearingId, setHearingId] = useState<string | undefined>(initial.hearingId);
  const hearings = useQuery('hearing.list', {}, ['hearing.created', 'hearing.updated']);
  const search = useMinuteSearch(query, { hearingId, limit: pageLimit });
  const trimmed = query.trim();

  useEffect(() => remember({ query, hearingId }), [query, hearingId]);

  const result = search.answered === trimmed ? search.result : undefined;
  const hearingName = hearingId ? hearings.data?.find((hearing) => hearing.id === hearingId)?.title : undefined;

  return (
    <Card title={<CardTitle icon={<FileSearchOutlined />}>{t('title')}</CardTitle>} style={{ maxWidth: 1080, margin: '0 auto', width: '100%' }}>
      <style>{hoverCss}</style>
      <Flex gap={12} wrap align="center">
        <Input
          size="large"
          allowClear
          autoFocus
          aria-label={t('label')}
          placeholder={t('placeholder')}
          prefix={<SearchOutlined style={{ color: '#8a95a3' }} />}
          value={query}
          maxLength={100}
          onChange={(event) => setQuery(event.target.value)}
          style={{ flex: '1 1 420px' }}
        />
        <HearingSelect
          size="large"
          aria-label={t('hearingFilter')}
          hearings={hearings.data}
          value={hearingId}
          onChange={setHearingId}
          style={{ flex: '0 1 360px', minWidth: 240 }}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '10px 0 16px', fontSize: 13 }}>
        {t('tips')}
      </Typography.Paragraph>

      {hearings.error && <ErrorAlert error={hearings.error} onRetry={hearings.reload} />}
      {!trimmed ? (
        <Empty
          image={<FileSearchOutlined style={{ fontSize: 56, color: '#c3cddb' }} />}
          style={{ padding: '40px 0' }}
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('empty.title')}</Typography.Text>
              <Typography.Text type="secondary">{t('empty.body')}</Typography.Text>
            </Flex>
          }
        />
      ) : search.error && search.answered === trimmed ? (
        <ErrorAlert error={search.error} />
      ) : !result ? (
        <Flex justify="center" align="center" gap={10} style={{ padding: '40px 0' }}>
          <Spin />
          <Typography.Text type="secondary">{t('searching')}</Typography.Text>
        </Flex>
      ) : result.hits.length === 0 ? (
        <Empty
          style={{ padding: '40px 0' }}
          description={
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('none.title', { query: trimmed })}</Typography.Text>
              <Typography.Text type="secondary">{hearingId ? t('none.bodyFiltered') : t('none.body')}</Typography.Text>
            </Flex>
          }
        />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary" data-testid="search-summary">
            {hearingName ? t('summaryIn', { count: result.hits.length, hearing: hearingName }) : t('summary', { count: result.hits.length })}
            {result.method === 'scan' ? t('scanned') : ''}
          </Typography.Text>
          {result.more && <Alert type="warning" showIcon title={t('more', { count: result.hits.length })} />}
          <ol aria-label={t('results')} style={{ margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 10 }}>
            {result.hits.map((hit) => (
              <HitItem key={hit.entryId} hit={hit} />
            ))}
          </ol>
        </Flex>
      )}
    </Card>
  );
}
