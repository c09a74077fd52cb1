import { readScoreInput, type ScorableProduct } from "./read-score-input.ts";
import { scoreClassification } from "./score-classification.ts";
import { scoreDescription } from "./score-description.ts";
import { scoreIdentifiers } from "./score-identifiers.ts";
import { scoreImages } from "./score-images.ts";
import { scoreOptions } from "./score-options.ts";
import { scoreSeo } from "./score-seo.ts";
import { scoreTitle } from "./score-title.ts";
import type { AiScore, Criterion, Recommendation, Shortfall } from "./score-types.ts";

/** In this order, which also breaks ties between recommendations worth the same points. Weights add up to 100. */
export const CRITERIA: readonly Criterion[] = [scoreTitle, scoreDescription, scoreOptions, scoreImages, scoreSeo, scoreIdentifiers, scoreClassification];

// A miss that another recommendation's fix also fixes rides on that one, so each listed fix adds exactly its points.
function merge(shortfalls: Shortfall[]): Recommendation[] {
  const recommendations: Recommendation[] = shortfalls.filter((miss) => !miss.alsoFixedBy).map(({ code, message, points }) => ({ code, message, points }));
  for (const miss of shortfalls) {
    if (!miss.alsoFixedBy) continue;
    const { codes, note } = miss.alsoFixedBy;
    const carrier = recommendations.find((recommendation) => codes.includes(recommendation.code));
    if (carrier) {
      carrier.points += miss.points;
      carrier.message = `${carrier.message} ${note}`;
    } else {
      recommendations.push({ code: miss.code, message: miss.message, points: miss.points });
    }
  }
  return recommendations;
}

/**
 * The AI readability score (docs/ai-readability.md): 100 minus what the product misses, and the recommendations that
 * would earn it back, most points first. Pure and deterministic: the same stored product always scores the same.
 */
export function scoreProduct(product: ScorableProduct): AiScore {
  const input = readScoreInput(product);
  const recommendations = merge(CRITERIA.flatMap((criterion) => criterion.check(input))).sort((a, b) => b.points - a.points);
  const missed = recommendations.reduce((sum, recommendation) => sum + recommendation.points, 0);
  return { score: 100 - missed, recommendations };
}
