package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.PackProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * Lints, then compiles one procedure's rule texts into its own KieBase, in two halves:
 * {@link #check} (lint, metadata, content key: cheap, run at every load) and {@link #build} (the
 * KieBase: expensive, run eagerly, on demand or in the background). {@link #build} parses each text
 * into its Drools descriptor tree and restricts it ({@link RuleDescriptors}), then compiles the trees
 * with the executable model and verifies the bytecode before defining a class ({@link RuleClasses}).
 * No KieModule is registered in the KieRepository, so reloads leave nothing behind and concurrent
 * builds never see each other's modules.
 */
final class ProcedureCompiler {
    /** Everything the loader adds in front of a rule file: one line, so line numbers shift by exactly one. */
    private static final String HEADER_FMT = "package %s; "
            + "import io.github.motcua.rules.vocabulary.Dossier; import io.github.motcua.rules.vocabulary.Applicant; "
            + "import io.github.motcua.rules.vocabulary.Unit; import io.github.motcua.rules.vocabulary.Form; "
            + "import java.time.LocalDate; "
            + "global io.github.motcua.rules.vocabulary.Actions decision;\n";
    private static final Pattern SOURCE_PATH = Pattern.compile("motcua/r(\\d+)\\.drl");
    private static final Pattern EXPRESSION_IN_MESSAGE = Pattern.compile("(?:expression|Expression)\\s*:?\\s*(.+?)\\s*$");
    private static final Pattern NEAR_LINE = Pattern.compile("\\[(?:Near|Line)[^\\]]*?line\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    private ProcedureCompiler() {
    }

    /**
     * A procedure that passed the linter: what its KieBase is built from and the trace information
     * of its rules. Immutable. (Its content key is {@link #key}, computed once by the engine.)
     */
    record Checked(LoadedPack.ProcedureSource src, Map<String, CompiledProcedure.RuleInfo> rules) {
    }

    /** Lints and compiles in one go (eager path); null when there are problems. */
    static CompiledProcedure compile(LoadedPack.ProcedureSource src, Map<String, LegalBasis> bases,
            List<PackProblem> problems) {
        Checked c = check(src, bases, problems);
        if (c == null) {
            return null;
        }
        RuleNetwork n = network(c, problems, false);
        return n == null ? null : new CompiledProcedure(src.procedure(), n, c.rules());
    }

    /**
     * The cheap half of a compile, run for every procedure at load: lint, rule names and metadata,
     * and the content key. Drools syntax and type errors are found only by {@link #build}: running
     * the Drools DRL parser here cost 8-13 ms per procedure on the 2-core test machine, 10-20 s for
     * 2,000, which alone breaks the 2 s load-to-first-decision target.
     *
     * @return null when problems were added
     */
    static Checked check(LoadedPack.ProcedureSource src, Map<String, LegalBasis> bases,
            List<PackProblem> problems) {
        return check(src, bases, problems, true);
    }

    /**
     * As {@link #check(LoadedPack.ProcedureSource, Map, List)}; without {@code lint} only the rule names and
     * metadata are read (a prebuilt pack: its build linted the texts, and they are never compiled).
     */
    static Checked check(LoadedPack.ProcedureSource src, Map<String, LegalBasis> bases,
            List<PackProblem> problems, boolean lint) {
        Set<String> componentIds = new LinkedHashSet<>();
        for (DossierComponent c : src.procedure().components()) {
            componentIds.add(c.id());
        }
        long before = io.github.motcua.kernel.ProblemSink.found(problems);
        Map<String, CompiledProcedure.RuleInfo> rules = new HashMap<>();
        for (LoadedPack.RuleText rt : src.rules()) {
            if (lint) {
                problems.addAll(Linter.lint(rt.source(), rt.positions(), componentIds, bases));
            }
            for (DrlSource.RuleHeader h : rt.source().rules()) {
                PackProblem at = rt.positions().at(h.line(), h.column(), "X", "", "");
                CompiledProcedure.RuleInfo info = new CompiledProcedure.RuleInfo(h.name(), at.file(), at.line(),
                        h.meta().get("basis") == null ? null : bases.get(h.meta().get("basis").value()),
                        date(h.meta().get("validFrom")), date(h.meta().get("validTo")));
                CompiledProcedure.RuleInfo old = rules.putIfAbsent(h.name(), info);
                if (old != null) {
                    String where = old.file() + ":" + old.line();
                    problems.add(rt.positions().at(h.line(), h.column(), "DUPLICATE_RULE",
                            Msg.vi("load.drl.duplicateRule", "rule", h.name(), "where", where),
                            Msg.en("load.drl.duplicateRule", "rule", h.name(), "where", where)));
                }
            }
        }
        if (io.github.motcua.kernel.ProblemSink.found(problems) > before) {
            return null;
        }
        return new Checked(src, Map.copyOf(rules));
    }

    /**
     * SHA-256 over the procedure code and every rule text's path and DRL, in order: two pack versions
     * with the same key build the same KieBase.
     */
    static String key(LoadedPack.ProcedureSource src) {
        List<LoadedPack.RuleText> texts = src.rules();
        MessageDigest md = sha256();
        byte[] buf = KEY_BUFFER.get();
        updateUtf8(md, src.procedure().code(), buf);
        for (int i = 0; i < texts.size(); i++) {
            md.update((byte) 0);
            updateUtf8(md, texts.get(i).file(), buf);
            md.update((byte) 0);
            updateUtf8(md, texts.get(i).source().text, buf);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Each thread's buffer for {@link #updateUtf8}. */
    private static final ThreadLocal<byte[]> KEY_BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    /**
     * {@code md.update(s.getBytes(UTF_8))} without making the bytes (a rule text is hashed once a load, and its bytes
     * were the load's largest allocation after the text's own decoding): the same UTF-8, an unpaired surrogate as
     * {@code ?} as {@link String#getBytes} writes it, given to the digest in pieces of {@code buf} (a digest of pieces
     * is the digest of the whole).
     */
    static void updateUtf8(MessageDigest md, String s, byte[] buf) {
        int n = s.length();
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k > buf.length - 4) {
                md.update(buf, 0, k);
                k = 0;
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[k++] = (byte) c;
            } else if (c < 0x800) {
                buf[k++] = (byte) (0xC0 | (c >> 6));
                buf[k++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                buf[k++] = (byte) (0xE0 | (c >> 12));
                buf[k++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[k++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[k++] = (byte) (0xF0 | (cp >> 18));
                buf[k++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[k++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[k++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[k++] = '?';
            }
        }
        md.update(buf, 0, k);
    }

    /**
     * Parses every rule text of the procedure into its Drools descriptor tree and checks the tree
     * against {@link RuleDescriptors}: nothing reaches the compiler (which evaluates parts of a rule
     * file while it compiles) unless this passes.
     *
     * @return the trees, in the order of {@code src.rules()}; null when problems were added
     */
    static List<PackageDescr> restrict(LoadedPack.ProcedureSource src, List<PackProblem> problems) {
        String header = header(src);
        String pkg = packageName(src);
        List<LoadedPack.RuleText> texts = src.rules();
        List<PackageDescr> out = new ArrayList<>();
        List<KnowledgeBuilderResult> parseErrors = new ArrayList<>();
        long before = io.github.motcua.kernel.ProblemSink.found(problems);
        for (int i = 0; i < texts.size(); i++) {
            String drl = header + texts.get(i).source().text;
            Resource r = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
            r.setSourcePath(String.format(Locale.ROOT, "motcua/r%d.drl", i));
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr pd;
            try {
                pd = parser.parse(r, drl);
            } catch (DroolsParserException e) {
                pd = null;
            }
            if (parser.hasErrors() || pd == null) {
                parseErrors.addAll(parser.getErrors());
                if (parser.getErrors().isEmpty()) {
                    problems.add(texts.get(i).positions().at(0, 0, "DRL_COMPILE", Msg.vi("load.drl.unparsable"), Msg.en("load.drl.unparsable")));
                }
                continue;
            }
            pd.setResource(r);
            RuleDescriptors.check(pd, pkg, 1, texts.get(i).source(), texts.get(i).positions(), problems);
            out.add(pd);
        }
        report(parseErrors, src, problems);
        return io.github.motcua.kernel.ProblemSink.found(problems) > before ? null : out;
    }

    /** The expensive half: builds the procedure's KieBase; null when Drools reports errors. */
    static KieBase build(Checked c, List<PackProblem> problems) {
        RuleNetwork n = network(c, problems, false);
        return n == null ? null : n.kieBase();
    }

    /**
     * As {@link #build}, for the engine: rules as data that {@link DataEvaluator} decides get a network whose KieBase
     * is assembled only when a session of it is needed ({@link RuleNetwork}); everything else is assembled now.
     */
    static RuleNetwork network(Checked c, List<PackProblem> problems) {
        return network(c, problems, true);
    }

    private static RuleNetwork network(Checked c, List<PackProblem> problems, boolean deferData) {
        CompilerWarmUp.compiled();
        LoadedPack.ProcedureSource src = c.src();
        List<PackageDescr> trees = restrict(src, problems);
        if (trees == null) {
            return null;
        }
        if (deferData && trees.stream().allMatch(t -> t.getRules().isEmpty())) {
            return RuleNetwork.empty(); // no rule: nothing to assemble unless something asks
        }
        // rules that are all plain vocabulary become data: no source, no javac, no class defined (DataRules)
        DataRules.Translated data = DataRules.translate(packageName(src), trees);
        if (data != null) {
            return deferData ? RuleNetwork.of(data) : RuleNetwork.assembled(DataRules.kieBase(data), data);
        }
        if (tooManyCodeRules(src, trees, problems)) {
            return null;
        }
        String fallback = blame(src);
        KieBase kb = RuleClasses.build(packageName(src), trees, c.rules(), fallback,
                errors -> report(errors, src, problems), problems);
        return kb == null ? null : RuleNetwork.assembled(kb);
    }

    /**
     * Like {@link #build}, but returns the verified, not yet defined classes (what a prebuilt pack
     * stores), or the rules as data ({@link DataRules}); null when Drools, the Java compiler or the verifier refuses.
     */
    static RuleClasses.Generated generate(Checked c, List<PackProblem> problems) {
        CompilerWarmUp.compiled();
        LoadedPack.ProcedureSource src = c.src();
        List<PackageDescr> trees = restrict(src, problems);
        if (trees == null) {
            return null;
        }
        DataRules.Translated data = DataRules.translate(packageName(src), trees);
        if (data != null) {
            return RuleClasses.Generated.data(data); // stored as data in a prebuilt pack: no class
        }
        if (tooManyCodeRules(src, trees, problems)) {
            return null;
        }
        return RuleClasses.generate(packageName(src), trees, c.rules(), blame(src),
                errors -> report(errors, src, problems), problems);
    }

    /**
     * The most rules one procedure may hold in all, rules as data included (session 18). Real procedures have a handful to
     * a few dozen (the Gia Lai pack at most 10, the synthetic catalogue's padding aims at 10). A procedure's rules are
     * parsed, translated and — when a dossier needs its Drools session — assembled all at once: measured with the CLI's
     * {@code check} (docs/security.md, "Rules as data"), 60,000 data rules in one procedure held up to 441 MB live
     * (727 MB resident with the serial collector; the audit's run, 1.7 GB resident), about 7 kB a rule while it is prepared;
     * 2,000 keep that under 15 MB. Counted on the rule headers as a procedure folder is read, before any of that, and
     * again on a prebuilt pack's stored data entries before they are decoded.
     */
    static final int MAX_RULES = 2_000;

    /**
     * The most rules a pack may hold in all procedures together (session 18): about 2.3 times a province's whole
     * catalogue written out (Gia Lai lists 2,142 procedures; the synthetic 2,000-procedure catalogue holds ≈ 20,000
     * rules). A data rule keeps about 1.4 kB once its procedure is prepared (measured: docs/security.md), so 50,000 keep
     * about 70 MB.
     */
    static final int MAX_PACK_RULES = 50_000;

    /** The rules the texts of a procedure hold (their headers). */
    static int ruleCount(LoadedPack.ProcedureSource src) {
        int n = 0;
        for (LoadedPack.RuleText t : src.rules()) {
            n += t.source().rules().size();
        }
        return n;
    }

    /** At least {@link #ruleCount}, without parsing a rule text not parsed yet ({@link DrlSource#rulesAtMost}). */
    static int ruleCountAtMost(LoadedPack.ProcedureSource src) {
        int n = 0;
        for (LoadedPack.RuleText t : src.rules()) {
            n += t.source().rulesAtMost();
        }
        return n;
    }

    /** {@code DRL_TOO_MANY_RULES} for a pack whose procedures hold {@code count} rules in all, over {@link #MAX_PACK_RULES}. */
    static PackProblem tooManyRulesInPack(String file, long count) {
        return Msg.problem(file, 0, 0, "DRL_TOO_MANY_RULES", "load.drl.tooManyRulesInPack",
                "count", Long.toString(count), "max", Integer.toString(MAX_PACK_RULES));
    }

    /**
     * The most rules of one procedure that compile to code: Drools' executable model writes up to this many into one
     * class and spreads more over several classes joined by a {@code RulesSupplier}, which the verifier refuses. Checked
     * on the parsed trees, so such a procedure is refused before any source is generated or compiled (it used to cost
     * the whole generation and javac run first: about 20 s of CPU and 0.75 GB for 1,000 rules). Rules as data
     * ({@link DataRules}) make no class and have only the limit of all rules, {@link #MAX_RULES}.
     */
    static final int MAX_CODE_RULES = 999;

    /**
     * Adds {@code DRL_TOO_MANY_RULES} at the procedure when its trees hold more than {@link #MAX_CODE_RULES} rules, or
     * {@code DRL_TOO_MANY_BRANCHES} when they split into more than {@link #MAX_CODE_BRANCHES} branches.
     */
    private static boolean tooManyCodeRules(LoadedPack.ProcedureSource src, List<PackageDescr> trees, List<PackProblem> problems) {
        int n = 0;
        for (PackageDescr t : trees) {
            n += t.getRules().size();
        }
        if (n > MAX_CODE_RULES) {
            problems.add(Msg.problem(blame(src), 0, 0, "DRL_TOO_MANY_RULES", "load.drl.tooManyRules",
                    "count", Integer.toString(n), "max", Integer.toString(MAX_CODE_RULES), "dataMax", Integer.toString(MAX_RULES)));
            return true;
        }
        long branches = 0;
        for (PackageDescr t : trees) {
            for (org.drools.drl.ast.descr.RuleDescr r : t.getRules()) {
                branches += r.getLhs() == null ? 1 : RuleDescriptors.branches(r.getLhs());
            }
        }
        if (branches > MAX_CODE_BRANCHES) {
            problems.add(Msg.problem(blame(src), 0, 0, "DRL_TOO_MANY_BRANCHES", "load.drl.tooManyBranchesInProcedure",
                    "count", Long.toString(branches), "max", Integer.toString(MAX_CODE_BRANCHES)));
            return true;
        }
        return false;
    }

    /**
     * The most branches all the rules of a procedure that compile to code may split into together
     * ({@link RuleDescriptors#branches}; each rule at most {@link RuleDescriptors#MAX_BRANCHES}): what the KieBase holds
     * grows with them (4,096 took about 0.3 GB to check, 65,536 about 1.2 GB).
     */
    static final int MAX_CODE_BRANCHES = 4096;

    /** A rule nested so deeply that the Drools parser or compiler ran out of stack. */
    static PackProblem tooDeep(String file) {
        return Msg.problem(file, 0, 0, "DRL_TOO_DEEP", "load.drl.tooDeep");
    }

    /** The file to blame for a whole-procedure failure: its only rule file, else its folder. */
    static String blame(LoadedPack.ProcedureSource src) {
        return src.rules().size() == 1 ? src.rules().get(0).file() : src.folder();
    }

    private static String header(LoadedPack.ProcedureSource src) {
        return String.format(Locale.ROOT, HEADER_FMT, packageName(src));
    }

    static String packageName(LoadedPack.ProcedureSource src) {
        return "motcua.p" + src.procedure().code().replaceAll("[^A-Za-z0-9]", "_");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Maps Drools errors back to the analyst's file, line and column. */
    private static void report(List<KnowledgeBuilderResult> errors, LoadedPack.ProcedureSource src,
            List<PackProblem> problems) {
        if (errors.size() > 1) {
            // Drools adds this after any parser error: it only repeats that the file did not parse
            errors.removeIf(e -> e.getMessage() != null && e.getMessage().contains("Parser returned a null Package"));
        }
        List<LoadedPack.RuleText> texts = src.rules();
        for (KnowledgeBuilderResult e : errors) {
            LoadedPack.RuleText rt = texts.isEmpty() ? null : texts.get(0);
            if (e.getResource() != null && e.getResource().getSourcePath() != null) {
                Matcher m = SOURCE_PATH.matcher(e.getResource().getSourcePath());
                if (m.find()) {
                    rt = texts.get(Integer.parseInt(m.group(1)));
                }
            }
            int line = e.getLines() != null && e.getLines().length > 0 ? e.getLines()[0] - 1 : 0;
            String msg = shiftLines(e.getMessage() == null ? "" : e.getMessage().strip());
            if (line <= 0) {
                Matcher near = NEAR_LINE.matcher(msg);
                if (near.find()) {
                    line = Integer.parseInt(near.group(1)); // msg already shows the analyst's numbers
                }
            }
            int col = e instanceof ParserError pe ? Math.max(0, pe.getCol()) + (pe.getCol() >= 0 ? 1 : 0) : 0;
            if (line <= 0) {
                // the executable model names the expression, not its place: find it in the analyst's text
                Matcher x = EXPRESSION_IN_MESSAGE.matcher(msg);
                String snippet = x.find() ? x.group(1).strip() : "";
                for (int k = 0; k < texts.size() && snippet.length() >= 3 && line <= 0; k++) {
                    int at = texts.get(k).source().text.indexOf(snippet);
                    if (at >= 0) {
                        int[] pos = texts.get(k).source().position(at);
                        rt = texts.get(k);
                        line = pos[0];
                        col = pos[1];
                    }
                }
            }
            if (line <= 0) {
                line = 0;
                col = 0;
            }
            // Drools' own words are the detail, said as a compile error in each language wherever it is placed
            PackProblem p = rt == null
                    ? Msg.problem(src.folder(), line, col, "DRL_COMPILE", "load.drl.compile", "detail", msg)
                    : rt.positions().at(line, col, "DRL_COMPILE", Msg.vi("load.drl.compile", "detail", msg), Msg.en("load.drl.compile", "detail", msg));
            problems.add(p);
        }
    }

    /** Drools quotes lines of the text it compiled (header included): show the analyst's numbers. */
    private static String shiftLines(String msg) {
        Matcher m = Pattern.compile("(?i)(line\\s*)(\\d+)").matcher(msg);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + Math.max(0, Integer.parseInt(m.group(2)) - 1)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static LocalDate date(DrlSource.Meta m) {
        if (m == null) {
            return null;
        }
        try {
            return LocalDate.parse(m.value());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
