/**
 * npm run data:reference: write docs/data-reference.md from the schemas
 * (src/lib/data/reference.ts). tests/unit/data-reference.test.ts fails when
 * the checked-in file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dataReference } from '../src/lib/data/reference';

export const DATA_REFERENCE = 'docs/data-reference.md';
const file = path.join(process.cwd(), DATA_REFERENCE);
fs.writeFileSync(file, dataReference());
console.log(`wrote ${DATA_REFERENCE}`);
