import { Bootstrapped } from "./components/bootstrapped.tsx";
import { BillingPage } from "./pages/billing/billing-page.tsx";
import { EmptyState } from "./components/empty-state.tsx";
import { DashboardPage } from "./pages/dashboard/dashboard-page.tsx";
import { DiscountsPage } from "./pages/discounts/discounts-page.tsx";
import { LandingPagesPage } from "./pages/landing-pages/landing-pages-page.tsx";
import { PixelPage } from "./pages/pixel/pixel-page.tsx";
import { ProductSyncPage } from "./pages/product-sync/product-sync-page.tsx";
import { SegmentsPage } from "./pages/segments/segments-page.tsx";
import { SettingsPage } from "./pages/settings/settings-page.tsx";
import { PAGES, type Page } from "./pages.ts";
import { usePath } from "./router.ts";
import { AdminProvider } from "./state/admin-context.tsx";

/** App Bridge renders this menu in the admin's sidebar; the first link (rel=home) is the app's name. */
function NavMenu({ path }: { path: string }) {
  return (
    <ui-nav-menu>
      {PAGES.map((page, index) => (
        <a key={page.path} href={page.path} rel={index === 0 ? "home" : undefined} aria-current={page.path === path ? "page" : undefined}>
          {page.label}
        </a>
      ))}
    </ui-nav-menu>
  );
}

function PageContent({ page }: { page: Page | undefined }) {
  if (!page) {
    return (
      <s-page heading="Page not found">
        <EmptyState heading="There is no such page in SegOps" action={<a href="/app">Go to the dashboard</a>}>
          The link may be out of date.
        </EmptyState>
      </s-page>
    );
  }
  if (page.path === "/app/segments") return <SegmentsPage />;
  if (page.path === "/app/pixel") return <PixelPage />;
  if (page.path === "/app/discounts") return <DiscountsPage />;
  if (page.path === "/app/settings") return <SettingsPage />;
  if (page.path === "/app/landing-pages") return <LandingPagesPage />;
  if (page.path === "/app/billing") return <BillingPage />;
  if (page.path === "/app/product-sync") return <ProductSyncPage />;
  return <Bootstrapped>{(data) => <DashboardPage data={data} />}</Bootstrapped>;
}

export function App() {
  const path = usePath();
  return (
    <AdminProvider>
      <NavMenu path={path} />
      <PageContent page={PAGES.find((page) => page.path === path)} />
    </AdminProvider>
  );
}
