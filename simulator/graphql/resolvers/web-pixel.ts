import { GraphQLError } from "graphql";
import { gid, parseId } from "../../lib/ids.ts";
import type { Resolver } from "../context.ts";

/** Settings arrive as a JSON string or, through variables, as an object; Shopify stores the string. */
function settingsText(settings: unknown): string | null {
  if (typeof settings === "string") {
    try {
      return typeof JSON.parse(settings) === "object" ? settings : null;
    } catch {
      return null;
    }
  }
  return settings !== null && typeof settings === "object" ? JSON.stringify(settings) : null;
}

function view(pixel: { id: string; settings: string }) {
  return { __typename: "WebPixel", id: gid("WebPixel", pixel.id), settings: pixel.settings };
}

const invalid = { code: "INVALID_SETTINGS", field: ["webPixel", "settings"], message: "Settings is invalid" };

export const webPixel: Resolver = (_source, _args, gql) => {
  if (!gql.shop.webPixel) throw new GraphQLError("No web pixel was found for this app.", { extensions: { code: "RESOURCE_NOT_FOUND" } });
  return view(gql.shop.webPixel);
};

export const webPixelCreate: Resolver = (_source, args, gql) => {
  if (gql.shop.webPixel) return { webPixel: null, userErrors: [{ code: "TAKEN", field: ["webPixel"], message: "Web pixel is taken." }] };
  const settings = settingsText((args.webPixel as { settings: unknown }).settings);
  if (settings === null) return { webPixel: null, userErrors: [invalid] };
  gql.shop.webPixel = { id: String(gql.shop.nextId.misc++), settings };
  return { webPixel: view(gql.shop.webPixel), userErrors: [] };
};

export const webPixelUpdate: Resolver = (_source, args, gql) => {
  const pixel = gql.shop.webPixel;
  if (!pixel || pixel.id !== parseId(String(args.id)).id) return { webPixel: null, userErrors: [{ code: "NOT_FOUND", field: ["id"], message: "Web pixel not found." }] };
  const settings = settingsText((args.webPixel as { settings: unknown }).settings);
  if (settings === null) return { webPixel: null, userErrors: [invalid] };
  pixel.settings = settings;
  return { webPixel: view(pixel), userErrors: [] };
};

export const webPixelDelete: Resolver = (_source, args, gql) => {
  const pixel = gql.shop.webPixel;
  if (!pixel || pixel.id !== parseId(String(args.id)).id) return { deletedWebPixelId: null, userErrors: [{ code: "NOT_FOUND", field: ["id"], message: "Web pixel not found." }] };
  gql.shop.webPixel = null;
  return { deletedWebPixelId: gid("WebPixel", pixel.id), userErrors: [] };
};
