import type { z } from 'zod';
import type { MethodSpec, Returns } from './define.js';
import { hearingEvents, hearingMethods } from './hearings.js';
import { settingsEvents, settingsMethods } from './settings.js';
import { templateMethods } from './templates.js';

/** Every method the renderer may call: the single source of truth for both shells. */
export const methods = {
  ...hearingMethods,
  ...templateMethods,
  ...settingsMethods,
} as const satisfies Record<string, MethodSpec>;

/** Every event the core pushes to open windows. */
export const events = {
  ...hearingEvents,
  ...settingsEvents,
} as const satisfies Record<string, z.ZodType>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = Methods[M]['output'] extends Returns<infer O> ? O : never;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export * from './errors.js';
export * from './languages.js';
export * from './format.js';
export type { Hearing, HearingCreateInput, HearingStatus } from './hearings.js';
export { hearingStatuses } from './hearings.js';
export type { TemplateSummary } from './templates.js';
export type { Settings } from './settings.js';
