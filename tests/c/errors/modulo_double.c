int main(void) {
    double d = 5.0;
    return d % 2;
}

// expect: 3:14: error: invalid operands to binary % (have 'double' and 'int')
