import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { ProductSyncView } from "../../api/client.ts";
import { ErrorState } from "../../components/error-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";

type Switch = "inbound" | "outbound";

const SWITCHES: { key: Switch; label: string; details: string }[] = [
  { key: "inbound", label: "Inbound: keep the catalog from Shopify", details: "Product webhooks and the backfill update SegOps' copy of your products, which scoring reads." },
  { key: "outbound", label: "Outbound: send SegOps products to Shopify", details: "Products sent to SegOps' API or imported as CSV are created or updated in Shopify." },
];

/** The two product sync switches, each saved as soon as it is flipped. */
export function SyncSwitches({ view, onSaved }: { view: ProductSyncView; onSaved: (view: ProductSyncView) => void }) {
  const { api } = useAdmin();
  // The flipped value, shown while it saves so the switch does not jump back; dropped once saved or refused.
  const [saving, setSaving] = useState<{ key: Switch; on: boolean } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const flip = async (key: Switch, on: boolean) => {
    setSaving({ key, on });
    setError(null);
    try {
      const settings = await api.productSync.save({ [key]: on });
      onSaved({ ...view, settings });
      shopify.toast.show(`${key === "inbound" ? "Inbound" : "Outbound"} sync ${on ? "on" : "off"}`);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setSaving(null);
    }
  };
  return (
    <s-stack gap="small">
      {error && <ErrorState title="The sync setting was not saved" error={error} />}
      {SWITCHES.map(({ key, label, details }) => (
        <s-switch
          key={key}
          label={label}
          details={details}
          checked={saving?.key === key ? saving.on : view.settings[key]}
          disabled={saving !== null}
          onChange={(event) => void flip(key, event.currentTarget.checked ?? false)}
        />
      ))}
    </s-stack>
  );
}
