import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

// The KCIDB I/O JSON schema 5.3, written down from kernelci/kcidb-io's
// kcidb_io/schema/v05_03.py at commit 07cc1885a1ecae6f25287b61b58ecb4f70a92e63 (every
// type, pattern, maxLength, enum, required list and additionalProperties of its `json`;
// descriptions and examples left out). It uses $defs, which draft 2019-09 reads (kcidb-io
// validates it with jsonschema's Draft 7 validator, which resolves $ref to $defs too).
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/kcidb/kcidb-io.schema.v5.3.json', import.meta.url)), 'utf8'));
delete schema.$schema;
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats.default(ajv);

/** ajv's validator of KCIDB I/O 5.3 data: true when valid; its `errors` say why not. */
export const validateKcidb = ajv.compile(schema);
