package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackCase;

import io.github.motcua.rules.PackProblem;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A reload reuses, per procedure, what it parsed from byte-identical inputs (issue 7). */
class ReloadReuseTest {
    private static final String EDITED = "1.000894";
    private static final String UNTOUCHED = "1.001193";

    private static PackFiles hoTich() {
        try {
            Path dir = Path.of(ReloadReuseTest.class.getClassLoader().getResource("packs/ho-tich/pack.yaml").toURI()).getParent();
            List<PackProblem> problems = new ArrayList<>();
            PackFiles files = PackFiles.read(dir, problems);
            assertTrue(problems.isEmpty(), problems::toString);
            return files;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code base} with {@code suffix} appended to the file at {@code path} (a YAML or DRL comment). */
    private static PackFiles appended(PackFiles base, String path, String suffix) {
        Map<String, byte[]> files = new TreeMap<>(base.files());
        assertTrue(files.containsKey(path), path);
        files.put(path, (new String(files.get(path), StandardCharsets.UTF_8) + suffix).getBytes(StandardCharsets.UTF_8));
        return PackFiles.of("edited", files);
    }

    private static PackLoader.Loaded load(PackFiles files, PackLoader.Memo previous) {
        List<PackProblem> problems = new ArrayList<>();
        PackLoader.Loaded loaded = PackLoader.load(files, BuiltInSections.all(), problems, previous);
        assertTrue(problems.isEmpty(), problems::toString);
        assertNotNull(loaded.pack());
        assertNotNull(loaded.memo());
        return loaded;
    }

    @Nested
    class OneProcedureEdited {
        @Test
        void load_unchangedProcedure_reusesTheSameParsedObjects() {
            PackLoader.Loaded first = load(hoTich(), null);
            PackFiles edited = appended(hoTich(), "procedures/" + EDITED + "/rules.drl", "\n// sửa đổi / edited\n");
            PackLoader.Loaded second = load(edited, first.memo());

            LoadedPack.ProcedureSource before = first.pack().procedures().get(UNTOUCHED);
            LoadedPack.ProcedureSource after = second.pack().procedures().get(UNTOUCHED);
            assertNotNull(before);
            assertSame(before, after);
            assertSame(before.procedure(), after.procedure());
            assertSame(before.rules().get(0), after.rules().get(0));
            List<PackCase> cases = second.pack().cases().stream().filter(c -> c.file().contains(UNTOUCHED)).toList();
            assertFalse(cases.isEmpty());
            for (PackCase c : cases) {
                assertTrue(first.pack().cases().stream().anyMatch(o -> o == c), c.name());
            }
        }

        @Test
        void load_editedProcedure_isParsedAgainWithTheNewText() {
            PackLoader.Loaded first = load(hoTich(), null);
            PackFiles edited = appended(hoTich(), "procedures/" + EDITED + "/rules.drl", "\n// sửa đổi / edited\n");
            PackLoader.Loaded second = load(edited, first.memo());

            LoadedPack.ProcedureSource after = second.pack().procedures().get(EDITED);
            assertNotSame(first.pack().procedures().get(EDITED), after);
            assertTrue(after.rules().stream().anyMatch(r -> r.source().text.contains("// sửa đổi / edited")));
            assertEquals(edited.sha256(), second.pack().info().sha256());
            assertNotEquals(first.pack().info().sha256(), second.pack().info().sha256());
        }
    }

    /** {@code base} with {@code path} holding {@code text}. */
    private static PackFiles with(PackFiles base, String path, String text) {
        Map<String, byte[]> files = new TreeMap<>(base.files());
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return PackFiles.of("edited", files);
    }

    /** A section's inputs are keyed by every byte of its files, not by their names and lengths alone. */
    @Nested
    class SectionFileEdited {
        private static final String FORM = "procedures/" + EDITED + "/form.schema.json";
        private static final String TEXT = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\", "
                + "\"title\": \"Tờ khai %s\"}";

        private PackFiles withForm(String title) {
            return with(hoTich(), FORM, String.format(TEXT, title));
        }

        private Object forms(PackLoader.Loaded loaded) {
            Object forms = loaded.pack().section(BuiltInSections.FORMS, io.github.motcua.forms.FormRegistry.class);
            assertNotNull(forms);
            return forms;
        }

        @Test
        void load_onlyRulesEdited_reusesTheFormSection_andTheOtherFoldersCheckKeys() {
            PackLoader.Loaded first = load(withForm("A"), null);
            PackLoader.Loaded second = load(appended(withForm("A"), "procedures/" + EDITED + "/rules.drl", "\n// sửa đổi / edited\n"),
                    first.memo());

            assertSame(forms(first), forms(second));
            assertEquals(first.checkKeys().get(UNTOUCHED), second.checkKeys().get(UNTOUCHED));
            assertNotEquals(first.checkKeys().get(EDITED), second.checkKeys().get(EDITED));
        }

        @Test
        void load_formEditedToTheSameLength_buildsTheFormSectionAgain() {
            PackLoader.Loaded first = load(withForm("A"), null);
            PackFiles edited = withForm("B");
            assertEquals(withForm("A").files().get(FORM).length, edited.files().get(FORM).length);
            PackLoader.Loaded second = load(edited, first.memo());

            assertNotSame(forms(first), forms(second));
            assertNotEquals(first.memo().sectionKeys().get(BuiltInSections.FORMS), second.memo().sectionKeys().get(BuiltInSections.FORMS));
            assertNotEquals(first.checkKeys().get(EDITED), second.checkKeys().get(EDITED));
            assertEquals(first.checkKeys().get(UNTOUCHED), second.checkKeys().get(UNTOUCHED));
            assertEquals(first.memo().wide(), second.memo().wide());
        }
    }

    @Nested
    class PackWideFileChanged {
        @Test
        void load_legalBasesChanged_parsesEveryProcedureAgain() {
            PackLoader.Loaded first = load(hoTich(), null);
            PackFiles edited = appended(hoTich(), "legal-bases/procedures.yaml", "\n# sửa đổi / edited\n");
            PackLoader.Loaded second = load(edited, first.memo());

            assertEquals(java.util.Set.of(EDITED, UNTOUCHED), second.pack().procedures().keySet());
            second.pack().procedures().forEach((code, src) -> {
                assertNotSame(first.pack().procedures().get(code), src, code);
                assertNotSame(first.pack().procedures().get(code).procedure(), src.procedure(), code);
                assertEquals(first.pack().procedures().get(code).procedure(), src.procedure(), code);
            });
        }

        @Test
        void load_unitsChanged_parsesEveryProcedureAgain() {
            PackLoader.Loaded first = load(hoTich(), null);
            PackFiles edited = appended(hoTich(), "units.yaml", "\n# sửa đổi / edited\n");
            PackLoader.Loaded second = load(edited, first.memo());

            assertNotSame(first.pack().procedures().get(UNTOUCHED), second.pack().procedures().get(UNTOUCHED));
        }
    }

    /**
     * A first load (nothing to reuse) leaves its keys — each file's digest, each folder's, section's and procedure's
     * key — to after the load (session 18): they are the keys a load that works them out at once gives, and a reload
     * from that first load reuses exactly what it reused before.
     */
    @Nested
    class FirstLoadKeysLater {
        @Test
        void firstLoad_workedOutOnlyWhenAsked_sameKeysAsAtOnce() {
            PackFiles files = hoTich();
            PackLoader.Loaded first = load(files, null);
            assertFalse(first.memo().keysWorkedOut(), "a first load digests no file for its reuse keys");
            // a second load of the same files with a memo works its keys out during the load
            PackLoader.Loaded atOnce = load(files, first.memo());
            assertTrue(first.memo().keysWorkedOut());
            assertTrue(atOnce.memo().keysWorkedOut());
            assertEquals(atOnce.memo().wide(), first.memo().wide());
            assertEquals(atOnce.memo().folderKeys(), first.memo().folderKeys());
            assertEquals(java.util.Set.of(EDITED, UNTOUCHED), first.memo().folderKeys().keySet());
            assertEquals(atOnce.memo().sectionKeys(), first.memo().sectionKeys());
            assertFalse(first.memo().sectionKeys().isEmpty());
            assertEquals(atOnce.checkKeys(), first.checkKeys());
            assertEquals(java.util.Set.of(EDITED, UNTOUCHED), first.checkKeys().keySet());
        }

        @Test
        void firstLoad_keysStartedOnAnExecutor_thenAReloadReusesAsBefore() throws Exception {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                PackLoader.Loaded first = load(hoTich(), null);
                first.memo().settle(pool);
                pool.submit(() -> { }).get(); // the pool's queue is FIFO: the keys' task has run
                assertTrue(first.memo().keysWorkedOut());
                PackLoader.Loaded second = load(appended(hoTich(), "procedures/" + EDITED + "/rules.drl", "\n// sửa đổi / edited\n"),
                        first.memo());
                assertSame(first.pack().procedures().get(UNTOUCHED), second.pack().procedures().get(UNTOUCHED));
                assertNotSame(first.pack().procedures().get(EDITED), second.pack().procedures().get(EDITED));
                assertEquals(first.checkKeys().get(UNTOUCHED), second.checkKeys().get(UNTOUCHED));
                assertNotEquals(first.checkKeys().get(EDITED), second.checkKeys().get(EDITED));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class BrokenLoad {
        @Test
        void load_withAProblem_leavesNothingToReuse() {
            List<PackProblem> problems = new ArrayList<>();
            PackFiles broken = appended(hoTich(), "procedures/" + UNTOUCHED + "/procedure.yaml", "\nkhongCo: [\n");
            PackLoader.Loaded loaded = PackLoader.load(broken, BuiltInSections.all(), problems, null);
            assertFalse(problems.isEmpty());
            assertNull(loaded.memo());
        }
    }
}
