import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attendance } from '../../../../electron/core/contract/index.js';

const colors = { pending: 'default', present: 'green', late: 'gold', absent: 'red' } as const;

export function AttendanceTag({ attendance }: { attendance: Attendance }) {
  const { t } = useTranslation('participants');
  if (attendance.leftAt) return <Tag color="purple">{t('attendance.left')}</Tag>;
  return <Tag color={colors[attendance.status]}>{t(`attendance.${attendance.status}`)}</Tag>;
}
