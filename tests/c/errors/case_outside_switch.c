int main(void) {
    case 1:
    return 0;
}

// expect: 2:5: error: case label not within a switch statement
