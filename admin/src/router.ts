import { useEffect, useState } from "preact/hooks";

const listeners = new Set<() => void>();

/** Client-side navigation inside /app; the query (shop, host) stays so a reload still has App Bridge's context. */
export function navigate(path: string): void {
  history.pushState(null, "", `${path}${location.search}`);
  for (const listener of listeners) listener();
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      removeEventListener("popstate", update);
    };
  }, []);
  return path.replace(/\/+$/, "") || "/";
}

/** Plain clicks on same-origin /app links (the nav menu's and the pages') navigate without a reload. */
export function interceptAppLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.origin !== location.origin) return;
  if (anchor.pathname !== "/app" && !anchor.pathname.startsWith("/app/")) return;
  event.preventDefault();
  navigate(anchor.pathname);
}
