/*
 * kernelbuilder's boot init: the whole userland of a boot test. Built static against the
 * tree's own tools/include/nolibc (no libc, nothing downloaded), packed as /init into an
 * initramfs. It says it started, prints the sentinel with the running kernel's release
 * (uname -r), and restarts the machine: QEMU runs with -no-reboot, so a restart ends it
 * with exit status 0. If the restart fails, returning makes the kernel panic ("Attempted
 * to kill init!"), which names the problem instead of leaving a silent timeout.
 * Only write, uname and reboot are used: no division, so no libgcc is needed (i386 and arm).
 */
struct kb_utsname {
	char field[6][65];
};

static void put(const char *s)
{
	write(1, s, strlen(s));
}

int main(void)
{
	struct kb_utsname uts;

	put("kernelbuilder-init: started\n");
	if (my_syscall1(__NR_uname, &uts) == 0) {
		put("kernelbuilder-boot: ok ");
		put(uts.field[2]);
		put("\n");
	} else {
		put("kernelbuilder-boot: uname failed\n");
	}
	reboot(LINUX_REBOOT_CMD_RESTART);
	put("kernelbuilder-init: reboot failed\n");
	return 1;
}
