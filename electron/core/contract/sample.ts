import { z } from 'zod';
import { officeMutation, returns } from './define.js';
import type { Hearing } from './hearings.js';

export const sampleMethods = {
  'sample.create': officeMutation(
    z.object({}).strict(),
    returns<Hearing>(),
    'Creates the built-in sample hearing, held, signed and finalized, so a new user can see a finished record; returns it if it is already there.',
  ),
} as const;
