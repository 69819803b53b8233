// SPDX-License-Identifier: BSD-2-Clause
// The modules and their linking: dependencies, symbol resolution across
// modules, relocation, constructors and destructors.
#include <kernel/string.h>

#include "ld.h"

struct ld_module ld_modules[LD_MAX_MODULES];

/* The global scope in search order: the executable, the libraries loaded
 * at start (breadth first), then what dlopen made global. */
static struct ld_module *global[LD_MAX_MODULES];
static int nglobal;
static uint64_t init_counter;

struct ld_module *ld_module_named(const char *name)
{
	for (int i = 0; i < LD_MAX_MODULES; i++)
		if (ld_modules[i].used && strcmp(ld_modules[i].name, name) == 0)
			return &ld_modules[i];
	return NULL;
}

struct ld_module *ld_module_new(const char *name)
{
	if (strlen(name) >= LD_NAME_MAX) {
		ld_fail(name, "name too long", NULL);
		return NULL;
	}
	for (int i = 0; i < LD_MAX_MODULES; i++) {
		struct ld_module *m = &ld_modules[i];
		if (!m->used) {
			memset(m, 0, sizeof(*m));
			m->used = true;
			memcpy(m->name, name, strlen(name) + 1);
			return m;
		}
	}
	ld_fail(name, "too many loaded modules", NULL);
	return NULL;
}

void ld_make_global(struct ld_module *m)
{
	for (int i = 0; i < nglobal; i++)
		if (global[i] == m)
			return;
	global[nglobal++] = m;
}

static void drop_global(struct ld_module *m)
{
	for (int i = 0; i < nglobal; i++)
		if (global[i] == m) {
			memmove(&global[i], &global[i + 1],
				(size_t)(nglobal - i - 1) * sizeof(*global));
			nglobal--;
			return;
		}
}

struct ld_module *ld_load_named(const char *name)
{
	const void *data;
	size_t len;
	if (ld_find_file(name, &data, &len)) {
		ld_fail(name, "not found", NULL);
		return NULL;
	}
	struct ld_module *m = ld_module_new(name);
	if (m && !ld_map_object(m, data, len)) {
		m->used = false;
		return NULL;
	}
	return m;
}

bool ld_load_deps(struct ld_module *root)
{
	/* Breadth first: a queue of the modules whose needs are not yet met,
	 * root first, then those it has already (the program's LD_PRELOAD
	 * objects, preload.c). */
	struct ld_module *queue[LD_MAX_MODULES];
	int head = 0, tail = 0;
	queue[tail++] = root;
	for (int i = 0; i < root->ndeps; i++)
		queue[tail++] = root->deps[i];
	while (head < tail) {
		struct ld_module *m = queue[head++];
		for (int i = 0; i < m->dyn.n_needed; i++) {
			const char *name = ld_str(&m->dyn, m->dyn.needed[i]);
			struct ld_module *dep = ld_module_named(name);
			if (!dep) {
				dep = ld_load_named(name);
				if (!dep)
					return false;
				if (tail == LD_MAX_MODULES) {
					ld_fail(name, "too many loaded modules", NULL);
					return false;
				}
				queue[tail++] = dep;
			}
			dep->refs++;
			m->deps[m->ndeps++] = dep;
		}
	}
	return true;
}

/* name's definition in m's dependency tree, breadth first (m first). */
static const Elf64_Sym *find_in_tree(const char *name, uint32_t hash, struct ld_module *m,
				     const struct ld_module *skip, bool plt_ok,
				     struct ld_module **owner)
{
	struct ld_module *queue[LD_MAX_MODULES];
	bool seen[LD_MAX_MODULES] = { false };
	int head = 0, tail = 0;
	queue[tail++] = m;
	seen[m - ld_modules] = true;
	while (head < tail) {
		struct ld_module *q = queue[head++];
		const Elf64_Sym *s =
			q == skip ? NULL : ld_lookup_hashed(&q->dyn, name, hash, plt_ok);
		if (s) {
			*owner = q;
			return s;
		}
		for (int i = 0; i < q->ndeps; i++)
			if (!seen[q->deps[i] - ld_modules]) {
				seen[q->deps[i] - ld_modules] = true;
				queue[tail++] = q->deps[i];
			}
	}
	return NULL;
}

const Elf64_Sym *ld_find_in_tree(const char *name, struct ld_module *m,
				 const struct ld_module *skip, bool plt_ok,
				 struct ld_module **owner)
{
	return find_in_tree(name, ld_gnu_hash(name), m, skip, plt_ok, owner);
}

/* name's definition among the first n modules of the global scope. */
static const Elf64_Sym *find_global(const char *name, uint32_t hash, int n,
				    const struct ld_module *skip, bool plt_ok,
				    struct ld_module **owner)
{
	for (int i = 0; i < n; i++) {
		const Elf64_Sym *s = global[i] == skip
			? NULL
			: ld_lookup_hashed(&global[i]->dyn, name, hash, plt_ok);
		if (s) {
			*owner = global[i];
			return s;
		}
	}
	return NULL;
}

const Elf64_Sym *ld_find_symbol(const char *name, struct ld_module *scope,
				const struct ld_module *skip, bool plt_ok, struct ld_module **owner)
{
	uint32_t hash = ld_gnu_hash(name);
	const Elf64_Sym *s = find_global(name, hash, nglobal, skip, plt_ok, owner);
	return s || !scope ? s : find_in_tree(name, hash, scope, skip, plt_ok, owner);
}

/* The definition of m's symbol sym, which m defines (ld_defines), by
 * the first n modules of the global scope, those before m: the name is
 * hashed only for a module whose bloom filter may have it, found from
 * the hash m's table keeps (most modules before a library define few
 * names: the program, the preloads). */
static const Elf64_Sym *find_before(struct ld_module *m, uint64_t sym, const char *name, int n,
				    bool plt_ok, struct ld_module **owner)
{
	bool known = m->dyn.gh_buckets != NULL;
	uint32_t part = known ? ld_chain_hash(&m->dyn, sym) : 0, hash = 0;
	bool hashed = false;
	for (int i = 0; i < n; i++) {
		if (known && !ld_may_define(&global[i]->dyn, part))
			continue;
		if (!hashed)
			hash = ld_gnu_hash(name), hashed = true;
		const Elf64_Sym *s = ld_lookup_hashed(&global[i]->dyn, name, hash, plt_ok);
		if (s) {
			*owner = global[i];
			return s;
		}
	}
	return NULL;
}

/* Where m is in the global scope; nglobal when it is not there. */
static int global_index(const struct ld_module *m)
{
	int i = 0;
	while (i < nglobal && global[i] != m)
		i++;
	return i;
}

struct resolve_ctx {
	struct ld_module *m, *scope;
	int global_at; /* m's place in the global scope (global_index) */
};

static void tls_def(const struct ld_module *owner, const Elf64_Sym *s, struct ld_def *def)
{
	def->value = s ? s->st_value : 0;
	def->tls_module = owner->tls_id;
	def->tls_static = owner->tls_static;
	def->tls_tpoff = owner->tls_tpoff;
}

static const char *resolve(void *ctx, uint64_t sym, enum ld_rkind kind, struct ld_def *def,
			   const char **name)
{
	struct resolve_ctx *rc = ctx;
	struct ld_module *m = rc->m, *owner = m;
	if (sym == 0) { /* a module's own TLS (local dynamic) */
		if (!m->has_tls)
			return "TLS relocation in a module without TLS";
		tls_def(m, NULL, def);
		return NULL;
	}
	const Elf64_Sym *ref = &m->dyn.symtab[sym], *s = ref;
	const char *sname = m->dyn.strtab + ref->st_name;
	bool is_tls = (ref->st_info & 0xf) == STT_TLS;
	bool copy = false;
	/* A symbol bound locally (hidden, or a local symbol) is its own
	 * definition; anything else is looked up, first definition wins,
	 * except that a copy relocation copies from elsewhere. */
	if ((ref->st_info >> 4) == STB_LOCAL && ref->st_shndx != SHN_UNDEF) {
		s = ref;
	} else if (kind != LD_R_COPY && rc->global_at < nglobal && ld_defines(&m->dyn, sym)) {
		/* m defines it and is in the global scope: the first definition
		 * there is its own unless a module before it has one (the
		 * program's, a preload's), so its own table is not searched
		 * (most of a library's references are to itself). */
		s = find_before(m, sym, sname, rc->global_at, kind != LD_R_JUMP_SLOT, &owner);
		if (!s)
			s = ref;
	} else {
		copy = kind == LD_R_COPY;
		s = ld_find_symbol(sname, rc->scope, copy ? m : NULL, kind != LD_R_JUMP_SLOT,
				   &owner);
	}
	if (!s) {
		if ((ref->st_info >> 4) == STB_WEAK && !copy) {
			memset(def, 0, sizeof(*def)); /* an absent weak symbol is 0 */
			return NULL;
		}
		*name = sname;
		return "undefined symbol";
	}
	if (((s->st_info & 0xf) == STT_TLS) != is_tls) {
		*name = sname;
		return "symbol is TLS in one module and not in the other";
	}
	if (is_tls) {
		if (!owner->has_tls || s->st_value > owner->tls.memsz) {
			*name = sname;
			return "TLS symbol outside its module's TLS block";
		}
		tls_def(owner, s, def);
		return NULL;
	}
	def->value = owner->base + s->st_value;
	def->size = s->st_size;
	if (copy)
		def->copy_from = ld_at(&owner->view, s->st_value, s->st_size, false);
	return NULL;
}

bool ld_relocate_new(struct ld_module *scope)
{
	/* Dependencies first: a copy relocation in the executable copies data
	 * the library's own relocations have filled in. The modules were
	 * loaded breadth first, so reverse order has them before their
	 * users (a cycle is relocated in some order, as everywhere). */
	for (int i = LD_MAX_MODULES - 1; i >= 0; i--) {
		struct ld_module *m = &ld_modules[i];
		if (!m->used || m->relocated)
			continue;
		struct resolve_ctx ctx = { m, scope, global_index(m) };
		struct ld_reloc_ctx rc = { .machine = VG_ELF_MACHINE,
					   .base = m->base,
					   .resolve = resolve,
					   .tlsdesc = ld_tlsdesc,
					   .ctx = &ctx };
		const char *err = ld_relocate(&m->view, &m->dyn, &rc);
		if (err) {
			ld_fail(m->name, err, rc.name);
			return false;
		}
		m->relocated = true;
	}
	return true;
}

static void run_array(const struct ld_module *m, uint64_t vaddr, uint64_t n, bool reverse)
{
	/* Checked by the parse to lie in the module; filled in by its
	 * relocations. Entries 0 and -1 are placeholders some linkers
	 * leave. */
	const uint64_t *f = ld_at(&m->view, vaddr, n * 8, false);
	for (uint64_t i = 0; f && i < n; i++) {
		uint64_t fn = f[reverse ? n - 1 - i : i];
		if (fn != 0 && fn != UINT64_MAX)
			((void (*)(void))(uintptr_t)fn)();
	}
}

/* Post-order over the dependency tree: a module's dependencies are
 * initialized before it. */
static void init_tree(struct ld_module *m)
{
	if (m->initialized)
		return;
	m->initialized = true; /* first, so that cycles end */
	for (int i = 0; i < m->ndeps; i++)
		init_tree(m->deps[i]);
	m->init_seq = ++init_counter;
	if (m->is_exe)
		run_array(m, m->dyn.preinit_array, m->dyn.n_preinit, false);
	run_array(m, m->dyn.init_array, m->dyn.n_init, false);
}

void ld_run_init(void)
{
	for (int i = 0; i < LD_MAX_MODULES; i++)
		if (ld_modules[i].used && ld_modules[i].relocated)
			init_tree(&ld_modules[i]);
}

void ld_fini_module(struct ld_module *m)
{
	if (m->initialized && m->init_seq) {
		m->init_seq = 0;
		run_array(m, m->dyn.fini_array, m->dyn.n_fini, true);
	}
}

void ld_run_fini(void)
{
	/* Reverse order of initialization. */
	for (;;) {
		struct ld_module *last = NULL;
		for (int i = 0; i < LD_MAX_MODULES; i++) {
			struct ld_module *m = &ld_modules[i];
			if (m->used && m->init_seq && (!last || m->init_seq > last->init_seq))
				last = m;
		}
		if (!last)
			return;
		ld_fini_module(last);
	}
}

void ld_forget(struct ld_module *m)
{
	drop_global(m);
	ld_unmap_object(m);
	m->used = false;
	/* Whoever needed it no longer does (their own release is what got
	 * here, or they are going too). */
	for (int i = 0; i < LD_MAX_MODULES; i++)
		for (int j = 0; j < ld_modules[i].ndeps; j++)
			if (ld_modules[i].deps[j] == m)
				ld_modules[i].deps[j] = ld_modules[i].deps[--ld_modules[i].ndeps],
				j--;
}

/* Forgets the modules of a failed dlopen: those not yet relocated. */
static void forget_unrelocated(void)
{
	for (int i = 0; i < LD_MAX_MODULES; i++) {
		struct ld_module *m = &ld_modules[i];
		if (!m->used || m->relocated)
			continue;
		for (int j = 0; j < m->ndeps; j++)
			if (m->deps[j]->relocated) /* a reference it took */
				m->deps[j]->refs--;
		ld_forget(m);
	}
}

struct ld_module *ld_open(const char *name)
{
	struct ld_module *m = ld_module_named(name);
	if (m) {
		m->refs++;
		return m;
	}
	m = ld_load_named(name);
	if (!m)
		return NULL;
	m->refs = 1;
	if (!ld_load_deps(m)) {
		forget_unrelocated();
		return NULL;
	}
	bool ok = true;
	for (int i = 0; ok && i < LD_MAX_MODULES; i++)
		if (ld_modules[i].used && !ld_modules[i].relocated)
			ok = ld_tls_assign_dynamic(&ld_modules[i]);
	if (!ok || !ld_relocate_new(m)) {
		forget_unrelocated();
		return NULL;
	}
	return m;
}

void ld_release(struct ld_module *m)
{
	/* A module with TLS is never unloaded (as with RTLD_NODELETE):
	 * threads may hold blocks copied from it and pointers into it from
	 * its TLS accessors. Its destructors run at exit. */
	if (m->pinned || m->has_tls || --m->refs > 0)
		return;
	ld_fini_module(m);
	/* The dependencies are released from a copy: forgetting one edits
	 * the dependency lists. */
	struct ld_module *deps[LD_MAX_NEEDED];
	int n = m->ndeps;
	memcpy(deps, m->deps, sizeof(deps));
	m->ndeps = 0;
	for (int i = 0; i < n; i++)
		ld_release(deps[i]);
	ld_forget(m);
}
