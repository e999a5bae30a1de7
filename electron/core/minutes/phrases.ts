import type { MinutePhrase, PhraseContext, RoleKind, StepType } from '../contract/index.js';
import type { HearingRecord } from '../db/hearings.js';
import { lastHearingEvent } from '../db/hearing-events.js';
import type { Db } from '../db/index.js';
import { listOfficePhrases, type PhraseRecord } from '../db/minutes.js';
import type { ParticipantRecord } from '../db/participants.js';
import type { HearingTemplate } from '../templates/schema.js';

export function officePhrase(record: PhraseRecord): MinutePhrase {
  return {
    id: record.id,
    source: 'office',
    stepType: record.stepType as StepType | null,
    role: record.role as RoleKind | null,
    text: { 'zh-CN': record.text, en: record.text },
  };
}

/** The palette: the template's stock sentences, then the office's own. */
export function minutePhrases(db: Db, template: HearingTemplate): MinutePhrase[] {
  const fromTemplate = template.phrases.map((phrase, index): MinutePhrase => ({
    id: `template:${template.id}:${index}`,
    source: 'template',
    stepType: phrase.step,
    role: phrase.role,
    text: phrase.text,
  }));
  return [...fromTemplate, ...listOfficePhrases(db).map(officePhrase)];
}

/** What {{chair}}, {{petitioner}}, {{exhibit}} … stand for in this hearing. */
export function phraseContext(db: Db, hearing: HearingRecord, people: readonly ParticipantRecord[]): PhraseContext {
  const names = (...roles: RoleKind[]) =>
    people
      .filter((person) => roles.includes(person.role))
      .map((person) => person.name)
      .join('、');
  const agencies = [...new Set(people.filter((person) => person.role === 'agency').map((person) => person.organization.trim() || person.name))];
  const presented = lastHearingEvent(db, hearing.id, 'evidence.presented')?.data;
  return {
    chair: names('chair'),
    clerk: names('clerk'),
    panel: names('panel'),
    petitioner: names('party'),
    // The case names the agency that handled the matter; the officials present may come from several offices.
    agency: hearing.agency || agencies.join('、'),
    third: names('thirdParty'),
    exhibit: presented ? `${String(presented.label)}《${String(presented.name)}》` : '',
    place: hearing.venue,
  };
}
