import http from 'node:http';
import type { Express } from 'express';

/**
 * An HTTP server for an Express app whose requests and responses are made with Express's prototypes from the start.
 *
 * Express gives every request and response its own prototypes (`Object.setPrototypeOf(req, app.request)`, the same
 * for `res`) as it takes them. An object whose prototype is changed after it is made (or one made by
 * `Reflect.construct` or a subclass of node's constructors) is kept by V8 through its young-generation collections,
 * and with it everything it points to: measured on Node 20, a plain Express 5 app promoted ~10 KB per request to
 * the old generation, and the hub, whose requests reach their context, rows and result through `req` and `res`,
 * ~77 KB per list page, with a full collection every few seconds under load. node:http makes `req` and `res` with
 * the constructors it is given; these run node's own constructors on an object that already has Express's
 * prototype, so Express finds it set and changes nothing. The objects are those Express would have made: the
 * same constructors, the same prototype chain. Should node's constructors ever become classes (which cannot be
 * called on an existing object), the server is node's default and Express sets the prototypes itself, as before.
 */
export function createExpressServer(app: Express): http.Server {
  if (!callable(http.IncomingMessage) || !callable(http.ServerResponse)) return http.createServer(app);
  return http.createServer(
    { IncomingMessage: madeWith(http.IncomingMessage, app.request), ServerResponse: madeWith(http.ServerResponse, app.response) },
    app,
  );
}

/** A constructor that runs `base` on the object `new` makes with `prototype`. */
function madeWith<C extends object>(base: C, prototype: object): C {
  const run = base as unknown as (this: object, ...args: unknown[]) => void;
  function Made(this: object, ...args: unknown[]): void {
    run.apply(this, args);
  }
  Made.prototype = prototype;
  return Made as unknown as C;
}

/** Whether a constructor is a plain function (callable on an existing object), not a class. */
function callable(constructor: object): boolean {
  return !/^class\b/.test(Function.prototype.toString.call(constructor));
}
