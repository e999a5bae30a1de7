import type { DeliberationView, ProcedureView } from '../../../electron/core/contract/index.js';
import type { ReadyHearing } from './hearing.js';

export const panelOfWang = ['黄志刚', '梁秀英', '韦建国', '覃丽华', '陆海峰'];

/** What 韦建国 wrote against the majority on the first request: the 评议笔录 must keep it word for word, nothing else may show it. */
export const dissentOfWei = '评估机构系双方共同选定，程序合法；房屋面积以不动产登记簿为准，信访人所称“漏算阁楼12平方米”缺乏证据，不应重新核定。';

const minute = 60_000;

/** Runs the agenda up to the first step of a type, five minutes a step, so every step has its own times. */
export async function advanceTo({ core, hearing, clock }: ReadyHearing, type: string): Promise<ProcedureView> {
  let view = await core.ok('procedure.view', { hearingId: hearing.id });
  if (view.state === 'notStarted') view = await core.ok('procedure.start', { hearingId: hearing.id });
  while (view.steps.find((step) => step.id === view.currentStepId)?.type !== type) {
    clock.advance(5 * minute);
    view = await core.ok('procedure.next', { hearingId: hearing.id });
  }
  return view;
}

/** Every member of the panel votes `outcomes[i]` on one request, with reasons of their own. */
export async function voteAll(
  setup: ReadyHearing,
  requestId: string,
  outcomes: readonly string[],
  reasons: Record<string, string> = {},
): Promise<DeliberationView> {
  let view: DeliberationView | undefined;
  for (const [index, outcome] of outcomes.entries()) {
    const name = panelOfWang[index] as string;
    view = await setup.core.ok('deliberation.vote', {
      hearingId: setup.hearing.id,
      requestId,
      memberId: setup.people[name]?.id as string,
      outcome,
      reasons: reasons[name] ?? (outcome === 'support' ? '评估程序存在瑕疵，应予重新核定。' : '处理意见符合规定。'),
    });
  }
  return view as DeliberationView;
}

/**
 * The 王建平 hearing taken through to the end: three exhibits registered and
 * found on (采信, 不采信, 部分采信), the 辩论 step skipped with a reason, a
 * blind vote — 3:2 for the first request with 韦建国's dissent, unanimous on
 * the others — closed, announced on the spot, and the petitioner's rating.
 */
export async function deliberatedHearing(setup: ReadyHearing, options: { satisfaction?: boolean } = {}): Promise<DeliberationView> {
  const { core, hearing, people, clock } = setup;
  const hearingId = hearing.id;
  const exhibit = (submitter: string, name: string, pages: number) =>
    core.ok('evidence.add', { hearingId, submitterId: people[submitter]?.id as string, name, form: 'documentary', pages });
  const deed = await exhibit('王建平', '房屋所有权证复印件', 2);
  const photos = await exhibit('王建平', '阁楼现场照片', 6);
  const decision = await exhibit('陈立新', '东城街道房屋征收补偿决定书', 4);

  const started = await core.ok('procedure.start', { hearingId });
  const debate = started.steps.find((step) => step.type === 'debate');
  await core.ok('agenda.skip', { hearingId, stepId: debate?.id as string, reason: '双方争议焦点已在质证中充分陈述' });

  await advanceTo(setup, 'evidence');
  await core.ok('evidence.examine', {
    exhibitId: photos.id,
    examinerId: people['陈立新']?.id as string,
    authenticity: 'objection',
    legality: 'none',
    relevance: 'objection',
  });
  await core.ok('evidence.find', { exhibitId: deed.id, finding: 'admitted', reasons: '原件与复印件核对一致' });
  await core.ok('evidence.find', { exhibitId: photos.id, finding: 'rejected', reasons: '拍摄时间无法确认' });
  await core.ok('evidence.find', { exhibitId: decision.id, finding: 'partial', reasons: '补偿依据部分成立' });

  await advanceTo(setup, 'deliberation');
  clock.advance(minute);
  let view = await core.ok('deliberation.open', { hearingId, ballot: 'blind' });
  const [first, second, third] = view.requests.map((request) => request.requestId) as [string, string, string];
  await voteAll(setup, first, ['support', 'support', 'reject', 'support', 'reject'], { 韦建国: dissentOfWei });
  await voteAll(setup, second, ['support', 'support', 'support', 'support', 'support']);
  await voteAll(setup, third, ['reject', 'reject', 'reject', 'reject', 'reject']);
  clock.advance(20 * minute);
  await core.ok('deliberation.close', { hearingId });
  view = await core.ok('deliberation.announce', { hearingId, manner: 'onSpot' });
  if (options.satisfaction !== false) {
    view = await core.ok('satisfaction.record', {
      hearingId,
      rating: 'basicallySatisfied',
      reason: '',
      enteredBy: 'petitioner',
      acceptsConclusion: 'yes',
    });
  }
  return view;
}
