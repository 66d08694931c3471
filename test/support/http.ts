import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { signToken } from '../../src/access/token';
import type { Viewer } from '../../src/access/viewer';
import { createHttpServer } from '../../src/app/server';
import { loadConfig } from '../../src/platform/config';
import type { ReadReplicas } from '../../src/platform/db/replicas';

const SECRET = 'http-support-secret-0123456789abcdefghijklmnop';

export interface HttpReply {
  status: number;
  ms: number;
  json: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}

export interface TestHub {
  base: string;
  /** POSTs an operation to /graphql as `viewer` (anonymous when null). */
  post(viewer: Viewer | null, query: string, variables?: Record<string, unknown>): Promise<HttpReply>;
  /** GETs /healthz, timing the answer. */
  health(): Promise<{ status: number; ms: number }>;
  close(): Promise<void>;
}

/** The hub's own HTTP server (createHttpServer) on `dataSource` (and its read replicas), listening on a free port. */
export async function serveHub(dataSource: DataSource, log: Logger = pino({ level: 'silent' }), replicas?: ReadReplicas): Promise<TestHub> {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: SECRET });
  const { server } = await createHttpServer({ config, dataSource, log, jwtSecret: SECRET, replicas });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<Viewer, string>();
  return {
    base,
    async post(viewer, query, variables) {
      let token = viewer ? tokens.get(viewer) : undefined;
      if (viewer && !token) tokens.set(viewer, (token = await signToken(SECRET, viewer, '15m')));
      const started = Date.now();
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, json: (await res.json()) as HttpReply['json'], ms: Date.now() - started };
    },
    async health() {
      const started = Date.now();
      const res = await fetch(`${base}/healthz`);
      await res.arrayBuffer();
      return { status: res.status, ms: Date.now() - started };
    },
    close: () => closeServer(server),
  };
}

function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Polls `probe` every `everyMs` until stopped; returns what each poll answered. */
export function pollWhile<T>(probe: () => Promise<T>, everyMs = 100): { stop: () => Promise<T[]> } {
  const seen: T[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      seen.push(await probe());
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return seen;
    },
  };
}
