import { z } from 'zod';
import { sides, stepTypes, type Side, type StepType } from '../contract/procedure.js';
import { phrasePlaceholders } from '../contract/minutes.js';
import { roleKinds, type RoleKind } from '../contract/roles.js';

export { roleKinds, sides, stepTypes, type RoleKind, type Side, type StepType };

/**
 * Where each kind of participant sits. Fixed rather than chosen per template:
 * an agent seated with the agency, say, would put the petitioner's counsel on
 * the wrong side of the record.
 */
export const sideOfRole: Readonly<Record<RoleKind, Side>> = {
  chair: 'presiding',
  panel: 'panel',
  clerk: 'record',
  party: 'petitioner',
  representative: 'petitioner',
  agent: 'petitioner',
  agency: 'agency',
  thirdParty: 'third',
  witness: 'third',
  expert: 'third',
  interpreter: 'third',
  observer: 'public',
  media: 'public',
};

export const documentKinds = [
  'notice',
  'announcement',
  'signInSheet',
  'discipline',
  'record',
  'evidenceList',
  'deliberationRecord',
  'report',
  'conclusion',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** vote: the panel decides by majority (信访); discussion: the panel advises (检察); report: no panel decision, a report goes to the organ (价格). */
export const deliberationModes = ['vote', 'discussion', 'report'] as const;
export type DeliberationMode = (typeof deliberationModes)[number];

export const tieRules = ['chairDecides', 'noConclusion'] as const;
export type TieRule = (typeof tieRules)[number];

export const dayUnits = ['calendar', 'working'] as const;
export type DayUnit = (typeof dayUnits)[number];

/** The only names a 主持词 may use in {{…}}: whatever fills them in knows no others, and a typo must not be read aloud. */
export const scriptPlaceholders = [
  'organizer',
  'matterNo',
  'title',
  'chair',
  'panel',
  'clerk',
  'parties',
  'agency',
  'venue',
  'date',
  'time',
  'stage',
  'requests',
  'speakingMinutes',
] as const;
export type ScriptPlaceholder = (typeof scriptPlaceholders)[number];

const localized = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.output<typeof localized>;

const placeholderPattern = /\{\{(.*?)\}\}/g;

function isPlaceholder(name: string): name is ScriptPlaceholder {
  return (scriptPlaceholders as readonly string[]).includes(name);
}

const scriptText = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    for (const [, name = ''] of text.matchAll(placeholderPattern)) {
      if (!isPlaceholder(name)) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${name}}}; allowed: ${scriptPlaceholders.join(', ')}` });
      }
    }
    const rest = text.replace(placeholderPattern, '');
    if (rest.includes('{{') || rest.includes('}}')) {
      ctx.addIssue({ code: 'custom', message: 'unbalanced placeholder braces: write placeholders as {{name}}' });
    }
  });

const localizedScript = z.object({ 'zh-CN': scriptText, en: scriptText }).strict();

const roleSchema = z
  .object({
    kind: z.enum(roleKinds),
    name: localized,
    side: z.enum(sides),
    min: z.number().int().min(0),
    max: z.number().int().min(0).nullable(),
    odd: z.boolean().default(false),
    maxPerParty: z.number().int().min(1).optional(),
    speaks: z.boolean(),
  })
  .strict()
  .superRefine((role, ctx) => {
    if (role.max !== null && role.max < role.min) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${role.max}) is below min (${role.min})` });
    }
    const side = sideOfRole[role.kind];
    if (role.side !== side) {
      ctx.addIssue({ code: 'custom', path: ['side'], message: `a ${role.kind} sits on the ${side} side` });
    }
    // Zero stays allowed: an odd panel may still be left out entirely (行政处罚).
    if (role.odd && role.min % 2 === 0 && role.min !== 0) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `the ${role.kind} must be odd in number, min is ${role.min}` });
    }
    if (role.odd && role.max !== null && role.max % 2 === 0) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `the ${role.kind} must be odd in number, max is ${role.max}` });
    }
  });
export type TemplateRole = z.output<typeof roleSchema>;

const requiredRoles: readonly RoleKind[] = ['chair', 'clerk', 'party'];
const staffedRoles: readonly RoleKind[] = ['chair', 'clerk'];

const rolesSchema = z
  .array(roleSchema)
  .min(1)
  .superRefine((roles, ctx) => {
    const seen = new Set<RoleKind>();
    roles.forEach((role, index) => {
      if (seen.has(role.kind)) ctx.addIssue({ code: 'custom', path: [index, 'kind'], message: `role "${role.kind}" is listed twice` });
      seen.add(role.kind);
      if (staffedRoles.includes(role.kind) && role.min < 1) {
        ctx.addIssue({ code: 'custom', path: [index, 'min'], message: `no hearing sits without a ${role.kind}: min must be at least 1` });
      }
    });
    for (const kind of requiredRoles) {
      if (!seen.has(kind)) ctx.addIssue({ code: 'custom', message: `a ${kind} role is required` });
    }
  });

const stepSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/),
    type: z.enum(stepTypes),
    name: localized,
    minutes: z.number().int().min(1).max(600),
    speakerSides: z.array(z.enum(sides)),
    script: localizedScript,
    optional: z.boolean().default(false),
  })
  .strict()
  .superRefine((step, ctx) => {
    step.speakerSides.forEach((side, index) => {
      if (step.speakerSides.indexOf(side) !== index) ctx.addIssue({ code: 'custom', path: ['speakerSides', index], message: `side "${side}" is listed twice` });
    });
  });
export type AgendaStep = z.output<typeof stepSchema>;

const agendaSchema = z
  .array(stepSchema)
  .min(3)
  .superRefine((steps, ctx) => {
    steps.forEach((step, index) => {
      if (steps.findIndex((other) => other.id === step.id) !== index) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `step id "${step.id}" is used twice` });
      }
    });
  });

const outcomeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z]*$/),
    name: localized,
  })
  .strict();
export type DeliberationOutcome = z.output<typeof outcomeSchema>;

const quorumSchema = z
  .object({
    minMembers: z.number().int().min(1),
    odd: z.boolean(),
    allPresent: z.boolean(),
  })
  .strict();
export type Quorum = z.output<typeof quorumSchema>;

const deliberationSchema = z
  .object({
    mode: z.enum(deliberationModes),
    outcomes: z.array(outcomeSchema),
    quorum: quorumSchema,
    tieRule: z.enum(tieRules),
    abstentionAllowed: z.boolean(),
    /** The overall word when some requests are granted and others not (部分支持). */
    partialName: localized.default({ 'zh-CN': '部分支持', en: 'Partly supported' }),
  })
  .strict()
  .superRefine((deliberation, ctx) => {
    if (deliberation.mode !== 'report' && deliberation.outcomes.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['outcomes'], message: `a ${deliberation.mode} needs at least two outcomes to choose from` });
    }
    deliberation.outcomes.forEach((outcome, index) => {
      if (deliberation.outcomes.findIndex((other) => other.id === outcome.id) !== index) {
        ctx.addIssue({ code: 'custom', path: ['outcomes', index, 'id'], message: `outcome id "${outcome.id}" is used twice` });
      }
    });
    if (deliberation.quorum.odd && deliberation.quorum.minMembers % 2 === 0) {
      ctx.addIssue({ code: 'custom', path: ['quorum', 'minMembers'], message: `an odd quorum cannot start at ${deliberation.quorum.minMembers}` });
    }
  });
export type Deliberation = z.output<typeof deliberationSchema>;

const deadlineRuleSchema = z
  .object({
    days: z.number().int().min(0).max(365),
    unit: z.enum(dayUnits),
  })
  .strict();
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

const deadlinesSchema = z
  .object({
    noticeBeforeHearing: deadlineRuleSchema,
    decideAfterApplication: deadlineRuleSchema,
    holdAfterApplication: deadlineRuleSchema,
    serveConclusionOnSpot: deadlineRuleSchema,
    serveConclusionLater: deadlineRuleSchema,
  })
  .strict();
export type Deadlines = z.output<typeof deadlinesSchema>;

const documentsSchema = z
  .array(z.enum(documentKinds))
  .min(1)
  .superRefine((documents, ctx) => {
    documents.forEach((document, index) => {
      if (documents.indexOf(document) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `document "${document}" is listed twice` });
    });
  });

const phraseText = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    for (const [, name = ''] of text.matchAll(placeholderPattern)) {
      if (!(phrasePlaceholders as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${name}}}; allowed in phrases: ${phrasePlaceholders.join(', ')}` });
      }
    }
  });

const satisfactionLevelSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z]*$/),
    name: localized,
    /** The petitioner is asked why (不满意). */
    needsReason: z.boolean().default(false),
  })
  .strict();

/** The rating scale of 信访工作条例 art. 21 practice, unless the template keeps its own. */
const defaultSatisfactionScale = [
  { id: 'satisfied', name: { 'zh-CN': '满意', en: 'Satisfied' }, needsReason: false },
  { id: 'basicallySatisfied', name: { 'zh-CN': '基本满意', en: 'Basically satisfied' }, needsReason: false },
  { id: 'dissatisfied', name: { 'zh-CN': '不满意', en: 'Dissatisfied' }, needsReason: true },
];

/** A stock sentence of the clerk's palette, offered in the given step and for the given speaker's role (either may be left open). */
const phraseSchema = z
  .object({
    step: z.enum(stepTypes).nullable().default(null),
    role: z.enum(roleKinds).nullable().default(null),
    text: z.object({ 'zh-CN': phraseText, en: phraseText }).strict(),
  })
  .strict();
export type TemplatePhrase = z.output<typeof phraseSchema>;

/** What the signer writes on the last page of the 笔录 unless the template says otherwise. */
const defaultClosingSentence: Localized = {
  'zh-CN': '以上笔录我已看过（向我宣读过），与我所说的相符。',
  en: 'I have read this record (or it has been read to me), and it agrees with what I said.',
};

/** A hearing template as stored in resources/templates/<id>.json. */
export const templateSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
    name: localized,
    isDefault: z.boolean().default(false),
    legalBasis: localized,
    roles: rolesSchema,
    agenda: agendaSchema,
    deliberation: deliberationSchema,
    deadlines: deadlinesSchema,
    speakingMinutes: z.number().int().min(1).max(120),
    documents: documentsSchema,
    closingSentence: localized.default(defaultClosingSentence),
    phrases: z.array(phraseSchema).default([]),
    satisfactionScale: z.array(satisfactionLevelSchema).min(2).default(defaultSatisfactionScale),
  })
  .strict()
  .superRefine(
    (template, ctx) => {
      // A step that calls on a side nobody in the room can speak for would stall the hearing.
      const speakingSides = new Set(template.roles.filter((role) => role.speaks).map((role) => role.side));
      template.agenda.forEach((step, stepIndex) => {
        step.speakerSides.forEach((side, sideIndex) => {
          if (!speakingSides.has(side)) {
            ctx.addIssue({ code: 'custom', path: ['agenda', stepIndex, 'speakerSides', sideIndex], message: `no role that speaks sits on the ${side} side` });
          }
        });
      });
      if (template.deliberation.mode !== 'report') {
        const panel = template.roles.find((role) => role.kind === 'panel');
        const { minMembers } = template.deliberation.quorum;
        if (!panel || (panel.max !== null && panel.max < minMembers)) {
          ctx.addIssue({
            code: 'custom',
            path: ['deliberation', 'quorum', 'minMembers'],
            message: `a ${template.deliberation.mode} needs a panel that can reach ${minMembers} members`,
          });
        }
      }
    },
    // Cross-checks over broken parts would only echo the first problem in a dozen other fields.
    { when: ({ issues }) => issues.length === 0 },
  );

export type HearingTemplate = z.output<typeof templateSchema>;
