# SPDX-License-Identifier: BSD-2-Clause
# Dynamic linking (docs/ARCHITECTURE.md, section 16): position-independent
# builds of the C library and libvg, the shared C library, the dynamic
# loader, and the test programs and libraries of tests/user/dyn.
#
#   $(BUILD)/user/libc.so         the C library with libvg inside, -fPIC,
#                                 its TLS initial-exec (it is always loaded
#                                 at start, so its TLS is static)
#   $(BUILD)/user/libc_pic.a      the same objects as archives, for static
#   $(BUILD)/user/libvg-c_pic.a   position-independent executables
#   $(BUILD)/user/ld.so           lib/ld and libvg: a static PIE that only
#                                 has relative relocations (vg_spawn
#                                 applies them)
#
# The image gets /lib/ld.so, /lib/libc.so, the test libraries and the test
# programs (/bin/dyn*). Included from mk/libc.mk.

PIC_OBJ := $(USER_DIR)/pic
PIC_UCFLAGS := $(filter-out -fno-pic -fno-pie,$(UCFLAGS)) -fPIC
PIC_LIBC_CFLAGS := $(filter-out -fno-pic -fno-pie,$(LIBC_CFLAGS)) -fPIC -ftls-model=initial-exec
DYN_LDFLAGS := -z max-page-size=4096 -z noexecstack -z now --hash-style=gnu \
	$(USER_LDFLAGS_$(ARCH))

LIBC_SO := $(USER_DIR)/libc.so
LIBC_PIC := $(USER_DIR)/libc_pic.a
LIBVG_C_PIC := $(USER_DIR)/libvg-c_pic.a
LDSO := $(USER_DIR)/ld.so

PIC_LIBVG_OBJS := $(patsubst %,$(PIC_OBJ)/%.o,$(USER_LIB_SRCS))
PIC_LIBVG_C_OBJS := $(filter-out %/kernel/lib/string.c.o,$(PIC_LIBVG_OBJS))
PIC_LIBC_OBJS := $(patsubst %,$(PIC_OBJ)/%.o,$(LIBC_SRCS) $(LIBC_IPC_SRCS))
LDSO_SRCS := $(sort $(wildcard lib/ld/*.c)) $(wildcard lib/ld/arch/$(ARCH)/*.S) \
	lib/vg/arch/$(ARCH)/crt0.S
LDSO_OBJS := $(patsubst %,$(PIC_OBJ)/%.o,$(LDSO_SRCS))

$(PIC_OBJ)/lib/c/%.c.o: lib/c/%.c mk/dyn.mk mk/libc.mk mk/user.mk
	@mkdir -p $(@D)
	@echo "  CC      $< (libc, pic)"
	@$(CC) $(PIC_LIBC_CFLAGS) $(LIBC_XFLAGS) -c $< -o $@
$(patsubst %,$(PIC_OBJ)/%.o,$(LIBC_OS_SRCS)): LIBC_XFLAGS := $(LIBC_OS_XFLAGS)
$(patsubst %,$(PIC_OBJ)/%.o,$(LIBC_OS_SRCS)): | $(IDL_STAMPS)

$(PIC_OBJ)/%.c.o: %.c mk/dyn.mk mk/user.mk | $(USER_GEN_STAMPS)
	@mkdir -p $(@D)
	@echo "  CC      $< (pic)"
	@$(CC) $(PIC_UCFLAGS) $(UCFLAGS_EXTRA) -c $< -o $@
$(PIC_LIBVG_OBJS): UCFLAGS_EXTRA := -Dsnprintf=vg_snprintf -Dvsnprintf=vg_vsnprintf

$(PIC_OBJ)/%.S.o: %.S mk/dyn.mk
	@mkdir -p $(@D)
	@echo "  AS      $< (pic)"
	@$(CC) $(PIC_UCFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(LIBC_PIC): $(PIC_LIBC_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

$(LIBVG_C_PIC): $(PIC_LIBVG_C_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

# Undefined symbols are allowed (main, which the program defines).
$(LIBC_SO): $(PIC_LIBC_OBJS) $(PIC_LIBVG_C_OBJS)
	@echo "  LD      $@"
	@$(LD) -shared -soname libc.so $(DYN_LDFLAGS) -o $@ $^

# ld.so must need no loader of its own: refuse any relocation but the
# relative ones vg_spawn applies, and any TLS (it runs on the program's
# thread pointer once the program has started).
# It is linked with --gc-sections: only what it calls of libvg.
$(LDSO): $(LDSO_OBJS) $(PIC_LIBVG_OBJS)
	@echo "  LD      $@"
	@$(LD) -pie --no-dynamic-linker --gc-sections $(DYN_LDFLAGS) -e _start -o $@ $^
	@if llvm-readelf -r $@ | grep -q 'R_[A-Z0-9_]*' && llvm-readelf -r $@ | \
		grep 'R_[A-Z0-9_]*' | grep -qv 'RELATIVE'; then \
		echo "$@: relocations other than relative ones" >&2; rm -f $@; exit 1; fi
	@if llvm-readelf -l $@ | grep -q ' TLS '; then \
		echo "$@: ld.so must not use TLS" >&2; rm -f $@; exit 1; fi

# Test programs and libraries (tests/user/dyn): dyncheck.c and auxcheck.c
# linked four ways (static, static PIE, dynamic, dynamic PIE), dlmain.c dynamic, the
# shared objects dlmain opens, good and hostile (mkbad.py), and empty.c
# static and dynamic for `make bench` (tests/user/bench_dyn.c).
DYN_DIR := $(USER_DIR)/dyn
DYN_CFLAGS := $(UCFLAGS) -Ilib/c/include
DYN_PIC_CFLAGS := $(filter-out -fno-pic -fno-pie,$(DYN_CFLAGS))
$(USER_OBJ)/tests/user/dyn/%.c.o: UCFLAGS_EXTRA := -Ilib/c/include
$(PIC_OBJ)/tests/user/dyn/%.c.o: UCFLAGS_EXTRA := -Ilib/c/include
DYN_EXE_LINK = $(LD) $(DYN_LDFLAGS) -dynamic-linker /lib/ld.so -o $@ $(LIBC_CRT1) $(1) \
	$(LIBC_SO)

# A test program linked four ways (dyncheck.c, auxcheck.c): static, static
# PIE, against the shared C library, and as a PIE against it.
FOUR_WAYS := dyncheck auxcheck
$(DYN_DIR)/%-static: $(USER_OBJ)/tests/user/dyn/%.c.o $(LIBC) $(LIBVG_C) $(LIBC_CRT1) \
		$(USER_LDSCRIPT)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(LD) -nostdlib -static $(DYN_LDFLAGS) -T $(USER_LDSCRIPT) -o $@ $(LIBC_CRT1) $< \
		$(LIBC) $(LIBVG_C)
$(DYN_DIR)/%-pie: $(PIC_OBJ)/tests/user/dyn/%.c.o $(LIBC_PIC) $(LIBVG_C_PIC) $(LIBC_CRT1)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(LD) -pie --no-dynamic-linker $(DYN_LDFLAGS) -o $@ $(LIBC_CRT1) $< $(LIBC_PIC) \
		$(LIBVG_C_PIC)
$(addprefix $(DYN_DIR)/,$(FOUR_WAYS)): $(DYN_DIR)/%: $(USER_OBJ)/tests/user/dyn/%.c.o $(LIBC_SO) \
		$(LIBC_CRT1)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(call DYN_EXE_LINK,$<)
$(DYN_DIR)/%-dynpie: $(PIC_OBJ)/tests/user/dyn/%.c.o $(LIBC_SO) $(LIBC_CRT1)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(call DYN_EXE_LINK,-pie $<)
$(DYN_DIR)/dynempty-static: $(USER_OBJ)/tests/user/dyn/empty.c.o $(LIBC) $(LIBVG_C) \
		$(LIBC_CRT1) $(USER_LDSCRIPT)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(LD) -nostdlib -static $(DYN_LDFLAGS) -T $(USER_LDSCRIPT) -o $@ $(LIBC_CRT1) $< \
		$(LIBC) $(LIBVG_C)
$(DYN_DIR)/dynempty: $(USER_OBJ)/tests/user/dyn/empty.c.o $(LIBC_SO) $(LIBC_CRT1)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(call DYN_EXE_LINK,$<)
# spawnee (t_spawn.c) as a static PIE, which vg_spawn maps from the
# archive and relocates.
$(DYN_DIR)/spawnee-pie: $(PIC_OBJ)/tests/user/spawnee.c.o \
		$(PIC_OBJ)/lib/vg/arch/$(ARCH)/crt0.S.o $(PIC_LIBVG_OBJS)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(LD) -pie --no-dynamic-linker $(DYN_LDFLAGS) -e _start -o $@ $^
$(DYN_DIR)/dlmain: $(USER_OBJ)/tests/user/dyn/dlmain.c.o $(LIBC_SO) $(LIBC_CRT1)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(call DYN_EXE_LINK,$<)
$(DYN_DIR)/libdyntest.so: $(PIC_OBJ)/tests/user/dyn/libdyntest.c.o $(LIBC_SO)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(LD) -shared -soname libdyntest.so $(DYN_LDFLAGS) -o $@ $< $(LIBC_SO)
$(DYN_DIR)/libdynplain.so: $(PIC_OBJ)/tests/user/dyn/libdynplain.c.o
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(LD) -shared -soname libdynplain.so $(DYN_LDFLAGS) -o $@ $<
# A program that crashes inside libdynplain.so: its crash report names the
# library's function.
$(DYN_DIR)/dyncrash: $(USER_OBJ)/tests/user/dyn/dyncrash.c.o $(DYN_DIR)/libdynplain.so \
		$(LIBC_SO) $(LIBC_CRT1)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(call DYN_EXE_LINK,$< $(DYN_DIR)/libdynplain.so)
# A program needing a library the image does not have in /lib: ld.so
# refuses it (unless LD_LIBRARY_PATH names lib/alt).
$(DYN_DIR)/libnotinstalled.so: $(PIC_OBJ)/tests/user/dyn/libdynplain.c.o
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(LD) -shared -soname libnotinstalled.so $(DYN_LDFLAGS) -o $@ $<
$(DYN_DIR)/dynmissing: $(USER_OBJ)/tests/user/dyn/empty.c.o $(DYN_DIR)/libnotinstalled.so \
		$(LIBC_SO) $(LIBC_CRT1)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(call DYN_EXE_LINK,$< $(DYN_DIR)/libnotinstalled.so)
# LD_PRELOAD (t_dyn.c, t_setuid.c): libdynpre.so's getpagesize comes
# before libc.so's for dynpreload.
$(DYN_DIR)/libdynpre.so: $(PIC_OBJ)/tests/user/dyn/libdynpre.c.o $(LIBC_SO)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(LD) -shared -soname libdynpre.so $(DYN_LDFLAGS) -o $@ $< $(LIBC_SO)
$(DYN_DIR)/dynpreload: $(USER_OBJ)/tests/user/dyn/preload.c.o $(LIBC_SO) $(LIBC_CRT1)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(call DYN_EXE_LINK,$<)
$(DYN_DIR)/libbad.stamp: $(DYN_DIR)/libdyntest.so tests/user/dyn/mkbad.py
	@echo "  MKBAD   $(@D)/libbad-*.so"
	@python3 tests/user/dyn/mkbad.py $< $(@D)
	@touch $@

DYN_PROGS := $(foreach p,$(FOUR_WAYS),$(p)-static $(p)-pie $(p) $(p)-dynpie) dlmain \
	dynempty-static dynempty dynmissing dyncrash dynpreload spawnee-pie
DYN_ROOT := $(USER_DIR)/dynroot
DYN_ROOT_STAMP := $(USER_DIR)/dynroot.stamp
# libnotinstalled.so is in lib/alt, where ld.so looks only when
# LD_LIBRARY_PATH says so (lib/ld/env.c; tests t_dyn.c and t_setuid.c).
$(DYN_ROOT_STAMP): $(addprefix $(DYN_DIR)/,$(DYN_PROGS) libdyntest.so libdynplain.so libbad.stamp \
		libnotinstalled.so libdynpre.so) $(LIBC_SO) $(LDSO) mk/dyn.mk
	@rm -rf $(DYN_ROOT)
	@mkdir -p $(DYN_ROOT)/bin $(DYN_ROOT)/lib/alt
	@$(OBJCOPY) --strip-unneeded $(DYN_DIR)/libnotinstalled.so $(DYN_ROOT)/lib/alt/libnotinstalled.so
	@for p in $(DYN_PROGS); do \
		$(OBJCOPY) $(STRIP_FOR_IMAGE) $(DYN_DIR)/$$p $(DYN_ROOT)/bin/$$p || exit 1; done
	@$(OBJCOPY) --strip-all $(LDSO) $(DYN_ROOT)/lib/ld.so
	@$(OBJCOPY) --strip-unneeded $(LIBC_SO) $(DYN_ROOT)/lib/libc.so
	@for l in libdyntest.so libdynplain.so libdynpre.so; do \
		$(OBJCOPY) --strip-unneeded $(DYN_DIR)/$$l $(DYN_ROOT)/lib/$$l || exit 1; done
	@cp $(DYN_DIR)/libbad-*.so $(DYN_ROOT)/lib/
	@touch $@
INITRD_STAGED += $(DYN_ROOT)
$(INITRD): $(DYN_ROOT_STAMP)

.PHONY: dyn
dyn: $(DYN_ROOT_STAMP) $(LIBC_PIC) $(LIBVG_C_PIC)
user: dyn

-include $(PIC_LIBVG_OBJS:.o=.d) $(PIC_LIBC_OBJS:.o=.d) $(LDSO_OBJS:.o=.d) \
	$(PIC_OBJ)/tests/user/dyn/*.d $(USER_OBJ)/tests/user/dyn/*.d
