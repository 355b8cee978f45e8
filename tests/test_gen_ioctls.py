"""scripts/gen_ioctls.py: header lines to request values, as mkioctls and
the C compiler would compute them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ktrace.dump._ioctl_names import LINUX_IOCTLS, NETBSD_IOCTLS

spec = importlib.util.spec_from_file_location(
    "gen_ioctls", Path(__file__).parents[1] / "scripts" / "gen_ioctls.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def test_netbsd_lines_and_conditionals() -> None:
    text = """#ifndef _X_H_
#define _X_H_
#ifdef USE_OLD_TTY
# define TIOCGETD\t_IOR('t', 0, int)
#else
# define OTIOCGETD\t_IOR('t', 0, int)
#endif
#define\tTIOCHPCL\t_IO('t', 2)
#define\tTIOCSETN\t_IOW('t',10,struct sgttyb)/* comment */
#define\t\tUIOCCMD(n)\t_IO('u', n)
#define\tTCSETS2\t_IOW('T', 0x2B, int)
#endif
"""
    assert gen.netbsd_requests(text, "x.h") == [
        ("OTIOCGETD", 0x40047400), ("TIOCSETN", 0x8006740a)]


def test_unknown_type_stops_the_generator() -> None:
    with pytest.raises(SystemExit, match="struct nosuch"):
        gen.netbsd_requests("#define A _IOR('a', 1, struct nosuch)\n", "a.h")


def test_linux_lines() -> None:
    consts: dict[str, int] = {}
    text = """#define TCGETS\t\t0x5401
#define TIOCINQ\t\tFIONREAD
#define TIOCPKT_DATA\t 0
#define SOCK_IOC_TYPE\t0x89
#define SIOCGSTAMP_NEW\t _IOR(SOCK_IOC_TYPE, 0x06, long long[2])
#define TIOCGPTN\t_IOR('T', 0x30, unsigned int) /* Get Pty Number */
#define TIOCGPTPEER\t_IO('T', 0x41) /* Safely open the slave */
"""
    assert gen.linux_requests(text, "l.h", consts) == [
        ("TCGETS", 0x5401), ("SIOCGSTAMP_NEW", 0x80108906),
        ("TIOCGPTN", 0x80045430), ("TIOCGPTPEER", 0x5441)]


def test_committed_tables() -> None:
    assert NETBSD_IOCTLS[0x40087468] == "TIOCGWINSZ"
    assert "TIOCCBRK" not in NETBSD_IOCTLS.values()
    assert LINUX_IOCTLS[0x5401] == "TCGETS"
    assert LINUX_IOCTLS[0x541B] == "FIONREAD"     # not its alias TIOCINQ
    assert LINUX_IOCTLS[0x8906] == "SIOCGSTAMP"


def test_if_expressions() -> None:
    # dkio.h: ODIOC*DINFO exist only in a kernel with an old disklabel
    text = """#if defined(__HAVE_OLD_DISKLABEL) && defined(_KERNEL)
#define ODIOCGDINFO\t_IOR('d', 101, struct olddisklabel)
#endif
#if defined(_NETBSD_SOURCE) || defined(_SYS_IOCTL_H_)
#define DIOCCLRLABEL\t_IO('d', 115)
#endif
#if HAVE_NBTOOL_CONFIG_H
#define DIOCX\t_IO('d', 1)
#endif
#if !defined(_KERNEL) /* user space */
#define DIOCBSFLUSH\t_IO('d', 120)
#endif
"""
    assert gen.netbsd_requests(text, "d.h") == [
        ("DIOCCLRLABEL", 0x20006473), ("DIOCBSFLUSH", 0x20006478)]
    with pytest.raises(SystemExit, match="elif"):
        gen.netbsd_requests("#if A\n#elif B\n#endif\n", "e.h")


def test_mkioctls_keep_list() -> None:
    # SIOCSLOWAT and TUNSLMODE are in mkioctls' keep list: never named
    text = """#define\tSIOCSLOWAT\t _IOW('s',  2, int)
#define\tSIOCGLOWAT\t _IOR('s',  3, int)
#define\tTUNSLMODE\t_IOW('t', 87, int)
"""
    assert gen.netbsd_requests(text, "s.h") == [("SIOCGLOWAT", 0x40047303)]


def test_committed_netbsd_device_tables() -> None:
    """Values worked out by hand from the headers, not from the generator:
    _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    | group << 8 | num, IOC_OUT 0x40000000, IOC_IN 0x80000000."""
    want = {
        # sys/sockio.h 1.40: struct ifconf is int + pad + pointer = 16
        0xc0106926: "SIOCGIFCONF",      # _IOWR('i', 38, struct ifconf)
        # struct ifreq (net/if.h 1.304) is char[16] + a union holding a
        # struct sockaddr_storage (128 bytes, 8-aligned): 144 = 0x90 on
        # amd64 (the 40 of older ifreqs without ifru_space is gone)
        0xc0906911: "SIOCGIFFLAGS",     # _IOWR('i', 17, struct ifreq)
        0x80906910: "SIOCSIFFLAGS",     # _IOW('i', 16, struct ifreq)
        0xc090697e: "SIOCGIFMTU",       # _IOWR('i', 126, struct ifreq)
        0xc0906921: "SIOCGIFADDR",      # _IOWR('i', 33, struct ifreq)
        # struct ifaliasreq: char[16] + 3 struct sockaddr (16) = 64
        0x8040691a: "SIOCAIFADDR",      # _IOW('i', 26, struct ifaliasreq)
        # struct ifmediareq: char[16], 5 int, pad to 40, int * = 48
        0xc0306938: "SIOCGIFMEDIA",     # _IOWR('i', 56, struct ifmediareq)
        # struct if_laddrreq: char[16], 2 u_int, 2 sockaddr_storage = 280
        0xc118691d: "SIOCGLIFADDR",     # _IOWR('i', 29, struct if_laddrreq)
        # struct ortentry (net/route.h): 4 + 2*16 + 2*2 + 4, pad, 8 = 56
        0x8038720a: "SIOCADDRT",        # _IOW('r', 10, struct ortentry)
        0x40047307: "SIOCATMARK",       # _IOR('s', 7, int)
        # sys/dkio.h 1.26: struct disklabel (sys/disklabel.h 1.127) is 148
        # bytes up to d_partitions, 16 partitions of 16 bytes on amd64 =
        # 404, padded to 8 (its d_un union holds pointers): 408 = 0x198
        0x41986465: "DIOCGDINFO",       # _IOR('d', 101, struct disklabel)
        0x81986466: "DIOCSDINFO",       # _IOW('d', 102, struct disklabel)
        0x81986467: "DIOCWDINFO",       # _IOW('d', 103, struct disklabel)
        0x41986472: "DIOCGDEFLABEL",    # _IOR('d', 114, struct disklabel)
        # struct dkwedge_info (sys/disk.h): 16 + 128 + 16 + 8 + 8 + 32 = 208
        0x40d0647a: "DIOCGWEDGEINFO",   # _IOR('d', 122, struct dkwedge_info)
        0x40086484: "DIOCGMEDIASIZE",   # _IOR('d', 132, off_t)
        0x40046485: "DIOCGSECTORSIZE",  # _IOR('d', 133, u_int)
        0x80046476: "DIOCCACHESYNC",    # _IOW('d', 118, int)
        # sys/mtio.h: struct mtop is short + pad + int32_t = 8
        0x80086d01: "MTIOCTOP",         # _IOW('m', 1, struct mtop)
        0x40386d02: "MTIOCGET",         # _IOR('m', 2, struct mtget): 56
        # sys/audioio.h: struct audio_info = 2 * 56 + 6 * 4 = 136 = 0x88
        0x40884115: "AUDIO_GETINFO",    # _IOR('A', 21, struct audio_info)
        0xc0884116: "AUDIO_SETINFO",    # _IOWR('A', 22, struct audio_info)
        0x20004117: "AUDIO_DRAIN",      # _IO('A', 23)
        # sys/drvctlio.h: struct plistref is void * + size_t = 16
        0xc010447d: "DRVCTLCOMMAND",    # _IOWR('D', 125, struct plistref)
        # sys/fdio.h: struct fdformat_parms is 10 unsigned int = 40
        0x40286475: "FDIOCGETFORMAT",   # _IOR('d', 117, ...)
        # net/if_tun.h
        0x8004745a: "TUNSDEBUG",        # _IOW('t', 90, int)
    }
    for value, name in want.items():
        assert NETBSD_IOCTLS.get(value) == name, (hex(value), name)
    # mkioctls' keep list: SIOCSLOWAT (_IOW('s', 2, int)) and TUNSLMODE
    # (_IOW('t', 87, int)) are left out of ioctlname()
    assert 0x80047302 not in NETBSD_IOCTLS
    assert 0x80047457 not in NETBSD_IOCTLS
    # a kernel-only request (dkio.h: #ifdef _KERNEL DIOCGPARTINFO) is not named
    assert "DIOCGPARTINFO" not in NETBSD_IOCTLS.values()
