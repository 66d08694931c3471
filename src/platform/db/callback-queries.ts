import pg from 'pg';

/**
 * pg's Client#query answers a call without a callback (TypeORM's every statement) through a promise of its own; a
 * result delivered that way outlives the request that read it: under any load (one client at a time included) every
 * page's rows survived V8's young-generation collections and were promoted, to be freed only by a full collection —
 * ~2–5 MB copied per scavenge, where the same statement given a callback left almost nothing (a few KB). Measured
 * with pg 8.23 (node --trace-gc-nvp; bench/README Performance). So such a call is made here with a callback and
 * answered by a promise of ours, which settles as pg's would: with the result, or with the error whose stack is
 * replaced by one leading back to the caller (as pg does). Calls with a callback (as an argument or in the config), and
 * submittables (a cursor, a stream), are pg's own. Installed once per process, on import, like one-query-at-a-time.ts.
 */
const marker = Symbol.for('liaocheng-hub.callback-queries');
type Query = (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) => unknown;

const proto = pg.Client.prototype as unknown as { query: Query; [marker]?: true };
if (!proto[marker]) {
  const original = proto.query;
  proto.query = function (this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
    const promised =
      callback === undefined &&
      typeof values !== 'function' &&
      config !== null &&
      config !== undefined &&
      typeof (config as { submit?: unknown }).submit !== 'function' &&
      // A config carrying its own callback is answered through it by pg, with no promise: left to pg.
      typeof (config as { callback?: unknown }).callback !== 'function';
    if (!promised) return original.call(this, config, values, callback);
    let settle: (err: Error | null, result: unknown) => void = () => undefined;
    const answered = new Promise((resolve, reject) => {
      settle = (err, result) => (err ? reject(err) : resolve(result));
    });
    // Outside the promise, as pg calls it: what pg throws at once (a config it refuses) is still thrown at once.
    original.call(this, config, values, (err: Error | null, result: unknown) => settle(err, result));
    return answered.catch((err: Error) => {
      Error.captureStackTrace(err);
      throw err;
    });
  } as Query;
  proto[marker] = true;
}
