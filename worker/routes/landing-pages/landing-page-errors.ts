import { AppError } from "../../errors.ts";
import { planLimitError } from "../../http/plan-limit-error.ts";
import type { LandingPageWriteError } from "../../services/landing-pages/landing-page-input.ts";

/** 404 for a missing page, 409 for a taken slug, 400 naming a segment or product this shop lacks, 402 past the plan. */
export function landingPageWriteError(error: LandingPageWriteError): AppError {
  switch (error.reason) {
    case "not_found":
      return new AppError("not_found", error.message);
    case "slug_taken":
      return new AppError("conflict", error.message, { details: { field: "slug" } });
    case "unknown_segment":
      return new AppError("validation_failed", error.message, { details: { field: "segment" } });
    case "unknown_products":
      return new AppError("validation_failed", error.message, { details: { field: "products" } });
    case "plan_limit":
      return planLimitError(error.refusal);
  }
}
