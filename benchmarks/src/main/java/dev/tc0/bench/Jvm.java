package dev.tc0.bench;

/**
 * JVM flags every JMH class forks with. Annotation values must be compile-time constants, hence
 * strings here rather than a list. Note that {@code -jvmArgsAppend} on the JMH command line
 * replaces these, so run.sh repeats the Vector API flag.
 */
public final class Jvm {
    /** Without it every class with a {@code static final VectorSpecies} fails to load. */
    public static final String VECTOR = "--add-modules=jdk.incubator.vector";
    /** The native kernels load a library and call it; without this the JVM warns on first use. */
    public static final String NATIVE = "--enable-native-access=ALL-UNNAMED";
    /** Room for 2^20-pattern planes of the largest workloads and their arenas. */
    public static final String HEAP = "-Xmx6g";
    /** Pre-touch the heap so page faults do not land in the first measured iterations. */
    public static final String PRETOUCH = "-XX:+AlwaysPreTouch";

    private Jvm() {}
}
