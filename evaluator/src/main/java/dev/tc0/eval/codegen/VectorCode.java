package dev.tc0.eval.codegen;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.tc0.eval.vector.VectorKernels;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Values as {@code LongVector}s of the vector interpreter's species ({@code tc0.vector.bits},
 * default the preferred one): one chunk call covers {@link #L} words. The generated code reads
 * the species from {@link #S}, a static final C2 folds to a constant, and calls {@code
 * LongVector}'s methods directly, so when C2 inlines them all (chunks small enough: see
 * {@link CodegenKernels#VECTOR_CHUNK_BYTES}) every value stays in a register and none is boxed.
 * The only class of this package that touches {@code jdk.incubator.vector}; it is loaded
 * reflectively ({@link CodegenKernels#vector()}).
 */
final class VectorCode extends WordCode {
    static final VectorSpecies<Long> S = VectorKernels.species();
    static final int L = S.length();
    static final VectorCode INSTANCE = new VectorCode();

    private static final ClassDesc SELF = ClassDesc.of(VectorCode.class.getName());
    private static final ClassDesc SPECIES = ClassDesc.of(VectorSpecies.class.getName());
    private static final ClassDesc VECTOR = ClassDesc.of("jdk.incubator.vector.Vector");
    private static final ClassDesc LONG_VECTOR = ClassDesc.of(LongVector.class.getName());
    private static final ClassDesc OPERATORS = ClassDesc.of("jdk.incubator.vector.VectorOperators");
    private static final ClassDesc ASSOCIATIVE = ClassDesc.of("jdk.incubator.vector.VectorOperators$Associative");
    private static final ClassDesc BINARY = ClassDesc.of("jdk.incubator.vector.VectorOperators$Binary");
    private static final MethodTypeDesc FROM_ARRAY =
            MethodTypeDesc.of(LONG_VECTOR, SPECIES, CD_long.arrayType(), CD_int);
    private static final MethodTypeDesc INTO_ARRAY = MethodTypeDesc.of(CD_void, CD_long.arrayType(), CD_int);
    private static final MethodTypeDesc WITH_VECTOR = MethodTypeDesc.of(LONG_VECTOR, VECTOR);
    private static final MethodTypeDesc LANEWISE = MethodTypeDesc.of(LONG_VECTOR, BINARY, VECTOR);
    private static final MethodTypeDesc UNARY = MethodTypeDesc.of(LONG_VECTOR);
    private static final MethodTypeDesc BROADCAST = MethodTypeDesc.of(LONG_VECTOR, SPECIES, CD_long);

    private VectorCode() {}

    @Override
    String kernelsName() {
        return "codegen-vector-" + S.vectorBitSize();
    }

    @Override
    int wordsPerCall() {
        return L;
    }

    @Override
    int localSize() {
        return 1;
    }

    @Override
    void load(CodeBuilder cb, int offset) {
        species(cb);
        cb.aload(V).iload(I).loadConstant(offset).iadd().invokestatic(LONG_VECTOR, "fromArray", FROM_ARRAY);
    }

    @Override
    void store(CodeBuilder cb, int local, int offset) {
        cb.aload(local)
                .aload(V)
                .iload(I)
                .loadConstant(offset)
                .iadd()
                .invokevirtual(LONG_VECTOR, "intoArray", INTO_ARRAY);
    }

    @Override
    void get(CodeBuilder cb, int local) {
        cb.aload(local);
    }

    @Override
    void put(CodeBuilder cb, int local) {
        cb.astore(local);
    }

    @Override
    void dup(CodeBuilder cb) {
        cb.dup();
    }

    @Override
    void and(CodeBuilder cb) {
        cb.invokevirtual(LONG_VECTOR, "and", WITH_VECTOR);
    }

    @Override
    void or(CodeBuilder cb) {
        cb.invokevirtual(LONG_VECTOR, "or", WITH_VECTOR);
    }

    /** {@code a.lanewise(XOR, b)}: LongVector has no xor method; the operator goes under b. */
    @Override
    void xor(CodeBuilder cb) {
        cb.getstatic(OPERATORS, "XOR", ASSOCIATIVE).swap().invokevirtual(LONG_VECTOR, "lanewise", LANEWISE);
    }

    @Override
    void not(CodeBuilder cb) {
        cb.invokevirtual(LONG_VECTOR, "not", UNARY);
    }

    @Override
    void constant(CodeBuilder cb, boolean ones) {
        species(cb);
        cb.loadConstant(ones ? -1L : 0L).invokestatic(LONG_VECTOR, "broadcast", BROADCAST);
    }

    private static void species(CodeBuilder cb) {
        cb.getstatic(SELF, "S", SPECIES);
    }
}
