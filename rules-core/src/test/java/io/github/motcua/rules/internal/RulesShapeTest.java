package io.github.motcua.rules.internal;

import static io.github.motcua.kernel.SourceTree.repository;
import static io.github.motcua.kernel.SourceTree.yamlFiles;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RulesShape} against networknt ({@link Schemas#validateWithNetworknt}), the validator it spares on a valid rules
 * file: for every document, {@link Schemas#validate} of a rules file gives exactly networknt's problems (code, file,
 * line, column, both languages), and whatever {@link RulesShape#certainlyValid} accepts networknt accepts. Documents:
 * every YAML file of the repository read as a rules file, a document using every property of the schema, and
 * thousands of mutations of these (a key removed or added, a value of another type, texts near the enums, the form
 * path's pattern and the date format, lists emptied and grown past their bounds).
 */
class RulesShapeTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

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
        YamlDoc doc = YamlDoc.parse(file, text, new ArrayList<>());
        if (doc == null) {
            return null;
        }
        List<PackProblem> reference = Schemas.validateWithNetworknt("rules", doc, "", doc.root());
        List<PackProblem> got = Schemas.validate("rules", doc, "", doc.root());
        boolean proved = RulesShape.certainlyValid(doc.root());
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
        return check("procedures/X/rules.yaml", JSON.writeValueAsString(node));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean rulesFile(String rel) {
        return rel.endsWith("/rules.yaml") || rel.endsWith("/rules.yml") || rel.endsWith(".rules.yaml") || rel.endsWith(".rules.yml");
    }

    @Test
    void everyYamlFile_readAsRules_givesNetworkntsProblems() {
        int files = 0;
        for (Path f : yamlFiles()) {
            check(repository().relativize(f).toString(), read(f));
            files++;
        }
        assertTrue(files > 200, "the repository's YAML files: " + files);
    }

    @Test
    void everyExampleRulesFile_isProvedValid_withoutNetworknt() {
        int n = 0;
        for (Path f : yamlFiles()) {
            String rel = repository().relativize(f).toString().replace('\\', '/');
            if (rel.startsWith("examples/packs/") && rulesFile(rel)) {
                Outcome o = check(rel, read(f));
                assertNotNull(o, rel);
                assertTrue(o.valid(), rel + " is valid");
                assertTrue(o.proved(), rel + " is valid and of the plain shapes the checker proves");
                n++;
            }
        }
        assertTrue(n >= 3, "example rules files: " + n);
    }

    /** One rule with every condition and one with every outcome the schema has. */
    static ArrayNode everyProperty() {
        ArrayNode root = NODES.arrayNode();
        ObjectNode a = root.addObject().put("quy tắc", "Mọi điều kiện").put("căn cứ", "LHT-2014-D16")
                .put("hiệu lực từ", "2024-01-01").put("hiệu lực đến", "2030-12-31").put("ghi chú nội bộ", "");
        ArrayNode when = a.putArray("khi");
        when.addObject().put("tờ khai", "treEm.ngaySinh").put("tính", "số ngày đến nay").put("lớn hơn", 5).put("nhỏ hơn", 7.5)
                .put("ít nhất", -1).put("không quá", 100);
        when.addObject().put("người yêu cầu", "tuổi").put("là", 18);
        when.addObject().put("đơn vị tiếp nhận", "loại").putArray("không là").add("XA").add(2).add(true);
        when.addObject().put("hồ sơ", "nộp trực tuyến").put("là", true);
        when.addObject().put("tờ khai", "_a1.b_2.3").put("có giá trị", false);
        when.addObject().putArray("không").addObject().put("tờ khai", "x").put("là", "y");
        a.putArray("thì").addObject().put("ghi chú", "Ghi chú");
        ObjectNode b = root.addObject().put("quy tắc", "Mọi kết quả").put("căn cứ", "LHT-2014-D16");
        ArrayNode then = b.putArray("thì");
        then.addObject().putObject("không đủ điều kiện").put("vi", "Không đủ").put("en", "Not eligible");
        then.addObject().put("nộp", "TP1");
        then.addObject().putArray("không bắt buộc").add("TP2").add("TP3");
        ObjectNode one = then.addObject().putObject("nộp một trong").put("nhóm", "G");
        one.putArray("gồm").add("TP4").add("TP5");
        then.addObject().putObject("miễn nộp").put("thành phần", "TP6").put("nguồn", "CSDL");
        then.addObject().putObject("gia hạn").put("số lượng", 0).put("đơn vị", "ngày làm việc").put("lý do", "Xác minh");
        then.addObject().putObject("thời hạn").put("số lượng", 3).put("đơn vị", "SAME_DAY").putObject("lý do").put("vi", "Có");
        then.addObject().putObject("không tính thời gian").put("số lượng", 2).put("đơn vị", "ngày").put("lý do", "Chờ");
        then.addObject().putObject("miễn phí").put("khoản", "LP").put("lý do", "Hộ nghèo");
        then.addObject().putObject("giảm phí").put("khoản", "LP").put("phần trăm", 100).put("lý do", "Người cao tuổi");
        return root;
    }

    @Test
    void aDocumentWithEveryProperty_isProved() {
        Outcome o = check(everyProperty());
        assertTrue(o.valid() && o.proved(), o.toString());
    }

    @Test
    void shapesLeftToNetworknt_areNotProved_andNetworkntDecides() {
        for (String bad : List.of("[]", "{}", "[{\"quy tắc\": \"\", \"căn cứ\": \"X\", \"thì\": [{\"ghi chú\": \"a\"}]}]",
                "[{\"quy tắc\": \"A\", \"căn cứ\": \"X\", \"thì\": [{\"ghi chú\": \"a\", \"nộp\": \"b\"}]}]",
                "[{\"quy tắc\": \"A\", \"căn cứ\": \"X\", \"thì\": [{\"giảm phí\": {\"khoản\": \"a\", \"phần trăm\": 50.0, \"lý do\": \"b\"}}]}]",
                "[{\"quy tắc\": \"A\", \"căn cứ\": \"X\", \"hiệu lực từ\": \"2024-02-30\", \"thì\": [{\"ghi chú\": \"a\"}]}]",
                "[{\"quy tắc\": \"A\", \"căn cứ\": \"X\", \"khi\": [{\"tờ khai\": \"a..b\"}], \"thì\": [{\"ghi chú\": \"a\"}]}]",
                "[{\"quy tắc\": \"A\", \"căn cứ\": \"X\", \"khi\": [{}], \"thì\": [{\"ghi chú\": \"a\"}]}]")) {
            Outcome o = check("procedures/X/rules.yaml", bad);
            assertNotNull(o, bad);
            assertFalse(o.proved(), bad);
        }
    }

    private static final String[] KEYS = {"quy tắc", "căn cứ", "hiệu lực từ", "khi", "thì", "ghi chú nội bộ", "tờ khai", "tính",
        "là", "không là", "không", "lớn hơn", "vi", "en", "nộp", "gồm", "nhóm", "số lượng", "đơn vị", "lý do", "phần trăm",
        "khoản", "ghi chú", "extra", "Quy tắc"};

    private static JsonNode scalar(Random r) {
        switch (r.nextInt(16)) {
            case 0:
                return NODES.stringNode("");
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
                return NODES.stringNode(pick(r, "số ngày đến nay", "tuổi", "có cờ", "kênh", "ngày làm việc", "SAME_DAY", "mã"));
            case 10:
                return NODES.stringNode(pick(r, "2024-01-01", "2024-02-29", "2023-02-29", "24-01-01", "2024-1-1", "2024-01-01T00:00"));
            case 11:
                return NODES.stringNode(pick(r, "a.b", "_x", "1a", "a.", ".a", "a.b\n", "ä", "a-b", "a b"));
            case 12:
                return NODES.numberNode(101);
            case 13:
                return NODES.arrayNode().add("a").add("b").add("c").add("d").add("e");
            case 14:
                return NODES.objectNode().put("vi", "Có");
            default:
                return NODES.stringNode("Một văn bản");
        }
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }

    private static void containers(JsonNode n, List<JsonNode> out) {
        if (n.isObject() || n.isArray()) {
            out.add(n);
            for (JsonNode c : n) {
                containers(c, out);
            }
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
            int what = r.nextInt(5);
            if (names.isEmpty() || what == 0) {
                o.set(pick(r, KEYS), scalar(r));
            } else {
                String name = names.get(r.nextInt(names.size()));
                JsonNode v = o.get(name);
                if (what == 1) {
                    o.remove(name);
                } else if (what == 2 && v.isString()) {
                    o.put(name, r.nextBoolean() ? v.asString() + "\n" : v.asString().toUpperCase(java.util.Locale.ROOT));
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
                a.add(a.get(r.nextInt(a.size())).deepCopy());
            } else {
                a.set(r.nextInt(a.size()), scalar(r));
            }
        }
        return root;
    }

    @Test
    void mutatedDocuments_agreeWithNetworknt() {
        Random r = new Random(429);
        List<JsonNode> bases = new ArrayList<>();
        bases.add(everyProperty());
        for (Path f : yamlFiles()) {
            String rel = repository().relativize(f).toString().replace('\\', '/');
            if (rulesFile(rel)) {
                YamlDoc doc = YamlDoc.parse(rel, read(f), new ArrayList<>());
                if (doc != null) {
                    bases.add(doc.root());
                }
            }
        }
        int total = 0;
        int valid = 0;
        int proved = 0;
        for (int round = 0; total < 3000 && round < 1000; round++) {
            for (JsonNode base : bases) {
                JsonNode m = base.deepCopy();
                int edits = 1 + r.nextInt(2);
                for (int e = 0; e < edits; e++) {
                    m = mutate(m, r);
                }
                Outcome o = check(m);
                if (o == null) {
                    continue;
                }
                total++;
                valid += o.valid() ? 1 : 0;
                proved += o.proved() ? 1 : 0;
            }
        }
        assertTrue(total >= 3000, "mutated documents compared: " + total);
        // both sides are exercised: many mutants are refused by networknt, many still valid and proved so
        assertTrue(total - valid > total / 4, "refused: " + (total - valid) + " of " + total);
        assertTrue(valid > total / 25, "still valid: " + valid + " of " + total);
        assertTrue(proved > valid * 7 / 10, "proved: " + proved + " of " + valid + " valid");
    }
}
