/**
 * Limits shared by the widget and the hub. The hub enforces them; the widget
 * checks them first so a visitor on a slow network learns of a problem before
 * uploading anything.
 */
export const TITLE_MIN_LENGTH = 10;
export const TITLE_MAX_LENGTH = 150;
export const BODY_MIN_LENGTH = 30;
export const BODY_MAX_LENGTH = 5000;
export const LOCATION_MIN_LENGTH = 3;
export const LOCATION_MAX_LENGTH = 200;
export const REPORTER_NAME_MAX_LENGTH = 100;
export const REPORTER_EMAIL_MAX_LENGTH = 254;
/** E.164 allows 15 digits; a leading "+" or "0" and separators are tolerated on input. */
export const REPORTER_PHONE_MAX_LENGTH = 20;

/** SP4N-LAPOR! accepts attachments of at most 2 MB each. */
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;
export const ATTACHMENT_MAX_COUNT = 5;

/** Largest JSON report body the hub reads; far above what the text limits allow. */
export const JSON_BODY_MAX_BYTES = 64 * 1024;
/** Largest multipart body: the report, every attachment at its limit, and room for the part headers. */
export const MULTIPART_BODY_MAX_BYTES = JSON_BODY_MAX_BYTES + ATTACHMENT_MAX_COUNT * ATTACHMENT_MAX_BYTES + 64 * 1024;
