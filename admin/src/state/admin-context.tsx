import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../api/api-error.ts";
import { createApiClient, type ApiClient, type BootstrapResponse } from "../api/client.ts";

export type BootstrapState =
  | { status: "loading" }
  | { status: "ready"; data: BootstrapResponse }
  | { status: "error"; error: ApiError };

type AdminContextValue = { api: ApiClient; bootstrap: BootstrapState; reload: () => Promise<void> };

const AdminContext = createContext<AdminContextValue | null>(null);

/** Runs the bootstrap (which installs on first sight) once per load and shares its result and the API client. */
export function AdminProvider({ children }: { children: ComponentChildren }) {
  const [bootstrap, setBootstrap] = useState<BootstrapState>({ status: "loading" });
  const api = useMemo(
    () => createApiClient({ idToken: () => shopify.idToken(), onBootstrap: (data) => setBootstrap({ status: "ready", data }) }),
    [],
  );
  const reload = useCallback(async () => {
    try {
      await api.bootstrap();
    } catch (error) {
      setBootstrap({ status: "error", error: toApiError(error) });
    }
  }, [api]);
  useEffect(() => void reload(), [reload]);
  const value = useMemo(() => ({ api, bootstrap, reload }), [api, bootstrap, reload]);
  return <AdminContext.Provider value={value}>{children}</AdminContext.Provider>;
}

export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error("useAdmin outside AdminProvider");
  return value;
}
