# SPDX-License-Identifier: BSD-2-Clause
# The IDL compiler, a host program, and the code it generates from idl/*.idl.
#
#   build/tools/idlc                  the compiler (plain host build)
#   $(BUILD)/gen/idl/<file>/...       <library>.h, _client.c, _server.c, .md
#                                     of each idl/<file>.idl, per build
#                                     tree: the test suite runs builds of
#                                     several trees at once, and one must
#                                     not regenerate what another compiles
#
# Generated files live in the build tree only. An .idl file, or idlc itself,
# changing regenerates them.

IDLC_HOST_CC := clang
IDLC := build/tools/idlc
IDLC_SRCS := $(sort $(wildcard tools/idlc/*.c))
IDLC_LIBSRCS := $(filter-out tools/idlc/main.c,$(IDLC_SRCS))

$(IDLC): $(IDLC_SRCS) $(wildcard tools/idlc/*.h) abi/verdigris/objects.def \
		abi/verdigris/rights.def tools/idlc/idlc.mk
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(IDLC_HOST_CC) -std=c11 -O2 -g -Wall -Wextra -Werror -Iabi -o $@.$$$$ $(IDLC_SRCS) && \
		mv -f $@.$$$$ $@

IDL_GEN := $(BUILD)/gen/idl
IDL_STAMPS := $(patsubst idl/%.idl,$(IDL_GEN)/%/.stamp,$(wildcard idl/*.idl))

# Into a fresh directory each time, so that a renamed library leaves no
# stale files behind.
$(IDL_GEN)/%/.stamp: idl/%.idl $(IDLC)
	@rm -rf $(@D) && mkdir -p $(@D)
	@echo "  IDLC    $<"
	@$(IDLC) $< -o $(@D)
	@touch $@

.PHONY: idlc idl-gen
idlc: $(IDLC)
idl-gen: $(IDL_STAMPS)
all: $(IDLC) $(IDL_STAMPS)
