/*
 * The argument types of NetBSD ioctl requests that scripts/gen_ioctls.py
 * names, declared with NetBSD's own field types for amd64 (LP64: long,
 * size_t and pointers are 8 bytes; time_t, off_t, dev_t and ino_t are
 * 64-bit; suseconds_t is int), so that gcc -m64 gives their sizeof as on
 * NetBSD/amd64.  No host header is included for those types: each typedef
 * below spells NetBSD's out.  Each line printed is the type as the request
 * line spells it (a key of NETBSD_SIZES), a tab and its size.
 *
 * Covers the headers added with sys/rndio.h and those after it; the
 * entries of the earlier headers were checked by hand against gcc (see
 * the comments of NETBSD_SIZES).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef int32_t nb_pid_t;
typedef uint64_t nb_dev_t;
typedef uint64_t nb_ino_t;
typedef int64_t nb_off_t;
typedef unsigned long nb_size_t;
typedef unsigned long nb_paddr_t;	/* amd64 machine/types.h */
struct nb_timeval { int64_t tv_sec; int tv_usec; };	/* time_t, suseconds_t */
typedef struct {			/* Elf64_Sym: ELFSIZE is 64 on amd64 */
	uint32_t st_name; unsigned char st_info; unsigned char st_other;
	uint16_t st_shndx; uint64_t st_value; uint64_t st_size;
} nb_Elf64_Sym;

#define IFNAMSIZ 16

/* sys/rndio.h 1.1 */
typedef struct { char name[16]; uint32_t total, type, flags; } rndsource_t;
typedef struct { rndsource_t rt; uint32_t dt_samples, dt_total, dv_samples,
	dv_total; } rndsource_est_t;
typedef struct { uint32_t poolsize, threshold, maxentropy, added, curentropy,
	removed, discarded, generated; } rndpoolstat_t;
typedef struct { uint32_t start, count; rndsource_t source[10]; } rndstat_t;
typedef struct { uint32_t start, count; rndsource_est_t source[10]; }
	rndstat_est_t;
typedef struct { char name[16]; rndsource_t source; } rndstat_name_t;
typedef struct { char name[16]; rndsource_est_t source; } rndstat_est_name_t;
typedef struct { char name[16]; uint32_t type, flags, mask; } rndctl_t;
typedef struct { uint32_t len, entropy; unsigned char data[128 * 4]; }
	rnddata_t;

/* sys/ksyms.h 1.32 */
struct ksyms_ogsymbol { const char *kg_name;
	union { void *ku_sym; unsigned long *ku_value; } _un; };
struct ksyms_gsymbol { const char *kg_name; union { nb_Elf64_Sym ku_sym; } _un; };
struct ksyms_gvalue { const char *kv_name; uint64_t kv_value; };

/* sys/wdog.h 1.6 */
struct wdog_mode { char wm_name[16]; int wm_mode; unsigned int wm_period; };
struct wdog_conf { char *wc_names; int wc_count; };

/* dev/vndvar.h 1.33.10.3 */
struct vndgeom { uint32_t vng_secsize, vng_nsectors, vng_ntracks,
	vng_ncylinders; };
struct vnd_ioctl { char *vnd_file; int vnd_flags; struct vndgeom vnd_geom;
	unsigned int vnd_osize; uint64_t vnd_size; };
struct vnd_user { int vnu_unit; nb_dev_t vnu_dev; nb_ino_t vnu_ino; };

/* sys/gpio.h 1.15.16.1 (GPIOMAXNAME 64) */
struct gpio_info { int gpio_npins; };
struct gpio_req { char gp_name[64]; int gp_pin; int gp_value; };
struct gpio_set { char gp_name[64]; int gp_pin, gp_caps, gp_flags;
	char gp_name2[64]; };
struct gpio_attach { char ga_dvname[16]; int ga_offset; uint32_t ga_mask;
	uint32_t ga_flags; };

/* sys/midiio.h 1.5 */
typedef struct { unsigned char cmd; char nr_args, nr_returns;
	unsigned char data[30]; } mpu_command_rec;
struct seq_event_rec { unsigned char arr[8]; };
struct synth_info { char name[30]; int device, synth_type, synth_subtype,
	nr_voices, instr_bank_size; unsigned int capabilities; };

/* sys/radioio.h 1.2.120.1 */
struct radio_info { int mute, volume, stereo, rfreq, lock;
	uint32_t freq, caps, info; };

/* dev/wscons/wsdisplay_usl_io.h 1.5 */
typedef struct vt_mode { char mode, waitv; short relsig, acqsig, frsig; }
	vtmode_t;
struct vt_stat { unsigned short v_active, v_signal, v_state; };
struct kbentry { unsigned char kb_table, kb_index; unsigned short kb_value; };
struct pcvtid { char name[16]; int rmajor, rminor; };

/* net/if_pppoe.h 1.15 (1.1's is the same) */
struct pppoediscparms { char ifname[IFNAMSIZ], eth_ifname[IFNAMSIZ];
	char *ac_name; nb_size_t ac_name_len; char *service_name;
	nb_size_t service_name_len; };

/* sys/chio.h 1.11 */
struct changer_move_request { int cm_fromtype, cm_fromunit, cm_totype,
	cm_tounit, cm_flags; };
struct changer_exchange_request { int ce_srctype, ce_srcunit, ce_fdsttype,
	ce_fdstunit, ce_sdsttype, ce_sdstunit, ce_flags; };
struct changer_position_request { int cp_type, cp_unit, cp_flags; };
struct changer_params { int cp_curpicker, cp_npickers, cp_nslots,
	cp_nportals, cp_ndrives; };
struct ochanger_element_status_request { int cesr_type; uint8_t *cesr_data; };
struct changer_voltag { char cv_tag[32 + 1]; uint16_t cv_serial; };
struct changer_element_status_request { int cesr_type, cesr_unit,
	cesr_count, cesr_flags; void *cesr_data; void **cesr_vendor_data; };
struct changer_set_voltag_request { int csvr_type, csvr_unit, csvr_flags;
	struct changer_voltag csvr_voltag; };

/* dev/biovar.h 1.1.16.2 */
struct bio_locate { void *bl_cookie; char *bl_name; };
struct bioc_inq { void *bi_cookie; char bi_dev[16]; int bi_novol,
	bi_nodisk; };
struct bioc_disk { void *bd_cookie; uint16_t bd_channel, bd_target, bd_lun,
	bd_other_id; int bd_volid, bd_diskid, bd_status; uint64_t bd_size;
	char bd_vendor[32], bd_serial[32], bd_procdev[16]; bool bd_disknovol; };
struct bioc_vol { void *bv_cookie; int bv_volid; int16_t bv_percent;
	uint16_t bv_seconds; int bv_status; uint64_t bv_size; int bv_level,
	bv_nodisk; char bv_dev[16], bv_vendor[32]; uint16_t bv_stripe_size; };
struct bioc_alarm { void *ba_cookie; int ba_opcode, ba_status; };
struct bioc_blink { void *bb_cookie; uint16_t bb_channel, bb_target;
	int bb_status; };
struct bioc_setstate { void *bs_cookie; uint16_t bs_channel, bs_target,
	bs_lun, bs_other_id; int bs_status, bs_volid; };
struct bioc_volops { void *bc_cookie; uint64_t bc_size, bc_other_id;
	uint32_t bc_devmask; uint16_t bc_channel, bc_target, bc_lun, bc_stripe,
	bc_level; int bc_opcode, bc_volid; };

/* sys/kcov.h 1.9 */
struct kcov_ioc_remote_attach { uint64_t subsystem, id; };

/* dev/spi/spi_io.h 1.1 */
typedef struct { int sic_addr, sic_mode, sic_speed; } spi_ioctl_configure_t;
typedef struct { int sit_addr; const void *sit_send; nb_size_t sit_sendlen;
	void *sit_recv; nb_size_t sit_recvlen; } spi_ioctl_transfer_t;

/* sys/agpio.h 1.3 */
typedef struct { uint16_t major, minor; } agp_version;
typedef struct { agp_version version; uint32_t bridge_id, agp_mode;
	nb_off_t aper_base; nb_size_t aper_size, pg_total, pg_system, pg_used; }
	agp_info;
typedef struct { uint32_t agp_mode; } agp_setup;
typedef struct { int key; nb_size_t pg_count; uint32_t type;
	nb_paddr_t physical; } agp_allocate;
typedef struct { int key; nb_off_t pg_start; } agp_bind;
typedef struct { int key; uint32_t priority; } agp_unbind;

/* sys/ipmi.h 1.2 */
struct ipmi_msg { unsigned char netfn, cmd; unsigned short data_len;
	unsigned char *data; };
struct ipmi_req { unsigned char *addr; unsigned int addr_len; long msgid;
	struct ipmi_msg msg; };
struct ipmi_recv { int recv_type; unsigned char *addr; unsigned int addr_len;
	long msgid; struct ipmi_msg msg; };
struct ipmi_cmdspec { unsigned char netfn, cmd; };

/* sys/videoio.h 1.4.16.4 (enums are int-sized) */
typedef uint64_t v4l2_std_id;
enum v4l2_priority { V4L2_PRIORITY_UNSET };
struct v4l2_timecode { uint32_t type, flags; uint8_t frames, seconds,
	minutes, hours, userbits[4]; };
struct v4l2_pix_format { uint32_t width, height, pixelformat; int field;
	uint32_t bytesperline, sizeimage; int colorspace; uint32_t priv; };
struct v4l2_buffer { uint32_t index; int type; uint32_t bytesused, flags;
	int field; struct nb_timeval timestamp; struct v4l2_timecode timecode;
	uint32_t sequence; int memory;
	union { uint32_t offset; unsigned long userptr; } m;
	uint32_t length, input, reserved; };
struct v4l2_rect { int32_t left, top, width, height; };
struct v4l2_fract { uint32_t numerator, denominator; };
struct v4l2_fmtdesc { uint32_t index; int type; uint32_t flags;
	uint8_t description[32]; uint32_t pixelformat, reserved[4]; };
struct v4l2_clip { struct v4l2_rect c; struct v4l2_clip *next; };
struct v4l2_window { struct v4l2_rect w; int field; uint32_t chromakey;
	struct v4l2_clip *clips; uint32_t clipcount; void *bitmap; };
struct v4l2_vbi_format { uint32_t sampling_rate, offset, samples_per_line,
	sample_format, start[2], count[2], flags, reserved[2]; };
struct v4l2_cropcap { int type; struct v4l2_rect bounds, defrect;
	struct v4l2_fract pixelaspect; };
struct v4l2_input { uint32_t index; uint8_t name[32]; uint32_t type,
	audioset, tuner; v4l2_std_id std; uint32_t status, reserved[4]; };
struct v4l2_output { uint32_t index; uint8_t name[32]; uint32_t type,
	audioset, modulator; v4l2_std_id std; uint32_t reserved[4]; };
struct v4l2_audio { uint32_t index; uint8_t name[32]; uint32_t capability,
	mode, reserved[2]; };
struct v4l2_audioout { uint32_t index; uint8_t name[32]; uint32_t capability,
	mode, reserved[2]; };
struct v4l2_crop { int type; struct v4l2_rect c; };
struct v4l2_control { uint32_t id; int32_t value; };
struct v4l2_framebuffer { uint32_t capability, flags; void *base;
	struct v4l2_pix_format fmt; };
struct v4l2_standard { uint32_t index; v4l2_std_id id; uint8_t name[24];
	struct v4l2_fract frameperiod; uint32_t framelines, reserved[4]; };
struct v4l2_format { int type; union { struct v4l2_pix_format pix;
	struct v4l2_window win; struct v4l2_vbi_format vbi;
	uint8_t raw_data[200]; } fmt; } __attribute__((__packed__));
struct v4l2_frequency { uint32_t tuner; int type; uint32_t frequency,
	reserved[8]; };
struct v4l2_jpegcompression { int quality, APPn, APP_len; char APP_data[60];
	int COM_len; char COM_data[60]; uint32_t jpeg_markers; };
struct v4l2_modulator { uint32_t index; uint8_t name[32]; uint32_t capability,
	rangelow, rangehigh, txsubchans, reserved[4]; };
struct v4l2_captureparm { uint32_t capability, capturemode;
	struct v4l2_fract timeperframe; uint32_t extendedmode, readbuffers,
	reserved[4]; };
struct v4l2_outputparm { uint32_t capability, outputmode;
	struct v4l2_fract timeperframe; uint32_t extendedmode, writebuffers,
	reserved[4]; };
struct v4l2_streamparm { int type; union { struct v4l2_captureparm capture;
	struct v4l2_outputparm output; uint8_t raw_data[200]; } parm; };
struct v4l2_tuner { uint32_t index; uint8_t name[32]; int type;
	uint32_t capability, rangelow, rangehigh, rxsubchans, audmode, signal;
	int32_t afc; uint32_t reserved[4]; };
struct v4l2_capability { uint8_t driver[16], card[32], bus_info[32];
	uint32_t version, capabilities, reserved[4]; };
struct v4l2_queryctrl { uint32_t id; int type; uint8_t name[32];
	int32_t minimum, maximum, step, default_value; uint32_t flags,
	reserved[2]; };
struct v4l2_querymenu { uint32_t id, index; uint8_t name[32];
	uint32_t reserved; };
struct v4l2_requestbuffers { uint32_t count; int type, memory;
	uint32_t reserved[2]; };

/* sys/timepps.h 1.3 */
struct nb_timespec { int64_t tv_sec; long tv_nsec; };	/* time_t, long */
typedef union pps_timeu { struct nb_timespec tspec;
	struct { unsigned int integral, fractional; } ntplfp;
	unsigned long longpair[2]; } pps_timeu_t;
typedef struct { uint32_t assert_sequence, clear_sequence;
	pps_timeu_t assert_tu, clear_tu; int current_mode; } pps_info_t;
typedef struct { int api_version, mode; pps_timeu_t assert_off_tu,
	clear_off_tu; } pps_params_t;

/* net/if_ppp.h 1.15, net/ppp_defs.h 1.4 */
typedef uint32_t ext_accm[8];
enum NPmode { NPMODE_PASS, NPMODE_DROP, NPMODE_ERROR, NPMODE_QUEUE };
struct pppstat { unsigned int ppp_ibytes, ppp_ipackets, ppp_ierrors,
	ppp_obytes, ppp_opackets, ppp_oerrors; };
struct vjstat { unsigned int vjs_packets, vjs_compressed, vjs_searches,
	vjs_misses, vjs_uncompressedin, vjs_compressedin, vjs_errorin,
	vjs_tossed; };
struct ppp_stats { struct pppstat p; struct vjstat vj; };
struct compstat { unsigned int unc_bytes, unc_packets, comp_bytes,
	comp_packets, inc_bytes, inc_packets, ratio; };
struct ppp_comp_stats { struct compstat c, d; };
struct ppp_idle { int64_t xmit_idle, recv_idle; };	/* time_t */
struct npioctl { int protocol; enum NPmode mode; };
struct ppp_option_data { unsigned char *ptr; unsigned int length;
	int transmit; };
struct ifpppstatsreq { char ifr_name[IFNAMSIZ]; struct ppp_stats stats; };
struct ifpppcstatsreq { char ifr_name[IFNAMSIZ];
	struct ppp_comp_stats stats; };

/* net/if_sppp.h 1.36, the structures of 1.7.2.7 (the newer ones below) */
struct spppauthcfg { char ifname[IFNAMSIZ]; unsigned int hisauth, myauth,
	myname_length, mysecret_length, hisname_length, hissecret_length,
	myauthflags, hisauthflags; char *myname, *mysecret, *hisname,
	*hissecret; };
struct sppplcpcfg { char ifname[IFNAMSIZ]; int lcp_timeout; };
struct spppstatus { char ifname[IFNAMSIZ]; int phase; };
struct spppauthfailurestats { char ifname[IFNAMSIZ]; int auth_failures,
	max_failures; };
struct spppauthfailuresettings { char ifname[IFNAMSIZ]; int max_failures; };
struct spppdnssettings { char ifname[IFNAMSIZ]; int query_dns; };
struct spppdnsaddrs { char ifname[IFNAMSIZ]; uint32_t dns[2]; };

/* net/npf.h as NetBSD 10 installs it; npf_addr_t is a union of
 * uint8_t[16], uint16_t[8] and uint32_t[4], as 1.20.2.4's struct in6_addr
 * was (nvlist_ref_t below) */
struct nb_in6_addr { union { uint8_t u6_addr8[16]; uint16_t u6_addr16[8];
	uint32_t u6_addr32[4]; } __u6_addr; };
typedef struct npf_ioctl_ent { int alen; struct nb_in6_addr addr;
	uint8_t mask; } npf_ioctl_ent_t;
typedef struct npf_ioctl_buf { void *buf; nb_size_t len; } npf_ioctl_buf_t;
struct npf_ioctl_table { int nct_cmd; const char *nct_name;
	union { npf_ioctl_ent_t ent; npf_ioctl_buf_t buf; } nct_data; };

/* dev/cgdvar.h 1.21 (struct cgd_user below) */
struct cgd_ioctl { const char *ci_disk; int ci_flags, ci_unit;
	nb_size_t ci_size; const char *ci_alg, *ci_ivmethod;
	nb_size_t ci_keylen; const char *ci_key; nb_size_t ci_blocksize; };

/* dev/md.h 1.8.40.2 */
struct md_conf { void *md_addr; nb_size_t md_size; int md_type; };

/* dev/sun/fbio.h 1.8.74.1 */
struct fbtype { int fb_type, fb_height, fb_width, fb_depth, fb_cmsize,
	fb_size; };
struct fbcmap { unsigned int index, count; unsigned char *red, *green,
	*blue; };
struct fbsattr { int flags, emu_type, dev_specific[8]; };
struct fbgattr { int real_type, owner; struct fbtype fbtype;
	struct fbsattr sattr; int emu_types[4]; };
struct fbcurpos { short x, y; };
struct fbcursor { short set, enable; struct fbcurpos pos, hot;
	struct fbcmap cmap; struct fbcurpos size; char *image, *mask; };

/* sys/lua.h 1.10 (MAXPATHLEN 1024) */
struct lua_state_info { char name[16]; char desc[64]; bool user; };
struct lua_info { int num_states; struct lua_state_info *states; };
struct lua_create { char name[16]; char desc[64]; };
struct lua_require { char state[16]; char module[32]; };
struct lua_load { char state[16]; char path[1024]; };

/* sys/ioctl.h 1.37 */
struct ioctl_pt { unsigned long com; void *data; };

/* sys/cpuio.h 1.10 (1.1's had bool flags and a time_t: 48 bytes) */
typedef struct cpustate { unsigned int cs_id; uint8_t cs_online, cs_intr,
	cs_unused[2]; int32_t cs_lastmod; char cs_name[16];
	int32_t cs_lastmodhi; uint32_t cs_intrcnt, cs_hwid, cs_reserved; }
	cpustate_t;

/* sys/scanio.h 1.2.196.1 */
struct scan_io { unsigned long scan_width, scan_height;
	unsigned short scan_x_resolution, scan_y_resolution;
	unsigned long scan_x_origin, scan_y_origin;
	unsigned char scan_image_mode, scan_brightness, scan_contrast,
	scan_quality; unsigned long scan_window_size, scan_lines,
	scan_pixels_per_line; unsigned short scan_bits_per_pixel;
	unsigned char scan_scanner_type; };

/* dev/spkrio.h 1.3 */
typedef struct { int frequency; int duration; } tone_t;

/* net/if_srt.h 1.3.40.1; NetBSD's sockaddr_in (16 bytes) and sockaddr_in6
 * (28: len, family, port, flowinfo, in6_addr, scope_id) */
struct nb_in_addr { uint32_t s_addr; };
struct nb_sockaddr { uint8_t sa_len, sa_family; char sa_data[14]; };
struct nb_sockaddr_in { uint8_t sin_len, sin_family; uint16_t sin_port;
	struct nb_in_addr sin_addr; int8_t sin_zero[8]; };
struct nb_sockaddr_in6 { uint8_t sin6_len, sin6_family; uint16_t sin6_port;
	uint32_t sin6_flowinfo; struct nb_in6_addr sin6_addr;
	uint32_t sin6_scope_id; };
struct srt_rt { unsigned int inx; int af;
	union { struct nb_in_addr v4; struct nb_in6_addr v6; } srcmatch;
	unsigned int srcmask;
	union { struct ifnet *dstifp; char dstifn[IFNAMSIZ]; } u;
	union { struct nb_sockaddr_in sin; struct nb_sockaddr_in6 sin6;
	struct nb_sockaddr sa; } dst; };

/* dev/ofw/openfirmio.h 1.4.6.2 */
struct ofiocdesc { int of_nodeid; int of_namelen; char *of_name;
	int of_buflen; char *of_buf; };

/* dev/usb/ukyopon.h 1.2 (both enums hold INT_MAX: 4 bytes) */
struct ukyopon_identify { char ui_name[16]; int ui_busno;
	uint8_t ui_address; enum { UKYOPON_MODEL_UNKNOWN,
	_UKYOPON_MODEL_KEEPSZ = 2147483647 } ui_model;
	enum { UKYOPON_PORT_UNKNOWN, _UKYOPON_PORT_KEEPSZ = 2147483647 }
	ui_porttype; int ui_rsvd1, ui_rsvd2; };

/* dev/usb/utoppy.h 1.1.2.2 */
struct utoppy_stats { uint64_t us_hdd_size; uint64_t us_hdd_free; };
struct utoppy_rename { char *ur_old_path; char *ur_new_path; };
struct utoppy_readfile { char *ur_path; nb_off_t ur_offset; };
struct utoppy_writefile { char *uw_path; nb_off_t uw_offset, uw_size;
	int64_t uw_mtime; };

/* dev/usb/urio.h 1.3.70.1 */
struct urio_command { unsigned short length; int request; int requesttype;
	int value; int index; void *buffer; int timeout; };

/* soundcard.h 1.34 (lib/libossaudio) */
struct audio_buf_info { int fragments, fragstotal, fragsize, bytes; };
struct count_info { int bytes, blocks, ptr; };
struct buffmem_desc { unsigned int *buffer; int size; };
typedef struct { char id[16]; char name[32]; int modify_counter;
	int fillers[10]; } mixer_info;
typedef struct { char id[16]; char name[32]; } _old_mixer_info;
typedef unsigned int nb_uint;
struct audio_errinfo { int play_underruns, rec_overruns;
	unsigned int play_ptradjust, rec_ptradjust; int play_errorcount,
	rec_errorcount, play_lasterror, rec_lasterror, play_errorparm,
	rec_errorparm; int filler[16]; };
typedef struct { long long samples; int fifo_samples; int filler[32]; }
	oss_count_t;
typedef struct { int dev, ctrl, nvalues, version; short strindex[255];
	char strings[3000]; } oss_mixer_enuminfo;
typedef struct { char product[32]; char version[32]; int versionnum;
	char options[128]; int numaudios; int openedaudio[8]; int numsynths,
	nummidis, numtimers, nummixers; int openedmidi[8]; int numcards,
	numaudioengines; char license[16]; char revision_info[256];
	int filler[172]; } oss_sysinfo;
typedef struct { int dev, ctrl, type, maxvalue, minvalue, flags;
	char id[16]; int parent, dummy, timestamp; char data[64];
	unsigned char enum_present[32]; int control_no; unsigned int desc;
	char extname[32]; int update_counter, rgbcolor; int filler[6]; }
	oss_mixext;
typedef struct { int dev, ctrl, value, flags, timestamp; int filler[8]; }
	oss_mixer_value;
typedef struct { int dev; char name[64]; int busy, pid, caps, iformats,
	oformats, magic; char cmd[64]; int card_number, port_number,
	mixer_dev, legacy_device, enabled, flags, min_rate, max_rate,
	min_channels, max_channels, binding, rate_source; char handle[32];
	int nrates; int rates[20]; char song_name[64]; char label[16];
	int latency; char devnode[32]; int next_play_engine,
	next_rec_engine; int filler[184]; } oss_audioinfo;
typedef struct { int dev; char id[16]; char name[32]; int modify_counter,
	card_number, port_number; char handle[32]; int magic, enabled, caps,
	flags, nrext, priority; char devnode[32]; int legacy_device;
	int filler[245]; } oss_mixerinfo;
typedef struct { int card; char shortname[16]; char longname[128];
	int flags; char hw_info[400]; int intr_count, ack_count;
	int filler[154]; } oss_card_info;
typedef char oss_longname_t[64];
typedef char oss_label_t[16];

/* dev/ic/bt8xx.h 1.1.1.1 */
struct meteor_capframe { short command, lowat, hiwat; };
struct meteor_geomet { unsigned short rows, columns, frames;
	unsigned long oformat; };
struct meteor_counts { unsigned long fifo_errors, dma_errors,
	frames_captured, even_fields_captured, odd_fields_captured; };
struct meteor_video { unsigned long addr, width, banksize, ramsize; };
struct meteor_pixfmt { unsigned int index; enum { METEOR_PIXTYPE_RGB,
	METEOR_PIXTYPE_YUV, METEOR_PIXTYPE_YUV_PACKED,
	METEOR_PIXTYPE_YUV_12 } type; unsigned int Bpp;
	unsigned long masks[3]; unsigned swap_bytes:1; unsigned swap_shorts:1; };
struct bktr_chnlset { short index; short max_channel; char name[16]; };
struct bktr_remote { unsigned char data[3]; };

/* opencrypto/cryptodev.h 1.50.4.1 */
struct crparam { void *crp_p; unsigned int crp_nbits; };
struct crypt_kop { unsigned int crk_op, crk_status;
	unsigned short crk_iparams, crk_oparams; unsigned int crk_pad1;
	struct crparam crk_param[8]; };
struct crypt_n_kop;
struct crypt_mkop { nb_size_t count; struct crypt_n_kop *reqs; };
struct crypt_sfop { nb_size_t count; uint32_t *sesid; };
struct crypt_result { uint32_t reqid, status; void *opaque; };
struct cryptret { nb_size_t count; struct crypt_result *results; };
struct session_op { uint32_t cipher, mac, comp_alg, keylen; void *key;
	int mackeylen; void *mackey; uint32_t ses; };
struct session_n_op;
struct crypt_sgop { nb_size_t count; struct session_n_op *sessions; };
struct crypt_op { uint32_t ses; uint16_t op, flags; unsigned int len;
	void *src, *dst, *mac, *iv; unsigned int dst_len; };
struct crypt_n_op;
struct crypt_mop { nb_size_t count; struct crypt_n_op *reqs; };

/* dev/ccdvar.h 1.37 */
struct ccd_ioctl { char **ccio_disks; unsigned int ccio_ndisks;
	int ccio_ileave, ccio_flags, ccio_unit; uint64_t ccio_size; };

/* dev/iscsi/iscsi_ioctl.h 1.2, dev/iscsi/iscsi.h 1.2 */
#define ISCSI_STRING_LENGTH	(223+1)
typedef enum { ISCSI_AUTH_None = 0, ISCSI_AUTH_CHAP = 1, ISCSI_AUTH_KRB5 = 2,
	ISCSI_AUTH_SRP = 3 } iscsi_auth_types_t;
typedef struct { unsigned int mutual_auth:1; unsigned int is_secure:1;
	unsigned int auth_number:4; iscsi_auth_types_t auth_type[4]; }
	iscsi_auth_info_t;
typedef enum { ISCSI_DIGEST_None = 0, ISCSI_DIGEST_CRC32C = 1 }
	iscsi_digest_t;
typedef enum { ISCSI_LOGINTYPE_DISCOVERY = 0, ISCSI_LOGINTYPE_NOMAP = 1,
	ISCSI_LOGINTYPE_MAP = 2 } iscsi_login_session_type_t;
typedef struct { uint32_t status; int socket; struct {
	unsigned int HeaderDigest:1, DataDigest:1, MaxConnections:1,
	DefaultTime2Wait:1, DefaultTime2Retain:1, MaxRecvDataSegmentLength:1,
	auth_info:1, user_name:1, password:1, target_password:1,
	TargetName:1, TargetAlias:1, ErrorRecoveryLevel:1; } is_present;
	iscsi_auth_info_t auth_info; iscsi_login_session_type_t login_type;
	iscsi_digest_t HeaderDigest, DataDigest; uint32_t session_id,
	connection_id, MaxRecvDataSegmentLength; uint16_t MaxConnections,
	DefaultTime2Wait, DefaultTime2Retain, ErrorRecoveryLevel;
	void *user_name, *password, *target_password, *TargetName,
	*TargetAlias; } iscsi_login_parameters_t;
typedef struct { uint32_t status, session_id; } iscsi_logout_parameters_t;
typedef struct { uint32_t status, session_id, connection_id; }
	iscsi_remove_parameters_t;
typedef struct { uint32_t status, session_id, connection_id; }
	iscsi_conn_status_parameters_t;
typedef struct { unsigned long flags, timeout; unsigned char cmd[16];
	unsigned char cmdlen; void *databuf; unsigned long datalen,
	datalen_used; unsigned char sense[48]; unsigned char senselen,
	senselen_used, status, retsts; int error; } nb_scsireq_t;
typedef struct { uint32_t status, session_id, connection_id; struct {
	unsigned int immediate:1; } options; uint64_t lun; nb_scsireq_t req; }
	iscsi_iocommand_parameters_t;
typedef struct { uint32_t status, session_id; void *response_buffer;
	uint32_t response_size, response_used, response_total;
	uint8_t key[ISCSI_STRING_LENGTH]; } iscsi_send_targets_parameters_t;
typedef struct { uint32_t status; uint8_t InitiatorName[ISCSI_STRING_LENGTH];
	uint8_t InitiatorAlias[ISCSI_STRING_LENGTH]; uint8_t ISID[6]; }
	iscsi_set_node_name_parameters_t;
typedef struct { uint32_t status, event_id; }
	iscsi_register_event_parameters_t;
typedef enum { ISCSI_SESSION_TERMINATED = 1, ISCSI_CONNECTION_TERMINATED,
	ISCSI_RECOVER_CONNECTION, ISCSI_DRIVER_TERMINATING } iscsi_event_t;
typedef struct { uint32_t status, event_id; iscsi_event_t event_kind;
	uint32_t session_id, connection_id, reason; }
	iscsi_wait_event_parameters_t;
typedef struct { uint32_t status; uint16_t interface_version, major, minor;
	uint8_t version_string[ISCSI_STRING_LENGTH]; }
	iscsi_get_version_parameters_t;

/* netbt/hci.h 1.35.12.1, netbt/bluetooth.h 1.8.14.1 */
typedef struct { uint8_t b[6]; } __attribute__((__packed__)) nb_bdaddr_t;
struct bt_stats { uint32_t err_tx, err_rx, cmd_tx, evt_rx, acl_tx, acl_rx,
	sco_tx, sco_rx, byte_tx, byte_rx; };
struct btreq { char btr_name[16]; union { struct { nb_bdaddr_t btri_bdaddr;
	uint16_t btri_flags, btri_num_cmd, btri_num_acl, btri_num_sco,
	btri_acl_mtu, btri_sco_mtu, btri_link_policy, btri_packet_type,
	btri_max_acl, btri_max_sco; } btri; struct { uint8_t btrf_page0[8];
	uint8_t btrf_page1[8]; } btrf; struct bt_stats btrs; } btru; };

/* dev/bluetooth/btsco.h 1.2.122.1 */
struct btsco_info { nb_bdaddr_t laddr, raddr; uint8_t channel; int vgs,
	vgm; };

/* sys/event.h 1.45 */
struct kfilter_mapping { char *name; nb_size_t len; uint32_t filter; };

/* dev/kttcpio.h 1.1.6.2 */
struct kttcp_io_args { unsigned long long kio_totalsize, kio_bytesdone;
	struct nb_timeval kio_elapsed; int kio_socket, kio_protovers; };

/* fs/autofs/autofs_ioctl.h 1.1 */
struct autofs_daemon_request { int adr_id; char adr_from[256],
	adr_path[256], adr_prefix[256], adr_key[256], adr_options[256]; };
struct autofs_daemon_done { int add_id, add_wildcards, add_error,
	add_spare[7]; };

/* dev/lockstat.h 1.15 (struct nb_timespec as above) */
typedef struct lsenable { uintptr_t le_csstart, le_csend, le_lockstart,
	le_lockend, le_nbufs; unsigned int le_flags, le_mask; } lsenable_t;
typedef struct lsdisable { nb_size_t ld_size; struct nb_timespec ld_time;
	uint64_t ld_freq[64]; } lsdisable_t;

/* dev/dmover/dmover_io.h 1.3.120.1 */
struct dmio_setfunc { char dsf_name[64]; };

/* dev/ic/athioctl.h 1.14.86.1 */
struct ath_diag { char ad_name[IFNAMSIZ]; uint16_t ad_id, ad_in_size;
	void *ad_in_data, *ad_out_data; unsigned int ad_out_size; };

/* dev/pci/amrio.h 1.1.10.2 */
struct amr_user_ioctl { unsigned char au_cmd[32]; void *au_buffer;
	unsigned long au_length; int au_direction, au_status; };

/* dev/isa/isvio.h 1.1.2.2 */
struct isv_cmd { uint8_t c_cmd, c_frameno; };

/* dev/vme/xio.h 1.4.72.1 */
struct xd_iocmd { unsigned char cmd, subfn, errnum, tries;
	unsigned short sectcnt, dlen; unsigned int block; void *dptr; };

/* dev/tc/sticio.h 1.4.64.1 */
struct stic_xinfo { int sxi_stampw, sxi_stamph, sxi_unit;
	unsigned int sxi_buf_size, sxi_buf_phys, sxi_buf_pktoff,
	sxi_buf_pktcnt, sxi_buf_imgoff; };

/* dev/apm/apmio.h 1.1.16.1 */
struct apm_event_info { unsigned int type, index, spare[8]; };
struct apm_power_info { unsigned char battery_state, ac_state,
	battery_life, spare1; unsigned int minutes_left, nbattery, batteryid,
	spare2[4]; };
struct apm_ctl { unsigned int dev, mode; };

/* dev/ic/isp_ioctl.h 1.10 */
typedef struct { uint8_t isp_stat_version, isp_type, isp_revision, unused1;
	uint32_t unused2; uint64_t isp_stats[16]; } isp_stats_t;
struct isp_fc_device { uint32_t loopid; uint32_t : 6, role : 2, portid : 24;
	uint64_t node_wwn, port_wwn; };
struct isp_hba_device { uint32_t : 8, : 4, fc_speed : 4, : 2, fc_class2 : 1,
	fc_ip_supported : 1, fc_scsi_supported : 1, fc_topology : 3,
	fc_loopid : 8; uint8_t fc_fw_major, fc_fw_minor, fc_fw_micro, reserved;
	uint64_t nvram_node_wwn, nvram_port_wwn, active_node_wwn,
	active_port_wwn; };
struct isp_fc_param { char param_name[16]; uint32_t parameter; };
struct isp_fc_tsk_mgmt { uint32_t loopid, lun; enum { IPT_CLEAR_ACA,
	IPT_TARGET_RESET, IPT_LUN_RESET, IPT_CLEAR_TASK_SET,
	IPT_ABORT_TASK_SET } action; };

/* dev/sun/kbio.h 1.1.10.2 */
struct okiockey { int kio_tablemask; unsigned char kio_station, kio_entry;
	char kio_text[10]; };
struct kiockeymap { int kio_tablemask; unsigned char kio_station;
	unsigned short kio_entry; char kio_text[10]; };

/* dev/ic/mlxio.h 1.4 (struct mlx_cinfo below) */
struct mlx_pause { int mp_which, mp_when, mp_howlong; };
struct mlx_usercommand { nb_size_t mu_datasize; void *mu_buf;
	int mu_bufptr, mu_bufdir; uint16_t mu_status; uint8_t mu_command[16]; };
struct mlx_rebuild_request { int rr_channel, rr_target, rr_status; };
struct mlx_rebuild_status { uint16_t rs_code, rs_drive;
	int rs_size, rs_remaining; };

/* dev/pci/tweio.h 1.1.8.2, struct twe_cmd of dev/pci/twereg.h 1.4.2.4 */
struct twe_sgb { uint32_t tsg_address, tsg_length; }
	__attribute__ ((packed));
struct twe_cmd { uint8_t tc_opcode, tc_size, tc_cmdid, tc_unit, tc_status,
	tc_flags; uint16_t tc_count; union {
	struct { uint32_t lba; struct twe_sgb sgl[62]; }
		io __attribute__ ((packed));
	struct { struct twe_sgb sgl[62]; } param;	/* packed: ignored */
	struct { uint32_t response_queue_pointer; }
		init_connection __attribute__ ((packed));
	} tc_args /* packed: ignored */; int32_t tc_pad; }
	__attribute__ ((packed));
struct twe_usercommand { struct twe_cmd tu_cmd; void *tu_data;
	nb_size_t tu_size; };
struct twe_qstat { uint32_t q_length, q_max; };
union twe_statrequest { uint32_t ts_item; struct twe_qstat ts_qstat; };
struct twe_paramcommand { uint16_t tp_table_id; uint8_t tp_param_id;
	void *tp_data; uint8_t tp_size; };
struct twe_drivecommand { int td_unit; };

/* dev/ir/irdaio.h 1.4 */
struct irda_params { unsigned int speed, ebofs, maxsize; };

/* dev/hpc/hpcfbio.h 1.1.2.1 */
struct hpcfb_fbconf { short hf_conf_index, hf_nconfs, hf_class;
	char hf_name[32], hf_conf_name[32]; short hf_height, hf_width;
	unsigned long hf_baseaddr, hf_offset; short hf_bytes_per_line,
	hf_nplanes; long hf_bytes_per_plane; short hf_pack_width,
	hf_pixels_per_pack, hf_pixel_width; unsigned long hf_access_flags,
	hf_order_flags, hf_reg_offset, hf_reserved[3];
	short hf_class_data_length; union { char hf_place_holder[128];
	struct { unsigned long hf_flags; } hf_gray, hf_indexed;
	struct { unsigned long hf_flags; short hf_red_width, hf_red_shift,
	hf_green_width, hf_green_shift, hf_blue_width, hf_blue_shift,
	hf_alpha_width, hf_alpha_shift; } hf_rgb; } hf_u;
	int hf_ext_size; void *hf_ext_data; };
struct hpcfb_dspconf { short hd_unit_index, hd_nunits, hd_class;
	char hd_name[32]; unsigned long hd_op_flags, hd_reserved[3];
	short hd_conf_index, hd_nconfs; char hd_conf_name[32];
	short hd_width, hd_height, hd_xdpi, hd_ydpi; };
struct hpcfb_dsp_op { short op; long args[4]; short ext_size;
	void *ext_arg; };

/* dev/pcmcia/if_cnwioctl.h 1.2.8.2; struct ifreq of net/if.h 1.304
 * (char[16], a union whose widest member is struct sockaddr_storage) */
struct nb_sockaddr_storage { uint8_t ss_len, ss_family; char pad1[6];
	int64_t align; char pad2[112]; };
struct nb_ifreq { char ifr_name[IFNAMSIZ]; union {
	struct nb_sockaddr_storage ifru_space; void *ifru_data; } ifr_ifru; };
struct cnwstatus { struct nb_ifreq ifr; unsigned char data[0x100]; };
struct cnwstats { uint64_t nws_rx, nws_rxerr, nws_rxoverflow, nws_rxoverrun,
	nws_rxcrcerror, nws_rxframe, nws_rxerrors, nws_rxavail, nws_rxone,
	nws_tx, nws_txokay, nws_txabort, nws_txlostcd, nws_txerrors,
	nws_txretries[16]; };
struct cnwistats { struct nb_ifreq ifr; struct cnwstats stats; };
struct cnwtrail { unsigned char what, status; unsigned short length;
	struct nb_timeval when, done; };
struct cnwitrail { struct nb_ifreq ifr; int head;
	struct cnwtrail trail[128]; };

/* dev/i2o/iopio.h 1.2.4.2 */
struct nb_iovec { void *iov_base; nb_size_t iov_len; };
struct ioppt_buf { void *ptb_data; nb_size_t ptb_datalen; int ptb_out; };
struct ioppt { void *pt_msg; nb_size_t pt_msglen; void *pt_reply;
	nb_size_t pt_replylen; int pt_timo, pt_nbufs;
	struct ioppt_buf pt_bufs[3]; };

/* dev/sun/disklabel.h 1.1 */
struct sun_dkgeom { unsigned short sdkc_ncylinders, sdkc_acylinders,
	sdkc_xxx1, sdkc_ntracks, sdkc_xxx2, sdkc_nsectors, sdkc_interleave,
	sdkc_xxx3, sdkc_xxx4, sdkc_sparespercyl, sdkc_rpm, sdkc_pcylinders,
	sdkc_xxx5[7]; };
struct sun_dkctlr { int sdkc_addr; short sdkc_unit, sdkc_type, sdkc_flags; };
struct sun_dkpart { long sdkp_cyloffset, sdkp_nsectors; };

/* dev/ic/icp_ioctl.h 1.5.46.1, struct icp_* of dev/ic/icpreg.h 1.1.6.2 */
#define PACKED __attribute__ ((packed))
struct icp_sg { uint32_t sg_addr, sg_len; } PACKED;
struct icp_cachecmd { uint16_t cc_deviceno; uint32_t cc_blockno, cc_blockcnt,
	cc_addr, cc_nsgent; struct icp_sg cc_sg[17]; } PACKED;
struct icp_ioctlcmd { uint16_t ic_bufsize; uint32_t ic_subfunc, ic_channel,
	ic_addr; } PACKED;
struct icp_rawcmd { uint16_t rc_padding0; uint32_t rc_direction,
	rc_mdisc_time, rc_mcon_time, rc_sdata, rc_sdlen, rc_clen;
	uint8_t rc_cdb[12], rc_target, rc_lun, rc_bus, rc_priority;
	uint32_t rc_sense_len, rc_sense_addr, rc_padding1, rc_nsgent;
	struct icp_sg rc_sg[17]; } PACKED;
typedef struct gdt_ucmd { uint16_t io_node, service; uint32_t timeout;
	uint16_t status; uint32_t info; struct { uint32_t cmd_boardnode,
	cmd_cmdindex; uint16_t cmd_opcode; union { struct icp_rawcmd rc;
	struct icp_ioctlcmd ic; struct icp_cachecmd cc; } cmd_packet; }
	PACKED command; uint8_t data[3072]; } PACKED gdt_ucmd_t;
typedef struct gdt_ctrt { uint16_t io_node, oem_id, type; uint32_t info;
	uint8_t access, remote; uint16_t ext_type, device_id, sub_device_id; }
	PACKED gdt_ctrt_t;
typedef struct gdt_osv { uint8_t oscode, version, subversion;
	uint16_t revision; char name[64]; } PACKED gdt_osv_t;
typedef struct { uint16_t size; union { char stream[16];
	struct { uint16_t ionode, service; uint32_t index; } PACKED driver;
	struct { uint16_t ionode, service, status; uint32_t info;
		uint8_t scsi_coord[3]; } PACKED async;
	struct { uint16_t ionode, service, status; uint32_t info;
		uint16_t hostdrive; uint8_t scsi_coord[3], sense_key; }
		PACKED sync;
	struct { uint32_t l1, l2, l3, l4; } PACKED test; } eu;
	uint32_t severity; uint8_t event_string[256]; } PACKED gdt_evt_data;
typedef struct { uint32_t first_stamp, last_stamp; uint16_t same_count,
	event_source, event_idx; uint8_t application, reserved;
	gdt_evt_data event_data; } PACKED gdt_evt_str;
typedef struct gdt_event { int erase, handle; gdt_evt_str dvr; } PACKED
	gdt_event_t;
typedef struct gdt_statist { uint16_t io_count_act, io_count_max,
	req_queue_act, req_queue_max, cmd_index_act, cmd_index_max,
	sg_count_act, sg_count_max; } PACKED gdt_statist_t;
typedef struct gdt_rescan { uint16_t io_node; uint8_t flag; uint16_t hdr_no;
	struct { uint8_t bus, target, lun, cluster_type; } PACKED
	hdr_list[35]; } PACKED gdt_rescan_t;

/* dev/pci/mlyio.h 1.4.64.1, union mly_cmd_packet of dev/pci/mlyreg.h
 * 1.5.74.1 */
struct mly_sg_entry { uint64_t physaddr, length; } PACKED;
union mly_cmd_transfer { struct { struct mly_sg_entry sg[2]; } PACKED direct;
	struct { uint16_t entries[3], res1; uint64_t table_physaddr[3]; }
	PACKED indirect; };
union mly_ioctl_param {
	struct { uint8_t param[10]; union mly_cmd_transfer transfer; }
		PACKED data;
	struct { uint8_t health_buffer_size, res1;
		uint64_t health_buffer_physaddr, command_mailbox_physaddr,
		status_mailbox_physaddr, res2[2]; } PACKED setmemorymailbox;
	struct { uint8_t state; } PACKED setraiddevstate;
	struct { uint8_t new_raid_device; } PACKED renameraiddev;
	struct { uint16_t raid_device; uint8_t res1[2], controller, channel,
		target, lun; } PACKED xlatephysdevtoraiddev;
	struct { uint16_t group; uint8_t res1[8];
		union mly_cmd_transfer transfer; } PACKED getgroupconfinfo;
	struct { uint8_t operation : 4, subsystem : 4;
		unsigned int parameter[3]; } PACKED subsystemdata;
	struct { uint8_t operation_device; } PACKED deviceoperation;
	struct { uint16_t sequence_number_low; uint8_t res1[8];
		union mly_cmd_transfer transfer; } PACKED getevent; };
#define MLY_CMD_HEAD uint16_t command_id; uint8_t opcode, command_control; \
	uint32_t data_size; uint64_t sense_buffer_address; uint8_t addr[3], \
	timeout, maximum_sense_size
union mly_cmd_packet {
	struct { MLY_CMD_HEAD; uint8_t res1[11];
		union mly_cmd_transfer transfer; } PACKED generic;
	struct { MLY_CMD_HEAD; uint8_t cdb_length, cdb[10];
		union mly_cmd_transfer transfer; } PACKED scsi_small;
	struct { MLY_CMD_HEAD; uint8_t cdb_length; uint16_t res1;
		uint64_t cdb_physaddr; union mly_cmd_transfer transfer; }
		PACKED scsi_large;
	struct { MLY_CMD_HEAD; uint8_t sub_ioctl;
		union mly_ioctl_param param; } PACKED ioctl;
	struct { uint32_t flag; uint8_t data[60]; } PACKED mmbox; };
struct mly_user_command { unsigned char ControllerNumber;
	union mly_cmd_packet CommandMailbox; int DataTransferLength,
	RequestSenseLength; void *DataTransferBuffer, *RequestSenseBuffer;
	int CommandStatus; };
struct mly_user_health { unsigned char ControllerNumber;
	void *HealthStatusBuffer; };

/* dev/ic/nvmeio.h 1.1, struct nvme_sqe and nvme_cqe of dev/ic/nvmereg.h
 * 1.9 (__packed __aligned(8)) */
#define PACKED8 __attribute__ ((packed, aligned(8)))
struct nvme_sge { uint8_t id, _reserved[15]; } PACKED8;
struct nvme_sqe { uint8_t opcode, flags; uint16_t cid; uint32_t nsid;
	uint8_t _reserved[8]; uint64_t mptr; union { uint64_t prp[2];
	struct nvme_sge sge; } PACKED entry; uint32_t cdw10, cdw11, cdw12,
	cdw13, cdw14, cdw15; } PACKED8;
struct nvme_cqe { uint32_t cdw0, _reserved; uint16_t sqhd, sqid, cid,
	flags; } PACKED8;
struct nvme_pt_command { struct nvme_sqe cmd; struct nvme_cqe cpl;
	void *buf; uint32_t len, is_read, timeout; };

/* dev/dtv/dtvio_frontend.h 1.4 */
typedef enum fe_type { FE_QPSK, FE_QAM, FE_OFDM, FE_ATSC } fe_type_t;
typedef enum fe_caps { FE_IS_STUPID = 0, FE_CAN_MUTE_TS = 0x80000000 }
	fe_caps_t;
struct dvb_frontend_info { char name[128]; fe_type_t type;
	uint32_t frequency_min, frequency_max, frequency_stepsize,
	frequency_tolerance, symbol_rate_min, symbol_rate_max,
	symbol_rate_tolerance, notifier_delay; fe_caps_t caps; };
typedef enum fe_status { FE_HAS_SIGNAL = 0x01, FE_REINIT = 0x40 }
	fe_status_t;
typedef enum { INVERSION_OFF, INVERSION_ON, INVERSION_AUTO }
	fe_spectral_inversion_t;
typedef enum { FEC_NONE, FEC_9_10 = 11 } fe_code_rate_t;
typedef enum { QPSK, DQPSK = 12 } fe_modulation_t;
typedef enum { TRANSMISSION_MODE_2K, TRANSMISSION_MODE_32K = 6 }
	fe_transmit_mode_t;
typedef enum { BANDWIDTH_8_MHZ, BANDWIDTH_1_172_MHZ = 6 } fe_bandwidth_t;
typedef enum { GUARD_INTERVAL_1_32, GUARD_INTERVAL_19_256 = 7 }
	fe_guard_interval_t;
typedef enum { HIERARCHY_NONE, HIERARCHY_AUTO = 4 } fe_hierarchy_t;
struct dvb_frontend_parameters { uint32_t frequency;
	fe_spectral_inversion_t inversion; union {
	struct { uint32_t symbol_rate; fe_code_rate_t fec_inner; } qpsk;
	struct { uint32_t symbol_rate; fe_code_rate_t fec_inner;
		fe_modulation_t modulation; } qam;
	struct { fe_bandwidth_t bandwidth; fe_code_rate_t code_rate_HP,
		code_rate_LP; fe_modulation_t constellation;
		fe_transmit_mode_t transmission_mode;
		fe_guard_interval_t guard_interval;
		fe_hierarchy_t hierarchy_information; } ofdm;
	struct { fe_modulation_t modulation; } vsb; } u; };
struct dvb_frontend_event { fe_status_t status;
	struct dvb_frontend_parameters parameters; };
struct dvb_diseqc_master_cmd { uint8_t msg[6], msg_len; };
struct dvb_diseqc_slave_reply { uint8_t msg[4], msg_len; int timeout; };
typedef enum { SEC_VOLTAGE_13, SEC_VOLTAGE_18, SEC_VOLTAGE_OFF }
	fe_sec_voltage_t;
typedef enum { SEC_TONE_ON, SEC_TONE_OFF } fe_sec_tone_mode_t;
typedef enum { SEC_MINI_A, SEC_MINI_B } fe_sec_mini_cmd_t;

/* dev/dtv/dtvio_demux.h 1.2.12.1 */
typedef enum { DMX_OUT_DECODER, DMX_OUT_TSDEMUX_TAP = 3 } dmx_output_t;
typedef enum { DMX_IN_FRONTEND, DMX_IN_DVR } dmx_input_t;
typedef enum { DMX_PES_AUDIO0, DMX_PES_OTHER = 20 } dmx_pes_type_t;
typedef struct dmx_filter { uint8_t filter[16], mask[16], mode[16]; }
	dmx_filter_t;
struct dmx_sct_filter_params { uint16_t pid; dmx_filter_t filter;
	uint32_t timeout, flags; };
struct dmx_pes_filter_params { uint16_t pid; dmx_input_t input;
	dmx_output_t output; dmx_pes_type_t pes_type; uint32_t flags; };
struct dmx_stc { unsigned int num, base; uint64_t stc; };
typedef struct dmx_caps { uint32_t caps; int num_decoders; } dmx_caps_t;
typedef enum { DMX_SOURCE_FRONT0 = 0, DMX_SOURCE_DVR3 = 19 } dmx_source_t;

/* net/pfvar.h 1.23 (sys/dist/pf/net; OpenBSD 4.2's pf): MAXPATHLEN 1024,
 * uid_t uint32_t, sa_family_t uint8_t, PFTM_MAX 20, PFRES_MAX 16,
 * LCNT_MAX 7, FCNT_MAX 3, SCNT_MAX 3; TAILQ_ENTRY two pointers,
 * SLIST_ENTRY one; struct pf_addr the 16-byte union of in_addr, in6_addr
 * and arrays; the ALTQ option structures are pfvar.h's own */
struct pf_addr { union { struct nb_in_addr v4; struct nb_in6_addr v6;
	uint8_t addr8[16]; uint16_t addr16[8]; uint32_t addr32[4]; } pfa; };
struct pf_addr_wrap { union { struct { struct pf_addr addr, mask; } a;
	char ifname[IFNAMSIZ], tblname[32], rtlabelname[32];
	uint32_t rtlabel; } v;
	union { void *dyn, *tbl; int dyncnt, tblcnt; } p;
	uint8_t type, iflags; };
struct pf_rule_uid { uint32_t uid[2]; uint8_t op; };
struct pf_rule_addr { struct pf_addr_wrap addr; uint16_t port[2];
	uint8_t neg, port_op; };
struct pf_pooladdr { struct pf_addr_wrap addr;
	struct { void *tqe_next, **tqe_prev; } entries;
	char ifname[IFNAMSIZ]; void *kif; };
struct pf_pool { struct { void *tqh_first, **tqh_last; } list; void *cur;
	union { uint8_t key8[16]; uint16_t key16[8]; uint32_t key32[4]; } key;
	struct pf_addr counter; int tblidx; uint16_t proxy_port[2];
	uint8_t port_op, opts; };
struct pf_osfp_entry { void *sle_next; uint32_t fp_os; int fp_enflags;
	char fp_class_nm[32], fp_version_nm[32], fp_subtype_nm[32]; };
struct pf_osfp_ioctl { struct pf_osfp_entry fp_os; uint64_t fp_tcpopts;
	uint16_t fp_wsize, fp_psize, fp_mss, fp_flags;
	uint8_t fp_optcnt, fp_wscale, fp_ttl; int fp_getnum; };
struct pf_rule { struct pf_rule_addr src, dst;
	union { void *ptr; uint32_t nr; } skip[8]; char label[64];
	char ifname[IFNAMSIZ], qname[64], pqname[64], tagname[64],
	match_tagname[64], overload_tblname[32];
	struct { void *tqe_next, **tqe_prev; } entries; struct pf_pool rpool;
	uint64_t evaluations, packets[2], bytes[2];
	void *kif, *anchor, *overload_tbl; uint32_t os_fingerprint;
	int rtableid; uint32_t timeout[20], states, max_states, src_nodes,
	max_src_nodes, max_src_states, max_src_conn;
	struct { uint32_t limit, seconds; } max_src_conn_rate;
	uint32_t qid, pqid, rt_listid, nr, prob, cuid; nb_pid_t cpid;
	uint16_t return_icmp, return_icmp6, max_mss, tag, match_tag;
	struct pf_rule_uid uid, gid; uint32_t rule_flag;
	uint8_t action, direction, log, logif, quick, ifnot, match_tag_not,
	natpass, keep_state, af, proto, type, code, flags, flagset, min_ttl,
	allow_opts, rt, return_ttl, tos, anchor_relative, anchor_wildcard,
	flush; };
struct pfr_table { char pfrt_anchor[1024], pfrt_name[32];
	uint32_t pfrt_flags; uint8_t pfrt_fback; };
struct pf_status { uint64_t counters[16], lcounters[7], fcounters[3],
	scounters[3], pcounters[2][2][3], bcounters[2][2], stateid;
	uint32_t running, states, src_nodes, since, debug, hostid;
	char ifname[IFNAMSIZ]; uint8_t pf_chksum[16]; };
struct cbq_opts { unsigned int minburst, maxburst, pktsize, maxpktsize,
	ns_per_byte, maxidle; int minidle; unsigned int offtime; int flags; };
struct priq_opts { int flags; };
struct hfsc_opts { unsigned int rtsc_m1, rtsc_d, rtsc_m2, lssc_m1, lssc_d,
	lssc_m2, ulsc_m1, ulsc_d, ulsc_m2; int flags; };
struct pf_altq { char ifname[IFNAMSIZ]; void *altq_disc;
	struct { void *tqe_next, **tqe_prev; } entries; uint8_t scheduler;
	uint16_t tbrsize; uint32_t ifbandwidth; char qname[64], parent[64];
	uint32_t parent_qid, bandwidth; uint8_t priority; uint16_t qlimit,
	flags; union { struct cbq_opts cbq_opts; struct priq_opts priq_opts;
	struct hfsc_opts hfsc_opts; } pq_u; uint32_t qid; };
struct pfioc_pooladdr { uint32_t action, ticket, nr, r_num;
	uint8_t r_action, r_last, af; char anchor[1024];
	struct pf_pooladdr addr; };
struct pfioc_rule { uint32_t action, ticket, pool_ticket, nr;
	char anchor[1024], anchor_call[1024]; struct pf_rule rule; };
struct pfioc_natlook { struct pf_addr saddr, daddr, rsaddr, rdaddr;
	uint16_t sport, dport, rsport, rdport; uint8_t af, proto, direction; };
struct pfioc_state { uint32_t nr; void *state; };
struct pfioc_src_node_kill { uint8_t psnk_af;
	struct pf_rule_addr psnk_src, psnk_dst; };
struct pfioc_state_kill { uint8_t psk_af; int psk_proto;
	struct pf_rule_addr psk_src, psk_dst; char psk_ifname[IFNAMSIZ]; };
struct pfioc_states { int ps_len; union { void *psu_buf, *psu_states; }
	ps_u; };
struct pfioc_src_nodes { int psn_len; union { void *psu_buf,
	*psu_src_nodes; } psn_u; };
struct pfioc_if { char ifname[IFNAMSIZ]; };
struct pfioc_tm { int timeout, seconds; };
struct pfioc_limit { int index; unsigned int limit; };
struct pfioc_altq { uint32_t action, ticket, nr; struct pf_altq altq; };
struct pfioc_qstats { uint32_t ticket, nr; void *buf; int nbytes;
	uint8_t scheduler; };
struct pfioc_ruleset { uint32_t nr; char path[1024], name[64]; };
struct pfioc_trans { int size, esize; void *array; };
struct pfioc_table { struct pfr_table pfrio_table; void *pfrio_buffer;
	int pfrio_esize, pfrio_size, pfrio_size2, pfrio_nadd, pfrio_ndel,
	pfrio_nchange, pfrio_flags; uint32_t pfrio_ticket; };
struct pfioc_iface { char pfiio_name[IFNAMSIZ]; void *pfiio_buffer;
	int pfiio_esize, pfiio_size, pfiio_nzero, pfiio_flags; };
/* IPFilter: netinet/ip_fil.h 1.5.30.1, ip_lookup.h 1.2, ip_scan.h 1.1.1.2
 * (u_32_t is u_int32_t and FR_GROUPLEN 16, from netinet/ip_compat.h) */
struct ipfobj { uint32_t ipfo_rev, ipfo_size; void *ipfo_ptr;
	int ipfo_type, ipfo_offset, ipfo_retval;
	unsigned char ipfo_xxxpad[28]; };
struct frentry; struct fr_info; struct ipf_main_softc_s; struct ipscan;
typedef struct frentry *(*ipfunc_t)(struct fr_info *, uint32_t *);
typedef int (*ipfuncinit_t)(struct ipf_main_softc_s *, struct frentry *);
struct ipfunc_resolve { char ipfu_name[32]; ipfunc_t ipfu_addr;
	ipfuncinit_t ipfu_init, ipfu_fini; };
struct iplookupop { int iplo_type, iplo_unit; unsigned int iplo_arg;
	char iplo_name[16]; nb_size_t iplo_size; void *iplo_struct; };
struct iplookupflush { int iplf_type, iplf_unit;
	unsigned int iplf_arg, iplf_count; char iplf_name[16]; };
/* altq/altq.h 1.4 (ALTQ3_COMPAT and ALTQ3_CLFIER_COMPAT, which it
 * defines); struct in_addr as above, 4 bytes */
struct altqreq { char ifname[IFNAMSIZ]; unsigned long arg; };
struct tb_profile { unsigned int rate, depth; };
struct tbrreq { char ifname[IFNAMSIZ]; struct tb_profile tb_prof; };
struct flowinfo { unsigned char fi_len, fi_family; uint8_t fi_data[46]; };
struct flowinfo_in { unsigned char fi_len, fi_family; uint8_t fi_proto,
	fi_tos; struct nb_in_addr fi_dst, fi_src; uint16_t fi_dport,
	fi_sport; uint32_t fi_gpi; uint8_t _pad[28]; };
struct flowinfo_in6 { unsigned char fi6_len, fi6_family; uint8_t fi6_proto,
	fi6_tclass; uint32_t fi6_flowlabel; uint16_t fi6_dport, fi6_sport;
	uint32_t fi6_gpi; struct nb_in6_addr fi6_dst, fi6_src; };
struct flow_filter { int ff_ruleno; struct flowinfo_in ff_flow;
	struct { struct nb_in_addr mask_dst, mask_src; uint8_t mask_tos;
	uint8_t _pad[3]; } ff_mask; uint8_t _pad2[24]; };
struct pktcntr { uint64_t packets, bytes; };

/* altq/altq_afmap.h 1.3 (SIN6_LEN defined: the union holds flowinfo_in6) */
struct atm_flowmap { char af_ifname[IFNAMSIZ]; uint8_t af_vpi;
	uint16_t af_vci; uint32_t af_pcr; union { struct flowinfo afu_fi;
	struct flowinfo_in afu_fi4; struct flowinfo_in6 afu_fi6; } af_fiu;
	uint32_t afs_packets, afs_bytes; };

/* altq/altq_cbq.h 1.11 */
struct cbq_interface { char cbq_ifacename[IFNAMSIZ]; };
typedef struct cbq_class_spec { unsigned int priority;
	uint64_t pico_sec_per_byte; unsigned int maxq, maxidle; int minidle;
	unsigned int offtime; uint32_t parent_class_handle,
	borrow_class_handle; unsigned int pktsize; int flags; }
	cbq_class_spec_t;
struct cbq_modify_class { struct cbq_interface cbq_iface;
	cbq_class_spec_t cbq_class; uint32_t cbq_class_handle; };

/* altq/altq_cdnr.h 1.4.20.1 (TCACODE_MAX 6) */
struct cdnr_block;
struct tc_action { int tca_code; union { unsigned long un_value;
	uint8_t un_dscp; unsigned long un_handle;
	struct cdnr_block *un_next; } tca_un; };
struct cdnr_interface { char cdnr_ifname[IFNAMSIZ]; };
struct cdnr_add_element { struct cdnr_interface iface;
	struct tc_action action; unsigned long cdnr_handle; };
struct cdnr_delete_element { struct cdnr_interface iface;
	unsigned long cdnr_handle; };
struct cdnr_add_tbmeter { struct cdnr_interface iface;
	struct tb_profile profile; struct tc_action in_action, out_action;
	unsigned long cdnr_handle; };
struct cdnr_modify_tbmeter { struct cdnr_interface iface;
	unsigned long cdnr_handle; struct tb_profile profile; };
struct cdnr_tbmeter_stats { struct cdnr_interface iface;
	unsigned long cdnr_handle; struct pktcntr in_cnt, out_cnt; };
struct cdnr_add_trtcm { struct cdnr_interface iface;
	struct tb_profile cmtd_profile, peak_profile;
	struct tc_action green_action, yellow_action, red_action;
	int coloraware; unsigned long cdnr_handle; };
struct cdnr_modify_trtcm { struct cdnr_interface iface;
	unsigned long cdnr_handle; struct tb_profile cmtd_profile,
	peak_profile; int coloraware; };
struct cdnr_tcm_stats { struct cdnr_interface iface;
	unsigned long cdnr_handle; struct pktcntr green_cnt, yellow_cnt,
	red_cnt; };
struct cdnr_add_tswtcm { struct cdnr_interface iface; uint32_t cmtd_rate,
	peak_rate, avg_interval; struct tc_action green_action,
	yellow_action, red_action; unsigned long cdnr_handle; };
struct cdnr_modify_tswtcm { struct cdnr_interface iface;
	unsigned long cdnr_handle; uint32_t cmtd_rate, peak_rate,
	avg_interval; };
struct cdnr_add_filter { struct cdnr_interface iface;
	unsigned long cdnr_handle; struct flow_filter filter;
	unsigned long filter_handle; };
struct cdnr_delete_filter { struct cdnr_interface iface;
	unsigned long filter_handle; };
struct tce_stats;
struct cdnr_get_stats { struct cdnr_interface iface;
	struct pktcntr cnts[6 + 1]; int nskip, nelements;
	struct tce_stats *tce_stats; };

/* altq/altq_jobs.h 1.5 */
struct jobs_interface { char jobs_ifname[IFNAMSIZ]; unsigned long arg; };
struct jobs_attach { struct jobs_interface iface; unsigned int bandwidth,
	qlimit, separate; };
struct jobs_add_class { struct jobs_interface iface; int pri, flags;
	int64_t cl_adc, cl_alc, cl_arc, cl_rdc, cl_rlc;
	unsigned long class_handle; };
struct jobs_delete_class { struct jobs_interface iface;
	unsigned long class_handle; };
struct jobs_modify_class { struct jobs_interface iface;
	unsigned long class_handle; int pri; int64_t cl_adc, cl_alc, cl_arc,
	cl_rdc, cl_rlc; int flags; };
struct jobs_add_filter { struct jobs_interface iface;
	unsigned long class_handle; struct flow_filter filter;
	unsigned long filter_handle; };
struct jobs_delete_filter { struct jobs_interface iface;
	unsigned long filter_handle; };
struct class_stats;
struct jobs_class_stats { struct class_stats *stats; int maxpri;
	struct jobs_interface iface; };

/* altq/altq_priq.h 1.7, altq_red.h 1.5, altq_rio.h 1.5 */
struct priq_interface { char ifname[IFNAMSIZ]; unsigned long arg; };
struct redparams { int th_min, th_max, inv_pmax; };
#define RIO_NDROPPREC	3

/* altq/altq_wfq.h 1.6 */
struct wfq_interface { char wfq_ifacename[IFNAMSIZ]; };
struct wfq_getqid { struct wfq_interface iface; struct flowinfo flow;
	unsigned long qid; };
struct wfq_setweight { struct wfq_interface iface; int qid, weight; };
typedef struct each_queue_stats { int bytes, weight;
	struct pktcntr xmit_cnt, drop_cnt; } queue_stats;
struct wfq_getstats { struct wfq_interface iface; int qid;
	queue_stats stats; };

/* dev/nvmm/nvmm_ioctl.h 1.12; dev/nvmm/nvmm.h 1.16 (nvmm_machid_t,
 * nvmm_cpuid_t uint32_t, gpaddr_t uint64_t), dev/nvmm/x86/nvmm_x86.h 1.21 */
struct nvmm_cap_md { uint64_t mach_conf_support, vcpu_conf_support,
	xcr0_mask; uint32_t mxcsr_mask, conf_cpuid_maxops; uint64_t rsvd[6]; };
struct nvmm_capability { uint32_t version, state_size, max_machines,
	max_vcpus; uint64_t max_ram; struct nvmm_cap_md arch; };
struct nvmm_x86_exit_memory { int prot; uint64_t gpa; uint8_t inst_len;
	uint8_t inst_bytes[15]; };
struct nvmm_x86_exit_io { bool in; uint16_t port; int8_t seg;
	uint8_t address_size, operand_size; bool rep, str; uint64_t npc; };
struct nvmm_x86_exit_rdmsr { uint32_t msr; uint64_t npc; };
struct nvmm_x86_exit_wrmsr { uint32_t msr; uint64_t val, npc; };
struct nvmm_x86_exit_insn { uint64_t npc; };
struct nvmm_x86_exit_invalid { uint64_t hwcode; };
struct nvmm_x86_exit { uint64_t reason; union {
	struct nvmm_x86_exit_memory mem; struct nvmm_x86_exit_io io;
	struct nvmm_x86_exit_rdmsr rdmsr; struct nvmm_x86_exit_wrmsr wrmsr;
	struct nvmm_x86_exit_insn insn; struct nvmm_x86_exit_invalid inv; } u;
	struct { uint64_t rflags, cr8; uint64_t int_shadow:1,
	int_window_exiting:1, nmi_window_exiting:1, evt_pending:1,
	rsvd:60; } exitstate; };
struct nvmm_ioc_capability { struct nvmm_capability cap; };
struct nvmm_ioc_machine_create { uint32_t machid; };
struct nvmm_ioc_machine_destroy { uint32_t machid; };
struct nvmm_ioc_machine_configure { uint32_t machid; uint64_t op;
	void *conf; };
struct nvmm_ioc_vcpu_create { uint32_t machid, cpuid; };
struct nvmm_ioc_vcpu_destroy { uint32_t machid, cpuid; };
struct nvmm_ioc_vcpu_configure { uint32_t machid, cpuid; uint64_t op;
	void *conf; };
struct nvmm_ioc_vcpu_setstate { uint32_t machid, cpuid; };
struct nvmm_ioc_vcpu_getstate { uint32_t machid, cpuid; };
struct nvmm_ioc_vcpu_inject { uint32_t machid, cpuid; };
struct nvmm_ioc_vcpu_run { uint32_t machid, cpuid;
	struct nvmm_x86_exit exit; };
struct nvmm_ioc_hva_map { uint32_t machid; unsigned long hva;
	nb_size_t size; int flags; };
struct nvmm_ioc_hva_unmap { uint32_t machid; unsigned long hva;
	nb_size_t size; int flags; };
struct nvmm_ioc_gpa_map { uint32_t machid; unsigned long hva;
	uint64_t gpa; nb_size_t size; int prot; };
struct nvmm_ioc_gpa_unmap { uint32_t machid; uint64_t gpa; nb_size_t size; };
struct nvmm_ioc_ctl { int op; void *data; nb_size_t size; };

/* netsmb/smb_dev.h 1.2; netsmb/smb.h 1.9 (SMB_MAXSRVNAMELEN 15, the other
 * name limits 128, smbfh u_int16_t); uid_t, gid_t, mode_t are uint32_t */
struct nb_sockaddr;
struct smbioc_ossn { int ioc_opt, ioc_svlen; struct nb_sockaddr *ioc_server;
	int ioc_lolen; struct nb_sockaddr *ioc_local;
	char ioc_srvname[15 + 1]; int ioc_timeout, ioc_retrycount;
	char ioc_localcs[16], ioc_servercs[16], ioc_user[128 + 1],
	ioc_workgroup[128 + 1], ioc_password[128 + 1]; uint32_t ioc_owner,
	ioc_group, ioc_mode, ioc_rights; };
struct smbioc_oshare { int ioc_opt, ioc_stype; char ioc_share[128 + 1],
	ioc_password[128 + 1]; uint32_t ioc_owner, ioc_group, ioc_mode,
	ioc_rights; };
struct smbioc_rq { unsigned char ioc_cmd, ioc_twc; void *ioc_twords;
	unsigned short ioc_tbc; void *ioc_tbytes; int ioc_rpbufsz;
	char *ioc_rpbuf; unsigned char ioc_rwc; unsigned short ioc_rbc;
	uint8_t ioc_errclass; uint16_t ioc_serror; uint32_t ioc_error; };
struct smbioc_t2rq { uint16_t ioc_setup[3]; int ioc_setupcnt;
	char *ioc_name; unsigned short ioc_tparamcnt; void *ioc_tparam;
	unsigned short ioc_tdatacnt; void *ioc_tdata;
	unsigned short ioc_rparamcnt; void *ioc_rparam;
	unsigned short ioc_rdatacnt; void *ioc_rdata; };
struct smbioc_flags { int ioc_level, ioc_mask, ioc_flags; };
struct smbioc_lookup { int ioc_level, ioc_flags; struct smbioc_ossn ioc_ssn;
	struct smbioc_oshare ioc_sh; };
struct smbioc_rw { uint16_t ioc_fh; char *ioc_base; nb_off_t ioc_offset;
	int ioc_cnt; };
/* dev/raidframe/raidframeio.h 1.11.6.1, types of
 * dev/raidframe/raidframevar.h 1.23; RF_AccTotals_t as mkioctls declares
 * it (rf_acctrace.h, which declares the kernel's, is not installed) */
struct crap { int _xxx; };
typedef struct crap RF_AccTotals_t;
struct rf_recon_req { int col; uint32_t flags; };
typedef struct RF_SparetWait_s { int C, G, fcol; uint64_t SUsPerPU;
	int TablesPerSpareRegion, BlocksPerTable; uint64_t TableDepthInPUs,
	SpareSpaceDepthPerRegionInSUs; struct RF_SparetWait_s *next; }
	RF_SparetWait_t;
typedef struct { int version, serial_number, mod_counter, row, column,
	num_rows, num_columns, clean, status, sectPerSU, SUsPerPU, SUsPerRU,
	parityConfig, maxOutstanding, blockSize; unsigned int __numBlocks,
	__partitionSize; int parity_map_modcount; unsigned int
	parity_map_flags; int parity_map_tickms, parity_map_ntick;
	unsigned int parity_map_regions; int future_use[28]; int
	autoconfigure, root_partition, last_unit, config_order; unsigned int
	numBlocksHi, partitionSizeHi; int future_use2[42]; }
	RF_ComponentLabel_t;
typedef struct { int row, column; char component_name[50]; }
	RF_SingleComponent_t;
typedef struct { uint64_t remaining, completed, total; } RF_ProgressInfo_t;
struct rf_pmctrs { uint64_t nwrite, ncachesync, nclearing; };
struct rf_pmparams { int cooldown, tickms; unsigned int regions; };
struct rf_pmstat { int enabled; struct rf_pmparams params;
	int64_t region_size; char dirty[4096 / 8]; struct rf_pmctrs ctrs; };
typedef struct RF_DeviceConfig_s RF_DeviceConfig_t;

/* dev/fssvar.h 1.32 (blksize_t int32_t, blkcnt_t int64_t, MNAMELEN 90) */
struct fss_set { char *fss_mount, *fss_bstore; int32_t fss_csize;
	int fss_flags; };
struct fss_get { char fsg_mount[90]; struct nb_timeval fsg_time;
	int32_t fsg_csize; int64_t fsg_mount_size, fsg_bs_size; };

/* sys/clockctl.h 1.18 (clockid_t int, __register_t long on amd64) */
struct clockctl_settimeofday { const struct nb_timeval *tv;
	const void *tzp; };
struct clockctl_clock_settime { int clock_id; const void *tp; };
struct clockctl_ntp_adjtime { void *tp; long retval; };

/* netinet/sctp_uio.h 1.4 */
struct sctp_connectx_addrs { int cx_num; int cx_len; void *cx_addrs; }
	__attribute__ ((packed));

/* Newer revisions of headers read before.  sys/cpuio.h 1.10 */
struct cpu_ucode_version { int loader_version; void *data; };
struct cpu_ucode { int loader_version, cpu_nr; char fwname[1024]; };

/* net/npf.h (NetBSD 10): libnv's nvlist_ref_t */
typedef struct { void *buf; nb_size_t len; int flags; } nvlist_ref_t;

/* net/if_sppp.h 1.36 */
struct spppstatusncp { char ifname[IFNAMSIZ]; int phase, ncpup; };
struct spppidletimeout { char ifname[IFNAMSIZ]; int64_t idle_seconds; };
struct spppkeepalivesettings { char ifname[IFNAMSIZ]; unsigned int maxalive;
	int64_t max_noreceive; unsigned int alive_interval; };
struct sppplcpstatus { char ifname[IFNAMSIZ]; int state, timeout;
	unsigned long opts, magic, mru; };
struct spppipcpstatus { char ifname[IFNAMSIZ]; int state; unsigned long opts;
	uint32_t myaddr; };
struct spppncpcfg { char ifname[IFNAMSIZ]; unsigned int ncp_flags; };

/* dev/cgdvar.h 1.21 */
struct cgd_user { int cgu_unit; nb_dev_t cgu_dev; char cgu_alg[32];
	nb_size_t cgu_blocksize; int cgu_mode, cgu_keylen; };

/* net/if_pppoe.h 1.15 */
struct pppoeconnectionstate { char ifname[IFNAMSIZ]; unsigned int state,
	session_id, padi_retry_no, padr_retry_no; };

/* dev/ic/mlxio.h 1.4 */
struct mlx_cinfo { unsigned int ci_iftype, ci_nchan, ci_max_sg,
	ci_max_commands, ci_mem_size; uint8_t ci_firmware_id[4],
	ci_hardware_id, ci_pad[3]; };

#define SIZE(key, type)	printf("%s\t%zu\n", key, sizeof(type))

int
main(void)
{
	SIZE("pid_t", nb_pid_t);
	SIZE("uint64_t", uint64_t);
	SIZE("unsigned int", unsigned int);
	SIZE("rndstat_t", rndstat_t);
	SIZE("rndstat_name_t", rndstat_name_t);
	SIZE("rndctl_t", rndctl_t);
	SIZE("rnddata_t", rnddata_t);
	SIZE("rndpoolstat_t", rndpoolstat_t);
	SIZE("rndstat_est_t", rndstat_est_t);
	SIZE("rndstat_est_name_t", rndstat_est_name_t);
	SIZE("struct ksyms_ogsymbol", struct ksyms_ogsymbol);
	SIZE("struct ksyms_gsymbol", struct ksyms_gsymbol);
	SIZE("struct ksyms_gvalue", struct ksyms_gvalue);
	SIZE("struct wdog_mode", struct wdog_mode);
	SIZE("struct wdog_conf", struct wdog_conf);
	SIZE("struct vnd_ioctl", struct vnd_ioctl);
	SIZE("struct vnd_user", struct vnd_user);
	SIZE("struct gpio_info", struct gpio_info);
	SIZE("struct gpio_req", struct gpio_req);
	SIZE("struct gpio_set", struct gpio_set);
	SIZE("struct gpio_attach", struct gpio_attach);
	SIZE("mpu_command_rec", mpu_command_rec);
	SIZE("struct seq_event_rec", struct seq_event_rec);
	SIZE("struct synth_info", struct synth_info);
	SIZE("struct radio_info", struct radio_info);
	SIZE("vtmode_t", vtmode_t);
	SIZE("struct vt_stat", struct vt_stat);
	SIZE("struct kbentry", struct kbentry);
	SIZE("struct pcvtid", struct pcvtid);
	SIZE("struct pppoediscparms", struct pppoediscparms);
	SIZE("struct changer_move_request", struct changer_move_request);
	SIZE("struct changer_exchange_request", struct changer_exchange_request);
	SIZE("struct changer_position_request", struct changer_position_request);
	SIZE("struct changer_params", struct changer_params);
	SIZE("struct ochanger_element_status_request",
	    struct ochanger_element_status_request);
	SIZE("struct changer_element_status_request",
	    struct changer_element_status_request);
	SIZE("struct changer_set_voltag_request",
	    struct changer_set_voltag_request);
	SIZE("struct bio_locate", struct bio_locate);
	SIZE("struct bioc_inq", struct bioc_inq);
	SIZE("struct bioc_disk", struct bioc_disk);
	SIZE("struct bioc_vol", struct bioc_vol);
	SIZE("struct bioc_alarm", struct bioc_alarm);
	SIZE("struct bioc_blink", struct bioc_blink);
	SIZE("struct bioc_setstate", struct bioc_setstate);
	SIZE("struct bioc_volops", struct bioc_volops);
	SIZE("struct kcov_ioc_remote_attach", struct kcov_ioc_remote_attach);
	SIZE("spi_ioctl_configure_t", spi_ioctl_configure_t);
	SIZE("spi_ioctl_transfer_t", spi_ioctl_transfer_t);
	SIZE("agp_info", agp_info);
	SIZE("agp_setup", agp_setup);
	SIZE("agp_allocate", agp_allocate);
	SIZE("agp_bind", agp_bind);
	SIZE("agp_unbind", agp_unbind);
	SIZE("struct ipmi_req", struct ipmi_req);
	SIZE("struct ipmi_recv", struct ipmi_recv);
	SIZE("struct ipmi_cmdspec", struct ipmi_cmdspec);
	SIZE("v4l2_std_id", v4l2_std_id);
	SIZE("enum v4l2_priority", enum v4l2_priority);
	SIZE("struct v4l2_capability", struct v4l2_capability);
	SIZE("struct v4l2_fmtdesc", struct v4l2_fmtdesc);
	SIZE("struct v4l2_format", struct v4l2_format);
	SIZE("struct v4l2_requestbuffers", struct v4l2_requestbuffers);
	SIZE("struct v4l2_buffer", struct v4l2_buffer);
	SIZE("struct v4l2_framebuffer", struct v4l2_framebuffer);
	SIZE("struct v4l2_streamparm", struct v4l2_streamparm);
	SIZE("struct v4l2_standard", struct v4l2_standard);
	SIZE("struct v4l2_input", struct v4l2_input);
	SIZE("struct v4l2_control", struct v4l2_control);
	SIZE("struct v4l2_tuner", struct v4l2_tuner);
	SIZE("struct v4l2_audio", struct v4l2_audio);
	SIZE("struct v4l2_queryctrl", struct v4l2_queryctrl);
	SIZE("struct v4l2_querymenu", struct v4l2_querymenu);
	SIZE("struct v4l2_output", struct v4l2_output);
	SIZE("struct v4l2_audioout", struct v4l2_audioout);
	SIZE("struct v4l2_modulator", struct v4l2_modulator);
	SIZE("struct v4l2_frequency", struct v4l2_frequency);
	SIZE("struct v4l2_cropcap", struct v4l2_cropcap);
	SIZE("struct v4l2_crop", struct v4l2_crop);
	SIZE("struct v4l2_jpegcompression", struct v4l2_jpegcompression);
	SIZE("pps_params_t", pps_params_t);
	SIZE("pps_info_t", pps_info_t);
	SIZE("ext_accm", ext_accm);
	SIZE("struct ppp_option_data", struct ppp_option_data);
	SIZE("struct npioctl", struct npioctl);
	SIZE("struct ppp_idle", struct ppp_idle);
	SIZE("struct ifpppstatsreq", struct ifpppstatsreq);
	SIZE("struct ifpppcstatsreq", struct ifpppcstatsreq);
	SIZE("struct spppauthcfg", struct spppauthcfg);
	SIZE("struct sppplcpcfg", struct sppplcpcfg);
	SIZE("struct spppstatus", struct spppstatus);
	SIZE("struct spppauthfailurestats", struct spppauthfailurestats);
	SIZE("struct spppauthfailuresettings",
	    struct spppauthfailuresettings);
	SIZE("struct spppdnssettings", struct spppdnssettings);
	SIZE("struct spppdnsaddrs", struct spppdnsaddrs);
	SIZE("struct npf_ioctl_table", struct npf_ioctl_table);
	SIZE("void *", void *);
	SIZE("struct cgd_ioctl", struct cgd_ioctl);
	SIZE("struct md_conf", struct md_conf);
	SIZE("struct fbtype", struct fbtype);
	SIZE("struct fbcmap", struct fbcmap);
	SIZE("struct fbgattr", struct fbgattr);
	SIZE("struct fbcurpos", struct fbcurpos);
	SIZE("struct fbcursor", struct fbcursor);
	SIZE("struct lua_info", struct lua_info);
	SIZE("struct lua_create", struct lua_create);
	SIZE("struct lua_require", struct lua_require);
	SIZE("struct lua_load", struct lua_load);
	SIZE("struct ioctl_pt", struct ioctl_pt);
	SIZE("cpustate_t", cpustate_t);
	SIZE("struct scan_io", struct scan_io);
	SIZE("tone_t", tone_t);
	SIZE("struct srt_rt", struct srt_rt);
	SIZE("struct ofiocdesc", struct ofiocdesc);
	SIZE("struct ukyopon_identify", struct ukyopon_identify);
	SIZE("struct utoppy_stats", struct utoppy_stats);
	SIZE("struct utoppy_rename", struct utoppy_rename);
	SIZE("char *", char *);
	SIZE("struct utoppy_readfile", struct utoppy_readfile);
	SIZE("struct utoppy_writefile", struct utoppy_writefile);
	SIZE("struct urio_command", struct urio_command);
	SIZE("struct audio_buf_info", struct audio_buf_info);
	SIZE("struct count_info", struct count_info);
	SIZE("struct buffmem_desc", struct buffmem_desc);
	SIZE("mixer_info", mixer_info);
	SIZE("_old_mixer_info", _old_mixer_info);
	SIZE("uint", nb_uint);
	SIZE("struct audio_errinfo", struct audio_errinfo);
	SIZE("oss_count_t", oss_count_t);
	SIZE("oss_mixer_enuminfo", oss_mixer_enuminfo);
	SIZE("unsigned long long", unsigned long long);
	SIZE("oss_sysinfo", oss_sysinfo);
	SIZE("oss_mixext", oss_mixext);
	SIZE("oss_mixer_value", oss_mixer_value);
	SIZE("oss_audioinfo", oss_audioinfo);
	SIZE("oss_mixerinfo", oss_mixerinfo);
	SIZE("oss_card_info", oss_card_info);
	SIZE("oss_longname_t", oss_longname_t);
	SIZE("oss_label_t", oss_label_t);
	SIZE("struct meteor_capframe", struct meteor_capframe);
	SIZE("struct meteor_geomet", struct meteor_geomet);
	SIZE("unsigned short", unsigned short);
	SIZE("signed char", signed char);
	SIZE("unsigned char", unsigned char);
	SIZE("unsigned long", unsigned long);
	SIZE("struct meteor_counts", struct meteor_counts);
	SIZE("struct meteor_video", struct meteor_video);
	SIZE("struct meteor_pixfmt", struct meteor_pixfmt);
	SIZE("struct bktr_chnlset", struct bktr_chnlset);
	SIZE("struct bktr_remote", struct bktr_remote);
	SIZE("struct crypt_kop", struct crypt_kop);
	SIZE("struct crypt_mkop", struct crypt_mkop);
	SIZE("struct crypt_sfop", struct crypt_sfop);
	SIZE("struct cryptret", struct cryptret);
	SIZE("struct crypt_result", struct crypt_result);
	SIZE("struct session_op", struct session_op);
	SIZE("struct crypt_sgop", struct crypt_sgop);
	SIZE("struct crypt_op", struct crypt_op);
	SIZE("struct crypt_mop", struct crypt_mop);
	SIZE("struct ccd_ioctl", struct ccd_ioctl);
	SIZE("iscsi_get_version_parameters_t", iscsi_get_version_parameters_t);
	SIZE("iscsi_login_parameters_t", iscsi_login_parameters_t);
	SIZE("iscsi_logout_parameters_t", iscsi_logout_parameters_t);
	SIZE("iscsi_remove_parameters_t", iscsi_remove_parameters_t);
	SIZE("iscsi_conn_status_parameters_t", iscsi_conn_status_parameters_t);
	SIZE("iscsi_send_targets_parameters_t", iscsi_send_targets_parameters_t);
	SIZE("iscsi_set_node_name_parameters_t", iscsi_set_node_name_parameters_t);
	SIZE("iscsi_iocommand_parameters_t", iscsi_iocommand_parameters_t);
	SIZE("iscsi_register_event_parameters_t", iscsi_register_event_parameters_t);
	SIZE("iscsi_wait_event_parameters_t", iscsi_wait_event_parameters_t);
	SIZE("struct btreq", struct btreq);
	SIZE("struct btsco_info", struct btsco_info);
	SIZE("struct kfilter_mapping", struct kfilter_mapping);
	SIZE("struct kttcp_io_args", struct kttcp_io_args);
	SIZE("struct autofs_daemon_request", struct autofs_daemon_request);
	SIZE("struct autofs_daemon_done", struct autofs_daemon_done);
	SIZE("lsenable_t", lsenable_t);
	SIZE("lsdisable_t", lsdisable_t);
	SIZE("uint16_t", uint16_t);
	SIZE("struct dmio_setfunc", struct dmio_setfunc);
	SIZE("struct ath_diag", struct ath_diag);
	SIZE("struct amr_user_ioctl", struct amr_user_ioctl);
	SIZE("struct isv_cmd", struct isv_cmd);
	SIZE("struct xd_iocmd", struct xd_iocmd);
	SIZE("struct stic_xinfo", struct stic_xinfo);
	SIZE("struct apm_event_info", struct apm_event_info);
	SIZE("struct apm_power_info", struct apm_power_info);
	SIZE("struct apm_ctl", struct apm_ctl);
	SIZE("isp_stats_t", isp_stats_t);
	SIZE("struct isp_fc_device", struct isp_fc_device);
	SIZE("struct isp_hba_device", struct isp_hba_device);
	SIZE("struct isp_fc_param", struct isp_fc_param);
	SIZE("struct isp_fc_tsk_mgmt", struct isp_fc_tsk_mgmt);
	SIZE("struct okiockey", struct okiockey);
	SIZE("struct kiockeymap", struct kiockeymap);
	SIZE("struct mlx_pause", struct mlx_pause);
	SIZE("struct mlx_usercommand", struct mlx_usercommand);
	SIZE("struct mlx_rebuild_request", struct mlx_rebuild_request);
	SIZE("struct mlx_rebuild_status", struct mlx_rebuild_status);
	SIZE("struct twe_usercommand", struct twe_usercommand);
	SIZE("union twe_statrequest", union twe_statrequest);
	SIZE("struct twe_paramcommand", struct twe_paramcommand);
	SIZE("struct twe_drivecommand", struct twe_drivecommand);
	SIZE("struct irda_params", struct irda_params);
	SIZE("struct hpcfb_fbconf", struct hpcfb_fbconf);
	SIZE("struct hpcfb_dspconf", struct hpcfb_dspconf);
	SIZE("struct hpcfb_dsp_op", struct hpcfb_dsp_op);
	SIZE("struct ifreq", struct nb_ifreq);
	SIZE("struct cnwstatus", struct cnwstatus);
	SIZE("struct cnwistats", struct cnwistats);
	SIZE("struct cnwitrail", struct cnwitrail);
	SIZE("struct iovec", struct nb_iovec);
	SIZE("struct ioppt", struct ioppt);
	SIZE("struct sun_dkgeom", struct sun_dkgeom);
	SIZE("struct sun_dkctlr", struct sun_dkctlr);
	SIZE("struct sun_dkpart", struct sun_dkpart);
	SIZE("gdt_ucmd_t", gdt_ucmd_t);
	SIZE("gdt_ctrt_t", gdt_ctrt_t);
	SIZE("gdt_osv_t", gdt_osv_t);
	SIZE("gdt_event_t", gdt_event_t);
	SIZE("gdt_statist_t", gdt_statist_t);
	SIZE("gdt_rescan_t", gdt_rescan_t);
	SIZE("struct mly_user_command", struct mly_user_command);
	SIZE("struct mly_user_health", struct mly_user_health);
	SIZE("struct nvme_pt_command", struct nvme_pt_command);
	SIZE("fe_status_t", fe_status_t);
	SIZE("struct dvb_frontend_parameters", struct dvb_frontend_parameters);
	SIZE("struct dvb_frontend_event", struct dvb_frontend_event);
	SIZE("struct dvb_frontend_info", struct dvb_frontend_info);
	SIZE("struct dvb_diseqc_master_cmd", struct dvb_diseqc_master_cmd);
	SIZE("struct dvb_diseqc_slave_reply", struct dvb_diseqc_slave_reply);
	SIZE("fe_sec_mini_cmd_t", fe_sec_mini_cmd_t);
	SIZE("fe_sec_tone_mode_t", fe_sec_tone_mode_t);
	SIZE("fe_sec_voltage_t", fe_sec_voltage_t);
	SIZE("struct dmx_sct_filter_params", struct dmx_sct_filter_params);
	SIZE("struct dmx_pes_filter_params", struct dmx_pes_filter_params);
	SIZE("struct dmx_stc", struct dmx_stc);
	SIZE("dmx_caps_t", dmx_caps_t);
	SIZE("dmx_source_t", dmx_source_t);
	SIZE("struct pfioc_rule", struct pfioc_rule);
	SIZE("struct pfioc_state_kill", struct pfioc_state_kill);
	SIZE("struct pfioc_state", struct pfioc_state);
	SIZE("struct pfioc_if", struct pfioc_if);
	SIZE("struct pf_status", struct pf_status);
	SIZE("struct pfioc_natlook", struct pfioc_natlook);
	SIZE("struct pfioc_states", struct pfioc_states);
	SIZE("struct pfioc_tm", struct pfioc_tm);
	SIZE("struct pfioc_limit", struct pfioc_limit);
	SIZE("struct pfioc_altq", struct pfioc_altq);
	SIZE("struct pfioc_qstats", struct pfioc_qstats);
	SIZE("struct pfioc_pooladdr", struct pfioc_pooladdr);
	SIZE("struct pfioc_ruleset", struct pfioc_ruleset);
	SIZE("struct pfioc_table", struct pfioc_table);
	SIZE("struct pf_osfp_ioctl", struct pf_osfp_ioctl);
	SIZE("struct pfioc_trans", struct pfioc_trans);
	SIZE("struct pfioc_src_nodes", struct pfioc_src_nodes);
	SIZE("struct pfioc_iface", struct pfioc_iface);
	SIZE("struct pfioc_src_node_kill", struct pfioc_src_node_kill);
	SIZE("struct ipfobj", struct ipfobj);
	SIZE("struct ipfunc_resolve", struct ipfunc_resolve);
	SIZE("struct iplookupop", struct iplookupop);
	SIZE("struct iplookupflush", struct iplookupflush);
	SIZE("struct ipscan *", struct ipscan *);
	SIZE("struct altqreq", struct altqreq);
	SIZE("struct tbrreq", struct tbrreq);
	SIZE("struct atm_flowmap", struct atm_flowmap);
	SIZE("struct cbq_modify_class", struct cbq_modify_class);
	SIZE("struct cdnr_interface", struct cdnr_interface);
	SIZE("struct cdnr_add_filter", struct cdnr_add_filter);
	SIZE("struct cdnr_delete_filter", struct cdnr_delete_filter);
	SIZE("struct cdnr_get_stats", struct cdnr_get_stats);
	SIZE("struct cdnr_add_element", struct cdnr_add_element);
	SIZE("struct cdnr_delete_element", struct cdnr_delete_element);
	SIZE("struct cdnr_add_tbmeter", struct cdnr_add_tbmeter);
	SIZE("struct cdnr_modify_tbmeter", struct cdnr_modify_tbmeter);
	SIZE("struct cdnr_tbmeter_stats", struct cdnr_tbmeter_stats);
	SIZE("struct cdnr_add_trtcm", struct cdnr_add_trtcm);
	SIZE("struct cdnr_modify_trtcm", struct cdnr_modify_trtcm);
	SIZE("struct cdnr_tcm_stats", struct cdnr_tcm_stats);
	SIZE("struct cdnr_add_tswtcm", struct cdnr_add_tswtcm);
	SIZE("struct cdnr_modify_tswtcm", struct cdnr_modify_tswtcm);
	SIZE("struct jobs_interface", struct jobs_interface);
	SIZE("struct jobs_attach", struct jobs_attach);
	SIZE("struct jobs_add_class", struct jobs_add_class);
	SIZE("struct jobs_delete_class", struct jobs_delete_class);
	SIZE("struct jobs_modify_class", struct jobs_modify_class);
	SIZE("struct jobs_add_filter", struct jobs_add_filter);
	SIZE("struct jobs_delete_filter", struct jobs_delete_filter);
	SIZE("struct jobs_class_stats", struct jobs_class_stats);
	SIZE("struct priq_interface", struct priq_interface);
	SIZE("struct redparams", struct redparams);
	SIZE("struct redparams[RIO_NDROPPREC]", struct redparams[RIO_NDROPPREC]);
	SIZE("struct wfq_getstats", struct wfq_getstats);
	SIZE("struct wfq_getqid", struct wfq_getqid);
	SIZE("struct wfq_setweight", struct wfq_setweight);
	SIZE("struct nvmm_ioc_capability", struct nvmm_ioc_capability);
	SIZE("struct nvmm_ioc_machine_create", struct nvmm_ioc_machine_create);
	SIZE("struct nvmm_ioc_machine_destroy", struct nvmm_ioc_machine_destroy);
	SIZE("struct nvmm_ioc_machine_configure", struct nvmm_ioc_machine_configure);
	SIZE("struct nvmm_ioc_vcpu_create", struct nvmm_ioc_vcpu_create);
	SIZE("struct nvmm_ioc_vcpu_destroy", struct nvmm_ioc_vcpu_destroy);
	SIZE("struct nvmm_ioc_vcpu_configure", struct nvmm_ioc_vcpu_configure);
	SIZE("struct nvmm_ioc_vcpu_setstate", struct nvmm_ioc_vcpu_setstate);
	SIZE("struct nvmm_ioc_vcpu_getstate", struct nvmm_ioc_vcpu_getstate);
	SIZE("struct nvmm_ioc_vcpu_inject", struct nvmm_ioc_vcpu_inject);
	SIZE("struct nvmm_ioc_vcpu_run", struct nvmm_ioc_vcpu_run);
	SIZE("struct nvmm_ioc_gpa_map", struct nvmm_ioc_gpa_map);
	SIZE("struct nvmm_ioc_gpa_unmap", struct nvmm_ioc_gpa_unmap);
	SIZE("struct nvmm_ioc_hva_map", struct nvmm_ioc_hva_map);
	SIZE("struct nvmm_ioc_hva_unmap", struct nvmm_ioc_hva_unmap);
	SIZE("struct nvmm_ioc_ctl", struct nvmm_ioc_ctl);
	SIZE("struct smbioc_ossn", struct smbioc_ossn);
	SIZE("struct smbioc_oshare", struct smbioc_oshare);
	SIZE("struct smbioc_rq", struct smbioc_rq);
	SIZE("struct smbioc_t2rq", struct smbioc_t2rq);
	SIZE("struct smbioc_flags", struct smbioc_flags);
	SIZE("struct smbioc_lookup", struct smbioc_lookup);
	SIZE("struct smbioc_rw", struct smbioc_rw);
	SIZE("dev_t", nb_dev_t);
	SIZE("struct rf_recon_req", struct rf_recon_req);
	SIZE("RF_SparetWait_t", RF_SparetWait_t);
	SIZE("RF_AccTotals_t", RF_AccTotals_t);
	SIZE("RF_ComponentLabel_t", RF_ComponentLabel_t);
	SIZE("RF_SingleComponent_t", RF_SingleComponent_t);
	SIZE("RF_ProgressInfo_t", RF_ProgressInfo_t);
	SIZE("struct rf_pmstat", struct rf_pmstat);
	SIZE("struct rf_pmparams", struct rf_pmparams);
	SIZE("RF_DeviceConfig_t *", RF_DeviceConfig_t *);
	SIZE("struct fss_set", struct fss_set);
	SIZE("struct fss_get", struct fss_get);
	SIZE("struct clockctl_settimeofday", struct clockctl_settimeofday);
	SIZE("struct clockctl_clock_settime", struct clockctl_clock_settime);
	SIZE("struct clockctl_ntp_adjtime", struct clockctl_ntp_adjtime);
	SIZE("struct sctp_connectx_addrs", struct sctp_connectx_addrs);
	SIZE("struct cpu_ucode_version", struct cpu_ucode_version);
	SIZE("struct cpu_ucode", struct cpu_ucode);
	SIZE("nvlist_ref_t", nvlist_ref_t);
	SIZE("struct spppstatusncp", struct spppstatusncp);
	SIZE("struct spppidletimeout", struct spppidletimeout);
	SIZE("struct spppkeepalivesettings", struct spppkeepalivesettings);
	SIZE("struct sppplcpstatus", struct sppplcpstatus);
	SIZE("struct spppipcpstatus", struct spppipcpstatus);
	SIZE("struct spppncpcfg", struct spppncpcfg);
	SIZE("struct cgd_user", struct cgd_user);
	SIZE("struct pppoeconnectionstate", struct pppoeconnectionstate);
	SIZE("struct mlx_cinfo", struct mlx_cinfo);
	return 0;
}
