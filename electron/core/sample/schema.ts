import { z } from 'zod';
import {
  acceptances,
  agentPowers,
  announcementManners,
  ballotModes,
  exhibitForms,
  findings,
  genders,
  hearingCreateInput,
  opinions,
  raterKinds,
  roleKinds,
  stepTypes,
  typedMinuteKinds,
} from '../contract/index.js';
import { localDate, localDateTime } from '../contract/fields.js';

/**
 * The shape of a sample hearing file (resources/samples). Times in the
 * hearing are minutes from the planned start, so the whole sitting moves if
 * the date does; people are referred to by name, as a script reads.
 */
const minute = z
  .number()
  .finite()
  .min(0)
  .max(24 * 60);
const name = z.string().min(1).max(50);
const text = z.string().min(1).max(5000);

const participant = z
  .object({
    role: z.enum(roleKinds),
    name,
    gender: z.enum(genders).default(''),
    idNumber: z.string().default(''),
    phone: z.string().default(''),
    address: z.string().default(''),
    organization: z.string().default(''),
    post: z.string().default(''),
    agentFor: name.optional(),
    agentPowers: z.enum(agentPowers).default(''),
    agentPowersText: z.string().default(''),
    notes: z.string().default(''),
    /** Minutes before the start (negative) at which they were checked in. */
    arrival: z.number().finite().max(0).min(-240),
  })
  .strict();

const examination = z
  .object({
    at: minute,
    examiner: name,
    authenticity: z.enum(opinions),
    authenticityNote: z.string().default(''),
    legality: z.enum(opinions),
    legalityNote: z.string().default(''),
    relevance: z.enum(opinions),
    relevanceNote: z.string().default(''),
    purposeOpinion: z.string().default(''),
  })
  .strict();

const exhibit = z
  .object({
    submitter: name,
    name: z.string().min(1).max(200),
    source: z.string().default(''),
    purpose: z.string().default(''),
    form: z.enum(exhibitForms),
    pages: z.number().int().min(1).nullable().default(null),
    copies: z.number().int().min(1).nullable().default(null),
    isOriginal: z.boolean().default(false),
    submittedOn: localDate.nullable().default(null),
    receivedBy: z.string().default(''),
    notes: z.string().default(''),
    examinations: z.array(examination).min(1),
    finding: z.object({ at: minute, finding: z.enum(findings), reasons: text }).strict(),
  })
  .strict();

const entry = z
  .object({
    at: minute,
    /** A participant's name; null for the clerk's notes that nobody said. */
    speaker: name.nullable(),
    kind: z.enum(typedMinuteKinds),
    text,
  })
  .strict();

const step = z.object({ step: z.enum(stepTypes), at: minute, entries: z.array(entry) }).strict();

const vote = z.object({ at: minute, request: z.number().int().min(1), member: name, outcome: z.string().regex(/^[a-zA-Z]{1,40}$/), reasons: text }).strict();

const sampleShape = z
  .object({
    schemaVersion: z.literal(1),
    /** When the clerk entered the case, its people and its exhibits: some days before the sitting. */
    preparedAt: localDateTime,
    hearing: hearingCreateInput,
    requests: z.array(text).min(1),
    participants: z.array(participant).min(1),
    exhibits: z.array(exhibit),
    script: z.array(step).min(1),
    deliberation: z
      .object({
        ballot: z.enum(ballotModes),
        openAt: minute,
        votes: z.array(vote).min(1),
        closeAt: minute,
        announceAt: minute,
        manner: z.enum(announcementManners).default('onSpot'),
      })
      .strict(),
    satisfaction: z
      .object({
        at: minute,
        rating: z.string().nullable(),
        reason: z.string().default(''),
        enteredBy: z.enum(raterKinds),
        acceptsConclusion: z.enum(acceptances),
      })
      .strict(),
    closedAt: minute,
    /** The round starts here, one signer a minute, in the order the core gives. */
    signing: z.object({ at: minute, closingSentence: z.string().min(1).max(200) }).strict(),
  })
  .strict();

export const sampleSchema = sampleShape.superRefine(checkReferences);

export type Sample = z.output<typeof sampleSchema>;
export type SampleEntry = z.output<typeof entry>;

/** What zod cannot see: names that point at nobody, and a script whose clock would run backwards. */
function checkReferences(sample: z.output<typeof sampleShape>, ctx: z.RefinementCtx): void {
  const names = new Set<string>();
  sample.participants.forEach((person, index) => {
    if (names.has(person.name)) ctx.addIssue({ code: 'custom', path: ['participants', index, 'name'], message: `"${person.name}" appears twice` });
    names.add(person.name);
  });
  const known = (value: string | null | undefined, path: (string | number)[]) => {
    if (value && !names.has(value)) ctx.addIssue({ code: 'custom', path, message: `"${value}" is not one of the participants` });
  };
  sample.participants.forEach((person, index) => known(person.agentFor, ['participants', index, 'agentFor']));
  sample.exhibits.forEach((item, index) => {
    known(item.submitter, ['exhibits', index, 'submitter']);
    item.examinations.forEach((opinion, at) => known(opinion.examiner, ['exhibits', index, 'examinations', at, 'examiner']));
  });
  sample.deliberation.votes.forEach((ballot, index) => {
    known(ballot.member, ['deliberation', 'votes', index, 'member']);
    if (ballot.request > sample.requests.length) {
      ctx.addIssue({ code: 'custom', path: ['deliberation', 'votes', index, 'request'], message: `there is no request ${ballot.request}` });
    }
  });
  sample.script.forEach((section, index) => {
    const next = sample.script[index + 1];
    if (next && next.at <= section.at) ctx.addIssue({ code: 'custom', path: ['script', index + 1, 'at'], message: 'steps must start in time order' });
    let previous = section.at;
    section.entries.forEach((line, at) => {
      known(line.speaker, ['script', index, 'entries', at, 'speaker']);
      const outside = line.at < previous || (next !== undefined && line.at >= next.at);
      if (outside) ctx.addIssue({ code: 'custom', path: ['script', index, 'entries', at, 'at'], message: 'entries must be in time order within their step' });
      previous = line.at;
    });
  });
}
