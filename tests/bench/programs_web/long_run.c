// The web benchmark's long run: eight values rotated 700,000 times, about 7.7 million statement
// steps (the loop's test, nine assignments and the increment each time round) and 45 million VM
// instructions, inside the 50-million-instruction budget a Continue runs without pausing.
int main(void) {
    int a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
    for (int i = 0; i < 700000; i++) {
        int first = a;
        a = b;
        b = c;
        c = d;
        d = e;
        e = f;
        f = g;
        g = h;
        h = first;
    }
    return a == 1 ? 0 : 1;
}
