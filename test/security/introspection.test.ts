import { describe, expect, it } from 'vitest';
import { Role } from '../../src/access/roles';
import { signToken } from '../../src/access/token';
import { viewer } from '../fixtures/viewers';
import { errorCodes, HUB_SECRET, startHub } from '../support/http-hub';

/**
 * DESIGN.md §6, issue 8 item 2: anonymous introspection was open in production (2,000 aliased `__schema`
 * = 163 MB of answer, 7,000 = 3.3 GB and HTTP 500). Production asks for a signed-in caller; development
 * keeps it open for the explorer. Aliasing it is limited like any other field.
 */
const SCHEMA = '{ __schema { queryType { name } } }';

describe('introspection', () => {
  it('is refused to an anonymous caller in production, also behind a fragment or __type', async () => {
    const hub = await startHub({ NODE_ENV: 'production' });
    for (const query of [SCHEMA, '{ ...Q } fragment Q on Query { __type(name: "Guarantee") { name } }']) {
      const res = await hub.post({ query });
      expect([res.status, errorCodes(res), res.json.data]).toEqual([401, ['UNAUTHENTICATED'], undefined]);
    }
    // `__typename` is not introspection of the schema.
    expect((await hub.post({ query: '{ __typename }' })).json).toEqual({ data: { __typename: 'Query' } });
  });

  it('is served to a signed-in caller in production', async () => {
    const hub = await startHub({ NODE_ENV: 'production' });
    const token = await signToken(HUB_SECRET, viewer(Role.BANK, { bankId: '00000000-0000-4000-8000-000000000001' }), '5m');
    const res = await hub.post({ query: SCHEMA }, { authorization: `Bearer ${token}` });
    expect(res.json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('is open in development', async () => {
    const hub = await startHub({ NODE_ENV: 'development' });
    expect((await hub.post({ query: SCHEMA })).json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('2,000 aliased __schema are refused before any is answered, signed in or not', async () => {
    const hub = await startHub({ NODE_ENV: 'development' });
    const query = `{ ${Array.from({ length: 2_000 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`;
    const res = await hub.post({ query });
    // HTTP 400 without data: refused at validation (an executed query answers 200, with its data).
    expect([res.status, [...new Set(errorCodes(res))], res.json.data]).toEqual([400, ['QUERY_TOO_COMPLEX'], undefined]);
    expect(res.text.length).toBeLessThan(2_000);
  });
});
