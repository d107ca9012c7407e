void nothing(void) {}
int main(void) {
    int x = nothing();
    return x;
}

// expect: 3:13: error: void value not ignored as it ought to be
