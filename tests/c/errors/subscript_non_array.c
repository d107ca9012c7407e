int main(void) {
    int n = 3;
    return n[0];
}

// expect: 3:13: error: subscripted value is neither array nor pointer
