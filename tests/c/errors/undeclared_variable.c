int main(void) {
    int x = 1;
    return y;
}

// expect: 3:12: error: 'y' undeclared (first use in this function)
// expect: 2:9: warning: unused variable 'x'
