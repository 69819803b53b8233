# SPDX-License-Identifier: BSD-2-Clause
# x86_64: q35 under TCG. QEMU's -kernel loads multiboot1 images only as a flat
# binary with the header's address fields (the "a.out kludge"), so the ELF is
# also turned into kernel.bin; GRUB (multiboot2) loads kernel.elf directly.
TARGET := x86_64-unknown-none-elf
ARCH_CFLAGS := -mcmodel=kernel -mno-red-zone -mno-mmx -mno-sse -mno-sse2 -msoft-float
ARCH_SRCS := $(wildcard kernel/arch/x86_64/*.c kernel/arch/x86_64/*.S)
ARCH_LDSCRIPT := kernel/arch/x86_64/link.ld
KERNEL_IMAGE := $(BUILD)/kernel.bin

$(BUILD)/kernel.bin: $(BUILD)/kernel.elf
	$(OBJCOPY) -O binary $< $@

QEMU := qemu-system-x86_64
QEMU_BASE := -accel tcg -M q35 -m 512 -smp 1 -nodefaults -display none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=4
QEMU_ARGS := $(QEMU_BASE) -kernel $(KERNEL_IMAGE) -initrd $(INITRD)
CMDLINE := console=ttyS0

# Boot variants the test suite runs besides the default (name:extra-args);
# "iso" boots the GRUB image instead of -kernel.
TEST_VARIANTS := default
