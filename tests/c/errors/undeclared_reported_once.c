int main(void) {
    total = 1;
    total = 2;
    return 0;
}

// expect: 2:5: error: 'total' undeclared (first use in this function)
