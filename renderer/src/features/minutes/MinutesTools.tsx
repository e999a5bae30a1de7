import { ExportOutlined, FileTextOutlined, ReadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popover, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { hrefFor } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../components/useErrorText.js';
import { excerpt, Highlighted } from './SearchHighlight.js';
import { useMinuteSearch } from './SearchQuery.js';

const dropdownLimit = 30;

/** Hands text to the browser as a download; the BOM lets Windows Notepad recognise UTF-8. */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/plain;charset=utf-8' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function HitOption({ hit, id, active, onChoose }: { hit: SearchHit; id: string; active: boolean; onChoose: () => void }) {
  const cut = excerpt(hit.text, hit.ranges, 16, 90);
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      data-testid="minutes-search-hit"
      onClick={onChoose}
      style={{
        padding: '8px 12px',
        cursor: 'pointer',
        borderRadius: 6,
        background: active ? '#e6f0ff' : undefined,
        lineHeight: 1.6,
      }}
    >
      <Flex gap={8} align="baseline" style={{ fontSize: 13 }}>
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', flex: 'none' }}>
          {dayjs(hit.startedAt).format('HH:mm')}
        </Typography.Text>
        {hit.speakerLabel && (
          <Typography.Text strong ellipsis style={{ fontSize: 13 }}>
            {hit.speakerLabel}
          </Typography.Text>
        )}
      </Flex>
      <Highlighted text={cut.text} ranges={cut.ranges} style={{ fontSize: 14 }} />
    </div>
  );
}

/**
 * The minutes toolbar's tools: a search box for this hearing (results in a
 * list under the box, Enter or a click jumps to the entry), 导出文本 for a
 * paper backup, and 宣读模式, the read-back screen in a window of its own.
 */
export function MinutesTools(props: { hearingId: string; onJump: (entryId: number) => void; readBack?: boolean }) {
  const { hearingId, onJump, readBack = true } = props;
  const { t } = useTranslation('search');
  const { t: tReadBack } = useTranslation('readback');
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [exporting, setExporting] = useState(false);
  const search = useMinuteSearch(query, { hearingId, limit: dropdownLimit });
  const listId = useId();
  const hits = search.result?.hits ?? [];
  const shown = open && query.trim() !== '';

  function choose(hit: SearchHit | undefined) {
    if (!hit) return;
    setOpen(false);
    onJump(hit.entryId);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(hits[Math.min(active, hits.length - 1)]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  async function exportText() {
    setExporting(true);
    const result = await api.call('minutes.exportText', { hearingId });
    setExporting(false);
    if (!result.ok) {
      void message.error(describe(result.error));
      return;
    }
    saveTextFile(result.value.fileName, result.value.text);
    void message.success(t('tools.exported', { fileName: result.value.fileName }));
  }

  const fresh = search.answered === query.trim();
  const content = (
    // Clicks and scrolling in the list keep the focus in the box, so the arrow keys go on working.
    <div style={{ width: 440, maxWidth: '80vw' }} data-testid="minutes-search-results" onMouseDown={(event) => event.preventDefault()}>
      {search.error ? (
        <ErrorAlert error={search.error} />
      ) : !search.result || (!fresh && hits.length === 0) ? (
        <Flex align="center" gap={8} style={{ padding: 8 }}>
          <Spin size="small" />
          <Typography.Text type="secondary">{t('searching')}</Typography.Text>
        </Flex>
      ) : hits.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0, padding: 8 }}>
          {t('tools.none', { query: search.answered })}
        </Typography.Paragraph>
      ) : (
        <>
          <div role="listbox" id={listId} aria-label={t('tools.results')} style={{ maxHeight: 380, overflowY: 'auto', opacity: fresh ? 1 : 0.6 }}>
            {hits.map((hit, index) => (
              <HitOption key={hit.entryId} hit={hit} id={`${listId}-${index}`} active={index === active} onChoose={() => choose(hit)} />
            ))}
          </div>
          <Flex vertical gap={2} style={{ borderTop: '1px solid #f0f0f0', marginTop: 6, padding: '6px 12px 0', fontSize: 12 }}>
            {search.result.more && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {t('tools.more', { count: hits.length })}
              </Typography.Text>
            )}
            {search.result.method === 'scan' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('tools.scan')}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tools.keys')}
            </Typography.Text>
          </Flex>
        </>
      )}
    </div>
  );

  return (
    <Flex gap={8} align="center" wrap>
      <Popover open={shown} content={content} placement="bottomLeft" arrow={false} trigger={[]}>
        <Input
          allowClear
          role="combobox"
          aria-label={t('tools.label')}
          aria-expanded={shown}
          aria-controls={shown && hits.length > 0 ? listId : undefined}
          aria-activedescendant={shown && hits.length > 0 ? `${listId}-${Math.min(active, hits.length - 1)}` : undefined}
          aria-autocomplete="list"
          placeholder={t('tools.placeholder')}
          prefix={<SearchOutlined style={{ color: '#8a95a3' }} />}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          style={{ width: 240 }}
        />
      </Popover>
      <Button icon={<FileTextOutlined />} loading={exporting} onClick={() => void exportText()}>
        {t('tools.export')}
      </Button>
      {readBack && (
        <a href={hrefFor({ name: 'readBack', hearingId })} target="_blank" rel="noreferrer">
          <Button icon={<ReadOutlined />}>
            {tReadBack('open')}
            <ExportOutlined style={{ fontSize: 12, opacity: 0.6 }} />
          </Button>
        </a>
      )}
    </Flex>
  );
}
