/*
 * NetBSD's ktrace structs (sys/sys/ktrace.h 1.62, sys/sys/siginfo.h), declared
 * with NetBSD's own field types, so that the compiler tells us their layout
 * for the target data model: -m64 (amd64), -m32 (i386), -m32 -DTIME32
 * (i386 kernels with a 32-bit time_t).  time_t is spelled out, never the
 * host's: NetBSD's is int64_t since 6.0.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef TIME32
typedef int32_t nb_time_t;
#else
typedef int64_t nb_time_t;
#endif
typedef int32_t nb_pid_t;
typedef int32_t nb_lwpid_t;
typedef uint32_t nb_uid_t;
typedef unsigned int nb_clock_t;
typedef long nb_register_t;
typedef void (*nb_sig_t)(int);
typedef struct { uint32_t __bits[4]; } nb_sigset_t;
typedef union { int sival_int; void *sival_ptr; } nb_sigval_t;
struct nb_timespec { nb_time_t tv_sec; long tv_nsec; };

struct ktr_header {
	int	ktr_len;
	short	ktr_type;
	short	ktr_version;
	nb_pid_t ktr_pid;
	char	ktr_comm[16 + 1];
	union {
		struct { struct { int32_t tv_sec; long tv_usec; } _tv; const void *_buf; } _v0;
		struct { struct { int32_t tv_sec; long tv_nsec; } _ts; nb_lwpid_t _lid; } _v1;
		struct { struct nb_timespec _ts; nb_lwpid_t _lid; } _v2;
	} _v;
};
struct ktr_syscall { int ktr_code; int ktr_argsize; };
struct ktr_sysret {
	short ktr_code; short ktr_eosys; int ktr_error;
	nb_register_t ktr_retval; nb_register_t ktr_retval_1;
};
struct ktr_genio { int ktr_fd; int ktr_rw; };
struct ktr_psig { int signo; nb_sig_t action; nb_sigset_t mask; int code; };
struct ktr_csw { int out; int user; };
struct ktr_user { char ktr_id[20]; };
struct ktr_saupcall { int ktr_type; int ktr_nevent; int ktr_nint; void *ktr_sas; void *ktr_ap; };
struct ktr_execfd { int ktr_fd; unsigned int ktr_dtype; };
struct _ksiginfo {
	int _signo; int _code; int _errno;
#ifdef __LP64__
	int _pad;
#endif
	union {
		struct { nb_pid_t _pid; nb_uid_t _uid; nb_sigval_t _value; } _rt;
		struct { nb_pid_t _pid; nb_uid_t _uid; int _status; nb_clock_t _utime; nb_clock_t _stime; } _child;
		struct { void *_addr; int _trap; int _trap2; int _trap3; } _fault;
		struct { long _band; int _fd; } _poll;
	} _reason;
};
typedef union { char si_pad[128]; struct _ksiginfo _info; } nb_siginfo_t;

#define S(t) printf(#t " %zu\n", sizeof(struct t))
#define O(t, f, name) printf(#t "." name " %zu\n", offsetof(struct t, f))

int main(void)
{
	S(ktr_header);
	O(ktr_header, ktr_len, "ktr_len");
	O(ktr_header, ktr_type, "ktr_type");
	O(ktr_header, ktr_version, "ktr_version");
	O(ktr_header, ktr_pid, "ktr_pid");
	O(ktr_header, ktr_comm, "ktr_comm");
	O(ktr_header, _v._v0._tv.tv_sec, "v0.tv_sec");
	O(ktr_header, _v._v0._tv.tv_usec, "v0.tv_usec");
	O(ktr_header, _v._v0._buf, "v0.buf");
	O(ktr_header, _v._v1._ts.tv_sec, "v1.tv_sec");
	O(ktr_header, _v._v1._ts.tv_nsec, "v1.tv_nsec");
	O(ktr_header, _v._v1._lid, "v1.lid");
	O(ktr_header, _v._v2._ts.tv_sec, "v2.tv_sec");
	O(ktr_header, _v._v2._ts.tv_nsec, "v2.tv_nsec");
	O(ktr_header, _v._v2._lid, "v2.lid");
	S(ktr_syscall);
	O(ktr_syscall, ktr_argsize, "ktr_argsize");
	S(ktr_sysret);
	O(ktr_sysret, ktr_error, "ktr_error");
	O(ktr_sysret, ktr_retval, "ktr_retval");
	O(ktr_sysret, ktr_retval_1, "ktr_retval_1");
	S(ktr_genio);
	O(ktr_genio, ktr_rw, "ktr_rw");
	S(ktr_psig);
	O(ktr_psig, action, "action");
	O(ktr_psig, mask, "mask");
	O(ktr_psig, code, "code");
	S(ktr_csw);
	S(ktr_user);
	S(ktr_saupcall);
	O(ktr_saupcall, ktr_sas, "ktr_sas");
	O(ktr_saupcall, ktr_ap, "ktr_ap");
	S(ktr_execfd);
	O(ktr_execfd, ktr_dtype, "ktr_dtype");
	printf("siginfo %zu\n", sizeof(nb_siginfo_t));
	O(_ksiginfo, _reason, "reason");
	O(_ksiginfo, _reason._rt._value, "rt.value");
	O(_ksiginfo, _reason._child._stime, "child.stime");
	O(_ksiginfo, _reason._fault._trap3, "fault.trap3");
	O(_ksiginfo, _reason._poll._fd, "poll.fd");
	return 0;
}
