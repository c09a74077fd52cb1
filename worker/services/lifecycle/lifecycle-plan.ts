/**
 * A Durable Object or queue call a lifecycle or compliance topic needs once its rows are written; idempotent, since a
 * message whose effects failed is retried and plans them again. `stop_tenant` drops the cached token and the setup
 * alarm; `run_privacy_request` queues the work of a compliance request recorded by the plan.
 */
export type LifecycleEffect =
  | { type: "stop_tenant"; tenantId: string }
  | { type: "clear_access_denied"; tenantId: string }
  | { type: "poll_bulk_operation"; tenantId: string; operationId: string }
  | { type: "run_privacy_request"; requestId: string };

/** What lifecycle topics add to an ingest plan: rows written in its transaction, effects run after it. */
export type LifecyclePlan = {
  /** `app/uninstalled`: the tenant is marked uninstalled, its credentials deleted and its queued jobs cancelled. */
  uninstalls: { tenantId: string }[];
  /** `app/scopes_update`: the scopes granted now, comma-separated. */
  grantedScopes: { tenantId: string; scopes: string }[];
  /** Run by the consumer after the plan is written, never while planning. */
  effects: LifecycleEffect[];
};
