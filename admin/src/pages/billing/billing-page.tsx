import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { BillingPlanId } from "../../api/client.ts";
import { Bootstrapped } from "../../components/bootstrapped.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { BillingBanners } from "./billing-banners.tsx";
import { PlanTable } from "./plan-table.tsx";
import { SubscriptionSummary } from "./subscription-summary.tsx";
import { UsageBars } from "./usage-bars.tsx";
import { useBilling } from "./use-billing.ts";

export function BillingPage() {
  return <Bootstrapped>{() => <Billing />}</Bootstrapped>;
}

/** Plans billed through Shopify: the one in force, usage against its limits, and the way to another. */
function Billing() {
  const { api } = useAdmin();
  const { state, outcome, setOutcome, confirmError, load, show } = useBilling();
  const [choosing, setChoosing] = useState<BillingPlanId | null>(null);
  const [chooseError, setChooseError] = useState<ApiError | null>(null);

  const choose = async (plan: BillingPlanId) => {
    setChoosing(plan);
    setChooseError(null);
    setOutcome(null);
    try {
      const chosen = await api.billing.subscribe(plan);
      if (chosen.kind === "confirm") {
        // Shopify's approval page refuses to be framed: App Bridge opens it at the top level. The button stays busy.
        window.open(chosen.confirmationUrl, "_top");
        return;
      }
      show(chosen.billing);
      shopify.toast.show("You are on Starter now; the paid subscription is cancelled.");
    } catch (error) {
      setChooseError(toApiError(error));
    }
    setChoosing(null);
  };

  return (
    <s-page heading="Billing">
      {state.status === "loading" && <LoadingState label="Loading your plan…" />}
      {state.status === "error" && <ErrorState title="Billing could not be loaded" error={state.error} onRetry={() => void load()} />}
      {state.status === "ready" && (
        <>
          {confirmError && <ErrorState title="Shopify's answer could not be read" error={confirmError} />}
          <BillingBanners billing={state.billing} outcome={outcome} />
          {chooseError && <ErrorState title="The plan was not changed" error={chooseError} />}
          <SubscriptionSummary billing={state.billing} />
          <UsageBars billing={state.billing} />
          <PlanTable billing={state.billing} choosing={choosing} onChoose={(plan) => void choose(plan)} />
        </>
      )}
    </s-page>
  );
}
