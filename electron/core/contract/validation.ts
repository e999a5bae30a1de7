import type { z } from 'zod';
import type { ValidationIssue } from './errors.js';

/**
 * Turns zod's issues into i18n keys with parameters. Both shells and the
 * renderer's own pre-check use it, so a field error reads the same wherever
 * it is caught.
 */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
    params: paramsOf(issue),
  }));
}

/** Per-parse error map: names zod's built-in issues with our keys; schema-level keys win. */
export const validationErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalidType';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort';
      return issue.origin === 'array' ? 'validation.tooFew' : 'validation.tooSmall';
    case 'too_big':
      if (issue.origin === 'string') return 'validation.tooLong';
      return issue.origin === 'array' ? 'validation.tooMany' : 'validation.tooBig';
    case 'invalid_format':
      return 'validation.invalidFormat';
    case 'invalid_value':
      return 'validation.invalidOption';
    case 'unrecognized_keys':
      return 'validation.unknownField';
    default:
      return 'validation.invalid';
  }
};

function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> {
  switch (issue.code) {
    case 'too_small':
      return { min: Number(issue.minimum) };
    case 'too_big':
      return { max: Number(issue.maximum) };
    case 'unrecognized_keys':
      return { keys: issue.keys.join(', ') };
    case 'invalid_type':
      return { expected: issue.expected };
    default:
      return {};
  }
}
