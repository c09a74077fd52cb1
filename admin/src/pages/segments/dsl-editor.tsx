import { useRef } from "preact/hooks";

export type DslError = { message: string; hint?: string; line?: number; column?: number; path?: string };

type DslEditorProps = { value: string; onInput: (value: string) => void; error: DslError | null; label: string };

// The token under the error: up to the next space or bracket, so the mark covers `total_spnt`, not the line.
const TOKEN_END = /[\s()",]/;

/** The query's text with the token at the error wrapped in <mark>, drawn behind a transparent textarea. */
function Backdrop({ value, error }: { value: string; error: DslError | null }) {
  if (!error?.line || !error.column) return <>{value}</>;
  const lines = value.split("\n");
  const before = lines.slice(0, error.line - 1).join("\n").length + (error.line > 1 ? 1 : 0) + error.column - 1;
  let end = before + 1;
  while (end < value.length && !TOKEN_END.test(value[end]!)) end++;
  return (
    <>
      {value.slice(0, before)}
      <mark>{value.slice(before, end) || " "}</mark>
      {value.slice(end)}
    </>
  );
}

/** A plain-text editor for the segment language: line numbers, the erroneous line and token highlighted in place. */
export function DslEditor({ value, onInput, error, label }: DslEditorProps) {
  const backdrop = useRef<HTMLDivElement>(null);
  const lineCount = value.split("\n").length;
  return (
    <div class="dsl-editor">
      <span class="dsl-label">{label}</span>
      <div class="dsl-frame" data-invalid={error ? "true" : undefined}>
        <ol class="dsl-gutter" aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <li key={i} class={error?.line === i + 1 ? "dsl-error-line" : undefined}>
              {i + 1}
            </li>
          ))}
        </ol>
        <div class="dsl-surface">
          <div class="dsl-backdrop" ref={backdrop} aria-hidden="true">
            <Backdrop value={value} error={error} />
            {"\n"}
          </div>
          <textarea
            aria-label={label}
            aria-invalid={error ? "true" : "false"}
            spellcheck={false}
            rows={Math.max(4, lineCount + 1)}
            value={value}
            onInput={(event) => onInput(event.currentTarget.value)}
            onScroll={(event) => backdrop.current?.scrollTo(event.currentTarget.scrollLeft, event.currentTarget.scrollTop)}
          />
        </div>
      </div>
      {error && (
        <div role="alert">
          <s-text tone="critical">
            {error.line ? `Line ${error.line}, column ${error.column}: ` : error.path ? `At ${error.path}: ` : ""}
            {error.message}
            {error.hint ? ` — ${error.hint}` : ""}
          </s-text>
        </div>
      )}
    </div>
  );
}
