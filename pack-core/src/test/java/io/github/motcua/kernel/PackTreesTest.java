package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A stored tree reads back as the parse it was written from, and bytes that are not one tree are refused. */
class PackTreesTest {
    private static final PackReader.Limits LIMITS = PackReader.Limits.DEFAULT;

    /** Every kind of node, numbers of each type the YAML parser gives, Vietnamese text, keys a pointer escapes. */
    static final String YAML = """
            code: "1.000363"
            name:
              vi: Đăng ký kết hôn
              en: Marriage registration
            deadline: {days: 5, unit: working}
            fee: 2147483648
            huge: 123456789012345678901234567890
            rate: 0.25
            online: true
            paper: false
            nothing: ~
            "a/b~c": [1, two, {three: 3}, [], {}]
            steps:
              - id: tiep-nhan
                hours: 4
              - id: tham-dinh
                note: |
                  Thẩm định hồ sơ
                  trong ngày
            """;

    static void assertSameTree(PackNode expected, PackNode actual) {
        assertEquals(expected.kind(), actual.kind(), expected.toString());
        assertEquals(expected.file(), actual.file());
        assertEquals(expected.pointer(), actual.pointer());
        assertEquals(expected.line(), actual.line(), expected.toString());
        assertEquals(expected.column(), actual.column(), expected.toString());
        assertEquals(expected.keyLine(), actual.keyLine(), expected.toString());
        assertEquals(expected.keyColumn(), actual.keyColumn(), expected.toString());
        assertEquals(expected.text(), actual.text(), expected.toString());
        assertEquals(expected.number(), actual.number(), expected.toString());
        if (expected.number() != null) {
            assertEquals(expected.number().getClass(), actual.number().getClass(), expected.toString());
        }
        assertEquals(expected.isTrue(), actual.isTrue(), expected.toString());
        assertEquals(expected.map().keySet().stream().toList(), actual.map().keySet().stream().toList());
        for (Map.Entry<String, PackNode> e : expected.map().entrySet()) {
            assertSameTree(e.getValue(), actual.map().get(e.getKey()));
        }
        assertEquals(expected.list().size(), actual.list().size());
        for (int i = 0; i < expected.list().size(); i++) {
            assertSameTree(expected.list().get(i), actual.list().get(i));
        }
    }

    @Nested
    class RoundTrip {
        @Test
        void read_ofWrittenParse_isTheParseInEveryNode() {
            PackNode parsed = PackReader.yaml("procedures/x/procedure.yaml", YAML, LIMITS);
            byte[] stored = PackTrees.write(parsed);
            PackNode read = PackTrees.read("procedures/x/procedure.yaml", stored, LIMITS);
            assertSameTree(parsed, read);
            assertEquals(Long.class, read.get("fee").number().getClass());
            assertEquals(new BigInteger("123456789012345678901234567890"), read.get("huge").number());
            assertEquals("Đăng ký kết hôn", read.get("name").get("vi").text());
            assertEquals("/a~1b~0c/2/three", read.get("a/b~c").list().get(2).get("three").pointer());
        }

        @Test
        void write_sameTree_sameBytes() {
            byte[] a = PackTrees.write(PackReader.yaml("f.yaml", YAML, LIMITS));
            byte[] b = PackTrees.write(PackReader.yaml("f.yaml", YAML, LIMITS));
            assertTrue(Arrays.equals(a, b));
        }

        @Test
        void read_textNotInNfc_isPutInNfcAsTheParserDoes() {
            // "ề" as e + circumflex + grave, written straight into the bytes (a writer never stores that)
            byte[] stored = PackTrees.write(PackReader.yaml("f.yaml", "k: x\n", LIMITS));
            String decomposed = "e\u0302\u0300";
            byte[] patched = replaceText(stored, "x", decomposed);
            assertEquals("\u1EC1", PackTrees.read("f.yaml", patched, LIMITS).get("k").text());
        }

        @Test
        void read_replacementCharacterWrittenAsSuch_isKept() {
            PackNode parsed = PackReader.yaml("f.yaml", "k: \"a\uFFFDb ề\"\n", LIMITS);
            assertEquals("a\uFFFDb ề", PackTrees.read("f.yaml", PackTrees.write(parsed), LIMITS).get("k").text());
        }

        @Test
        void read_doubles_keepTheirValue() {
            PackNode parsed = PackReader.yaml("f.yaml", "a: 1.5\nb: 1e400\nc: .nan\n", LIMITS);
            PackNode read = PackTrees.read("f.yaml", PackTrees.write(parsed), LIMITS);
            assertSameTree(parsed, read);
            assertEquals(Double.POSITIVE_INFINITY, read.get("b").number());
        }

        @Test
        void read_theParsersLongestInteger_roundTrips_oneDigitMoreRefused() {
            String digits = "9".repeat(PackTrees.MAX_DIGITS);
            PackNode parsed = PackReader.yaml("f.yaml", "a: " + digits + "\n", LIMITS);
            byte[] stored = PackTrees.write(parsed);
            assertSameTree(parsed, PackTrees.read("f.yaml", stored, LIMITS));
            // the value's digits (the second copy) one longer, its length varint (1000: E8 07) with them
            byte[] from = ("\u00E8\u0007" + digits).getBytes(StandardCharsets.ISO_8859_1);
            byte[] to = ("\u00E9\u0007" + digits + "9").getBytes(StandardCharsets.ISO_8859_1);
            PackReadException e = assertThrows(PackReadException.class,
                    () -> PackTrees.read("f.yaml", replaceLast(stored, from, to), LIMITS));
            assertEquals("TREE_CORRUPT", e.problem().code().name());
        }
    }

    @Nested
    class Refused {
        private PackReadException refused(byte[] bytes) {
            return assertThrows(PackReadException.class, () -> PackTrees.read("procedures/x/procedure.yaml", bytes, LIMITS));
        }

        @Test
        void truncatedAnywhere_refusedAsCorrupt_atTheFile() {
            byte[] stored = PackTrees.write(PackReader.yaml("f.yaml", YAML, LIMITS));
            for (int cut = 0; cut < stored.length; cut++) {
                PackReadException e = refused(Arrays.copyOf(stored, cut));
                assertEquals("procedures/x/procedure.yaml", e.problem().file());
                assertTrue(Map.of("TREE_CORRUPT", 1, "NOT_UTF8", 1).containsKey(e.problem().code().name()),
                        cut + ": " + e.problem().code());
            }
        }

        @Test
        void bytesAfterTheRoot_refused() {
            byte[] stored = PackTrees.write(PackReader.yaml("f.yaml", "a: 1\n", LIMITS));
            byte[] longer = Arrays.copyOf(stored, stored.length + 1);
            assertEquals("TREE_CORRUPT", refused(longer).problem().code().name());
        }

        @Test
        void unknownTag_refused() {
            byte[] stored = PackTrees.write(PackReader.yaml("f.yaml", "a: 1\n", LIMITS));
            stored[0] = 42;
            assertEquals("TREE_CORRUPT", refused(stored).problem().code().name());
        }

        @Test
        void hugeCount_refusedBeforeAnythingIsAllocated() {
            // a mapping claiming 2^31-1 entries in a few bytes
            byte[] b = {0, 1, 1, 1, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
            assertEquals("TREE_CORRUPT", refused(b).problem().code().name());
        }

        @Test
        void varintPastTwoToThe31_refused() {
            byte[] b = {11, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 1, 1, 1};
            assertEquals("TREE_CORRUPT", refused(b).problem().code().name());
        }

        @Test
        void deeperThanTheReadersLimit_refusedAsTooDeep() {
            // 100 nested lists: the writer would never store it (the parser refuses it), the reader must too
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < 100; i++) {
                out.writeBytes(new byte[] {1, 1, 1, 1, 1, 1});
            }
            out.writeBytes(new byte[] {11, 1, 1, 1, 1});
            PackReadException e = refused(out.toByteArray());
            assertEquals("TOO_DEEP", e.problem().code().name());
        }

        @Test
        void aKeyTwice_refusedAsDuplicateKey() {
            byte[] stored = PackTrees.write(PackReader.yaml("f.yaml", "a: 1\nb: 2\n", LIMITS));
            byte[] patched = replaceText(stored, "b", "a");
            assertEquals("DUPLICATE_KEY", refused(patched).problem().code().name());
        }

        @Test
        void textThatIsNotUtf8_refused() {
            byte[] stored = PackTrees.write(PackReader.yaml("f.yaml", "k: xy\n", LIMITS));
            byte[] patched = replaceBytes(stored, "xy".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28});
            assertEquals("NOT_UTF8", refused(patched).problem().code().name());
        }

        @Test
        void aNumberOfTheWrongLength_refused() {
            byte[] stored = PackTrees.write(PackReader.yaml("f.yaml", "k: 123456789012345678901234567890\n", LIMITS));
            // the second copy of the digits is the number's value (the first is its text as written)
            byte[] patched = replaceLast(stored, "123456789012345678901234567890".getBytes(StandardCharsets.US_ASCII),
                    "12345678901234567890123456789x".getBytes(StandardCharsets.US_ASCII));
            assertEquals("TREE_CORRUPT", refused(patched).problem().code().name());
        }

        @Test
        void aNumberTypeTheParserNeverGives_refused() {
            // tag 10 was a big decimal: 1E-999999999 read as an integer would never end, and no YAML text yields one
            byte[] decimal = {0, 1, 1, 1, 1, 1, 1, 'a', 10, 1, 4, 1, 4, 1, '1', 12, '1', 'E', '-', '9', '9', '9', '9', '9', '9', '9', '9', '9'};
            assertEquals("TREE_CORRUPT", refused(decimal).problem().code().name());
            byte[] flt = {0, 1, 1, 1, 1, 1, 1, 'a', 9, 1, 4, 1, 4, 1, '1', 0x3F, (byte) 0x80, 0, 0};
            assertEquals("TREE_CORRUPT", refused(flt).problem().code().name());
        }

        @Test
        void everyRefusal_hasAMessageInBothLanguages() {
            PackReadException e = refused(new byte[] {42});
            assertTrue(e.problem().messageVi().contains("Cây dữ liệu"), e.problem().messageVi());
            assertTrue(e.problem().messageEn().contains("stored tree"), e.problem().messageEn());
        }
    }

    /** The stored string {@code from} (length and UTF-8 bytes) replaced by {@code to}. */
    static byte[] replaceText(byte[] stored, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        byte[] fl = new byte[f.length + 1];
        fl[0] = (byte) f.length;
        System.arraycopy(f, 0, fl, 1, f.length);
        byte[] tl = new byte[t.length + 1];
        tl[0] = (byte) t.length;
        System.arraycopy(t, 0, tl, 1, t.length);
        return replaceBytes(stored, fl, tl);
    }

    static byte[] replaceLast(byte[] in, byte[] from, byte[] to) {
        for (int i = in.length - from.length; i >= 0; i--) {
            if (Arrays.equals(Arrays.copyOfRange(in, i, i + from.length), from)) {
                return replaceAt(in, i, from.length, to);
            }
        }
        throw new AssertionError("not found");
    }

    static byte[] replaceAt(byte[] in, int i, int length, byte[] to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in, 0, i);
        out.writeBytes(to);
        out.write(in, i + length, in.length - i - length);
        return out.toByteArray();
    }

    static byte[] replaceBytes(byte[] in, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= in.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(in, i, i + from.length), from)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(in, 0, i);
                out.writeBytes(to);
                out.write(in, i + from.length, in.length - i - from.length);
                return out.toByteArray();
            }
        }
        throw new AssertionError("not found: " + new String(from, StandardCharsets.UTF_8));
    }
}
