import type { ErrorBody, ErrorCode, FieldError } from '../../contract';

/**
 * An error the client caused or may act on, named by a stable `code` (and
 * the fields at fault). The hub's domain speaks no HTTP: the app's
 * `onError` owns the one table from code to status (`routes/error-status.ts`)
 * and turns the error into the JSON error body.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly fields: Record<string, FieldError> | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { fields?: Record<string, FieldError>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.fields = options.fields;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields && { fields: this.fields }) } };
  }
}
