package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The desk over plain HTTP: pages, prefill, and every kind of bad input that needs no browser. */
class DeskHttpTest {
    /** Tuesday 09/03/2027 09:00 in Vietnam (UTC+7). */
    static final Instant NOW = Instant.parse("2027-03-09T02:00:00Z");
    static DeskServer desk;

    @BeforeAll
    static void start() {
        desk = DeskServer.start(Path.of("packs/gia-lai"), 0, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> get(HttpClient c, String path) throws IOException, InterruptedException {
        return c.send(HttpRequest.newBuilder(desk.uri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(HttpClient c, String path, String body) throws IOException, InterruptedException {
        return c.send(HttpRequest.newBuilder(desk.uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "hidden field " + name);
        return m.group(1);
    }

    static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    /**
     * The one-time tokens of a freshly opened desk form page, and the receiving details every desk filing here uses:
     * at the desk, in {@code unit}, received 09/03/2027 09:00, by "Cán bộ A".
     */
    static Map<String, String> deskFiling(String page, String unit) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", hidden(page, "_csrf"));
        f.put("_token", hidden(page, "_token"));
        f.put("_channel", "DESK");
        f.put("_unit", unit);
        f.put("_receivedAt", "2027-03-09T09:00");
        f.put("_officer", "Cán bộ A");
        return f;
    }

    /** A valid certified-copy request with the tokens of a freshly opened form. */
    static Map<String, String> validCopyRequest(HttpClient c) throws IOException, InterruptedException {
        String page = get(c, "thu-tuc/2.000815").body();
        Map<String, String> f = deskFiling(page, "52-phuong-quy-nhon");
        f.put("/nguoiYeuCau/hoTen", "Trần Văn Bình");
        f.put("/tenGiayTo", "Bằng tốt nghiệp trung học phổ thông");
        f.put("/soTrang", "5");
        f.put("/soBan", "2");
        f.put("/tinhTrangBanChinh", "BINH_THUONG");
        return f;
    }

    /** A valid judicial-record request (GL.LLTP.01) with the tokens of a freshly opened desk or portal form. */
    static Map<String, String> judicialRecordRequest(HttpClient c, String formPath) throws IOException, InterruptedException {
        String page = get(c, formPath).body();
        Map<String, String> f = deskFiling(page, "52-tthcc-quy-nhon");
        f.put("/nguoiDuocCap/hoTen", "Trần Văn Bình");
        f.put("/nguoiDuocCap/soDinhDanh", "052090004321");
        f.put("/nguoiDuocCap/ngaySinh", "1990-09-02");
        f.put("/nguoiDuocCap/gioiTinh", "MALE");
        f.put("/loaiPhieu", "SO_1");
        f.put("/soPhieu", "1");
        f.put("_heldData", "CSDL_QG_DAN_CU");
        return f;
    }

    static void assertSecurityHeaders(HttpResponse<?> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(csp.matches(".*script-src[^;]*unsafe-inline.*"), csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Nested
    class Pages {
        @Test
        void index_listsProceduresGroupedByFieldInVietnamese() throws Exception {
            HttpResponse<String> r = get(client(), "");
            assertEquals(200, r.statusCode());
            assertSecurityHeaders(r);
            assertTrue(r.body().contains("Lĩnh vực: Hộ tịch"));
            assertTrue(r.body().contains("Lĩnh vực: Chứng thực"));
            assertTrue(r.body().contains("href=\"/thu-tuc/1.001193\">Đăng ký khai sinh</a>"));
        }

        /** Every procedure the index links to opens (a procedure without an e-form once answered 500). */
        @Test
        void everyProcedureLinkedFromTheIndexes_opensItsPage() throws Exception {
            HttpClient c = client();
            for (String index : List.of("", "cong-dich-vu")) {
                Matcher m = Pattern.compile("href=\"/(thu-tuc|cong-dich-vu)/([^\"]+)\"").matcher(get(c, index).body());
                int links = 0;
                while (m.find()) {
                    links++;
                    HttpResponse<String> r = get(c, m.group(1) + "/" + m.group(2));
                    assertEquals(200, r.statusCode(), m.group(0) + ": " + r.body());
                    assertTrue(r.body().contains("name=\"_token\""), m.group(0));
                }
                assertTrue(links > 5, "links on /" + index + ": " + links);
            }
        }

        @Test
        void procedureWithoutAnEForm_saysSoAndOffersTheReceivingDetailsAlone() throws Exception {
            HttpResponse<String> r = get(client(), "thu-tuc/1.008672?soDinhDanh=052090004321");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("id=\"no-form\">Thủ tục này chưa có biểu mẫu điện tử"), r.body());
            assertTrue(r.body().contains("không có biểu mẫu điện tử nên không có trường nào để điền sẵn"), r.body());
            assertTrue(r.body().contains("name=\"_unit\""), r.body());
            assertTrue(r.body().contains("<button type=\"submit\">Tiếp nhận hồ sơ</button>"), r.body());
        }

        /** The held-data checkboxes come in the order of their source codes on every run. */
        @Test
        void heldDataCheckboxes_inTheOrderOfTheirCodes() throws Exception {
            Matcher m = Pattern.compile("name=\"_heldData\" value=\"([^\"]+)\"").matcher(get(client(), "thu-tuc/1.001193").body());
            List<String> codes = new java.util.ArrayList<>();
            while (m.find()) {
                codes.add(m.group(1));
            }
            assertTrue(codes.size() >= 3, codes.toString());
            assertEquals(codes.stream().sorted().toList(), codes);
        }

        /** Issue 19 item 4: the desk points to the starting dossier that example-dossier prints. */
        @Test
        void exampleDossier_linkedFromTheIndex_servedAsJsonWithItsCodeAndPlaceholders() throws Exception {
            HttpClient c = client();
            assertTrue(get(c, "").body().contains("href=\"/ho-so-mau/1.001193\""));
            HttpResponse<String> r = get(c, "ho-so-mau/1.001193");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            tools.jackson.databind.JsonNode tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
            assertEquals("1.001193", tree.get("procedure").asString());
            assertTrue(tree.get("receivedAt").asString().startsWith("<"), r.body());
            assertTrue(tree.get("form").isObject() && tree.get("form").size() > 0, r.body());
            assertEquals(404, get(c, "ho-so-mau/9.999999").statusCode());
        }

        @Test
        void portalIndex_listsOnlyProceduresFiledOnline() throws Exception {
            String body = get(client(), "cong-dich-vu").body();
            assertTrue(body.contains("/cong-dich-vu/GL.LLTP.01"));
            assertFalse(body.contains("/cong-dich-vu/2.000815"), "2.000815 is filed at the desk only");
        }

        @Test
        void form_receivedAtDefaultsToTheServerClockInVietnamTime() throws Exception {
            String body = get(client(), "thu-tuc/2.000815").body();
            assertTrue(body.contains("name=\"_receivedAt\" value=\"2027-03-09T09:00\""), body);
        }

        @Test
        void form_personalNumberOfTheDemoRegister_prefillsTheApplicant() throws Exception {
            String body = get(client(), "thu-tuc/2.000815?soDinhDanh=052090004321").body();
            assertTrue(body.contains("value=\"Trần Văn Bình\""), body);
            assertTrue(body.contains("value=\"1990-09-02\""));
            assertTrue(body.contains("id=\"held-CSDL_QG_DAN_CU\" checked"));
        }

        @Test
        void form_unknownPersonalNumber_saysSoAndPrefillsNothing() throws Exception {
            String body = get(client(), "thu-tuc/2.000815?soDinhDanh=001099000000").body();
            assertTrue(body.contains("Không tìm thấy số định danh cá nhân [001099000000]"));
        }

        /** A number typed in groups, as the decision reads it, finds the citizen too (session 19). */
        @Test
        void form_personalNumberTypedInGroups_prefillsTheApplicant() throws Exception {
            String body = get(client(), "thu-tuc/2.000815?soDinhDanh=052+090+004+321").body();
            assertTrue(body.contains("value=\"Trần Văn Bình\""), body);
        }

        /**
         * Anything but 12 digits is said not to be a personal number, and shown cut at 20 characters: a query of 100,000
         * digits came back twice in the page (the field and the notice), 200 kB for a look-up (session 19).
         */
        @Test
        void form_notAPersonalNumber_saidSo_andNeverEchoedWhole() throws Exception {
            HttpResponse<String> r = get(client(), "thu-tuc/2.000815?soDinhDanh=" + "9".repeat(100_000));
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("Số định danh cá nhân [" + "9".repeat(20) + "…] không đúng: số định danh cá nhân gồm 12 chữ số."),
                    r.body().substring(0, Math.min(r.body().length(), 3000)));
            assertFalse(r.body().contains("9".repeat(21)), "cut at 20 characters");
            assertTrue(r.body().length() < 60_000, "the page's usual size: " + r.body().length());
            assertTrue(get(client(), "thu-tuc/2.000815?soDinhDanh=ABC").body().contains("Số định danh cá nhân [ABC] không đúng"));
        }
    }

    /** Issue 11 item 6: dossier ids are unguessable and only the session that filed a dossier sees it. */
    @Nested
    class DossierIds {
        @Test
        void ids_random128BitsAndBoundToTheFilersSession() throws Exception {
            HttpClient filer = client();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = post(filer, "thu-tuc/2.000815", form(validCopyRequest(filer)));
                assertEquals(303, r.statusCode());
                String id = r.headers().firstValue("Location").orElseThrow().substring("/ho-so/".length());
                assertTrue(id.matches("GL-20270309-[A-Za-z0-9_-]{22}"), id); // 16 bytes of SecureRandom
                ids.add(id);
            }
            assertEquals(3, ids.size());
            String id = ids.iterator().next();
            assertEquals(200, get(filer, "ho-so/" + id).statusCode());
            assertEquals(200, get(filer, "ho-so/" + id + "/giay-tiep-nhan").statusCode());
            HttpClient other = client();
            get(other, "thu-tuc/2.000815"); // another citizen with a session of their own
            for (String path : new String[] {"ho-so/" + id, "ho-so/" + id + "/giay-tiep-nhan"}) {
                HttpResponse<String> r = get(other, path);
                assertEquals(404, r.statusCode(), path);
                assertTrue(r.body().contains("Không tìm thấy hồ sơ"));
                assertFalse(r.body().contains("Trần Văn Bình"));
            }
            HttpResponse<String> noCookie = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(desk.uri().resolve("ho-so/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(404, noCookie.statusCode());
        }
    }

    @Nested
    class Submissions {
        @Test
        void validSubmission_redirectsToTheDecision() throws Exception {
            HttpClient c = client();
            HttpResponse<String> r = post(c, "thu-tuc/2.000815", form(validCopyRequest(c)));
            assertEquals(303, r.statusCode());
            String location = r.headers().firstValue("Location").orElseThrow();
            assertTrue(location.matches("/ho-so/GL-20270309-[A-Za-z0-9_-]{22}"), location);
            HttpResponse<String> page = get(c, location.substring(1));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("data-eligibility=\"ELIGIBLE\""));
            assertTrue(page.body().contains("Trần Văn Bình"));
            assertTrue(page.body().contains("09 giờ 00 phút, ngày 09/03/2027"));
        }

        @Test
        void procedureWithoutAnEForm_filedOnItsReceivingDetails_andDecided() throws Exception {
            HttpClient c = client();
            String page = get(c, "thu-tuc/1.008672").body();
            Map<String, String> f = deskFiling(page, "52-tthcc-quy-nhon");
            HttpResponse<String> r = post(c, "thu-tuc/1.008672", form(f));
            assertEquals(303, r.statusCode(), r.body());
            String decision = get(c, r.headers().firstValue("Location").orElseThrow().substring(1)).body();
            // no eligibility rules in the pack for it: the officer is told to check by the official text
            assertTrue(decision.contains("data-eligibility=\"NOT_ASSESSED\""), decision);
            assertTrue(decision.contains("Đơn đề nghị khai thác"), decision);
            assertTrue(decision.contains("Trung tâm Phục vụ hành chính công tỉnh Gia Lai"), decision);
        }

        @Test
        void receipt_listsTheTickedComponents_orEveryRequiredOneWhenNoneIsTicked() throws Exception {
            HttpClient c = client();
            String location = post(c, "thu-tuc/2.000815", form(validCopyRequest(c))).headers().firstValue("Location").orElseThrow();
            String original = "Bản chính giấy tờ, văn bản (xuất trình)";
            String copy = "Bản sao cần chứng thực (hoặc đề nghị cơ quan chụp từ bản chính)";
            HttpResponse<String> ticked = get(c, location.substring(1) + "/giay-tiep-nhan?daNhan=ban-chinh&daNhan=khong-co");
            assertEquals(200, ticked.statusCode());
            assertSecurityHeaders(ticked);
            assertTrue(ticked.body().contains("<h1>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</h1>"), ticked.body());
            assertTrue(ticked.body().contains(original));
            assertFalse(ticked.body().contains(copy), "not ticked, not received");
            assertTrue(ticked.body().contains("<script src=\"/static/print.js\"></script>"));
            String all = get(c, location.substring(1) + "/giay-tiep-nhan").body();
            assertTrue(all.contains(original) && all.contains(copy));
        }

        @Test
        void timeline_showsEveryStepWithItsOwnerAndDue_linkedFromTheDecision() throws Exception {
            HttpClient c = client();
            String location = post(c, "thu-tuc/2.000815", form(validCopyRequest(c))).headers().firstValue("Location").orElseThrow();
            assertTrue(get(c, location.substring(1)).body().contains("href=\"" + location + "/tien-do\""));
            HttpResponse<String> t = get(c, location.substring(1) + "/tien-do");
            assertEquals(200, t.statusCode(), t.body());
            assertSecurityHeaders(t);
            assertTrue(t.body().contains("<h1>Tiến độ xử lý hồ sơ " + location.substring("/ho-so/".length()) + "</h1>"), t.body());
            assertTrue(t.body().contains("<table id=\"timeline\">"), t.body());
            assertTrue(t.body().contains("data-step=\"tiep-nhan\""), t.body());
            assertTrue(t.body().contains("<td>Bộ phận Một cửa</td>"), t.body());
            assertTrue(t.body().contains("data-state=\""), t.body());
            assertEquals(404, get(c, location.substring(1) + "/khong-co").statusCode());
        }

        @Test
        void timeline_recordedEventsMoveTheStepsAndTheDossierState() throws Exception {
            HttpClient c = client();
            String location = post(c, "thu-tuc/2.000815", form(validCopyRequest(c))).headers().firstValue("Location").orElseThrow();
            String path = location.substring(1) + "/tien-do";
            String page = get(c, path).body();
            assertTrue(page.contains("id=\"events-none\""), page);
            assertTrue(page.contains("data-state=\"PROCESSING_ON_TIME\""), page);
            String csrf = hidden(page, "_csrf");
            for (String step : List.of("tiep-nhan", "chung-thuc", "tra-ket-qua")) {
                for (String event : List.of("STARTED", "FINISHED")) {
                    HttpResponse<String> r = post(c, path, form(Map.of("_csrf", csrf, "buoc", step, "suKien", event,
                            "luc", "2027-03-09T09:00", "nguoi", "Cán bộ A")));
                    assertEquals(303, r.statusCode(), r.body());
                    assertEquals(location + "/tien-do", r.headers().firstValue("Location").orElseThrow());
                }
            }
            String after = get(c, path).body();
            assertTrue(after.contains("<table id=\"events\">"), after);
            assertEquals(6, after.split("<tr data-event=", -1).length - 1, after);
            assertTrue(after.contains("data-state=\"RETURNED_ON_TIME\""), after);
            assertTrue(after.contains("Hoàn thành đúng hạn"), after);
            assertTrue(after.contains("<td>Cán bộ A</td>"), after);
            // the events name their step as the officer knows it, not by its id in the pack
            String log = after.substring(after.indexOf("<table id=\"events\">"), after.indexOf("</table>", after.indexOf("<table id=\"events\">")));
            assertTrue(log.contains("<td>Tiếp nhận, đối chiếu bản chính</td><td>Bắt đầu xử lý</td>"), log);
            assertFalse(log.contains("<td>tiep-nhan</td>"), log);
        }

        @Test
        void timeline_badEventsAreRefusedWithTheReason_andNothingIsRecorded() throws Exception {
            HttpClient c = client();
            String location = post(c, "thu-tuc/2.000815", form(validCopyRequest(c))).headers().firstValue("Location").orElseThrow();
            String path = location.substring(1) + "/tien-do";
            String csrf = hidden(get(c, path).body(), "_csrf");
            HttpResponse<String> unknownStep = post(c, path, form(Map.of("_csrf", csrf, "buoc", "khong-co", "suKien", "STARTED", "luc", "2027-03-09T09:00")));
            assertEquals(422, unknownStep.statusCode());
            assertTrue(unknownStep.body().contains("Bước xử lý [khong-co] không có trong quy trình"), unknownStep.body());
            HttpResponse<String> future = post(c, path, form(Map.of("_csrf", csrf, "buoc", "tiep-nhan", "suKien", "STARTED", "luc", "2027-03-10T09:00")));
            assertEquals(422, future.statusCode());
            assertTrue(future.body().contains("ở tương lai"), future.body());
            HttpResponse<String> badTime = post(c, path, form(Map.of("_csrf", csrf, "buoc", "tiep-nhan", "suKien", "STARTED", "luc", "09/03/2027")));
            assertEquals(422, badTime.statusCode());
            // in words an officer reads, with an example at the desk's clock, not a java.time pattern
            assertTrue(badTime.body().contains("Thời điểm [09/03/2027] không hợp lệ: nhập ngày giờ theo mẫu năm-tháng-ngàyTgiờ:phút, "
                    + "giờ Việt Nam, ví dụ 2027-03-09T09:00."), badTime.body());
            assertFalse(badTime.body().contains("yyyy"), badTime.body());
            HttpResponse<String> badEvent = post(c, path, form(Map.of("_csrf", csrf, "buoc", "tiep-nhan", "suKien", "DONE", "luc", "2027-03-09T09:00")));
            assertEquals(422, badEvent.statusCode());
            HttpResponse<String> forged = post(c, path, form(Map.of("_csrf", "x" + csrf, "buoc", "tiep-nhan", "suKien", "STARTED", "luc", "2027-03-09T09:00")));
            assertEquals(403, forged.statusCode());
            HttpResponse<String> otherSession = post(client(), path, form(Map.of("_csrf", csrf, "buoc", "tiep-nhan", "suKien", "STARTED", "luc", "2027-03-09T09:00")));
            assertEquals(404, otherSession.statusCode());
            assertTrue(get(c, path).body().contains("id=\"events-none\""), "no refused event may be recorded");
        }

        @Test
        void heldPopulationData_identityPaperWaivedWithItsSourceAndNoCheckboxToTick() throws Exception {
            HttpClient c = client();
            String location = post(c, "thu-tuc/GL.LLTP.01", form(judicialRecordRequest(c, "thu-tuc/GL.LLTP.01")))
                    .headers().firstValue("Location").orElseThrow();
            String page = get(c, location.substring(1)).body();
            assertTrue(page.contains("<input type=\"checkbox\" id=\"tp-giay-to-tuy-than\" disabled>"), page);
            assertTrue(page.contains("Miễn nộp – dữ liệu lấy từ CSDL_QG_DAN_CU"));
            assertTrue(page.contains("<input type=\"checkbox\" id=\"tp-to-khai\" name=\"daNhan\" value=\"to-khai\""),
                    "the form itself is still to tick");
        }

        /** Issue 18 item 1: a result an earlier procedure issued, held in the citizen's data store, replaces a paper. */
        @Test
        void heldLandCertificate_permitWaivesTheLandPaper_andTheOfficerSeesWhatToDigitise() throws Exception {
            HttpClient c = client();
            String formPage = get(c, "thu-tuc/GL.GPXD.01").body();
            assertTrue(formPage.contains("value=\"1.013978/giay-chung-nhan\""), "the desk offers the held result");
            Map<String, String> f = deskFiling(formPage, "52-phuong-pleiku");
            f.put("/chuDauTu/hoTen", "Nguyễn Văn Trung");
            f.put("/chuDauTu/soDinhDanh", "064080002468");
            f.put("/chuDauTu/ngaySinh", "1980-04-04");
            f.put("/chuDauTu/gioiTinh", "MALE");
            f.put("/thuaDat/maXa", "52-phuong-pleiku");
            f.put("/thuaDat/soThua", "245");
            f.put("/thuaDat/soToBanDo", "18");
            f.put("/thuaDat/dienTich", "120.5");
            f.put("/khuVuc", "DO_THI");
            f.put("/congTrinh/soTang", "3");
            f.put("/congTrinh/dienTichXayDung", "96");
            f.put("/congTrinh/tongDienTichSan", "288");
            f.put("/coCongTrinhLienKe", "false");
            f.put("_heldData", "1.013978/giay-chung-nhan");
            HttpResponse<String> r = post(c, "thu-tuc/GL.GPXD.01", form(f));
            assertEquals(303, r.statusCode(), r.body());
            String page = get(c, r.headers().firstValue("Location").orElseThrow().substring(1)).body();
            assertTrue(page.contains("<input type=\"checkbox\" id=\"tp-giay-to-quyen-su-dung-dat\" disabled>"), page);
            assertTrue(page.contains("Miễn nộp – tái sử dụng Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất"
                    + " do thủ tục 1.013978 cấp"), page);
            assertTrue(page.contains("<ol id=\"to-digitise\"><li data-component=\"don-de-nghi\">"), page);
            String toDigitise = page.substring(page.indexOf("<ol id=\"to-digitise\">"), page.indexOf("</ol>", page.indexOf("<ol id=\"to-digitise\">")));
            assertFalse(toDigitise.contains("giay-to-quyen-su-dung-dat"), "a reused paper is not digitised: " + toDigitise);
            assertTrue(toDigitise.contains("data-component=\"ban-ve-thiet-ke\""), toDigitise);
            assertTrue(page.contains("<ul id=\"reused\"><li data-component=\"giay-to-quyen-su-dung-dat\">"), page);
        }

        /** Issue 19 item 5: a personal number typed in groups is decided on, and the page shows how it was read. */
        @Test
        void typedPersonalNumber_decidedAndShownBesideItsCanonicalForm() throws Exception {
            HttpClient c = client();
            Map<String, String> f = judicialRecordRequest(c, "thu-tuc/GL.LLTP.01");
            f.put("/nguoiDuocCap/soDinhDanh", "052 090 004 321");
            String location = post(c, "thu-tuc/GL.LLTP.01", form(f)).headers().firstValue("Location").orElseThrow();
            String page = get(c, location.substring(1)).body();
            assertTrue(page.contains("data-eligibility=\"ELIGIBLE\""), page);
            // the field by its labels as the form shows them (session 19; the JSON pointer, unreadable to an officer, until then)
            assertTrue(page.contains("<li data-pointer=\"/nguoiDuocCap/soDinhDanh\">Người được cấp Phiếu lý lịch tư pháp › "
                    + "Số định danh cá nhân: đã nhập «052 090 004 321», đọc là <strong>052090004321</strong></li>"), page);
        }

        @Test
        void portal_citizenCannotClaimHeldDataOrChooseTheChannel() throws Exception {
            HttpClient c = client();
            String page0 = get(c, "cong-dich-vu/2.000635").body();
            Map<String, String> f = new LinkedHashMap<>();
            f.put("_csrf", hidden(page0, "_csrf"));
            f.put("_token", hidden(page0, "_token"));
            f.put("/nguoiYeuCau/hoTen", "Trần Văn Bình");
            f.put("/quanHeVoiNguoiCoSuKien", "BAN_THAN");
            f.put("/loaiSuKien", "KHAI_SINH");
            f.put("/nguoiCoSuKien/hoTen", "Trần Văn Bình");
            f.put("/soBan", "1");
            f.put("_unit", "52-phuong-quy-nhon");
            f.put("_channel", "DESK");
            f.put("_heldData", "CSDL_QG_DAN_CU");
            HttpResponse<String> r = post(c, "cong-dich-vu/2.000635", form(f));
            assertEquals(303, r.statusCode(), r::body);
            String page = get(c, r.headers().firstValue("Location").orElseThrow().substring(1)).body();
            assertTrue(page.contains("<span id=\"channel\">Trực tuyến</span>"), page);
            assertFalse(page.contains("Miễn nộp"), "held data is not the citizen's to claim: " + page);
        }

        @Test
        void channelTheProcedureDoesNotAccept_ineligibleWithReasonAndBasis_noReceipt() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            f.put("_channel", "POST");
            String location = post(c, "thu-tuc/2.000815", form(f)).headers().firstValue("Location").orElseThrow();
            String page = get(c, location.substring(1)).body();
            assertTrue(page.contains("data-eligibility=\"INELIGIBLE\""), page);
            assertTrue(page.matches("(?s).*<ul class=\"reasons\"><li>[^<]+ <span class=\"basis\">Căn cứ: [^<]*Nghị định 23/2015.*"), page);
            assertFalse(page.contains("id=\"print-receipt\""));
            assertEquals(409, get(c, location.substring(1) + "/giay-tiep-nhan").statusCode());
        }

        @Test
        void doubleSubmit_secondPostShowsTheFirstResult() throws Exception {
            HttpClient c = client();
            String body = form(validCopyRequest(c));
            String first = post(c, "thu-tuc/2.000815", body).headers().firstValue("Location").orElseThrow();
            HttpResponse<String> second = post(c, "thu-tuc/2.000815", body);
            assertEquals(303, second.statusCode());
            assertEquals(first, second.headers().firstValue("Location").orElseThrow());
            String other = post(c, "thu-tuc/2.000815", form(validCopyRequest(c))).headers().firstValue("Location").orElseThrow();
            assertNotEquals(first, other, "a fresh form is a new dossier");
        }

        @Test
        void missingRequiredFields_422WithMessagesAndTypedDataKept() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            f.remove("/tenGiayTo");
            f.put("/nguoiYeuCau/hoTen", "Lê Thị Thu");
            HttpResponse<String> r = post(c, "thu-tuc/2.000815", form(f));
            assertEquals(422, r.statusCode());
            assertTrue(r.body().contains("Vui lòng nhập Tên giấy tờ, văn bản."), r.body());
            assertTrue(r.body().contains("value=\"Lê Thị Thu\""));
            assertTrue(r.body().contains("value=\"Cán bộ A\""), "circumstances kept too");
            assertEquals(f.get("_token"), hidden(r.body(), "_token"), "the same one-time token stays usable");
        }

        @Test
        void badCircumstances_reportedBesideTheirFields() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            f.put("_unit", "52-khong-co");
            f.put("_receivedAt", "hôm qua");
            HttpResponse<String> r = post(c, "thu-tuc/2.000815", form(f));
            assertEquals(422, r.statusCode());
            assertTrue(r.body().contains("Đơn vị tiếp nhận [52-khong-co] không có trong danh sách."));
            assertTrue(r.body().contains("Thời điểm tiếp nhận [hôm qua] không đúng dạng ngày giờ."));
            assertTrue(r.body().contains("value=\"hôm qua\""));
        }

        /**
         * A received-at time in the future, or a slip of the keyboard such as 1990 or 0001 for the year, was filed: the
         * dossier got an undecidable decision whose only reason was the calendar's range ("Ngày phải nằm trong khoảng
         * 1900-01-01..2199-12-31"). Now it is refused beside the field; a dossier received up to a year ago is filed.
         */
        @Test
        void receivedAt_inTheFutureOrOverAYearBack_refusedBesideTheField_withinAYearFiled() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            f.put("_receivedAt", "0001-01-01T09:00");
            HttpResponse<String> old = post(c, "thu-tuc/2.000815", form(f));
            assertEquals(422, old.statusCode(), old.body());
            assertTrue(old.body().contains("Thời điểm tiếp nhận 09:00 ngày 01/01/0001 sớm hơn một năm trước (trước 09:00 ngày 09/03/2026): "
                    + "kiểm tra lại năm."), old.body());
            assertTrue(old.body().contains("value=\"0001-01-01T09:00\""), "what was typed is kept");
            f.put("_receivedAt", "2027-03-10T09:00");
            HttpResponse<String> future = post(c, "thu-tuc/2.000815", form(f));
            assertEquals(422, future.statusCode());
            assertTrue(future.body().contains("Thời điểm tiếp nhận 09:00 ngày 10/03/2027 ở tương lai (đồng hồ của máy chủ đang là "
                    + "09:00 ngày 09/03/2027): kiểm tra lại ngày giờ."), future.body());
            f.put("_receivedAt", "2026-03-10T09:00"); // a dossier received by post and typed in late
            HttpResponse<String> late = post(c, "thu-tuc/2.000815", form(f));
            assertEquals(303, late.statusCode(), late.body());
            assertTrue(get(c, late.headers().firstValue("Location").orElseThrow().substring(1)).body().contains("ngày 10/03/2026"));
        }

        /**
         * An undecidable dossier's page said its appointment and fees could not be computed because the working calendar
         * and the fee table were "not wired into the decision" — untrue, and no help to the officer. It now says why.
         */
        @Test
        void undecidableDecision_saysWhyNoAppointmentAndNoFees_notThatTheCalendarIsMissing() {
            io.github.motcua.rules.Engine engine = desk.ownedEngine();
            io.github.motcua.rules.Dossier dossier = io.github.motcua.rules.Dossier.builder("2.000815",
                    io.github.motcua.dossier.Channel.DESK, java.time.OffsetDateTime.parse("1990-06-01T09:00+07:00"))
                    .unit("52-phuong-quy-nhon").form(Map.of("nguoiYeuCau", Map.of("hoTen", "Trần Văn Bình"),
                            "tenGiayTo", "Bằng", "soTrang", 5, "soBan", 2, "tinhTrangBanChinh", "BINH_THUONG")).build();
            io.github.motcua.rules.Decision decision = engine.decide(dossier);
            assertEquals(io.github.motcua.rules.Eligibility.INDETERMINATE, decision.eligibility(), decision.toJson());
            Filing f = new Filing("GL-19900601-x", engine.catalog().stream().filter(p -> p.code().equals("2.000815")).findFirst()
                    .orElseThrow(), false, dossier, decision, engine.units().stream().filter(u -> u.code().equals("52-phuong-quy-nhon"))
                    .findFirst().orElseThrow(), "Cán bộ A", Map.of(), "s", new Filing.Events());
            String page = DecisionPage.render(f, new FieldLabels(engine.forms().orElseThrow()));
            assertFalse(page.contains("chưa được tích hợp"), page);
            assertTrue(page.contains("Chưa hẹn ngày trả kết quả: chưa xác định được hồ sơ có đủ điều kiện hay không "
                    + "(lý do ở mục Điều kiện thực hiện)."), page);
            assertTrue(page.contains("Chưa tính phí, lệ phí: chưa xác định được hồ sơ có đủ điều kiện hay không"), page);
        }

        @Test
        void scriptInAField_isEscapedOnEveryPage() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            f.put("/nguoiYeuCau/hoTen", "<script>alert(1)</script>");
            f.remove("/tenGiayTo");
            HttpResponse<String> invalid = post(c, "thu-tuc/2.000815", form(f));
            assertFalse(invalid.body().contains("<script>alert"), "re-rendered form");
            assertTrue(invalid.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            f.put("/tenGiayTo", "\"><img src=x onerror=alert(2)>");
            String location = post(c, "thu-tuc/2.000815", form(f)).headers().firstValue("Location").orElseThrow();
            String decision = get(c, location.substring(1)).body();
            assertFalse(decision.contains("<script>alert"));
            assertTrue(decision.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        }
    }

    @Nested
    class BadRequests {
        @Test
        void unknownProcedure_404InVietnamese() throws Exception {
            HttpResponse<String> r = get(client(), "thu-tuc/9.999999");
            assertEquals(404, r.statusCode());
            assertSecurityHeaders(r);
            assertTrue(r.body().contains("Không tìm thấy thủ tục"));
            assertTrue(r.body().contains("[9.999999]"));
        }

        @Test
        void unknownPathAndDossier_404() throws Exception {
            assertEquals(404, get(client(), "khong-co-trang-nay").statusCode());
            HttpResponse<String> r = get(client(), "ho-so/GL-00000000-99999");
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("Không tìm thấy hồ sơ"));
        }

        @Test
        void deskOnlyProcedureOnThePortal_404SaysToFileAtTheDesk() throws Exception {
            HttpResponse<String> r = get(client(), "cong-dich-vu/2.000815");
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("vui lòng nộp tại Bộ phận Một cửa"));
        }

        @Test
        void wrongMethod_405WithAllow() throws Exception {
            HttpClient c = client();
            HttpResponse<String> put = c.send(HttpRequest.newBuilder(desk.uri().resolve("thu-tuc/2.000815"))
                    .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, put.statusCode());
            assertEquals("GET, HEAD, POST", put.headers().firstValue("Allow").orElseThrow());
            assertTrue(put.body().contains("Phương thức không được hỗ trợ"));
            HttpResponse<String> postIndex = post(c, "", "a=b");
            assertEquals(405, postIndex.statusCode());
            assertEquals("GET, HEAD", postIndex.headers().firstValue("Allow").orElseThrow());
        }

        /**
         * HEAD answers as GET does, without a body (RFC 9110 §9.3.2: a server that supports GET supports HEAD): it was
         * 405 on every page. The same status and header fields (the JDK's server leaves out Content-Length on a HEAD
         * answer, which §9.3.2 allows), and a page that does not exist is still 404.
         */
        @Test
        void head_answersAsGetWithoutABody() throws Exception {
            HttpClient c = client();
            for (String path : new String[] {"", "cong-dich-vu", "thu-tuc/2.000815", "huong-dan/2.000815", "ho-so-mau/2.000815",
                    "static/desk.css", "khong-co-trang-nay"}) {
                HttpResponse<String> g = get(c, path);
                HttpResponse<String> h = c.send(HttpRequest.newBuilder(desk.uri().resolve(path))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(g.statusCode(), h.statusCode(), path);
                assertEquals("", h.body(), path);
                assertEquals(g.headers().firstValue("Content-Type"), h.headers().firstValue("Content-Type"), path);
                assertEquals(g.headers().firstValue("Content-Security-Policy"), h.headers().firstValue("Content-Security-Policy"),
                        path);
                assertTrue(g.body().length() > 0, path);
            }
        }

        @Test
        void oversizedBody_413InVietnamese() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            f.put("/tenGiayTo", "a".repeat(1_200_000));
            HttpResponse<String> r = post(c, "thu-tuc/2.000815", form(f));
            assertEquals(413, r.statusCode());
            assertTrue(r.body().contains("vượt quá giới hạn 1 MB"));
        }

        @Test
        void malformedEncoding_400() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            HttpResponse<String> badPercent = post(c, "thu-tuc/2.000815", form(f) + "&%2Fsai=%ZZ");
            assertEquals(400, badPercent.statusCode());
            assertTrue(badPercent.body().contains("không đúng định dạng"));
            HttpResponse<String> badUtf8 = post(c, "thu-tuc/2.000815", form(f) + "&%2FtenGiayTo=%C3%28");
            assertEquals(400, badUtf8.statusCode());
        }

        @Test
        void foreignHostHeader_421() throws Exception {
            int port = desk.uri().getPort();
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example:" + port
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 421"), response);
                assertTrue(response.contains("Địa chỉ máy chủ không hợp lệ"));
            }
        }

        @Test
        void wrongContentType_415() throws Exception {
            HttpClient c = client();
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(desk.uri().resolve("thu-tuc/2.000815"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(415, r.statusCode());
        }

        @Test
        void missingOrWrongCsrfToken_403WithTypedDataKept() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            f.put("_csrf", "gia-mao-yeu-cau-tu-trang-khac");
            f.put("/nguoiYeuCau/hoTen", "Phạm Thị Lan");
            HttpResponse<String> r = post(c, "thu-tuc/2.000815", form(f));
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("mã chống giả mạo yêu cầu không khớp"));
            assertTrue(r.body().contains("value=\"Phạm Thị Lan\""));
            HttpResponse<String> noCookie = post(client(), "thu-tuc/2.000815", form(validCopyRequest(c)));
            assertEquals(403, noCookie.statusCode());
        }

        @Test
        void unknownFormToken_409WithDataKeptAndANewToken() throws Exception {
            HttpClient c = client();
            Map<String, String> f = validCopyRequest(c);
            f.put("_token", "khong-phai-ma-da-cap");
            HttpResponse<String> r = post(c, "thu-tuc/2.000815", form(f));
            assertEquals(409, r.statusCode());
            assertTrue(r.body().contains("value=\"Trần Văn Bình\""));
            String fresh = hidden(r.body(), "_token");
            assertNotNull(fresh);
            f.put("_token", fresh);
            assertEquals(303, post(c, "thu-tuc/2.000815", form(f)).statusCode());
        }
    }
}
