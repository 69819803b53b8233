# SPDX-License-Identifier: BSD-2-Clause
# The C library's portable core (lib/c) and the collections library
# (lib/coll) as static archives for $(ARCH)/$(MODE), compiled freestanding
# against our own headers only (lib/c/include and the compiler's):
#
#   $(BUILD)/user/libc.a      string.h, strings.h, ctype.h, stdlib.h's
#                             conversions, sorting and arithmetic, the
#                             printf and scanf engines on strings
#   $(BUILD)/user/libcoll.a   vector, hash map, string builder (-fPIC)
#
# libc.a also holds the OS layer (lib/c/os/<part>/*.c: start-up and exit,
# the allocator, threads, stdio streams, clocks) and the assembly of
# lib/c/arch/$(ARCH) (setjmp, the exit stubs). The OS layer sees libvg's
# headers; the portable core (lib/c/<part>/*.c) sees only ours and the
# compiler's, which the host tests rely on. Programs linked with the C
# library start at crt1.o and link libc.a, then libvg-c.a: libvg without
# the kernel's string functions, which libc.a has.
#
#   $(BUILD)/user/crt1.o      _start for C library programs
#   $(BUILD)/user/libvg-c.a   libvg for C library programs
#
# Included after mk/user.mk.

LIBC_OS_SRCS := $(sort $(wildcard lib/c/os/*/*.c))
LIBC_ARCH_SRCS := lib/c/arch/$(ARCH)/setjmp.S lib/c/arch/$(ARCH)/thread_exit.S \
	lib/c/arch/$(ARCH)/fenv.S lib/c/arch/$(ARCH)/callstack.S
LIBC_SRCS := $(sort $(wildcard lib/c/*/*.c)) $(LIBC_OS_SRCS) $(LIBC_ARCH_SRCS)
LIBCOLL_SRCS := $(sort $(wildcard lib/coll/*.c))
LIBC_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(LIBC_SRCS))
LIBC_CRT1 := $(USER_DIR)/crt1.o
LIBVG_C := $(USER_DIR)/libvg-c.a
LIBCOLL_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(LIBCOLL_SRCS))
LIBC := $(USER_DIR)/libc.a
LIBCOLL := $(USER_DIR)/libcoll.a

# The user flags without their include paths (no kernel or libvg headers),
# and -fno-builtin: the library defines what the compiler would call.
LIBC_CFLAGS := $(filter-out -I%,$(UCFLAGS)) -fno-builtin -Ilib/c/include -Ilib/coll/include
LIBC_OS_XFLAGS := -Iabi -Ilib/vg/include -Ilib/vg/arch/$(ARCH)/include -Ilib/ipc/include \
	-I$(IDL_GEN)/fs -I$(IDL_GEN)/proc
$(patsubst %,$(USER_OBJ)/%.o,$(LIBC_OS_SRCS)): LIBC_XFLAGS := $(LIBC_OS_XFLAGS)
# The descriptor layer (lib/c/os/fd) speaks the filesystem protocol and
# lib/c/os/proc the process server's: their generated client stubs, and the message encoding they use (lib/ipc/msg.c,
# also in libipc.a: whichever comes first on a link line serves), are part
# of the library, so that programs linked with libc alone (the SDK's) have
# them.
$(patsubst %,$(USER_OBJ)/%.o,$(LIBC_OS_SRCS)): | $(IDL_STAMPS)
LIBC_IPC_SRCS := $(IDL_GEN)/fs/fs_client.c $(IDL_GEN)/proc/proc_client.c lib/ipc/msg.c
LIBC_OBJS += $(patsubst %,$(USER_OBJ)/%.o,$(LIBC_IPC_SRCS))

$(USER_OBJ)/lib/c/%.c.o: lib/c/%.c mk/libc.mk mk/user.mk | $(USER_GEN_STAMPS)
	@mkdir -p $(@D)
	@echo "  CC      $< (libc)"
	@$(CC) $(LIBC_CFLAGS) $(LIBC_XFLAGS) -c $< -o $@

$(LIBC_CRT1): $(USER_OBJ)/lib/c/arch/$(ARCH)/crt1.S.o
	@cp $< $@

$(LIBVG_C): $(filter-out %/kernel/lib/string.c.o,$(USER_LIB_OBJS))
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

# libcoll is position-independent, so that shared objects can link it too
# (the SDK's `cc -shared ... -lcoll`); static programs lose little.
$(USER_OBJ)/lib/coll/%.c.o: lib/coll/%.c mk/libc.mk mk/user.mk
	@mkdir -p $(@D)
	@echo "  CC      $< (libcoll, pic)"
	@$(CC) $(filter-out -fno-pic -fno-pie,$(LIBC_CFLAGS)) -fPIC -c $< -o $@

$(LIBC): $(LIBC_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

$(LIBCOLL): $(LIBCOLL_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

.PHONY: libc
libc: $(LIBC) $(LIBCOLL) $(LIBC_CRT1) $(LIBVG_C)
user: libc

-include $(LIBC_OBJS:.o=.d) $(LIBCOLL_OBJS:.o=.d) $(USER_OBJ)/lib/c/arch/$(ARCH)/crt1.S.d

include mk/dyn.mk
