package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fee table's {@code unitPath}/{@code copiesPath} must name a field of the procedure's form (docs/fees.md
 * "Quantities read from the form"): the table counts a missing quantity as 1, so a misspelt path charged one copy on
 * every dossier and the pack loaded without a word; it is now a problem at the cell, naming the form and the closest
 * field. A field that can never be a whole number (an object, a list, a yes/no) is one too.
 */
class FeeQuantityFieldsTest {
    static final String HEADER = "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,basis\n";
    /**
     * The birth registration's form, with a count, a count typed as text, a yes/no, a list, a free-form part, a field
     * declared without a type and one typed only by its whole-number options.
     */
    static final String FORM = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"required\":[\"giayChungSinh\"],\"properties\":{\"giayChungSinh\":{\"type\":\"string\",\"enum\":[\"CO\",\"KHONG_CO\"]},"
            + "\"nguoiLamChung\":{\"type\":\"string\"},\"noiSinh\":{\"type\":\"string\"},\"treEm\":{\"type\":\"object\"},"
            + "\"soBan\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":50},\"soBanChu\":{\"type\":\"string\",\"pattern\":\"^[0-9]+$\"},"
            + "\"coTrichLuc\":{\"type\":\"boolean\"},\"banSao\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"khac\":{\"type\":\"object\",\"additionalProperties\":true},"
            + "\"demTrang\":{\"description\":\"Số trang\"},\"capDo\":{\"enum\":[1,2,3]}}}";

    @TempDir
    Path dir;

    private int packs;

    private Path pack(String fees, boolean withForm) {
        Path p = TestPacks.copy("ho-tich", dir.resolve("p" + packs++));
        if (withForm) {
            TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"), FORM);
        }
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), HEADER + fees);
        return p;
    }

    private static String row(String tariff, String unitPath, String copiesPath) {
        String units = tariff.equals("FLAT") ? ",," : "2,1000,";
        return "RATE,trich-luc,LE_PHI,Cấp bản sao trích lục,Extract copy," + tariff + ",8000," + units + "," + unitPath + ","
                + copiesPath + ",LHT-2014-D11\n";
    }

    @Test
    void copiesPathTheFormLacks_isAProblemAtItsCellNamingTheFormAndTheClosestField() {
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(row("FLAT", "", "soBann"), true));
            String all = r.problems().stream().map(x -> x.format(Locale.ROOT)).collect(Collectors.joining("\n"));
            assertFalse(r.ok(), "a misspelt quantity field used to load and count 1 copy on every dossier");
            assertEquals(1, r.problems().size(), all);
            PackProblem x = r.problems().get(0);
            assertEquals("FEES_UNKNOWN_FORM_FIELD", x.code(), all);
            assertEquals("procedures/1.001193/fees.csv", x.file(), all);
            assertEquals(2, x.line(), all);
            assertEquals(12, x.column(), all);
            assertEquals("Tờ khai [procedures/1.001193/form.schema.json] không có trường [soBann] mà cột copiesPath của"
                    + " khoản phí [trich-luc] đọc làm số lượng: trường không có trong tờ khai thì không hồ sơ nào điền, nên số"
                    + " lượng luôn bị tính là 1. Sửa tên trường cho đúng với tờ khai; gần nhất: soBan"
                    + " (cột copiesPath, giá trị [soBann])", x.messageVi());
            assertEquals("The form [procedures/1.001193/form.schema.json] has no field [soBann], which column copiesPath of"
                    + " fee item [trich-luc] reads as a quantity: no dossier fills a field the form lacks, so the quantity"
                    + " would always count as 1. Correct the field name to one the form declares; closest: soBan"
                    + " (column copiesPath, value [soBann])", x.messageEn());
        }
    }

    @Test
    void unitPathTheFormLacks_inATieredRow_isAProblemToo() {
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(row("TIERED", "soTrang", ""), true));
            assertEquals(1, r.problems().size(), r.problems().toString());
            PackProblem x = r.problems().get(0);
            assertEquals("FEES_UNKNOWN_FORM_FIELD", x.code());
            assertEquals(11, x.column());
            assertTrue(x.messageVi().contains("[soTrang] mà cột unitPath"), x.messageVi());
        }
    }

    @Test
    void fieldThatIsNeverAWholeNumber_isAProblemNamingItsType() {
        for (String field : new String[] {"coTrichLuc", "banSao", "treEm"}) {
            try (Engine e = TestPacks.engine()) {
                LoadResult r = e.load(pack(row("FLAT", "", field), true));
                assertEquals(1, r.problems().size(), field + ": " + r.problems());
                PackProblem x = r.problems().get(0);
                assertEquals("FEES_FORM_FIELD_NOT_COUNT", x.code(), field);
                assertEquals(2, x.line());
                assertEquals(12, x.column());
                assertTrue(x.messageVi().startsWith("Trường [" + field + "] của tờ khai [procedures/1.001193/form.schema.json] có kiểu "),
                        x.messageVi());
                assertTrue(x.messageEn().contains("never a whole number"), x.messageEn());
            }
        }
    }

    /** A declared field with no type accepts any value: a quantity read from it is a problem at its cell (session 22). */
    @Test
    void fieldDeclaredWithoutAType_isAProblem_butOneTypedByWholeNumberOptionsLoads() {
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(row("FLAT", "", "demTrang"), true));
            assertEquals(1, r.problems().size(), r.problems().toString());
            PackProblem x = r.problems().get(0);
            assertEquals("FEES_FORM_FIELD_UNTYPED", x.code());
            assertEquals(List.of("procedures/1.001193/fees.csv", 2, 12), List.of(x.file(), x.line(), x.column()));
            assertEquals("Trường [demTrang] của tờ khai [procedures/1.001193/form.schema.json] không khai báo kiểu (type) nên"
                    + " tờ khai nhận mọi giá trị ở đó (chữ, đúng/sai, một đối tượng), nhưng cột copiesPath của khoản phí"
                    + " [trich-luc] đọc nó làm số lượng: hồ sơ điền giá trị không phải số vẫn qua được tờ khai mà không tính"
                    + " được phí. Khai báo \"type\": \"integer\" (và \"minimum\": 0) cho trường này (cột copiesPath, giá trị"
                    + " [demTrang])", x.messageVi());
            assertTrue(x.messageEn().startsWith("The field [demTrang] of the form [procedures/1.001193/form.schema.json]"
                    + " declares no type"), x.messageEn());
            LoadResult tiered = e.load(pack(row("TIERED", "demTrang", ""), true));
            assertEquals(List.of("FEES_FORM_FIELD_UNTYPED"), tiered.problems().stream().map(PackProblem::code).toList());
            assertTrue(e.load(pack(row("FLAT", "", "capDo"), true)).ok(), "enum [1, 2, 3]: a count");
        }
    }

    @Test
    void declaredCounts_load_andTheDecisionChargesWhatTheDossierSays() {
        try (Engine e = TestPacks.engine()) {
            // an integer, a count typed as digits, and a field inside a free-form part (anything goes there)
            for (String field : new String[] {"soBan", "soBanChu", "khac.soBan"}) {
                LoadResult r = e.load(pack(row("FLAT", "", field), true));
                assertTrue(r.ok(), field + ": " + r.problems());
            }
            LoadResult r = e.load(pack(row("FLAT", "", "soBan"), true));
            assertTrue(r.ok(), r.problems().toString());
            Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"soBan\":3}"));
            assertEquals(24_000, d.fees().line("trich-luc").orElseThrow().gross().dong(), d::toJson);
        }
    }

    @Test
    void procedureWithoutAForm_isNotChecked_nothingDeclaresItsFields() {
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(row("FLAT", "", "soBann"), false));
            assertTrue(r.ok(), r.problems().toString());
        }
    }
}
