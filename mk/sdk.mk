# SPDX-License-Identifier: BSD-2-Clause
# The SDK: what building a program for Verdigris needs, in one tree.
#
#   make sdk [ARCH=..] [MODE=..]   build/sdk/$(ARCH)/
#     bin/cc        the compiler driver (tools/sdk/cc.in): cc -O2 -o x x.c
#     include/      the C library's headers, libvg's (vg/), the ABI's
#                   (verdigris/) and the collections library's (coll/)
#     lib/          crt1.o, libc.a, libvg.a (libvg-c.a: without the string
#                   functions libc.a has), libcoll.a (vector, hash map,
#                   string builder: -lcoll), user.ld; libc.so (with libvg
#                   inside) for `cc -dynamic` and `cc -shared`, ld.so (the
#                   image's /lib/ld.so, which such programs need); empty
#                   libm.a, libpthread.a, libdl.a and librt.a, so that the
#                   -lm -lpthread ... of ordinary makefiles link (libc has
#                   all of it)
#
# The libraries are those of $(MODE) (release unless told). docs/PORTING.md
# explains how to use it. Included after mk/libc.mk.

SDK_DIR := build/sdk/$(ARCH)
SDK_ARCHFLAGS := $(USER_ARCH_CFLAGS_$(ARCH))
SDK_LDFLAGS := $(USER_LDFLAGS_$(ARCH))
SDK_EMPTY_LIBS := m pthread dl rt

.PHONY: sdk
sdk: $(LIBC) $(LIBCOLL) $(LIBC_CRT1) $(LIBVG_C) $(USER_LDSCRIPT) $(LIBC_SO) $(LDSO) tools/sdk/cc.in mk/sdk.mk
	@echo "  SDK     $(SDK_DIR)"
	@rm -rf $(SDK_DIR)
	@mkdir -p $(SDK_DIR)/bin $(SDK_DIR)/lib $(SDK_DIR)/include/vg $(SDK_DIR)/include/verdigris
	@cp -R lib/c/include/. lib/coll/include/. $(SDK_DIR)/include/
	@cp lib/vg/include/vg/*.h lib/vg/arch/$(ARCH)/include/vg/*.h $(SDK_DIR)/include/vg/
	@cp abi/verdigris/*.h abi/verdigris/*.def $(SDK_DIR)/include/verdigris/
	@cp $(LIBC) $(LIBCOLL) $(LIBC_CRT1) $(USER_LDSCRIPT) $(LIBC_SO) $(LDSO) $(SDK_DIR)/lib/
	@cp $(LIBVG_C) $(SDK_DIR)/lib/libvg.a
	@for l in $(SDK_EMPTY_LIBS); do $(USER_AR) rcs $(SDK_DIR)/lib/lib$$l.a || exit 1; done
	@sed -e 's|@ARCH@|$(ARCH)|g' -e 's|@TARGET@|$(TARGET)|g' \
		-e 's|@ARCHFLAGS@|$(SDK_ARCHFLAGS)|g' -e 's|@LDFLAGS@|$(SDK_LDFLAGS)|g' \
		tools/sdk/cc.in > $(SDK_DIR)/bin/cc
	@chmod +x $(SDK_DIR)/bin/cc
