import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import { getProfile, type ApiProfile } from "../../services/profiles/get-profile.ts";

export type GetProfileResponse = ApiProfile;

/** `GET /v1/profiles/:id` → the profile with its aggregates; 404 when it is not the key's tenant's. */
export const getProfileRoute = new Hono<AppEnv>()
  .get("/profiles/:id", async (c) => {
    const ctx = await tenantContext(c);
    const profile = await getProfile({ ctx, input: { id: c.req.param("id") } });
    if (!profile) throw new AppError("not_found", "No such profile.");
    return c.json(profile satisfies GetProfileResponse);
  });
