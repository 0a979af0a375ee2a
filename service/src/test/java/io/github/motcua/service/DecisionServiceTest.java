package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.motcua.calendar.CutOff;
import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineRequest;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.dossier.Channel;
import io.github.motcua.kernel.BundleKeys;
import io.github.motcua.kernel.Problem;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as a portal meets it, over real HTTP: every answer here is also checked against
 * /openapi.json and for stack traces by {@link Client}.
 */
class DecisionServiceTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path dir;
    static DecisionService service;
    static Engine library;
    static Client client;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("motcua-service-test");
        Path pack = TestPacks.small(dir);
        service = DecisionService.builder(pack).clock(TestPacks.CLOCK).start();
        assertTrue(service.initialLoad().ok(), () -> service.initialLoad().problems().toString());
        library = Motcua.engine().clock(TestPacks.CLOCK).build();
        assertTrue(library.load(pack).ok());
        client = new Client(service.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
        library.close();
        TestPacks.delete(dir);
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    static String sha() {
        return service.pack().orElseThrow().sha256();
    }

    @Nested
    class Decisions {
        @Test
        void decide_validDossier_answersExactlyTheLibrarysJson() {
            for (String name : List.of("khai-sinh-sau-15-gio", "ket-hon-chu-re-chua-du-20-tuoi", "chung-thuc-ban-sao-300-trang")) {
                String dossier = TestPacks.dossier(name);
                HttpResponse<String> r = client.post("/decisions", dossier);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(library.decide(dossier).toJson() + "\n", r.body(), name);
                assertEquals(sha(), r.headers().firstValue(Api.PACK_HEADER).orElseThrow());
                assertEquals(sha(), json(r).get("provenance").get("packSha256").asString());
            }
        }

        @Test
        void decide_invalidForm_isStillA200Decision_IndeterminateWithTheFieldsAtFault() {
            String dossier = TestPacks.dossier("khai-sinh-sau-15-gio").replace("\"soDienThoai\": \"0912345678\"", "\"soDienThoai\": \"12345\"");
            HttpResponse<String> r = client.post("/decisions", dossier);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode d = json(r);
            assertEquals("INDETERMINATE", d.get("eligibility").asString());
            assertFalse(d.get("form").get("valid").asBoolean());
            assertEquals(library.decide(dossier).toJson() + "\n", r.body());
        }

        @Test
        void explain_givesTheDecisionAndItsExplanationInTheAskedLanguage() {
            String dossier = TestPacks.dossier("ket-hon-chu-re-chua-du-20-tuoi");
            JsonNode vi = json(client.post("/decisions/explain", dossier));
            JsonNode en = json(client.post("/decisions/explain", dossier, "en-GB,en;q=0.9"));
            assertEquals(JSON.readTree(library.decide(dossier).toJson()), vi.get("decision"));
            assertEquals("vi", vi.get("language").asString());
            assertTrue(vi.get("explanation").asString().contains("Kết quả"), vi.toString());
            assertEquals("en", en.get("language").asString());
            assertTrue(en.get("explanation").asString().contains("Outcome"), en.toString());
        }

        @Test
        void decide_malformedJson_is400WithWhereItStopped() {
            HttpResponse<String> r = client.post("/decisions", "{\"procedure\": \"1.001193\",\n \"channel\": }");
            assertEquals(400, r.statusCode());
            JsonNode p = json(r);
            assertEquals("MALFORMED_JSON", p.get("code").asString());
            assertTrue(p.get("detail").asString().contains("dòng 2"), p.toString());
            // what is wrong there, in the kernel's plain words, as one errors[] item (session 19)
            JsonNode what = p.get("errors").get(0);
            assertEquals("JSON_SYNTAX", what.get("code").asString(), p.toString());
            assertTrue(what.get("detail").asString().startsWith("Thiếu giá trị sau dấu hai chấm (gặp dấu })"), p.toString());
            assertEquals(2, what.get("line").asInt());
            assertEquals(13, what.get("column").asInt());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        }

        @Test
        void decide_duplicateKeyOrTrailingGarbage_is400() {
            assertEquals("DUPLICATE_KEY", json(client.post("/decisions", "{\"procedure\":\"a\",\"procedure\":\"b\"}")).get("code").asString());
            assertEquals(400, client.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio") + " {}").statusCode());
        }

        @Test
        void decide_nestedBeyondTheLibrarysDepth_is400() {
            String deep = "{\"form\":" + "[".repeat(200) + "]".repeat(200) + "}";
            HttpResponse<String> r = client.post("/decisions", deep);
            assertEquals(400, r.statusCode());
            assertEquals("JSON_LIMIT", json(r).get("code").asString());
        }

        @Test
        void decide_invalidUtf8OrByteOrderMark_is400() {
            byte[] latin1 = "{\"procedure\":\"Nguy\u1ec5n\"}".getBytes(StandardCharsets.UTF_16LE);
            assertEquals("NOT_UTF8", json(client.sendBytes("POST", "/decisions", latin1, "application/json")).get("code").asString());
            byte[] bom = ("\uFEFF" + TestPacks.dossier("khai-sinh-sau-15-gio")).getBytes(StandardCharsets.UTF_8);
            assertEquals("NOT_UTF8", json(client.sendBytes("POST", "/decisions", bom, "application/json")).get("code").asString());
        }

        @Test
        void decide_unknownProcedure_is404NamingTheCode() {
            String dossier = TestPacks.dossier("khai-sinh-sau-15-gio").replace("\"1.001193\"", "\"9.999999\"");
            HttpResponse<String> r = client.post("/decisions", dossier, "en");
            assertEquals(404, r.statusCode());
            JsonNode p = json(r);
            assertEquals("UNKNOWN_PROCEDURE", p.get("code").asString());
            assertEquals("The serving pack has no procedure with the code [9.999999].", p.get("detail").asString());
            assertEquals(sha(), p.get("packSha256").asString());
        }

        @Test
        void decide_validJsonButNotADossier_is422WithThePointerAtFault() {
            String dossier = TestPacks.dossier("khai-sinh-sau-15-gio").replace("\"DESK\"", "\"FAX\"");
            HttpResponse<String> r = client.post("/decisions", dossier);
            assertEquals(422, r.statusCode());
            JsonNode p = json(r);
            assertEquals("INVALID_DOSSIER", p.get("code").asString());
            assertEquals("/channel", p.get("errors").get(0).get("pointer").asString(), p.toString());
            String unit = TestPacks.dossier("khai-sinh-sau-15-gio").replace("\"52-xa-ia-o\",\n  \"applicant\"", "\"52-xa-khong-co\",\n  \"applicant\"");
            JsonNode q = json(client.post("/decisions", unit, "en"));
            assertEquals("/unit", q.get("errors").get(0).get("pointer").asString(), q.toString());
            assertTrue(q.get("errors").get(0).get("detail").asString().startsWith("unknown receiving unit"), q.toString());
        }

        /**
         * An applicant's residence unit the pack does not list: refused (its residence exemptions could not be
         * checked), with the library's code, the pointer, and the value's line and column, Vietnamese first.
         */
        @Test
        void decide_unknownResidenceUnit_is422AtTheResidenceField() {
            String dossier = TestPacks.dossier("khai-sinh-sau-15-gio").replace("\"residenceUnit\": \"52-xa-ia-o\"",
                    "\"residenceUnit\": \"52-xa-ia-0\"");
            HttpResponse<String> r = client.post("/decisions", dossier, "vi");
            assertEquals(422, r.statusCode(), r.body());
            JsonNode p = json(r);
            assertEquals("INVALID_DOSSIER", p.get("code").asString());
            JsonNode item = p.get("errors").get(0);
            assertEquals(1, p.get("errors").size(), p.toString());
            assertEquals("UNKNOWN_RESIDENCE_UNIT", item.get("code").asString(), p.toString());
            assertEquals("/applicant/residenceUnit", item.get("pointer").asString());
            assertEquals(12, item.get("line").asInt(), p.toString());
            assertEquals(22, item.get("column").asInt(), p.toString());
            assertTrue(item.get("detail").asString().startsWith("đơn vị cư trú [52-xa-ia-0] của người yêu cầu không có trong"
                    + " units.yaml: không xét được các khoản miễn, giảm phí, lệ phí"), p.toString());
            JsonNode en = json(client.post("/decisions", dossier, "en")).get("errors").get(0);
            assertTrue(en.get("detail").asString().startsWith("unknown residence unit [52-xa-ia-0]"), en.toString());
        }

        @Test
        void decide_notADossier_itemsAreTheLibrarysProblems_codePointerAndBothLanguages() {
            String dossier = TestPacks.dossier("khai-sinh-sau-15-gio").replace("\"DESK\"", "\"FAX\"");
            List<Problem> expected;
            try {
                library.decide(dossier);
                throw new AssertionError("the library accepted a dossier with channel FAX");
            } catch (InvalidDossierException e) {
                expected = e.toProblems();
            }
            JsonNode vi = json(client.post("/decisions", dossier, "vi"));
            JsonNode en = json(client.post("/decisions", dossier, "en"));
            assertEquals(expected.size(), vi.get("errors").size(), vi.toString());
            for (int i = 0; i < expected.size(); i++) {
                Problem p = expected.get(i);
                assertEquals(p.pointer(), vi.get("errors").get(i).get("pointer").asString());
                assertEquals(p.code().name(), vi.get("errors").get(i).get("code").asString());
                assertEquals(p.code().name(), en.get("errors").get(i).get("code").asString());
                assertEquals(p.messageVi(), vi.get("errors").get(i).get("detail").asString());
                assertEquals(p.messageEn(), en.get("errors").get(i).get("detail").asString());
            }
        }

        @Test
        void requestFieldChecks_areCodedItemsFromTheBundle_inTheAskedLanguage() {
            String body = "{\"receivedAt\":\"2026-02-13T15:30:00+07:00\",\"channel\":\"FAX\",\"limit\":{\"amount\":3,\"unit\":\"WORKING_DAYS\"}}";
            JsonNode vi = json(client.post("/deadlines", body, "vi"));
            JsonNode en = json(client.post("/deadlines", body, "en"));
            JsonNode item = vi.get("errors").get(0);
            assertEquals("/channel", item.get("pointer").asString(), vi.toString());
            assertEquals("BAD_CHANNEL", item.get("code").asString());
            assertEquals("Hình thức nộp phải là DESK, ONLINE hoặc POST: [FAX]", item.get("detail").asString());
            assertEquals("The channel must be DESK, ONLINE or POST: [FAX]", en.get("errors").get(0).get("detail").asString());
        }

        @Test
        void decide_wrongMediaType_is415AndTooLarge_is413() {
            assertEquals(415, client.send("POST", "/decisions", TestPacks.dossier("khai-sinh-sau-15-gio"), "text/plain", null).statusCode());
            assertEquals(415, client.send("POST", "/decisions", "{}", "application/json; charset=iso-8859-1", null).statusCode());
            String huge = "{\"procedure\":\"" + "x".repeat(JsonBodies.MAX_BYTES) + "\"}";
            HttpResponse<String> r = client.post("/decisions", huge);
            assertEquals(413, r.statusCode());
            assertEquals("BODY_TOO_LARGE", json(r).get("code").asString());
        }
    }

    @Nested
    class Problems {
        @Test
        void language_vietnameseByDefault_englishWhenPreferred() {
            assertEquals("Nội dung không phải JSON hợp lệ", json(client.post("/decisions", "{")).get("title").asString());
            assertEquals("The body is not valid JSON", json(client.post("/decisions", "{", "en-US,vi;q=0.5")).get("title").asString());
            assertEquals("Nội dung không phải JSON hợp lệ", json(client.post("/decisions", "{", "vi,en;q=0.8")).get("title").asString());
            assertEquals("Nội dung không phải JSON hợp lệ", json(client.post("/decisions", "{", "fr, de;q=0.5")).get("title").asString());
            assertEquals("en", client.post("/decisions", "{", "en").headers().firstValue("Content-Language").orElseThrow());
        }

        /**
         * The service bundle (the kernel's {@link io.github.motcua.kernel.BundleKeys}): both languages, the
         * same placeholders, exactly the keys the code names — a problem's {@code CODE.title} and
         * {@code CODE.detail} for each code it raises, the {@code ITEM_} keys of its request checks, the
         * explanation's {@code explain.*} labels and the log lines' {@code log.*} words.
         */
        @Test
        void bundle_everyKeyInBothLanguages_exactlyTheKeysTheCodeNames() {
            Path sources = Path.of("src", "main", "java", "io", "github", "motcua", "service");
            java.util.Set<String> used = new java.util.TreeSet<>(BundleKeys.named(sources, false,
                    java.util.regex.Pattern.compile("\"(ITEM_[A-Z0-9_]+)\""),
                    java.util.regex.Pattern.compile("\"((?:explain|log)\\.[A-Za-z]+)\"")));
            for (String code : BundleKeys.named(sources, false,
                    java.util.regex.Pattern.compile("\\bof\\(\\d{3}, \"([A-Z0-9_]+)\""))) {
                used.add(code + ".title");
                used.add(code + ".detail");
            }
            BundleKeys.assertExactlyTheKeysUsed(ApiProblem.BUNDLE, used, 70);
        }

        @Test
        void explanationAndLogWords_inEachLanguage() {
            assertEquals("nạp lại không xong / reload failed", DecisionService.logLine("log.reloadFailed"));
            assertEquals("bộ quy tắc mới có 2 lỗi, giữ bộ đang phục vụ / new pack has 2 problem(s), still serving",
                    DecisionService.logLine("log.kept", "count", 2));
        }

        @Test
        void unknownAddressAndWrongMethod_areProblemsToo() {
            HttpResponse<String> r = client.get("/decisions");
            assertEquals(405, r.statusCode());
            assertEquals("POST", r.headers().firstValue("Allow").orElseThrow());
            assertEquals(404, client.get("/decisions/nothing").statusCode());
        }
    }

    @Nested
    class Catalogue {
        @Test
        void procedures_listsThePacksCatalogue() {
            JsonNode c = json(client.get("/procedures"));
            assertEquals(3, c.get("procedures").size());
            assertEquals(sha(), c.get("packSha256").asString());
            assertEquals("1.000894", c.get("procedures").get(0).get("code").asString());
        }

        @Test
        void procedures_filtersByFieldLevelOnlineLevelAndBoundaryFree() {
            String field = json(client.get("/procedures/1.001193")).get("procedure").get("field").get("vi").asString();
            JsonNode byField = json(client.get("/procedures?field=" + java.net.URLEncoder.encode(field.toUpperCase(java.util.Locale.ROOT),
                    StandardCharsets.UTF_8)));
            assertTrue(byField.get("procedures").size() >= 1);
            byField.get("procedures").forEach(p -> assertEquals(field, p.get("field").get("vi").asString()));
            for (String level : List.of("COMMUNE", "PROVINCE")) {
                json(client.get("/procedures?level=" + level)).get("procedures")
                        .forEach(p -> assertEquals(level, p.get("level").asString()));
            }
            int full = json(client.get("/procedures?onlineLevel=FULL")).get("procedures").size();
            int notFull = json(client.get("/procedures?onlineLevel=PARTIAL")).get("procedures").size()
                    + json(client.get("/procedures?onlineLevel=NONE")).get("procedures").size();
            assertEquals(3, full + notFull);
            json(client.get("/procedures?boundaryFree=true&level=COMMUNE")).get("procedures").forEach(p -> {
                assertTrue(p.get("boundaryFree").asBoolean());
                assertEquals("COMMUNE", p.get("level").asString());
            });
        }

        @Test
        void procedures_unknownFilterOrValue_is400() {
            assertEquals(400, client.get("/procedures?colour=red").statusCode());
            assertEquals("?level", json(client.get("/procedures?level=DISTRICT")).get("errors").get(0).get("pointer").asString());
            assertEquals(400, client.get("/procedures?field=%C3%28").statusCode());
        }

        @Test
        void procedure_givesEntryAndGuide_unknownIs404() {
            JsonNode p = json(client.get("/procedures/1.001193"));
            assertEquals("1.001193", p.get("procedure").get("code").asString());
            assertTrue(p.get("guide").get("components").size() > 0);
            assertEquals(404, client.get("/procedures/9.999999").statusCode());
            assertEquals(404, client.get("/procedures/9.999999/form").statusCode());
        }

        @Test
        void form_isASelfContainedSchemaThatAcceptsTheDossiersForm() {
            HttpResponse<String> r = client.get("/procedures/1.001193/form");
            assertEquals(200, r.statusCode());
            assertEquals("application/schema+json", r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
            // a portal's validator gets nothing but this document: every $ref must resolve inside it
            var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(r.body()));
            JsonNode form = JSON.readTree(TestPacks.dossier("khai-sinh-sau-15-gio")).get("form");
            assertEquals(List.of(), schema.validate(form));
            ((tools.jackson.databind.node.ObjectNode) form.get("treEm")).remove("hoTen");
            assertFalse(schema.validate(form).isEmpty());
        }

        @Test
        void formHtml_isTheRenderedFormWithoutScript() {
            HttpResponse<String> r = client.get("/procedures/1.001193/form.html?action=/nop-ho-so");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("<form") && r.body().contains("/nop-ho-so"), r.body());
            assertFalse(r.body().contains("<script"));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        }
    }

    @Nested
    class Documents {
        String request(String dossier, String extra) {
            return "{\"dossier\":" + dossier + ",\"header\":{\"superiorAgency\":\"UBND TỈNH GIA LAI\",\"office\":\"UBND XÃ IA O\","
                    + "\"place\":\"Ia O\",\"issuedOn\":\"2026-02-13\",\"dossierCode\":\"GL-0001\"},\"officer\":\"Trần Thị C\"" + extra + "}";
        }

        @Test
        void receipt_forAnEligibleDossier_isPrintableHtml() {
            HttpResponse<String> r = client.post("/documents/receipt", request(TestPacks.dossier("khai-sinh-sau-15-gio"), ""));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("GL-0001") && r.body().contains("Nguyễn Thị Hoa"), r.body());
            assertEquals(sha(), r.headers().firstValue(Api.PACK_HEADER).orElseThrow());
        }

        @Test
        void refusal_forAnIneligibleDossierOnly() {
            assertEquals(200, client.post("/documents/refusal", request(TestPacks.dossier("ket-hon-chu-re-chua-du-20-tuoi"), "")).statusCode());
            HttpResponse<String> r = client.post("/documents/refusal", request(TestPacks.dossier("khai-sinh-sau-15-gio"), ""));
            assertEquals(422, r.statusCode());
            assertEquals("DOCUMENT_NOT_APPLICABLE", json(r).get("code").asString());
        }

        @Test
        void controlSheetAndApology_followTheDeadline() {
            String d = TestPacks.dossier("khai-sinh-sau-15-gio");
            assertEquals(200, client.post("/documents/control-sheet", request(d, "")).statusCode());
            String due = library.decide(d).deadline().due().plusDays(7).toOffsetDateTime().withHour(9).toString();
            HttpResponse<String> ok = client.post("/documents/apology", request(d, ",\"issuedAt\":\"2026-02-20T09:00:00+07:00\","
                    + "\"newDue\":\"" + due + "\",\"reason\":\"Cần xác minh thêm\""));
            assertEquals(200, ok.statusCode(), ok.body());
            HttpResponse<String> missing = client.post("/documents/apology", request(d, ""));
            assertEquals(422, missing.statusCode());
            assertEquals("/issuedAt", json(missing).get("errors").get(0).get("pointer").asString());
        }

        @Test
        void unknownKind_is404_andABadDossierInside_is422UnderDossier() {
            assertEquals(404, client.post("/documents/certificate", request(TestPacks.dossier("khai-sinh-sau-15-gio"), "")).statusCode());
            HttpResponse<String> r = client.post("/documents/receipt",
                    request(TestPacks.dossier("khai-sinh-sau-15-gio").replace("\"DESK\"", "\"FAX\""), ""));
            assertEquals(422, r.statusCode());
            assertEquals("/dossier/channel", json(r).get("errors").get(0).get("pointer").asString());
        }
    }

    @Nested
    class CalendarAndDeadlines {
        @Test
        void daysOff_listsTetAndNamesComputedYears() {
            JsonNode y = json(client.get("/calendar/days-off/2026"));
            assertEquals(2026, y.get("year").asInt());
            assertTrue(y.get("days").size() >= 5, y.toString());
            assertTrue(json(client.get("/calendar/days-off/2150")).get("computed").asBoolean());
            assertEquals(400, client.get("/calendar/days-off/3000").statusCode());
            assertEquals(400, client.get("/calendar/days-off/abc").statusCode());
        }

        @Test
        void deadline_isTheLibrarysDueInstant() {
            HttpResponse<String> r = client.post("/deadlines",
                    "{\"receivedAt\":\"2026-02-13T15:30:00+07:00\",\"limit\":{\"amount\":3,\"unit\":\"WORKING_DAYS\"}}");
            assertEquals(200, r.statusCode(), r.body());
            var expected = library.deadlineEngine().orElseThrow().compute(DeadlineRequest.of(
                    OffsetDateTime.parse("2026-02-13T15:30:00+07:00").toInstant(), Channel.DESK, TimeLimit.workingDays(3)));
            assertEquals(expected.due().toOffsetDateTime(), OffsetDateTime.parse(json(r).get("due").asString()));
        }

        @Test
        void deadline_cutOffHourOrNone_isTheLibrarysCutOffWithItsBases() {
            String at = "2026-02-13T15:30:00+07:00"; // a Friday, after 15:00
            DeadlineEngine d = library.deadlineEngine().orElseThrow();
            var late = d.compute(DeadlineRequest.of(OffsetDateTime.parse(at).toInstant(), Channel.DESK, TimeLimit.workingDays(3))
                    .withCutOff(new CutOff(LocalTime.of(16, 0), d.defaultCutOff().bases())));
            HttpResponse<String> r = client.post("/deadlines",
                    "{\"receivedAt\":\"" + at + "\",\"limit\":{\"amount\":3,\"unit\":\"WORKING_DAYS\"},\"cutOff\":\"16:00\"}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(late.due().toOffsetDateTime(), OffsetDateTime.parse(json(r).get("due").asString()));
            var none = d.compute(DeadlineRequest.of(OffsetDateTime.parse(at).toInstant(), Channel.DESK, TimeLimit.workingDays(3))
                    .withCutOff(CutOff.none()));
            HttpResponse<String> n = client.post("/deadlines",
                    "{\"receivedAt\":\"" + at + "\",\"limit\":{\"amount\":3,\"unit\":\"WORKING_DAYS\"},\"cutOff\":\"none\"}");
            assertEquals(200, n.statusCode(), n.body());
            assertEquals(none.due().toOffsetDateTime(), OffsetDateTime.parse(json(n).get("due").asString()));
        }

        @Test
        void deadline_wrongValues_are422WithEveryPointer() {
            JsonNode p = json(client.post("/deadlines", "{\"receivedAt\":\"hôm qua\",\"channel\":\"FAX\",\"limit\":{\"amount\":\"3\",\"unit\":\"WEEKS\"}}"));
            assertEquals(422, p.get("status").asInt());
            List<String> pointers = new java.util.ArrayList<>();
            p.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
            assertEquals(List.of("/receivedAt", "/channel", "/limit/amount", "/limit/unit"), pointers);
        }
    }

    @Nested
    class HealthAndDescription {
        @Test
        void healthAndReady_nameThePack() {
            assertEquals("UP", json(client.get("/health")).get("status").asString());
            JsonNode ready = json(client.get("/ready"));
            assertEquals(sha(), ready.get("packSha256").asString());
            assertEquals("gia-lai", ready.get("packId").asString());
        }

        @Test
        void openapi_describesEveryEndpointAndEmbedsTheLibrarysDossierSchema() {
            JsonNode doc = json(client.get("/openapi.json"));
            assertEquals("3.1.0", doc.get("openapi").asString());
            for (String path : List.of("/decisions", "/decisions/explain", "/procedures", "/procedures/{code}", "/procedures/{code}/form",
                    "/procedures/{code}/form.html", "/documents/{kind}", "/calendar/days-off/{year}", "/deadlines", "/health", "/ready",
                    "/openapi.json", "/admin/reload")) {
                assertTrue(doc.get("paths").has(path), path);
            }
            assertEquals(List.of("procedure", "channel", "receivedAt"),
                    JSON.convertValue(doc.at("/components/schemas/Dossier/required"), List.class));
        }

        @Test
        void everyAnswer_namesThePackThatProducedIt() {
            for (HttpResponse<String> r : List.of(client.get("/health"), client.get("/procedures"), client.get("/nothing"),
                    client.post("/decisions", "{"), client.get("/calendar/days-off/2026"))) {
                assertEquals(sha(), r.headers().firstValue(Api.PACK_HEADER).orElseThrow(), r.uri().toString());
            }
        }
    }
}
