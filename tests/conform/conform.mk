# SPDX-License-Identifier: BSD-2-Clause
# The libc conformance suite (tests/conform/conform.h, lib/c/README.md
# "Tests"): the same area sources built twice.
#
#   build/tools/conformgen          the areas against the host's glibc, with
#                                   gen.c: writes glibc's results as tables
#   $(BUILD)/gen/conform/expect.c   those tables, per build tree (never
#                                   committed), linked into bin/testrun with
#                                   the areas built against our libc and
#                                   tests/user/utest/libc_conform.c
#
# -fno-builtin on the host: the compiler must not fold a call that the
# tables are to record from glibc.

CONFORM_HOST_CC := clang
CONFORMGEN := build/tools/conformgen
CONFORM_AREA_SRCS := $(filter-out tests/conform/gen.c,$(sort $(wildcard tests/conform/*.c)))
CONFORM_EXPECT := $(BUILD)/gen/conform/expect.c

$(CONFORMGEN): $(CONFORM_AREA_SRCS) tests/conform/gen.c tests/conform/conform.h \
		tests/conform/conform.mk
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(CONFORM_HOST_CC) -std=c11 -D_DEFAULT_SOURCE -O2 -fno-builtin -Wall -Wextra -Werror \
		-o $@.$$$$ $(CONFORM_AREA_SRCS) tests/conform/gen.c -lm && mv -f $@.$$$$ $@

$(CONFORM_EXPECT): $(CONFORMGEN)
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@$(CONFORMGEN) $@.$$$$ 2>/dev/null && mv -f $@.$$$$ $@
