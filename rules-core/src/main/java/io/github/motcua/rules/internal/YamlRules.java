package io.github.motcua.rules.internal;

import io.github.motcua.fees.ExemptionCategory;
import io.github.motcua.rules.PackProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Rules written as data ({@code rules.yaml}, {@code *.rules.yaml}; format in docs/rule-authoring.md
 * and rules.schema.json): translated into DRL text, one rule per item, with a map from every
 * generated line back to the analyst's YAML line and column. The DRL then goes through exactly the
 * same lint and compile path as a hand-written rule file. Every value is written into the DRL as an
 * escaped string literal or a validated number, so a YAML file cannot inject code. Form fields and
 * option values are checked against the procedure's form here, at their YAML position.
 */
final class YamlRules {
    static final Set<String> SEX = Set.of("MALE", "FEMALE");
    static final Set<String> CHANNELS = Set.of("DESK", "ONLINE", "POST");
    static final Set<String> UNIT_KINDS = Set.of("COMMUNE", "WARD", "PROVINCIAL_CENTRE");
    private static final Map<String, String> VI_VALUES = Map.of("Nam", "MALE", "Nữ", "FEMALE", "trực tiếp", "DESK",
            "trực tuyến", "ONLINE", "bưu chính", "POST");
    private static final Map<String, String> UNITS = Map.of("ngày làm việc", "WORKING_DAYS", "giờ làm việc",
            "WORKING_HOURS", "ngày", "CALENDAR_DAYS", "trong ngày", "SAME_DAY");
    private static final List<String> SUBJECTS = List.of("tờ khai", "người yêu cầu", "đơn vị tiếp nhận", "hồ sơ", "không");
    private static final List<String> COMPARATORS = List.of("là", "không là", "có giá trị", "lớn hơn", "nhỏ hơn",
            "ít nhất", "không quá");
    private static final Map<String, String> ORDER = Map.of("lớn hơn", ">", "nhỏ hơn", "<", "ít nhất", ">=", "không quá", "<=");

    private final String file;
    private final YamlDoc doc;
    private final FormFields form;
    private final List<PackProblem> problems;
    private final StringBuilder drl = new StringBuilder();
    private final Map<Integer, int[]> lines = new HashMap<>();
    private int line = 1;

    private YamlRules(String file, YamlDoc doc, FormFields form, List<PackProblem> problems) {
        this.file = file;
        this.doc = doc;
        this.form = form;
        this.problems = problems;
    }

    /**
     * Translates one YAML rule file; null (with problems added) when it is malformed, does not match
     * rules.schema.json, or names a form field or option the form does not declare.
     *
     * @param form the procedure's form fields, or null when the procedure has no form
     */
    static LoadedPack.RuleText translate(String file, String text, FormFields form, List<PackProblem> problems) {
        YamlDoc doc = YamlDoc.parse(file, text, problems); // files.text: already NFC, and the kernel keeps it so
        if (doc == null) {
            return null;
        }
        List<PackProblem> schema = Schemas.validate("rules", doc, "", doc.root());
        if (!schema.isEmpty()) {
            problems.addAll(schema);
            return null;
        }
        YamlRules t = new YamlRules(file, doc, form, problems);
        for (int i = 0; i < doc.root().size(); i++) {
            t.rule(doc.root().get(i), "/" + i);
        }
        // returned even when a condition had a problem (the procedure is then refused anyway), so the
        // linter still reports unknown components and bases in the same run
        Map<Integer, int[]> map = Map.copyOf(t.lines);
        return new LoadedPack.RuleText(file, new DrlSource(file, t.drl.toString()), (l, c, code, vi, en) -> {
            int[] at = map.getOrDefault(l, new int[] {0, 0});
            return new PackProblem(file, at[0], at[1], code, vi, en);
        });
    }

    private void emit(String ptr, String text) {
        drl.append(text).append('\n');
        int[] at = doc.position(ptr);
        lines.put(line++, at);
    }

    private void rule(JsonNode r, String ptr) {
        emit(ptr + "/quy tắc", "rule \"" + lit(r.get("quy tắc").asString()));
        StringBuilder meta = new StringBuilder("  @basis(" + q(r.get("căn cứ").asString()) + ")");
        if (r.get("hiệu lực từ") != null) {
            meta.append(" @validFrom(").append(q(r.get("hiệu lực từ").asString())).append(")");
        }
        if (r.get("hiệu lực đến") != null) {
            meta.append(" @validTo(").append(q(r.get("hiệu lực đến").asString())).append(")");
        }
        emit(ptr + "/căn cứ", meta.toString());
        emit(ptr, "when");
        JsonNode when = r.get("khi");
        if (when == null || when.isEmpty()) {
            emit(ptr, "  Dossier()");
        } else {
            for (int i = 0; i < when.size(); i++) {
                String p = ptr + "/khi/" + i;
                String c = condition(when.get(i), p);
                if (c != null) {
                    emit(p, "  " + c);
                }
            }
        }
        emit(ptr + "/thì", "then");
        JsonNode then = r.get("thì");
        for (int i = 0; i < then.size(); i++) {
            outcome(then.get(i), ptr + "/thì" + "/" + i);
        }
        emit(ptr, "end");
    }

    // ---- conditions ----------------------------------------------------------------------------

    private String condition(JsonNode c, String ptr) {
        List<String> subjects = present(c, SUBJECTS);
        if (subjects.size() != 1) {
            problems.add(subjects.isEmpty()
                    ? doc.msg(ptr, "RULE_BAD_CONDITION", "load.yamlRule.subject")
                    : doc.msg(ptr, "RULE_BAD_CONDITION", "load.yamlRule.subjectFound", "found", String.join(", ", subjects)));
            return null;
        }
        String subject = subjects.get(0);
        if (subject.equals("không")) {
            List<String> parts = new ArrayList<>();
            JsonNode inner = c.get("không");
            for (int i = 0; i < inner.size(); i++) {
                String part = condition(inner.get(i), ptr + "/không/" + i);
                if (part == null) {
                    return null;
                }
                parts.add(part);
            }
            return "not ( " + String.join(" and ", parts) + " )";
        }
        List<String> cmps = present(c, COMPARATORS);
        if (cmps.size() != 1) {
            problems.add(cmps.isEmpty()
                    ? doc.msg(ptr, "RULE_BAD_CONDITION", "load.yamlRule.comparison")
                    : doc.msg(ptr, "RULE_BAD_CONDITION", "load.yamlRule.comparisonFound", "found", String.join(", ", cmps)));
            return null;
        }
        String cmp = cmps.get(0);
        if (c.get("tính") != null && !subject.equals("tờ khai")) {
            problems.add(doc.msg(ptr + "/tính", "RULE_BAD_CONDITION", "load.yamlRule.measure"));
            return null;
        }
        return switch (subject) {
            case "tờ khai" -> formCondition(c, ptr, cmp);
            case "người yêu cầu" -> applicantCondition(c, ptr, cmp);
            case "đơn vị tiếp nhận" -> unitCondition(c, ptr, cmp);
            default -> dossierCondition(c, ptr, cmp);
        };
    }

    private String formCondition(JsonNode c, String ptr, String cmp) {
        String path = c.get("tờ khai").asString();
        String measure = c.get("tính") == null ? null : c.get("tính").asString();
        FormFields.Field f = null;
        if (form != null) {
            f = form.field(path);
            if (f == null) {
                problems.add(unknownField(doc.problem(ptr + "/tờ khai", "X", "", ""), path, form));
            }
        }
        String p = q(path);
        if (cmp.equals("có giá trị")) {
            return "Form( " + (c.get(cmp).asBoolean() ? "" : "!") + "has(" + p + ") )";
        }
        JsonNode v = c.get(cmp);
        String acc;
        if (measure != null) {
            acc = switch (measure) {
                case "số ngày đến nay" -> "ageInDays(" + p + ")";
                case "số năm đến nay" -> "ageInYears(" + p + ")";
                default -> "count(" + p + ")";
            };
            if (!numbers(v, ptr + "/" + cmp)) {
                return null;
            }
        } else if (ORDER.containsKey(cmp)) {
            acc = (isDecimal(v) || f != null && f.types.contains("number") ? "decimal(" : "integer(") + p + ")";
        } else {
            JsonNode first = v.isArray() ? v.get(0) : v;
            acc = first.isBoolean() ? "bool(" + p + ")" : first.isNumber()
                    ? (isDecimal(v) || f != null && f.types.contains("number") ? "decimal(" : "integer(") + p + ")"
                    : "text(" + p + ")";
            if (first.isTextual() && f != null && !f.options.isEmpty()) {
                List<JsonNode> vals = list(v);
                for (int i = 0; i < vals.size(); i++) {
                    String val = vals.get(i).asString();
                    if (!f.options.contains(val)) {
                        PackProblem at = doc.problem(ptr + "/" + cmp + (v.isArray() ? "/" + i : ""), "X", "", "");
                        problems.add(unknownOption(at, path, val, f.options));
                    }
                }
            }
        }
        String expr = compare(acc, cmp, v);
        if (ORDER.containsKey(cmp) && !acc.startsWith("count(")) {
            expr = "has(" + p + ") && " + expr; // a missing field is not "less than" anything
        }
        return "Form( " + expr + " )";
    }

    private String applicantCondition(JsonNode c, String ptr, String cmp) {
        String fact = c.get("người yêu cầu").asString();
        JsonNode v = c.get(cmp);
        String vp = ptr + "/" + cmp;
        String expr = switch (fact) {
            case "tuổi" -> cmp.equals("có giá trị") ? (c.get(cmp).asBoolean() ? "age >= 0" : "age < 0")
                    : numbers(v, vp) ? "age >= 0 && " + compare("age", cmp, v) : null; // age is -1 when unknown
            case "giới tính" -> choice(v, vp, cmp, SEX) ? compare("sex", cmp, v) : null;
            case "thuộc diện" -> choice(v, vp, cmp, ExemptionCategory.APPLICANT_CODES) ? member("hasCategory", cmp, v) : null;
            case "nơi cư trú có cờ" -> choice(v, vp, cmp, ExemptionCategory.UNIT_FLAGS) ? member("residenceHasFlag", cmp, v) : null;
            case "số định danh" -> cmp.equals("có giá trị") ? (v.asBoolean() ? "personalId != null" : "personalId == null")
                    : texts(v, vp, cmp) ? compare("personalId", cmp, v) : null;
            default -> cmp.equals("có giá trị") ? (v.asBoolean() ? "fullName != null" : "fullName == null")
                    : texts(v, vp, cmp) ? compare("fullName", cmp, v) : null;
        };
        return expr == null ? null : "Applicant( " + expr + " )";
    }

    private String unitCondition(JsonNode c, String ptr, String cmp) {
        String fact = c.get("đơn vị tiếp nhận").asString();
        JsonNode v = c.get(cmp);
        String vp = ptr + "/" + cmp;
        String expr = switch (fact) {
            case "loại" -> choice(v, vp, cmp, UNIT_KINDS) ? compare("kind", cmp, v) : null;
            case "có cờ" -> choice(v, vp, cmp, ExemptionCategory.UNIT_FLAGS) ? member("hasFlag", cmp, v) : null;
            default -> texts(v, vp, cmp) ? compare("code", cmp, v) : null;
        };
        return expr == null ? null : "Unit( " + expr + " )";
    }

    private String dossierCondition(JsonNode c, String ptr, String cmp) {
        String fact = c.get("hồ sơ").asString();
        JsonNode v = c.get(cmp);
        String vp = ptr + "/" + cmp;
        String expr = switch (fact) {
            case "kênh" -> choice(v, vp, cmp, CHANNELS) ? compare("channel", cmp, v) : null;
            case "giờ nhận" -> numbers(v, vp) ? compare("receivedAt.hour", cmp, v) : null;
            case "nộp trực tuyến" -> booleans(v, vp, cmp) ? compare("online", cmp, v) : null;
            default -> texts(v, vp, cmp) ? member("hasHeldData", cmp, v) : null;
        };
        return expr == null ? null : "Dossier( " + expr + " )";
    }

    /** {@code left op value}, a list as "any of" (là) or "none of" (không là). */
    private static String compare(String left, String cmp, JsonNode v) {
        if (ORDER.containsKey(cmp)) {
            return left + " " + ORDER.get(cmp) + " " + literal(v);
        }
        String op = cmp.equals("là") ? " == " : " != ";
        List<String> parts = new ArrayList<>();
        for (JsonNode one : list(v)) {
            parts.add(left + op + literal(one));
        }
        return parts.size() == 1 ? parts.get(0) : "( " + String.join(cmp.equals("là") ? " || " : " && ", parts) + " )";
    }

    private static String member(String method, String cmp, JsonNode v) {
        List<String> parts = new ArrayList<>();
        for (JsonNode one : list(v)) {
            parts.add((cmp.equals("là") ? "" : "!") + method + "(" + literal(one) + ")");
        }
        return parts.size() == 1 ? parts.get(0) : "( " + String.join(cmp.equals("là") ? " || " : " && ", parts) + " )";
    }

    private static String literal(JsonNode v) {
        if (v.isBoolean()) {
            return Boolean.toString(v.asBoolean());
        }
        if (v.isNumber()) {
            return v.decimalValue().toPlainString();
        }
        return q(value(v.asString()));
    }

    private static String value(String s) {
        return VI_VALUES.getOrDefault(s, s);
    }

    private static boolean isDecimal(JsonNode v) {
        for (JsonNode one : list(v)) {
            if (one.isNumber() && one.decimalValue().stripTrailingZeros().scale() > 0) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> list(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            out.add(v);
        }
        return out;
    }

    private boolean numbers(JsonNode v, String ptr) {
        for (JsonNode one : list(v)) {
            if (!one.isNumber()) {
                problems.add(doc.msg(ptr, "RULE_BAD_VALUE", "load.yamlRule.notNumber", "value", one.asString()));
                return false;
            }
        }
        return true;
    }

    private boolean booleans(JsonNode v, String ptr, String cmp) {
        if (ORDER.containsKey(cmp) || cmp.equals("có giá trị")) {
            problems.add(doc.msg(ptr, "RULE_BAD_VALUE", "load.yamlRule.isBoolean"));
            return false;
        }
        for (JsonNode one : list(v)) {
            if (!one.isBoolean()) {
                problems.add(doc.msg(ptr, "RULE_BAD_VALUE", "load.yamlRule.notBoolean", "value", one.asString()));
                return false;
            }
        }
        return true;
    }

    private boolean texts(JsonNode v, String ptr, String cmp) {
        if (ORDER.containsKey(cmp) || cmp.equals("có giá trị")) {
            problems.add(doc.msg(ptr, "RULE_BAD_VALUE", "load.yamlRule.isOnly"));
            return false;
        }
        return true;
    }

    /** The values must be among {@code allowed} (Vietnamese words such as "Nam" accepted for their codes). */
    private boolean choice(JsonNode v, String ptr, String cmp, Set<String> allowed) {
        if (!texts(v, ptr, cmp)) {
            return false;
        }
        List<JsonNode> vals = list(v);
        for (int i = 0; i < vals.size(); i++) {
            String val = value(vals.get(i).asString());
            if (!allowed.contains(val)) {
                Set<String> sorted = new TreeSet<>(allowed);
                problems.add(doc.msg(ptr + (v.isArray() ? "/" + i : ""), "RULE_UNKNOWN_VALUE", "load.yamlRule.unknownValue",
                        "value", vals.get(i).asString(), "known", String.join(", ", sorted)));
                return false;
            }
        }
        return true;
    }

    private static List<String> present(JsonNode c, List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (c.get(k) != null) {
                out.add(k);
            }
        }
        return out;
    }

    // ---- outcomes ------------------------------------------------------------------------------

    private void outcome(JsonNode o, String ptr) {
        Map.Entry<String, JsonNode> e = o.properties().iterator().next();
        String key = e.getKey();
        JsonNode v = e.getValue();
        String p = ptr + "/" + key;
        switch (key) {
            case "không đủ điều kiện" -> emit(p, "  decision.ineligible(" + message(v) + ");");
            case "ghi chú" -> emit(p, "  decision.note(" + message(v) + ");");
            case "nộp", "không bắt buộc" -> {
                List<JsonNode> ids = list(v);
                for (int i = 0; i < ids.size(); i++) {
                    emit(v.isArray() ? p + "/" + i : p, "  decision." + (key.equals("nộp") ? "require" : "optional")
                            + "(" + q(ids.get(i).asString()) + ");");
                }
            }
            case "nộp một trong" -> {
                StringBuilder args = new StringBuilder(q(v.get("nhóm").asString()));
                v.get("gồm").forEach(id -> args.append(", ").append(q(id.asString())));
                emit(p + "/gồm", "  decision.requireOneOf(" + args + ");");
            }
            case "miễn nộp" -> emit(p + "/thành phần", "  decision.waive(" + q(v.get("thành phần").asString()) + ", "
                    + q(v.get("nguồn").asString()) + ");");
            case "gia hạn", "thời hạn", "không tính thời gian" -> {
                String action = key.equals("gia hạn") ? "extend" : key.equals("thời hạn") ? "replaceDeadline" : "pause";
                String unit = v.get("đơn vị").asString();
                emit(p, "  decision." + action + "(" + v.get("số lượng").asLong() + ", " + q(UNITS.getOrDefault(unit, unit)) + ", "
                        + message(v.get("lý do")) + ");");
            }
            case "miễn phí" -> emit(p + "/khoản", "  decision.exempt(" + q(v.get("khoản").asString()) + ", "
                    + q(v.get("lý do").asString()) + ");");
            default -> emit(p + "/khoản", "  decision.reduce(" + q(v.get("khoản").asString()) + ", "
                    + v.get("phần trăm").asInt() + ", " + q(v.get("lý do").asString()) + ");");
        }
    }

    private static String message(JsonNode v) {
        if (v.isTextual()) {
            return q(v.asString());
        }
        return q(v.get("vi").asString()) + (v.get("en") == null ? "" : ", " + q(v.get("en").asString()));
    }

    // ---- shared with the DRL and table checks --------------------------------------------------

    /** A problem at {@code at}'s place: the form has no field at this path; names the closest declared ones. */
    static PackProblem unknownField(PackProblem at, String path, FormFields form) {
        List<String> near = FormFields.closest(path, form.paths());
        return Msg.problem(at.file(), at.line(), at.column(), "FORM_UNKNOWN_FIELD", "load.form.unknownField", "path", path,
                "closest", String.join(", ", near));
    }

    /** A problem at {@code at}'s place: the field has no such option; lists the declared ones. */
    static PackProblem unknownOption(PackProblem at, String path, String value, Set<String> options) {
        List<String> near = FormFields.closest(value, options);
        return Msg.problem(at.file(), at.line(), at.column(), "FORM_UNKNOWN_OPTION", "load.form.unknownOption", "path", path,
                "value", value, "closest", String.join(", ", near), "options", String.join(", ", options));
    }

    /** A DRL string literal of {@code s}, escaped: no value can end the literal or inject code. */
    static String q(String s) {
        return "\"" + RuleTables.escape(s) + "\"";
    }

    private static String lit(String s) {
        return RuleTables.escape(s) + "\"";
    }
}
