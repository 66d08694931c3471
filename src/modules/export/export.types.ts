import type ExcelJS from 'exceljs';

/** What an export reads: the request's path parameters and query string. */
export interface ExportRequest {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
}

/**
 * One spreadsheet download (../shared/DESIGN.md §4). It reads through the public GraphQL API with the caller's
 * token — the same rules, services and scope as the read it mirrors — so it can show nothing the caller
 * could not query. `pick` returns null when the record is missing or out of the caller's scope (404).
 */
export interface ExportDefinition<Data = unknown, Picked = unknown> {
  /** Express path under /exports, e.g. `/monthly-reports/:id.xlsx`. */
  readonly path: string;
  readonly query: string;
  variables(req: ExportRequest): Record<string, unknown>;
  pick(data: Data, req: ExportRequest): Picked | null;
  fileName(picked: Picked, req: ExportRequest): string;
  fill(book: ExcelJS.Workbook, picked: Picked, req: ExportRequest): void;
}

export function defineExport<Data, Picked>(definition: ExportDefinition<Data, Picked>): ExportDefinition {
  return definition as unknown as ExportDefinition;
}
