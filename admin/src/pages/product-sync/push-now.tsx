import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { ProductSyncView } from "../../api/client.ts";
import { ErrorState } from "../../components/error-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { describeSchedule } from "./describe-schedule.ts";
import { PushRun } from "./push-run.tsx";

/** Push now, the push running (live) and the last finished one: the four metafields written to Shopify. */
export function PushNow({ view, onStarted }: { view: ProductSyncView; onStarted: () => Promise<void> }) {
  const { api } = useAdmin();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { current, last, schedule } = view.push;
  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const { started } = await api.productSync.push();
      shopify.toast.show(started ? "Push started" : "A push is already running: following it");
      await onStarted();
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setStarting(false);
    }
  };
  return (
    <s-section heading="Metafields in Shopify">
      <s-stack gap="base">
        <s-paragraph color="subdued">
          {`Scores, recommendations, AI mentions and product segments are written to each product's SegOps metafields ${describeSchedule(schedule)}, only where they changed.`}
        </s-paragraph>
        {error && <ErrorState title="The push did not start" error={error} />}
        <s-stack direction="inline">
          <s-button variant="primary" loading={starting} disabled={current !== null} onClick={() => void start()}>
            {current ? "Pushing…" : "Push now"}
          </s-button>
        </s-stack>
        {current && <PushRun run={current} heading="Push in progress" />}
        {last ? <PushRun run={last} heading="Last push" /> : !current && <s-text color="subdued">No push has run yet.</s-text>}
      </s-stack>
    </s-section>
  );
}
