import autocannon from 'autocannon';

/**
 * The load generator, in a process of its own so that its CPU is not counted as the server's and its
 * event loop does not compete with the server's. The parent sends one `LoadRequest` per run and gets
 * back the autocannon result.
 */
export interface LoadRequest {
  /** Several URLs: the connections are spread over them in turn (autocannon), e.g. one per hub instance. */
  url: string | string[];
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** Each response must carry exactly this many edges; undefined: only the absence of errors is checked. */
  edges?: number;
  /** Requests to complete, whatever the time they take (`seconds` is then ignored): for a floor slower than a run. */
  amount?: number;
  /** Seconds a response may take (autocannon's default, 10, is too short for a scan-based floor on a busy machine). */
  timeout?: number;
}

export interface LoadSummary {
  requests: number;
  reqPerSec: number;
  p50: number;
  /** autocannon reports no p95: p90 and p97.5 bracket it. */
  p90: number;
  p97_5: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  /** The first body that failed verification, to show when the run is rejected. */
  badBody: string | null;
}

let badBody: string | null = null;

/** Cheap per-response check (a full JSON.parse of every response would load the client more than the servers). */
function verifier(edges: number | undefined) {
  return (body: unknown): boolean => {
    const text = String(body);
    let count = 0;
    for (let at = edges === undefined ? -1 : text.indexOf('"cursor":'); at >= 0; at = text.indexOf('"cursor":', at + 9)) count++;
    const ok = (edges === undefined || count === edges) && text.includes('"data":') && !text.includes('"errors":');
    if (!ok && badBody === null) badBody = text.slice(0, 2000);
    return ok;
  };
}

async function run(req: LoadRequest): Promise<LoadSummary> {
  badBody = null;
  const result = await autocannon({
    // autocannon spreads connections over an array of URLs (lib/run.js); its type definitions know only one.
    url: req.url as string,
    method: 'POST',
    headers: req.headers,
    body: req.body,
    connections: req.connections,
    ...(req.amount ? { amount: req.amount } : { duration: req.seconds }),
    timeout: req.timeout ?? 10,
    verifyBody: verifier(req.edges),
  });
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    badBody,
  };
}

process.on('message', (req: LoadRequest) => {
  run(req).then(
    (summary) => process.send!({ ok: true, summary }),
    (err: Error) => process.send!({ ok: false, error: err.message }),
  );
});
process.send!({ ready: true });
