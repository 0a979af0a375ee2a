package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading packs: the catalogue model, and every kind of bad input naming file, line and column. */
class PackLoadTest {
    @TempDir
    Path dir;

    static PackProblem only(LoadResult r, Predicate<PackProblem> which) {
        List<PackProblem> found = r.problems().stream().filter(which).toList();
        assertEquals(1, found.size(), () -> "problems: " + r.problems().stream().map(PackProblem::toString)
                .collect(Collectors.joining("\n")));
        return found.get(0);
    }

    static String dump(LoadResult r) {
        return r.problems().stream().map(PackProblem::toString).collect(Collectors.joining("\n"));
    }

    @Nested
    class Catalogue {
        @Test
        void load_goodPack_exposesProcedureModelFromProcedureYaml() {
            try (Engine e = TestPacks.engine()) {
                LoadResult r = e.load(TestPacks.source("ho-tich"));
                assertTrue(r.ok(), () -> dump(r));
                assertEquals(List.of("1.000894", "1.001193"), e.catalog().stream().map(Procedure::code).toList());
                Procedure birth = e.catalog().get(1);
                assertEquals("Đăng ký khai sinh", birth.name().vi());
                assertEquals(Procedure.Level.COMMUNE, birth.level());
                assertEquals(Procedure.OnlineLevel.PARTIAL, birth.onlineLevel());
                assertTrue(birth.boundaryFree());
                assertEquals(3, birth.channels().size());
                assertEquals("LHT-2014-D5", birth.deadline().basis().id());
                assertEquals(2, birth.steps().size());
                assertEquals(4, birth.components().size());
                Procedure marriage = e.catalog().get(0);
                assertEquals("CSDL_HO_TICH", marriage.component("xac-nhan-tinh-trang-hon-nhan").orElseThrow().waivableBy().source());
                assertFalse(marriage.legalBases().get(1).verified()); // HN&GĐ Art. 8 is [3RD-PARTY] in FACTS.md
                assertEquals(2, e.units().size());
                assertEquals(9, e.cases().size());
            }
        }

        @Test
        void load_classpathAndFolder_giveTheSameContentHash() {
            try (Engine a = TestPacks.engine(); Engine b = TestPacks.engine()) {
                String h1 = a.load(TestPacks.source("ho-tich")).orThrow().sha256();
                String h2 = b.load(PackLoadTest.class.getClassLoader(), "packs/ho-tich").orThrow().sha256();
                assertEquals(h1, h2);
            }
        }

        @Test
        void load_filesOfOtherModules_areLoadedByTheirSectionsWithFileAndLine() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), "item,amount\nle-phi,0\n");
            TestPacks.write(p.resolve("exemptions.yaml"), "- id: X\n");
            TestPacks.write(p.resolve("calendar/2026.yaml"), "year: 2026\n");
            try (Engine e = TestPacks.engine()) {
                LoadResult r = e.load(p);
                assertFalse(r.ok());
                assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("calendar/2026.yaml") && x.line() == 1
                        && x.messageVi().contains("Lỗi lịch làm việc")), () -> dump(r));
                // exemptions.yaml is checked against its published schema first (a list where a mapping belongs)
                assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("exemptions.yaml") && x.line() == 1
                        && x.code().equals("SCHEMA")), () -> dump(r));
                assertTrue(e.pack().isEmpty(), "nothing is served from a pack with problems");
            }
        }

        @Test
        void load_validFormSchema_isCheckedAndServedByForms() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"),
                    "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\"}");
            try (Engine e = TestPacks.engine()) {
                LoadResult r = e.load(p);
                assertTrue(r.ok(), () -> dump(r));
                assertTrue(e.forms().orElseThrow().hasForm("1.001193"));
                assertTrue(e.deadlineEngine().isPresent());
                assertTrue(e.feeTable("1.001193").isEmpty());
            }
        }

        @Test
        void load_contentChange_changesTheHash() {
            Path p = TestPacks.copy("ho-tich", dir);
            try (Engine e = TestPacks.engine()) {
                String before = e.load(p).orThrow().sha256();
                TestPacks.edit(p.resolve("units.yaml"), s -> s + "\n# comment\n");
                assertFalse(before.equals(e.load(p).orThrow().sha256()));
            }
        }
    }

    @Nested
    class BadFiles {
        @Test
        void load_missingProcedureYaml_namesTheFile() {
            Path p = TestPacks.copy("ho-tich", dir);
            p.resolve("procedures/1.001193/procedure.yaml").toFile().delete();
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("MISSING_FILE"));
                assertEquals("procedures/1.001193/procedure.yaml", pr.file());
            }
        }

        @Test
        void load_malformedYaml_givesLineOfTheSyntaxError() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.edit(p.resolve("units.yaml"), s -> s.replace("kind: WARD", "kind: [WARD"));
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("YAML_SYNTAX"));
                assertEquals("units.yaml", pr.file());
                // the line where the [ is left open (until session 18: the line after it, where the parser noticed)
                assertEquals(9, pr.line(), pr.toString());
                assertTrue(pr.messageVi().startsWith("Dấu [ mở ở đây chưa được đóng đúng"), pr.messageVi());
            }
        }

        @Test
        void load_duplicateYamlKey_isTheKernelsDuplicateKeyProblemAtTheSecondKey() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.edit(p.resolve("pack.yaml"), s -> s + "version: \"2\"\n");
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("DUPLICATE_KEY"));
                assertEquals("pack.yaml", pr.file());
                assertEquals(9, pr.line(), pr.toString());
                assertEquals(1, pr.column(), pr.toString());
                assertTrue(pr.messageEn().contains("[version] appears twice"), pr.messageEn());
            }
        }

        @Test
        void load_schemaViolation_pointsAtTheOffendingValue() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), s -> s.replace("form: ORIGINAL\n    quantity: 1\n    presence: CONDITIONAL\n    basis: LHT-2014-D16\n  - id: van-ban",
                    "form: PHOTOCOPY\n    quantity: 1\n    presence: CONDITIONAL\n    basis: LHT-2014-D16\n  - id: van-ban"));
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("SCHEMA"));
                assertEquals("procedures/1.001193/procedure.yaml", pr.file());
                assertEquals(24, pr.line()); // the `form: PHOTOCOPY` line of giay-chung-sinh
                assertEquals("Giá trị [PHOTOCOPY] không được chấp nhận; chỉ nhận một trong: ORIGINAL, CERTIFIED_COPY,"
                        + " ELECTRONIC_COPY, COPY_WITH_ORIGINAL", pr.messageVi());
                assertTrue(pr.messageEn().startsWith("value [PHOTOCOPY] is not allowed"), pr.messageEn());
            }
        }

        @Test
        void load_folderNameDiffersFromCode_isReported() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), s -> s.replace("code: \"1.001193\"", "code: \"1.001194\""));
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("CODE_MISMATCH"));
                assertEquals(1, pr.line());
            }
        }

        @Test
        void load_unknownBasisInProcedure_isReportedAtItsLine() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), s -> s.replace("legalBases: [LHT-2014-D16, LHT-2014-D5]", "legalBases: [LHT-2014-D16, LHT-1999-D1]"));
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("UNKNOWN_BASIS"));
                assertEquals(10, pr.line());
            }
        }

        @Test
        void load_unknownBasisInPackYamlRouting_isReportedAtItsLineAndColumn_notAtLineZero() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.edit(p.resolve("pack.yaml"), s -> s + "routing:\n  boundaryFree: true\n  basis: QD-KHONG-CO\n"
                    + "  transfer: { amount: 1, unit: WORKING_DAYS, basis: QD-CUNG-KHONG-CO }\n");
            try (Engine e = TestPacks.engine()) {
                List<PackProblem> found = e.load(p).problems().stream().filter(x -> x.code().equals("UNKNOWN_BASIS")).toList();
                assertEquals(List.of("pack.yaml:11:3", "pack.yaml:12:46"), // at the key, as every pack problem
                        found.stream().map(x -> x.file() + ":" + x.line() + ":" + x.column()).toList(), found.toString());
            }
        }

        @Test
        void load_routingTransferOutOfTheCalendarsRange_isWordedInVietnamese_theEnglishOnlyInEnglish() {
            Path p = TestPacks.copy("ho-tich", dir);
            // the schema takes any amount >= 1; the calendar refuses more than 1000 working days
            TestPacks.edit(p.resolve("pack.yaml"), s -> s + "routing:\n  boundaryFree: true\n"
                    + "  transfer: { amount: 5000, unit: WORKING_DAYS }\n");
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("BAD_VALUE"));
                assertEquals("pack.yaml", pr.file());
                assertEquals("Thời gian luân chuyển hồ sơ không hợp lệ: Thời hạn tính bằng WORKING_DAYS phải nằm trong khoảng 1..1000: [5000]",
                        pr.messageVi());
                assertEquals("invalid transfer time: time limit in WORKING_DAYS must be within 1..1000: [5000]", pr.messageEn());
            }
        }

        @Test
        void load_caseNamingMissingComponent_isReportedAtTheCaseLine() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                    s -> s.replace("required: [to-khai, giay-chung-sinh]", "required: [to-khai, giay-khai-sinh-cu]"));
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("CASE_UNKNOWN_COMPONENT"));
                assertEquals("procedures/1.001193/cases/giay-chung-sinh.yaml", pr.file());
                assertEquals(9, pr.line()); // the `components:` line of the first case
                assertTrue(pr.messageVi().contains("[giay-khai-sinh-cu]"));
            }
        }

        @Test
        void load_csvNotNamedAsRuleTable_isReportedInsteadOfSilentlyIgnored() {
            Path p = TestPacks.copy("ho-tich", dir);
            TestPacks.write(p.resolve("procedures/1.001193/bang.csv"), "name,basis\n");
            try (Engine e = TestPacks.engine()) {
                PackProblem pr = only(e.load(p), x -> x.code().equals("UNKNOWN_FILE"));
                assertTrue(pr.messageEn().contains("*.rules.csv"));
            }
        }

        @Test
        void load_missingFolder_isAProblemNotAnException() {
            try (Engine e = TestPacks.engine()) {
                LoadResult r = e.load(dir.resolve("nope"));
                assertFalse(r.ok());
                assertEquals("PACK_NOT_FOUND", r.problems().get(0).code());
                assertTrue(e.pack().isEmpty());
            }
        }

        @Test
        void load_failure_keepsThePackAlreadyServing() {
            Path p = TestPacks.copy("ho-tich", dir);
            try (Engine e = TestPacks.engine()) {
                PackInfo first = e.load(p).orThrow();
                TestPacks.edit(p.resolve("procedures/1.001193/rules.drl"), s -> s.replace("then\n  decision.require(", "then\n  decision.require(("));
                LoadResult r = e.load(p);
                assertFalse(r.ok());
                assertEquals(first, e.pack().orElseThrow());
                assertEquals(Eligibility.ELIGIBLE, e.decide(TestPacks.birth("{}")).eligibility());
            }
        }

        @Test
        void problem_format_isFileLineColumnMessage() {
            PackProblem p = new PackProblem("a/b.drl", 3, 7, "X", "thông báo", "message");
            assertEquals("a/b.drl:3:7: [X] thông báo", p.toString());
            assertEquals("a/b.drl:3:7: [X] message", p.format(Locale.ENGLISH));
        }
    }
}
