import type { SetupStepRun } from "../setup-steps.ts";
import { adminFailure, userErrorsFailure } from "../admin-failure.ts";

export const METAFIELD_NAMESPACE = "$app:segops";

export const METAFIELD_DEFINITIONS = [
  { key: "ai_readability_score", name: "AI readability score", type: "number_integer", description: "How well an AI shopping assistant can read this product, 0–100.", validations: [{ name: "min", value: "0" }, { name: "max", value: "100" }] },
  { key: "ai_recommendations", name: "AI readability recommendations", type: "json", description: "Ranked improvements, each with the points it would add.", validations: [] },
  { key: "mention_count_30d", name: "AI mentions (30 days)", type: "number_integer", description: "AI-visibility mentions in the last 30 days.", validations: [{ name: "min", value: "0" }] },
  { key: "segment_memberships", name: "SegOps product segments", type: "list.single_line_text_field", description: "Slugs of the SegOps product segments this product belongs to.", validations: [] },
] as const;

const CREATE = `#graphql
mutation DefineMetafield($definition: MetafieldDefinitionInput!) {
  metafieldDefinitionCreate(definition: $definition) { createdDefinition { id } userErrors { code field message } }
}`;

/** The four app-reserved product metafield definitions; TAKEN means an earlier run already made it. */
export const defineMetafields: SetupStepRun = async ({ ctx }) => {
  for (const definition of METAFIELD_DEFINITIONS) {
    const result = await ctx.admin.request<{ metafieldDefinitionCreate: { userErrors: { code?: string; message: string }[] } }>(CREATE, {
      definition: {
        ...definition,
        validations: [...definition.validations],
        namespace: METAFIELD_NAMESPACE,
        ownerType: "PRODUCT",
        access: { admin: "MERCHANT_READ" },
        capabilities: { adminFilterable: { enabled: definition.type !== "json" } },
      },
    });
    if (!result.ok) return adminFailure(`Defining ${definition.key}`, result.error);
    const errors = result.value.metafieldDefinitionCreate.userErrors.filter((e) => e.code !== "TAKEN");
    if (errors.length > 0) return userErrorsFailure(`Defining ${definition.key}`, errors);
  }
  return { ok: true, detail: `${METAFIELD_DEFINITIONS.length} definitions in ${METAFIELD_NAMESPACE}` };
};
