// SPDX-License-Identifier: BSD-2-Clause
// stdio on files: fopen's modes, buffered writes and reads, seeking, lines.
#include "../utest.h"
#include "../vfs_up.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

UTEST(vfs_stdio_streams_on_files)
{
	CHECK_EQ(vfs_up(), 0);
	FILE *f = fopen("/tmp/stdio.txt", "w");
	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_EQ(fprintf(f, "line %d\n", 1), 7);
	CHECK_EQ(fputs("second line\n", f), 1);
	CHECK_EQ(fwrite("abc", 1, 3, f), 3);
	CHECK_EQ(vfs_size("/tmp/stdio.txt"), 0); /* still in the buffer */
	CHECK_EQ(ftell(f), 22);
	CHECK_EQ(fflush(f), 0);
	CHECK_EQ(vfs_size("/tmp/stdio.txt"), 22);
	CHECK_EQ(fclose(f), 0);
	f = fopen("/tmp/stdio.txt", "r");
	char line[64];
	CHECK(fgets(line, sizeof(line), f) == line);
	CHECK(strcmp(line, "line 1\n") == 0);
	CHECK_EQ(fgetc(f), 's');
	CHECK_EQ(ungetc('S', f), 'S');
	char *buf = NULL;
	size_t size = 0;
	CHECK_EQ(getline(&buf, &size, f), 12);
	CHECK(buf && strcmp(buf, "Second line\n") == 0);
	CHECK_EQ(getline(&buf, &size, f), 3);
	CHECK(strcmp(buf, "abc") == 0);
	CHECK_EQ(getline(&buf, &size, f), -1);
	CHECK(feof(f));
	free(buf);
	CHECK_EQ(fseek(f, 5, SEEK_SET), 0);
	CHECK(!feof(f));
	char two[3] = { 0 };
	CHECK_EQ(fread(two, 1, 2, f), 2);
	CHECK(strcmp(two, "1\n") == 0);
	CHECK_EQ(ftell(f), 7);
	CHECK_EQ(fseek(f, -3, SEEK_END), 0);
	CHECK_EQ(fread(line, 1, sizeof(line), f), 3);
	CHECK_EQ(fwrite("x", 1, 1, f), 0); /* opened for reading */
	CHECK(ferror(f));
	CHECK_EQ(fclose(f), 0);
	/* Appending, and reading back through "r+". */
	f = fopen("/tmp/stdio.txt", "a");
	CHECK_EQ(fputs("\nmore", f), 1);
	CHECK_EQ(fclose(f), 0);
	CHECK_EQ(vfs_size("/tmp/stdio.txt"), 27);
	f = fopen("/tmp/stdio.txt", "r+");
	CHECK_EQ(fseek(f, 0, SEEK_SET), 0);
	CHECK_EQ(fputc('L', f), 'L');
	CHECK_EQ(fseek(f, 0, SEEK_SET), 0);
	CHECK(fgets(line, sizeof(line), f) && strcmp(line, "Line 1\n") == 0);
	CHECK_EQ(fclose(f), 0);
	/* Modes and errors. */
	CHECK(fopen("/tmp/stdio.txt", "wx") == NULL);
	CHECK_EQ(errno, EEXIST);
	CHECK(fopen("/tmp/none/x", "w") == NULL);
	CHECK_EQ(errno, ENOENT);
	CHECK(fopen("/tmp/stdio.txt", "q") == NULL);
	CHECK_EQ(errno, EINVAL);
	CHECK(fopen("/tmp/missing", "r") == NULL);
	CHECK_EQ(errno, ENOENT);
	/* fdopen on a descriptor, with a mode it allows. */
	int fd = open("/tmp/stdio.txt", O_RDONLY);
	CHECK(fdopen(fd, "w") == NULL);
	CHECK_EQ(errno, EINVAL);
	f = fdopen(fd, "r");
	CHECK(f != NULL);
	CHECK_EQ(fileno(f), fd);
	CHECK_EQ(fgetc(f), 'L');
	CHECK_EQ(fclose(f), 0);
	CHECK_ERRNO(close(fd), EBADF); /* fclose closed it */
	/* A big write goes through in pieces. */
	f = fopen("/tmp/stdio.big", "w+");
	static char big[20000];
	memset(big, 'z', sizeof(big));
	CHECK_EQ(fwrite(big, 100, 200, f), 200);
	rewind(f);
	CHECK_EQ(fread(big, 1, sizeof(big) + 1, f), sizeof(big));
	CHECK_EQ(fclose(f), 0);
	CHECK_EQ(vfs_size("/tmp/stdio.big"), sizeof(big));
	CHECK_EQ(remove("/tmp/stdio.big"), 0);
	CHECK_EQ(remove("/tmp/stdio.txt"), 0);
	/* stdin without a descriptor is empty; stdout is on the log. */
	CHECK_EQ(fgetc(stdin), EOF);
	CHECK(feof(stdin));
	CHECK(printf("stdio: printing to the log still works\n") > 0);
}

/* The root task's descriptors 1 and 2 are the kernel's log descriptors:
 * write-only, not seekable, duplicable; closed, they are closed. */
UTEST(vfs_stdio_log_descriptors)
{
	CHECK_EQ(fflush(stdout), 0);
	CHECK_EQ(fcntl(1, F_GETFL) & O_ACCMODE, O_WRONLY);
	CHECK_EQ(fcntl(2, F_GETFL) & O_ACCMODE, O_WRONLY);
	char c;
	CHECK_EQ(read(1, &c, 1), -1);
	CHECK_EQ(errno, EBADF);
	CHECK_EQ(pwrite(2, "x", 1, 0), -1);
	CHECK_EQ(errno, ESPIPE);
	CHECK_EQ(lseek(1, 0, SEEK_CUR), -1);
	CHECK_EQ(errno, ESPIPE);
	int saved = fcntl(1, F_DUPFD, 3);
	CHECK(saved >= 3);
	static const char line[] = "stdio: a line through a duplicate of descriptor 1\n";
	CHECK_EQ(write(saved, line, sizeof(line) - 1), (ssize_t)sizeof(line) - 1);
	CHECK_EQ(close(1), 0);
	CHECK_EQ(write(1, "lost\n", 5), -1);
	CHECK_EQ(errno, EBADF);
	CHECK_EQ(dup2(saved, 1), 1);
	CHECK_EQ(close(saved), 0);
	CHECK_EQ(write(1, "stdio: descriptor 1 again\n", 26), 26);
}
