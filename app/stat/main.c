// SPDX-License-Identifier: BSD-2-Clause
// stat [-L] [-c format] file...: a file's status. By default a block of
// GNU stat's shape (name, size, blocks, type, device, inode, links, mode,
// owner, times); -c prints format with %n name, %s size, %b blocks, %f raw
// mode (hex), %a octal permissions, %A "drwxr-xr-x", %F type, %h links,
// %i inode, %u %g owner ids, %U %G their names (numbers without), %X %Y %Z times in seconds, %% a
// percent sign. -L follows symbolic links.
#include "../lib/users.h"
#include "../lib/util.h"
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *type_name(mode_t m)
{
	if (S_ISREG(m))
		return "regular file";
	if (S_ISDIR(m))
		return "directory";
	if (S_ISLNK(m))
		return "symbolic link";
	if (S_ISCHR(m))
		return "character special file";
	if (S_ISBLK(m))
		return "block special file";
	if (S_ISFIFO(m))
		return "fifo";
	if (S_ISSOCK(m))
		return "socket";
	return "unknown";
}

static void print_time(const char *label, struct timespec ts)
{
	struct tm tm;
	char buf[64];
	localtime_r(&ts.tv_sec, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	char zone[16];
	strftime(zone, sizeof(zone), "%z", &tm);
	printf("%s: %s.%09ld %s\n", label, buf, ts.tv_nsec, zone);
}

static void print_format(const char *fmt, const char *name, const struct stat *st)
{
	char mode[11], owner[64];
	for (const char *p = fmt; *p; p++) {
		if (*p != '%' || !p[1]) {
			putchar(*p);
			continue;
		}
		switch (*++p) {
		case 'n': fputs(name, stdout); break;
		case 's': printf("%lld", (long long)st->st_size); break;
		case 'b': printf("%lld", (long long)st->st_blocks); break;
		case 'f': printf("%x", (unsigned)st->st_mode); break;
		case 'a': printf("%o", (unsigned)st->st_mode & 07777); break;
		case 'A':
			util_mode_string(st->st_mode, mode);
			fputs(mode, stdout);
			break;
		case 'F': fputs(type_name(st->st_mode), stdout); break;
		case 'h': printf("%lu", (unsigned long)st->st_nlink); break;
		case 'i': printf("%lu", (unsigned long)st->st_ino); break;
		case 'u': printf("%u", (unsigned)st->st_uid); break;
		case 'g': printf("%u", (unsigned)st->st_gid); break;
		case 'U':
			util_user_name(owner, sizeof(owner), st->st_uid);
			fputs(owner, stdout);
			break;
		case 'G':
			util_group_name(owner, sizeof(owner), st->st_gid);
			fputs(owner, stdout);
			break;
		case 'X': printf("%lld", (long long)st->st_atim.tv_sec); break;
		case 'Y': printf("%lld", (long long)st->st_mtim.tv_sec); break;
		case 'Z': printf("%lld", (long long)st->st_ctim.tv_sec); break;
		case '%': putchar('%'); break;
		default: putchar('%'); putchar(*p);
		}
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	util_init(argv, "stat");
	bool follow = false;
	const char *fmt = NULL;
	int c;
	while ((c = getopt(argc, argv, "Lc:")) != -1) {
		if (c == 'L')
			follow = true;
		else if (c == 'c')
			fmt = optarg;
		else
			util_usage("[-L] [-c format] file...");
	}
	if (optind == argc)
		util_usage("[-L] [-c format] file...");
	int status = 0;
	for (int i = optind; i < argc; i++) {
		struct stat st;
		if ((follow ? stat(argv[i], &st) : lstat(argv[i], &st))) {
			util_warn(argv[i]);
			status = 1;
			continue;
		}
		if (fmt) {
			print_format(fmt, argv[i], &st);
			continue;
		}
		char mode[11];
		util_mode_string(st.st_mode, mode);
		printf("  File: %s\n", argv[i]);
		printf("  Size: %-15lld Blocks: %-10lld IO Block: %-6ld %s\n",
		       (long long)st.st_size, (long long)st.st_blocks, (long)st.st_blksize,
		       type_name(st.st_mode));
		printf("Device: %lxh/%lud\tInode: %-11lu Links: %lu\n", (unsigned long)st.st_dev,
		       (unsigned long)st.st_dev, (unsigned long)st.st_ino,
		       (unsigned long)st.st_nlink);
		char user[64], group[64];
		util_user_name(user, sizeof(user), st.st_uid);
		util_group_name(group, sizeof(group), st.st_gid);
		printf("Access: (%04o/%s)  Uid: (%5u/%8s)   Gid: (%5u/%8s)\n",
		       (unsigned)st.st_mode & 07777, mode, (unsigned)st.st_uid, user,
		       (unsigned)st.st_gid, group);
		print_time("Access", st.st_atim);
		print_time("Modify", st.st_mtim);
		print_time("Change", st.st_ctim);
	}
	return util_finish(status);
}
