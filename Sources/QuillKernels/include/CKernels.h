// Umbrella header of the C kernels.
#include "kernels.h"
#include "gemm.h"
