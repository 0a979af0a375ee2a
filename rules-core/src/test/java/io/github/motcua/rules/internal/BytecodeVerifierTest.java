package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The bytecode verifier: each forbidden mechanism, written as Java the way a rule's condition or
 * consequence would be, compiled in memory and refused with its class, method, member and line; the
 * allowed vocabulary and JDK members pass; and the real executable-model output of the Gia Lai pack
 * and the rules-core test packs passes whole (the allowlist is not too tight).
 */
class BytecodeVerifierTest {

    // ------------------------------------------------------------------ helpers

    /** Imports every test source gets, as the rule header does (the vocabulary, LocalDate). */
    private static final String IMPORTS = "import io.github.motcua.rules.vocabulary.*; import java.time.LocalDate; "
            + "import java.math.BigDecimal; import org.drools.model.functions.*;\n";

    /** Compiles one Java source (public class {@code name} in package {@code gen}) in memory: internal name -> bytes. */
    static Map<String, byte[]> compile(String name, String body) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className.replace('.', '/'), k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        String source = "package gen; " + IMPORTS + body;
        JavaFileObject src = new SimpleJavaFileObject(URI.create("mem:///gen/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("--release", "17", "-g", "-proc:none", "-classpath",
                System.getProperty("java.class.path"));
        boolean ok = javac.getTask(null, fm, diags, options, null, List.of(src)).call();
        assertTrue(ok, () -> "test source does not compile: " + diags.getDiagnostics());
        Map<String, byte[]> classes = new TreeMap<>();
        out.forEach((k, v) -> classes.put(k, v.toByteArray()));
        return classes;
    }

    /** A consequence as generated code has it: an enum implementing Block1 over the decision. */
    static Map<String, byte[]> consequence(String statements) {
        return compile("Rule", "public enum Rule implements Block1<Actions> { INSTANCE;\n"
                + "  public void execute(Actions decision) throws Exception {\n" + statements + "\n  }\n}\n");
    }

    /** A condition as generated code has it: an enum implementing Predicate1 over the form. */
    static Map<String, byte[]> condition(String expression) {
        return compile("Rule", "public enum Rule implements Predicate1<Form> { INSTANCE;\n"
                + "  public boolean test(Form f) throws Exception {\n    return " + expression + ";\n  }\n}\n");
    }

    /** A letter only Vietnamese writes (with its diacritics), for the language of a rendered reason. */
    static final java.util.regex.Pattern VIETNAMESE = java.util.regex.Pattern.compile(
            "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", java.util.regex.Pattern.CASE_INSENSITIVE);

    static List<BytecodeRefusal> refusals(Map<String, byte[]> classes) {
        return BytecodeVerifier.verify(classes);
    }

    /** Asserts a refusal names this member (substring of {@code member}) and returns it. */
    static BytecodeRefusal refused(Map<String, byte[]> classes, String member) {
        List<BytecodeRefusal> r = refusals(classes);
        return r.stream().filter(x -> x.member().contains(member)).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal naming [" + member + "] in " + r));
    }

    static BytecodeRefusal refusedFor(Map<String, byte[]> classes, String reasonPart) {
        List<BytecodeRefusal> r = refusals(classes);
        return r.stream().filter(x -> x.reason().contains(reasonPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no refusal saying [" + reasonPart + "] in " + r));
    }

    static void accepted(Map<String, byte[]> classes) {
        List<BytecodeRefusal> r = refusals(classes);
        assertTrue(r.isEmpty(), () -> "expected no refusal, got " + r);
    }

    // ------------------------------------------------------------------ reflection and class loading

    @Nested
    class Reflection {
        @Test
        void classLoaderLoadClass_fromAVocabularyClassConstant_isRefused() {
            Map<String, byte[]> c = consequence("Object o = Applicant.class.getClassLoader()"
                    + ".loadClass(\"java.io.FileOutputStream\").getConstructor(String.class).newInstance(\"/tmp/x\");");
            BytecodeRefusal r = refused(c, "java/lang/Class.getClassLoader");
            assertEquals("gen/Rule", r.className());
            assertEquals("execute(Lio/github/motcua/rules/vocabulary/Actions;)V", r.method());
            assertEquals(4, r.line(), "the line of the statement in the generated source");
            assertTrue(r.reason().contains("reflection"), r.reason());
            refused(c, "java/lang/ClassLoader.loadClass");
            refused(c, "java/lang/reflect/Constructor.newInstance");
        }

        /** Each reason is a bundle key with arguments, rendered whole in the language asked for. */
        @Test
        void reason_renderedInEnglishHasNoVietnamese_inVietnameseReadsVietnamese() {
            BytecodeRefusal r = refused(consequence("Object o = Applicant.class.getClassLoader();"),
                    "java/lang/Class.getClassLoader");
            assertEquals("load.bytecode.why.method", r.key());
            assertEquals("load.bytecode.hint.reflection", r.hint());
            assertEquals(Map.of("owner", "java.lang.Class", "name", "getClassLoader"), r.args());
            assertEquals("java.lang.Class.getClassLoader is not allowed in rules (reflection and class loading)",
                    r.reason(Locale.ENGLISH));
            assertEquals("không được dùng java.lang.Class.getClassLoader trong quy tắc (phản chiếu và nạp lớp)",
                    r.reason(Locale.forLanguageTag("vi")));
            assertEquals(r.reason(Locale.ENGLISH), r.reason());
            // a refusal without a family, with a number: the loop budget's
            BytecodeRefusal loop = refusedFor(consequence("for (int i = 0; i < 3; i++) { decision.note(\"x\"); }"), "loops");
            assertEquals("loops are not allowed in rules (a jump backwards)", loop.reason(Locale.ENGLISH));
            assertEquals("không được dùng vòng lặp trong quy tắc (một lệnh nhảy lùi)", loop.reason(Locale.forLanguageTag("vi")));
            for (BytecodeRefusal each : List.of(r, loop)) {
                assertFalse(VIETNAMESE.matcher(each.reason(Locale.ENGLISH)).find(), each.reason(Locale.ENGLISH));
                assertTrue(VIETNAMESE.matcher(each.reason(Locale.forLanguageTag("vi"))).find());
            }
        }

        /** Every reason and family the verifier can give is written in both languages: no English left in the Vietnamese. */
        @Test
        void everyReason_vietnameseReadsVietnamese_englishHasNone() {
            int n = 0;
            for (String key : io.github.motcua.kernel.Messages.keys(Msg.BUNDLE)) {
                if (key.startsWith("load.bytecode.why.") || key.startsWith("load.bytecode.hint.")) {
                    String vi = io.github.motcua.kernel.Messages.render(Msg.BUNDLE, key, Map.of(), Locale.forLanguageTag("vi"));
                    String en = io.github.motcua.kernel.Messages.render(Msg.BUNDLE, key, Map.of(), Locale.ENGLISH);
                    assertTrue(VIETNAMESE.matcher(vi).find(), key + ": " + vi);
                    assertFalse(VIETNAMESE.matcher(en).find(), key + ": " + en);
                    assertFalse(vi.contains(" not ") || vi.contains(" allowed"), key + ": " + vi);
                    n++;
                }
            }
            assertTrue(n >= 50, "reasons and families found: " + n);
        }

        @Test
        void getClass_isRefused() {
            refused(condition("f.getClass().getName().isEmpty()"), "java/lang/Object.getClass");
        }

        @Test
        void methodReference_toRuntimeGetRuntime_isRefusedAsABootstrapArgument() {
            Map<String, byte[]> c = consequence("Function0<Runtime> r = Runtime::getRuntime; decision.note(\"x\");");
            BytecodeRefusal r = refused(c, "java/lang/Runtime.getRuntime");
            assertTrue(r.reason().contains("system"), r.reason());
        }

        @Test
        void lambda_ofAJdkFunctionalInterface_isRefused() {
            refused(consequence("java.util.function.Supplier<String> s = () -> \"x\"; decision.note(s.get());"),
                    "java/util/function/Supplier");
        }

        @Test
        void classConstant_ofAForbiddenType_isRefused() {
            BytecodeRefusal r = refused(condition("Runtime.class != null"), "java/lang/Runtime");
            assertTrue(r.reason().contains("type java.lang.Runtime"), r.reason());
        }

        @Test
        void methodHandles_areRefused() {
            refused(consequence("java.lang.invoke.MethodHandles.lookup();"), "java/lang/invoke/MethodHandles.lookup");
        }

        @Test
        void methodHandleConstant_isRefused() {
            Map<String, byte[]> c = crafted(mv -> {
                mv.visitLdcInsn(new Handle(Opcodes.H_INVOKESTATIC, "java/lang/System", "exit", "(I)V", false));
                mv.visitInsn(Opcodes.POP);
                mv.visitInsn(Opcodes.RETURN);
            });
            refused(c, "java/lang/System.exit");
        }

        @Test
        void dynamicConstant_isRefused() {
            Map<String, byte[]> c = crafted(mv -> {
                mv.visitLdcInsn(new ConstantDynamic("x", "Ljava/lang/Object;", new Handle(Opcodes.H_INVOKESTATIC,
                        "java/lang/invoke/ConstantBootstraps", "nullConstant",
                        "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false)));
                mv.visitInsn(Opcodes.POP);
                mv.visitInsn(Opcodes.RETURN);
            });
            refusedFor(c, "dynamic constants");
        }
    }

    // ------------------------------------------------------------------ system, files, processes, threads

    @Nested
    class SystemAndIo {
        @Test
        void newFileOutputStream_isRefused() {
            BytecodeRefusal r = refused(consequence("new java.io.FileOutputStream(\"/tmp/x\").close();"),
                    "java/io/FileOutputStream");
            assertTrue(r.reason().contains("I/O"), r.reason());
        }

        @Test
        void systemExit_isRefused() {
            refused(consequence("System.exit(0);"), "java/lang/System.exit");
        }

        @Test
        void systemGetProperty_andIntegerGetInteger_areRefused() {
            refused(condition("System.getProperty(\"user.home\") != null"), "java/lang/System.getProperty");
            refused(condition("Integer.getInteger(\"x\") != null"), "java/lang/Integer.getInteger");
        }

        @Test
        void runtimeExec_isRefused() {
            refused(consequence("Runtime.getRuntime().exec(new String[] {\"sh\"});"), "java/lang/Runtime.exec");
        }

        @Test
        void processBuilder_andThreads_areRefused() {
            refused(consequence("new ProcessBuilder(\"sh\").start();"), "java/lang/ProcessBuilder");
            refused(consequence("Thread.sleep(1000);"), "java/lang/Thread.sleep");
            refused(consequence("new Thread(() -> { }).start();"), "java/lang/Thread");
        }

        @Test
        void filesAndSockets_areRefused() {
            refused(condition("java.nio.file.Files.exists(java.nio.file.Path.of(\"/etc/passwd\"))"), "java/nio/file/");
            refused(consequence("new java.net.Socket(\"example.org\", 80).close();"), "java/net/Socket");
        }

        @Test
        void localDateNow_isRefused_aDecisionReadsItsAsOfDate() {
            refused(condition("LocalDate.now().getYear() > 2000"), "java/time/LocalDate.now");
        }
    }

    // ------------------------------------------------------------------ loops and recursion

    @Nested
    class Loops {
        @Test
        void whileTrue_isRefused() {
            BytecodeRefusal r = refusedFor(consequence("while (true) { }"), "loops are not allowed");
            assertEquals(4, r.line());
        }

        @Test
        void forLoop_andDoWhile_areRefused() {
            refusedFor(consequence("int n = 0; for (int i = 0; i < 10; i++) { n += i; } decision.note(\"\" + n);"),
                    "loops");
            refusedFor(consequence("int i = 0; do { i++; } while (i < 3); decision.note(\"\" + i);"), "loops");
        }

        @Test
        void recursion_isRefused() {
            Map<String, byte[]> c = compile("Rule", "public enum Rule implements Predicate1<Form> { INSTANCE;\n"
                    + "  public boolean test(Form f) { return deep(f); }\n"
                    + "  static boolean deep(Form f) { return f.has(\"a\") || deep(f); }\n}\n");
            BytecodeRefusal r = refusedFor(c, "recursion");
            assertTrue(r.method().startsWith("deep"), r.toString());
        }

        @Test
        void mutualRecursion_acrossTwoClasses_isRefused() {
            Map<String, byte[]> c = compile("Rule", "public class Rule {\n"
                    + "  static boolean a(Form f) { return f.has(\"a\") || Other.b(f); }\n}\n"
                    + "class Other { static boolean b(Form f) { return Rule.a(f); } }\n");
            refusedFor(c, "recursion");
        }

        @Test
        void exceptionHandlerBeforeItsGuardedCode_isALoop() {
            Map<String, byte[]> c = crafted(mv -> {
                Label handler = new Label();
                Label start = new Label();
                Label end = new Label();
                mv.visitTryCatchBlock(start, end, handler, "java/lang/ArithmeticException");
                Label go = new Label();
                mv.visitJumpInsn(Opcodes.GOTO, go);
                mv.visitLabel(handler);
                mv.visitInsn(Opcodes.POP);
                mv.visitLabel(go);
                mv.visitLabel(start);
                mv.visitInsn(Opcodes.ICONST_1);
                mv.visitInsn(Opcodes.ICONST_0);
                mv.visitInsn(Opcodes.IDIV);
                mv.visitInsn(Opcodes.POP);
                mv.visitLabel(end);
                mv.visitInsn(Opcodes.RETURN);
            });
            refusedFor(c, "exception handler before the code it guards");
        }

        @Test
        void forwardBranches_areAccepted() {
            accepted(condition("f.has(\"a\") ? f.text(\"a\").equals(\"x\") : f.count(\"l\") > 2"));
            accepted(condition("switch (f.count(\"l\")) { case 0 -> false; case 1, 2 -> true; default -> f.has(\"b\"); }"));
        }
    }

    // ------------------------------------------------------------------ regex and memory

    @Nested
    class RegexAndMemory {
        @Test
        void stringRepeat_isRefused() {
            BytecodeRefusal r = refused(consequence("decision.note(\"x\".repeat(100000000));"), "java/lang/String.repeat");
            assertTrue(r.reason().contains("memory"), r.reason());
        }

        @Test
        void regexMethodsOfString_areRefused() {
            BytecodeRefusal r = refused(condition("f.text(\"a\").matches(\"^(([A-Z]+)+)+ [0-9]$\")"), "java/lang/String.matches");
            assertTrue(r.reason().contains("bounded matcher"), r.reason());
            refused(condition("f.text(\"a\").replaceAll(\"a\", \"b\").isEmpty()"), "java/lang/String.replaceAll");
            refused(condition("f.text(\"a\").split(\",\").length > 1"), "java/lang/String.split");
        }

        @Test
        void pattern_isRefused() {
            refused(condition("java.util.regex.Pattern.compile(\"(a+)+b\").matcher(f.text(\"a\")).find()"),
                    "java/util/regex/Pattern");
        }

        @Test
        void stringFormat_withAHugeWidth_isRefused() {
            refused(consequence("decision.note(String.format(\"%2000000000d\", 1));"), "java/lang/String.format");
        }

        @Test
        void arrayOfAVariableOrHugeSize_isRefused() {
            refusedFor(condition("new long[f.count(\"l\")].length > 0"), "constant size");
            refusedFor(condition("new long[100000].length > 0"), "constant size");
            refusedFor(condition("new long[2][2].length > 0"), "multi-dimensional");
        }

        @Test
        void stringDoubling_beyondTheGrowthBudget_isRefused() {
            String doubling = "String s = decision.toString(); s = s + s; s = s + s; s = s + s; s = s + s; s = s + s;"
                    + " decision.note(s);";
            refusedFor(consequence(doubling), "growth");
        }

        @Test
        void growth_isCountedThroughCalls() {
            Map<String, byte[]> c = compile("Rule", "public class Rule {\n"
                    + "  static String twice(String s) { return s + s; }\n"
                    + "  static String many(String s) { return twice(twice(twice(twice(twice(s))))); }\n}\n");
            BytecodeRefusal r = refusedFor(c, "growth");
            assertTrue(r.method().startsWith("many"), r.toString());
        }

        @Test
        void callsThatFanOut_beyondTheWorkBudget_areRefused() {
            StringBuilder src = new StringBuilder("public class Rule {\n  static boolean f0(Form f) { return f.has(\"a\"); }\n");
            for (int i = 1; i <= 24; i++) {
                src.append("  static boolean f").append(i).append("(Form f) { return f").append(i - 1).append("(f) && f")
                        .append(i - 1).append("(f); }\n");
            }
            Map<String, byte[]> c = compile("Rule", src.append("}\n").toString());
            BytecodeRefusal r = refusedFor(c, "too much work");
            assertTrue(r.method().startsWith("f"), r.toString());
            assertFalse(refusals(c).stream().anyMatch(x -> x.method().startsWith("f10(")), "f10 runs 2^10 small calls");
        }

        @Test
        void aDecimalParsedFromText_isNotAddedTo() {
            String drools = "org.drools.modelcompiler.util.EvaluationUtil.toBigDecimal(f.text(\"a\"))";
            refusedFor(condition(drools + ".add(BigDecimal.ONE).signum() > 0"), "read from text");
            accepted(condition(drools + ".compareTo(BigDecimal.TEN) > 0"));
            accepted(condition("f.decimal(\"a\").add(BigDecimal.ONE).signum() > 0"));
        }

        @Test
        void bigDecimalFromAString_andSetScale_areRefused() {
            refused(condition("new BigDecimal(\"1e999999999\").add(BigDecimal.ONE).signum() > 0"), "java/math/BigDecimal");
            refused(condition("f.decimal(\"a\").setScale(1000000000).signum() > 0"), "java/math/BigDecimal.setScale");
            refused(condition("f.decimal(\"a\").toPlainString().isEmpty()"), "java/math/BigDecimal.toPlainString");
        }
    }

    // ------------------------------------------------------------------ static initialisers, state, handlers, classes

    @Nested
    class ClassShape {
        @Test
        void staticInitialiser_writingAFile_isRefused() {
            Map<String, byte[]> c = compile("Rule", "public class Rule {\n"
                    + "  static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/x\"), \"x\"); }"
                    + " catch (java.io.IOException e) { } }\n}\n");
            BytecodeRefusal r = refused(c, "java/nio/file/Files.writeString");
            assertEquals("<clinit>()V", r.method());
            refused(c, "java/io/IOException");
        }

        @Test
        void staticState_writtenOutsideTheStaticInitialiser_isRefused() {
            Map<String, byte[]> c = compile("Rule", "public class Rule {\n  static String last;\n"
                    + "  static boolean test(Form f) { last = f.text(\"a\"); return true; }\n}\n");
            refusedFor(c, "static fields may be set only");
        }

        @Test
        void aStaticListFilledPerDecision_isRefused() {
            refusedFor(compile("Rule", "public enum Rule implements Block1<Actions> { INSTANCE;\n"
                    + "  static final java.util.List<String> SEEN = new java.util.ArrayList<>();\n"
                    + "  public void execute(Actions decision) { SEEN.add(decision.toString()); }\n}\n"),
                    "lists may be filled only by initialisers");
        }

        @Test
        void aStaticArrayWrittenPerDecision_isRefused() {
            refusedFor(compile("Rule", "public enum Rule implements Block1<Actions> { INSTANCE;\n"
                    + "  static final String[] BOX = new String[1];\n"
                    + "  public void execute(Actions decision) { BOX[0] = decision.toString(); }\n}\n"),
                    "an array kept in a field");
        }

        @Test
        void ownObjectsCreatedPerDecision_areRefused() {
            refusedFor(compile("Rule", "public enum Rule implements Block1<Actions> { INSTANCE;\n"
                    + "  public void execute(Actions decision) { new Helper(); decision.note(\"x\"); }\n}\n"
                    + "class Helper { }\n"), "created only by static initialisers");
        }

        @Test
        void stringBuilder_isRefused_itCouldGrowAcrossDecisions() {
            refused(consequence("decision.note(new StringBuilder(\"a\").append(decision).toString());"),
                    "java/lang/StringBuilder");
        }

        @Test
        void buildingRulesPerDecision_isRefused() {
            refusedFor(consequence("org.drools.modelcompiler.dsl.pattern.D.rule(\"p\", \"r\"); decision.note(\"x\");"),
                    "runs per decision may not build rules");
        }

        @Test
        void catchThrowable_catchError_catchException_andFinally_areRefused() {
            refused(consequence("try { decision.note(\"x\"); } catch (Throwable t) { }"), "java/lang/Throwable");
            refused(consequence("try { decision.note(\"x\"); } catch (StackOverflowError t) { }"), "java/lang/StackOverflowError");
            refused(consequence("try { decision.note(\"x\"); } catch (RuntimeException t) { }"), "java/lang/RuntimeException");
            refused(consequence("try { decision.note(\"x\"); } finally { decision.note(\"y\"); }"), "finally");
        }

        @Test
        void catchArithmeticException_isAccepted() {
            accepted(consequence("try { decision.addFee(\"a\", 10 / decision.hashCode()); } catch (ArithmeticException e) {"
                    + " decision.note(\"x\"); }"));
        }

        @Test
        void synchronized_isRefused() {
            refusedFor(consequence("synchronized (decision) { decision.note(\"x\"); }"), "synchronized");
            refusedFor(compile("Rule", "public class Rule { synchronized void a() { } }"), "synchronized");
        }

        @Test
        void nativeMethod_isRefused() {
            refusedFor(compile("Rule", "public class Rule { native void a(); }"), "native");
        }

        @Test
        void extendingAJdkClass_orImplementingRunnable_isRefused() {
            refused(compile("Rule", "public class Rule extends Thread { }"), "java/lang/Thread");
            refused(compile("Rule", "public class Rule implements Runnable { public void run() { } }"), "java/lang/Runnable");
        }

        @Test
        void overridingToStringOrFinalize_isRefused() {
            refusedFor(compile("Rule", "public class Rule { public String toString() { return \"x\"; } }"), "override");
            refusedFor(compile("Rule", "public class Rule { protected void finalize() { } }"), "override");
        }

        @Test
        void jsr_isRefused() {
            ClassWriter cw = new ClassWriter(0);
            cw.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, "gen/Old", null, "java/lang/Object", null);
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "a", "()V", null, null);
            mv.visitCode();
            Label sub = new Label();
            mv.visitJumpInsn(Opcodes.JSR, sub);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitLabel(sub);
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            mv.visitVarInsn(Opcodes.RET, 0);
            mv.visitMaxs(1, 1);
            mv.visitEnd();
            cw.visitEnd();
            Map<String, byte[]> c = Map.of("gen/Old", cw.toByteArray());
            refused(c, "JSR");
            refused(c, "RET");
        }

        @Test
        void aClassNamedInATrustedPackage_isRefused() {
            Map<String, byte[]> c = consequence("decision.note(\"x\");");
            ClassWriter cw = new ClassWriter(0);
            cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "io/github/motcua/rules/vocabulary/Evil", null, "java/lang/Object", null);
            cw.visitEnd();
            refusedFor(Map.of("io/github/motcua/rules/vocabulary/Evil", cw.toByteArray()), "may not be named");
            accepted(c);
        }

        @Test
        void unreadableBytes_andAMisnamedClass_areRefused() {
            refusedFor(Map.of("gen/X", new byte[] {1, 2, 3}), "not a readable class file");
            Map<String, byte[]> c = consequence("decision.note(\"x\");");
            refusedFor(Map.of("gen/Other", c.get("gen/Rule")), "names another class");
            Map<String, byte[]> twice = new TreeMap<>(c);
            twice.put("gen/Rule.class", consequence("System.exit(1);").get("gen/Rule"));
            refusedFor(twice, "given twice");
        }
    }

    // ------------------------------------------------------------------ what rules may do

    @Nested
    class Allowed {
        @Test
        void vocabularyCalls_andActions_areAccepted() {
            accepted(consequence("decision.require(\"a\"); decision.ineligible(\"x\", \"y\");"
                    + " decision.extend(3, \"WORKING_DAYS\", \"z\"); decision.addFee(\"b\", 2);"));
            accepted(condition("f.text(\"a\") != null && f.bool(\"b\") == Boolean.TRUE && f.count(\"c\") > 1"
                    + " && f.ageInYears(\"d\") < 20 && f.unitHasFlag(\"e\", \"BORDER\") && f.integer(\"g\") == 3L"));
        }

        @Test
        void stringComparisons_andConcatenation_areAccepted() {
            accepted(condition("f.text(\"a\").equals(\"X\") || f.text(\"a\").startsWith(\"Y\")"
                    + " || f.text(\"a\").trim().equalsIgnoreCase(\"z\") || f.text(\"a\").length() > 3"));
            accepted(consequence("decision.note(\"Tuổi: \" + decision.hashCode() + \" / \" + decision);"));
        }

        @Test
        void bigDecimal_andLocalDate_areAccepted() {
            accepted(condition("f.decimal(\"a\").compareTo(BigDecimal.valueOf(500)) > 0"
                    + " && f.decimal(\"a\").add(f.decimal(\"b\")).signum() > 0"));
            accepted(condition("f.date(\"d\").plusDays(60).isBefore(LocalDate.of(2026, 1, 1))"
                    + " && f.date(\"d\").getDayOfWeek() != java.time.DayOfWeek.SUNDAY"));
        }

        @Test
        void aLambda_evenOfADroolsInterfaceWithAnAllowedBody_isRefused_droolsInterfacesAreSerializable() {
            // the executable model writes no lambdas (it generates one enum class per expression); a serializable
            // lambda brings $deserializeLambda$, which reads SerializedLambda reflectively
            refusedFor(consequence("Predicate1<Form> p = x -> x.has(\"a\"); decision.note(\"x\");"), "serializable");
        }

        @Test
        void aMemberAnsweredOnce_isAnsweredAlike_laterAndBetweenOthers() {
            // each outside member is looked up once per JVM (BytecodeAllowlist.external): what was refused stays
            // refused with the same refusals, and what was allowed stays allowed, whatever is verified in between
            Map<String, byte[]> exits = consequence("decision.note(\"x\"); System.exit(1);");
            Map<String, byte[]> concat = consequence("decision.note(\"a\".concat(\"b\"));");
            List<BytecodeRefusal> first = BytecodeVerifier.verify(exits);
            assertFalse(first.isEmpty());
            accepted(concat);
            assertEquals(first, BytecodeVerifier.verify(exits));
            accepted(concat);
            // growth is still counted per call: five concat calls pass the budget of four
            refusedFor(consequence("decision.note(\"a\".concat(\"b\").concat(\"c\").concat(\"d\").concat(\"e\").concat(\"f\"));"),
                    "growth");
        }

        @Test
        void aVocabularyConstructorOrAPackagePrivateMember_isRefused() {
            refused(condition("new Unit(\"a\", \"b\", \"c\", java.util.Set.of()).hasFlag(\"x\")"),
                    "io/github/motcua/rules/vocabulary/Unit.<init>");
        }
    }

    // ------------------------------------------------------------------ the executable model's real output

    @Nested
    class ExecutableModel {
        @Test
        void giaLaiAndTestPackRules_compiledByTheExecutableModel_areAcceptedWhole() {
            Map<String, String> drl = new TreeMap<>();
            for (Path p : files(resource("bytecode/gia-lai"), ".drl")) {
                drl.put("gialai_" + p.getFileName().toString().replace(".drl", ""), read(p));
            }
            for (String pack : List.of("ho-tich", "guide")) {
                for (Path p : files(resource("packs/" + pack + "/procedures"), "rules.drl")) {
                    drl.put(pack + "_" + p.getParent().getFileName(), read(p));
                }
            }
            // a decision table becomes DRL text before it is compiled
            Path table = resource("packs/guide/procedures/GL.LLTP.01/fee.rules.csv");
            List<PackProblem> problems = new ArrayList<>();
            drl.put("table", RuleTables.generate("fee.rules.csv", bytes(table), problems).source().text);
            assertEquals(List.of(), problems);

            Map<String, byte[]> classes = executableModel(drl);
            assertTrue(classes.size() > 100, "expected the generated classes of 17 rule files, got " + classes.size());
            accepted(classes);
            // the same rules by the route the engine takes: parsed trees, model sources, in-memory compile
            classes = modelSources(drl);
            assertTrue(classes.size() > 100, "expected the generated classes of 17 rule files, got " + classes.size());
            assertTrue(classes.keySet().stream().anyMatch(k -> k.contains("LambdaConsequence")), classes.keySet()::toString);
            assertTrue(classes.keySet().stream().anyMatch(k -> k.contains("LambdaPredicate")), classes.keySet()::toString);
            accepted(classes);
        }

        @Test
        void ruleFeaturesBeyondTheTestPacks_areAccepted() {
            String rules = """
                    rule "concat"
                    when
                      $a : Applicant( age > 1 )
                      $f : Form( text("x") != null )
                    then
                      decision.note("Tuổi: " + $a.getAge() + " / " + $f.text("x"));
                    end
                    rule "update, exists, not"
                      salience 10
                    when
                      $f : Form( has("y") )
                      exists Applicant( sex == "MALE" )
                      not Dossier( online )
                    then
                      update($f);
                    end
                    rule "or, bindings, dates, decimals"
                    when
                      Form( bool("a") == true ) or Applicant( hasCategory("CHILD") )
                      Unit( $noiNop : code )
                      Applicant( residence != null, residence.code != $noiNop, birthDate != null,
                                 birthDate.plusDays(10).isBefore(LocalDate.of(2020, 1, 1)) )
                      Form( decimal("a") > 5, decimal("b").compareTo(decimal("a")) < 0, integer("n") == 3 || count("l") >= 2 )
                    then
                      decision.reduce("x", 50, "r");
                    end
                    rule "forall"
                    when
                      forall( Applicant( age > 18 ) Applicant( sex == "FEMALE" ) )
                      Dossier( channel == "ONLINE", receivedAt.hour >= 15 )
                    then
                      decision.note("a", "b");
                    end
                    """;
            accepted(executableModel(Map.of("features", rules)));
        }

        @Test
        void aRegexCondition_compiledToTheJdkPattern_isRefused() {
            // the compile side rewrites the generated Pattern field to the vocabulary's bounded matcher;
            // left as Drools writes it, the verifier refuses it
            String rules = """
                    rule "regex"
                    when
                      Form( text("x") matches "^(([A-Z]+)+)+ [0-9]$" )
                    then
                      decision.note("x");
                    end
                    """;
            List<BytecodeRefusal> r = refusals(executableModel(Map.of("regex", rules)));
            assertTrue(r.stream().anyMatch(x -> x.member().startsWith("java/util/regex/Pattern")
                    && x.reason().contains("bounded matcher")), r::toString);
        }

        @Test
        void forbiddenCode_inAConsequenceAndACondition_isRefusedInTheGeneratedClass() {
            String rules = """
                    rule "exits"
                    when
                      Form( has("a") )
                    then
                      System.exit(3);
                    end
                    rule "reflects"
                    when
                      Form( Applicant.class.getClassLoader() != null )
                    then
                      decision.note("x");
                    end
                    rule "loops"
                    when
                      Form( has("a") )
                    then
                      while (true) { decision.note("x"); }
                    end
                    """;
            List<BytecodeRefusal> r = refusals(executableModel(Map.of("evil", rules)));
            BytecodeRefusal exit = r.stream().filter(x -> x.member().contains("java/lang/System.exit")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.toString()));
            assertTrue(exit.className().contains("LambdaConsequence"), exit.toString());
            BytecodeRefusal reflect = r.stream().filter(x -> x.member().contains("java/lang/Class.getClassLoader"))
                    .findFirst().orElseThrow(() -> new AssertionError(r.toString()));
            assertTrue(reflect.className().contains("LambdaPredicate"), reflect.toString());
            assertTrue(r.stream().anyMatch(x -> x.reason().contains("loops") && x.className().contains("LambdaConsequence")),
                    r::toString);
            assertFalse(r.stream().anyMatch(x -> x.className().contains("DomainClassesMetadata")
                    || x.className().matches(".*/Rules[0-9A-F]+(RuleMethods\\d+)?")), () -> "framework classes refused: " + r);
        }
    }

    // ------------------------------------------------------------------ support

    /** One class {@code gen/Crafted} with a static method {@code m()V} whose code the caller writes with ASM. */
    static Map<String, byte[]> crafted(java.util.function.Consumer<MethodVisitor> code) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "gen/Crafted", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "()V", null, null);
        mv.visitCode();
        code.accept(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return Map.of("gen/Crafted", cw.toByteArray());
    }

    /** The header the loader puts before every rule file. */
    private static final String HEADER = "package %s; "
            + "import io.github.motcua.rules.vocabulary.Dossier; import io.github.motcua.rules.vocabulary.Applicant; "
            + "import io.github.motcua.rules.vocabulary.Unit; import io.github.motcua.rules.vocabulary.Form; "
            + "import java.time.LocalDate; "
            + "global io.github.motcua.rules.vocabulary.Actions decision;\n";

    /**
     * Compiles DRL files with Drools' executable model and returns the generated class files (internal
     * name -> bytes), read from the in-memory module before any is defined. Drools' code generator breaks
     * under a Turkish default locale ("ınt cannot be resolved"), so the build runs under Locale.ROOT.
     */
    static Map<String, byte[]> executableModel(Map<String, String> drlByName) {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
        try {
            KieServices ks = KieServices.Factory.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(ks.newReleaseId("motcua.test", "bytecode", "1.0." + System.nanoTime()));
            drlByName.forEach((name, text) -> {
                String pkg = "motcua.p" + name.replaceAll("[^A-Za-z0-9]", "_");
                kfs.write("src/main/resources/" + pkg.replace('.', '/') + "/rules.drl",
                        (String.format(Locale.ROOT, HEADER, pkg) + text).getBytes(StandardCharsets.UTF_8));
            });
            KieBuilder kb = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
            assertEquals(List.of(), errors, "the executable model did not compile the rules");
            InternalKieModule km = (InternalKieModule) kb.getKieModule();
            Map<String, byte[]> classes = new TreeMap<>();
            for (String f : km.getFileNames()) {
                // the kjar's project model class is the KieModule descriptor, not rule code: it is never defined
                if (f.endsWith(".class") && !f.contains("ProjectModel")) {
                    classes.put(f.substring(0, f.length() - ".class".length()), km.getBytes(f));
                }
            }
            assertNotNull(classes);
            return classes;
        } finally {
            Locale.setDefault(before);
        }
    }

    /**
     * The route the engine compiles by (RuleClasses): each DRL parsed to its descriptor tree, the
     * executable model's sources written from the trees and compiled in memory, nothing defined.
     */
    static Map<String, byte[]> modelSources(Map<String, String> drlByName) {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
        try {
            ClassLoader parent = BytecodeVerifierTest.class.getClassLoader();
            org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl conf =
                    org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(parent)
                            .as(org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl.KEY);
            org.drools.model.codegen.execmodel.ModelBuilderImpl<org.drools.model.codegen.execmodel.PackageSources> mb =
                    new org.drools.model.codegen.execmodel.ModelBuilderImpl<>(
                            org.drools.model.codegen.execmodel.PackageSources::dumpSources, conf,
                            new org.kie.util.maven.support.ReleaseIdImpl("motcua.test", "sources", "1"), false);
            for (Map.Entry<String, String> e : new TreeMap<>(drlByName).entrySet()) {
                String pkg = "motcua.p" + e.getKey().replaceAll("[^A-Za-z0-9]", "_");
                org.drools.drl.ast.descr.PackageDescr pd;
                try {
                    pd = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6)
                            .parse(false, String.format(Locale.ROOT, HEADER, pkg) + e.getValue());
                } catch (org.drools.drl.parser.DroolsParserException ex) {
                    throw new AssertionError(ex);
                }
                mb.addPackage(pd);
            }
            mb.buildPackages(List.of());
            assertEquals(List.of(), List.copyOf(mb.getResults(org.kie.internal.builder.ResultSeverity.ERROR)));
            org.drools.compiler.compiler.io.memory.MemoryFileSystem src = new org.drools.compiler.compiler.io.memory.MemoryFileSystem();
            org.drools.compiler.compiler.io.memory.MemoryFileSystem out = new org.drools.compiler.compiler.io.memory.MemoryFileSystem();
            org.drools.model.codegen.execmodel.ModelWriter.Result written =
                    new org.drools.model.codegen.execmodel.ModelWriter().writeModel(src, mb.getPackageSources());
            org.kie.memorycompiler.CompilationResult compiled = org.drools.model.codegen.execmodel.JavaParserCompiler.getCompiler()
                    .compile(written.getSourceFiles().toArray(new String[0]), src, out, parent);
            assertEquals(List.of(), List.of(compiled.getErrors()));
            Map<String, byte[]> classes = new TreeMap<>();
            out.getMap().forEach((k, v) -> {
                String name = k.asString();
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()), v);
                }
            });
            return classes;
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(BytecodeVerifierTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        return new String(bytes(p), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
