package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks rule texts (DRL files and generated decision tables) and the forms of analysts' cases
 * against the procedure's form: a field path or option value the form does not declare is an error
 * at its place, naming the closest declared names. Without this, {@code text("canXacMinhh")} compiles
 * and never matches, and a misspelled option in a {@code != } condition matches every dossier.
 */
final class FormChecks {
    /** The Form accessors whose first argument is a field path. */
    private static final Pattern ACCESSOR = Pattern.compile(
            "\\b(text|integer|decimal|bool|date|has|count|ageInDays|ageInYears|unitHasFlag)\\s*\\(");
    private static final Pattern EQUALITY = Pattern.compile("\\G\\s*(==|!=)\\s*");

    private FormChecks() {
    }

    /** Every field path and compared option in {@code src}, checked against {@code form}. */
    static void drl(DrlSource src, Linter.Positions at, FormFields form, List<PackProblem> problems) {
        String m = src.maskedText();
        Matcher a = ACCESSOR.matcher(m);
        while (a.find()) {
            int open = a.end() - 1;
            DrlSource.Literal path = literalAt(src, m, open + 1);
            if (path == null) {
                continue; // a variable or expression: only the run time knows
            }
            int[] p = src.position(path.start());
            FormFields.Field f = form.field(path.value());
            if (f == null) {
                problems.add(YamlRules.unknownField(at.at(p[0], p[1], "X", "", ""), path.value(), form));
                continue;
            }
            if (!a.group(1).equals("text") || f.options.isEmpty()) {
                continue;
            }
            int close = path.end() + 1;
            while (close < m.length() && Character.isWhitespace(m.charAt(close))) {
                close++;
            }
            if (close >= m.length() || m.charAt(close) != ')') {
                continue;
            }
            Matcher eq = EQUALITY.matcher(m);
            if (!eq.find(close + 1) || eq.start() != close + 1) {
                continue;
            }
            DrlSource.Literal value = literalAt(src, m, eq.end());
            if (value != null && !f.options.contains(value.value())) {
                int[] v = src.position(value.start());
                problems.add(YamlRules.unknownOption(at.at(v[0], v[1], "X", "", ""), path.value(), value.value(), f.options));
            }
        }
    }

    /** The string literal starting at {@code from} (after blanks), or null. */
    private static DrlSource.Literal literalAt(DrlSource src, String m, int from) {
        int i = from;
        while (i < m.length() && Character.isWhitespace(m.charAt(i))) {
            i++;
        }
        if (i >= m.length() || (m.charAt(i) != '"' && m.charAt(i) != '\'')) {
            return null;
        }
        return src.literalAt(i);
    }

    /** Every key of a case's form (at {@code ptr} in its YAML), checked against {@code form}. */
    static void caseForm(YamlDoc doc, String ptr, JsonNode data, FormFields form, List<PackProblem> problems) {
        walk(doc, ptr, data, "", form, problems);
    }

    private static void walk(YamlDoc doc, String ptr, JsonNode node, String path, FormFields form, List<PackProblem> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String cptr = ptr + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (form.field(child) == null) {
                    PackProblem at = doc.problem(cptr, "X", "", "");
                    PackProblem p = YamlRules.unknownField(at, child, form);
                    problems.add(new PackProblem(p.file(), p.line(), p.column(), "CASE_UNKNOWN_FIELD", p.messageVi(), p.messageEn()));
                    continue;
                }
                walk(doc, cptr, e.getValue(), child, form, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(doc, ptr + "/" + i, node.get(i), path + "." + i, form, problems);
            }
        }
    }
}
