#!/usr/bin/env python3
"""Generate pykdump's ioctl name tables (``ktrace/dump/_ioctl_names.py``).

NetBSD's kdump names ioctl requests with ``ioctlname()``, a switch that
``usr.bin/kdump/mkioctls`` generates from every installed header: it keeps
each ``#define NAME _IO...(`` line (names of capitals and underscores), lets
the C compiler compute the values, and leaves out a fixed list of names
whose values other names already own.  pyktrace has no NetBSD compiler, so
this script does the same for a chosen set of headers, with the argument
sizes of NetBSD/amd64 declared below; a header line with a type it does not
know stops it (a wrong size would name the wrong request).

pykdump's default face shows Linux processes with Linux's own request names
(``TCGETS``, ``FIONREAD``), from Linux's uapi headers: plain hexadecimal
values and ``_IO``/``_IOR``/``_IOW``/``_IOWR`` with Linux's encoding and
x86 sizes.  The first name of a value wins; aliases (``TIOCINQ``) and
conditional expressions are skipped.

Run it as::

    scripts/gen_ioctls.py --netbsd-src /tmp/netbsd-src --linux-src /tmp/linux-src
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

#: NetBSD headers read: sys/ioctl.h's own includes (ttycom, filio, sockio)
#: and sys/ioctl_compat.h, which Makefile.ioctl-c always passes, then the
#: device headers mkioctls includes for every installed header with ioctls
#: (newer Makefile.ioctl-c takes them all from the set lists) that a NetBSD
#: trace is most likely to meet, and whose argument sizes are declared below
#: with confidence (see man/pykdump.1, BUGS, for the rest).  sys/disklabel.h
#: no longer defines requests: its DIOC* moved to sys/dkio.h.  sys/cdio.h's
#: MMC* requests are inside ``#if defined(_KERNEL) ||
#: defined(_EXPOSE_MMC)``, which kdump's build does not define: left out, as
#: mkioctls leaves them out.  netinet6/in6_var.h gives few names: the
#: request line mkioctls matches (``define[ \t]*[A-Z_]*[ \t]*_IO``) has no
#: digits in the name, so its SIOC*_IN6 and SIOCGIFSTAT_ICMP6 requests are
#: not in ioctlname() (kdump decodes them), as the regular expression below
#: also has it; the names it keeps are SIOCSIFINFO_FLAGS and
#: SIOC[AD]ADDRCTL_POLICY.  dev/usb/usb.h's USB_DISCOVER is SCBUSIOLLSCAN's
#: value, which is in the keep list.  From sys/rndio.h on, the headers are
#: the revisions a public index of NetBSD/src holds, some of them old
#: (sys/midiio.h 1.5 of 1998, sys/agpio.h 1.3,
#: sys/videoio.h 1.4.16.4): requests or structures a later revision added or
#: changed are not reflected (the table's docstring names each revision);
#: their argument sizes are checked with gcc by tests/test_gen_ioctls.py
#: (tests/c/netbsd_ioctl_sizes.c).  Left out of them: sys/gpio.h's old API
#: (COMPAT_50), dev/biovar.h's OBIOC* and dev/vndvar.h's *30/*50 requests
#: (_KERNEL), sys/agpio.h's #if 0 ones, sys/videoio.h's *32 requests
#: (digits); sys/chio.h's CHIOGPICKER and sys/joystick.h's JOY_GET_X_OFFSET
#: are in the keep list.  sys/agpio.h names its group (AGPIOC_BASE, 'A'),
#: read from the header.  Not read: net80211/ieee80211_ioctl.h and
#: dev/i2c/i2c_io.h, whose every request name has a digit (SIOC[GS]80211*,
#: I2C_IOCTL_EXEC), so none is in ioctlname(); net/if_vlanvar.h, whose
#: SIOC[SG]ETVLAN are aliases, not _IO lines.  From
#: sys/timepps.h on (the second batch), again the stored revisions, most of
#: them old: sys/timepps.h 1.3, net/if_ppp.h 1.15 (its structures from
#: net/ppp_defs.h 1.4), net/if_sppp.h, net/npf/npf.h (installed as
#: net/npf.h), sys/verified_exec.h, dev/cgdvar.h (these four since
#: updated, below), dev/md.h, dev/sun/fbio.h, sys/lua.h and
#: dev/hdaudio/hdaudioio.h.  Left out of them: net/if_ppp.h's
#: PPPIOCSPASS and PPPIOCSACTIVE (#ifdef PPP_FILTER, a kernel option
#: kdump's build does not define) and dev/sun/fbio.h's FBIOGINFO (#ifdef
#: notdef); net/if_ppp.h's PPPIOCGASYNCMAP and PPPIOCSASYNCMAP own the
#: values of the keep list's SLIOCGUNIT and TUNSLMODE.  Not read:
#: net/if_bridgevar.h (its BRDG* commands go through SIOC[SG]DRVSPEC: no
#: _IO lines), dev/putter/putter.h (the stored revision, 1.1.16.2, has no
#: requests), dev/tprof/tprof_ioctl.h (not installed: below), the DRM
#: headers and the remaining device headers: their requests are decoded.  From sys/ioctl.h on (the
#: third batch), the stored revisions: sys/ioctl.h 1.37 (PTIOC*; PTIOCSVR4,
#: PTIOCOSF1 and PTIOCWIN32 have digits), sys/cpuio.h, sys/scanio.h,
#: dev/spkrio.h (the two since updated, below), net/if_srt.h,
#: dev/ofw/openfirmio.h (OFIOCGET and OFIOCNEXTPROP are in the keep
#: list), dev/usb/ukyopon.h, dev/usb/utoppy.h, whose UTOPPYIOCANCEL owns
#: the keep list's TIOCHPCL value (and UTOPPYIOTURBO, in the keep list,
#: OTIOCSETD's), and dev/usb/urio.h (installed until
#: NetBSD 9.99.43).  From soundcard.h on (the fourth batch), the stored
#: revisions: soundcard.h 1.34 (lib/libossaudio's OSS emulation, installed
#: as /usr/include/soundcard.h; its MIXER_READ(dev)-style requests are
#: macros with arguments, its SOUND_PCM_* and *_RESET_* names aliases: not
#: _IO lines), dev/ic/bt8xx.h 1.1.1.1 (its BT848* and METEOR[SG]BT254
#: requests have digits), opencrypto/cryptodev.h 1.50.4.1 (installed as
#: crypto/cryptodev.h), dev/ccdvar.h 1.37 and dev/scsipi/ses.h 1.4, whose
#: group SESIOC is an expression, (('s' - 040) << 8), that _IOC shifts by
#: 8 again (0x530000, in the length bits).  The fifth batch, again the stored
#: revisions (some copies in the source tree given to --netbsd-src are
#: excerpts: every request line and argument type, licences and unrelated
#: definitions left out): dev/iscsi/iscsi_ioctl.h 1.2 (group 0, a number),
#: netbt/hci.h 1.35.12.1, dev/bluetooth/btdev.h 1.5.2.1 and btsco.h
#: 1.2.122.1, sys/event.h 1.45, dev/kttcpio.h, fs/autofs/autofs_ioctl.h,
#: dev/lockstat.h 1.15, dev/ic/qemufwcfgio.h, dev/dmover/dmover_io.h,
#: dev/ic/athioctl.h, dev/dm/netbsd-dm.h (group and number named by the
#: header: DM_IOCTL 0xfd, DM_IOCTL_CMD 0), dev/sun/vuid_event.h,
#: dev/pci/amrio.h (numbers 0x200 and 0x201, which C's | runs into the
#: group bits), dev/isa/isvio.h, dev/vme/xio.h, dev/sbus/mbppio.h
#: (MBPPIOC[SG]PARAM in the keep list), dev/hdmicec/hdmicecio.h,
#: dev/tc/sticio.h (its STICIO_STARTQ owns the keep list's SCIOC_USE_ADF
#: value; STICIO_[SR]*860 have digits), dev/isa/wtreg.h and
#: dev/apm/apmio.h (APM_IOC_STANDBY and APM_IOC_SUSPEND in the keep
#: list).  The sixth batch, the stored revisions again: dev/ic/isp_ioctl.h
#: 1.10 (its group ISP_IOC is (021), 0x11), dev/sun/kbio.h 1.1.10.2,
#: dev/ic/mlxio.h (since updated, below), dev/pci/tweio.h 1.1.8.2
#: (struct twe_cmd from dev/pci/twereg.h 1.4.2.4, packed: 512 bytes),
#: dev/ir/irdaio.h 1.4, dev/hpc/hpcfbio.h 1.1.2.1,
#: dev/pcmcia/if_cnwioctl.h 1.2.8.2,
#: dev/i2o/iopio.h 1.2.4.2 and dev/sun/disklabel.h 1.1 (DKIOCGGEOM,
#: DKIOCINFO, DKIOCGPART in sys/dkio.h's group 'd').  The seventh batch,
#: the stored revisions: dev/ic/icp_ioctl.h 1.5.46.1 (its structures
#: packed; struct icp_rawcmd, icp_ioctlcmd and icp_cachecmd from
#: dev/ic/icpreg.h 1.1.6.2: gdt_ucmd_t is 3290 bytes), dev/pci/mlyio.h
#: 1.4.64.1 (union mly_cmd_packet of dev/pci/mlyreg.h 1.5.74.1, 64
#: bytes), dev/ic/nvmeio.h 1.1 (struct nvme_sqe and nvme_cqe of
#: dev/ic/nvmereg.h 1.9, __packed __aligned(8)), dev/dtv/dtvio_frontend.h
#: 1.4 and dev/dtv/dtvio_demux.h 1.2.12.1 (DVB enums are 4 bytes);
#: icp_ioctl.h's GDT_IOCTL_CTRCNT owns the keep list's JOY_GET_X_OFFSET
#: value.  The pf batch: net/pfvar.h after all, from the newest revision
#: the index holds, sys/dist/pf/net/pfvar.h 1.23 (2020; OpenBSD 4.2's pf
#: with NetBSD's DIOCSETLCK), whose 66 names are LLVM's; struct pf_rule
#: (912 bytes), pf_altq (with pfvar.h's own cbq_opts, priq_opts and
#: hfsc_opts) and the rest are declared below.  The IPFilter batch: its
#: headers (sys/external/bsd/ipf, installed in netinet/), the stored
#: revisions: ip_fil.h 1.5.30.1, ip_nat.h 1.5, ip_lookup.h 1.2 and
#: ip_scan.h 1.1.1.2, whose request lines
#: are ``_IOW('r', 60, struct ipfobj)`` under ``#if defined(__STDC__) ||
#: defined(__GNUC__)`` and ``_IOW(r, ...)`` otherwise: gcc takes the first
#: (NETBSD_PREDEFINED).  ip_fil.h's SIOCSTAT1, SIOCSTAT2 and SIOCIPFL6
#: have digits; ip_nat.h's SIOCADNAT and SIOCRMNAT (SIOCADAFR's and
#: SIOCRMAFR's values) are in the keep list, as are the only requests of
#: ip_state.h (SIOCDELST) and ip_proxy.h (SIOCPROXY), not read.  The
#: ALTQ batch, the newest revisions found in the index: the twelve ALTQ headers (altq/altq.h 1.4, whose ``#if 1`` defines
#: ALTQ3_COMPAT and ALTQ3_CLFIER_COMPAT for the others, as it does in
#: mkioctls' single translation unit; altq_cbq.h 1.11, altq_cdnr.h
#: 1.4.20.1, altq_jobs.h 1.5, whose JOBS_CLEAR moved to number 6 off
#: PRIQ_CLEAR's value; the keep list drops every
#: {RED,...,CNDR}_{IF_ATTACH,...} name, and its "CNDR" leaves
#: altq_cdnr.h's CDNR_* in), dev/nvmm/nvmm_ioctl.h 1.12 (types of
#: dev/nvmm/nvmm.h 1.16 and x86/nvmm_x86.h 1.21) and netsmb/smb_dev.h
#: 1.2 (2002; SMBIOC_T2RQ has a digit).
#: The raidframe batch, the newest stored revisions:
#: dev/raidframe/raidframeio.h 1.11.6.1 (its types from
#: dev/raidframe/raidframevar.h 1.23; RAIDFRAME_GET_ACCTOTALS takes
#: RF_AccTotals_t, declared only in the uninstalled rf_acctrace.h, so
#: mkioctls declares it itself as a struct of one int: 4 bytes;
#: RAIDFRAME_REMOVE_HOT_SPARE is now an alias of RAIDFRAME_REMOVE_COMPONENT),
#: dev/fssvar.h 1.32 (FSSIOC*50 are _KERNEL's), sys/clockctl.h 1.18 (its
#: CLOCKCTL_ADJTIME is in the keep list), netinet/sctp_uio.h 1.4 and
#: dev/filemon/filemon.h 1.7 (installed until NetBSD 9.99.26, kept as
#: dev/usb/urio.h is).  Not read: dev/pcmcia/if_rayreg.h 1.12, whose one
#: request, SIOCGRAYSIGLEV, is inside #ifdef RAY_DO_SIGLEV, which kdump's
#: build does not define (LLVM's table defines it).  Updated since, to
#: newer stored revisions with names LLVM's table of NetBSD 9.99 has:
#: dev/spkrio.h 1.3 (SPKR[GS]ETVOL), sys/cpuio.h 1.10
#: (IOC_CPU_UCODE_GET_VERSION and _APPLY; cpustate_t is now 44 bytes, so
#: IOC_CPU_[SG]ETSTATE changed value), sys/verified_exec.h 1.59
#: (VERIEXEC_DUMP, VERIEXEC_FLUSH), net/if_sppp.h 1.36 (SPPPGETSTATUSNCP,
#: SPPP[GS]ETKEEPALIVE and the newer SPPPGET{LCP,IPCP}STATUS,
#: SPPP[GS]ETNCPCFG; SPPP[GS]ETIDLETO take struct spppidletimeout, with a
#: time_t, and their old values are only the digit-named __SPPP*50's),
#: dev/cgdvar.h 1.21 (CGDIOCGET), net/if_pppoe.h 1.15 (PPPOEGETSESSION;
#: PPPOEGETPARMS is _IOWR now) and dev/ic/mlxio.h 1.4 (MLX_GET_CINFO);
#: net/npf.h as NetBSD 10 installs it (NPF_VERSION 22, no $NetBSD$ line
#: to name a revision by: IOC_NPF_CONN_LOOKUP and IOC_NPF_TABLE_REPLACE,
#: and IOC_NPF_LOAD, _SAVE and _RULE take libnv's nvlist_ref_t, 24
#: bytes, where 1.20.2.4 took struct plistref).
#: dev/tprof/tprof_ioctl.h is not read: it is not installed (sys/dev/Makefile
#: 1.48 has no tprof in SUBDIR, and tprof(8) takes it from the source tree
#: with -I${NETBSDSRCDIR}/sys), so kdump never sees it; its
#: TPROF_IOC_STOP (_IO('T', 3) up to 1.3.54.1) stays SEQUENCER_TMR_STOP's.
#: scripts/ioctl_coverage.md lists the installed headers with requests,
#: read or not, and why not.
NETBSD_HEADERS = ("sys/sys/ttycom.h", "sys/sys/filio.h", "sys/sys/sockio.h",
                  "sys/sys/ioctl_compat.h", "sys/sys/dkio.h", "sys/sys/fdio.h",
                  "sys/sys/mtio.h", "sys/sys/audioio.h", "sys/sys/drvctlio.h",
                  "sys/net/if_tun.h", "sys/dev/wscons/wsconsio.h",
                  "sys/sys/cdio.h", "sys/sys/scsiio.h", "sys/sys/dvdio.h",
                  "sys/sys/ataio.h", "sys/net/bpf.h", "sys/dev/pci/pciio.h",
                  "sys/sys/power.h", "sys/sys/envsys.h",
                  "sys/dev/usb/usb.h", "sys/netinet6/in6_var.h",
                  "sys/sys/rndio.h", "sys/dev/wscons/wsdisplay_usl_io.h",
                  "sys/net/if_tap.h", "sys/net/if_gre.h",
                  "sys/net/if_pppoe.h", "sys/dev/vndvar.h", "sys/sys/wdog.h",
                  "sys/sys/ksyms.h", "sys/sys/gpio.h", "sys/dev/biovar.h",
                  "sys/sys/ipmi.h", "sys/sys/agpio.h", "sys/sys/chio.h",
                  "sys/sys/midiio.h", "sys/sys/radioio.h",
                  "sys/sys/joystick.h", "sys/sys/videoio.h",
                  "sys/sys/kcov.h", "sys/dev/spi/spi_io.h",
                  "sys/sys/timepps.h", "sys/net/if_ppp.h",
                  "sys/net/if_sppp.h", "sys/net/npf/npf.h",
                  "sys/sys/verified_exec.h", "sys/dev/cgdvar.h",
                  "sys/dev/md.h", "sys/dev/sun/fbio.h", "sys/sys/lua.h",
                  "sys/dev/hdaudio/hdaudioio.h",
                  "sys/sys/ioctl.h", "sys/sys/cpuio.h", "sys/sys/scanio.h",
                  "sys/dev/spkrio.h", "sys/net/if_srt.h",
                  "sys/dev/ofw/openfirmio.h", "sys/dev/usb/ukyopon.h",
                  "sys/dev/usb/utoppy.h", "sys/dev/usb/urio.h",
                  "lib/libossaudio/soundcard.h", "sys/dev/ic/bt8xx.h",
                  "sys/opencrypto/cryptodev.h", "sys/dev/ccdvar.h",
                  "sys/dev/scsipi/ses.h", "sys/dev/iscsi/iscsi_ioctl.h",
                  "sys/netbt/hci.h", "sys/dev/bluetooth/btdev.h",
                  "sys/dev/bluetooth/btsco.h", "sys/sys/event.h",
                  "sys/dev/kttcpio.h", "sys/fs/autofs/autofs_ioctl.h",
                  "sys/dev/lockstat.h", "sys/dev/ic/qemufwcfgio.h",
                  "sys/dev/dmover/dmover_io.h", "sys/dev/ic/athioctl.h",
                  "sys/dev/dm/netbsd-dm.h", "sys/dev/sun/vuid_event.h",
                  "sys/dev/pci/amrio.h", "sys/dev/isa/isvio.h",
                  "sys/dev/vme/xio.h", "sys/dev/sbus/mbppio.h",
                  "sys/dev/hdmicec/hdmicecio.h", "sys/dev/tc/sticio.h",
                  "sys/dev/isa/wtreg.h", "sys/dev/apm/apmio.h",
                  "sys/dev/ic/isp_ioctl.h", "sys/dev/sun/kbio.h",
                  "sys/dev/ic/mlxio.h", "sys/dev/pci/tweio.h",
                  "sys/dev/ir/irdaio.h", "sys/dev/hpc/hpcfbio.h",
                  "sys/dev/pcmcia/if_cnwioctl.h", "sys/dev/i2o/iopio.h",
                  "sys/dev/sun/disklabel.h", "sys/dev/ic/icp_ioctl.h",
                  "sys/dev/pci/mlyio.h", "sys/dev/ic/nvmeio.h",
                  "sys/dev/dtv/dtvio_frontend.h",
                  "sys/dev/dtv/dtvio_demux.h",
                  "sys/dist/pf/net/pfvar.h",
                  "sys/external/bsd/ipf/netinet/ip_fil.h",
                  "sys/external/bsd/ipf/netinet/ip_nat.h",
                  "sys/external/bsd/ipf/netinet/ip_lookup.h",
                  "sys/external/bsd/ipf/netinet/ip_scan.h",
                  "sys/altq/altq.h",
                  "sys/altq/altq_afmap.h", "sys/altq/altq_blue.h",
                  "sys/altq/altq_cbq.h", "sys/altq/altq_cdnr.h",
                  "sys/altq/altq_fifoq.h", "sys/altq/altq_hfsc.h",
                  "sys/altq/altq_jobs.h", "sys/altq/altq_priq.h",
                  "sys/altq/altq_red.h", "sys/altq/altq_rio.h",
                  "sys/altq/altq_wfq.h", "sys/dev/nvmm/nvmm_ioctl.h",
                  "sys/netsmb/smb_dev.h",
                  "sys/dev/raidframe/raidframeio.h", "sys/dev/fssvar.h",
                  "sys/sys/clockctl.h", "sys/netinet/sctp_uio.h",
                  "sys/dev/filemon/filemon.h")
#: Linux uapi headers read (x86 uses the asm-generic ones)
LINUX_HEADERS = ("include/uapi/asm-generic/ioctls.h",
                 "include/uapi/asm-generic/sockios.h",
                 "include/uapi/linux/sockios.h")

#: names mkioctls never emits: its ``keep`` list (mkioctls 1.32), each a
#: name whose value another header's name owns; ioctlname() is a switch, so
#: two names of one value cannot both be there; with them, every ALTQ
#: name its loops build, {RED,BLUE,RIO,FIFOQ,HFSC,PRIQ,WFQ,CBQ,CNDR}_
#: {IF_ATTACH,DISABLE,ENABLE,CONFIG,GETSTATS,IF_DETACH,ADD_CLASS,
#: DEL_CLASS,MOD_CLASS,ADD_FILTER,DEL_FILTER,CLEAR_HIERARCHY} ("CNDR",
#: not CDNR: altq_cdnr.h's names stay)
MKIOCTLS_SKIPPED = {
    "SLIOCGUNIT", "TUNSLMODE", "SIOCRMNAT", "SIOCADNAT", "SIOCDELST",
    "SIOCPROXY", "CHIOGPICKER", "KBDSTPMAT", "SIOCSLOWAT", "UTOPPYIOTURBO",
    "TIOCHPCL", "TIOCCBRK", "TIOCSDTR", "APM_IOC_SUSPEND", "APM_IOC_STANDBY",
    "BTDEV_GETINFO", "BTHSET_GETINFO", "JOY_GET_X_OFFSET", "SCIOC_USE_ADF",
    "SCBUSIOLLSCAN", "OPIOCGETNEXT", "OPIOCGET", "OPIOCGETCHILD",
    "OPIOCFINDDEVICE", "OPIOCGETOPTNODE", "OPIOCNEXTPROP", "OPIOCSET",
    "MBPPIOCSPARAM", "MBPPIOCGPARAM", "CLOCKCTL_ADJTIME", "OFIOCNEXTPROP",
    "OFIOCGET",
} | {f"{t}_{f}" for t in ("RED", "BLUE", "RIO", "FIFOQ", "HFSC", "PRIQ",
                          "WFQ", "CBQ", "CNDR")
     for f in ("IF_ATTACH", "DISABLE", "ENABLE", "CONFIG", "GETSTATS",
               "IF_DETACH", "ADD_CLASS", "DEL_CLASS", "MOD_CLASS",
               "ADD_FILTER", "DEL_FILTER", "CLEAR_HIERARCHY")}

#: sizeof() on NetBSD/amd64 of the argument types in NETBSD_HEADERS
NETBSD_SIZES = {
    "int": 4, "char": 1, "uint32_t": 4,
    "daddr_t": 8,                   # int64_t
    "struct termios": 44,           # 4 tcflag_t, cc_t[20], 2 int speeds
    "struct winsize": 8,            # 4 unsigned short
    "struct timeval": 16,           # time_t, suseconds_t (padded)
    "struct mbuf *": 8,
    "struct ptmget": 2056,          # 2 int, 2 char[PATH_MAX = 1024]
    "linedn_t": 32,                 # char[TTLINEDNAMELEN]
    "struct sgttyb": 6,             # 4 char, short
    "struct tchars": 6, "struct ltchars": 6,    # 6 char
    # sys/sockio.h 1.40; structs of net/if.h 1.304 unless said otherwise.
    # struct sockaddr is 16 bytes (sa_len, sa_family, sa_data[14]); struct
    # sockaddr_storage 128, 8-aligned (len, family, pad[6], int64, pad[112])
    "struct ifreq": 144,            # char[16], union with sockaddr_storage
    "struct ifconf": 16,            # int, pad, union of pointers
    "struct ifaliasreq": 64,        # char[16], 3 struct sockaddr
    "struct if_laddrreq": 280,      # char[16], 2 u_int, 2 sockaddr_storage
    "struct if_addrprefreq": 152,   # char[16], int16_t, pad, sockaddr_storage
    "struct ifmediareq": 48,        # char[16], 5 int, pad, int *
    "struct ifdrv": 40,             # char[16], u_long, size_t, void *
    "struct if_clonereq": 16,       # 2 int, char *
    "struct ifcapreq": 32,          # char[16], 2 uint64_t
    "struct ifdatareq": 152,        # char[16], struct if_data: 3 u_char, pad,
                                    # int, 14 uint64_t, struct timespec (16)
    "struct ifaddr": 112,           # (user-space view) 4 pointers, TAILQ_ENTRY,
                                    # ifaddr_data (2 int64_t), fn pointer,
                                    # u_int, 2 int, pad, fn pointer,
                                    # uint32_t *, int16_t, pad
    "struct ortentry": 56,          # net/route.h: u_int32_t, 2 sockaddr,
                                    # 2 int16_t, u_int32_t, pad, ifnet *
    "struct sioc_vif_req": 40,      # netinet/ip_mroute.h: vifi_t (u_int16_t),
                                    # pad, 4 u_long
    "struct sioc_sg_req": 32,       # netinet/ip_mroute.h: 2 in_addr, 3 u_long
    "struct eccapreq": 24,          # net/if_ether.h: char[16], 2 int
    "struct in_nbrinfo": 40,        # netinet/in_var.h: char[16], in_addr, pad,
                                    # long, 2 int
    # sys/dkio.h 1.26 (structs of sys/disklabel.h 1.127, sys/disk.h,
    # sys/dkbad.h, prop/plistref.h)
    "struct disklabel": 408,        # 148 bytes of header, MAXPARTITIONS (16
                                    # on amd64) 16-byte partitions, padded to
                                    # the 8 of its d_un union (pointers)
    "struct format_op": 56,         # char *, int, pad, daddr_t, int[8]
    "struct dkbad": 512,            # int32_t, 2 uint16_t, 126 * 2 uint16_t
    "struct disk_badsecinfo": 24,   # 4 uint32_t, void *
    "struct dkwedge_info": 208,     # char[16], uint8_t[128], char[16],
                                    # daddr_t, uint64_t, char[32]
    "struct dkwedge_list": 24,      # void *, size_t, 2 u_int
    "struct disk_strategy": 48,     # char[DK_STRATEGYNAMELEN = 32], char *,
                                    # size_t
    "struct plistref": 16,          # void *, size_t
    "struct disk_sectoralign": 8,   # 2 uint32_t
    "u_int": 4, "off_t": 8,
    # sys/fdio.h 1.6
    "struct fdformat_parms": 40,    # 10 unsigned int
    "struct fdformat_cmd": 12,      # unsigned int, 2 int
    # sys/mtio.h 1.20
    "struct mtop": 8,               # short, pad, int32_t
    "struct mtget": 56,             # 4 short, 4 int32_t, 2 int32_t[4]
    "u_int32_t": 4,
    # sys/audioio.h 1.40
    "struct audio_info": 136,       # 2 audio_prinfo (12 u_int, 8 u_char: 56),
                                    # 6 u_int
    "u_long": 8,
    "struct audio_device": 48,      # 3 char[16]
    "struct audio_encoding": 32,    # int, char[16], 3 int
    "struct audio_offset": 12,      # 3 u_int
    "struct audio_format_query": 112,   # u_int, pad, audio_format (void *,
                                    # int32_t, 6 u_int, u_int[16], int: 104)
    "mixer_ctrl_t": 20,             # 2 int, union of int and mixer_level_t
                                    # (int, u_char[8]: 12)
    "mixer_devinfo_t": 812,         # int, audio_mixer_name_t (char[16], int),
                                    # 4 int, union: int + 32 * (name, int)
    # sys/drvctlio.h 1.7
    "struct devdetachargs": 16,     # char[16]
    "struct devrescanargs": 48,     # 2 char[16], unsigned int, pad, int *
    "struct devpmargs": 20,         # char[16], uint32_t
    "struct devlistargs": 32,       # char[16], char (*)[16], size_t
    # dev/wscons/wsconsio.h 1.126.4.1 (netbsd-10); kbd_t is u_int32_t
    # (dev/wscons/wsksymvar.h 1.11).  These sizes and those of cdio.h,
    # scsiio.h, ataio.h and dvdio.h below were worked out by hand and
    # checked against gcc's sizeof on x86-64 (the same LP64 psABI) with
    # NetBSD's typedefs spelled out.
    "kbd_t": 4, "u_int[2]": 8,
    "struct wscons_event": 24,      # u_int, int, struct timespec (16)
    "struct wskbd_bell_data": 16,   # 4 u_int
    "struct wskbd_keyrepeat_data": 12,  # 3 u_int
    "struct wskbd_map_data": 16,    # u_int, pad, struct wscons_keymap *
    "struct wskbd_scroll_data": 12,     # 3 u_int
    "struct wsmouse_calibcoords": 276,  # 5 int, 16 * 4 int
    "struct wsmouse_id": 264,       # 2 u_int, u_char[WSMOUSE_ID_MAXLEN = 256]
    "struct wsmouse_repeat": 24,    # unsigned long, 3 unsigned int, pad
    "struct wsmouse_parameters": 16,    # struct wsmouse_param *, u_int, pad
    "struct wsdisplay_fbinfo": 16,  # 4 u_int
    "struct wsdisplay_cmap": 32,    # 2 u_int, 3 u_char *
    "struct wsdisplay_curpos": 8,   # 2 u_int
    "struct wsdisplay_cursor": 80,  # 2 u_int, 2 curpos, cmap (32, at 24),
                                    # curpos, 2 u_char *
    "struct wsdisplay_font": 48,    # const char *, 3 int, 3 u_int, 2 int,
                                    # void * (at 40)
    "struct wsdisplay_addscreendata": 24,   # int, pad, 2 char *
    "struct wsdisplay_delscreendata": 8,    # 2 int
    "struct wsdisplay_usefontdata": 8,      # char *
    "struct wsdisplay_kbddata": 8,  # 2 int
    "struct wsdisplay_param": 32,   # 4 int, int[4]
    "struct wsdisplay_char": 16,    # 2 int, uint16_t, 2 uint8_t, char, pad
    "struct wsdisplay_scroll_data": 12,     # 3 u_int
    "struct wsdisplay_msgattrs": 24,        # 6 int
    "struct wsmux_device": 8,       # 2 int
    "struct wsmux_device_list": 260,        # int, 32 struct wsmux_device
    "struct wsdisplayio_bus_id": 36,        # u_int, union of 4-aligned
                                    # structs and char pad[32]
    "struct wsdisplayio_edid_info": 16,     # 2 uint32_t, void *
    "struct wsdisplayio_fbinfo": 72,        # 2 uint64_t, 5 uint32_t, union
                                    # (8 uint32_t: 32, at 36), uint32_t
    "struct wsdisplayio_blit": 36,  # 9 uint32_t
    "struct wsdisplayio_fontinfo": 16,      # 2 uint32_t, pointer
    # sys/cdio.h 1.34
    "struct ioc_play_track": 4,     # 4 u_char
    "struct ioc_play_blocks": 8,    # 2 int
    "struct ioc_read_subchannel": 16,       # 3 u_char, pad, int, pointer
    "struct ioc_toc_header": 4,     # u_short, 2 u_char
    "struct ioc_read_toc_entry": 16,        # 2 u_char, u_short, pad, pointer
    "struct ioc_patch": 4, "struct ioc_vol": 4,     # u_char[4]
    "struct ioc_play_msf": 6,       # 6 u_char
    "struct ioc_load_unload": 2,    # 2 u_char
    # sys/scsiio.h 1.13
    "scsireq_t": 120,               # 2 u_long, u_char[16], u_char, pad,
                                    # void *, 2 u_long, u_char[48], 4 u_char,
                                    # int
    "struct scsi_addr": 16,         # int, union of 3 int and 2 int
    "struct oscsi_addr": 12,        # 3 int
    "struct scbusioscan_args": 8, "struct scbusiodetach_args": 8,   # 2 int
    "struct scbusaccel_args": 12,   # 3 int
    # sys/ataio.h 1.9
    "atareq_t": 40,                 # u_long, 5 u_char, pad, u_short, void *,
                                    # u_long, int, 2 u_char, pad
    "struct atabusioscan_args": 4, "struct atabusiodetach_args": 4,  # int
    # sys/dvdio.h 1.8: unions whose members have bit-fields.  dvd_struct is
    # its largest member, struct dvd_manufact: 2 uint8_t, pad, int,
    # uint8_t[2048] = 2056 (the bit-field members are smaller whatever
    # their layout: dvd_physical 84, dvd_disckey 2052).  dvd_authinfo is
    # struct dvd_lu_send_title_key: uint8_t, ``unsigned agid:2`` in the
    # same 4-byte unit (bits 8-9), dvd_key (uint8_t[5]) at 2, int at 8,
    # three unsigned bit-fields at 12, 4-aligned = 16 (the psABI packing
    # of bit-fields, which gcc confirms)
    "dvd_struct": 2056,
    "dvd_authinfo": 16,
    # net/bpf.h 1.78.4.1 (netbsd-10; BIOC[SG]ORTIMEOUT need COMPAT_50);
    # struct ifreq and struct timeval as above.  These and the sizes of
    # pciio.h, power.h and envsys.h below were checked with gcc as above.
    "struct bpf_program": 16,       # u_int, pad, struct bpf_insn *
    "struct bpf_stat": 128,         # 3 uint64_t, uint64_t[13]
    "struct bpf_stat_old": 8,       # 2 u_int
    "struct bpf_version": 4,        # 2 u_short
    "struct bpf_dltlist": 16,       # u_int, pad, u_int *
    # dev/pci/pciio.h 1.5
    "struct pciio_cfgreg": 8,       # u_int, uint32_t
    "struct pciio_bdf_cfgreg": 20,  # 3 u_int, struct pciio_cfgreg
    "struct pciio_businfo": 8,      # 2 u_int
    "struct pciio_drvname": 24,     # 2 u_int, char[PCI_IO_DRVNAME_LEN = 16]
    "struct pciio_drvnameonbus": 28,    # 3 u_int, char[16]
    # sys/power.h 1.23 (struct plistref as above)
    "struct power_type": 32,        # char[32]
    # sys/envsys.h 1.39
    "envsys_tre_data_t": 32,        # u_int, 4 unions of (u)int32_t,
                                    # 2 uint32_t, u_int
    "envsys_basic_info_t": 56,      # 2 u_int, char[33], pad, 3 u_int
    # dev/usb/usb.h 1.121.4.1 (netbsd-10).  The descriptors are UPACKED
    # (__packed) arrays of uint8_t; these sizes and those of in6_var.h
    # below were checked with gcc as above.
    "struct usb_ctl_request": 32,   # int, usb_device_request_t (packed 8),
                                    # pad, void *, 2 int
    "struct usb_device_info": 1268,     # 2 uint8_t, pad, cookie (uint32_t),
                                    # 2 char[384], char[8], char[384],
                                    # 3 uint16_t, 5 uint8_t, pad, 2 int,
                                    # char[4][16], uint8_t[16]
    "struct usb_device_info_old": 372,  # the same with char[128] strings
                                    # and no udi_serial
    "struct usb_device_stats": 32,  # unsigned long[4]
    "struct usb_ctl_report_desc": 1028, "struct usb_ctl_report": 1028,
                                    # int, unsigned char[1024]
    "struct usb_alt_interface": 12,     # 3 int
    "usb_device_descriptor_t": 18,  # packed, USB_DEVICE_DESCRIPTOR_SIZE
    "struct usb_config_desc": 16,   # int, packed 9 bytes, pad
    "struct usb_interface_desc": 24,    # 3 int, packed 9 bytes, pad
    "struct usb_endpoint_desc": 24,     # 4 int, packed 7 bytes, pad
    "struct usb_full_desc": 16,     # int, unsigned, unsigned char *
    "struct usb_string_desc": 264,  # 2 int, packed 2 + uWord[126], pad
    "struct usb_bulk_ra_wb_opt": 8,     # 2 unsigned
    # netinet6/in6_var.h 1.104 (requests with digits in their names left
    # out, as above); struct sockaddr_in6 is 28 bytes, 4-aligned (uint8_t,
    # sa_family_t, in_port_t, uint32_t, struct in6_addr, uint32_t)
    "struct in6_addrpolicy": 72,    # 2 sockaddr_in6, 2 int, u_quad_t
    "struct in6_ndireq": 32,        # netinet6/nd6.h 1.91: char[16], struct
                                    # nd_ifinfo (uint8_t, pad, 3 uint32_t)
    # From here on, every entry is declared with NetBSD's types in
    # tests/c/netbsd_ioctl_sizes.c, whose sizeof under gcc -m64 a test
    # compares with these.  sys/rndio.h 1.1: rndsource_t is char[16] and 3
    # uint32_t (28), rndsource_est_t that and 4 uint32_t (44); arrays of
    # RND_MAXSTATCOUNT = 10, data of RND_SAVEWORDS (128) * 4 bytes
    "rndstat_t": 288,               # 2 uint32_t, 10 rndsource_t
    "rndstat_name_t": 44,           # char[16], rndsource_t
    "rndctl_t": 28,                 # char[16], 3 uint32_t
    "rnddata_t": 520,               # 2 uint32_t, u_char[512]
    "rndpoolstat_t": 32,            # 8 uint32_t
    "rndstat_est_t": 448,           # 2 uint32_t, 10 rndsource_est_t
    "rndstat_est_name_t": 60,       # char[16], rndsource_est_t
    # sys/ksyms.h 1.32: struct ksyms_gsymbol is declared only #ifdef
    # ELFSIZE, which ioctlname() needs for KIOCGSYMBOL's case to compile;
    # taken as 64, amd64's: Elf64_Sym is uint32_t, 2 u_char, uint16_t,
    # 2 uint64_t = 24
    "struct ksyms_ogsymbol": 16,    # const char *, union of 2 pointers
    "struct ksyms_gsymbol": 32,     # const char *, union { Elf64_Sym }
    "struct ksyms_gvalue": 16,      # const char *, uint64_t
    # sys/wdog.h 1.6
    "struct wdog_mode": 24,         # char[WDOG_NAMESIZE = 16], int, u_int
    "pid_t": 4,                     # int32_t
    "struct wdog_conf": 16,         # char *, int, pad
    # dev/vndvar.h 1.33.10.3 (the *30/*50 requests are _KERNEL's)
    "struct vnd_ioctl": 40,         # char *, int, struct vndgeom (4
                                    # u_int32_t), unsigned int, uint64_t
    "struct vnd_user": 24,          # int, pad, dev_t, ino_t (both 64-bit)
    # sys/gpio.h 1.15.16.1 (the old API is COMPAT_50's); GPIOMAXNAME 64
    "struct gpio_info": 4,          # int
    "struct gpio_req": 72,          # char[64], 2 int
    "struct gpio_set": 140,         # char[64], 3 int, char[64]
    "struct gpio_attach": 28,       # char[16], int, 2 uint32_t
    # sys/midiio.h 1.5
    "mpu_command_rec": 33,          # u_char, 2 char, u_char[30]
    "struct seq_event_rec": 8,      # u_char[CMDSIZE = 8]
    "struct synth_info": 56,        # char[30], pad, 5 int, u_int
    # sys/radioio.h 1.2.120.1
    "struct radio_info": 32,        # 5 int, 3 uint32_t
    # dev/wscons/wsdisplay_usl_io.h 1.5
    "vtmode_t": 8,                  # struct vt_mode: 2 char, 3 short
    "struct vt_stat": 6,            # 3 unsigned short
    "struct kbentry": 4,            # 2 unchar, ushort
    "struct pcvtid": 24,            # char[PCVTIDNAMELN = 16], 2 int
    # net/if_pppoe.h 1.15 (net/if_tap.h and net/if_gre.h take struct ifreq)
    "struct pppoediscparms": 64,    # 2 char[IFNAMSIZ = 16], char *, size_t,
                                    # char *, size_t
    # sys/chio.h 1.11; struct changer_voltag is char[33], pad, uint16_t = 36
    "struct changer_move_request": 20,          # 5 int
    "struct changer_exchange_request": 28,      # 7 int
    "struct changer_position_request": 12,      # 3 int
    "struct changer_params": 20,                # 5 int
    "struct ochanger_element_status_request": 16,   # int, pad, uint8_t *
    "struct changer_element_status_request": 32,    # 4 int, 2 pointers
    "struct changer_set_voltag_request": 48,    # 3 int, changer_voltag
    # dev/biovar.h 1.1.16.2 (each begins with a void * cookie)
    "struct bio_locate": 16,        # 2 pointers
    "struct bioc_inq": 32,          # void *, char[16], 2 int
    "struct bioc_disk": 128,        # void *, 4 uint16_t, 3 int, pad,
                                    # uint64_t, char[32+32+16], bool, pad
    "struct bioc_vol": 96,          # void *, int, int16_t, uint16_t, int,
                                    # pad, uint64_t, 2 int, char[16+32],
                                    # uint16_t, pad
    "struct bioc_alarm": 16,        # void *, 2 int
    "struct bioc_blink": 16,        # void *, 2 uint16_t, int
    "struct bioc_setstate": 24,     # void *, 4 uint16_t, 2 int
    "struct bioc_volops": 48,       # void *, 2 uint64_t, uint32_t,
                                    # 5 uint16_t, pad, 2 int
    # sys/kcov.h 1.9
    "uint64_t": 8,
    "struct kcov_ioc_remote_attach": 16,    # 2 uint64_t
    # dev/spi/spi_io.h 1.1
    "spi_ioctl_configure_t": 12,    # 3 int
    "spi_ioctl_transfer_t": 40,     # int, pad, pointer, size_t, pointer,
                                    # size_t
    # sys/agpio.h 1.3 (its group is AGPIOC_BASE, 'A')
    "agp_info": 56,                 # 2 u_int16_t, 2 u_int32_t, pad, off_t,
                                    # 4 size_t
    "agp_setup": 4,                 # u_int32_t
    "agp_allocate": 32,             # int, pad, size_t, u_int32_t, pad,
                                    # paddr_t (unsigned long)
    "agp_bind": 16,                 # int, pad, off_t
    "agp_unbind": 8,                # int, u_int32_t
    # sys/ipmi.h 1.2; struct ipmi_msg is 2 u_char, u_short, pad, pointer
    "struct ipmi_req": 40,          # pointer, u_int, pad, long, ipmi_msg
    "struct ipmi_recv": 48,         # int, pad, pointer, u_int, pad, long,
                                    # ipmi_msg
    "struct ipmi_cmdspec": 2,       # 2 u_char
    "unsigned int": 4,
    # sys/videoio.h 1.4.16.4 (enums are int-sized; the *32 requests have
    # digits in their names).  struct v4l2_pix_format is 8 4-byte fields
    # (32), v4l2_rect 4 int32_t (16), v4l2_fract 2 uint32_t (8)
    "v4l2_std_id": 8,               # uint64_t
    "enum v4l2_priority": 4,
    "struct v4l2_capability": 104,  # uint8_t[16+32+32], 6 uint32_t
    "struct v4l2_fmtdesc": 64,      # 3 4-byte fields, uint8_t[32], 5 uint32_t
    "struct v4l2_format": 204,      # __packed__: enum, a 200-byte union
                                    # (raw_data[200]; v4l2_window is 48)
    "struct v4l2_requestbuffers": 20,   # uint32_t, 2 enum, uint32_t[2]
    "struct v4l2_buffer": 88,       # 5 4-byte fields, pad, struct timeval
                                    # (16, at 24), v4l2_timecode (16),
                                    # uint32_t, enum, union with unsigned
                                    # long (at 64), 3 uint32_t, pad
    "struct v4l2_framebuffer": 48,  # 2 uint32_t, void *, v4l2_pix_format
    "struct v4l2_streamparm": 204,  # enum, a 200-byte union (4-aligned)
    "struct v4l2_standard": 72,     # uint32_t, pad, v4l2_std_id, uint8_t[24],
                                    # v4l2_fract, 5 uint32_t, pad
    "struct v4l2_input": 80,        # uint32_t, uint8_t[32], 3 uint32_t,
                                    # v4l2_std_id (at 48), 5 uint32_t, pad
    "struct v4l2_output": 72,       # the same without status
    "struct v4l2_control": 8,       # uint32_t, int32_t
    "struct v4l2_tuner": 84,        # uint32_t, uint8_t[32], enum, 7 more
                                    # 4-byte fields, uint32_t[4]
    "struct v4l2_audio": 52, "struct v4l2_audioout": 52,
                                    # uint32_t, uint8_t[32], 2 uint32_t,
                                    # uint32_t[2]
    "struct v4l2_queryctrl": 68,    # uint32_t, enum, uint8_t[32],
                                    # 5 4-byte fields, uint32_t[2]
    "struct v4l2_querymenu": 44,    # 2 uint32_t, uint8_t[32], uint32_t
    "struct v4l2_modulator": 68,    # uint32_t, uint8_t[32], 4 uint32_t,
                                    # uint32_t[4]
    "struct v4l2_frequency": 44,    # uint32_t, enum, uint32_t, uint32_t[8]
    "struct v4l2_cropcap": 44,      # enum, 2 v4l2_rect, v4l2_fract
    "struct v4l2_crop": 20,         # enum, v4l2_rect
    "struct v4l2_jpegcompression": 140,     # 3 int, char[60], int,
                                    # char[60], uint32_t
    # sys/timepps.h 1.3; pps_timeu_t is a union of struct timespec (16),
    # 2 unsigned int and unsigned long[2]: 16, 8-aligned
    "pps_params_t": 40,             # 2 int, 2 pps_timeu_t
    "pps_info_t": 48,               # 2 u_int32_t, 2 pps_timeu_t, int, pad
    # net/if_ppp.h 1.15, structs of net/ppp_defs.h 1.4 (PPPIOCSPASS and
    # PPPIOCSACTIVE need PPP_FILTER, which kdump's build does not define)
    "ext_accm": 32,                 # u_int32_t[8]
    "struct ppp_option_data": 16,   # u_char *, u_int, int
    "struct npioctl": 8,            # int, enum NPmode
    "struct ppp_idle": 16,          # 2 time_t
    "struct ifpppstatsreq": 72,     # char[16], struct ppp_stats (struct
                                    # pppstat: 6 unsigned int, struct
                                    # vjstat: 8 unsigned int)
    "struct ifpppcstatsreq": 72,    # char[16], 2 struct compstat
                                    # (7 unsigned int)
    # net/if_sppp.h 1.36 (the structures it had in 1.7.2.7; the newer
    # ones at the end); each begins with char[IFNAMSIZ = 16]
    "struct spppauthcfg": 80,       # char[16], 8 u_int, 4 char *
    "struct sppplcpcfg": 20, "struct spppstatus": 20,   # char[16], int
    "struct spppauthfailurestats": 24,      # char[16], 2 int
    "struct spppauthfailuresettings": 20,   # char[16], int
    "struct spppdnssettings": 20,   # char[16], int
    "struct spppdnsaddrs": 24,      # char[16], u_int32_t[2]
    # net/npf.h as NetBSD 10 installs it (nvlist_ref_t at the end)
    "struct npf_ioctl_table": 40,   # int, pad, const char *, union of
                                    # npf_ioctl_ent_t (int, npf_addr_t: a
                                    # union of 16 bytes, 4-aligned,
                                    # uint8_t, pad: 24) and npf_ioctl_buf_t
                                    # (void *, size_t: 16)
    "void *": 8,
    # sys/verified_exec.h 1.59 and dev/hdaudio/hdaudioio.h 1.1.18.2
    # take struct plistref only.  dev/cgdvar.h 1.21
    "struct cgd_ioctl": 64,         # const char *, 2 int, size_t,
                                    # 2 const char *, size_t, const char *,
                                    # size_t
    # dev/md.h 1.8.40.2
    "struct md_conf": 24,           # void *, size_t, int, pad
    # dev/sun/fbio.h 1.8.74.1 (FBIOGINFO is #ifdef notdef)
    "struct fbtype": 24,            # 6 int
    "struct fbcmap": 32,            # 2 u_int, 3 u_char *
    "struct fbgattr": 88,           # 2 int, struct fbtype, struct fbsattr
                                    # (2 int, int[8]), int[4]
    "struct fbcurpos": 4,           # 2 short
    "struct fbcursor": 72,          # 2 short, 2 fbcurpos, pad, fbcmap (at
                                    # 16), fbcurpos, pad, 2 char *
    # sys/lua.h 1.10 (MAXPATHLEN 1024)
    "struct lua_info": 16,          # int, pad, struct lua_state_info *
    "struct lua_create": 80,        # char[16], char[64]
    "struct lua_require": 48,       # char[16], char[32]
    "struct lua_load": 1040,        # char[16], char[1024]
    # sys/ioctl.h 1.37 (its PTIOC* requests pass one on to a device)
    "struct ioctl_pt": 16,          # unsigned long, void *
    # sys/cpuio.h 1.10 (1.1's cpustate_t, with bool flags and a time_t,
    # was 48 bytes)
    "cpustate_t": 44,               # u_int, 4 uint8_t, int32_t, char[16],
                                    # int32_t, 3 uint32_t
    # sys/scanio.h 1.2.196.1
    "struct scan_io": 80,           # 2 u_long, 2 u_short, pad, 2 u_long,
                                    # 4 u_char, pad, 3 u_long, u_short,
                                    # u_char, pad
    # dev/spkrio.h 1.3 (SPKR[GS]ETVOL take u_int)
    "tone_t": 8,                    # 2 int
    # net/if_srt.h 1.3.40.1
    "struct srt_rt": 80,            # 2 int, union of in_addr and in6_addr
                                    # (16), u_int, pad, union of a pointer
                                    # and char[16], union of sockaddr_in,
                                    # sockaddr_in6 (28) and sockaddr, pad
    # dev/ofw/openfirmio.h 1.4.6.2
    "struct ofiocdesc": 32,         # 2 int, char *, int, pad, char *
    # dev/usb/ukyopon.h 1.2
    "struct ukyopon_identify": 40,  # char[16], int, uint8_t, pad, 2 enum,
                                    # 2 int
    # dev/usb/utoppy.h 1.1.2.2
    "struct utoppy_stats": 16,      # 2 uint64_t
    "struct utoppy_rename": 16,     # 2 char *
    "char *": 8,
    "struct utoppy_readfile": 16,   # char *, off_t
    "struct utoppy_writefile": 32,  # char *, 2 off_t, time_t
    # dev/usb/urio.h 1.3.70.1
    "struct urio_command": 40,      # unsigned short, pad, 4 int, pad,
                                    # void *, int, pad
    # soundcard.h 1.34 (lib/libossaudio; its typedef names as the lines
    # spell them)
    "struct audio_buf_info": 16,    # 4 int
    "struct count_info": 12,        # 3 int
    "struct buffmem_desc": 16,      # unsigned int *, int, pad
    "mixer_info": 92,               # char[16], char[32], int, int[10]
    "_old_mixer_info": 48,          # char[16], char[32]
    "uint": 4,                      # sys/types.h: unsigned int
    "struct audio_errinfo": 104,    # 10 int, int[16]
    "oss_count_t": 144,             # long long, int, int[32], pad
    "oss_mixer_enuminfo": 3528,     # 4 int, short[255], char[3000], pad
    "unsigned long long": 8,
    "oss_sysinfo": 1248,            # char[32], char[32], int, char[128],
                                    # int, int[8], 4 int, int[8], 2 int,
                                    # char[16], char[256], int[172]
    "oss_mixext": 220,              # 6 int, char[16], 3 int, char[64],
                                    # u_char[32], int, u_int, char[32],
                                    # 2 int, int[6]
    "oss_mixer_value": 52,          # 5 int, int[8]
    "oss_audioinfo": 1180,          # int, char[64], 6 int, char[64],
                                    # 12 int, char[32], int, int[20],
                                    # char[64], char[16], int, char[32],
                                    # 2 int, int[184]
    "oss_mixerinfo": 1136,          # int, char[16], char[32], 3 int,
                                    # char[32], 6 int, char[32], int,
                                    # int[245]
    "oss_card_info": 1176,          # int, char[16], char[128], int,
                                    # char[400], 2 int, int[154]
    "oss_longname_t": 64, "oss_label_t": 16,    # char[64], char[16]
    # dev/ic/bt8xx.h 1.1.1.1 (the BT848* requests have digits: not
    # sized, as mkioctls leaves them out)
    "struct meteor_capframe": 6,    # 3 short
    "struct meteor_geomet": 16,     # 3 u_short, pad, u_long
    "unsigned short": 2, "signed char": 1, "unsigned char": 1,
    "unsigned long": 8,
    "struct meteor_counts": 40,     # 5 u_long
    "struct meteor_video": 32,      # 4 u_long
    "struct meteor_pixfmt": 48,     # u_int, enum, u_int, pad, u_long[3],
                                    # 2 one-bit unsigned fields (one
                                    # unsigned int at 40), pad
    "struct bktr_chnlset": 20,      # 2 short, char[16]
    "struct bktr_remote": 3,        # unsigned char[3]
    # opencrypto/cryptodev.h 1.50.4.1 (installed as crypto/cryptodev.h);
    # struct crparam is void *, u_int, pad (16)
    "struct crypt_kop": 144,        # 2 u_int, 2 u_short, u_int,
                                    # struct crparam[8] (at 16)
    "struct crypt_mkop": 16,        # size_t, pointer
    "struct crypt_sfop": 16,        # size_t, pointer
    "struct cryptret": 16,          # size_t, pointer
    "struct crypt_result": 16,      # 2 u_int32_t, void *
    "struct session_op": 48,        # 4 u_int32_t, void *, int, pad,
                                    # void *, u_int32_t, pad
    "struct crypt_sgop": 16,        # size_t, pointer
    "struct crypt_op": 56,          # u_int32_t, 2 u_int16_t, u_int, pad,
                                    # 4 void *, u_int, pad
    "struct crypt_mop": 16,         # size_t, pointer
    # dev/ccdvar.h 1.37
    "struct ccd_ioctl": 32,         # char **, u_int, 3 int, uint64_t
    # dev/scsipi/ses.h 1.4: _IO only, with the group SESIOC, (('s' - 040)
    # << 8), which C shifts by 8 again: 0x530000 in the length bits
    # dev/iscsi/iscsi_ioctl.h 1.2 (group 0), its types from
    # dev/iscsi/iscsi.h 1.2 (ISCSI_STRING_LENGTH 224; iscsi_auth_info_t:
    # an unsigned int of bit fields, enum[4]: 20)
    "iscsi_get_version_parameters_t": 236,     # uint32_t, 3 uint16_t,
                                                # uint8_t[224], pad
    "iscsi_login_parameters_t": 104,   # uint32_t, int, bit fields (4),
                                       # iscsi_auth_info_t, 3 enum,
                                       # 3 uint32_t, 4 uint16_t,
                                       # 5 void * (at 64)
    "iscsi_logout_parameters_t": 8,             # 2 uint32_t
    "iscsi_remove_parameters_t": 12,            # 3 uint32_t
    "iscsi_conn_status_parameters_t": 12,       # 3 uint32_t
    "iscsi_send_targets_parameters_t": 256,     # 2 uint32_t, void *,
                                                # 3 uint32_t,
                                                # uint8_t[224], pad
    "iscsi_set_node_name_parameters_t": 460,    # uint32_t,
                                                # 2 uint8_t[224],
                                                # uint8_t[6], pad
    "iscsi_iocommand_parameters_t": 144,        # 3 uint32_t, bit
                                                # fields (4), uint64_t,
                                                # scsireq_t (at 24)
    "iscsi_register_event_parameters_t": 8,     # 2 uint32_t
    "iscsi_wait_event_parameters_t": 24,        # 2 uint32_t, enum,
                                                # 3 uint32_t
    # netbt/hci.h 1.35.12.1 (bdaddr_t: __packed uint8_t[6], from
    # netbt/bluetooth.h 1.8.14.1)
    "struct btreq": 56,             # char[16], union of (bdaddr_t,
                                    # 10 uint16_t: 26), uint8_t[16] and
                                    # struct bt_stats (10 uint32_t: 40)
    # dev/bluetooth/btsco.h 1.2.122.1 (btdev.h's requests take struct
    # plistref)
    "struct btsco_info": 24,        # 2 bdaddr_t, uint8_t, pad, 2 int
    # sys/event.h 1.45
    "struct kfilter_mapping": 24,   # char *, size_t, uint32_t, pad
    # dev/kttcpio.h 1.1.6.2
    "struct kttcp_io_args": 40,     # 2 unsigned long long, struct
                                    # timeval, 2 int
    # fs/autofs/autofs_ioctl.h 1.1
    "struct autofs_daemon_request": 1284,   # int, 5 char[256]
    "struct autofs_daemon_done": 40,        # 3 int, int[7]
    # dev/lockstat.h 1.15
    "lsenable_t": 48,               # 5 uintptr_t, 2 u_int
    "lsdisable_t": 536,             # size_t, struct timespec,
                                    # uint64_t[64]
    # dev/ic/qemufwcfgio.h 1.1.2.2
    "uint16_t": 2,
    # dev/dmover/dmover_io.h 1.3.120.1
    "struct dmio_setfunc": 64,      # char[64]
    # dev/ic/athioctl.h 1.14.86.1 (SIOCGATHSTATS takes struct ifreq)
    "struct ath_diag": 48,          # char[16], 2 u_int16_t, pad,
                                    # 2 void *, u_int, pad
    # dev/dm/netbsd-dm.h 1.6.40.2: struct plistref, the group DM_IOCTL
    # (0xfd) and number DM_IOCTL_CMD (0) named by the header
    # dev/sun/vuid_event.h 1.1.10.2: int
    # dev/pci/amrio.h 1.1.10.2 (its numbers 0x200 and 0x201 run into
    # the group bits: 'A' << 8 | 0x200 is 0x4300)
    "struct amr_user_ioctl": 56,    # u_char[32], void *, u_long, 2 int
    # dev/isa/isvio.h 1.1.2.2
    "struct isv_cmd": 2,            # 2 uint8_t
    # dev/vme/xio.h 1.4.72.1
    "struct xd_iocmd": 24,          # 4 u_char, 2 u_short, u_int, pad,
                                    # void *
    # dev/sbus/mbppio.h 1.1.154.1 (MBPPIOC[SG]PARAM are in the keep
    # list): int.  dev/hdmicec/hdmicecio.h 1.1.2.2: uint16_t, uint32_t.
    # dev/tc/sticio.h 1.4.64.1 (STICIO_[SR]*860 have digits)
    "struct stic_xinfo": 32,        # 3 int, 5 u_int
    # dev/isa/wtreg.h 1.8.120.1: _IO only.  dev/apm/apmio.h 1.1.16.1
    # (APM_IOC_STANDBY and APM_IOC_SUSPEND are in the keep list)
    "struct apm_event_info": 40,    # 2 u_int, u_int[8]
    "struct apm_power_info": 32,    # 4 u_char, 3 u_int, u_int[4]
    "struct apm_ctl": 8,            # 2 u_int
    # dev/ic/isp_ioctl.h 1.10 (the group ISP_IOC is (021), 0x11)
    "isp_stats_t": 136,             # 4 uint8_t, uint32_t, uint64_t[16]
    "struct isp_fc_device": 24,     # uint32_t, bit fields (4), 2 uint64_t
    "struct isp_hba_device": 40,    # bit fields (4), 4 uint8_t,
                                    # 4 uint64_t
    "struct isp_fc_param": 20,      # char[16], uint32_t
    "struct isp_fc_tsk_mgmt": 12,   # 2 uint32_t, enum
    # dev/sun/kbio.h 1.1.10.2
    "struct okiockey": 16,          # int, 2 u_char, char[10]
    "struct kiockeymap": 20,        # int, u_char, pad, u_short, char[10],
                                    # pad
    # dev/ic/mlxio.h 1.4
    "struct mlx_pause": 12,         # 3 int
    "struct mlx_usercommand": 48,   # size_t, void *, 2 int, u_int16_t,
                                    # u_int8_t[16], pad
    "struct mlx_rebuild_request": 12,   # 3 int
    "struct mlx_rebuild_status": 12,    # 2 u_int16_t, 2 int
    # dev/pci/tweio.h 1.1.8.2 (struct twe_cmd of dev/pci/twereg.h
    # 1.4.2.4: packed, 8 bytes of header, a union of 4 + 62 * 8 = 500
    # bytes, int32_t: 512)
    "struct twe_usercommand": 528,  # struct twe_cmd, void *, size_t
    "union twe_statrequest": 8,     # u_int32_t or 2 u_int32_t
    "struct twe_paramcommand": 24,  # u_int16_t, u_int8_t, pad, void *,
                                    # u_int8_t, pad
    "struct twe_drivecommand": 4,   # int
    # dev/ir/irdaio.h 1.4
    "struct irda_params": 12,       # 3 u_int
    # dev/hpc/hpcfbio.h 1.1.2.1 (HPCFB_MAXNAMELEN 32)
    "struct hpcfb_fbconf": 320,     # 3 short, 2 char[32], 2 short, pad,
                                    # 2 u_long, 2 short, pad, long,
                                    # 3 short, pad, 6 u_long, short, pad,
                                    # union (char[128], u_long and
                                    # 8 short), int, pad, void *
    "struct hpcfb_dspconf": 120,    # 3 short, char[32], pad, 4 u_long,
                                    # 2 short, char[32], 4 short, pad
    "struct hpcfb_dsp_op": 56,      # short, pad, long[4], short, pad,
                                    # void *
    # dev/pcmcia/if_cnwioctl.h 1.2.8.2 (struct ifreq: 144)
    "struct cnwstatus": 400,        # struct ifreq, u_char[256]
    "struct cnwistats": 384,        # struct ifreq, 30 u_quad_t
    "struct cnwitrail": 5272,       # struct ifreq, int, pad, 128 struct
                                    # cnwtrail (2 u_char, u_short, pad,
                                    # 2 struct timeval: 40)
    # dev/i2o/iopio.h 1.2.4.2
    "struct ioppt": 112,            # void *, size_t, void *, size_t,
                                    # 2 int, 3 struct ioppt_buf (void *,
                                    # size_t, int, pad: 24)
    "struct iovec": 16,             # void *, size_t
    # dev/sun/disklabel.h 1.1
    "struct sun_dkgeom": 38,        # 19 u_short
    "struct sun_dkctlr": 12,        # int, 3 short, pad
    "struct sun_dkpart": 16,        # 2 long
    # dev/ic/icp_ioctl.h 1.5.46.1, all packed (struct icp_rawcmd of
    # dev/ic/icpreg.h 1.1.6.2: u_int16_t, 6 u_int32_t, u_int8_t[12],
    # 4 u_int8_t, 4 u_int32_t, 17 struct icp_sg (2 u_int32_t): 194)
    "gdt_ucmd_t": 3290,             # 2 u_int16_t, u_int32_t, u_int16_t,
                                    # u_int32_t, struct (2 u_int32_t,
                                    # u_int16_t, union of struct
                                    # icp_rawcmd (194), icp_ioctlcmd (14),
                                    # icp_cachecmd (154)), u_int8_t[3072]
    "gdt_ctrt_t": 18,               # 3 u_int16_t, u_int32_t, 2 u_int8_t,
                                    # 3 u_int16_t
    "gdt_osv_t": 69,                # 3 u_int8_t, u_int16_t, char[64]
    "gdt_event_t": 302,             # 2 int, gdt_evt_str (2 u_int32_t,
                                    # 3 u_int16_t, 2 u_int8_t,
                                    # gdt_evt_data: u_int16_t, a union of
                                    # 16, u_int32_t, u_int8_t[256])
    "gdt_statist_t": 16,            # 8 u_int16_t
    "gdt_rescan_t": 145,            # u_int16_t, u_int8_t, u_int16_t,
                                    # 35 4-byte structures
    # dev/pci/mlyio.h 1.4.64.1 (union mly_cmd_packet of dev/pci/mlyreg.h
    # 1.5.74.1: packed structures of 64 bytes)
    "struct mly_user_command": 104,     # u_char, union (64), pad, 2 int,
                                        # 2 void *, int, pad
    "struct mly_user_health": 16,       # u_char, pad, void *
    # dev/ic/nvmeio.h 1.1 (dev/ic/nvmereg.h 1.9: struct nvme_sqe 64,
    # struct nvme_cqe 16, both __packed __aligned(8))
    "struct nvme_pt_command": 104,      # nvme_sqe, nvme_cqe, void *,
                                        # 3 uint32_t, pad
    # dev/dtv/dtvio_frontend.h 1.4 (enums: 4 bytes)
    "fe_status_t": 4,
    "struct dvb_frontend_parameters": 36,   # uint32_t, enum, union (the
                                            # OFDM parameters: 7 enums)
    "struct dvb_frontend_event": 40,        # enum, the parameters
    "struct dvb_frontend_info": 168,        # char[128], enum,
                                            # 8 uint32_t, enum
    "struct dvb_diseqc_master_cmd": 7,      # uint8_t[6], uint8_t
    "struct dvb_diseqc_slave_reply": 12,    # uint8_t[4], uint8_t, pad,
                                            # int
    "fe_sec_mini_cmd_t": 4,
    "fe_sec_tone_mode_t": 4,
    "fe_sec_voltage_t": 4,
    # dev/dtv/dtvio_demux.h 1.2.12.1
    "struct dmx_sct_filter_params": 60,     # uint16_t, dmx_filter_t
                                            # (3 uint8_t[16]), pad,
                                            # 2 uint32_t
    "struct dmx_pes_filter_params": 20,     # uint16_t, pad, 3 enums,
                                            # uint32_t
    "struct dmx_stc": 16,                   # 2 u_int, uint64_t
    "dmx_caps_t": 8,                        # uint32_t, int
    "dmx_source_t": 4,
    # net/pfvar.h 1.23 (sys/dist/pf/net): MAXPATHLEN 1024, sa_family_t 1;
    # struct pf_addr 16 (alignment 4), pf_addr_wrap 48 (a union of 32, a
    # union of pointers, 2 u_int8_t, pad), pf_rule_addr 56 (pf_addr_wrap,
    # 2 u_int16_t, 2 u_int8_t, pad), pf_pool 72, pf_pooladdr 88,
    # pfr_table 1064; struct pf_rule: 2 pf_rule_addr (112), 8 union
    # pf_rule_ptr (64), char[64 + 16 + 4 * 64 + 32], TAILQ_ENTRY, pf_pool,
    # 5 u_int64_t, 3 pointers, 2 int-sized, u_int32_t[PFTM_MAX = 20],
    # 6 u_int32_t, 2 u_int32_t, 7 4-byte fields, 5 u_int16_t, 2 struct
    # pf_rule_uid (12), u_int32_t, 23 u_int8_t, pad: 912
    "struct pfioc_rule": 2976,          # 4 u_int32_t, char[1024] * 2,
                                        # struct pf_rule
    "struct pfioc_state_kill": 136,     # sa_family_t, int,
                                        # 2 pf_rule_addr, char[16]
    "struct pfioc_state": 16,           # u_int32_t, void *
    "struct pfioc_if": 16,              # char[IFNAMSIZ]
    "struct pf_status": 424,            # 46 u_int64_t, 6 u_int32_t,
                                        # char[16], u_int8_t[16]
    "struct pfioc_natlook": 76,         # 4 pf_addr, 4 u_int16_t,
                                        # 3 u_int8_t, pad
    "struct pfioc_states": 16,          # int, union of pointers
    "struct pfioc_tm": 8,               # 2 int
    "struct pfioc_limit": 8,            # int, unsigned
    "struct pfioc_altq": 256,           # 3 u_int32_t, pad, struct
                                        # pf_altq (240: char[16], void *,
                                        # TAILQ_ENTRY, u_int8_t,
                                        # u_int16_t, u_int32_t, char[64]
                                        # * 2, 2 u_int32_t, u_int8_t,
                                        # 2 u_int16_t, union of
                                        # hfsc_opts (40), u_int32_t, pad)
    "struct pfioc_qstats": 24,          # 2 u_int32_t, void *, int,
                                        # u_int8_t, pad
    "struct pfioc_pooladdr": 1136,      # 4 u_int32_t, 3 u_int8_t,
                                        # char[1024], pad, pf_pooladdr
    "struct pfioc_ruleset": 1092,       # u_int32_t, char[1024], char[64]
    "struct pfioc_table": 1104,         # pfr_table, void *, 7 int,
                                        # u_int32_t
    "struct pf_osfp_ioctl": 136,        # pf_osfp_entry (SLIST_ENTRY,
                                        # 2 int-sized, char[32] * 3: 112),
                                        # u_int64_t, 4 u_int16_t,
                                        # 3 u_int8_t, pad, int
    "struct pfioc_trans": 16,           # 2 int, pointer
    "struct pfioc_src_nodes": 16,       # int, union of pointers
    "struct pfioc_iface": 40,           # char[16], void *, 4 int
    "struct pfioc_src_node_kill": 120,  # sa_family_t, pad, 2 pf_rule_addr
    # IPFilter: netinet/ip_fil.h 1.5.30.1 (u_32_t is u_int32_t on NetBSD,
    # netinet/ip_compat.h), ip_lookup.h 1.2 (FR_GROUPLEN 16), ip_scan.h
    # 1.1.1.2
    "struct ipfobj": 56,            # 2 u_32_t, void *, 3 int,
                                    # u_char[28] (no padding)
    "struct ipfunc_resolve": 56,    # char[32], 3 function pointers
    "struct iplookupop": 48,        # 2 int, u_int, char[16], pad,
                                    # size_t, void *
    "struct iplookupflush": 32,     # 2 int, 2 u_int, char[16]
    "struct ipscan *": 8,
    # altq/*.h (ALTQ3_COMPAT and ALTQ3_CLFIER_COMPAT defined; the names
    # of the keep list need no size): altq.h 1.4, struct flowinfo and
    # flowinfo_in 48 bytes (4-aligned), struct flow_filter 88 (int,
    # flowinfo_in, 2 in_addr, 4 u_int8_t, u_int8_t[24]), struct pktcntr
    # 2 u_int64_t, struct tb_profile 2 u_int; the *_interface structures
    # are char[IFNAMSIZ = 16], with a u_long in jobs and priq (24)
    "struct altqreq": 24,                   # char[16], u_long
    "struct tbrreq": 24,                    # char[16], tb_profile
    "struct atm_flowmap": 80,               # altq_afmap.h 1.3: char[16],
                                            # u_int8_t, pad, u_int16_t,
                                            # u_int32_t, union of
                                            # flowinfo(s) (48),
                                            # 2 u_int32_t
    "struct cbq_modify_class": 72,          # altq_cbq.h 1.11: interface,
                                            # cbq_class_spec_t (u_int,
                                            # pad, uint64_t, 8 four-byte
                                            # fields: 48), u_int32_t, pad
    # altq_cdnr.h 1.4.20.1: struct tc_action is int, pad, a union of
    # u_long and pointers (16)
    "struct cdnr_interface": 16,
    "struct cdnr_add_filter": 120,          # interface, u_long,
                                            # flow_filter, u_long
    "struct cdnr_delete_filter": 24,        # interface, u_long
    "struct cdnr_get_stats": 144,           # interface, 7 pktcntr,
                                            # 2 int, pointer
    "struct cdnr_add_element": 40,          # interface, tc_action, u_long
    "struct cdnr_delete_element": 24,       # interface, u_long
    "struct cdnr_add_tbmeter": 64,          # interface, tb_profile,
                                            # 2 tc_action, u_long
    "struct cdnr_modify_tbmeter": 32,       # interface, u_long, tb_profile
    "struct cdnr_tbmeter_stats": 56,        # interface, u_long, 2 pktcntr
    "struct cdnr_add_trtcm": 96,            # interface, 2 tb_profile,
                                            # 3 tc_action, int, pad, u_long
    "struct cdnr_modify_trtcm": 48,         # interface, u_long,
                                            # 2 tb_profile, int, pad
    "struct cdnr_tcm_stats": 72,            # interface, u_long, 3 pktcntr
    "struct cdnr_add_tswtcm": 88,           # interface, 3 u_int32_t, pad,
                                            # 3 tc_action, u_long
    "struct cdnr_modify_tswtcm": 40,        # interface, u_long,
                                            # 3 u_int32_t, pad
    # altq_jobs.h 1.5 (struct jobs_interface: char[16], u_long)
    "struct jobs_interface": 24,
    "struct jobs_attach": 40,               # interface, 3 u_int, pad
    "struct jobs_add_class": 80,            # interface, 2 int,
                                            # 5 int64_t, u_long
    "struct jobs_delete_class": 32,         # interface, u_long
    "struct jobs_modify_class": 88,         # interface, u_long, int, pad,
                                            # 5 int64_t, int, pad
    "struct jobs_add_filter": 128,          # interface, u_long,
                                            # flow_filter, u_long
    "struct jobs_delete_filter": 32,        # interface, u_long
    "struct jobs_class_stats": 40,          # pointer, int, pad, interface
    "struct priq_interface": 24,            # altq_priq.h 1.7: char[16],
                                            # u_long
    "struct redparams": 12,                 # altq_red.h 1.5: 3 int
    "struct redparams[RIO_NDROPPREC]": 36,  # altq_rio.h 1.5: 3 of them
    # altq_wfq.h 1.6
    "struct wfq_getstats": 64,              # interface, int, pad,
                                            # queue_stats (2 int,
                                            # 2 pktcntr: 40)
    "struct wfq_getqid": 72,                # interface, flowinfo, u_long
    "struct wfq_setweight": 24,             # interface, 2 int
    # dev/nvmm/nvmm_ioctl.h 1.12 (nvmm_machid_t and nvmm_cpuid_t are
    # uint32_t, gpaddr_t uint64_t; dev/nvmm/nvmm.h 1.16,
    # dev/nvmm/x86/nvmm_x86.h 1.21)
    "struct nvmm_ioc_capability": 104,      # 4 uint32_t, uint64_t, struct
                                            # nvmm_cap_md (3 uint64_t,
                                            # 2 uint32_t, uint64_t[6]: 80)
    "struct nvmm_ioc_machine_create": 4,
    "struct nvmm_ioc_machine_destroy": 4,
    "struct nvmm_ioc_machine_configure": 24,    # uint32_t, pad,
                                                # uint64_t, void *
    "struct nvmm_ioc_vcpu_create": 8,       # 2 uint32_t
    "struct nvmm_ioc_vcpu_destroy": 8,
    "struct nvmm_ioc_vcpu_configure": 24,   # 2 uint32_t, uint64_t, void *
    "struct nvmm_ioc_vcpu_setstate": 8,
    "struct nvmm_ioc_vcpu_getstate": 8,
    "struct nvmm_ioc_vcpu_inject": 8,
    "struct nvmm_ioc_vcpu_run": 72,         # 2 uint32_t, struct
                                            # nvmm_x86_exit (uint64_t,
                                            # union of 32, 2 uint64_t and
                                            # 64 bits of bit-fields: 64)
    "struct nvmm_ioc_gpa_map": 40,          # uint32_t, pad, uintptr_t,
                                            # gpaddr_t, size_t, int, pad
    "struct nvmm_ioc_gpa_unmap": 24,        # uint32_t, pad, gpaddr_t,
                                            # size_t
    "struct nvmm_ioc_hva_map": 32,          # uint32_t, pad, uintptr_t,
                                            # size_t, int, pad
    "struct nvmm_ioc_hva_unmap": 32,
    "struct nvmm_ioc_ctl": 24,              # int, pad, void *, size_t
    # netsmb/smb_dev.h 1.2 (netsmb/smb.h 1.9: SMB_MAXSRVNAMELEN 15, the
    # user, password and share names 128; uid_t, gid_t and mode_t are
    # 32-bit; smbfh is u_int16_t)
    "struct smbioc_ossn": 496,              # 2 int, pointer, int, pad,
                                            # pointer, char[16], 2 int,
                                            # 2 char[16], 3 char[129],
                                            # pad, 4 four-byte ids, pad
    "struct smbioc_oshare": 284,            # 2 int, 2 char[129], pad,
                                            # 4 four-byte ids
    "struct smbioc_rq": 64,                 # 2 u_char, pad, void *,
                                            # u_short, pad, void *, int,
                                            # pad, char *, u_char, pad,
                                            # u_short, u_int8_t, pad,
                                            # u_int16_t, u_int32_t, pad
    "struct smbioc_t2rq": 88,               # u_int16_t[3], pad, int,
                                            # char *, 4 (u_short, pad,
                                            # void *)
    "struct smbioc_flags": 12,              # 3 int
    "struct smbioc_lookup": 792,            # 2 int, smbioc_ossn,
                                            # smbioc_oshare, pad
    "struct smbioc_rw": 32,                 # smbfh, pad, char *, off_t,
                                            # int, pad
    # dev/raidframe/raidframeio.h 1.11.6.1, types of
    # dev/raidframe/raidframevar.h 1.23
    "dev_t": 8,                             # uint64_t
    "struct rf_recon_req": 8,               # int, uint32_t
    "RF_SparetWait_t": 56,                  # 3 int, pad, uint64_t,
                                            # 2 int, 2 uint64_t, pointer
    "RF_AccTotals_t": 4,                    # mkioctls' own typedef:
                                            # struct crap { int _xxx; }
    "RF_ComponentLabel_t": 392,             # 98 4-byte fields (int[28],
                                            # int[42] among them)
    "RF_SingleComponent_t": 60,             # 2 int, char[50], pad
    "RF_ProgressInfo_t": 24,                # 3 uint64_t
    "struct rf_pmstat": 560,                # int, struct rf_pmparams,
                                            # daddr_t, char[4096 / 8],
                                            # 3 uint64_t
    "struct rf_pmparams": 12,               # 2 int, u_int
    "RF_DeviceConfig_t *": 8,
    # dev/fssvar.h 1.32 (blksize_t int32_t, blkcnt_t int64_t)
    "struct fss_set": 24,                   # 2 char *, blksize_t, int
    "struct fss_get": 136,                  # char[MNAMELEN = 90], pad,
                                            # struct timeval, blksize_t,
                                            # pad, 2 blkcnt_t
    # sys/clockctl.h 1.18 (CLOCKCTL_ADJTIME in the keep list)
    "struct clockctl_settimeofday": 16,     # 2 pointers
    "struct clockctl_clock_settime": 16,    # clockid_t (int), pad,
                                            # pointer
    "struct clockctl_ntp_adjtime": 16,      # pointer, __register_t (long)
    # netinet/sctp_uio.h 1.4
    "struct sctp_connectx_addrs": 16,       # __packed: 2 int, void *
    # dev/filemon/filemon.h 1.7 takes int and pid_t
    # Newer revisions of headers read before: sys/cpuio.h 1.10
    "struct cpu_ucode_version": 16,         # int, pad, void *
    "struct cpu_ucode": 1032,               # 2 int, char[PATH_MAX = 1024]
    # net/npf.h (NetBSD 10): libnv's nvlist_ref_t
    "nvlist_ref_t": 24,                     # void *, size_t, int, pad
    # net/if_sppp.h 1.36
    "struct spppstatusncp": 24,             # char[16], 2 int
    "struct spppidletimeout": 24,           # char[16], time_t
    "struct spppkeepalivesettings": 40,     # char[16], u_int, pad, time_t,
                                            # u_int, pad
    "struct sppplcpstatus": 48,             # char[16], 2 int, 3 u_long
    "struct spppipcpstatus": 40,            # char[16], int, pad, u_long,
                                            # u_int32_t, pad
    "struct spppncpcfg": 20,                # char[16], u_int
    # dev/cgdvar.h 1.21
    "struct cgd_user": 64,                  # int, pad, dev_t, char[32],
                                            # size_t, 2 int
    # net/if_pppoe.h 1.15
    "struct pppoeconnectionstate": 32,      # char[16], 4 u_int
    # dev/ic/mlxio.h 1.4
    "struct mlx_cinfo": 28,                 # 5 u_int, u_int8_t[4],
                                            # u_int8_t, u_int8_t[3]
}
#: sizeof() on Linux x86-64 (and i386) of the argument types in LINUX_HEADERS
LINUX_SIZES = {
    "int": 4, "unsigned int": 4,
    "struct termios2": 44,          # 4 tcflag_t, c_line, cc_t[19], 2 speed_t
    "long long[2]": 16,
}

#: macros gcc predefines on NetBSD/amd64 that request lines' conditionals
#: ask about with ``defined()`` or ``#ifdef`` (mkioctls runs ``cc -E``):
#: IPFilter's headers take ``_IOW('r', 60, ...)`` under ``#if
#: defined(__STDC__) || defined(__GNUC__)`` and ``_IOW(r, 60, ...)`` (a
#: traditional cpp's way to reach 'r') otherwise.  Only their being
#: defined is known here: ``#if __GNUC__ >= 4`` would read them as 0.
NETBSD_PREDEFINED = frozenset({"__STDC__", "__GNUC__", "__NetBSD__",
                               "__ELF__", "__amd64__", "__x86_64__",
                               "_LP64"})

# sys/ioccom.h
_NETBSD_DIR = {"": 0x20000000, "R": 0x40000000, "W": 0x80000000,
               "WR": 0xC0000000}
# include/uapi/asm-generic/ioctl.h: _IOC_NONE 0, _IOC_WRITE 1, _IOC_READ 2
_LINUX_DIR = {"": 0, "W": 1, "R": 2, "WR": 3}

#: mkioctls' awk pattern: every line it matches must be read (below)
_MKIOCTLS_LINE = re.compile(r"^#[ \t]*define[ \t]*[A-Z_]*[ \t]*_IO[W]*[R]*[ \t]*\(")
_NETBSD_LINE = re.compile(
    r"^#[ \t]*define[ \t]*([A-Z_]*)[ \t]*_IO(W?R?)[ \t]*\(\s*('.'|\w+)\s*,"
    r"\s*(\w+)\s*(?:,\s*([^)]*?)\s*)?\)")
#: a C integer constant: hexadecimal, octal or decimal
_C_INT = re.compile(r"0[xX][0-9A-Fa-f]+|\d+")
_OCTAL = {"0" + str(d) for d in range(8)}        # C's 010 is 8
#: a constant a request's group or number may name: a character
#: (agpio.h's AGPIOC_BASE, 'A'), a parenthesized expression of characters
#: and numbers (scsipi/ses.h's SESIOC, (('s' - 040) << 8)) or a number
#: (dm/netbsd-dm.h's DM_IOCTL, 0xfd, and DM_IOCTL_CMD, 0)
_NETBSD_GROUP = re.compile(r"^#[ \t]*define[ \t]+(\w+)[ \t]+"
                           r"('.'|\([^/\n]*\)|(?:0[xX][0-9A-Fa-f]+|\d+)\b)", re.M)
_LINUX_DEFINE = re.compile(r"^#[ \t]*define[ \t]+([A-Z0-9_]+)[ \t]+(.*?)\s*(?:/\*.*)?$",
                           re.M)
_LINUX_IOC = re.compile(r"_IO(W?R?)\(\s*('.'|\w+)\s*,\s*(\w+)\s*(?:,\s*(.*?)\s*)?\)$")


def _size(sizes: dict[str, int], ctype: str | None, where: str) -> int:
    if ctype is None:
        return 0
    ctype = " ".join(ctype.split())
    if ctype not in sizes:
        raise SystemExit(f"{where}: no size known for {ctype!r}; add it")
    return sizes[ctype]


def if_true(expr: str, defined: set[str]) -> bool:
    """An ``#if`` expression as the preprocessor reads it: ``defined(X)``
    from ``defined``, any other identifier 0, ``&&``, ``||``, ``!``,
    comparisons and integers."""
    expr = re.sub(r"/\*.*?(\*/|$)", " ", expr)
    expr = re.sub(r"\bdefined\s*(?:\(\s*(\w+)\s*\)|(\w+))",
                  lambda m: " 1 " if (m.group(1) or m.group(2)) in defined
                  else " 0 ", expr)
    expr = re.sub(r"\b[A-Za-z_]\w*\b", " 0 ", expr)
    expr = expr.replace("&&", " and ").replace("||", " or ")
    expr = re.sub(r"!(?!=)", " not ", expr)
    if not re.fullmatch(r"[\s\d()<>=!]*(?:(?:and|or|not)[\s\d()<>=!]*)*",
                        expr):
        raise SystemExit(f"#if {expr!r}: not understood")
    return bool(eval(expr, {"__builtins__": {}}))     # digits and operators only


def active_lines(text: str, defined: set[str]) -> str:
    """``text`` without the lines ``#if``/``#ifdef``/``#ifndef``/``#elif``/
    ``#else`` rule out, as mkioctls' ``cc -E -dM`` sees them in a user-space
    build (``defined`` grows with each active ``#define``; ``_KERNEL`` is
    never defined, ``_NETBSD_SOURCE`` is, as for kdump's build).  Lines
    ending in a backslash are joined first, as cpp joins them, and, as in
    cpp, the conditions of a group inside a skipped one are not read."""
    keep: list[str] = []
    # one entry an open #if group: (this branch is taken, one was taken)
    stack: list[tuple[bool, bool]] = []
    for line in re.sub(r"\\\n", " ", text).splitlines():
        words = line.lstrip("# \t").split()
        if line.startswith("#") and words:
            cmd, arg = words[0], words[1] if len(words) > 1 else ""
            rest = line.lstrip("# \t")[len(cmd):]
            if cmd in ("ifdef", "ifndef", "if"):
                on = all(t for t, _ in stack) and (
                    arg in defined if cmd == "ifdef" else
                    arg not in defined if cmd == "ifndef" else
                    if_true(rest, defined))
                stack.append((on, on))
                continue
            if cmd in ("elif", "else"):
                _, taken = stack.pop()
                on = (all(t for t, _ in stack) and not taken
                      and (cmd == "else" or if_true(rest, defined)))
                stack.append((on, taken or on))
                continue
            if cmd == "endif":
                stack.pop()
                continue
            if cmd == "define" and all(t for t, _ in stack):
                defined.add(arg.split("(")[0])
        if all(t for t, _ in stack):
            keep.append(line)
    return "\n".join(keep)


def _c_int(text: str) -> int:
    """A C integer constant's value (C reads a leading 0 as octal)."""
    return int(text, 8 if text[:2] in _OCTAL else 0)


def _group_value(expr: str) -> int | None:
    """The value of a group (or number) constant: a character constant,
    a number, or a parenthesized expression of character constants,
    hexadecimal, decimal and octal numbers, ``+``, ``-`` and shifts; None
    for anything else (a header's other parenthesized definitions)."""
    expr = re.sub(r"'(.)'", lambda m: str(ord(m.group(1))), expr)
    expr = re.sub(r"\b0[xX]([0-9A-Fa-f]+)\b", lambda m: str(int(m.group(1), 16)),
                  expr)
    expr = re.sub(r"\b0([0-7]+)\b", lambda m: str(int(m.group(1), 8)), expr)
    if not re.fullmatch(r"[\d\s()+\-<>]*", expr):
        return None
    try:
        return int(eval(expr, {"__builtins__": {}}))    # digits and operators
    except (SyntaxError, TypeError):
        return None


#: defined by altq/altq.h's ``#if 1``; mkioctls' one translation unit
#: includes it before the other ALTQ headers, some of which (altq_red.h,
#: altq_rio.h) do not include it themselves
_ALTQ3 = {"ALTQ3_COMPAT", "ALTQ3_CLFIER_COMPAT"}


def netbsd_requests(text: str, where: str) -> list[tuple[str, int]]:
    """``(name, value)`` of each request line mkioctls would emit.  A line
    its pattern matches that is not understood here stops the generator
    (the compiler would have given it a value); a group may be a
    character constant or a number (iscsi_ioctl.h's 0), and a group or a
    number may name a character constant, a number or a constant
    expression (``_group_value``) defined in the same header.  Its
    conditionals see ``COMPAT_43`` (mkioctls defines it),
    ``_NETBSD_SOURCE``, gcc's ``NETBSD_PREDEFINED`` and altq.h's
    ``_ALTQ3`` as defined."""
    text = active_lines(text, {"COMPAT_43", "_NETBSD_SOURCE"}
                        | NETBSD_PREDEFINED | _ALTQ3)
    consts = {name: v for name, expr in _NETBSD_GROUP.findall(text)
              if (v := _group_value(expr)) is not None}

    def value(token: str) -> int | None:
        if token.startswith("'"):
            return ord(token[1])
        if _C_INT.fullmatch(token):
            return _c_int(token)
        return consts.get(token)

    out = []
    for line in text.splitlines():
        if not _MKIOCTLS_LINE.match(line):
            continue
        m = _NETBSD_LINE.match(line)
        if m is None or value(m.group(3)) is None or value(m.group(4)) is None:
            raise SystemExit(f"{where}: {line.strip()!r} not understood")
        name, kind, group, num, ctype = m.groups()
        if not name or name in MKIOCTLS_SKIPPED:
            continue
        size = _size(NETBSD_SIZES, ctype, where) if kind else 0
        # sys/ioccom.h: ((group) << 8) | (num), neither masked: a group
        # wider than a byte (SESIOC) runs into the length bits, a number
        # wider than a byte (amrio.h's 0x200) into the group bits, as the
        # compiler would have it
        out.append((name, _NETBSD_DIR[kind] | (size & 0x1FFF) << 16
                    | value(group) << 8 | value(num)))
    return out


def linux_requests(text: str, where: str, consts: dict[str, int]) -> list[tuple[str, int]]:
    """``(name, value)`` of each request defined as a hexadecimal number of
    at least 0x100 or as an ``_IO*`` macro; smaller numbers are remembered
    in ``consts`` (``SOCK_IOC_TYPE``) for the macros."""
    out = []
    for m in _LINUX_DEFINE.finditer(text):
        name, value = m.groups()
        if re.fullmatch(r"0[xX][0-9A-Fa-f]+", value):
            v = int(value, 16)
            if v >= 0x100:
                out.append((name, v))
            else:
                consts[name] = v
            continue
        ioc = _LINUX_IOC.match(value)
        if ioc is None:
            continue                # an alias or an expression
        kind, group, num, ctype = ioc.groups()
        g = ord(group[1]) if group.startswith("'") else consts[group]
        size = _size(LINUX_SIZES, ctype, where) if kind else 0
        out.append((name, _LINUX_DIR[kind] << 30 | size << 16 | g << 8
                    | int(num, 0)))
    return out


def _first_names(pairs: list[tuple[str, int]], unique: bool) -> dict[int, str]:
    """value -> name; with ``unique``, two names of one value are an error
    (ioctlname()'s switch would not compile: mkioctls' list must grow)."""
    table: dict[int, str] = {}
    for name, value in pairs:
        if unique and value in table:
            raise SystemExit(f"{name} and {table[value]} are both {value:#x}")
        table.setdefault(value, name)
    return table


def _ident(text: str, path: str) -> str:
    m = re.search(r"\$NetBSD: (\S+ \S+ \S+)", text)
    return f"{path} {m.group(1)}" if m else path


def render(netbsd_src: Path, linux_src: Path) -> str:
    """The text of ``_ioctl_names.py``."""
    sources = []
    netbsd: list[tuple[str, int]] = []
    for path in NETBSD_HEADERS:
        text = (netbsd_src / path).read_text()
        sources.append("NetBSD " + _ident(text, path))
        netbsd += netbsd_requests(text, path)
    linux: list[tuple[str, int]] = []
    consts: dict[str, int] = {}
    for path in LINUX_HEADERS:
        sources.append("Linux " + path)
        linux += linux_requests((linux_src / path).read_text(), path, consts)
    lines = ['"""ioctl request names, generated by scripts/gen_ioctls.py: do not edit.',
             "", "Sources:", ""]
    lines += ["* " + s for s in sources]
    lines += ['"""', "", "#: NetBSD/amd64 request -> name, as kdump's ioctlname() has them",
              "NETBSD_IOCTLS = {"]
    lines += ["    %#010x: %r," % (v, n) for v, n in sorted(_first_names(netbsd, True).items())]
    lines += ["}", "", "#: Linux x86 request -> name (the first of a value's names)",
              "LINUX_IOCTLS = {"]
    lines += ["    %#010x: %r," % (v, n) for v, n in sorted(_first_names(linux, False).items())]
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--netbsd-src", type=Path, required=True)
    ap.add_argument("--linux-src", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path(__file__).parents[1]
                    / "ktrace" / "dump" / "_ioctl_names.py")
    opts = ap.parse_args()
    opts.out.write_text(render(opts.netbsd_src, opts.linux_src))


if __name__ == "__main__":
    main()
