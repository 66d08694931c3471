import { inject } from 'vitest';
import { createDatabaseBeside } from '../../src/platform/db/scratch';

/** A database of its own for a test that must start from nothing (migrations, start-up). */
export function createScratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return createDatabaseBeside(inject('serverUrl'), prefix);
}
