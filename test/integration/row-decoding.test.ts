import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dataRowFields, installRowDecoding, rowDecodingInstalled, SHARED_ROW_BYTES } from '../../src/platform/db/row-decoding';
import { testDataSource } from '../support/db';

/** A DataRow message as PostgreSQL sends it: 'D', int32 length (itself included), int16 count, then per value int32 size + bytes. */
function dataRow(values: (Buffer | null)[]): { bytes: Buffer; offset: number; length: number } {
  const parts = values.map((v) => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(v === null ? -1 : v.length);
    return v === null ? size : Buffer.concat([size, v]);
  });
  const count = Buffer.alloc(2);
  count.writeInt16BE(values.length);
  const body = Buffer.concat([count, ...parts]);
  const head = Buffer.alloc(5);
  head.write('D', 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  // Some bytes before and after, as in a socket's chunk holding several messages.
  const bytes = Buffer.concat([Buffer.from('xyz'), head, body, Buffer.from([0x5a, 0, 0, 0, 5, 0x49])]);
  return { bytes, offset: 3 + 5, length: body.length + 4 };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('rows decoded one string per row (platform/db/row-decoding.ts)', () => {
  it('is installed on the pg-protocol pg loads, by the hub’s data source, once', async () => {
    await testDataSource();
    expect(rowDecodingInstalled()).toBe(true);
    expect(installRowDecoding()).toBe(true);
    expect(rowDecodingInstalled()).toBe(true);
  });

  it('gives each value the string pg-protocol gives it: ASCII, Chinese, emoji, empty, NULL', () => {
    const values = ['e3b0c442-98fc-4c1c-9afb-f4c8996fb924', '聊城市东昌府区担保中心', '', 'LC-2026-00000001', '🐂 牛 ok', '80000.00'];
    const { bytes, offset, length } = dataRow([...values.map(utf8), null, utf8('t')]);
    expect(dataRowFields(bytes, offset, length)).toEqual([...values, null, 't']);
  });

  it('decodes bytes that are not UTF-8 as pg-protocol does (replacement characters), next to ASCII values', () => {
    const broken = Buffer.from([0x41, 0xff, 0xc3, 0x42]);
    const { bytes, offset, length } = dataRow([utf8('ascii'), broken, utf8('after')]);
    expect(dataRowFields(bytes, offset, length)).toEqual(['ascii', broken.toString('utf-8'), 'after']);
  });

  it('decodes a row longer than SHARED_ROW_BYTES value by value, to the same strings', () => {
    const long = 'x'.repeat(SHARED_ROW_BYTES + 1);
    const { bytes, offset, length } = dataRow([utf8('id-1'), utf8(long), utf8('名称'), null]);
    expect(length - 4).toBeGreaterThan(SHARED_ROW_BYTES);
    expect(dataRowFields(bytes, offset, length)).toEqual(['id-1', long, '名称', null]);
  });

  it('answers real statements with the values PostgreSQL sent, as rows and as arrays', async () => {
    const ds = await testDataSource();
    const client = await (ds.driver as unknown as { master: pg.Pool }).master.connect();
    try {
      const sql = `SELECT 'a7f1e2c4-0000-4000-8000-000000000001'::uuid AS id, '聊城农商银行'::text AS name, NULL::text AS gone,
        12345.67::numeric(18,2) AS amount, '2026-12-03'::date AS "startOn", true AS ok, 42::int AS n, ''::text AS empty,
        repeat('长', 1000) AS long`;
      const rows = (await client.query(sql)).rows;
      expect(rows).toEqual([
        {
          id: 'a7f1e2c4-0000-4000-8000-000000000001',
          name: '聊城农商银行',
          gone: null,
          amount: '12345.67',
          startOn: '2026-12-03',
          ok: true,
          n: 42,
          empty: '',
          long: '长'.repeat(1000),
        },
      ]);
      const arrays = (await client.query({ text: `SELECT g, 'n' || g, '县' || g FROM generate_series(1, 300) g`, rowMode: 'array' })).rows;
      expect(arrays).toHaveLength(300);
      expect(arrays[299]).toEqual([300, 'n300', '县300']);
    } finally {
      client.release();
    }
  });
});
