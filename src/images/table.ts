import semver from 'semver';
import { InputError } from '../errors.ts';
import { JsonSyntaxError, parseJson } from '../parse-json.ts';
import defaultTableJson from '../../images/table.json' with { type: 'json' };
import { type ImageRole, type ImageSpec, type ImageTable, type SelectRule } from '../types/image.ts';
import { isCompilerName } from '../values/compiler.ts';

/** The roles of images that are no builders. */
// Every ImageRole of the floor's union: a Record makes the compiler refuse one left out.
const ROLES: Record<ImageRole, true> = { base: true, boot: true };
export const IMAGE_ROLES = Object.keys(ROLES) as readonly ImageRole[];

// Docker reference: [registry/]name[:tag][@digest], lower case path components.
const IMAGE_REF = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** Whether `name` is a well-formed Docker image reference. */
export function isImageRef(name: string): boolean {
  return name.length <= 255 && IMAGE_REF.test(name);
}

/** Throws an error about the table, naming the input and where it came from. */
type Refuse = (what: string) => never;

/**
 * Parse and check an image table from JSON text. `input` and `value` name where it came
 * from for errors: the input and the file's path, or the inline JSON itself. Errors say
 * where the table is wrong (line and column, a field) and never quote a file's text. A
 * table given by a user may hold only `select`: the images it names are then taken as
 * prebuilt.
 */
export function parseImageTable(text: string, input: string, value: string): ImageTable {
  const refuse: Refuse = (what) => {
    throw new InputError(input, value, what);
  };
  let data: unknown;
  try {
    data = parseJson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    refuse(`${e.message}; an image table is JSON`);
  }
  if (!isObject(data) || !Array.isArray(data.select) || data.select.length === 0) {
    refuse('it must be a JSON object with a non-empty "select" list of {kernels, image, why}');
  }
  const table = data as { select: unknown[]; images?: unknown };
  const select = table.select.map((rule, i) => checkRule(rule, `select[${i}]`, refuse));
  const images = (Array.isArray(table.images) ? table.images : []).map((img, i) => checkImage(img, `images[${i}]`, refuse));
  select.forEach((rule, i) => {
    const role = images.find((img) => img.name === rule.image)?.role;
    if (role !== undefined) {
      refuse(`its select[${i}].image is a ${role} image (role "${role}"): rules choose images that build kernels`);
    }
  });
  return { images, select };
}

function checkRule(rule: unknown, where: string, refuse: Refuse): SelectRule {
  if (!isObject(rule)) refuse(`its ${where} is not an object: each rule is {kernels, image, why}`);
  const { kernels, image, why, toolchain, compilers } = rule as Record<string, unknown>;
  if (typeof kernels !== 'string' || semver.validRange(kernels) === null) {
    refuse(`its ${where}.kernels is not a semver range such as ">=4.2.0 <4.19.0" or "*"`);
  }
  if (typeof image !== 'string' || !isImageRef(image)) {
    refuse(`its ${where}.image is not a Docker image reference such as "kernelbuilder/gcc-12"`);
  }
  if (toolchain !== undefined && (typeof toolchain !== 'string' || !/^[a-z][a-z0-9-]{0,30}$/.test(toolchain))) {
    refuse(`its ${where}.toolchain is not a toolchain family such as "gcc" or "clang"`);
  }
  if (compilers !== undefined) {
    const ok = isObject(compilers) && Object.keys(compilers).length > 0 && Object.entries(compilers).every(([name, range]) => isCompilerName(name) && typeof range === 'string' && semver.validRange(range) !== null);
    if (!ok) refuse(`its ${where}.compilers is not an object of compilers (gcc, clang-N) to the semver range of kernels each builds, e.g. {"gcc": "*", "clang-19": ">=5.10.0"}`);
  }
  return {
    kernels: kernels as string,
    image: image as string,
    why: typeof why === 'string' ? why : '',
    toolchain: (toolchain as string | undefined) ?? 'gcc',
    ...(compilers ? { compilers: compilers as Record<string, string> } : {}),
  };
}

function checkImage(img: unknown, where: string, refuse: Refuse): ImageSpec {
  if (!isObject(img)) refuse(`its ${where} is not an object: each image is {name, dockerfile, base, description}`);
  const { name, dockerfile, base, description, role } = img as Record<string, unknown>;
  if (typeof name !== 'string' || !isImageRef(name)) refuse(`its ${where}.name is not a Docker image reference`);
  if (typeof dockerfile !== 'string' || dockerfile.startsWith('/') || dockerfile.split('/').includes('..')) {
    refuse(`its ${where}.dockerfile is not a path inside images/`);
  }
  if (typeof base !== 'string' || !isImageRef(base)) refuse(`its ${where}.base is not a Docker image reference`);
  if (role !== undefined && !IMAGE_ROLES.includes(role as ImageRole)) {
    refuse(`its ${where}.role is ${IMAGE_ROLES.map((r) => `"${r}"`).join(' or ')}, or left out for a builder`);
  }
  return {
    name: name as string,
    dockerfile: dockerfile as string,
    base: base as string,
    description: typeof description === 'string' ? description : '',
    ...(role ? { role: role as ImageRole } : {}),
  };
}

/** The table shipped in images/table.json (after the patterns it is checked with). */
export const defaultImageTable: ImageTable = parseImageTable(JSON.stringify(defaultTableJson), 'image-table', 'images/table.json');

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
