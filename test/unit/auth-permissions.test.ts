import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraphQLObjectType } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { mergeRules } from '../../src/app/permissions';
import { hasRole } from '../../src/access/rules';
import { Role } from '../../src/access/roles';
import { resolveJwtSecret } from '../../src/access/secret';
import { ConfigError, loadConfig } from '../../src/platform/config';
import { buildBareSchema, buildSchema } from '../../src/app/schema';

describe("merging the modules' rules", () => {
  it('refuses two rules for one root field, and two different rules for one type', () => {
    expect(() => mergeRules([{ Query: { a: allow } }, { Query: { a: deny } }])).toThrow(/two rules for Query.a/);
    expect(() => mergeRules([{ T: allow }, { T: deny }])).toThrow(/two different rules for type T/);
  });

  it('lets modules share a type declared with the very same rule (PageInfo)', () => {
    const r = hasRole(Role.ADMIN);
    expect(
      mergeRules([
        { Query: { a: r }, PageInfo: allow },
        { Query: { b: r }, PageInfo: allow },
      ]),
    ).toEqual({ Query: { a: r, b: r }, PageInfo: allow });
  });
});

describe('the served schema', () => {
  const bare = buildBareSchema();
  const served = buildSchema(() => undefined);
  const resolverOf = (schema: typeof bare, type: string, field: string) =>
    (schema.getType(type) as GraphQLObjectType).getFields()[field].resolve;

  it('leaves fields whose rule is `allow` unwrapped (no per-field shield cost) and wraps the others', () => {
    expect(resolverOf(served, 'Region', 'name')).toBe(resolverOf(bare, 'Region', 'name'));
    expect(resolverOf(served, 'Query', 'regions')).not.toBe(resolverOf(bare, 'Query', 'regions'));
    expect(resolverOf(served, 'Query', 'auditLog')).not.toBe(resolverOf(bare, 'Query', 'auditLog'));
  });
});

describe('the JWT secret (issue 3: production needs JWT_SECRET; development keeps a generated one)', () => {
  it('refuses to start in production without JWT_SECRET, or with a short one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(ConfigError);
  });

  it('generates a development secret once into the data dir (owner-only) and reads it back after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-secret-'));
    try {
      const config = loadConfig({ NODE_ENV: 'development', HUB_DATA_DIR: dir });
      const first = resolveJwtSecret(config);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(resolveJwtSecret(config)).toBe(first);
      expect(fs.statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
      expect(resolveJwtSecret(loadConfig({ HUB_DATA_DIR: dir, JWT_SECRET: 'x'.repeat(40) }))).toBe('x'.repeat(40));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
