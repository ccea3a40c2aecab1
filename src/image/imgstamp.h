/* imgstamp.h: stamps of image files whose content check passed (imgstamp.c). */
#ifndef TYCHO_IMGSTAMP_H
#define TYCHO_IMGSTAMP_H

#include <sys/stat.h>
#include <time.h>
#include "imgfmt.h"

/* 1 if the file version st (fstat before anything was read) passed the content check before */
int tyI_stamped(const struct stat *st, const TyImgHeader *h);
/* records that the file version st passed the content check; seen is tyI_clock() read
** right after st was taken (a file changed in that clock tick is not stamped).  The
** caller has checked that the file still is st after the check.  Failures are silent. */
void tyI_stamp(const struct stat *st, const struct timespec *seen, const TyImgHeader *h);
/* same device, inode, size, mtime and ctime */
int tyI_samefile(const struct stat *a, const struct stat *b);
/* the clock file timestamps come from (coarse real time) */
void tyI_clock(struct timespec *now);

#endif
