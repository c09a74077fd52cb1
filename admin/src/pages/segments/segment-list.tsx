import type { SegmentView } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";

const PUSH_LABEL = { none: "Not pushed", tags: "Customer tags", native: "Shopify segment" } as const;

/** Every segment with its size and how it reaches Shopify; choosing one opens it in the editor. */
export function SegmentList({ segments, onOpen }: { segments: SegmentView[]; onOpen: (slug: string) => void }) {
  return (
    <DataTable headers={["Segment", "Members", "Push", "Last push"]}>
      {segments.map((segment) => (
        <s-table-row key={segment.slug}>
          <s-table-cell>
            <s-button variant="tertiary" onClick={() => onOpen(segment.slug)}>{segment.name}</s-button>
          </s-table-cell>
          <s-table-cell>{segment.memberCount}</s-table-cell>
          <s-table-cell>{segment.kind === "product" ? "Metafield" : PUSH_LABEL[segment.pushMode]}</s-table-cell>
          <s-table-cell>
            {segment.lastPush ? <s-text color="subdued">{`${segment.lastPush.status.replace("_", " ")}, ${new Date(segment.lastPush.at).toLocaleString()}`}</s-text> : "—"}
          </s-table-cell>
        </s-table-row>
      ))}
    </DataTable>
  );
}
