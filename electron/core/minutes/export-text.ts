import type { MinuteEntry } from '../contract/index.js';
import { formatDate, localDateTime } from '../contract/index.js';
import type { HearingRecord } from '../db/hearings.js';
import type { StepRecord } from '../db/procedure.js';
import type { ParticipantRecord } from '../db/participants.js';
import type { HearingTemplate } from '../templates/schema.js';
import { roleNameIn } from './speakers.js';

/** 9:31 and the day, in the laptop's time zone. */
function localParts(iso: string): { date: string; time: string } {
  const [date = '', time = ''] = localDateTime(iso).split('T');
  return { date: `${date}T00:00`, time: time.replace(/^0(\d)/, '$1') };
}

/** 问：/答： replace the speaker tag in questioning, as the forms write it. */
function tag(entry: MinuteEntry): string {
  if (entry.kind === 'question') return '问：';
  if (entry.kind === 'answer') return '答：';
  if (entry.kind === 'event') return '';
  if (entry.kind === 'note') return '【备注】';
  return entry.speakerLabel ? `${entry.speakerLabel}：` : '';
}

export interface ExportFacts {
  hearing: HearingRecord;
  template: HearingTemplate;
  people: readonly ParticipantRecord[];
  steps: readonly StepRecord[];
  entries: readonly MinuteEntry[];
  exportedAt: Date;
}

/**
 * The minutes as plain text for a paper backup while the laptop runs: the
 * header of domain.md §5 without identity numbers or phone numbers (a
 * backup lies on the table), then every entry under its step, with the time
 * it began. It is not the signed record, and says so.
 */
export function minutesAsText({ hearing, template, people, steps, entries, exportedAt }: ExportFacts): string {
  const roleName = roleNameIn(template);
  const lines = [`${hearing.title}`, '听证笔录（备份稿）', ''];
  if (hearing.matterNo) lines.push(`编号：${hearing.matterNo}`);
  lines.push(`听证机关：${hearing.organizer}`);
  lines.push(`时间：${formatDate(hearing.plannedStart, 'zh-CN')}`);
  lines.push(`地点：${hearing.venue}`);
  lines.push(`方式：${hearing.isPublic ? '公开' : `不公开（${hearing.nonPublicReason}）`}`);
  for (const role of template.roles) {
    const named = people.filter((person) => person.role === role.kind);
    if (named.length === 0 || role.kind === 'observer' || role.kind === 'media') continue;
    const names = named.map((person) => (person.organization && role.kind !== 'chair' ? `${person.name}（${person.organization}）` : person.name));
    lines.push(`${roleName(role.kind)}：${names.join('、')}`);
  }
  const stepNames = new Map(steps.map((step) => [step.id, step.nameZh]));
  let currentStep: string | null | undefined;
  for (const entry of entries) {
    if (entry.stepId !== currentStep) {
      currentStep = entry.stepId;
      lines.push('', `【${(entry.stepId && stepNames.get(entry.stepId)) || '开始前'}】`);
    }
    const offRecord = entry.offRecord ? '（不记入笔录）' : '';
    lines.push(`${localParts(entry.startedAt).time} ${tag(entry)}${offRecord}${entry.text}`);
  }
  if (entries.length === 0) lines.push('', '（尚无笔录内容）');
  const exported = localParts(exportedAt.toISOString());
  lines.push('', `导出时间：${formatDate(exported.date, 'zh-CN')} ${exported.time}。本文件为纸质备份，不是经签名的正式笔录。`, '');
  return lines.join('\n');
}

/** A file name that every file system accepts: 王建平信访事项听证笔录-20261208.txt */
export function exportFileName(hearing: HearingRecord, exportedAt: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${exportedAt.getFullYear()}${pad(exportedAt.getMonth() + 1)}${pad(exportedAt.getDate())}-${pad(exportedAt.getHours())}${pad(exportedAt.getMinutes())}`;
  const title = hearing.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 60);
  return `${title}-听证笔录-${stamp}.txt`;
}
