import { refuse, type FlowActionRun } from "./flow-action.ts";

// The AI readability scorer (spec §5) is not built yet; answering 200 would tell Flow a score exists when none does.
export const scoreProductAction: FlowActionRun = async () =>
  refuse("SegOps cannot score products yet: the AI readability scorer is not part of this version, so nothing was scored.");
