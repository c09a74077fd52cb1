import { EmptyState } from "../components/empty-state.tsx";

/** A page whose capability isn't built yet: says what it will do, shows no made-up data. */
export function ComingSoonPage({ title, description }: { title: string; description: string }) {
  return (
    <s-page heading={title}>
      <EmptyState heading={`${title} is coming soon`} action={<a href="/app">Back to the dashboard</a>}>
        {description}
      </EmptyState>
    </s-page>
  );
}
