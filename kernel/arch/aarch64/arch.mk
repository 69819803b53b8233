# SPDX-License-Identifier: BSD-2-Clause
# AArch64: QEMU virt under TCG. The kernel is booted as a Linux arm64 Image
# (the ELF turned into a flat binary with the 64-byte Image header at its
# start): only for that format does QEMU 7.2 pass the device tree in x0 and
# load -initrd, recording it in /chosen. kernel.elf stays for gdb; it also
# boots with -kernel (DTB at the start of RAM, no initrd).
TARGET := aarch64-unknown-none-elf
# No FP/SIMD in kernel code: traps and context switches then never need to
# save the FP registers for the kernel's own sake.
ARCH_CFLAGS := -mgeneral-regs-only -mcmodel=small -fno-asynchronous-unwind-tables \
	-fno-unwind-tables
ARCH_SRCS := $(wildcard kernel/arch/aarch64/*.c kernel/arch/aarch64/*.S)
ARCH_LDSCRIPT := kernel/arch/aarch64/link.ld
KERNEL_IMAGE := $(BUILD)/Image

$(BUILD)/Image: $(BUILD)/kernel.elf
	@echo "  OBJCOPY $@"
	@$(OBJCOPY) -O binary $< $@

QEMU := qemu-system-aarch64
# Semihosting is how a failed run exits non-zero (SYS_EXIT with a status);
# PSCI SYSTEM_OFF always exits 0.
QEMU_BASE := -accel tcg -M virt -cpu cortex-a72 -m 512 -smp 1 -nodefaults -display none \
	-no-reboot -semihosting-config enable=on,target=native
QEMU_ARGS := $(QEMU_BASE) -kernel $(KERNEL_IMAGE) -initrd $(INITRD)
CMDLINE := console=ttyAMA0

# Boot variants the test suite runs; the args are appended to the command
# (a later -M adds machine properties, a later -cpu replaces the model).
#   gicv3  GICv3 (distributor + redistributor, ICC system registers)
#   el2    entered at EL2 (virtualization=on), dropped to EL1; GICv2
#   max    -cpu max, entered at EL2, GICv3: every optional feature QEMU has
TEST_VARIANTS := default gicv3 el2 max
QEMU_VARIANT_default :=
QEMU_VARIANT_gicv3 := -M gic-version=3
QEMU_VARIANT_el2 := -M virtualization=on
QEMU_VARIANT_max := -cpu max -M virtualization=on,gic-version=3
