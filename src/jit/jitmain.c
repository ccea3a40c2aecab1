/* jitmain.c: the native compiler's entry points (libtychojit.so): LLVM set-up, passes, ORC LLJIT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <llvm-c/Core.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include "../vm/jitabi.h"
#include "jitemit.h"
#include "buildid.h"

/*
** Design note.  One process-wide LLJIT (ORC) holds every specialization;
** the runtime serialises calls (one compile at a time, on a worker thread
** with a large stack).  A compile builds one module in a fresh
** thread-safe context: IR from jitemit.c, verification, default<O2> for the
** host CPU, then either hands the module to LLJIT and looks the function up
** (TyJResult.fn) or prints it (TyJResult.ir, for tycho.code_llvm).
** Anything that goes wrong is an error string, never an abort we can avoid:
** the runtime then interprets.  The helper table is checked at open (its
** version and size must be the ones this library was built with); native
** code receives it as an argument, so it is not stored here.
*/

#define tyjit_export __attribute__((visibility("default")))

static LLVMOrcLLJITRef jit;
static LLVMTargetMachineRef tm;
static char *triple, *cpu, *features;

static void errcopy(char *err, size_t errlen, const char *what, LLVMErrorRef e) {
  char *msg = LLVMGetErrorMessage(e);
  snprintf(err, errlen, "%s: %s", what, msg ? msg : "?");
  LLVMDisposeErrorMessage(msg);
}

tyjit_export int tyjit_open(const TyJHelpers *h, char *err, size_t errlen) {
  LLVMOrcJITTargetMachineBuilderRef jtmb;
  LLVMOrcLLJITBuilderRef builder;
  LLVMOrcDefinitionGeneratorRef gen;
  LLVMErrorRef e;
  LLVMTargetRef target;
  char *msg = NULL;
  if (h == NULL || h->version != TYJ_ABI_VERSION || h->size != sizeof(TyJHelpers)) {
    snprintf(err, errlen, "runtime helper table of another version");
    return -1;
  }
  if (h->buildid == NULL || strcmp(h->buildid, TY_BUILD_ID) != 0) {
    snprintf(err, errlen, "the compiler was built from other sources than this runtime");
    return -1;
  }
  if (jit != NULL) return 0;
  if (LLVMInitializeNativeTarget() != 0 || LLVMInitializeNativeAsmPrinter() != 0) {
    snprintf(err, errlen, "LLVM has no native target");
    return -1;
  }
  triple = LLVMGetDefaultTargetTriple();
  cpu = LLVMGetHostCPUName();
  features = LLVMGetHostCPUFeatures();
  if (LLVMGetTargetFromTriple(triple, &target, &msg) != 0) {
    snprintf(err, errlen, "LLVM target %s: %s", triple, msg ? msg : "?");
    LLVMDisposeMessage(msg);
    return -1;
  }
  tm = LLVMCreateTargetMachine(target, triple, cpu, features, LLVMCodeGenLevelDefault,
                               LLVMRelocPIC, LLVMCodeModelJITDefault);
  if (tm == NULL) { snprintf(err, errlen, "cannot create an LLVM target machine"); return -1; }
  if ((e = LLVMOrcJITTargetMachineBuilderDetectHost(&jtmb)) != NULL) {
    errcopy(err, errlen, "LLJIT host", e);
    return -1;
  }
  builder = LLVMOrcCreateLLJITBuilder();
  LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb);
  if ((e = LLVMOrcCreateLLJIT(&jit, builder)) != NULL) {
    jit = NULL;
    errcopy(err, errlen, "LLJIT", e);
    return -1;
  }
  /* LLVM may lower an operation to a libm/libc call (floor without SSE4.1, memset) */
  if ((e = LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(&gen, LLVMOrcLLJITGetGlobalPrefix(jit),
                                                                NULL, NULL)) != NULL) {
    errcopy(err, errlen, "LLJIT process symbols", e);
    return -1;
  }
  LLVMOrcJITDylibAddGenerator(LLVMOrcLLJITGetMainJITDylib(jit), gen);
  return 0;
}

static size_t countinsts(LLVMValueRef fn) {
  size_t n = 0;
  LLVMBasicBlockRef bb;
  for (bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
    LLVMValueRef ins;
    for (ins = LLVMGetFirstInstruction(bb); ins; ins = LLVMGetNextInstruction(ins)) n++;
  }
  return n;
}

tyjit_export int tyjit_compile(const TyJRequest *rq, TyJResult *res) {
  LLVMOrcThreadSafeContextRef tsc;
  LLVMModuleRef m;
  LLVMPassBuilderOptionsRef opts;
  LLVMErrorRef e;
  LLVMValueRef fn;
  char *msg = NULL;
  int status = -1;
  res->fn = NULL;
  res->ir = NULL;
  res->irinsts = 0;
  res->err[0] = '\0';
  res->anykinds = 0;
  if (jit == NULL) { snprintf(res->err, sizeof res->err, "compiler not opened"); return -1; }
  if (tyjit_refusal(rq) != NULL) {
    snprintf(res->err, sizeof res->err, "%s", tyjit_refusal(rq));
    res->anykinds = 1;
    return -1;
  }
  tsc = LLVMOrcCreateNewThreadSafeContext();
  m = LLVMModuleCreateWithNameInContext(rq->name, LLVMOrcThreadSafeContextGetContext(tsc));
  LLVMSetTarget(m, LLVMOrcLLJITGetTripleString(jit));
  LLVMSetDataLayout(m, LLVMOrcLLJITGetDataLayoutStr(jit));
  if (tyjit_emit(m, rq, res->err, sizeof res->err) != 0)
    goto done;
  if (LLVMVerifyModule(m, LLVMReturnStatusAction, &msg) != 0) {
    snprintf(res->err, sizeof res->err, "invalid IR (a compiler bug): %.200s", msg ? msg : "?");
    goto done;
  }
  LLVMDisposeMessage(msg);
  msg = NULL;
  opts = LLVMCreatePassBuilderOptions();
  e = LLVMRunPasses(m, "default<O2>", tm, opts);
  LLVMDisposePassBuilderOptions(opts);
  if (e != NULL) { errcopy(res->err, sizeof res->err, "passes", e); goto done; }
  fn = LLVMGetNamedFunction(m, rq->name);
  res->irinsts = fn ? countinsts(fn) : 0;
  if (rq->wantir) {
    char *s = LLVMPrintModuleToString(m);
    res->ir = s ? strdup(s) : NULL;
    LLVMDisposeMessage(s);
    if (res->ir == NULL) { snprintf(res->err, sizeof res->err, "out of memory"); goto done; }
    status = 0;
    goto done;
  }
  {
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(m, tsc);
    LLVMOrcExecutorAddress addr = 0;
    m = NULL;  /* owned by the JIT from here */
    if ((e = LLVMOrcLLJITAddLLVMIRModule(jit, LLVMOrcLLJITGetMainJITDylib(jit), tsm)) != NULL) {
      errcopy(res->err, sizeof res->err, "adding the module", e);
      goto done;
    }
    if ((e = LLVMOrcLLJITLookup(jit, &addr, rq->name)) != NULL) {
      errcopy(res->err, sizeof res->err, "lookup", e);
      goto done;
    }
    res->fn = (TyJNative)(uintptr_t)addr;
    status = res->fn != NULL ? 0 : -1;
  }
 done:
  if (msg) LLVMDisposeMessage(msg);
  if (m) LLVMDisposeModule(m);
  LLVMOrcDisposeThreadSafeContext(tsc);
  return status;
}

tyjit_export void tyjit_free(void *p) {
  free(p);
}
