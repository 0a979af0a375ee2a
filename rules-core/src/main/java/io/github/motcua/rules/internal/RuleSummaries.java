package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.RuleSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what each rule of a procedure does from its text, without compiling or running it: the
 * {@code decision.<action>(…)} calls of each rule's consequence and their string arguments, over the
 * text with comments and literals masked ({@link DrlSource}). Rules as data and decision tables are
 * read from the DRL they are translated to. Stateless, so thread-safe.
 */
final class RuleSummaries {
    private static final Pattern CALL = Pattern.compile("\\bdecision\\s*\\.\\s*([A-Za-z]+)\\s*\\(");

    private RuleSummaries() {
    }

    /** The rules of one file, in file order, each with the actions of its consequence. */
    static List<RuleSummary> of(LoadedPack.RuleText t, Map<String, LegalBasis> bases) {
        DrlSource src = t.source();
        Map<DrlSource.RuleHeader, List<RuleSummary.Action>> actions = new LinkedHashMap<>();
        for (DrlSource.RuleHeader h : src.rules()) {
            actions.put(h, new ArrayList<>());
        }
        char[] masked = src.masked();
        String text = new String(masked);
        Matcher m = CALL.matcher(text);
        while (m.find()) {
            DrlSource.RuleHeader rule = src.ruleAt(src.position(m.start())[0]);
            RuleSummary.Kind kind = kind(m.group(1));
            if (rule == null || kind == null) {
                continue;
            }
            int open = m.end() - 1;
            int close = close(masked, open);
            List<String> args = new ArrayList<>();
            List<DrlSource.Literal> ls = src.literals();
            for (int i = src.firstLiteralFrom(open + 1); i < ls.size() && ls.get(i).start() <= close; i++) {
                if (ls.get(i).end() <= close) {
                    args.add(ls.get(i).value());
                }
            }
            List<RuleSummary.Action> out = actions.get(rule);
            String first = args.isEmpty() ? null : args.get(0);
            String last = args.isEmpty() ? null : args.get(args.size() - 1);
            switch (kind) {
                case REQUIRE_ONE_OF -> {
                    for (int i = 1; i < args.size(); i++) {
                        out.add(new RuleSummary.Action(kind, args.get(i), first));
                    }
                }
                case REQUIRE, OPTIONAL, ADD_FEE -> out.add(new RuleSummary.Action(kind, first, null));
                case WAIVE, EXEMPT, REDUCE -> out.add(new RuleSummary.Action(kind, first, args.size() > 1 ? last : null));
                default -> out.add(new RuleSummary.Action(kind, null, kind == RuleSummary.Kind.INELIGIBLE
                        || kind == RuleSummary.Kind.NOTE ? first : last));
            }
        }
        List<RuleSummary> result = new ArrayList<>();
        actions.forEach((h, a) -> {
            DrlSource.Meta basis = h.meta().get("basis");
            result.add(new RuleSummary(h.name(), t.file(), basis == null ? null : bases.get(basis.value()), a));
        });
        return result;
    }

    private static RuleSummary.Kind kind(String method) {
        return switch (method) {
            case "ineligible" -> RuleSummary.Kind.INELIGIBLE;
            case "require" -> RuleSummary.Kind.REQUIRE;
            case "requireOneOf" -> RuleSummary.Kind.REQUIRE_ONE_OF;
            case "optional" -> RuleSummary.Kind.OPTIONAL;
            case "waive" -> RuleSummary.Kind.WAIVE;
            case "extend" -> RuleSummary.Kind.EXTEND;
            case "pause" -> RuleSummary.Kind.PAUSE;
            case "replaceDeadline" -> RuleSummary.Kind.REPLACE_DEADLINE;
            case "note" -> RuleSummary.Kind.NOTE;
            case "addFee" -> RuleSummary.Kind.ADD_FEE;
            case "exempt" -> RuleSummary.Kind.EXEMPT;
            case "reduce" -> RuleSummary.Kind.REDUCE;
            default -> null;
        };
    }

    /** The offset of the parenthesis closing the one at {@code open} (literals are masked), or the text's end. */
    private static int close(char[] masked, int open) {
        int depth = 0;
        for (int i = open; i < masked.length; i++) {
            if (masked[i] == '(') {
                depth++;
            } else if (masked[i] == ')' && --depth == 0) {
                return i;
            }
        }
        return masked.length;
    }
}
