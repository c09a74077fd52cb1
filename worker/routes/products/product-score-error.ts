import { AppError } from "../../errors.ts";
import type { ProductScoreError } from "../../services/catalog/get-product-score.ts";

export function productScoreError(error: ProductScoreError): AppError {
  switch (error.reason) {
    case "not_found":
      return new AppError("not_found", error.message);
    case "changed":
      return new AppError("conflict", error.message);
  }
}
