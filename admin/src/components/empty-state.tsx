import type { ComponentChildren } from "preact";

/** Nothing to show yet: says so plainly and, when there is one, offers the next step. */
export function EmptyState({ heading, children, action }: { heading: string; children: ComponentChildren; action?: ComponentChildren }) {
  return (
    <s-section>
      <s-stack gap="small" alignItems="start">
        <s-heading>{heading}</s-heading>
        <s-paragraph color="subdued">{children}</s-paragraph>
        {action}
      </s-stack>
    </s-section>
  );
}
