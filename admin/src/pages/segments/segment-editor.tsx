import { useMemo, useState } from "preact/hooks";
import { ApiError, toApiError } from "../../api/api-error.ts";
import type { GetSegmentResponse, SegmentsApi, SegmentView } from "../../api/client.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { DslEditor, type DslError } from "./dsl-editor.tsx";
import { LastPush } from "./last-push.tsx";
import { PushModePicker } from "./push-mode-picker.tsx";
import { SizeChart } from "./size-chart.tsx";
import { usePreview } from "./use-preview.ts";

type EditorProps = { api: SegmentsApi; segment: GetSegmentResponse | null; onSaved: (segment: SegmentView, pushQueued: boolean) => void; onDeleted: () => void; onPush: () => void; pushing: boolean };

const noun = (kind: string, count: number) => `${count} ${kind === "product" ? "product" : "customer"}${count === 1 ? "" : "s"}`;

function saveErrorOf(error: unknown): { dsl: DslError | null; other: ApiError | null } {
  const details = error instanceof ApiError ? error.details : null;
  if (details && ("line" in details || "path" in details)) {
    const message = error instanceof Error ? error.message.replace(/^(Line \d+, column \d+|At \S+): /, "").replace(/ \(.*\)$/, "") : "";
    return { dsl: { ...(details as Omit<DslError, "message">), message }, other: null };
  }
  return { dsl: null, other: toApiError(error) };
}

/** Create or edit one segment: name, query with inline errors and a live count, push mode, then save and push. */
export function SegmentEditor({ api, segment, onSaved, onDeleted, onPush, pushing }: EditorProps) {
  const [name, setName] = useState(segment?.name ?? "");
  const [kind, setKind] = useState<"customer" | "product">(segment?.kind ?? "customer");
  const [query, setQuery] = useState(segment?.query ?? "");
  const [pushMode, setPushMode] = useState(segment?.pushMode ?? "none");
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ dsl: DslError | null; other: ApiError | null }>({ dsl: null, other: null });
  const preview = usePreview(api, kind, query);
  const previewError = preview.status === "ready" && !preview.preview.valid ? preview.preview.error : null;
  const translation = preview.status === "ready" ? (preview.preview.valid ? preview.preview.translation : null) : (segment?.translation ?? null);
  const dirty = useMemo(() => !segment || name !== segment.name || query !== segment.query || pushMode !== segment.pushMode, [segment, name, query, pushMode]);

  const save = async () => {
    setSaving(true);
    setSaveError({ dsl: null, other: null });
    try {
      const saved = segment
        ? await api.update(segment.slug, { ...(name !== segment.name ? { name } : {}), ...(query !== segment.query ? { query } : {}), ...(pushMode !== segment.pushMode ? { pushMode } : {}) })
        : await api.create({ name, kind, query, pushMode });
      onSaved(saved, saved.pushMode !== "none" && (!segment || pushMode !== segment.pushMode || query !== segment.query));
    } catch (error) {
      setSaveError(saveErrorOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <s-section heading={segment ? segment.name : "New segment"}>
      <s-stack gap="base">
        <s-text-field label="Name" value={name} onInput={(event) => setName(event.currentTarget.value ?? "")} />
        {!segment && (
          <s-stack direction="inline" gap="small">
            <s-button variant={kind === "customer" ? "primary" : "secondary"} onClick={() => setKind("customer")}>Customers</s-button>
            <s-button variant={kind === "product" ? "primary" : "secondary"} onClick={() => setKind("product")}>Products</s-button>
          </s-stack>
        )}
        <DslEditor label="Segment query" value={query} onInput={setQuery} error={previewError ?? saveError.dsl} />
        <s-text aria-live="polite">
          {preview.status === "loading" && "Counting…"}
          {preview.status === "ready" && preview.preview.valid && `${noun(kind, preview.preview.count)} match right now.`}
          {preview.status === "error" && `The preview failed: ${preview.error.message}`}
        </s-text>
        <s-heading>Push to Shopify</s-heading>
        <PushModePicker kind={kind} value={pushMode} onChange={setPushMode} translation={translation} tag={segment?.tag ?? "segops:<slug>"} />
        {saveError.other && <ErrorState title="The segment was not saved" error={saveError.other} />}
        <s-stack direction="inline" gap="small">
          <s-button variant="primary" loading={saving} disabled={!dirty || previewError !== null || name.trim() === "" || query.trim() === ""} onClick={() => void save()}>
            {segment ? "Save" : "Create segment"}
          </s-button>
          {segment && segment.pushMode !== "none" && (
            <s-button loading={pushing} disabled={dirty} onClick={onPush}>Push now</s-button>
          )}
          {segment && <ConfirmButton label="Delete" tone="critical" question={`Delete ${segment.name}? Its tags and Shopify segment are removed too.`} confirmLabel="Delete segment" onConfirm={async () => { await api.remove(segment.slug); onDeleted(); }} />}
        </s-stack>
        {segment && (
          <>
            <s-heading>Last push</s-heading>
            <LastPush push={segment.lastPush} />
            <s-heading>Members over time</s-heading>
            <s-text color="subdued">{noun(segment.kind, segment.memberCount)} now{segment.lastComputedAt ? `, computed ${new Date(segment.lastComputedAt).toLocaleString()}` : ""}.</s-text>
            <SizeChart sizes={segment.sizes} until={segment.lastComputedAt} />
          </>
        )}
      </s-stack>
    </s-section>
  );
}
