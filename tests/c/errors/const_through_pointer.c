int main(void) {
    int x = 1;
    const int *p = &x;
    *p = 2;
    return x;
}

// expect: 4:8: error: assignment of read-only location
