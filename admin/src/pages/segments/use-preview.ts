import { useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { PreviewSegmentResponse, SegmentsApi } from "../../api/client.ts";

const DEBOUNCE_MS = 400;

export type PreviewState =
  | { status: "idle" | "loading" }
  | { status: "ready"; preview: PreviewSegmentResponse }
  | { status: "error"; error: ApiError };

/** The live preview: counts (or finds the error in) the query a moment after the merchant stops typing. */
export function usePreview(api: SegmentsApi, kind: "customer" | "product", query: string): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: "idle" });
  useEffect(() => {
    if (query.trim() === "") {
      setState({ status: "idle" });
      return;
    }
    let current = true;
    setState((previous) => (previous.status === "ready" ? previous : { status: "loading" }));
    const timer = setTimeout(async () => {
      try {
        const preview = await api.preview({ kind, query });
        if (current) setState({ status: "ready", preview });
      } catch (error) {
        if (current) setState({ status: "error", error: toApiError(error) });
      }
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, kind, query]);
  return state;
}
