import { useCallback, useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../../api/api-error.ts";
import type { PrivacyRequest } from "../../../api/client.ts";
import { useAdmin } from "../../../state/admin-context.tsx";

const POLL_OPEN_MS = 5_000;
const POLL_IDLE_MS = 10_000;

type RequestsState = { status: "loading" } | { status: "ready"; requests: PrivacyRequest[]; nextCursor: string | null } | { status: "error"; error: ApiError };

/** The store's privacy requests, newest first; re-read every 5 s while one is not completed (so progress shows), else every 10 s. */
export function usePrivacyRequests() {
  const { api } = useAdmin();
  const [state, setState] = useState<RequestsState>({ status: "loading" });
  const [pollError, setPollError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    try {
      const page = await api.privacy.requests();
      setState({ status: "ready", requests: page.data, nextCursor: page.nextCursor });
      setPollError(null);
    } catch (error) {
      setState((current) => (current.status === "ready" ? current : { status: "error", error: toApiError(error) }));
      setPollError(toApiError(error));
    }
  }, [api]);

  const showOlder = useCallback(async () => {
    if (state.status !== "ready" || !state.nextCursor) return;
    try {
      const page = await api.privacy.requests(state.nextCursor);
      setState({ status: "ready", requests: [...state.requests, ...page.data], nextCursor: page.nextCursor });
    } catch (error) {
      setPollError(toApiError(error));
    }
  }, [api, state]);

  useEffect(() => void reload(), [reload]);

  const open = state.status === "ready" && state.requests.some((request) => request.status !== "completed");
  useEffect(() => {
    if (state.status !== "ready") return;
    const timer = setTimeout(() => void reload(), open ? POLL_OPEN_MS : POLL_IDLE_MS);
    return () => clearTimeout(timer);
  }, [state, open, pollError, reload]);

  return { state, pollError, reload, showOlder };
}
