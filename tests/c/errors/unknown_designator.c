struct point { int x, y; };
struct point origin = { .z = 0 };

// expect: 2:25: error: unknown field 'z' specified in initializer
