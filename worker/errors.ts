import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorCode =
  | "bad_environment"
  | "bad_request"
  | "invalid_json"
  | "validation_failed"
  | "unauthorized"
  | "invalid_hmac"
  | "invalid_token"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "gone"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "plan_limit"
  | "tenant_moving"
  | "shopify_unavailable"
  | "unavailable"
  | "internal_error";

export function codeToStatus(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case "bad_request":
    case "invalid_json":
    case "validation_failed":
      return 400;
    case "unauthorized":
    case "invalid_hmac":
    case "invalid_token":
      return 401;
    case "plan_limit":
      return 402;
    case "forbidden":
      return 403;
    case "not_found":
      return 404;
    case "method_not_allowed":
      return 405;
    case "conflict":
    case "tenant_moving":
      return 409;
    case "gone":
      return 410;
    case "payload_too_large":
      return 413;
    case "unsupported_media_type":
      return 415;
    case "rate_limited":
      return 429;
    case "shopify_unavailable":
      return 502;
    case "unavailable":
      return 503;
    case "bad_environment":
    case "internal_error":
      return 500;
  }
}

/** `details` carries machine-readable context when a client can act on it (e.g. a DSL error's line and column). */
export type ErrorBody = { error: { code: ErrorCode; message: string; requestId: string; details?: Record<string, unknown> } };

/** An expected failure with a stable code; rendered as the error envelope by app.onError. */
export class AppError extends HTTPException {
  readonly code: ErrorCode;
  readonly headers: Record<string, string>;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { headers?: Record<string, string>; cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(codeToStatus(code), { message, cause: options.cause });
    this.code = code;
    this.headers = options.headers ?? {};
    this.details = options.details;
  }
}

export function errorBody(code: ErrorCode, message: string, requestId: string, details?: Record<string, unknown>): ErrorBody {
  return details === undefined ? { error: { code, message, requestId } } : { error: { code, message, requestId, details } };
}

export function errorResponse(code: ErrorCode, message: string, requestId: string, headers: Record<string, string> = {}): Response {
  return Response.json(errorBody(code, message, requestId), { status: codeToStatus(code), headers });
}
