package dev.tc0.circuit.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A small buffered byte writer for the text formats: ASCII fast paths, UTF-8 for names. */
final class TextOut {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int n;

    TextOut(OutputStream out) {
        this.out = out;
    }

    TextOut ch(char c) throws IOException {
        if (n == buf.length) drain();
        buf[n++] = (byte) c;
        return this;
    }

    TextOut str(String s) throws IOException {
        int len = s.length();
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) ascii = s.charAt(i) < 0x80;
        if (!ascii) return bytes(s.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < len; i++) {
            if (n == buf.length) drain();
            buf[n++] = (byte) s.charAt(i);
        }
        return this;
    }

    TextOut num(long v) throws IOException {
        if (v < 0) {
            if (v == Long.MIN_VALUE) return str(Long.toString(v));
            ch('-');
            v = -v;
        }
        if (n + 20 > buf.length) drain();
        int s = n;
        do {
            buf[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = s, j = n - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Writes {@code count} copies of {@code c}. */
    TextOut repeat(char c, long count) throws IOException {
        for (long i = 0; i < count; i++) {
            if (n == buf.length) drain();
            buf[n++] = (byte) c;
        }
        return this;
    }

    TextOut bytes(byte[] b) throws IOException {
        if (b.length > buf.length - n) {
            drain();
            if (b.length > buf.length) {
                out.write(b);
                return this;
            }
        }
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
        return this;
    }

    TextOut raw(int b) throws IOException {
        if (n == buf.length) drain();
        buf[n++] = (byte) b;
        return this;
    }

    TextOut nl() throws IOException {
        return ch('\n');
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }
}
