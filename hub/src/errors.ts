import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, FieldError } from '../../contract';

/** An error the client caused or may act on; `app.onError` turns it into the JSON error body. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly fields: Record<string, FieldError> | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, FieldError>; cause?: unknown } = {},
  ) {
    super(status, { message, cause: options.cause });
    this.code = code;
    this.fields = options.fields;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields && { fields: this.fields }) } };
  }
}
