# SPDX-License-Identifier: BSD-2-Clause
# Host unit tests and fuzzers of the kernel's pure code (kernel/lib and parts
# of kernel/core), compiled for the host with ASan and UBSan.
#
#   make host-test       build every suite into build/host/ and run it
#   make host-fuzz       bounded libFuzzer runs with fixed seeds
#
# One suite, or some of its cases (a pattern is a suite name, suite.case or a
# glob over suite.case; run from the top of the tree so that test data under
# build/host/data is found):
#   make build/host/test_fdt host-test-data && build/host/test_fdt 'fdt.reg*'
#   build/host/test_fdt --list
# HOST_TEST_VERBOSE=1 shows what the tested code logs through klog.

HOST_CC := clang
HOST_AR := llvm-ar
HOST_DIR := build/host
HOST_DATA := $(HOST_DIR)/data
HOST_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
HOST_WARN := -std=c11 -g -O1 -Wall -Wextra -Werror -Ikernel/include -Iabi \
	-Itests/host/include -Itests/host/fakearch -Ilib/coll/include -Ilib/ipc/include -Ilib/ld/include \
	-I$(HOST_DIR)/gen/kitchen -MMD -MP
HOST_CFLAGS := $(HOST_WARN) $(HOST_SAN)
# Fuzzers: the same code with libFuzzer's coverage instrumentation.
HOST_FUZZ_CFLAGS := $(HOST_WARN) -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all

# The kernel code under test, plus host stand-ins for what it calls.
HOST_KSRCS := $(sort $(wildcard lib/coll/*.c)) kernel/lib/fmt.c kernel/lib/fdt.c kernel/lib/frames.c kernel/lib/heap.c \
	kernel/lib/pagetable.c kernel/lib/logring.c kernel/lib/string.c kernel/lib/range.c \
	kernel/core/bootinfo.c kernel/core/fdt_boot.c kernel/lib/cpio.c kernel/lib/elf.c lib/ld/dyn.c \
	srv/proc/argblock.c srv/tty/ldisc.c srv/init/svcdef.c srv/init/depgraph.c srv/init/binding.c \
	srv/devmgr/rules.c drv/rtc/calendar.c drv/rtc/cmos_decode.c kernel/core/fdt_rtc.c \
	kernel/lib/hwcap.c srv/proc/chacha20.c
HOST_SUPPORT := tests/host/support/klog_stub.c tests/host/support/kstring_shim.c \
	tests/host/support/fdt_walk.c
HOST_LIBSRCS := $(HOST_KSRCS) $(HOST_SUPPORT)

# fmt.c and string.c define functions the C library has too: rename them so
# both live in one program and the tests can compare the two.
HOST_XFLAGS_kernel/lib/fmt.c := -Dsnprintf=kfmt_snprintf -Dvsnprintf=kfmt_vsnprintf
HOST_XFLAGS_kernel/lib/string.c := -include tests/host/include/kstring_rename.h -fno-builtin

# The C library (lib/c), compiled as for the targets (freestanding, our own
# headers) and then renamed: every symbol it defines gets the prefix vgc_,
# so that it links into a host program beside glibc and the tests compare
# the two (tests/host/include/vgc.h declares the renamed functions).
HOST_LIBC_SRCS := $(sort $(wildcard lib/c/*/*.c))
HOST_LIBC_FLAGS := -std=c11 -g -O1 -ffreestanding -fno-builtin -nostdinc -isystem $(CLANG_INC) \
	-Ilib/c/include -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow -MMD -MP

$(HOST_DIR)/libcobj/%.o: %.c
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_LIBC_FLAGS) $(HOST_SAN) -c $< -o $@

$(HOST_DIR)/libcfuzzobj/%.o: %.c
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_LIBC_FLAGS) -fsanitize=fuzzer-no-link,address,undefined \
		-fno-sanitize-recover=all -c $< -o $@

# One relocatable object, its defined globals renamed (sanitizer symbols kept).
HOST_LIBC_RENAME = ld.lld -r -o $@.tmp $^ && \
	llvm-nm --defined-only --extern-only --format=just-symbols $@.tmp | \
	grep -v -e '^__asan' -e '^__sancov' -e '^__ubsan' | sed 's/.*/& vgc_&/' > $@.syms && \
	llvm-objcopy --redefine-syms=$@.syms $@.tmp $@ && rm -f $@.tmp
$(HOST_DIR)/libc-host.o: $(patsubst %.c,$(HOST_DIR)/libcobj/%.o,$(HOST_LIBC_SRCS))
	$(HOST_LIBC_RENAME)
$(HOST_DIR)/libc-fuzz.o: $(patsubst %.c,$(HOST_DIR)/libcfuzzobj/%.o,$(HOST_LIBC_SRCS))
	$(HOST_LIBC_RENAME)

HOST_TESTS := $(patsubst tests/host/%.c,$(HOST_DIR)/%,$(sort $(wildcard tests/host/test_*.c)))
HOST_FUZZERS := $(patsubst tests/host/fuzz/%.c,$(HOST_DIR)/%,$(sort $(wildcard tests/host/fuzz/fuzz_*.c)))
# The utilities of app/ and their tests.
include tests/utils/utils.mk

$(HOST_DIR)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) $(HOST_XFLAGS_$<) -c $< -o $@

$(HOST_DIR)/fuzzobj/%.o: %.c
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_FUZZ_CFLAGS) $(HOST_XFLAGS_$<) -c $< -o $@

# Archives, so each binary links only the kernel objects it uses.
$(HOST_DIR)/libkhost.a: $(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_LIBSRCS))
	@rm -f $@
	$(HOST_AR) rcs $@ $^

$(HOST_DIR)/libkfuzz.a: $(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(HOST_LIBSRCS))
	@rm -f $@
	$(HOST_AR) rcs $@ $^

$(HOST_DIR)/test_%: $(HOST_DIR)/obj/tests/host/test_%.o $(HOST_DIR)/obj/tests/host/support/vtest.o \
		$(HOST_DIR)/libkhost.a
	$(HOST_CC) $(HOST_SAN) -o $@ $(filter %.o %.a,$^) -lm

$(HOST_DIR)/fuzz_%: $(HOST_DIR)/fuzzobj/tests/host/fuzz/fuzz_%.o $(HOST_DIR)/libkfuzz.a
	$(HOST_CC) -fsanitize=fuzzer,address,undefined -o $@ $(filter %.o %.a,$^)

# The allocator (lib/c/os/malloc) is OS code but its core is portable: the
# same object, renamed like the rest, with the page source and lock faked
# by the test (tests/host/test_libc_malloc.c).
$(HOST_DIR)/malloc-host.o: $(HOST_DIR)/libcobj/lib/c/os/malloc/malloc.o
	$(HOST_LIBC_RENAME)
$(HOST_DIR)/test_libc_malloc: $(HOST_DIR)/malloc-host.o

# The libc suites and fuzzers link the renamed library too.
$(filter $(HOST_DIR)/test_libc_%,$(HOST_TESTS)): $(HOST_DIR)/libc-host.o
$(filter $(HOST_DIR)/fuzz_libc_%,$(HOST_FUZZERS)): $(HOST_DIR)/libc-fuzz.o

# ---- test data: dtc-compiled fixtures and QEMU's own device trees ----
HOST_FIXTURES := $(patsubst tests/host/fixtures/%.dts,$(HOST_DATA)/%.dtb,\
	$(sort $(wildcard tests/host/fixtures/*.dts)))

$(HOST_DATA)/%.dtb: tests/host/fixtures/%.dts
	@mkdir -p $(@D)
	dtc -q -I dts -O dtb -o $@ $<

# A stand-in kernel and initrd, so that QEMU writes /chosen the way it does
# for a real boot (bootargs, linux,initrd-start/end). Sizes are what the
# tests expect.
$(HOST_DATA)/dummy-kernel.bin:
	@mkdir -p $(@D)
	head -c 8192 /dev/zero > $@
$(HOST_DATA)/dummy-initrd.img:
	@mkdir -p $(@D)
	head -c 100000 /dev/zero > $@

# Exactly QEMU's command lines (plus -display none: there is no display);
# the blobs are dumped at build time and never committed.
HOST_QEMU_DUMP = $(1) -display none -machine dumpdtb=$@ >$@.log 2>&1 || { cat $@.log; exit 1; }
HOST_BOOT_ARGS := -kernel $(HOST_DATA)/dummy-kernel.bin -initrd $(HOST_DATA)/dummy-initrd.img

$(HOST_DATA)/qemu-aarch64-virt.dtb:
	@mkdir -p $(@D)
	$(call HOST_QEMU_DUMP,qemu-system-aarch64 -M virt -cpu cortex-a72 -m 512)
$(HOST_DATA)/qemu-riscv64-virt.dtb:
	@mkdir -p $(@D)
	$(call HOST_QEMU_DUMP,qemu-system-riscv64 -M virt -m 512)
$(HOST_DATA)/qemu-aarch64-boot.dtb: $(HOST_DATA)/dummy-kernel.bin $(HOST_DATA)/dummy-initrd.img
	$(call HOST_QEMU_DUMP,qemu-system-aarch64 -M virt -cpu cortex-a72 -m 512 $(HOST_BOOT_ARGS) \
		-append "console=ttyAMA0 quiet verdigris.test=1")
$(HOST_DATA)/qemu-riscv64-boot.dtb: $(HOST_DATA)/dummy-kernel.bin $(HOST_DATA)/dummy-initrd.img
	$(call HOST_QEMU_DUMP,qemu-system-riscv64 -M virt -m 512 $(HOST_BOOT_ARGS) \
		-append "console=ttyS0 quiet")
# For fuzz seeds: a dump re-packed to its real size (QEMU pads it to 1 MiB),
# without the random rng-seed and kaslr-seed QEMU writes each time, so that
# fuzzing runs are the same after a rebuild.
$(HOST_DATA)/%.packed.dtb: $(HOST_DATA)/%.dtb
	dtc -q -I dtb -O dts $< | grep -v -e rng-seed -e kaslr-seed | dtc -q -I dts -O dtb -o $@ -

HOST_QEMU_DTBS := $(addprefix $(HOST_DATA)/qemu-,aarch64-virt.dtb riscv64-virt.dtb \
	aarch64-boot.dtb riscv64-boot.dtb)

.PHONY: host-test host-test-data host-fuzz
host-test-data: $(HOST_FIXTURES) $(HOST_QEMU_DTBS)

host-test: $(HOST_TESTS) host-test-data
	@HOST_TEST_DATA=$(HOST_DATA) sh tests/host/run-tests.sh $(HOST_TESTS)

# Seeds: every dtb fixture and QEMU's trees (re-packed to their real size).
HOST_FDT_SEEDS := $(HOST_FIXTURES) $(HOST_DATA)/qemu-aarch64-virt.packed.dtb \
	$(HOST_DATA)/qemu-riscv64-virt.packed.dtb
$(HOST_DIR)/fuzz-seeds/fdt/.done: $(HOST_FDT_SEEDS)
	@rm -rf $(@D) && mkdir -p $(@D)
	cp $^ $(@D)/
	@touch $@

host-fuzz: $(HOST_FUZZERS) $(HOST_DIR)/fuzz-seeds/fdt/.done
	@sh tests/host/run-fuzz.sh $(HOST_DIR) $(HOST_FUZZERS)

# ---- cpio archives by the host's cpio, ELF samples by clang/lld for all three targets ----
HOST_CPIO_SAMPLES := $(HOST_DATA)/cpio/samples.list
HOST_ELF_SAMPLES := $(HOST_DATA)/elf/samples.list
$(HOST_CPIO_SAMPLES): tests/host/cpio-samples/make-samples.sh
	sh $< $(@D)
$(HOST_ELF_SAMPLES): tests/host/elf-samples/make-samples.sh $(wildcard tests/host/elf-samples/*.c \
		tests/host/elf-samples/*.ld)
	sh $< $(@D)
host-test-data: $(HOST_CPIO_SAMPLES) $(HOST_ELF_SAMPLES)
# Seeds: the small archives, and the samples that fit a 4 KiB fuzz input.
$(HOST_DIR)/fuzz-seeds/cpio/.done: $(HOST_CPIO_SAMPLES)
	@rm -rf $(@D) && mkdir -p $(@D)
	cp $(addprefix $(HOST_DATA)/cpio/,seed.newc seed.crc small.newc) $(@D)/
	@touch $@
$(HOST_DIR)/fuzz-seeds/elf/.done: $(HOST_ELF_SAMPLES)
	@rm -rf $(@D) && mkdir -p $(@D)
	find $(HOST_DATA)/elf -name '*.elf' -size -4097c -exec cp {} $(@D)/ ';'
	@touch $@
host-fuzz: $(HOST_DIR)/fuzz-seeds/cpio/.done $(HOST_DIR)/fuzz-seeds/elf/.done
# Seeds for the service definitions: the real ones, each a whole input.
$(HOST_DIR)/fuzz-seeds/svcdef/.done: $(wildcard rootfs/etc/services/* rootfs/etc/services-test/*)
	@rm -rf $(@D) && mkdir -p $(@D)
	cp $^ $(@D)/
	@touch $@
host-fuzz: $(HOST_DIR)/fuzz-seeds/svcdef/.done
# Seeds for the device manager's rules: the real file.
$(HOST_DIR)/fuzz-seeds/devmgr_rules/.done: rootfs/etc/devmgr.rules
	@rm -rf $(@D) && mkdir -p $(@D)
	cp $^ $(@D)/
	@touch $@
host-fuzz: $(HOST_DIR)/fuzz-seeds/devmgr_rules/.done
# Seeds for the passwd and group parsers: each line of the real files.
$(HOST_DIR)/fuzz-seeds/libc_pwent/.done: rootfs/etc/passwd rootfs/etc/group
	@rm -rf $(@D) && mkdir -p $(@D)
	cat $^ | awk '{ printf "%s", $$0 > "$(@D)/line" NR }'
	@touch $@
host-fuzz: $(HOST_DIR)/fuzz-seeds/libc_pwent/.done

include tests/host/ipc.mk
include tests/sh/sh.mk
include tests/host/fs.mk

# Objects reached only through the pattern rules would count as intermediate
# and be deleted after each build.
.PRECIOUS: $(HOST_DIR)/obj/%.o $(HOST_DIR)/fuzzobj/%.o $(HOST_DIR)/libcobj/%.o \
	$(HOST_DIR)/libcfuzzobj/%.o
HOST_ALLSRCS := $(HOST_LIBSRCS) tests/host/support/vtest.c $(wildcard tests/host/test_*.c)
-include $(patsubst %.c,$(HOST_DIR)/obj/%.d,$(HOST_ALLSRCS)) \
	$(patsubst %.c,$(HOST_DIR)/fuzzobj/%.d,$(HOST_LIBSRCS) $(wildcard tests/host/fuzz/*.c)) \
	$(patsubst %.c,$(HOST_DIR)/libcobj/%.d,$(HOST_LIBC_SRCS)) \
	$(patsubst %.c,$(HOST_DIR)/libcfuzzobj/%.d,$(HOST_LIBC_SRCS))
