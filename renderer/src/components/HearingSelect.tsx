import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hearing } from '../../../electron/core/contract/index.js';

type Props = Omit<SelectProps<string | undefined>, 'options' | 'onChange' | 'value'> & {
  hearings: readonly Hearing[] | undefined;
  value: string | undefined;
  onChange(hearingId: string | undefined): void;
};

/** Narrows a screen to one hearing, found by title or 事项编号; cleared, it means all hearings. */
export function HearingSelect({ hearings, value, onChange, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Select<string | undefined>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('hearingSelect.all')}
      value={value}
      onChange={(next) => onChange(next)}
      loading={hearings === undefined}
      options={(hearings ?? []).map((hearing) => ({
        value: hearing.id,
        label: hearing.matterNo ? t('hearingSelect.option', { title: hearing.title, matterNo: hearing.matterNo }) : hearing.title,
      }))}
      {...props}
    />
  );
}
