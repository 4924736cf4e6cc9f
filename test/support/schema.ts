// Validates Summaries against the JSON Schema file that documents them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { projectRoot } from '../../src/paths.js';

const schema = JSON.parse(readFileSync(join(projectRoot, 'src/analysis/schema/summary-v1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

export function validateSummary(summary: unknown): void {
  if (!validate(summary)) {
    throw new Error(`Summary does not match summary-v1.schema.json:\n${JSON.stringify(validate.errors, null, 2)}`);
  }
}
