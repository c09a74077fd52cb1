/** The part of autocannon's programmatic API the benchmark uses (the package ships no types). */
declare module "autocannon" {
  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (request: Request) => Request };
    type Options = { url: string; connections: number; duration?: number; amount?: number; requests: Request[] };
    type Histogram = { average: number; total: number };
    type Result = { requests: Histogram; duration: number; errors: number; timeouts: number; non2xx: number; "2xx": number; "5xx": number };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result> & { on(event: "response", listener: () => void): void };
  export default autocannon;
}
