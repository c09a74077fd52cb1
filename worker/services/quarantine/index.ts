/** The quarantine's surface for other services: building and writing rows; listing and replays serve the ops routes. */
export { quarantineRow, type QuarantineRow, type ReplayResult } from "./quarantine-row.ts";
export { writeQuarantine, writeReplayResults } from "./write-quarantine.ts";
