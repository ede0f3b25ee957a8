// cblas.h comes from OpenBLAS (its include directory is found through pkg-config openblas);
// lapacke.h from liblapacke-dev. Debian's OpenBLAS does not export LAPACKE_* itself.
#include <cblas.h>
#include <lapacke.h>
