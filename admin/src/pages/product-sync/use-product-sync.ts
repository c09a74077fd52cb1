import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { ProductSyncView } from "../../api/client.ts";
import { useAdmin } from "../../state/admin-context.tsx";

const RUNNING_POLL_MS = 2_000;

type SyncState = { status: "loading" } | { status: "ready"; view: ProductSyncView } | { status: "error"; error: ApiError };

/**
 * The sync switches and the metafield push, re-read every 2 s while a push is queued or running; `onPushFinished`
 * hears when one ends, so the page can re-read the scores it wrote.
 */
export function useProductSync(onPushFinished?: () => void) {
  const { api } = useAdmin();
  const [state, setState] = useState<SyncState>({ status: "loading" });
  const [pollError, setPollError] = useState<ApiError | null>(null);
  const finished = useRef(onPushFinished);
  finished.current = onPushFinished;

  const reload = useCallback(async () => {
    try {
      const view = await api.productSync.load();
      setState((previous) => {
        if (previous.status === "ready" && previous.view.push.current && !view.push.current) finished.current?.();
        return { status: "ready", view };
      });
      setPollError(null);
    } catch (error) {
      setState((current) => (current.status === "ready" ? current : { status: "error", error: toApiError(error) }));
      setPollError(toApiError(error));
    }
  }, [api]);
  useEffect(() => void reload(), [reload]);

  const running = state.status === "ready" && state.view.push.current !== null;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void reload(), RUNNING_POLL_MS);
    return () => clearTimeout(timer);
  }, [state, pollError, running, reload]);

  const update = (view: ProductSyncView) => setState({ status: "ready", view });
  return { state, pollError, reload, update };
}
