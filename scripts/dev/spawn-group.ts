import { spawn, type ChildProcess } from "node:child_process";
import { WRANGLER_ENV } from "./wrangler-command.ts";

/** A child in a process group of its own (wrangler and workerd under it), stopped as one, output kept for errors. */
export type ChildGroup = { child: ChildProcess; output(): string; stop(): Promise<void> };

export function spawnGroup(command: string, args: string[], echo: boolean, onOutput: (captured: string) => void = () => {}): ChildGroup {
  const child = spawn(command, args, { env: WRANGLER_ENV, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let captured = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      captured = (captured + chunk.toString()).slice(-20_000);
      if (echo) process.stdout.write(chunk);
      onOutput(captured);
    });
  }
  const kill = () => {
    if (!child.pid || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.once("exit", kill);
  return {
    child,
    output: () => captured,
    async stop() {
      kill();
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
    },
  };
}
