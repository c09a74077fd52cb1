import { useCallback, useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { BillingOutcome, BillingResponse } from "../../api/client.ts";
import { useAdmin } from "../../state/admin-context.tsx";

type BillingState = { status: "loading" } | { status: "ready"; billing: BillingResponse } | { status: "error"; error: ApiError };

/** Shopify's return URL carries the decided subscription as `charge_id`. */
const chargeIdOnReturn = () => new URLSearchParams(location.search).get("charge_id");

/** Once confirmed, the charge leaves the address, so a reload shows the page rather than confirming again. */
function forgetChargeId(): void {
  const url = new URL(location.href);
  url.searchParams.delete("charge_id");
  history.replaceState(history.state, "", url);
}

/**
 * The Billing page's data. Back from Shopify's confirmation page, the page first confirms the subscription it names,
 * so the outcome shows at once (the webhook may come later); a confirmation that fails is shown above the page as
 * loaded, and not tried again on reload.
 */
export function useBilling() {
  const { api } = useAdmin();
  const [state, setState] = useState<BillingState>({ status: "loading" });
  const [outcome, setOutcome] = useState<BillingOutcome | null>(null);
  const [confirmError, setConfirmError] = useState<ApiError | null>(null);

  const confirm = useCallback(
    async (chargeId: string): Promise<BillingResponse | null> => {
      try {
        const confirmed = await api.billing.confirm(chargeId);
        setOutcome(confirmed.outcome);
        return confirmed.billing;
      } catch (error) {
        setConfirmError(toApiError(error));
        return null;
      } finally {
        forgetChargeId();
      }
    },
    [api],
  );

  const load = useCallback(async () => {
    try {
      const chargeId = chargeIdOnReturn();
      const confirmed = chargeId ? await confirm(chargeId) : null;
      setState({ status: "ready", billing: confirmed ?? (await api.billing.load()) });
    } catch (error) {
      setState({ status: "error", error: toApiError(error) });
    }
  }, [api, confirm]);
  useEffect(() => void load(), [load]);

  const show = useCallback((billing: BillingResponse) => setState({ status: "ready", billing }), []);
  return { state, outcome, setOutcome, confirmError, load, show };
}
