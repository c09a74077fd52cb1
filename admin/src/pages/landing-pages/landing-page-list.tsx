import type { LandingPageView } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";

/** Every page with its status and target; choosing one opens it in the editor. */
export function LandingPageList({ pages, onOpen }: { pages: LandingPageView[]; onOpen: (slug: string) => void }) {
  return (
    <DataTable headers={["Page", "Address", "Target segment", "Status"]}>
      {pages.map((page) => (
        <s-table-row key={page.slug}>
          <s-table-cell>
            <s-button variant="tertiary" onClick={() => onOpen(page.slug)}>{page.title}</s-button>
          </s-table-cell>
          <s-table-cell>{page.storefrontPath}</s-table-cell>
          <s-table-cell>{page.segment ?? "Everyone"}</s-table-cell>
          <s-table-cell>
            <s-badge tone={page.status === "published" ? "success" : undefined}>{page.status === "published" ? "Published" : "Draft"}</s-badge>
          </s-table-cell>
        </s-table-row>
      ))}
    </DataTable>
  );
}
