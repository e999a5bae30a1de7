import type { Language, LocalizedText, Opinion, Opinions } from '../contract/index.js';

export interface ExaminationWords extends Opinions {
  examiner: LocalizedText;
  exhibitLabel: LocalizedText;
}

const aspects = ['authenticity', 'legality', 'relevance'] as const;
const aspectWords: Record<Language, Record<(typeof aspects)[number], string>> = {
  'zh-CN': { authenticity: '真实性', legality: '合法性', relevance: '关联性' },
  en: { authenticity: 'authenticity', legality: 'legality', relevance: 'relevance' },
};
const opinionWords: Record<Language, Record<Opinion, string>> = {
  'zh-CN': { none: '无异议', objection: '有异议', partial: '有部分异议' },
  en: { none: 'raises no objection to', objection: 'objects to', partial: 'partly objects to' },
};

/**
 * The 质证 opinion as the record writes it (domain.md §4): aspects with the same
 * opinion are named together, in the order 真实性、合法性、关联性, and each
 * objection carries its reasons — 办理机关对信访人证据3的真实性、合法性无异议，对关联性有异议，认为……
 */
export function examinationSentence(words: ExaminationWords, language: Language): string {
  const zh = language === 'zh-CN';
  const groups: { opinion: Opinion; items: (typeof aspects)[number][] }[] = [];
  for (const aspect of aspects) {
    const opinion = words[aspect];
    const group = groups.find((candidate) => candidate.opinion === opinion);
    if (group) group.items.push(aspect);
    else groups.push({ opinion, items: [aspect] });
  }
  const notesOf = (items: (typeof aspects)[number][]) =>
    items
      .map((aspect) => words[`${aspect}Note` as const].trim())
      .filter(Boolean)
      .join(zh ? '；' : '; ');
  const clauses = groups.map((group, index) => {
    const names = group.items.map((aspect) => aspectWords[language][aspect]).join(zh ? '、' : ' and ');
    const note = notesOf(group.items);
    if (zh) {
      const subject = index === 0 ? `对${words.exhibitLabel['zh-CN']}的${names}` : `对${names}`;
      return `${subject}${opinionWords['zh-CN'][group.opinion]}${note ? `，认为${note}` : ''}`;
    }
    const object = index === 0 ? `the ${names} of ${words.exhibitLabel.en}` : `its ${names}`;
    return `${opinionWords.en[group.opinion]} ${object}${note ? ` (${note})` : ''}`;
  });
  const purpose = words.purposeOpinion.trim();
  if (zh) return `${words.examiner['zh-CN']}${clauses.join('，')}${purpose ? `；关于证明目的，认为${purpose}` : ''}。`;
  return `${words.examiner.en} ${clauses.join(', ')}${purpose ? `; as to what it is meant to prove: ${purpose}` : ''}.`;
}

/** 信访人证据3 / Petitioner exhibit 3, or in grouped numbering 信访人证据1-2 / Petitioner exhibit 1-2. */
export function exhibitLabel(sideName: LocalizedText, serial: string): LocalizedText {
  return { 'zh-CN': `${sideName['zh-CN']}证据${serial}`, en: `${sideName.en} exhibit ${serial}` };
}
