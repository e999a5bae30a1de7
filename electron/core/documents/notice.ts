import { AlignmentType, Paragraph, type Document, type TextRun } from 'docx';
import { formatAppointment, formatDate, type Language } from '../contract/index.js';
import { matterIdentity, packDocumentOn, pageSection, styledDocument } from './compose.js';
import { bodyParagraph, fieldParagraph, fonts, pageNumberFooters, run, sizes, styleIds, titleParagraph, type TypographyOptions } from './typography.js';

/**
 * The 听证通知书 (domain.md §8): one notice per addressee, each in a section
 * of its own so it starts on a new page and counts its own pages, in the
 * 公文 layout of GB/T 9704 (page numbers "— 1 —", 落款 and date at the
 * end). It is an outward document: the data carries no identity number,
 * phone or address, so none can reach it.
 */

export type NoticeAddresseeKind = 'party' | 'representative' | 'agent' | 'agency' | 'thirdParty';

export interface NoticeAddressee {
  kind: NoticeAddresseeKind;
  /** A person's name, or for the handling agency the agency's. */
  name: string;
  /** The capacity they are summoned in, in the template's words: 信访人, 代表, 委托代理人, 办理机关, 第三人. */
  roleLabel: string;
  /** An agent's principal: the notice says whom they act for. */
  principal?: string;
}

export interface NoticeOfficer {
  name: string;
  organization?: string;
}

export interface NoticeDocumentData {
  /** 事由: the hearing's title. */
  matter: string;
  /** 信访事项编号, printed under the title as the notice's number. */
  matterNo: string;
  /** 听证机关, who signs the notice. */
  organizer: string;
  /** The planned sitting, local `2026-12-08T09:30`. */
  startsAt: string;
  venue: string;
  isPublic: boolean;
  nonPublicReason: string;
  chair: NoticeOfficer;
  panel: readonly NoticeOfficer[];
  clerk: NoticeOfficer;
  /** How many agents a party may appoint; null when the template sets no limit, 0 when it has no agents. */
  agentsPerParty: number | null;
  addressees: readonly NoticeAddressee[];
  /** The notice's date, local `2026-11-20`. */
  issuedOn: string;
}

export interface NoticeDocumentOptions extends TypographyOptions {
  language?: Language;
}

const digits = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十: the numerals of item headings and counts in running text. */
function chineseNumeral(n: number): string {
  if (n < 10) return digits[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (digits[tens] ?? '')}十${ones ? (digits[ones] ?? '') : ''}`;
}

const labels = {
  'zh-CN': {
    title: '听证通知书',
    salutation: (name: string) => `${name}：`,
    capacity: (addressee: NoticeAddressee) => (addressee.principal ? `${addressee.principal}的${addressee.roleLabel}` : addressee.roleLabel),
    opening: (matter: string, capacity: string, agency: boolean) =>
      agency
        ? `本机关决定就${matter}举行听证，请你单位派员以${capacity}身份出席。现将有关事项通知如下：`
        : `本机关决定就${matter}举行听证，请你以${capacity}身份参加。现将有关事项通知如下：`,
    item: (index: number, label: string) => `${chineseNumeral(index)}、${label}：`,
    time: '听证时间',
    venue: '听证地点',
    manner: '听证方式',
    public: '公开听证',
    nonPublic: (reason: string) => (reason ? `不公开听证（理由：${reason}）` : '不公开听证'),
    officers: '听证人员',
    officerList: (chair: string, panel: string, clerk: string) => `主持人${chair}${panel ? `；听证员${panel}` : ''}；记录员${clerk}。`,
    officer: (officer: NoticeOfficer) => (officer.organization ? `${officer.name}（${officer.organization}）` : officer.name),
    listSeparator: '、',
    rights: '你享有的权利',
    agencyRights: '你单位享有的权利',
    agents: (count: number | null) =>
      `可以委托${count === null ? '' : count === 1 ? '一名' : `一至${chineseNumeral(count)}名`}代理人参加听证，委托代理人参加的，应当向本机关提交载明委托事项和代理权限的授权委托书。`,
    recusal: '认为主持人、听证员、记录员与本事项有直接利害关系或者其他关系，可能影响公正听证的，可以申请其回避；申请回避应当在听证举行前提出，并说明理由。',
    bring: '参加听证应当携带的材料',
    bringOf: {
      principal: '本人居民身份证或者其他有效身份证件；支持本人主张的证据材料（原件及复印件）；委托代理人参加的，代理人还应当携带授权委托书和本人身份证件。',
      agent: '本人身份证件；授权委托书；支持委托人主张的证据材料（原件及复印件）。',
      agency: '出席人员的身份证件和本单位的授权委托书；作出处理意见所依据的事实材料、证据和政策法律依据。',
    },
    waiverLabel: '注意事项',
    waiver: '无正当理由不按时参加听证，或者未经主持人许可中途退出的，视为放弃听证权利。',
    sentenceSeparator: '',
    closing: '特此通知。',
    nobody: '本听证尚未登记应当通知的当事人。',
  },
  en: {
    title: 'Notice of Hearing',
    salutation: (name: string) => `To ${name}:`,
    capacity: (addressee: NoticeAddressee) => (addressee.principal ? `${addressee.roleLabel} of ${addressee.principal}` : addressee.roleLabel),
    opening: (matter: string, capacity: string, agency: boolean) =>
      agency
        ? `This body will hold a hearing on the matter “${matter}”. Please send representatives to attend as the ${capacity}. The particulars are as follows:`
        : `This body will hold a hearing on the matter “${matter}”. You are asked to attend as the ${capacity}. The particulars are as follows:`,
    item: (index: number, label: string) => `${index}. ${label}: `,
    time: 'Time',
    venue: 'Place',
    manner: 'Manner',
    public: 'public hearing',
    nonPublic: (reason: string) => (reason ? `hearing not in public (reason: ${reason})` : 'hearing not in public'),
    officers: 'Hearing officers',
    officerList: (chair: string, panel: string, clerk: string) => `presiding officer ${chair}${panel ? `; panel members ${panel}` : ''}; clerk ${clerk}.`,
    officer: (officer: NoticeOfficer) => (officer.organization ? `${officer.name} (${officer.organization})` : officer.name),
    listSeparator: ', ',
    rights: 'Your rights',
    agencyRights: 'Your rights',
    agents: (count: number | null) =>
      `You may appoint ${count === null ? '' : count === 1 ? 'one ' : `one to ${count} `}authorized agent${count === 1 ? '' : 's'} to attend; an agent must hand in a power of attorney stating the matters entrusted and the powers given.`,
    recusal:
      'If you consider that the presiding officer, a panel member or the clerk has a direct interest in the matter or another relationship that may affect a fair hearing, you may apply for their recusal; the application must be made, with reasons, before the hearing.',
    bring: 'What to bring',
    bringOf: {
      principal:
        'your identity card or another valid identity document; the evidence supporting your claims (originals and copies); an agent attending for you also brings the power of attorney and their own identity document.',
      agent: 'your identity document; the power of attorney; the evidence supporting your principal’s claims (originals and copies).',
      agency:
        'the identity documents of those attending and the agency’s letter of authorization; the facts, evidence and legal and policy grounds of the decision.',
    },
    waiverLabel: 'Please note',
    waiver: 'Failing to attend on time without good reason, or leaving without the presiding officer’s leave, is treated as waiving the right to a hearing.',
    sentenceSeparator: ' ',
    closing: 'Notice is hereby given.',
    nobody: 'No one to be notified has been entered for this hearing yet.',
  },
} as const;

/** Parties for themselves: they may appoint agents, and waive the hearing by staying away. */
const principals: ReadonlySet<NoticeAddresseeKind> = new Set(['party', 'representative', 'thirdParty']);

/** Four characters of 3号 from the right: where GB/T 9704 puts the date under the 落款. */
const dateIndent = { right: 4 * sizes.body * 10 } as const;

/** 一、听证时间：…: the item's heading in 黑体, its text in the body's 仿宋, one paragraph. */
function item(heading: string, text: string): Paragraph {
  const runs: TextRun[] = [run(heading, { font: fonts.heading1 }), run(text)];
  return bodyParagraph(runs);
}

function noticeChildren(data: NoticeDocumentData, addressee: NoticeAddressee, language: Language): Paragraph[] {
  const l = labels[language];
  const agency = addressee.kind === 'agency';
  const principal = principals.has(addressee.kind);
  const panel = data.panel.map(l.officer).join(l.listSeparator);
  const rights = [...(principal && data.agentsPerParty !== 0 ? [l.agents(data.agentsPerParty)] : []), l.recusal].join(l.sentenceSeparator);
  const bring = agency ? l.bringOf.agency : addressee.kind === 'agent' ? l.bringOf.agent : l.bringOf.principal;
  const items: [string, string][] = [
    [l.time, formatAppointment(data.startsAt, language)],
    [l.venue, data.venue],
    [l.manner, data.isPublic ? l.public : l.nonPublic(data.nonPublicReason)],
    [l.officers, l.officerList(l.officer(data.chair), panel, l.officer(data.clerk))],
    [agency ? l.agencyRights : l.rights, rights],
    [l.bring, bring],
  ];
  if (principal) items.push([l.waiverLabel, l.waiver]);
  return [
    titleParagraph(l.title, { keepNext: true }),
    fieldParagraph(data.matterNo, { align: 'center' }),
    fieldParagraph(l.salutation(addressee.name), { linesBefore: 1 }),
    bodyParagraph(l.opening(data.matter, l.capacity(addressee), agency)),
    ...items.map(([label, text], index) => item(l.item(index + 1, label), text)),
    bodyParagraph(l.closing),
    // Two blank lines above the 落款 leave room for the seal over it and the date.
    fieldParagraph(data.organizer, { align: 'right', keepNext: true, linesBefore: 2 }),
    new Paragraph({ style: styleIds.field, alignment: AlignmentType.RIGHT, indent: dateIndent, children: [run(formatDate(data.issuedOn, language))] }),
  ];
}

/** The document, for callers that want to inspect or pack it themselves. */
export function noticeDocument(data: NoticeDocumentData, options: NoticeDocumentOptions = {}): Document {
  const language = options.language ?? 'zh-CN';
  const l = labels[language];
  const pieces =
    data.addressees.length > 0
      ? data.addressees.map((addressee) => noticeChildren(data, addressee, language))
      : [[titleParagraph(l.title), bodyParagraph(l.nobody)]];
  return styledDocument(
    matterIdentity(data, l.title),
    options,
    pieces.map((children) => pageSection(children, pageNumberFooters(), { restartPageNumbers: true })),
  );
}

/** The .docx bytes; the same data and options give the same bytes. */
export async function buildNoticeDocument(data: NoticeDocumentData, options: NoticeDocumentOptions = {}): Promise<Buffer> {
  return packDocumentOn(noticeDocument(data, options), data.issuedOn, matterIdentity(data, labels[options.language ?? 'zh-CN'].title));
}
