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

    /**
     * Why an archive is refused, in Vietnamese and English (the caller adds the file name), with the stable code of the
     * problem — the bundle key of its message, e.g. {@code FEES_XLSX_RATIO} or {@code FEES_XLSX_BAD_CELL}, every one
     * starting {@code FEES_XLSX_} — and the sheet row it concerns (0 when it concerns the whole file).
     *
     * @param messageVi what is wrong, in Vietnamese
     * @param messageEn what is wrong, in English
     * @param code      the problem's stable code ({@code FEES_XLSX_…})
     * @param row       the sheet row at fault, or 0
     */
    public record Refusal(String messageVi, String messageEn, String code, int row) {
        /** A refusal of the whole file without a code of its own: {@code FEES_XLSX_UNREADABLE}. */
        public Refusal(String messageVi, String messageEn) {
            this(messageVi, messageEn, "FEES_XLSX_UNREADABLE", 0);
        }
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
            return known ? atRow(row, refusal("FEES_XLSX_BAD_CELL", "cell", cell, "row", row)) : refusal("FEES_XLSX_BAD_CELL_SOMEWHERE");
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

    /** The content type by which a workbook names its shared-texts part ({@code [Content_Types].xml}), as readers find it. */
    private static final String SHARED_TEXTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private static final java.util.regex.Pattern OVERRIDE = java.util.regex.Pattern.compile("<Override\\b[^>]*>");
    private static final java.util.regex.Pattern PART_NAME = java.util.regex.Pattern.compile("\\bPartName\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final java.util.regex.Pattern CONTENT_TYPE = java.util.regex.Pattern.compile("\\bContentType\\s*=\\s*[\"']([^\"']*)[\"']");

    /**
     * The first worksheet cell of type shared text ({@code t="s"}) whose index names no item of the shared-texts part —
     * a reader would give it as a blank cell, and a fee table as a missing value or an empty table — or null when there
     * is none. Nothing is refused when {@code [Content_Types].xml} cannot be read here (the reader then decides).
     */
    private static Refusal missingSharedText(List<Entry> entries, CellCounter[] counters) {
        String types = null;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name.equals("[Content_Types].xml")) {
                types = counters[i].captured();
            }
        }
        if (types == null) {
            return null;
        }
        String part = null;
        java.util.regex.Matcher m = OVERRIDE.matcher(types);
        while (m.find()) {
            java.util.regex.Matcher name = PART_NAME.matcher(m.group());
            java.util.regex.Matcher type = CONTENT_TYPE.matcher(m.group());
            if (name.find() && type.find() && type.group(1).equals(SHARED_TEXTS_TYPE)) {
                part = name.group(1).startsWith("/") ? name.group(1).substring(1) : name.group(1);
                break;
            }
        }
        int items = 0;
        for (int i = 0; part != null && i < entries.size(); i++) {
            if (entries.get(i).name.equals(part)) {
                items = counters[i].sharedItems;
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            CellCounter c = counters[i];
            for (int k = 0; c.sheet && k < c.sharedCount; k++) {
                if (c.sharedIndex[k] >= items) {
                    int column = (int) (c.sharedAt[k] >>> 32);
                    int row = (int) c.sharedAt[k];
                    if (column == 0 || row == 0) {
                        return refusal("FEES_XLSX_BAD_SHARED_TEXT_SOMEWHERE", "index", c.sharedIndex[k], "count", items);
                    }
                    return atRow(row, refusal("FEES_XLSX_BAD_SHARED_TEXT", "cell", columnName(column) + row, "row", row,
                            "index", c.sharedIndex[k], "count", items));
                }
            }
        }
        return null;
    }

    /** Excel's name of a 1-based column number: 1 is A, 27 is AA. */
    static String columnName(int column) {
        StringBuilder sb = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            sb.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return sb.toString();
    }

    private static Refusal atRow(int row, Refusal r) {
        return new Refusal(r.messageVi(), r.messageEn(), r.code(), row);
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
        CellCounter[] counters = new CellCounter[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            long[] span = spans.get(i);
            CellCounter counter = new CellCounter(isWorksheet(e.name), e.name.equals("[Content_Types].xml"));
            counters[i] = counter;
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
        return missingSharedText(entries, counters);
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

    /** A refusal whose message is fee-rules' bundle {@code key}, in Vietnamese and English; the key is its code. */
    private static Refusal refusal(String key, Object... pairs) {
        FeeTableProblem p = FeeMessages.table("", 0, "", 0, "", key, pairs);
        return new Refusal(p.messageVi(), p.messageEn(), key, 0);
    }

    /**
     * Counts {@code <c} elements in worksheet XML as it streams by, and notices a cell reference
     * ({@code r="…"}) with more than three column letters or past {@code XFD}.
     */
    static final class CellCounter {
        /** Largest {@code [Content_Types].xml} kept to find the shared-texts part (a real one is a few kilobytes). */
        private static final int MAX_CAPTURE = 1024 * 1024;
        int cells;
        boolean wideReference;
        boolean declaration;
        /** {@code <si>} elements met (the shared-texts part's items; counted in every entry, read for that part). */
        int sharedItems;
        /** Whether the entry is a worksheet: its shared-text cells are recorded. */
        final boolean sheet;
        /**
         * A worksheet's shared-text cells whose index is higher than every earlier one's, in order: the first cell whose
         * index names no shared text is always one of them, whatever the number of shared texts turns out to be.
         */
        int[] sharedIndex = new int[8];
        /** Their column (high 32 bits) and row (low 32 bits), 0 when the cell has no reference. */
        long[] sharedAt = new long[8];
        int sharedCount;
        private int highest = -1;
        private java.io.ByteArrayOutputStream capture;
        // 0 text, 1 saw '<', 2 in a <c tag, 3 in it after ' r', 4 after ' r=', 5 reading the reference, 6 after '<c',
        // 7 after '<!', 8 after ' t', 9 after ' t=', 10 in its quotes, 11 after t="s, 16 after '<s', 17 after '<si',
        // 18 after '<v' of a shared-text cell, 19 in its value
        private int state;
        private int letters;
        private int column;
        private int row;
        private boolean shared;
        private boolean awaitValue;
        private long index;
        private boolean digitsOnly;
        private char prev;

        CellCounter() {
            this(false, false);
        }

        CellCounter(boolean sheet, boolean capture) {
            this.sheet = sheet;
            this.capture = capture ? new java.io.ByteArrayOutputStream() : null;
        }

        /** The captured entry as text, or null when it was not captured or was too large. */
        String captured() {
            return capture == null ? null : capture.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        void feed(byte[] buf, int off, int len) {
            if (capture != null) {
                if (capture.size() + len > MAX_CAPTURE) {
                    capture = null;
                } else {
                    capture.write(buf, off, len);
                }
            }
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
                        } else if (ch == 's') {
                            state = 16; // '<s' — a shared text if '<si' followed by a space, '>' or '/'
                        } else if (ch == 'v' && awaitValue) {
                            state = 18;
                        } else {
                            state = ch == '<' ? 1 : 0;
                        }
                    }
                    case 6 -> {
                        if (ch == ' ' || ch == '>' || ch == '/' || ch == '\t' || ch == '\n' || ch == '\r') {
                            cells++;
                            column = 0;
                            row = 0;
                            shared = false;
                            awaitValue = false;
                            state = ch == '>' ? 0 : 2;
                        } else {
                            state = 0;
                        }
                    }
                    case 2 -> {
                        if (ch == '>') {
                            awaitValue = shared && sheet && prev != '/';
                            state = 0;
                        } else if (ch == 'r' && (prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r')) {
                            state = 3;
                        } else if (ch == 't' && (prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r')) {
                            state = 8;
                        }
                    }
                    case 8 -> state = ch == '=' ? 9 : (ch == '>' ? 0 : 2);
                    case 9 -> state = ch == '"' || ch == '\'' ? 10 : (ch == '>' ? 0 : 2);
                    case 10 -> state = ch == 's' ? 11 : (ch == '>' ? 0 : 2);
                    case 11 -> {
                        shared = ch == '"' || ch == '\'';
                        state = ch == '>' ? 0 : 2;
                    }
                    case 16 -> state = ch == 'i' ? 17 : (ch == '<' ? 1 : 0);
                    case 17 -> {
                        if (ch == ' ' || ch == '>' || ch == '/' || ch == '\t' || ch == '\n' || ch == '\r') {
                            sharedItems++;
                        }
                        state = ch == '<' ? 1 : 0;
                    }
                    case 18 -> {
                        if (ch == '>') {
                            state = 19;
                            index = 0;
                            digitsOnly = true;
                        } else {
                            state = ch == '<' ? 1 : 0;
                        }
                    }
                    case 19 -> {
                        if (ch >= '0' && ch <= '9') {
                            index = Math.min(Integer.MAX_VALUE, index * 10 + (ch - '0'));
                        } else if (ch == '<') {
                            // an index that is no whole number the reader refuses itself (a cell of the wrong type)
                            if (digitsOnly && prev != '>' && index > highest) {
                                record((int) index);
                            }
                            awaitValue = false;
                            state = 1;
                        } else {
                            digitsOnly = false;
                        }
                    }
                    case 3 -> state = ch == '=' ? 4 : (ch == '>' ? 0 : 2);
                    case 4 -> {
                        if (ch == '"' || ch == '\'') {
                            state = 5;
                            letters = 0;
                            column = 0;
                            row = 0;
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
                        } else if (ch >= '0' && ch <= '9' && letters > 0) {
                            row = (int) Math.min(Integer.MAX_VALUE, row * 10L + (ch - '0'));
                        } else {
                            state = ch == '>' ? 0 : 2;
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

        private void record(int at) {
            if (sharedCount == sharedIndex.length) {
                sharedIndex = java.util.Arrays.copyOf(sharedIndex, sharedCount * 2);
                sharedAt = java.util.Arrays.copyOf(sharedAt, sharedCount * 2);
            }
            sharedIndex[sharedCount] = at;
            sharedAt[sharedCount] = ((long) Math.min(column, 16_384) << 32) | (row & 0xFFFFFFFFL);
            sharedCount++;
            highest = at;
        }
    }
}
