/**
 * Errors cross the contract boundary as data. A code is stable: the renderer
 * maps it to the i18n key `errors:<code>`, so renaming one is a breaking change.
 */
export const errorCodes = [
  'validation',
  'internal',
  'contract/unknownMethod',
  'contract/badRequest',
  'transport/unreachable',
  'db/corrupt',
  'db/newerVersion',
  'hearing/notFound',
  'hearing/locked',
  'template/notFound',
  'request/notFound',
  'request/frozen',
  'participant/notFound',
  'participant/roleNotInTemplate',
  'participant/agentForInvalid',
  'participant/hasRecords',
  'participant/rosterInvalid',
  'attendance/notCheckedIn',
  'attendance/notAbsentable',
  'recusal/notFound',
  'recusal/invalidApplicant',
  'recusal/invalidTarget',
  'recusal/alreadyDecided',
  'procedure/illegalTransition',
  'procedure/preconditionsFailed',
  'procedure/noNextStep',
  'procedure/stepsRemaining',
  'agenda/stepNotFound',
  'agenda/stepNotPending',
  'agenda/positionPassed',
  'speakers/queueEmpty',
  'speakers/noSpeech',
  'speakers/cannotSpeak',
  'speakers/alreadyQueued',
  'speakers/notInSession',
  'evidence/notFound',
  'evidence/frozen',
  'evidence/submitterNotParty',
  'evidence/notOpposing',
  'evidence/fileNotStored',
  'evidence/notShowable',
  'evidence/numberingFrozen',
  'file/badName',
  'file/empty',
  'file/tooLarge',
  'file/unreadable',
  'file/diskFull',
  'file/readOnly',
  'file/missing',
  'file/corrupt',
  'minutes/entryNotFound',
  'minutes/stale',
  'minutes/speakerNotInHearing',
  'minutes/kindNotAllowed',
  'minutes/correctionNotFound',
  'minutes/correctionDecided',
  'minutes/passageChanged',
  'minutes/phraseNotFound',
  'deliberation/notAtStep',
  'deliberation/alreadyOpen',
  'deliberation/notOpen',
  'deliberation/closed',
  'deliberation/stillOpen',
  'deliberation/alreadyAnnounced',
  'deliberation/noQuorum',
  'deliberation/noRequests',
  'deliberation/notEntitled',
  'deliberation/alreadyVoted',
  'deliberation/noVote',
  'deliberation/unknownOutcome',
  'deliberation/wrongMode',
  'deliberation/secret',
  'deliberation/reasonRequired',
  'deliberation/noTie',
  'deliberation/undecided',
  'deliberation/notAnnounced',
  'satisfaction/unknownRating',
  'satisfaction/reasonRequired',
  'documents/notAvailable',
  'signing/notOpen',
  'signing/notASigner',
  'signing/recordChanged',
  'signing/correctionPending',
  'signing/notChairOrClerk',
  'signing/badImage',
  'record/incomplete',
  'record/notClosed',
  'record/notFinalized',
  'record/packageTooLarge',
  'record/diskFull',
  'record/readOnly',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One field problem, already expressed as an i18n key so every shell shows the same words. */
export interface ValidationIssue {
  path: string;
  key: string;
  params: Record<string, string | number>;
}

export type ErrorParams = Record<string, string | number | boolean | null | ValidationIssue[]>;

export interface AppErrorData {
  code: ErrorCode;
  params: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
