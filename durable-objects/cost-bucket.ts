export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

export type BucketState = { max: number; available: number; restoreRate: number; at: number; inFlight: number };

/** Shopify's Standard plan bucket; the first response corrects it for Advanced/Plus shops. */
export const DEFAULT_BUCKET: Omit<BucketState, "at"> = { max: 2000, available: 2000, restoreRate: 100, inFlight: 0 };

function restored(state: BucketState, now: number): number {
  return Math.min(state.max, state.available + ((now - state.at) / 1000) * state.restoreRate);
}

/**
 * Reserves `cost` points if the bucket holds them, else says how long to wait. Reservation is what keeps
 * two callers from spending the same points: the second one sees the first one's deduction.
 */
export function acquire(state: BucketState, cost: number, now: number): { state: BucketState; waitMs: number } {
  const available = restored(state, now);
  const needed = Math.min(cost, state.max);
  if (available >= needed) {
    return { state: { ...state, available: available - needed, at: now, inFlight: state.inFlight + needed }, waitMs: 0 };
  }
  return { state: { ...state, available, at: now }, waitMs: Math.ceil(((needed - available) / state.restoreRate) * 1000) };
}

/** After a call: releases the reservation and trusts Shopify's own count, less what other callers still hold. */
export function settle(
  state: BucketState,
  settlement: { reserved: number; actualCost: number | null; throttleStatus: ThrottleStatus | null },
  now: number,
): BucketState {
  const inFlight = Math.max(0, state.inFlight - settlement.reserved);
  let available = restored(state, now) + settlement.reserved - (settlement.actualCost ?? settlement.reserved);
  let { max, restoreRate } = state;
  if (settlement.throttleStatus) {
    max = settlement.throttleStatus.maximumAvailable;
    restoreRate = settlement.throttleStatus.restoreRate;
    available = Math.min(available, settlement.throttleStatus.currentlyAvailable - inFlight);
  }
  return { max, restoreRate, inFlight, at: now, available: Math.max(0, Math.min(max, available)) };
}
