import type { PrivacyMessage } from "../../../queues/messages.ts";
import { CONTROL_SHARD, dataShardNames, shardDatabase, type Deps } from "../../context/deps.ts";

export type MoveStepMessage = { moveId: string; step: number };

/**
 * What a tenant move works with: the control database (`db`) for the directory and the move's record, any shard by
 * its binding name, and how a step sends the next one (the maintenance queue; tests hold steps back with their own).
 */
export type MoveContext = Pick<Deps, "env" | "db" | "log"> & {
  /** The database a directory entry names; throws for a name this worker has no binding for. */
  shard: (name: string) => D1Database;
  sendStep: (message: MoveStepMessage, delaySeconds: number) => Promise<void>;
};

export function createMoveContext(deps: Deps): MoveContext {
  return {
    env: deps.env,
    db: deps.db,
    log: deps.log,
    shard: (name) => shardDatabase(deps.env, name),
    sendStep: async (message, delaySeconds) => {
      await deps.env.PRIVACY_QUEUE.send({ type: "tenant_move", ...message } satisfies PrivacyMessage, { delaySeconds });
    },
  };
}

/** Where a tenant can be moved: a data shard this worker binds, or back to the control database. */
export const isMoveTarget = (env: Env, shard: string) => shard === CONTROL_SHARD || dataShardNames(env).includes(shard);
