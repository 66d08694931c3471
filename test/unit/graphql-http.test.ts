import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeJson } from '../../src/app/graphql-http';

/**
 * app/graphql-http.ts writes a POST's JSON answer itself instead of through Express's `res.send`: the bytes on the
 * wire, status line and headers included, must be the ones `res.send` writes, whatever the text (ASCII, CJK, a
 * surrogate pair, a lone surrogate) and the media type; what it does not know it leaves to `res.send`.
 */
const BODIES = [
  '{"data":{"a":1}}\n',
  `{"data":{"names":${JSON.stringify(Array.from({ length: 400 }, (_, i) => `聊城市担保${i}`))}}}\n`,
  '{"data":{"s":"😀 \\ud800"}}\n',
  `{"data":{"lone":"${'\ud800'}x"}}\n`,
  '',
];
const TYPES = ['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8', 'text/html'];

let server: http.Server;
let port: number;

beforeAll(async () => {
  const app = express();
  app.set('etag', false);
  app.disable('x-powered-by');
  app.all('/:how/:type/:body', (req, res) => {
    res.setHeader('x-request-id', 'r');
    res.setHeader('content-type', TYPES[Number(req.params.type)]);
    res.statusCode = 200;
    const body = BODIES[Number(req.params.body)];
    if (req.params.how === 'send' || !writeJson(req, res, body)) res.send(body);
  });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The raw answer to one request, its Date header blanked. */
function raw(method: string, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () =>
      resolve(
        Buffer.from(
          Buffer.concat(chunks)
            .toString('latin1')
            .replace(/^Date: .*$/im, 'Date: -'),
          'latin1',
        ),
      ),
    );
    socket.write(`${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
}

describe('the JSON answer written without res.send', () => {
  for (const method of ['POST', 'GET', 'HEAD']) {
    for (const type of TYPES.keys()) {
      for (const body of BODIES.keys()) {
        it(`${method}, ${TYPES[type]}, body ${body}: the same bytes as res.send`, async () => {
          const [sent, written] = await Promise.all([raw(method, `/send/${type}/${body}`), raw(method, `/write/${type}/${body}`)]);
          expect(written.toString('latin1')).toBe(sent.toString('latin1'));
        });
      }
    }
  }

  it('writes a POST answered with Apollo’s JSON itself, and leaves the rest to res.send', async () => {
    const post = { method: 'POST', app: { get: () => undefined } };
    const calls: string[] = [];
    const res = {
      statusCode: 200,
      getHeader: () => 'application/json; charset=utf-8',
      hasHeader: () => false,
      setHeader: (name: string, value: string) => calls.push(`${name}: ${value}`),
      end: (chunk: Buffer) => calls.push(chunk.toString('utf8')),
    };
    expect(writeJson(post as never, res as never, '{"data":"聊"}\n')).toBe(true);
    expect(calls).toEqual(['Content-Type: application/json; charset=utf-8', 'Content-Length: 15', '{"data":"聊"}\n']);
    expect(writeJson({ ...post, method: 'GET' } as never, res as never, '{}')).toBe(false);
    expect(writeJson(post as never, { ...res, getHeader: () => 'text/html' } as never, '{}')).toBe(false);
    expect(writeJson(post as never, { ...res, statusCode: 204 } as never, '{}')).toBe(false);
    expect(writeJson({ ...post, app: { get: () => () => 'etag' } } as never, res as never, '{}')).toBe(false);
  });
});
