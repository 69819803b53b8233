# SPDX-License-Identifier: BSD-2-Clause
# Host tests and fuzzers of the IDL compiler (tools/idlc) and the IPC runtime
# (lib/ipc) with code generated from tests/idl/*.idl (included by host.mk).
#
#   test_idlc        golden outputs of tests/idl/*.idl, every error message,
#                    and the command line (exit status, no half-written output)
#   test_ipc         generated client -> loopback -> generated server and
#                    back: round trips of random values, malformed messages
#   fuzz_idlc        the compiler on arbitrary text
#   fuzz_ipcdispatch the generated dispatcher on arbitrary messages

HOST_GEN := $(HOST_DIR)/gen
HOST_IPC_SRCS := lib/ipc/msg.c lib/ipc/serve.c tests/host/support/ipc_loopback.c
HOST_KITCHEN := $(HOST_GEN)/kitchen/kitchen_client.c $(HOST_GEN)/kitchen/kitchen_server.c
# The asynchronous stubs run on a fake of lib/async's calls and futures.
HOST_KITCHEN_ASYNC := $(HOST_GEN)/kitchen/kitchen_async.c tests/host/support/async_fake.c
$(foreach f,$(HOST_KITCHEN_ASYNC) tests/host/test_ipc.c,$(eval HOST_XFLAGS_$(f) := -Ilib/async/include))

$(HOST_GEN)/%/.stamp: tests/idl/%.idl $(IDLC)
	@rm -rf $(@D) && mkdir -p $(@D)
	$(IDLC) $< -o $(@D)
	@touch $@
$(HOST_KITCHEN) $(HOST_GEN)/kitchen/kitchen_async.c $(HOST_GEN)/kitchen/kitchen.h: \
		$(HOST_GEN)/kitchen/.stamp ;

# What uses the generated header waits for it.
$(HOST_DIR)/obj/tests/host/test_ipc.o $(HOST_DIR)/fuzzobj/tests/host/fuzz/fuzz_ipcdispatch.o \
	$(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_KITCHEN) $(HOST_KITCHEN_ASYNC)) \
	$(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(HOST_KITCHEN)): $(HOST_GEN)/kitchen/.stamp

$(HOST_DIR)/test_ipc: $(patsubst %.c,$(HOST_DIR)/obj/%.o,$(HOST_IPC_SRCS) $(HOST_KITCHEN) \
	$(HOST_KITCHEN_ASYNC))
$(HOST_DIR)/test_idlc: $(patsubst %.c,$(HOST_DIR)/obj/%.o,$(IDLC_LIBSRCS)) $(IDLC)
$(HOST_DIR)/fuzz_idlc: $(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(IDLC_LIBSRCS))
$(HOST_DIR)/fuzz_ipcdispatch: $(patsubst %.c,$(HOST_DIR)/fuzzobj/%.o,$(HOST_IPC_SRCS) \
	$(HOST_KITCHEN))

# Seeds for the compiler: the test IDL files.
$(HOST_DIR)/fuzz-seeds/idlc/.done: $(wildcard tests/idl/*.idl)
	@rm -rf $(@D) && mkdir -p $(@D)
	cp $^ $(@D)/
	@touch $@
host-fuzz: $(HOST_DIR)/fuzz-seeds/idlc/.done

-include $(patsubst %.c,$(HOST_DIR)/obj/%.d,$(HOST_IPC_SRCS) $(HOST_KITCHEN) $(HOST_KITCHEN_ASYNC) \
	$(IDLC_LIBSRCS)) \
	$(patsubst %.c,$(HOST_DIR)/fuzzobj/%.d,$(HOST_IPC_SRCS) $(HOST_KITCHEN) $(IDLC_LIBSRCS))
