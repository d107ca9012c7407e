struct later;
int main(void) {
    struct later value;
    return 0;
}

// expect: 3:18: error: storage size of 'value' isn't known
// expect: 3:18: warning: unused variable 'value'
