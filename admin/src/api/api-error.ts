import type { ErrorBody } from "../../../worker/errors.ts";

/** A failed admin API call, carrying the server's error envelope so the merchant can quote the request id. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | null;
  /** What the envelope's `details` point at, e.g. a DSL error's line, column and hint, or the blocking rule. */
  readonly details: Record<string, unknown> | null;

  constructor(status: number, code: string, message: string, requestId: string | null, details: Record<string, unknown> | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }

  static async from(res: Response): Promise<ApiError> {
    const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
    const requestId = body?.error?.requestId ?? res.headers.get("X-Request-Id");
    if (body?.error) return new ApiError(res.status, body.error.code, body.error.message, requestId, body.error.details ?? null);
    return new ApiError(res.status, "http_error", `SegOps answered HTTP ${res.status}; try again in a moment.`, requestId);
  }

  static network(cause: unknown): ApiError {
    return new ApiError(0, "network", `SegOps could not be reached (${String(cause)}); check your connection and try again.`, null);
  }
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, "client_error", error instanceof Error ? error.message : String(error), null);
}
