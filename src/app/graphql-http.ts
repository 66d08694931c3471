import { parse as parseUrl } from 'node:url';
import { HeaderMap, type ApolloServer, type BaseContext, type ContextFunction } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Apollo's Express integration as @as-integrations/express5 1.1.2 wrote it (no longer a dependency): the same request
 * in, the same bytes out, with the answer to a POST written straight to the socket instead of through `res.send`.
 * The list page answers ~46 KB of JSON, mostly CJK text (a two-byte string): `res.send` re-parses and re-formats the
 * Content-Type and runs `Buffer.from`, which scans the whole string for its UTF-8 length before encoding it; here it
 * is encoded once into a buffer of its worst-case size. The headers are those `res.send` sets, in its order and
 * spelling; any answer this path does not know (a GET, a HEAD, a 204/304, another media type, a streamed body) still
 * goes through `res.send` or the integration's own streaming.
 */
export function graphqlHttp<Ctx extends BaseContext>(
  server: ApolloServer<Ctx>,
  context: ContextFunction<[{ req: Request; res: Response }], Ctx>,
): RequestHandler {
  server.assertStarted('graphqlHttp()');
  return async (req, res) => {
    if (!('body' in req)) {
      res.status(500);
      res.send(
        '`req.body` is not set; this probably means you forgot to set up the `json` middleware before the Apollo Server middleware.',
      );
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        // The legacy parser, as the integration: it also escapes what a raw request line may carry.
        search: req.url.includes('?') ? (parseUrl(req.url).search ?? '') : '',
        body: req.body,
      },
      context: () => context({ req, res }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status || 200;
    if (response.body.kind === 'complete') {
      if (!writeJson(req, res, response.body.string)) res.send(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      if (typeof (res as { flush?: () => void }).flush === 'function') (res as unknown as { flush: () => void }).flush();
    }
    res.end();
  };
}

/** Apollo's two JSON media types, as Apollo sets them and as `res.send`'s charset rewrite leaves them. */
const JSON_TYPES: ReadonlySet<string> = new Set(['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8']);

/**
 * What `res.send(string)` does for a POST answered with JSON — Content-Type (its spelling), Content-Length, the
 * UTF-8 bytes — without the length scan; false (nothing written) for any other answer.
 */
export function writeJson(req: Request, res: Response, body: string): boolean {
  const type = res.getHeader('content-type');
  const plain =
    req.method === 'POST' &&
    res.statusCode !== 204 &&
    res.statusCode !== 205 &&
    res.statusCode !== 304 &&
    !res.hasHeader('transfer-encoding') &&
    // No ETag to compute (the hub turns them off: server.ts).
    typeof req.app.get('etag fn') !== 'function';
  if (!plain || typeof type !== 'string' || !JSON_TYPES.has(type)) return false;
  // At most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
  const bytes = Buffer.allocUnsafe(body.length * 3);
  const length = bytes.write(body, 'utf8');
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', String(length));
  res.end(bytes.subarray(0, length));
  return true;
}
