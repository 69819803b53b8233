// SPDX-License-Identifier: BSD-2-Clause
// Copying a file for the tests that run programs from the file system
// (filecopy.h).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../filecopy.h"

int utest_copy_file(const char *from, const char *to, mode_t mode, size_t limit)
{
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, mode);
	static char buf[4096];
	ssize_t n = 0;
	size_t done = 0;
	while (in >= 0 && out >= 0 && done < limit && (n = read(in, buf, sizeof(buf))) > 0) {
		size_t want = (size_t)n < limit - done ? (size_t)n : limit - done;
		if (write(out, buf, want) != (ssize_t)want)
			n = -1;
		done += want;
	}
	int bad = in < 0 || out < 0 || n < 0 || fchmod(out, mode);
	close(in);
	close(out);
	return bad ? -1 : 0;
}
