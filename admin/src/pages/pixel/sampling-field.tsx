import { PIXEL_CSS } from "./pixel-styles.ts";

/** `"25"` → 25; anything but a whole number from 0 to 100 → null. */
export const parseSampling = (text: string): number | null => (/^\d{1,3}$/.test(text.trim()) && Number(text) <= 100 ? Number(text) : null);

function consequence(percent: number | null): string {
  if (percent === null) return "Enter a whole number from 0 to 100.";
  if (percent === 100) return "Every visitor who allows analytics sends every tracked event.";
  if (percent === 0) return "No visitor sends sampled events; cart, checkout and purchase events still arrive from everyone.";
  return `About ${percent} in 100 visitors send page, collection, product and search events; the others send none of them.`;
}

/** Sampling as a slider and a number, with what the value means for the events that arrive. */
export function SamplingField({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const percent = parseSampling(text);
  return (
    <s-section heading="Sampling">
      <style>{PIXEL_CSS}</style>
      <s-stack gap="small">
        <div class="sampling-row">
          <input
            type="range"
            min={0}
            max={100}
            step={1}
            value={percent ?? 100}
            aria-label="Sampling percent slider"
            onInput={(event) => onChange(event.currentTarget.value)}
          />
          <s-number-field
            label="Visitors sampled (%)"
            value={text}
            min={0}
            max={100}
            step={1}
            error={percent === null ? "A whole number from 0 to 100" : undefined}
            onInput={(event) => onChange(event.currentTarget.value ?? "")}
          />
        </div>
        <s-text>{consequence(percent)}</s-text>
        <s-paragraph color="subdued">
          Sampling is per visitor: the pixel hashes the visitor's id, so a visitor is in or out on every page. Events marked
          "Never sampled" (cart, checkout and purchase) are always sent.
        </s-paragraph>
      </s-stack>
    </s-section>
  );
}
