package io.github.motcua.fees;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks an XLSX file (a ZIP archive) before any spreadsheet parser sees it, so a 3 MB file that
 * inflates to 3 GB — or holds 10 million cells, or a cell in column {@code AAAAAAA} — is a typed
 * problem naming the file instead of an {@link OutOfMemoryError}. Read from the archive's central
 * directory (what the parsers read): the number of entries, each entry's declared size, compression
 * method and ratio, that no two entries share bytes, and then — inflating every entry into nothing,
 * with a counter — its actual size, the total, and in the worksheets the number of cells and the
 * width of every cell reference. Used by the fee tables ({@code fees.xlsx}) and the rule decision
 * tables ({@code *.rules.xlsx}). Stateless; thread-safe.
 */
public final class XlsxArchive {
    /** Largest XLSX file read at all. */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** Most entries in the archive (a real workbook has a dozen or two). */
    public static final int MAX_ENTRIES = 1_000;
    /** Largest uncompressed entry. */
    public static final long MAX_ENTRY_BYTES = 32L * 1024 * 1024;
    /** Largest sum of the uncompressed entries. */
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    /** Highest compression ratio allowed for an entry larger than {@link #RATIO_FLOOR} (OWASP: a bomb inflates 1,000×+). */
    public static final int MAX_RATIO = 200;
    static final long RATIO_FLOOR = 1024L * 1024;
    /** Most cells over all worksheets. */
    public static final int MAX_CELLS = 200_000;

    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    private XlsxArchive() {
    }

    /** Why an archive is refused, in Vietnamese and English (the caller adds the file name). */
    public record Refusal(String messageVi, String messageEn) {
    }

    /** Reads at most {@link #MAX_FILE_BYTES} + 1 bytes of {@code in}; more is refused by {@link #check}. */
    public static byte[] readCapped(InputStream in) throws IOException {
        return in.readNBytes(MAX_FILE_BYTES + 1);
    }

    /** Empty when {@code bytes} is an XLSX archive within every limit; the reason otherwise. Never throws. */
    public static Optional<Refusal> check(byte[] bytes) {
        try {
            return Optional.ofNullable(inspect(bytes));
        } catch (RuntimeException e) {
            return Optional.of(refusal("FEES_XLSX_BROKEN", "detail", io.github.motcua.kernel.Failures.detail(e)));
        }
    }

    /**
     * What a failure of the XLSX reader (fastexcel, after {@link #check} passed) means to an analyst, in the bundle's
     * words — the reader's own message is English and names its internals: no workbook inside the archive, a sheet
     * whose XML is broken, or a cell whose value is not of the type the cell declares (a number cell holding text, a
     * shared-text index that does not exist), at {@code cell} of row {@code row} when they are known (empty, 0 when
     * not). Anything else keeps the reader's message as its detail. Never throws.
     */
    public static Refusal unreadable(Exception e, String cell, int row) {
        String m = String.valueOf(e.getMessage());
        boolean known = cell != null && !cell.isEmpty();
        if (known || e instanceof NumberFormatException || e instanceof IndexOutOfBoundsException
                || m.startsWith("Invalid boolean") || m.startsWith("Cannot parse")) {
            return known ? refusal("FEES_XLSX_BAD_CELL", "cell", cell, "row", row) : refusal("FEES_XLSX_BAD_CELL_SOMEWHERE");
        }
        if (m.contains(".xml not found") || m.contains("No sheet") || m.contains("sheet") && m.contains("not found")) {
            return refusal("FEES_XLSX_NOT_WORKBOOK");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().startsWith("javax.xml.stream") || String.valueOf(t.getMessage()).contains("[row,col")) {
                return refusal("FEES_XLSX_BROKEN_XML");
            }
        }
        return refusal("FEES_XLSX_UNREADABLE", "detail", io.github.motcua.kernel.Failures.detail(e));
    }

    private record Entry(String name, int method, long compressed, long declared, long localOffset) {
    }

    private static Refusal inspect(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            return refusal("FEES_XLSX_TOO_LARGE", "max", MAX_FILE_BYTES);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
            if (b.getInt(i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return corrupt("FEES_XLSX_NOT_ZIP");
        }
        int count = Short.toUnsignedInt(b.getShort(eocd + 10));
        long cdSize = Integer.toUnsignedLong(b.getInt(eocd + 12));
        long cdOffset = Integer.toUnsignedLong(b.getInt(eocd + 16));
        if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL) {
            return corrupt("FEES_XLSX_ZIP64");
        }
        if (count > MAX_ENTRIES) {
            return refusal("FEES_XLSX_TOO_MANY_ENTRIES", "count", count, "max", MAX_ENTRIES);
        }
        if (cdOffset + cdSize > eocd) {
            return corrupt("FEES_XLSX_DIRECTORY_OUTSIDE");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int p = (int) cdOffset;
        for (int i = 0; i < count; i++) {
            if (p + 46 > eocd || b.getInt(p) != CENTRAL) {
                return corrupt("FEES_XLSX_ENTRY_BROKEN", "index", i + 1);
            }
            int method = Short.toUnsignedInt(b.getShort(p + 10));
            long compressed = Integer.toUnsignedLong(b.getInt(p + 20));
            long declared = Integer.toUnsignedLong(b.getInt(p + 24));
            int nameLen = Short.toUnsignedInt(b.getShort(p + 28));
            int extraLen = Short.toUnsignedInt(b.getShort(p + 30));
            int commentLen = Short.toUnsignedInt(b.getShort(p + 32));
            long local = Integer.toUnsignedLong(b.getInt(p + 42));
            if (p + 46 + nameLen > eocd) {
                return corrupt("FEES_XLSX_NAME_PAST_DIRECTORY");
            }
            String name = new String(bytes, p + 46, nameLen, java.nio.charset.StandardCharsets.UTF_8);
            if (!names.add(name)) {
                return corrupt("FEES_XLSX_ENTRY_TWICE", "name", name);
            }
            if (compressed == 0xFFFFFFFFL || declared == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                return corrupt("FEES_XLSX_ZIP64");
            }
            if (method != 0 && method != 8) {
                return corrupt("FEES_XLSX_METHOD", "name", name, "method", method);
            }
            if (declared > MAX_ENTRY_BYTES) {
                return tooBig(name, declared);
            }
            entries.add(new Entry(name, method, compressed, declared, local));
            p += 46 + nameLen + extraLen + commentLen;
        }
        // where each entry's bytes lie: no two may overlap (an overlapping archive inflates one payload many times)
        List<long[]> spans = new ArrayList<>();
        for (Entry e : entries) {
            int lp = (int) e.localOffset;
            if (e.localOffset + 30 > cdOffset || b.getInt(lp) != LOCAL) {
                return corrupt("FEES_XLSX_NO_LOCAL_HEADER", "name", e.name);
            }
            int nameLen = Short.toUnsignedInt(b.getShort(lp + 26));
            int extraLen = Short.toUnsignedInt(b.getShort(lp + 28));
            long start = e.localOffset + 30 + nameLen + extraLen;
            long end = start + e.compressed;
            if (end > cdOffset) {
                return corrupt("FEES_XLSX_DATA_PAST", "name", e.name);
            }
            spans.add(new long[] {e.localOffset, end, start});
        }
        List<long[]> sorted = new ArrayList<>(spans);
        sorted.sort((x, y) -> Long.compare(x[0], y[0]));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i)[0] < sorted.get(i - 1)[1]) {
                return corrupt("FEES_XLSX_SHARED_DATA");
            }
        }
        long total = 0;
        int cells = 0;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            long[] span = spans.get(i);
            CellCounter counter = new CellCounter();
            long actual;
            if (e.method == 0) {
                actual = e.compressed;
                if (counter != null) {
                    counter.feed(bytes, (int) span[2], (int) e.compressed);
                }
            } else {
                actual = inflatedSize(bytes, (int) span[2], (int) e.compressed, counter);
            }
            if (actual < 0) {
                return tooBig(e.name, -actual);
            }
            if (actual != e.declared) {
                return refusal("FEES_XLSX_SIZE_MISMATCH", "name", e.name, "declared", e.declared, "actual", actual);
            }
            if (actual > RATIO_FLOOR && actual > (long) MAX_RATIO * Math.max(1, e.compressed)) {
                return refusal("FEES_XLSX_RATIO", "name", e.name, "ratio", actual / Math.max(1, e.compressed), "max", MAX_RATIO);
            }
            total += actual;
            if (total > MAX_TOTAL_BYTES) {
                return refusal("FEES_XLSX_TOTAL_TOO_LARGE", "max", MAX_TOTAL_BYTES);
            }
            if (counter.declaration) {
                return refusal("FEES_XLSX_DOCTYPE", "name", e.name);
            }
            if (isWorksheet(e.name)) {
                if (counter.wideReference) {
                    return refusal("FEES_XLSX_WIDE_CELL", "name", e.name);
                }
                cells += counter.cells;
                if (cells > MAX_CELLS) {
                    return refusal("FEES_XLSX_TOO_MANY_CELLS", "max", MAX_CELLS);
                }
            }
        }
        return null;
    }

    private static boolean isWorksheet(String name) {
        return name.startsWith("xl/worksheets/") && name.endsWith(".xml");
    }

    /** The inflated size, or minus the size reached when it passed {@link #MAX_ENTRY_BYTES}. */
    private static long inflatedSize(byte[] bytes, int off, int len, CellCounter counter) {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(bytes, off, len);
            byte[] out = new byte[64 * 1024];
            long total = 0;
            while (!inf.finished()) {
                int n = inf.inflate(out);
                if (n == 0) {
                    if (inf.needsInput() || inf.needsDictionary()) {
                        break; // truncated: the size check below reports the difference
                    }
                    continue;
                }
                if (counter != null) {
                    counter.feed(out, 0, n);
                }
                total += n;
                if (total > MAX_ENTRY_BYTES) {
                    return -total;
                }
            }
            return total;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("bad deflate data: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    private static Refusal tooBig(String name, long size) {
        return refusal("FEES_XLSX_ENTRY_TOO_LARGE", "name", name, "size", size, "max", MAX_ENTRY_BYTES);
    }

    /** A corrupt archive: the bundle's message {@code key} (a {@code FEES_XLSX_} key). */
    private static Refusal corrupt(String key, Object... pairs) {
        return refusal(key, pairs);
    }

    /** A refusal whose message is fee-rules' bundle {@code key}, in Vietnamese and English. */
    private static Refusal refusal(String key, Object... pairs) {
        FeeTableProblem p = FeeMessages.table("", 0, "", 0, "", key, pairs);
        return new Refusal(p.messageVi(), p.messageEn());
    }

    /**
     * Counts {@code <c} elements in worksheet XML as it streams by, and notices a cell reference
     * ({@code r="…"}) with more than three column letters or past {@code XFD}.
     */
    static final class CellCounter {
        int cells;
        boolean wideReference;
        boolean declaration;
        private int state; // 0 text, 1 saw '<', 2 in a <c tag, 3 in it after ' r', 4 after ' r=', 5 reading letters
        private int letters;
        private int column;
        private char prev;

        void feed(byte[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char ch = (char) (buf[i] & 0xFF);
                switch (state) {
                    case 0 -> {
                        if (ch == '<') {
                            state = 1;
                        }
                    }
                    case 1 -> {
                        if (ch == '!') {
                            state = 7;
                        } else if (ch == 'c') {
                            state = 6; // '<c' — a cell only if followed by a space, '>' or '/'
                        } else {
                            state = ch == '<' ? 1 : 0;
                        }
                    }
                    case 6 -> {
                        if (ch == ' ' || ch == '>' || ch == '/' || ch == '\t' || ch == '\n' || ch == '\r') {
                            cells++;
                            state = ch == '>' ? 0 : 2;
                        } else {
                            state = 0;
                        }
                    }
                    case 2 -> {
                        if (ch == '>') {
                            state = 0;
                        } else if (ch == 'r' && (prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r')) {
                            state = 3;
                        }
                    }
                    case 3 -> state = ch == '=' ? 4 : (ch == '>' ? 0 : 2);
                    case 4 -> {
                        if (ch == '"' || ch == '\'') {
                            state = 5;
                            letters = 0;
                            column = 0;
                        } else {
                            state = ch == '>' ? 0 : 2;
                        }
                    }
                    case 5 -> {
                        if (ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z') {
                            letters++;
                            column = column * 26 + (Character.toUpperCase(ch) - 'A' + 1);
                            if (letters > 3 || column > 16_384) {
                                wideReference = true;
                            }
                        } else {
                            state = 2;
                        }
                    }
                    case 7 -> {
                        if (ch == 'D' || ch == 'E' || ch == 'd' || ch == 'e') {
                            declaration = true; // <!DOCTYPE, <!ENTITY (comments <!-- and <![CDATA[ are fine)
                        }
                        state = 0;
                    }
                    default -> state = 0;
                }
                prev = ch;
            }
        }
    }
}
