package io.github.motcua.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.FeeTable;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.NoSuchProcedureException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The published catalogue and the guides of the Gia Lai pack. */
class CataloguesTest {
    static final Locale VI = Locale.forLanguageTag("vi");
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    /**
     * The procedures whose procedure.yaml says onlineLevel: FULL (read by hand from the pack): the hand-written
     * ones, and the imported ones whose national record says isFullProcess (examples/imports/dvc-records).
     */
    static final List<String> FULL = List.of("1.000363", "1.000656", "1.001193", "1.001612", "1.003702", "1.008004",
            "1.008672", "1.008882", "1.011033", "1.012786", "1.013377", "2.000635", "GL.LLTP.01");
    /** The hand-written procedures whose procedure.yaml says boundaryFree: true (read by hand from the pack). */
    static final List<String> HAND_WRITTEN_BOUNDARY_FREE = List.of("1.000656", "1.000894", "1.001193", "1.001612", "1.012784",
            "1.012786", "1.013831", "1.013978", "2.000635", "2.000815", "2.000884", "2.001035", "GL.GPXD.01", "GL.LLTP.01");
    /** The procedures imported from the shared national records (import.yaml: every one boundary-free). */
    static final List<String> IMPORTED = List.of("1.000363", "1.000911", "1.003058", "1.003702", "1.004045", "1.004327",
            "1.005095", "1.008004", "1.008672", "1.008882", "1.011033", "1.012062", "1.012168", "1.012787", "1.013377",
            "1.013395", "1.013652", "2.000324", "2.002546");
    /** Every boundary-free procedure, by code. */
    static final List<String> BOUNDARY_FREE = java.util.stream.Stream.concat(HAND_WRITTEN_BOUNDARY_FREE.stream(), IMPORTED.stream())
            .sorted().toList();

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

    static Function<String, Optional<FeeTable>> fees() {
        return TestFees.of(engine);
    }

    static Catalogue catalogue() {
        return Catalogues.catalogue(engine, fees(), AS_OF);
    }

    @Nested
    class Content {
        @Test
        void catalogue_listsEveryFullyOnlineProcedureByCode() {
            assertEquals(FULL, catalogue().fullyOnline().stream().map(CatalogueEntry::code).toList());
        }

        @Test
        void catalogue_listsEveryBoundaryFreeProcedureByCode() {
            assertEquals(BOUNDARY_FREE, catalogue().boundaryFree().stream().map(CatalogueEntry::code).toList());
        }

        @Test
        void catalogue_entryCarriesNameAgencyLevelAndDeadlineLabel() {
            CatalogueEntry hkd = catalogue().fullyOnline().stream().filter(e -> e.code().equals("1.001612")).findFirst()
                    .orElseThrow();
            assertEquals("Đăng ký thành lập hộ kinh doanh", hkd.name().vi());
            assertEquals("Cơ quan đăng ký kinh doanh cấp xã", hkd.agency().vi());
            assertEquals("03 ngày làm việc", hkd.deadlineLabel(false)); // 3 working days, FACTS §4.1 row 8
            assertEquals("3 working days", hkd.deadlineLabel(true));
        }

        @Test
        void catalogue_marksImportedUnreviewedProceduresInCsvAndHtml() {
            String csv = Catalogues.csv(catalogue(), VI);
            String row = java.util.Arrays.stream(csv.split("\r\n")).filter(l -> l.contains(",1.012787,")).findFirst().orElseThrow();
            // the mark names exactly the imported values nobody has reviewed (issue 13 item 3)
            assertTrue(row.contains("[nhập từ CSDL quốc gia, chưa rà soát: tên thủ tục, lĩnh vực"), row);
            assertTrue(row.contains("thời hạn (nộp trực tiếp)") && row.contains("phí, lệ phí (nộp trực tuyến)"), row);
            String hand = java.util.Arrays.stream(csv.split("\r\n")).filter(l -> l.contains(",2.000815,")).findFirst().orElseThrow();
            assertFalse(hand.contains("chưa rà soát"), hand);
            assertTrue(Catalogues.html(catalogue(), Locale.ENGLISH).contains("[imported from the national database, not reviewed: name, field"));
        }

        @Test
        void catalogue_engineWithoutPack_refused() {
            try (Engine empty = Motcua.engine().build()) {
                assertThrows(io.github.motcua.rules.NoPackLoadedException.class,
                        () -> Catalogues.catalogue(empty, c -> Optional.empty(), AS_OF));
            }
        }
    }

    @Nested
    class Fees {
        CatalogueEntry entry(String code) {
            return catalogue().boundaryFree().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
        }

        @Test
        void catalogue_everyListedProcedureHasItsFeeTable() {
            Catalogue c = catalogue();
            assertTrue(c.fullyOnline().stream().filter(e -> e.source() == null).allMatch(CatalogueEntry::feesKnown), c.toString());
            assertTrue(c.boundaryFree().stream().filter(e -> e.source() == null).allMatch(CatalogueEntry::feesKnown), c.toString());
            // imported procedures have the fee table the import generated only when their record states every fee
            // exactly (docs/import.md "Fees"); these eight each have a fee the import could not read
            assertEquals(java.util.Set.of("1.003058", "1.004045", "1.004327", "1.012168", "1.012787", "1.013377", "1.013652",
                    "2.000324"), c.boundaryFree().stream().filter(e -> e.source() != null && !e.feesKnown())
                    .map(CatalogueEntry::code).collect(java.util.stream.Collectors.toSet()));
            // and what the import generated is never shown as verified
            assertTrue(c.boundaryFree().stream().filter(e -> e.source() != null).flatMap(e -> e.fees().stream())
                    .noneMatch(f -> f.verified()), c.toString());
        }

        @Test
        void signatureCertification_tenThousandPerCase_TT226Art4() {
            // TT 226/2016/TT-BTC Art. 4: 10,000 đ per case, one or more signatures on one paper (FACTS §4.1 row 5).
            CatalogueEntry e = entry("2.000884");
            assertEquals("Phí chứng thực chữ ký: 10.000 đ/trường hợp", e.feesText(false));
            assertEquals("Như nộp trực tiếp", e.onlineFeesText(false));
            assertTrue(e.feeBasesText(false).startsWith("Điều 4 Thông tư 226/2016/TT-BTC"), e.feeBasesText(false));
        }

        @Test
        void certifiedCopy_tieredPerPageWithCap() {
            // TT 226/2016: 2,000 đ/page for pages 1-2, 1,000 đ/page from page 3, at most 200,000 đ per copy.
            assertEquals("Phí chứng thực bản sao từ bản chính: 2.000 đ/đơn vị cho 2 đơn vị đầu; 1.000 đ/đơn vị từ đơn vị thứ 3;"
                    + " tối đa 200.000 đ/bản", entry("2.000815").feesText(false));
        }

        /** The English catalogue and guide give the tariff in English words, not the Vietnamese tariff. */
        @Test
        void certifiedCopy_englishCatalogue_tariffInEnglish() {
            String en = entry("2.000815").feesText(true);
            assertTrue(en.endsWith(": VND 2,000 per unit for the first 2 units; VND 1,000 per unit from unit 3;"
                    + " at most VND 200,000 per copy"), en);
            assertFalse(en.contains("đ/") || en.contains("tối đa"), en);
            String guide = Catalogues.guideText(Catalogues.guide(engine, "2.000884", AS_OF), java.util.Locale.ENGLISH);
            assertTrue(guide.contains(": VND 10,000 per case"), guide);
            assertFalse(guide.contains("10.000 đ/trường hợp"), guide);
        }

        @Test
        void placeholderRate_flaggedAsNotVerified() {
            // FACTS §8: Gia Lai's business-household fee was not found; the pack's rate is a placeholder.
            assertTrue(entry("1.001612").feesText(false).endsWith("[mức thu chưa xác minh]"), entry("1.001612").feesText(false));
        }

        @Test
        void guideText_listsTheFeeWithItsBasis() {
            String t = Catalogues.guideText(Catalogues.guide(engine, "2.000884", AS_OF), VI);
            assertTrue(t.contains("4. Phí, lệ phí\n   - Phí chứng thực chữ ký: 10.000 đ/trường hợp (căn cứ: Điều 4 Thông tư 226/2016/TT-BTC"), t);
        }
    }

    @Nested
    class Csv {
        @Test
        void csv_startsWithBomAndHeaderAndEndsRowsWithCrLf() {
            String csv = Catalogues.csv(catalogue(), VI);
            assertTrue(csv.startsWith("\uFEFFDanh mục,Mã thủ tục,Tên thủ tục,"), csv.substring(0, 60));
            assertTrue(csv.contains("\"Phí, lệ phí (nộp trực tiếp)\""), "a header with a comma is quoted");
            String[] rows = csv.split("\r\n", -1);
            assertEquals(1 + FULL.size() + BOUNDARY_FREE.size() + 1, rows.length, "header, rows, then the final empty split");
            assertEquals("", rows[rows.length - 1]);
        }

        @Test
        void csv_fieldWithCommaIsQuoted() {
            String csv = Catalogues.csv(catalogue(), VI);
            assertTrue(csv.contains("Phi địa giới hành chính,2.000815,\"Chứng thực bản sao từ bản chính giấy tờ, văn bản\",Chứng thực,Cấp xã,"),
                    csv);
        }

        @Test
        void csv_english_headersAndListNamesInEnglish() {
            String csv = Catalogues.csv(catalogue(), Locale.ENGLISH);
            assertTrue(csv.startsWith("\uFEFFList,Code,Name,Field,Level,Agency,"), csv.substring(0, 40));
            assertTrue(csv.contains("\r\nFully online,1.001193,Birth registration,"), csv);
        }
    }

    @Nested
    class Json {
        @Test
        void json_stableShapeWithBothLanguages() {
            String json = Catalogues.json(catalogue());
            assertTrue(json.startsWith("{\n  \"pack\": {\n    \"id\": \"gia-lai\",\n"), json.substring(0, 80));
            assertTrue(json.contains("\"asOf\": \"2026-03-01\""), json);
            assertTrue(json.contains("\"code\": \"GL.LLTP.01\""), json);
            assertTrue(json.contains("\"label\": {\n          \"vi\": \"03 ngày làm việc\",\n          \"en\": \"3 working days\"\n"),
                    json);
            assertEquals(json, Catalogues.json(catalogue()), "same input, same bytes");
        }

        /** Issue 15: the tariffs in English beside the Vietnamese ones, which are unchanged. */
        @Test
        void json_feesDeskAndOnline_englishSiblingsBesideTheUnchangedVietnamese() {
            // the pack's tables (no online rate differs on AS_OF), then every procedure priced by a table whose
            // online rate is halved (a TT 63/2023-style row)
            FeeTable halved = FeeTextsTest.table(
                    "RATE,chu-ky,PHI,Phí chứng thực chữ ký,Signature certification,FLAT,10000,,,,,,,,,,,2017-01-01,,TT226,,\n"
                            + "REDUCE,chu-ky,,,,,,,,,,,,ONLINE,,50,,2024-01-01,2026-12-31,TT63,,Nộp trực tuyến\n");
            int fees = 0;
            int online = 0;
            for (String json : List.of(Catalogues.json(catalogue()),
                    Catalogues.json(Catalogues.catalogue(engine, code -> Optional.of(halved), AS_OF)))) {
                for (tools.jackson.databind.JsonNode e : new tools.jackson.databind.json.JsonMapper().readTree(json).get("fullyOnline")) {
                    for (tools.jackson.databind.JsonNode f : e.get("fees")) {
                        fees++;
                        assertEquals(List.of("item", "kind", "name", "desk", "online", "deskEn", "onlineEn", "basis", "verified"),
                                List.copyOf(f.propertyNames()));
                        assertTrue(f.get("desk").asString().contains(" đ"), f.toString());
                        assertTrue(f.get("deskEn").asString().contains("VND"), f.toString());
                        if (f.get("online").isNull()) {
                            assertTrue(f.get("onlineEn").isNull(), f.toString());
                        } else {
                            online++;
                            assertTrue(f.get("online").asString().startsWith("10.000 đ/trường hợp; giảm 50% ("), f.toString());
                            assertTrue(f.get("onlineEn").asString().startsWith("VND 10,000 per case; reduced by 50% ("), f.toString());
                        }
                    }
                }
            }
            assertTrue(fees > 3 && online > 0, "fees " + fees + ", online " + online);
        }

        @Test
        void json_withNationalLayers_showsNationalAndProvincialValuesPerChannel() {
            var national = io.github.motcua.catalogue.imports.NationalLayer.readAll(Path.of("packs/gia-lai"));
            String json = Catalogues.json(Catalogues.catalogue(engine, fees(), c -> Optional.ofNullable(national.get(c)), AS_OF));
            tools.jackson.databind.JsonNode root = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
            Map<String, tools.jackson.databind.JsonNode> byCode = new java.util.TreeMap<>();
            root.get("boundaryFree").forEach(e -> byCode.put(e.get("code").asString(), e));
            // 1.012787: desk 18, online 8 working days; a 0 fee whose text points to the fee law is unknown, not free
            var land = byCode.get("1.012787");
            assertEquals("PARTIAL", land.get("onlineLevel").asString());
            assertTrue(land.get("boundaryFree").asBoolean(), "Gia Lai's rule: every procedure boundary-free");
            assertFalse(land.get("boundaryFreeNational").asBoolean(), "the national record says not boundary-free");
            var desk = land.get("deadlines").valueStream().filter(d -> d.get("channel").asString().equals("DESK")).findFirst().orElseThrow();
            var online = land.get("deadlines").valueStream().filter(d -> d.get("channel").asString().equals("ONLINE")).findFirst().orElseThrow();
            assertEquals(18, desk.get("amount").asInt());
            assertEquals(8, online.get("amount").asInt());
            assertEquals("WORKING_DAYS", desk.get("unit").asString());
            assertTrue(land.get("feesByChannel").valueStream().allMatch(f -> f.get("unknown").asBoolean() && f.get("amount").isNull()));
            assertFalse(land.get("imported").get("verified").asBoolean());
            // every imported value with where it was read and its own marking; the province's boundary-free rule is not one
            var values = land.get("imported").get("values");
            var deskDeadline = values.valueStream().filter(v -> v.get("value").asString().equals("deadline.DESK")).findFirst()
                    .orElseThrow();
            assertEquals("/executionMethods/2", deskDeadline.get("from").asString());
            assertFalse(deskDeadline.get("verified").asBoolean());
            assertTrue(values.valueStream().noneMatch(v -> v.get("value").asString().equals("boundaryFree")), values.toString());
            List<String> unreviewed = land.get("imported").get("unreviewed").valueStream().map(x -> x.asString()).toList();
            assertTrue(unreviewed.containsAll(List.of("deadline.DESK", "deadline.ONLINE", "fees.DESK", "components")),
                    unreviewed.toString());
            // 1.000363 is fully online nationally (isFullProcess), so FULL
            assertEquals("FULL", byCode.get("1.000363").get("onlineLevel").asString());
            // 1.003702: unit OTHER on every channel: unknown, never 0
            assertTrue(byCode.get("1.003702").get("deadlines").valueStream()
                    .allMatch(d -> d.get("unit").asString().equals("UNKNOWN") && d.get("amount").isNull()));
            // a hand-written procedure with a record: the pack's deadline, the national one beside it
            var copy = byCode.get("2.000815");
            assertEquals("SAME_DAY", copy.get("deadlines").get(0).get("unit").asString());
            assertEquals("UNKNOWN", copy.get("deadlinesNational").get(0).get("unit").asString());
            assertTrue(copy.get("imported").isNull());
        }
    }

    @Nested
    class Html {
        @Test
        void html_bothListsWithCountsAndPrintCss() {
            String html = Catalogues.html(catalogue(), VI);
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"vi\">"), html.substring(0, 40));
            assertTrue(html.contains("1. Toàn trình (" + FULL.size() + ")"), html);
            assertTrue(html.contains("2. Phi địa giới hành chính (" + BOUNDARY_FREE.size() + ")"), html);
            assertTrue(html.contains("@media print"), html);
            assertTrue(html.contains("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"), html);
        }

        @Test
        void html_valuesAreEscaped() {
            CatalogueEntry evil = new CatalogueEntry("X.1", new io.github.motcua.rules.LocalizedText("<script>alert(1)</script> & co", null),
                    null, null, null, io.github.motcua.rules.Procedure.OnlineLevel.FULL, false, null, List.of(), false);
            Catalogue c = new Catalogue("p", "1", "P", "P", "0", AS_OF, List.of(evil), List.of());
            String html = Catalogues.html(c, VI);
            assertFalse(html.contains("<script>"), html);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), html);
        }
    }

    @Nested
    class Guide {
        @Test
        void guideText_followsArticle16Order() {
            String t = Catalogues.guideText(Catalogues.guide(engine, fees(), "2.000815", AS_OF), VI);
            int papers = t.indexOf("1. Thành phần hồ sơ phải nộp");
            int authority = t.indexOf("2. Cơ quan có thẩm quyền giải quyết");
            int process = t.indexOf("3. Trình tự và thời hạn giải quyết");
            int fee = t.indexOf("4. Phí, lệ phí");
            assertTrue(papers > 0 && papers < authority && authority < process && process < fee, t);
            assertTrue(t.contains("Bản chính giấy tờ, văn bản (xuất trình) — bản chính, số lượng 01 bản; bắt buộc"), t);
            assertTrue(t.contains("Bước 2. Ghi lời chứng, ký, đóng dấu, vào sổ chứng thực — Người thực hiện chứng thực — 02 giờ làm việc"), t);
            assertTrue(t.contains("Thời hạn giải quyết: trong ngày (căn cứ: Điều 7 Nghị định 23/2015/NĐ-CP"), t);
            assertTrue(t.contains("Hồ sơ tiếp nhận sau 15:00 được tính từ ngày làm việc tiếp theo"), t);
        }

        @Test
        void guideText_waivableComponentSaysTheDataSource() {
            String t = Catalogues.guideText(Catalogues.guide(engine, fees(), "1.001193", AS_OF), VI);
            assertTrue(t.contains("được miễn nộp nếu dữ liệu đã có trong"), t);
        }

        @Test
        void guideHtml_english_headingsInEnglish() {
            String h = Catalogues.guideHtml(Catalogues.guide(engine, fees(), "2.000815", AS_OF), Locale.ENGLISH);
            assertTrue(h.contains("<html lang=\"en\">"), h);
            assertTrue(h.contains("1. Papers to submit") && h.contains("4. Fees and charges"), h);
            assertTrue(h.contains("Certified copy from an original"), h);
        }

        /** Issue 17 item 6: what the analyst marked unverified stays unverified wherever it is published. */
        @Test
        void guideAndCatalogue_unverifiedRateOrImportedFee_printedAsNotVerified() {
            // a placeholder rate (verified=false in fees.csv)
            String birth = Catalogues.guideText(Catalogues.guide(engine, fees(), "1.001193", AS_OF), VI);
            assertTrue(birth.contains("8.000 đ/trường hợp") && birth.contains("[mức thu chưa xác minh]"), birth);
            assertTrue(Catalogues.guideHtml(Catalogues.guide(engine, fees(), "1.001193", AS_OF), VI)
                    .contains("Mức thu chưa xác minh"));
            // a fee the import generated from a national record
            String imported = Catalogues.guideText(Catalogues.guide(engine, fees(), "1.000363", AS_OF), Locale.ENGLISH);
            assertTrue(imported.contains("[rate not verified]"), imported);
            String html = Catalogues.html(catalogue(), VI);
            int row = html.indexOf("Đăng ký khai sinh");
            assertTrue(row > 0 && html.indexOf("(mức thu chưa xác minh)", row) > row, html);
        }

        @Test
        void feeTexts_anExemptionFromAnUnverifiedRow_makesThePublishedTariffUnverified() {
            io.github.motcua.law.LegalBasis b = io.github.motcua.law.LegalBasis.of("B", "Thông tư thử");
            FeeTable t = io.github.motcua.fees.FeeTables.parse("fees.csv", new java.io.ByteArrayInputStream((
                    "item,kind,nameVi,rate,basis\nphi,PHI,Phí thử,20000,B\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "fee-exemptions.csv", new java.io.ByteArrayInputStream(("item,categories,basis,verified,note\n"
                            + "phi,,B,false,Miễn cho mọi hồ sơ trong đợt thí điểm (chưa xác minh)\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)), id -> Optional.of(b),
                    io.github.motcua.fees.ExemptionCatalog.of(List.of())).orThrow();
            FeeText f = FeeTexts.of(t, "X", AS_OF).get(0);
            assertFalse(f.verified(), "the published 0 đ rests on an unverified exemption");
            assertTrue(f.summary(false).endsWith("[mức thu chưa xác minh]"), f.summary(false));
        }

        @Test
        void guide_unknownCode_noSuchProcedure() {
            NoSuchProcedureException e = assertThrows(NoSuchProcedureException.class,
                    () -> Catalogues.guide(engine, fees(), "9.999", AS_OF));
            assertEquals("9.999", e.code());
        }
    }
}
