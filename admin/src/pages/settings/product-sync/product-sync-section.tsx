import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { describeSchedule } from "../../product-sync/describe-schedule.ts";
import { PushRun } from "../../product-sync/push-run.tsx";
import { SyncSwitches } from "../../product-sync/sync-switches.tsx";
import { useProductSync } from "../../product-sync/use-product-sync.ts";

/** Settings → Product sync: the two switches, when the metafield push runs, and its last run. */
export function ProductSyncSection() {
  const sync = useProductSync();
  if (sync.state.status === "loading") return <LoadingState label="Loading product sync settings…" />;
  if (sync.state.status === "error") return <ErrorState title="Product sync settings could not be loaded" error={sync.state.error} onRetry={() => void sync.reload()} />;
  const { view } = sync.state;
  const { current, last, schedule } = view.push;
  return (
    <s-section heading="Product sync">
      <s-stack gap="base">
        <SyncSwitches view={view} onSaved={sync.update} />
        <s-paragraph>
          {`Metafield push: ${describeSchedule(schedule)} (cron ${schedule}), and whenever you press Push now on the Product sync page.`}
        </s-paragraph>
        {current && <PushRun run={current} heading="Push in progress" />}
        {last ? <PushRun run={last} heading="Last push" /> : !current && <s-text color="subdued">No push has run yet.</s-text>}
        <s-stack direction="inline">
          <a href="/app/product-sync">Open Product sync</a>
        </s-stack>
      </s-stack>
    </s-section>
  );
}
