/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef KERNEL_LOG_H
#define KERNEL_LOG_H

#include <kernel/types.h>

/* Levels follow syslog (RFC 5424) severities so the log service can forward
 * them unchanged. */
enum log_level {
	LOG_EMERG = 0,
	LOG_ALERT,
	LOG_CRIT,
	LOG_ERR,
	LOG_WARNING,
	LOG_NOTICE,
	LOG_INFO,
	LOG_DEBUG,
};

/* Every record goes to the ring buffer; records at or above the console
 * level (numerically <=) are also printed on the console. */
void klog(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vklog(enum log_level level, const char *fmt, va_list ap);
void log_set_console_level(enum log_level level);
/* Whether records of this level reach the console (for reports written
 * with kprintf beside a record). */
bool log_console_shows(enum log_level level);
/* Appends a finished record to the ring only (no console). */
void klog_record(enum log_level level, const char *text, size_t len);

/* Raw console output, bypassing the ring (used for test result lines and
 * panics, which must reach the harness even if the log is broken). */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vkprintf(const char *fmt, va_list ap);

/* From here on the console is written without its lock: a panic must get its
 * report out even when the code that faulted held it. */
void log_panic_takeover(void);

struct logring_rec;
/* Reads the first kept record with sequence >= *seq (see logring_read). */
bool klog_read(uint64_t *seq, struct logring_rec *rec);

#define pr_err(...) klog(LOG_ERR, __VA_ARGS__)
#define pr_warn(...) klog(LOG_WARNING, __VA_ARGS__)
#define pr_info(...) klog(LOG_INFO, __VA_ARGS__)
#define pr_debug(...) klog(LOG_DEBUG, __VA_ARGS__)

#endif
