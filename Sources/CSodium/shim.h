#ifndef FEDSEC_CSODIUM_SHIM_H
#define FEDSEC_CSODIUM_SHIM_H
#include <sodium.h>
#endif
