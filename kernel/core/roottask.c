// SPDX-License-Identifier: BSD-2-Clause
// The root task: the one program the kernel itself loads.
#include <kernel/bootinfo.h>
#include <kernel/cpio.h>
#include <kernel/elf.h>
#include <kernel/log.h>
#include <kernel/pmm.h>
#include <kernel/process.h>
#include <kernel/resource.h>
#include <kernel/roottask.h>
#include <kernel/string.h>
#include <kernel/syscall.h>
#include <verdigris/errors.h>

static void init_path(const struct boot_info *bi, char *path, size_t size)
{
	strlcpy(path, ROOTTASK_DEFAULT, size);
	for (const char *p = bi->cmdline; (p = strchr(p, 'i')) != NULL; p++) {
		if (strncmp(p, "init=", 5) || (p != bi->cmdline && p[-1] != ' '))
			continue;
		size_t n = 0;
		while (p[5 + n] && p[5 + n] != ' ')
			n++;
		if (n + 1 <= size) {
			memcpy(path, p + 5, n);
			path[n] = 0;
		}
		return;
	}
}

/* Copies each PT_LOAD into its own VMO and maps it with its protection. */
static int load_segments(struct process *p, const struct elf_image *img, const uint8_t *file)
{
	for (int i = 0; i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		vaddr_t start = ALIGN_DOWN(s->vaddr, PAGE_SIZE);
		uint64_t len = ALIGN_UP(s->vaddr + s->memsz, PAGE_SIZE) - start;
		struct vmo *v = vmo_create(len);
		if (!v)
			return ERR_NO_MEMORY;
		int err = vmo_write(v, s->vaddr - start, file + s->offset, s->filesz);
		if (!err)
			err = aspace_map(&p->as, &start, len, elf_segment_prot(s->flags), v, 0,
					 ASPACE_FIXED);
		kobject_unref(&v->obj);
		if (err)
			return err;
	}
	return 0;
}

/* Handles, the startup block on top of the stack, the stack, the thread. */
/* The boot archive as a read-only VMO, so that user space can read the
 * programs and files in it (the root task starts the others from there). */
static int give_initrd(struct process *p, const void *rd, size_t rd_len, struct vg_startup *su)
{
	struct vmo *v = vmo_create(rd_len);
	if (!v)
		return ERR_NO_MEMORY;
	int err = vmo_write(v, 0, rd, rd_len);
	if (!err)
		err = handle_install(&p->handles, &v->obj,
				     VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_DUPLICATE |
					     VG_RIGHT_TRANSFER,
				     0, &su->initrd);
	kobject_unref(&v->obj);
	su->initrd_size = rd_len;
	return err;
}

/* The startup block lives on top of the stack: it, argv (the program's
 * path, as a shell would pass it), an empty envp and the tagged handles
 * right after it: descriptors 1 and 2 (VG_HTAG_FD) on the log, so that
 * the root task's standard output and error are descriptors like any
 * other's (closing them closes them). */
struct startup_block {
	struct vg_startup su;
	uint64_t argv[2], envp_end;
	struct vg_startup_handle fds[2];
	char path[64];
};

static int start_process(struct process *p, const struct elf_image *img, const uint8_t *file,
			 uint64_t flags, const void *rd, size_t rd_len, const char *path)
{
	struct startup_block sb = { .su = { .flags = flags } };
	struct vg_startup su = { .flags = flags };
	int err = handle_install(&p->handles, log_object(),
				 VG_RIGHT_READ | VG_RIGHT_WRITE | VG_RIGHT_DUPLICATE |
					 VG_RIGHT_TRANSFER,
				 0, &su.log);
	if (!err)
		err = handle_install(&p->handles, &p->obj,
				     VG_RIGHT_MAP | VG_RIGHT_MANAGE | VG_RIGHT_DUPLICATE, 0,
				     &su.self);
	struct resource *rr = resource_root();
	if (!err && !rr)
		err = ERR_NO_MEMORY;
	if (!err)
		err = handle_install(&p->handles, &rr->obj,
				     VG_RIGHT_MANAGE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, 0,
				     &su.resource);
	for (uint32_t fd = 1; fd <= 2 && !err; fd++) {
		sb.fds[fd - 1] = (struct vg_startup_handle){ VG_HTAG_FD, fd, 0, 0 };
		err = handle_install(&p->handles, log_object(),
				     VG_RIGHT_WRITE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER, 0,
				     &sb.fds[fd - 1].handle);
	}
	if (!err)
		err = give_initrd(p, rd, rd_len, &su);
	if (!err)
		err = load_segments(p, img, file);
	struct vmo *sv = err ? NULL : vmo_create(USER_STACK_SIZE);
	if (!err && !sv)
		err = ERR_NO_MEMORY;
	uint64_t block = ALIGN_UP(sizeof(sb), 16);
	vaddr_t stack = USER_TOP - USER_STACK_SIZE;
	sb.su = su;
	strlcpy(sb.path, path, sizeof(sb.path));
	sb.argv[0] = USER_TOP - block + offsetof(struct startup_block, path);
	sb.su.argc = 1;
	sb.su.argv = USER_TOP - block + offsetof(struct startup_block, argv);
	sb.su.envp = USER_TOP - block + offsetof(struct startup_block, envp_end);
	sb.su.nhandles = 2;
	sb.su.handles = USER_TOP - block + offsetof(struct startup_block, fds);
	if (!err)
		err = vmo_write(sv, USER_STACK_SIZE - block, &sb, sizeof(sb));
	if (!err)
		err = aspace_map(&p->as, &stack, USER_STACK_SIZE, VM_READ | VM_WRITE, sv, 0,
				 ASPACE_FIXED);
	if (sv)
		kobject_unref(&sv->obj);
	if (err)
		return err;
	/* The stack starts below the block, which arg0 points at. */
	return process_start_thread(p, img->entry, USER_TOP - block, USER_TOP - block, 0, 0, NULL);
}

struct process *roottask_start(const struct boot_info *bi)
{
	char path[64];
	init_path(bi, path, sizeof(path));
	if (bi->initrd_end <= bi->initrd_start) {
		pr_err("roottask: no initrd, so no %s to start\n", path);
		return NULL;
	}
	const void *rd = phys_to_virt(bi->initrd_start);
	size_t rd_len = (size_t)(bi->initrd_end - bi->initrd_start);
	const char *why = "";
	int count = cpio_validate(rd, rd_len, &why);
	if (count < 0) {
		pr_err("roottask: initrd refused: %s\n", why);
		return NULL;
	}
	struct cpio_entry e;
	if (cpio_find(rd, rd_len, path, &e)) {
		pr_err("roottask: %s is not in the initrd (%d entries)\n", path, count);
		return NULL;
	}
	struct elf_image img;
	if (elf_parse(e.data, e.size, ARCH_ELF_MACHINE, USER_TOP, &img, &why) || !img.has_entry ||
	    img.has_interp) {
		pr_err("roottask: %s refused: %s\n", path,
		       *why ? why : "not a static executable with an entry point");
		return NULL;
	}
	struct process *p = process_create("init");
	if (!p) {
		pr_err("roottask: out of memory\n");
		return NULL;
	}
	uint64_t flags = (bootinfo_has_arg(bi, "ktest") ? VG_STARTUP_RUN_TESTS : 0) |
		(bootinfo_has_arg(bi, "bench") ? VG_STARTUP_RUN_BENCH : 0);
	int err = start_process(p, &img, e.data, flags, rd, rd_len, path);
	if (err < 0) {
		pr_err("roottask: cannot start %s (%d)\n", path, err);
		/* Its handle to itself would keep it alive: tear down by hand. */
		p->dead = true;
		handle_table_destroy(&p->handles);
		aspace_destroy(&p->as);
		kobject_unref(&p->obj);
		return NULL;
	}
	pr_info("roottask: started %s (entry %#llx, %d segments)\n", path,
		(unsigned long long)img.entry, img.n_load);
	return p;
}
