import { Alert, Button, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { typedMinuteKinds, type AppErrorData, type MinuteEntry, type MinuteKind, type MinuteSpeaker } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useErrorText } from '../../components/useErrorText.js';

/**
 * The inline correction of one entry: its text, and for typed entries the
 * speaker and kind; off the record or not. Enter saves, Esc cancels. The
 * version it started from goes with the change, so an edit made meanwhile in
 * another window is not overwritten.
 */
export function EntryEditor({ entry, speakers, onDone }: { entry: MinuteEntry; speakers: readonly MinuteSpeaker[]; onDone: () => void }) {
  const { t } = useTranslation('minutes');
  const { describe } = useErrorText();
  const [text, setText] = useState(entry.text);
  const [speakerId, setSpeakerId] = useState(entry.speakerId);
  const [kind, setKind] = useState<MinuteKind>(entry.kind);
  const [offRecord, setOffRecord] = useState(entry.offRecord);
  // The version the clerk began from: if another window changes the entry meanwhile, saving is refused rather than overwriting it.
  const [baseVersion] = useState(entry.version);
  const [error, setError] = useState<AppErrorData>();
  const [empty, setEmpty] = useState(false);
  const [saving, setSaving] = useState(false);
  const composing = useRef(false);
  const form = useRef<HTMLDivElement>(null);
  const typed = entry.kind !== 'event';
  // The speaker may have left the roster since; keep them choosable for this entry.
  const known = speakers.some((speaker) => speaker.participantId === entry.speakerId);

  // Opened on the last rows, the editor would reach below the list: bring all of it into view once it has its size.
  useEffect(() => {
    const frame = window.requestAnimationFrame(() => form.current?.scrollIntoView({ block: 'nearest' }));
    return () => window.cancelAnimationFrame(frame);
  }, []);

  async function save() {
    if (saving) return;
    if (text.trim() === '') {
      setEmpty(true);
      return;
    }
    setSaving(true);
    const result = await api.call('minutes.edit', { entryId: entry.id, expectedVersion: baseVersion, kind, speakerId, text: text.trim(), offRecord });
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing || composing.current || event.keyCode === 229) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  }

  return (
    <Flex ref={form} vertical gap={8} style={{ width: '100%' }} role="form" aria-label={t('edit.title')} onClick={(event) => event.stopPropagation()}>
      <Input.TextArea
        autoFocus
        autoSize={{ minRows: 2, maxRows: 10 }}
        value={text}
        aria-label={t('edit.text')}
        onChange={(event) => {
          setText(event.target.value);
          setEmpty(false);
        }}
        onFocus={(event) => event.currentTarget.setSelectionRange(event.currentTarget.value.length, event.currentTarget.value.length)}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => (composing.current = false)}
        onKeyDown={onKeyDown}
      />
      <Flex gap={12} align="center" wrap>
        {typed && (
          <>
            <Select<string>
              size="small"
              style={{ minWidth: 220 }}
              aria-label={t('edit.speaker')}
              value={speakerId ?? ''}
              onChange={(value) => setSpeakerId(value === '' ? null : value)}
              options={[
                { value: '', label: t('composer.noSpeaker') },
                ...(!known && entry.speakerId ? [{ value: entry.speakerId, label: entry.speakerLabel }] : []),
                ...speakers.map((speaker) => ({ value: speaker.participantId, label: speaker.label })),
              ]}
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Select<MinuteKind>
              size="small"
              style={{ width: 110 }}
              aria-label={t('edit.kind')}
              value={kind}
              onChange={setKind}
              options={typedMinuteKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
            />
          </>
        )}
        <Checkbox checked={offRecord} onChange={(event) => setOffRecord(event.target.checked)}>
          {t('tags.offRecord')}
        </Checkbox>
        <span style={{ flex: 1 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('edit.keys')}
        </Typography.Text>
        <Button size="small" onClick={onDone}>
          {t('edit.cancel')}
        </Button>
        <Button size="small" type="primary" loading={saving} onClick={() => void save()}>
          {t('edit.save')}
        </Button>
      </Flex>
      {empty && <Alert type="error" showIcon role="alert" title={t('edit.empty')} />}
      {error && <Alert type="error" showIcon role="alert" title={describe(error)} />}
    </Flex>
  );
}
