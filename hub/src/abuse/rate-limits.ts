/** How much one address or one site may ask of the hub. */
export interface RateLimits {
  /** Reports one address may post per hour. */
  reportsPerHour: number;
  /** Reports one embedding site may pass on per hour, whatever the addresses: a flood through one site stops there. */
  reportsPerHourPerSite: number;
  /** Report lookups one address may make per minute; keeps Tracking IDs from being enumerated. */
  lookupsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS = {
  reportsPerHour: 20,
  reportsPerHourPerSite: 600,
  lookupsPerMinute: 60,
} satisfies RateLimits;
