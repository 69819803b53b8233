# SPDX-License-Identifier: BSD-2-Clause
# User space: libvg (the native runtime, lib/vg/) and the programs linked
# with it, built for $(ARCH)/$(MODE) under $(BUILD)/user/ and staged into
# the initrd under /bin/.
#
#   $(BUILD)/user/libvg.a        start-up (C half), log output, the kernel's
#                                formatter and string functions
#   $(BUILD)/user/crt0.o         _start, linked first into every program
#   $(BUILD)/user/<name>         tests/user/<name>.c as a static ELF64
#   $(BUILD)/user/rootfs/bin/    the same programs without debug info
#                                (their .symtab stays: crash reports name
#                                functions from it; llvm-symbolizer on the
#                                programs above gives lines); a tree passed
#                                to tools/mkinitrd.sh
#
#   make user          build all of the above
#   make user-disasm   disassemble the programs, then every generated stub
#                      and primitive (lib/vg/stubcheck.c, compiled only)
#
# Included after the arch fragment: it needs TARGET.

USER_DIR := $(BUILD)/user
USER_OBJ := $(USER_DIR)/obj
USER_AR := llvm-ar
USER_OBJDUMP := llvm-objdump

# User code may use FP/SIMD (unlike the kernel: no -mgeneral-regs-only,
# -mno-sse or integer-only -march here); the kernel saves that state per
# thread. RISC-V: rv64gc with the hard-float ABI (clang 14 spells it plain
# "rv64gc", no _zicsr_zifencei); medany for code anywhere in the address
# space; -mno-relax as for the kernel (lld 14 does not relax, and crt0 sets
# up no gp).
USER_ARCH_CFLAGS_x86_64 :=
USER_ARCH_CFLAGS_aarch64 :=
USER_ARCH_CFLAGS_riscv64 := -march=rv64gc -mabi=lp64d -mcmodel=medany -mno-relax
# RISC-V objects keep their .L labels as symbols (see the kernel's arch.mk);
# dropped so that disassembly and symbolizers show function names.
USER_LDFLAGS_riscv64 := --discard-locals

# No PIE for now: programs are linked at a fixed address (lib/vg/user.ld).
# Frame pointers everywhere, as in the kernel, for cheap backtraces.
# -Ikernel/include: until there is a libc, the string functions libvg has
# (memcmp, strlen, ...) are declared by the header beside their definition,
# <kernel/string.h>; only the pure headers of kernel/lib are meant for user
# code.
UCFLAGS := --target=$(TARGET) -std=c11 -ffreestanding -nostdinc -isystem $(CLANG_INC) \
	-fno-stack-protector -fno-pic -fno-pie -fno-omit-frame-pointer \
	-mno-omit-leaf-frame-pointer -fno-common -g $(OPT_$(MODE)) \
	-Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
	-Iabi -Ilib/vg/include -Ilib/vg/arch/$(ARCH)/include -Ikernel/include -Ilib/ld/include -MMD -MP \
	$(USER_ARCH_CFLAGS_$(ARCH))

# libvg reuses the kernel's pure formatter, string functions and validating
# ELF and cpio parsers (freestanding, no kernel state; the host tests and
# fuzzers already prove them) instead of a second copy. Their snprintf and
# vsnprintf are renamed vg_*, so that a libc linked later can have the
# standard names.
USER_LIB_SRCS := lib/vg/start.c lib/vg/print.c lib/vg/thread.c lib/vg/tls.c lib/vg/ipc.c lib/vg/ipc_rt.c \
	lib/vg/lock.c 	lib/vg/spawn.c lib/vg/elfmap.c lib/vg/initrd.c lib/ld/dyn.c kernel/lib/elf.c kernel/lib/cpio.c kernel/lib/fmt.c \
	kernel/lib/string.c
USER_LIB_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(USER_LIB_SRCS))
USER_LIB := $(USER_DIR)/libvg.a
USER_CRT0 := $(USER_DIR)/crt0.o
USER_LDSCRIPT := lib/vg/user.ld
USER_STUBCHECK := $(USER_OBJ)/lib/vg/stubcheck.c.o

$(USER_LIB_OBJS): UCFLAGS_EXTRA := -Dsnprintf=vg_snprintf -Dvsnprintf=vg_vsnprintf

# lib/ipc, the RPC runtime, and lib/async, the event loop (see below).
USER_IPC_LIB := $(USER_DIR)/libipc.a
USER_IPC_OBJS := $(patsubst %,$(USER_OBJ)/%.o,lib/ipc/msg.c lib/ipc/serve.c)
USER_ASYNC_LIB := $(USER_DIR)/libasync.a
USER_ASYNC_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(sort $(wildcard lib/async/*.c)))

# Generated code for the target: idlc writes $(IDL_GEN)/<file>/ from each
# idl/<file>.idl (tools/idlc/idlc.mk) and $(USER_IDL_GEN) from the tests'
# kitchen.idl (below); C sources there compile like any other, and every
# user object waits for them (order-only), as any may include a generated
# header.
USER_IDL_DIRS := $(patsubst idl/%.idl,$(IDL_GEN)/%,$(wildcard idl/*.idl))
USER_IDL_GEN := $(USER_DIR)/gen/kitchen
USER_GEN_STAMPS := $(IDL_STAMPS) $(USER_IDL_GEN)/.stamp
UCFLAGS += -Ilib/ipc/include -Ilib/async/include $(addprefix -I,$(USER_IDL_DIRS) $(USER_IDL_GEN))
# The generated sources of one idl/<file>.idl (clients and server).
user_idl_srcs = $(IDL_GEN)/$(1)/$(1)_client.c $(IDL_GEN)/$(1)/$(1)_server.c \
	$(IDL_GEN)/$(1)/$(1)_async.c
$(foreach d,$(USER_IDL_DIRS),$(eval $(d)/%.c: $(d)/.stamp ;))
# They are reached only through that pattern rule, which would make them
# intermediate files that make deletes after each build.
.SECONDARY: $(foreach n,$(patsubst idl/%.idl,%,$(wildcard idl/*.idl)),$(call user_idl_srcs,$(n)))

# Programs: each tests/user/<name>.c holding main() is one, linked with the
# sources its USER_EXTRA_<name> lists (which are not programs themselves);
# each server srv/<name>/ is one too, all of its sources with main.c among
# them, plus what its USER_EXTRA_<name> lists. The tests start servers from
# the initrd with vg_spawn, as programs of their own.
SRV_NAMES := $(patsubst srv/%/main.c,%,$(wildcard srv/*/main.c))
# Native commands (bin/<name>/, linked with the C library): tools that
# speak the system's protocols, unlike the portable utilities of app/.
BIN_NAMES := $(patsubst bin/%/main.c,%,$(wildcard bin/*/main.c))
$(foreach p,$(BIN_NAMES),$(eval USER_START_$(p) := $(USER_DIR)/crt1.o))
$(foreach p,$(BIN_NAMES),$(eval USER_LIBS_$(p) := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a))
$(patsubst %,$(USER_OBJ)/%.o,$(wildcard bin/*/*.c)): UCFLAGS_EXTRA := -Ilib/c/include
USER_EXTRA_svc := $(call user_idl_srcs,init) $(call user_idl_srcs,bus)
USER_EXTRA_bus := $(call user_idl_srcs,bus)
USER_KITCHEN_SRCS := $(USER_IDL_GEN)/kitchen_client.c $(USER_IDL_GEN)/kitchen_server.c \
	$(USER_IDL_GEN)/kitchen_async.c
USER_EXTRA_kitchen := tests/user/kitchen_svc.c $(USER_KITCHEN_SRCS) $(call user_idl_srcs,bus)
# The in-OS test runner (bin/testrun: the root task of test and benchmark
# boots, init= on the command line) and init (srv/init: the default root
# task, linked with the C library; docs/ARCHITECTURE.md, section 19).
USER_EXTRA_testrun := tests/user/bench.c tests/user/bench_report.c tests/user/bench_ipc.c \
	tests/user/bench_vfs.c tests/user/bench_pipe.c tests/user/bench_dyn.c tests/user/bench_proc.c \
	tests/user/kitchen_svc.c \
	$(sort $(wildcard tests/user/utest/*.c)) $(sort $(wildcard tests/user/arch/$(ARCH)/*.S)) srv/bus/client.c \
	$(call user_idl_srcs,bus) $(call user_idl_srcs,devmgr) $(USER_KITCHEN_SRCS) \
	$(IDL_GEN)/fs/fs_server.c $(CONFORM_AREA_SRCS) $(CONFORM_EXPECT)
USER_EXTRA_initcheck := $(call user_idl_srcs,init) $(call user_idl_srcs,bus)
USER_EXTRA_init := $(call user_idl_srcs,init) $(call user_idl_srcs,bus) $(call user_idl_srcs,fs) \
	$(call user_idl_srcs,proc)
USER_START_init := $(USER_DIR)/crt1.o
USER_LIBS_init := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a
$(patsubst %,$(USER_OBJ)/%.o,$(wildcard srv/init/*.c)): UCFLAGS_EXTRA := -Ilib/c/include
# The filesystem servers (docs/ARCHITECTURE.md, section 17). tmpfs allocates,
# so it is linked with the C library.
# srv/fscommon holds what every filesystem server shares (open files,
# locks) and the serving loop of the device servers (device.c).
FSCOMMON_SRCS := $(filter-out srv/fscommon/device.c,$(wildcard srv/fscommon/*.c))
USER_EXTRA_vfs := $(call user_idl_srcs,fs) $(IDL_GEN)/proc/proc_client.c
USER_EXTRA_tmpfs := $(call user_idl_srcs,fs) $(FSCOMMON_SRCS)
# Device servers announce their devices to the device manager
# (srv/devmgr, docs/ARCHITECTURE.md section 20) from the serving loop.
FSDEVICE_SRCS := $(call user_idl_srcs,fs) $(FSCOMMON_SRCS) srv/fscommon/device.c \
	$(call user_idl_srcs,devmgr)
USER_EXTRA_memdev := $(FSDEVICE_SRCS)
USER_START_tmpfs := $(USER_DIR)/crt1.o
USER_LIBS_tmpfs := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a
USER_START_memdev := $(USER_DIR)/crt1.o
USER_LIBS_memdev := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a
USER_EXTRA_pipe := $(FSDEVICE_SRCS)
USER_START_pipe := $(USER_DIR)/crt1.o
USER_LIBS_pipe := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a
$(patsubst %,$(USER_OBJ)/%.o,$(wildcard srv/tmpfs/*.c srv/memdev/*.c srv/pipe/*.c srv/fscommon/*.c)): \
	UCFLAGS_EXTRA := -Ilib/c/include
# The terminal servers share srv/tty (the line discipline and the
# terminal calls): the console (srv/console), also the console UART's
# driver (drv/char/uart), and the pseudo-terminals (srv/pty).
TTY_SRCS := $(FSDEVICE_SRCS) $(sort $(wildcard srv/tty/*.c)) $(call user_idl_srcs,proc)
USER_EXTRA_console := $(TTY_SRCS) $(sort $(wildcard drv/char/uart/*.c)) drv/lib/devregs.c
USER_START_console := $(USER_DIR)/crt1.o
USER_LIBS_console := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a
$(patsubst %,$(USER_OBJ)/%.o,$(wildcard srv/console/*.c drv/char/uart/*.c)): \
	UCFLAGS_EXTRA := -Ilib/c/include -Idrv/char/uart
USER_EXTRA_pty := $(TTY_SRCS)
USER_START_pty := $(USER_DIR)/crt1.o
USER_LIBS_pty := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a
$(patsubst %,$(USER_OBJ)/%.o,$(wildcard srv/pty/*.c srv/tty/*.c)): UCFLAGS_EXTRA := -Ilib/c/include
# The wall clock's setter and /dev/rtc0's server (srv/rtc, a device server
# linked with the C library) and the real-time clock chips it reads and
# writes (drv/rtc); the CMOS clock's port I/O exists on x86 only.
RTC_DRV_SRCS := drv/rtc/calendar.c drv/rtc/cmos_decode.c drv/rtc/goldfish.c drv/rtc/pl031.c \
	drv/rtc/rtc.c drv/lib/devregs.c
RTC_DRV_SRCS_x86_64 := drv/rtc/cmos.c
USER_EXTRA_rtc := $(RTC_DRV_SRCS) $(RTC_DRV_SRCS_$(ARCH)) $(FSDEVICE_SRCS)
USER_START_rtc := $(USER_DIR)/crt1.o
USER_LIBS_rtc := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a
$(patsubst %,$(USER_OBJ)/%.o,$(wildcard srv/rtc/*.c)): UCFLAGS_EXTRA := -Ilib/c/include
# The device manager (srv/devmgr, section 20), linked with the C library
# (it reads its rules with stdio).
USER_EXTRA_devmgr := $(call user_idl_srcs,devmgr) $(call user_idl_srcs,fs) $(call user_idl_srcs,bus)
USER_START_devmgr := $(USER_DIR)/crt1.o
USER_LIBS_devmgr := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a
$(patsubst %,$(USER_OBJ)/%.o,$(wildcard srv/devmgr/*.c)): UCFLAGS_EXTRA := -Ilib/c/include
USER_EXTRA_proc := $(call user_idl_srcs,proc)
USER_EXTRA_proc_bench := tests/user/bench_report.c
# The shell's suite inside the OS (tests/user/shtest.c): the root task of a
# boot of its own, starting the file system and the process server as the
# tests do.
USER_EXTRA_shtest := tests/user/utest/vfs_up.c tests/user/utest/proc_server.c tests/user/utest/rtc_up.c \
	$(call user_idl_srcs,devmgr) $(call user_idl_srcs,bus)
# The fork-hang hunt's root task (tests/user/forkloop.c, tools/forkloop.py).
USER_EXTRA_forkloop := tests/user/utest/forkrun.c tests/user/utest/memacct.c $(USER_EXTRA_shtest)
USER_EXTRA_SRCS := $(foreach v,$(filter USER_EXTRA_%,$(.VARIABLES)),$($(v)))
USER_TEST_NAMES := $(patsubst tests/user/%.c,%, \
	$(filter-out $(USER_EXTRA_SRCS),$(sort $(wildcard tests/user/*.c))))
USER_PROG_NAMES := $(USER_TEST_NAMES) $(SRV_NAMES) $(BIN_NAMES)
USER_PROGS := $(addprefix $(USER_DIR)/,$(USER_PROG_NAMES))
USER_PROG_SRCS := $(wildcard tests/user/*.c tests/user/utest/*.c srv/*/*.c bin/*/*.c)
USER_PROG_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(USER_PROG_SRCS) $(USER_EXTRA_SRCS))
USER_ROOT := $(USER_DIR)/rootfs
USER_ROOT_STAMP := $(USER_DIR)/rootfs.stamp

# Everything also depends on this file: a changed flag rebuilds the little
# there is of user space.
$(USER_OBJ)/%.c.o: %.c mk/user.mk | $(USER_GEN_STAMPS)
	@mkdir -p $(@D)
	@echo "  CC      $< (user)"
	@$(CC) $(UCFLAGS) $(UCFLAGS_EXTRA) -c $< -o $@

$(USER_OBJ)/%.S.o: %.S mk/user.mk
	@mkdir -p $(@D)
	@echo "  AS      $< (user)"
	@$(CC) $(UCFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(USER_CRT0): $(USER_OBJ)/lib/vg/arch/$(ARCH)/crt0.S.o
	@cp $< $@

$(USER_LIB): $(USER_LIB_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

# Programs linked with the C library (mk/libc.mk): crt1.o, libc.a and
# libvg-c.a instead of crt0.o and libvg.a, and lib/c/include for their
# sources. The root task is one, so that its tests exercise the library.
# Programs linked with the C library (tests/user/<name>.c).
USER_LIBC_PROGS := testrun initcheck svccheck proc_child procx_child proc_bench sigchild fdchild \
	memchild pipechild pshared_child permchild credchild shtest nicechild filechild sigstate forkstress \
	forkstorm forkloop
$(foreach p,$(USER_LIBC_PROGS),$(eval USER_START_$(p) := $(USER_DIR)/crt1.o))
$(foreach p,$(USER_LIBC_PROGS),$(eval USER_LIBS_$(p) := $(USER_DIR)/libc.a $(USER_DIR)/libvg-c.a))
$(patsubst %,$(USER_OBJ)/%.o,$(foreach p,$(USER_LIBC_PROGS),tests/user/$(p).c) $(USER_EXTRA_testrun)): \
	UCFLAGS_EXTRA := -Ilib/c/include
# The conformance tables (tests/conform/conform.mk) include their header.
$(USER_OBJ)/$(CONFORM_EXPECT).o: UCFLAGS_EXTRA := -Ilib/c/include -Itests/conform

# crt0 (or crt1) first, the libraries last, each before those it uses (an
# archive only supplies what is still undefined). Every program is checked
# after the link: no segment may be both writable and executable
# (llvm-objdump -p prints each segment's "flags rwx").
define user_link_rule
$(USER_DIR)/$(1): $(2) $(or $(USER_START_$(1)),$(USER_CRT0)) \
		$(USER_ASYNC_LIB) $(USER_IPC_LIB) $(or $(USER_LIBS_$(1)),$(USER_LIB)) \
		$(USER_LDSCRIPT) mk/user.mk
	@echo "  LD      $$@"
	@$$(LD) -nostdlib -static -z max-page-size=4096 -z noexecstack \
		$$(USER_LDFLAGS_$$(ARCH)) -T $$(USER_LDSCRIPT) -o $$@ \
		$(or $(USER_START_$(1)),$(USER_CRT0)) $(2) \
		$(USER_ASYNC_LIB) $(USER_IPC_LIB) $(or $(USER_LIBS_$(1)),$(USER_LIB))
	@if $$(USER_OBJDUMP) -p $$@ | grep -q 'flags .wx'; then \
		echo "$$@: a segment is writable and executable" >&2; rm -f $$@; exit 1; fi
endef
$(foreach p,$(USER_TEST_NAMES),$(eval $(call user_link_rule,$(p),$(patsubst \
	%,$(USER_OBJ)/%.o,tests/user/$(p).c $(USER_EXTRA_$(p))))))
$(foreach p,$(SRV_NAMES),$(eval $(call user_link_rule,$(p),$(patsubst \
	%,$(USER_OBJ)/%.o,$(sort $(wildcard srv/$(p)/*.c)) $(USER_EXTRA_$(p))))))
$(foreach p,$(BIN_NAMES),$(eval $(call user_link_rule,$(p),$(patsubst \
	%,$(USER_OBJ)/%.o,$(sort $(wildcard bin/$(p)/*.c)) $(USER_EXTRA_$(p))))))

# The staged tree is rebuilt whole, so a program that is gone from the
# sources is gone from the image too. It has the empty directories the boot
# layout mounts filesystems on (docs/ARCHITECTURE.md, section 17).
$(USER_ROOT_STAMP): $(USER_PROGS) mk/user.mk
	@rm -rf $(USER_ROOT)
	@mkdir -p $(USER_ROOT)/bin $(USER_ROOT)/tmp $(USER_ROOT)/run $(USER_ROOT)/dev \
		$(USER_ROOT)/home $(USER_ROOT)/root
	@for p in $(USER_PROGS); do \
		$(OBJCOPY) $(STRIP_FOR_IMAGE) $$p $(USER_ROOT)/bin/$${p##*/} || exit 1; done
	@touch $@

# The initrd (mk/initrd.mk) takes the staged tree between rootfs/ and
# IMAGE_EXTRA, which may still override a program.
INITRD_STAGED += $(USER_ROOT)
$(INITRD): $(USER_ROOT_STAMP)

# lib/ipc, the RPC runtime (docs/IPC.md), and lib/async, the event loop and
# futures (docs/IPC.md, section 8), as libraries for programs; the code idlc
# generates from tests/idl/kitchen.idl (every parameter kind) is linked into
# init (the clients, and the service for the benchmarks) and into bin/kitchen
# (the service the in-OS tests start). The transport calls they need come
# with libvg.

$(USER_IPC_LIB): $(USER_IPC_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

$(USER_ASYNC_LIB): $(USER_ASYNC_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

$(USER_IDL_GEN)/.stamp: tests/idl/kitchen.idl $(IDLC)
	@rm -rf $(@D) && mkdir -p $(@D)
	@echo "  IDLC    $<"
	@$(IDLC) $< -o $(@D)
	@touch $@
$(USER_KITCHEN_SRCS): $(USER_IDL_GEN)/.stamp ;

.PHONY: user user-disasm
user: $(USER_PROGS) $(USER_ROOT_STAMP) $(USER_STUBCHECK) $(USER_IPC_LIB) $(USER_ASYNC_LIB)
all: user

user-disasm: user
	@for p in $(USER_PROGS); do \
		$(USER_OBJDUMP) -d --no-show-raw-insn $$p; done
	@$(USER_OBJDUMP) -dr --no-show-raw-insn $(USER_STUBCHECK)

-include $(USER_LIB_OBJS:.o=.d) $(USER_STUBCHECK:.o=.d) $(USER_PROG_OBJS:.o=.d) \
	$(USER_IPC_OBJS:.o=.d) $(USER_ASYNC_OBJS:.o=.d) \
	$(USER_OBJ)/lib/vg/arch/$(ARCH)/crt0.S.d
