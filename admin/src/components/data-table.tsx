import type { ComponentChildren } from "preact";

/** A table with one header row of `headers`; `children` are its rows. */
export function DataTable({ headers, children }: { headers: string[]; children: ComponentChildren }) {
  return (
    <s-table>
      <s-table-header-row>
        {headers.map((header) => (
          <s-table-header key={header}>{header}</s-table-header>
        ))}
      </s-table-header-row>
      <s-table-body>{children}</s-table-body>
    </s-table>
  );
}
