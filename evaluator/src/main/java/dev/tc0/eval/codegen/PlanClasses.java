package dev.tc0.eval.codegen;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns chunks into loaded code: hidden classes of up to {@link #CHUNKS_PER_CLASS} chunk methods
 * each, and a {@code run(from, to, v, i0, n)} that calls its chunks {@code from .. to} in turn
 * on words {@code i0 .. i0 + n}, {@link WordCode#wordsPerCall} words per call. Hidden classes are unloaded with the plan that holds them.
 * Several classes keep each one's constant pool and size far below the class-file limits on
 * plans of millions of gates.
 */
final class PlanClasses {
    static final int CHUNKS_PER_CLASS = 64;
    static final MethodTypeDesc CHUNK = MethodTypeDesc.of(CD_void, CD_long.arrayType(), CD_int);
    static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_void, CD_int, CD_int, CD_long.arrayType(), CD_int, CD_int);
    private static final ClassDesc RUNNER = ClassDesc.of(ChunkRunner.class.getName());

    private PlanClasses() {}

    /**
     * One runner per class; chunk {@code c} is {@code runners[c / CHUNKS_PER_CLASS]}'s chunk
     * {@code c % CHUNKS_PER_CLASS}. Interpreted chunks get an empty method (never called).
     */
    static ChunkRunner[] load(Chunks chunks, int words, WordCode code) {
        ChunkEmitter emitter = new ChunkEmitter(chunks, words, code);
        int step = code.wordsPerCall();
        int n = chunks.count();
        ChunkRunner[] runners = new ChunkRunner[(n + CHUNKS_PER_CLASS - 1) / CHUNKS_PER_CLASS];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (int k = 0; k < runners.length; k++) {
            int first = k * CHUNKS_PER_CLASS, last = Math.min(n, first + CHUNKS_PER_CLASS);
            byte[] bytes = classBytes(emitter, chunks, first, last, step);
            try {
                MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true);
                runners[k] =
                        (ChunkRunner) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                                .invoke();
            } catch (Throwable e) {
                throw new IllegalStateException("generated class " + k + " of the plan failed to load", e);
            }
        }
        return runners;
    }

    /** The class file of chunks {@code first .. last}, each call covering {@code step} words. */
    static byte[] classBytes(ChunkEmitter emitter, Chunks chunks, int first, int last, int step) {
        ClassDesc self = ClassDesc.of(PlanClasses.class.getPackageName() + ".Plan");
        return ClassFile.of().build(self, cls -> {
            cls.withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SUPER);
            cls.withInterfaceSymbols(RUNNER);
            cls.withMethodBody(
                    INIT_NAME,
                    MTD_void,
                    ClassFile.ACC_PUBLIC,
                    cb -> cb.aload(0)
                            .invokespecial(CD_Object, INIT_NAME, MTD_void)
                            .return_());
            for (int c = first; c < last; c++) {
                int chunk = c;
                cls.withMethodBody("c" + (c - first), CHUNK, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, cb -> {
                    if (chunks.interpreted[chunk]) cb.return_();
                    else emitter.emit(cb, chunk);
                });
            }
            // for (c = from; c < to; c++) for (i = i0; i < i0 + n; i += step) switch (c) { case k: ck(v, i); }
            cls.withMethodBody("run", RUN, ClassFile.ACC_PUBLIC, cb -> {
                int from = 1, to = 2, v = 3, i0 = 4, n = 5, i = 6;
                cb.iload(i0).iload(n).iadd().istore(n); // n is the end word from here on
                Label chunk = cb.newBoundLabel();
                cb.iload(i0).istore(i);
                Label word = cb.newBoundLabel(), next = cb.newLabel();
                List<SwitchCase> cases = new ArrayList<>();
                List<Label> labels = new ArrayList<>();
                for (int c = first; c < last; c++) {
                    Label l = cb.newLabel();
                    labels.add(l);
                    cases.add(SwitchCase.of(c - first, l));
                }
                cb.iload(from).tableswitch(0, last - first - 1, next, cases);
                for (int c = first; c < last; c++) {
                    cb.labelBinding(labels.get(c - first));
                    cb.aload(v)
                            .iload(i)
                            .invokestatic(self, "c" + (c - first), CHUNK)
                            .goto_(next);
                }
                cb.labelBinding(next);
                cb.iinc(i, step).iload(i).iload(n).if_icmplt(word);
                cb.iinc(from, 1).iload(from).iload(to).if_icmplt(chunk).return_();
            });
        });
    }
}
