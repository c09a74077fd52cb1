import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { readInput } from "../../http/read-input.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { validateJson, validateQuery } from "../../http/validate-input.ts";
import { mintExportLink, type ExportLink } from "../../services/privacy/export/export-link.ts";
import { listPrivacyRequests, ListPrivacyRequestsInput, type PrivacyRequestView } from "../../services/privacy/list-privacy-requests.ts";
import { getPrivacySettings, updatePrivacySettings, UpdatePrivacySettingsInput, type PrivacySettingsView } from "../../services/privacy/privacy-settings.ts";

export type ListPrivacyRequestsResponse = { data: PrivacyRequestView[]; nextCursor: string | null };
export type ExportLinkResponse = ExportLink;
export type PrivacySettingsResponse = PrivacySettingsView;
export type UpdatePrivacySettingsBody = z.input<typeof UpdatePrivacySettingsInput>;

const RequestIdParam = z.object({ id: z.string().regex(/^prv_[\w.-]{1,200}$/, "is not a privacy request id") });

const UNAVAILABLE = {
  not_found: ["not_found", "No such data request in this workspace."],
  not_ready: ["conflict", "The export is still being prepared; try again in a moment."],
  deleted: ["gone", "This export was deleted: exports are kept 30 days, or less when the customer was erased since."],
} as const;

/**
 * Settings → Privacy: `GET /privacy/requests` (newest first, paged), `POST /privacy/requests/:id/export-link` (a
 * signed link valid 5 minutes), `GET /privacy/settings` and `PUT /privacy/settings` `{ eventRetentionDays?, hotWindowDays? }`.
 */
export const privacyRoutes = new Hono<AppEnv>()
  .get("/privacy/requests", validateQuery(ListPrivacyRequestsInput), async (c) => {
    const listed = await listPrivacyRequests({ ctx: await tenantContext(c), input: c.req.valid("query") });
    if (!listed.ok) throw new AppError("validation_failed", listed.error.message);
    return c.json(listed.value satisfies ListPrivacyRequestsResponse);
  })
  .post("/privacy/requests/:id/export-link", async (c) => {
    const { id } = readInput(RequestIdParam, c.req.param());
    const link = await mintExportLink({ ctx: await tenantContext(c), input: { requestId: id } });
    if (!link.ok) {
      const [code, message] = UNAVAILABLE[link.error.reason];
      throw new AppError(code, message);
    }
    return c.json(link.value satisfies ExportLinkResponse, 201);
  })
  .get("/privacy/settings", async (c) => c.json((await getPrivacySettings({ ctx: await tenantContext(c) })) satisfies PrivacySettingsResponse))
  .put("/privacy/settings", validateJson(UpdatePrivacySettingsInput), async (c) => {
    const updated = await updatePrivacySettings({ ctx: await tenantContext(c), input: c.req.valid("json") });
    if (!updated.ok) throw new AppError("validation_failed", updated.error.message);
    return c.json(updated.value satisfies PrivacySettingsResponse);
  });
