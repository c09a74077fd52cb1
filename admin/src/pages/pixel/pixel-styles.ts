/** Layout of the sampling slider next to its number field; Polaris has no range component. */
export const PIXEL_CSS = `
.sampling-row { display: flex; align-items: end; gap: 16px; flex-wrap: wrap; }
.sampling-row input[type="range"] { flex: 1; min-width: 200px; max-width: 360px; accent-color: #005bd3; margin-bottom: 8px; }
`;
