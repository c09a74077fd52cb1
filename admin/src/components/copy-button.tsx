/** Copies `value` to the clipboard and says so in a toast (the admin frame is allowed clipboard-write). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      shopify.toast.show("Copied to clipboard");
    } catch {
      shopify.toast.show("Copy failed: select the key and copy it by hand", { isError: true });
    }
  };
  return (
    <s-button onClick={() => void copy()} accessibilityLabel={label}>
      Copy
    </s-button>
  );
}
