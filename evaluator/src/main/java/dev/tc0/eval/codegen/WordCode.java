package dev.tc0.eval.codegen;

import java.lang.classfile.CodeBuilder;

/**
 * How a chunk's values become bytecode: {@link ChunkEmitter} says what a gate computes, this says
 * what a value is. {@link LongCode} makes a value one {@code long} word; {@code VectorCode} makes
 * it one {@code LongVector} of several words, so a chunk call covers that many words. Operations
 * pop their operands from the operand stack and push their result, like the bytecode they emit.
 *
 * <p>A chunk method is {@code (long[] v, int i)}: the arena and the first word of the call.
 */
abstract class WordCode {
    /** Locals of a chunk method: the arena, the first word of the call. */
    static final int V = 0, I = 1;

    /** The kernel set's name with this code. */
    abstract String kernelsName();

    /** Words of a tile one chunk call covers; tile and block widths are multiples of it. */
    abstract int wordsPerCall();

    /** Local variable slots a value takes. */
    abstract int localSize();

    /** Pushes the value at arena offset {@code offset + i}. */
    abstract void load(CodeBuilder cb, int offset);

    /** Stores local {@code local} at arena offset {@code offset + i}. */
    abstract void store(CodeBuilder cb, int local, int offset);

    abstract void get(CodeBuilder cb, int local);

    abstract void put(CodeBuilder cb, int local);

    /** Duplicates the value on top of the stack. */
    abstract void dup(CodeBuilder cb);

    abstract void and(CodeBuilder cb);

    abstract void or(CodeBuilder cb);

    abstract void xor(CodeBuilder cb);

    abstract void not(CodeBuilder cb);

    /** Pushes all ones or all zeros. */
    abstract void constant(CodeBuilder cb, boolean ones);

    /** One {@code long} per call: 64 patterns per operation. */
    static final class LongCode extends WordCode {
        static final LongCode INSTANCE = new LongCode();

        private LongCode() {}

        @Override
        String kernelsName() {
            return "codegen";
        }

        @Override
        int wordsPerCall() {
            return 1;
        }

        @Override
        int localSize() {
            return 2;
        }

        @Override
        void load(CodeBuilder cb, int offset) {
            cb.aload(V).iload(I).loadConstant(offset).iadd().laload();
        }

        @Override
        void store(CodeBuilder cb, int local, int offset) {
            cb.aload(V).iload(I).loadConstant(offset).iadd().lload(local).lastore();
        }

        @Override
        void get(CodeBuilder cb, int local) {
            cb.lload(local);
        }

        @Override
        void put(CodeBuilder cb, int local) {
            cb.lstore(local);
        }

        @Override
        void dup(CodeBuilder cb) {
            cb.dup2();
        }

        @Override
        void and(CodeBuilder cb) {
            cb.land();
        }

        @Override
        void or(CodeBuilder cb) {
            cb.lor();
        }

        @Override
        void xor(CodeBuilder cb) {
            cb.lxor();
        }

        @Override
        void not(CodeBuilder cb) {
            cb.loadConstant(-1L).lxor();
        }

        @Override
        void constant(CodeBuilder cb, boolean ones) {
            cb.loadConstant(ones ? -1L : 0L);
        }
    }
}
