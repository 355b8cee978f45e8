"""Golden lines for NetBSD's own tables: syscall names, strerror texts, si_codes.

Sources of the expected lines (each test names its own):

* kdump.c 1.140.2.2 (NetBSD 10) formats, with the native ``syscallnames[]``
  that ``sys/kern/makesyscalls.sh`` 1.187 writes from ``sys/kern/syscalls.master``
  1.311 (2023/07/28) -- the revision the committed table is generated from;
* libc's strerror: ``lib/libc/gen/errlist.awk`` over the ``#define`` lines of
  ``sys/errno.h`` 1.39 (as copied into ``sys/rump/include/rump/rumpdefs.h``
  1.10.4.3), and ``lib/libc/string/strerror_r.c`` 1.2.50.1 for numbers outside
  the list (``"Unknown error: %u"``);
* real output of NetBSD 10.1's kdump, quoted in a public gate report
  (NetBSD/evbarm-aarch64 10.1, "First 20 kdump lines of the tiny-exe trace");
  the trace itself is not at hand, so its 20 records are rebuilt here as
  amd64 version 2 records carrying the same values;
* si_code names: ``sys/siginfo.h`` as each kdump was built with it -- NetBSD
  10's for 1.140.2.2, one with TRAP_BRKPT and TRAP_TRACE only (1.14.20.1,
  2006) for 1.115.2.1 and 1.93.2.1.
"""

from __future__ import annotations

import pytest

from ktrace.format import AMD64, I386_TIME32, Layouts
import ktrace.emul as emul

from test_kdump_golden import H0, H2, call, lines, psig, rec, ret, siginfo

A = AMD64


# --- real NetBSD 10.1 kdump output -----------------------------------------
REAL_10_1 = """\
  2642   2642 ktrace   EMUL  "netbsd"
  2642   2642 ktrace   CALL  execve(0xffffffef9536,0xffffffef8fb0,0xffffffef8fc0)
  2642   2642 ktrace   NAMI  "/root/qjswork/./tiny-exe"
  2642   2642 ktrace   NAMI  "/usr/libexec/ld.elf_so"
  2642   2642 tiny-exe EMUL  "netbsd"
  2642   2642 tiny-exe RET   execve JUSTRETURN
  2642   2642 tiny-exe CALL  mmap(0,0x8000,PROT_READ|PROT_WRITE,0x1002<PRIVATE,ANONYMOUS,ALIGN=NONE>,0xffffffff,0,0)
  2642   2642 tiny-exe RET   mmap 278507956072448/0xfd4d2fc9f000
  2642   2642 tiny-exe CALL  open(0xfffff326c738,0,0xfffff3281590)
  2642   2642 tiny-exe NAMI  "/etc/ld.so.conf"
  2642   2642 tiny-exe RET   open -1 errno 2 No such file or directory
  2642   2642 tiny-exe CALL  open(0xfffffff05cb8,0,0xf)
  2642   2642 tiny-exe NAMI  "/usr/lib/libpthread.so.1"
  2642   2642 tiny-exe RET   open 3
  2642   2642 tiny-exe CALL  __fstat50(3,0xfffffff05ba8)
  2642   2642 tiny-exe RET   __fstat50 0
  2642   2642 tiny-exe CALL  mmap(0,0x1000,PROT_READ,0x1<SHARED,FILE,ALIGN=NONE>,3,0,0)
  2642   2642 tiny-exe RET   mmap 278507956068352/0xfd4d2fc9e000
  2642   2642 tiny-exe CALL  munmap(0xfd4d2fc9e000,0x1000)
  2642   2642 tiny-exe RET   munmap 0
"""


def _real_records() -> list:
    def r(t: int, payload: bytes, comm: bytes) -> object:
        return rec(t, payload, pid=2642, lid=2642, comm=comm)

    k, t = b"ktrace", b"tiny-exe"
    return [
        r(7, b"netbsd\0", k),
        r(1, call(A, 59, 0xffffffef9536, 0xffffffef8fb0, 0xffffffef8fc0), k),
        r(3, b"/root/qjswork/./tiny-exe", k),
        r(3, b"/usr/libexec/ld.elf_so", k),
        r(7, b"netbsd\0", t),
        r(2, ret(A, 59, -2), t),
        r(1, call(A, 197, 0, 0x8000, 3, 0x1002, 0xffffffff, 0, 0), t),
        r(2, ret(A, 197, 0, 0xfd4d2fc9f000), t),
        r(1, call(A, 5, 0xfffff326c738, 0, 0xfffff3281590), t),
        r(3, b"/etc/ld.so.conf", t),
        r(2, ret(A, 5, 2), t),
        r(1, call(A, 5, 0xfffffff05cb8, 0, 0xf), t),
        r(3, b"/usr/lib/libpthread.so.1", t),
        r(2, ret(A, 5, 0, 3), t),
        r(1, call(A, 440, 3, 0xfffffff05ba8), t),
        r(2, ret(A, 440, 0, 0), t),
        r(1, call(A, 197, 0, 0x1000, 1, 0x1, 3, 0, 0), t),
        r(2, ret(A, 197, 0, 0xfd4d2fc9e000), t),
        r(1, call(A, 73, 0xfd4d2fc9e000, 0x1000), t),
        r(2, ret(A, 73, 0, 0), t),
    ]


@pytest.mark.parametrize("netbsd", [True, False])
def test_real_netbsd_10_1_kdump_lines(netbsd: bool) -> None:
    # NetBSD 10.1's kdump (1.140.2.2), real output; __fstat50 is 440
    assert lines(_real_records(), netbsd=netbsd) == REAL_10_1.splitlines()


# --- native syscall names (syscalls.master 1.311, makesyscalls.sh 1.187) ----
@pytest.mark.parametrize("code, name", [
    (439, "__stat50"), (440, "__fstat50"), (441, "__lstat50"),
    (427, "__clock_gettime50"), (418, "__gettimeofday50"),
    (449, "__wait450"), (450, "__mknod50"),
    # COMPAT_NN entries: "compat_NN_" + alias or function name
    (7, "compat_50_wait4"), (14, "compat_50_mknod"), (116, "compat_50_gettimeofday"),
    (8, "compat_43_ocreat"), (301, "compat_50_____semctl13"),
    (393, "compat_50___ntp_gettime30"), (320, "compat_50__lwp_park"),
    # the alias after "}" (17) or after the flags wins over the function name
    (17, "break"), (20, "getpid"), (0, "syscall"), (198, "__syscall"),
    # OBSOL / UNIMPL / EXCL / IGNORED: "#N (kind words...)"
    (11, "#11 (obsolete execv)"), (139, "#139 (obsolete 4.2 sigreturn)"),
    (94, "#94 (unimplemented setdopt)"), (151, "#151 (unimplemented)"),
    (391, "#391 (ignored old posix_fadvise)"),
    # "#if !defined(_LP64)": an amd64 kdump compiles the #else (EXCL) entry
    (169, "#169 (excluded 1.0 semsys)"),
    # "#if defined(NTP) || !defined(_KERNEL_OPT)": userland takes the #if
    (448, "__ntp_gettime50"), (176, "ntp_adjtime"),
    (210, "afssys"), (91, "getrandom"), (166, "__futex"),
    (502, "epoll_create1"), (504, "epoll_pwait2"),
    # 1.311's compat_100___kevent50: NetBSD 10's own kevent, its kdump's name
    (435, "__kevent50"),
])
def test_native_syscall_names(code: int, name: str) -> None:
    # 1.140.2.2 ktrsyscall "%s(" / ktrsysret "%s "
    assert lines([rec(1, call(A, code, 3)), rec(2, ret(A, code, retval=0))]) == [
        H2 + f"CALL  {name}(3)", H2 + f"RET   {name} 0"]


def test_native_table_bound_is_sys_maxsyscall() -> None:
    # SYS_MAXSYSCALL 505: the "# filler" entries up to SYS_NSYSENT (512) are
    # beyond kdump's bound and print as [N]
    nb = emul.emulation("netbsd")
    assert len(nb.netbsd_names) == 505
    assert lines([rec(1, call(A, 505, 1)), rec(2, ret(A, 511))]) == [
        H2 + "CALL  [505](1)", H2 + "RET   [511] 0"]


def test_compat_names_with_numeric_flag() -> None:
    # -N prints every code as [N], names or not
    assert lines([rec(1, call(A, 440, 3))], numeric=1) == [H2 + "CALL  [440](3)"]


# --- strerror texts ----------------------------------------------------------
@pytest.mark.parametrize("error, text", [
    (2, "No such file or directory"),
    (42, "Protocol option not available"),      # errno.h 1.32 said "Protocol not available"
    (87, "Operation canceled"),                 # errlist.c 1.18 said "Operation Canceled"
    (93, "Attribute not found"),
    (94, "Multihop attempted "),                # errno.h's blank after "*/" stays
    (95, "Link has been severed"),
    (96, "Protocol error"),
    (97, "Unknown error: 97"),                  # beyond sys_nerr (ELAST 96 + 1)
    (9999, "Unknown error: 9999"),
])
def test_strerror_texts(error: int, text: str) -> None:
    # 1.140.2.2 eprint: "-1 errno %d %s", strerror(error)
    assert lines([rec(2, ret(A, 3, error=error))]) == [
        H2 + f"RET   read -1 errno {error} {text}"]


@pytest.mark.parametrize("error, shown", [
    (-4, 4294967292), (-5, 4294967291), (-1, 4294967295), (-2**31, 2**31)])
def test_unknown_negative_errors_are_unsigned(error: int, shown: int) -> None:
    # strerror_r.c 1.2.50.1: "Unknown error: %u" of (unsigned int)num; -2 and
    # -3 are JUSTRETURN/RESTART and never reach strerror
    assert lines([rec(2, ret(A, 3, error=error))]) == [
        H2 + f"RET   read -1 errno {error} Unknown error: {shown}"]
    assert lines([rec(2, ret(A, 3, error=error))], plain=1) == [
        H2 + f"RET   read -1 errno {error}"]


def test_linux_errors_in_netbsd_face_use_the_netbsd_texts() -> None:
    # setemul.c's linux errnomap (linux_errno.c 1.13.44.1): first index whose
    # entry equals the recorded value, printed with NetBSD's strerror(index)
    recs = [rec(7, b"linux"), rec(1, call(A, 0, 3)),
            rec(2, ret(A, 0, error=-92, retval=-92)),    # ENOPROTOOPT -> 42
            rec(2, ret(A, 0, error=-71, retval=-71)),    # EPROTO -> 96
            rec(2, ret(A, 0, error=-72, retval=-72)),    # EMULTIHOP -> 94
            rec(2, ret(A, 0, error=-61, retval=-61)),    # ENODATA -> 89
            rec(2, ret(A, 0, error=-130, retval=-130))]  # EOWNERDEAD: no entry
    assert lines(recs, netbsd=True)[2:] == [
        H2 + "RET   read -1 errno -92 Protocol option not available",
        H2 + "RET   read -1 errno -71 Protocol error",
        H2 + "RET   read -1 errno -72 Multihop attempted ",
        H2 + "RET   read -1 errno -61 No message available",
        H2 + "RET   read -1 unknown errno -130"]
    # the default face prints Linux's own names and texts
    default = lines(recs)[2:]
    assert default[0].startswith(H2 + "RET   read -1 errno 92 ENOPROTOOPT ")
    assert default[1] == H2 + "RET   read -1 errno 71 EPROTO Protocol error"


# --- siginfo code names per kdump revision ----------------------------------
def _trap_lines(abi, version: int, code: int) -> str:
    lay = Layouts.get(abi)
    si = siginfo(abi, 5, code, lay.si_fault.pack(0x1000, 1, 0, 0))
    return lines([rec(5, psig(abi, 5, 0, siginfo=si), version=version)], abi)[0]


@pytest.mark.parametrize("code, name", [(1, "TRAP_BRKPT"), (2, "TRAP_TRACE"),
                                        (3, "TRAP_EXEC"), (8, "TRAP_SCX")])
def test_sigtrap_codes_rev140(code: int, name: str) -> None:
    # 1.140.2.2: siginfo.h of NetBSD 10 names TRAP_BRKPT..TRAP_SCX (1..8)
    assert _trap_lines(A, 2, code) == (
        H2 + f"PSIG  SIGTRAP SIG_DFL: code={name}, addr=0x1000, trap=1)")


@pytest.mark.parametrize("abi, version, head", [(A, 1, H2), (A, 0, H0),
                                                (I386_TIME32, 0, H0)])
@pytest.mark.parametrize("code, name", [(1, "TRAP_BRKPT"), (2, "TRAP_TRACE"),
                                        (3, "[3]"), (8, "[8]")])
def test_sigtrap_codes_older_kdumps(abi, version: int, head: str, code: int,
                                    name: str) -> None:
    # 1.115.2.1 (v0/v1) and 1.93.2.1 (44-byte i386): built with a siginfo.h
    # that knows TRAP_BRKPT and TRAP_TRACE only (1.14.20.1, 2006)
    assert _trap_lines(abi, version, code) == (
        head + f"PSIG  SIGTRAP SIG_DFL: code={name}, addr=0x1000, trap=1)")


def test_every_named_call_has_a_netbsd_prototype() -> None:
    """--decode types every call the name table names (the indirections
    syscall and __syscall aside, and the unnamed "#N (...)" slots)."""
    from ktrace.dump._netbsd_protos import NETBSD_PROTOS
    from ktrace.emul._netbsd_syscalls import NETBSD_NAMES
    missing = [n for n in NETBSD_NAMES if not n.startswith("#")
               and n not in ("syscall", "__syscall") and n not in NETBSD_PROTOS]
    assert missing == []
