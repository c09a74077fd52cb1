import { shardDatabase, type Deps } from "../../context/deps.ts";
import { probeDatabase } from "../../db/probe-database.ts";
import { errorMessage } from "../../lib/log.ts";

/**
 * Each data shard's size in bytes (probeDatabase), the shards asked in parallel; null for one that did not answer
 * (logged), so placement puts no new tenant there while another answers.
 */
export async function measureShardSizes(args: { ctx: Pick<Deps, "env" | "log">; input: { shards: readonly string[] } }): Promise<Map<string, number | null>> {
  const { ctx, input } = args;
  const sizes = await Promise.all(
    input.shards.map(async (shard) => {
      try {
        return [shard, (await probeDatabase(shardDatabase(ctx.env, shard))).bytes] as const;
      } catch (error) {
        ctx.log.warn("shard size not measured; no tenant placed there", { shard, error: errorMessage(error) });
        return [shard, null] as const;
      }
    }),
  );
  return new Map(sizes);
}
