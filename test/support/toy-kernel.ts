import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git } from './tiny-tree.ts';
import { tempDir } from './temp-dir.ts';

/**
 * A toy kernel tree: a git repository with a kernel's Makefile head and arch folders,
 * whose make targets take seconds. `make <x>config` writes a .config, `make X.config`
 * and `scripts/kconfig/merge_config.sh -m` merge a fragment, `scripts/config` sets options, and the build itself runs `toy.sh`
 * with ARCH and O set — a script each test writes to inject a real fault (sleep, eat
 * memory, fill the tmpfs, try to write /src, print its environment). The driver, the
 * container and the engine around it are the real ones.
 */
export function makeToyKernel(toyScript: string, opts: { arches?: string[]; fragments?: Record<string, string> } = {}): string {
  const dir = tempDir('toy');
  // mkdtemp makes 0700: the build user (uid 1001 under a root runner) must read the repo.
  chmodSync(dir, 0o755);
  git(dir, 'init', '-q', '-b', 'master');
  const files: Record<string, string> = {
    Makefile: [
      'VERSION = 6',
      'PATCHLEVEL = 1',
      'SUBLEVEL = 0',
      'EXTRAVERSION =',
      'NAME = Toy',
      'O ?= .',
      // As kbuild does: a reproducer's make names an O= folder that does not exist yet.
      '$(shell mkdir -p $(O))',
      'all:',
      '\t@ARCH=$(ARCH) O=$(O) CC="$(CC)" sh $(CURDIR)/toy.sh',
      'olddefconfig:',
      "\t@sed -i '/CONFIG_DROPPED_BY_OLDDEFCONFIG/d' $(O)/.config",
      '%.config:',
      '\t@cat $(CURDIR)/arch/$(ARCH)/configs/$@ >> $(O)/.config',
      '%config:',
      '\t@echo "# Linux/$(ARCH) 6.1.0 Kernel Configuration" > $(O)/.config',
      '\t@echo "CONFIG_TOY=y" >> $(O)/.config',
      '',
    ].join('\n'),
    'toy.sh': toyScript,
    // The toy of merge_config.sh -m: the fragment's lines appended to the .config named.
    'scripts/kconfig/merge_config.sh': ['#!/bin/sh', '[ "$1" = -m ] || exit 2', 'cat "$3" >> "$2"', ''].join('\n'),
    'scripts/config': [
      '#!/bin/sh',
      '# The toy of scripts/config: --file F then --enable/--disable/--module X or --set-val X V.',
      'file=$2; op=$3; opt=$4',
      'case $op in',
      '  --enable) echo "$opt=y" >> "$file" ;;',
      '  --disable) echo "# $opt is not set" >> "$file" ;;',
      '  --module) echo "$opt=m" >> "$file" ;;',
      '  --set-val) echo "$opt=$5" >> "$file" ;;',
      'esac',
      '',
    ].join('\n'),
  };
  for (const arch of opts.arches ?? ['x86', 'arm64']) {
    files[`arch/${arch}/Kconfig`] = `# ${arch}\n`;
    for (const [name, text] of Object.entries(opts.fragments ?? {})) files[`arch/${arch}/configs/${name}`] = text;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  chmodSync(join(dir, 'scripts/config'), 0o755);
  chmodSync(join(dir, 'scripts/kconfig/merge_config.sh'), 0o755);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'toy kernel');
  git(dir, 'tag', '-a', '-m', 'v6.1', 'v6.1');
  return dir;
}
