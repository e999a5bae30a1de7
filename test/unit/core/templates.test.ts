import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadTemplates } from '../../../electron/core/templates/load.js';
import { scriptPlaceholders, type HearingTemplate, type RoleKind, type templateSchema } from '../../../electron/core/templates/schema.js';
import { resourcesDir, tempDir } from '../support/core.js';

type RawTemplate = z.input<typeof templateSchema>;

const bundled = join(resourcesDir, 'templates');

function folderWith(files: Record<string, string>): string {
  const dir = tempDir('hearing-desk-templates-');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(bundled, 'petition.json'), join(dir, 'petition.json'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The shipped petition template under another id, changed by `edit`: a fixture that is valid except for what the test breaks. */
function petitionVariant(edit: (template: RawTemplate) => void): string {
  const template = JSON.parse(readFileSync(join(bundled, 'petition.json'), 'utf8')) as RawTemplate;
  template.id = 'variant';
  template.isDefault = false;
  edit(template);
  return JSON.stringify(template);
}

function loadVariant(edit: (template: RawTemplate) => void) {
  return loadTemplates(folderWith({ 'variant.json': petitionVariant(edit) }));
}

function shipped(id: string): HearingTemplate {
  const template = loadTemplates(bundled).templates.find((each) => each.id === id);
  if (!template) throw new Error(`no bundled template "${id}"`);
  return template;
}

function roleOf(template: HearingTemplate, kind: RoleKind) {
  return template.roles.find((role) => role.kind === kind);
}

describe('hearing templates', () => {
  it('ships the five hearing types with 信访听证 first and as the default', () => {
    const { templates, problems } = loadTemplates(bundled);
    expect(problems).toEqual([]);
    expect(templates.map((template) => template.name['zh-CN'])).toEqual(['信访听证', '行政处罚听证', '征收补偿方案听证', '价格听证', '检察听证']);
    expect(templates.filter((template) => template.isDefault).map((template) => template.id)).toEqual(['petition']);
  });

  it('reports a broken template by file and field and keeps the others', () => {
    const dir = folderWith({
      'broken.json': petitionVariant((template) => {
        template.id = 'broken';
        template.name = { 'zh-CN': '残缺模板' } as RawTemplate['name'];
      }),
    });
    const { templates, problems } = loadTemplates(dir);
    expect(templates.map((template) => template.id)).toEqual(['petition']);
    expect(problems).toEqual([expect.objectContaining({ file: 'broken.json', field: 'name.en' })]);
  });

  it('reports a file that is not JSON', () => {
    const { problems } = loadTemplates(folderWith({ 'half.json': '{ "id": "half", ' }));
    expect(problems).toEqual([expect.objectContaining({ file: 'half.json', field: '' })]);
  });

  it('refuses a second template with the same id', () => {
    const { templates, problems } = loadTemplates(
      folderWith({
        'zz-copy.json': petitionVariant((template) => {
          template.id = 'petition';
          template.name = { 'zh-CN': '副本', en: 'Copy' };
        }),
      }),
    );
    expect(templates).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: 'zz-copy.json', field: 'id' })]);
  });

  it('gives the signer the standard closing sentence when a template names none', () => {
    const { templates, problems } = loadVariant((template) => delete template.closingSentence);
    expect(problems).toEqual([]);
    expect(templates.find((template) => template.id === 'variant')?.closingSentence['zh-CN']).toBe('以上笔录我已看过（向我宣读过），与我所说的相符。');
  });
});

describe('the petition template follows domain.md', () => {
  const petition = shipped('petition');

  it('runs the seventeen steps of §3 in order, with only the non-public notice optional', () => {
    expect(petition.agenda.map((step) => step.type)).toEqual([
      'checkIn',
      'discipline',
      'opening',
      'introductions',
      'rights',
      'recusal',
      'nonPublicNotice',
      'partyStatement',
      'agencyStatement',
      'evidence',
      'debate',
      'questions',
      'finalStatements',
      'deliberation',
      'resumption',
      'readBack',
      'closing',
    ]);
    expect(petition.agenda.filter((step) => step.optional).map((step) => step.type)).toEqual(['nonPublicNotice']);
  });

  it('calls the party 信访人 and seats one presiding officer and one clerk', () => {
    expect(roleOf(petition, 'party')).toMatchObject({ name: { 'zh-CN': '信访人' }, side: 'petitioner', min: 1 });
    expect(roleOf(petition, 'chair')).toMatchObject({ min: 1, max: 1 });
    expect(roleOf(petition, 'clerk')).toMatchObject({ min: 1, max: 1 });
    expect(roleOf(petition, 'agency')).toMatchObject({ name: { 'zh-CN': '办理机关' }, min: 1 });
  });

  it('allows at most 5 representatives and 2 agents per party, and an odd panel of at least 3', () => {
    expect(roleOf(petition, 'representative')).toMatchObject({ max: 5 });
    expect(roleOf(petition, 'agent')).toMatchObject({ maxPerParty: 2 });
    expect(roleOf(petition, 'panel')).toMatchObject({ min: 3, odd: true });
  });

  it('keeps observers and the press silent', () => {
    expect(petition.roles.filter((role) => !role.speaks).map((role) => role.kind)).toEqual(['observer', 'media']);
  });

  it('reads the discipline of §3 step 1 aloud', () => {
    const discipline = petition.agenda.find((step) => step.type === 'discipline')?.script['zh-CN'];
    for (const rule of ['经主持人许可后方可发言', '手机', '不得录音、录像', '旁听人员不得发言', '警告', '退出听证会场']) {
      expect(discipline).toContain(rule);
    }
  });

  it('asks about recusal of the presiding officer, the panel and the clerk', () => {
    expect(petition.agenda.find((step) => step.type === 'recusal')?.script['zh-CN']).toContain('是否申请主持人、听证员、记录员回避');
  });

  it('gives notice 7 days ahead, decides within 5 working days, sits within 30 and serves the conclusion in 10 or 20', () => {
    expect(petition.deadlines).toEqual({
      noticeBeforeHearing: { days: 7, unit: 'calendar' },
      decideAfterApplication: { days: 5, unit: 'working' },
      holdAfterApplication: { days: 30, unit: 'calendar' },
      serveConclusionOnSpot: { days: 10, unit: 'calendar' },
      serveConclusionLater: { days: 20, unit: 'calendar' },
    });
    expect(petition.speakingMinutes).toBe(3);
  });

  it('has the full panel vote on the three outcomes of 信访工作条例 art. 32', () => {
    expect(petition.deliberation).toEqual({
      mode: 'vote',
      outcomes: [
        { id: 'support', name: { 'zh-CN': '予以支持', en: 'Supported' } },
        { id: 'explain', name: { 'zh-CN': '作出解释说明', en: 'Explanation given' } },
        { id: 'reject', name: { 'zh-CN': '不予支持', en: 'Not supported' } },
      ],
      quorum: { minMembers: 3, odd: true, allPresent: true },
      tieRule: 'chairDecides',
      abstentionAllowed: false,
      partialName: { 'zh-CN': '部分支持', en: 'Partly supported' },
    });
    expect(petition.satisfactionScale.map((level) => level.name['zh-CN'])).toEqual(['满意', '基本满意', '不满意']);
  });

  it('produces every document of §8, the 评议笔录 included', () => {
    expect(petition.documents).toEqual([
      'notice',
      'announcement',
      'signInSheet',
      'discipline',
      'record',
      'evidenceList',
      'deliberationRecord',
      'report',
      'conclusion',
    ]);
  });

  it('closes the record with the sentence of §5', () => {
    expect(petition.closingSentence['zh-CN']).toBe('以上笔录我已看过（向我宣读过），与我所说的相符。');
  });
});

describe('the other hearing types', () => {
  const stepIds = (template: HearingTemplate) => template.agenda.map((step) => step.id);

  it('administrative penalty: the investigators state the case before the party answers', () => {
    const penalty = shipped('administrative-penalty');
    const types = penalty.agenda.map((step) => step.type);
    expect(types.indexOf('agencyStatement')).toBeGreaterThan(-1);
    expect(types.indexOf('agencyStatement')).toBeLessThan(types.indexOf('partyStatement'));
    expect(roleOf(penalty, 'agency')?.name['zh-CN']).toBe('案件调查人员');
    expect(roleOf(penalty, 'party')?.name['zh-CN']).toBe('当事人');
    expect(roleOf(penalty, 'agent')?.maxPerParty).toBe(2);
    expect(roleOf(penalty, 'panel')).toMatchObject({ min: 0, odd: true });
    expect(penalty.deadlines.noticeBeforeHearing).toEqual({ days: 7, unit: 'calendar' });
    expect(penalty.deliberation).toMatchObject({ mode: 'report', outcomes: [] });
    expect(penalty.documents).not.toContain('deliberationRecord');
  });

  it('procuratorate: the seven steps of the 2020 规定 in order, the panel advising', () => {
    const procuratorate = shipped('procuratorate');
    const seven = ['caseIntro', 'partyStatement', 'questions', 'deliberation', 'resumption', 'finalStatements', 'summary'];
    expect(stepIds(procuratorate).filter((id) => seven.includes(id))).toEqual(seven);
    expect(procuratorate.agenda.filter((step) => seven.includes(step.id)).map((step) => step.type)).toEqual([
      'agencyStatement',
      'partyStatement',
      'questions',
      'deliberation',
      'resumption',
      'finalStatements',
      'other',
    ]);
    expect(roleOf(procuratorate, 'agency')?.name['zh-CN']).toBe('承办检察官');
    expect(roleOf(procuratorate, 'panel')).toMatchObject({ name: { 'zh-CN': '听证员' }, min: 3, odd: true });
    expect(procuratorate.deliberation.mode).toBe('discussion');
    expect(procuratorate.deliberation.outcomes.map((outcome) => outcome.name['zh-CN'])).toEqual(['同意', '部分同意', '不同意']);
    expect(procuratorate.deadlines.noticeBeforeHearing).toEqual({ days: 3, unit: 'calendar' });
  });

  it('pricing: the pricing authority presents its plan to 听证会参加人 and 听证人 report without a vote', () => {
    const pricing = shipped('pricing');
    expect(roleOf(pricing, 'party')?.name['zh-CN']).toBe('听证会参加人');
    expect(roleOf(pricing, 'panel')?.name['zh-CN']).toBe('听证人');
    expect(roleOf(pricing, 'agency')?.name['zh-CN']).toBe('定价机关');
    expect(pricing.deliberation).toMatchObject({ mode: 'report', outcomes: [] });
    expect(pricing.agenda.some((step) => step.type === 'deliberation')).toBe(false);
    expect(pricing.deadlines.noticeBeforeHearing).toEqual({ days: 30, unit: 'calendar' });
  });

  it('expropriation compensation: owners and public representatives heard by the government, which revises the plan', () => {
    const expropriation = shipped('expropriation-compensation');
    expect(roleOf(expropriation, 'party')?.name['zh-CN']).toBe('被征收人代表');
    expect(roleOf(expropriation, 'agency')?.name['zh-CN']).toBe('房屋征收部门');
    expect(roleOf(expropriation, 'representative')?.max).toBe(15);
    expect(expropriation.deliberation).toMatchObject({ mode: 'report', outcomes: [] });
    expect(expropriation.deadlines.noticeBeforeHearing).toEqual({ days: 7, unit: 'calendar' });
  });
});

describe('presiding officer scripts', () => {
  it('use only the known placeholders, in both languages, in every shipped template', () => {
    const used = new Set<string>();
    for (const template of loadTemplates(bundled).templates) {
      for (const step of template.agenda) {
        for (const text of [step.script['zh-CN'], step.script.en]) {
          for (const [, name] of text.matchAll(/\{\{(.*?)\}\}/g)) used.add(name ?? '');
        }
      }
    }
    expect([...used].filter((name) => !(scriptPlaceholders as readonly string[]).includes(name))).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });

  it('reports an unknown placeholder at the script that uses it', () => {
    const { templates, problems } = loadVariant((template) => {
      const opening = template.agenda[2];
      if (opening) opening.script.en += ' Presided over by {{unknown}}.';
    });
    expect(templates.map((template) => template.id)).toEqual(['petition']);
    expect(problems).toEqual([{ file: 'variant.json', field: 'agenda.2.script.en', message: expect.stringContaining('{{unknown}}') }]);
  });

  it('reports a placeholder left unclosed', () => {
    const { problems } = loadVariant((template) => {
      const opening = template.agenda[2];
      if (opening) opening.script['zh-CN'] += '{{title';
    });
    expect(problems).toEqual([expect.objectContaining({ file: 'variant.json', field: 'agenda.2.script.zh-CN' })]);
  });
});

describe('template validation', () => {
  it('reports a role whose max is below its min', () => {
    const { problems } = loadVariant((template) => {
      const panel = template.roles.find((role) => role.kind === 'panel');
      if (panel) panel.max = 1;
    });
    expect(problems).toEqual([expect.objectContaining({ file: 'variant.json', field: 'roles.1.max' })]);
  });

  it('reports an even minimum for a panel that must be odd', () => {
    const { problems } = loadVariant((template) => {
      const panel = template.roles.find((role) => role.kind === 'panel');
      if (panel) panel.min = 4;
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'roles.1.min' })]);
  });

  it('reports a role seated on the wrong side of the room', () => {
    const { problems } = loadVariant((template) => {
      const agent = template.roles.find((role) => role.kind === 'agent');
      if (agent) agent.side = 'agency';
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'roles.5.side' })]);
  });

  it('requires a presiding officer and a clerk who must be present', () => {
    const { problems } = loadVariant((template) => {
      template.roles = template.roles.filter((role) => role.kind !== 'chair');
      const clerk = template.roles.find((role) => role.kind === 'clerk');
      if (clerk) clerk.min = 0;
    });
    expect(problems).toEqual([
      expect.objectContaining({ field: 'roles.1.min', message: expect.stringContaining('clerk') }),
      expect.objectContaining({ field: 'roles', message: expect.stringContaining('chair') }),
    ]);
  });

  it('reports a role kind listed twice', () => {
    const { problems } = loadVariant((template) => {
      const witness = template.roles.find((role) => role.kind === 'witness');
      if (witness) template.roles.push({ ...witness });
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'roles.13.kind' })]);
  });

  it('reports a step id used twice', () => {
    const { problems } = loadVariant((template) => {
      const debate = template.agenda.find((step) => step.id === 'debate');
      if (debate) debate.id = 'evidence';
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'agenda.10.id' })]);
  });

  it('reports a step that gives the floor to a side where nobody may speak', () => {
    const { problems } = loadVariant((template) => {
      template.agenda[0]?.speakerSides.push('public');
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'agenda.0.speakerSides.1', message: expect.stringContaining('public') })]);
  });

  it('refuses a vote with a single outcome', () => {
    const { problems } = loadVariant((template) => {
      template.deliberation.outcomes = template.deliberation.outcomes.slice(0, 1);
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'deliberation.outcomes' })]);
  });

  it('refuses a vote by a panel too small to reach its quorum', () => {
    const { problems } = loadVariant((template) => {
      template.deliberation.quorum.minMembers = 11;
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'deliberation.quorum.minMembers' })]);
  });

  it('reports a document listed twice', () => {
    const { problems } = loadVariant((template) => {
      template.documents.push('record');
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'documents.9' })]);
  });

  it('counts deadlines only in calendar or working days', () => {
    const { problems } = loadVariant((template) => {
      template.deadlines.noticeBeforeHearing = { days: 7, unit: 'weeks' } as unknown as RawTemplate['deadlines']['noticeBeforeHearing'];
    });
    expect(problems).toEqual([expect.objectContaining({ field: 'deadlines.noticeBeforeHearing.unit' })]);
  });
});
