package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A procedure's rule key hashes its texts' UTF-8 without making the bytes ({@link ProcedureCompiler#updateUtf8}): the
 * digest must be the one of {@code String.getBytes(UTF_8)} for every text, since keys are stored in prebuilt packs
 * and compared across reloads.
 */
class ProcedureKeyTest {
    private static byte[] viaBytes(String s) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(s.getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }

    private static byte[] viaPieces(String s, int buffer) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ProcedureCompiler.updateUtf8(md, s, new byte[buffer]);
        return md.digest();
    }

    private static void same(String s) throws NoSuchAlgorithmException {
        byte[] expected = viaBytes(s);
        for (int buffer : new int[] {4, 5, 7, 8192}) {
            assertArrayEquals(expected, viaPieces(s, buffer), () -> "digest of " + s.codePoints().limit(40)
                    .mapToObj(Integer::toHexString).toList() + " with a buffer of " + buffer);
        }
    }

    @Test
    void everyCharacter_andEveryCodePoint_hashAsTheirBytes() throws NoSuchAlgorithmException {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            same(String.valueOf((char) c)); // the surrogates alone, unpaired: '?'
            same("a" + (char) c);
            same((char) c + "ế");
            all.append((char) c);
        }
        same(all.toString());
        all.setLength(0);
        for (int cp = 0x10000; cp <= Character.MAX_CODE_POINT; cp++) {
            all.appendCodePoint(cp);
        }
        same(all.toString());
    }

    @Test
    void randomTexts_withPairedAndUnpairedSurrogates_hashAsTheirBytes() throws NoSuchAlgorithmException {
        Random random = new Random(16);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(i % 10 == 0 ? 20_000 : 60); n > 0; n--) {
                switch (random.nextInt(7)) {
                    case 0 -> s.append((char) random.nextInt(0x80));
                    case 1 -> s.append((char) (0x80 + random.nextInt(0x780)));
                    case 2 -> s.append((char) (0x1E00 + random.nextInt(0x100)));
                    case 3 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    case 4 -> s.append((char) (0xD800 + random.nextInt(0x800))); // a surrogate alone, or making a pair
                    case 5 -> s.append((char) (0x800 + random.nextInt(0xF800)));
                    default -> s.append('\n');
                }
            }
            same(s.toString());
        }
    }

    @Test
    void theRepositorysFiles_asText_hashAsTheirBytes() throws IOException, NoSuchAlgorithmException {
        int files = 0;
        for (Path f : SourceTree.allFiles()) {
            String name = f.getFileName().toString();
            if (name.endsWith(".drl") || name.endsWith(".yaml") || name.endsWith(".java") || name.endsWith(".md")) {
                same(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
                files++;
            }
        }
        assertTrue(files > 300, "files: " + files);
    }
}
