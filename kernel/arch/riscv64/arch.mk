# SPDX-License-Identifier: BSD-2-Clause
# riscv64: QEMU virt with OpenSBI (fw_dynamic, -bios default) under TCG.
# OpenSBI enters the kernel in S-mode at 0x80200000; QEMU loads the ELF at its
# physical (p_paddr) addresses and passes the physical e_entry on.
# -march: clang 14 knows CSR instructions as part of the base ISA and rejects
# "_zicsr"; no F/D, so the kernel never touches FPU state. -mno-relax: lld 14
# does not relax, and nothing sets up gp for gp-relative accesses anyway.
TARGET := riscv64-unknown-none-elf
ARCH_CFLAGS := -march=rv64imac -mabi=lp64 -mcmodel=medany -mno-relax
ARCH_SRCS := $(wildcard kernel/arch/riscv64/*.c kernel/arch/riscv64/*.S)
# The one exception: fpu.S saves and restores the user's FP registers, so it
# alone is assembled with F and D (the later -march wins; the ABI stays lp64).
$(BUILD)/obj/kernel/arch/riscv64/fpu.S.o: KCFLAGS += -march=rv64imafdc
ARCH_LDSCRIPT := kernel/arch/riscv64/link.ld
# RISC-V objects keep their .L labels as symbols (every %pcrel_lo names the
# label of its auipc, and LLVM relocates against symbols, not sections);
# dropped from the image so that symbolizers see function names.
ARCH_LDFLAGS := --discard-locals
KERNEL_IMAGE := $(BUILD)/kernel.elf

QEMU := qemu-system-riscv64
# Failure exits: the kernel writes FINISHER_FAIL to the sifive,test0 device
# (QEMU exits with status 1); success goes through SBI SRST shutdown.
QEMU_BASE := -accel tcg -M virt -bios default -m 512 -smp 1 -nodefaults -display none \
	-no-reboot
QEMU_ARGS := $(QEMU_BASE) -kernel $(KERNEL_IMAGE) -initrd $(INITRD)
CMDLINE := console=ttyS0

# Boot variants the test suite runs (name, then extra QEMU args):
# smp2: a second hart that stays parked in OpenSBI, a device tree with two
#       cpus and a PLIC with four contexts, from which the boot hart's
#       S-mode context must be picked (OpenSBI's boot-hart lottery is
#       usually won by hart 0 under TCG, so the hart id is not exercised).
# (RAM above the 4 GiB boot physmap would need more than 2 GiB of guest RAM;
# the pmm exhaustion test touches every page, so that is left out.)
TEST_VARIANTS := default smp2
QEMU_VARIANT_default :=
QEMU_VARIANT_smp2 := -smp 2
