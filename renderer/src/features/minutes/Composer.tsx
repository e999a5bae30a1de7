import { CheckCircleOutlined, EyeInvisibleOutlined } from '@ant-design/icons';
import { Alert, Input, Segmented, Tag, Tooltip, Typography, type GetRef } from 'antd';
import { memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fillPhrase,
  type MethodInput,
  type MinuteDraft,
  type MinuteEntry,
  type MinuteName,
  type MinutePhrase,
  type MinuteSpeaker,
  type Result,
  type RoleKind,
  type StepType,
} from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useRoles } from '../participants/useRoles.js';
import { nameSuggestions, type NameToken } from './autocomplete.js';
import { clockTimeWithSeconds, inaudibleMark, orderPhrases, phraseFits, speakerMatches } from './format.js';
import { QuickPicker } from './QuickPicker.js';
import { ShortcutLegend } from './ShortcutLegend.js';
import { SpeakerBar, sideColors } from './SpeakerBar.js';
import { useDraftSaver } from './useDraftSaver.js';
import type { MinutesMeta } from './useMinutes.js';

/** 发言, 问答 (entries alternate 问 → 答 → 问), or the clerk's 备注. */
type Mode = 'speech' | 'qa' | 'note';
type TypedKind = MethodInput<'minutes.append'>['kind'];

interface Draft {
  clientId: string;
  text: string;
  speakerId: string | null;
  mode: Mode;
  /** In 问答 mode, whether the entry being typed is the question or the answer. */
  qaNext: 'question' | 'answer';
  /** The first keystroke of this entry. */
  startedAt: string | null;
  offRecord: boolean;
}

/** Keys the composer hands to the list when it is empty: select an entry, then correct, delete or look at its history. */
export type ListKey = 'up' | 'down' | 'edit' | 'remove' | 'history' | 'clear';

export interface ComposerHandle {
  focus(): void;
}

type TextAreaRef = GetRef<typeof Input.TextArea>;

interface Suggestions {
  token: NameToken;
  names: MinuteName[];
  active: number;
  /** The clerk moved through the list with the arrows: Enter then takes the name even after 汉字. */
  chosen?: boolean;
}

/**
 * After Latin letters (wjp) a suggestion is what the clerk asked for, so Enter
 * takes it. After 汉字 the clerk may simply have finished a sentence that ends
 * like a name begins (…广东 → 广东省), so there Enter saves the entry unless
 * a name was chosen with the arrows; Tab always takes it.
 */
function enterTakes(suggestions: Suggestions): boolean {
  return suggestions.chosen === true || /^[A-Za-z]/.test(suggestions.token.text);
}

function kindOf(draft: Draft): TypedKind {
  return draft.mode === 'qa' ? draft.qaNext : draft.mode;
}

function initialDraft(restored: MinuteDraft | null, speakers: readonly MinuteSpeaker[]): Draft {
  if (restored) {
    const kind = restored.kind;
    return {
      clientId: restored.clientId,
      text: restored.text,
      speakerId: restored.speakerId,
      mode: kind === 'question' || kind === 'answer' ? 'qa' : kind === 'note' ? 'note' : 'speech',
      qaNext: kind === 'answer' ? 'answer' : 'question',
      startedAt: restored.startedAt,
      offRecord: false,
    };
  }
  return {
    clientId: crypto.randomUUID(),
    text: '',
    speakerId: speakers[0]?.participantId ?? null,
    mode: 'speech',
    qaNext: 'question',
    startedAt: null,
    offRecord: false,
  };
}

function draftKey(draft: Draft): string {
  return JSON.stringify([draft.clientId, draft.text, draft.speakerId, kindOf(draft), draft.startedAt]);
}

const nowIso = () => new Date().toISOString();

export interface ComposerProps {
  hearingId: string;
  meta: MinutesMeta;
  /** The type of the agenda step the hearing is at, for the palette's order. */
  stepType: StepType | undefined;
  restoredDraft: MinuteDraft | null;
  append: (input: MethodInput<'minutes.append'>) => Promise<Result<MinuteEntry>>;
  /** Whether an entry of the list is selected (↑ from an empty composer). */
  hasSelection: boolean;
  onListKey: (key: ListKey) => boolean;
  ref?: Ref<ComposerHandle>;
}

/**
 * The clerk's keyboard: one entry at a time, Enter to commit it and start
 * the next with the same speaker. Everything typed stays in this component,
 * so a keystroke re-renders the composer and never the record above it.
 */
export const Composer = memo(function Composer({ hearingId, meta, stepType, restoredDraft, append, hasSelection, onListKey, ref }: ComposerProps) {
  const { t } = useTranslation('minutes');
  const language = useLanguage();
  const { roleName } = useRoles(hearingId);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(restoredDraft, meta.speakers));
  const [restoredAt, setRestoredAt] = useState<string | undefined>(restoredDraft?.savedAt);
  const [suggestions, setSuggestions] = useState<Suggestions>();
  const [picker, setPicker] = useState<'speaker' | 'phrase'>();
  const [focused, setFocused] = useState(false);
  const textarea = useRef<TextAreaRef>(null);
  const composing = useRef(false);
  const caretAfter = useRef<number | null>(null);
  const dismissedAt = useRef<number | null>(null);
  /** In 问答 mode, who asked and who answered last, so the next 问 or 答 starts with them. */
  const qaSpeakers = useRef<Partial<Record<'question' | 'answer', string | null>>>({});
  const saver = useDraftSaver();
  const lastSaved = useRef(draftKey(draft));
  const savedFor = useRef<string | null>(restoredDraft?.clientId ?? null);

  const element = () => textarea.current?.resizableTextArea?.textArea ?? null;
  const focus = useCallback(() => textarea.current?.focus(), []);
  useImperativeHandle(ref, () => ({ focus }), [focus]);

  const kind = kindOf(draft);
  const speaker = meta.speakers.find((candidate) => candidate.participantId === draft.speakerId);

  // Keep the draft on disk: debounced, at most a second behind.
  useEffect(() => {
    if (meta.locked) return;
    const key = draftKey(draft);
    if (key === lastSaved.current) return;
    lastSaved.current = key;
    // A fresh, empty entry has nothing to keep or to clear.
    if (draft.text === '' && savedFor.current !== draft.clientId) return;
    savedFor.current = draft.clientId;
    saver.schedule({ hearingId, clientId: draft.clientId, kind: kindOf(draft), speakerId: draft.speakerId, text: draft.text, startedAt: draft.startedAt });
  }, [draft, hearingId, meta.locked, saver]);

  useLayoutEffect(() => {
    const at = caretAfter.current;
    const node = element();
    if (at === null || !node) return;
    caretAfter.current = null;
    node.setSelectionRange(at, at);
  });

  const refreshSuggestions = useCallback(
    (value: string, caret: number | null) => {
      if (composing.current || caret === null) {
        setSuggestions(undefined);
        return;
      }
      const found = nameSuggestions(value, caret, meta.names);
      if (!found || dismissedAt.current === found.token.start) {
        if (!found) dismissedAt.current = null;
        setSuggestions(undefined);
        return;
      }
      setSuggestions((current) => ({
        ...found,
        active: current && current.token.start === found.token.start ? Math.min(current.active, found.names.length - 1) : 0,
      }));
    },
    [meta.names],
  );

  /** Puts text in at the caret (or over a range), and the caret after it. */
  function insert(text: string, range?: { start: number; end: number }) {
    const node = element();
    const start = range?.start ?? node?.selectionStart ?? draft.text.length;
    const end = range?.end ?? node?.selectionEnd ?? draft.text.length;
    caretAfter.current = start + text.length;
    setDraft((current) => ({ ...current, text: current.text.slice(0, start) + text + current.text.slice(end), startedAt: current.startedAt ?? nowIso() }));
    setSuggestions(undefined);
  }

  function pickSpeaker(participantId: string | null) {
    setDraft((current) => ({ ...current, speakerId: participantId }));
  }
  const pickSpeakerStable = useCallback((participantId: string | null) => setDraft((current) => ({ ...current, speakerId: participantId })), []);
  const openSpeakerSearch = useCallback(() => setPicker('speaker'), []);

  function setMode(mode: Mode) {
    setDraft((current) => ({ ...current, mode, qaNext: mode === 'qa' && current.mode !== 'qa' ? 'question' : current.qaNext }));
  }

  function commit() {
    const text = draft.text.trim();
    if (!text || meta.locked) return;
    saver.cancel();
    void append({
      hearingId,
      clientId: draft.clientId,
      kind,
      speakerId: draft.speakerId,
      text,
      startedAt: draft.startedAt ?? nowIso(),
      offRecord: draft.offRecord,
    });
    let { speakerId, qaNext } = draft;
    if (draft.mode === 'qa') {
      qaSpeakers.current[draft.qaNext] = draft.speakerId;
      qaNext = draft.qaNext === 'question' ? 'answer' : 'question';
      speakerId = qaSpeakers.current[qaNext] ?? draft.speakerId;
    }
    setDraft({ ...draft, clientId: crypto.randomUUID(), text: '', startedAt: null, offRecord: false, speakerId, qaNext });
    setSuggestions(undefined);
    dismissedAt.current = null;
    setRestoredAt(undefined);
  }

  function accept(name: MinuteName | undefined) {
    if (!suggestions || !name) return;
    insert(name.text, suggestions.token);
    dismissedAt.current = null;
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // While an IME is composing, every key belongs to it: Enter picks a candidate, it does not commit the entry.
    if (event.nativeEvent.isComposing || composing.current || event.keyCode === 229) return;
    const { key, code, shiftKey } = event;
    const alt = event.altKey && !event.ctrlKey && !event.metaKey;
    const ctrl = (event.ctrlKey || event.metaKey) && !event.altKey;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    const handled = () => event.preventDefault();

    if (suggestions && plain && !shiftKey) {
      if (key === 'ArrowDown' || key === 'ArrowUp') {
        handled();
        const count = suggestions.names.length;
        setSuggestions({ ...suggestions, active: (suggestions.active + (key === 'ArrowDown' ? 1 : count - 1)) % count, chosen: true });
        return;
      }
      if (key === 'Tab' || (key === 'Enter' && enterTakes(suggestions))) {
        handled();
        accept(suggestions.names[suggestions.active]);
        return;
      }
      if (key === 'Escape') {
        handled();
        dismissedAt.current = suggestions.token.start;
        setSuggestions(undefined);
        return;
      }
    }

    if (draft.text === '' && plain && !shiftKey) {
      if (key === 'ArrowUp' || (key === 'ArrowDown' && hasSelection)) {
        if (onListKey(key === 'ArrowUp' ? 'up' : 'down')) handled();
        return;
      }
      if (hasSelection) {
        const action: ListKey | undefined =
          key === 'e' || key === 'E' || key === 'F2'
            ? 'edit'
            : key === 'Delete'
              ? 'remove'
              : key === 'h' || key === 'H'
                ? 'history'
                : key === 'Escape'
                  ? 'clear'
                  : undefined;
        if (action) {
          handled();
          onListKey(action);
          return;
        }
        if (key.length === 1) onListKey('clear');
      }
    }

    const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code)?.[1];
    if (alt && digit !== undefined && digit !== '0') {
      handled();
      const chosen = meta.speakers[Number(digit) - 1];
      if (chosen) pickSpeaker(chosen.participantId);
      return;
    }
    if ((alt && digit === '0') || (ctrl && code === 'KeyK')) {
      handled();
      setPicker('speaker');
      return;
    }
    if ((ctrl && code === 'KeyJ') || (alt && code === 'KeyP')) {
      handled();
      setPicker('phrase');
      return;
    }
    if (alt && code === 'KeyI') {
      handled();
      insert(inaudibleMark);
      return;
    }
    if (alt && code === 'KeyO') {
      handled();
      setDraft((current) => ({ ...current, offRecord: !current.offRecord }));
      return;
    }
    if (plain && key === 'Tab' && !shiftKey) {
      handled();
      setMode(draft.mode === 'qa' ? 'speech' : 'qa');
      return;
    }
    if (plain && key === 'Enter' && !shiftKey) {
      handled();
      commit();
    }
  }

  const speakerRole: RoleKind | undefined = speaker?.role;
  const orderedPhrases = useMemo(() => orderPhrases(meta.phrases, stepType, speakerRole), [meta.phrases, stepType, speakerRole]);
  const filled = useCallback(
    (phrase: MinutePhrase) => fillPhrase(phrase.text[language], meta.phraseContext, new Date(), language),
    [language, meta.phraseContext],
  );
  const filterPhrases = useCallback(
    (query: string) => {
      const needle = query.trim().toLowerCase();
      return needle ? orderedPhrases.filter((phrase) => filled(phrase).toLowerCase().includes(needle)) : orderedPhrases;
    },
    [orderedPhrases, filled],
  );
  const filterSpeakers = useCallback(
    (query: string) => meta.speakers.filter((candidate) => speakerMatches(candidate, query, roleName)),
    [meta.speakers, roleName],
  );

  function closePicker() {
    setPicker(undefined);
    focus();
  }

  if (meta.locked) return <Alert type="info" showIcon title={t('composer.locked')} />;

  const qaLabel = kind === 'question' ? t('kind.question') : t('kind.answer');
  const composerClass = ['minutes-composer', focused && 'minutes-composer-focused', draft.offRecord && 'minutes-composer-off'].filter(Boolean).join(' ');

  return (
    <div className="minutes-input-area" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {restoredAt && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setRestoredAt(undefined) }}
          title={t('composer.restored', { time: clockTimeWithSeconds(restoredAt) })}
          data-testid="minutes-restored"
        />
      )}
      <SpeakerBar speakers={meta.speakers} currentId={draft.speakerId} onPick={pickSpeakerStable} onSearch={openSpeakerSearch} />
      <div className={composerClass}>
        {picker === 'speaker' && (
          <QuickPicker<MinuteSpeaker>
            title={t('speakers.search')}
            placeholder={t('speakers.searchPlaceholder')}
            filter={filterSpeakers}
            itemKey={(item) => item.participantId}
            renderItem={(item) => (
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
                <span style={{ color: sideColors[item.side], fontWeight: 500 }}>{item.label}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.initials}
                </Typography.Text>
              </div>
            )}
            empty={t('speakers.none')}
            hint={t('speakers.hint')}
            onPick={(item) => {
              pickSpeaker(item.participantId);
              closePicker();
            }}
            onClose={closePicker}
          />
        )}
        {picker === 'phrase' && (
          <QuickPicker<MinutePhrase>
            title={t('phrases.title')}
            placeholder={t('phrases.placeholder')}
            filter={filterPhrases}
            itemKey={(item) => item.id}
            renderItem={(item) => {
              const fits = phraseFits(item, stepType, speakerRole);
              return (
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
                  <span>{filled(item)}</span>
                  {fits && (
                    <Tag color={fits === 'step' ? 'blue' : 'cyan'} style={{ margin: 0, flex: 'none' }}>
                      {t(fits === 'step' ? 'phrases.fitsStep' : 'phrases.fitsRole')}
                    </Tag>
                  )}
                </div>
              );
            }}
            empty={t('phrases.none')}
            hint={t('phrases.hint')}
            onPick={(item) => {
              insert(filled(item));
              closePicker();
            }}
            onClose={closePicker}
          />
        )}
        {suggestions && !picker && (
          <div className="minutes-suggestions" role="listbox" aria-label={t('names.label')}>
            {suggestions.names.map((name, index) => (
              <div
                key={name.text}
                role="option"
                aria-selected={index === suggestions.active}
                className={index === suggestions.active ? 'minutes-picker-option minutes-picker-option-active' : 'minutes-picker-option'}
                onMouseDown={(event) => {
                  event.preventDefault();
                  accept(name);
                }}
              >
                <span>{name.text}</span>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {name.initials}
                </Typography.Text>
              </div>
            ))}
          </div>
        )}
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 4 }}>
          <Tag
            color={speaker ? sideColors[speaker.side] : undefined}
            style={{ margin: 0, fontSize: 13, maxWidth: 360, overflow: 'hidden', textOverflow: 'ellipsis' }}
            data-testid="minutes-current-speaker"
          >
            {speaker ? speaker.label : t('composer.noSpeaker')}
          </Tag>
          <Segmented<Mode>
            size="small"
            value={draft.mode}
            aria-label={t('composer.mode')}
            onChange={(mode) => {
              setMode(mode);
              focus();
            }}
            options={[
              { value: 'speech', label: t('composer.modes.speech') },
              { value: 'qa', label: t('composer.modes.qa') },
              { value: 'note', label: t('composer.modes.note') },
            ]}
          />
          {draft.mode === 'qa' && (
            <Tag color="geekblue" style={{ margin: 0 }} data-testid="minutes-qa-next">
              {t('composer.qaNext', { kind: qaLabel })}
            </Tag>
          )}
          {draft.offRecord && (
            <Tag icon={<EyeInvisibleOutlined />} color="default" style={{ margin: 0 }}>
              {t('tags.offRecord')}
            </Tag>
          )}
          <span style={{ flex: 1 }} />
          {saver.savedAt?.clientId === draft.clientId && draft.text !== '' && (
            <Tooltip title={t('composer.draftSavedTitle')}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="minutes-draft-saved">
                <CheckCircleOutlined style={{ marginRight: 4 }} />
                {t('composer.draftSaved', { time: clockTimeWithSeconds(saver.savedAt.at) })}
              </Typography.Text>
            </Tooltip>
          )}
        </div>
        <Input.TextArea
          ref={textarea}
          autoFocus
          variant="borderless"
          // The browser sizes the box to its text (CSS field-sizing): antd's autoSize measures a hidden copy on every keystroke.
          className="minutes-composer-input"
          value={draft.text}
          aria-label={t('composer.label')}
          placeholder={draft.mode === 'qa' ? t('composer.placeholderQa', { kind: qaLabel }) : t('composer.placeholder')}
          onChange={(event) => {
            const value = event.target.value;
            setDraft((current) => ({ ...current, text: value, startedAt: value === '' ? null : (current.startedAt ?? nowIso()) }));
            if (event.nativeEvent instanceof InputEvent && event.nativeEvent.isComposing) setSuggestions(undefined);
            else refreshSuggestions(value, event.target.selectionStart);
          }}
          onCompositionStart={() => {
            composing.current = true;
            setSuggestions(undefined);
            if (hasSelection) onListKey('clear');
            // The first keystroke of an entry typed through an IME is the start of its composition.
            setDraft((current) => (current.startedAt ? current : { ...current, startedAt: nowIso() }));
          }}
          onCompositionEnd={(event) => {
            composing.current = false;
            refreshSuggestions(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key))
              refreshSuggestions(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onClick={(event) => refreshSuggestions(event.currentTarget.value, event.currentTarget.selectionStart)}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            setSuggestions(undefined);
          }}
        />
      </div>
      <ShortcutLegend />
    </div>
  );
});
