import { integer, text } from "drizzle-orm/sqlite-core";

// Milliseconds, not seconds: events arriving within the same second must still order correctly.
export const timestampMs = (name: string) => integer(name, { mode: "timestamp_ms" });

export const tenantId = () => text("tenant_id").notNull();

export const createdAt = () => timestampMs("created_at").notNull();
export const updatedAt = () => timestampMs("updated_at").notNull();
