import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * One statement at a time on each connection. A transaction's query runner holds one pg client, and code that
 * runs on it may start several statements at once (sibling GraphQL fields resolved in parallel, a Promise.all in
 * a service or a test): pg 8 queues them itself but warns that it will stop doing so in pg 9 ("Calling
 * client.query() when the client is already executing a query is deprecated"). Chaining each runner's
 * statements here keeps that order explicitly, costs nothing where nothing overlaps (a pooled read takes a
 * runner of its own), and lets a failed statement not stop the next one.
 */
const tails = new WeakMap<object, Promise<unknown>>();
const marker = Symbol.for('liaocheng-hub.one-query-at-a-time');
const settled = (): undefined => undefined;

type Query = PostgresQueryRunner['query'];
const proto = PostgresQueryRunner.prototype as PostgresQueryRunner & { [marker]?: true };
if (!proto[marker]) {
  const original: Query = proto.query;
  proto.query = function (this: PostgresQueryRunner, ...args: Parameters<Query>) {
    const run = () => original.apply(this, args);
    const previous = tails.get(this);
    const next = previous ? previous.then(run, run) : run();
    // The tail settles to nothing: kept with the result, it would hold each runner's last rows until a full
    // collection (a WeakMap's values stay reachable through every young-generation one), ~2 MB copied per scavenge.
    tails.set(this, next.then(settled, settled));
    return next;
  } as Query;
  proto[marker] = true;
}

/** What a runner's next statement waits for (tests: it settles to nothing, never to a statement's rows). */
export function queryTail(runner: PostgresQueryRunner): Promise<unknown> | undefined {
  return tails.get(runner);
}
