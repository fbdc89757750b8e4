/**
 * The original builder's derived variants, written into the build tree on the fly:
 * a base config with options on top. Each is offered for its arch when the base exists.
 */
export interface DerivedConfig {
  name: string;
  base: string;
  options: string[];
}

export const DERIVED_CONFIGS: Record<string, DerivedConfig[]> = {
  arm: [
    { name: 'multi_lpae', base: 'multi_v7_defconfig', options: ['CONFIG_ARM_LPAE=y'] },
    { name: 'multi_v7_nosmp', base: 'multi_v7_defconfig', options: ['CONFIG_SMP=n'] },
  ],
  arm64: [{ name: 'nosmp', base: 'defconfig', options: ['CONFIG_SMP=n'] }],
  riscv: [
    { name: 'nosmp', base: 'defconfig', options: ['CONFIG_SMP=n'] },
    { name: 'rv32', base: 'rv32_defconfig', options: [] },
  ],
};
