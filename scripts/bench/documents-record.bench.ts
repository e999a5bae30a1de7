import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { buildRecordDocument, type RecordDocumentData, type RecordEntry, type RecordSigner } from '../../electron/core/documents/record.js';
import { idNumber } from '../../test/fixtures/people.js';
import { signaturePng } from '../../test/fixtures/png.js';
import { wangRecord } from '../../test/fixtures/record.js';
import { elapsedMs, median, result, round, type Benchmark } from './harness.js';
import { pick, seededRandom, SpeechGenerator } from './minutes-corpus.js';

const ENTRIES = 3000;
const EXHIBITS = 120;

/** The 王建平 cast of the fixture, grown to the 20 people a large expropriation hearing seats. */
function twentyPeople(): Pick<RecordDocumentData, 'representatives' | 'agencies' | 'thirdParties'> & { signers: RecordSigner[] } {
  const representatives: RecordDocumentData['representatives'] = [
    ...wangRecord.representatives,
    { kind: 'representative', name: '李秀英', gender: 'female', idNumber: idNumber('450103', '19650822', '024'), phone: '13907715566' },
    { kind: 'representative', name: '张德明', gender: 'male', idNumber: idNumber('450103', '19580109', '051'), phone: '0771-5861234' },
    { kind: 'representative', name: '陈桂兰', gender: 'female', idNumber: idNumber('450102', '19700611', '062'), phone: '15177889900' },
  ];
  const agencies: RecordDocumentData['agencies'] = [
    {
      name: '青秀区住房和城乡建设局',
      attendees: [
        ...(wangRecord.agencies[0]?.attendees ?? []),
        { name: '黎文斌', post: '青秀区房屋征收办公室科员' },
        { name: '蒙春燕', post: '东城街道办事处副主任' },
      ],
    },
  ];
  const thirdParties: RecordDocumentData['thirdParties'] = [
    { name: '王秀兰', gender: 'female', idNumber: idNumber('450103', '19750420', '082'), address: '广西壮族自治区南宁市青秀区东葛路118号3栋2单元501室' },
    { name: '王俊杰', gender: 'male', idNumber: idNumber('450103', '19990117', '015'), address: '广西壮族自治区南宁市青秀区东葛路118号3栋2单元501室' },
    { name: '覃永福', gender: 'male', organization: '南宁市宏光房地产估价有限公司', post: '估价师', phone: '0771-5530216' },
    { name: '潘德新', gender: 'male', idNumber: idNumber('450103', '19630905', '031'), phone: '13617710088' },
  ];
  // Who signs, as record-data.ts derives it: every party-side person, the agency's attendees, chair, panel and clerk.
  const signers: RecordSigner[] = [
    { role: 'clerk', label: '记录员', name: wangRecord.clerk.name },
    { role: 'chair', label: '主持人', name: wangRecord.chair.name },
    ...wangRecord.panel.map((person) => ({ role: 'panel' as const, label: '听证员', name: person.name })),
    ...wangRecord.petitioners.map((person) => ({ role: 'party' as const, label: '信访人', name: person.name })),
    ...representatives.map((person) => ({ role: 'party' as const, label: person.kind === 'agent' ? '委托代理人' : '代表', name: person.name })),
    ...(agencies[0]?.attendees ?? []).map((person) => ({ role: 'party' as const, label: '办理机关（青秀区住房和城乡建设局）', name: person.name })),
    ...thirdParties.map((person) => ({ role: 'party' as const, label: '第三人', name: person.name })),
  ];
  // Everyone signs on the pad, the petitioner on every page; one refuses and one has left, as happens.
  const signed = signers.map((signer, index): RecordSigner => ({
    ...signer,
    ...(signer.label === '信访人' ? { signsEveryPage: true } : {}),
    signature: { png: signaturePng(index + 1), closingSentence: '以上笔录我已看过，与我所说的相符。', signedAt: '2026-12-08T13:40' },
  }));
  signed[signed.length - 1] = { ...(signers[signers.length - 1] as RecordSigner), refusal: '对评估结果有异议' };
  signed[signed.length - 2] = { ...(signers[signers.length - 2] as RecordSigner), absent: true };
  return { representatives, agencies, thirdParties, signers: signed };
}

const exhibitNames = [
  '房屋所有权证复印件',
  '房屋征收补偿决定书',
  '分户评估报告',
  '房屋测绘报告',
  '送达回证',
  '现场照片',
  '租赁合同',
  '水电费单据',
  '会议纪要',
  '证人证言',
];

/**
 * A four-hour sitting (09:30–13:30) as a clerk types it: 3,000 entries of
 * 20–200 characters from the minutes corpus, among them the 120 exhibits
 * shown (each an event of its own, as the fixture writes them), agenda
 * events, 问/答 pairs, some entries broken over lines with Shift+Enter, and
 * a few asides off the record.
 */
function fourHourEntries(): RecordEntry[] {
  const random = seededRandom(20261208);
  const speech = new SpeechGenerator(random);
  const words = { petitioner: '王建平', agent: '张志强', agency: '青秀区住房和城乡建设局', street: '东葛路118号' };
  const speakers = [
    '主持人',
    '信访人王建平',
    '委托代理人张志强',
    '代表李秀英',
    '代表张德明',
    '代表陈桂兰',
    '办理机关（青秀区住房和城乡建设局 陈立新）',
    '办理机关（青秀区房屋征收办公室 莫晓东）',
    '第三人王秀兰',
    '第三人潘德新',
  ];
  const panel = wangRecord.panel.map((person) => `听证员${person.name}`);
  const exhibitEvery = Math.floor(ENTRIES / EXHIBITS);
  const entries: RecordEntry[] = [];
  for (let index = 0; index < ENTRIES; index += 1) {
    const minute = Math.floor((index * 240) / ENTRIES);
    const time = `2026-12-08T${String(9 + Math.floor((30 + minute) / 60)).padStart(2, '0')}:${String((30 + minute) % 60).padStart(2, '0')}`;
    if (index % exhibitEvery === exhibitEvery - 1) {
      const number = Math.floor(index / exhibitEvery) + 1;
      const side = number % 3 === 0 ? '办理机关' : '信访人';
      const pages = 1 + Math.floor(random() * 40);
      entries.push({
        time,
        speakerLabel: '',
        kind: 'event',
        text: `${side}出示证据${number}：${pick(exhibitNames, random)}1份，共${pages}页。`,
        offRecord: false,
      });
      continue;
    }
    const roll = random();
    if (roll < 0.04) {
      entries.push({ time, speakerLabel: '', kind: 'event', text: `进入“${pick(['质证', '询问', '辩论', '最后陈述'], random)}”环节。`, offRecord: false });
    } else if (roll < 0.16) {
      entries.push({ time, speakerLabel: pick(panel, random), kind: 'question', text: speech.entry(words), offRecord: false });
    } else if (roll < 0.28) {
      entries.push({ time, speakerLabel: pick(speakers, random), kind: 'answer', text: speech.entry(words), offRecord: false });
    } else {
      const text = roll < 0.33 ? `${speech.entry(words)}\n${speech.entry(words)}` : speech.entry(words);
      entries.push({ time, speakerLabel: pick(speakers, random), kind: 'speech', text, offRecord: roll > 0.997 });
    }
  }
  return entries;
}

function fourHourRecord(): RecordDocumentData {
  return { ...wangRecord, ...twentyPeople(), startsAt: '2026-12-08T09:30', endsAt: '2026-12-08T13:30', observerCount: 46, entries: fourHourEntries() };
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The visible text of each body paragraph of a .docx, in order. */
function paragraphTexts(docx: Buffer): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'] as Uint8Array);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => (text[1] ?? '').replace(/&\w+;/g, (entity) => entities[entity] ?? entity)).join(''),
  );
}

/**
 * What the bare library takes for the same paragraphs: their text, one plain
 * run each, and the same signature pictures, with default styles and no
 * footer or font table.
 */
function bareDocx(texts: readonly string[], pictures: readonly Buffer[]): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: [
          ...texts.map((text) => new Paragraph({ children: [new TextRun(text)] })),
          ...pictures.map((data) => new Paragraph({ children: [new ImageRun({ type: 'png', data, transformation: { width: 96, height: 32 } })] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * Issue 8: the full record of a four-hour hearing (3,000 entries, 120
 * exhibits, 20 participants who sign) becomes a .docx in at most 1.3 times
 * what the bare `docx` library needs for the same paragraphs, and in at most
 * 2 s. `buildRecordDocument` from plain data (styles, header fields, tagged
 * entries, signature block, footer with page fields, font table, fixed zip
 * timestamps), against `new Document` + `Packer.toBuffer` of the very
 * paragraph texts the record holds, read back from its document.xml, and the
 * same signature pictures. Both
 * are mostly zip deflate and XML serialisation, which the garbage collector
 * and the JIT make noisy, so after a warm-up of each they alternate rounds
 * and the medians are compared.
 */
export const documentsRecord: Benchmark = {
  name: 'documents.record',
  async run({ quick }) {
    const rounds = quick ? 5 : 15;
    const data = fourHourRecord();
    const options = { officeName: '南宁市青秀区信访局' };
    const first = await buildRecordDocument(data, options);
    const texts = paragraphTexts(first);
    const pictures = data.signers.flatMap((signer) => (signer.signature ? [signer.signature.png] : []));
    await bareDocx(texts, pictures);

    const measures = {
      record: () => elapsedMs(() => buildRecordDocument(data, options)),
      bare: () => elapsedMs(() => bareDocx(texts, pictures)),
    };
    const samples = { record: [] as number[], bare: [] as number[] };
    for (let index = 0; index < rounds; index += 1) {
      // Each round starts with the other one, so neither always runs in the other's garbage.
      const order = index % 2 === 0 ? (['record', 'bare'] as const) : (['bare', 'record'] as const);
      for (const which of order) samples[which].push(await measures[which]());
    }

    const record = median(samples.record);
    const bare = median(samples.bare);
    const onRecord = data.entries.filter((entry) => !entry.offRecord).length;
    console.error(
      `documents.record, ${data.entries.length} entries (${onRecord} on the record, ${EXHIBITS} exhibits), ${data.signers.length} signers → ${texts.length} paragraphs, ` +
        `${round(first.length / 1024)} KiB; medians of ${rounds}: buildRecordDocument ${round(record)} ms, bare docx ${round(bare)} ms ` +
        `(record ${samples.record.map((ms) => Math.round(ms)).join('/')}, bare ${samples.bare.map((ms) => Math.round(ms)).join('/')})`,
    );
    return result('documents.record', record, bare, 'ms', 1.3, 2000);
  },
};
