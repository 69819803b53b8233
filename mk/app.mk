# SPDX-License-Identifier: BSD-2-Clause
# The shell and the utilities (app/) built for Verdigris with our C library,
# staged into the initrd as /bin/sh, /bin/ls, ... (and "[" as test), with
# the scripts of the shell's suite under /test/sh and the in-OS scripts of
# the utilities (tests/utils/inos) under /test/utils, which the in-OS
# driver (tests/user/shtest.c) runs.
#
#   $(BUILD)/app/<name>        app/<name> as a static ELF (unstripped)
#   $(BUILD)/app/rootfs/       the tree passed to tools/mkinitrd.sh
#
# The sources are portable POSIX C (app/README.md): they see lib/c/include
# and the collections library's headers (lib/coll: vector, hash map, string
# builder, linked from libcoll.a) only, with the same feature macros as on
# the host. Included after mk/libc.mk.

APP_DIR := $(BUILD)/app
APP_OBJ := $(APP_DIR)/obj
APP_NAMES := sh $(sort $(filter-out lib sh,$(notdir $(patsubst %/,%,$(wildcard app/*/)))))
APP_PROGS := $(addprefix $(APP_DIR)/,$(APP_NAMES))
APP_LIB_OBJS := $(patsubst %,$(APP_OBJ)/%.o,$(sort $(wildcard app/lib/*.c)))
APP_CFLAGS := $(filter-out -I% -Wmissing-prototypes -Wstrict-prototypes -Wshadow,$(UCFLAGS)) \
	-Ilib/c/include -Ilib/coll/include -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700

# Utilities that speak to Verdigris itself (the kernel log, the VFS's
# mounts, memory figures, the process server's table, the clock chip) see
# libvg's headers and the generated IPC headers too; they are not built for
# the host (tests/utils/utils.mk): hwclock there would set the host's chip.
APP_NATIVE := dmesg free mount umount ps hwclock
$(foreach n,$(APP_NATIVE),$(eval $(patsubst %,$(APP_OBJ)/%.o,$(wildcard app/$(n)/*.c)): \
	APP_XFLAGS := -Iabi -Ilib/vg/include -Ilib/vg/arch/$(ARCH)/include -Ilib/ipc/include \
	-I$(IDL_GEN)/fs -I$(IDL_GEN)/proc))

$(APP_OBJ)/%.c.o: %.c mk/app.mk | $(IDL_STAMPS)
	@mkdir -p $(@D)
	@echo "  CC      $< (app)"
	@$(CC) $(APP_CFLAGS) $(APP_XFLAGS) -c $< -o $@

# The shell is all of app/sh; a utility is its directory plus app/lib.
APP_OBJS_sh := $(patsubst %,$(APP_OBJ)/%.o,$(sort $(wildcard app/sh/*.c)))
$(foreach n,$(filter-out sh,$(APP_NAMES)),$(eval APP_OBJS_$(n) := \
	$(patsubst %,$(APP_OBJ)/%.o,$(sort $(wildcard app/$(n)/*.c))) $(APP_LIB_OBJS)))

define app_link_rule
$(APP_DIR)/$(1): $(APP_OBJS_$(1)) $(LIBC_CRT1) $(LIBCOLL) $(LIBC) $(LIBVG_C) $(USER_LDSCRIPT) mk/app.mk
	@echo "  LD      $$@"
	@$$(LD) -nostdlib -static -z max-page-size=4096 -z noexecstack \
		$$(USER_LDFLAGS_$$(ARCH)) -T $$(USER_LDSCRIPT) -o $$@ \
		$(LIBC_CRT1) $(APP_OBJS_$(1)) $(LIBCOLL) $(LIBC) $(LIBVG_C)
endef
$(foreach n,$(APP_NAMES),$(eval $(call app_link_rule,$(n))))

APP_ROOT := $(APP_DIR)/rootfs
APP_ROOT_STAMP := $(APP_DIR)/rootfs.stamp
APP_TEST_FILES := $(filter-out tests/sh/run.sh,$(wildcard tests/sh/*.sh)) \
	$(wildcard tests/sh/*.out tests/sh/*.status) tests/sh/inos.skip
APP_UTIL_TEST_FILES := $(wildcard tests/utils/inos/*)
$(APP_ROOT_STAMP): $(APP_PROGS) $(APP_TEST_FILES) $(APP_UTIL_TEST_FILES) mk/app.mk
	@rm -rf $(APP_ROOT)
	@mkdir -p $(APP_ROOT)/bin $(APP_ROOT)/test/sh $(APP_ROOT)/test/utils
	@for p in $(APP_PROGS); do \
		$(OBJCOPY) $(STRIP_FOR_IMAGE) $$p $(APP_ROOT)/bin/$${p##*/} || exit 1; done
	@cp $(APP_ROOT)/bin/test '$(APP_ROOT)/bin/['
	@cp $(APP_TEST_FILES) $(APP_ROOT)/test/sh/
	@cp $(APP_UTIL_TEST_FILES) $(APP_ROOT)/test/utils/
	@touch $@
INITRD_STAGED += $(APP_ROOT)
$(INITRD): $(APP_ROOT_STAMP)

.PHONY: app
app: $(APP_ROOT_STAMP)
all: app

-include $(patsubst %.o,%.d,$(APP_LIB_OBJS) $(foreach n,$(APP_NAMES),$(APP_OBJS_$(n))))
