int main(void) {
    goto finish;
    return 1;
}

// expect: 2:5: error: label 'finish' used but not defined
