import type { Document, Paragraph } from 'docx';
import type { Acceptance, AnnouncementManner, Language, LocalizedText, RaterKind } from '../contract/index.js';
import { formatClock, formatDate, formatTimeRange } from '../contract/index.js';
import { matterIdentity, packDocumentOn, pageSection, styledDocument } from './compose.js';
import { bodyParagraph, fieldParagraph, heading1Paragraph, linesOf, pageNumberFooters, run, titleParagraph, type TypographyOptions } from './typography.js';

/**
 * The 听证报告 to the deciding authority (domain.md §8), laid out as a 公文
 * (§9): 一、 to 六、 headings in 黑体, "— 1 —" page numbers, the organizer and
 * the date at the foot. It carries the panel's conclusions as announced and
 * nothing of the votes or the dissent, which stay in the 评议笔录; and no
 * identity data, which the data type cannot even hold.
 */

/** A person as the report names them: no ID number, phone or address. */
export interface ReportPerson {
  name: string;
  organization?: string;
  post?: string;
  /** Did not attend. */
  absent?: boolean;
}

export type PanelOpinion =
  | { state: 'notDeliberated' }
  | { state: 'deliberating' }
  | {
      state: 'concluded';
      mode: 'vote' | 'discussion' | 'report';
      /** Null outcome: no conclusion was reached on the request. */
      requests: readonly { position: number; text: string; outcome: LocalizedText | null }[];
      conclusion: LocalizedText | null;
      representative: { name: string; statement: string } | null;
      reports: readonly { member: string; text: string }[];
      /** `on` and `serveBy` are local dates, `2026-12-08`. */
      announcement: { manner: AnnouncementManner; on: string; serveBy: string } | null;
    };

export type ReportSatisfaction =
  | { state: 'notRecorded' }
  | { state: 'declined'; enteredBy: RaterKind; acceptsConclusion: Acceptance }
  | { state: 'rated'; rating: LocalizedText; reason: string; enteredBy: RaterKind; acceptsConclusion: Acceptance };

export interface ReportData {
  matter: string;
  matterNo: string;
  organizer: string;
  legalBasis: LocalizedText;
  requests: readonly { position: number; text: string }[];
  /** The template's words for each role: 信访人, 申请人 … */
  roleNames: Record<'chair' | 'panel' | 'clerk' | 'party' | 'representative' | 'agent' | 'agency' | 'thirdParty', LocalizedText>;
  chair: ReportPerson;
  panel: readonly ReportPerson[];
  clerk: ReportPerson;
  petitioners: readonly ReportPerson[];
  representatives: readonly ReportPerson[];
  agents: readonly ReportPerson[];
  agencies: readonly { name: string; attendees: readonly ReportPerson[] }[];
  thirdParties: readonly ReportPerson[];
  /** Local date-times, `2026-12-08T09:30`. */
  startsAt: string;
  endsAt: string;
  venue: string;
  isPublic: boolean;
  nonPublicReason: string;
  /** The steps held or skipped, in order; local date-times. */
  steps: readonly { name: LocalizedText; skipped: boolean; skipReason: string; startedAt: string | null; endedAt: string | null }[];
  /** Per side that submitted any: how many, and the panel's findings after 质证. */
  evidence: readonly { side: LocalizedText; submitted: number; admitted: number; rejected: number; partial: number }[];
  panelOpinion: PanelOpinion;
  satisfaction: ReportSatisfaction;
  /** The report's date, `2026-12-08`. */
  dated: string;
}

export interface ReportOptions extends TypographyOptions {
  language?: Language;
}

const labels = {
  'zh-CN': {
    document: '听证报告',
    title: (matter: string) => `关于${matter}的听证报告`,
    opening: (basis: string, organizer: string, date: string, matter: string, isPublic: boolean) =>
      `根据${basis}，${organizer}于${date}就${matter}${isPublic ? '公开' : '不公开'}举行听证。现将听证情况报告如下：`,
    matterHeading: '一、案由',
    matter: (matter: string, no: string) => `${matter}${no ? `（编号：${no}）` : ''}。`,
    requestsIntro: (party: string) => `${party}提出以下诉求：`,
    noRequests: (party: string) => `${party}未提出具体诉求。`,
    request: (position: number, text: string) => `${position}. ${text}`,
    participantsHeading: '二、听证参加人',
    agencyAttendees: '出席人员',
    absent: '（未到场）',
    timeHeading: '三、听证时间、地点和方式',
    time: '时间',
    venue: '地点',
    manner: '方式',
    public: '公开听证',
    nonPublic: (reason: string) => `不公开听证${reason ? `，理由：${reason}` : ''}`,
    courseHeading: '四、听证经过',
    step: (span: string, name: string) => `${span}，${name}。`,
    stepSpan: (from: string, to: string | null) => (to ? `${from}至${to}` : `${from}起`),
    stepSkipped: (name: string, reason: string) => `${name}：未进行${reason ? `，理由：${reason}` : ''}。`,
    evidence: (side: string, submitted: number, admitted: number, rejected: number, partial: number) => {
      const undecided = submitted - admitted - rejected - partial;
      return `${side}提交证据${submitted}份，经质证，采信${admitted}份，不采信${rejected}份，部分采信${partial}份${undecided > 0 ? `，未作认定${undecided}份` : ''}。`;
    },
    noEvidence: '各方均未提交证据。',
    opinionHeading: '五、听证员意见',
    notDeliberated: '听证员尚未评议。',
    deliberating: '听证员评议尚未结束。',
    requestOpinion: (position: number, text: string, outcome: string | null) =>
      `诉求${position}“${text.replace(/[。；;，,\s]+$/, '')}”：${outcome ?? '未形成多数意见'}。`,
    conclusion: (name: string) => `总体意见：${name}。`,
    noConclusion: '总体意见：未形成。',
    representative: (name: string) => `经评议，由听证员${name}代表听证员发表意见：`,
    reportOf: (member: string) => `听证人${member}的书面报告：`,
    noReports: '听证人尚未提交书面报告。',
    announcedOnSpot: (date: string) => `以上意见已于${date}当场宣布。`,
    announcedLater: (serveBy: string) => `评议结论未当场宣布，将于${serveBy}前书面送达。`,
    notAnnounced: '以上意见尚未宣布。',
    satisfactionHeading: '六、满意度',
    rated: (party: string, rating: string) => `${party}对听证结论的满意度评价为：${rating}。`,
    ratingReason: '理由：',
    declined: (party: string) => `${party}拒绝作出满意度评价。`,
    notRecorded: '未记录满意度评价。',
    byStaff: '（由工作人员根据其意见代为录入）',
    accepts: {
      yes: (party: string) => `${party}表示接受听证结论。`,
      no: (party: string) => `${party}表示不接受听证结论。`,
      undecided: (party: string) => `${party}对是否接受听证结论未表态。`,
    },
    colon: '：',
    listSeparator: '、',
    clauseSeparator: '；',
    unit: (person: ReportPerson) => [person.organization, person.post].filter(Boolean).join(''),
    paren: (text: string) => `（${text}）`,
    end: '。',
  },
  en: {
    document: 'Hearing Report',
    title: (matter: string) => `Report on the Hearing: ${matter}`,
    opening: (basis: string, organizer: string, date: string, matter: string, isPublic: boolean) =>
      `Under ${basis}, ${organizer} held a ${isPublic ? 'public' : 'non-public'} hearing on ${date} on the matter: ${matter}. It reports as follows:`,
    matterHeading: '1. The matter',
    matter: (matter: string, no: string) => `${matter}${no ? ` (No. ${no})` : ''}.`,
    requestsIntro: (party: string) => `The ${party.toLowerCase()} makes these requests:`,
    noRequests: (party: string) => `The ${party.toLowerCase()} made no specific request.`,
    request: (position: number, text: string) => `${position}. ${text}`,
    participantsHeading: '2. Participants',
    agencyAttendees: 'attending',
    absent: ' (absent)',
    timeHeading: '3. Time, place and manner',
    time: 'Time',
    venue: 'Place',
    manner: 'Manner',
    public: 'public hearing',
    nonPublic: (reason: string) => `non-public hearing${reason ? `; reason: ${reason}` : ''}`,
    courseHeading: '4. Course of the hearing',
    step: (span: string, name: string) => `${span}: ${name}.`,
    stepSpan: (from: string, to: string | null) => (to ? `${from}–${to}` : `from ${from}`),
    stepSkipped: (name: string, reason: string) => `${name}: not held${reason ? `; reason: ${reason}` : ''}.`,
    evidence: (side: string, submitted: number, admitted: number, rejected: number, partial: number) => {
      const undecided = submitted - admitted - rejected - partial;
      return `${side}: ${submitted} ${submitted === 1 ? 'exhibit' : 'exhibits'}; after examination ${admitted} admitted, ${rejected} rejected, ${partial} partly admitted${undecided > 0 ? `, ${undecided} without a finding` : ''}.`;
    },
    noEvidence: 'No party submitted evidence.',
    opinionHeading: '5. The panel’s opinion',
    notDeliberated: 'The panel has not yet deliberated.',
    deliberating: 'The panel’s deliberation has not yet closed.',
    requestOpinion: (position: number, text: string, outcome: string | null) => `Request ${position} (“${text}”): ${outcome ?? 'no majority opinion'}.`,
    conclusion: (name: string) => `Overall: ${name}.`,
    noConclusion: 'Overall: no conclusion reached.',
    representative: (name: string) => `After deliberation, panel member ${name} stated the panel’s view: `,
    reportOf: (member: string) => `Written report of ${member}: `,
    noReports: 'No written report has been submitted yet.',
    announcedOnSpot: (date: string) => `This opinion was announced at the hearing on ${date}.`,
    announcedLater: (serveBy: string) => `The conclusion was not announced at the hearing; it is to be served in writing by ${serveBy}.`,
    notAnnounced: 'This opinion has not yet been announced.',
    satisfactionHeading: '6. Satisfaction',
    rated: (party: string, rating: string) => `The ${party.toLowerCase()} rated the handling: ${rating}.`,
    ratingReason: 'Reason: ',
    declined: (party: string) => `The ${party.toLowerCase()} declined to rate the handling.`,
    notRecorded: 'No satisfaction rating was recorded.',
    byStaff: ' (entered by staff on their behalf)',
    accepts: {
      yes: (party: string) => `The ${party.toLowerCase()} accepts the conclusion.`,
      no: (party: string) => `The ${party.toLowerCase()} does not accept the conclusion.`,
      undecided: (party: string) => `The ${party.toLowerCase()} has not said whether they accept the conclusion.`,
    },
    colon: ': ',
    listSeparator: '; ',
    clauseSeparator: '; ',
    unit: (person: ReportPerson) => [person.post, person.organization].filter(Boolean).join(', '),
    paren: (text: string) => ` (${text})`,
    end: '.',
  },
} as const;

type Labels = (typeof labels)[Language];

function personText(person: ReportPerson, l: Labels): string {
  const unit = l.unit(person);
  return `${person.name}${unit ? l.paren(unit) : ''}${person.absent ? l.absent : ''}`;
}

function matterParagraphs(data: ReportData, l: Labels, language: Language): Paragraph[] {
  const party = data.roleNames.party[language];
  return [
    heading1Paragraph(l.matterHeading),
    bodyParagraph(l.matter(data.matter, data.matterNo)),
    bodyParagraph(data.requests.length > 0 ? l.requestsIntro(party) : l.noRequests(party)),
    ...data.requests.map((request) => bodyParagraph(l.request(request.position, request.text))),
  ];
}

function participantParagraphs(data: ReportData, l: Labels, language: Language): Paragraph[] {
  const names = data.roleNames;
  const line = (role: LocalizedText, people: readonly ReportPerson[]) =>
    people.length > 0 ? [bodyParagraph(`${role[language]}${l.colon}${people.map((person) => personText(person, l)).join(l.listSeparator)}${l.end}`)] : [];
  const agencies = data.agencies.map((agency) => {
    const attendees = agency.attendees.map((person) => personText(person, l)).join(l.listSeparator);
    return bodyParagraph(
      `${names.agency[language]}${l.colon}${agency.name}${attendees ? `${l.clauseSeparator}${l.agencyAttendees}${l.colon}${attendees}` : ''}${l.end}`,
    );
  });
  return [
    heading1Paragraph(l.participantsHeading),
    ...line(names.chair, [data.chair]),
    ...line(names.panel, data.panel),
    ...line(names.clerk, [data.clerk]),
    ...line(names.party, data.petitioners),
    ...line(names.representative, data.representatives),
    ...line(names.agent, data.agents),
    ...agencies,
    ...line(names.thirdParty, data.thirdParties),
  ];
}

function timeParagraphs(data: ReportData, l: Labels, language: Language): Paragraph[] {
  return [
    heading1Paragraph(l.timeHeading),
    bodyParagraph(`${l.time}${l.colon}${formatTimeRange(data.startsAt, data.endsAt, language)}${l.end}`),
    bodyParagraph(`${l.venue}${l.colon}${data.venue}${l.end}`),
    bodyParagraph(`${l.manner}${l.colon}${data.isPublic ? l.public : l.nonPublic(data.nonPublicReason)}${l.end}`),
  ];
}

function courseParagraphs(data: ReportData, l: Labels, language: Language): Paragraph[] {
  const steps = data.steps.flatMap((step) => {
    const name = step.name[language];
    if (step.skipped) return [bodyParagraph(l.stepSkipped(name, step.skipReason))];
    if (!step.startedAt) return [];
    return [bodyParagraph(l.step(l.stepSpan(formatClock(step.startedAt, language), step.endedAt && formatClock(step.endedAt, language)), name))];
  });
  const evidence =
    data.evidence.length > 0
      ? data.evidence.map((side) => bodyParagraph(l.evidence(side.side[language], side.submitted, side.admitted, side.rejected, side.partial)))
      : [bodyParagraph(l.noEvidence)];
  return [heading1Paragraph(l.courseHeading), ...steps, ...evidence];
}

function opinionParagraphs(opinion: PanelOpinion, l: Labels, language: Language): Paragraph[] {
  const heading = heading1Paragraph(l.opinionHeading);
  if (opinion.state === 'notDeliberated') return [heading, bodyParagraph(l.notDeliberated)];
  if (opinion.state === 'deliberating') return [heading, bodyParagraph(l.deliberating)];
  const out = [heading];
  if (opinion.mode === 'report') {
    if (opinion.reports.length === 0) out.push(bodyParagraph(l.noReports));
    for (const report of opinion.reports) out.push(bodyParagraph([run(l.reportOf(report.member)), ...linesOf(report.text)]));
  } else {
    if (opinion.representative) out.push(bodyParagraph([run(l.representative(opinion.representative.name)), ...linesOf(opinion.representative.statement)]));
    for (const request of opinion.requests) out.push(bodyParagraph(l.requestOpinion(request.position, request.text, request.outcome?.[language] ?? null)));
    out.push(bodyParagraph(opinion.conclusion ? l.conclusion(opinion.conclusion[language]) : l.noConclusion));
  }
  const announcement = opinion.announcement;
  if (!announcement) out.push(bodyParagraph(l.notAnnounced));
  else if (announcement.manner === 'onSpot') out.push(bodyParagraph(l.announcedOnSpot(formatDate(announcement.on, language))));
  else out.push(bodyParagraph(l.announcedLater(formatDate(announcement.serveBy, language))));
  return out;
}

function satisfactionParagraphs(satisfaction: ReportSatisfaction, l: Labels, language: Language, party: string): Paragraph[] {
  const heading = heading1Paragraph(l.satisfactionHeading);
  if (satisfaction.state === 'notRecorded') return [heading, bodyParagraph(l.notRecorded)];
  const byStaff = satisfaction.enteredBy === 'staff' ? l.byStaff : '';
  const out = [heading];
  if (satisfaction.state === 'declined') out.push(bodyParagraph(`${l.declined(party)}${byStaff}`));
  else {
    out.push(bodyParagraph(`${l.rated(party, satisfaction.rating[language])}${byStaff}`));
    if (satisfaction.reason) out.push(bodyParagraph([run(l.ratingReason), ...linesOf(satisfaction.reason)]));
  }
  out.push(bodyParagraph(l.accepts[satisfaction.acceptsConclusion](party)));
  return out;
}

/** Width in characters of the grid: CJK full, Latin digits and letters half. */
function textWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

/**
 * 落款 (GB/T 9704 7.3.5.1): the date four characters in from the right, the
 * organizer centred over it; an organizer wider than the date keeps the
 * centring and so starts further left.
 */
function signOff(organizer: string, date: string): Paragraph[] {
  const dateIndent = 4;
  const organizerIndent = Math.max(0, dateIndent + (textWidth(date) - textWidth(organizer)) / 2);
  return [
    fieldParagraph(organizer, { align: 'right', rightIndent: organizerIndent, linesBefore: 2, keepNext: true }),
    fieldParagraph(date, { align: 'right', rightIndent: dateIndent }),
  ];
}

export function reportDocument(data: ReportData, options: ReportOptions = {}): Document {
  const language = options.language ?? 'zh-CN';
  const l = labels[language];
  return styledDocument(matterIdentity(data, l.document), options, [
    pageSection(
      [
        titleParagraph(l.title(data.matter)),
        bodyParagraph(l.opening(data.legalBasis[language], data.organizer, formatDate(data.startsAt, language), data.matter, data.isPublic)),
        ...matterParagraphs(data, l, language),
        ...participantParagraphs(data, l, language),
        ...timeParagraphs(data, l, language),
        ...courseParagraphs(data, l, language),
        ...opinionParagraphs(data.panelOpinion, l, language),
        ...satisfactionParagraphs(data.satisfaction, l, language, data.roleNames.party[language]),
        ...signOff(data.organizer, formatDate(data.dated, language)),
      ],
      pageNumberFooters(),
    ),
  ]);
}

/** The .docx bytes; the same data and options give the same bytes. */
export async function buildReportDocument(data: ReportData, options: ReportOptions = {}): Promise<Buffer> {
  return packDocumentOn(reportDocument(data, options), data.dated, matterIdentity(data, labels[options.language ?? 'zh-CN'].document));
}
