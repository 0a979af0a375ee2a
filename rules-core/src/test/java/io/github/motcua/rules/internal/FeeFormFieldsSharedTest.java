package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.spi.PackSection;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The fee section's quantity check ({@code FeeFormChecks}) reads a procedure's form fields from the load's
 * {@link FormFields.Library} — built once per load, by the folder read or the check, whichever asks first (issue 15,
 * session 21) — and its problems are exactly those it gave with fields of its own: the same codes, positions, order and
 * messages, on a load on one thread, on two load threads, and on a reload. The quantity fields here are declared only
 * through a {@code $ref} into a shared form under {@code forms/}: a check handed a library without the pack's shared
 * forms would see an open (unresolved) reference and accept any path, so a misspelt one would load silently.
 */
class FeeFormFieldsSharedTest {
    private static final String CODE = "1.001193";
    private static final String FORM = "procedures/" + CODE + "/form.schema.json";
    private static final String FEES = "procedures/" + CODE + "/fees.csv";
    private static final String SHARED = "forms/yeu-cau.schema.json";
    private static final String SHARED_TEXT = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"urn:motcua:forms:yeu-cau\","
            + "\"title\":\"Yêu cầu cấp bản sao\",\"type\":\"object\",\"$defs\":{\"yeuCau\":{\"type\":\"object\",\"properties\":{"
            + "\"soBan\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":50},\"coTrichLuc\":{\"type\":\"boolean\"}}}}}";
    /** The birth registration's form: what its cases fill, and the copies requested through the shared form. */
    private static final String FORM_TEXT = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"required\":[\"giayChungSinh\"],\"properties\":{\"giayChungSinh\":{\"type\":\"string\",\"enum\":[\"CO\",\"KHONG_CO\"]},"
            + "\"nguoiLamChung\":{\"type\":\"string\"},\"noiSinh\":{\"type\":\"string\"},\"treEm\":{\"type\":\"object\"},"
            + "\"yeuCau\":{\"$ref\":\"urn:motcua:forms:yeu-cau#/$defs/yeuCau\"}}}";
    private static final String HEADER = "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,basis\n";

    private static String row(String item, String copiesPath) {
        return "RATE," + item + ",LE_PHI,Cấp bản sao trích lục,Extract copy,FLAT,8000,,,," + "," + copiesPath + ",LHT-2014-D11\n";
    }

    private static PackFiles hoTich(String formText, String fees) {
        try {
            Path dir = Path.of(FeeFormFieldsSharedTest.class.getClassLoader().getResource("packs/ho-tich/pack.yaml").toURI()).getParent();
            List<PackProblem> problems = new ArrayList<>();
            PackFiles base = PackFiles.read(dir, problems);
            assertTrue(problems.isEmpty(), problems::toString);
            Map<String, byte[]> files = new TreeMap<>(base.files());
            files.put(SHARED, SHARED_TEXT.getBytes(StandardCharsets.UTF_8));
            files.put(FORM, formText.getBytes(StandardCharsets.UTF_8));
            files.put(FEES, (HEADER + fees).getBytes(StandardCharsets.UTF_8));
            return PackFiles.of("ho-tich", files);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A misspelt path inside the shared part (closest: the shared form's field) and a yes/no read as a count. */
    private static final String WRONG = row("trich-luc", "yeuCau.soBann") + row("ban-sao", "yeuCau.coTrichLuc");

    /** What the fee section gives with fields of its own (a library of the context's files, as before the sharing). */
    private static List<PackProblem> alone(PackFiles files) {
        Map<String, byte[]> mine = new TreeMap<>();
        files.files().forEach((p, b) -> {
            if (p.equals(FEES)) {
                mine.put(p, b);
            }
        });
        PackSection.Result r = new BuiltInSections.FeeSection().load(mine,
                new PackSection.Context(null, bases(files), Map.of(), files.files()));
        return r.problems();
    }

    /** The pack's legal bases, as the loader reads them (the fee rows cite LHT-2014-D11). */
    private static Map<String, io.github.motcua.law.LegalBasis> bases(PackFiles files) {
        LoadedPack pack = PackLoader.load(files, BuiltInSections.all(), new ArrayList<>(), null).pack();
        assertNotNull(pack);
        assertTrue(pack.bases().containsKey("LHT-2014-D11"), pack.bases()::toString);
        return pack.bases();
    }

    private static List<PackProblem> fees(List<PackProblem> problems) {
        return problems.stream().filter(p -> p.code().startsWith("FEES_")).toList();
    }

    private static void assertTheTwoProblems(List<PackProblem> problems) {
        assertEquals(2, problems.size(), problems::toString);
        PackProblem unknown = problems.get(0);
        assertEquals("FEES_UNKNOWN_FORM_FIELD", unknown.code(), problems::toString);
        assertEquals(FEES, unknown.file());
        assertEquals(2, unknown.line());
        assertEquals(12, unknown.column());
        assertEquals("The form [" + FORM + "] has no field [yeuCau.soBann], which column copiesPath of fee item [trich-luc] reads"
                + " as a quantity: no dossier fills a field the form lacks, so the quantity would always count as 1. Correct the"
                + " field name to one the form declares; closest: yeuCau.soBan (column copiesPath, value [yeuCau.soBann])",
                unknown.messageEn());
        assertTrue(unknown.messageVi().startsWith("Tờ khai [" + FORM + "] không có trường [yeuCau.soBann] mà cột copiesPath"),
                unknown.messageVi());
        PackProblem notCount = problems.get(1);
        assertEquals("FEES_FORM_FIELD_NOT_COUNT", notCount.code(), problems::toString);
        assertEquals(3, notCount.line());
        assertEquals(12, notCount.column());
        assertTrue(notCount.messageVi().startsWith("Trường [yeuCau.coTrichLuc] của tờ khai [" + FORM + "] có kiểu boolean"),
                notCount.messageVi());
    }

    private static String formatted(List<PackProblem> problems) {
        StringBuilder b = new StringBuilder();
        for (PackProblem p : problems) {
            b.append(p.file()).append(':').append(p.line()).append(':').append(p.column()).append(' ').append(p.code()).append(' ')
                    .append(p.messageVi()).append(" | ").append(p.messageEn()).append('\n');
        }
        return b.toString();
    }

    @Test
    void fieldsDeclaredInASharedForm_giveTheSameProblemsAsTheSectionAlone_onOneThreadAndOnTwo() throws Exception {
        PackFiles files = hoTich(FORM_TEXT, WRONG);
        List<PackProblem> alone = alone(files);
        assertTheTwoProblems(alone);

        List<PackProblem> sequential = new ArrayList<>();
        assertNull(PackLoader.load(files, BuiltInSections.all(), sequential, null).memo()); // refused: nothing to reuse
        assertTheTwoProblems(fees(sequential));
        assertEquals(formatted(alone), formatted(fees(sequential)));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int run = 0; run < 20; run++) { // the check and the folder read race for the form's fields
                List<PackProblem> parallel = new ArrayList<>();
                PackLoader.load(files, BuiltInSections.all(), parallel, null, pool);
                assertEquals(formatted(sequential), formatted(parallel), "run " + run);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFolderReadAndTheCheck_buildTheFormOnce_andTheCheckSeesTheSharedFormsFields() {
        PackFiles files = hoTich(FORM_TEXT, WRONG);
        FormFields.Library lib = FormFields.Library.of(files);
        List<PackProblem> folderProblems = new ArrayList<>();
        List<String> paths = files.files().keySet().stream().filter(p -> p.startsWith("procedures/" + CODE + "/")).toList();
        ProcedureReader.Folder folder = new ProcedureReader(files, folderProblems, lib, CutOffRules.NONE)
                .folder(CODE, paths, Set.of(FORM, FEES), bases(files), Set.of());
        assertNotNull(folder);
        assertEquals(0, lib.formsShared());

        Map<String, byte[]> mine = new TreeMap<>(Map.of(FEES, files.get(FEES)));
        PackSection.Result r = new BuiltInSections.FeeSection().load(mine,
                new PackSection.Context(null, bases(files), Map.of(), files.files()), lib);
        assertEquals(1, lib.formsShared(), "the check took the fields the folder read built");
        assertTheTwoProblems(r.problems());
        assertEquals(formatted(alone(files)), formatted(r.problems()));
    }

    @Test
    void reload_aChangedFormUnderAnUnchangedFeeTable_isCheckedAgainstTheNewForm() {
        PackFiles good = hoTich(FORM_TEXT, row("trich-luc", "yeuCau.soBan"));
        List<PackProblem> problems = new ArrayList<>();
        PackLoader.Loaded first = PackLoader.load(good, BuiltInSections.all(), problems, null);
        assertTrue(problems.isEmpty(), problems::toString);
        assertNotNull(first.memo());

        // the same path, the same fee table, a form whose copies field is renamed: a memo kept across loads by path
        // would still see soBan
        String renamed = FORM_TEXT.replace("urn:motcua:forms:yeu-cau#/$defs/yeuCau", "#/$defs/khac")
                .replace("}}}", "}},\"$defs\":{\"khac\":{\"type\":\"object\",\"properties\":{\"soBanSao\":{\"type\":\"integer\"}}}}}");
        PackFiles edited = hoTich(renamed, row("trich-luc", "yeuCau.soBan"));
        List<PackProblem> again = new ArrayList<>();
        PackLoader.load(edited, BuiltInSections.all(), again, first.memo());
        List<PackProblem> fees = fees(again);
        assertEquals(1, fees.size(), again::toString);
        assertEquals("FEES_UNKNOWN_FORM_FIELD", fees.get(0).code());
        assertTrue(fees.get(0).messageEn().contains("closest: yeuCau.soBanSao"), fees.get(0).messageEn());
        assertEquals(formatted(alone(edited)), formatted(fees));

        // and a reload with only the fee table edited to the misspelt paths: the same two problems as a first load
        PackFiles wrong = hoTich(FORM_TEXT, WRONG);
        List<PackProblem> third = new ArrayList<>();
        PackLoader.load(wrong, BuiltInSections.all(), third, first.memo());
        assertTheTwoProblems(fees(third));
        assertEquals(formatted(alone(wrong)), formatted(fees(third)));
    }

    @Test
    void manyThreadsAskingTheSameForm_getOneBuild() throws Exception {
        byte[] bytes = FORM_TEXT.getBytes(StandardCharsets.UTF_8);
        FormFields.Library lib = FormFields.Library.of(hoTich(FORM_TEXT, "").files());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<FormFields>> asks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                asks.add(pool.submit(() -> {
                    start.await();
                    return lib.form(FORM, bytes);
                }));
            }
            start.countDown();
            FormFields first = asks.get(0).get();
            assertNotNull(first.field("yeuCau.soBan"), "the shared form's field");
            for (Future<FormFields> f : asks) {
                assertSame(first, f.get());
            }
            assertEquals(threads - 1, lib.formsShared());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherBytesAtTheSamePath_orAfterTheLoad_areBuiltApart() {
        FormFields.Library lib = FormFields.Library.of(hoTich(FORM_TEXT, "").files());
        byte[] bytes = FORM_TEXT.getBytes(StandardCharsets.UTF_8);
        FormFields a = lib.form(FORM, bytes);
        FormFields b = lib.form(FORM, FORM_TEXT.replace("noiSinh", "noiO").getBytes(StandardCharsets.UTF_8)); // not the same array
        assertNotSame(a, b);
        assertNotNull(b.field("noiO"), "the other bytes' own fields");
        assertNull(b.field("noiSinh"));
        assertNotNull(b.field("yeuCau.soBan"), "the shared form's field");
        assertEquals(0, lib.formsShared());
        assertNull(lib.form(FORM, null));
        lib.loaded();
        assertNotSame(a, lib.form(FORM, bytes), "nothing kept after the load's folders are read");
        assertEquals(0, lib.formsShared());
    }
}
