/** What a section shows while its data loads: a spinner with words, never an empty box. */
export function LoadingState({ label }: { label: string }) {
  return (
    <s-section>
      <s-stack direction="inline" gap="small" alignItems="center">
        <s-spinner accessibilityLabel={label} size="base" />
        <s-text color="subdued">{label}</s-text>
      </s-stack>
    </s-section>
  );
}
