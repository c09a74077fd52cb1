/** How far each install step got; the tenant's Durable Object stores it, the install steps write it. */
export type SetupStepStatus = "pending" | "running" | "done" | "failed";
export type SetupStep = { status: SetupStepStatus; attempts?: number; detail?: string; error?: string; updatedAt: number };
export type SetupState = Record<string, SetupStep>;
