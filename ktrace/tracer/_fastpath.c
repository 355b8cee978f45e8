/*
 * The stop loop's common case in C: syscall-entry and -exit stops of plain
 * calls (no exec, no signal actions, no messages), x86_64, for threads the
 * Python loop (ktrace/tracer/frontend.py) has marked as ready for it.
 *
 * Why: a ptrace stop costs the Python loop about 5 us of its own time (wait,
 * GET_SYSCALL_INFO, process_vm_readv, resume, packing), against strace's
 * 0.5 us; when tracer and tracee share a CPU that is the whole difference
 * between the two (issue 6).  Here a stop costs the system calls alone; the
 * records go back to Python as ready KtrDesc entries, which reach the queue
 * there in one go (KtrDesc.add_batch) while none of them can be dropped or
 * make a thread wait; else stop by stop, so that the maxentry and park
 * rules stay in one place.
 *
 * Everything else -- other stops, other calls, a memory read that comes up
 * short, an ERESTART* return whose fate the next stop decides -- is handed
 * back to Python unhandled, with the entry of the call in progress, and the
 * thread stays with Python until Python says otherwise (enable()).  Python
 * is the reference: this file produces byte for byte what its
 * _sys_entry/_sys_exit produce for those calls (tests run both).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef PTRACE_GET_SYSCALL_INFO
#define PTRACE_GET_SYSCALL_INFO 0x420e
#endif
#ifndef __WALL
#define __WALL 0x40000000
#endif

#define OP_ENTRY 1
#define OP_EXIT 2
#define AUDIT_ARCH_X86_64 0xC000003Eu
#define SYSCALL_TRAP ((SIGTRAP | 0x80) << 8 | 0x7f)   /* status of a syscall stop */

/* NetBSD record types and facility bits (ktrace/format.py) */
#define KTR_SYSCALL 1
#define KTR_SYSRET 2
#define KTR_NAMEI 3
#define KTR_GENIO 4
#define FAC(t) (1 << (t))

#define MAXNR 1024
#define MAXPATHS 3
#define PATH_LIMIT 4096
#define PAGE 4096
#define GIO_DATA (PAGE - 8)          /* ktr_io(): one page per record */
#define IO_BUF 1
#define AT_EMPTY_PATH 0x1000
#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif
/* how long entries may wait here before Python queues them, and how long
 * Python's signal handlers wait for the loop */
#define FLUSH_NS 2000000

struct syscall_info {                /* struct ptrace_syscall_info */
    uint8_t op;
    uint8_t pad[3];
    uint32_t arch;
    uint64_t ip, sp;
    union {
        struct { uint64_t nr; uint64_t args[6]; } entry;
        struct { int64_t rval; uint8_t is_error; } exit;
    };
};

/* a call as the fast path knows it (described by Python at first use) */
struct call {
    uint8_t fast;                    /* 0: Python's */
    uint8_t nargs, npaths, io, rw;
    int8_t empty_flag;               /* the flags argument of AT_EMPTY_PATH */
    uint8_t paths[MAXPATHS];
};
static struct call calls[MAXNR];

/* per thread: open addressing on the tid, deletions by backward shift */
struct thread {
    int tid;                         /* 0: free slot */
    int enabled;
    int points;
    int tgid;
    PyObject *comm;                  /* the process's p_comm (a reference) */
    int pending;                     /* an entry seen, its exit not yet */
    uint64_t nr;
    uint64_t args[6];
};
static struct thread *table;
static size_t cap, used;
static unsigned long long served;    /* stops served here: tests, benchmarks */

static size_t slot_of(int tid) { return ((uint32_t)tid * 2654435761u) & (cap - 1); }

static struct thread *find(int tid)
{
    if (!cap)
        return NULL;
    for (size_t i = slot_of(tid);; i = (i + 1) & (cap - 1)) {
        if (table[i].tid == tid)
            return &table[i];
        if (!table[i].tid)
            return NULL;
    }
}

static int grow(void)
{
    size_t ncap = cap ? cap * 2 : 256;
    struct thread *old = table, *nt = PyMem_Calloc(ncap, sizeof *nt);
    if (!nt)
        return -1;
    size_t ocap = cap;
    table = nt;
    cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].tid) {
            size_t j = slot_of(old[i].tid);
            while (table[j].tid)
                j = (j + 1) & (cap - 1);
            table[j] = old[i];
        }
    PyMem_Free(old);
    return 0;
}

static struct thread *insert(int tid)
{
    struct thread *t = find(tid);
    if (t)
        return t;
    if ((used + 1) * 2 > cap && grow() < 0)
        return NULL;
    size_t i = slot_of(tid);
    while (table[i].tid)
        i = (i + 1) & (cap - 1);
    memset(&table[i], 0, sizeof table[i]);
    table[i].tid = tid;
    used++;
    return &table[i];
}

static void erase(int tid)
{
    struct thread *t = find(tid);
    if (!t)
        return;
    size_t i = (size_t)(t - table);
    Py_CLEAR(table[i].comm);
    table[i].tid = 0;
    used--;
    for (size_t j = (i + 1) & (cap - 1); table[j].tid; j = (j + 1) & (cap - 1)) {
        size_t home = slot_of(table[j].tid);
        /* move j back into the hole at i if its home is not in (i, j] */
        if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
            table[i] = table[j];
            table[j].tid = 0;
            i = j;
        }
    }
}

/* --- reading the tracee ----------------------------------------------------- */

static int read_exact(int pid, uint64_t addr, void *buf, size_t n)
{
    struct iovec local = {buf, n}, remote = {(void *)(uintptr_t)addr, n};
    return process_vm_readv(pid, &local, 1, &remote, 1, 0) == (ssize_t)n ? 0 : -1;
}

/* A NUL-terminated string as Memory.string() reads it; NULL with no error
 * set when memory reads short (Python then handles the stop). */
static PyObject *read_path(int pid, uint64_t addr)
{
    char buf[PATH_LIMIT];
    size_t have = 0;
    int first = 1;
    while (have < PATH_LIMIT) {
        size_t n = PAGE - ((addr + have) & (PAGE - 1));
        if (n > PATH_LIMIT - have)
            n = PATH_LIMIT - have;
        if (first && n > 256)
            n = 256;
        first = 0;
        if (read_exact(pid, addr + have, buf + have, n) < 0)
            return NULL;
        char *nul = memchr(buf + have, 0, n);
        if (nul)
            return PyBytes_FromStringAndSize(buf, nul - buf);
        have += n;
    }
    return PyBytes_FromStringAndSize(buf, have);
}

/* --- records ---------------------------------------------------------------- */

/* One KtrDesc entry, (type, pid, lid, comm, payload, ns), onto ``out``. */
static int add(PyObject *out, const struct thread *t, long long ns, int type,
               PyObject *payload)
{
    if (!payload)
        return -1;
    PyObject *item = Py_BuildValue("(iiiONL)", type, t->tgid, t->tid, t->comm, payload, ns);
    if (!item)
        return -1;
    int r = PyList_Append(out, item);
    Py_DECREF(item);
    return r;
}

static PyObject *call_payload(uint64_t nr, const uint64_t *args, int n)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, 8 + 8 * n);
    if (!b)
        return NULL;
    char *p = PyBytes_AS_STRING(b);
    int32_t head[2] = {(int32_t)nr, 8 * n};
    memcpy(p, head, 8);
    memcpy(p + 8, args, 8 * n);
    return b;
}

static PyObject *ret_payload(uint64_t nr, int64_t rval, int is_error)
{
    char p[24];
    int16_t code = nr & 0x7FFF, eflags = 0;
    int32_t error = is_error ? (int32_t)rval : 0;
    int64_t retval_1 = 0;
    memcpy(p, &code, 2);
    memcpy(p + 2, &eflags, 2);
    memcpy(p + 4, &error, 4);
    memcpy(p + 8, &rval, 8);
    memcpy(p + 16, &retval_1, 8);
    return PyBytes_FromStringAndSize(p, 24);
}

/* --- the two stops ---------------------------------------------------------- */

enum { DONE, HAND_BACK, FAILED };

static int entry_stop(struct thread *t, const struct syscall_info *si, PyObject *out,
                      long long ns)
{
    uint64_t nr = si->entry.nr;
    if (nr >= MAXNR || !calls[nr].fast)
        return HAND_BACK;
    const struct call *c = &calls[nr];
    const uint64_t *args = si->entry.args;
    if (t->points & FAC(KTR_SYSCALL)
            && add(out, t, ns, KTR_SYSCALL, call_payload(nr, args, c->nargs)) < 0)
        return FAILED;
    if (t->points & FAC(KTR_NAMEI))
        for (int i = 0; i < c->npaths; i++) {
            uint64_t addr = args[c->paths[i]];
            if (!addr)
                continue;
            PyObject *s = read_path(t->tid, addr);
            if (!s)
                return PyErr_Occurred() ? FAILED : HAND_BACK;
            if (!PyBytes_GET_SIZE(s) && c->empty_flag >= 0
                    && args[c->empty_flag] & AT_EMPTY_PATH) {
                Py_DECREF(s);        /* fstatat(fd, "", AT_EMPTY_PATH): no lookup */
                continue;
            }
            if (add(out, t, ns, KTR_NAMEI, s) < 0)
                return FAILED;
        }
    t->pending = t->points & FAC(KTR_SYSRET) || (c->io && t->points & FAC(KTR_GENIO));
    t->nr = nr;
    memcpy(t->args, args, sizeof t->args);
    return DONE;
}

static int exit_stop(struct thread *t, const struct syscall_info *si, PyObject *out,
                     long long ns)
{
    if (!t->pending)
        return DONE;
    int64_t rval = si->exit.rval;
    int is_error = si->exit.is_error != 0;
    if (is_error && rval >= -516 && rval <= -512)
        return HAND_BACK;            /* ERESTART*: held until the next stop */
    const struct call *c = &calls[t->nr];
    if (!is_error && rval > 0 && c->io == IO_BUF && t->points & FAC(KTR_GENIO)) {
        /* what was moved: recv(MSG_TRUNC) returns a datagram's length,
         * which may pass the buffer's */
        int64_t moved = (uint64_t)rval < t->args[2] ? rval : (int64_t)t->args[2];
        PyObject *data = PyBytes_FromStringAndSize(NULL, moved);
        if (!data)
            return FAILED;
        if (read_exact(t->tid, t->args[1], PyBytes_AS_STRING(data), moved) < 0) {
            Py_DECREF(data);
            return HAND_BACK;
        }
        uint32_t fd = (uint32_t)t->args[0];
        int32_t head[2] = {(int32_t)fd, c->rw};
        const char *d = PyBytes_AS_STRING(data);
        for (int64_t at = 0; at < moved; at += GIO_DATA) {
            int64_t n = moved - at < GIO_DATA ? moved - at : GIO_DATA;
            PyObject *b = PyBytes_FromStringAndSize(NULL, 8 + n);
            if (b) {
                memcpy(PyBytes_AS_STRING(b), head, 8);
                memcpy(PyBytes_AS_STRING(b) + 8, d + at, n);
            }
            if (add(out, t, ns, KTR_GENIO, b) < 0) {
                Py_DECREF(data);
                return FAILED;
            }
        }
        Py_DECREF(data);
    }
    if (t->points & FAC(KTR_SYSRET) && add(out, t, ns, KTR_SYSRET, ret_payload(t->nr, rval, is_error)) < 0)
        return FAILED;
    t->pending = 0;
    return DONE;
}

/* --- the module's functions ------------------------------------------------- */

static PyObject *describe(PyObject *self, PyObject *a)
{
    int nr, fast, nargs, empty_flag, io, rw;
    PyObject *paths;
    if (!PyArg_ParseTuple(a, "ipiO!iii", &nr, &fast, &nargs, &PyTuple_Type, &paths,
                          &empty_flag, &io, &rw))
        return NULL;
    if (nr < 0 || nr >= MAXNR)
        Py_RETURN_NONE;
    struct call c = {0};
    Py_ssize_t np = PyTuple_GET_SIZE(paths);
    c.fast = (uint8_t)fast && nargs >= 0 && nargs <= 6 && np <= MAXPATHS
             && (io == 0 || io == IO_BUF) && empty_flag < 6;
    c.nargs = nargs;
    c.npaths = np;
    c.io = io;
    c.rw = rw;
    c.empty_flag = empty_flag < 0 ? -1 : empty_flag;
    for (Py_ssize_t i = 0; i < np && c.fast; i++) {
        long k = PyLong_AsLong(PyTuple_GET_ITEM(paths, i));
        if (k < 0 || k > 5) {
            PyErr_Clear();
            c.fast = 0;
        } else
            c.paths[i] = k;
    }
    calls[nr] = c;
    Py_RETURN_NONE;
}

static PyObject *enable(PyObject *self, PyObject *a)
{
    int tid, points, tgid;
    PyObject *comm;
    if (!PyArg_ParseTuple(a, "iiiO!", &tid, &points, &tgid, &PyBytes_Type, &comm))
        return NULL;
    struct thread *t = insert(tid);
    if (!t)
        return PyErr_NoMemory();
    t->enabled = 1;
    t->points = points;
    t->tgid = tgid;
    Py_INCREF(comm);
    Py_XSETREF(t->comm, comm);
    Py_RETURN_NONE;
}

static PyObject *disable(PyObject *self, PyObject *a)
{
    int tid;
    if (!PyArg_ParseTuple(a, "i", &tid))
        return NULL;
    struct thread *t = find(tid);
    if (t)
        t->enabled = 0;
    Py_RETURN_NONE;
}

static PyObject *disable_all(PyObject *self, PyObject *unused)
{
    for (size_t i = 0; i < cap; i++)
        table[i].enabled = 0;
    Py_RETURN_NONE;
}

static PyObject *forget(PyObject *self, PyObject *a)
{
    int tid;
    if (!PyArg_ParseTuple(a, "i", &tid))
        return NULL;
    erase(tid);
    Py_RETURN_NONE;
}

/* The call a thread is in as far as this file knows, (nr, args) or None;
 * the thread is Python's from now on. */
static PyObject *take_entry(int tid)
{
    struct thread *t = find(tid);
    if (!t || !t->pending) {
        if (t)
            t->enabled = 0;
        Py_RETURN_NONE;
    }
    t->pending = 0;
    t->enabled = 0;
    return Py_BuildValue("(K(KKKKKK))", (unsigned long long)t->nr,
                         (unsigned long long)t->args[0], (unsigned long long)t->args[1],
                         (unsigned long long)t->args[2], (unsigned long long)t->args[3],
                         (unsigned long long)t->args[4], (unsigned long long)t->args[5]);
}

static PyObject *take(PyObject *self, PyObject *a)
{
    int tid;
    if (!PyArg_ParseTuple(a, "i", &tid))
        return NULL;
    return take_entry(tid);
}

/* The stop handed back: (pid, status, ns, entry), entry as take() gives it. */
static PyObject *hand_back(int pid, int status, long long ns, int gone)
{
    PyObject *entry = take_entry(pid);
    if (!entry)
        return NULL;
    if (gone)
        erase(pid);
    return Py_BuildValue("(iiLN)", pid, status, ns, entry);
}

/* A periodic timer, while run() serves stops, so that it returns to Python
 * every FLUSH_NS: records never wait here longer (however the tracee's
 * stops fall), and Python's signal handlers (SIGTERM: detach and end) run,
 * where a busy loop of stops that record nothing would never return.  A
 * real-time signal directed at the tracer thread, with a handler that only
 * notes the tick and no SA_RESTART: a tick during waitpid() ends it with
 * EINTR, one at any other moment is seen before the next wait.  It costs
 * two system calls per run(); returning to Python after every stop instead
 * cost ~3 us per stop.  A tick during another blocking call of the tracer
 * thread is retried by Python (PEP 475). */
static timer_t tick_timer;
static pid_t timer_tid;
static volatile sig_atomic_t ticked;

static void tick(int sig)
{
    (void)sig;
    ticked = 1;
}

/* A forked child has none of its parent's timers. */
static void forget_timer(void) { timer_tid = 0; }

/* Tick every ``ns`` at the calling thread (0: stop ticking). */
static int set_ticks(long ns)
{
    struct itimerspec when = {{0, ns}, {0, ns}};
    if (!ns)
        return timer_tid ? timer_settime(tick_timer, 0, &when, NULL) : 0;
    pid_t tid = (pid_t)syscall(SYS_gettid);
    if (timer_tid != tid) {
        if (timer_tid)
            timer_delete(tick_timer);
        timer_tid = 0;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = tick;
        sigemptyset(&sa.sa_mask);
        struct sigevent ev;
        memset(&ev, 0, sizeof ev);
        ev.sigev_notify = SIGEV_THREAD_ID;
        ev.sigev_signo = SIGRTMIN + 7;
        ev.sigev_notify_thread_id = tid;
        if (sigaction(SIGRTMIN + 7, &sa, NULL) < 0
                || timer_create(CLOCK_MONOTONIC, &ev, &tick_timer) < 0)
            return -1;
        timer_tid = tid;
    }
    return timer_settime(tick_timer, 0, &when, NULL);
}

/* The loop of run(); ``*ticking`` once the timer runs. */
static PyObject *serve(PyObject *out, Py_ssize_t limit, int *ticking)
{
    for (;;) {
        int status, pid;
        if (ticked)
            Py_RETURN_NONE;
        Py_BEGIN_ALLOW_THREADS
        pid = waitpid(-1, &status, __WALL);
        Py_END_ALLOW_THREADS
        if (pid < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0)
                    return NULL;
                Py_RETURN_NONE;
            }
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        long long ns = ts.tv_sec * 1000000000LL + ts.tv_nsec;
        if (!WIFSTOPPED(status))
            return hand_back(pid, status, ns, 1);
        struct thread *t = find(pid);
        if (!t || !t->enabled || (status & 0xffffff) != SYSCALL_TRAP)
            return hand_back(pid, status, ns, 0);
        struct syscall_info si;
        if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, (void *)sizeof si, &si) < 0
                || si.arch != AUDIT_ARCH_X86_64 || (si.op != OP_ENTRY && si.op != OP_EXIT))
            return hand_back(pid, status, ns, 0);
        Py_ssize_t before = PyList_GET_SIZE(out);
        int r = si.op == OP_ENTRY ? entry_stop(t, &si, out, ns) : exit_stop(t, &si, out, ns);
        if (r != DONE) {
            if (PyList_SetSlice(out, before, PyList_GET_SIZE(out), NULL) < 0 || r == FAILED)
                return NULL;
            if (si.op == OP_ENTRY)
                t->pending = 0;      /* not entered as far as Python will know */
            return hand_back(pid, status, ns, 0);
        }
        ptrace(PTRACE_SYSCALL, pid, 0, 0);   /* ESRCH: its exit comes next */
        served++;
        if (!*ticking) {
            if (set_ticks(FLUSH_NS) < 0)
                Py_RETURN_NONE;      /* no timer: one stop per call, as Python */
            *ticking = 1;
        }
        if (PyList_GET_SIZE(out) >= limit)
            Py_RETURN_NONE;
    }
}

/* run(out, limit): serve stops until one is Python's (returned as by
 * hand_back), or ``out`` holds ``limit`` entries, or the timer ticks, or
 * a signal interrupts the wait (None: Python queues the entries, runs its
 * signal handlers, then calls again).  An idle wait has no timer. */
static PyObject *run(PyObject *self, PyObject *a)
{
    PyObject *out;
    Py_ssize_t limit;
    int ticking = 0;
    if (!PyArg_ParseTuple(a, "O!n", &PyList_Type, &out, &limit))
        return NULL;
    ticked = 0;
    PyObject *r = serve(out, limit, &ticking);
    if (ticking)
        set_ticks(0);
    return r;
}

static PyObject *served_stops(PyObject *self, PyObject *unused)
{
    return PyLong_FromUnsignedLongLong(served);
}

static PyMethodDef methods[] = {
    {"describe", describe, METH_VARARGS,
     "describe(nr, fast, nargs, paths, empty_flag, io, rw): an x86_64 call, at Python's first use."},
    {"enable", enable, METH_VARARGS,
     "enable(tid, points, tgid, comm): the thread's next stops are ours."},
    {"disable", disable, METH_VARARGS, "disable(tid): the thread's next stops are Python's."},
    {"disable_all", disable_all, METH_NOARGS, "Every thread's next stop is Python's."},
    {"forget", forget, METH_VARARGS, "forget(tid): the thread is gone."},
    {"take", take, METH_VARARGS,
     "take(tid): the thread's stop is Python's; the call it is in, (nr, args), or None."},
    {"run", run, METH_VARARGS, "run(out, limit): serve stops; see the source."},
    {"served", served_stops, METH_NOARGS, "How many stops were served here."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_fastpath",
    "The stop loop's common case (plain x86_64 calls) in C.", -1, methods,
};

PyMODINIT_FUNC PyInit__fastpath(void)
{
    pthread_atfork(NULL, NULL, forget_timer);
    return PyModule_Create(&module);
}
