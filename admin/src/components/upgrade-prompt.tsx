import type { ApiError } from "../api/api-error.ts";

/** What a `plan_limit` refusal's details carry (worker/http/plan-limit-error.ts); read defensively, as any envelope. */
function refusalOf(error: ApiError): { label: string; used: number | null; allowed: number | boolean; upgradeTo: string | null } {
  const details = error.details ?? {};
  const label = typeof details.label === "string" ? details.label : "A plan limit";
  const used = typeof details.used === "number" ? details.used : null;
  const allowed = typeof details.allowed === "number" || typeof details.allowed === "boolean" ? details.allowed : false;
  return { label, used, allowed, upgradeTo: typeof details.upgradeTo === "string" ? details.upgradeTo : null };
}

/** An action the plan refused: which limit, how much of it is used, and the way to a plan that allows more. */
export function UpgradePrompt({ title, error }: { title: string; error: ApiError }) {
  const { label, used, allowed, upgradeTo } = refusalOf(error);
  const reached = typeof allowed === "number" ? `${label}: ${(used ?? allowed).toLocaleString()} of ${allowed.toLocaleString()} used` : `${label}: not on your plan`;
  return (
    <s-banner tone="warning" heading={title}>
      <s-stack gap="small">
        <s-text type="strong">Plan limit reached. {reached}</s-text>
        <s-paragraph>{error.message}</s-paragraph>
        <s-stack direction="inline">
          <a href="/app/billing">{upgradeTo ? "Upgrade on the Billing page" : "See plans on the Billing page"}</a>
        </s-stack>
      </s-stack>
    </s-banner>
  );
}
