# SPDX-License-Identifier: BSD-2-Clause
# The utilities of app/ built for the host (included by tests/host/host.mk),
# and their tests (tests/utils/run.sh) as one more host test "binary".
#
# They are portable POSIX C: here they use the host's C library except for
# our regex, fnmatch and getopt (lib/c), which they link instead of glibc's,
# so that grep, find and every option parser exercise our code. Our headers
# for those three come first on the include path, and nothing else of ours;
# our sig2str and str2sig, which glibc lacks, are declared by a header
# included first (tests/host/include/host_sig2str.h).
#
#   make build/host/app/grep        one utility
#   make host-test                  all of them, with every case
#   sh tests/utils/run.sh build/host/app grep     the cases of one

# All but the shell and those that speak to Verdigris itself (mk/app.mk).
UTILS_NAMES := $(sort $(filter-out lib sh $(APP_NATIVE),$(notdir $(patsubst %/,%,$(wildcard app/*/)))))
UTILS_BIN := $(HOST_DIR)/app
UTILS_INC := $(HOST_DIR)/app-inc
UTILS_LIBC := lib/c/regex/regcomp.c lib/c/regex/regexec.c lib/c/regex/regerror.c \
	lib/c/fnmatch/fnmatch.c lib/c/getopt/getopt.c lib/c/string/sig2str.c
# The collections library (lib/coll), which some utilities use, as on the target.
UTILS_COLL := $(sort $(wildcard lib/coll/*.c))
UTILS_CFLAGS := -std=c11 -g -O1 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
	-D_XOPEN_SOURCE=700 -I$(UTILS_INC) -Ilib/coll/include \
	-include $(CURDIR)/tests/host/include/host_sig2str.h $(HOST_SAN)

$(UTILS_INC)/.done: lib/c/include/regex.h lib/c/include/fnmatch.h lib/c/include/getopt.h
	@mkdir -p $(@D)
	cp $^ $(@D)/
	@touch $@

UTILS_LIBSRCS := $(sort $(wildcard app/lib/*.c))
# One relocatable object rather than an archive: the sanitizers' runtime
# defines regcomp and regexec (weakly, to intercept glibc's), and an archive
# member would never be pulled in to replace them.
$(HOST_DIR)/apputil.o: $(UTILS_LIBSRCS) $(wildcard app/lib/*.h) $(UTILS_LIBC) $(UTILS_COLL) \
		$(wildcard lib/coll/include/coll/*.h) $(UTILS_INC)/.done tests/host/include/host_sig2str.h
	@mkdir -p $(HOST_DIR)/appobj
	cd $(HOST_DIR)/appobj && rm -f *.o && $(HOST_CC) $(patsubst -I%,-I$(CURDIR)/%,$(UTILS_CFLAGS)) \
		-c $(addprefix $(CURDIR)/,$(UTILS_LIBSRCS) $(UTILS_LIBC) $(UTILS_COLL))
	ld.lld -r -o $@ $(HOST_DIR)/appobj/*.o

define UTIL_RULE
$(UTILS_BIN)/$(1): $(wildcard app/$(1)/*.c app/$(1)/*.h) $(HOST_DIR)/apputil.o
	@mkdir -p $$(@D)
	$(HOST_CC) $(UTILS_CFLAGS) -o $$@ $(wildcard app/$(1)/*.c) $(HOST_DIR)/apputil.o
endef
$(foreach u,$(UTILS_NAMES),$(eval $(call UTIL_RULE,$(u))))

# "[" is test under another name.
$(UTILS_BIN)/[: $(UTILS_BIN)/test
	ln -sf test $@

$(HOST_DIR)/test_utils: tests/utils/run.sh $(addprefix $(UTILS_BIN)/,$(UTILS_NAMES) [) \
		$(wildcard tests/utils/cases/*.sh) tests/utils/lib.sh
	printf '#!/bin/sh\nexec sh tests/utils/run.sh %s "$$@"\n' $(UTILS_BIN) > $@
	chmod +x $@
HOST_TESTS += $(HOST_DIR)/test_utils

# sed's script compiler under libFuzzer (tests/host/fuzz/fuzz_sed_script.c),
# with our regcomp as in the utilities (glibc's runs out of memory on
# patterns such as "(a)++++++++++++++++++++", which ours refuses).
SED_FUZZ_SRCS := app/sed/script.c app/lib/util.c $(filter lib/c/regex/%,$(UTILS_LIBC))
$(foreach f,$(SED_FUZZ_SRCS) tests/host/fuzz/fuzz_sed_script.c,\
	$(eval HOST_XFLAGS_$(f) := -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 \
	-I$(UTILS_INC) -Wno-missing-prototypes -Wno-shadow))
$(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(SED_FUZZ_SRCS) tests/host/fuzz/fuzz_sed_script.c): \
	$(UTILS_INC)/.done
$(HOST_DIR)/fuzz_sed_script: $(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(SED_FUZZ_SRCS))
