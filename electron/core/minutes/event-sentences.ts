import type { HearingEventData } from '../record/events.js';

/** How the template calls each role (信访人, 办理机关 …), in the record's language. */
export type RoleNames = (role: string) => string;

function minutesAndSeconds(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}秒`;
  return rest === 0 ? `${minutes}分钟` : `${minutes}分${rest}秒`;
}

function reasonClause(reason: string): string {
  return reason.trim() ? `，理由：${reason.trim()}` : '';
}

/** Ends a sentence with 。 unless the words already end with a full stop. */
function sentence(words: string): string {
  return /[。！？]$/.test(words) ? words : `${words}。`;
}

/**
 * What happened, as the clerk would write it into the 笔录 (domain.md §5):
 * 纪律已宣读, 回避询问及答复, 证据出示 with its number, 质证意见, 休会/复会.
 * The record is kept in Chinese; the wording lives here and nowhere else.
 */
export function eventSentence(event: HearingEventData, roleName: RoleNames): string {
  const person = (role: string, name: string) => `${roleName(role)}${name}`;
  switch (event.kind) {
    case 'attendance.checkedIn':
      return sentence(`${person(event.role, event.name)}${event.late ? '迟到，已到场' : '到场'}`);
    case 'attendance.absent':
      return sentence(
        `${person(event.role, event.name)}未到场（${event.excused ? '有正当理由' : '无正当理由'}${event.reason.trim() ? `：${event.reason.trim()}` : ''}）`,
      );
    case 'attendance.left':
      return sentence(`${person(event.role, event.name)}中途退场`);
    case 'attendance.identityChecked':
      return sentence(`${event.checkedBy}已核对${person(event.role, event.name)}的身份`);
    case 'recusal.applied':
      return sentence(`${event.applicant}申请${person(event.againstRole, event.against)}回避${reasonClause(event.grounds)}`);
    case 'recusal.decided':
      return event.decision === 'granted'
        ? sentence(`经${event.decidedBy}决定，${person(event.againstRole, event.against)}回避${reasonClause(event.reason)}`)
        : sentence(`经${event.decidedBy}决定，驳回对${person(event.againstRole, event.against)}的回避申请${reasonClause(event.reason)}`);
    case 'procedure.started':
      return '听证开始。';
    case 'step.started':
      return `进入“${event.name}”环节。`;
    case 'step.skipped':
      return sentence(`“${event.name}”环节不再进行${reasonClause(event.reason)}`);
    case 'step.added':
      return `增加“${event.name}”环节。`;
    case 'procedure.adjourned':
      return sentence(`主持人宣布休会${reasonClause(event.reason)}`);
    case 'procedure.suspended':
      return sentence(`主持人宣布中止听证${reasonClause(event.reason)}`);
    case 'procedure.postponed':
      return sentence(`主持人宣布延期听证${reasonClause(event.reason)}`);
    case 'procedure.resumed':
      return '复会。';
    case 'procedure.closed':
      return '主持人宣布听证结束。';
    case 'floor.given':
      return sentence(`主持人请${person(event.role, event.name)}发言${event.limitMs > 0 ? `（限时${minutesAndSeconds(event.limitMs)}）` : ''}`);
    case 'floor.ended':
      return sentence(`${event.name}发言结束，用时${minutesAndSeconds(event.spokenMs)}`);
    case 'evidence.submittedLate':
      return sentence(`${event.submitter}当场提交${event.label}：${event.name}`);
    case 'evidence.presented':
      return sentence(`出示${event.label}：${event.name}`);
    case 'evidence.examined':
      return sentence(event.sentence);
    case 'deliberation.announced':
      return sentence(event.text);
  }
}

/** Reads back an event stored as kind + data, for events written before the minutes existed. */
export function storedEvent(kind: string, data: Record<string, unknown>): HearingEventData {
  return { kind, ...data } as HearingEventData;
}
