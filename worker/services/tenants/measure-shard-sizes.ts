import { shardDatabase, type Deps } from "../../context/deps.ts";
import { errorMessage } from "../../lib/log.ts";

/**
 * Each data shard's size in bytes, as D1 reports it after a trivial query (`meta.size_after`), the shards asked in
 * parallel; null for one that did not answer (logged), so placement puts no new tenant there while another answers.
 */
export async function measureShardSizes(args: { ctx: Pick<Deps, "env" | "log">; input: { shards: readonly string[] } }): Promise<Map<string, number | null>> {
  const { ctx, input } = args;
  const sizes = await Promise.all(
    input.shards.map(async (shard) => {
      try {
        const result = await shardDatabase(ctx.env, shard).prepare("select 1").run();
        return [shard, result.meta.size_after] as const;
      } catch (error) {
        ctx.log.warn("shard size not measured; no tenant placed there", { shard, error: errorMessage(error) });
        return [shard, null] as const;
      }
    }),
  );
  return new Map(sizes);
}
