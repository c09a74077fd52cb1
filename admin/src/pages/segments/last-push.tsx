import type { SegmentView } from "../../api/client.ts";

type PushResult = NonNullable<SegmentView["lastPush"]>;

const STATUS: Record<PushResult["status"], { label: string; tone: "success" | "warning" | "critical" | "info" }> = {
  succeeded: { label: "Pushed", tone: "success" },
  partial: { label: "Pushed with errors", tone: "warning" },
  failed: { label: "Push failed", tone: "critical" },
  in_progress: { label: "Pushing", tone: "info" },
};

/** What the last push to Shopify did, and when: counts, the native query, or why it failed. */
export function LastPush({ push }: { push: PushResult | null }) {
  if (!push) return <s-text color="subdued">Not pushed yet.</s-text>;
  const status = STATUS[push.status];
  const counts = push.mode === "native" ? null : `${push.added ?? 0} tagged, ${push.removed ?? 0} untagged${push.failed ? `, ${push.failed} failed` : ""}`;
  return (
    <s-stack gap="small">
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-badge tone={status.tone}>{status.label}</s-badge>
        <s-text color="subdued">{new Date(push.at).toLocaleString()}</s-text>
        {counts && <s-text>{counts}</s-text>}
      </s-stack>
      {push.nativeQuery && (
        <s-text color="subdued">
          Shopify segment query: <code>{push.nativeQuery}</code>
        </s-text>
      )}
      {push.message && <s-text tone="critical">{push.message}</s-text>}
      {push.errors?.map((error) => (
        <s-text key={error} tone="critical">
          {error}
        </s-text>
      ))}
    </s-stack>
  );
}
