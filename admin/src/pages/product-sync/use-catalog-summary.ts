import { useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { CatalogSummary } from "../../api/client.ts";
import { useAdmin } from "../../state/admin-context.tsx";

type SummaryState = { status: "loading" } | { status: "ready"; summary: CatalogSummary } | { status: "error"; error: ApiError };

/** The catalog's score summary, read again when `version` changes (after a push has scored and written). */
export function useCatalogSummary(version: number) {
  const { api } = useAdmin();
  const [state, setState] = useState<SummaryState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    api.catalog.summary().then(
      (summary) => current && setState({ status: "ready", summary }),
      (error: unknown) => current && setState({ status: "error", error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, version, attempt]);
  return { state, retry: () => setAttempt((n) => n + 1) };
}
