# SPDX-License-Identifier: BSD-2-Clause
# The C library's portable core (lib/c) and the collections library
# (lib/coll) as static archives for $(ARCH)/$(MODE), compiled freestanding
# against our own headers only (lib/c/include and the compiler's):
#
#   $(BUILD)/user/libc.a      string.h, strings.h, ctype.h, stdlib.h's
#                             conversions, sorting and arithmetic, the
#                             printf and scanf engines on strings
#   $(BUILD)/user/libcoll.a   vector, hash map, string builder
#
# Nothing links them yet; building them with -Werror on every architecture
# is the proof that they are freestanding. Included after mk/user.mk.

LIBC_SRCS := $(sort $(wildcard lib/c/*/*.c))
LIBCOLL_SRCS := $(sort $(wildcard lib/coll/*.c))
LIBC_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(LIBC_SRCS))
LIBCOLL_OBJS := $(patsubst %,$(USER_OBJ)/%.o,$(LIBCOLL_SRCS))
LIBC := $(USER_DIR)/libc.a
LIBCOLL := $(USER_DIR)/libcoll.a

# The user flags without their include paths (no kernel or libvg headers),
# and -fno-builtin: the library defines what the compiler would call.
LIBC_CFLAGS := $(filter-out -I%,$(UCFLAGS)) -fno-builtin -Ilib/c/include -Ilib/coll/include

$(USER_OBJ)/lib/c/%.c.o: lib/c/%.c mk/libc.mk mk/user.mk
	@mkdir -p $(@D)
	@echo "  CC      $< (libc)"
	@$(CC) $(LIBC_CFLAGS) -c $< -o $@

$(USER_OBJ)/lib/coll/%.c.o: lib/coll/%.c mk/libc.mk mk/user.mk
	@mkdir -p $(@D)
	@echo "  CC      $< (libcoll)"
	@$(CC) $(LIBC_CFLAGS) -c $< -o $@

$(LIBC): $(LIBC_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

$(LIBCOLL): $(LIBCOLL_OBJS)
	@echo "  AR      $@"
	@rm -f $@
	@$(USER_AR) rcs $@ $^

.PHONY: libc
libc: $(LIBC) $(LIBCOLL)
user: libc

-include $(LIBC_OBJS:.o=.d) $(LIBCOLL_OBJS:.o=.d)
