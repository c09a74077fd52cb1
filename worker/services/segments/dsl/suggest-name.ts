/** Levenshtein distance, for "did you mean" hints on misspelled attributes, events and values. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate within a third of the word's length (at least 1 edit), or undefined. */
function suggestName(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word.toLowerCase(), name);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** `did you mean \`x\`?` when a candidate is close, otherwise the list of what is allowed. */
export function didYouMean(word: string, candidates: readonly string[], listLabel: string): string {
  const close = suggestName(word, candidates);
  return close === undefined ? `${listLabel}: ${candidates.join(", ")}` : `did you mean \`${close}\`?`;
}
