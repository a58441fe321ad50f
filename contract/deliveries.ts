/**
 * What the outbox sends: a report, a reporter's later action on it, an
 * email to the reporter, or a reminder to an institution's desk before a
 * deadline falls due.
 */
export const DELIVERY_KINDS = ['report', 'comment', 'reopen', 'rating', 'notification', 'reminder'] as const;
/** Where a delivery stands; `needs_attention` waits for the operator. */
export const DELIVERY_STATES = ['pending', 'delivered', 'needs_attention'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
