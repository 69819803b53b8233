# SPDX-License-Identifier: BSD-2-Clause
# The kernel: generic sources plus kernel/arch/$(ARCH)/ (ARCH_SRCS, ARCH_LDSCRIPT,
# optional ARCH_LDFLAGS).

KERNEL_SRCS := $(wildcard kernel/core/*.c kernel/lib/*.c kernel/tests/*.c) $(ARCH_SRCS)
KERNEL_OBJS := $(patsubst %,$(BUILD)/obj/%.o,$(KERNEL_SRCS))

KCFLAGS := --target=$(TARGET) -std=c11 -ffreestanding -nostdinc -isystem $(CLANG_INC) \
	-fno-stack-protector -fno-pic -fno-pie -fno-omit-frame-pointer \
	-mno-omit-leaf-frame-pointer -fno-common -g $(OPT_$(MODE)) \
	-Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
	-Ikernel/include -Iabi -Ikernel/arch/$(ARCH)/include -MMD -MP \
	$(ARCH_CFLAGS)
ifeq ($(MODE),debug)
KCFLAGS += -DKDEBUG
endif

$(BUILD)/obj/%.c.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/obj/%.S.o: %.S
	@mkdir -p $(@D)
	@echo "  AS      $<"
	@$(CC) $(KCFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(BUILD)/kernel.elf: $(KERNEL_OBJS) $(ARCH_LDSCRIPT)
	@echo "  LD      $@"
	@$(LD) -nostdlib -static -z max-page-size=4096 -z noexecstack --no-undefined \
		$(ARCH_LDFLAGS) -T $(ARCH_LDSCRIPT) -o $@ $(KERNEL_OBJS)

-include $(KERNEL_OBJS:.o=.d)
