# SPDX-License-Identifier: BSD-2-Clause
# Verdigris build. `make help` lists the targets.
#   ARCH=x86_64|aarch64|riscv64   (default x86_64)
#   MODE=release|debug            (release is -O2, debug is -O0; both -g)
#   IMAGE_EXTRA=<dir>             host files added under / in the initrd

ARCH ?= x86_64
MODE ?= release
ARCHES := x86_64 aarch64 riscv64
ifeq ($(filter $(ARCH),$(ARCHES)),)
$(error ARCH must be one of: $(ARCHES))
endif
ifeq ($(filter $(MODE),release debug),)
$(error MODE must be release or debug)
endif

BUILD := build/$(ARCH)/$(MODE)
SETUP_STAMP := build/.setup-done

.DEFAULT_GOAL := all
.PHONY: all help run debug test test-quick host-test iso lint setup clean bench print-qemu print-qemu-base print-cmdline print-iso print-variants print-variant-args

include mk/toolchain.mk
include tools/idlc/idlc.mk
include mk/initrd.mk
include tests/conform/conform.mk
include kernel/arch/$(ARCH)/arch.mk
include kernel/kernel.mk
include mk/user.mk
include mk/libc.mk
include mk/app.mk
include mk/sdk.mk
include mk/iso.mk
include tests/host/host.mk

all: $(KERNEL_IMAGE) $(INITRD)

help:
	@echo "make run [ARCH=..] [IMAGE_EXTRA=dir]   build and boot in QEMU (serial on this terminal)"
	@echo "make test                              host tests, then boot tests on all three archs"
	@echo "make debug [ARCH=..]                   boot halted, with QEMU's gdb stub on :1234"
	@echo "make iso                               GRUB (multiboot2) ISO for x86_64"
	@echo "make host-test                         host unit tests only"
	@echo "make lint                              clang-format check and cppcheck"
	@echo "make sdk [ARCH=..]                     build/sdk/<arch>: headers, libraries, bin/cc (docs/PORTING.md)"
	@echo "make bench                             kernel microbenchmarks on all archs, beside Linux"
	@echo "make bench LINUX=1                     the same, with the Linux peer run back to back (TCG ratios)"
	@echo "make bench DYNAMIC=1                   the same, bench.c linked against libc.so"

# The set-up script is cheap when nothing is missing; the stamp only saves
# re-running it for every sub-make of one `make test`.
$(SETUP_STAMP): tools/setup.sh
	@tools/setup.sh
	@mkdir -p $(@D) && touch $@
setup:
	@tools/setup.sh

run: $(SETUP_STAMP) all
	$(QEMU) $(QEMU_ARGS) -serial mon:stdio -append "$(CMDLINE)"

debug: $(SETUP_STAMP) all
	@echo "QEMU waits for gdb: gdb $(BUILD)/kernel.elf -ex 'target remote :1234'"
	$(QEMU) $(QEMU_ARGS) -serial mon:stdio -append "$(CMDLINE)" -s -S

test: $(SETUP_STAMP)
	@python3 tools/testsuite.py

bench: $(SETUP_STAMP)
	@python3 tools/bench.py $(if $(LINUX),--linux) $(if $(DYNAMIC),--dynamic)

test-quick: $(SETUP_STAMP)
	@python3 tools/testsuite.py --arch $(ARCH) --mode $(MODE)

lint: $(SETUP_STAMP)
	@tools/lint.sh

clean:
	rm -rf build

# For tools/testsuite.py: the QEMU command and variants, from the one place
# they are defined (the arch fragment).
print-qemu:
	@echo $(QEMU) $(QEMU_ARGS)
print-qemu-base:
	@echo $(QEMU) $(QEMU_BASE)
print-cmdline:
	@echo $(CMDLINE)
print-iso:
	@echo $(ISO)
print-variants:
	@echo $(TEST_VARIANTS)
print-variant-args:
	@echo $(QEMU_VARIANT_$(VARIANT))
