import { type Stats, statSync } from 'node:fs';
import { DockerError } from '../errors.ts';

/** The KVM device a boot with `kvm` gets. */
export const KVM_DEVICE = '/dev/kvm';

/**
 * The group a non-root boot needs to open the KVM device: its owning group, which must be
 * allowed to read and write it (Debian's udev rule makes it root:kvm 0660). A device only
 * root may open cannot serve a boot that runs as a user: that is an error saying so, as is
 * a host with no KVM at all, rather than a boot that fails inside QEMU.
 */
export function kvmDeviceGroup(path = KVM_DEVICE, stat: (p: string) => Pick<Stats, 'mode' | 'uid' | 'gid' | 'isCharacterDevice'> = statSync): number {
  let st;
  try {
    st = stat(path);
  } catch (e) {
    throw new DockerError(`KVM was asked for, but ${path} cannot be used: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; boot with TCG instead (no kvm)`);
  }
  if (!st.isCharacterDevice()) throw new DockerError(`KVM was asked for, but ${path} is not a character device`);
  if ((st.mode & 0o060) !== 0o060) {
    const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
    throw new DockerError(
      `KVM was asked for, but ${path} is mode ${mode} (uid ${st.uid}, gid ${st.gid}): boots run as a non-root user and need its group to read and write it ` +
        `(e.g. chgrp kvm ${path} && chmod 0660 ${path}, as Debian's udev rule does); or boot with TCG`,
    );
  }
  return st.gid;
}
