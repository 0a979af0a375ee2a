package io.github.motcua.rules.internal;

import static io.github.motcua.kernel.SourceTree.repository;
import static io.github.motcua.kernel.SourceTree.yamlFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ProcedureShape} against networknt ({@link Schemas#validateWithNetworknt}), the validator it spares: for every
 * document, {@link Schemas#validate} of a procedure.yaml gives exactly networknt's problems (code, file, line, column,
 * both languages), and whatever {@link ProcedureShape#certainlyValid} accepts networknt accepts. Documents: every YAML
 * file of the repository read as a procedure.yaml, thousands of generated procedure documents (every property of the
 * schema, valid and near-valid values), and mutations of both (a key removed or added, a value of another type, texts
 * near a pattern, dates near the calendar's edges, equal list items).
 */
class ProcedureShapeTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How one text came out: whether the shape proved it valid, and whether networknt found it valid. */
    private record Outcome(boolean proved, boolean valid) {
    }

    private static String describe(List<PackProblem> problems) {
        StringBuilder b = new StringBuilder();
        for (PackProblem p : problems) {
            b.append(p.file()).append(':').append(p.line()).append(':').append(p.column()).append(' ').append(p.code())
                    .append(" | ").append(p.messageVi()).append(" | ").append(p.messageEn()).append('\n');
        }
        return b.toString();
    }

    /** Compares both paths on one text; null when the text is not one tree (the reader's problem, no schema involved). */
    static Outcome check(String file, String text) {
        List<PackProblem> readProblems = new ArrayList<>();
        YamlDoc doc = YamlDoc.parse(file, text, readProblems);
        if (doc == null) {
            return null;
        }
        List<PackProblem> reference = Schemas.validateWithNetworknt("procedure", doc, "", doc.root());
        List<PackProblem> got = Schemas.validate("procedure", doc, "", doc.root());
        boolean proved = ProcedureShape.certainlyValid(doc.tree());
        if (proved && !reference.isEmpty()) {
            fail("proved valid, but networknt finds:\n" + describe(reference) + "in:\n" + text);
        }
        if (!describe(reference).equals(describe(got))) {
            fail("problems differ from networknt's for:\n" + text + "\n--- networknt:\n" + describe(reference) + "--- validate:\n"
                    + describe(got));
        }
        return new Outcome(proved, reference.isEmpty());
    }

    static Outcome check(JsonNode node) {
        return check("procedures/X/procedure.yaml", JSON.writeValueAsString(node));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's procedure.yaml files as trees (those that read as one). */
    static List<JsonNode> repositoryProcedures() {
        List<JsonNode> out = new ArrayList<>();
        for (Path f : yamlFiles()) {
            if (f.getFileName().toString().equals("procedure.yaml")) {
                YamlDoc doc = YamlDoc.parse("p.yaml", read(f), new ArrayList<>());
                if (doc != null) {
                    out.add(doc.root());
                }
            }
        }
        return out;
    }

    @Nested
    class RepositoryFiles {
        @Test
        void everyYamlFile_readAsAProcedure_givesNetworkntsProblems() {
            int files = 0;
            for (Path f : yamlFiles()) {
                String rel = repository().relativize(f).toString();
                check(rel, read(f));
                files++;
            }
            assertTrue(files > 200, "the repository's YAML files: " + files);
        }

        @Test
        void everyExampleProcedure_isProvedValid_withoutNetworknt() {
            int procedures = 0;
            for (Path f : yamlFiles()) {
                String rel = repository().relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("examples/packs/") && rel.endsWith("/procedure.yaml")) {
                    Outcome o = check(rel, read(f));
                    assertNotNull(o, rel);
                    assertTrue(o.valid(), rel + " is valid");
                    assertTrue(o.proved(), rel + " is valid and of the plain shapes the checker proves");
                    procedures++;
                }
            }
            assertTrue(procedures >= 30, "example procedures: " + procedures);
        }
    }

    @Nested
    class Generated {
        @Test
        void generatedProcedures_agreeWithNetworknt_andMostAreProved() {
            Random r = new Random(15);
            int valid = 0;
            int proved = 0;
            int n = 3000;
            for (int i = 0; i < n; i++) {
                Outcome o = check(ProcedureDocs.procedure(r, i % 3 == 0));
                if (o.valid()) {
                    valid++;
                    proved += o.proved() ? 1 : 0;
                }
            }
            // the generator writes mostly valid documents (with some near-misses on purpose) ...
            assertTrue(valid > n / 2, "valid generated documents: " + valid + " of " + n);
            // ... and the checker proves nearly all valid ones (it leaves decimals, long texts, equal aliases to networknt)
            assertTrue(proved > valid * 9 / 10, "proved " + proved + " of " + valid + " valid");
        }

        @Test
        void mutatedDocuments_agreeWithNetworknt() {
            Random r = new Random(1515);
            List<JsonNode> bases = new ArrayList<>(repositoryProcedures());
            for (int i = 0; i < 300; i++) {
                bases.add(ProcedureDocs.procedure(r, true));
            }
            int total = 0;
            int valid = 0;
            int proved = 0;
            int invalid = 0;
            for (JsonNode base : bases) {
                for (int k = 0; k < 12; k++) {
                    JsonNode m = base.deepCopy();
                    int edits = 1 + r.nextInt(2);
                    for (int e = 0; e < edits; e++) {
                        m = ProcedureDocs.mutate(m, r);
                    }
                    Outcome o = check(m);
                    if (o == null) {
                        continue;
                    }
                    total++;
                    valid += o.valid() ? 1 : 0;
                    invalid += o.valid() ? 0 : 1;
                    proved += o.proved() ? 1 : 0;
                }
            }
            assertTrue(total > 3500, "mutated documents compared: " + total);
            // both sides are exercised: many mutants are refused by networknt, many still valid and proved so
            assertTrue(invalid > total / 4, "refused: " + invalid + " of " + total);
            assertTrue(valid > total / 25, "still valid: " + valid + " of " + total);
            assertTrue(proved > valid * 8 / 10, "proved: " + proved + " of " + valid + " valid");
        }
    }

    @Nested
    class Edges {
        private ObjectNode minimal() {
            return (ObjectNode) ProcedureDocs.minimal();
        }

        @Test
        void theMinimalProcedure_isProved() {
            Outcome o = check(minimal());
            assertTrue(o.valid() && o.proved());
        }

        @Test
        void aDecimalWhereAnIntegerIsWanted_isLeftToNetworknt() {
            ObjectNode d = minimal();
            ((ObjectNode) d.get("deadline")).put("amount", 3.0);
            assertFalse(check(d).proved());
        }

        @Test
        void datesNearTheCalendarsEdges_agreeWithNetworknt() {
            for (String date : List.of("2024-02-29", "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01",
                    "9999-12-31", "2025-1-01", "2025-01-01\n", " 2025-01-01", "２０２５-01-01", "2025/01/01", "")) {
                ObjectNode d = minimal();
                ((ObjectNode) d.get("deadline")).put("validFrom", date);
                Outcome o = check(d);
                ObjectNode v = minimal();
                ObjectNode value = NODES.objectNode().put("amount", 5).put("unit", "WORKING_DAYS").put("basis", "B")
                        .put("validFrom", date);
                ObjectNode dl = NODES.objectNode();
                dl.set("values", NODES.arrayNode().add(value));
                v.set("deadline", dl);
                check(v);
                if (date.equals("2024-02-29") || date.equals("9999-12-31") || date.equals("0000-01-01")) {
                    assertTrue(o.valid() && o.proved(), date);
                } else {
                    assertFalse(o.valid(), date);
                }
            }
        }

        @Test
        void cutOffHoursAndCodes_agreeWithNetworknt() {
            for (String hour : List.of("00:00", "23:59", "24:00", "19:60", "9:00", "09:5", "none", "None", "12:00\n", "12:00 ")) {
                ObjectNode d = minimal();
                ((ObjectNode) d.get("deadline")).put("cutOff", hour);
                check(d);
            }
            for (String code : List.of("A", "1.000656", "GL.GPXD.01", "-A", ".A", "A B", "A\n", "Á", "a_b-c.d", "x".repeat(300))) {
                ObjectNode d = minimal();
                d.put("code", code);
                check(d);
            }
            for (String field : List.of("a", "a.b", "a..b", ".a", "a.", "a_b.c9", "a-b", "a.b\n", "a" + ".b".repeat(200))) {
                ObjectNode d = minimal();
                d.set("competence", NODES.objectNode().put("by", "FORM_UNIT").put("field", field));
                check(d);
            }
        }

        @Test
        void equalAliases_areLeftToNetworknt_andRefused() {
            ObjectNode d = minimal();
            ArrayNode aliases = NODES.arrayNode();
            aliases.add(NODES.objectNode().put("code", "OLD.1"));
            aliases.add(NODES.objectNode().put("code", "OLD.1"));
            d.set("aliases", aliases);
            Outcome o = check(d);
            assertFalse(o.proved());
            assertFalse(o.valid());
        }

        @Test
        void aProblemOfTheSchema_isWordedAsBefore() {
            ObjectNode d = minimal();
            d.put("level", "DISTRICT");
            List<PackProblem> problems = new ArrayList<>();
            YamlDoc doc = YamlDoc.parse("procedures/X/procedure.yaml", JSON.writeValueAsString(d), problems);
            List<PackProblem> got = Schemas.validate("procedure", doc, "", doc.root());
            assertEquals(1, got.size());
            assertEquals("SCHEMA", got.get(0).code());
            assertTrue(got.get(0).messageEn().contains("COMMUNE"), got.get(0).messageEn());
            assertEquals(List.of(got.get(0).line(), got.get(0).column()), List.of(1, doc.position("/level")[1]));
        }
    }

    /** Procedure documents for the comparison: every property of procedure.schema.json, mostly valid values. */
    static final class ProcedureDocs {
        private static final String[] UNITS = {"WORKING_DAYS", "WORKING_HOURS", "CALENDAR_DAYS", "SAME_DAY"};
        private static final String[] TEXTS = {"Cấp giấy phép xây dựng", "Đăng ký khai sinh", "x", "", " ", "Hộ tịch\n",
                "ND123-2015-D24", "LUAT-2014-D5", "A.1", "ngày làm việc", "\u0000", "😀", "Nghị định 123/2015/NĐ-CP"};

        private ProcedureDocs() {
        }

        static JsonNode minimal() {
            ObjectNode p = NODES.objectNode();
            p.put("code", "SYN.00001");
            p.set("name", NODES.objectNode().put("vi", "Thủ tục"));
            p.put("level", "PROVINCE");
            p.set("channels", NODES.arrayNode().add("DESK"));
            p.set("legalBases", NODES.arrayNode().add("B"));
            p.set("deadline", NODES.objectNode().put("amount", 5).put("unit", "WORKING_DAYS"));
            p.set("components", NODES.arrayNode());
            return p;
        }

        /** A near-miss now and then: most generated documents should be valid, so that trees, not only refusals, are compared. */
        private static boolean rare(Random r) {
            return r.nextInt(60) == 0;
        }

        private static String pick(Random r, String... values) {
            return values[r.nextInt(values.length)];
        }

        private static String text(Random r) {
            return rare(r) ? pick(r, TEXTS) : pick(r, "Giấy tờ", "Tờ khai", "Sở Xây dựng", "UBND cấp xã", "Kết quả");
        }

        private static ObjectNode localized(Random r) {
            ObjectNode t = NODES.objectNode().put("vi", rare(r) ? "" : text(r));
            if (r.nextBoolean()) {
                t.put("en", text(r));
            }
            return t;
        }

        private static JsonNode integer(Random r, int min) {
            switch (r.nextInt(60)) {
                case 0:
                    return NODES.numberNode(min - 1);
                case 1:
                    return NODES.numberNode(4_000_000_000L);
                case 2:
                    return NODES.numberNode(2.0);
                default:
                    return NODES.numberNode(min + r.nextInt(30));
            }
        }

        private static String date(Random r) {
            return r.nextInt(40) == 0 ? pick(r, "2025-02-29", "2025-13-01", "2025-1-1", "2024-02-29")
                    : String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", 2000 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28));
        }

        static JsonNode procedure(Random r, boolean everything) {
            ObjectNode p = NODES.objectNode();
            p.put("code", rare(r) ? pick(r, "-X", "A B", "Á.1") : String.format(java.util.Locale.ROOT, "SYN.%05d", r.nextInt(99999)));
            p.set("name", localized(r));
            if (everything || r.nextBoolean()) {
                p.set("field", localized(r));
            }
            p.put("level", rare(r) ? "DISTRICT" : pick(r, "COMMUNE", "PROVINCE"));
            if (everything || r.nextBoolean()) {
                p.set("agency", localized(r));
            }
            ArrayNode ch = NODES.arrayNode();
            for (String c : List.of("DESK", "ONLINE", "POST")) {
                if (r.nextInt(3) > 0) {
                    ch.add(c);
                }
            }
            if (ch.isEmpty() || rare(r)) {
                ch.add("DESK");
            }
            p.set("channels", ch);
            if (everything || r.nextBoolean()) {
                p.put("onlineLevel", pick(r, "FULL", "PARTIAL", "NONE"));
            }
            if (everything || r.nextBoolean()) {
                p.put("boundaryFree", r.nextBoolean());
            }
            if (everything || r.nextBoolean()) {
                p.set("result", localized(r));
            }
            ArrayNode bases = NODES.arrayNode();
            for (int i = r.nextInt(4); i > 0; i--) {
                bases.add(pick(r, TEXTS));
            }
            p.set("legalBases", bases);
            ObjectNode d = NODES.objectNode();
            switch (r.nextInt(4)) {
                case 0:
                    d.put("unknown", true);
                    break;
                case 1:
                    ArrayNode values = NODES.arrayNode();
                    for (int i = 1 + r.nextInt(3); i > 0; i--) {
                        ObjectNode v = NODES.objectNode();
                        v.set("amount", integer(r, 0));
                        v.put("unit", pick(r, UNITS));
                        v.put("basis", pick(r, TEXTS));
                        if (r.nextBoolean()) {
                            v.put("validFrom", date(r));
                        }
                        if (r.nextInt(3) == 0) {
                            v.put("validTo", date(r));
                        }
                        if (r.nextInt(3) == 0) {
                            v.put("note", text(r));
                        }
                        values.add(v);
                    }
                    d.set("values", values);
                    break;
                default:
                    d.set("amount", integer(r, 0));
                    d.put("unit", pick(r, UNITS));
                    if (r.nextBoolean()) {
                        d.put("basis", pick(r, TEXTS));
                    }
                    if (r.nextInt(3) == 0) {
                        d.put("cutOff", rare(r) ? "24:00" : pick(r, "16:30", "none", "08:00", "23:59"));
                    }
                    if (r.nextInt(3) == 0) {
                        d.put("cutOffBasis", pick(r, TEXTS));
                    }
                    if (r.nextInt(3) == 0) {
                        d.put("validFrom", date(r));
                    }
            }
            if (r.nextInt(4) == 0) {
                d.put("note", text(r));
            }
            p.set("deadline", d);
            if (everything || r.nextBoolean()) {
                ArrayNode steps = NODES.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    ObjectNode s = NODES.objectNode().put("id", "s" + i).put("role", text(r)).put("name", text(r));
                    ObjectNode budget = NODES.objectNode();
                    budget.set("amount", integer(r, 0));
                    budget.put("unit", pick(r, UNITS));
                    s.set("budget", budget);
                    if (r.nextInt(3) == 0) {
                        s.put("unit", rare(r) ? "" : text(r));
                    }
                    if (r.nextInt(3) == 0) {
                        s.put("counted", r.nextBoolean());
                    }
                    if (r.nextInt(3) == 0) {
                        s.put("basis", pick(r, TEXTS));
                    }
                    if (r.nextInt(3) == 0) {
                        s.put("verified", r.nextBoolean());
                    }
                    if (r.nextInt(3) == 0) {
                        s.put("note", text(r));
                    }
                    if (r.nextInt(3) == 0) {
                        ObjectNode w = NODES.objectNode().put("field", rare(r) ? "" : "a.b");
                        switch (r.nextInt(5)) {
                            case 0:
                                w.put("equals", true);
                                break;
                            case 1:
                                w.put("equals", 3);
                                break;
                            case 2:
                                w.put("equals", 2.5);
                                break;
                            case 3:
                                w.set("equals", rare(r) ? NODES.nullNode() : NODES.numberNode(-1));
                                break;
                            default:
                                w.put("equals", text(r));
                        }
                        s.set("when", w);
                    }
                    steps.add(s);
                }
                p.set("steps", steps);
            }
            ArrayNode comps = NODES.arrayNode();
            for (int i = r.nextInt(5); i > 0; i--) {
                ObjectNode c = NODES.objectNode().put("id", rare(r) ? pick(r, "To-khai", "-x", "a_b") : "thanh-phan-" + i);
                c.set("name", localized(r));
                c.put("form", pick(r, "ORIGINAL", "CERTIFIED_COPY", "ELECTRONIC_COPY", "COPY_WITH_ORIGINAL"));
                if (r.nextInt(3) == 0) {
                    c.set("quantity", integer(r, 1));
                }
                if (r.nextInt(3) == 0) {
                    c.put("presence", pick(r, "REQUIRED", "OPTIONAL", "CONDITIONAL"));
                }
                if (r.nextInt(3) == 0) {
                    ObjectNode w = NODES.objectNode().put("source", "CSDLQG_DC");
                    if (r.nextBoolean()) {
                        w.set("name", localized(r));
                    }
                    c.set("waivableBy", w);
                }
                if (r.nextInt(3) == 0) {
                    c.put("basis", pick(r, TEXTS));
                }
                if (r.nextInt(3) == 0) {
                    c.put("note", text(r));
                }
                comps.add(c);
            }
            p.set("components", comps);
            if (everything || r.nextInt(3) == 0) {
                ArrayNode aliases = NODES.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    ObjectNode a = NODES.objectNode().put("code", "OLD." + (rare(r) ? 0 : r.nextInt(1000)));
                    if (r.nextBoolean()) {
                        a.put("note", "mã cũ");
                    }
                    aliases.add(a);
                }
                p.set("aliases", aliases);
            }
            if (everything || r.nextInt(3) == 0) {
                ObjectNode c = NODES.objectNode();
                switch (r.nextInt(5)) {
                    case 0:
                        c.put("amount", 0.5);
                        break;
                    case 1:
                        c.put("amount", rare(r) ? 0 : 2);
                        break;
                    default:
                        c.put("amount", 1 + r.nextInt(10));
                }
                c.put("unit", rare(r) ? "SAME_DAY" : pick(r, "WORKING_DAYS", "WORKING_HOURS", "CALENDAR_DAYS"));
                if (r.nextBoolean()) {
                    c.put("basis", pick(r, TEXTS));
                }
                if (r.nextBoolean()) {
                    c.put("note", text(r));
                }
                p.set("commitment", c);
            }
            if (everything || r.nextInt(3) == 0) {
                ObjectNode c = NODES.objectNode().put("by", pick(r, "RESIDENCE", "FORM_UNIT", "FIXED_UNIT", "RECEIVING_UNIT"));
                if (r.nextBoolean()) {
                    c.put("field", rare(r) ? "a..b" : pick(r, "nguoiNop.diaChi", "unit", "a_1.b_2"));
                }
                if (r.nextBoolean()) {
                    c.put("unit", "UBND.XA");
                }
                if (r.nextBoolean()) {
                    c.put("basis", pick(r, TEXTS));
                }
                if (r.nextBoolean()) {
                    ObjectNode t = NODES.objectNode();
                    t.set("amount", integer(r, 0));
                    t.put("unit", pick(r, "WORKING_DAYS", "WORKING_HOURS"));
                    if (r.nextBoolean()) {
                        t.put("counted", r.nextBoolean());
                    }
                    if (r.nextBoolean()) {
                        t.put("basis", pick(r, TEXTS));
                    }
                    c.set("transfer", t);
                }
                if (r.nextBoolean()) {
                    c.put("note", text(r));
                }
                p.set("competence", c);
            }
            if (everything || r.nextBoolean()) {
                p.set("fees", NODES.objectNode().put("table", "fees.csv").set("any", NODES.arrayNode().add(1).add("x")));
            }
            if (everything || r.nextBoolean()) {
                p.set("form", r.nextBoolean() ? NODES.objectNode().put("schema", "form.schema.json") : NODES.nullNode());
            }
            if (everything || r.nextBoolean()) {
                p.put("note", text(r));
            }
            if (everything || r.nextInt(3) == 0) {
                ObjectNode s = NODES.objectNode().put("recordId", "1.000656").put("code", "1.000656").put("verified", r.nextBoolean());
                if (r.nextBoolean()) {
                    s.put("updatedAt", "2025-07-01");
                }
                if (r.nextBoolean()) {
                    s.put("decision", "QĐ 1/2025");
                }
                if (r.nextBoolean()) {
                    s.put("note", text(r));
                }
                if (r.nextBoolean()) {
                    ArrayNode marks = NODES.arrayNode();
                    for (int i = r.nextInt(3); i > 0; i--) {
                        ObjectNode m = NODES.objectNode().put("value", rare(r) ? pick(r, "fees.desk", "name.", "other")
                                : pick(r, "name", "fees.DESK", "deadline.ONLINE", "channels.POST", "legalBases")).put("verified", r.nextBoolean());
                        if (r.nextBoolean()) {
                            m.put("from", "national.yaml");
                        }
                        if (r.nextBoolean()) {
                            m.put("note", text(r));
                        }
                        marks.add(m);
                    }
                    s.set("values", marks);
                }
                p.set("source", s);
            }
            return p;
        }

        /** Every container node of the tree (objects and arrays), to pick where a mutation goes. */
        private static void containers(JsonNode n, List<JsonNode> out) {
            if (n.isObject() || n.isArray()) {
                out.add(n);
                for (JsonNode c : n) {
                    containers(c, out);
                }
            }
        }

        private static JsonNode scalar(Random r) {
            switch (r.nextInt(14)) {
                case 0:
                    return NODES.stringNode(pick(r, TEXTS));
                case 1:
                    return NODES.numberNode(r.nextInt(5) - 1);
                case 2:
                    return NODES.numberNode(7.0);
                case 3:
                    return NODES.numberNode(0.25);
                case 4:
                    return NODES.numberNode(new java.math.BigInteger("123456789012345678901234"));
                case 5:
                    return NODES.booleanNode(r.nextBoolean());
                case 6:
                    return NODES.nullNode();
                case 7:
                    return NODES.arrayNode();
                case 8:
                    return NODES.objectNode();
                case 9:
                    return NODES.stringNode(pick(r, "DESK", "ONLINE", "WORKING_DAYS", "PROVINCE", "ORIGINAL", "REQUIRED", "FORM_UNIT",
                            "none", "16:30", "2025-01-01"));
                case 10:
                    return NODES.objectNode().put("vi", "Tên");
                case 11:
                    return NODES.numberNode(Long.MAX_VALUE);
                case 12:
                    return NODES.stringNode("");
                default:
                    return NODES.stringNode(pick(r, "a.b", "x-y", "A1", "SYN.00001", "fees.POST"));
            }
        }

        /** Texts near a pattern or an enum: the same with a line end, a space, a letter case changed, a non-ASCII letter. */
        private static String nearMiss(String s, Random r) {
            switch (r.nextInt(7)) {
                case 0:
                    return s + "\n";
                case 1:
                    return " " + s;
                case 2:
                    return s.toLowerCase(java.util.Locale.ROOT);
                case 3:
                    return s.toUpperCase(java.util.Locale.ROOT);
                case 4:
                    return s.isEmpty() ? "á" : s.substring(0, s.length() - 1) + "á";
                case 5:
                    return s.isEmpty() ? "" : s.substring(1);
                default:
                    return s + s;
            }
        }

        static JsonNode mutate(JsonNode root, Random r) {
            List<JsonNode> all = new ArrayList<>();
            containers(root, all);
            JsonNode target = all.get(r.nextInt(all.size()));
            if (target.isObject()) {
                ObjectNode o = (ObjectNode) target;
                List<String> names = new ArrayList<>();
                o.properties().forEach(e -> names.add(e.getKey()));
                int what = r.nextInt(6);
                if (names.isEmpty() || what == 0) {
                    o.set(pick(r, "extra", "notes", "Code", "amount", "unit", "vi", "en", "values", "unknown", "validFrom", "field", "basis"),
                            scalar(r));
                } else {
                    String name = names.get(r.nextInt(names.size()));
                    JsonNode v = o.get(name);
                    if (what == 1) {
                        o.remove(name);
                    } else if (what == 2 && v.isString()) {
                        o.put(name, nearMiss(v.asString(), r));
                    } else if (what == 3 && v.isNumber()) {
                        o.set(name, pick(r, "a", "b").equals("a") ? NODES.numberNode(v.doubleValue())
                                : v.isIntegralNumber() ? NODES.numberNode(-v.longValue()) : NODES.numberNode(-v.doubleValue()));
                    } else {
                        o.set(name, scalar(r));
                    }
                }
            } else {
                ArrayNode a = (ArrayNode) target;
                int what = r.nextInt(4);
                if (a.isEmpty() || what == 0) {
                    a.add(a.isEmpty() || r.nextBoolean() ? scalar(r) : a.get(0).deepCopy());
                } else if (what == 1) {
                    a.remove(r.nextInt(a.size()));
                } else if (what == 2) {
                    a.add(a.get(r.nextInt(a.size())).deepCopy()); // an equal item (uniqueItems)
                } else {
                    int i = r.nextInt(a.size());
                    JsonNode v = a.get(i);
                    a.set(i, v.isString() ? NODES.stringNode(nearMiss(v.asString(), r)) : scalar(r));
                }
            }
            return root;
        }
    }

    @Test
    void generatorWritesEveryTopLevelProperty() {
        JsonNode p = ProcedureDocs.procedure(new Random(3), true);
        for (String k : List.of("code", "name", "field", "level", "agency", "channels", "onlineLevel", "boundaryFree", "result",
                "legalBases", "deadline", "steps", "components", "aliases", "commitment", "competence", "fees", "form", "note",
                "source")) {
            assertTrue(p.has(k), k);
        }
    }
}
