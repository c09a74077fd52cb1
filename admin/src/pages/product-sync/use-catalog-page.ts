import { useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { CatalogPage, CatalogQuery } from "../../api/client.ts";
import { useAdmin } from "../../state/admin-context.tsx";

type CatalogState = { status: "loading"; page: CatalogPage | null } | { status: "ready"; page: CatalogPage } | { status: "error"; error: ApiError };

/** One page of the catalog's scores for `query`, read again whenever the query (sort, filters, page) or `version` changes. */
export function useCatalogPage(query: CatalogQuery, version: number) {
  const { api } = useAdmin();
  const [state, setState] = useState<CatalogState>({ status: "loading", page: null });
  const key = JSON.stringify(query);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: "loading", page: previous.status === "error" ? null : previous.page }));
    api.catalog.list(query).then(
      (page) => current && setState({ status: "ready", page }),
      (error: unknown) => current && setState({ status: "error", error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, key, version, attempt]);
  return { state, retry: () => setAttempt((n) => n + 1) };
}
