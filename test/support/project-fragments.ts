import { fileURLToPath } from 'node:url';
import { loadProjectFragments } from '../../src/plan/project-fragments.ts';

/** The fragments kernelbuilder ships (src/driver/configs), as the fronts load them for makePlan. */
export const projectFragments = loadProjectFragments(fileURLToPath(new URL('../../src/driver/', import.meta.url)));
