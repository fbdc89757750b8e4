import semver from 'semver';
import { InputError } from '../errors.ts';
import defaultTableJson from '../../images/table.json' with { type: 'json' };

/** An image kernelbuilder knows how to build: its Dockerfile under images/ and its base. */
export interface ImageSpec {
  name: string;
  /** Path of the Dockerfile, relative to images/. */
  dockerfile: string;
  /** The image the Dockerfile builds FROM by default (its `ARG BASE`). */
  base: string;
  description: string;
  /**
   * Images that build no kernel, never chosen by a select rule: 'base', an image other
   * images build FROM; 'boot', the image kernels are booted in (QEMU).
   */
  role?: ImageRole;
}

/** The roles of images that are no builders. */
export const IMAGE_ROLES = ['base', 'boot'] as const;
export type ImageRole = (typeof IMAGE_ROLES)[number];

/** One selection rule: kernels whose release satisfies the semver range get the image. */
export interface SelectRule {
  kernels: string;
  image: string;
  why: string;
  /** The toolchain family the rule is for (the `toolchain` input); gcc when not given. */
  toolchain: string;
}

/** The image table: what can be built, and which image builds which kernel. */
export interface ImageTable {
  images: ImageSpec[];
  select: SelectRule[];
}

// Docker reference: [registry/]name[:tag][@digest], lower case path components.
const IMAGE_REF = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** Whether `name` is a well-formed Docker image reference. */
export function isImageRef(name: string): boolean {
  return name.length <= 255 && IMAGE_REF.test(name);
}

/**
 * Parse and check an image table from JSON text. `input` names where it came from for
 * errors. A table given by a user may hold only `select`: the images it names are then
 * taken as prebuilt.
 */
export function parseImageTable(text: string, input: string): ImageTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(input, text, `it must be JSON: ${(e as Error).message}`);
  }
  if (!isObject(data) || !Array.isArray(data.select) || data.select.length === 0) {
    throw new InputError(input, text, 'it must be a JSON object with a non-empty "select" list of {kernels, image, why}');
  }
  const select = data.select.map((rule, i) => checkRule(rule, `${input} select[${i}]`));
  const images = (Array.isArray(data.images) ? data.images : []).map((img, i) => checkImage(img, `${input} images[${i}]`));
  select.forEach((rule, i) => {
    const role = images.find((img) => img.name === rule.image)?.role;
    if (role !== undefined) {
      throw new InputError(`${input} select[${i}].image`, rule.image, `it is a ${role} image (role "${role}"): rules choose images that build kernels`);
    }
  });
  return { images, select };
}

function checkRule(rule: unknown, where: string): SelectRule {
  if (!isObject(rule)) throw new InputError(where, JSON.stringify(rule), 'each rule must be an object {kernels, image, why}');
  const { kernels, image, why, toolchain } = rule;
  if (typeof kernels !== 'string' || semver.validRange(kernels) === null) {
    throw new InputError(`${where}.kernels`, String(kernels), 'it must be a semver range such as ">=4.2.0 <4.19.0" or "*"');
  }
  if (typeof image !== 'string' || !isImageRef(image)) {
    throw new InputError(`${where}.image`, String(image), 'it must be a Docker image reference such as "kernelbuilder/gcc-12"');
  }
  if (toolchain !== undefined && (typeof toolchain !== 'string' || !/^[a-z][a-z0-9-]{0,30}$/.test(toolchain))) {
    throw new InputError(`${where}.toolchain`, String(toolchain), 'it is a toolchain family such as "gcc" or "clang"');
  }
  return { kernels, image, why: typeof why === 'string' ? why : '', toolchain: toolchain ?? 'gcc' };
}

function checkImage(img: unknown, where: string): ImageSpec {
  if (!isObject(img)) throw new InputError(where, JSON.stringify(img), 'each image must be an object {name, dockerfile, base, description}');
  const { name, dockerfile, base, description, role } = img;
  if (typeof name !== 'string' || !isImageRef(name)) {
    throw new InputError(`${where}.name`, String(name), 'it must be a Docker image reference');
  }
  if (typeof dockerfile !== 'string' || dockerfile.startsWith('/') || dockerfile.split('/').includes('..')) {
    throw new InputError(`${where}.dockerfile`, String(dockerfile), 'it must be a path inside images/');
  }
  if (typeof base !== 'string' || !isImageRef(base)) {
    throw new InputError(`${where}.base`, String(base), 'it must be a Docker image reference');
  }
  if (role !== undefined && !IMAGE_ROLES.includes(role as ImageRole)) {
    throw new InputError(`${where}.role`, String(role), `role is ${IMAGE_ROLES.map((r) => `"${r}"`).join(' or ')}, or left out for a builder`);
  }
  return { name, dockerfile, base, description: typeof description === 'string' ? description : '', ...(role ? { role: role as ImageRole } : {}) };
}

/** The table shipped in images/table.json (after the patterns it is checked with). */
export const defaultImageTable: ImageTable = parseImageTable(JSON.stringify(defaultTableJson), 'images/table.json');

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
