/* coro.c: separate C stacks for coroutines: mmap'ed stacks with a guard page and the context switch. */

/*
** Design.  A coroutine runs on a C stack of its own while it runs, so that a
** yield can suspend any mix of C and Lua frames (DESIGN.md constraint 3).  It
** holds that stack while suspended only when it must:
**
** - At a yield (lua_yieldk, vm/do.c) the thread's CallInfos are checked: if the
**   yielding frame is a C function and every frame below it is either a Lua
**   function stopped in an instruction that tyV_finishOp can complete (a call,
**   a metamethod) or a C function waiting in lua_callk/lua_pcallk with a
**   continuation (CIST_YCALL/CIST_YPCALL), nothing on the C stack is needed
**   any more: the yield leaves through tyR_exit (the frames are abandoned,
**   as a longjmp would), the state is TYCO_UNWOUND and lua_resume gives the
**   stack back to the pool.  The thread then has L->coro == NULL, exactly like
**   a suspended coroutine loaded from an image, and its next resume takes a
**   stack from the pool and unrolls the frames from their CallInfos (do.c:
**   the yielding function returns the resume values or runs its
**   continuation, Lua frames continue, C frames end through their
**   continuations, pcall's frames above run protected).  Almost every yield
**   of real code (from Lua code, pcall, xpcall, metamethods, for iterators,
**   C functions written for PUC Lua's continuation protocol) is of this kind.
** - Switching back into a kept stack is cheaper than unrolling, so while
**   fewer than TY_COKEEP stacks exist (running, suspended and pooled ones;
**   nlive, counted at mmap/munmap, never per switch) a yield keeps its
**   stack even when it could give it back: ping-pong between a few
**   coroutines costs what it did; only beyond that are finishable yields
**   unwound, which gives stacks back until the pool is full and then unmaps.
**   TYCHO_COKEEP in the environment overrides the count (0: unwind every
**   finishable yield; tests/cli/coro_scale.sh runs the coroutine tests both
**   ways).  Either way the rest of a C function after its yield is skipped:
**   after a kept yield, lua_yieldk jumps to the function's landing point
**   (callCk) with k's results or the resume values (coroutine.yield, whose
**   caller returns at once, skips the jump: tyD_yieldtail).
** - Any other yield (inside a hook, a finalizer, a __close handler, pcall's
**   error recovery (CIST_RECOVER), or a C frame that is not in a
**   continuation call) keeps the stack: TYCO_SUSPENDED, resumed by a context
**   switch back into the suspended frames, as before.
**
** Invariants.
** - A thread's C stack (L->coro) exists while the thread runs or is
**   suspended with TYCO_SUSPENDED; an unwound or image-restored suspended
**   thread has none, and its C frames have u.c.kjmp == NULL and L->errorJmp
**   is NULL (landing and recovery points lived on the dropped stack).
** - Only running coroutines and TYCO_SUSPENDED ones hold stacks, so the
**   number of mappings is the nesting depth of resumes (bounded by the C
**   call limit), up to TY_COKEEP more, plus the coroutines suspended in a way that
**   cannot be finished from the CallInfos; at most
**   TY_COPOOLMAX free ones are kept.  Out of address space, the resume fails
**   with the ordinary memory error.
** - Each stack is TY_COSTACKSIZE of reserved address space with a guard page
**   at its low end (while fewer than TY_COGUARDLIMIT exist); C recursion is
**   bounded by the C call limit (200 levels, "C stack overflow") well inside
**   it, and the guard page turns a miss into a fault rather than silent
**   corruption.
** - A frame run by native code (a future JIT) is not finishable from its
**   CallInfo: such a yield must keep the stack, i.e. canunwind() in do.c must
**   say no for it.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "coro.h"

#if defined(__SANITIZE_ADDRESS__)
#define TY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TY_ASAN 1
#endif
#endif

#ifdef TY_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define asan_start(fs, b, s) __sanitizer_start_switch_fiber((fs), (b), (s))
#define asan_finish(fs, b, s) __sanitizer_finish_switch_fiber((fs), (b), (s))
#define asan_unpoison(p, n) __asan_unpoison_memory_region((p), (n))
#define TY_COSTACKSIZE ((size_t)8 << 20)   /* instrumented frames are much larger */
#else
#define asan_start(fs, b, s) ((void)0)
#define asan_finish(fs, b, s) ((void)0)
#define asan_unpoison(p, n) ((void)0)
#define TY_COSTACKSIZE ((size_t)1 << 20)   /* reserved, not committed: pages are touched lazily */
#endif

#define TY_COPOOLMAX 16        /* free stacks kept for reuse */
#define TY_COKEEP 64           /* below this many stacks (pooled included), yields keep theirs */
#define TY_COGUARDLIMIT 16384  /* beyond this many live stacks, skip guard pages (VMA limit) */

static __thread struct tycoro *current;   /* context running now; NULL: own stack */
static __thread struct tycoro *pool;      /* free stacks */
static __thread int npool;
static __thread long nlive;               /* mappings alive (incl. pooled) */
static int keep = -1;                     /* TY_COKEEP, or TYCHO_COKEEP from the environment */

int tyR_keepstack(void) {
  if (keep < 0) {
    const char *e = getenv("TYCHO_COKEEP");  /* a testing knob: 0 unwinds every yield it can */
    keep = (e != NULL && *e >= '0' && *e <= '9') ? atoi(e) : TY_COKEEP;
  }
  return nlive < keep;
}

struct tycoro *tyR_current(void) {
  return current;
}

/* ---- the context switch ---- */

#ifdef TY_CORO_ASM

/*
** tyR_switch_(from, to): pushes the callee-saved registers and the SSE/x87
** control words on the current stack, stores rsp in from->sp, loads
** to->sp and pops the same frame.  A fresh context's frame returns into
** tyR_tramp_, which calls r13(r12) on an aligned stack.
*/
__asm__(
  ".pushsection .text\n"
  ".p2align 4\n"
  ".globl tyR_switch_\n"
  ".hidden tyR_switch_\n"
  ".type tyR_switch_,@function\n"
  "tyR_switch_:\n"
  "  pushq %rbp\n"
  "  pushq %rbx\n"
  "  pushq %r12\n"
  "  pushq %r13\n"
  "  pushq %r14\n"
  "  pushq %r15\n"
  "  subq $8, %rsp\n"
  "  stmxcsr (%rsp)\n"
  "  fnstcw 4(%rsp)\n"
  "  movl (%rsp), %eax\n"
  "  movzwl 4(%rsp), %ecx\n"
  "  movq %rsp, (%rdi)\n"
  "  movq (%rsi), %rsp\n"
  "  cmpl (%rsp), %eax\n"           /* reload only changed control words (slow) */
  "  je 1f\n"
  "  ldmxcsr (%rsp)\n"
  "1:\n"
  "  cmpw 4(%rsp), %cx\n"
  "  je 2f\n"
  "  fldcw 4(%rsp)\n"
  "2:\n"
  "  addq $8, %rsp\n"
  "  popq %r15\n"
  "  popq %r14\n"
  "  popq %r13\n"
  "  popq %r12\n"
  "  popq %rbx\n"
  "  popq %rbp\n"
  "  ret\n"
  ".size tyR_switch_, .-tyR_switch_\n"
  ".p2align 4\n"
  ".globl tyR_tramp_\n"
  ".hidden tyR_tramp_\n"
  ".type tyR_tramp_,@function\n"
  "tyR_tramp_:\n"
  "  movq %r12, %rdi\n"
  "  andq $-16, %rsp\n"
  "  callq *%r13\n"
  "  ud2\n"
  ".size tyR_tramp_, .-tyR_tramp_\n"
  ".popsection\n"
);

extern void tyR_switch_(tyctx *from, tyctx *to) __attribute__((visibility("hidden")));
extern void tyR_tramp_(void) __attribute__((visibility("hidden")));
#define ctxswitch(from, to) tyR_switch_((from), (to))

#else

#define ctxswitch(from, to) swapcontext(&(from)->uc, &(to)->uc)

#endif

static void coro_start(struct tycoro *co) {
  asan_finish(NULL, &co->backbottom, &co->backsize);
  co->entry(co);
  abort();  /* entry ends with tyR_exit */
}

#ifndef TY_CORO_ASM
static void uc_entry(unsigned int hi, unsigned int lo) {
  uintptr_t p = ((uintptr_t)hi << 16 << 16) | (uintptr_t)lo;
  coro_start((struct tycoro *)p);
}
#endif

void tyR_prepare(struct tycoro *co, tyR_entry entry) {
  co->entry = entry;
  co->state = TYCO_FRESH;
  co->fake = NULL;
  asan_unpoison(co->stack, co->stacksize);  /* frames of an abandoned run */
#ifdef TY_CORO_ASM
  {
    uintptr_t top = ((uintptr_t)(co->stack + co->stacksize)) & ~(uintptr_t)15;
    void **sp = (void **)top;
    uint32_t mxcsr;
    uint16_t fpucw;
    __asm__ volatile ("stmxcsr %0" : "=m"(mxcsr));
    __asm__ volatile ("fnstcw %0" : "=m"(fpucw));
    *--sp = NULL;
    *--sp = (void *)tyR_tramp_;   /* return address of the switch */
    *--sp = NULL;                 /* rbp */
    *--sp = NULL;                 /* rbx */
    *--sp = (void *)co;           /* r12: argument */
    *--sp = (void *)coro_start;   /* r13: function */
    *--sp = NULL;                 /* r14 */
    *--sp = NULL;                 /* r15 */
    *--sp = NULL;                 /* control words */
    memcpy((char *)sp, &mxcsr, 4);
    memcpy((char *)sp + 4, &fpucw, 2);
    co->ctx.sp = sp;
  }
#else
  {
    uintptr_t p = (uintptr_t)co;
    getcontext(&co->ctx.uc);
    co->ctx.uc.uc_stack.ss_sp = co->stack;
    co->ctx.uc.uc_stack.ss_size = co->stacksize;
    co->ctx.uc.uc_link = NULL;
    makecontext(&co->ctx.uc, (void (*)(void))uc_entry, 2,
                (unsigned int)(p >> 16 >> 16), (unsigned int)(p & 0xffffffffu));
  }
#endif
}

void tyR_resume(struct tycoro *co) {
  void *fake = NULL;
  co->prevcur = current;
  current = co;
  asan_start(&fake, co->stack, co->stacksize);
  ctxswitch(&co->back, &co->ctx);
  asan_finish(fake, NULL, NULL);
  current = co->prevcur;
  (void)fake;
}

void tyR_suspend(struct tycoro *co) {
  asan_start(&co->fake, co->backbottom, co->backsize);
  ctxswitch(&co->ctx, &co->back);
  asan_finish(co->fake, &co->backbottom, &co->backsize);
}

void tyR_exit(struct tycoro *co) {
  asan_start(NULL, co->backbottom, co->backsize);  /* this fiber's frames die */
  ctxswitch(&co->ctx, &co->back);
  abort();  /* never resumed: tyR_prepare builds a new context */
}

/* ---- stacks ---- */

static size_t pagesize(void) {
  static size_t ps;
  if (ps == 0) {
    long p = sysconf(_SC_PAGESIZE);
    ps = (p > 0) ? (size_t)p : 4096;
  }
  return ps;
}

struct tycoro *tyR_new(void) {
  struct tycoro *co;
  size_t ps, mapsize, hdr;
  int guard;
  char *m;
  if (pool != NULL) {
    co = pool;
    pool = co->nextfree;
    npool--;
    co->nextfree = NULL;
    co->L = NULL;
    return co;
  }
  ps = pagesize();
  guard = (nlive < TY_COGUARDLIMIT);
  mapsize = TY_COSTACKSIZE + (guard ? ps : 0);
  m = (char *)mmap(NULL, mapsize, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (m == MAP_FAILED)
    return NULL;
  if (guard && mprotect(m, ps, PROT_NONE) != 0)
    guard = 0;  /* still usable, only unguarded */
  hdr = (sizeof(struct tycoro) + 63) & ~(size_t)63;
  co = (struct tycoro *)(m + mapsize - hdr);
  memset(co, 0, sizeof(*co));
  co->map = m;
  co->mapsize = mapsize;
  co->stack = m + (guard ? ps : 0);
  co->stacksize = (size_t)((char *)co - co->stack);
  co->state = TYCO_DONE;
  nlive++;
  return co;
}

void tyR_free(struct tycoro *co) {
  if (co == NULL) return;
  asan_unpoison(co->stack, co->stacksize);
  co->state = TYCO_DONE;
  co->L = NULL;
  if (npool < TY_COPOOLMAX) {
    co->nextfree = pool;
    pool = co;
    npool++;
  }
  else {
    nlive--;
    munmap(co->map, co->mapsize);
  }
}
