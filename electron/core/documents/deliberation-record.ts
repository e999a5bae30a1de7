import { Footer, PageNumber, TextRun, type Document, type Paragraph } from 'docx';
import type { BallotMode, BallotSource, Language, LocalizedText, RequestDecision } from '../contract/index.js';
import { formatDate, formatTimeRange } from '../contract/index.js';
import { matterIdentity, officeTitle, packDocumentOn, pageSection, styledDocument } from './compose.js';
import { bodyParagraph, fieldParagraph, footerParagraph, heading1Paragraph, heading2Paragraph, linesOf, run, type TypographyOptions } from './typography.js';

/**
 * The 评议笔录 (domain.md §6): the panel's own record of its deliberation,
 * never part of the parties' record. Every member's vote with their reasons,
 * the tally, the outcome and the dissent word for word, then the members'
 * and the clerk's signatures. Built from plain data, like the 听证笔录.
 */

export interface NamedOutcome {
  id: string;
  name: LocalizedText;
}

export interface MemberVote {
  member: string;
  /** Null: the member did not vote. */
  outcome: string | null;
  reasons: string;
  enteredBy: BallotSource;
}

export interface DeliberatedRequest {
  position: number;
  text: string;
  /** One per entitled member, in the panel's order. */
  votes: readonly MemberVote[];
  counts: readonly { outcome: string; votes: number }[];
  decision: RequestDecision;
  dissent: readonly { member: string; outcome: string; reasons: string }[];
}

export interface DeliberationRecordData {
  matter: string;
  matterNo: string;
  organizer: string;
  venue: string;
  /** Local date-times, `2026-12-08T11:02`; closedAt null while the session is open. */
  openedAt: string;
  closedAt: string | null;
  chair: string;
  clerk: string;
  /** The entitled members, frozen when the session opened. */
  members: readonly { name: string; organization?: string }[];
  mode: 'vote' | 'discussion' | 'report';
  ballot: BallotMode;
  outcomes: readonly NamedOutcome[];
  requests: readonly DeliberatedRequest[];
  /** Votes (or, in report mode, reports) still missing. */
  missingVotes: number;
  closeReason: string;
  /** 检察: the 听证员代表's statement and the decision taken on it. */
  representative: { name: string; statement: string } | null;
  finalDecision: { outcome: string; reason: string } | null;
  /** 价格: each member's report; null where none was written. */
  reports: readonly { member: string; text: string | null }[];
  conclusion: LocalizedText | null;
}

export interface DeliberationRecordOptions extends TypographyOptions {
  language?: Language;
  /** The office's name (a setting), printed above the title. */
  officeName?: string;
}

const labels = {
  'zh-CN': {
    title: '评议笔录',
    matter: '事由',
    matterNo: '编号',
    time: '评议时间',
    openSince: (from: string) => `${formatDate(from, 'zh-CN')}起（评议尚未结束）`,
    venue: '评议地点',
    chair: '主持人',
    members: '参加评议的听证员',
    clerk: '记录员',
    mode: '评议方式',
    modes: { vote: '表决', discussion: '讨论后由听证员代表发表意见', report: '听证人分别出具书面报告' },
    ballot: '表决方式',
    ballots: { blind: '背靠背表决（全部表决后揭晓）', open: '公开表决' },
    requestsHeading: '一、逐项评议情况',
    request: (position: number, text: string) => `（${chineseNumber(position)}）诉求${position}：${text}`,
    vote: (member: string, outcome: string) => `${member}：${outcome}。理由：`,
    noVote: (member: string) => `${member}：未表决。`,
    byClerk: '（书面表决，由记录员录入）',
    tally: '表决结果：',
    count: (outcome: string, votes: number) => `${outcome}${votes}票`,
    majority: (outcome: string) => `评议意见：按多数意见，${outcome}。`,
    chairDecided: (outcome: string) => `评议意见：表决未形成多数意见，主持人决定${outcome}。理由：`,
    undecided: {
      tie: '评议意见：各意见票数相同，未形成评议意见。',
      noMajority: '评议意见：无过半数意见，未形成评议意见。',
      noVotes: '评议意见：无人表决，未形成评议意见。',
      awaitingChair: '评议意见：表决未形成多数意见，待主持人决定。',
    },
    dissent: (member: string, outcome: string) => `少数意见（${member}，${outcome}）：`,
    noDissent: '少数意见：无。',
    discussionHeading: '二、听证员代表意见',
    representative: (name: string) => `听证员代表${name}发表意见：`,
    finalDecision: (outcome: string) => `评议结论：${outcome}。`,
    departure: '未采纳多数意见的理由：',
    reportsHeading: '一、听证人书面报告',
    report: (member: string) => `${member}：`,
    noReport: (member: string) => `${member}：未提交书面报告。`,
    missing: (count: number, reason: string) => `结束评议时尚有${count}项未完成${reason ? `，原因：${reason}` : '。'}`,
    closeReason: (reason: string) => `结束评议的说明：${reason}`,
    conclusion: (name: string) => `总体评议意见：${name}。`,
    noConclusion: '总体评议意见：未形成。',
    signaturesHeading: '参加评议人员签名',
    member: '听证员',
    signature: '签名',
    date: '日期：　　年　　月　　日',
    page: ['第 ', ' 页 共 ', ' 页'],
    colon: '：',
    listSeparator: '、',
    countSeparator: '，',
    end: '。',
    space: '　',
  },
  en: {
    title: 'Deliberation Record',
    matter: 'Matter',
    matterNo: 'No.',
    time: 'Time of deliberation',
    openSince: (from: string) => `from ${formatDate(from, 'en')} (not yet closed)`,
    venue: 'Place of deliberation',
    chair: 'Presiding officer',
    members: 'Panel members deliberating',
    clerk: 'Clerk',
    mode: 'Manner of deliberation',
    modes: { vote: 'vote', discussion: 'discussion, the view stated by a representative member', report: 'a written report by each member' },
    ballot: 'Ballot',
    ballots: { blind: 'blind (revealed once all have voted)', open: 'open' },
    requestsHeading: '1. Deliberation on each request',
    request: (position: number, text: string) => `(${position}) Request ${position}: ${text}`,
    vote: (member: string, outcome: string) => `${member}: ${outcome}. Reasons: `,
    noVote: (member: string) => `${member}: did not vote.`,
    byClerk: ' (paper ballot, entered by the clerk)',
    tally: 'Tally: ',
    count: (outcome: string, votes: number) => `${outcome} ${votes}`,
    majority: (outcome: string) => `Opinion: by majority, ${outcome}.`,
    chairDecided: (outcome: string) => `Opinion: no majority; the presiding officer decided ${outcome}. Reasons: `,
    undecided: {
      tie: 'Opinion: the votes are tied; no opinion was reached.',
      noMajority: 'Opinion: no outcome has a majority; no opinion was reached.',
      noVotes: 'Opinion: nobody voted; no opinion was reached.',
      awaitingChair: 'Opinion: no majority; awaiting the presiding officer’s decision.',
    },
    dissent: (member: string, outcome: string) => `Dissent (${member}, ${outcome}): `,
    noDissent: 'Dissent: none.',
    discussionHeading: '2. The representative member’s view',
    representative: (name: string) => `${name}, for the panel: `,
    finalDecision: (outcome: string) => `Decision: ${outcome}.`,
    departure: 'Reasons for departing from the majority: ',
    reportsHeading: '1. Members’ written reports',
    report: (member: string) => `${member}: `,
    noReport: (member: string) => `${member}: no written report.`,
    missing: (count: number, reason: string) =>
      `At the close ${count} ${count === 1 ? 'item was' : 'items were'} outstanding${reason ? `; reason: ${reason}` : '.'}`,
    closeReason: (reason: string) => `Note on closing: ${reason}`,
    conclusion: (name: string) => `Overall opinion: ${name}.`,
    noConclusion: 'Overall opinion: none reached.',
    signaturesHeading: 'Signatures of those deliberating',
    member: 'Panel member',
    signature: 'signature',
    date: 'date: ________',
    page: ['Page ', ' of ', ''],
    colon: ': ',
    listSeparator: '; ',
    countSeparator: ', ',
    end: '.',
    space: ' ',
  },
} as const;

type Labels = (typeof labels)[Language];

const SIGN_HERE = '__________';

const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 21 → 二十一: the numbering of （一） headings. */
function chineseNumber(value: number): string {
  if (value < 10) return chineseDigits[value] ?? String(value);
  if (value < 100) {
    const tens = Math.floor(value / 10);
    const units = value % 10;
    return `${tens === 1 ? '' : chineseDigits[tens]}十${units === 0 ? '' : chineseDigits[units]}`;
  }
  return String(value);
}

function field(label: string, value: string, l: Labels): Paragraph {
  return fieldParagraph([run(`${label}${l.colon}`), run(value)]);
}

function nameWithUnit(person: { name: string; organization?: string }, language: Language): string {
  const unit = person.organization?.trim();
  if (!unit) return person.name;
  return language === 'en' ? `${person.name} (${unit})` : `${person.name}（${unit}）`;
}

function headerFields(data: DeliberationRecordData, l: Labels, language: Language): Paragraph[] {
  const out = [field(l.matter, data.matter, l)];
  if (data.matterNo) out.push(field(l.matterNo, data.matterNo, l));
  out.push(field(l.time, data.closedAt ? formatTimeRange(data.openedAt, data.closedAt, language) : l.openSince(data.openedAt), l));
  out.push(field(l.venue, data.venue, l));
  out.push(field(l.chair, data.chair, l));
  out.push(field(l.members, data.members.map((member) => nameWithUnit(member, language)).join(l.listSeparator), l));
  out.push(field(l.clerk, data.clerk, l));
  out.push(field(l.mode, l.modes[data.mode], l));
  if (data.mode !== 'report') out.push(field(l.ballot, l.ballots[data.ballot], l));
  return out;
}

function decisionParagraph(decision: RequestDecision, outcomeName: (id: string) => string, l: Labels): Paragraph {
  if (decision.by === 'majority') return bodyParagraph(l.majority(outcomeName(decision.outcome)));
  if (decision.by === 'chair') return bodyParagraph([run(l.chairDecided(outcomeName(decision.outcome))), ...linesOf(decision.reason)]);
  return bodyParagraph(l.undecided[decision.reason]);
}

function requestParagraphs(request: DeliberatedRequest, outcomeName: (id: string) => string, l: Labels): Paragraph[] {
  const out = [heading2Paragraph(l.request(request.position, request.text))];
  for (const vote of request.votes) {
    if (vote.outcome === null) out.push(bodyParagraph(l.noVote(vote.member)));
    else {
      const runs = [run(l.vote(vote.member, outcomeName(vote.outcome))), ...linesOf(vote.reasons)];
      if (vote.enteredBy === 'clerk') runs.push(run(l.byClerk));
      out.push(bodyParagraph(runs));
    }
  }
  const counts = request.counts.map((count) => l.count(outcomeName(count.outcome), count.votes)).join(l.countSeparator);
  out.push(bodyParagraph(`${l.tally}${counts}${l.end}`));
  out.push(decisionParagraph(request.decision, outcomeName, l));
  // The dissent stands as the member wrote it (domain.md §6): no trimming, no rewording.
  if (request.dissent.length === 0) out.push(bodyParagraph(l.noDissent));
  for (const dissent of request.dissent) out.push(bodyParagraph([run(l.dissent(dissent.member, outcomeName(dissent.outcome))), ...linesOf(dissent.reasons)]));
  return out;
}

function discussionParagraphs(data: DeliberationRecordData, outcomeName: (id: string) => string, l: Labels): Paragraph[] {
  if (!data.representative && !data.finalDecision) return [];
  const out = [heading1Paragraph(l.discussionHeading)];
  if (data.representative) out.push(bodyParagraph([run(l.representative(data.representative.name)), ...linesOf(data.representative.statement)]));
  if (data.finalDecision) {
    out.push(bodyParagraph(l.finalDecision(outcomeName(data.finalDecision.outcome))));
    if (data.finalDecision.reason) out.push(bodyParagraph([run(l.departure), ...linesOf(data.finalDecision.reason)]));
  }
  return out;
}

function reportParagraphs(data: DeliberationRecordData, l: Labels): Paragraph[] {
  return [
    heading1Paragraph(l.reportsHeading),
    ...data.reports.map((report) =>
      report.text === null ? bodyParagraph(l.noReport(report.member)) : bodyParagraph([run(l.report(report.member)), ...linesOf(report.text)]),
    ),
  ];
}

function closingParagraphs(data: DeliberationRecordData, l: Labels, language: Language): Paragraph[] {
  const out: Paragraph[] = [];
  if (data.missingVotes > 0) out.push(bodyParagraph(l.missing(data.missingVotes, data.closeReason)));
  else if (data.closeReason) out.push(bodyParagraph(l.closeReason(data.closeReason)));
  if (data.mode !== 'report') out.push(bodyParagraph(data.conclusion ? l.conclusion(data.conclusion[language]) : l.noConclusion));
  return out;
}

/** The members', then the clerk's lines, kept on one page with their heading; left blank for handwriting. */
function signatureParagraphs(data: DeliberationRecordData, l: Labels, language: Language): Paragraph[] {
  const signers = [...data.members.map((member) => ({ label: l.member, name: member.name })), { label: l.clerk, name: data.clerk }];
  const gap = language === 'zh-CN' ? '' : ' ';
  return [
    fieldParagraph(`${l.signaturesHeading}${l.colon}`, { keepNext: true, linesBefore: 1 }),
    ...signers.map((signer, index) =>
      fieldParagraph(`${signer.label}${gap}${signer.name}${l.space}${l.signature}${l.colon}${SIGN_HERE}${l.space}${l.date}`, {
        keepNext: index < signers.length - 1,
      }),
    ),
  ];
}

function pageFooter(l: Labels): Footer {
  return new Footer({
    children: [footerParagraph([new TextRun({ children: [l.page[0], PageNumber.CURRENT, l.page[1], PageNumber.TOTAL_PAGES, l.page[2]] })])],
  });
}

export function deliberationRecordDocument(data: DeliberationRecordData, options: DeliberationRecordOptions = {}): Document {
  const language = options.language ?? 'zh-CN';
  const l = labels[language];
  const outcomeName = (id: string) => data.outcomes.find((outcome) => outcome.id === id)?.name[language] ?? id;
  const body =
    data.mode === 'report'
      ? reportParagraphs(data, l)
      : [
          heading1Paragraph(l.requestsHeading),
          ...data.requests.flatMap((request) => requestParagraphs(request, outcomeName, l)),
          ...discussionParagraphs(data, outcomeName, l),
        ];
  return styledDocument(matterIdentity(data, l.title), options, [
    pageSection(
      [
        ...officeTitle(options.officeName, l.title),
        ...headerFields(data, l, language),
        ...body,
        ...closingParagraphs(data, l, language),
        ...signatureParagraphs(data, l, language),
      ],
      { default: pageFooter(l) },
    ),
  ]);
}

/** The .docx bytes; the same data and options give the same bytes. */
export async function buildDeliberationRecordDocument(data: DeliberationRecordData, options: DeliberationRecordOptions = {}): Promise<Buffer> {
  return packDocumentOn(deliberationRecordDocument(data, options), data.openedAt, matterIdentity(data, labels[options.language ?? 'zh-CN'].title));
}
