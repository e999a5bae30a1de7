import { AuditOutlined } from '@ant-design/icons';
import { Button, Popover, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../components/useLanguage.js';
import { ExaminationDialog } from '../evidence/ExaminationDialog.js';
import { useExhibits } from '../evidence/useEvidence.js';
import { useParticipants } from '../participants/useParticipants.js';
import { useDisplay } from '../procedure/useProcedure.js';

/**
 * 质证 from the minutes screen: the clerk picks the exhibit (the one on the
 * display is offered first) and enters the opposing side's opinion without
 * leaving the record; the opinion's sentence then arrives in the minutes.
 * The register is loaded only when asked for, so opening the minutes does
 * not wait for it.
 */
export function MinutesExamine({ hearingId, disabled }: { hearingId: string; disabled: boolean }) {
  const { t } = useTranslation('minutes');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<AuditOutlined />} disabled={disabled} onClick={() => setOpen(true)}>
        {t('examine.button')}
      </Button>
      {open && <ExaminePicker hearingId={hearingId} onDone={() => setOpen(false)} />}
    </>
  );
}

function ExaminePicker({ hearingId, onDone }: { hearingId: string; onDone: () => void }) {
  const { t } = useTranslation('minutes');
  const language = useLanguage();
  const { data: exhibits } = useExhibits(hearingId);
  const { data: roster } = useParticipants(hearingId);
  const { data: display } = useDisplay(hearingId);
  const [exhibitId, setExhibitId] = useState<string>();
  const shown = display?.exhibit ? exhibits?.find((exhibit) => exhibit.label[language] === display.exhibit?.label[language]) : undefined;
  const chosen = exhibits?.find((exhibit) => exhibit.id === exhibitId);
  const ordered = [...(shown ? [shown] : []), ...(exhibits ?? []).filter((exhibit) => exhibit.id !== shown?.id)];

  if (chosen && roster) return <ExaminationDialog hearingId={hearingId} exhibit={chosen} participants={roster.participants} onClose={onDone} />;

  const picker = (
    <div style={{ width: 320 }}>
      {exhibits && exhibits.length === 0 ? (
        <Typography.Text type="secondary">{t('examine.none')}</Typography.Text>
      ) : (
        <Select
          autoFocus
          defaultOpen
          showSearch
          loading={!exhibits}
          optionFilterProp="label"
          aria-label={t('examine.exhibit')}
          placeholder={t('examine.exhibit')}
          style={{ width: '100%' }}
          options={ordered.map((exhibit) => ({
            value: exhibit.id,
            label: `${exhibit.label[language]} ${exhibit.name}${exhibit.id === shown?.id ? t('examine.onDisplay') : ''}`,
          }))}
          onSelect={(value: string) => setExhibitId(value)}
        />
      )}
    </div>
  );

  return (
    <Popover open onOpenChange={(next) => !next && onDone()} trigger="click" content={picker} title={t('examine.title')} placement="bottomLeft">
      <span />
    </Popover>
  );
}
