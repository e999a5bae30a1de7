import { FlagOutlined, LockOutlined, NotificationOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, App, Button, Empty, Flex, Segmented, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionStatus, MinuteEntry } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useDocumentTitle } from '../procedure/ChairView.js';
import { useProcedure } from '../procedure/useProcedure.js';
import { CorrectionsPanel, useCorrections } from './CorrectionsPanel.js';
import { MinutesTools } from './MinutesTools.js';
import { ReadBackRequest, type MarkedPassage } from './ReadBackRequest.js';
import { correctionMarks, EntryText, readSelection, type CorrectionMark, type SelectedPassage } from './ReadBackText.js';
import { useMinutes } from './useMinutes.js';
import { ScreenTitle } from '../../components/ScreenTitle.js';
import { VirtualRow } from '../../components/VirtualRow.js';

/** Read aloud and read along: the serif face of a printed record. */
const recordFont = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'STSong', 'SimSun', 'Noto Serif', Georgia, serif";

const palette = {
  page: '#eef1f6',
  bar: '#17376e',
  card: '#ffffff',
  border: '#dde3ec',
  text: '#1c2733',
  muted: '#5b6776',
  faint: '#8a95a3',
  event: '#f3f6fb',
};

const fontSizes = { normal: 24, large: 28, huge: 34 } as const;
type FontChoice = keyof typeof fontSizes;
const fontStorageKey = 'hearing-desk.readBackFont';

function readFontChoice(): FontChoice {
  try {
    const stored = window.localStorage.getItem(fontStorageKey);
    return stored && stored in fontSizes ? (stored as FontChoice) : 'normal';
  } catch {
    return 'normal';
  }
}

type Row = { kind: 'step'; key: string; name: string } | { kind: 'entry'; key: string; entry: MinuteEntry };

/** The record as read back: off-record words left out, a heading wherever the agenda step changes. */
function recordRows(entries: readonly MinuteEntry[], stepName: (stepId: string | null) => string): Row[] {
  const rows: Row[] = [];
  let step: string | null | undefined;
  for (const entry of entries) {
    if (entry.offRecord || entry.deleted) continue;
    if (entry.stepId !== step) {
      step = entry.stepId;
      rows.push({ kind: 'step', key: `step-${entry.id}`, name: stepName(entry.stepId) });
    }
    rows.push({ kind: 'entry', key: `entry-${entry.id}`, entry });
  }
  return rows;
}

function useNarrow(limit: number): boolean {
  const [narrow, setNarrow] = useState(() => window.innerWidth < limit);
  useEffect(() => {
    const onResize = () => setNarrow(window.innerWidth < limit);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [limit]);
  return narrow;
}

function EntryRow({
  entry,
  marks,
  fontSize,
  current,
  markTitles,
}: {
  entry: MinuteEntry;
  marks: readonly CorrectionMark[];
  fontSize: number;
  current: boolean;
  markTitles: Record<CorrectionStatus, string>;
}) {
  const { t } = useTranslation('readback');
  const time = (
    <time
      dateTime={entry.startedAt}
      style={{
        fontSize: 16,
        color: palette.faint,
        fontVariantNumeric: 'tabular-nums',
        userSelect: 'none',
        paddingTop: fontSize * 0.45,
        flex: 'none',
        width: 56,
      }}
    >
      {dayjs(entry.startedAt).format('HH:mm')}
    </time>
  );
  const rowStyle: CSSProperties = {
    display: 'flex',
    gap: 16,
    padding: '6px 12px',
    borderRadius: 8,
    background: current ? '#fffbe6' : undefined,
    boxShadow: current ? 'inset 0 0 0 2px #ffd666' : undefined,
    transition: 'background 0.4s, box-shadow 0.4s',
  };

  if (entry.kind === 'event') {
    const refused = entry.eventKind === 'minutes.correctionRefused';
    return (
      <div data-entry-id={entry.id} data-kind="event" aria-current={current || undefined} style={rowStyle}>
        {time}
        <div
          style={{
            flex: 1,
            minWidth: 0,
            background: refused ? '#fff5f5' : palette.event,
            borderLeft: `4px solid ${refused ? '#ff7875' : '#8fa6cc'}`,
            borderRadius: 6,
            padding: '6px 14px',
            fontSize: Math.max(22, fontSize - 2),
            lineHeight: 1.7,
            color: '#34435a',
            fontFamily: recordFont,
          }}
        >
          <span
            style={{
              userSelect: 'none',
              fontFamily: 'inherit',
              fontSize: 14,
              color: refused ? '#cf1322' : '#4a6491',
              marginRight: 10,
              verticalAlign: 'middle',
            }}
          >
            {refused ? t('event.refused') : t('event.label')}
          </span>
          <EntryText entry={entry} marks={marks} titles={markTitles} />
        </div>
      </div>
    );
  }

  const tag =
    entry.kind === 'question'
      ? t('tag.question')
      : entry.kind === 'answer'
        ? t('tag.answer')
        : entry.kind === 'note'
          ? t('tag.note')
          : entry.speakerLabel
            ? t('tag.speaker', { label: entry.speakerLabel })
            : '';
  return (
    <div data-entry-id={entry.id} data-kind={entry.kind} aria-current={current || undefined} style={rowStyle}>
      {time}
      <p
        style={{
          flex: 1,
          minWidth: 0,
          margin: 0,
          fontFamily: recordFont,
          fontSize,
          lineHeight: 1.8,
          color: entry.kind === 'note' ? palette.muted : palette.text,
        }}
      >
        {tag && <span style={{ fontWeight: 700, userSelect: 'none', color: entry.kind === 'note' ? palette.muted : '#17376e' }}>{tag}</span>}
        <EntryText entry={entry} marks={marks} titles={markTitles} />
      </p>
    </div>
  );
}

/**
 * 宣读: the record shown to the parties at the end of the hearing, often on
 * the second screen — large type, in order, under its agenda steps, off-record
 * words left out. Selecting words of one entry offers 标记异议, a 补正
 * request; the requests are listed beside the record, where the presiding
 * officer or clerk accepts or refuses them. Nothing changes once the record is
 * signed.
 */
export function ReadBackPage({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('readback');
  const { message } = App.useApp();
  const language = useLanguage();
  const minutes = useMinutes(hearingId);
  const procedure = useProcedure(hearingId);
  const hearing = useQuery('hearing.get', { hearingId }, ['hearing.updated']);
  const corrections = useCorrections(hearingId);
  const narrow = useNarrow(1100);
  const [font, setFont] = useState<FontChoice>(readFontChoice);
  const [selected, setSelected] = useState<SelectedPassage | null>(null);
  const [marking, setMarking] = useState<MarkedPassage>();
  const [lastRequester, setLastRequester] = useState<string>();
  const [current, setCurrent] = useState<number>();
  const scrollRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('documentTitle'));

  const locked = minutes.meta?.locked ?? false;
  const steps = procedure.data?.steps;
  const rows = useMemo(() => {
    const names = new Map((steps ?? []).map((step) => [step.id, step.name[language]]));
    return recordRows(minutes.entries, (stepId) => (stepId ? (names.get(stepId) ?? '') : t('beforeSitting')));
  }, [minutes.entries, steps, language, t]);
  const marks = useMemo(() => correctionMarks(corrections.data, minutes.entries), [corrections.data, minutes.entries]);
  const markTitles = useMemo<Record<CorrectionStatus, string>>(
    () => ({ pending: t('marks.pending'), accepted: t('marks.accepted'), refused: t('marks.refused') }),
    [t],
  );
  const entryCount = rows.filter((row) => row.kind === 'entry').length;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'step' ? 70 : fontSizes[font] * 3.6 + 12),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    useFlushSync: false,
  });

  // The selection decides whether 标记异议 is offered; it is read again as it changes and as the record scrolls.
  const entriesById = useMemo(() => new Map(minutes.entries.map((entry) => [entry.id, entry])), [minutes.entries]);
  const readCurrentSelection = useCallback(() => {
    if (locked) {
      setSelected(null);
      return;
    }
    const scroller = scrollRef.current;
    const found = readSelection(scroller);
    const entry = found ? entriesById.get(found.entryId) : undefined;
    const box = scroller?.getBoundingClientRect();
    const inView = found && box ? found.rect.bottom > box.top && found.rect.top < box.bottom : false;
    setSelected(found && entry && inView && entry.text.slice(found.start, found.start + found.passage.length) === found.passage ? found : null);
  }, [entriesById, locked]);
  const ready = minutes.meta !== undefined;
  useEffect(() => {
    const scroller = scrollRef.current;
    document.addEventListener('selectionchange', readCurrentSelection);
    scroller?.addEventListener('scroll', readCurrentSelection, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', readCurrentSelection);
      scroller?.removeEventListener('scroll', readCurrentSelection);
    };
  }, [readCurrentSelection, ready]);

  useEffect(() => {
    if (current === undefined) return;
    const timer = window.setTimeout(() => setCurrent(undefined), 4000);
    return () => window.clearTimeout(timer);
  }, [current]);

  const jump = useCallback(
    (entryId: number) => {
      const index = rows.findIndex((row) => row.kind === 'entry' && row.entry.id === entryId);
      if (index < 0) {
        void message.info(t('notInRecord'));
        return;
      }
      virtualizer.scrollToIndex(index, { align: 'center' });
      setCurrent(entryId);
    },
    [rows, virtualizer, message, t],
  );

  function chooseFont(next: FontChoice) {
    setFont(next);
    try {
      window.localStorage.setItem(fontStorageKey, next);
    } catch {
      // Without storage the choice lasts while the window is open.
    }
  }

  function startMarking() {
    if (!selected) return;
    setMarking({ ...selected, speakerLabel: entriesById.get(selected.entryId)?.speakerLabel ?? '' });
  }

  if (!minutes.meta) {
    return (
      <Flex vertical align="center" justify="center" gap={16} style={{ minHeight: '100vh', background: palette.page, padding: 32 }}>
        {minutes.error ? (
          <div style={{ width: 'min(640px, 100%)' }}>
            <ErrorAlert error={minutes.error} onRetry={() => window.location.reload()} />
          </div>
        ) : (
          <>
            <Spin size="large" />
            <div style={{ fontSize: 18, color: palette.muted }}>{t('loading')}</div>
          </>
        )}
      </Flex>
    );
  }

  const title = hearing.data?.title ?? '';

  return (
    <div
      aria-label={t('label')}
      style={{
        height: narrow ? undefined : '100vh',
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: palette.page,
        overflow: narrow ? undefined : 'hidden',
      }}
    >
      <header style={{ background: palette.bar, color: '#fff', padding: '12px 28px', display: 'flex', alignItems: 'center', gap: 20, flexWrap: 'wrap' }}>
        <div style={{ flex: 1, minWidth: 280 }}>
          <div style={{ fontSize: 15, color: 'rgba(255,255,255,0.72)', letterSpacing: 1, display: 'flex', gap: 12, alignItems: 'center' }}>
            <NotificationOutlined />
            <span>{t('title')}</span>
            {hearing.data?.matterNo && <span>{hearing.data.matterNo}</span>}
          </div>
          <ScreenTitle title={title} />
        </div>
        <Flex align="center" gap={12} wrap>
          {locked && (
            <Tag icon={<LockOutlined />} color="gold" style={{ margin: 0, fontSize: 14, lineHeight: '26px' }}>
              {t('locked')}
            </Tag>
          )}
          <span style={{ color: 'rgba(255,255,255,0.8)', fontSize: 15 }} data-testid="readback-count">
            {t('count', { count: entryCount })}
          </span>
          <Segmented<FontChoice>
            aria-label={t('fontSize.label')}
            value={font}
            onChange={chooseFont}
            options={(Object.keys(fontSizes) as FontChoice[]).map((value) => ({ value, label: t(`fontSize.${value}`) }))}
          />
          <MinutesTools hearingId={hearingId} onJump={jump} readBack={false} />
        </Flex>
      </header>
      <div
        style={{
          flex: 1,
          minHeight: 0,
          display: 'grid',
          gridTemplateColumns: narrow ? 'minmax(0, 1fr)' : 'minmax(0, 1fr) minmax(360px, 420px)',
          gap: 20,
          padding: 20,
        }}
      >
        <main
          style={{
            background: palette.card,
            border: `1px solid ${palette.border}`,
            borderRadius: 12,
            display: 'flex',
            flexDirection: 'column',
            minHeight: narrow ? '70vh' : 0,
            overflow: 'hidden',
          }}
        >
          {locked ? (
            <Alert type="info" showIcon icon={<LockOutlined />} title={t('lockedHint')} style={{ borderRadius: 0, border: 'none' }} />
          ) : (
            <div style={{ padding: '10px 28px', background: '#f8fafc', borderBottom: `1px solid ${palette.border}`, color: palette.muted, fontSize: 16 }}>
              <FlagOutlined style={{ marginRight: 8 }} />
              {t('hint')}
            </div>
          )}
          <div ref={scrollRef} data-testid="readback-record" style={{ flex: 1, minHeight: 0, overflowY: 'auto', padding: '16px 20px 32px' }}>
            {rows.length === 0 ? (
              <Empty style={{ marginTop: 64 }} description={<span style={{ fontSize: 20 }}>{t('empty')}</span>} />
            ) : (
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const row = rows[item.index];
                  if (!row) return null;
                  return (
                    <VirtualRow key={item.key} item={item} measure={virtualizer.measureElement}>
                      {row.kind === 'step' ? (
                        <h2
                          style={{
                            margin: 0,
                            padding: item.index === 0 ? '4px 12px 10px' : '22px 12px 10px',
                            fontSize: Math.max(22, fontSizes[font] - 2),
                            fontWeight: 700,
                            color: '#17376e',
                            display: 'flex',
                            alignItems: 'center',
                            gap: 12,
                          }}
                        >
                          <span style={{ width: 6, alignSelf: 'stretch', background: '#1f4e9c', borderRadius: 3 }} aria-hidden />
                          {row.name}
                        </h2>
                      ) : (
                        <EntryRow
                          entry={row.entry}
                          marks={marks.get(row.entry.id) ?? []}
                          fontSize={fontSizes[font]}
                          current={current === row.entry.id}
                          markTitles={markTitles}
                        />
                      )}
                    </VirtualRow>
                  );
                })}
              </div>
            )}
          </div>
        </main>
        <aside
          style={{
            background: palette.card,
            border: `1px solid ${palette.border}`,
            borderRadius: 12,
            padding: '16px 18px',
            minHeight: 0,
            overflowY: narrow ? undefined : 'auto',
          }}
        >
          <CorrectionsPanel hearingId={hearingId} locked={locked} onShowEntry={jump} large />
        </aside>
      </div>
      {selected && marking === undefined && (
        <div
          style={{
            position: 'fixed',
            zIndex: 20,
            top: Math.min(selected.rect.bottom + 10, window.innerHeight - 60),
            left: Math.max(12, Math.min(selected.rect.left, window.innerWidth - 220)),
          }}
        >
          <Button
            type="primary"
            size="large"
            icon={<FlagOutlined />}
            onMouseDown={(event) => event.preventDefault()}
            onClick={startMarking}
            style={{ boxShadow: '0 6px 16px rgba(23,55,110,0.3)' }}
          >
            {t('mark.action')}
          </Button>
        </div>
      )}
      <ReadBackRequest
        marked={marking}
        speakers={minutes.meta.speakers}
        lastRequester={lastRequester}
        onClose={() => setMarking(undefined)}
        onDone={(requestedBy) => {
          setLastRequester(requestedBy);
          setMarking(undefined);
          window.getSelection()?.removeAllRanges();
        }}
      />
    </div>
  );
}
