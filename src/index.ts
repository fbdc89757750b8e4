import { fileURLToPath } from 'node:url';
import { runAction } from './entry/action.ts';

// The driver ships beside the bundle (dist/driver) and the sources (src/driver).
await runAction(fileURLToPath(new URL('./driver/', import.meta.url)));
