/**
 * Issue 12: the dashboard's answers, computed once per scope, filter and data version, kept in this process.
 * The data version (DashboardRepo.dataVersion) grows with every committed write of the monthly aggregate and
 * changes with any renamed region, institution or bank, so a write is seen at the very next read, in this hub
 * instance and in any other sharing the database. Nothing is cached from a transaction that has written (it may
 * roll back). Bounded: the least recently used answer goes first.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly capacity: number) {}

  /** The answer for `key` computed at `version`, or undefined. */
  get(key: string, version: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
