import express, { type ErrorRequestHandler, type RequestHandler } from 'express';

/**
 * ../shared/DESIGN.md §6: a body over the limit is refused (413) before it is parsed, and a body that is not JSON is
 * refused (400); both answer a JSON GraphQL error, never Express's HTML page, and neither body is logged.
 */
export function jsonBody(maxBytes: number): RequestHandler {
  return express.json({ limit: maxBytes });
}

/** body-parser's refusals as GraphQL errors; anything else goes on to Express. */
export const jsonBodyErrors: ErrorRequestHandler = (err: { type?: string; status?: number; limit?: number }, _req, res, next) => {
  const refusal = bodyRefusal(err);
  if (!refusal) return next(err);
  res
    .status(refusal.status)
    .type('application/json')
    .json({ errors: [{ message: refusal.message, extensions: { code: 'BAD_REQUEST' } }] });
};

function bodyRefusal(err: { type?: string; status?: number; limit?: number }): { status: number; message: string } | undefined {
  switch (err.type) {
    case 'entity.too.large':
      return { status: 413, message: `The request body is larger than ${err.limit} bytes` };
    case 'entity.parse.failed':
      return { status: 400, message: 'The request body is not valid JSON' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: 'The request body must be UTF-8 JSON' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, message: 'The request body could not be read' };
    default:
      return undefined;
  }
}
