_Static_assert(sizeof(int) == 8, "int is 8 bytes");

// expect: 1:1: error: static assertion failed: "int is 8 bytes"
