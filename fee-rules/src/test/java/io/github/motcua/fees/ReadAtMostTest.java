package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FeeTables#readAtMost}, the fee tables' read of a stream's first bytes, against what it stands for,
 * {@code InputStream.readNBytes(max)}: the same bytes and the stream left at the same place, for a
 * {@link ByteArrayInputStream} (the engine's case), one partly read already, one over a part of its array, a subclass,
 * and another stream; at sizes around the 8 KB buffer and the fee table's limit.
 */
class ReadAtMostTest {
    private static final int MAX = FeeTables.MAX_FILE_BYTES + 1;

    /** A stream the fast path must not take: a subclass whose reads hand over at most 100 bytes at a time. */
    private static final class Trickling extends ByteArrayInputStream {
        Trickling(byte[] b, int off, int len) {
            super(b, off, len);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 100));
        }
    }

    private static InputStream make(int kind, byte[] bytes, int off, int len) {
        return switch (kind) {
            case 0 -> new ByteArrayInputStream(bytes, off, len);
            case 1 -> new Trickling(bytes, off, len);
            default -> new java.io.BufferedInputStream(new ByteArrayInputStream(bytes, off, len), 37);
        };
    }

    @Test
    void sameBytesAndPlaceAsReadNBytes() throws IOException {
        Random r = new Random(15);
        int[] sizes = {0, 1, 100, 8191, 8192, 8193, 20_000, MAX - 1, MAX, MAX + 1, MAX + 8192, 2 * MAX};
        int compared = 0;
        for (int size : sizes) {
            byte[] bytes = new byte[size + 20];
            r.nextBytes(bytes);
            for (int kind = 0; kind < 3; kind++) {
                for (int off : new int[] {0, 7}) {
                    for (int skip : new int[] {0, 1, 9000}) {
                        for (int max : new int[] {0, 1, 8192, MAX}) {
                            InputStream a = make(kind, bytes, off, size);
                            InputStream b = make(kind, bytes, off, size);
                            assertEquals(a.skip(skip), b.skip(skip));
                            byte[] want = a.readNBytes(max);
                            byte[] got = FeeTables.readAtMost(b, max);
                            assertArrayEquals(want, got, size + "/" + kind + "/" + off + "/" + skip + "/" + max);
                            assertEquals(a.available(), b.available());
                            assertArrayEquals(a.readAllBytes(), b.readAllBytes());
                            compared++;
                        }
                    }
                }
            }
        }
        assertEquals(sizes.length * 3 * 2 * 3 * 4, compared);
    }
}
