/** Prints rows as aligned columns, cutting long cells so one row stays on one line. */
export function printRows(rows: Record<string, unknown>[], columns: string[], maxWidth = 60): void {
  if (rows.length === 0) {
    console.log("(none)");
    return;
  }
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? "" : String(value).replace(/\s+/g, " ");
    return text.length > maxWidth ? `${text.slice(0, maxWidth - 1)}…` : text;
  };
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((column) => cell(row[column]))));
}
