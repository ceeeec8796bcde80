/* pixelport: <Accelerate/Accelerate.h> — vImage only (no vecLib/vDSP/BLAS). */
#ifndef PIXELPORT_ACCELERATE_H
#define PIXELPORT_ACCELERATE_H

#include "../vImage/vImage.h"

#endif /* PIXELPORT_ACCELERATE_H */
