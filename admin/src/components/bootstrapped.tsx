import type { ComponentChildren } from "preact";
import type { BootstrapResponse } from "../api/client.ts";
import { useAdmin } from "../state/admin-context.tsx";
import { ErrorState } from "./error-state.tsx";
import { LoadingState } from "./loading-state.tsx";

/** A page once the admin's bootstrap has made sure the shop is installed; until then, its loading or error state. */
export function Bootstrapped({ children }: { children: (data: BootstrapResponse) => ComponentChildren }) {
  const { bootstrap, reload } = useAdmin();
  if (bootstrap.status === "loading") return <LoadingState label="Connecting SegOps to your store…" />;
  if (bootstrap.status === "error") return <ErrorState title="SegOps could not load" error={bootstrap.error} onRetry={() => void reload()} />;
  return <>{children(bootstrap.data)}</>;
}
