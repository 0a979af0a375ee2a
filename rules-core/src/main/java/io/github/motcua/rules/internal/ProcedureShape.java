package io.github.motcua.rules.internal;

import static io.github.motcua.rules.internal.ShapeChecks.each;
import static io.github.motcua.rules.internal.ShapeChecks.keys;
import static io.github.motcua.rules.internal.ShapeChecks.oneOf;
import static io.github.motcua.rules.internal.ShapeChecks.optional;

import io.github.motcua.kernel.PackNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * A purpose-built proof that a {@code procedure.yaml} tree satisfies the library's own {@code procedure.schema.json}
 * (thủ tục hành chính), so a valid file is not walked by the generic validator as well (issue 15: a folder load with
 * 2,000 procedures). It only ever answers "certainly valid": {@link #certainlyValid} returns false for anything it
 * cannot prove — a broken file, and also shapes it leaves to networknt on purpose (a number written as a decimal
 * where an integer is wanted, an integer of more than 18 digits, a pattern-checked text over {@value #MAX_PATTERN_TEXT} characters, equal alias entries)
 * — and then {@link Schemas#validate} validates the tree with networknt exactly as before. So every problem, with its
 * code, position and wording, is still networknt's; this class decides only whether there is none. Kept in step with
 * the schema by {@code ProcedureShapeTest}, which compares it with networknt over every procedure file of the
 * repository and thousands of generated and mutated documents. Stateless, so thread-safe.
 */
final class ProcedureShape {
    /**
     * Longest text checked here against a schema {@code pattern}: networknt runs {@code java.util.regex}, whose
     * repeated groups recurse per repetition; a longer text is left to it, so even its failures stay its own.
     */
    static final int MAX_PATTERN_TEXT = 256;

    private static final Set<String> TOP = Set.of("code", "name", "field", "level", "agency", "channels", "onlineLevel",
            "boundaryFree", "result", "legalBases", "deadline", "steps", "components", "aliases", "commitment", "competence",
            "fees", "form", "note", "source");
    private static final Set<String> LEVELS = Set.of("COMMUNE", "PROVINCE");
    private static final Set<String> CHANNELS = Set.of("DESK", "ONLINE", "POST");
    private static final Set<String> ONLINE_LEVELS = Set.of("FULL", "PARTIAL", "NONE");
    private static final Set<String> UNITS = Set.of("WORKING_DAYS", "WORKING_HOURS", "CALENDAR_DAYS", "SAME_DAY");
    private static final Set<String> COMMITMENT_UNITS = Set.of("WORKING_DAYS", "WORKING_HOURS", "CALENDAR_DAYS");
    private static final Set<String> TRANSFER_UNITS = Set.of("WORKING_DAYS", "WORKING_HOURS");
    private static final Set<String> COPY_FORMS = Set.of("ORIGINAL", "CERTIFIED_COPY", "ELECTRONIC_COPY", "COPY_WITH_ORIGINAL");
    private static final Set<String> PRESENCE = Set.of("REQUIRED", "OPTIONAL", "CONDITIONAL");
    private static final Set<String> COMPETENCE_BY = Set.of("RESIDENCE", "FORM_UNIT", "FIXED_UNIT", "RECEIVING_UNIT");
    private static final Set<String> DEADLINE = Set.of("unknown", "amount", "unit", "basis", "cutOff", "cutOffBasis",
            "validFrom", "note", "values");
    private static final Set<String> VALUE = Set.of("validFrom", "validTo", "amount", "unit", "basis", "note");
    private static final Set<String> STEP = Set.of("id", "role", "name", "budget", "unit", "counted", "basis", "verified",
            "note", "when");
    private static final Set<String> WHEN = Set.of("field", "equals");
    private static final Set<String> LIMIT = Set.of("amount", "unit");
    private static final Set<String> COMPONENT = Set.of("id", "name", "form", "quantity", "presence", "waivableBy", "basis",
            "note");
    private static final Set<String> WAIVABLE = Set.of("source", "name");
    private static final Set<String> ALIAS = Set.of("code", "note");
    private static final Set<String> COMMITMENT = Set.of("amount", "unit", "basis", "note");
    private static final Set<String> COMPETENCE = Set.of("by", "field", "unit", "basis", "transfer", "note");
    private static final Set<String> TRANSFER = Set.of("amount", "unit", "counted", "basis");
    private static final Set<String> SOURCE = Set.of("recordId", "code", "updatedAt", "decision", "verified", "note", "values");
    private static final Set<String> MARK = Set.of("value", "from", "verified", "note");
    private static final Set<String> TEXT = Set.of("vi", "en");
    /** {@code source.values[].value}'s alternatives before an optional {@code .DESK}, {@code .ONLINE} or {@code .POST}. */
    private static final Set<String> MARKED = Set.of("name", "field", "level", "agency", "channels", "onlineLevel",
            "boundaryFree", "result", "legalBases", "components", "deadline", "fees");

    private ProcedureShape() {
    }

    /**
     * Whether {@code root} (a procedure.yaml as the kernel reads it, {@link YamlDoc#tree()}) certainly satisfies
     * procedure.schema.json as networknt validates it on the same file's JSON values ({@link YamlDoc#root()}: draft
     * 2020-12, format assertions on). False means "not proved": the caller validates with networknt. Read from the
     * kernel's tree (session 21): a proved file is never made into JSON values at all. Each test below is the one the
     * JSON values would give — a text is {@link PackNode.Kind#TEXT} (a JSON string), an integer an {@link Integer} or
     * {@link Long} (an int or long node), a decimal a {@link Double} (a double node), as {@link YamlDoc#json} maps them.
     */
    static boolean certainlyValid(PackNode root) {
        if (!keys(root, TOP) || !has(root, "code", "name", "level", "channels", "legalBases", "deadline", "components")) {
            return false;
        }
        if (!code(root.get("code")) || !text(root.get("name")) || !optional(root.get("field"), ProcedureShape::text)
                || !oneOf(root.get("level"), LEVELS) || !optional(root.get("agency"), ProcedureShape::text)
                || !channels(root.get("channels")) || !optional(root.get("onlineLevel"), n -> oneOf(n, ONLINE_LEVELS))
                || !optional(root.get("boundaryFree"), ProcedureShape::isBoolean) || !optional(root.get("result"), ProcedureShape::text)
                || !strings(root.get("legalBases")) || !deadline(root.get("deadline"))
                || !optional(root.get("steps"), n -> each(n, ProcedureShape::step))
                || !each(root.get("components"), ProcedureShape::component) || !optional(root.get("aliases"), ProcedureShape::aliases)
                || !optional(root.get("commitment"), ProcedureShape::commitment)
                || !optional(root.get("competence"), ProcedureShape::competence)
                || !optional(root.get("note"), ProcedureShape::string) || !optional(root.get("source"), ProcedureShape::source)) {
            return false;
        }
        return true; // fees and form: any value (read by their sections)
    }




    /** {@code type: boolean}. */
    private static boolean isBoolean(PackNode n) {
        return n != null && n.kind() == PackNode.Kind.BOOLEAN;
    }

    /** An integer the JSON values hold as an int or a long (not a big integer, not a decimal). */
    private static boolean integral(PackNode n) {
        return n != null && (n.number() instanceof Integer || n.number() instanceof Long);
    }

    /** A decimal the JSON values hold as a finite double. */
    private static boolean finiteDouble(PackNode n) {
        return n != null && n.number() instanceof Double && Double.isFinite(n.number().doubleValue());
    }

    /** {@code required}: every name present (with any value; the value's own schema is checked by the caller). */
    private static boolean has(PackNode n, String... names) {
        for (String name : names) {
            if (n.get(name) == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean string(PackNode n) {
        return n != null && n.kind() == PackNode.Kind.TEXT;
    }

    private static boolean optionalString(PackNode object, String name) {
        PackNode n = object.get(name);
        return n == null || n.kind() == PackNode.Kind.TEXT;
    }


    /**
     * {@code type: integer, minimum: min} for an int or a long as the YAML reader writes it; a decimal (even 3.0) and an
     * integer of more than 18 digits are left to networknt.
     */
    private static boolean integer(PackNode n, long min) {
        return integral(n) && n.number().longValue() >= min;
    }

    /** {@code $defs/text}: {@code {vi: non-empty text, en: text}}. */
    private static boolean text(PackNode n) {
        return keys(n, TEXT) && string(n.get("vi")) && !n.get("vi").text().isEmpty() && optionalString(n, "en");
    }

    private static boolean strings(PackNode n) {
        return each(n, ProcedureShape::string);
    }


    /** {@code channels}: at least one, no two equal, each a channel. */
    private static boolean channels(PackNode n) {
        if (n == null || !n.isList() || n.list().isEmpty()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (PackNode item : n.list()) {
            if (!oneOf(item, CHANNELS) || !seen.add(item.text())) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[A-Za-z0-9][A-Za-z0-9._-]*$}, the procedure and alias code. */
    private static boolean code(PackNode n) {
        if (!string(n)) {
            return false;
        }
        String s = n.text();
        if (s.isEmpty() || s.length() > MAX_PATTERN_TEXT || !alnum(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!alnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean alnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || digit(c);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code ^[0-9]{4}-[0-9]{2}-[0-9]{2}$}. */
    private static boolean datePattern(PackNode n) {
        return string(n) && datePattern(n.text());
    }

    private static boolean datePattern(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && !digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean date(PackNode n) {
        return string(n) && date(n.text());
    }

    /**
     * A text of the date pattern and {@code format: date} ({@link RulesShape}'s dates too): networknt's date format is
     * {@link LocalDate#parse} with a year 0–9999.
     */
    static boolean date(String s) {
        if (!datePattern(s)) {
            return false;
        }
        try {
            LocalDate.parse(s); // four digits: the year is 0-9999
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** {@code ^(([01][0-9]|2[0-3]):[0-5][0-9]|none)$}. */
    private static boolean cutOff(PackNode n) {
        if (!string(n)) {
            return false;
        }
        String s = n.text();
        if (s.equals("none")) {
            return true;
        }
        if (s.length() != 5 || s.charAt(2) != ':' || !digit(s.charAt(0)) || !digit(s.charAt(1)) || !digit(s.charAt(3))
                || !digit(s.charAt(4))) {
            return false;
        }
        int hour = (s.charAt(0) - '0') * 10 + s.charAt(1) - '0';
        return hour <= 23 && s.charAt(3) <= '5';
    }

    private static boolean deadline(PackNode d) {
        if (!keys(d, DEADLINE)) {
            return false;
        }
        // anyOf: amount and unit, or unknown: true, or values
        PackNode unknown = d.get("unknown");
        boolean any = d.get("amount") != null && d.get("unit") != null || isBoolean(unknown) && unknown.isTrue() || d.get("values") != null;
        return any && optional(unknown, ProcedureShape::isBoolean) && optional(d.get("amount"), n -> integer(n, 0))
                && optional(d.get("unit"), n -> oneOf(n, UNITS)) && optionalString(d, "basis")
                && optional(d.get("cutOff"), ProcedureShape::cutOff) && optionalString(d, "cutOffBasis")
                && optional(d.get("validFrom"), ProcedureShape::date) && optionalString(d, "note")
                && optional(d.get("values"), v -> v.isList() && !v.list().isEmpty() && each(v, ProcedureShape::value));
    }

    private static boolean value(PackNode v) {
        return keys(v, VALUE) && has(v, "amount", "unit", "basis") && optional(v.get("validFrom"), ProcedureShape::datePattern)
                && optional(v.get("validTo"), ProcedureShape::datePattern) && integer(v.get("amount"), 0)
                && oneOf(v.get("unit"), UNITS) && string(v.get("basis")) && optionalString(v, "note");
    }

    private static boolean limit(PackNode n) {
        return keys(n, LIMIT) && integer(n.get("amount"), 0) && oneOf(n.get("unit"), UNITS);
    }

    private static boolean step(PackNode s) {
        return keys(s, STEP) && string(s.get("id")) && string(s.get("role")) && string(s.get("name")) && limit(s.get("budget"))
                && optional(s.get("unit"), n -> string(n) && !n.text().isEmpty())
                && optional(s.get("counted"), ProcedureShape::isBoolean) && optionalString(s, "basis")
                && optional(s.get("verified"), ProcedureShape::isBoolean) && optionalString(s, "note")
                && optional(s.get("when"), ProcedureShape::when);
    }

    private static boolean when(PackNode w) {
        if (!keys(w, WHEN) || !string(w.get("field")) || w.get("field").text().isEmpty()) {
            return false;
        }
        PackNode eq = w.get("equals");
        // boolean, string or number; a decimal only when finite (what networknt makes of the rest is its to say)
        return eq != null && (isBoolean(eq) || string(eq) || integral(eq) || finiteDouble(eq));
    }

    private static boolean component(PackNode c) {
        if (!keys(c, COMPONENT) || !has(c, "id", "name", "form")) {
            return false;
        }
        PackNode id = c.get("id");
        if (!string(id) || id.text().isEmpty() || id.text().length() > MAX_PATTERN_TEXT) {
            return false;
        }
        String s = id.text(); // ^[a-z0-9][a-z0-9-]*$
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || digit(ch) || ch == '-' && i > 0)) {
                return false;
            }
        }
        return text(c.get("name")) && oneOf(c.get("form"), COPY_FORMS) && optional(c.get("quantity"), n -> integer(n, 1))
                && optional(c.get("presence"), n -> oneOf(n, PRESENCE)) && optional(c.get("waivableBy"), ProcedureShape::waivable)
                && optionalString(c, "basis") && optionalString(c, "note");
    }

    private static boolean waivable(PackNode w) {
        return keys(w, WAIVABLE) && string(w.get("source")) && optional(w.get("name"), ProcedureShape::text);
    }

    /** {@code aliases}: unique items, each {@code {code, note}}; two equal entries are left to networknt. */
    private static boolean aliases(PackNode n) {
        if (!each(n, a -> keys(a, ALIAS) && code(a.get("code")) && optionalString(a, "note"))) {
            return false;
        }
        Set<PackNode> seen = new HashSet<>(); // PackNode equality: the same keys with the same texts, as JSON's
        for (PackNode a : n.list()) {
            if (!seen.add(a)) {
                return false;
            }
        }
        return true;
    }

    private static boolean commitment(PackNode c) {
        if (!keys(c, COMMITMENT) || !has(c, "amount", "unit")) {
            return false;
        }
        PackNode amount = c.get("amount"); // number, exclusiveMinimum 0
        boolean positive = integral(amount) ? amount.number().longValue() > 0
                : finiteDouble(amount) && amount.number().doubleValue() > 0;
        return positive && oneOf(c.get("unit"), COMMITMENT_UNITS) && optionalString(c, "basis") && optionalString(c, "note");
    }

    private static boolean competence(PackNode c) {
        return keys(c, COMPETENCE) && oneOf(c.get("by"), COMPETENCE_BY) && optional(c.get("field"), ProcedureShape::fieldPath)
                && optionalString(c, "unit") && optionalString(c, "basis") && optional(c.get("transfer"), ProcedureShape::transfer)
                && optionalString(c, "note");
    }

    /** {@code ^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$}: names of word characters joined by single dots. */
    private static boolean fieldPath(PackNode n) {
        if (!string(n)) {
            return false;
        }
        String s = n.text();
        if (s.isEmpty() || s.length() > MAX_PATTERN_TEXT || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' ? s.charAt(i - 1) == '.' : !(alnum(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean transfer(PackNode t) {
        return keys(t, TRANSFER) && integer(t.get("amount"), 0) && oneOf(t.get("unit"), TRANSFER_UNITS)
                && optional(t.get("counted"), ProcedureShape::isBoolean) && optionalString(t, "basis");
    }

    private static boolean source(PackNode s) {
        return keys(s, SOURCE) && string(s.get("recordId")) && string(s.get("code")) && optionalString(s, "updatedAt")
                && optionalString(s, "decision") && isBoolean(s.get("verified"))
                && optionalString(s, "note") && optional(s.get("values"), v -> each(v, ProcedureShape::mark));
    }

    private static boolean mark(PackNode m) {
        return keys(m, MARK) && markedValue(m.get("value")) && optionalString(m, "from") && isBoolean(m.get("verified")) && optionalString(m, "note");
    }

    /** {@code ^(name|field|...|fees)(\.(DESK|ONLINE|POST))?$}. */
    private static boolean markedValue(PackNode n) {
        if (!string(n)) {
            return false;
        }
        String s = n.text();
        int dot = s.indexOf('.');
        return dot < 0 ? MARKED.contains(s) : MARKED.contains(s.substring(0, dot)) && CHANNELS.contains(s.substring(dot + 1));
    }
}
