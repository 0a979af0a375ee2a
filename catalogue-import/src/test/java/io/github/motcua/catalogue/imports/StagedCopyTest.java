package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import writes into a copy of the pack and swaps it in: that copy must hold exactly what the pack held. A link
 * out of the pack (which every load refuses, {@code LINK_OUTSIDE_PACK}) used to be copied as the content of its
 * target, so an import turned, say, the service's secret file into a regular file of the pack that every later load
 * read and rendered; a named pipe in the pack made the import wait for ever. Both are refused now, naming the file,
 * and the pack is left exactly as it was.
 */
class StagedCopyTest {
    private static final String SECRET = "TOP-SECRET-7f3a9c";

    @TempDir
    Path tmp;

    private Path secretOutside() throws IOException {
        return Files.writeString(Files.createDirectories(tmp.resolve("outside")).resolve("secret.txt"), SECRET,
                StandardCharsets.UTF_8);
    }

    /** Every regular file of the pack (links not followed) that holds the secret. */
    private static List<Path> filesHoldingTheSecret(Path pack) throws IOException {
        try (Stream<Path> s = Files.walk(pack)) {
            return s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).filter(p -> {
                try {
                    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).contains(SECRET);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static void assertNoStageLeft(Path pack) throws IOException {
        try (Stream<Path> s = Files.list(pack.getParent())) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), left, "a staging copy was left beside the pack");
        }
    }

    @Test
    void linkOutOfThePack_refusedNamingTheLink_neverCopiedAsItsTargetsContent() throws Exception {
        for (boolean verify : new boolean[] {true, false}) {
            Path dir = Files.createDirectories(tmp.resolve("verify-" + verify));
            Path pack = ImportFixtures.pack(dir);
            Path secret = secretOutside();
            // a file no reader of the load decodes, and a template the forms section would render
            Files.createSymbolicLink(pack.resolve("notes.md"), secret);
            Files.createDirectories(pack.resolve("templates"));
            Files.createSymbolicLink(pack.resolve("templates/receipt.ftlh"), secret);
            String before = ImportFixtures.digest(pack);

            ImportReport r = Importer.into(pack).verify(verify).importRecords(List.of(ImportFixtures.record("1.000363")));

            assertFalse(r.written(), r.text());
            assertFalse(r.ok(), r.text());
            ImportProblem p = r.refused().get(0);
            assertEquals("notes.md", p.record(), r.text());
            assertEquals("LINK_OUTSIDE_PACK", p.field(), r.text());
            assertTrue(p.messageVi().startsWith("Bộ quy tắc"), p.messageVi());
            assertTrue(p.messageVi().contains("Liên kết tượng trưng trỏ ra ngoài thư mục bộ quy tắc [notes.md]"), p.messageVi());
            assertTrue(p.messageEn().contains("symbolic link leads outside the pack folder [notes.md]"), p.messageEn());
            assertTrue(r.text().contains("templates/receipt.ftlh"), "every such link is named: " + r.text());
            assertFalse(r.text().contains(SECRET), r.text());
            assertEquals(before, ImportFixtures.digest(pack), "the pack changed");
            assertTrue(Files.isSymbolicLink(pack.resolve("notes.md")));
            assertEquals(List.of(), filesHoldingTheSecret(pack));
            assertNoStageLeft(pack);
        }
    }

    @Test
    void linkInsideThePack_stillImports_andAWriteNeverFollowsALinkOutOfTheCopy() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        // a link inside the pack is pack content (the load reads it): the import goes on
        Files.writeString(pack.resolve("README.md"), "# mini", StandardCharsets.UTF_8);
        Files.createSymbolicLink(pack.resolve("LISEZMOI.md"), Path.of("README.md"));
        ImportReport r = Importer.into(pack).importRecords(List.of(ImportFixtures.record("1.000363")));
        assertTrue(r.written(), r.text());
        assertEquals("# mini", Files.readString(pack.resolve("LISEZMOI.md")));
        assertTrue(Files.isRegularFile(pack.resolve("procedures/1.000363/national.yaml")));
        assertNoStageLeft(pack);
    }

    @Test
    void procedureFolderLinkedOutOfThePack_refused_andNothingWrittenThere() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(pack.resolve("procedures"));
        Files.createSymbolicLink(pack.resolve("procedures/1.000363"), elsewhere);
        String before = ImportFixtures.digest(pack);

        ImportReport r = Importer.into(pack).verify(false).importRecords(List.of(ImportFixtures.record("1.000363")));

        assertFalse(r.written(), r.text());
        assertEquals("procedures/1.000363", r.refused().get(0).record(), r.text());
        assertEquals("LINK_OUTSIDE_PACK", r.refused().get(0).field(), r.text());
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(0, s.count(), "the import wrote through the link");
        }
        assertEquals(before, ImportFixtures.digest(pack), "the pack changed");
        assertNoStageLeft(pack);
    }

    /**
     * A hang guard, not a timing assertion: before, the copy opened the pipe and waited for a writer for ever (an open
     * no interrupt ends, hence the separate thread: a regression fails here instead of stopping the build).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void namedPipeInThePack_refusedNamingIt_notWaitedOn() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path fifo = pack.resolve("pipe");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made && Files.exists(fifo) && !Files.isRegularFile(fifo), "mkfifo is not available here");
        String before = ImportFixtures.digest(pack);

        ImportReport r = Importer.into(pack).importRecords(List.of(ImportFixtures.record("1.000363")));

        assertFalse(r.written(), r.text());
        ImportProblem p = r.refused().get(0);
        assertEquals(ImportProblem.Kind.IO, p.kind(), r.text());
        assertEquals("pipe", p.record(), r.text());
        assertTrue(p.messageVi().contains("Tệp đặc biệt"), p.messageVi());
        assertTrue(p.messageEn().contains("special file"), p.messageEn());
        assertEquals(before, ImportFixtures.digest(pack), "the pack changed");
        assertNoStageLeft(pack);
    }
}
