import { DeleteOutlined, EditOutlined, HistoryOutlined, LoadingOutlined, ArrowDownOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinuteEntry, MinuteSpeaker } from '../../../../electron/core/contract/index.js';
import { useErrorText } from '../../components/useErrorText.js';
import { VirtualRow } from '../../components/VirtualRow.js';
import { EntryEditor } from './EntryEditor.js';
import { clockTime } from './format.js';
import { sideColors } from './SpeakerBar.js';
import type { PendingEntry } from './useMinutes.js';

export interface EntryListHandle {
  /** Scrolls an entry into view (centred); false when it is not in the list. */
  scrollToEntry(entryId: number, how?: 'center' | 'auto'): boolean;
  scrollToEnd(): void;
}

interface RowActions {
  onSelect: (entryId: number) => void;
  onEdit: (entryId: number) => void;
  onHistory: (entryId: number) => void;
  onRemove: (entryId: number) => void;
  onEditDone: () => void;
}

/** The words of an entry as the record will read them: 主持人：…, 问：…, or the event in the clerk's hand. */
function EntryWords({ kind, speakerLabel, text, color }: { kind: MinuteEntry['kind']; speakerLabel: string; text: string; color: string | undefined }) {
  const { t } = useTranslation('minutes');
  if (kind === 'question' || kind === 'answer') {
    return (
      <>
        {speakerLabel && <span className="minutes-row-asker">{speakerLabel}</span>}
        <span className="minutes-row-qa">{t(`row.${kind}`)}</span>
        {text}
      </>
    );
  }
  return (
    <>
      {speakerLabel && kind !== 'event' && (
        <span className="minutes-row-speaker" style={{ color }}>
          {t('row.speaker', { label: speakerLabel })}
        </span>
      )}
      {text}
    </>
  );
}

/** 修改, 修改记录 and 删除 beside a row; a signed record keeps only 修改记录. */
function RowButtons({ entryId, locked, actions }: { entryId: number; locked: boolean; actions: RowActions }) {
  const { t } = useTranslation('minutes');
  const buttons = [
    { name: 'edit', icon: <EditOutlined />, act: actions.onEdit, danger: false, shown: !locked },
    { name: 'history', icon: <HistoryOutlined />, act: actions.onHistory, danger: false, shown: true },
    { name: 'remove', icon: <DeleteOutlined />, act: actions.onRemove, danger: true, shown: !locked },
  ] as const;
  return (
    <>
      {buttons
        .filter((button) => button.shown)
        .map((button) => (
          <Tooltip key={button.name} title={t(`row.actions.${button.name}Title`)} mouseEnterDelay={0.5}>
            <Button
              size="small"
              type="text"
              danger={button.danger}
              icon={button.icon}
              aria-label={t(`row.actions.${button.name}`)}
              onClick={(event) => {
                event.stopPropagation();
                button.act(entryId);
              }}
            />
          </Tooltip>
        ))}
    </>
  );
}

const EntryRow = memo(function EntryRow({
  entry,
  color,
  selected,
  highlighted,
  editing,
  locked,
  speakers,
  actions,
}: {
  entry: MinuteEntry;
  color: string | undefined;
  selected: boolean;
  highlighted: boolean;
  editing: boolean;
  locked: boolean;
  speakers: readonly MinuteSpeaker[];
  actions: RowActions;
}) {
  const { t } = useTranslation('minutes');
  // The buttons show only under the pointer or on the selected row, so only those rows make them: three tooltipped buttons on every row of a screenful cost more to make than the rows' words.
  const [hovered, setHovered] = useState(false);
  const classes = ['minutes-row', `minutes-row-${entry.kind}`];
  if (entry.offRecord) classes.push('minutes-row-off');
  if (selected) classes.push('minutes-row-selected');
  if (highlighted) classes.push('minutes-row-highlight');
  if (editing) classes.push('minutes-row-editing');
  return (
    <div
      className={classes.join(' ')}
      role="listitem"
      aria-current={selected || undefined}
      data-entry-id={entry.id}
      data-status="saved"
      data-kind={entry.kind}
      onClick={() => actions.onSelect(entry.id)}
      onDoubleClick={() => !locked && actions.onEdit(entry.id)}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <span className="minutes-row-time">{clockTime(entry.startedAt)}</span>
      {editing ? (
        <EntryEditor entry={entry} speakers={speakers} onDone={actions.onEditDone} />
      ) : (
        <>
          <div className="minutes-row-body">
            <EntryWords kind={entry.kind} speakerLabel={entry.speakerLabel} text={entry.text} color={color} />
          </div>
          <div className="minutes-row-tags">
            {entry.kind === 'event' && <Tag color="default">{t('tags.event')}</Tag>}
            {entry.kind === 'note' && <Tag color="gold">{t('tags.note')}</Tag>}
            {entry.offRecord && <Tag>{t('tags.offRecord')}</Tag>}
            {entry.version > 1 && (
              <Tag
                color="orange"
                style={{ cursor: 'pointer' }}
                onClick={(event) => {
                  event.stopPropagation();
                  actions.onHistory(entry.id);
                }}
              >
                {t('tags.edited')}
              </Tag>
            )}
          </div>
          <div className={locked ? 'minutes-row-actions minutes-row-actions-locked' : 'minutes-row-actions'}>
            {(hovered || selected) && <RowButtons entryId={entry.id} locked={locked} actions={actions} />}
          </div>
        </>
      )}
    </div>
  );
});

const PendingRow = memo(function PendingRow({
  pending,
  label,
  color,
  onRetry,
}: {
  pending: PendingEntry;
  label: string;
  color: string | undefined;
  onRetry: (clientId: string) => void;
}) {
  const { t } = useTranslation('minutes');
  const { describe } = useErrorText();
  const failed = pending.status === 'failed';
  return (
    <div
      className={`minutes-row minutes-row-pending minutes-row-${pending.input.kind}${failed ? ' minutes-row-failed' : ''}`}
      role="listitem"
      data-status={pending.status}
      data-client-id={pending.clientId}
    >
      <span className="minutes-row-time">{clockTime(pending.input.startedAt)}</span>
      <div className="minutes-row-body">
        <EntryWords kind={pending.input.kind} speakerLabel={label} text={pending.input.text} color={color} />
        {failed && pending.error && (
          <div>
            <Typography.Text type="danger" style={{ fontSize: 13, fontStyle: 'normal' }}>
              {describe(pending.error)}
            </Typography.Text>
          </div>
        )}
      </div>
      <div className="minutes-row-tags">
        {failed ? (
          <>
            <Tag color="error">{t('row.failed')}</Tag>
            <Button size="small" type="primary" danger onClick={() => onRetry(pending.clientId)}>
              {t('row.retry')}
            </Button>
          </>
        ) : (
          <Tag icon={<LoadingOutlined />} color="processing">
            {t('row.saving')}
          </Tag>
        )}
      </div>
    </div>
  );
});

export interface EntryListProps extends RowActions {
  entries: readonly MinuteEntry[];
  /** Older entries of the record still on their way (it opens on its newest ones). */
  earlierCount: number;
  pending: readonly PendingEntry[];
  speakers: readonly MinuteSpeaker[];
  selectedId: number | null;
  highlightId: number | null;
  editingId: number | null;
  locked: boolean;
  empty: ReactNode;
  onRetry: (clientId: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  ref?: Ref<EntryListHandle>;
}

/** A one-line row; each row is measured once it renders. */
const estimatedRowPixels = 38;

/** Within this many pixels of the end counts as "at the end": new entries then keep the list there. */
const stickyPixels = 48;

/** Within this many pixels of the top, a clerk who has scrolled up is told that older entries are still coming. */
const nearTopPixels = 4 * estimatedRowPixels;

/** How many entries now come before the one that came first: older entries just brought in above it. */
function olderEntriesAbove(entries: readonly MinuteEntry[], previousFirstId: MinuteEntry['id'] | undefined): number {
  if (previousFirstId === undefined) return 0;
  return Math.max(
    0,
    entries.findIndex((entry) => entry.id === previousFirstId),
  );
}

/**
 * The record, virtualized: only the rows in view exist, each measured as it
 * renders, so a four-hour hearing of thousands of entries scrolls and
 * updates like a short one. New entries keep it at the end unless the clerk
 * has scrolled up to read.
 */
export const EntryList = memo(function EntryList({
  entries,
  earlierCount,
  pending,
  speakers,
  selectedId,
  highlightId,
  editingId,
  locked,
  empty,
  onRetry,
  onKeyDown,
  onSelect,
  onEdit,
  onHistory,
  onRemove,
  onEditDone,
  ref,
}: EntryListProps) {
  const { t } = useTranslation('minutes');
  const scroller = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const shownCount = useRef(0);
  const firstEntryId = useRef<MinuteEntry['id'] | undefined>(undefined);
  const [behind, setBehind] = useState(false);
  const [nearTop, setNearTop] = useState(false);
  const count = entries.length + pending.length;

  // The record opens at its end: scrolled there before the virtualizer first reads the position (its effect comes after this one), so the rows at the top are never made.
  useLayoutEffect(() => {
    const node = scroller.current;
    if (node) node.scrollTop = node.scrollHeight;
  }, []);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedRowPixels,
    initialOffset: () => count * estimatedRowPixels,
    overscan: 8,
    getItemKey: (index) =>
      index < entries.length ? `e${(entries[index] as MinuteEntry).id}` : `p${(pending[index - entries.length] as PendingEntry).clientId}`,
  });

  const scrollToEnd = useCallback(() => {
    atEnd.current = true;
    setBehind(false);
    if (count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, virtualizer]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToEntry(entryId, how = 'center') {
        const index = entries.findIndex((entry) => entry.id === entryId);
        if (index < 0) return false;
        const node = scroller.current;
        const place = virtualizer.measurementsCache[index];
        const inView = node && place && place.start >= node.scrollTop && place.end <= node.scrollTop + node.clientHeight;
        if (inView && how === 'auto') return true;
        atEnd.current = index === count - 1;
        virtualizer.scrollToIndex(index, { align: how });
        return true;
      },
      scrollToEnd,
    }),
    [entries, count, virtualizer, scrollToEnd],
  );

  // New entries: follow them to the end, unless the clerk is reading further up.
  // Older entries arriving above (the record loads newest first) are not new: the rows the clerk is reading stay put.
  useLayoutEffect(() => {
    const olderArrived = olderEntriesAbove(entries, firstEntryId.current);
    firstEntryId.current = entries[0]?.id;
    const node = scroller.current;
    if (olderArrived > 0 && !atEnd.current && node) node.scrollTop += virtualizer.measurementsCache[olderArrived]?.start ?? olderArrived * estimatedRowPixels;
    const newArrived = count - shownCount.current > olderArrived;
    if (atEnd.current && (newArrived || olderArrived > 0)) virtualizer.scrollToIndex(count - 1, { align: 'end' });
    else if (newArrived) setBehind(true);
    shownCount.current = count;
  }, [count, entries, virtualizer]);

  // Rows measured taller than estimated (or an editor opening on the last row) must not push the end out of view.
  const totalSize = virtualizer.getTotalSize();
  useEffect(() => {
    const node = scroller.current;
    if (node && atEnd.current && editingId === null) node.scrollTop = node.scrollHeight;
  }, [totalSize, editingId]);

  const actions = useRef<RowActions>({ onSelect, onEdit, onHistory, onRemove, onEditDone });
  actions.current = { onSelect, onEdit, onHistory, onRemove, onEditDone };
  // One stable object for every row, so a row re-renders only when its own entry or state changes.
  const [stableActions] = useState<RowActions>(() => ({
    onSelect: (id) => actions.current.onSelect(id),
    onEdit: (id) => actions.current.onEdit(id),
    onHistory: (id) => actions.current.onHistory(id),
    onRemove: (id) => actions.current.onRemove(id),
    onEditDone: () => actions.current.onEditDone(),
  }));

  const speakerById = new Map(speakers.map((speaker) => [speaker.participantId, speaker]));
  const colorOf = (speakerId: string | null) => {
    const speaker = speakerId ? speakerById.get(speakerId) : undefined;
    return speaker ? sideColors[speaker.side] : undefined;
  };

  // The notices float over the list rather than sit in it: a list holds only its entries.
  return (
    <div className="minutes-list-frame">
      <div
        ref={scroller}
        className="minutes-list"
        tabIndex={0}
        role="list"
        aria-label={t('list.label')}
        data-testid="minutes-list"
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          const node = event.currentTarget;
          const end = node.scrollHeight - node.scrollTop - node.clientHeight < stickyPixels;
          atEnd.current = end;
          if (end && behind) setBehind(false);
          setNearTop(node.scrollTop < nearTopPixels);
        }}
      >
        {count === 0 ? (
          empty
        ) : (
          <div style={{ height: totalSize, position: 'relative', width: '100%' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entry = item.index < entries.length ? entries[item.index] : undefined;
              const waiting = entry ? undefined : pending[item.index - entries.length];
              return (
                <VirtualRow key={item.key} item={item} measure={virtualizer.measureElement}>
                  {entry ? (
                    <EntryRow
                      entry={entry}
                      color={colorOf(entry.speakerId)}
                      selected={entry.id === selectedId}
                      highlighted={entry.id === highlightId}
                      editing={entry.id === editingId}
                      locked={locked}
                      speakers={speakers}
                      actions={stableActions}
                    />
                  ) : waiting ? (
                    <PendingRow
                      pending={waiting}
                      label={speakerById.get(waiting.input.speakerId ?? '')?.label ?? ''}
                      color={colorOf(waiting.input.speakerId ?? null)}
                      onRetry={onRetry}
                    />
                  ) : null}
                </VirtualRow>
              );
            })}
          </div>
        )}
      </div>
      {earlierCount > 0 && nearTop && (
        <div className="minutes-earlier" role="status">
          <span>
            <LoadingOutlined /> {t('list.loadingEarlier', { count: earlierCount })}
          </span>
        </div>
      )}
      {behind && (
        <div className="minutes-to-latest">
          <Button size="small" shape="round" icon={<ArrowDownOutlined />} onClick={scrollToEnd}>
            {t('list.toLatest')}
          </Button>
        </div>
      )}
    </div>
  );
});
