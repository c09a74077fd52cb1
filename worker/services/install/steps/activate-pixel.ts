import { tenantControl } from "../../../context/deps.ts";
import { findPublicKey } from "../../keys/find-public-key.ts";
import type { SetupStepContext, SetupStepRun, StepOutcome } from "../setup-steps.ts";
import { adminFailure, userErrorsFailure } from "../admin-failure.ts";

const CURRENT = `#graphql
query CurrentPixel { webPixel { id settings } }`;

const CREATE = `#graphql
mutation CreatePixel($settings: JSON!) {
  webPixelCreate(webPixel: { settings: $settings }) { webPixel { id } userErrors { code field message } }
}`;

const UPDATE = `#graphql
mutation UpdatePixel($id: ID!, $settings: JSON!) {
  webPixelUpdate(id: $id, webPixel: { settings: $settings }) { webPixel { id } userErrors { code field message } }
}`;

type PixelErrors = { userErrors: { code?: string; message: string }[] };

/** Creates the shop's web pixel, or updates it when one exists (Shopify allows one per app per shop). */
export async function writePixelSettings(args: { ctx: Pick<SetupStepContext, "admin">; input: { publicKey: string; collectorUrl: string } }): Promise<StepOutcome> {
  const { admin } = args.ctx;
  const json = JSON.stringify(args.input);
  // Shopify answers a shop without our pixel with a "not found" error rather than null.
  const current = await admin.request<{ webPixel: { id: string } | null }>(CURRENT);
  const id = current.ok ? current.value.webPixel?.id : undefined;
  if (!current.ok && current.error.kind !== "graphql") return adminFailure("Reading the web pixel", current.error);
  if (id) {
    const updated = await admin.request<{ webPixelUpdate: PixelErrors }>(UPDATE, { id, settings: json });
    if (!updated.ok) return adminFailure("Updating the web pixel", updated.error);
    if (updated.value.webPixelUpdate.userErrors.length > 0) return userErrorsFailure("Updating the web pixel", updated.value.webPixelUpdate.userErrors);
    return { ok: true, detail: "pixel updated" };
  }
  const created = await admin.request<{ webPixelCreate: PixelErrors }>(CREATE, { settings: json });
  if (!created.ok) return adminFailure("Creating the web pixel", created.error);
  const errors = created.value.webPixelCreate.userErrors;
  if (errors.some((e) => e.code === "TAKEN")) return { ok: false, retry: true, error: "A pixel appeared meanwhile; updating it on retry." };
  if (errors.length > 0) return userErrorsFailure("Creating the web pixel", errors);
  return { ok: true, detail: "pixel created" };
}

export const activatePixel: SetupStepRun = async ({ ctx }) => {
  const key = await findPublicKey({ ctx: tenantControl(ctx) });
  if (!key) return { ok: false, retry: true, error: "No active public key yet." };
  return writePixelSettings({ ctx, input: { publicKey: key.publicKey, collectorUrl: ctx.config.SHOPIFY_APP_URL.replace(/\/$/, "") } });
};
