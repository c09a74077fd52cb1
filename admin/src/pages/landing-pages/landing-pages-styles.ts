export const LANDING_PAGES_CSS = `
.lp-field { display: flex; flex-direction: column; gap: 4px; }
.lp-field select, .lp-field textarea, .lp-block textarea { padding: 6px 8px; border: 1px solid #8a8a8a; border-radius: 8px; font: inherit; }
.lp-blocks { border: 1px solid #e3e3e3; border-radius: 8px; padding: 8px 12px; display: flex; flex-direction: column; gap: 8px; }
.lp-block { display: flex; flex-direction: column; gap: 4px; padding-bottom: 8px; border-bottom: 1px solid #f1f1f1; }
.lp-block-kind { font-size: 12px; text-transform: uppercase; color: #616161; }
.lp-preview { width: 100%; min-height: 360px; border: 1px solid #e3e3e3; border-radius: 8px; background: #fff; }
`;
