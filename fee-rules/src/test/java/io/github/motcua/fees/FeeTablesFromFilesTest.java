package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedder's fee table read from a file ({@code FeeTables.parse(Path, …)}) goes through the kernel's
 * one reader, as a pack's {@code fees.csv} does: the same limits, the same refusals, the same problem
 * codes — and a good table reads as before.
 */
class FeeTablesFromFilesTest {
    @TempDir
    Path dir;

    private static FeeTableResult parse(Path p) {
        return FeeTables.parse(p, FeeTablesTest.BASES, GiaLaiFees.catalog());
    }

    @Test
    void parse_goodTableFromAFile_readsAsBefore() throws IOException {
        Path fees = Files.createDirectories(dir.resolve("procedures/1.001193")).resolve("fees.csv");
        Files.writeString(fees, LightTablesTest.LIGHT_FEES, StandardCharsets.UTF_8);
        FeeTable t = parse(fees).orThrow();
        assertEquals(8_000, t.assess(FeeRequest.of("1.001193", LocalDate.of(2026, 3, 2))).total().dong());
        Path ex = fees.resolveSibling("fee-exemptions.csv");
        Files.writeString(ex, LightTablesTest.LIGHT_EXEMPTIONS, StandardCharsets.UTF_8);
        assertTrue(FeeTables.parse(fees, ex, FeeTablesTest.BASES, GiaLaiFees.catalog()).ok(),
                () -> FeeTables.parse(fees, ex, FeeTablesTest.BASES, GiaLaiFees.catalog()).problems().toString());
    }

    /** A table that is a link to a file outside its folder is refused, as a pack refuses a link out of the pack. */
    @Test
    void parse_linkLeadingOutOfItsFolder_isRefusedAsThePackReaderRefusesIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("elsewhere.csv"), LightTablesTest.LIGHT_FEES, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(dir.resolve("procedures/1.001193"));
        Path link = Files.createSymbolicLink(folder.resolve("fees.csv"), secret);
        FeeTableResult r = parse(link);
        assertNull(r.table());
        FeeTableProblem p = r.problems().get(0);
        assertEquals("LINK_OUTSIDE_PACK", p.code(), r.problems().toString());
        assertEquals(link.toString().replace('\\', '/'), p.file());
        assertTrue(p.messageVi().startsWith("Liên kết tượng trưng trỏ ra ngoài"), p.messageVi());
        Path ex = folder.resolve("fee-exemptions.csv");
        Files.writeString(ex, LightTablesTest.LIGHT_EXEMPTIONS, StandardCharsets.UTF_8);
        assertEquals("LINK_OUTSIDE_PACK", FeeTables.parse(link, ex, FeeTablesTest.BASES, GiaLaiFees.catalog())
                .problems().get(0).code());
        // a link inside the folder is read, as inside a pack
        Path inside = Files.writeString(folder.resolve("fees-2026.csv"), LightTablesTest.LIGHT_FEES, StandardCharsets.UTF_8);
        Path alias = Files.createSymbolicLink(folder.resolve("current.csv"), inside.getFileName());
        assertTrue(parse(alias).ok(), () -> parse(alias).problems().toString());
    }

    /** Over the reader's 8 MB the file is not read at all: the kernel's FILE_TOO_LARGE, as for a pack file. */
    @Test
    void parse_fileOverTheReadersLimit_isTheKernelsFileTooLarge() throws IOException {
        Path big = dir.resolve("fees.xlsx");
        byte[] block = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 9; i++) {
                out.write(block);
            }
        }
        FeeTableResult r = parse(big);
        assertNull(r.table());
        assertEquals("FILE_TOO_LARGE", r.problems().get(0).code(), r.problems().toString());
        assertTrue(r.problems().get(0).messageEn().contains(Long.toString(8L * 1024 * 1024)), r.problems().get(0).messageEn());
    }

    @Test
    void parse_missingFileOrAFolder_isUnreadableNamingThePath() throws IOException {
        FeeTableResult missing = parse(dir.resolve("nope.csv"));
        assertEquals("FEES_UNREADABLE", missing.problems().get(0).code());
        assertTrue(missing.problems().get(0).messageEn().contains("nope.csv"), missing.problems().get(0).messageEn());
        Path folder = Files.createDirectories(dir.resolve("fees.csv"));
        assertEquals("FEES_UNREADABLE", parse(folder).problems().get(0).code());
    }
}
