import type { SetupState, SetupStepStatus } from "./setup-state.ts";
import { SETUP_STEPS, type SetupStepKey } from "./setup-steps.ts";

export type SetupStepView = {
  key: SetupStepKey;
  label: string;
  status: SetupStepStatus;
  detail: string | null;
  error: string | null;
  updatedAt: string | null;
};

export type SetupView = { steps: SetupStepView[]; complete: boolean; failed: boolean };

export function describeSetup(state: SetupState): SetupView {
  const steps = SETUP_STEPS.map(({ key, label }): SetupStepView => {
    const step = state[key];
    return {
      key,
      label,
      status: step?.status ?? "pending",
      detail: step?.detail ?? null,
      error: step?.error ?? null,
      updatedAt: step ? new Date(step.updatedAt).toISOString() : null,
    };
  });
  return { steps, complete: steps.every((s) => s.status === "done"), failed: steps.some((s) => s.status === "failed") };
}
