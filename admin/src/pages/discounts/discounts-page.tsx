import { useCallback, useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { DiscountRule, DiscountRulesResponse, SegmentView } from "../../api/client.ts";
import { Bootstrapped } from "../../components/bootstrapped.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { DiscountRuleForm } from "./discount-rule-form.tsx";
import { DiscountRuleList } from "./discount-rule-list.tsx";

type Loaded = { status: "loading" } | { status: "ready"; rules: DiscountRulesResponse; segments: SegmentView[] } | { status: "error"; error: ApiError };

export function DiscountsPage() {
  return <Bootstrapped>{() => <Discounts />}</Bootstrapped>;
}

/** Segment discount rules: one Shopify discount Function applies the best rule a buyer's segments earn. */
function Discounts() {
  const { api } = useAdmin();
  const [state, setState] = useState<Loaded>({ status: "loading" });
  const [open, setOpen] = useState<DiscountRule | "new" | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    try {
      const [rules, segments] = await Promise.all([api.discounts.list(), api.segments.list()]);
      setState({ status: "ready", rules, segments: segments.data });
    } catch (error) {
      setState({ status: "error", error: toApiError(error) });
    }
  }, [api]);
  useEffect(() => void reload(), [reload]);

  const act = async (rule: DiscountRule, action: () => Promise<unknown>) => {
    setBusy(rule.id);
    setActionError(null);
    try {
      await action();
      await reload();
    } catch (error) {
      setActionError(toApiError(error));
    } finally {
      setBusy(null);
    }
  };
  const full = state.status === "ready" && state.rules.activeCount >= state.rules.maxActive;

  return (
    <s-page heading="Discounts">
      <s-button slot="primary-action" variant="primary" disabled={state.status !== "ready"} onClick={() => setOpen("new")}>New rule</s-button>
      {state.status === "loading" && <LoadingState label="Loading discount rules…" />}
      {state.status === "error" && <ErrorState title="Discount rules could not be loaded" error={state.error} onRetry={() => void reload()} />}
      {state.status === "ready" && (
        <>
          {open && (
            <DiscountRuleForm
              key={open === "new" ? "new" : open.id}
              api={api.discounts}
              segmentsApi={api.segments}
              segments={state.segments}
              rule={open === "new" ? null : open}
              onSaved={() => {
                setOpen(null);
                void reload();
              }}
              onCancel={() => setOpen(null)}
              onSegmentSwitched={() => void reload()}
            />
          )}
          <s-section heading="Segment discounts">
            <s-stack gap="base">
              <s-paragraph color="subdued">
                Customers in a segment pushed as customer tags get the rule's discount at checkout, automatically; when several rules apply, the one
                saving most wins.
              </s-paragraph>
              <s-text>{`${state.rules.activeCount} of ${state.rules.maxActive} active rules`}</s-text>
              {full && (
                <s-banner tone="warning" heading="All 25 active slots are taken">
                  Shopify runs at most 25 automatic discount functions per store, across all apps. Pause or delete a rule before activating another.
                </s-banner>
              )}
              {actionError && <ErrorState title="The rule was not changed" error={actionError} />}
              {state.rules.rules.length === 0 ? (
                <EmptyState heading="No discount rules yet">Reward a segment: choose "New rule", pick a segment pushed as customer tags and a value.</EmptyState>
              ) : (
                <DiscountRuleList
                  rules={state.rules.rules}
                  busy={busy}
                  onEdit={setOpen}
                  onToggle={(rule) => void act(rule, () => api.discounts.update(rule.id, { status: rule.status === "active" ? "paused" : "active" }))}
                  onDelete={(rule) => act(rule, () => api.discounts.remove(rule.id))}
                />
              )}
            </s-stack>
          </s-section>
        </>
      )}
    </s-page>
  );
}
