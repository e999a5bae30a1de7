import type { z } from 'zod';
import type { MethodSpec, Returns } from './define.js';
import { archiveMethods } from './archive.js';
import { accountEvents, accountMethods } from './accounts.js';
import { attendanceEvents, attendanceMethods } from './attendance.js';
import { auditMethods } from './audit.js';
import { backupEvents, backupMethods } from './backup.js';
import { calendarEvents, calendarMethods } from './calendar.js';
import { deliberationEvents, deliberationMethods } from './deliberation.js';
import { documentMethods } from './documents.js';
import { finalizeEvents, finalizeMethods } from './finalize.js';
import { handoverEvents, handoverMethods } from './handover.js';
import { hearingEvents, hearingMethods } from './hearings.js';
import { evidenceEvents, evidenceMethods } from './evidence.js';
import { lanMethods } from './lan.js';
import { minutesEvents, minutesMethods } from './minutes.js';
import { participantEvents, participantMethods } from './participants.js';
import { procedureEvents, procedureMethods } from './procedure.js';
import { recoveryMethods } from './recovery.js';
import { recusalEvents, recusalMethods } from './recusals.js';
import { requestEvents, requestMethods } from './requests.js';
import { sampleMethods } from './sample.js';
import { settingsEvents, settingsMethods } from './settings.js';
import { signingEvents, signingMethods } from './signing.js';
import { statisticsMethods } from './statistics.js';
import { templateMethods } from './templates.js';

/** Every method the renderer may call: the single source of truth for both shells. */
export const methods = {
  ...hearingMethods,
  ...archiveMethods,
  ...statisticsMethods,
  ...requestMethods,
  ...participantMethods,
  ...attendanceMethods,
  ...recusalMethods,
  ...procedureMethods,
  ...evidenceMethods,
  ...minutesMethods,
  ...deliberationMethods,
  ...documentMethods,
  ...signingMethods,
  ...finalizeMethods,
  ...handoverMethods,
  ...calendarMethods,
  ...lanMethods,
  ...templateMethods,
  ...settingsMethods,
  ...sampleMethods,
  ...backupMethods,
  ...recoveryMethods,
  ...auditMethods,
  ...accountMethods,
} as const satisfies Record<string, MethodSpec>;

/** Every event the core pushes to open windows. */
export const events = {
  ...hearingEvents,
  ...requestEvents,
  ...participantEvents,
  ...attendanceEvents,
  ...recusalEvents,
  ...procedureEvents,
  ...evidenceEvents,
  ...minutesEvents,
  ...deliberationEvents,
  ...signingEvents,
  ...finalizeEvents,
  ...handoverEvents,
  ...calendarEvents,
  ...settingsEvents,
  ...backupEvents,
  ...accountEvents,
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
export * from './hearings.js';
export * from './archive.js';
export * from './statistics.js';
export * from './requests.js';
export * from './participants.js';
export * from './attendance.js';
export * from './recusals.js';
export * from './calendar.js';
export * from './roles.js';
export * from './procedure.js';
export * from './evidence.js';
export * from './minutes.js';
export * from './deliberation.js';
export * from './signing.js';
export * from './finalize.js';
export type { HearingOrigin, ImportedHearing } from './handover.js';
export { documentKinds, printPage, type DocumentKind, type GeneratedDocument } from './documents.js';
export type { LanInfo } from './lan.js';
export * from './identity.js';
export * from './audit.js';
export * from './accounts.js';
export type { TemplateSummary } from './templates.js';
export {
  backupReasons,
  type BackupFolderView,
  type BackupReason,
  type BackupSnapshot,
  type BackupSummary,
  type OperationPhase,
  type RestoreOutcome,
} from './backup.js';
export type { RecoveryStatus } from './recovery.js';
export { catalogueColumns, defaultEvidenceMaxMegabytes, evidenceMaxMegabytesRange, type CatalogueColumn, type Settings } from './settings.js';
