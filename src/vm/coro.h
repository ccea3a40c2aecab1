/* coro.h: separate C stacks for coroutines: mmap'ed stacks with a guard page and the context switch.
** A suspended coroutine usually holds none: see the design note in coro.c. */
#ifndef TY_CORO_H
#define TY_CORO_H

#include <stddef.h>

struct lua_State;
struct tycoro;

/* x86-64 uses a hand-written switch; other targets (or -DTY_CORO_UCONTEXT) use ucontext */
#if defined(__x86_64__) && !defined(TY_CORO_UCONTEXT)
#define TY_CORO_ASM 1
typedef struct tyctx { void *sp; } tyctx;
#else
#include <ucontext.h>
typedef struct tyctx { ucontext_t uc; } tyctx;
#endif

/* states of a coroutine's C context */
#define TYCO_FRESH     0  /* prepared, not started */
#define TYCO_RUNNING   1
#define TYCO_SUSPENDED 2  /* inside lua_yieldk, waiting for the next resume */
#define TYCO_DONE      3  /* body returned (normally or by error); stack reusable */
#define TYCO_UNWOUND   4  /* yielded with every frame finishable from its CallInfo: stack reusable */

typedef void (*tyR_entry)(struct tycoro *co);

/* lives at the high end of its own stack mapping */
struct tycoro {
  tyctx ctx;                 /* the coroutine while it is not running */
  tyctx back;                /* the resumer while the coroutine runs */
  char *map;                 /* whole mapping (guard page, if any, at the low end) */
  size_t mapsize;
  char *stack;               /* usable stack: [stack, stack + stacksize) */
  size_t stacksize;
  tyR_entry entry;
  struct lua_State *L;       /* thread running on this stack */
  struct tycoro *prevcur;    /* context current before this one was resumed */
  struct tycoro *nextfree;   /* link in the free pool */
  int state;                 /* TYCO_* */
  int status;                /* final status of the body (TYCO_DONE) */
  int nargs;                 /* values passed by the last resume */
  unsigned int cbase;        /* L->nCcalls at the start of the current resume */
  unsigned int cdepth;       /* nested C calls pending inside the suspended body */
  /* AddressSanitizer fiber bookkeeping */
  void *fake;
  const void *backbottom;
  size_t backsize;
};

struct tycoro *tyR_new(void);              /* NULL when out of memory */
void tyR_free(struct tycoro *co);          /* back to the pool (or unmapped) */
void tyR_prepare(struct tycoro *co, tyR_entry entry);  /* fresh context running entry(co) */
void tyR_resume(struct tycoro *co);        /* resumer side: run co until it suspends or ends */
void tyR_suspend(struct tycoro *co);       /* coroutine side: back to the resumer */
void tyR_exit(struct tycoro *co) __attribute__((noreturn));  /* coroutine side, final */
struct tycoro *tyR_current(void);
int tyR_keepstack(void);                   /* may one more suspended coroutine keep its stack? */          /* context running now (NULL: a thread's own stack) */

#endif
