package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.PackProblem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Lints, then compiles one procedure's rule texts with the classic DRL path into its own KieBase.
 * A KnowledgeBuilder builds the KieBase directly: no KieModule is registered in the KieRepository,
 * so reloads leave nothing behind and concurrent builds never see each other's modules.
 */
final class ProcedureCompiler {
    /** Everything the loader adds in front of a rule file: one line, so line numbers shift by exactly one. */
    private static final String HEADER_FMT = "package %s; "
            + "import io.github.motcua.rules.vocabulary.Dossier; import io.github.motcua.rules.vocabulary.Applicant; "
            + "import io.github.motcua.rules.vocabulary.Unit; import io.github.motcua.rules.vocabulary.Form; "
            + "import java.time.LocalDate; "
            + "global io.github.motcua.rules.vocabulary.Actions decision;\n";
    private static final Pattern NEAR_LINE = Pattern.compile("\\[(?:Near|Line)[^\\]]*?line\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

    private ProcedureCompiler() {
    }

    static CompiledProcedure compile(LoadedPack.ProcedureSource src, Map<String, LegalBasis> bases,
            List<PackProblem> problems) {
        Set<String> componentIds = new LinkedHashSet<>();
        for (DossierComponent c : src.procedure().components()) {
            componentIds.add(c.id());
        }
        int before = problems.size();
        Map<String, CompiledProcedure.RuleInfo> rules = new HashMap<>();
        for (LoadedPack.RuleText rt : src.rules()) {
            problems.addAll(Linter.lint(rt.source(), rt.positions(), componentIds, bases));
            for (DrlSource.RuleHeader h : rt.source().rules) {
                PackProblem at = rt.positions().at(h.line(), h.column(), "X", "", "");
                CompiledProcedure.RuleInfo info = new CompiledProcedure.RuleInfo(h.name(), at.file(), at.line(),
                        h.meta().get("basis") == null ? null : bases.get(h.meta().get("basis").value()),
                        date(h.meta().get("validFrom")), date(h.meta().get("validTo")));
                CompiledProcedure.RuleInfo old = rules.putIfAbsent(h.name(), info);
                if (old != null) {
                    problems.add(rt.positions().at(h.line(), h.column(), "DUPLICATE_RULE",
                            String.format(Locale.ROOT, "Tên quy tắc [%s] đã dùng ở %s:%d", h.name(), old.file(), old.line()),
                            String.format(Locale.ROOT, "rule name [%s] already used at %s:%d", h.name(), old.file(), old.line())));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String pkg = "motcua.p" + src.procedure().code().replaceAll("[^A-Za-z0-9]", "_");
        String header = String.format(Locale.ROOT, HEADER_FMT, pkg);
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(ProcedureCompiler.class.getClassLoader()));
        List<LoadedPack.RuleText> texts = src.rules();
        for (int i = 0; i < texts.size(); i++) {
            String drl = header + texts.get(i).source().text;
            Resource r = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8));
            r.setSourcePath(String.format(Locale.ROOT, "motcua/r%d.drl", i));
            kb.add(r, ResourceType.DRL);
        }
        List<KnowledgeBuilderResult> errors = new ArrayList<>(kb.getResults(ResultSeverity.ERROR));
        if (errors.size() > 1) {
            // Drools adds this after any parser error: it only repeats that the file did not parse
            errors.removeIf(e -> e.getMessage() != null && e.getMessage().contains("Parser returned a null Package"));
        }
        for (KnowledgeBuilderResult e : errors) {
            LoadedPack.RuleText rt = texts.isEmpty() ? null : texts.get(0);
            if (e.getResource() != null && e.getResource().getSourcePath() != null) {
                Matcher m = Pattern.compile("motcua/r(\\d+)\\.drl").matcher(e.getResource().getSourcePath());
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
                line = 0;
                col = 0;
            }
            PackProblem p = rt == null
                    ? new PackProblem(src.folder(), line, col, "DRL_COMPILE", msg, msg)
                    : rt.positions().at(line, col, "DRL_COMPILE",
                            "Lỗi biên dịch quy tắc: " + msg, "rule compile error: " + msg);
            problems.add(p);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        KieBase kbase = kb.newKieBase();
        return new CompiledProcedure(src.procedure(), kbase, Map.copyOf(rules));
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
