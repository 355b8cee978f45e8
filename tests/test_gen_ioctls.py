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
