import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { createConnectLink, type ConnectLink } from "../../services/connect-links/create-connect-link.ts";
import { tenantControlContext } from "../../http/tenant-context.ts";

export type CreateConnectLinkResponse = ConnectLink;

/** `POST /v1/connect-links`: a signed, single-use, one-hour link that attaches the installing shop to this workspace. */
export const createConnectLinkRoute = new Hono<AppEnv>()
  .post("/connect-links", async (c) => c.json((await createConnectLink({ ctx: tenantControlContext(c) })) satisfies CreateConnectLinkResponse, 201));
