# SPDX-License-Identifier: BSD-2-Clause
# `make iso`: a BIOS GRUB image that boots kernel.elf through multiboot2 with
# the initrd as its first module, on QEMU (-cdrom) and on a real PC.
ISO := $(BUILD)/verdigris.iso
ISO_CMDLINE ?= $(CMDLINE)

ifeq ($(ARCH),x86_64)
iso: $(SETUP_STAMP) $(ISO)
	@echo "ISO: $(ISO) (boot it with: $(QEMU) $(QEMU_BASE) -cdrom $(ISO) -serial mon:stdio)"

# The command line is part of the image, so a changed one must rebuild it.
$(BUILD)/iso-cmdline: FORCE
	@mkdir -p $(@D)
	@echo '$(ISO_CMDLINE)' | cmp -s - $@ || echo '$(ISO_CMDLINE)' > $@

$(ISO): $(BUILD)/kernel.elf $(INITRD) $(BUILD)/iso-cmdline
	@rm -rf $(BUILD)/isoroot && mkdir -p $(BUILD)/isoroot/boot/grub
	cp $(BUILD)/kernel.elf $(BUILD)/isoroot/boot/kernel.elf
	cp $(INITRD) $(BUILD)/isoroot/boot/initrd.cpio
	printf '%s\n' 'serial --unit=0 --speed=115200' 'terminal_input serial console' \
		'terminal_output serial console' 'set timeout=0' \
		'menuentry "Verdigris" {' \
		'  multiboot2 /boot/kernel.elf $(ISO_CMDLINE)' \
		'  module2 /boot/initrd.cpio initrd' '}' > $(BUILD)/isoroot/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(BUILD)/isoroot 2>$(BUILD)/grub-mkrescue.log || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }
else
iso:
	@echo "make iso: GRUB images are for ARCH=x86_64 only" >&2; exit 1
endif

.PHONY: FORCE
FORCE:
