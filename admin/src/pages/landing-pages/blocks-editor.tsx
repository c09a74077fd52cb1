import type { LandingPageBody } from "../../api/client.ts";

export type Block = NonNullable<LandingPageBody["blocks"]>[number];

const NEW_BLOCK: Record<Block["kind"], Block> = {
  heading: { kind: "heading", text: "" },
  text: { kind: "text", text: "" },
  button: { kind: "button", text: "", url: "/" },
};

/** A page's content blocks in order: headings, paragraphs and buttons, each editable, movable and removable. */
export function BlocksEditor({ label, blocks, onChange }: { label: string; blocks: Block[]; onChange: (blocks: Block[]) => void }) {
  const set = (index: number, block: Block) => onChange(blocks.map((current, i) => (i === index ? block : current)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...blocks];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
  };
  return (
    <fieldset class="lp-blocks" aria-label={label}>
      <legend>{label}</legend>
      {blocks.map((block, index) => (
        <div class="lp-block" key={index}>
          <span class="lp-block-kind">{block.kind}</span>
          {block.kind === "text" ? (
            <textarea aria-label={`${label} ${index + 1} text`} rows={3} value={block.text} onInput={(event) => set(index, { ...block, text: event.currentTarget.value })} />
          ) : (
            <s-text-field label={`${label} ${index + 1} text`} value={block.text} onInput={(event) => set(index, { ...block, text: event.currentTarget.value ?? "" })} />
          )}
          {block.kind === "button" && (
            <s-text-field label={`${label} ${index + 1} link`} value={block.url} onInput={(event) => set(index, { ...block, url: event.currentTarget.value ?? "" })} />
          )}
          <s-stack direction="inline" gap="small">
            <s-button variant="tertiary" disabled={index === 0} onClick={() => move(index, -1)}>Up</s-button>
            <s-button variant="tertiary" disabled={index === blocks.length - 1} onClick={() => move(index, 1)}>Down</s-button>
            <s-button variant="tertiary" tone="critical" onClick={() => onChange(blocks.filter((_, i) => i !== index))}>Remove</s-button>
          </s-stack>
        </div>
      ))}
      <s-stack direction="inline" gap="small">
        {(Object.keys(NEW_BLOCK) as Block["kind"][]).map((kind) => (
          <s-button key={kind} onClick={() => onChange([...blocks, NEW_BLOCK[kind]])}>{`Add ${kind} to ${label.toLowerCase()}`}</s-button>
        ))}
      </s-stack>
    </fieldset>
  );
}
