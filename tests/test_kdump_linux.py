"""The two faces on linux/linux32 records as pyktrace writes them.

``--netbsd`` follows kdump.c 1.140.2.2 with setemul.c's linux tables
(NetBSD's compat names, the first-match ``native_to_linux_errno[]`` search,
``linux_to_native_signo[]``); the default face prints Linux's names and
errno, and tells RESTART/JUSTRETURN apart through ``retval`` (design §4).
"""

from __future__ import annotations

from ktrace.format import AMD64, I386

from test_kdump_golden import H2, call, lines, rec, ret

# Linux x86-64 numbers
L_read, L_open, L_stat, L_shmget, L_execve = 0, 2, 4, 29, 59
L_kill, L_exit_group, L_ioctl, L_fcntl = 62, 231, 16, 72


def both(records, abi=AMD64, **kw):
    return (lines(records, abi, netbsd=True, **kw),
            lines(records, abi, **kw))


EMUL = rec(7, b"linux")


def test_names_per_face() -> None:
    recs = [EMUL, rec(1, call(AMD64, L_stat, 0x1000, 0x2000)),
            rec(1, call(AMD64, L_shmget, 1, 2, 3)),
            rec(1, call(AMD64, 500, 1))]
    netbsd, default = both(recs)
    assert netbsd[1:] == [H2 + "CALL  stat64(0x1000,0x2000)",
                          H2 + "CALL  #29 (unimplemented shmget)(1,2,3)",
                          H2 + "CALL  [500](1)"]
    assert default[1:] == [H2 + "CALL  stat(0x1000,0x2000)",
                           H2 + "CALL  shmget(1,2,3)",
                           H2 + "CALL  [500](1)"]


def test_errors_per_face() -> None:
    # a CALL first: the RET right after an EMUL record is named with the
    # previous emulation
    recs = [EMUL, rec(1, call(AMD64, L_open, 0x1000, 0)),
            rec(2, ret(AMD64, L_open, error=-2, retval=-2)),
            rec(2, ret(AMD64, L_read, error=-3, retval=-512)),
            rec(2, ret(AMD64, L_read, error=-3, retval=-3)),
            rec(2, ret(AMD64, L_read, error=-4, retval=-4)),
            rec(2, ret(AMD64, L_read, error=-200, retval=-200))]
    netbsd, default = both(recs)
    assert netbsd[2:] == [
        H2 + "RET   open -1 errno -2 No such file or directory",
        H2 + "RET   read -1 errno -3 No such process",
        H2 + "RET   read -1 errno -3 No such process",
        H2 + "RET   read -1 errno -4 Interrupted system call",
        H2 + "RET   read -1 unknown errno -200"]
    assert default[2:] == [
        H2 + "RET   open -1 errno 2 ENOENT No such file or directory",
        H2 + "RET   read RESTART",
        H2 + "RET   read -1 errno 3 ESRCH No such process",
        H2 + "RET   read -1 errno 4 EINTR Interrupted system call",
        H2 + "RET   read -1 unknown errno -200"]
    assert lines(recs[:3], plain=1)[2] == H2 + "RET   open -1 errno 2"


def test_execve_justreturn_named_with_previous_emulation() -> None:
    # kdump names the RET after an EMUL record with prev_emul (netbsd here)
    recs = [rec(1, call(AMD64, 59, 0x1000, 0x2000, 0x3000)),
            rec(3, b"/bin/true"), EMUL,
            rec(2, ret(AMD64, L_execve, error=-2, retval=0))]
    netbsd, default = both(recs)
    assert netbsd == [H2 + "CALL  execve(0x1000,0x2000,0x3000)",
                      H2 + 'NAMI  "/bin/true"', H2 + 'EMUL  "linux"',
                      H2 + "RET   execve -1 errno -2 No such file or directory"]
    assert default[3] == H2 + "RET   execve JUSTRETURN"


def test_kill_signal_translation() -> None:
    recs = [EMUL, rec(1, call(AMD64, L_kill, 5, 10)),
            rec(1, call(AMD64, L_kill, 5, 16))]
    netbsd, default = both(recs)
    assert netbsd[1:] == [H2 + "CALL  kill(5, SIGUSR1)",
                          H2 + "CALL  kill(5, SIGSignal 0)"]
    assert default[1:] == [H2 + "CALL  kill(5, SIGUSR1)",
                           H2 + "CALL  kill(5, SIGSTKFLT)"]


def test_fcntl_and_ioctl_values_per_face() -> None:
    recs = [EMUL, rec(1, call(AMD64, L_fcntl, 3, 2, 1)),
            rec(1, call(AMD64, L_ioctl, 1, 0x5401, 0x1000))]
    netbsd, default = both(recs)
    # NetBSD's F_SETFD is 2 as Linux's; Linux TCGETS has no NetBSD dir bits
    assert netbsd[1:] == [H2 + "CALL  fcntl(3,F_SETFD,1)",
                          H2 + "CALL  ioctl(1,_IO('T',0x1,0),0x1000)"]
    assert default[1:] == [H2 + "CALL  fcntl(3,F_SETFD,1)",
                           H2 + "CALL  ioctl(1,TCGETS,0x1000)"]


def test_ioctl_linux_names_in_default_face() -> None:
    """Linux's uapi names (asm-generic/ioctls.h, sockios.h) in the default
    face; --netbsd keeps kdump's ioctlname() (kdump.c 1.140.2.2 looks it up
    whatever the emulation) and ioctldecode()."""
    reqs = [0x541B, 0x5413, 0x80045430, 0x8912, 0x40045431, 0x5499]
    recs = [EMUL] + [rec(1, call(AMD64, L_ioctl, 3, q, 0x1000)) for q in reqs]
    netbsd, default = both(recs)
    assert default[1:] == [H2 + "CALL  ioctl(3,%s,0x1000)" % n for n in (
        "FIONREAD", "TIOCGWINSZ", "TIOCGPTN", "SIOCGIFCONF", "TIOCSPTLCK",
        "_IO('T',0x99)")]
    # Linux's _IOR('T',0x30,unsigned int) has NetBSD's IOC_IN bit: _IOW
    assert netbsd[1:] == [H2 + "CALL  ioctl(3,%s,0x1000)" % n for n in (
        "_IO('T',0x1b,0)", "_IO('T',0x13,0)", "_IOW('T',0x30,0x4)",
        "_IO(0x89,0x12,0)", "_IOR('T',0x31,0x4)", "_IO('T',0x99,0)")]


def test_ioctl_linux32_names() -> None:
    # linux32: arguments are 32-bit; TIOCGWINSZ is 0x5413 there too
    recs = [rec(7, b"linux32"), rec(1, call(I386, 54, 1, 0x5413, 0xffd0))]
    assert both(recs, I386)[1][1:] == [H2 + "CALL  ioctl(1,TIOCGWINSZ,0xffd0)"]


def test_exit_group_forgets_the_emulation() -> None:
    # ectx_delete(): the pid's next record is read with the default (netbsd)
    recs = [EMUL, rec(1, call(AMD64, L_exit_group, 0)),
            rec(1, call(AMD64, 3, 7))]
    assert both(recs)[0][1:] == [H2 + "CALL  exit_group(0)",
                                 H2 + "CALL  read(7)"]


def test_linux32_names_of_netbsd10() -> None:
    # linux32_syscalls.c 1.88 (names of NetBSD 10's 1.87): everyday 32-bit
    # calls that the 2010 table printed as "#295 (unimplemented openat)"
    recs = [rec(7, b"linux32"),
            rec(1, call(I386, 295, -100, 0xffd0, 0x80000, 0)),
            rec(2, ret(I386, 295, retval=3)),
            rec(1, call(I386, 300, -100, 0xffd0, 0xffe0, 0x100)),
            rec(1, call(I386, 331, 0xffd8, 0x80000)),
            rec(2, ret(I386, 331, error=-24, retval=-24)),
            rec(1, call(I386, 311, 0xf7f0, 12)),
            rec(1, call(I386, 329, 0x80000)),
            rec(1, call(I386, 351, 1))]
    netbsd, default = both(recs, I386)
    assert netbsd[1:] == [
        H2 + "CALL  openat(0xffffff9c,0xffd0,0x80000,0)",
        H2 + "RET   openat 3",
        H2 + "CALL  fstatat64(0xffffff9c,0xffd0,0xffe0,0x100)",
        H2 + "CALL  pipe2(0xffd8,0x80000)",
        H2 + "RET   pipe2 -1 errno -24 Too many open files",
        H2 + "CALL  netbsd32___futex_set_robust_list(0xf7f0,0xc)",
        H2 + "CALL  #329 (unimplemented epoll_create1)(0x80000)",
        H2 + "CALL  [351](1)"]
    assert default[1:6] == [
        H2 + "CALL  openat(0xffffff9c,0xffd0,0x80000,0)",
        H2 + "RET   openat 3",
        H2 + "CALL  fstatat64(0xffffff9c,0xffd0,0xffe0,0x100)",
        H2 + "CALL  pipe2(0xffd8,0x80000)",
        H2 + "RET   pipe2 -1 errno 24 EMFILE Too many open files"]


def test_linux_names_of_newer_tables() -> None:
    # linux_syscalls.c 1.88 (syscalls.master 1.78): calls NetBSD implements
    # for Linux binaries now; 40 sendfile is still unimplemented there
    recs = [EMUL, rec(1, call(AMD64, 254, 3, 0x1000, 0x2)),
            rec(1, call(AMD64, 302, 0, 7, 0, 0x1000)),
            rec(1, call(AMD64, 332, -100, 0x1000, 0, 0xfff, 0x2000)),
            rec(1, call(AMD64, 441, 4, 0x1000, 8, 0, 0)),
            rec(1, call(AMD64, 40, 1, 2, 0, 10)),
            rec(1, call(AMD64, 314, 0)),
            rec(1, call(AMD64, 452, 1))]
    netbsd, default = both(recs)
    assert netbsd[1:] == [
        H2 + "CALL  inotify_add_watch(3,0x1000,2)",
        H2 + "CALL  prlimit64(0,7,0,0x1000)",
        H2 + "CALL  statx(0xffffffffffffff9c,0x1000,0,0xfff,0x2000)",
        H2 + "CALL  epoll_pwait2(4,0x1000,8,0,0)",
        H2 + "CALL  #40 (unimplemented sendfile)(1,2,0,0xa)",
        H2 + "CALL  #314 (unimplemented sched_setattr)(0)",
        H2 + "CALL  [452](1)"]
    assert default[5] == H2 + "CALL  sendfile(1,2,0,0xa)"


def test_linux32_prints_u_int() -> None:
    # EMUL_FLAG_NETBSD32: output_long prints (u_int) with %#x / %d
    recs = [rec(7, b"linux32"), rec(1, call(I386, 4, 1, -1, 12))]
    netbsd, default = both(recs, I386)
    assert netbsd[1] == H2 + "CALL  netbsd32_write(1,0xffffffff,0xc)"
    assert default[1] == H2 + "CALL  write(1,0xffffffff,0xc)"
    assert lines(recs, I386, decimal=True)[1] == H2 + "CALL  write(1,-1,12)"
