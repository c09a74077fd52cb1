import type { BootstrapResponse } from "../../api/client.ts";

const STATUS_TONE = { active: "success", installing: "info", uninstalled: "critical" } as const;

const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

/** The tenant this admin session is scoped to: workspace slug, shop, install status and plan. */
export function WorkspaceSummary({ tenant }: { tenant: BootstrapResponse["tenant"] }) {
  const tone = STATUS_TONE[tenant.status as keyof typeof STATUS_TONE] ?? "neutral";
  return (
    <s-section heading="Workspace">
      <s-table>
        <s-table-body>
          <s-table-row>
            <s-table-cell>Workspace</s-table-cell>
            <s-table-cell>
              <code>{tenant.slug}</code>
            </s-table-cell>
          </s-table-row>
          <s-table-row>
            <s-table-cell>Shop</s-table-cell>
            <s-table-cell>{tenant.shop}</s-table-cell>
          </s-table-row>
          <s-table-row>
            <s-table-cell>Status</s-table-cell>
            <s-table-cell>
              <s-badge tone={tone}>{capitalize(tenant.status)}</s-badge>
            </s-table-cell>
          </s-table-row>
          <s-table-row>
            <s-table-cell>Plan</s-table-cell>
            <s-table-cell>{capitalize(tenant.plan)}</s-table-cell>
          </s-table-row>
        </s-table-body>
      </s-table>
    </s-section>
  );
}
