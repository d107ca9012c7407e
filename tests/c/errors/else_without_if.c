int main(void) {
    else return 1;
    return 0;
}

// expect: 2:5: error: 'else' without a previous 'if'
