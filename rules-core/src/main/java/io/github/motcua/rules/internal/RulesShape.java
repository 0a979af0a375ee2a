package io.github.motcua.rules.internal;

import static io.github.motcua.rules.internal.ShapeChecks.each;
import static io.github.motcua.rules.internal.ShapeChecks.keys;
import static io.github.motcua.rules.internal.ShapeChecks.oneOf;
import static io.github.motcua.rules.internal.ShapeChecks.optional;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A purpose-built proof that a {@code rules.yaml} tree (quy tắc viết dạng dữ liệu) satisfies the library's own
 * {@code rules.schema.json}, as {@link ProcedureShape} is for {@code procedure.yaml}: a valid file is not walked by the
 * generic validator as well (issue 15: 429 rules files in the 2,000-procedure catalogue, whose networknt validation was
 * ≈ 3 % of the folder load's CPU). It only ever answers "certainly valid": {@link #certainlyValid} returns false for
 * anything it cannot prove — a broken file, and shapes it leaves to networknt on purpose (a decimal where an integer is
 * wanted, an integer of more than 18 digits, a number that is not finite, a form path with any character the pattern's
 * plain reading does not take, a date that is not {@code yyyy-MM-dd}) — and then {@link Schemas#validate} validates the
 * tree with networknt exactly as before. So every problem, with its code, position and wording, is still networknt's;
 * this class decides only whether there is none. Kept in step with the schema by {@code RulesShapeTest}, which compares
 * it with networknt over every rules file of the repository and generated and mutated documents. Stateless.
 */
final class RulesShape {
    private static final Set<String> RULE = Set.of("quy tắc", "căn cứ", "hiệu lực từ", "hiệu lực đến", "khi", "thì",
            "ghi chú nội bộ");
    private static final Set<String> CONDITION = Set.of("tờ khai", "tính", "người yêu cầu", "đơn vị tiếp nhận", "hồ sơ",
            "là", "không là", "có giá trị", "lớn hơn", "nhỏ hơn", "ít nhất", "không quá", "không");
    private static final Set<String> MEASURE = Set.of("số ngày đến nay", "số năm đến nay", "số phần tử");
    private static final Set<String> APPLICANT = Set.of("tuổi", "giới tính", "thuộc diện", "số định danh", "họ tên",
            "nơi cư trú có cờ");
    private static final Set<String> UNIT = Set.of("mã", "loại", "có cờ");
    private static final Set<String> DOSSIER = Set.of("kênh", "giờ nhận", "nộp trực tuyến", "có dữ liệu trong");
    private static final Set<String> MESSAGE = Set.of("vi", "en");
    private static final Set<String> TIME = Set.of("số lượng", "đơn vị", "lý do");
    private static final Set<String> TIME_UNITS = Set.of("ngày làm việc", "giờ làm việc", "ngày", "trong ngày",
            "WORKING_DAYS", "WORKING_HOURS", "CALENDAR_DAYS", "SAME_DAY");
    private static final Set<String> ONE_OF = Set.of("nhóm", "gồm");
    private static final Set<String> WAIVED = Set.of("thành phần", "nguồn");
    private static final Set<String> EXEMPT = Set.of("khoản", "lý do");
    private static final Set<String> REDUCE = Set.of("khoản", "phần trăm", "lý do");

    private RulesShape() {
    }

    /**
     * Whether {@code root} (a rules file as {@link YamlDoc#root()} gives it) certainly satisfies rules.schema.json as
     * networknt validates it (draft 2020-12, format assertions on). False means "not proved": the caller validates with
     * networknt.
     */
    static boolean certainlyValid(JsonNode root) {
        return root != null && root.isArray() && !root.isEmpty() && each(root, RulesShape::rule);
    }


    private static boolean rule(JsonNode r) {
        return keys(r, RULE) && nonEmpty(r.get("quy tắc")) && nonEmpty(r.get("căn cứ"))
                && optional(r.get("hiệu lực từ"), RulesShape::date) && optional(r.get("hiệu lực đến"), RulesShape::date)
                && optional(r.get("khi"), n -> n.isArray() && each(n, RulesShape::condition))
                && nonEmptyArray(r.get("thì")) && each(r.get("thì"), RulesShape::outcome)
                && optional(r.get("ghi chú nội bộ"), JsonNode::isString);
    }

    /** {@code pattern} and {@code format: date} on a text ({@link ProcedureShape#date(String)}). */
    private static boolean date(JsonNode n) {
        return n.isString() && ProcedureShape.date(n.asString());
    }

    private static boolean condition(JsonNode c) {
        return keys(c, CONDITION) && !c.isEmpty() && optional(c.get("tờ khai"), RulesShape::fieldPath)
                && optional(c.get("tính"), n -> oneOf(n, MEASURE)) && optional(c.get("người yêu cầu"), n -> oneOf(n, APPLICANT))
                && optional(c.get("đơn vị tiếp nhận"), n -> oneOf(n, UNIT)) && optional(c.get("hồ sơ"), n -> oneOf(n, DOSSIER))
                && optional(c.get("là"), RulesShape::values) && optional(c.get("không là"), RulesShape::values)
                && optional(c.get("có giá trị"), JsonNode::isBoolean) && optional(c.get("lớn hơn"), RulesShape::number)
                && optional(c.get("nhỏ hơn"), RulesShape::number) && optional(c.get("ít nhất"), RulesShape::number)
                && optional(c.get("không quá"), RulesShape::number)
                && optional(c.get("không"), n -> nonEmptyArray(n) && each(n, RulesShape::condition));
    }

    private static boolean outcome(JsonNode o) {
        if (!o.isObject() || o.size() != 1) { // minProperties 1, maxProperties 1
            return false;
        }
        Map.Entry<String, JsonNode> only = o.properties().iterator().next();
        JsonNode v = only.getValue();
        return switch (only.getKey()) {
            case "không đủ điều kiện", "ghi chú" -> message(v);
            case "nộp", "không bắt buộc" -> ids(v);
            case "nộp một trong" -> keys(v, ONE_OF) && nonEmpty(v.get("nhóm")) && v.get("gồm") != null && v.get("gồm").isArray()
                    && v.get("gồm").size() >= 2 && v.get("gồm").size() <= 4 && each(v.get("gồm"), RulesShape::nonEmpty);
            case "miễn nộp" -> keys(v, WAIVED) && nonEmpty(v.get("thành phần")) && nonEmpty(v.get("nguồn"));
            case "gia hạn", "thời hạn", "không tính thời gian" -> time(v);
            case "miễn phí" -> keys(v, EXEMPT) && nonEmpty(v.get("khoản")) && nonEmpty(v.get("lý do"));
            case "giảm phí" -> keys(v, REDUCE) && nonEmpty(v.get("khoản")) && integer(v.get("phần trăm"), 0, 100)
                    && nonEmpty(v.get("lý do"));
            default -> false; // additionalProperties: false
        };
    }

    /** {@code $defs/time}: the three keys, a count from 0, a unit, a reason. */
    private static boolean time(JsonNode t) {
        return keys(t, TIME) && integer(t.get("số lượng"), 0, Long.MAX_VALUE) && oneOf(t.get("đơn vị"), TIME_UNITS)
                && message(t.get("lý do"));
    }

    /** {@code $defs/message}: a non-empty text, or {@code {vi: non-empty text, en: text}}. */
    private static boolean message(JsonNode m) {
        if (m == null) {
            return false;
        }
        if (m.isString()) {
            return !m.asString().isEmpty();
        }
        return keys(m, MESSAGE) && nonEmpty(m.get("vi")) && optional(m.get("en"), JsonNode::isString);
    }

    /** {@code $defs/ids}: a non-empty text, or a non-empty list of them. */
    private static boolean ids(JsonNode n) {
        if (n == null) {
            return false;
        }
        return nonEmpty(n) || nonEmptyArray(n) && each(n, RulesShape::nonEmpty);
    }

    /** {@code $defs/values}: a value, or a non-empty list of values. */
    private static boolean values(JsonNode n) {
        return value(n) || nonEmptyArray(n) && each(n, RulesShape::value);
    }

    /** {@code $defs/value}: a text, a number or a boolean. */
    private static boolean value(JsonNode n) {
        return n.isString() || number(n) || n.isBoolean();
    }

    /** {@code type: number} for an int, a long, or a finite double as the YAML reader writes them; else left to networknt. */
    private static boolean number(JsonNode n) {
        return n.isInt() || n.isLong() || n.isDouble() && Double.isFinite(n.doubleValue());
    }

    /** {@code type: integer} between the bounds for an int or a long; a decimal (even 3.0) is left to networknt. */
    private static boolean integer(JsonNode n, long min, long max) {
        return n != null && (n.isInt() || n.isLong()) && n.longValue() >= min && n.longValue() <= max;
    }

    /**
     * {@code ^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$} read plainly: ASCII letters, digits and underscores in
     * dot-separated parts, the first starting with a letter or underscore, no part empty. (Anything else, even what the
     * regex's {@code $} would let through before a final line end, is left to networknt.)
     */
    private static boolean fieldPath(JsonNode n) {
        if (!n.isString()) {
            return false;
        }
        String s = n.asString();
        if (s.isEmpty() || s.length() > ProcedureShape.MAX_PATTERN_TEXT) {
            return false;
        }
        char first = s.charAt(0);
        if (!(first == '_' || first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
            return false;
        }
        boolean partEmpty = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (partEmpty) {
                    return false;
                }
                partEmpty = true;
            } else if (c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                partEmpty = false;
            } else {
                return false;
            }
        }
        return !partEmpty;
    }

    private static boolean nonEmpty(JsonNode n) {
        return n != null && n.isString() && !n.asString().isEmpty();
    }

    private static boolean nonEmptyArray(JsonNode n) {
        return n != null && n.isArray() && !n.isEmpty();
    }




}
