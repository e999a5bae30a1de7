import { CheckCircleOutlined, ExclamationCircleOutlined, FieldTimeOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Empty, Flex, Input, Select, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../components/useErrorText.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useProcedure } from '../procedure/useProcedure.js';
import { Composer, type ComposerHandle, type ListKey } from './Composer.js';
import { EntryList, type EntryListHandle } from './EntryList.js';
import { firstEntryAtOrAfter, parseClock } from './format.js';
import { HistoryDrawer } from './HistoryDrawer.js';
import { MinutesExamine } from './MinutesExamine.js';
import { MinutesTools } from './MinutesTools.js';
import { useMinutes, type PendingEntry } from './useMinutes.js';
import './minutes.css';

/** How long a jumped-to entry stays highlighted. */
const highlightMs = 2500;

/** The screen opens on this many of the newest entries, a few screens' worth; the older ones follow at once. */
const openingEntries = 100;

function SaveStatus({ pending, saved }: { pending: readonly PendingEntry[]; saved: number }) {
  const { t } = useTranslation('minutes');
  const failed = pending.filter((entry) => entry.status === 'failed').length;
  const saving = pending.length - failed;
  return (
    <span role="status" aria-live="polite" data-testid="minutes-save-status">
      {failed > 0 ? (
        <Tag color="error" icon={<ExclamationCircleOutlined />} style={{ margin: 0 }}>
          {t('status.failed', { count: failed })}
        </Tag>
      ) : saving > 0 ? (
        <Tag color="processing" icon={<SyncOutlined spin />} style={{ margin: 0 }}>
          {t('status.saving', { count: saving })}
        </Tag>
      ) : (
        <Tag color="success" icon={<CheckCircleOutlined />} style={{ margin: 0 }}>
          {t('status.saved', { count: saved })}
        </Tag>
      )}
    </span>
  );
}

/**
 * 笔录: the clerk's screen during the sitting. The record so far (with the
 * procedure's events written in as they happen), the speaker bar and the
 * composer; jumps by step, time, search or address; corrections until the
 * record is signed.
 */
export function MinutesPanel({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('minutes');
  const language = useLanguage();
  const route = useRoute();
  const { message, modal } = App.useApp();
  const { describe } = useErrorText();
  const { entries, earlierCount, pending, meta, restoredDraft, error, loading, append, retry } = useMinutes(hearingId, { tail: openingEntries });
  const { data: procedure } = useProcedure(hearingId);
  const list = useRef<EntryListHandle>(null);
  const composer = useRef<ComposerHandle>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [historyId, setHistoryId] = useState<number | null>(null);
  const [highlightId, setHighlightId] = useState<number | null>(null);
  const [time, setTime] = useState('');
  const [timeInvalid, setTimeInvalid] = useState(false);
  const highlightTimer = useRef<number | undefined>(undefined);
  const routeJumped = useRef<number | undefined>(undefined);
  const locked = meta?.locked ?? false;

  // The callbacks below read the latest state through refs, so they stay the same and the rows need not re-render.
  const latest = useRef({ entries, selectedId, locked });
  latest.current = { entries, selectedId, locked };

  const jump = useCallback((entryId: number): boolean => {
    if (!list.current?.scrollToEntry(entryId, 'center')) return false;
    window.clearTimeout(highlightTimer.current);
    setHighlightId(entryId);
    highlightTimer.current = window.setTimeout(() => setHighlightId(null), highlightMs);
    return true;
  }, []);
  useEffect(() => () => window.clearTimeout(highlightTimer.current), []);

  const jumpFromTools = useCallback(
    (entryId: number) => {
      if (!jump(entryId)) void message.warning(t('jump.notFound'));
    },
    [jump, message, t],
  );

  // #/hearings/<id>/minutes/<entryId>: show that entry once the whole record is here.
  const routeEntryId = route.name === 'hearing' ? route.entryId : undefined;
  const whole = !loading && earlierCount === 0;
  useEffect(() => {
    if (routeEntryId === undefined || !whole || routeJumped.current === routeEntryId) return;
    routeJumped.current = routeEntryId;
    // Let the list lay out its rows first.
    window.requestAnimationFrame(() => {
      if (!jump(routeEntryId)) void message.warning(t('jump.notFound'));
    });
  }, [routeEntryId, whole, jump, message, t]);

  const confirmRemove = useCallback(
    (entryId: number) => {
      const entry = latest.current.entries.find((candidate) => candidate.id === entryId);
      if (!entry || latest.current.locked) return;
      modal.confirm({
        title: t('remove.title'),
        content: (
          <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
            {entry.speakerLabel ? t('row.speaker', { label: entry.speakerLabel }) : ''}
            {entry.text}
          </Typography.Paragraph>
        ),
        okText: t('remove.ok'),
        okButtonProps: { danger: true },
        cancelText: t('remove.cancel'),
        onOk: async () => {
          const result = await api.call('minutes.remove', { entryId, expectedVersion: entry.version });
          if (result.ok) void message.success(t('remove.done'));
          else void message.error(describe(result.error));
        },
        afterClose: () => composer.current?.focus(),
      });
    },
    [modal, message, describe, t],
  );

  const startEdit = useCallback(
    (entryId: number) => {
      if (latest.current.locked) {
        void message.info(t('composer.locked'));
        return;
      }
      setSelectedId(entryId);
      setEditingId(entryId);
    },
    [message, t],
  );

  const finishEdit = useCallback(() => {
    setEditingId(null);
    composer.current?.focus();
  }, []);

  // Back to typing once the history has closed (and no longer holds the focus).
  const historyOpen = historyId !== null;
  const wasHistoryOpen = useRef(false);
  useEffect(() => {
    if (wasHistoryOpen.current && !historyOpen) {
      wasHistoryOpen.current = false;
      const frame = window.requestAnimationFrame(() => composer.current?.focus());
      return () => window.cancelAnimationFrame(frame);
    }
    wasHistoryOpen.current = historyOpen;
    return undefined;
  }, [historyOpen]);

  const showHistory = useCallback((entryId: number) => {
    setSelectedId(entryId);
    setHistoryId(entryId);
  }, []);

  /** ↑/↓ walk the record from the newest entry; E or F2 corrects, Delete deletes, H shows the history, Esc goes back to typing. */
  const onListKey = useCallback(
    (key: ListKey): boolean => {
      const { entries: all, selectedId: selected } = latest.current;
      const index = selected === null ? -1 : all.findIndex((entry) => entry.id === selected);
      const select = (next: number) => {
        const entry = all[next];
        if (!entry) return;
        setSelectedId(entry.id);
        list.current?.scrollToEntry(entry.id, 'auto');
      };
      switch (key) {
        case 'up':
          if (all.length === 0) return false;
          select(index < 0 ? all.length - 1 : Math.max(0, index - 1));
          return true;
        case 'down':
          if (index < 0) return false;
          if (index >= all.length - 1) {
            setSelectedId(null);
            list.current?.scrollToEnd();
          } else select(index + 1);
          return true;
        case 'edit':
          if (selected !== null) startEdit(selected);
          return true;
        case 'remove':
          if (selected !== null) confirmRemove(selected);
          return true;
        case 'history':
          if (selected !== null) showHistory(selected);
          return true;
        case 'clear':
          setSelectedId(null);
          return true;
      }
    },
    [startEdit, confirmRemove, showHistory],
  );

  const onListKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      // Keys typed in an inline editor or on a row's buttons are theirs.
      if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
      const keys: Record<string, ListKey> = {
        ArrowUp: 'up',
        ArrowDown: 'down',
        e: 'edit',
        E: 'edit',
        F2: 'edit',
        Enter: 'edit',
        Delete: 'remove',
        h: 'history',
        H: 'history',
        Escape: 'clear',
      };
      const key = keys[event.key];
      if (!key) return;
      event.preventDefault();
      onListKey(key);
      if (key === 'clear') composer.current?.focus();
    },
    [onListKey],
  );

  const stepsWithEntries = useMemo(() => new Set(entries.map((entry) => entry.stepId)), [entries]);

  function jumpToStep(stepId: string) {
    const entry = entries.find((candidate) => candidate.stepId === stepId);
    const step = procedure?.steps.find((candidate) => candidate.id === stepId);
    if (!entry) void message.info(t('jump.noEntriesInStep', { name: step?.name[language] ?? '' }));
    else jump(entry.id);
    composer.current?.focus();
  }

  function jumpToTime() {
    const minutes = parseClock(time);
    if (minutes === undefined) {
      setTimeInvalid(true);
      void message.warning(t('jump.timeInvalid'));
      return;
    }
    setTimeInvalid(false);
    const index = firstEntryAtOrAfter(entries, minutes);
    const entry = entries[index];
    if (!entry) void message.info(t('jump.noEntriesAfter', { time: time.trim() }));
    else jump(entry.id);
  }

  if (!meta) {
    if (error) return <ErrorAlert error={error} />;
    return <Skeleton active />;
  }

  const currentStep = procedure?.steps.find((step) => step.id === procedure.currentStepId);
  const historyEntry = historyId === null ? undefined : entries.find((entry) => entry.id === historyId);

  return (
    <div className="minutes-screen">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={8} align="center" wrap>
          <Select<string>
            aria-label={t('toolbar.jumpStep')}
            placeholder={t('toolbar.jumpStep')}
            style={{ width: 230 }}
            value={null}
            onChange={jumpToStep}
            popupMatchSelectWidth={280}
            options={(procedure?.steps ?? []).map((step) => ({
              value: step.id,
              label: t('toolbar.stepOption', { position: step.position, name: step.name[language] }),
              disabled: !stepsWithEntries.has(step.id),
            }))}
          />
          <Input
            aria-label={t('toolbar.jumpTime')}
            prefix={<FieldTimeOutlined />}
            placeholder={t('toolbar.jumpTimePlaceholder')}
            style={{ width: 150 }}
            value={time}
            status={timeInvalid ? 'error' : undefined}
            onChange={(event) => {
              setTime(event.target.value);
              setTimeInvalid(false);
            }}
            onPressEnter={jumpToTime}
          />
          <MinutesTools hearingId={hearingId} onJump={jumpFromTools} />
          <MinutesExamine hearingId={hearingId} disabled={locked} />
        </Flex>
        <Flex gap={12} align="center">
          {currentStep && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('toolbar.currentStep', { name: currentStep.name[language] })}
            </Typography.Text>
          )}
          <SaveStatus pending={pending} saved={entries.length + earlierCount} />
        </Flex>
      </Flex>
      {error && <ErrorAlert error={error} />}
      <EntryList
        ref={list}
        entries={entries}
        earlierCount={earlierCount}
        pending={pending}
        speakers={meta.speakers}
        selectedId={selectedId}
        highlightId={highlightId}
        editingId={editingId}
        locked={locked}
        empty={
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            style={{ marginTop: 48 }}
            description={
              <Flex vertical gap={4}>
                <Typography.Text strong>{t('list.emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary">{t('list.emptyBody')}</Typography.Text>
              </Flex>
            }
          />
        }
        onRetry={retry}
        onKeyDown={onListKeyDown}
        onSelect={setSelectedId}
        onEdit={startEdit}
        onHistory={showHistory}
        onRemove={confirmRemove}
        onEditDone={finishEdit}
      />
      <Composer
        ref={composer}
        hearingId={hearingId}
        meta={meta}
        stepType={currentStep?.type}
        restoredDraft={restoredDraft}
        append={append}
        hasSelection={selectedId !== null}
        onListKey={onListKey}
      />
      <HistoryDrawer entry={historyEntry} onClose={() => setHistoryId(null)} />
    </div>
  );
}
