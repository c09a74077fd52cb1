/** Trigger extension handles (extensions/<handle>/shopify.extension.toml); Flow caps handles at 30 characters. */
export const FLOW_TRIGGERS = {
  segmentEntered: "segops-segment-entered",
  segmentLeft: "segops-segment-left",
  aiScoreDropped: "segops-ai-score-dropped",
} as const;

export type FlowTriggerHandle = (typeof FLOW_TRIGGERS)[keyof typeof FLOW_TRIGGERS];

export const FLOW_TRIGGER_HANDLES: readonly FlowTriggerHandle[] = Object.values(FLOW_TRIGGERS);

/** Action extension handles; Flow posts each to `/flow/actions/<handle>`. */
export const FLOW_ACTIONS = {
  recomputeSegment: "segops-recompute-segment",
  tagCustomer: "segops-tag-customer",
  scoreProduct: "segops-score-product",
} as const;

export type FlowActionHandle = (typeof FLOW_ACTIONS)[keyof typeof FLOW_ACTIONS];
