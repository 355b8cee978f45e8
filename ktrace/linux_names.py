"""Linux's own syscall names per architecture, for the tracer and pykdump.

python-ptrace's tables (frozen into ``_linux_host`` by scripts/gen_tables.py)
end with Linux 2.6.21 on i386 and before the y2038 and newer calls on both
architectures; the calls added since (numbers from the kernel's
``arch/x86/entry/syscalls/syscall_{32,64}.tbl``) complete them here, so that
the tracer and pykdump's default face know the same names.
"""

from __future__ import annotations

from ktrace.emul._linux_host import I386_NAMES as _PTRACE_I386
from ktrace.emul._linux_host import X86_64_NAMES as _PTRACE_X86_64

I386_EXTRA = dict(enumerate((
    "utimensat", "signalfd", "timerfd_create", "eventfd", "fallocate",
    "timerfd_settime", "timerfd_gettime", "signalfd4", "eventfd2",
    "epoll_create1", "dup3", "pipe2", "inotify_init1", "preadv", "pwritev",
    "rt_tgsigqueueinfo", "perf_event_open", "recvmmsg", "fanotify_init",
    "fanotify_mark", "prlimit64", "name_to_handle_at", "open_by_handle_at",
    "clock_adjtime", "syncfs", "sendmmsg", "setns", "process_vm_readv",
    "process_vm_writev", "kcmp", "finit_module", "sched_setattr",
    "sched_getattr", "renameat2", "seccomp", "getrandom", "memfd_create",
    "bpf", "execveat", "socket", "socketpair", "bind", "connect", "listen",
    "accept4", "getsockopt", "setsockopt", "getsockname", "getpeername",
    "sendto", "sendmsg", "recvfrom", "recvmsg", "shutdown", "userfaultfd",
    "membarrier", "mlock2", "copy_file_range", "preadv2", "pwritev2",
    "pkey_mprotect", "pkey_alloc", "pkey_free", "statx", "arch_prctl",
    "io_pgetevents", "rseq"), start=320))
# common to both architectures from 403 on (y2038 and newer calls)
COMMON_NEW = {
    424: "pidfd_send_signal", 425: "io_uring_setup", 426: "io_uring_enter",
    427: "io_uring_register", 428: "open_tree", 429: "move_mount",
    430: "fsopen", 431: "fsconfig", 432: "fsmount", 433: "fspick",
    434: "pidfd_open", 435: "clone3", 436: "close_range", 437: "openat2",
    438: "pidfd_getfd", 439: "faccessat2", 440: "process_madvise",
    441: "epoll_pwait2", 442: "mount_setattr", 443: "quotactl_fd",
    444: "landlock_create_ruleset", 445: "landlock_add_rule",
    446: "landlock_restrict_self", 447: "memfd_secret",
    448: "process_mrelease", 449: "futex_waitv", 450: "set_mempolicy_home_node",
    451: "cachestat", 452: "fchmodat2",
}
I386_Y2038 = {
    403: "clock_gettime64", 404: "clock_settime64", 405: "clock_adjtime64",
    406: "clock_getres_time64", 407: "clock_nanosleep_time64",
    408: "timer_gettime64", 409: "timer_settime64", 410: "timerfd_gettime64",
    411: "timerfd_settime64", 412: "utimensat_time64", 413: "pselect6_time64",
    414: "ppoll_time64", 416: "io_pgetevents_time64", 417: "recvmmsg_time64",
    418: "mq_timedsend_time64", 419: "mq_timedreceive_time64",
    420: "semtimedop_time64", 421: "rt_sigtimedwait_time64",
    422: "futex_time64", 423: "sched_rr_get_interval_time64",
}

# argument counts for calls python-ptrace has no prototype for


#: x86-64 (python-ptrace's table also lists x32's 512-547: not ours)
X86_64: dict[int, str] = {
    **{nr: n for nr, n in _PTRACE_X86_64.items() if nr < 512}, **COMMON_NEW}
I386: dict[int, str] = {**_PTRACE_I386, **I386_EXTRA, **I386_Y2038, **COMMON_NEW}
