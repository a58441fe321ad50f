/** How much one address or one site may ask of the hub. */
export interface RateLimits {
  /** Reports one address may post per hour. */
  reportsPerHour: number;
  /** Reports one embedding site may pass on per hour, whatever the addresses: a flood through one site stops there. */
  reportsPerHourPerSite: number;
  /** Report lookups one address may make per minute; keeps Tracking IDs from being enumerated. */
  lookupsPerMinute: number;
  /** Votes one address may cast per hour, over every poll (a school's network shares one address, so not one). */
  votesPerHour: number;
}

export const DEFAULT_RATE_LIMITS = {
  reportsPerHour: 20,
  reportsPerHourPerSite: 600,
  lookupsPerMinute: 60,
  votesPerHour: 60,
} satisfies RateLimits;
