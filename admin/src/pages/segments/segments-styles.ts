/** Styles of the segment editor and chart, which have no Polaris component; kept with the page that uses them. */
export const SEGMENTS_CSS = `
.dsl-editor { display: flex; flex-direction: column; gap: 4px; }
.dsl-label { font-size: 13px; }
.dsl-frame { display: flex; border: 1px solid #8a8a8a; border-radius: 8px; background: #fff; overflow: hidden;
  font: 13px/20px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.dsl-frame[data-invalid] { border-color: #c70a24; }
.dsl-gutter { margin: 0; padding: 8px 6px; list-style: none; text-align: right; color: #8a8a8a; background: #f7f7f7; user-select: none; min-width: 24px; }
.dsl-gutter .dsl-error-line { color: #fff; background: #c70a24; border-radius: 4px; padding: 0 3px; }
.dsl-surface { position: relative; flex: 1; }
.dsl-backdrop, .dsl-surface textarea { margin: 0; padding: 8px; font: inherit; white-space: pre-wrap; word-wrap: break-word; box-sizing: border-box; width: 100%; }
.dsl-backdrop { position: absolute; inset: 0; color: transparent; overflow: hidden; pointer-events: none; }
.dsl-backdrop mark { color: transparent; background: #fed3d1; border-bottom: 2px solid #c70a24; border-radius: 2px; }
.dsl-surface textarea { position: relative; display: block; border: 0; outline: none; resize: vertical; background: transparent; color: #303030; }
.size-chart { margin: 0; max-width: 560px; }
.size-chart svg { width: 100%; height: auto; font: 11px -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; fill: #616161; }
.size-chart .axis { stroke: #d4d4d4; }
.size-chart .line { fill: none; stroke: #005bd3; stroke-width: 2; }
.size-chart circle { fill: #005bd3; }
`;
