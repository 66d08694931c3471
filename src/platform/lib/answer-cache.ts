/**
 * Issue 12: answers computed once per key (scope and filter) and data version, kept in this process: the
 * dashboard's (DashboardRepo.dataVersion) and the warnings' (WarningRepo.dataVersion). A data version is read in
 * the database before the answer is computed and changes with every committed write the answer depends on, so a
 * write is seen at the very next read, in this hub instance and in any other sharing the database. Callers cache
 * nothing from a transaction that has written (it may roll back). Bounded: the least recently used answer goes first.
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
