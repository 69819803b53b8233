// SPDX-License-Identifier: BSD-2-Clause
// Starting a program from an ELF image in memory: a new process with the
// image's segments, a stack holding the startup block, arguments and
// environment, and the handles every program gets (log, self, the boot
// archive). The image is checked by the kernel's own validating ELF parser
// (kernel/lib/elf.c), so a malformed one is refused with its reason.
//
// Three kinds of program (docs/ARCHITECTURE.md, section 16): a fixed-
// address executable is loaded where it was linked; a position-
// independent one (ET_DYN) at a base chosen here, its relative relocations
// applied here (lib/ld/dyn.c checks them), with its TLS template described
// in the startup block; one with an interpreter (PT_INTERP, normally
// /lib/ld.so) is loaded unrelocated beside the interpreter, which is
// relocated here and started with the program's whereabouts in the block.
#include <kernel/elf.h>
#include <kernel/string.h>
#include <ld/dyn.h>
#include <vg/elfmap.h>
#include <vg/lock.h>
#include <vg/vg.h>

_Static_assert(VM_READ == VG_VM_READ && VM_WRITE == VG_VM_WRITE && VM_EXEC == VG_VM_EXEC,
	       "elf_segment_prot gives vm_map flags");

/* As Linux's default limit: the shell's deepest nesting (1000 function
 * calls, 600 nested groups) fits. Pages are committed as they are touched,
 * so a program pays for the stack it uses. */
#define STACK_SIZE (8 * 1024 * 1024)
#define BLOCK_MAX (16 * 1024) /* startup block, pointers and strings */

/* Where an image's pages go in the child: a free range the size of its
 * span found by mapping (then unmapping) a placeholder there, the
 * link-time addresses for a fixed-address executable. The child runs
 * nothing yet, so the range stays free. Returns the load bias. */
static long choose_base(vg_handle_t child, vg_handle_t vmo, const struct elf_image *img,
			uint64_t *base)
{
	uint64_t span = img->vaddr_hi - img->vaddr_lo;
	if (img->type == ET_EXEC) {
		*base = 0;
		return 0;
	}
	uintptr_t at = 0;
	long st = vg_vm_map(child, vmo, 0, span, VG_VM_READ | VG_VM_PAST_END, &at);
	if (st)
		return st;
	vg_vm_unmap(child, at, span);
	*base = at - img->vaddr_lo;
	return 0;
}

/* A static PIE's symbolic relocations can only name its own symbols (it
 * has no libraries): RISC-V's linker leaves initial-exec TLS accesses to
 * the program's own variables as TPOFF relocations, for instance. */
struct self_ctx {
	const struct ld_dyn *d;
	const struct elf_image *img;
	uint64_t base;
};

static const char *resolve_self(void *ctx, uint64_t sym, enum ld_rkind kind, struct ld_def *def,
				const char **name)
{
	const struct self_ctx *c = ctx;
	const Elf64_Sym *s = &c->d->symtab[sym];
	bool tls = kind == LD_R_TPOFF || kind == LD_R_DTPMOD || kind == LD_R_DTPOFF;
	*name = c->d->strtab + s->st_name;
	/* Symbol 0 of a TLS relocation: the program's own block. */
	if ((sym != 0 && s->st_shndx == SHN_UNDEF) || (sym == 0 && !tls) || kind == LD_R_COPY)
		return "a symbol from another object in a program without an interpreter";
	if (!tls) {
		def->value = c->base + s->st_value;
		return NULL;
	}
	if (!c->img->has_tls || (sym != 0 && (s->st_info & 0xf) != STT_TLS))
		return "a TLS relocation without a TLS symbol and segment";
	const struct elf_segment *t = &c->img->tls;
	size_t offset = vg_tls_exe_offset(c->base + t->vaddr, t->memsz, t->align ? t->align : 1);
	def->value = sym ? s->st_value : 0;
	def->tls_module = 1;
	def->tls_static = true;
	def->tls_tpoff = VG_TCB_BELOW_TP ? (int64_t)offset : -(int64_t)offset;
	return NULL;
}

/* Applies the relocations of img (loaded at base, its segments seen
 * through v): those of a position-independent program without an
 * interpreter, and of the interpreter itself. Only symbols of the image
 * itself can be resolved: anything more needs a dynamic loader and is
 * refused. */
static const char *relocate_view(const struct ld_view *v, const struct elf_image *img,
				 uint64_t base)
{
	struct ld_dyn d;
	const char *err = ld_dyn_parse(v, img->dynamic_vaddr, img->dynamic_size, &d);
	struct self_ctx ctx = { &d, img, base };
	struct ld_reloc_ctx rc = {
		.machine = img->machine, .base = base, .resolve = resolve_self, .ctx = &ctx
	};
	if (!err)
		err = ld_relocate(v, &d, &rc);
	return err;
}

/* The image's segments staged in one VMO (mapped here as stage), their
 * relocations applied when relocate. */
static const char *stage(uint8_t *stage, const struct elf_image *img, const uint8_t *file,
			 uint64_t base, bool relocate)
{
	struct ld_view v = { .n = img->n_load };
	for (int i = 0; i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		memcpy(stage + (s->vaddr - img->vaddr_lo), file + s->offset, s->filesz);
		v.seg[i].vaddr = s->vaddr;
		v.seg[i].memsz = s->memsz;
		v.seg[i].mem = stage + (s->vaddr - img->vaddr_lo);
		v.seg[i].writable = (s->flags & PF_W) != 0;
	}
	return relocate ? relocate_view(&v, img, base) : NULL;
}

/* Fills vmo with img's segments, relocated (at base) if relocate, through
 * a mapping here (a copy through vmo_write's kernel buffer costs more
 * than the faults). */
static long fill(vg_handle_t vmo, const struct elf_image *img, const uint8_t *file, uint64_t base,
		 bool relocate, const char **why)
{
	uint64_t span = img->vaddr_hi - img->vaddr_lo;
	uintptr_t here = 0;
	long st = vg_vm_map(vg_self(), vmo, 0, span, VG_VM_READ | VG_VM_WRITE, &here);
	if (st)
		return st;
	const char *err = stage((uint8_t *)here, img, file, base, relocate);
	vg_vm_unmap(vg_self(), here, span);
	if (err) {
		*why = err;
		return ERR_BAD_FORMAT;
	}
	return 0;
}

/* Maps img's segments from vmo (which holds them all) into child at base,
 * each with its own protection and its pages entered at once: read-only
 * ones through a read-only handle (nothing can make them writable, and a
 * fork shares them), writable ones from a copy-on-write child of vmo when
 * shared (a cached image). */
static long map_segments(vg_handle_t child, vg_handle_t vmo, const struct elf_image *img,
			 uint64_t base, bool shared)
{
	vg_handle_t ro = VG_HANDLE_INVALID;
	long st = vg_handle_duplicate(vmo, VG_RIGHT_READ | VG_RIGHT_MAP, &ro);
	for (int i = 0; !st && i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		uint64_t lo = s->vaddr & ~(uint64_t)4095;
		uint64_t hi = (s->vaddr + s->memsz + 4095) & ~(uint64_t)4095;
		uintptr_t at = base + lo;
		uint32_t flags = elf_segment_prot(s->flags) | VG_VM_FIXED | VG_VM_POPULATE;
		if (!(s->flags & PF_W)) {
			st = vg_vm_map(child, ro, lo - img->vaddr_lo, hi - lo, flags, &at);
		} else if (!shared) {
			st = vg_vm_map(child, vmo, lo - img->vaddr_lo, hi - lo, flags, &at);
		} else {
			vg_handle_t copy;
			st = vg_vmo_create_child(vmo, lo - img->vaddr_lo, hi - lo, 0, &copy);
			if (!st) {
				st = vg_vm_map(child, copy, 0, hi - lo, flags, &at);
				vg_handle_close(copy);
			}
		}
	}
	if (ro != VG_HANDLE_INVALID)
		vg_handle_close(ro);
	return st;
}

/* img's segments mapped into child from the boot archive, where its file
 * lies (at, a page boundary): nothing is copied (vg/elfmap.h). The
 * writable pages of one relocated here are its own copy-on-write pages,
 * mapped here too while their relocations are applied; the view gives
 * them their file pages only (a relocation of zero-filled memory is
 * refused), and the read-only segments as the file has them. */
static long map_image(vg_handle_t child, const struct elf_image *img, const uint8_t *file,
		      uint64_t at, bool relocate, uint64_t *base, const char **why)
{
	vg_handle_t archive = vg_startup()->initrd;
	uintptr_t here[ELF_MAX_LOAD] = { 0 };
	struct ld_view v = { .n = img->n_load };
	long st = choose_base(child, archive, img, base);
	for (int i = 0; !st && i < img->n_load; i++) {
		const struct elf_segment *s = &img->load[i];
		st = vg_elf_map_segment(child, archive, at, *base, s, relocate ? &here[i] : NULL);
		uint64_t in_page = s->vaddr & 4095;
		v.seg[i].vaddr = s->vaddr;
		v.seg[i].writable = (s->flags & PF_W) != 0;
		/* A read-only segment is only read (ld_relocate writes to
		 * writable ones): the file's bytes. */
		v.seg[i].mem = v.seg[i].writable ? (uint8_t *)here[i] + in_page
						 : (uint8_t *)(uintptr_t)(file + s->offset);
		v.seg[i].memsz = !v.seg[i].writable ? s->filesz
			: here[i]		    ? vg_elf_file_pages(s) - in_page
						    : 0;
		if (v.seg[i].memsz > s->memsz)
			v.seg[i].memsz = s->memsz;
	}
	const char *err = !st && relocate ? relocate_view(&v, img, *base) : NULL;
	for (int i = 0; i < img->n_load; i++)
		if (here[i])
			vg_vm_unmap(vg_self(), here[i], vg_elf_file_pages(&img->load[i]));
	if (err) {
		*why = err;
		return ERR_BAD_FORMAT;
	}
	return st;
}

/* Loads img (file, len bytes) into child: an image relocated here from
 * the boot archive's pages where they can be mapped; otherwise one VMO
 * holding every PT_LOAD (cache's if it holds this image already), each
 * mapped with its own protection. *base gets the load bias. (Mapping the
 * others from the archive made later forks, thread creations and process
 * server requests of the process cost more: docs/ARCHITECTURE.md 16.1.) */
static long load_image(vg_handle_t child, const struct elf_image *img, const uint8_t *file,
		       size_t len, bool relocate, struct vg_spawn_cache *cache, uint64_t *base,
		       const char **why)
{
	relocate = relocate && img->has_dynamic;
	uint64_t at;
	const struct vg_startup *su = vg_startup();
	if (relocate && su && su->initrd && vg_elf_in_archive(img, file, len, &at))
		return map_image(child, img, file, at, relocate, base, why);
	/* Relocated pages depend on where they go: never cached. */
	if (relocate)
		cache = NULL;
	bool hit = cache && cache->image == file && cache->vmo != VG_HANDLE_INVALID;
	vg_handle_t vmo = hit ? cache->vmo : VG_HANDLE_INVALID;
	long st = hit ? 0 : vg_vmo_create(img->vaddr_hi - img->vaddr_lo, 0, &vmo);
	if (st)
		return st;
	st = choose_base(child, vmo, img, base);
	if (!st && !hit)
		st = fill(vmo, img, file, *base, relocate, why);
	if (!st)
		st = map_segments(child, vmo, img, *base, cache != NULL);
	if (hit)
		return st;
	if (cache && !st) {
		if (cache->vmo != VG_HANDLE_INVALID)
			vg_handle_close(cache->vmo);
		cache->image = file;
		cache->vmo = vmo;
	} else {
		vg_handle_close(vmo);
	}
	return st;
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

/* The aux page: written at the stack VMO's end, and mapped through a
 * duplicate that may not write, so that the child cannot make it
 * writable (vm_protect keeps to the rights a mapping was made with);
 * *at gets its address in the child. */
static long map_aux(vg_handle_t child, vg_handle_t stack, const struct vg_startup_aux *aux,
		    uint64_t *at)
{
	vg_handle_t ro;
	long st = vg_vmo_write(stack, STACK_SIZE, aux, sizeof(*aux));
	if (!st)
		st = vg_handle_duplicate(stack, VG_RIGHT_READ | VG_RIGHT_MAP, &ro);
	if (st)
		return st;
	uintptr_t where = 0;
	st = vg_vm_map(child, ro, STACK_SIZE, 4096, VG_VM_READ, &where);
	vg_handle_close(ro);
	*at = where;
	return st;
}

/* Everything but the load: handles, stack, block, aux page (aux, if
 * not NULL), thread. */
static long start(vg_handle_t child, uint64_t entry, struct vg_startup su,
		  const struct vg_spawn_req *req, const struct vg_startup_aux *aux,
		  const struct vg_startup_handle *theirs)
{
	const struct vg_startup *mine = vg_startup();
	/* The log for writing; for reading too (dmesg) when this program may
	 * read it: a parent passes on what it holds, never more. */
	struct vg_handle_info log_info;
	uint32_t log_rights = VG_RIGHT_WRITE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER;
	if (!vg_handle_info(vg_log_handle(), &log_info))
		log_rights |= log_info.rights & VG_RIGHT_READ;
	long st = give(vg_log_handle(), log_rights, child, &su.log);
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
		/* Our index of it spares the child its own (initrd.c); a
		 * child without one builds it. */
		vg_handle_t index;
		if (!st && vg_initrd_index(&index, &su.initrd_index_slots) &&
		    give(index,
			 VG_RIGHT_READ | VG_RIGHT_MAP | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
			 child, &su.initrd_index))
			su.initrd_index = VG_HANDLE_INVALID;
		/* The child's crash reports symbolize from its file. */
		if (vg_initrd_holds(req->image, req->len, &su.image_offset))
			su.image_size = req->len;
	}
	vg_handle_t stack;
	/* The aux page, if any, is the stack VMO's last page. */
	uint64_t aux_len = aux ? 4096 : 0;
	if (!st)
		st = vg_vmo_create(STACK_SIZE + aux_len, 0, &stack);
	if (st)
		return st;
	uintptr_t base = 0;
	st = vg_vm_map(child, stack, 0, STACK_SIZE, VG_VM_READ | VG_VM_WRITE, &base);
	if (!st && aux)
		st = map_aux(child, stack, aux, &su.aux);
	/* The block is built in a buffer here and written to the top of the
	 * child's stack (no mapping here, no faults); one buffer, so spawns
	 * from several threads take turns. */
	static uint8_t block[BLOCK_MAX];
	static uint32_t block_lock;
	size_t size = 0;
	if (!st) {
		vg_lock(&block_lock);
		/* Where the block goes decides its pointers: find its size with a
		 * first pass at a provisional place, then build it for real. */
		size = build_block(block, base, &su, theirs, req);
		if (size)
			size = build_block(block + BLOCK_MAX - size, base + STACK_SIZE - size, &su,
					   theirs, req);
		st = size ? vg_vmo_write(stack, STACK_SIZE - size, block + BLOCK_MAX - size, size)
			  : ERR_OUT_OF_RANGE;
		vg_unlock(&block_lock);
	}
	vg_handle_close(stack);
	vg_handle_t thread;
	uintptr_t at = base + STACK_SIZE - size; /* arg0: the block */
	if (!st)
		st = vg_thread_create(child, entry, at - VG_ENTRY_SP_BIAS, at, 0, &thread);
	if (!st)
		vg_handle_close(thread);
	return st;
}

/* The interpreter a program names (PT_INTERP), from the boot archive:
 * the one place that knows where interpreters are found. */
static const char *find_interp(const struct elf_image *img, const uint8_t *file,
			       struct elf_image *interp, const void **data, size_t *len)
{
	const char *path = (const char *)file + img->interp_offset;
	while (*path == '/')
		path++;
	const char *why = "";
	if (vg_initrd_find(path, data, len))
		return "the program's interpreter (PT_INTERP) is not in the boot archive";
	if (elf_parse(*data, *len, VG_ELF_MACHINE, VG_USER_TOP, interp, &why))
		return why;
	if (interp->type != ET_DYN || !interp->has_entry || interp->has_interp)
		return "the program's interpreter is not a position-independent executable";
	if (!img->phdr_vaddr)
		return "a program with an interpreter must load its program headers";
	return NULL;
}

/* Checks req's image (and interpreter). NULL, or why it cannot start. */
static const char *check(const struct vg_spawn_req *req, struct elf_image *img,
			 struct elf_image *interp, const void **idata, size_t *ilen)
{
	const char *why = "";
	if (req->nhandles > VG_SPAWN_MAX_HANDLES)
		return "too many handles";
	if (elf_parse(req->image, req->len, VG_ELF_MACHINE, VG_USER_TOP, img, &why))
		return why;
	if (!img->has_entry)
		return "not an executable with an entry point";
	return img->has_interp ? find_interp(img, req->image, interp, idata, ilen) : NULL;
}

/* Loads the program, and its interpreter if it has one; *entry, su and
 * aux (Linux's AT_PHDR, AT_ENTRY, AT_BASE, ...) get where the child
 * starts and what the loading tells it. */
static long load(vg_handle_t child, const struct vg_spawn_req *req, struct vg_spawn_cache *cache,
		 const struct elf_image *img, const struct elf_image *interp, const void *idata,
		 size_t ilen, uint64_t *entry, struct vg_startup *su, struct vg_startup_aux *aux,
		 const char **why)
{
	uint64_t base, ibase;
	bool pie = img->type == ET_DYN;
	long st = load_image(child, img, req->image, req->len, pie && !img->has_interp, cache,
			     &base, why);
	if (st)
		return st;
	*entry = base + img->entry;
	su->prog_base = base;
	aux->flags |= VG_AUX_LOADED;
	aux->phdr = img->phdr_vaddr ? base + img->phdr_vaddr : 0;
	aux->phent = sizeof(Elf64_Phdr);
	aux->phnum = img->phnum;
	aux->entry = base + img->entry;
	if (img->has_interp) {
		st = load_image(child, interp, idata, ilen, true, NULL, &ibase, why);
		aux->interp_base = ibase;
		su->prog_phdr = base + img->phdr_vaddr;
		su->prog_phnum = img->phnum;
		su->prog_entry = base + img->entry;
		*entry = ibase + interp->entry;
	} else if (pie && img->has_tls) {
		/* Its TLS template, which a linker script describes for a fixed-
		 * address program. */
		su->flags |= VG_STARTUP_TLS;
		su->tls_image = base + img->tls.vaddr;
		su->tls_filesz = img->tls.filesz;
		su->tls_memsz = img->tls.memsz;
		su->tls_align = img->tls.align ? img->tls.align : 1;
		su->tls_offset = vg_tls_exe_offset(su->tls_image, su->tls_memsz, su->tls_align);
	}
	return st;
}

static long spawn(const struct vg_spawn_req *req, struct vg_spawn_cache *cache, vg_handle_t process,
		  vg_handle_t *process_out, const char **why)
{
	struct elf_image img, interp;
	const void *idata = NULL;
	size_t ilen = 0;
	struct vg_startup_handle theirs[VG_SPAWN_MAX_HANDLES];
	const char *reason = check(req, &img, &interp, &idata, &ilen);
	long st = !reason			       ? 0
		: req->nhandles > VG_SPAWN_MAX_HANDLES ? ERR_OUT_OF_RANGE
						       : ERR_BAD_FORMAT;
	vg_handle_t child = process;
	if (!st && child == VG_HANDLE_INVALID)
		st = vg_process_create(&child);
	if (st) {
		for (size_t i = 0; i < req->nhandles; i++)
			vg_handle_close(req->handles[i].handle);
		if (child != VG_HANDLE_INVALID)
			vg_handle_close(child);
		if (why)
			*why = reason ? reason : "could not create the process";
		return st;
	}
	reason = "could not build the process";
	struct vg_startup su = { 0 };
	/* The spawner's word, and then the loading's, on the aux page. */
	struct vg_startup_aux aux = req->aux ? *req->aux : (struct vg_startup_aux){ 0 };
	uint64_t entry = 0;
	st = move_handles(child, req, theirs);
	if (!st)
		st = load(child, req, cache, &img, &interp, idata, ilen, &entry, &su, &aux,
			  &reason);
	if (!st)
		st = start(child, entry, su, req, req->aux ? &aux : NULL, theirs);
	if (st) {
		vg_process_kill(child, -1);
		vg_handle_close(child);
		if (why)
			*why = reason;
		return st;
	}
	*process_out = child;
	return 0;
}

long vg_spawn_log_fds(struct vg_startup_handle out[2])
{
	for (uint32_t fd = 1; fd <= 2; fd++) {
		vg_handle_t h;
		long st = vg_handle_duplicate(
			vg_startup()->log, VG_RIGHT_WRITE | VG_RIGHT_DUPLICATE | VG_RIGHT_TRANSFER,
			&h);
		if (st) {
			if (fd == 2)
				vg_handle_close(out[0].handle);
			return st;
		}
		out[fd - 1] = (struct vg_startup_handle){ VG_HTAG_FD, fd, h, 0 };
	}
	return 0;
}

long vg_spawn(const struct vg_spawn_req *req, vg_handle_t *process_out, const char **why)
{
	return spawn(req, NULL, VG_HANDLE_INVALID, process_out, why);
}

long vg_spawn_in(const struct vg_spawn_req *req, vg_handle_t process, vg_handle_t *process_out,
		 const char **why)
{
	return spawn(req, NULL, process, process_out, why);
}

long vg_spawn_cached(const struct vg_spawn_req *req, struct vg_spawn_cache *cache,
		     vg_handle_t process, vg_handle_t *process_out, const char **why)
{
	return spawn(req, cache, process, process_out, why);
}
