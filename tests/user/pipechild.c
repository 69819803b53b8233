// SPDX-License-Identifier: BSD-2-Clause
// A program of the pipe tests (tests/user/utest/t_pipe.c) and benchmarks
// (tests/user/bench_pipe.c), given pipe ends as descriptors 3 and 4.
//   pipechild        writes PIPECHILD_BYTES bytes of a pattern (byte i is
//                    i * 7 mod 251) to 3 in pieces of 1000, then closes it;
//   pipechild echo   copies what 3 gives to 4, a byte at a time, until the
//                    end of the file;
//   pipechild sockecho  the same with one socket pair end as 3: what it
//                    reads goes back to it, upper-cased.
// Exits with 0, or the number of the step that failed.
#include <string.h>
#include <unistd.h>

#define PIPECHILD_BYTES 100000

static int echo(void)
{
	char c;
	ssize_t n;
	while ((n = read(3, &c, 1)) == 1)
		if (write(4, &c, 1) != 1)
			return 3;
	return n == 0 ? 0 : 4;
}

static int sockecho(void)
{
	char c;
	ssize_t n;
	while ((n = read(3, &c, 1)) == 1) {
		c = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
		if (write(3, &c, 1) != 1)
			return 5;
	}
	return n == 0 ? 0 : 6;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "echo") == 0)
		return echo();
	if (argc > 1 && strcmp(argv[1], "sockecho") == 0)
		return sockecho();
	unsigned char buf[1000];
	for (unsigned at = 0; at < PIPECHILD_BYTES; at += sizeof(buf)) {
		for (unsigned i = 0; i < sizeof(buf); i++)
			buf[i] = (unsigned char)((at + i) * 7 % 251);
		if (write(3, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
			return 1;
	}
	return close(3) ? 2 : 0;
}
