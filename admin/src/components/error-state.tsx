import type { ApiError } from "../api/api-error.ts";

/** A failed load or action, with the server's message, its request id for support, and a way to try again. */
export function ErrorState({ title, error, onRetry }: { title: string; error: ApiError; onRetry?: () => void }) {
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
