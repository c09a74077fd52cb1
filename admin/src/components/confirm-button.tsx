import { useState } from "preact/hooks";

type ConfirmButtonProps = {
  label: string;
  /** What will happen, asked before doing it (native confirm dialogs are blocked in the admin's frame). */
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  tone?: "critical";
};

/** A destructive action that asks first, inline, then shows it is working until `onConfirm` settles. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, tone }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) return <s-button onClick={() => setAsking(true)} tone={tone}>{label}</s-button>;
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <s-box padding="base" background="subdued" borderRadius="base">
      <s-stack gap="small">
        <s-text>{question}</s-text>
        <s-stack direction="inline" gap="small">
          <s-button variant="primary" tone={tone} loading={busy} onClick={() => void confirm()}>{confirmLabel}</s-button>
          <s-button disabled={busy} onClick={() => setAsking(false)}>Cancel</s-button>
        </s-stack>
      </s-stack>
    </s-box>
  );
}
