import type { PixelSettingsResponse, UpdatePixelSettingsBody, UpdatePixelSettingsResponse } from "../../../../worker/routes/admin/pixel-settings.ts";
import { adminRequest } from "../../api/admin-request.ts";

export type { PixelSettingsResponse };
export type TrackedEvent = PixelSettingsResponse["trackedEvents"][number];
export type PixelCounts = PixelSettingsResponse["counts"];

export const loadPixelSettings = () => adminRequest<PixelSettingsResponse>("GET", "/pixel");
export const savePixelSettings = (body: UpdatePixelSettingsBody) => adminRequest<UpdatePixelSettingsResponse>("PUT", "/pixel", body);
