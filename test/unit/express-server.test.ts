import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExpressServer } from '../../src/app/express-server';

/**
 * app/express-server.ts: node:http makes each request and response with Express's prototypes already set, so that
 * Express never changes a prototype (which kept every request's objects through V8's young-generation collections);
 * the objects must be exactly the ones Express would have made, and behave so.
 */
let app: express.Express;
let server: http.Server;
let port: number;
/** The prototypes of each request and response as node:http hands them over, before Express sees them. */
const madeWith: { req: object | null; res: object | null }[] = [];

beforeAll(async () => {
  app = express();
  app.use(express.json());
  app.get('/hello', (req, res) => {
    res.json({ ip: req.ip, path: req.path, query: req.query, proto: Object.getPrototypeOf(req) === app.request });
  });
  app.post('/echo', (req, res) => {
    res
      .status(201)
      .json({ body: req.body as unknown, isReq: req instanceof http.IncomingMessage, isRes: res instanceof http.ServerResponse });
  });
  server = createExpressServer(app);
  server.prependListener('request', (req, res) => madeWith.push({ req: Object.getPrototypeOf(req), res: Object.getPrototypeOf(res) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function request(method: string, path: string, body?: string, agent?: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('createExpressServer', () => {
  it("makes requests and responses with the app's own prototypes before Express takes them", async () => {
    madeWith.length = 0;
    await request('GET', '/hello');
    expect(madeWith).toHaveLength(1);
    expect(madeWith[0].req).toBe(app.request);
    expect(madeWith[0].res).toBe(app.response);
  });

  it('serves as Express does: routing, query, req.ip, JSON bodies, status, instanceof', async () => {
    const hello = await request('GET', '/hello?a=1');
    expect(hello.status).toBe(200);
    expect(JSON.parse(hello.body)).toEqual({ ip: '127.0.0.1', path: '/hello', query: { a: '1' }, proto: true });
    const echo = await request('POST', '/echo', JSON.stringify({ 名称: '聊城' }));
    expect(echo.status).toBe(201);
    expect(JSON.parse(echo.body)).toEqual({ body: { 名称: '聊城' }, isReq: true, isRes: true });
    expect((await request('GET', '/missing')).status).toBe(404);
  });

  it('serves many requests on one kept-alive connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => request('POST', '/echo', JSON.stringify({ i }), agent)));
      expect(answers.map((a) => JSON.parse(a.body).body.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    } finally {
      agent.destroy();
    }
  });
});
