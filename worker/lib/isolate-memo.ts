/**
 * Values derived once per key and kept for the isolate's life. It keeps values, never promises: on Workers a request
 * awaiting a promise that another request's work settles can resume in that other request's context. Concurrent
 * first calls each derive the (same) value; whichever finishes last stays.
 */
export function isolateMemo<T>(derive: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const values = new Map<string, T>();
  return async (key) => {
    const known = values.get(key);
    if (known !== undefined) return known;
    const value = await derive(key);
    values.set(key, value);
    return value;
  };
}
