/** Styles of the volume chart, which has no Polaris component; kept with the dashboard that uses it. */
export const EVENTS_CSS = `
.volume-chart { margin: 0; max-width: 560px; }
.volume-chart svg { width: 100%; height: auto; font: 11px -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; fill: #616161; }
.volume-chart .axis { stroke: #d4d4d4; }
.volume-chart figcaption { display: flex; gap: 16px; flex-wrap: wrap; font-size: 12px; color: #616161; }
.volume-chart .legend { display: inline-flex; align-items: center; gap: 6px; }
.volume-chart .legend i { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
`;
