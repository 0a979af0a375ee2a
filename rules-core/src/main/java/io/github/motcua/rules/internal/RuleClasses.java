package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.model.Model;
import org.drools.model.codegen.execmodel.JavaParserCompiler;
import org.drools.model.codegen.execmodel.ModelBuilderImpl;
import org.drools.model.codegen.execmodel.ModelWriter;
import org.drools.model.codegen.execmodel.PackageSources;
import org.drools.modelcompiler.KieBaseBuilder;
import org.drools.util.PortablePath;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.memorycompiler.CompilationProblem;
import org.kie.memorycompiler.CompilationResult;
import org.kie.util.maven.support.ReleaseIdImpl;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Compiles one procedure's restricted rule trees with Drools' executable model and turns the result
 * into a KieBase, in an order that lets nothing of the rules run before it is verified:
 * <ol>
 * <li>the descriptor trees ({@link RuleDescriptors} already checked them) go to the model generator,
 *     which writes Java sources for every condition and consequence (nothing is evaluated: no MVEL
 *     on the class path);</li>
 * <li>the sources are compiled in memory to class files, none of them defined;</li>
 * <li>{@link BytecodeVerifier} checks every class file against its member-level allowlist; a refusal
 *     is reported at the rule it comes from;</li>
 * <li>only then are the classes defined, by a class loader of this build's own, and the KieBase
 *     assembled from the generated model.</li>
 * </ol>
 * The trees checked and the code compiled come from one parse.
 */
final class RuleClasses {
    /** The generated regex field type: rule-side regex runs through the bounded matcher instead. */
    private static final String JDK_PATTERN = "java.util.regex.Pattern";
    private static final String BOUNDED_PATTERN = "io.github.motcua.rules.vocabulary.BoundedPattern";
    private static final Pattern REGEX_FIELD = Pattern.compile("private static final java\\.util\\.regex\\.Pattern (regexp_[0-9A-Fa-f]+)\\s*=\\s*"
            + "java\\.util\\.regex\\.Pattern\\.compile\\((\"(?:[^\"\\\\]|\\\\.)*\")\\);");
    private static final Pattern DOTLESS_INT = Pattern.compile("(?<![\\p{L}\\p{N}_$])\u0131nt(?![\\p{L}\\p{N}_$])");
    private static final Pattern RULE_NAME_DOC = Pattern.compile("\\* Rule name: (.*)");
    private static final Pattern GENERATED_CLASS = Pattern.compile("\\b(Lambda(?:Predicate|Consequence|Extractor)\\w*|Accumulate\\w*)\\b");

    static {
        // JavaParser caches each primitive type's name as name().toLowerCase() in the default locale when
        // its enum is first initialised; under a Turkish or Azeri default "int" would be cached as "ınt" for
        // the whole JVM. Initialise it once under the root locale (only where the default would break it).
        if (!"i".equals("I".toLowerCase())) {
            java.util.Locale before = java.util.Locale.getDefault();
            try {
                java.util.Locale.setDefault(java.util.Locale.ROOT);
                com.github.javaparser.ast.type.PrimitiveType.Primitive.values();
            } finally {
                java.util.Locale.setDefault(before);
            }
        }
    }

    /** How many times this JVM generated and compiled rule classes (tests: a prebuilt load compiles nothing). */
    private static final java.util.concurrent.atomic.AtomicLong GENERATIONS = new java.util.concurrent.atomic.AtomicLong();

    private RuleClasses() {
    }

    /**
     * How many times the calling thread generated and compiled rule classes: a delta of it around a call is that call's
     * own, whatever other threads (another engine's background warm-up) compile meanwhile.
     */
    private static final ThreadLocal<long[]> ON_THIS_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    /** JVM-wide; a test that counts a delta of it must know nothing else compiles meanwhile: prefer a scoped count. */
    static long generations() {
        return GENERATIONS.get();
    }

    /** How many times the calling thread generated and compiled rule classes ({@link DefaultEngine#generations()}). */
    static long generationsOnThisThread() {
        return ON_THIS_THREAD.get()[0];
    }

    /** Problems at a rule's file and line (from its name), or at {@code fallback} for an unknown rule. */
    private record Blame(Map<String, CompiledProcedure.RuleInfo> rules, String fallback) {
        PackProblem at(String rule, String code, String vi, String en) {
            CompiledProcedure.RuleInfo r = rule == null ? null : rules.get(rule);
            return r == null ? new PackProblem(fallback, 0, 0, code, vi, en) : new PackProblem(r.file(), r.line(), 0, code, vi, en);
        }

        boolean isRule(String name) {
            return rules.containsKey(name);
        }
    }

    /**
     * What one procedure's compile produced: every generated class file (internal name to bytes), all
     * verified, and the model class Drools assembles the KieBase from (null when the procedure has no
     * rule). Nothing of it is defined yet. A prebuilt pack stores exactly this.
     */
    record Generated(Map<String, byte[]> classes, String modelClass, DataRules.Translated data) {
        Generated {
            classes = java.util.Collections.unmodifiableMap(new TreeMap<>(classes));
            if (data != null && (!classes.isEmpty() || modelClass != null)) {
                throw new IllegalArgumentException("rules as data have no classes");
            }
        }

        Generated(Map<String, byte[]> classes, String modelClass) {
            this(classes, modelClass, null);
        }

        /** A procedure's rules as data ({@link DataRules}): no class at all. */
        static Generated data(DataRules.Translated data) {
            return new Generated(Map.of(), null, java.util.Objects.requireNonNull(data));
        }

        /** A procedure without rules. */
        static final Generated EMPTY = new Generated(Map.of(), null);
    }

    /**
     * Builds the KieBase; null (with problems added) when the generator, the Java compiler or the
     * verifier refuses. Problems from the generator name the analyst's file and line.
     */
    static KieBase build(String packageName, List<PackageDescr> trees, Map<String, CompiledProcedure.RuleInfo> rules,
            String fallback, java.util.function.Consumer<List<KnowledgeBuilderResult>> reportDrl, List<PackProblem> problems) {
        Generated g = generate(packageName, trees, rules, fallback, reportDrl, problems);
        return g == null ? null : assemble(g);
    }

    /**
     * Generates, compiles and verifies one procedure's classes without defining any; null (with
     * problems added) when the generator, the Java compiler or the verifier refuses.
     */
    static Generated generate(String packageName, List<PackageDescr> trees, Map<String, CompiledProcedure.RuleInfo> rules,
            String fallback, java.util.function.Consumer<List<KnowledgeBuilderResult>> reportDrl, List<PackProblem> problems) {
        return generate(packageName, trees, rules, fallback, reportDrl, problems, true);
    }

    /** As above; {@code merge} false keeps every lambda in a class of its own (tests compare the two). */
    static Generated generate(String packageName, List<PackageDescr> trees, Map<String, CompiledProcedure.RuleInfo> rules,
            String fallback, java.util.function.Consumer<List<KnowledgeBuilderResult>> reportDrl, List<PackProblem> problems,
            boolean merge) {
        Blame blame = new Blame(rules, fallback);
        if (trees.stream().allMatch(t -> t.getRules().isEmpty())) {
            // a procedure without rules (an imported one, NOT_ASSESSED): nothing to generate or verify
            return Generated.EMPTY;
        }
        GENERATIONS.incrementAndGet();
        ON_THIS_THREAD.get()[0]++;
        ClassLoader parent = RuleClasses.class.getClassLoader();
        KnowledgeBuilderConfigurationImpl conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(parent)
                .as(KnowledgeBuilderConfigurationImpl.KEY);
        ModelBuilderImpl<PackageSources> mb = new ModelBuilderImpl<>(PackageSources::dumpSources, conf,
                new ReleaseIdImpl("motcua", packageName, "1"), false);
        for (PackageDescr pd : trees) {
            mb.addPackage(pd);
        }
        mb.buildPackages(List.of());
        List<KnowledgeBuilderResult> errors = new ArrayList<>(mb.getResults(ResultSeverity.ERROR));
        if (!errors.isEmpty()) {
            reportDrl.accept(errors);
            return null;
        }
        MemoryFileSystem src = new MemoryFileSystem();
        MemoryFileSystem out = new MemoryFileSystem();
        ModelWriter.Result written = new ModelWriter().writeModel(src, mb.getPackageSources());
        Map<String, String> ruleOfClass = new HashMap<>();
        Map<String, String> texts = new TreeMap<>();
        for (String path : written.getSourceFiles()) {
            texts.put(path, new String(src.getBytes(PortablePath.of(path)), StandardCharsets.UTF_8));
        }
        Map<String, String> numbered = renumbered(texts);
        for (String path : written.getSourceFiles()) {
            PortablePath pp = PortablePath.of(path);
            String text = texts.get(path);
            String bounded = boundedRegex(dottedInt(numbered.get(path)));
            if (!bounded.equals(text)) {
                src.write(pp, bounded.getBytes(StandardCharsets.UTF_8));
            }
            if (path.contains("RuleMethods")) {
                rulesOfSource(bounded, ruleOfClass);
            }
        }
        // conditions that are one library comparison use FormConditions instead of a class of their own
        String[] sources = FormConditionSources.rewrite(src, written.getSourceFiles().toArray(new String[0]));
        CompilationResult compiled = JavaParserCompiler.getCompiler()
                .compile(sources, src, out, new OwnNamesNotOnClassPath(parent, packageName));
        if (compiled.getErrors().length > 0) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (CompilationProblem e : compiled.getErrors()) {
                String file = e.getFileName() == null ? "" : e.getFileName();
                String simple = file.replaceAll(".*/", "").replace(".java", "");
                String rule = ruleOfClass.get(simple);
                if (seen.add(rule + "\u0000" + e.getMessage())) {
                    String k = rule == null ? "load.drl.compile" : "load.drl.compileRule";
                    String detail = String.valueOf(e.getMessage());
                    problems.add(blame.at(rule, "DRL_COMPILE", Msg.vi(k, "rule", rule, "detail", detail), Msg.en(k, "rule", rule, "detail", detail)));
                }
            }
            return null;
        }
        Map<String, byte[]> classes = new TreeMap<>();
        for (Map.Entry<PortablePath, byte[]> e : out.getMap().entrySet()) {
            String name = e.getKey().asString();
            if (name.endsWith(".class")) {
                classes.put(name.substring(0, name.length() - ".class".length()), withoutDebugInfo(e.getValue()));
            }
        }
        classes = shortNames(classes, ruleOfClass);
        Map<String, byte[]> merged = merge ? LambdaClasses.merged(classes) : classes;
        if (merged != classes && BytecodeVerifier.verify(merged).isEmpty()) {
            // the merged classes are what is verified, stored and defined; when the verifier refuses them (or the
            // procedure's own), the separate classes are verified instead, so a refusal names its own rule
            classes = merged;
        } else if (!verified(classes, blame, ruleOfClass, problems)) {
            return null;
        }
        return written.getModelFiles().isEmpty() ? Generated.EMPTY
                : new Generated(classes, written.getModelFiles().iterator().next().replace('.', '/'));
    }

    /**
     * A name the model generator draws from Drools' one counter for the whole JVM ({@code NamesGenerator}):
     * {@code $pattern_<Fact>$<n>$} for a pattern without a binding, and the ids of conditions, OOPath chunks,
     * unifications and accumulate bindings. Drools 10.2.0 never resets the counter.
     */
    private static final Pattern COUNTED_NAME = Pattern.compile(
            "\\$(pattern_[A-Za-z0-9_]+|expr|cond|ooChunk|unificationExpr|accBindingId)\\$([0-9]+)\\$");

    /**
     * The generated sources (path to text) with every {@linkplain #COUNTED_NAME counted name} numbered from 1 within
     * this one procedure, in the order the names first appear (sources in the order of their paths). The numbers
     * Drools gives depend on everything the JVM generated before — other procedures, other packs, other threads
     * compiling at the same time — so without this the same pack gave different rule classes and a prebuilt
     * artifact that differed byte-wise from one build to the next. The renaming is one-to-one over the
     * procedure's sources: a name that was one variable stays one variable and two stay two, so node sharing
     * (which goes by expression ids and variables within the procedure's KieBase) is unchanged; it is done
     * before the Java compiler runs, so the verifier sees exactly what is stored and defined. A pure function:
     * procedures compiled at the same time on several threads do not disturb each other.
     */
    static Map<String, String> renumbered(Map<String, String> sources) {
        Map<String, String> names = new HashMap<>();
        for (String text : new TreeMap<>(sources).values()) {
            Matcher m = COUNTED_NAME.matcher(text);
            while (m.find()) {
                String name = m.group();
                if (!names.containsKey(name)) {
                    names.put(name, "$" + m.group(1) + "$" + (names.size() + 1) + "$");
                }
            }
        }
        if (names.isEmpty()) {
            return sources;
        }
        Map<String, String> out = new TreeMap<>();
        sources.forEach((path, text) -> out.put(path,
                COUNTED_NAME.matcher(text).replaceAll(r -> Matcher.quoteReplacement(names.get(r.group())))));
        return out;
    }

    /**
     * The class file without its debugging attributes (source file name, line numbers, local variable names):
     * nothing reads them (a problem names the analyst's rule, never a line of generated Java), and every class
     * is verified, stored in a prebuilt pack and defined without them — about a sixth fewer bytes to verify,
     * write, read and define. The code and its stack map frames are copied unchanged. A class file ASM cannot
     * read is kept as it is, for the verifier to refuse.
     */
    static byte[] withoutDebugInfo(byte[] classFile) {
        try {
            ClassReader r = new ClassReader(classFile);
            org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
            r.accept(w, ClassReader.SKIP_DEBUG);
            return w.toByteArray();
        } catch (RuntimeException unreadable) {
            return classFile;
        }
    }

    /** A lambda class the model generator writes: {@code <package>/P<2 hex>/LambdaPredicate<32 hex>} and the like. */
    private static final Pattern LAMBDA_CLASS = Pattern.compile(
            "((?:[A-Za-z_$][A-Za-z0-9_$]*/)*)P[0-9A-F]{2}/((?:Lambda(?:Predicate|Consequence|Extractor)|Accumulate)[A-Za-z0-9_$]*)");

    /**
     * The generated lambda classes renamed {@code <package>/L<n>} (n in the order of their names), every reference
     * to them in every class rewritten. The model generator names each lambda after a 128-bit hash in a package of its
     * own, and the name is repeated in a dozen places of its class file and of the classes that use it: 2,000
     * procedures hold about 40,000 of them, and the short names are about an eighth fewer bytes to verify, store and
     * define, and 20 packages fewer a procedure (docs/performance.md "Session 7"). Drools knows a lambda by its
     * {@code EXPRESSION_HASH}, which is unchanged; so are the model class's name and everything else. Done before
     * the verifier runs, so what is verified is what is defined and stored; {@code ruleOfClass} (simple names to
     * rules, for the verifier's problems) gets the new names too. Unchanged when a new name is already taken.
     */
    static Map<String, byte[]> shortNames(Map<String, byte[]> classes, Map<String, String> ruleOfClass) {
        Map<String, String> renamed = new HashMap<>();
        int n = 0;
        for (String name : new TreeMap<>(classes).keySet()) {
            Matcher m = LAMBDA_CLASS.matcher(name);
            if (m.matches()) {
                renamed.put(name, m.group(1) + "L" + Integer.toString(n++, 36));
            }
        }
        if (renamed.isEmpty() || renamed.values().stream().anyMatch(classes::containsKey)) {
            return classes;
        }
        org.objectweb.asm.commons.Remapper remapper = new org.objectweb.asm.commons.SimpleRemapper(renamed);
        Map<String, byte[]> out = new TreeMap<>();
        try {
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                ClassReader r = new ClassReader(e.getValue());
                org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
                r.accept(new org.objectweb.asm.commons.ClassRemapper(w, remapper), 0);
                out.put(renamed.getOrDefault(e.getKey(), e.getKey()), w.toByteArray());
            }
        } catch (RuntimeException unreadable) {
            return classes; // a class file ASM cannot read: left as it is, for the verifier to refuse
        }
        renamed.forEach((from, to) -> {
            String rule = ruleOfClass.get(from.substring(from.lastIndexOf('/') + 1));
            if (rule != null) {
                ruleOfClass.put(to.substring(to.lastIndexOf('/') + 1), rule);
            }
        });
        return out;
    }

    /**
     * A prebuilt procedure's classes verified and, when the verifier accepts them, defined, linked and
     * initialised ({@link #link}) ahead of the check of its procedure, while the artifact's pack files are still
     * being parsed: {@code linked} null when the verifier refused (the procedure's check verifies again, to
     * name the rule) or when linking failed ({@code error}).
     */
    record Early(Linked linked, LinkageError error) {
    }

    /** {@link Early} for one procedure's classes; never throws. */
    static Early early(Generated g) {
        try {
            if (!verifiedPrebuilt(g, Map.of(), "", new ArrayList<>())) {
                return new Early(null, null);
            }
            return new Early(link(g), null);
        } catch (LinkageError e) {
            return new Early(null, e);
        } catch (RuntimeException | StackOverflowError e) {
            return new Early(null, null); // the procedure's check does it again and reports it as it always did
        }
    }

    /**
     * A KieBase from classes compiled earlier (a prebuilt pack): they are verified again, exactly as a
     * fresh compile's are, before any is defined; null (with problems added) when the verifier refuses
     * or the model class is not among them.
     */
    static KieBase fromPrebuilt(Generated g, Map<String, CompiledProcedure.RuleInfo> rules, String fallback,
            List<PackProblem> problems) {
        return verifiedPrebuilt(g, rules, fallback, problems) ? assemble(g) : null;
    }

    /**
     * Whether the classes compiled earlier (a prebuilt pack) pass exactly the checks a fresh compile's
     * pass (their model class present, {@link BytecodeVerifier}); false with problems added. Defines
     * nothing: {@link #assemble} may then define them, now or later.
     */
    static boolean verifiedPrebuilt(Generated g, Map<String, CompiledProcedure.RuleInfo> rules, String fallback,
            List<PackProblem> problems) {
        if (g.modelClass() != null && !g.classes().containsKey(g.modelClass())) {
            problems.add(Msg.problem(fallback, 0, 0, "PREBUILT_REFUSED_CODE", "load.prebuilt.noModelClass", "name", g.modelClass()));
            return false;
        }
        if (g.modelClass() == null && !g.classes().isEmpty()) {
            problems.add(Msg.problem(fallback, 0, 0, "PREBUILT_REFUSED_CODE", "load.prebuilt.classesWithoutModel"));
            return false;
        }
        return verified(g.classes(), new Blame(rules, fallback), Map.of(), problems);
    }

    /** Every class passes {@link BytecodeVerifier}; else the refusals are added at their rules and false returned. */
    private static boolean verified(Map<String, byte[]> classes, Blame blame, Map<String, String> ruleOfClass,
            List<PackProblem> problems) {
        List<BytecodeRefusal> refused = BytecodeVerifier.verify(classes);
        if (refused.isEmpty()) {
            return true;
        }
        Map<String, String> ruleOfInternal;
        try {
            ruleOfInternal = rulesOfClasses(classes, blame);
        } catch (RuntimeException unreadable) {
            ruleOfInternal = Map.of(); // a class file ASM cannot read: the verifier named it already
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<PackProblem> unplaced = new ArrayList<>();
        long before = io.github.motcua.kernel.ProblemSink.found(problems);
        for (BytecodeRefusal r : refused) {
            String rule = ruleOfInternal.get(r.className() + LambdaClasses.instanceOf(r.method()));
            if (rule == null) {
                rule = ruleOfInternal.get(r.className());
            }
            if (rule == null) {
                rule = ruleOfClass.get(r.className().replaceAll(".*/", ""));
            }
            String what = r.member().isEmpty() ? "" : " [" + readable(r.member()) + "]";
            if (seen.add(rule + "\u0000" + r.reason() + what)) {
                String key = rule == null
                        ? (what.isEmpty() ? "load.bytecode.refused" : "load.bytecode.refusedMember")
                        : (what.isEmpty() ? "load.bytecode.refusedInRule" : "load.bytecode.refusedMemberInRule");
                String member = r.member().isEmpty() ? "" : readable(r.member());
                (rule == null ? unplaced : problems).add(blame.at(rule, "DRL_REFUSED_CODE",
                        Msg.vi(key, "rule", rule, "member", member, "reason", r.reason(Locale.forLanguageTag("vi"))),
                        Msg.en(key, "rule", rule, "member", member, "reason", r.reason(Locale.ENGLISH))));
            }
        }
        if (io.github.motcua.kernel.ProblemSink.found(problems) == before) {
            problems.addAll(unplaced); // shared generated code (type metadata) only repeats a rule's refusal
        }
        return false;
    }

    /** Defines the (verified) classes with a class loader of their own and assembles the KieBase from the model. */
    static KieBase assemble(Generated g) {
        if (g.data() != null) {
            return assemble(g.data());
        }
        if (g.modelClass() == null) {
            return empty();
        }
        return assemble(new RuleClassLoader(RuleClasses.class.getClassLoader(), g.classes()), g.modelClass());
    }

    /**
     * The KieBase of a procedure's rules as data ({@link DataRules}): its model holds only library classes
     * ({@link DataConditions}), so nothing is generated, verified or defined; the KieBase is assembled as from a
     * generated model, with the library's class loader.
     */
    static KieBase assemble(DataRules.Translated data) {
        return assembleModel(data);
    }

    /** The KieBase of a procedure without rules (an imported one, NOT_ASSESSED). */
    static KieBase empty() {
        return KieBaseBuilder.createKieBaseFromModel(List.of(), KieServices.get().newKieBaseConfiguration());
    }

    /**
     * The KieBase of rules as data, no evaluator registered for it: the deferred network of a procedure whose evaluator
     * was made when it was prepared ({@link RuleNetwork}).
     */
    static KieBase assembleModel(DataRules.Translated data) {
        return KieBaseBuilder.createKieBaseFromModel(DataRules.model(data), kieBaseConfiguration(RuleClasses.class.getClassLoader()));
    }

    /**
     * Verified classes defined, linked and initialised by a class loader of their own: what
     * {@link #assemble(Linked)} builds the KieBase from. The class files are dropped as they are defined.
     */
    record Linked(RuleClassLoader loader, String modelClass, DataRules.Translated data) {
        Linked(RuleClassLoader loader, String modelClass) {
            this(loader, modelClass, null);
        }
    }

    /**
     * Defines every (verified) class of {@code g}, links it — the JVM checks its format, verifies its bytecode and
     * resolves its supertypes — and initialises it (its static initialiser, verified like every method, runs as
     * it would when the KieBase is assembled), so a class that would fail there fails here, at load, instead of
     * at the procedure's first use. Call only after {@link #verifiedPrebuilt} accepted every class.
     *
     * @throws LinkageError when a class does not define, link or initialise (ClassFormatError, VerifyError,
     *                      NoClassDefFoundError, ExceptionInInitializerError …)
     */
    static Linked link(Generated g) {
        if (g.data() != null) {
            return new Linked(null, null, g.data()); // rules as data: nothing to define or link
        }
        RuleClassLoader loader = new RuleClassLoader(RuleClasses.class.getClassLoader(), g.classes());
        for (String name : g.classes().keySet()) {
            try {
                Class.forName(name.replace('/', '.'), true, loader);
            } catch (ClassNotFoundException e) {
                throw new NoClassDefFoundError(name);
            }
        }
        return new Linked(loader, g.modelClass());
    }

    /**
     * The network of generated classes: rules as data get their evaluator and a KieBase deferred when the evaluator
     * decides them ({@link RuleNetwork#of}), no rule the empty network, generated code its KieBase assembled now.
     */
    static RuleNetwork network(Generated g) {
        return g.data() != null ? RuleNetwork.of(g.data())
                : g.modelClass() == null ? RuleNetwork.empty() : RuleNetwork.assembled(assemble(g));
    }

    /** {@link #network(Generated)} of classes {@link #link linked} earlier. */
    static RuleNetwork network(Linked l) {
        return l.data() != null ? RuleNetwork.of(l.data())
                : l.modelClass() == null ? RuleNetwork.empty() : RuleNetwork.assembled(assemble(l));
    }

    /** The KieBase of classes {@link #link linked} earlier. */
    static KieBase assemble(Linked l) {
        if (l.data() != null) {
            return assemble(l.data());
        }
        if (l.modelClass() == null) {
            return empty();
        }
        return assemble(l.loader(), l.modelClass());
    }

    private static KieBase assemble(RuleClassLoader loader, String modelClass) {
        Model model;
        try {
            model = (Model) loader.loadClass(modelClass.replace('/', '.')).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("the verified rule model cannot be instantiated: " + e, e);
        }
        checkBranches(model);
        return KieBaseBuilder.createKieBaseFromModel(model, kieBaseConfiguration(loader));
    }

    /**
     * The branch limits of the parsed trees ({@link RuleDescriptors#MAX_BRANCHES} a rule,
     * {@link ProcedureCompiler#MAX_CODE_BRANCHES} a procedure) held again on the model the verified classes built, before
     * Drools expands its {@code or}s: classes from a prebuilt pack were never parsed here, and verified code may build
     * any number of {@code or}s with a few instructions (twenty nested ones were 2^20 branches and an
     * {@code OutOfMemoryError} while the KieBase was built).
     *
     * @throws IllegalStateException naming the rule and its count (a prebuilt procedure is then quarantined)
     */
    static void checkBranches(Model model) {
        long total = 0;
        for (org.drools.model.Rule r : model.getRules()) {
            long n = r.getView() == null ? 1 : branches(r.getView());
            if (n > RuleDescriptors.MAX_BRANCHES) {
                throw new IllegalStateException("the condition of rule [" + r.getName() + "] splits into "
                        + (n > BRANCHES_COUNTED ? "> " + BRANCHES_COUNTED : n) + " branches, over the limit of "
                        + RuleDescriptors.MAX_BRANCHES);
            }
            total += n;
        }
        if (total > ProcedureCompiler.MAX_CODE_BRANCHES) {
            throw new IllegalStateException("the rules split into " + total + " branches, over the limit of "
                    + ProcedureCompiler.MAX_CODE_BRANCHES + " a procedure");
        }
    }

    private static final long BRANCHES_COUNTED = 1_000_000;

    /** As {@link RuleDescriptors#branches}, on the model: an OR the sum of its parts, every other group the product. */
    private static long branches(org.drools.model.Condition c) {
        java.util.List<org.drools.model.Condition> subs = c.getSubConditions();
        if (subs == null || subs.isEmpty()) {
            return 1;
        }
        boolean or = c.getType() == org.drools.model.Condition.Type.OR;
        long n = or ? 0 : 1;
        for (org.drools.model.Condition sub : subs) {
            long b = branches(sub);
            n = or ? n + b : n * b;
            if (n > BRANCHES_COUNTED) {
                return BRANCHES_COUNTED + 1;
            }
        }
        return Math.max(n, 1);
    }

    /**
     * Drools' configuration files on the library's class path ({@code META-INF/kie.*.conf}), read once: a rule
     * class loader finds no resource of its own (it asks the library's loader), so every KieBase's configuration
     * read the same files again — about a quarter of assembling a small procedure's KieBase (docs/performance.md
     * "Session 9"). The JVM's system properties stay live in it, as in each configuration Drools makes.
     */
    private static final class DroolsConf {
        static final org.kie.internal.utils.ChainedProperties FILES =
                org.kie.internal.utils.ChainedProperties.getChainedProperties(RuleClasses.class.getClassLoader());
    }

    /**
     * What {@code KieServices.get().newKieBaseConfiguration(null, loader)} makes (the same three option groups, the
     * same class loader), from a copy of {@link DroolsConf#FILES} instead of reading the files again.
     */
    static org.kie.api.KieBaseConfiguration kieBaseConfiguration(ClassLoader loader) {
        return new org.kie.internal.conf.CompositeBaseConfiguration(DroolsConf.FILES.clone(), loader,
                org.drools.core.BaseConfigurationFactories.baseConf, org.drools.core.BaseConfigurationFactories.ruleConf,
                org.drools.core.BaseConfigurationFactories.flowConf);
    }

    /**
     * The model generator writes a literal regex ({@code x matches "re"}) as a static JDK
     * {@code Pattern} field and a call to its matcher; rules get {@link io.github.motcua.rules.vocabulary.BoundedPattern}
     * in its place, whose matcher stops after a work budget: the field goes, and each use of it
     * becomes {@code BoundedPattern.compile("re")} (which caches the compiled pattern). Only the
     * generator's own declaration, {@code private static final java.util.regex.Pattern regexp_<hash> = …},
     * is matched; anything else naming the JDK pattern is left to the verifier, which refuses it.
     */
    static String boundedRegex(String source) {
        if (!source.contains(JDK_PATTERN)) {
            return source;
        }
        Matcher m = REGEX_FIELD.matcher(source);
        String out = source;
        while (m.find()) {
            out = out.replace(m.group(), "");
            out = out.replaceAll("\\b" + m.group(1) + "\\b",
                    Matcher.quoteReplacement(BOUNDED_PATTERN + ".compile(" + m.group(2) + ")"));
        }
        return out;
    }

    /**
     * JavaParser prints a primitive type as {@code name().toLowerCase()} in the default locale, so under
     * a Turkish or Azeri default locale {@code int} comes out as {@code ınt} (dotless i) and the
     * generated source does not compile. Only the whole word is put back.
     */
    static String dottedInt(String source) {
        return source.indexOf('\u0131') < 0 ? source : DOTLESS_INT.matcher(source).replaceAll("int");
    }

    /** From a generated RuleMethods source: each lambda class it names -> the rule whose method names it. */
    private static void rulesOfSource(String source, Map<String, String> out) {
        Matcher m = RULE_NAME_DOC.matcher(source);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start()});
            names.add(m.group(1).strip());
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : source.length();
            Matcher c = GENERATED_CLASS.matcher(source.substring(starts.get(i)[0], end));
            while (c.find()) {
                out.putIfAbsent(c.group(1), names.get(i));
            }
        }
    }

    /**
     * From the compiled classes: each generated class -> the rule whose {@code rule_…} method refers to
     * it (the first such rule when two rules share a lambda), and each lambda {@code k} of a merged class
     * ({@code <class>#k}, from its {@code INSTANCE$k}) -> the rule that refers to that lambda. A rule method
     * names its rule as a string constant ({@code D.rule(package, name)}).
     */
    private static Map<String, String> rulesOfClasses(Map<String, byte[]> classes, Blame blame) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            if (!e.getKey().contains("RuleMethods")) {
                continue;
            }
            ClassNode cn = new ClassNode();
            new ClassReader(e.getValue()).accept(cn, ClassReader.SKIP_FRAMES);
            for (MethodNode mn : cn.methods) {
                if (!mn.name.startsWith("rule_")) {
                    continue;
                }
                String rule = null;
                List<String> refs = new ArrayList<>();
                for (AbstractInsnNode in : mn.instructions) {
                    if (in instanceof LdcInsnNode l && l.cst instanceof String s && rule == null
                            && blame.isRule(s)) {
                        rule = s;
                    } else if (in instanceof FieldInsnNode f) {
                        refs.add(f.owner);
                        if (f.name.startsWith("INSTANCE$")) {
                            // one lambda of a merged class (LambdaClasses): its methods are named name$k
                            refs.add(f.owner + "#" + f.name.substring("INSTANCE$".length()));
                        }
                    } else if (in instanceof MethodInsnNode mi) {
                        refs.add(mi.owner);
                    } else if (in instanceof TypeInsnNode t) {
                        refs.add(t.desc);
                    }
                }
                if (rule != null) {
                    out.putIfAbsent(e.getKey(), rule);
                    for (String r : refs) {
                        if (classes.containsKey(r.contains("#") ? r.substring(0, r.indexOf('#')) : r)) {
                            out.putIfAbsent(r, rule);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** {@code java/lang/Class.getClassLoader ()Ljava/lang/ClassLoader;} -> {@code java.lang.Class.getClassLoader}. */
    private static String readable(String member) {
        String m = member.contains(" ") ? member.substring(0, member.indexOf(' ')) : member;
        return m.replace('/', '.');
    }

    /**
     * What the Java compiler of one procedure's model sees of the library: everything but the names under
     * the procedure's own generated package, which only the compile itself holds (the rule class loader
     * defines them from their verified bytes without asking the class path either). The compiler asks its
     * class loader for every simple name it meets as a class of each of the model's packages first
     * ({@code motcua/pX/P12/String.class}, {@code .../java.class}, ...), about 450 names a procedure; each
     * went down to the JDK's boot loader, which searched every module for it and kept the miss in its
     * resource cache (a soft map that only memory pressure clears): with 2,000 procedures about 900,000
     * entries, some 60 MB of the retained heap after a folder load.
     */
    static final class OwnNamesNotOnClassPath extends ClassLoader {
        private final String path;
        private final String name;

        OwnNamesNotOnClassPath(ClassLoader parent, String packageName) {
            super(parent);
            this.name = packageName;
            this.path = packageName.replace('.', '/');
        }

        private boolean own(String resource) {
            return resource.startsWith(path) && (resource.length() == path.length()
                    || resource.charAt(path.length()) == '/' || resource.charAt(path.length()) == '.');
        }

        @Override
        public java.net.URL getResource(String resource) {
            return own(resource) ? null : super.getResource(resource);
        }

        @Override
        public java.io.InputStream getResourceAsStream(String resource) {
            return own(resource) ? null : super.getResourceAsStream(resource);
        }

        @Override
        public java.util.Enumeration<java.net.URL> getResources(String resource) throws java.io.IOException {
            return own(resource) ? java.util.Collections.emptyEnumeration() : super.getResources(resource);
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (className.startsWith(name) && (className.length() == name.length() || className.charAt(name.length()) == '.')) {
                throw new ClassNotFoundException(className);
            }
            return super.loadClass(className, resolve);
        }
    }

    /** Defines exactly the verified classes of one build; everything else comes from the library's loader. */
    static final class RuleClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        RuleClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = new java.util.concurrent.ConcurrentHashMap<>(classes);
        }

        /**
         * Defines a class once (the loader is not parallel-capable: {@code loadClass} holds its lock and
         * asks {@code findLoadedClass} first), so its bytes are dropped as it is defined: a procedure's
         * KieBase would otherwise keep every class file it was built from for as long as it serves.
         */
        /**
         * A class of this build is defined from its verified bytes without asking the parent first (the parent
         * would search the whole class path for each of them in vain: their names are in no JDK, Drools or motcua
         * package, the verifier sees to that); any other name goes to the parent, as before.
         */
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && classes.containsKey(name.replace('.', '/'))) {
                    c = findClass(name);
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.remove(name.replace('.', '/'));
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
