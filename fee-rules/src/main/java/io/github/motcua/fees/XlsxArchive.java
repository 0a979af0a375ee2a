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
    /**
     * Most formula work the reader may do in one worksheet: the cells that share a formula times the longest shared
     * formula's text (the reader rewrites that text for every such cell), and the array formulas times the cells (it
     * looks every cell up among them). A sheet filled down with a 100-character formula over 10,000 rows costs 1
     * million; a few characters in a file could otherwise cost the reader minutes.
     */
    public static final long MAX_FORMULA_WORK = 20_000_000L;

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

    /**
     * The warnings about what the first sheet of {@code bytes} hides and every reader of it reads anyway — the sheet
     * itself when hidden, each hidden row and each hidden column holding a value ({@code XLSX_HIDDEN_*}, in the sheet's
     * order; at most 20 rows named, the rest counted) — for a reader of decision tables; a fee table gets them in
     * {@link FeeTableResult#warnings()}. Call after {@link #check} passed; never throws (empty when unreadable).
     */
    public static List<FeeTableProblem> hiddenWarnings(String file, byte[] bytes) {
        return XlsxHidden.of(file, bytes);
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
            return Optional.of(readerSaid("FEES_XLSX_BROKEN", e));
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
        if (m.equals("null not found")) {
            // the reader looked for a part the workbook does not name (its styles): the reader's words are no help
            return refusal("FEES_XLSX_MISSING_PART");
        }
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
        return readerSaid("FEES_XLSX_UNREADABLE", e);
    }

    /**
     * The refusal {@code key} in the bundle's own sentences (what is wrong, what to do), with the reader's text — the
     * XLSX reader's or the JDK's English, naming their internals — only quoted after the English as a technical detail,
     * never the only words of either language.
     */
    static Refusal readerSaid(String key, Throwable e) {
        FeeTableProblem p = FeeMessages.table("", 0, "", 0, "", key);
        String said = io.github.motcua.kernel.Messages.render(FeeMessages.BUNDLE, "FEES_READER_SAID", java.util.Locale.ENGLISH,
                "detail", io.github.motcua.kernel.Failures.detail(e));
        return new Refusal(p.messageVi(), p.messageEn() + said, key, 0);
    }

    /**
     * A cell holding a formula but no stored result ({@code <c><f>…</f></c>} without {@code <v>}: a file written by a
     * program that does not calculate, or saved with calculation off). The reader would read it as an empty cell — a
     * missing rate, or a decision-table condition that matches everything — so it is refused at the cell:
     * {@code FEES_XLSX_FORMULA_NO_VALUE}. A formula with its stored result is read as that result, as the spreadsheet
     * shows it.
     */
    public static Refusal formulaWithoutValue(String cell, int row, String formula) {
        String f = formula == null ? "" : formula.length() > 60 ? formula.substring(0, 60) + "…" : formula;
        return atRow(row, refusal("FEES_XLSX_FORMULA_NO_VALUE", "cell", cell, "row", row, "formula", f));
    }

    private record Entry(String name, int method, long compressed, long declared, long localOffset) {
    }

    /** The content type by which the reader finds the shared-texts part ({@code [Content_Types].xml}). */
    private static final String SHARED_TEXTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    /** The content types by which the reader finds the workbook part; without one it reads {@link #DEFAULT_WORKBOOK}. */
    static final Set<String> WORKBOOK_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    private static final String DEFAULT_WORKBOOK = "/xl/workbook.xml";
    /** The relationship types by which a spreadsheet program finds the shared texts (transitional and strict). */
    private static final Set<String> SHARED_TEXTS_RELATIONSHIPS = Set.of(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
            "http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings");
    /** How the reader names a part's relationships: {@code /xl/workbook.xml} has {@code /xl/_rels/workbook.xml.rels}. */
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("^(.*/)([^/]+)$");
    /** A parser factory of the check's own, made per check: a StAX factory is not promised to be thread-safe. */
    static javax.xml.stream.XMLInputFactory xmlFactory() {
        javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newDefaultFactory();
        f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return f;
    }

    /**
     * The parts the reader (fastexcel-reader 0.20.2) opens, found as it finds them: the shared-texts part is the
     * {@code Override} of {@code [Content_Types].xml} with the shared-texts content type; a worksheet is what a
     * {@code sheet} of the workbook names through the workbook's relationships (the workbook part is the override with a
     * workbook content type, or {@code /xl/workbook.xml}); a part name is looked up as written, then ignoring case.
     *
     * @param sharedTexts the entry of the one shared-texts part, or -1 when the archive names none the reader finds
     * @param sharedTextNames every part named as the shared texts, by an override or by a workbook relationship
     * @param sheets the entries a sheet may be read from (every workbook candidate's, every relationship of a sheet's id)
     */
    private record Parts(int sharedTexts, Set<String> sharedTextNames, Set<Integer> sheets) {
    }

    /**
     * Reads {@code [Content_Types].xml}, the workbook candidates and their relationships with the JDK's StAX parser (no
     * DTD, no external entity; every entry has passed the size, encoding and DOCTYPE checks by now), as the reader reads
     * them: elements and the {@code Override}/{@code Relationship} attributes by local name, those attributes of no
     * namespace. Where the reader would take one of several, the check takes all (sheets) or refuses (shared texts).
     * Null when the archive has no {@code [Content_Types].xml}: the reader refuses it before it opens any part.
     */
    private static Parts parts(byte[] bytes, List<Entry> entries, List<long[]> spans, String[] reading)
            throws javax.xml.stream.XMLStreamException {
        javax.xml.stream.XMLInputFactory xml = xmlFactory();
        Set<String> sharedTexts = new java.util.LinkedHashSet<>();
        int sharedTextsEntry = -1;
        List<String> workbooks = new ArrayList<>();
        int types = find(entries, "[Content_Types].xml");
        if (types < 0) {
            return null; // the reader opens nothing of an archive without one: it refuses the file as no workbook
        }
        reading[0] = entries.get(types).name;
        javax.xml.stream.XMLStreamReader contentTypes = open(xml, bytes, entries.get(types), spans.get(types));
        while (contentTypes.hasNext()) {
            if (contentTypes.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT
                    && contentTypes.getLocalName().equals("Override")) {
                String type = attribute(contentTypes, "ContentType");
                String name = attribute(contentTypes, "PartName");
                if (type != null && name != null && type.equals(SHARED_TEXTS_TYPE)) {
                    int at = find(entries, name);
                    sharedTexts.add(at >= 0 ? entries.get(at).name : strip(name));
                    sharedTextsEntry = at;
                } else if (type != null && name != null && WORKBOOK_TYPES.contains(type)) {
                    workbooks.add(name);
                }
            }
        }
        workbooks.add(DEFAULT_WORKBOOK);
        Set<Integer> sheets = new java.util.TreeSet<>();
        for (String workbook : workbooks) {
            int book = find(entries, workbook);
            String rels = FILE_NAME.matcher(workbook).replaceFirst("$1_rels/$2.rels");
            int relsEntry = find(entries, rels);
            if (book < 0 || relsEntry < 0 || rels.indexOf("_rel") < 0) {
                continue; // the reader fails on this workbook: it reads no sheet of it
            }
            String folder = rels.substring(0, rels.indexOf("_rel"));
            java.util.Map<String, List<String>> targets = new java.util.HashMap<>();
            reading[0] = entries.get(relsEntry).name;
            javax.xml.stream.XMLStreamReader r = open(xml, bytes, entries.get(relsEntry), spans.get(relsEntry));
            while (r.hasNext()) {
                if (r.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")) {
                    String id = attribute(r, "Id");
                    String target = attribute(r, "Target");
                    if (target == null) {
                        continue;
                    }
                    target = target.startsWith("/") ? target : folder + target;
                    targets.computeIfAbsent(id, k -> new ArrayList<>()).add(target);
                    if (SHARED_TEXTS_RELATIONSHIPS.contains(attribute(r, "Type"))) {
                        int at = find(entries, target);
                        sharedTexts.add(at >= 0 ? entries.get(at).name : strip(target));
                    }
                }
            }
            reading[0] = entries.get(book).name;
            r = open(xml, bytes, entries.get(book), spans.get(book));
            while (r.hasNext()) {
                if (r.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                    for (int k = 0; k < r.getAttributeCount(); k++) {
                        if (r.getAttributeLocalName(k).equals("id")) { // r:id, whatever namespace r is bound to
                            for (String target : targets.getOrDefault(r.getAttributeValue(k), List.of())) {
                                int at = find(entries, target);
                                if (at >= 0) {
                                    sheets.add(at);
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Parts(sharedTextsEntry, sharedTexts, sheets);
    }

    /** An attribute of no namespace, as the reader asks for it (StAX {@code getAttributeValue(null, name)} in Aalto). */
    private static String attribute(javax.xml.stream.XMLStreamReader r, String name) {
        for (int k = 0; k < r.getAttributeCount(); k++) {
            String ns = r.getAttributeNamespace(k);
            if ((ns == null || ns.isEmpty()) && r.getAttributeLocalName(k).equals(name)) {
                return r.getAttributeValue(k);
            }
        }
        return null;
    }

    private static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** The entry the reader opens for a part name: without its leading '/', as written, else the first ignoring case. */
    private static int find(List<Entry> entries, String name) {
        String n = strip(name);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name.equals(n)) {
                return i;
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name.equalsIgnoreCase(n)) {
                return i;
            }
        }
        return -1;
    }

    /** The XML of an entry already checked (sizes, method, actual size) and inflated once: inflated again, whole. */
    private static javax.xml.stream.XMLStreamReader open(javax.xml.stream.XMLInputFactory xml, byte[] bytes, Entry e, long[] span)
            throws javax.xml.stream.XMLStreamException {
        byte[] content = content(bytes, e.method, (int) span[2], (int) e.compressed, (int) e.declared);
        return xml.createXMLStreamReader(new java.io.ByteArrayInputStream(content));
    }

    /**
     * An entry's content, of an archive that passed {@link #check} (its sizes within the limits, its method stored
     * or deflated, its data where its directory says): stored bytes copied, deflated bytes inflated into an array of
     * the size checked, never more.
     *
     * @throws IllegalArgumentException when the deflated data is broken
     */
    static byte[] content(byte[] bytes, int method, int data, int compressed, int size) {
        if (method == 0) {
            return java.util.Arrays.copyOfRange(bytes, data, data + compressed);
        }
        byte[] content = new byte[size];
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(bytes, data, compressed);
            int n = 0;
            while (n < content.length && !inf.finished()) {
                int k = inf.inflate(content, n, content.length - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
        } catch (DataFormatException x) {
            throw new IllegalArgumentException("bad deflate data: " + x.getMessage(), x);
        } finally {
            inf.end();
        }
        return content;
    }

    /**
     * The first worksheet cell of type shared text ({@code t="s"}) whose index names no item of the shared-texts part —
     * a reader would give it as a blank cell, and a fee table as a missing value or an empty table — or null when there
     * is none; before that, an archive naming more than one shared-texts part (by two overrides, or an override and a
     * workbook relationship naming different parts: the check, the reader and a spreadsheet program could each read
     * another), and a shared-texts part holding an {@code si} or {@code t} of another namespace, which the reader would
     * take for a shared text. Worksheets are those named {@code xl/worksheets/*.xml} and those the workbook names.
     */
    private static Refusal missingSharedText(Parts parts, List<Entry> entries, CellCounter[] counters, Set<Integer> sheets) {
        if (parts.sharedTextNames().size() > 1) {
            return refusal("FEES_XLSX_SHARED_TEXTS_TWICE", "names", String.join(", ", parts.sharedTextNames()));
        }
        int items = 0;
        if (parts.sharedTexts() >= 0) {
            CellCounter texts = counters[parts.sharedTexts()];
            if (texts.foreignSharedText) {
                return refusal("FEES_XLSX_FOREIGN_SHARED_TEXT", "name", entries.get(parts.sharedTexts()).name);
            }
            items = texts.sharedItems;
        }
        for (int i : sheets) {
            CellCounter c = counters[i];
            for (int k = 0; k < c.sharedCount; k++) {
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
            if (hasSecondName(b, p + 46 + nameLen, Math.min(extraLen, eocd - (p + 46 + nameLen)))) {
                return corrupt("FEES_XLSX_SECOND_NAME", "name", name);
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
            if (start <= cdOffset && hasSecondName(b, lp + 30 + nameLen, extraLen)) {
                return corrupt("FEES_XLSX_SECOND_NAME", "name", e.name);
            }
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
            CellCounter counter = new CellCounter();
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
            if (isXmlPart(e.name) && counter.foreignEncoding()) {
                return refusal("FEES_XLSX_ENCODING", "name", e.name);
            }
            if (counter.declaration) {
                return refusal("FEES_XLSX_DOCTYPE", "name", e.name);
            }
            if (isWorksheet(e.name)) {
                Refusal r = sheetRefusal(e, counter);
                cells += counter.cells;
                if (r == null && cells > MAX_CELLS) {
                    r = refusal("FEES_XLSX_TOO_MANY_CELLS", "max", MAX_CELLS);
                }
                if (r != null) {
                    return r;
                }
            }
        }
        Parts parts;
        String[] reading = {""};
        try {
            parts = parts(bytes, entries, spans, reading);
        } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
            // a part the reader finds others by is no XML a parser reads: the reader would fail on it, or read around it
            return refusal("FEES_XLSX_BROKEN_PART", "name", reading[0]);
        }
        // a sheet the workbook names outside xl/worksheets/ is a sheet to the reader: every sheet limit applies to it
        Set<Integer> sheets = new java.util.TreeSet<>(parts == null ? Set.of() : parts.sheets());
        for (int i = 0; i < entries.size(); i++) {
            if (isWorksheet(entries.get(i).name)) {
                sheets.add(i);
            } else if (sheets.contains(i)) {
                Refusal r = sheetRefusal(entries.get(i), counters[i]);
                cells += counters[i].cells;
                if (r == null && cells > MAX_CELLS) {
                    r = refusal("FEES_XLSX_TOO_MANY_CELLS", "max", MAX_CELLS);
                }
                if (r != null) {
                    return r;
                }
            }
        }
        return parts == null ? null : missingSharedText(parts, entries, counters, sheets);
    }

    /** A worksheet's own limits: no cell past {@code XFD}, formula work the reader can afford. */
    private static Refusal sheetRefusal(Entry e, CellCounter counter) {
        if (counter.wideReference) {
            return refusal("FEES_XLSX_WIDE_CELL", "name", e.name);
        }
        if (counter.formulaWork() > MAX_FORMULA_WORK) {
            return refusal("FEES_XLSX_FORMULA_WORK", "name", e.name, "max", MAX_FORMULA_WORK);
        }
        return null;
    }

    /** The ZIP "Info-ZIP Unicode Path" extra field: a second name of the entry, in UTF-8 (APPNOTE 4.6.9). */
    private static final int UNICODE_PATH = 0x7075;

    /**
     * Whether an entry's extra fields, {@code length} bytes at {@code at}, hold a Unicode Path field. The reader's ZIP
     * library (commons-compress) names an entry by that field when the entry's UTF-8 flag is clear and the field's
     * checksum matches the name: the check, which names entries by the directory's own bytes, would validate
     * {@code xl/a.xml} while the reader opened the same bytes as {@code xl/worksheets/sheet1.xml}. A spreadsheet
     * program writes no such field (part names are ASCII), so the archive is refused rather than read both ways.
     */
    private static boolean hasSecondName(ByteBuffer b, int at, int length) {
        for (int k = 0; k + 4 <= length; ) {
            int id = Short.toUnsignedInt(b.getShort(at + k));
            int size = Short.toUnsignedInt(b.getShort(at + k + 2));
            if (id == UNICODE_PATH) {
                return true;
            }
            k += 4 + size;
        }
        return false;
    }

    /** An entry a reader parses as XML (the parts, their relationships, the content types). */
    private static boolean isXmlPart(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".rels");
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
}
