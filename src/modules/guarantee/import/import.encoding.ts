import fs from 'node:fs';
import iconv from 'iconv-lite';
import { BadInputError } from '../../../platform/errors';

/**
 * ../shared/DESIGN.md §6 "Files from Chinese offices": Excel and WPS on Chinese Windows save "CSV" in the ANSI code page,
 * GBK (whose superset is GB18030), and "CSV UTF-8" with a BOM. Both import; nothing is ever stored garbled.
 */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a CSV file, decided from all of its bytes (a first pass over the file, streamed): a byte
 * order mark says it outright; otherwise UTF-8 when every byte sequence of the file is valid UTF-8, and
 * GB18030 when the invalid ones outnumber the valid non-ASCII characters — GBK text read as UTF-8 is
 * almost all invalid sequences, and ASCII is both. A file mostly of UTF-8 characters with some invalid
 * bytes (damaged, or pieces in two encodings) is refused: decoded either way, part of it would be garbled.
 */
export async function detectCsvEncoding(file: string): Promise<CsvEncoding> {
  const utf8 = new TextDecoder('utf-8');
  const tally = { valid: 0, invalid: 0 };
  let first = true;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      const bom = bomEncoding(chunk);
      if (bom) return bom;
    }
    count(utf8.decode(chunk, { stream: true }), tally);
  }
  count(utf8.decode(), tally); // a sequence cut off at the end of the file
  if (tally.invalid === 0) return 'utf-8';
  if (tally.valid <= tally.invalid) return 'gb18030';
  throw new BadInputError(
    'csv',
    `The file is UTF-8 but ${tally.invalid} of its byte sequences are not (a damaged file, or parts saved in another ` +
      `encoding): its text cannot be read without garbling it. Save it again as "CSV UTF-8" (or as "CSV") and import it again.`,
  );
}

function count(text: string, tally: { valid: number; invalid: number }): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) tally.invalid++;
    else if (c > 0x7f) tally.valid++;
  }
}

function bomEncoding(head: Buffer): CsvEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33) return 'gb18030';
  return null;
}

/** The file's text, decoded as `encoding` (a byte order mark dropped), for the CSV parser. */
export function decodedCsv(input: NodeJS.ReadableStream, encoding: CsvEncoding): NodeJS.ReadableStream {
  // csv-parse reads UTF-8 bytes itself, BOM included; only the others go through iconv-lite.
  return encoding === 'utf-8' ? input : input.pipe(iconv.decodeStream(encoding, { stripBOM: true }));
}

const REPLACEMENT = '\uFFFD';

/**
 * A CSV whose text holds U+FFFD lost characters when it was decoded: a GBK file read as UTF-8 (by a client
 * before it sent the text, or an editor before it saved the file), or bytes that are neither UTF-8 nor
 * GB18030. Its names cannot be recovered from the text, so it is refused as a whole, never stored.
 * `place` names where (a record's row); by default the line of the text.
 */
export function undecodableProblem(text: string, place?: string): string | null {
  const at = text.indexOf(REPLACEMENT);
  if (at < 0) return null;
  const where = place ?? `line ${text.slice(0, at).split('\n').length}`;
  return (
    `The CSV holds characters lost in decoding (U+FFFD, first at ${where}): it was read with the wrong encoding, ` +
    `e.g. a GBK/GB18030 file (Excel or WPS "CSV" on Chinese Windows) read as UTF-8, so its names cannot be stored. ` +
    `Decode the file as GB18030, or save it as "CSV UTF-8", and import it again.`
  );
}

/** The records of a decoded CSV, refused at the first one holding a lost character (the header is row 0). */
export async function* checkedRecords(records: AsyncIterable<string[]>): AsyncGenerator<string[]> {
  let row = -1;
  for await (const values of records) {
    row++;
    const problem = undecodableProblem(values.join(','), `row ${row}`);
    if (problem) throw new BadInputError('csv', problem);
    yield values;
  }
}
