import type { CatalogRow } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ScoreBadge } from "./score-badge.tsx";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "Not yet");

/** The page's products with their score, what to fix first, mentions and when their metafields last reached Shopify. */
export function CatalogTable({ rows, openId, onOpen }: { rows: CatalogRow[]; openId: string | null; onOpen: (row: CatalogRow) => void }) {
  return (
    <DataTable headers={["Product", "Score", "Fix first", "Vendor", "Type", "AI mentions (30 days)", "Metafields pushed"]}>
      {rows.map((row) => (
        <s-table-row key={row.id}>
          <s-table-cell>
            <s-button variant="tertiary" accessibilityLabel={`${openId === row.id ? "Close" : "Open"} ${row.title}`} onClick={() => onOpen(row)}>
              {row.title || "(untitled)"}
            </s-button>
          </s-table-cell>
          <s-table-cell>
            <ScoreBadge score={row.score} />
          </s-table-cell>
          <s-table-cell>
            {row.topRecommendation ? (
              <s-text>{`${row.topRecommendation.code.replaceAll("_", " ")} (+${row.topRecommendation.points})${row.recommendations > 1 ? `, ${row.recommendations - 1} more` : ""}`}</s-text>
            ) : (
              <s-text color="subdued">{row.score === null ? "—" : "Nothing"}</s-text>
            )}
          </s-table-cell>
          <s-table-cell>{row.vendor ?? "—"}</s-table-cell>
          <s-table-cell>{row.productType ?? "—"}</s-table-cell>
          <s-table-cell>{row.mentionCount30d.toLocaleString()}</s-table-cell>
          <s-table-cell>{when(row.metafieldsPushedAt)}</s-table-cell>
        </s-table-row>
      ))}
    </DataTable>
  );
}
