// SPDX-License-Identifier: BSD-2-Clause
// A program linked with the C library that the descriptor tests start
// (tests/user/utest/t_vfs_fd.c) with descriptors and the VFS from
// __vg_fd_export: it reads what descriptor 3 holds from its position,
// writes it back upper-cased to descriptor 4 (an O_APPEND file), creates
// the file argv[1] through the VFS it was given, and exits with 0, or the
// number of the step that failed.
#include <ctype.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[64];
	ssize_t n = read(3, buf, sizeof(buf));
	if (n <= 0)
		return 1;
	for (ssize_t i = 0; i < n; i++)
		buf[i] = (char)toupper((unsigned char)buf[i]);
	if (write(4, buf, (size_t)n) != n)
		return 2;
	if (fcntl(4, F_GETFD) != 0 || fcntl(5, F_GETFD) != -1)
		return 3; /* 5 was close-on-exec in the parent: not passed */
	if (argc < 2)
		return 4;
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || write(fd, "child", 5) != 5 || close(fd))
		return 5;
	return close(3) || close(4) ? 6 : 0;
}
