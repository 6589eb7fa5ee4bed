// Writes server/schemas/workreportrc.schema.json from the rule registry (`npm run schema`).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSchema } from '../server/src/node/configSchema';

export const SCHEMA_FILE = path.join(__dirname, '..', 'server', 'schemas', 'workreportrc.schema.json');

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, JSON.stringify(configSchema(), null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
