# SPDX-License-Identifier: BSD-2-Clause
# The boot image: a cpio "newc" archive of rootfs/ plus IMAGE_EXTRA, with every
# file owned by root. Rebuilt whenever a file under either tree changes.
IMAGE_EXTRA ?=
INITRD := $(BUILD)/initrd.cpio
INITRD_INPUTS := $(shell find rootfs $(IMAGE_EXTRA) 2>/dev/null)

$(INITRD): $(INITRD_INPUTS) tools/mkinitrd.sh
	@mkdir -p $(@D)
	tools/mkinitrd.sh $@ rootfs $(IMAGE_EXTRA)
