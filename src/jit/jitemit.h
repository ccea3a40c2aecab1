/* jitemit.h: translation of one prototype specialization from bytecode to LLVM IR (jitemit.c). */
#ifndef TYJIT_EMIT_H
#define TYJIT_EMIT_H

#include <llvm-c/Core.h>
#include "../vm/jitabi.h"

/* Adds the function rq->name to m.  Returns 0, or -1 with a reason in err
** (bytecode the compiler refuses, a function that would exit at once). */
int tyjit_emit(LLVMModuleRef m, const TyJRequest *rq, char *err, size_t errlen);
/* Why the prototype is never worth compiling under rq's policy, whatever
** the argument kinds: a message, or NULL. */
const char *tyjit_refusal(const TyJRequest *rq);

#endif
