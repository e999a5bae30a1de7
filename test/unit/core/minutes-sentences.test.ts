import { describe, expect, it } from 'vitest';
import { eventSentence } from '../../../electron/core/minutes/event-sentences.js';
import type { HearingEventData } from '../../../electron/core/record/events.js';

const roleNames: Record<string, string> = { chair: '主持人', panel: '听证员', clerk: '记录员', party: '信访人', agency: '办理机关', representative: '代表人' };
const roleName = (role: string) => roleNames[role] ?? role;

const cases: Array<[HearingEventData, string]> = [
  [{ kind: 'attendance.checkedIn', participantId: 'p', name: '王建平', role: 'party', late: false }, '信访人王建平到场。'],
  [{ kind: 'attendance.checkedIn', participantId: 'p', name: '王建平', role: 'party', late: true }, '信访人王建平迟到，已到场。'],
  [
    { kind: 'attendance.absent', participantId: 'p', name: '陈桂兰', role: 'representative', reason: '住院治疗', excused: true },
    '代表人陈桂兰未到场（有正当理由：住院治疗）。',
  ],
  [{ kind: 'attendance.left', participantId: 'p', name: '王建平', role: 'party' }, '信访人王建平中途退场。'],
  [{ kind: 'attendance.identityChecked', participantId: 'p', name: '王建平', role: 'party', checkedBy: '赵敏' }, '赵敏已核对信访人王建平的身份。'],
  [
    { kind: 'recusal.applied', recusalId: 'r', applicant: '王建平', against: '韦建国', againstRole: 'panel', grounds: '曾担任征收办法律顾问' },
    '王建平申请听证员韦建国回避，理由：曾担任征收办法律顾问。',
  ],
  [
    {
      kind: 'recusal.decided',
      recusalId: 'r',
      against: '韦建国',
      againstRole: 'panel',
      decision: 'granted',
      decidedBy: '主持人刘明远',
      reason: '存在利害关系',
    },
    '经主持人刘明远决定，听证员韦建国回避，理由：存在利害关系。',
  ],
  [
    {
      kind: 'recusal.decided',
      recusalId: 'r',
      against: '赵敏',
      againstRole: 'clerk',
      decision: 'refused',
      decidedBy: '主持人刘明远',
      reason: '申请理由不成立',
    },
    '经主持人刘明远决定，驳回对记录员赵敏的回避申请，理由：申请理由不成立。',
  ],
  [{ kind: 'procedure.started' }, '听证开始。'],
  [{ kind: 'step.started', stepId: 's', name: '举证质证', nameEn: 'Evidence', type: 'evidence', deliberation: false }, '进入“举证质证”环节。'],
  [{ kind: 'step.skipped', stepId: 's', name: '宣布不公开理由', nameEn: '', reason: '本案公开听证' }, '“宣布不公开理由”环节不再进行，理由：本案公开听证。'],
  [{ kind: 'step.added', stepId: 's', name: '现场勘验情况说明' }, '增加“现场勘验情况说明”环节。'],
  [{ kind: 'procedure.adjourned', reason: '' }, '主持人宣布休会。'],
  [{ kind: 'procedure.suspended', reason: '主持人回避，待指定新的主持人' }, '主持人宣布中止听证，理由：主持人回避，待指定新的主持人。'],
  [{ kind: 'procedure.postponed', reason: '需补充调取评估底稿' }, '主持人宣布延期听证，理由：需补充调取评估底稿。'],
  [{ kind: 'procedure.resumed' }, '复会。'],
  [{ kind: 'procedure.closed' }, '主持人宣布听证结束。'],
  [
    { kind: 'floor.given', participantId: 'p', name: '王建平', role: 'party', side: 'petitioner', limitMs: 600_000 },
    '主持人请信访人王建平发言（限时10分钟）。',
  ],
  [{ kind: 'floor.ended', participantId: 'p', name: '王建平', spokenMs: 452_000 }, '王建平发言结束，用时7分32秒。'],
  [
    { kind: 'evidence.submittedLate', exhibitId: 'e', label: '信访人证据4', labelEn: '', name: '邻居房屋补偿协议复印件', submitter: '王建平' },
    '王建平当场提交信访人证据4：邻居房屋补偿协议复印件。',
  ],
  [{ kind: 'evidence.presented', exhibitId: 'e', label: '信访人证据3', labelEn: '', name: '房屋现状照片' }, '出示信访人证据3：房屋现状照片。'],
  [
    { kind: 'evidence.examined', exhibitId: 'e', sentence: '办理机关对信访人证据3的真实性、合法性无异议，对关联性有异议。', sentenceEn: '' },
    '办理机关对信访人证据3的真实性、合法性无异议，对关联性有异议。',
  ],
];

describe('the standard sentences the minutes write for what happened in the room', () => {
  it.each(cases)('%o reads “%s”', (event, expected) => {
    expect(eventSentence(event, roleName)).toBe(expected);
  });
});
