import { SearchOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MinuteSpeaker, Side } from '../../../../electron/core/contract/index.js';

/** The tag colours of the room's sides: the bench blue, the petitioner's side amber, the agency green. */
export const sideColors: Record<Side, string> = {
  presiding: '#1f4e9c',
  panel: '#1f4e9c',
  record: '#1f4e9c',
  petitioner: '#ad4e00',
  agency: '#237804',
  third: '#531dab',
  public: '#595959',
};

/** The bench is named by office (主持人, 记录员), everyone else by name: the colour tells the side, the tooltip the full tag. */
function chipText(speaker: MinuteSpeaker): string {
  return speaker.label.includes(speaker.name) ? speaker.name : speaker.label;
}

/** Who is speaking: numbered 1…9 for Alt+1…9, the current speaker highlighted; anyone through the search (Alt+0). */
export const SpeakerBar = memo(function SpeakerBar({
  speakers,
  currentId,
  onPick,
  onSearch,
}: {
  speakers: readonly MinuteSpeaker[];
  currentId: string | null;
  onPick: (participantId: string | null) => void;
  onSearch: () => void;
}) {
  const { t } = useTranslation('minutes');

  return (
    <div className="minutes-speaker-bar" role="toolbar" aria-label={t('speakers.bar')}>
      <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 13 }}>
        {t('speakers.bar')}
      </Typography.Text>
      {speakers.map((speaker, index) => {
        const current = speaker.participantId === currentId;
        const shortcut = index < 9 ? t('speakers.shortcut', { number: index + 1 }) : '';
        return (
          <Tooltip
            key={speaker.participantId}
            title={shortcut ? t('speakers.chipTitle', { label: speaker.label, shortcut }) : speaker.label}
            mouseEnterDelay={0.6}
          >
            <button
              type="button"
              tabIndex={-1}
              className={current ? 'minutes-speaker minutes-speaker-current' : 'minutes-speaker'}
              aria-pressed={current}
              data-speaker={speaker.participantId}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(current ? null : speaker.participantId)}
              style={current ? undefined : { color: sideColors[speaker.side] }}
            >
              {index < 9 && <span className="minutes-speaker-number">{index + 1}</span>}
              <span className="minutes-speaker-label">{chipText(speaker)}</span>
            </button>
          </Tooltip>
        );
      })}
      <Tooltip title={t('speakers.searchTitle')}>
        <Button
          size="small"
          type="text"
          tabIndex={-1}
          icon={<SearchOutlined />}
          aria-label={t('speakers.search')}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onSearch}
        />
      </Tooltip>
    </div>
  );
});
