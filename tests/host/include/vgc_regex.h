// SPDX-License-Identifier: BSD-2-Clause
// lib/c's <regex.h>, <fnmatch.h> and <getopt.h> as the host tests see them
// (renamed with the prefix vgc_, like vgc.h): the types and constants are
// ours, spelled VGC_ so that glibc's headers can be included beside them.
#ifndef VGC_REGEX_H
#define VGC_REGEX_H
#include <stddef.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

typedef long vgc_regoff_t;
typedef struct {
	size_t re_nsub;
	void *prog;
} vgc_regex_t;
typedef struct {
	vgc_regoff_t rm_so, rm_eo;
} vgc_regmatch_t;

#define VGC_REG_EXTENDED 1
#define VGC_REG_ICASE 2
#define VGC_REG_NOSUB 4
#define VGC_REG_NEWLINE 8
#define VGC_REG_NOTBOL 1
#define VGC_REG_NOTEOL 2

#define VGC_REG_NOMATCH 1
#define VGC_REG_BADPAT 2
#define VGC_REG_ECOLLATE 3
#define VGC_REG_ECTYPE 4
#define VGC_REG_EESCAPE 5
#define VGC_REG_ESUBREG 6
#define VGC_REG_EBRACK 7
#define VGC_REG_EPAREN 8
#define VGC_REG_EBRACE 9
#define VGC_REG_BADBR 10
#define VGC_REG_ERANGE 11
#define VGC_REG_ESPACE 12
#define VGC_REG_BADRPT 13

int vgc_regcomp(vgc_regex_t *preg, const char *pattern, int cflags);
int vgc_regexec(const vgc_regex_t *preg, const char *string, size_t nmatch, vgc_regmatch_t *pmatch,
		int eflags);
size_t vgc_regerror(int errcode, const vgc_regex_t *preg, char *buf, size_t size);
void vgc_regfree(vgc_regex_t *preg);

#define VGC_FNM_NOMATCH 1
#define VGC_FNM_NOESCAPE 1
#define VGC_FNM_PATHNAME 2
#define VGC_FNM_PERIOD 4
int vgc_fnmatch(const char *pattern, const char *string, int flags);

struct vgc_option {
	const char *name;
	int has_arg;
	int *flag;
	int val;
};
extern char *vgc_optarg;
extern int vgc_optind, vgc_opterr, vgc_optopt;
int vgc_getopt(int argc, char *const argv[], const char *optstring);
int vgc_getopt_long(int argc, char *const argv[], const char *optstring,
		    const struct vgc_option *longopts, int *longindex);

#endif
