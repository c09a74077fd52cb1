// Fills each SegOps block with its app proxy fragment. Same-origin only: the storefront's /apps/segops/* path,
// which Shopify signs and forwards to SegOps; the answer is already rendered Liquid with everything escaped.
(() => {
  const load = async (block) => {
    const src = block.getAttribute("data-segops-src");
    if (!src || !src.startsWith("/apps/segops/") || block.dataset.segopsLoaded) return;
    block.dataset.segopsLoaded = "1";
    try {
      const res = await fetch(src, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (res.ok) block.innerHTML = await res.text();
    } catch {
      delete block.dataset.segopsLoaded;
    }
  };
  const loadAll = () => document.querySelectorAll(".segops-block[data-segops-src]").forEach(load);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadAll);
  else loadAll();
  // The theme editor re-renders a section when its settings change.
  document.addEventListener("shopify:section:load", loadAll);
})();
