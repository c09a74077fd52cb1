/** Vite's `?raw` imports: the file's text, used by tests that check config files against code. */
declare module "*?raw" {
  const text: string;
  export default text;
}
