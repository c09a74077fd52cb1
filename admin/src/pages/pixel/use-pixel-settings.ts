import { useCallback, useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { PixelSettingsResponse } from "../../api/client.ts";
import { useAdmin } from "../../state/admin-context.tsx";

const POLL_MS = 5_000;

type PixelState = { status: "loading" } | { status: "ready"; view: PixelSettingsResponse } | { status: "error"; error: ApiError };

/** The Pixel page's data, reloaded every 5 s so its live counts and install state stay current. */
export function usePixelSettings() {
  const { api } = useAdmin();
  const [state, setState] = useState<PixelState>({ status: "loading" });
  const [pollError, setPollError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    try {
      setState({ status: "ready", view: await api.pixel.load() });
      setPollError(null);
    } catch (error) {
      setState((current) => (current.status === "ready" ? current : { status: "error", error: toApiError(error) }));
      setPollError(toApiError(error));
    }
  }, [api]);

  useEffect(() => void reload(), [reload]);

  useEffect(() => {
    if (state.status !== "ready") return;
    const timer = setTimeout(() => void reload(), POLL_MS);
    return () => clearTimeout(timer);
  }, [state, pollError, reload]);

  return { state, pollError, reload };
}
