import type { PixelSettingsResponse } from "../../api/client.ts";

const STATUS = {
  done: { label: "Connected", tone: "success" },
  running: { label: "Connecting", tone: "info" },
  pending: { label: "Not connected yet", tone: "neutral" },
  failed: { label: "Not connected", tone: "critical" },
} as const;

const PURPOSES = [
  { key: "analytics", label: "Analytics" },
  { key: "marketing", label: "Marketing" },
  { key: "preferences", label: "Preferences" },
  { key: "sale_of_data", label: "Sale of data" },
] as const;

/** Whether the pixel is in the store, what it sends to, and the customer-privacy purposes it declares. */
export function PixelStatus({ pixel, consent }: Pick<PixelSettingsResponse, "pixel" | "consent">) {
  const status = STATUS[pixel.status];
  return (
    <>
      <s-section heading="Web pixel">
        <s-stack gap="small">
          <s-stack direction="inline" gap="small" alignItems="center">
            <s-badge tone={status.tone}>{status.label}</s-badge>
            {pixel.detail && (pixel.status === "failed" ? <s-text tone="critical">{pixel.detail}</s-text> : <s-text color="subdued">{pixel.detail}</s-text>)}
          </s-stack>
          {!pixel.installed && <s-paragraph color="subdued">Setup connects the pixel to your store; its progress is on the dashboard.</s-paragraph>}
          <s-text>
            Public key <code>{pixel.publicKeyHint ?? "none yet"}</code> · collector <code>{pixel.collectorUrl}</code>
          </s-text>
        </s-stack>
      </s-section>
      <s-section heading="Consent">
        <s-stack gap="small">
          <s-stack direction="inline" gap="small">
            {PURPOSES.map((purpose) => {
              const declared = consent.purposes.includes(purpose.key as "analytics");
              return (
                <s-badge key={purpose.key} tone={declared ? "info" : "neutral"}>
                  {`${purpose.label}: ${declared ? "required" : "not requested"}`}
                </s-badge>
              );
            })}
          </s-stack>
          <s-paragraph>{consent.explanation}</s-paragraph>
        </s-stack>
      </s-section>
    </>
  );
}
