#ifndef GAZETTE_CFUZZDRIVER_H
#define GAZETTE_CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for programs that have a main of their own (LLVM >= 11).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
