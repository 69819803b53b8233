# SPDX-License-Identifier: BSD-2-Clause
# The shell (app/sh) built for the host, its script suite and its parser
# fuzzer; included by tests/host/host.mk.
#
#   make host-test          runs tests/sh/*.sh with our shell and with dash
#                           (one TEST sh.<name> line each), and the pty tests
#   build/host/sh           the shell itself, for trying it out
#   sh tests/sh/run.sh build/host/sh [name...]    some scripts only

# The shell keeps its variables in lib/coll's hash map, and names signals
# with our sig2str (tests/host/include/host_sig2str.h).
SH_SRCS := $(sort $(wildcard app/sh/*.c)) lib/coll/hmap.c lib/c/string/sig2str.c
SH_HOST := $(HOST_DIR)/sh
SH_HOST_CFLAGS := -std=c11 -g -O1 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
	-Ilib/coll/include -include tests/host/include/host_sig2str.h -MMD -MP

$(HOST_DIR)/shobj/%.o: %.c
	@mkdir -p $(@D)
	$(HOST_CC) $(SH_HOST_CFLAGS) $(HOST_SAN) -c $< -o $@

$(SH_HOST): $(patsubst %.c,$(HOST_DIR)/shobj/%.o,$(SH_SRCS))
	$(HOST_CC) $(HOST_SAN) -o $@ $^

# run-tests.sh runs binaries: this one runs the script suite.
$(HOST_DIR)/test_sh: $(SH_HOST) tests/sh/run.sh tests/sh/interactive.py
	printf '#!/bin/sh\nsh tests/sh/run.sh %s || exit 1\npython3 tests/sh/interactive.py %s\n' \
		$(SH_HOST) $(SH_HOST) > $@
	chmod +x $@
HOST_TESTS += $(HOST_DIR)/test_sh
host-test: $(HOST_DIR)/test_sh

# The parser fuzzer links the parsing half of the shell only.
SH_PARSE_SRCS := app/sh/mem.c app/sh/scan.c app/sh/lex.c app/sh/parse.c app/sh/alias.c \
	app/sh/vars.c lib/coll/hmap.c
$(foreach f,$(SH_PARSE_SRCS) tests/host/fuzz/fuzz_sh_parse.c,\
	$(eval HOST_XFLAGS_$(f) := -D_POSIX_C_SOURCE=200809L -Iapp/sh))
$(HOST_DIR)/fuzz_sh_parse: $(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(SH_PARSE_SRCS))
$(HOST_DIR)/fuzz-seeds/sh_parse/.done: $(wildcard tests/sh/*.sh)
	@rm -rf $(@D) && mkdir -p $(@D)
	cp $^ $(@D)/
	@touch $@
host-fuzz: $(HOST_DIR)/fuzz-seeds/sh_parse/.done

-include $(patsubst %.c,$(HOST_DIR)/shobj/%.d,$(SH_SRCS))
