import type { EventVolumeResponse, RecentEventsResponse } from "../../../../worker/routes/admin/event-stream.ts";
import { adminRequest } from "../../api/admin-request.ts";

export type { EventVolumeResponse };
export type StreamEvent = RecentEventsResponse["data"][number];
export type VolumeDay = EventVolumeResponse["days"][number];

export const loadRecentEvents = (after?: string | null) =>
  adminRequest<RecentEventsResponse>("GET", `/events/recent?limit=50${after ? `&after=${encodeURIComponent(after)}` : ""}`);

export const loadEventVolume = (days: number) => adminRequest<EventVolumeResponse>("GET", `/events/volume?days=${days}&utcOffset=${-new Date().getTimezoneOffset()}`);
