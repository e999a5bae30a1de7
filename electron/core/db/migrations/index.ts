import { initial } from './0001-initial.js';
import { hearingSetup } from './0002-hearing-setup.js';
import { procedure } from './0003-procedure.js';
import { evidence } from './0004-evidence.js';
import { evidenceNumbering } from './0005-evidence-numbering.js';
import { minutes } from './0006-minutes.js';
import { deliberation } from './0007-deliberation.js';
import { signing } from './0008-signing.js';
import { auditByHearing } from './0009-audit-by-hearing.js';
import { accounts } from './0010-accounts.js';
import { handover } from './0011-handover.js';
import type { Migration } from './types.js';

/** In order; never edit a released migration, add the next number instead. */
export const migrations: readonly Migration[] = [
  initial,
  hearingSetup,
  procedure,
  evidence,
  evidenceNumbering,
  minutes,
  deliberation,
  signing,
  auditByHearing,
  accounts,
  handover,
];

export const latestVersion = migrations.length;
export type { Migration } from './types.js';
