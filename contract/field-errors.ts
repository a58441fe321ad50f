import type { FieldError } from './errors';

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  params?: Record<string, unknown>;
}

/**
 * Folds zod issues into one error per field (the first, which is the most
 * basic: a missing value before a wrong format). Refinements name their
 * reason in `params.reason`, which becomes the code.
 */
export function toFieldErrors(issues: readonly Issue[]): Record<string, FieldError> {
  const fields: Record<string, FieldError> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fields[path]) continue;
    const reason = issue.params?.reason;
    fields[path] = { code: typeof reason === 'string' ? reason : issue.code, message: issue.message };
  }
  return fields;
}
