import { describe, expect, it } from 'vitest';
import { roundHalfAway } from '../../scripts/demo/demo.business';
import { testDataSource } from '../support/db';

/**
 * seed:demo rounds each guarantee's amount (in units of 10,000) in float arithmetic, not through numeric, for speed:
 * it must give exactly what round(x::numeric) gives, so that a seed's amounts stay those it always gave. The floats
 * next to a half are where the two part: numeric keeps 15 significant digits (2.4999999999999996 becomes 2.5,
 * which rounds up) and rounds halves away from zero where float rint rounds them to even.
 */
describe('seed:demo amount rounding', () => {
  it('equals round(x::numeric) at halves, beside them, and on a spread of amounts', async () => {
    const ds = await testDataSource();
    const rows: { x: number; fast: string; exact: string }[] = await ds.query(
      `SELECT x, (${roundHalfAway('x')})::text AS fast, round(x::numeric)::text AS exact
       FROM unnest($1::float8[] || ARRAY(SELECT 3 * power(500, g / 20000.0) FROM generate_series(0, 20000) g)) AS t(x)`,
      [
        [
          0.5, 2.5, 3.5, 1499.5, 2.4999999999999996, 2.5000000000000004, 1234.4999999999998, 1234.5000000000002, 7.49999999999,
          7.50000000001,
        ],
      ],
    );
    expect(rows.length).toBeGreaterThan(20_000);
    const differing = rows.filter((r) => r.fast !== r.exact);
    expect(differing).toEqual([]);
    // The neighbours of a half really are where float rounding alone would part from numeric's.
    const [naive] = await ds.query(
      `SELECT floor(2.4999999999999996::float8 + 0.5)::text AS float, round(2.4999999999999996::float8::numeric)::text AS exact`,
    );
    expect(naive).toEqual({ float: '2', exact: '3' });
  });
});
