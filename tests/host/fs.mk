# SPDX-License-Identifier: BSD-2-Clause
# Host tests and fuzzers of the filesystem servers' pure code (included by
# host.mk): tmpfs's tree and its filling from a cpio archive, the VFS's
# permission rules, the waiters and locks of srv/fscommon.
#
#   test_tmpfs        srv/tmpfs/nodes.c and initrd.c, with GNU cpio's archives
#   fuzz_tmpfs_cpio   initrd.c on arbitrary archives
#   test_vfs_perm     srv/vfs/perm.c and creds.c
#   test_fscommon     srv/fscommon/waiters.c and locks.c

HOST_TMPFS_SRCS := srv/tmpfs/nodes.c srv/tmpfs/initrd.c srv/tmpfs/layout.c tests/host/tmpfs_store_heap.c srv/tmpfs/store_heap.c

$(HOST_GEN)/fs/.stamp: idl/fs.idl $(IDLC)
	@rm -rf $(@D) && mkdir -p $(@D)
	$(IDLC) $< -o $(@D)
	@touch $@

HOST_TMPFS_USERS := $(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_TMPFS_SRCS) tests/host/test_tmpfs.c) \
	$(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(HOST_TMPFS_SRCS) tests/host/fuzz/fuzz_tmpfs_cpio.c)
$(HOST_TMPFS_USERS): $(HOST_GEN)/fs/.stamp
$(foreach f,$(HOST_TMPFS_SRCS) tests/host/test_tmpfs.c tests/host/fuzz/fuzz_tmpfs_cpio.c, \
	$(eval HOST_XFLAGS_$(f) := -I$(HOST_GEN)/fs -D_DEFAULT_SOURCE))

# The fuzzer has the parser as an object of its own: the archive comes
# before these objects on the link line, and nothing before them uses it.
$(HOST_DIR)/test_tmpfs: $(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_TMPFS_SRCS))
$(HOST_DIR)/fuzz_tmpfs_cpio: $(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(HOST_TMPFS_SRCS) \
	kernel/lib/cpio.c)

# Seeds: the cpio fuzzer's.
$(HOST_DIR)/fuzz-seeds/tmpfs_cpio/.done: $(HOST_DIR)/fuzz-seeds/cpio/.done
	@rm -rf $(@D) && mkdir -p $(@D)
	cp $(HOST_DIR)/fuzz-seeds/cpio/seed.* $(@D)/
	@touch $@
host-fuzz: $(HOST_DIR)/fuzz-seeds/tmpfs_cpio/.done

-include $(patsubst %.c,$(HOST_DIR)/obj/%.d,$(HOST_TMPFS_SRCS)) \
	$(patsubst %.c,$(HOST_DIR)/fuzzobj/%.d,$(HOST_TMPFS_SRCS))

# test_vfs_perm: the VFS's permission rules (srv/vfs/perm.c) and its table
# of credentials (srv/vfs/creds.c).
HOST_VFS_PERM_SRCS := srv/vfs/perm.c srv/vfs/creds.c
$(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_VFS_PERM_SRCS)) \
	$(HOST_DIR)/obj/tests/host/test_vfs_perm.o: $(HOST_GEN)/fs/.stamp
$(foreach f,$(HOST_VFS_PERM_SRCS) tests/host/test_vfs_perm.c,\
	$(eval HOST_XFLAGS_$(f) := -I$(HOST_GEN)/fs))
$(HOST_DIR)/test_vfs_perm: $(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_VFS_PERM_SRCS))
-include $(patsubst %.c,$(HOST_DIR)/obj/%.d,$(HOST_VFS_PERM_SRCS))

# test_fscommon: the waiters and record locks every file server shares
# (srv/fscommon), with the two system calls they make recorded by the test
# (tests/host/fsfake/vg/vg.h) and their allocations failing on demand.
HOST_FSCOMMON_SRCS := srv/fscommon/waiters.c srv/fscommon/locks.c
$(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_FSCOMMON_SRCS)) \
	$(HOST_DIR)/obj/tests/host/test_fscommon.o: $(HOST_GEN)/fs/.stamp
$(foreach f,$(HOST_FSCOMMON_SRCS),$(eval HOST_XFLAGS_$(f) := -I$(HOST_GEN)/fs \
	-Itests/host/fsfake -Dmalloc=fscommon_malloc -Drealloc=fscommon_realloc))
HOST_XFLAGS_tests/host/test_fscommon.c := -I$(HOST_GEN)/fs -Itests/host/fsfake
$(HOST_DIR)/test_fscommon: $(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_FSCOMMON_SRCS))
-include $(patsubst %.c,$(HOST_DIR)/obj/%.d,$(HOST_FSCOMMON_SRCS))
