import { CopyButton } from "./copy-button.tsx";

/** A secret the server shows exactly once: displayed with copy, and a plain warning that it won't come back. */
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  return (
    <s-banner tone="warning" heading={`Copy your ${label} now`}>
      <s-stack gap="small">
        <s-paragraph>It won't be shown again. Store it in your server's secrets; if you lose it, rotate the key to get a new one.</s-paragraph>
        <s-stack direction="inline" gap="small" alignItems="center">
          <code class="secret">{secret}</code>
          <CopyButton value={secret} label={`Copy ${label}`} />
        </s-stack>
        <s-stack direction="inline">
          <s-button onClick={onDone}>I've stored it</s-button>
        </s-stack>
      </s-stack>
    </s-banner>
  );
}
