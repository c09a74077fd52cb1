import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { BootstrapResponse } from "../../api/client.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { CopyButton } from "../../components/copy-button.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { ServerKey } from "./server-key.tsx";

function PublicKey({ publicKey }: { publicKey: NonNullable<BootstrapResponse["keys"]["public"]> }) {
  const { api, reload } = useAdmin();
  const [error, setError] = useState<ApiError | null>(null);
  const rotate = async () => {
    setError(null);
    try {
      await api.rotateKey("public");
      shopify.toast.show("Public key rotated; the web pixel uses the new one");
    } catch (caught) {
      setError(toApiError(caught));
    }
    await reload();
  };
  return (
    <s-stack gap="small">
      <s-heading>Public key</s-heading>
      <s-paragraph color="subdued">Identifies your store to the SegOps web pixel and storefront calls; safe to expose.</s-paragraph>
      {error && <ErrorState title="Rotating the public key failed" error={error} />}
      <s-stack direction="inline" gap="small" alignItems="center">
        <code class="secret">{publicKey.key}</code>
        <CopyButton value={publicKey.key} label="Copy public key" />
        <ConfirmButton
          label="Rotate"
          question="Rotating gives the web pixel a new public key at once; anything else using the old key stops working."
          confirmLabel="Rotate public key"
          onConfirm={rotate}
        />
      </s-stack>
    </s-stack>
  );
}

/** The tenant's keys: the public key in full, the server key by its hint with reveal-once, rotate and revoke. */
export function ApiKeys({ keys }: { keys: BootstrapResponse["keys"] }) {
  if (!keys.public && !keys.server) {
    return (
      <s-section heading="API keys">
        <EmptyState heading="No keys yet">The first setup step creates your public and server keys; they appear here once it is done.</EmptyState>
      </s-section>
    );
  }
  return (
    <s-section heading="API keys">
      <s-stack gap="large">
        {keys.public && <PublicKey publicKey={keys.public} />}
        <s-divider />
        <ServerKey serverKey={keys.server} />
      </s-stack>
    </s-section>
  );
}
