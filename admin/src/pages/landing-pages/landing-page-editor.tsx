import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { LandingPagePreview, LandingPagesApi, LandingPageView } from "../../api/client.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { BlocksEditor, type Block } from "./blocks-editor.tsx";
import { ProductsPicker, type Products } from "./products-picker.tsx";
import { themeEditorUrl } from "./theme-editor-url.ts";

type EditorProps = {
  api: LandingPagesApi;
  page: LandingPageView | null;
  /** The workspace's customer segments, by slug and name, for the target. */
  segments: { slug: string; name: string }[];
  shop: string;
  apiKey: string;
  onSaved: (page: LandingPageView) => void;
  onDeleted: () => void;
};

/** Create or edit one landing page: content, target segment, products; preview, save, publish, add to the theme. */
export function LandingPageEditor({ api, page, segments, shop, apiKey, onSaved, onDeleted }: EditorProps) {
  const [slug, setSlug] = useState(page?.slug ?? "");
  const [title, setTitle] = useState(page?.title ?? "");
  const [body, setBody] = useState(page?.body ?? "");
  const [blocks, setBlocks] = useState<Block[]>(page?.blocks ?? []);
  const [segment, setSegment] = useState<string | null>(page?.segment ?? null);
  const [segmentBlocks, setSegmentBlocks] = useState<Block[]>(page?.segmentBlocks ?? []);
  const [products, setProducts] = useState<Products>(page?.products ?? { mode: "rule", rule: "personal", limit: 4 });
  const [busy, setBusy] = useState<"save" | "publish" | "preview" | null>(null);
  const [error, setError] = useState<{ title: string; error: ApiError } | null>(null);
  const [preview, setPreview] = useState<LandingPagePreview | null>(null);

  const content = { title, body, blocks, segment, segmentBlocks: segment ? segmentBlocks : null, products };
  const run = async (what: "save" | "publish" | "preview", failure: string, action: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError({ title: failure, error: toApiError(caught) });
    } finally {
      setBusy(null);
    }
  };
  const save = (status?: "draft" | "published") =>
    run(status ? "publish" : "save", "The page was not saved", async () => {
      const changes = status ? { ...content, status } : content;
      onSaved(page ? await api.update(page.slug, changes) : await api.create({ slug, ...changes }));
    });
  const showPreview = (audience: "everyone" | "segment") =>
    run("preview", "The preview failed", async () => setPreview(await api.preview({ page: { ...content, slug: slug || "preview" }, audience })));

  return (
    <s-section heading={page ? page.title : "New landing page"}>
      <s-stack gap="base">
        {page ? (
          <s-text color="subdued">{`Slug ${page.slug} · ${page.status === "published" ? "Published" : "Draft"}`}</s-text>
        ) : (
          <s-text-field label="Slug" value={slug} onInput={(event) => setSlug(event.currentTarget.value ?? "")} />
        )}
        <s-text-field label="Title" value={title} onInput={(event) => setTitle(event.currentTarget.value ?? "")} />
        <label class="lp-field">
          Introduction
          <textarea aria-label="Introduction" rows={3} value={body} onInput={(event) => setBody(event.currentTarget.value)} />
        </label>
        <BlocksEditor label="Blocks" blocks={blocks} onChange={setBlocks} />
        <label class="lp-field">
          Target segment
          <select aria-label="Target segment" value={segment ?? ""} onChange={(event) => setSegment(event.currentTarget.value || null)}>
            <option value="">Everyone sees the same page</option>
            {segments.map((option) => (
              <option key={option.slug} value={option.slug}>{option.name}</option>
            ))}
          </select>
        </label>
        {segment && <BlocksEditor label="Segment blocks" blocks={segmentBlocks} onChange={setSegmentBlocks} />}
        <ProductsPicker value={products} onChange={setProducts} />
        {error && <ErrorState title={error.title} error={error.error} />}
        <s-stack direction="inline" gap="small">
          <s-button variant="primary" loading={busy === "save"} disabled={title.trim() === "" || (!page && slug.trim() === "")} onClick={() => void save()}>
            {page ? "Save" : "Create page"}
          </s-button>
          {page && page.status === "draft" && <s-button loading={busy === "publish"} onClick={() => void save("published")}>Publish</s-button>}
          {page && page.status === "published" && <s-button loading={busy === "publish"} onClick={() => void save("draft")}>Unpublish</s-button>}
          <s-button loading={busy === "preview"} disabled={title.trim() === ""} onClick={() => void showPreview("everyone")}>Preview as a guest</s-button>
          {segment && <s-button loading={busy === "preview"} onClick={() => void showPreview("segment")}>Preview as a segment member</s-button>}
          {page && <ConfirmButton label="Delete" tone="critical" question={`Delete ${page.title}? Its storefront address stops working.`} confirmLabel="Delete page" onConfirm={async () => { await api.remove(page.slug); onDeleted(); }} />}
        </s-stack>
        {page && (
          <s-stack direction="inline" gap="base">
            {page.status === "published" && <s-link href={`https://${shop}${page.storefrontPath}`} target="_blank">View on the storefront</s-link>}
            <s-link href={themeEditorUrl(shop, apiKey)} target="_top">Add to the theme</s-link>
          </s-stack>
        )}
        {preview && (
          <>
            <s-heading>{preview.audience === "segment" ? "Preview as a segment member" : "Preview as a guest"}</s-heading>
            <iframe class="lp-preview" title="Landing page preview" sandbox="" srcdoc={preview.html} />
          </>
        )}
      </s-stack>
    </s-section>
  );
}
