package io.github.motcua.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Procedure;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 items 2 and 3: the citizen guide draws the process as inline SVG from the pack (steps, who,
 * how long, where the citizen waits), lists the exemptions and reductions in plain words, and names the
 * years whose working days are computed rather than published.
 */
class GuidePictureTest {
    static final Locale VI = Locale.forLanguageTag("vi");
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
    static Engine engine;

    @BeforeAll
    static void load() {
        engine = Motcua.engine().build();
        LoadResult r = engine.load(Path.of("packs/gia-lai"));
        assertTrue(r.ok(), r.problems().toString());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static ProcedureGuide guide(String code, LocalDate asOf) {
        return Catalogues.guide(engine, TestFees.of(engine), code, asOf);
    }

    @Test
    void picture_landRegistration_citizenFilesEachStepWithWhoAndHowLongThenReceives() {
        ProcedureGuide g = guide("1.013831", AS_OF);
        Procedure p = g.procedure();
        List<String> boxes = ProcessPicture.texts(ProcessPicture.of(p, "Trực tiếp, Trực tuyến", "Giấy chứng nhận",
                "tối đa 08 ngày làm việc", false));
        assertEquals(p.steps().size() + 2, boxes.size(), boxes.toString());
        assertTrue(boxes.get(0).startsWith("công dân nộp hồ sơ cách nộp: trực tiếp, trực tuyến"), boxes.get(0));
        for (int i = 0; i < p.steps().size(); i++) {
            String box = boxes.get(i + 1);
            assertTrue(box.startsWith(("bước " + (i + 1) + ". ").toLowerCase(Locale.ROOT)), box);
            assertTrue(box.contains("người thực hiện: " + p.steps().get(i).owner().toLowerCase(Locale.ROOT).split(" ")[0]), box);
            assertTrue(box.contains("thời gian: "), box);
            // the tax authority's step is shown with its unit and as not counted in the time limit
            assertEquals(!p.steps().get(i).counted(), box.contains("(không tính vào thời hạn)"), box);
        }
        assertTrue(boxes.stream().anyMatch(b -> b.contains("người thực hiện: cơ quan thuế")), boxes.toString());
        assertTrue(boxes.get(boxes.size() - 1).startsWith("công dân nhận kết quả"), boxes.toString());
    }

    @Test
    void guideHtml_inlineSvgWithoutScriptOrExternalAsset_andTheWaitNamed() {
        String html = Catalogues.guideHtml(guide("1.013831", AS_OF), VI);
        int svg = html.indexOf("<svg");
        assertTrue(svg > 0, "no inline svg");
        String picture = html.substring(svg, html.indexOf("</svg>") + 6);
        assertEquals(guide("1.013831", AS_OF).procedure().steps().size() + 2, picture.split("<rect ", -1).length - 1);
        assertTrue(picture.contains("Công dân chờ") && picture.contains("tối đa"), picture);
        assertTrue(picture.contains("08 ngày làm"), picture);
        assertFalse(html.contains("<script"), "a guide has no script");
        assertFalse(html.contains("src=") || html.contains("href=\"http") || html.contains("url(http")
                || html.contains("@import"), "a guide loads no external asset");
        String en = Catalogues.guideHtml(guide("1.013831", AS_OF), Locale.ENGLISH);
        assertTrue(en.contains("You wait") && en.contains("You file the dossier"), en);
    }

    @Test
    void guide_reliefsInPlainWordsWithTheirBasis() {
        ProcedureGuide g = guide("GL.LLTP.01", AS_OF);
        List<String> vi = g.reliefs().stream().map(r -> r.text(false)).toList();
        assertTrue(vi.stream().anyMatch(t -> t.startsWith("Hộ nghèo: miễn ") && t.contains("(căn cứ: ")), vi.toString());
        assertTrue(vi.stream().anyMatch(t -> t.startsWith("Người cư trú tại xã biên giới: miễn ")), vi.toString());
        assertTrue(Catalogues.guideText(g, VI).contains("Miễn, giảm:\n   - "), Catalogues.guideText(g, VI));
        assertTrue(Catalogues.guideHtml(g, Locale.ENGLISH).contains("Poor household: exempt from "));
        assertTrue(vi.stream().anyMatch(t -> t.startsWith("Trẻ em: miễn ")), vi.toString());
    }

    @Test
    void guide_computedYearsNamed_officialOnesNot() {
        // the pack has official schedules for 2025 and 2026: an appointment made in 2026 may fall in 2027
        ProcedureGuide g2026 = guide("1.001193", AS_OF);
        assertEquals(List.of(2027), g2026.computedYears());
        assertTrue(Catalogues.guideText(g2026, VI).contains("Năm 2027: ngày làm việc được tính toán theo âm lịch"),
                Catalogues.guideText(g2026, VI));
        assertTrue(Catalogues.guideHtml(g2026, Locale.ENGLISH).contains("Year 2027: working days computed from the lunar calendar"));
        ProcedureGuide g2025 = guide("1.001193", LocalDate.of(2025, 9, 1));
        assertEquals(List.of(), g2025.computedYears());
        assertFalse(Catalogues.guideHtml(g2025, VI).contains("computed-years"));
    }

    @Test
    void wrap_keepsWordsWhole() {
        assertEquals(List.of("Tiếp nhận, kiểm tra", "hồ sơ"), ProcessPicture.wrap("Tiếp nhận, kiểm tra hồ sơ", 20));
        assertEquals(List.of("x"), ProcessPicture.wrap("x", 1));
        Map<String, Object> m = ProcessPicture.of(guide("1.001193", AS_OF).procedure(), "Trực tiếp", "Giấy khai sinh", "", false);
        assertFalse(m.get("height").toString().contains(","), "numbers are written without grouping");
    }

    /** Issue 18 item 2: conditions, extensions and exemptions in plain words, from the rules' own names. */
    @Test
    void guide_landRegistration_namesWhenEachPaperIsAsked_everyConditionAndExtension() {
        ProcedureGuide g = guide("1.013978", AS_OF);
        String text = Catalogues.guideText(g, VI);
        assertTrue(text.contains("Giấy tờ về quyền sử dụng đất (nếu có) — bản sao có chứng thực, số lượng 01 bản; "
                + "chỉ nộp khi: Có giấy tờ về quyền sử dụng đất thì nộp giấy tờ đó"), text);
        assertFalse(text.contains("chỉ nộp trong trường hợp theo quy định"), text);
        assertTrue(text.contains("Hồ sơ không được tiếp nhận hoặc chưa được giải quyết khi:\n   - Đất đang có tranh chấp hoặc bị kê biên thì chưa giải quyết"), text);
        assertTrue(text.contains("Thời hạn thay đổi khi:\n"), text);
        assertTrue(text.contains("   - Thửa đất tại xã miền núi, hải đảo, vùng sâu, vùng xa, vùng khó khăn thì cộng thêm 10 ngày làm việc (căn cứ: "), text);
        assertTrue(text.contains("   - Đề nghị cấp Giấy chứng nhận lần đầu thì cộng thời hạn cấp không quá 03 ngày làm việc"), text);
        String html = Catalogues.guideHtml(g, VI);
        assertTrue(html.contains("<ul id=\"extensions\">") && html.contains("<ul id=\"conditions\">"), html);
        // the fee table: desk and online side by side
        assertTrue(html.contains("<th>Nộp trực tiếp</th><th>Nộp trực tuyến</th>"), html);
    }

    @Test
    void guide_marriage_exemptionOfARuleIsListedWithTheFeeTablesOnes() {
        String text = Catalogues.guideText(guide("1.000894", AS_OF), VI);
        assertTrue(text.contains("   - Kết hôn của công dân Việt Nam cư trú trong nước được miễn lệ phí (căn cứ: "), text);
        assertTrue(text.contains("   - Người yêu cầu là nam chưa đủ 20 tuổi"), text);
    }

    @Test
    void guide_density_imported_prose_isSetTighterToFitOnePage() {
        assertEquals("", Catalogues.density(Map.of("components", List.of(), "legalBases", List.of(), "reliefs", List.of(),
                "conditions", List.of(), "extensions", List.of())));
        assertTrue(Catalogues.guideHtml(guide("1.012787", AS_OF), VI).contains("<body class=\"dense\">"));
        assertTrue(Catalogues.guideHtml(guide("2.000815", AS_OF), VI).contains("<body>"));
        // seven land steps draw a tall picture: the page is set tighter
        assertTrue(Catalogues.guideHtml(guide("1.013978", AS_OF), VI).contains("<body class=\"compact\">"));
    }
}
