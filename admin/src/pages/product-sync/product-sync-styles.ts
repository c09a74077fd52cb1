/** Styles of the score chart, which has no Polaris component; kept with the page that uses it. */
export const PRODUCT_SYNC_CSS = `
.score-chart { margin: 0; max-width: 560px; }
.score-chart svg { width: 100%; height: auto; font: 11px -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; fill: #616161; }
.score-chart .axis { stroke: #d4d4d4; }
`;
