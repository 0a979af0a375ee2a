package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The rule class loader resolves a name of the compile to the verified bytes, never to a class of the same
 * name on the application's class path: otherwise a call the verifier checked as a call into the compile's
 * own (verified) class would run a class the verifier never saw.
 */
class RuleClassLoaderTest {
    /** An empty class named {@code internalName}. */
    static byte[] empty(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void loadClass_nameOfTheCompileAlsoOnTheClassPath_isTheVerifiedClass() throws Exception {
        // a class of the test class path outside the namespaces the verifier protects
        String name = "org.opentest4j.AssertionFailedError";
        Class<?> onClassPath = Class.forName(name);
        RuleClasses.RuleClassLoader loader = new RuleClasses.RuleClassLoader(RuleClassLoaderTest.class.getClassLoader(),
                Map.of(name.replace('.', '/'), empty(name.replace('.', '/'))));
        Class<?> c = loader.loadClass(name);
        assertSame(loader, c.getClassLoader(), "the compile's own bytes, not " + onClassPath.getClassLoader());
        assertEquals(0, c.getDeclaredMethods().length);
        assertSame(c, loader.loadClass(name), "defined once");
        // any other name still comes from the library's loader
        assertSame(String.class, loader.loadClass("java.lang.String"));
        assertSame(RuleClasses.class, loader.loadClass(RuleClasses.class.getName()));
    }
}
