package dev.tc0.circuit.io;

import it.unimi.dsi.fastutil.Hash;
import java.security.SecureRandom;

/**
 * Hashing for tables keyed by signal names read from a file. {@link String#hashCode} is public and
 * easy to collide ("Aa" and "BB" hash alike, so do all 2^k words over them), and an open-addressing
 * table keyed by it degrades to a linear scan per lookup on such names: a crafted file of 2^17
 * inputs took minutes to read. This strategy hashes with SipHash-1-3 under a key drawn at random
 * once per process, so a file cannot be built to collide without knowing the key. Nothing that
 * tc0 outputs depends on the hash order, so results stay deterministic.
 */
final class NameHash implements Hash.Strategy<String> {
    static final NameHash INSTANCE = new NameHash();

    private final long k0, k1;

    private NameHash() {
        SecureRandom r = new SecureRandom();
        k0 = r.nextLong();
        k1 = r.nextLong();
    }

    @Override
    public int hashCode(String s) {
        if (s == null) return 0;
        long h = hash64(s);
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** SipHash-1-3 of the string's UTF-16 code units, four to a 64-bit word. */
    long hash64(String s) {
        Sip sip = new Sip(k0, k1);
        int n = s.length(), full = n & ~3;
        for (int i = 0; i < full; i += 4) {
            sip.absorb(s.charAt(i)
                    | (long) s.charAt(i + 1) << 16
                    | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48);
        }
        long last = (long) (n & 0xff) << 56; // the length (mod 256) and the last 0..3 code units
        for (int i = full; i < n; i++) last |= (long) s.charAt(i) << (16 * (i - full));
        sip.absorb(last);
        return sip.finish();
    }

    /** SipHash's state: one round per word absorbed (c = 1), three to finish (d = 3). */
    private static final class Sip {
        private long v0, v1, v2, v3;

        Sip(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        void absorb(long m) {
            v3 ^= m;
            round();
            v0 ^= m;
        }

        long finish() {
            v2 ^= 0xff;
            round();
            round();
            round();
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void round() {
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13);
            v1 ^= v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17);
            v1 ^= v2;
            v2 = Long.rotateLeft(v2, 32);
        }
    }
}
