import { Descriptions, Modal, Typography } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The composer's keys, in the order a clerk meets them; the first ones stay visible under the text box. */
const allKeys = [
  'enter',
  'shiftEnter',
  'altNumber',
  'speakerSearch',
  'tab',
  'phrases',
  'names',
  'inaudible',
  'offRecord',
  'select',
  'edit',
  'remove',
  'history',
  'escape',
] as const;
const visibleKeys = ['enter', 'shiftEnter', 'altNumber', 'speakerSearch', 'tab', 'phrases', 'inaudible', 'offRecord', 'select'] as const;

/** A small line of the composer's keys, and every key in a dialog. */
export const ShortcutLegend = memo(function ShortcutLegend() {
  const { t } = useTranslation('minutes');
  const [open, setOpen] = useState(false);
  return (
    <div className="minutes-legend" aria-label={t('shortcuts.title')}>
      {visibleKeys.map((key) => (
        <span key={key}>
          <kbd>{t(`shortcuts.keys.${key}`)}</kbd>
          {t(`shortcuts.short.${key}`)}
        </span>
      ))}
      <Typography.Link style={{ fontSize: 12 }} onMouseDown={(event) => event.preventDefault()} onClick={() => setOpen(true)}>
        {t('shortcuts.all')}
      </Typography.Link>
      <Modal open={open} title={t('shortcuts.title')} footer={null} onCancel={() => setOpen(false)} width={620}>
        <Descriptions
          column={1}
          bordered
          size="small"
          items={allKeys.map((key) => ({
            key,
            label: <Typography.Text keyboard>{t(`shortcuts.keys.${key}`)}</Typography.Text>,
            children: t(`shortcuts.does.${key}`),
          }))}
        />
      </Modal>
    </div>
  );
});
