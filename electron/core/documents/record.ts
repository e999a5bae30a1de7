import { Footer, ImageRun, PageNumber, TextRun, type Document, type Paragraph } from 'docx';
import QRCode from 'qrcode';
import type { Language, MinuteKind } from '../contract/index.js';
import { formatDate } from '../contract/index.js';
import { matterIdentity, officeTitle, packDocumentOn, pageSection, styledDocument } from './compose.js';
import { bodyParagraph, fieldParagraph, footerParagraph, plainParagraph, run, type TypographyOptions } from './typography.js';

/**
 * The 听证笔录 (domain.md §5): the header fields, every entry on the record
 * in order with its time and speaker tag, the closing sentence and the
 * signatures; every page's footer carries "第 X 页 共 Y 页" and the party's
 * signature line. Built from plain data, so it needs no database; this is the
 * official record and nothing in it is masked.
 */

export interface RecordPerson {
  name: string;
  gender?: '' | 'male' | 'female';
  idNumber?: string;
  address?: string;
  phone?: string;
  organization?: string;
  post?: string;
}

export interface RecordAgent extends RecordPerson {
  kind: 'representative' | 'agent';
  powers?: '' | 'general' | 'special';
  powersText?: string;
}

export interface RecordAgency {
  name: string;
  attendees: readonly { name: string; post?: string }[];
}

export interface RecordEntry {
  /** Local wall-clock time the words began: `2026-12-08T09:42` (or `09:42`). */
  time: string;
  /** The record's tag: 主持人, 听证员黄志刚, 信访人王建平, 办理机关（青秀区住房和城乡建设局 陈立新）. */
  speakerLabel: string;
  kind: MinuteKind;
  text: string;
  /** Left out of the document. */
  offRecord: boolean;
}

export type SignerRole = 'party' | 'chair' | 'panel' | 'clerk';

export interface RecordSigner {
  role: SignerRole;
  /** What the signature line calls them: 信访人, 委托代理人, 办理机关（青秀区住房和城乡建设局）, 听证员. */
  label: string;
  name: string;
  /** Refused to sign: the stated reason, noted in place of the signature (domain.md §5). */
  refusal?: string;
  /** Not present when the record was signed. */
  absent?: boolean;
  /** The signature as drawn, the closing sentence the signer wrote, and when (local `2026-12-08T12:10`). */
  signature?: { png: Buffer; closingSentence: string; signedAt: string };
  /** Signs every page (the party, domain.md §5): their signature goes into every page's footer. */
  signsEveryPage?: boolean;
}

/** Printed on a copy made after finalizing: where the sealed package is, and how to check it. */
export interface RecordSeal {
  manifestSha256: string;
  keyFingerprint: string;
  /** Local `2026-12-08T12:30`. */
  finalizedAt: string;
}

export interface RecordDocumentData {
  /** 事由. */
  matter: string;
  /** 信访事项编号. */
  matterNo: string;
  /** 听证机关. */
  organizer: string;
  /** Local date-times, `2026-12-08T09:30`. */
  startsAt: string;
  endsAt: string;
  venue: string;
  isPublic: boolean;
  nonPublicReason: string;
  chair: RecordPerson;
  panel: readonly RecordPerson[];
  clerk: RecordPerson;
  /** What the template calls the party: 信访人 (default), 申请人, 当事人. */
  partyLabel?: string;
  petitioners: readonly RecordPerson[];
  /** 代表 and 委托代理人. */
  representatives: readonly RecordAgent[];
  agencies: readonly RecordAgency[];
  thirdParties: readonly RecordPerson[];
  witnesses?: readonly RecordPerson[];
  observerCount: number;
  entries: readonly RecordEntry[];
  /** Default: 以上笔录我已看过（向我宣读过），与我所说的相符。 */
  closingSentence?: string;
  signers: readonly RecordSigner[];
  seal?: RecordSeal;
}

export interface RecordDocumentOptions extends TypographyOptions {
  language?: Language;
  /** The office's name (a setting), printed above the title. */
  officeName?: string;
}

const labels = {
  'zh-CN': {
    title: '听证笔录',
    matter: '事由',
    matterNo: '编号',
    organizer: '听证机关',
    time: '时间',
    venue: '地点',
    manner: '方式',
    public: '公开',
    nonPublic: (reason: string) => (reason ? `不公开（理由：${reason}）` : '不公开'),
    chair: '主持人',
    panel: '听证员',
    clerk: '记录员',
    party: '信访人',
    representative: '代表',
    agent: '委托代理人',
    agency: '办理机关',
    agencyAttendees: '出席人员',
    thirdParty: '第三人',
    witness: '证人',
    observers: '旁听人数',
    observerCount: (count: number) => `${count}人`,
    male: '男',
    female: '女',
    idNumber: '身份证号码',
    address: '住址',
    phone: '联系电话',
    powers: '代理权限',
    general: '一般授权',
    special: '特别授权',
    question: '问',
    answer: '答',
    note: '【备注】',
    colon: '：',
    listSeparator: '、',
    fieldSeparator: '，',
    closing: '以上笔录我已看过（向我宣读过），与我所说的相符。',
    signature: '签名',
    date: '　年　月　日',
    refusedMark: '（拒签）',
    seal: (at: string) => `本笔录已于${at}归档封存。`,
    manifest: '案卷清单指纹（SHA-256）',
    key: '封存密钥指纹',
    refused: (name: string, reason: string) => `${name}拒绝签字${reason ? `，理由：${reason}` : ''}。`,
    absent: (name: string) => `${name}未到场，未签字。`,
    page: ['第 ', ' 页 共 ', ' 页'],
    timeRange: (from: string, to: string) => {
      const clock = (local: string) => {
        const [hour = '0', minute = '0'] = (local.split('T')[1] ?? '').split(':');
        return `${Number(hour)}时${Number(minute)}分`;
      };
      const sameDay = from.slice(0, 10) === to.slice(0, 10);
      return `${formatDate(from, 'zh-CN')}${clock(from)}至${sameDay ? '' : formatDate(to, 'zh-CN')}${clock(to)}`;
    },
  },
  en: {
    title: 'Hearing Record',
    matter: 'Matter',
    matterNo: 'No.',
    organizer: 'Hearing body',
    time: 'Time',
    venue: 'Place',
    manner: 'Manner',
    public: 'Public',
    nonPublic: (reason: string) => (reason ? `Not public (reason: ${reason})` : 'Not public'),
    chair: 'Presiding officer',
    panel: 'Panel members',
    clerk: 'Clerk',
    party: 'Petitioner',
    representative: 'Representative',
    agent: 'Authorized agent',
    agency: 'Handling agency',
    agencyAttendees: 'attending',
    thirdParty: 'Third party',
    witness: 'Witness',
    observers: 'Observers',
    observerCount: (count: number) => String(count),
    male: 'male',
    female: 'female',
    idNumber: 'ID number',
    address: 'address',
    phone: 'phone',
    powers: 'powers',
    general: 'general authorization',
    special: 'special authorization',
    question: 'Q',
    answer: 'A',
    note: '[Note] ',
    colon: ': ',
    listSeparator: '; ',
    fieldSeparator: ', ',
    closing: 'I have read this record (it has been read to me), and it agrees with what I said.',
    signature: 'signature',
    date: '  date: ________',
    refusedMark: '(refused)',
    seal: (at: string) => `This record was finalized and sealed on ${at}.`,
    manifest: 'Case package manifest (SHA-256)',
    key: 'Sealing key fingerprint',
    refused: (name: string, reason: string) => `${name} refused to sign${reason ? `; reason: ${reason}` : ''}.`,
    absent: (name: string) => `${name} was not present and did not sign.`,
    page: ['Page ', ' of ', ''],
    timeRange: (from: string, to: string) => {
      const clock = (local: string) => (local.split('T')[1] ?? '').slice(0, 5);
      const sameDay = from.slice(0, 10) === to.slice(0, 10);
      return `${formatDate(from, 'en')}, ${clock(from)} to ${sameDay ? '' : `${formatDate(to, 'en')}, `}${clock(to)}`;
    },
  },
} as const;

type Labels = (typeof labels)[Language];

const SIGN_HERE = '________';

/** `2026-12-08T09:42` or `09:42` → 9:42. */
export function entryClock(time: string): string {
  const clock = time.includes('T') ? (time.split('T')[1] ?? '') : time;
  const [hour = '0', minute = '00'] = clock.split(':');
  return `${Number(hour)}:${minute.slice(0, 2).padStart(2, '0')}`;
}

/** The tag that opens an entry: 主持人：, 问：, 答：, 【备注】; events have none. */
export function entryTag(entry: Pick<RecordEntry, 'kind' | 'speakerLabel'>, language: Language = 'zh-CN'): string {
  const l = labels[language];
  if (entry.kind === 'question') return `${l.question}${l.colon}`;
  if (entry.kind === 'answer') return `${l.answer}${l.colon}`;
  if (entry.kind === 'event') return '';
  if (entry.kind === 'note') return l.note;
  return entry.speakerLabel ? `${entry.speakerLabel}${l.colon}` : '';
}

function personLine(person: RecordPerson, l: Labels, withIdentity: boolean): string {
  const parts = [person.name];
  if (person.gender) parts.push(l[person.gender]);
  const office = [person.organization, person.post].filter(Boolean).join(l === labels.en ? ', ' : '');
  if (office) parts.push(office);
  if (withIdentity) {
    if (person.idNumber) parts.push(`${l.idNumber}${l.colon}${person.idNumber}`);
    if (person.address) parts.push(`${l.address}${l.colon}${person.address}`);
    if (person.phone) parts.push(`${l.phone}${l.colon}${person.phone}`);
  }
  return parts.join(l.fieldSeparator);
}

function nameWithUnit(person: RecordPerson, l: Labels): string {
  const unit = person.organization?.trim();
  if (!unit) return person.name;
  return l === labels.en ? `${person.name} (${unit})` : `${person.name}（${unit}）`;
}

function field(label: string, value: string, l: Labels): Paragraph {
  return fieldParagraph([run(`${label}${l.colon}`), run(value)]);
}

function headerFields(data: RecordDocumentData, l: Labels, partyLabel: string): Paragraph[] {
  const out: Paragraph[] = [field(l.matter, data.matter, l)];
  if (data.matterNo) out.push(field(l.matterNo, data.matterNo, l));
  out.push(field(l.organizer, data.organizer, l));
  out.push(field(l.time, l.timeRange(data.startsAt, data.endsAt), l));
  out.push(field(l.venue, data.venue, l));
  out.push(field(l.manner, data.isPublic ? l.public : l.nonPublic(data.nonPublicReason), l));
  out.push(field(l.chair, nameWithUnit(data.chair, l), l));
  if (data.panel.length > 0) out.push(field(l.panel, data.panel.map((person) => nameWithUnit(person, l)).join(l.listSeparator), l));
  out.push(field(l.clerk, nameWithUnit(data.clerk, l), l));
  for (const person of data.petitioners) out.push(field(partyLabel, personLine(person, l, true), l));
  for (const agent of data.representatives) {
    const powers =
      agent.kind === 'agent' && agent.powers
        ? `${l.fieldSeparator}${l.powers}${l.colon}${l[agent.powers]}${agent.powersText ? (l === labels.en ? ` (${agent.powersText})` : `（${agent.powersText}）`) : ''}`
        : '';
    out.push(field(agent.kind === 'agent' ? l.agent : l.representative, personLine(agent, l, true) + powers, l));
  }
  for (const agency of data.agencies) {
    const attendees = agency.attendees.map((person) =>
      person.post ? (l === labels.en ? `${person.name} (${person.post})` : `${person.name}（${person.post}）`) : person.name,
    );
    out.push(
      field(
        l.agency,
        attendees.length > 0 ? `${agency.name}${l.fieldSeparator}${l.agencyAttendees}${l.colon}${attendees.join(l.listSeparator)}` : agency.name,
        l,
      ),
    );
  }
  for (const person of data.thirdParties) out.push(field(l.thirdParty, personLine(person, l, true), l));
  for (const person of data.witnesses ?? []) out.push(field(l.witness, personLine(person, l, true), l));
  out.push(field(l.observers, l.observerCount(data.observerCount), l));
  return out;
}

/**
 * One entry: time, tag, text; a line the clerk broke with Shift+Enter stays
 * broken. Time, tag and first line are one run: a record has thousands of
 * entries, and each run costs the document builder as much as a paragraph.
 */
function entryParagraph(entry: RecordEntry, language: Language): Paragraph {
  const [first = '', ...rest] = entry.text.split(/\r?\n/);
  const runs: TextRun[] = [run(`${entryClock(entry.time)}${language === 'zh-CN' ? '　' : ' '}${entryTag(entry, language)}${first}`)];
  for (const line of rest) runs.push(new TextRun({ text: line, break: 1 }));
  return plainParagraph(runs);
}

const signerOrder: readonly SignerRole[] = ['party', 'chair', 'panel', 'clerk'];

/**
 * A signature about 8 mm high, its width following the pad's proportions up to
 * about four grid characters, so name, signature and date fit one line.
 */
function signatureImage(signer: RecordSigner, id: number): ImageRun | undefined {
  const png = signer.signature?.png;
  if (!png || png.length < 24) return undefined;
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const shownHeight = 32;
  // docx numbers drawings from one process-wide counter; fixed ids keep the same record the same bytes.
  return new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: Math.min(96, Math.round((shownHeight * width) / Math.max(1, height))), height: shownHeight },
    altText: { id: String(id), name: `signature-${id}`, description: signer.name, title: signer.name },
  });
}

function signatureParagraphs(data: RecordDocumentData, l: Labels, language: Language): Paragraph[] {
  const signers = [...data.signers].sort((a, b) => signerOrder.indexOf(a.role) - signerOrder.indexOf(b.role));
  const written = signers.some((signer) => signer.signature);
  const out: Paragraph[] = written ? [] : [bodyParagraph([run(data.closingSentence?.trim() || l.closing)], { keepNext: true, linesBefore: 1 })];
  signers.forEach((signer, index) => {
    const last = index === signers.length - 1;
    const who = language === 'zh-CN' ? `${signer.label}${signer.name}` : `${signer.label} ${signer.name}`;
    const label = `${who}${language === 'zh-CN' ? '' : ' '}${l.signature}${l.colon}`;
    const image = signatureImage(signer, signatureIdBase + index);
    if (signer.role === 'party' && signer.signature?.closingSentence) {
      out.push(bodyParagraph([run(signer.signature.closingSentence)], { keepNext: true, linesBefore: index === 0 ? 1 : 0 }));
    }
    let content: Array<TextRun | ImageRun>;
    if (signer.refusal !== undefined) content = [run(l.refused(who, signer.refusal.trim()))];
    else if (signer.absent) content = [run(l.absent(who))];
    else if (image && signer.signature) content = [run(label), image, run(`　${formatDate(signer.signature.signedAt, language)}`)];
    else content = [run(`${label}${SIGN_HERE}${l.date}`)];
    out.push(fieldParagraph(content, { keepNext: !last }));
  });
  return out;
}

/** Drawing ids: the footer's images first, then the signature block's, then the seal's QR code. */
const footerIdBase = 1;
const signatureIdBase = 101;
const sealId = 1001;

/**
 * Every page's footer: the party's signature line (their drawn signature once
 * they have signed, or a note that they refused), then 第 X 页 共 Y 页 with
 * PAGE and NUMPAGES fields.
 */
function recordFooter(data: RecordDocumentData, l: Labels, partyLabel: string, language: Language): Footer {
  const signLabel = language === 'zh-CN' ? `${partyLabel}${l.signature}${l.colon}` : `${partyLabel} ${l.signature}${l.colon}`;
  const pageSigners = data.signers.filter((signer) => signer.signsEveryPage);
  const marks = pageSigners.flatMap((signer, index): Array<TextRun | ImageRun> => {
    if (signer.refusal !== undefined) return [run(`${signer.name}${l.refusedMark}`)];
    const image = signatureImage(signer, footerIdBase + index);
    return image ? [image] : [];
  });
  return new Footer({
    children: [
      footerParagraph([run(signLabel), ...(marks.length > 0 ? marks : [run(SIGN_HERE)])], { align: 'right' }),
      footerParagraph([new TextRun({ children: [l.page[0], PageNumber.CURRENT, l.page[1], PageNumber.TOTAL_PAGES, l.page[2]] })]),
    ],
  });
}

/** After finalizing: the sealing note, the key's fingerprint and a QR code of the manifest's hash, to check the package against the paper. */
function sealParagraphs(seal: RecordSeal, qrPng: Buffer, l: Labels, language: Language): Paragraph[] {
  return [
    fieldParagraph([run(l.seal(`${formatDate(seal.finalizedAt, language)} ${entryClock(seal.finalizedAt)}`))], { keepNext: true }),
    fieldParagraph([run(`${l.manifest}${l.colon}`)], { keepNext: true }),
    fieldParagraph([run(seal.manifestSha256)], { keepNext: true, align: 'left' }),
    fieldParagraph([run(`${l.key}${l.colon}`)], { keepNext: true }),
    fieldParagraph([run(seal.keyFingerprint)], { keepNext: true, align: 'left' }),
    fieldParagraph([
      new ImageRun({
        type: 'png',
        data: qrPng,
        transformation: { width: 96, height: 96 },
        altText: { id: String(sealId), name: 'manifest-qr', description: seal.manifestSha256, title: l.manifest },
      }),
    ]),
  ];
}

/** The document, for callers that want to inspect or pack it themselves. */
export function recordDocument(data: RecordDocumentData, options: RecordDocumentOptions = {}, sealQr?: Buffer): Document {
  const language = options.language ?? 'zh-CN';
  const l = labels[language];
  const partyLabel = data.partyLabel?.trim() || l.party;
  const entries = data.entries.filter((entry) => !entry.offRecord).map((entry) => entryParagraph(entry, language));
  return styledDocument(matterIdentity(data, l.title), options, [
    pageSection(
      [
        ...officeTitle(options.officeName, l.title),
        ...headerFields(data, l, partyLabel),
        ...entries,
        ...signatureParagraphs(data, l, language),
        ...(data.seal && sealQr ? sealParagraphs(data.seal, sealQr, l, language) : []),
      ],
      { default: recordFooter(data, l, partyLabel, language) },
    ),
  ]);
}

/** The .docx bytes; the same data and options give the same bytes. */
export async function buildRecordDocument(data: RecordDocumentData, options: RecordDocumentOptions = {}): Promise<Buffer> {
  const language = options.language ?? 'zh-CN';
  const sealQr = data.seal ? await QRCode.toBuffer(data.seal.manifestSha256, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 192 }) : undefined;
  return packDocumentOn(recordDocument(data, options, sealQr), data.startsAt, matterIdentity(data, labels[language].title));
}
