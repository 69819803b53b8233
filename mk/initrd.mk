# SPDX-License-Identifier: BSD-2-Clause
# The boot image: a cpio "newc" archive of rootfs/, the built trees in
# INITRD_STAGED (user programs under /bin, mk/user.mk) and IMAGE_EXTRA, later
# trees overriding earlier ones, with every file owned by root. Rebuilt
# whenever a file under rootfs/ or IMAGE_EXTRA changes; the fragments that
# add a staged tree also make the initrd depend on what builds it.
IMAGE_EXTRA ?=
INITRD_STAGED ?=
INITRD := $(BUILD)/initrd.cpio
INITRD_INPUTS := $(shell find rootfs $(IMAGE_EXTRA) 2>/dev/null)

$(INITRD): $(INITRD_INPUTS) tools/mkinitrd.sh tools/cpio_align.py
	@mkdir -p $(@D)
	tools/mkinitrd.sh $@ rootfs $(INITRD_STAGED) $(IMAGE_EXTRA)
