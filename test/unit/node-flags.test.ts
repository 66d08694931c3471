import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_NODE_FLAGS } from '../../src/platform/node-flags';

/** src/platform/node-flags.ts: the hub `npm start` runs is the hub every bench measures, V8 flags included. */
describe('the V8 flags the hub runs with', () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;

  it('are those of `npm start` and of `npm run bench` (whose hub runs in its own process)', () => {
    expect(HUB_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of HUB_NODE_FLAGS) {
      expect(scripts.start.split(' ')).toContain(flag);
      expect(scripts.bench.split(' ')).toContain(flag);
    }
  });

  it('are flags this Node.js accepts (a misspelt one stops node: "bad option")', () => {
    const run = spawnSync(process.execPath, [...HUB_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(spawnSync(process.execPath, ['--initial-old-spce-size=256', '-e', '0'], { encoding: 'utf8' }).stderr).toMatch(/bad option/);
  });
});
