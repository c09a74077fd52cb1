import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { BootstrapResponse } from "../../api/client.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { SecretOnce } from "../../components/secret-once.tsx";
import { useAdmin } from "../../state/admin-context.tsx";

type ServerKeyView = NonNullable<BootstrapResponse["keys"]["server"]>;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

/** The server key is stored hashed: its secret is shown once (reveal after install, or a rotation), then only its hint. */
export function ServerKey({ serverKey }: { serverKey: ServerKeyView | null }) {
  const { api, reload } = useAdmin();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [revealing, setRevealing] = useState(false);

  const run = async (action: () => Promise<string | null>) => {
    setError(null);
    try {
      const shown = await action();
      if (shown) setSecret(shown);
    } catch (caught) {
      setError(toApiError(caught));
    }
    await reload();
  };
  const reveal = async () => {
    setRevealing(true);
    await run(async () => (await api.revealServerKey()).key);
    setRevealing(false);
  };
  const rotate = () => run(async () => (await api.rotateKey("server")).key);
  const revoke = (id: string) =>
    run(async () => {
      await api.revokeKey(id);
      return null;
    });

  return (
    <s-stack gap="small">
      <s-heading>Server key</s-heading>
      <s-paragraph color="subdued">For your backend calling the SegOps API (Authorization: Bearer sk_…). Keep it secret.</s-paragraph>
      {secret && <SecretOnce label="server key" secret={secret} onDone={() => setSecret(null)} />}
      {error && <ErrorState title="The server key action failed" error={error} />}
      {serverKey ? (
        <s-stack direction="inline" gap="small" alignItems="center">
          <code>{serverKey.hint}</code>
          <s-text color="subdued">
            created {when(serverKey.createdAt)} · last used {when(serverKey.lastUsedAt)}
          </s-text>
          {serverKey.revealable && !secret && (
            <s-button variant="primary" loading={revealing} onClick={() => void reveal()}>
              Reveal server key
            </s-button>
          )}
          <ConfirmButton
            label="Rotate"
            question="Rotating creates a new server key and stops the current one at once: calls still using it get 401."
            confirmLabel="Rotate server key"
            onConfirm={rotate}
          />
          <ConfirmButton
            label="Revoke"
            tone="critical"
            question="Revoking stops this server key at once; you can create a new one afterwards."
            confirmLabel="Revoke server key"
            onConfirm={() => revoke(serverKey.id)}
          />
        </s-stack>
      ) : (
        <s-stack direction="inline" gap="small" alignItems="center">
          <s-text color="subdued">No active server key.</s-text>
          <s-button onClick={() => void rotate()}>Create server key</s-button>
        </s-stack>
      )}
    </s-stack>
  );
}
