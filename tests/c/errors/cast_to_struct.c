struct s { int v; };
int main(void) {
    struct s value = (struct s)1;
    return value.v;
}

// expect: 3:22: error: conversion to non-scalar type requested
