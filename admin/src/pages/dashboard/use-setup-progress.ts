import { useEffect, useRef, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { SetupResponse } from "../../api/client.ts";
import { useAdmin } from "../../state/admin-context.tsx";

const POLL_MS = 1500;
// A failed step may be retried by the server on its own (transient failures back off); keep watching, slower.
const POLL_FAILED_MS = 5000;

const failedAt = (setup: SetupResponse) => setup.steps.find((step) => step.status === "failed")?.updatedAt ?? null;

/** Setup progress, live: polled until complete; `retry` resumes a stopped setup and watches it pick up again. */
export function useSetupProgress(initial: SetupResponse, onChange: (setup: SetupResponse) => void) {
  const { api } = useAdmin();
  const [setup, setSetup] = useState(initial);
  const [pollError, setPollError] = useState<ApiError | null>(null);
  const [retrying, setRetrying] = useState(false);
  // The retry answer can predate the runner's first move; until the failure changes, poll at full speed.
  const retriedFailure = useRef<string | null>(null);

  useEffect(() => onChange(setup), [setup]);

  useEffect(() => {
    if (setup.complete) return;
    const waitingOnRetry = retriedFailure.current !== null && retriedFailure.current === failedAt(setup);
    const timer = setTimeout(
      async () => {
        try {
          const next = await api.setup();
          if (failedAt(next) !== retriedFailure.current) retriedFailure.current = null;
          setSetup(next);
          setPollError(null);
        } catch (error) {
          setPollError(toApiError(error));
        }
      },
      setup.failed && !waitingOnRetry ? POLL_FAILED_MS : POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [api, setup, pollError]);

  const retry = async () => {
    setRetrying(true);
    try {
      retriedFailure.current = failedAt(setup);
      setSetup(await api.retrySetup());
    } catch (error) {
      setPollError(toApiError(error));
    } finally {
      setRetrying(false);
    }
  };

  return { setup, pollError, retrying, retry };
}
