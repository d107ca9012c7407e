int main(void) {
    int x = 1
    return x;
}

// expect: 2:14: error: expected ';' before 'return'
// expect: 2:9: warning: unused variable 'x'
