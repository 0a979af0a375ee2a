package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kernel's UTF-8 decoder ({@link PackReader#decode}, {@link PackReader#requireUtf8}, the stored strings of a
 * prebuilt pack) against the JDK's: {@code new String(bytes, UTF_8)} for the text, the JDK's reporting decoder for
 * what is refused and where (the line and column of the first malformed byte), then the byte-order mark dropped and
 * {@link Normalizer} NFC — the decoder as it was written before it decoded by itself. Every outcome must be the same:
 * the same text, or the same {@code NOT_UTF8} problem (file, line, column).
 */
class PackReaderUtf8Test {
    /** What the JDK makes of the bytes: the text, or the problem; {@code normalise} false: the text as decoded. */
    static Object jdk(String file, byte[] b, boolean normalise) {
        String s = new String(b, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer out = CharBuffer.allocate(b.length);
            CoderResult r = strict.decode(ByteBuffer.wrap(b), out, true);
            if (!r.isError()) {
                r = strict.flush(out);
            }
            if (r.isError()) {
                out.flip();
                int line = 1;
                int column = 1;
                for (int i = 0; i < out.length(); i++) {
                    char c = out.charAt(i);
                    if (c == '\n') {
                        line++;
                        column = 1;
                    } else if (!Character.isLowSurrogate(c) && !(i == 0 && c == '\uFEFF')) {
                        column++;
                    }
                }
                return Problem.of(file, line, column, ProblemCode.NOT_UTF8, "file", file);
            }
        }
        if (!normalise) {
            return s;
        }
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Counts of what was compared, so that a test can say it met both outcomes. */
    private int texts;
    private int refused;

    /**
     * Every way into the decoder gives the JDK's outcome for {@code b}: {@code decode}, {@code requireUtf8}, the text
     * before normalisation, and the same bytes inside a larger array (as a prebuilt pack's stored strings are read).
     */
    void same(byte[] b) {
        String file = "f.yaml";
        Object expected = jdk(file, b, true);
        Object decoded = outcome(() -> PackReader.decode(file, b));
        if (!expected.equals(decoded)) {
            fail("decode of " + hex(b) + ": expected " + show(expected) + " but was " + show(decoded));
        }
        Object required = outcome(() -> {
            PackReader.requireUtf8(file, b);
            return expected instanceof String ? expected : "accepted";
        });
        if (!expected.equals(required)) {
            fail("requireUtf8 of " + hex(b) + ": expected " + show(expected) + " but was " + show(required));
        }
        Object raw = jdk(file, b, false);
        Object utf8 = outcome(() -> PackReader.utf8(file, b, 0, b.length));
        if (!raw.equals(utf8)) {
            fail("utf8 of " + hex(b) + ": expected " + show(raw) + " but was " + show(utf8));
        }
        byte[] inside = new byte[b.length + 6];
        Arrays.fill(inside, (byte) 0xFF); // never UTF-8: a decoder reading past its range would refuse it
        inside[0] = 'a';
        inside[inside.length - 1] = (byte) 0xE1;
        System.arraycopy(b, 0, inside, 3, b.length);
        Object range = outcome(() -> PackReader.decode(file, inside, 3, b.length));
        if (!expected.equals(range)) {
            fail("decode of " + hex(b) + " at 3 in a larger array: expected " + show(expected) + " but was " + show(range));
        }
        if (expected instanceof String) {
            texts++;
        } else {
            refused++;
        }
    }

    private static Object outcome(java.util.function.Supplier<Object> s) {
        try {
            return s.get();
        } catch (PackReadException e) {
            return e.problem();
        }
    }

    private static String show(Object o) {
        return o instanceof String s ? "text " + hex(s.getBytes(StandardCharsets.UTF_8)) : o.toString();
    }

    private static String hex(byte[] b) {
        String h = HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(b.length, 200));
        return "[" + b.length + " bytes: " + h + (b.length > 200 ? " …" : "") + "]";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Sequences that are not UTF-8, each malformed at its first byte. */
    static final byte[][] MALFORMED = {
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF},
        {(byte) 0xC2}, {(byte) 0xC3, 'a'}, {(byte) 0xDF, (byte) 0xC0},
        {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x9F, (byte) 0xBF}, // overlong
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xAF, (byte) 0xBF}, // high surrogates
        {(byte) 0xED, (byte) 0xB0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, // low surrogates
        {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80}, // a CESU-8 pair
        {(byte) 0xE1, (byte) 0xBA}, {(byte) 0xE1}, {(byte) 0xE1, (byte) 0xBA, 'a'}, {(byte) 0xEF, (byte) 0xBB},
        {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF7, (byte) 0xBF, (byte) 0xBF, (byte) 0xBF},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xF0},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, 'a'}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xFC, (byte) 0x84, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE}, {(byte) 0xFF},
    };

    /** Texts a pack holds, or that test the byte-order mark, NFC and characters outside the BMP. */
    static final String[] TEXTS = {
        "", "a", "id: x\n", "\uFEFF", "\uFEFFid: x\n", "a\uFEFFb\n\uFEFF", "tên: Thủ tục cấp Giấy phép xây dựng\n",
        "Te\u0302\u0301t\nTê\u0301t Tết\n", Normalizer.normalize("Đăng ký hộ kinh doanh – Ủy ban nhân dân xã", Normalizer.Form.NFD),
        "emoji: 😀 🇻🇳 👩‍👩‍👧\n𝄞x\n", "a\uFFFDb\n", "\u0301a", "ǅ Å Å K Ω \u2126 \u212B\n", "x\r\ny\rz\n",
        "— … – → ≤ ‘’ “”\n", "\uFFFE\uFFFF\uFDD0 \u00A0\u0085\u2028\n", "\u0000\u007F\u0080\u07FF\u0800\uFFFF",
        new String(Character.toChars(0x10FFFF)) + new String(Character.toChars(0x10000)),
    };

    @Test
    void everyFileOfTheRepository_andMutationsOfIt_areDecodedAsTheJdkDoes() throws IOException {
        Random random = new Random(15);
        int files = 0;
        for (Path f : SourceTree.allFiles()) {
            if (Files.size(f) > 2_000_000) {
                continue;
            }
            byte[] b = Files.readAllBytes(f);
            files++;
            same(b);
            for (int i = 0; i < 4; i++) {
                same(mutate(b, random));
            }
        }
        assertTrue(files > 500, "the repository's files: " + files);
        System.out.printf("%d files, %d texts, %d refused%n", files, texts, refused);
        assertTrue(refused > files && texts > files, texts + " texts, " + refused + " refused");
    }

    @Test
    void textsCutAtEveryByte_andMalformedSequencesAtEveryPlace_areDecodedAsTheJdkDoes() {
        for (String t : TEXTS) {
            byte[] b = utf8(t);
            for (int cut = 0; cut <= b.length; cut++) {
                same(Arrays.copyOf(b, cut));
                same(Arrays.copyOfRange(b, cut, b.length));
            }
            for (int at = 0; at <= b.length; at++) {
                for (byte[] bad : MALFORMED) {
                    same(insert(b, at, bad));
                }
                same(insert(b, at, utf8("\uFEFF")));
                same(insert(b, at, utf8("\n")));
            }
        }
        assertTrue(refused > 10_000 && texts > 800, texts + " texts, " + refused + " refused");
    }

    @Test
    void everyCodePoint_aloneAndInText_isDecodedAsTheJdkDoes() {
        StringBuilder chunk = new StringBuilder();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String c = new String(Character.toChars(cp));
            same(utf8(c));
            same(utf8("Tê" + c + "\n" + c + "ế"));
            chunk.append(c);
            if (chunk.length() >= 4096) {
                same(utf8(chunk.toString()));
                chunk.setLength(0);
            }
        }
        same(utf8(chunk.toString()));
        assertTrue(texts > 2 * 1_112_064, texts + " texts");
    }

    @Test
    void everySequenceOfTwoBytes_andOfThreeAndFourFromTheirLeads_isDecodedAsTheJdkDoes() {
        for (int i = 0; i < 1 << 16; i++) {
            same(new byte[] {(byte) (i >> 8), (byte) i});
        }
        // a continuation byte is one of a class (80..BF, or not): its value matters only in the second byte
        int[] tails = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE1, 0xF0, 0xFF};
        for (int lead = 0xE0; lead <= 0xEF; lead++) {
            for (int b2 = 0; b2 < 256; b2++) {
                for (int b3 : tails) {
                    same(new byte[] {(byte) lead, (byte) b2, (byte) b3});
                }
            }
        }
        int[] fourth = {0x41, 0x80, 0xBF, 0xC0};
        for (int lead = 0xF0; lead <= 0xF7; lead++) {
            for (int b2 = 0; b2 < 256; b2++) {
                for (int b3 : fourth) {
                    for (int b4 : fourth) {
                        same(new byte[] {(byte) lead, (byte) b2, (byte) b3, (byte) b4});
                    }
                }
            }
        }
        // well-formed: 128 × 128 + 30 × 64 of two bytes (two ASCII, or C2..DF and a continuation); of three, 6 of
        // the 14 third bytes after the second bytes each lead allows (32 after E0 and ED, else 64); of four, 2 × 2
        // after 48 second bytes (F0), 64 (F1..F3), 16 (F4)
        assertEquals(128 * 128 + 30 * 64 + 6 * (14 * 64 + 2 * 32) + 4 * (48 + 3 * 64 + 16), texts);
        assertEquals(65_536 + 16 * 256 * 14 + 8 * 256 * 16, texts + refused);
    }

    @Test
    void randomBytes_areDecodedAsTheJdkDoes() {
        Random random = new Random(16);
        byte[] alphabet = {0, '\n', '\r', 'a', ':', ' ', 0x7F, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F,
            (byte) 0xA0, (byte) 0xBA, (byte) 0xBB, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xC3,
            (byte) 0xCB, (byte) 0xCC, (byte) 0xDF, (byte) 0xE0, (byte) 0xE1, (byte) 0xE2, (byte) 0xED, (byte) 0xEE,
            (byte) 0xEF, (byte) 0xF0, (byte) 0xF1, (byte) 0xF3, (byte) 0xF4, (byte) 0xF5, (byte) 0xF7, (byte) 0xF8,
            (byte) 0xFE, (byte) 0xFF};
        for (int i = 0; i < 60_000; i++) {
            byte[] b = new byte[random.nextInt(24)];
            if (i % 4 == 0) {
                random.nextBytes(b);
            } else {
                for (int j = 0; j < b.length; j++) {
                    b[j] = alphabet[random.nextInt(alphabet.length)];
                }
            }
            same(b);
        }
        // valid text made of random code points, then broken in one place
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                int cp = switch (random.nextInt(5)) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0x1E00 + random.nextInt(0x100);
                    case 3 -> random.nextInt(0x10000);
                    default -> 0x10000 + random.nextInt(0x100000);
                };
                if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                    s.appendCodePoint(cp);
                }
            }
            byte[] b = utf8(s.toString());
            same(b);
            same(mutate(b, random));
        }
        assertTrue(refused > 40_000 && texts > 25_000, texts + " texts, " + refused + " refused");
    }

    /** One to three byte-level edits: a cut, a byte removed, changed or inserted, a malformed sequence, a mark. */
    static byte[] mutate(byte[] b, Random random) {
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(b.length + 1);
            switch (random.nextInt(7)) {
                case 0 -> b = Arrays.copyOf(b, at);
                case 1 -> {
                    if (at < b.length) {
                        byte[] c = new byte[b.length - 1];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                        b = c;
                    }
                }
                case 2 -> {
                    if (at < b.length) {
                        b = b.clone();
                        b[at] = (byte) random.nextInt(256);
                    }
                }
                case 3 -> b = insert(b, at, MALFORMED[random.nextInt(MALFORMED.length)]);
                case 4 -> b = insert(b, at, utf8(random.nextBoolean() ? "\uFEFF" : "e\u0302\u0301"));
                case 5 -> b = insert(b, at, utf8(new String(Character.toChars(0x1F600 + random.nextInt(80)))));
                default -> b = insert(b, at, new byte[] {(byte) random.nextInt(256)});
            }
        }
        return b;
    }

    static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.write(what, 0, what.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    @Test
    void aTextLargerThanTheKeptBuffer_isDecodedAsTheJdkDoes() {
        String line = "tên: Thủ tục cấp Giấy phép – 😀\n";
        byte[] large = utf8(line.repeat(20_000)); // ≈ 800 KB, over the 64 K characters a thread keeps
        same(large);
        same(insert(large, large.length - 3, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        same(utf8("x: 1\n")); // and the small buffer still serves afterwards
        assertEquals(2, texts);
        assertEquals(1, refused);
    }

    @Test
    void threadsDecodingAtOnce_eachGetTheirOwnText() throws Exception {
        List<byte[]> inputs = List.of(utf8("tên: Tết\n".repeat(500)), utf8("mã: Đăng ký 😀\n".repeat(700)),
                utf8("id: x\n".repeat(900)), utf8("Te\u0302\u0301t\n".repeat(300)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int which = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        byte[] b = inputs.get((which + i) % inputs.size());
                        if (!jdk("f.yaml", b, true).equals(PackReader.decode("f.yaml", b))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : done) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
