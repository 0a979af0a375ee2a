package io.github.motcua.rules.internal;

import io.github.motcua.rules.DecisionPath;
import io.github.motcua.rules.PackProblem;
import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.model.Rule;

/**
 * Which path decides a procedure ({@link DecisionPath}), worked out from its rule texts with the same functions the
 * build takes the path with: {@link DataRules#translate} (data or compiled) and the attributes
 * {@link DataEvaluator#of(DataRules.Translated)} accepts (decided without a session or with one). It parses the rule
 * texts again each time: for tools ({@code check}), not for a decision. Stateless; thread-safe.
 */
final class DecisionPaths {
    private DecisionPaths() {
    }

    /** The path of {@code src}'s rules, or null when they do not parse (the load reports that). */
    static DecisionPath of(LoadedPack.ProcedureSource src) {
        List<PackProblem> problems = new ArrayList<>();
        List<PackageDescr> trees = ProcedureCompiler.restrict(src, problems);
        if (trees == null) {
            return null;
        }
        if (trees.stream().allMatch(t -> t.getRules().isEmpty())) {
            return new DecisionPath(DecisionPath.Kind.NO_RULES, "");
        }
        if (!DataRules.enabled()) {
            return new DecisionPath(DecisionPath.Kind.COMPILED, "-D" + DataRules.FORCE_CODE_PATH + "=true");
        }
        String pkg = ProcedureCompiler.packageName(src);
        DataRules.Translated data = DataRules.translate(pkg, trees);
        if (data == null) {
            return new DecisionPath(DecisionPath.Kind.COMPILED, DataRules.outside(pkg, trees));
        }
        String session = sessionReason(data);
        return session == null ? new DecisionPath(DecisionPath.Kind.DATA, "")
                : new DecisionPath(DecisionPath.Kind.DATA_IN_SESSION, session);
    }

    /**
     * Why rules as data are decided with a Drools session (the first attribute that is the agenda's business, or the
     * forcing property), or null when {@link DataEvaluator#of(DataRules.Translated)} takes them.
     */
    static String sessionReason(DataRules.Translated t) {
        if (!DataEvaluator.enabled()) {
            return "-D" + DataEvaluator.FORCE_SESSIONS + "=true";
        }
        for (DataRules.DataRule r : t.rules()) {
            for (DataRules.Attribute a : r.attributes()) {
                if (a.name() == Rule.Attribute.AGENDA_GROUP) {
                    return "rule [" + r.name() + "]: agenda-group";
                } else if (a.name() == Rule.Attribute.ACTIVATION_GROUP) {
                    return "rule [" + r.name() + "]: activation-group";
                } else if (a.name() == Rule.Attribute.LOCK_ON_ACTIVE && Boolean.TRUE.equals(a.value())) {
                    return "rule [" + r.name() + "]: lock-on-active true";
                } else if (a.name() != Rule.Attribute.SALIENCE && a.name() != Rule.Attribute.NO_LOOP
                        && a.name() != Rule.Attribute.LOCK_ON_ACTIVE) {
                    return "rule [" + r.name() + "]: attribute";
                }
            }
        }
        return null;
    }
}
