int main(void) {
    int x = 1
    int y = 2;
    return z;
}

// expect: 2:14: error: expected ';' before 'int'
// expect: 4:12: error: 'z' undeclared (first use in this function)
// expect: 2:9: warning: unused variable 'x'
