/*
 * pc_memory.c - temporary files kept in memory: the sorter's spill files,
 * temp databases and their journals, statement journals, transient tables,
 * VACUUM's scratch database. Nothing of them reaches the disk. Every byte the
 * buffer ever held is wiped before the memory goes back: on shrink, on
 * growth (the old buffer), on close.
 *
 * The memory is as large as the file would have been: a VACUUM of an N-byte
 * database holds about N bytes here while it runs.
 */
#include "pc_internal.h"

typedef struct pc_memory_file {
    sqlite3_file base;
    unsigned char *data;        /* sqlite3_malloc64; bytes past size are zero */
    sqlite3_int64 size;
    sqlite3_int64 capacity;
} pc_memory_file;

enum { PC_MEMORY_MIN_CAPACITY = 64 * 1024 };

static pthread_mutex_t pc_memory_mutex = PTHREAD_MUTEX_INITIALIZER;
static unsigned long long pc_memory_opened, pc_memory_now, pc_memory_peak;

static void pc_memory_account(sqlite3_int64 delta, int opened) {
    if (pthread_mutex_lock(&pc_memory_mutex) != 0) return; /* statistics only */
    pc_memory_opened += (unsigned long long)opened;
    pc_memory_now += (unsigned long long)delta; /* wraps back on release */
    if (pc_memory_now > pc_memory_peak) pc_memory_peak = pc_memory_now;
    PC_UNLOCK(&pc_memory_mutex);
}

int parley_crypt_memory_file_stats(unsigned long long *files_opened,
                                   unsigned long long *bytes_now,
                                   unsigned long long *bytes_peak) {
    if (pthread_mutex_lock(&pc_memory_mutex) != 0) return SQLITE_ERROR;
    if (files_opened != NULL) *files_opened = pc_memory_opened;
    if (bytes_now != NULL) *bytes_now = pc_memory_now;
    if (bytes_peak != NULL) *bytes_peak = pc_memory_peak;
    PC_UNLOCK(&pc_memory_mutex);
    return SQLITE_OK;
}

size_t pc_memory_file_object_size(void) {
    return sizeof(pc_memory_file);
}

static int pc_memory_reserve(pc_memory_file *m, sqlite3_int64 needed) {
    if (needed <= m->capacity) return SQLITE_OK;
    sqlite3_int64 capacity = m->capacity < PC_MEMORY_MIN_CAPACITY ? PC_MEMORY_MIN_CAPACITY : m->capacity;
    while (capacity < needed) capacity *= 2;
    unsigned char *data = sqlite3_malloc64((sqlite3_uint64)capacity);
    if (data == NULL) return SQLITE_IOERR_NOMEM;
    if (m->data != NULL) {
        memcpy(data, m->data, (size_t)m->size);
        sodium_memzero(m->data, (size_t)m->size);
        sqlite3_free(m->data);
    }
    memset(data + m->size, 0, (size_t)(capacity - m->size));
    pc_memory_account(capacity - m->capacity, 0);
    m->data = data;
    m->capacity = capacity;
    return SQLITE_OK;
}

static int pc_memory_close(sqlite3_file *file) {
    pc_memory_file *m = (pc_memory_file *)file;
    if (m->data != NULL) {
        sodium_memzero(m->data, (size_t)m->size);
        sqlite3_free(m->data);
        pc_memory_account(-m->capacity, 0);
    }
    m->data = NULL;
    m->size = m->capacity = 0;
    return SQLITE_OK;
}

static int pc_memory_read(sqlite3_file *file, void *buf, int amt, sqlite3_int64 off) {
    pc_memory_file *m = (pc_memory_file *)file;
    if (off >= m->size) {
        memset(buf, 0, (size_t)amt);
        return SQLITE_IOERR_SHORT_READ;
    }
    sqlite3_int64 n = m->size - off < amt ? m->size - off : amt;
    memcpy(buf, m->data + off, (size_t)n);
    if (n < amt) {
        memset((unsigned char *)buf + n, 0, (size_t)(amt - n));
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

static int pc_memory_write(sqlite3_file *file, const void *buf, int amt, sqlite3_int64 off) {
    pc_memory_file *m = (pc_memory_file *)file;
    int rc = pc_memory_reserve(m, off + amt);
    if (rc != SQLITE_OK) return rc;
    memcpy(m->data + off, buf, (size_t)amt); /* a gap past size is already zero */
    if (off + amt > m->size) m->size = off + amt;
    return SQLITE_OK;
}

static int pc_memory_truncate(sqlite3_file *file, sqlite3_int64 size) {
    pc_memory_file *m = (pc_memory_file *)file;
    if (size < m->size) {
        sodium_memzero(m->data + size, (size_t)(m->size - size));
        m->size = size;
    } else if (size > m->size) {
        int rc = pc_memory_reserve(m, size);
        if (rc != SQLITE_OK) return rc;
        m->size = size;
    }
    return SQLITE_OK;
}

static int pc_memory_sync(sqlite3_file *file, int flags) {
    (void)file;
    (void)flags;
    return SQLITE_OK;
}

static int pc_memory_size(sqlite3_file *file, sqlite3_int64 *size) {
    *size = ((pc_memory_file *)file)->size;
    return SQLITE_OK;
}

static int pc_memory_lock(sqlite3_file *file, int level) {
    (void)file;
    (void)level;
    return SQLITE_OK;
}

static int pc_memory_check_reserved_lock(sqlite3_file *file, int *out) {
    (void)file;
    *out = 0;
    return SQLITE_OK;
}

static int pc_memory_file_control(sqlite3_file *file, int op, void *arg) {
    (void)file;
    if (op == SQLITE_FCNTL_VFSNAME) {
        char *name = sqlite3_mprintf("%s/memory", PARLEY_CRYPT_VFS_NAME);
        if (name == NULL) return SQLITE_NOMEM;
        *(char **)arg = name;
        return SQLITE_OK;
    }
    return SQLITE_NOTFOUND;
}

static int pc_memory_sector_size(sqlite3_file *file) {
    (void)file;
    return PC_SECTOR;
}

static int pc_memory_device_characteristics(sqlite3_file *file) {
    (void)file;
    return SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

static const sqlite3_io_methods pc_memory_methods = {
    1,
    pc_memory_close,
    pc_memory_read,
    pc_memory_write,
    pc_memory_truncate,
    pc_memory_sync,
    pc_memory_size,
    pc_memory_lock,
    pc_memory_lock,
    pc_memory_check_reserved_lock,
    pc_memory_file_control,
    pc_memory_sector_size,
    pc_memory_device_characteristics,
    NULL, NULL, NULL, NULL, NULL, NULL,
};

int pc_memory_open(sqlite3_file *file, int flags, int *out_flags) {
    pc_memory_file *m = (pc_memory_file *)file;
    m->data = NULL;
    m->size = 0;
    m->capacity = 0;
    m->base.pMethods = &pc_memory_methods;
    pc_memory_account(0, 1);
    if (out_flags != NULL) *out_flags = flags;
    return SQLITE_OK;
}
