// SPDX-License-Identifier: BSD-2-Clause
// Starting a program from an ELF image in memory: a new process with the
// image's segments, a stack holding the startup block, arguments and
// environment, and the handles every program gets (log, self, the boot
// archive). The image is checked by the kernel's own validating ELF parser
// (kernel/lib/elf.c), so a malformed one is refused with its reason.
#include <kernel/elf.h>
#include <kernel/string.h>
#include <vg/vg.h>

_Static_assert(VM_READ == VG_VM_READ && VM_WRITE == VG_VM_WRITE && VM_EXEC == VG_VM_EXEC,
	       "elf_segment_prot gives vm_map flags");

#define STACK_SIZE (256 * 1024)
#define BLOCK_MAX (16 * 1024) /* startup block, pointers and strings */

/* Each PT_LOAD copied into its own VMO and mapped with its protection. */
static long load_segments(vg_handle_t child, const struct elf_image *img, const uint8_t *file)
{
	for (int i = 0; i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		uintptr_t start = s->vaddr & ~(uintptr_t)4095;
		uint64_t len = ((s->vaddr + s->memsz + 4095) & ~(uint64_t)4095) - start;
		vg_handle_t v;
		long st = vg_vmo_create(len, 0, &v);
		if (st)
			return st;
		st = vg_vmo_write(v, s->vaddr - start, file + s->offset, s->filesz);
		if (!st)
			st = vg_vm_map(child, v, 0, len, elf_segment_prot(s->flags) | VG_VM_FIXED,
				       &start);
		vg_handle_close(v);
		if (st)
			return st;
	}
	return 0;
}

/* The block at the top of the stack: struct vg_startup, the tagged
 * handles (their values in the child), then argv's and envp's pointers,
 * then the strings, all at the child's addresses (the block will sit at
 * child_at). Returns its size, or 0 if it does not fit. */
static size_t build_block(uint8_t *buf, uintptr_t child_at, const struct vg_startup *su,
			  const struct vg_startup_handle *handles, const struct vg_spawn_req *req)
{
	const char *const *argv = req->argv, *const *envp = req->envp;
	size_t argc = 0, envc = 0;
	while (argv && argv[argc])
		argc++;
	while (envp && envp[envc])
		envc++;
	size_t table = (sizeof(*su) + 15) & ~(size_t)15;
	size_t ptrs = table + req->nhandles * sizeof(*handles);
	size_t strings = ptrs + (argc + envc + 2) * sizeof(uint64_t);
	if (strings > BLOCK_MAX)
		return 0;
	struct vg_startup out = *su;
	out.argc = argc;
	out.argv = child_at + ptrs;
	out.envp = child_at + ptrs + (argc + 1) * sizeof(uint64_t);
	out.nhandles = req->nhandles;
	out.handles = req->nhandles ? child_at + table : 0;
	memcpy(buf, &out, sizeof(out));
	memcpy(buf + table, handles, req->nhandles * sizeof(*handles));
	for (size_t i = 0; i < argc + envc + 2; i++) {
		const char *s = i < argc	       ? argv[i]
			: i > argc && i <= argc + envc ? envp[i - argc - 1]
						       : NULL;
		uint64_t p = 0;
		if (s) {
			size_t n = strlen(s) + 1;
			if (strings + n > BLOCK_MAX)
				return 0;
			memcpy(buf + strings, s, n);
			p = child_at + strings;
			strings += n;
		}
		memcpy(buf + ptrs + i * sizeof(uint64_t), &p, sizeof(p));
	}
	return (strings + 15) & ~(size_t)15;
}

/* Moves req's handles into child; theirs[i] gets each one's tag, arg and
 * value there. All of them are consumed, even after a failure. */
static long move_handles(vg_handle_t child, const struct vg_spawn_req *req,
			 struct vg_startup_handle *theirs)
{
	long st = 0;
	for (size_t i = 0; i < req->nhandles; i++) {
		theirs[i] = req->handles[i];
		theirs[i].reserved = 0;
		if (!st)
			st = vg_handle_transfer(req->handles[i].handle, child, &theirs[i].handle);
		if (st) /* this one was not moved (or comes after one that was not) */
			vg_handle_close(req->handles[i].handle);
	}
	return st;
}

/* A duplicate of h with rights (which must include transfer, to move it),
 * moved into child; its value there. */
static long give(vg_handle_t h, uint32_t rights, vg_handle_t child, vg_handle_t *theirs)
{
	vg_handle_t dup;
	long st = vg_handle_duplicate(h, rights, &dup);
	if (st)
		return st;
	st = vg_handle_transfer(dup, child, theirs);
	if (st)
		vg_handle_close(dup);
	return st;
}

/* Everything but the load: handles, stack, block, thread. */
static long start(vg_handle_t child, const struct elf_image *img, const struct vg_spawn_req *req,
		  const struct vg_startup_handle *theirs)
{
	struct vg_startup su = { 0 };
	const struct vg_startup *mine = vg_startup();
	long st = give(vg_log_handle(), VG_RIGHT_WRITE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
		       child, &su.log);
	if (!st)
		st = give(child,
			  VG_RIGHT_MAP | VG_RIGHT_MANAGE | VG_RIGHT_WAIT | VG_RIGHT_DUPLICATE |
				  VG_RIGHT_TRANSFER,
			  child, &su.self);
	if (!st && mine && mine->initrd) {
		st = give(mine->initrd,
			  VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
			  child, &su.initrd);
		su.initrd_size = mine->initrd_size;
	}
	vg_handle_t stack;
	if (!st)
		st = vg_vmo_create(STACK_SIZE, 0, &stack);
	if (st)
		return st;
	uintptr_t base = 0;
	st = vg_vm_map(child, stack, 0, STACK_SIZE, VG_VM_READ | VG_VM_WRITE, &base);
	/* The block is built in place: the top of the child's stack, mapped
	 * here too for the while (no shared scratch buffer, so threads may
	 * spawn at once). */
	uintptr_t top = 0;
	size_t size = 0;
	if (!st)
		st = vg_vm_map(vg_self(), stack, STACK_SIZE - BLOCK_MAX, BLOCK_MAX,
			       VG_VM_READ | VG_VM_WRITE, &top);
	if (!st) {
		/* Where the block goes decides its pointers: find its size with a
		 * first pass at a provisional place, then build it for real. */
		uint8_t *window = (uint8_t *)top;
		size = build_block(window, base, &su, theirs, req);
		if (size)
			size = build_block(window + BLOCK_MAX - size, base + STACK_SIZE - size, &su,
					   theirs, req);
		st = size ? 0 : ERR_OUT_OF_RANGE;
		vg_vm_unmap(vg_self(), top, BLOCK_MAX);
	}
	vg_handle_close(stack);
	vg_handle_t thread;
	uintptr_t at = base + STACK_SIZE - size; /* arg0: the block */
	if (!st)
		st = vg_thread_create(child, img->entry, at - VG_ENTRY_SP_BIAS, at, 0, &thread);
	if (!st)
		vg_handle_close(thread);
	return st;
}

long vg_spawn(const struct vg_spawn_req *req, vg_handle_t *process_out, const char **why)
{
	struct elf_image img;
	const char *reason = "";
	struct vg_startup_handle theirs[VG_SPAWN_MAX_HANDLES];
	long st = 0;
	if (req->nhandles > VG_SPAWN_MAX_HANDLES) {
		reason = "too many handles";
		st = ERR_OUT_OF_RANGE;
	} else if (elf_parse(req->image, req->len, VG_ELF_MACHINE, VG_USER_TOP, &img, &reason) ||
		   !img.has_entry || img.has_interp) {
		if (!*reason)
			reason = "not a static executable with an entry point";
		st = ERR_BAD_FORMAT;
	}
	vg_handle_t child = VG_HANDLE_INVALID;
	if (!st)
		st = vg_process_create(&child);
	if (st) {
		for (size_t i = 0; i < req->nhandles; i++)
			vg_handle_close(req->handles[i].handle);
		if (why)
			*why = reason;
		return st;
	}
	st = move_handles(child, req, theirs);
	if (!st)
		st = load_segments(child, &img, req->image);
	if (!st)
		st = start(child, &img, req, theirs);
	if (st) {
		vg_process_kill(child, -1);
		vg_handle_close(child);
		if (why)
			*why = "could not build the process";
		return st;
	}
	*process_out = child;
	return 0;
}
