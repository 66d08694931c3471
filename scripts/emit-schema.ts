import fs from 'node:fs';
import path from 'node:path';
import { printHubSchema } from '../src/app/schema';

/** Writes schema/schema.graphql from the code. test/unit/schema.test.ts fails when it is stale. */
const target = path.resolve(__dirname, '..', 'schema', 'schema.graphql');
fs.writeFileSync(target, printHubSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
