int main(void) {
    int n = 3;
    void *p = &n;
    return *p;
}

// expect: 4:12: error: dereferencing 'void *' pointer
