/* imgstamp.h: stamps of image files whose content check passed (imgstamp.c). */
#ifndef TYCHO_IMGSTAMP_H
#define TYCHO_IMGSTAMP_H

#include "imgfmt.h"

/* 1 if the file open on fd is the very version whose content check passed before */
int tyI_stamped(int fd, const TyImgHeader *h);
/* records that the file open on fd passed the content check (failures are silent) */
void tyI_stamp(int fd, const TyImgHeader *h);

#endif
