const MAX_LENGTH = 120;
// Free text (a search query, an alert, custom data) may hold what a shopper typed: emails never reach the admin.
const EMAIL = /[^\s@"'<>()]+@[^\s@"'<>()]+\.[^\s@"'<>()]+/g;

type Properties = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const numeric = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

function money(p: Properties): string | null {
  const amount = numeric(p.totalPrice) ?? numeric(p.amount) ?? numeric(p.lineTotal) ?? numeric(p.price);
  if (amount === null) return null;
  const currency = text(p.currency);
  return currency ? `${amount.toFixed(2)} ${currency}` : amount.toFixed(2);
}

function items(p: Properties): string | null {
  const n = Array.isArray(p.lineItems) ? p.lineItems.length : (numeric(p.itemCount) ?? numeric(p.quantity));
  return n === null ? null : `${n} item${n === 1 ? "" : "s"}`;
}

function what(p: Properties): string | null {
  if (typeof p.query === "string") return `search "${p.query.slice(0, 40)}" (${numeric(p.resultCount) ?? 0} results)`;
  const order = text(p.name) ?? (text(p.orderId) ? `order ${text(p.orderId)}` : null);
  const title = text(p.title) && text(p.variantTitle) ? `${text(p.title)} (${text(p.variantTitle)})` : text(p.title);
  return order ?? title ?? text(p.eventName) ?? text(p.alertType) ?? text(p.extensionName);
}

function status(p: Properties): string | null {
  if (text(p.channel)) return `${text(p.channel)} ${text(p.state) ?? "unknown"}`;
  return text(p.financialStatus) ?? text(p.shipmentStatus) ?? text(p.status) ?? text(p.state);
}

function path(p: Properties): string | null {
  const page = p.page as Properties | undefined;
  // The query string can carry tokens and campaign ids: the path says where the visitor was.
  return text(page?.path)?.split("?")[0] ?? null;
}

/** One line about an event for the dashboard stream, from an allow-list of properties; never an email or address. */
export function summarizeEvent(properties: Properties): string {
  const parts = [what(properties), money(properties), items(properties), status(properties), path(properties)].filter((part) => part !== null);
  const line = parts.join(" · ").replace(EMAIL, "[email]");
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
