"""Tests for ktrace.emul and scripts/gen_tables.py.

Expected values are checked against the NetBSD sources the committed tables
come from (revisions in scripts/gen_tables.py --help) and against kdump.c
1.140.2.2's eprint()/signame()/output_long().
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import ktrace.emul as emul

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "gen_tables.py"


def load_script() -> ModuleType:
    """Import scripts/gen_tables.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("gen_tables", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["gen_tables"] = mod
    spec.loader.exec_module(mod)
    return mod


def load_generated(path: Path) -> ModuleType:
    """Import one generated table module from an arbitrary directory."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ------------------------------------------------------------ syscall names

def test_netbsd_native_names() -> None:
    nb = emul.emulation("netbsd")
    assert nb.syscall_name(59, True) == "execve"
    assert nb.syscall_name(0, True) == "syscall"
    assert nb.syscall_name(8, True) == "compat_43_ocreat"
    # syscalls.master 1.311: "#if !defined(_LP64)" around the COMPAT_10 entry
    # is false for an amd64 kdump.
    assert nb.syscall_name(169, True) == "#169 (excluded 1.0 semsys)"
    assert nb.syscall_name(228, True) == "shmat"
    # both faces are NetBSD's for netbsd traces
    assert nb.syscall_name(59, False) == "execve"
    assert nb.linux_names is None


def test_linux_compat_names() -> None:
    lx = emul.emulation("linux")
    assert lx.syscall_name(4, True) == "stat64"
    assert lx.syscall_name(82, True) == "__posix_rename"
    assert lx.syscall_name(29, True) == "#29 (unimplemented shmget)"
    assert lx.syscall_name(40, True) == "#40 (unimplemented sendfile)"
    # linux_syscalls.c 1.88 (from syscalls.master 1.78): calls NetBSD
    # implemented since 2017 (1.42.10.4 had them unimplemented or past its end)
    assert lx.syscall_name(253, True) == "inotify_init"
    assert lx.syscall_name(240, True) == "mq_open"
    assert lx.syscall_name(302, True) == "prlimit64"
    assert lx.syscall_name(332, True) == "statx"
    assert lx.syscall_name(441, True) == "epoll_pwait2"
    # the native-futex rework (2020) renamed the robust-list calls
    assert lx.syscall_name(273, True) == "__futex_set_robust_list"
    assert lx.syscall_name(314, True) == "#314 (unimplemented sched_setattr)"
    assert lx.syscall_name(335, True) == "#335 (unimplemented)"
    assert lx.syscall_name(451, True) == "nosys"
    # LINUX_SYS_MAXSYSCALL is 452: the "# filler" padding is never printed
    assert len(lx.netbsd_names) == 452
    assert lx.syscall_name(452, True) == "[452]"
    # Linux's own names for the default face
    assert lx.syscall_name(4, False) == "stat"
    assert lx.syscall_name(59, False) == "execve"
    assert lx.syscall_name(257, False) == "openat"


def test_linux32_names() -> None:
    l32 = emul.emulation("linux32")
    # linux32_syscalls.c 1.88 spells netbsd32 wrappers with their prefix;
    # kdump prints the array entry verbatim (it strips "netbsd32_" only to
    # match special decodings).
    assert l32.syscall_name(11, True) == "netbsd32_execve"
    assert l32.syscall_name(1, True) == "exit"
    assert l32.syscall_name(18, True) == "#18 (obsolete ostat)"
    assert l32.syscall_name(222, True) == "#222 (unimplemented / * unused * /)"
    # the *at calls, pipe2 and the rest that 1.58.2.2 (2010) still had as
    # unimplemented: NetBSD 10's names (syscalls.master 1.77, 2021)
    assert l32.syscall_name(295, True) == "openat"
    assert l32.syscall_name(296, True) == "netbsd32_mkdirat"
    assert l32.syscall_name(300, True) == "fstatat64"
    assert l32.syscall_name(331, True) == "pipe2"
    assert l32.syscall_name(340, True) == "prlimit64"
    assert l32.syscall_name(311, True) == "netbsd32___futex_set_robust_list"
    assert l32.syscall_name(329, True) == "#329 (unimplemented epoll_create1)"
    # LINUX32_SYS_MAXSYSCALL is 351
    assert len(l32.netbsd_names) == 351
    assert l32.syscall_name(350, True) == "#350 (unimplemented finit_module)"
    assert l32.syscall_name(351, True) == "[351]"
    assert l32.syscall_name(11, False) == "execve"
    assert l32.syscall_name(252, False) == "exit_group"
    assert l32.arg_hex is True
    assert emul.emulation("linux").arg_hex is False


@pytest.mark.parametrize("name", emul.EMULATION_NAMES)
@pytest.mark.parametrize("netbsd", [True, False])
def test_out_of_range_syscalls(name: str, netbsd: bool) -> None:
    e = emul.emulation(name)
    assert e.syscall_name(9999, netbsd) == "[9999]"
    assert e.syscall_name(-1, netbsd) == "[-1]"


def test_unknown_emulation() -> None:
    assert emul.find_emulation("svr4") is None
    with pytest.raises(LookupError):
        emul.emulation("svr4")
    assert emul.find_emulation("linux") is emul.emulation("linux")


# ------------------------------------------------------------------ errno

def test_native_to_linux_errno() -> None:
    m = emul.NATIVE_TO_LINUX_ERRNO
    assert len(m) == 97                   # ELAST 96 + 1 (linux_errno.c __CTASSERT)
    assert m[0] == 0
    assert m[2] == -2                     # ENOENT
    assert m[11] == -35                   # NetBSD EDEADLK -> Linux EDEADLK
    assert m[35] == -11                   # NetBSD EAGAIN -> Linux EAGAIN
    assert m[45] == -95                   # EOPNOTSUPP
    assert m[67] == -38                   # EPROCLIM, not mapped: LINUX_ENOSYS
    assert m[86] == -95                   # ENOTSUP == Linux EOPNOTSUPP
    assert m[96] == -71                   # EPROTO


def test_netbsd_errno_for_linux_first_match() -> None:
    assert emul.netbsd_errno_for_linux(-2) == 2
    # -38 (ENOSYS) first appears at EPROCLIM's slot, before ENOSYS (78)
    assert emul.netbsd_errno_for_linux(-38) == 67
    assert emul.netbsd_errno_for_linux(-95) == 45
    assert emul.netbsd_errno_for_linux(2) is None     # positive: not in the map
    assert emul.netbsd_errno_for_linux(-512) is None


def test_eprint_linux() -> None:
    lx = emul.emulation("linux")
    assert lx.eprint(-2, plain=False) == "-1 errno -2 No such file or directory"
    assert lx.eprint(-2, plain=True) == "-1 errno -2"
    assert lx.eprint(2, plain=False) == "-1 unknown errno 2"
    assert lx.eprint(-38, plain=False) == "-1 errno -38 Too many processes"
    # ERESTART/EJUSTRETURN are tested on the map index, so they never print
    # RESTART/JUSTRETURN under the linux map
    assert lx.eprint(emul.ERESTART, plain=False) == "-1 errno -3 No such process"
    assert emul.emulation("linux32").eprint(-13, False) == "-1 errno -13 Permission denied"


def test_eprint_netbsd() -> None:
    nb = emul.emulation("netbsd")
    assert nb.eprint(emul.ERESTART, False) == "RESTART"
    assert nb.eprint(emul.EJUSTRETURN, False) == "JUSTRETURN"
    assert nb.eprint(2, False) == "-1 errno 2 No such file or directory"
    assert nb.eprint(78, False) == "-1 errno 78 Function not implemented"
    assert nb.eprint(500, False) == "-1 errno 500 Unknown error: 500"


def test_errno_tables() -> None:
    assert emul.NETBSD_ERRNO[2] == ("ENOENT", "No such file or directory")
    assert emul.NETBSD_ERRNO[35] == ("EAGAIN", "Resource temporarily unavailable")
    assert emul.NETBSD_ERRNO[92] == ("ETIME", "STREAM ioctl timeout")
    assert emul.netbsd_strerror(0) == "Undefined error: 0"
    assert emul.LINUX_ERRNO[2] == ("ENOENT", "No such file or directory")
    assert emul.LINUX_ERRNO[11][0] == "EAGAIN"
    assert emul.LINUX_ERRNO[35][0] == "EDEADLK"
    assert emul.LINUX_ERRNO[95][0] == "EOPNOTSUPP"
    assert emul.LINUX_RESTART_ERRNO[512] == "ERESTARTSYS"


# ---------------------------------------------------------------- signals

def test_signal_maps() -> None:
    assert emul.LINUX_TO_NETBSD_SIGNAL[10] == 30      # SIGUSR1
    assert emul.LINUX_TO_NETBSD_SIGNAL[12] == 31      # SIGUSR2
    assert emul.LINUX_TO_NETBSD_SIGNAL[17] == 20      # SIGCHLD
    assert emul.LINUX_TO_NETBSD_SIGNAL[7] == 10       # SIGBUS
    assert emul.LINUX_TO_NETBSD_SIGNAL[32] == 33      # SIGRTMIN
    assert emul.LINUX_TO_NETBSD_SIGNAL[62] == 63
    assert 16 not in emul.LINUX_TO_NETBSD_SIGNAL      # SIGSTKFLT
    assert 64 not in emul.LINUX_TO_NETBSD_SIGNAL
    assert emul.NETBSD_TO_LINUX_SIGNAL[30] == 10
    assert emul.NETBSD_TO_LINUX_SIGNAL[20] == 17
    assert 7 not in emul.NETBSD_TO_LINUX_SIGNAL       # SIGEMT
    for lsig, nsig in emul.LINUX_TO_NETBSD_SIGNAL.items():
        assert emul.NETBSD_TO_LINUX_SIGNAL[nsig] == lsig
    assert emul.LINUX_TO_NATIVE_SIGNO[16] == 0
    assert len(emul.LINUX_TO_NATIVE_SIGNO) == 64


def test_signal_names() -> None:
    assert emul.NETBSD_SIGNALS[30] == "SIGUSR1"
    assert emul.NETBSD_SIGNALS[20] == "SIGCHLD"
    assert emul.NETBSD_SIGNALS[32] == "SIGPWR"
    assert emul.NETBSD_SIGNALS[33] == "SIGRT0"
    assert emul.NETBSD_SIGNALS[63] == "SIGRT30"
    assert emul.LINUX_SIGNALS[10] == "SIGUSR1"
    assert emul.LINUX_SIGNALS[6] == "SIGABRT"
    assert emul.LINUX_SIGNALS[32] == "SIGRTMIN"
    assert emul.LINUX_SIGNALS[34] == "SIGRTMIN+2"
    assert emul.LINUX_SIGNALS[64] == "SIGRTMAX"


def test_kdump_signame() -> None:
    lx, nb = emul.emulation("linux"), emul.emulation("netbsd")
    assert lx.signame(10, xlat=True) == "USR1"    # kill(pid, 10) of a Linux process
    assert lx.signame(10, xlat=False) == "BUS"    # PSIG carries native numbers
    assert lx.signame(16, xlat=True) == "Signal 0"
    assert nb.signame(10, xlat=True) == "BUS"
    assert nb.signame(0, xlat=True) == " 0"
    assert nb.signame(64, xlat=False) == "*unknown 64*"
    assert nb.signame(-1, xlat=False) == "*unknown -1*"


def test_sigmask() -> None:
    assert emul.linux_to_netbsd_sigmask(0) == (0, 0, 0, 0)
    # Linux SIGUSR1 (bit 9) -> NetBSD 30 (bit 29); SIGCHLD 17 -> 20 (bit 19)
    assert emul.linux_to_netbsd_sigmask(1 << 9 | 1 << 16) == (1 << 29 | 1 << 19, 0, 0, 0)
    # Linux 32 (SIGRTMIN) -> NetBSD 33: second word; SIGSTKFLT and 64 dropped
    assert emul.linux_to_netbsd_sigmask(1 << 31 | 1 << 15 | 1 << 63) == (0, 1, 0, 0)
    full = emul.linux_to_netbsd_sigmask((1 << 64) - 1)
    assert full[2] == full[3] == 0
    assert bin(full[0]).count("1") + bin(full[1]).count("1") == len(emul.LINUX_TO_NETBSD_SIGNAL)


# ------------------------------------------------------------ output_long

def test_output_long() -> None:
    lx, l32 = emul.emulation("linux"), emul.emulation("linux32")
    assert lx.output_long(255, True) == "0xff"
    assert lx.output_long(0, True) == "0"
    assert lx.output_long(-1, False) == "-1"
    assert lx.output_long(-100, True) == "0xffffffffffffff9c"
    assert l32.output_long(0x1_0000_0010, True) == "0x10"
    assert l32.output_long(0xFFFFFF9C, False) == "-100"
    assert l32.output_long(-100, True) == "0xffffff9c"


def test_import_is_lazy() -> None:
    code = ("import sys, ktrace.emul as e; "
            "assert not any(m.startswith('ktrace.emul._') for m in sys.modules); "
            "e.NETBSD_ERRNO; assert 'ktrace.emul._netbsd_errno' in sys.modules; "
            "assert 'ktrace.emul._netbsd_syscalls' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)


# ------------------------------------------------------- generator round trip

SYNTHETIC: dict[str, str] = {
    "sys/kern/syscalls.master": r'''
        	$NetBSD: syscalls.master,v 9.1 2099/01/01 00:00:00 test Exp $
        ; comment lines and blank lines are skipped; so are #includes
        #include <sys/param.h>

        %%
        0	INDIR		{ int|sys||syscall(int code, \
        			    ... register_t args[SYS_MAXSYSARGS]); }
        1	COMPAT_50 MODULAR compat_50 RUMP	\
        		{ int|sys||wait4(pid_t pid, int *status, \
        			    int options, struct rusage50 *rusage); }
        2	COMPAT_43 MODULAR compat_43	\
        		{ long|sys||lseek(int fd, long offset, int whence); }\
        			    olseek
        3	NOERR	RUMP	{ pid_t|sys||getpid_with_ppid(void); } getpid
        4	OBSOL		4.2 sigreturn
        5	UNIMPL
        ; XXX
        #if !defined(_LP64)
        6	COMPAT_10 MODULAR compat_sysv_10	\
        		{ int|sys||semsys(int which, int a2); } osemsys
        #else
        6	EXCL		1.0 semsys
        #endif
        7	STD	RUMP	{ int|sys|50|fstat(int fd, struct stat *sb); }
        8	COMPAT_50 MODULAR compat_30	\
        		{ int|sys|30|ntp_gettime(struct ntptimeval50 *ntvp); }
        9	IGNORED		old posix_fadvise
        10	EXTERN	MODULAR openafs { int|sys||afssys(long id, long a1); }
        #if defined(NTP) || !defined(_KERNEL_OPT)
        11	STD		{ int|sys|50|ntp_gettime(struct ntptimeval *ntvp); }
        #else
        11	EXCL		___ntp_gettime50
        #endif
        12	COMPAT_50 MODULAR compat_sysv_50	\
        		{ int|sys|13|__semctl(int semid, int semnum, int cmd, \
        			    ... union __semun *arg); }
        13	STD MODULAR sysv_ipc { void *|sys||shmat(int shmid,	\
        			    const void *shmaddr, int shmflg); }
    ''',
    "sys/compat/linux/arch/amd64/linux_syscalls.c": r'''
        /* $NetBSD: linux_syscalls.c,v 9.2 2099/01/01 00:00:00 test Exp $ */
        const char *const linux_syscallnames[] = {
        	/*   0 */	"read",
        #define linux_sys_x linux_sys_y
        	/*   1 */	"stat64",
        };
    ''',
    "sys/compat/linux32/arch/amd64/linux32_syscalls.c": r'''
        /* $NetBSD: linux32_syscalls.c,v 9.3 2099/01/01 00:00:00 test Exp $ */
        const char *const linux32_syscallnames[] = {
        	/*   0 */	"syscall",
        };
    ''',
    "sys/sys/errno.h": r'''
        /*	$NetBSD: errno.h,v 9.4 2099/01/01 00:00:00 test Exp $	*/
        #define	EPERM		1		/* Operation not permitted */
        #define	ENOENT		2		/* No such file or directory */
        #if defined(_NETBSD_SOURCE)
        #define	EAGAIN		3		/* Resource temporarily unavailable */
        #define	EWOULDBLOCK	EAGAIN		/* Operation would block */
        #endif
        #define	ELAST		3		/* Must equal largest errno */
        #define	EJUSTRETURN	-2		/* don't modify regs, just return */
    ''',
    # makerumpdefs.sh's copy of errno.h lines; note the blank after "*/" on 2
    "sys/rump/include/rump/rumpdefs.h": "".join((
        "/*\t$NetBSD: rumpdefs.h,v 9.10 2099/01/01 00:00:00 test Exp $\t*/\n\n",
        "/*\tNetBSD: fcntl.h,v 9.11 2099/01/01 00:00:00 test Exp \t*/\n",
        "#define\tRUMP_O_RDONLY\t0x00000000\t/* open for reading only */\n\n",
        "/*\tNetBSD: errno.h,v 9.12 2099/01/01 00:00:00 test Exp \t*/\n",
        "#define\tRUMP_EPERM\t\t1\t\t/* Operation not permitted */\n",
        "#define\tRUMP_EMULTIHOP\t2\t\t/* Multihop attempted */ \n",
        "#define\tRUMP_EWOULDBLOCK\tEAGAIN\t\t/* Operation would block */\n",
        "#define RUMP_ECANCELED\t3\t\t/* Operation canceled */\n",
        "#define\tRUMP_ELAST\t\t3\t\t/* Must equal largest errno */\n",
        "#define\tRUMP_EJUSTRETURN\t-2\t\t/* don't modify regs, just return */\n\n",
        "/*\tNetBSD: reboot.h,v 9.13 2099/01/01 00:00:00 test Exp \t*/\n",
        "#define\tRUMP_RB_AUTOBOOT\t4\t/* not an errno */\n")),
    "sys/compat/linux/common/linux_errno.c": r'''
        __KERNEL_RCSID(0, "$NetBSD: linux_errno.c,v 9.5 2099/01/01 00:00:00 test Exp $");
        const int native_to_linux_errno[] = {
        	0,
        	LINUX_SCERR_SIGN LINUX_EPERM,
        	LINUX_SCERR_SIGN LINUX_ENOENT,	/* comment, with a comma */
        	LINUX_SCERR_SIGN LINUX_ENOTSUP,
        };
    ''',
    "sys/compat/linux/common/linux_errno.h": '''
        #define LINUX_EPERM		 1
        #define LINUX_ENOENT		 2
    ''',
    "sys/compat/linux/common/linux_errno_generic.h": '''
        #define	LINUX_EOPNOTSUPP	95	/* Operation not supported */
    ''',
    "sys/compat/linux/arch/amd64/linux_errno.h": '''
        #define LINUX_SCERR_SIGN -
    ''',
    "lib/libc/gen/signame.c": r'''
        /*	$NetBSD: signame.c,v 9.6 2099/01/01 00:00:00 test Exp $	*/
        static const char *const __signame14[] = {
        	"Signal 0",	/* 0 */
        	"HUP",		/* 1 SIGHUP */
        	"USR1",		/* 2 SIGUSR1 */
        	"RT0",		/* 3 SIGRTMIN + 0 */
        	"RT1",		/* 4 SIGRTMIN + 1 */
        };
    ''',
    "sys/compat/linux/arch/amd64/linux_sigarray.c": r'''
        __KERNEL_RCSID(1, "$NetBSD: linux_sigarray.c,v 9.7 2099/01/01 00:00:00 test Exp $");
        const int linux_to_native_signo[LINUX__NSIG] = {
        	0,		/* 0 */
        	SIGHUP,		/* 1 */
        	0,		/* 2 SIGSTKFLT */
        	SIGUSR1,	/* 3 */
        	SIGRTMIN + 1,	/* 4 */
        };
    ''',
    "sys/compat/linux/arch/amd64/linux_signal.h": r'''
        /*	$NetBSD: linux_signal.h,v 9.8 2099/01/01 00:00:00 test Exp $ */
        #define LINUX_SIGHUP		 1
        #define LINUX_SIGABRT		 2
        #define LINUX_SIGIOT		 2
        #define LINUX_SIGUSR1		 3
        #define LINUX_SIGRTMIN		 4
        #define LINUX_SIGRTMAX		LINUX__NSIG
        #define LINUX_SIG_BLOCK		0
        #define LINUX__NSIG		6
    ''',
    "sys/compat/linux/common/linux_signo.c": r'''
        __KERNEL_RCSID(0, "$NetBSD: linux_signo.c,v 9.9 2099/01/01 00:00:00 test Exp $");
        #ifndef LINUX_SIGINFO
        #define LINUX_SIGINFO	0
        #endif
        const int native_to_linux_signo[] = {
        	0,			/* 0 */
        	LINUX_SIGHUP,		/* 1 */
        	LINUX_SIGUSR1,		/* 2 */
        	LINUX_SIGINFO,		/* 3 */
        	LINUX_SIGRTMIN + 1,	/* 4 */
        };
    ''',
}


@pytest.fixture
def synthetic_src(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    for rel, text in SYNTHETIC.items():
        p = src / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        # makesyscalls.sh reads the $NetBSD$ id from the first line
        p.write_text(textwrap.dedent(text).lstrip("\n"))
    return src


def test_generator_round_trip(synthetic_src: Path, tmp_path: Path) -> None:
    gen = load_script()
    out = tmp_path / "out"
    assert gen.main(["--src", str(synthetic_src), "--out", str(out), "--only", "netbsd"]) == 0

    sc = load_generated(out / "_netbsd_syscalls.py")
    # makesyscalls.sh 1.187's names, with kdump's amd64 userland cpp view
    assert sc.NETBSD_NAMES == (
        "syscall", "compat_50_wait4", "compat_43_olseek", "getpid",
        "#4 (obsolete 4.2 sigreturn)", "#5 (unimplemented)", "#6 (excluded 1.0 semsys)",
        "__fstat50", "compat_50___ntp_gettime30", "#9 (ignored old posix_fadvise)",
        "afssys", "__ntp_gettime50", "compat_50_____semctl13", "shmat")
    assert sc.NETBSD_NSYSNAMES == 14
    assert sc.NETBSD_RCSID == "$NetBSD: syscalls.master,v 9.1 2099/01/01 00:00:00 test Exp $"
    assert sc.LINUX_NAMES == ("read", "stat64") and sc.LINUX_NSYSNAMES == 2
    assert sc.LINUX32_NAMES == ("syscall",)
    header = (out / "_netbsd_syscalls.py").read_text().splitlines()[:4]
    assert any("syscalls.master,v 9.1" in line for line in header)

    # default: the texts of rumpdefs.h's copy of errno.h, cut as errlist.awk cuts
    er = load_generated(out / "_netbsd_errno.py")
    assert er.ERRNO == {1: ("EPERM", "Operation not permitted"),
                        2: ("EMULTIHOP", "Multihop attempted "),
                        3: ("ECANCELED", "Operation canceled")}
    assert er.ERRNO_RCSID == "NetBSD: errno.h,v 9.12 2099/01/01 00:00:00 test Exp"
    assert er.NATIVE_TO_LINUX_ERRNO == (0, -1, -2, -95)
    assert gen.main(["--src", str(synthetic_src), "--out", str(out), "--only", "netbsd",
                     "--errno-from", "errno.h"]) == 0
    er = load_generated(out / "_netbsd_errno.py")
    assert er.ERRNO == {1: ("EPERM", "Operation not permitted"),
                        2: ("ENOENT", "No such file or directory"),
                        3: ("EAGAIN", "Resource temporarily unavailable")}
    assert er.ERRNO_RCSID == "$NetBSD: errno.h,v 9.4 2099/01/01 00:00:00 test Exp $"

    sg = load_generated(out / "_netbsd_signals.py")
    assert sg.SYS_SIGNAME == ("Signal 0", "HUP", "USR1", "RT0", "RT1")
    assert sg.LINUX_TO_NATIVE_SIGNO == (0, 1, 0, 2, 4)
    assert sg.NATIVE_TO_LINUX_SIGNO == (0, 1, 3, 0, 5)
    assert sg.LINUX_SIGNAL_NAMES == {1: "SIGHUP", 2: "SIGABRT", 3: "SIGUSR1",
                                     4: "SIGRTMIN", 5: "SIGRTMIN+1", 6: "SIGRTMAX"}


def test_generator_cpp_conditions() -> None:
    gen = load_script()
    d = frozenset({"KTRACE", "_LP64"})
    assert gen.eval_cpp_condition("defined(NFS) || defined(NFSSERVER) || !defined(_KERNEL)", d)
    assert not gen.eval_cpp_condition("(defined(SYSVSEM) || !defined(_KERNEL)) && !defined(_LP64)", d)
    assert not gen.eval_cpp_condition(
        "defined(P1003_1B_SEMAPHORE) || (!defined(_KERNEL) && defined(_LIBC))", d)
    assert gen.eval_cpp_condition("defined KTRACE", d)
    with pytest.raises(gen.SourceError):
        gen.eval_cpp_condition("FOO == 1", d)


@pytest.mark.parametrize("old, new", [
    ("\n3\tNOERR", "\n7\tNOERR"),                  # numbers out of sync
    ("\n5\tUNIMPL", "\n5\tFROB"),                   # unknown type
    ("{ pid_t|sys||getpid_with_ppid", "{ pid_t sys_getpid_with_ppid"),  # no "|"
    ("\n#endif\n7", "\n#endif\n#endif\n7"),        # unbalanced #endif
])
def test_generator_rejects_bad_master(synthetic_src: Path, tmp_path: Path,
                                      old: str, new: str) -> None:
    gen = load_script()
    bad = synthetic_src / "sys/kern/syscalls.master"
    text = bad.read_text()
    assert old in text
    bad.write_text(text.replace(old, new, 1))
    rc = gen.main(["--src", str(synthetic_src), "--out", str(tmp_path / "o"),
                   "--only", "netbsd"])
    assert rc == 1


def test_generator_rejects_bad_input(synthetic_src: Path, tmp_path: Path) -> None:
    gen = load_script()
    bad = synthetic_src / "sys/compat/linux/arch/amd64/linux_syscalls.c"
    bad.write_text(bad.read_text().replace("/*   1 */", "/*   7 */", 1))
    assert gen.main(["--src", str(synthetic_src), "--out", str(tmp_path / "o"),
                     "--only", "netbsd"]) == 1


def test_generator_help_names_sources() -> None:
    r = subprocess.run([sys.executable, str(SCRIPT), "--help"], capture_output=True,
                       text=True, check=True, timeout=30)
    assert "sys/compat/linux/arch/amd64/linux_syscalls.c" in r.stdout
    assert "linux_syscalls.c        1.88 (2026/09/11)" in r.stdout
    assert "linux32_syscalls.c    1.88 (2026/09/11)" in r.stdout


def test_committed_tables_cite_sources() -> None:
    for name in ("_netbsd_syscalls.py", "_netbsd_errno.py", "_netbsd_signals.py",
                 "_linux_host.py"):
        head = (ROOT / "ktrace" / "emul" / name).read_text().splitlines()[:6]
        assert head[0].startswith("# Generated by scripts/gen_tables.py")
        assert any(line.startswith("# source: ") for line in head)


def test_linux_names_beyond_python_ptrace_are_shared_with_the_tracer() -> None:
    """pykdump's default face knows every name the tracer knows."""
    from ktrace.tracer import points

    linux, linux32 = emul.emulation("linux"), emul.emulation("linux32")
    assert linux.syscall_name(452, netbsd=False) == "fchmodat2"
    assert linux32.syscall_name(383, netbsd=False) == "statx"
    assert linux32.syscall_name(403, netbsd=False) == "clock_gettime64"
    for arch, e in ((points.AUDIT_ARCH_X86_64, linux), (points.AUDIT_ARCH_I386, linux32)):
        assert {nr: c.name for nr, c in points.table(arch).items()} == e.linux_names
