import { parse } from 'csv-parse/sync';
import type { EntityManager } from 'typeorm';
import type { Scope } from '../../../access/scope';
import { BadInputError, NotFoundError } from '../../../platform/errors';
import type { PolicyService } from '../../policy/policy.service';
import { GrantBatch, lockInstitutionGrants, requireInstitution } from '../grant/grant.batch';
import { GrantRepo } from '../grant/grant.repo';
import type { GuaranteeImportResult } from '../guarantee.types';
import { type ValidGuarantee, validateGuarantee } from '../grant/grant.validate';
import { undecodableProblem } from './import.encoding';
import { CSV_OPTIONS, columnCountProblem, draftOf, headerColumns, headerProblem, type ImportRowIssue, rowIssue } from './import.csv';

/** Rows granted per round of statements: bounded arrays and memory, whatever the file's size. */
export const IMPORT_CHUNK = 5000;

export interface ImportRow {
  /** 1-based data row number (the header is row 0). */
  row: number;
  values: readonly string[];
  /** The header's column count: 12 (when absent), or 13 with the optional re_guaranteed. */
  columns?: number;
}

/**
 * One 总对总 import into one institution, inside the caller's transaction: rows are added in chunks
 * (from a parsed string or a stream), each validated by the same code as createGuarantee and granted by
 * the same GrantBatch, which sees the rows of earlier chunks. Everything commits or nothing does, so a
 * failed import leaves nothing behind, and a repeated one finds every accepted code already there
 * (duplicates): importing a file twice adds nothing.
 */
export class GuaranteeImporter {
  private accepted = 0;
  private duplicates = 0;
  private readonly rejected: ImportRowIssue[] = [];

  private constructor(
    private readonly batch: GrantBatch,
    private readonly regionIdByCode: ReadonlyMap<string, string>,
  ) {}

  static async open(tx: EntityManager, institutionId: string, policy: PolicyService): Promise<GuaranteeImporter> {
    await requireInstitution(tx, institutionId);
    // No single grant nor other import at the institution meanwhile: a second import waits for the first to
    // commit and then finds its codes. Imports at other institutions run alongside: they lock none of this
    // institution's rows (borrowers are per institution).
    await lockInstitutionGrants(tx, institutionId, 'exclusive');
    return new GuaranteeImporter(new GrantBatch(tx, institutionId, policy, true), await new GrantRepo(tx).regionIdsByCode());
  }

  async add(rows: readonly ImportRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += IMPORT_CHUNK) await this.addChunk(rows.slice(start, start + IMPORT_CHUNK));
  }

  private async addChunk(rows: readonly ImportRow[]): Promise<void> {
    const valid: ValidGuarantee[] = [];
    const validRows: number[] = [];
    for (const { row, values, columns } of rows) {
      const count = columnCountProblem(values, columns);
      if (count) {
        this.rejected.push({ row, field: null, code: 'BAD_USER_INPUT', message: count });
        continue;
      }
      const checked = validateGuarantee(draftOf(values, this.regionIdByCode));
      if (!checked.ok) {
        for (const issue of checked.issues) this.rejected.push(rowIssue(row, issue));
        continue;
      }
      valid.push(checked.value);
      validRows.push(row);
    }
    const outcomes = await this.batch.grant(valid);
    outcomes.forEach((o, k) => {
      if (o.kind === 'accepted') this.accepted++;
      else if (o.kind === 'duplicate') this.duplicates++;
      else this.rejected.push(rowIssue(validRows[k], o.issue));
    });
  }

  result(): GuaranteeImportResult {
    const rejected = [...this.rejected].sort((a, b) => a.row - b.row);
    return { acceptedCount: this.accepted, duplicateCount: this.duplicates, rejected };
  }
}

/** The importGuarantees mutation: a CSV string, for the institution the caller acts for. */
export class GuaranteeImportService {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: Scope,
    private readonly policy: PolicyService,
  ) {}

  async importCsv(institutionId: string, csv: string): Promise<GuaranteeImportResult> {
    if (!this.scope.actsFor(institutionId)) throw new NotFoundError('Institution', institutionId);
    // The text came decoded by the client: a GBK file it read as UTF-8 arrives with its names already lost.
    const undecodable = undecodableProblem(csv);
    if (undecodable) throw new BadInputError('csv', undecodable);
    const [header, ...data] = parseCsv(csv);
    const problem = headerProblem(header ?? []);
    if (problem) throw new BadInputError('csv', problem);
    const columns = headerColumns(header);
    const rows = data.map((values, i) => ({ row: i + 1, values, columns }));
    return this.manager.transaction(async (tx) => {
      const importer = await GuaranteeImporter.open(tx, institutionId, this.policy);
      await importer.add(rows);
      return importer.result();
    });
  }
}

/** Records of a CSV text; a malformed file (an unclosed quote …) is BAD_USER_INPUT on `csv`. */
export function parseCsv(csv: string): string[][] {
  try {
    return parse(csv, CSV_OPTIONS) as string[][];
  } catch (err) {
    throw new BadInputError('csv', `The CSV cannot be read: ${(err as Error).message}`);
  }
}
