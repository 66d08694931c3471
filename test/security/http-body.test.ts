import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startHub, type RunningHub } from '../support/http-hub';

/**
 * DESIGN.md §6, issue 8 item 8: a body over 1 MiB and a body that is not JSON were answered with Express's
 * HTML error page (and the malformed body was printed to stderr). Both are JSON GraphQL errors now.
 */
let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub();
});

describe('request bodies', () => {
  it('over 1 MiB: HTTP 413 with a JSON GraphQL error, before the body is parsed', async () => {
    const variables = { pad: 'x'.repeat(1024 * 1024) };
    const res = await hub.post({ query: '{ __typename }', variables });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json.errors?.[0].message).toMatch(/larger than 1048576 bytes/);
    expect(errorCodes(res)).toEqual(['BAD_REQUEST']);
  });

  it('just under 1 MiB is served', async () => {
    const res = await hub.post({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024 - 100) } });
    expect([res.status, res.json]).toEqual([200, { data: { __typename: 'Query' } }]);
  });

  it('malformed JSON: HTTP 400 with a JSON GraphQL error that does not echo the body', async () => {
    const res = await hub.post('{"query": "mutation { login(username: \\"a\\", password: \\"secret-pass-123\\") { token } }", ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(errorCodes(res)).toEqual(['BAD_REQUEST']);
    expect(res.text).not.toContain('secret-pass-123');
  });

  it('a limit set by BODY_MAX_BYTES', async () => {
    const small = await startHub({ BODY_MAX_BYTES: '1000' });
    const res = await small.post({ query: '{ __typename }', variables: { pad: 'x'.repeat(1000) } });
    expect([res.status, errorCodes(res)]).toEqual([413, ['BAD_REQUEST']]);
  });
});
