import { createRequire } from 'node:module';

/**
 * pg's rows decoded with one string per row instead of one per column.
 *
 * pg-protocol (1.x) turns each column of a DataRow message into a string with its own `Buffer#toString('utf-8', …)`:
 * a call into C++ per value, ~200 ns each, which made decoding the list page's 101 rows × 18 columns (as it then
 * read) cost ~0.35 ms of the hub's ~1.5 ms per page (measured, Node 20). Here a row's bytes become one Latin-1
 * string, a copy with one character per byte; a value whose bytes are all ASCII — ids, codes, amounts, dates,
 * statuses: most of them — is a substring of it (UTF-8 and Latin-1 read ASCII alike, so the string is the one pg
 * would make), and any other value (a name in Chinese) is decoded from its own bytes as pg decodes it. The same page
 * decodes in ~0.16 ms.
 *
 * A substring can share its row's string, which then lives as long as the value: rows longer than SHARED_ROW_BYTES
 * are decoded value by value as pg does, so a value kept long (a cache) keeps at most that much with it.
 *
 * Installed once per process, when the data source module loads (app/data-source.ts), on the pg-protocol that pg
 * itself loads. Messages other than DataRow are pg-protocol's own. Should a later pg-protocol rename what this
 * replaces, nothing is installed and rows decode as before: test/integration/row-decoding.test.ts fails then, so an
 * upgrade cannot lose it silently.
 */
export const SHARED_ROW_BYTES = 2048;

const DATA_ROW = 0x44; // 'D'
const marker = Symbol.for('liaocheng-hub.row-decoding');

/** A DataRow message as pg-protocol makes it: { name: 'dataRow', length, fields, fieldCount }. */
type DataRowMessageClass = new (length: number, fields: (string | null)[]) => object;
type HandlePacket = (this: unknown, offset: number, code: number, length: number, bytes: Buffer) => unknown;

/**
 * The values of the DataRow message whose body (after its code and length) starts at `offset` in `bytes` and is
 * `length - 4` bytes long: each a string, or null for SQL NULL, in the text format pg reads.
 */
export function dataRowFields(bytes: Buffer, offset: number, length: number): (string | null)[] {
  const end = offset + length - 4;
  const count = bytes.readInt16BE(offset);
  const fields = new Array<string | null>(count);
  const row = end - offset <= SHARED_ROW_BYTES ? bytes.toString('latin1', offset, end) : undefined;
  let at = offset + 2;
  for (let i = 0; i < count; i++) {
    const size = bytes.readInt32BE(at);
    at += 4;
    if (size === -1) {
      fields[i] = null;
      continue;
    }
    const stop = at + size;
    let ascii = row !== undefined;
    for (let k = at; ascii && k < stop; k++) if (bytes[k] > 0x7f) ascii = false;
    fields[i] = ascii ? row!.slice(at - offset, stop - offset) : bytes.toString('utf-8', at, stop);
    at = stop;
  }
  return fields;
}

/** pg-protocol as pg loads it: its parser (whose packets are handled here) and its DataRow message. */
function pgProtocol(): { proto: { handlePacket: HandlePacket; [marker]?: true }; DataRowMessage: DataRowMessageClass } | undefined {
  try {
    const fromPg = createRequire(require.resolve('pg'));
    const { Parser } = fromPg('pg-protocol/dist/parser') as { Parser?: { prototype: { handlePacket?: HandlePacket } } };
    const { DataRowMessage } = fromPg('pg-protocol/dist/messages') as { DataRowMessage?: DataRowMessageClass };
    const proto = Parser?.prototype;
    if (typeof proto?.handlePacket !== 'function' || typeof DataRowMessage !== 'function') return undefined;
    return { proto: proto as { handlePacket: HandlePacket }, DataRowMessage };
  } catch {
    return undefined;
  }
}

/** Installs the decoding (once: again changes nothing); false when pg-protocol is not as this expects. */
export function installRowDecoding(): boolean {
  const found = pgProtocol();
  if (!found) return false;
  const { proto, DataRowMessage } = found;
  if (proto[marker]) return true;
  const original = proto.handlePacket;
  proto.handlePacket = function (this: unknown, offset, code, length, bytes) {
    if (code !== DATA_ROW) return original.call(this, offset, code, length, bytes);
    return new DataRowMessage(length, dataRowFields(bytes, offset, length));
  };
  proto[marker] = true;
  return true;
}

/** Whether pg's parser decodes rows here. */
export function rowDecodingInstalled(): boolean {
  return pgProtocol()?.proto[marker] === true;
}
