/*
 * What boot-init.c takes from the tree's tools/include/nolibc, for the arches a tree's
 * nolibc does not have (6.1's has no s390 or powerpc): the process entry and the system
 * call, a few lines of asm each, and the calls the init makes (write, uname, reboot).
 * Built -nostdlib -ffreestanding against the target's exported UAPI headers.
 */
#include <asm/unistd.h>
#include <linux/reboot.h>

#if defined(__s390x__)
/* svc 0: the call's number in r1, its arguments from r2, its result in r2. */
static long kb_syscall3(long n, long a, long b, long c)
{
	register long r1 asm("1") = n;
	register long r2 asm("2") = a;
	register long r3 asm("3") = b;
	register long r4 asm("4") = c;

	asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
	return r2;
}

/* The entry: a register save area of 160 bytes with a null back chain, main, then exit(main()). */
asm(".text\n"
    ".global _start\n"
    "_start:\n"
    "	aghi %r15, -160\n"
    "	xc 0(8,%r15), 0(%r15)\n"
    "	brasl %r14, main\n"
    "	lghi %r1, 1\n"
    "	svc 0\n");
#elif defined(__powerpc64__) && defined(_CALL_ELF) && _CALL_ELF == 2
/* sc: the call's number in r0, its arguments from r3, its result in r3 (cr0.SO set: an error, r3 its errno). */
static long kb_syscall3(long n, long a, long b, long c)
{
	register long r0 asm("r0") = n;
	register long r3 asm("r3") = a;
	register long r4 asm("r4") = b;
	register long r5 asm("r5") = c;

	asm volatile("sc\n\tbns+ 1f\n\tneg %1, %1\n1:"
		     : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5)
		     :
		     : "memory", "cr0", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "ctr", "xer");
	return r3;
}

/*
 * The entry (ELFv2): the kernel puts the entry's address in r12, from which the TOC
 * pointer r2 is made; a 16-byte aligned stack with a null back chain, main, then exit(main()).
 */
asm(".text\n"
    ".global _start\n"
    "_start:\n"
    "	addis 2, 12, .TOC.-_start@ha\n"
    "	addi 2, 2, .TOC.-_start@l\n"
    "	clrrdi 1, 1, 4\n"
    "	li 0, 0\n"
    "	stdu 0, -32(1)\n"
    "	bl main\n"
    "	nop\n"
    "	li 0, 1\n"
    "	sc\n");
#else
#error "kernelbuilder's boot init has no system call for this arch: the tree's tools/include/nolibc must have it"
#endif

#define my_syscall1(n, a) kb_syscall3((n), (long)(a), 0, 0)

static unsigned long kb_strlen(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}
#define strlen kb_strlen

static long write(int fd, const void *buf, unsigned long count)
{
	return kb_syscall3(__NR_write, fd, (long)buf, (long)count);
}

static int reboot(int cmd)
{
	return kb_syscall3(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, cmd);
}
