import autocannon from 'autocannon';

/**
 * The load generator of bench/dashboard.ts, in a process of its own (its CPU is not the hub's). Each response
 * must be HTTP 200 with `data` and no GraphQL error. autocannon reports no p95: p90 and p97.5 bracket it.
 */
export interface AggregateLoad {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface AggregateSummary {
  requests: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  failures: number;
  badBody: string | null;
}

async function run(req: AggregateLoad): Promise<AggregateSummary> {
  let badBody: string | null = null;
  const result = await autocannon({
    url: req.url,
    method: 'POST',
    headers: req.headers,
    body: req.body,
    connections: req.connections,
    duration: req.seconds,
    verifyBody: (body: unknown) => {
      const text = String(body);
      const ok = text.startsWith('{"data":{') && !text.includes('"errors":');
      if (!ok && badBody === null) badBody = text.slice(0, 2000);
      return ok;
    },
  });
  const l = result.latency as unknown as Record<string, number>;
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50: l.p50,
    p90: l.p90,
    p97_5: l.p97_5,
    p99: l.p99,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
    badBody,
  };
}

process.on('message', (req: AggregateLoad) => {
  run(req).then(
    (summary) => process.send!({ ok: true, summary }),
    (err: Error) => process.send!({ ok: false, error: err.message }),
  );
});
process.send!({ ready: true });
