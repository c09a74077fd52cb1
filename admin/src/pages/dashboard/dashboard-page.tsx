import type { BootstrapResponse, SetupResponse } from "../../api/client.ts";
import { useAdmin } from "../../state/admin-context.tsx";
import { FirstSuggestionCard } from "../segments/first-suggestion-card.tsx";
import { ActionBanners } from "./action-banners.tsx";
import { ApiKeys } from "./api-keys.tsx";
import { BackfillProgress } from "./backfill-progress.tsx";
import { DashboardEvents } from "./dashboard-events.tsx";
import { SetupProgress } from "./setup-progress.tsx";
import { WorkspaceSummary } from "./workspace-summary.tsx";

const keysStepDone = (setup: SetupResponse) => setup.steps.some((step) => step.key === "keys" && step.status === "done");

/** Setup progress, the workspace, what needs the merchant's action, and the API keys. */
export function DashboardPage({ data }: { data: BootstrapResponse }) {
  const { reload } = useAdmin();

  // The bootstrap describes what setup creates: reload it when the keys exist and when the tenant turns active.
  const onSetupChange = (setup: SetupResponse) => {
    const keysAppeared = keysStepDone(setup) && !data.keys.public;
    const activated = setup.complete && data.tenant.status !== "active";
    if (keysAppeared || activated) void reload();
  };

  return (
    <s-page heading="Dashboard">
      <ActionBanners banners={data.banners} shop={data.tenant.shop} />
      <SetupProgress initial={data.setup} onChange={onSetupChange} />
      <BackfillProgress />
      <FirstSuggestionCard />
      <DashboardEvents />
      <WorkspaceSummary tenant={data.tenant} />
      <ApiKeys keys={data.keys} />
    </s-page>
  );
}
