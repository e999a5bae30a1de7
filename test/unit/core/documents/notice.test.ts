import { beforeAll, describe, expect, it } from 'vitest';
import { formatAppointment } from '../../../../electron/core/contract/index.js';
import { buildNoticeDocument, type NoticeDocumentData } from '../../../../electron/core/documents/notice.js';
import { wangJianpingHearing } from '../../../fixtures/hearings.js';
import { cast } from '../../../fixtures/people.js';
import { paragraphXml, paragraphs, partsOf } from '../../support/docx.js';
import { useReadyHearings } from '../../support/hearing.js';

const { ready } = useReadyHearings();

/** The body's paragraphs, split after each that ends a section (its `w:pPr` holds the `w:sectPr`): one entry per notice. */
function noticeParagraphs(xml: string): string[][] {
  const pieces: string[][] = [[]];
  for (const paragraph of paragraphXml(xml)) {
    pieces.at(-1)!.push(paragraph);
    if (paragraph.includes('<w:sectPr')) pieces.push([]);
  }
  return pieces.filter((piece) => piece.length > 0);
}

/** Each notice's text, paragraph by paragraph, empty ones left out. */
function notices(xml: string): string[][] {
  return noticeParagraphs(xml).map((piece) => piece.map((paragraph) => paragraphs(paragraph)[0]!).filter((text) => text !== ''));
}

const officer = (person: { name: string; organization?: string }) => ({ name: person.name, organization: person.organization ?? '' });

/** The notices of the 王建平 hearing: the petitioner, one representative, his agent and the handling agency. */
const wangNotice: NoticeDocumentData = {
  matter: wangJianpingHearing.title,
  matterNo: wangJianpingHearing.matterNo,
  organizer: wangJianpingHearing.organizer,
  startsAt: wangJianpingHearing.plannedStart,
  venue: wangJianpingHearing.venue,
  isPublic: true,
  nonPublicReason: '',
  chair: officer(cast.chair),
  panel: cast.panel.map(officer),
  clerk: officer(cast.clerk),
  agentsPerParty: 2,
  addressees: [
    { kind: 'party', name: '王建平', roleLabel: '信访人' },
    { kind: 'representative', name: '李秀英', roleLabel: '信访人代表' },
    { kind: 'agent', name: '张志强', roleLabel: '委托代理人', principal: '王建平' },
    { kind: 'agency', name: '青秀区住房和城乡建设局', roleLabel: '办理机关' },
  ],
  issuedOn: '2026-11-27',
};

describe('听证通知书 (.docx)', () => {
  let docx: Buffer;
  let parts: Record<string, string>;
  let xml: string;

  beforeAll(async () => {
    docx = await buildNoticeDocument(wangNotice);
    parts = partsOf(docx);
    xml = parts['word/document.xml']!;
  });

  it('gives each addressee a notice of their own, each a section that starts a new page and counts its pages from 1', () => {
    const sections = [...xml.matchAll(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/g)].map((match) => match[0]);
    expect(sections).toHaveLength(4);
    for (const section of sections) {
      // A section break of the default kind is a new page; none says otherwise.
      expect(section).not.toMatch(/<w:type w:val="(?!nextPage)/);
      expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(section).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(section).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"\/>/);
      expect(section).toContain('<w:pgNumType w:start="1"/>');
    }
    expect(notices(xml).map((notice) => notice[2])).toEqual(['王建平：', '李秀英：', '张志强：', '青秀区住房和城乡建设局：']);
  });

  it('numbers its pages as a 公文: "— 1 —" in 宋体, odd pages right and even pages left', () => {
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const section = xml.match(/<w:sectPr[ >][\s\S]*?<\/w:sectPr>/)![0];
    expect([...section.matchAll(/<w:footerReference w:type="(\w+)"/g)].map((match) => match[1]).sort()).toEqual(['default', 'even']);
    const footers = Object.entries(parts).filter(([path]) => /^word\/footer\d+\.xml$/.test(path));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const [, footer] of footers) {
      expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
      expect(footer).toMatch(/w:eastAsia="宋体"/);
      expect(paragraphs(footer)).toEqual(['—  —']);
    }
  });

  it('sets its text in the East Asian fonts of GB/T 9704: 小标宋 title, 仿宋 body, 黑体 item headings', () => {
    const styles = parts['word/styles.xml']!;
    expect(styles).toMatch(/w:styleId="HdTitle"[\s\S]*?w:eastAsia="方正小标宋简体"[\s\S]*?<\/w:style>/);
    expect(styles).toMatch(/w:styleId="HdBody"[\s\S]*?w:eastAsia="仿宋_GB2312"[\s\S]*?<\/w:style>/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"[^>]*\/><\/w:rPr><w:t xml:space="preserve">一、听证时间：<\/w:t>/);
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>');
  });

  it('tells the petitioner when, where, before whom, their rights, what to bring and that staying away waives the hearing', () => {
    expect(notices(xml)[0]).toEqual([
      '听证通知书',
      '青信访〔2026〕第0317号',
      '王建平：',
      '本机关决定就王建平不服东城街道房屋征收补偿决定信访事项举行听证，请你以信访人身份参加。现将有关事项通知如下：',
      '一、听证时间：2026年12月8日上午9时30分',
      '二、听证地点：青秀区信访局三楼听证室',
      '三、听证方式：公开听证',
      '四、听证人员：主持人刘明远（南宁市青秀区信访局）；听证员黄志刚（青秀区人大常委会）、梁秀英（青秀区政协）、韦建国（广西邕江律师事务所）、覃丽华（广西大学法学院）、陆海峰（东城街道东葛社区）；记录员赵敏（南宁市青秀区信访局）。',
      '五、你享有的权利：可以委托一至二名代理人参加听证，委托代理人参加的，应当向本机关提交载明委托事项和代理权限的授权委托书。认为主持人、听证员、记录员与本事项有直接利害关系或者其他关系，可能影响公正听证的，可以申请其回避；申请回避应当在听证举行前提出，并说明理由。',
      '六、参加听证应当携带的材料：本人居民身份证或者其他有效身份证件；支持本人主张的证据材料（原件及复印件）；委托代理人参加的，代理人还应当携带授权委托书和本人身份证件。',
      '七、注意事项：无正当理由不按时参加听证，或者未经主持人许可中途退出的，视为放弃听证权利。',
      '特此通知。',
      '南宁市青秀区信访局',
      '2026年11月27日',
    ]);
  });

  it('puts the 落款 on the right with room for the seal, and the date four characters in from the right', () => {
    const tail = noticeParagraphs(xml)[0]!.slice(-2);
    expect(tail[0]).toContain('<w:jc w:val="right"/>');
    expect(tail[0]).toContain(`<w:spacing w:before="${2 * 579}"/>`);
    expect(tail[1]).toContain('<w:jc w:val="right"/>');
    expect(tail[1]).toContain(`<w:ind w:right="${4 * 320}"/>`);
  });

  it('summons an agent for their principal, without the right to appoint agents or the waiver, which are the principal’s', () => {
    const agent = notices(xml)[2]!;
    expect(agent).toContain('本机关决定就王建平不服东城街道房屋征收补偿决定信访事项举行听证，请你以王建平的委托代理人身份参加。现将有关事项通知如下：');
    expect(agent).toContain('六、参加听证应当携带的材料：本人身份证件；授权委托书；支持委托人主张的证据材料（原件及复印件）。');
    expect(agent.join('')).not.toContain('可以委托');
    expect(agent.join('')).not.toContain('视为放弃');
  });

  it('asks the handling agency to send its officials with the grounds of its decision', () => {
    const agency = notices(xml)[3]!;
    expect(agency).toContain('本机关决定就王建平不服东城街道房屋征收补偿决定信访事项举行听证，请你单位派员以办理机关身份出席。现将有关事项通知如下：');
    expect(agency.find((text) => text.startsWith('五、'))).toMatch(/^五、你单位享有的权利：认为主持人、听证员、记录员/);
    expect(agency).toContain('六、参加听证应当携带的材料：出席人员的身份证件和本单位的授权委托书；作出处理意见所依据的事实材料、证据和政策法律依据。');
    expect(agency.join('')).not.toContain('视为放弃');
  });

  it('states a hearing not in public with its reason, and a template without agents offers none', async () => {
    const closed = notices(
      partsOf(await buildNoticeDocument({ ...wangNotice, isPublic: false, nonPublicReason: '涉及个人隐私', agentsPerParty: 0 }))['word/document.xml']!,
    )[0]!;
    expect(closed).toContain('三、听证方式：不公开听证（理由：涉及个人隐私）');
    expect(closed.find((text) => text.startsWith('五、'))).toBe(
      '五、你享有的权利：认为主持人、听证员、记录员与本事项有直接利害关系或者其他关系，可能影响公正听证的，可以申请其回避；申请回避应当在听证举行前提出，并说明理由。',
    );
  });

  it('writes a sitting’s time as officials do: the part of the day, twelve-hour, no minutes on the hour', () => {
    expect(formatAppointment('2026-12-08T09:30', 'zh-CN')).toBe('2026年12月8日上午9时30分');
    expect(formatAppointment('2026-12-15T14:00', 'zh-CN')).toBe('2026年12月15日下午2时');
    expect(formatAppointment('2026-12-15T12:30', 'zh-CN')).toBe('2026年12月15日中午12时30分');
    expect(formatAppointment('2027-01-05T19:05', 'zh-CN')).toBe('2027年1月5日晚上7时5分');
    expect(formatAppointment('2026-12-08T09:30', 'en')).toBe('8 December 2026, 9:30 a.m.');
    expect(formatAppointment('2026-12-15T14:00', 'en')).toBe('15 December 2026, 2:00 p.m.');
  });

  it('has English labels for the same notices', async () => {
    const english = notices(partsOf(await buildNoticeDocument(wangNotice, { language: 'en' }))['word/document.xml']!)[0]!;
    expect(english.slice(0, 3)).toEqual(['Notice of Hearing', '青信访〔2026〕第0317号', 'To 王建平:']);
    expect(english).toContain('1. Time: 8 December 2026, 9:30 a.m.');
    expect(english.at(-1)).toBe('27 November 2026');
    expect(english.join(' ')).toContain('treated as waiving the right to a hearing');
  });

  it('gives the same bytes for the same data, and other bytes for other data', async () => {
    expect((await buildNoticeDocument(wangNotice)).equals(docx)).toBe(true);
    expect((await buildNoticeDocument({ ...wangNotice, venue: '青秀区信访局二楼调解室' })).equals(docx)).toBe(false);
  });
});

describe('documents.generate: notice', () => {
  it('writes a notice for every petitioner, representative and agent and one for the handling agency, with no identity number or phone', async () => {
    const { core, hearing } = await ready();
    const generated = await core.ok('documents.generate', { hearingId: hearing.id, kind: 'notice' });
    expect(generated.fileName).toBe(`${hearing.title}-听证通知书.docx`);
    const parts = partsOf(Buffer.from(generated.base64, 'base64'));
    const xml = parts['word/document.xml']!;
    expect(notices(xml).map((notice) => notice[2])).toEqual(['王建平：', '李秀英：', '张德明：', '陈桂兰：', '张志强：', '青秀区住房和城乡建设局：']);
    expect(notices(xml)[1]).toContain('本机关决定就王建平不服东城街道房屋征收补偿决定信访事项举行听证，请你以信访人代表身份参加。现将有关事项通知如下：');
    expect(notices(xml)[0]).toContain('一、听证时间：2026年12月8日上午9时30分');

    const everything = Object.values(parts).join('');
    for (const person of [cast.petitioner, ...cast.representatives]) {
      expect(everything).not.toContain(person.idNumber!);
      expect(everything).not.toContain(person.phone!);
    }
    expect(everything).not.toContain('东葛路118号');
    expect((await core.ok('documents.generate', { hearingId: hearing.id, kind: 'notice' })).sha256).toBe(generated.sha256);
  });
});
