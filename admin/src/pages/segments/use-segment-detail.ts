import { useCallback, useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { GetSegmentResponse, SegmentsApi } from "../../api/client.ts";

const POLL_MS = 1500;
// A tag push with nothing to send records no result: stop watching after a minute rather than poll forever.
const MAX_POLLS = 40;

export type DetailState = { status: "loading" } | { status: "ready"; segment: GetSegmentResponse } | { status: "error"; error: ApiError };

/** A saved segment, reloaded on demand and polled while a push runs so its result shows when it lands. */
export function useSegmentDetail(api: SegmentsApi, slug: string | null) {
  const [state, setState] = useState<DetailState>({ status: "loading" });
  const [watching, setWatching] = useState(false);

  const reload = useCallback(async () => {
    if (!slug) return;
    try {
      const segment = await api.get(slug);
      setState({ status: "ready", segment });
      return segment;
    } catch (error) {
      setState({ status: "error", error: toApiError(error) });
    }
  }, [api, slug]);

  // After "push now" or a save that queues a push: poll until the last push is newer than `since` and settled.
  const watchPush = useCallback(
    (since: number) => {
      setWatching(true);
      let polls = 0;
      const tick = async () => {
        const segment = await reload();
        const push = segment?.lastPush;
        const settled = push && push.status !== "in_progress" && Date.parse(push.at) >= since;
        if (!segment || settled || ++polls >= MAX_POLLS) return setWatching(false);
        setTimeout(() => void tick(), POLL_MS);
      };
      setTimeout(() => void tick(), POLL_MS);
    },
    [reload],
  );

  // A segment just created (or accepted) with a push mode has its first push on the way: show it when it lands.
  useEffect(() => {
    void reload().then((segment) => {
      const pending = segment && segment.pushMode !== "none" && (!segment.lastPush || segment.lastPush.status === "in_progress");
      if (pending) watchPush(0);
    });
  }, [reload, watchPush]);

  return { state, reload, watchPush, watching };
}
