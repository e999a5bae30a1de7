import { formatDate, type Language } from '../contract/index.js';

export interface ScriptContext {
  organizer: string;
  matterNo: string;
  title: string;
  chair: string;
  panel: string;
  clerk: string;
  parties: string;
  agency: string;
  venue: string;
  date: string;
  time: string;
  stage: string;
  requests: string;
  speakingMinutes: string;
}

export interface ScriptFacts {
  organizer: string;
  matterNo: string;
  title: string;
  venue: string;
  plannedStart: string;
  agency: string;
  stage: 'handling' | 'review' | 'reexamination';
  speakingMinutes: number;
  names: { chair: string[]; panel: string[]; clerk: string[]; parties: string[]; agency: string[] };
  requests: string[];
}

const stageWords: Record<Language, Record<ScriptFacts['stage'], string>> = {
  'zh-CN': { handling: '处理', review: '复查', reexamination: '复核' },
  en: { handling: 'first handling', review: 'review', reexamination: 're-examination' },
};

/** The words that replace each placeholder, as they are read aloud in that language. */
export function scriptContext(facts: ScriptFacts, language: Language): ScriptContext {
  const zh = language === 'zh-CN';
  const list = (names: string[]) => names.join(zh ? '、' : ', ');
  const [, time = ''] = facts.plannedStart.split('T');
  const [hour = '0', minute = '00'] = time.split(':');
  return {
    organizer: facts.organizer,
    matterNo: facts.matterNo,
    title: facts.title,
    chair: list(facts.names.chair),
    panel: list(facts.names.panel),
    clerk: list(facts.names.clerk),
    parties: list(facts.names.parties),
    agency: facts.agency ? (facts.names.agency.length > 0 ? `${facts.agency}（${list(facts.names.agency)}）` : facts.agency) : list(facts.names.agency),
    venue: facts.venue,
    date: formatDate(facts.plannedStart, language),
    time: zh ? `${Number(hour)}时${minute}分` : `${hour}:${minute}`,
    stage: stageWords[language][facts.stage],
    requests: facts.requests.map((request, index) => (zh ? `${index + 1}. ${request}` : `${index + 1}. ${request}`)).join(zh ? '；' : '; '),
    speakingMinutes: String(facts.speakingMinutes),
  };
}

/** Fills {{placeholders}}; one the hearing cannot fill yet stays visible as 〔…〕 so the chair sees what is missing. */
export function fillScript(script: string, context: ScriptContext): string {
  return script.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = (context as unknown as Record<string, string | undefined>)[name];
    return value === undefined ? whole : value === '' ? `〔${name}〕` : value;
  });
}
