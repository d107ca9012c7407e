int main(void) {
    const int n = 1;
    n++;
    return n;
}

// expect: 3:6: error: increment of read-only variable 'n'
