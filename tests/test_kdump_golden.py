"""Golden lines for every record type, per ABI and kdump revision.

Traces are built with :class:`ktrace.tracefile.Writer`; each expected line
is written out by hand from the printf formats of NetBSD's
``usr.bin/kdump/kdump.c`` -- the revision is named on each test:
1.140.2.2 for version 2 records, 1.115.2.1 for version 0/1 records,
1.93.2.1 for 44-byte i386 (32-bit ``time_t``) headers.
"""

from __future__ import annotations

import io
import struct

import pytest

from ktrace.format import ABIS, AMD64, I386, I386_TIME32, Abi, Layouts
from ktrace.tracefile import Record, Writer
from ktrace.dump.face import Options
from ktrace.dump.run import dump

pytest.importorskip("ktrace.emul")

# NetBSD native syscall numbers (sys/kern/syscalls.master)
SYS_exit, SYS_read, SYS_write, SYS_open, SYS_close = 1, 3, 4, 5, 6
SYS_kill, SYS_ioctl, SYS_execve = 37, 54, 59
SYS_mprotect, SYS_fcntl, SYS_mmap = 74, 92, 197


def rec(ktype: int, payload: bytes, version: int = 2, pid: int = 1234,
        lid: int = 1, comm: bytes = b"cat", sec: int = 1700000000,
        frac: int = 5) -> Record:
    return Record(ktype, version, pid, lid, comm.ljust(17, b"\0"), sec, frac,
                  payload)


def trace(records: list[Record], abi: Abi = AMD64) -> bytes:
    f = io.BytesIO()
    w = Writer(f, abi)
    for r in records:
        w.write(r)
    return f.getvalue()


def run(data: bytes, **kw) -> tuple[int, str, str]:
    """Dump ``data``; returns (status, stdout, stderr)."""
    abi = kw.pop("abi", None)
    opts = Options(**kw)
    out, err = io.BytesIO(), io.StringIO()
    status = dump(io.BytesIO(data), out, opts, "t.out", abi=abi, err=err)
    return status, out.getvalue().decode("latin-1"), err.getvalue()


def lines(records: list[Record], abi: Abi = AMD64, **kw) -> list[str]:
    status, out, err = run(trace(records, abi), **kw)
    assert status == 0, err
    return out.splitlines()


def call(abi: Abi, code: int, *args: int) -> bytes:
    lay = Layouts.get(abi)
    regs = b"".join(lay.register.pack(a) for a in args)
    return lay.syscall.pack(code, len(regs)) + regs


def ret(abi: Abi, code: int, error: int = 0, retval: int = 0,
        retval1: int = 0) -> bytes:
    return Layouts.get(abi).sysret.pack(code, 0, error, retval, retval1)


H2 = "  1234      1 cat      "          # "%6d %6d %-8.*s " (1.140.2.2)
H0 = "  1234 cat      "                 # v0: no lid column (1.115.2.1)


# --- header ---------------------------------------------------------------
def test_header_v2_pid_lid_comm_type() -> None:
    # 1.140.2.2 dumpheader: "%6d %6d " "%-8.*s " "%-4s  "
    r = rec(2, ret(AMD64, SYS_close), pid=7, lid=99,
            comm=b"averyveryverylon")
    assert lines([r]) == ["     7     99 averyveryverylon RET   close 0"]


def test_header_v0_has_no_lid_column() -> None:
    # 1.115.2.1: the lid column only for ktr_version > KTRFACv0
    assert lines([rec(2, ret(AMD64, SYS_close), version=0)]) == [
        H0 + "RET   close 0"]


def test_header_v1_has_lid() -> None:
    assert lines([rec(2, ret(AMD64, SYS_close), version=1)]) == [
        H2 + "RET   close 0"]


@pytest.mark.parametrize("name", sorted(ABIS))
def test_every_abi_reads_back(name: str) -> None:
    abi = ABIS[name]
    recs = [rec(1, call(abi, SYS_read, 3, 0x1000, 64)),
            rec(2, ret(abi, SYS_read, retval=64))]
    assert lines(recs, abi) == [
        H2 + "CALL  read(3,0x1000,0x40)",
        H2 + "RET   read 64/0x40"]


def test_timestamps_v2_absolute_elapsed_relative() -> None:
    # 1.140.2.2: -T, -E and -R combine, in that order, "%lld.%09ld "
    recs = [rec(2, ret(AMD64, SYS_close), sec=100, frac=900_000_000),
            rec(2, ret(AMD64, SYS_close), sec=101, frac=100_000_000)]
    assert lines(recs, absolute=True, elapsed=True, relative=True) == [
        H2 + "100.900000000 0.000000000 0.000000000 RET   close 0",
        H2 + "101.100000000 0.200000000 0.200000000 RET   close 0"]


def test_negative_relative_time_v2() -> None:
    # 1.140.2.2 output_ts(): "-%lld.%09ld " of the absolute value
    recs = [rec(2, ret(AMD64, SYS_close), sec=101, frac=0),
            rec(2, ret(AMD64, SYS_close), sec=100, frac=750_000_000)]
    assert lines(recs, relative=True)[1] == H2 + "-0.250000000 RET   close 0"


def test_timestamps_v0_microseconds() -> None:
    # 1.115.2.1: "%lld.%06ld " for v0; timersub() leaves a negative
    # difference as printed by %lld.%06ld
    recs = [rec(2, ret(AMD64, SYS_close), version=0, sec=101, frac=0),
            rec(2, ret(AMD64, SYS_close), version=0, sec=100, frac=750_000)]
    assert lines(recs, absolute=True) == [
        H0 + "101.000000 RET   close 0", H0 + "100.750000 RET   close 0"]
    assert lines(recs, relative=True)[1] == H0 + "-1.750000 RET   close 0"


def test_old_kdump_keeps_last_time_flag() -> None:
    # 1.115.2.1: -T sets timestamp = 1, -R timestamp = 2: the last wins
    r = [rec(2, ret(AMD64, SYS_close), version=0, sec=5, frac=1)]
    assert lines(r, absolute=True, relative=True, last_time_flag="T") == [
        H0 + "5.000001 RET   close 0"]
    assert lines(r, absolute=True, relative=True, last_time_flag="R") == [
        H0 + "0.000000 RET   close 0"]


def test_elapsed_on_old_records() -> None:
    # kdump 1.115.2.1 and 1.93.2.1 have no -E ("e:f:dlm:Nnp:RTt:xX:"):
    # --netbsd refuses it on the records those revisions read, after the
    # version 2 records before them; the default face shows elapsed times
    # in the old records' own format ("%lld.%06ld " for v0)
    v2 = rec(2, ret(AMD64, SYS_close), sec=100, frac=5)
    old = [rec(2, ret(AMD64, SYS_close), version=0, sec=100, frac=900_000),
           rec(2, ret(AMD64, SYS_close), version=0, sec=101, frac=100_000)]
    assert lines(old, elapsed=True) == [
        H0 + "0.000000 RET   close 0", H0 + "0.200000 RET   close 0"]
    status, out, err = run(trace([v2] + old), netbsd=True, elapsed=True)
    assert (status, out) == (1, H2 + "0.000000000 RET   close 0\n")
    assert err == ("pykdump: t.out: version 0 record at offset 80: kdump "
                   "1.115.2.1, which reads it, has no -E (leave out --netbsd "
                   "for elapsed times)\n")
    v1 = [rec(2, ret(AMD64, SYS_close), version=1)]
    status, out, err = run(trace(v1), netbsd=True, elapsed=True)
    assert (status, out) == (1, "") and "version 1 record at offset 0" in err
    t32 = [rec(2, ret(I386_TIME32, SYS_close), version=0)]
    status, out, err = run(trace(t32, I386_TIME32), netbsd=True, elapsed=True)
    assert (status, out) == (1, "")
    assert "44-byte header at offset 0: kdump 1.93.2.1" in err
    # without -E the old records print as before
    assert run(trace(v1), netbsd=True, absolute=True)[0] == 0
    # the modes beyond kdump show no timestamp column: -E is no error there
    for mode in ("decode", "summary", "json"):
        err = io.StringIO()
        assert dump(io.BytesIO(trace(v1)), io.BytesIO(),
                    Options(netbsd=True, elapsed=True), "t.out", err=err,
                    mode=mode) == 0, (mode, err.getvalue())


# --- CALL -------------------------------------------------------------------
def test_call_output_long_small_and_hex() -> None:
    # output_long(*ap, !(decimal || small(*ap))); "%#lx"; negative as u_long
    r = rec(1, call(AMD64, SYS_write, 1, 0x7F00, 9, 10, -1, 0))
    assert lines([r]) == [
        H2 + "CALL  write(1,0x7f00,9,0xa,0xffffffffffffffff,0)"]
    assert lines([r], decimal=True) == [H2 + "CALL  write(1,32512,9,10,-1,0)"]


def test_call_without_args_and_numeric() -> None:
    assert lines([rec(1, call(AMD64, 20))], numeric=1) == [H2 + "CALL  [20]"]
    assert lines([rec(1, call(AMD64, 100000, 1))]) == [
        H2 + "CALL  [100000](1)"]


def test_call_i386_registers() -> None:
    r = rec(1, call(I386, SYS_write, 1, -1))
    assert lines([r], I386) == [H2 + "CALL  write(1,0xffffffff)"]


def test_call_ioctl_named() -> None:
    # ioctlname(): TIOCGWINSZ is _IOR('t', 104, struct winsize)
    r = rec(1, call(AMD64, SYS_ioctl, 0, 0x40087468, 0x7ffe0000))
    assert lines([r]) == [H2 + "CALL  ioctl(0,TIOCGWINSZ,0x7ffe0000)"]


def _ioctl_lines(named: dict[int, str], fd: int, arg: int, **face) -> None:
    """Each request of ``named`` prints as given (its ``ioctlname()``, or
    what ``ioctldecode()`` makes of it), in ``ioctl(fd,REQUEST,arg)``."""
    for req, name in named.items():
        r = rec(1, call(AMD64, SYS_ioctl, fd, req, arg))
        assert lines([r], **face) == [H2 + "CALL  ioctl(%d,%s,%#x)" % (fd, name, arg)]


def test_call_ioctl_generated_names() -> None:
    # ioctlname() as mkioctls builds it from sys/ttycom.h, sys/filio.h and
    # sys/ioctl_compat.h, sizes of NetBSD/amd64 (kdump.c 1.140.2.2)
    named = {0x48087446: "TIOCPTMGET",      # _IOR('t', 70, struct ptmget)
             0xc008667a: "FIOGETBMAP",      # _IOWR('f', 122, daddr_t)
             0xc004667a: "OFIOGETBMAP",     # _IOWR('f', 122, uint32_t)
             0x40207442: "TIOCGLINED",      # _IOR('t', 66, linedn_t)
             0x40067408: "TIOCGETP",        # _IOR('t', 8, struct sgttyb)
             0x20007462: "OTIOCCONS",       # _IO('t', 98)
             0x4004667f: "FIONREAD"}
    _ioctl_lines(named, 0, 0x7ffe0000)
    # names mkioctls leaves out: TIOCCBRK is decoded; TIOCHPCL's value
    # (_IO('t', 2)) is dev/usb/utoppy.h's UTOPPYIOCANCEL, as in mkioctls
    for req, text in ((0x2000747a, "_IO('t',0x7a)"), (0x20007402, "UTOPPYIOCANCEL")):
        r = rec(1, call(AMD64, SYS_ioctl, 0, req))
        assert lines([r]) == [H2 + "CALL  ioctl(0,%s)" % text]


def test_call_ioctl_device_headers() -> None:
    # ioctlname() from sys/sockio.h 1.40, sys/dkio.h 1.26, sys/audioio.h 1.40
    # (kdump.c 1.140.2.2 prints "%s" for a known request), on a native
    # netbsd trace, where the --netbsd and default faces are the same
    named = {0xc0106926: "SIOCGIFCONF",     # _IOWR('i', 38, struct ifconf)
             0xc0906911: "SIOCGIFFLAGS",    # _IOWR('i', 17, struct ifreq)
             0x41986465: "DIOCGDINFO",      # _IOR('d', 101, struct disklabel)
             0x40884115: "AUDIO_GETINFO"}   # _IOR('A', 21, struct audio_info)
    _ioctl_lines(named, 5, 0x7f7fffffe3a0, netbsd=True)
    _ioctl_lines(named, 5, 0x7f7fffffe3a0)
    # -d: the request stays a name, the other arguments go decimal
    r = rec(1, call(AMD64, SYS_ioctl, 5, 0xc0906911, 0x7f7fffffe3a0))
    assert lines([r], netbsd=True, decimal=True) == [
        H2 + "CALL  ioctl(5,SIOCGIFFLAGS,140187732534176)"]
    # SIOCSLOWAT is in mkioctls' keep list: ioctldecode() prints it
    r = rec(1, call(AMD64, SYS_ioctl, 5, 0x80047302, 0x7f7fffffe3a0))
    assert lines([r], netbsd=True) == [
        H2 + "CALL  ioctl(5,_IOW('s',0x2,0x4),0x7f7fffffe3a0)"]


def test_call_ioctl_wscons_and_disc_headers() -> None:
    # ioctlname() from dev/wscons/wsconsio.h 1.126.4.1, sys/cdio.h 1.34,
    # sys/scsiio.h 1.13 (kdump.c 1.140.2.2 prints "%s" for a known request)
    named = {0x40105741: "WSDISPLAYIO_GINFO",   # _IOR('W', 65, 4 u_int)
             0xc1045763: "WSMUXIO_LIST_DEVICES",    # _IOWR('W', 99, 260)
             0x40046304: "CDIOREADTOCHEADER",   # _IOR('c', 4, 4)
             0xc0785101: "SCIOCCOMMAND"}        # _IOWR('Q', 1, scsireq_t: 120)
    _ioctl_lines(named, 3, 0x7f7fffffe2d0, netbsd=True)
    # SCBUSIOLLSCAN is in mkioctls' keep list: the value is USB_DISCOVER
    r = rec(1, call(AMD64, SYS_ioctl, 3, 0x20005503))
    assert lines([r], netbsd=True) == [H2 + "CALL  ioctl(3,USB_DISCOVER)"]


def test_call_ioctl_usb_and_in6() -> None:
    # usbdevs(8): USB_DEVICEINFO, ioctlname() from dev/usb/usb.h 1.121.4.1
    # (_IOWR('U', 4, struct usb_device_info: 1268))
    r = rec(1, call(AMD64, SYS_ioctl, 3, 0xc4f45504, 0x7f7fffffd8a0))
    assert lines([r], netbsd=True) == [
        H2 + "CALL  ioctl(3,USB_DEVICEINFO,0x7f7fffffd8a0)"]
    # ifconfig's SIOCGIFAFLAG_IN6 (_IOWR('i', 73, struct in6_ifreq: 288)):
    # mkioctls does not name a request with a digit in its name
    r = rec(1, call(AMD64, SYS_ioctl, 5, 0xc1206949, 0x7f7fffffe3a0))
    assert lines([r], netbsd=True) == [
        H2 + "CALL  ioctl(5,_IOWR('i',0x49,0x120),0x7f7fffffe3a0)"]


def test_call_ioctl_bpf() -> None:
    # tcpdump's requests, ioctlname() from net/bpf.h 1.78.4.1
    named = {0x8090426c: "BIOCSETIF",       # _IOW('B', 108, struct ifreq)
             0x80044270: "BIOCIMMEDIATE",   # _IOW('B', 112, u_int)
             0x80104267: "BIOCSETF",        # _IOW('B', 103, bpf_program)
             0x4080426f: "BIOCGSTATS"}      # _IOR('B', 111, bpf_stat)
    _ioctl_lines(named, 4, 0x7f7fffffe4c0, netbsd=True)


def test_call_ioctl_rnd_vt_vnd_and_video() -> None:
    # ioctlname() from sys/rndio.h 1.1, dev/wscons/wsdisplay_usl_io.h 1.5,
    # dev/vndvar.h 1.33.10.3, net/if_tap.h 1.5.44.1, sys/agpio.h 1.3 and
    # sys/videoio.h 1.4.16.4.  _IOC(inout, group, num, len) = inout
    # | (len & 0x1fff) << 16 | group << 8 | num; IOC_VOID 0x20000000,
    # IOC_OUT 0x40000000, IOC_IN 0x80000000, IOC_INOUT 0xc0000000
    named = {
        # rndctl(8): _IOR('R', 101, uint32_t): 0x40000000 | 4 << 16
        # | 0x52 << 8 | 0x65
        0x40045265: "RNDGETENTCNT",
        # _IOW('R', 105, rnddata_t: 2 uint32_t + u_char[512] = 520 = 0x208)
        0x82085269: "RNDADDDATA",
        # X server: _IOR('v', 100, struct vt_stat: 3 u_short = 6)
        0x40067664: "VT_GETSTATE",
        0x20007605: "VT_ACTIVATE",      # _IO('v', 5): 0x20000000 | 0x7605
        0x20004b0a: "KDSETMODE",        # _IO('K', 10)
        # vnconfig(8): _IOWR('F', 0, struct vnd_ioctl: 8 + 4 + 16 + 4
        # + 8 = 40 = 0x28); _IOWR('F', 3, struct vnd_user: 4, pad, 8, 8 = 24)
        0xc0284600: "VNDIOCSET",
        0xc0184603: "VNDIOCGET",
        # _IOR('e', 0, struct ifreq: 144 = 0x90)
        0x40906500: "TAPGIFNAME",
        # _IOR(AGPIOC_BASE = 'A', 0, agp_info: 4 + 8, pad, 8 + 4 * 8 = 56)
        0x40384100: "AGPIOC_INFO",
        # _IOR('V', 0, struct v4l2_capability: 80 + 6 * 4 = 104 = 0x68)
        0x40685600: "VIDIOC_QUERYCAP",
        # _IOWR('V', 4, struct v4l2_format: packed, 4 + 200 = 204 = 0xcc)
        0xc0cc5604: "VIDIOC_G_FMT",
        # sys/joystick.h's JOY_GET_X_OFFSET (_IOR('J', 5, int)) is in
        # mkioctls' keep list: the value is dev/ic/icp_ioctl.h's
        # GDT_IOCTL_CTRCNT
        0x40044a05: "GDT_IOCTL_CTRCNT",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_pps_ppp_npf_cgd_and_fb() -> None:
    # ioctlname() from sys/timepps.h 1.3, net/if_ppp.h 1.15, net/if_sppp.h
    # 1.36, net/npf.h (NetBSD 10's), sys/verified_exec.h 1.59,
    # dev/cgdvar.h 1.21, dev/md.h 1.8.40.2 and dev/sun/fbio.h
    # 1.8.74.1.  _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num
    named = {
        # ntpd: _IOWR('1', 6, pps_info_t: 2 u_int32_t + 2 16-byte unions
        # + int, padded to 8 = 48 = 0x30)
        0xc0303106: "PPS_IOC_FETCH",
        0x20003101: "PPS_IOC_CREATE",   # _IO('1', 1)
        # pppd: _IOR('t', 90, int) and _IOW('t', 87, int), the value of
        # the keep list's TUNSLMODE
        0x4004745a: "PPPIOCGFLAGS",
        0x80047457: "PPPIOCSASYNCMAP",
        # pppstats: _IOWR('i', 123, struct ifpppstatsreq: 16 + 56 = 0x48)
        0xc048697b: "SIOCGPPPSTATS",
        # pppoectl: _IOW('i', 121, struct spppauthcfg: 16 + 32 + 32 = 0x50)
        0x80506979: "SPPPSETAUTHCFG",
        # npfctl: _IOR('N', 100, int); _IOWR('N', 102, nvlist_ref_t:
        # void *, size_t, int, pad = 24)
        0x40044e64: "IOC_NPF_VERSION",
        0xc0184e66: "IOC_NPF_LOAD",
        # npfctl table: _IOW('N', 103, struct npf_ioctl_table: int, pad,
        # pointer, union of 24 = 40 = 0x28)
        0x80284e67: "IOC_NPF_TABLE",
        # veriexecctl: _IOW('X', 0x1, struct plistref)
        0x80105801: "VERIEXEC_LOAD",
        # cgdconfig: _IOWR('F', 18, struct cgd_ioctl: 8 + 2 * 4 + 6 * 8 = 64)
        0xc0404612: "CGDIOCSET",
        # mdconfig: _IOW('r', 1, struct md_conf: 8 + 8 + 4, padded = 24)
        0x80187201: "MD_SETCONF",
        # X server: _IOR('F', 0, struct fbtype: 6 int = 24 = 0x18)
        0x40184600: "FBIOGTYPE",
        # if_ppp.h's PPPIOCSPASS needs PPP_FILTER, which kdump's build does
        # not define: _IOW('t', 71, struct bpf_program: 16) is decoded
        0x80107447: "_IOW('t',0x47,0x10)",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_pt_cpu_scan_srt_ofw_and_usb() -> None:
    # ioctlname() from sys/ioctl.h 1.37, sys/cpuio.h 1.10, sys/scanio.h
    # 1.2.196.1, dev/spkrio.h 1.3, net/if_srt.h 1.3.40.1,
    # dev/ofw/openfirmio.h 1.4.6.2, dev/usb/ukyopon.h 1.2, dev/usb/utoppy.h
    # 1.1.2.2 and dev/usb/urio.h 1.3.70.1.  _IOC(inout, group, num, len) =
    # inout | (len & 0x1fff) << 16 | group << 8 | num
    named = {
        # _IOW('Z', 3, struct ioctl_pt: u_long + void * = 16)
        0x80105a03: "PTIOCLINUX",
        # cpuctl: _IOR('c', 2, int); _IOWR('c', 1, cpustate_t: u_int,
        # 4 uint8_t, int32_t, char[16], int32_t, 3 uint32_t = 44 = 0x2c)
        0x40046302: "IOC_CPU_GETCOUNT",
        0xc02c6301: "IOC_CPU_GETSTATE",
        # _IOR('S', 1, struct scan_io: 80 = 0x50) and _IO('S', 3)
        0x40505301: "SCIOCGET",
        0x20005303: "SCIOCRESTART",
        # _IOW('S', 1, tone_t: 2 int)
        0x80085301: "SPKRTONE",
        # srtconfig: _IOWR('e', 1, struct srt_rt: 80 = 0x50)
        0xc0506501: "SRT_GETRT",
        # ofctl: _IOR('O', 4, int)
        0x40044f04: "OFIOCGETOPTNODE",
        # _IOR('U', 210, struct ukyopon_identify: 40 = 0x28)
        0x402855d2: "UKYOPON_IDENTIFY",
        # _IOW('t', 10, struct utoppy_writefile: pointer + 3 8-byte = 32)
        0x8020740a: "UTOPPYIOWRITEFILE",
        # _IOWR('U', 200, struct urio_command: 40)
        0xc02855c8: "URIO_SEND_COMMAND",
        # the keep list: OFIOCGET (_IOWR('O', 1, struct ofiocdesc: 32));
        # SCIOC_USE_ADF's value (_IO('S', 4)) is dev/tc/sticio.h's
        # STICIO_STARTQ, as in mkioctls; mkioctls' pattern: PTIOCSVR4
        # (_IOW('Z', 2, 16)) has a digit
        0xc0204f01: "_IOWR('O',0x1,0x20)",
        0x20005304: "STICIO_STARTQ",
        0x80105a02: "_IOW('Z',0x2,0x10)",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_oss_bktr_crypto_ccd_and_ses() -> None:
    # ioctlname() from soundcard.h 1.34 (libossaudio), dev/ic/bt8xx.h
    # 1.1.1.1, opencrypto/cryptodev.h 1.50.4.1, dev/ccdvar.h 1.37 and
    # dev/scsipi/ses.h 1.4.  _IOC(inout, group, num, len) = inout
    # | (len & 0x1fff) << 16 | group << 8 | num
    named = {
        # OSS: _IOWR('P', 2, int); _IOR('P', 12, struct audio_buf_info:
        # 4 int = 16); _IOR('X', 1, oss_sysinfo: 1248 = 0x4e0)
        0xc0045002: "SNDCTL_DSP_SPEED",
        0x4010500c: "SNDCTL_DSP_GETOSPACE",
        0x44e05801: "SNDCTL_SYSINFO",
        # bktr: _IOW('x', 3, struct meteor_geomet: 3 u_short, pad,
        # u_long = 16); _IOR('x', 71, struct bktr_remote: u_char[3])
        0x80107803: "METEORSETGEO",
        0x40037847: "REMOTE_GETKEY",
        # /dev/crypto: _IOWR('c', 112, struct session_op: 48 = 0x30)
        # and _IOWR('c', 114, struct crypt_op: 56 = 0x38)
        0xc0306370: "CIOCGSESSION",
        0xc0386372: "CIOCCRYPT",
        # ccdconfig: _IOWR('F', 16, struct ccd_ioctl: 32)
        0xc0204610: "CCDIOCSET",
        # _IO(SESIOC, 1), SESIOC = (('s' - 040) << 8) = 0x5300
        0x20530001: "SESIOC_GETNOBJ",
        # mkioctls' pattern: METEORSBT254 (_IOW('x', 17, unsigned short))
        # and BT848_SHUE (_IOW('x', 37, int)) have digits; the mixer's
        # MIXER_READ(SOUND_MIXER_VOLUME) (_IOR('M', 0, int)) is no
        # _IO line (kdump's %#x prints 0 as 0)
        0x80027811: "_IOW('x',0x11,0x2)",
        0x80047825: "_IOW('x',0x25,0x4)",
        0x40044d00: "_IOR('M',0,0x4)",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_iscsi_bluetooth_kqueue_and_small_headers() -> None:
    # ioctlname() from dev/iscsi/iscsi_ioctl.h 1.2, netbt/hci.h 1.35.12.1,
    # dev/bluetooth/btsco.h 1.2.122.1, sys/event.h 1.45,
    # fs/autofs/autofs_ioctl.h 1.1, dev/lockstat.h 1.15,
    # dev/dm/netbsd-dm.h 1.6.40.2, dev/pci/amrio.h 1.1.10.2,
    # dev/tc/sticio.h 1.4.64.1 and dev/apm/apmio.h 1.1.16.1.
    # _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num
    named = {
        # iscsid: _IOWR(0, 2, iscsi_login_parameters_t: 104 = 0x68) and
        # _IOWR(0, 10, iscsi_iocommand_parameters_t: 144 = 0x90)
        0xc0680002: "ISCSI_LOGIN",
        0xc090000a: "ISCSI_IO_COMMAND",
        # btconfig: _IOWR('b', 5, struct btreq: 56 = 0x38)
        0xc0386205: "SIOCGBTINFO",
        # _IOR('b', 16, struct btsco_info: 24)
        0x40186210: "BTSCO_GETINFO",
        # kqueue: _IOWR('k', 1, struct kfilter_mapping: 24)
        0xc0186b01: "KFILTER_BYNAME",
        # automountd: _IOR('I', 1, struct autofs_daemon_request: 1284)
        0x45044901: "AUTOFSREQUEST",
        # lockstat: _IOR('L', 2, lsdisable_t: 536 = 0x218)
        0x42184c02: "IOC_LOCKSTAT_DISABLE",
        # dmsetup: _IOWR(DM_IOCTL (0xfd), DM_IOCTL_CMD (0), plistref)
        0xc010fd00: "NETBSD_DM_IOCTL",
        # _IOR('A', 0x200, int): the number runs into the group bits
        0x40044300: "AMR_IO_VERSION",
        # _IO('S', 4): SCIOC_USE_ADF, in the keep list, has this value
        0x20005304: "STICIO_STARTQ",
        # apm: _IOWR('A', 3, struct apm_power_info: 32)
        0xc0204103: "APM_IOC_GETPOWER",
        # the keep list: APM_IOC_SUSPEND (_IO('A', 2)), sys/agpio.h's
        # value, and MBPPIOCSPARAM (_IOW('P', 1, struct mbpp_param: 12)),
        # decoded
        0x20004102: "AGPIOC_RELEASE",
        0x800c5001: "_IOW('P',0x1,0xc)",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_isp_kbio_raid_irda_hpcfb_cnw_iop_and_sun() -> None:
    # ioctlname() from dev/ic/isp_ioctl.h 1.10, dev/sun/kbio.h 1.1.10.2,
    # dev/ic/mlxio.h 1.4, dev/pci/tweio.h 1.1.8.2, dev/ir/irdaio.h 1.4,
    # dev/hpc/hpcfbio.h 1.1.2.1, dev/pcmcia/if_cnwioctl.h 1.2.8.2,
    # dev/i2o/iopio.h 1.2.4.2 and dev/sun/disklabel.h 1.1.
    # _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num
    named = {
        # ispctl: _IOR(ISP_IOC (021), 6, isp_stats_t: 136 = 0x88)
        0x40881106: "ISP_GET_STATS",
        # _IOR(ISP_IOC, 12, struct isp_hba_device: 40)
        0x4028110c: "ISP_FC_GETHINFO",
        # X11 on sun keyboards: _IOW('k', 0, int), _IOWR('k', 13, struct
        # kiockeymap: 20)
        0x80046b00: "KIOCTRANS",
        0xc0146b0d: "KIOCGKEY",
        # mlxctl: _IOWR('M', 2, struct mlx_usercommand: 48)
        0xc0304d02: "MLX_COMMAND",
        # twe: _IOWR('T', 100, struct twe_usercommand: 528 = 0x210)
        0xc2105464: "TWEIO_COMMAND",
        # _IOW('U', 107, struct twe_drivecommand: 4)
        0x8004556b: "TWEIO_ADD_UNIT",
        # irdaattach: _IOW('I', 102, int)
        0x80044966: "IRFRAMETTY_SET_DONGLE",
        # _IOWR('H', 0, struct hpcfb_fbconf: 320 = 0x140)
        0xc1404800: "HPCFBIO_GCONF",
        # cnwctl: _IOWR('i', 249, struct cnwitrail: 5272 = 0x1498)
        0xd49869f9: "SIOCGCNWTRAIL",
        # iopctl: _IOWR('u', 0, struct ioppt: 112 = 0x70)
        0xc0707500: "IOPIOCPT",
        # _IOR('d', 2, struct sun_dkgeom: 38 = 0x26)
        0x40266402: "DKIOCGGEOM",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_icp_mly_nvme_and_dtv() -> None:
    # ioctlname() from dev/ic/icp_ioctl.h 1.5.46.1, dev/pci/mlyio.h
    # 1.4.64.1, dev/ic/nvmeio.h 1.1, dev/dtv/dtvio_frontend.h 1.4 and
    # dev/dtv/dtvio_demux.h 1.2.12.1.
    # _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num
    named = {
        # icpctl: _IOWR('J', 0, gdt_ucmd_t: packed, 3290 = 0xcda)
        0xccda4a00: "GDT_IOCTL_GENERAL",
        # _IOWR('J', 7, gdt_event_t: packed, 302 = 0x12e)
        0xc12e4a07: "GDT_IOCTL_EVENT",
        # mlyctl: _IOWR('M', 200, struct mly_user_command: 104 = 0x68)
        0xc0684dc8: "MLYIO_COMMAND",
        # nvmectl: _IOWR('n', 0, struct nvme_pt_command: 104)
        0xc0686e00: "NVME_PASSTHROUGH_CMD",
        # a DVB tuner: _IOR('D', 0, fe_status_t: an enum, 4),
        # _IOWR('D', 5, struct dvb_frontend_parameters: 36 = 0x24),
        # _IOR('D', 8, struct dvb_frontend_info: 168 = 0xa8)
        0x40044400: "FE_READ_STATUS",
        0xc0244405: "FE_SET_FRONTEND",
        0x40a84408: "FE_GET_INFO",
        # the demux: _IOW('D', 103, struct dmx_pes_filter_params: 20),
        # _IO('D', 100), _IOW('D', 106, uint16_t)
        0x80144467: "DMX_SET_PES_FILTER",
        0x20004464: "DMX_START",
        0x8002446a: "DMX_ADD_PID",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_pf() -> None:
    # ioctlname() from net/pfvar.h (sys/dist/pf/net/pfvar.h 1.23): what
    # pfctl asks /dev/pf.
    # _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num
    named = {
        # pfctl -e, -d: _IO('D', 1), _IO('D', 2)
        0x20004401: "DIOCSTART",
        0x20004402: "DIOCSTOP",
        # _IOWR('D', 6, struct pfioc_rule: 2976 = 0xba0)
        0xcba04406: "DIOCGETRULES",
        # pfctl -s info: _IOWR('D', 21, struct pf_status: 424 = 0x1a8)
        0xc1a84415: "DIOCGETSTATUS",
        # pfctl -s states: _IOWR('D', 25, struct pfioc_states: 16)
        0xc0104419: "DIOCGETSTATES",
        # pfctl -f: _IOWR('D', 81, struct pfioc_trans: 16),
        # _IOWR('D', 51, struct pfioc_pooladdr: 1136 = 0x470)
        0xc0104451: "DIOCXBEGIN",
        0xc4704433: "DIOCBEGINADDRS",
        # pfctl -t: _IOWR('D', 67, struct pfioc_table: 1104 = 0x450)
        0xc4504443: "DIOCRADDADDRS",
        # _IOWR('D', 45, struct pfioc_altq: 256 = 0x100)
        0xc100442d: "DIOCADDALTQ",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)
def test_call_ioctl_ipfilter() -> None:
    # ioctlname() from IPFilter's netinet/ip_fil.h 1.5.30.1, ip_nat.h 1.5,
    # ip_lookup.h 1.2 and ip_scan.h 1.1.1.2 (their 'r' forms: gcc defines
    # __STDC__).  _IOC(inout, group, num, len) = inout | (len & 0x1fff)
    # << 16 | group << 8 | num; struct ipfobj is 56 = 0x38 bytes
    named = {
        # ipf -f: _IOW('r', 60, struct ipfobj), _IOR('r', 63, u_int)
        0x8038723c: "SIOCADAFR",
        0x4004723f: "SIOCGETFF",
        # ipfstat: _IOWR('r', 64, struct ipfobj), _IOWR('r', 91, ...)
        0xc0387240: "SIOCGETFS",
        0xc038725b: "SIOCIPFITER",
        # ipnat -l: _IOWR('r', 62, struct ipfobj); ipnat's SIOCADNAT is
        # SIOCADAFR's value, and the keep list leaves SIOCADNAT out
        0xc038723e: "SIOCGNATS",
        # ippool: _IOWR('r', 60, struct iplookupop: 48 = 0x30)
        0xc030723c: "SIOCLOOKUPADDTABLE",
        # _IOWR('r', 65, struct iplookupflush: 32 = 0x20)
        0xc0207241: "SIOCLOOKUPFLUSH",
        # ipscan: _IOWR('r', 62, struct ipscan *)
        0xc008723e: "SIOCGSCST",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)
    # SIOCSTAT1 (_IOWR('r', 78, struct ipfobj)) has a digit: decoded
    r = rec(1, call(AMD64, SYS_ioctl, 3, 0xc038724e, 0x7f7fffffe5d0))
    assert lines([r], netbsd=True) == [
        H2 + "CALL  ioctl(3,_IOWR('r',0x4e,0x38),0x7f7fffffe5d0)"]


def test_call_ioctl_decoded() -> None:
    # ioctldecode() for a request ioctlname() does not know
    r = rec(1, call(AMD64, SYS_ioctl, 0, 0x40087450, 0x7ffe0000))
    assert lines([r]) == [H2 + "CALL  ioctl(0,_IOR('t',0x50,0x8),0x7ffe0000)"]
    assert lines([r], decimal=True) == [
        H2 + "CALL  ioctl(0,_IOR('t',80,8),2147352576)"]


def test_call_ioctl_void_and_nonprint_group() -> None:
    r = rec(1, call(AMD64, SYS_ioctl, 3, 0x20000101))
    assert lines([r]) == [H2 + "CALL  ioctl(3,_IO(0x01,0x1))"]


def test_call_kill_signame() -> None:
    # (SIG%s of signame(ap[1], 1)); signame(0) is " 0"
    assert lines([rec(1, call(AMD64, SYS_kill, 42, 15))]) == [
        H2 + "CALL  kill(0x2a, SIGTERM)"]
    assert lines([rec(1, call(AMD64, SYS_kill, 5, 0))]) == [
        H2 + "CALL  kill(5, SIG 0)"]
    assert lines([rec(1, call(AMD64, SYS_kill, 5, 99))]) == [
        H2 + "CALL  kill(5, SIG*unknown 99*)"]


def test_call_plain_skips_decodings() -> None:
    r = rec(1, call(AMD64, SYS_kill, 5, 15))
    assert lines([r], plain=1) == [H2 + "CALL  kill(5,0xf)"]


def test_call_mprotect_and_mmap_v2() -> None:
    # 1.140.2.2: putprot() and snprintb(MAP_FMT)
    r = rec(1, call(AMD64, SYS_mprotect, 0x1000, 0x2000, 5))
    assert lines([r]) == [
        H2 + "CALL  mprotect(0x1000,0x2000,PROT_READ|PROT_EXEC)"]
    r = rec(1, call(AMD64, SYS_mmap, 0, 0x8000, 3, 0x1002, -1, 0, 0))
    assert lines([r]) == [
        H2 + "CALL  mmap(0,0x8000,PROT_READ|PROT_WRITE,"
        "0x1002<PRIVATE,ANONYMOUS,ALIGN=NONE>,0xffffffffffffffff,0,0)"]
    r = rec(1, call(AMD64, SYS_mmap, 0, 4096, 0, 0x10000001, 3, 0, 0))
    assert lines([r]) == [
        H2 + "CALL  mmap(0,0x1000,PROT_NONE,"
        "0x10000001<SHARED,FILE,ALIGN=64KB>,3,0,0)"]


def test_call_mmap_not_decoded_by_old_kdump() -> None:
    # 1.115.2.1 has no mmap decoding
    r = rec(1, call(AMD64, SYS_mmap, 0, 0x8000, 3, 0x1002, -1, 0, 0),
            version=1)
    assert lines([r]) == [
        H2 + "CALL  mmap(0,0x8000,3,0x1002,0xffffffffffffffff,0,0)"]


def test_call_fcntl_v2() -> None:
    assert lines([rec(1, call(AMD64, SYS_fcntl, 3, 2, 1))]) == [
        H2 + "CALL  fcntl(3,F_SETFD,1)"]
    assert lines([rec(1, call(AMD64, SYS_fcntl, 3, 99, 1))]) == [
        H2 + "CALL  fcntl(3,0x63,1)"]


SYS_ptrace = 26


def test_call_ptrace_machine_dependent_requests_amd64() -> None:
    # 1.140.2.2 ktrsyscall: requests >= PT_FIRSTMACH (32) print
    # ptrace_machdep_ops[*ap - PT_FIRSTMACH] when inside the array, here
    # amd64 <machine/ptrace.h> 1.22's PT_MACHDEP_STRINGS (13 strings)
    def one(req: int, version: int = 2) -> str:
        r = rec(1, call(AMD64, SYS_ptrace, req, 1, 2, 3), version=version)
        return lines([r])[0]
    assert one(0) == H2 + "CALL  ptrace(PT_TRACE_ME,1,2,3)"
    assert one(32) == H2 + "CALL  ptrace(PT_STEP,1,2,3)"
    assert one(33) == H2 + "CALL  ptrace(PT_GETREGS,1,2,3)"
    assert one(41) == H2 + "CALL  ptrace(PT_GETXSTATE,1,2,3)"
    assert one(44) == H2 + "CALL  ptrace(PT_SETXMMREGS,1,2,3)"
    assert one(45) == H2 + "CALL  ptrace(0x2d,1,2,3)"      # past the array
    assert one(28) == H2 + "CALL  ptrace(0x1c,1,2,3)"      # the gap before 32
    assert one(-1) == H2 + "CALL  ptrace(0xffffffffffffffff,1,2,3)"
    # 1.115.2.1 with amd64 ptrace.h 1.3 (NetBSD 6): five strings
    assert one(36, version=1) == H2 + "CALL  ptrace(PT_SETFPREGS,1,2,3)"
    assert one(37, version=1) == H2 + "CALL  ptrace(0x25,1,2,3)"


def test_call_ptrace_machine_dependent_requests_i386() -> None:
    # the kdump that reads i386 headers is NetBSD/i386's: its ptrace.h has
    # PT_GETXMMREGS/PT_SETXMMREGS at 37/38 (and, in NetBSD 10, up to 44)
    r = rec(1, call(I386, SYS_ptrace, 37, 1, 0, 0))
    assert lines([r], I386) == [H2 + "CALL  ptrace(PT_GETXMMREGS,1,0,0)"]
    r = rec(1, call(I386, SYS_ptrace, 44, 1, 0, 0))
    assert lines([r], I386) == [H2 + "CALL  ptrace(PT_SETXSTATE,1,0,0)"]
    r = rec(1, call(I386, SYS_ptrace, 39, 1, 0, 0), version=1)
    assert lines([r], I386) == [H2 + "CALL  ptrace(0x27,1,0,0)"]
    # 1.93.2.1 (44-byte headers, NetBSD 4): PT_STEP..PT_SETXMMREGS
    r = rec(1, call(I386_TIME32, SYS_ptrace, 38, 1, 0, 0), version=0)
    assert lines([r], I386_TIME32) == [H0 + "CALL  ptrace(PT_SETXMMREGS,1,0,0)"]


def test_call_ptrace_linux_has_no_machine_dependent_names() -> None:
    # the linux branch of kdump's ptrace decoding only knows its own table
    r = rec(1, call(AMD64, 101, 32, 1, 0, 0))
    out = lines([rec(7, b"linux"), r], netbsd=True)
    assert out[1] == H2 + "CALL  ptrace(0x20,1,0,0)"


# --- RET --------------------------------------------------------------------
def test_ret_rprint_and_retval1() -> None:
    # rprint: "%ld" then "/%#lx" unless small; retval_1 when non-zero
    assert lines([rec(2, ret(AMD64, SYS_read, retval=4096, retval1=7))]) == [
        H2 + "RET   read 4096/0x1000, 7"]
    assert lines([rec(2, ret(AMD64, SYS_read, retval=-5))]) == [
        H2 + "RET   read -5/0xfffffffffffffffb"]
    assert lines([rec(2, ret(AMD64, SYS_read, retval=4096))], plain=1) == [
        H2 + "RET   read 0x1000"]
    assert lines([rec(2, ret(AMD64, SYS_read, retval=4096))], plain=2) == [
        H2 + "RET   [3] 0x1000"]


def test_ret_errors_netbsd() -> None:
    # eprint() without errnomap: "-1 errno %d %s", RESTART, JUSTRETURN
    assert lines([rec(2, ret(AMD64, SYS_open, error=2))]) == [
        H2 + "RET   open -1 errno 2 No such file or directory"]
    assert lines([rec(2, ret(AMD64, SYS_open, error=2))], plain=1) == [
        H2 + "RET   open -1 errno 2"]
    assert lines([rec(2, ret(AMD64, SYS_read, error=-3))]) == [
        H2 + "RET   read RESTART"]
    assert lines([rec(2, ret(AMD64, SYS_execve, error=-2))]) == [
        H2 + "RET   execve JUSTRETURN"]
    assert lines([rec(2, ret(AMD64, SYS_read, error=9999))]) == [
        H2 + "RET   read -1 errno 9999 Unknown error: 9999"]


# --- NAMI, EMUL, GIO --------------------------------------------------------
def test_namei_stops_at_nul() -> None:
    assert lines([rec(3, b"/etc/passwd\0junk")]) == [H2 + 'NAMI  "/etc/passwd"']


def test_emul_switch_names_the_following_ret_with_previous() -> None:
    # ktremul(): setemul(); emul_changed makes the next RET use prev_emul
    recs = [rec(7, b"netbsd"), rec(2, ret(AMD64, SYS_execve, error=-2))]
    assert lines(recs) == [H2 + 'EMUL  "netbsd"', H2 + "RET   execve JUSTRETURN"]


def test_unknown_emulation_warns() -> None:
    status, out, err = run(trace([rec(7, b"mach")]))
    assert status == 0
    assert out == H2 + 'EMUL  "mach"\n'
    assert "Emulation `mach' unknown" in err


def test_genio_vis() -> None:
    # ktrgenio: "fd %d %s %d bytes\n" then 7 spaces and visdump_buf(col 7)
    g = Layouts.get(AMD64).genio.pack(1, 1) + b'hi\t"x"\\\n\0\x01\x80\xff'
    assert lines([rec(4, g)]) == [
        H2 + "GIO   fd 1 wrote 12 bytes",
        '       "hi\t\\"x\\"\\\\\\n\\0\\^A\\M^@\\M^?"']


def test_genio_read_fd_minus_one_and_maxdata() -> None:
    g = Layouts.get(AMD64).genio.pack(-1, 0) + b"abcdef"
    assert lines([rec(4, g)], maxdata=3) == [
        H2 + "GIO   read 6 bytes", '       "abc"']
    assert lines([rec(4, g)], maxdata=0) == [H2 + "GIO   read 6 bytes"]


def test_genio_folds_at_80_columns() -> None:
    g = Layouts.get(AMD64).genio.pack(1, 1) + b"a" * 100
    assert lines([rec(4, g)]) == [
        H2 + "GIO   fd 1 wrote 100 bytes",
        '       "' + "a" * 70 + "\\",
        "\t" + "a" * 30 + '"']


def test_genio_hexdump() -> None:
    g = Layouts.get(AMD64).genio.pack(1, 1) + bytes(range(0x41, 0x55))
    assert lines([rec(4, g)], word_size=1) == [
        H2 + "GIO   fd 1 wrote 20 bytes",
        "\t000   41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50 "
        "ABCDEFGHIJKLMNOP",
        "\t010   51 52 53 54" + " " * 38 + "QRST"]


def test_hexdump_of_big_endian_trace_as_a_big_endian_kdump() -> None:
    # Only a big-endian host's kdump reads a big-endian trace; there
    # hexdump_buf has bswap 0 (1.140.2.2), so -X 4 shows 00010203, not the
    # little-endian host's 03020100 -- in GIO, USER and unknown records.
    be = ABIS["lp64-be"]
    lay = Layouts.get(be)
    recs = [rec(4, lay.genio.pack(3, 0) + bytes(range(20))),
            rec(8, lay.user.pack(b"foo") + bytes(range(8))),
            rec(99, bytes(range(8)))]
    assert lines(recs, be, netbsd=True, word_size=4) == [
        H2 + "GIO   fd 3 read 20 bytes",
        "\t000     00010203   04050607   08090a0b   0c0d0e0f  ................",
        "\t010     10111213" + " " * 35 + "....",
        H2 + "MISC  foo:",
        "\t000     00010203   04050607" + " " * 24 + "........",
        H2 + "UNKNOWN(99)  ",
        "\t000     00010203   04050607" + " " * 24 + "........"]
    assert lines(recs[:1], be, word_size=2)[1] == (
        "\t000    0001  0203  0405  0607  0809  0a0b  0c0d  0e0f  "
        "................")


# --- ARG, ENV, FD, MIB, CSW, USER, unknown ------------------------------------
def test_exec_arg_env_visdump_at_header_column() -> None:
    assert lines([rec(10, b"ls\0-l\0"), rec(11, b"A=1\0")]) == [
        H2 + 'ARG   "ls\\0-l\\0"', H2 + 'ENV   "A=1\\0"']


def test_exec_fd() -> None:
    fd = Layouts.get(AMD64).execfd
    assert lines([rec(15, fd.pack(0, 1)), rec(15, fd.pack(3, 99))]) == [
        H2 + "FD    file 0", H2 + "FD    UNKNOWN(99) 3"]


def test_mib_and_csw() -> None:
    assert lines([rec(14, struct.pack("<3i", 1, 14, -1)),
                  rec(6, struct.pack("<ii", 1, 0))]) == [
        H2 + "MIB   1.14.-1", H2 + "CSW   stop kernel"]


def test_user_misc_and_msghdr() -> None:
    u = b"myid".ljust(20, b"\0") + b"\x01\xff"
    assert lines([rec(8, u)]) == [H2 + "MISC  myid: 2, 01ff"]
    # 1.115.2.1 prints a plain char through %02x of (unsigned int)
    assert lines([rec(8, u, version=1)]) == [H2 + "MISC  myid: 2, 01ffffffff"]
    m = struct.pack("<QI4xQi4xQIi", 0x1000, 16, 0x2000, 1, 0, 0, 0x40)
    assert lines([rec(8, b"msghdr".ljust(20, b"\0") + m)]) == [
        H2 + "MISC  msghdr: [name=0x1000, namelen=16, iov=0x2000, iovlen=1, "
        "control=0x0, controllen=0, flags=40]"]


def test_user_msghdr_negative_iovlen() -> None:
    # 1.140.2.2 ktruser_msghdr: "iovlen=%zu" of (size_t)m.msg_iovlen, an
    # int: sign-extended to 64 bits on amd64, 32 on i386
    m = struct.pack("<QI4xQi4xQIi", 0, 0, 0x2000, -1, 0, 0, -1)
    assert lines([rec(8, b"msghdr".ljust(20, b"\0") + m)]) == [
        H2 + "MISC  msghdr: [name=0x0, namelen=0, iov=0x2000, "
        "iovlen=18446744073709551615, control=0x0, controllen=0, "
        "flags=ffffffff]"]
    m = struct.pack("<IIIiIIi", 0, 0, 0x2000, -2, 0, 0, 0)
    assert lines([rec(8, b"msghdr".ljust(20, b"\0") + m)], I386) == [
        H2 + "MISC  msghdr: [name=0x0, namelen=0, iov=0x2000, "
        "iovlen=4294967294, control=0x0, controllen=0, flags=0]"]


def test_user_soname() -> None:
    sin = bytes([16, 2]) + struct.pack(">H", 80) + bytes([127, 0, 0, 1]) + bytes(8)
    assert lines([rec(8, b"mbsoname".ljust(20, b"\0") + sin)]) == [
        H2 + "MISC  mbsoname: [127.0.0.1]"]


def test_user_hexdump_with_x() -> None:
    u = b"id".ljust(20, b"\0") + b"AB"
    assert lines([rec(8, u)], word_size=1) == [
        H2 + "MISC  id:", "\t000   41 42" + " " * 44 + "AB"]


def test_unknown_type_hexdump() -> None:
    assert lines([rec(20, b"\x00\x01")]) == [
        H2 + "UNKNOWN(20)  ", "\t000   00 01" + " " * 44 + ".."]


def test_saupcall_is_shown_as_hexdump() -> None:
    assert lines([rec(13, b"Z")]) == [
        H2 + "SAU   ", "\t000   5a" + " " * 47 + "Z"]


def test_types_above_23_are_not_in_all_points() -> None:
    # ALL_POINTS is KTRFAC_MASK: types 24..31 are never shown
    assert lines([rec(24, b"x"), rec(2, ret(AMD64, SYS_close))]) == [
        H2 + "RET   close 0"]


# --- PSIG -------------------------------------------------------------------
def psig(abi: Abi, signo: int, action: int, mask: int = 0, code: int = 0,
         siginfo: bytes = b"") -> bytes:
    words = [(mask >> (32 * i)) & 0xFFFFFFFF for i in range(4)]
    return Layouts.get(abi).psig.pack(signo, action, *words, code) + siginfo


def siginfo(abi: Abi, signo: int, code: int, reason: bytes) -> bytes:
    lay = Layouts.get(abi)
    n = lay.siginfo.size - 12 - (4 if abi.lp64 else 0)
    return lay.siginfo.pack(signo, code, 0, reason.ljust(n, b"\0"))


def test_psig_default_and_caught_parenthesis_quirk() -> None:
    # ktrpsig: "SIG%s " "SIG_DFL" / "caught handler=%p mask=(...)", then
    # for a bare ktr_psig ")\n" after a caught one (the doubled paren)
    assert lines([rec(5, psig(AMD64, 2, 0))]) == [H2 + "PSIG  SIGINT SIG_DFL"]
    assert lines([rec(5, psig(AMD64, 30, 0x401000, mask=(1 << 1) | (1 << 14),
                              code=5))]) == [
        H2 + "PSIG  SIGUSR1 caught handler=0x401000 mask=(2,15) code=0x5)"]


def test_psig_siginfo_variants() -> None:
    lay = Layouts.get(AMD64)
    user = siginfo(AMD64, 15, 0, lay.si_rt.pack(77, 1000, 0))
    assert lines([rec(5, psig(AMD64, 15, 0, siginfo=user))]) == [
        H2 + "PSIG  SIGTERM SIG_DFL: code=SI_USER sent by pid=77, uid=1000)"]
    segv = siginfo(AMD64, 11, 1, lay.si_fault.pack(0xDEAD, 14, 0, 0))
    assert lines([rec(5, psig(AMD64, 11, 0x4000, siginfo=segv))]) == [
        H2 + "PSIG  SIGSEGV caught handler=0x4000 mask=(): code=SEGV_MAPERR, "
        "addr=0xdead, trap=14)"]
    chld = siginfo(AMD64, 20, 1, lay.si_child.pack(9, 0, 3, 1, 2))
    assert lines([rec(5, psig(AMD64, 20, 0x4000, siginfo=chld))]) == [
        H2 + "PSIG  SIGCHLD caught handler=0x4000 mask=(): code=CLD_EXITED "
        "child pid=9, uid=0,  status=3, utime=1, stime=2)"]
    queue = siginfo(AMD64, 30, -1, lay.si_rt.pack(5, 6, 0x77))
    assert lines([rec(5, psig(AMD64, 30, 0, siginfo=queue))]) == [
        H2 + "PSIG  SIGUSR1 SIG_DFL: code=SI_QUEUE sent by pid=5, uid=6 "
        "with sigval 0x77)"]
    noinfo = siginfo(AMD64, 30, 32767, b"")
    assert lines([rec(5, psig(AMD64, 30, 0, siginfo=noinfo))]) == [
        H2 + "PSIG  SIGUSR1 SIG_DFL: code=SI_NOINFO"]
    poll = siginfo(AMD64, 23, 1, lay.si_poll.pack(0x41, 4))
    assert lines([rec(5, psig(AMD64, 23, 0, siginfo=poll))]) == [
        H2 + "PSIG  SIGIO SIG_DFL: code=[1], fd=4, band=41)"]


def test_psig_i386_time32_rev93_timer() -> None:
    # 1.93.2.1: ": code=SI_TIMER sigval %p)", SI_QUEUE "unimplemented"
    lay = Layouts.get(I386_TIME32)
    timer = siginfo(I386_TIME32, 14, -2, lay.si_rt.pack(0, 0, 0x99))
    queue = siginfo(I386_TIME32, 14, -1, lay.si_rt.pack(0, 0, 0x99))
    recs = [rec(5, psig(I386_TIME32, 14, 0, siginfo=timer), version=0),
            rec(5, psig(I386_TIME32, 14, 0, siginfo=queue), version=0)]
    assert lines(recs, I386_TIME32) == [
        H0 + "PSIG  SIGALRM SIG_DFL: code=SI_TIMER sigval 0x99)",
        H0 + "PSIG  SIGALRM SIG_DFL: code=SI_QUEUE unimplemented)"]


def test_rev93_has_no_fd_type() -> None:
    fd = Layouts.get(I386_TIME32).execfd.pack(1, 1)
    assert lines([rec(15, fd, version=0)], I386_TIME32) == [
        H0 + "UNKNOWN(15)  ",
        "\t000   01 00 00 00 01 00 00 00" + " " * 26 + "........"]


# --- filters ----------------------------------------------------------------
def test_pid_and_trpoints_filters() -> None:
    from ktrace.format import getpoints
    recs = [rec(1, call(AMD64, SYS_close, 3), pid=1),
            rec(3, b"/x", pid=2), rec(2, ret(AMD64, SYS_close), pid=2)]
    out = lines(recs, pid=2)
    assert out == ["     2      1 cat      NAMI  \"/x\"",
                   "     2      1 cat      RET   close 0"]
    assert lines(recs, trpoints=getpoints("n")) == [
        "     2      1 cat      NAMI  \"/x\""]


@pytest.mark.parametrize("name", sorted(ABIS))
def test_every_record_type_in_every_abi(name: str) -> None:
    # one record of each type, read back in each layout (1.140.2.2 formats,
    # 1.93.2.1 for the 44-byte layouts, which know no FD type)
    abi = ABIS[name]
    lay = Layouts.get(abi)
    user = siginfo(abi, 15, 0, lay.si_rt.pack(77, 1000, 0))
    recs = [
        rec(1, call(abi, SYS_write, 1, 0x1000, 3)),
        rec(3, b"/tmp/x"),
        rec(4, lay.genio.pack(1, 1) + b"hi\n"),
        rec(2, ret(abi, SYS_write, retval=3, retval1=1)),
        rec(5, psig(abi, 15, 0x1000, mask=1 << 1, siginfo=user)),
        rec(6, lay.csw.pack(0, 1)),
        rec(8, b"id".ljust(20, b"\0") + b"\x01"),
        rec(14, struct.pack(abi.order + "2i", 1, -2)),
        rec(7, b"netbsd"),
    ]
    expected = [
        H2 + "CALL  write(1,0x1000,3)",
        H2 + 'NAMI  "/tmp/x"',
        H2 + "GIO   fd 1 wrote 3 bytes", '       "hi\\n"',
        H2 + "RET   write 3, 1",
        H2 + "PSIG  SIGTERM caught handler=0x1000 mask=(2): code=SI_USER "
        "sent by pid=77, uid=1000)",
        H2 + "CSW   resume user",
        H2 + "MISC  id: 1, 01",
        H2 + "MIB   1.-2",
        H2 + 'EMUL  "netbsd"',
    ]
    if abi.time64:
        recs.append(rec(15, lay.execfd.pack(4, 2)))
        expected.append(H2 + "FD    socket 4")
    assert lines(recs, abi) == expected


def test_call_ioctl_altq_nvmm_and_smb() -> None:
    # ioctlname() from altq/*.h (altq.h 1.4, altq_cdnr.h 1.4.20.1,
    # altq_jobs.h 1.5, altq_priq.h 1.7, altq_wfq.h 1.6),
    # dev/nvmm/nvmm_ioctl.h 1.12 and netsmb/smb_dev.h 1.2.
    # _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num
    named = {
        # altqd: _IOWR('q', 0, struct altqreq: char[16], u_long = 24)
        0xc0187100: "ALTQGTYPE",
        # _IOW('Q', 1, struct cdnr_interface: 16), also BLUE_IF_ATTACH's
        # value, which mkioctls' keep list drops
        0x80105101: "CDNR_IF_ATTACH",
        # _IOW('Q', 6, struct jobs_interface: 24)
        0x80185106: "JOBS_CLEAR",
        # _IOW('Q', 5, struct priq_interface: 24)
        0x80185105: "PRIQ_CLEAR",
        # _IOWR('Q', 12, struct wfq_getstats: 64), FIFOQ_GETSTATS' value
        0xc040510c: "WFQ_GET_STATS",
        # nvmmctl: _IOR('N', 0, struct nvmm_ioc_capability: 104 = 0x68),
        # _IOWR('N', 10, struct nvmm_ioc_vcpu_run: 72 = 0x48)
        0x40684e00: "NVMM_IOC_CAPABILITY",
        0xc0484e0a: "NVMM_IOC_VCPU_RUN",
        # mount_smbfs: _IOW('n', 106, struct smbioc_lookup: 792 = 0x318),
        # _IOWR('n', 102, struct smbioc_rq: 64)
        0x83186e6a: "SMBIOC_LOOKUP",
        0xc0406e66: "SMBIOC_REQUEST",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_raidframe_fss_clockctl_sctp_and_filemon() -> None:
    # ioctlname() from dev/raidframe/raidframeio.h 1.11.6.1, dev/fssvar.h
    # 1.32, sys/clockctl.h 1.18, netinet/sctp_uio.h 1.4 and
    # dev/filemon/filemon.h 1.7.
    # _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num
    named = {
        # raidctl -s: _IOWR('r', 42, RF_DeviceConfig_t *),
        # _IOWR('r', 19, RF_ComponentLabel_t: 392 = 0x188),
        # _IOWR('r', 32, RF_ProgressInfo_t: 24)
        0xc008722a: "RAIDFRAME_GET_INFO",
        0xc1887213: "RAIDFRAME_GET_COMPONENT_LABEL",
        0xc0187220: "RAIDFRAME_CHECK_RECON_STATUS_EXT",
        # _IOR('r', 17, RF_AccTotals_t): 4 bytes, mkioctls' own typedef
        0x40047211: "RAIDFRAME_GET_ACCTOTALS",
        # fssconfig: _IOW('F', 5, struct fss_set: 24),
        # _IOR('F', 1, struct fss_get: 136 = 0x88)
        0x80184605: "FSSIOCSET",
        0x40884601: "FSSIOCGET",
        # clockctl(4): _IOW('C', 5, 16), _IOWR('C', 8, 16)
        0x80104305: "CLOCKCTL_SETTIMEOFDAY",
        0xc0104308: "CLOCKCTL_NTP_ADJTIME",
        # sctp_connectx(3): _IOWR('s', 11, 16)
        0xc010730b: "SIOCCONNECTX",
        # make(1) -dl with filemon: _IOWR('S', 1, int)
        0xc0045301: "FILEMON_SET_FD",
        # CLOCKCTL_ADJTIME (_IOWR('C', 6, 16)) is in mkioctls' keep list:
        # ioctldecode() prints it
        0xc0104306: "_IOWR('C',0x6,0x10)",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_newer_revisions_of_headers_read() -> None:
    # ioctlname() from dev/spkrio.h 1.3, sys/cpuio.h 1.10, net/npf.h
    # (NetBSD 10's), sys/verified_exec.h 1.59, net/if_sppp.h 1.36,
    # dev/cgdvar.h 1.21, net/if_pppoe.h 1.15 and dev/ic/mlxio.h 1.4.
    # _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num
    named = {
        # spkr(4): _IOW('S', 4, u_int)
        0x80045304: "SPKRSETVOL",
        # cpuctl ucode: _IOW('c', 7, struct cpu_ucode: 1032 = 0x408)
        0x84086307: "IOC_CPU_UCODE_APPLY",
        # npfctl: _IOWR('N', 108, nvlist_ref_t: 24)
        0xc0184e6c: "IOC_NPF_CONN_LOOKUP",
        # veriexecctl dump: _IOR('X', 5, struct plistref: 16)
        0x40105805: "VERIEXEC_DUMP",
        # pppoectl: _IOWR('i', 112, struct pppoeconnectionstate: 32),
        # _IOWR('i', 135, struct sppplcpstatus: 48), _IOWR('i', 125,
        # struct spppidletimeout: 24)
        0xc0206970: "PPPOEGETSESSION",
        0xc0306987: "SPPPGETLCPSTATUS",
        0xc018697d: "SPPPGETIDLETO",
        # cgdconfig -l: _IOWR('F', 20, struct cgd_user: 64)
        0xc0404614: "CGDIOCGET",
        # mlxctl: _IOR('M', 6, struct mlx_cinfo: 28)
        0x401c4d06: "MLX_GET_CINFO",
        # the old SPPPGETIDLETO value (struct spppstatus, 20) is only
        # __SPPPGETIDLETO50's, a name with digits: ioctldecode() prints it
        0xc014697d: "_IOWR('i',0x7d,0x14)",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)


def test_call_ioctl_tprof_requests() -> None:
    # tprof(8)'s requests (dev/tprof/tprof_ioctl.h 1.3.54.1), a header
    # NetBSD does not install: kdump's ioctlname() has no TPROF_* name.
    # _IOC(inout, group, num, len) = inout | (len & 0x1fff) << 16
    # | group << 8 | num, 'T' 0x54
    named = {
        # TPROF_IOC_STOP, _IO('T', 3), is sys/midiio.h's SEQUENCER_TMR_STOP
        0x20005403: "SEQUENCER_TMR_STOP",
        # TPROF_IOC_GETINFO: _IOR('T', 1, struct tprof_info: 8)
        0x40085401: "_IOR('T',0x1,0x8)",
        # TPROF_IOC_START: _IOW('T', 2, tprof_param_t: 24)
        0x80185402: "_IOW('T',0x2,0x18)",
        # TPROF_IOC_GETSTAT: _IOR('T', 4, struct tprof_stat: 48)
        0x40305404: "_IOR('T',0x4,0x30)",
    }
    _ioctl_lines(named, 3, 0x7f7fffffe5d0, netbsd=True)
