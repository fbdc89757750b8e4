/**
 * kbuild's quiet line for one object it compiles or assembles: "  CC      init/main.o",
 * "  CC [M]  fs/ext4/inode.o", "  AS      arch/x86/entry/entry_64.o". Host tools (HOSTCC),
 * links and generated files are not counted: the count is how far a target's build is
 * along, and compiling the kernel's own objects is where its time goes.
 */
const COMPILE_STEP = /^  (?:CC|AS)(?: \[M\])? +\S/;

/** Whether a line of a target's log is kbuild compiling or assembling one object. */
export function isCompileStep(line: string): boolean {
  return COMPILE_STEP.test(line);
}
