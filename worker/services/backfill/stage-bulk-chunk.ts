import type { ResourceProgress } from "../../../durable-objects/backfill-progress.ts";
import type { StagedLine } from "../../../durable-objects/backfill-store.ts";
import type { BackfillResource } from "../../../queues/backfill-messages.ts";
import type { BackfillContext } from "./backfill-context.ts";
import { fileFailure } from "./backfill-failures.ts";
import { readIdsInPlace } from "./read-ids-in-place.ts";
import { readJsonlLines } from "./read-jsonl-lines.ts";
import { RESOURCE_LABELS } from "./resource-queries.ts";

export type ChunkTarget = { jobId: string; resource: BackfillResource };

function stagedLine(seq: number, text: string): StagedLine {
  const ids = readIdsInPlace(text);
  if (ids) return { seq, ...ids, line: text };
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const id = typeof value.id === "string" ? value.id : null;
    return { seq, id, parentId: typeof value.__parentId === "string" ? value.__parentId : null, line: text };
  } catch {
    // Kept as a root of its own: the write phase quarantines it with the parse error.
    return { seq, id: null, parentId: null, line: text };
  }
}

/**
 * Downloads the next byte range of the export file (HTTP Range from the download cursor) and stages its lines in
 * the tenant DO together with the new cursor, so a crash re-reads exactly this range and restages the same lines.
 */
export async function stageBulkChunk(args: { ctx: BackfillContext; input: { target: ChunkTarget; progress: ResourceProgress } }): Promise<ResourceProgress | null> {
  const { ctx, input } = args;
  const { target, progress } = input;
  const { jobId, resource } = target;
  const stage = (lines: StagedLine[], update: Partial<ResourceProgress>) => ctx.tenant.stageBackfillLines(jobId, resource, progress.chunk, lines, update);
  const toWriting = { phase: "writing" as const, writeStartedAt: Date.now() };
  const response = await fetch(progress.url!, { headers: progress.offset > 0 ? { Range: `bytes=${progress.offset}-` } : {} });
  if (response.status === 416) return stage([], toWriting);
  if (response.status >= 500) throw new Error(`export file answered ${response.status}`);
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return stage([], { phase: "failed", error: fileFailure(RESOURCE_LABELS[resource], response.status), finishedAt: Date.now() });
  }
  // A server that ignores Range answers 200 with the whole file: skip what is already staged.
  const base = response.status === 206 ? progress.offset : 0;
  const lines: StagedLine[] = [];
  let offset = progress.offset;
  let complete = true;
  read: for await (const batch of readJsonlLines(response.body, base)) {
    for (const line of batch) {
      if (line.end <= progress.offset) continue;
      lines.push(stagedLine(progress.line + lines.length, line.text));
      offset = line.end;
      if (offset - progress.offset >= ctx.limits.stageBytes) {
        complete = false;
        break read;
      }
    }
  }
  const cursor = { offset, line: progress.line + lines.length, rowsSeen: progress.rowsSeen + lines.length };
  return stage(lines, complete ? { ...cursor, ...toWriting } : cursor);
}
