import type { ApiError } from "../api/api-error.ts";
import { UpgradePrompt } from "./upgrade-prompt.tsx";

/**
 * A failed load or action, with the server's message, its request id for support, and a way to try again. An action
 * the plan refuses (`plan_limit`) shows the upgrade prompt instead, wherever it happened.
 */
export function ErrorState({ title, error, onRetry }: { title: string; error: ApiError; onRetry?: () => void }) {
  if (error.code === "plan_limit") return <UpgradePrompt title={title} error={error} />;
  return (
    <s-banner tone="critical" heading={title}>
      <s-stack gap="small">
        <s-paragraph>{error.message}</s-paragraph>
        {error.requestId && <s-text color="subdued">Request id: {error.requestId}</s-text>}
        {onRetry && (
          <s-stack direction="inline">
            <s-button onClick={onRetry}>Try again</s-button>
          </s-stack>
        )}
      </s-stack>
    </s-banner>
  );
}
