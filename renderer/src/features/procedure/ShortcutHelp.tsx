import { Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const keys = ['n', 'f', 'space', 'e', 'question'] as const;

/** The help overlay (?): every shortcut of the console, as its tooltips name them. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('procedure');
  return (
    <Modal open={open} title={t('shortcuts.title')} footer={null} onCancel={onClose}>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={keys.map((key) => ({
          key,
          label: <Typography.Text keyboard>{t(`shortcuts.keys.${key}`)}</Typography.Text>,
          children: t(`shortcuts.does.${key}`),
        }))}
      />
    </Modal>
  );
}
