import type Docker from 'dockerode';
import { type ImageRole, type ImageTable, type SelectRule } from '../types/image.ts';
import { ImageLabel, imageInfoFromInspect } from './inspect.ts';

/** One image of the table as this Docker engine has it. */
export interface ImageListing {
  name: string;
  present: boolean;
  digest?: string;
  toolchain?: string;
  arches?: string[];
  /**
   * The kernel ranges the table's rules choose it for, and for which toolchain input: a
   * family, or for a compiler matrix `toolchains` and each compiler with the kernels it builds.
   */
  kernels: string[];
  toolchains: string[];
  role?: ImageRole;
  /** On the boot image: the machines it boots (its org.kernelbuilder.boots label). */
  boots?: string[];
  description: string;
}

/** The table's images with what the engine knows of each: present, digest, toolchain, arches. */
export async function listImages(docker: Docker, table: ImageTable): Promise<ImageListing[]> {
  const out: ImageListing[] = [];
  for (const spec of table.images) {
    const rules = table.select.filter((r) => r.image === spec.name);
    let listing: ImageListing = {
      name: spec.name,
      present: false,
      kernels: rules.map((r) => r.kernels),
      toolchains: [...new Set(rules.map(ruleToolchains))],
      description: spec.description,
      ...(spec.role ? { role: spec.role } : {}),
    };
    try {
      const inspect = await docker.getImage(spec.name).inspect();
      const info = imageInfoFromInspect(spec.name, inspect);
      // An image that builds nothing has no toolchain to show.
      listing = { ...listing, present: true, digest: info.digest, ...(spec.role ? {} : { toolchain: info.toolchain }), arches: info.arches };
      if (spec.role === 'boot') listing.boots = (inspect.Config?.Labels?.[ImageLabel.boots] ?? '').split(/\s+/).filter(Boolean);
    } catch {
      // Not present: listed as such.
    }
    out.push(listing);
  }
  return out;
}

/** What a rule chooses its image for: a toolchain family, or a matrix's compilers, each with the kernels it builds when not all. */
export function ruleToolchains(rule: SelectRule): string {
  if (!rule.compilers) return rule.toolchain;
  return `toolchains ${Object.entries(rule.compilers).map(([c, range]) => (range === '*' ? c : `${c} ${range}`)).join(', ')}`;
}

/** The listing as a plain-text table for a terminal. */
export function formatImageList(images: ImageListing[]): string {
  const rows = images.map((i) => [
    i.name,
    i.present ? 'present' : 'absent',
    i.toolchain ?? '',
    (i.arches ?? []).join(' '),
    i.digest ? i.digest.slice(0, 19) : '',
    i.role === 'base' ? '(a base of other images)' : i.role === 'boot' ? `(boots ${i.boots?.join(' ') || 'kernels'}; builds none)` : i.kernels.map((k) => `${k} (${i.toolchains.join('/')})`).join(' | ') || '(by image input only)',
  ]);
  const head = ['image', 'here', 'toolchain', 'arches', 'digest', 'chosen for kernels'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  return [head, ...rows].map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}
