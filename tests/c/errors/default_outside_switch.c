int main(void) {
    default:
    return 0;
}

// expect: 2:5: error: 'default' label not within a switch statement
