package io.github.motcua.fees;

import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.Problem;
import io.github.motcua.law.LegalBasis;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The front door of fee-rules: builds {@link FeeTable}s from a pack's {@code fees.csv} or
 * {@code fees.xlsx} and, beside it, an optional light exemption table {@code fee-exemptions.csv} or
 * {@code fee-exemptions.xlsx} (column reference: docs/fees.md).
 *
 * <h2>Stacking policy (chính sách cộng dồn miễn, giảm)</h2>
 * <ol>
 *   <li>A line's rate is the RATE row of its item in force on the as-of date for the channel; a row
 *       conditioned on categories the applicant meets beats an unconditioned one, a row for the
 *       channel beats an any-channel one; among equally specific rows the cheapest wins.</li>
 *   <li>A full exemption wins: if any EXEMPT row or rule directive applies, the line is 0 đ and every
 *       applicable exemption is listed (the first carries the amount, the others 0 đ).</li>
 *   <li>Reductions do not compound: of the applicable REDUCE rows and directives without
 *       {@code stacks=true}, only the largest percentage applies (the first on a tie). A REDUCE row with
 *       {@code stacks=true} then applies to what remains, each in table order.</li>
 *   <li>Each percentage is rounded half up to the whole đồng ({@link Money#percent(int)}).</li>
 * </ol>
 *
 * <h2>Dated windows</h2> {@code validFrom}/{@code validTo} are inclusive; blank is open. Outside every
 * window of an item that must be charged (before the first, after the last) {@link FeeTable#assess}
 * throws {@link NoRateInForceException}: a table never silently charges 0 đ. EXEMPT and REDUCE rows
 * simply stop applying outside their window.
 *
 * <p>Thread-safe: stateless static methods.
 */
public final class FeeTables {

    /** The largest quantity (pages, copies, cards) a form may ask for; more is rejected as absurd. */
    public static final long MAX_QUANTITY = 1_000_000L;

    /** The largest fee table file accepted (bytes); a larger one is a problem, never an out-of-memory. */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    /** The most rows a fee table may have. */
    public static final int MAX_ROWS = 10_000;

    /**
     * The most problems one fee table file reports (since session 21): the first ones, row by row, then one
     * {@code FEES_MORE_PROBLEMS} whose {@link FeeTableProblem#value()} counts the rest in digits. A real table with
     * that many has one mistake repeated; a hostile one (a 5 MB header of unknown columns, a stray quote in every
     * cell) made a problem a cell and ran out of memory. The same number as a pack load's cap (docs/pack-format.md).
     */
    public static final int MAX_PROBLEMS = io.github.motcua.kernel.ProblemSink.MAX;

    /**
     * The code of a fee table file's last problem past {@link #MAX_PROBLEMS}: its {@link FeeTableProblem#value()} counts,
     * in digits, the problems not listed from its place on (a pack load folds it into its one {@code PROBLEMS_MORE}).
     */
    public static final String MORE_PROBLEMS = "FEES_MORE_PROBLEMS";

    /** A missing quantity counts as this many (one page, one copy, one case). */
    public static final long DEFAULT_QUANTITY = 1L;

    /** The light exemption table's file name without extension ({@code fee-exemptions.csv|xlsx}, beside {@code fees.csv}). */
    public static final String EXEMPTIONS_TABLE = "fee-exemptions";

    private FeeTables() {
    }

    /**
     * Parses a fee table together with its light exemption table (miễn, giảm: one row per exemption or
     * reduction, with only {@code item}, {@code categories}, {@code percent}, {@code basis} and the optional
     * {@code channel}, {@code stacks}, {@code validFrom}, {@code validTo}, {@code verified}, {@code note}).
     * Each file is CSV or XLSX by its extension; problems name the file they are in. Never throws for bad
     * content.
     *
     * @param feesFile       the fee table's name for messages, e.g. {@code "procedures/1.001193/fees.csv"}
     * @param fees           its bytes; not closed
     * @param exemptionsFile the exemption table's name, e.g. {@code "procedures/1.001193/fee-exemptions.csv"}
     * @param exemptions     its bytes; not closed
     */
    public static FeeTableResult parse(String feesFile, InputStream fees, String exemptionsFile, InputStream exemptions,
            Function<String, Optional<LegalBasis>> bases, ExemptionCatalog catalog) {
        Objects.requireNonNull(feesFile, "feesFile");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(exemptionsFile, "exemptionsFile");
        Objects.requireNonNull(exemptions, "exemptions");
        Objects.requireNonNull(bases, "bases");
        Objects.requireNonNull(catalog, "catalog");
        RawTable feesRaw = raw(feesFile, fees);
        RawTable exemptionsRaw = raw(exemptionsFile, exemptions);
        List<FeeTableProblem> warnings = new java.util.ArrayList<>(feesRaw.warnings());
        warnings.addAll(exemptionsRaw.warnings());
        return FeeTableParser.parse(feesFile, feesRaw, exemptionsFile, exemptionsRaw, bases, catalog).withWarnings(warnings);
    }

    /**
     * {@link #parse(String, InputStream, String, InputStream, Function, ExemptionCatalog)} from two files, each
     * read through the kernel's {@link PackReader} as a pack's fee table is ({@link #parse(Path, Function,
     * ExemptionCatalog)}).
     */
    public static FeeTableResult parse(Path fees, Path exemptions, Function<String, Optional<LegalBasis>> bases,
            ExemptionCatalog catalog) {
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(exemptions, "exemptions");
        Objects.requireNonNull(bases, "bases"); // checked before reading: a missing file must not hide it
        Objects.requireNonNull(catalog, "catalog");
        String feesName = fees.toString().replace('\\', '/');
        String exName = exemptions.toString().replace('\\', '/');
        Read f = read(fees, feesName);
        if (f.refused() != null) {
            return f.refused();
        }
        Read e = read(exemptions, exName);
        if (e.refused() != null) {
            return e.refused();
        }
        return parse(feesName, new ByteArrayInputStream(f.bytes()), exName, new ByteArrayInputStream(e.bytes()), bases,
                catalog);
    }

    /** A file's bytes, or the table result that refuses it. */
    private record Read(byte[] bytes, FeeTableResult refused) {
    }

    /**
     * The bytes of {@code path} through the kernel's one positioned reader, rooted at the file's own folder:
     * the same limits and refusals as a pack's {@code fees.csv} (a symbolic link leading out of the folder
     * {@code LINK_OUTSIDE_PACK}, a file over the reader's 8 MB {@code FILE_TOO_LARGE}, each the kernel's
     * problem and code), then fee-rules' own (5 MB for CSV, the XLSX archive checks).
     */
    private static Read read(Path path, String name) {
        Path absolute = path.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null) {
            return new Read(null, new FeeTableResult(null, List.of(FeeMessages.table(name, 0, "", 0, "", "FEES_UNREADABLE",
                    "detail", name))));
        }
        try {
            Optional<byte[]> bytes = PackReader.of(folder).bytes(absolute.getFileName().toString());
            if (bytes.isEmpty()) { // no such regular file (missing, or a folder): the path, as before
                return new Read(null, new FeeTableResult(null, List.of(FeeMessages.table(name, 0, "", 0, "",
                        "FEES_UNREADABLE", "detail", name))));
            }
            return new Read(bytes.get(), null);
        } catch (PackReadException e) {
            Problem p = e.problem();
            return new Read(null, new FeeTableResult(null, List.of(new FeeTableProblem(name, 0, "", 0, "",
                    p.messageVi(), p.messageEn(), p.code().name()))));
        }
    }

    /**
     * The problem of an exemption table that has no fee table beside it (its rows would have no rate to
     * exempt), for a loader that finds {@code fee-exemptions.csv} alone.
     */
    public static FeeTableResult exemptionsWithoutFees(String exemptionsFile) {
        return new FeeTableResult(null, List.of(FeeMessages.table(exemptionsFile, 0, "", 0, "", "FEES_EXEMPTIONS_WITHOUT_FEES")));
    }

    /**
     * {@code in.readNBytes(max)}: the same bytes, and the stream left where that leaves it. From a
     * {@link java.io.ByteArrayInputStream} itself (how the engine hands a pack's bytes over) it copies what the stream
     * holds once, instead of through a new 8 KB buffer and a copy of it per file.
     */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        if (in.getClass() == java.io.ByteArrayInputStream.class) {
            byte[] out = new byte[Math.min(in.available(), max)]; // available(): exactly what is left in its array
            int n = in.readNBytes(out, 0, out.length);
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }
        return in.readNBytes(max);
    }

    private static RawTable raw(String file, InputStream in) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return XlsxRecords.read(file, in);
        }
        byte[] bytes;
        try {
            bytes = readAtMost(in, MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return new RawTable(List.of(), List.of(FeeMessages.table(file, 0, "", 0, "", "FEES_UNREADABLE", "detail", io.github.motcua.kernel.Failures.detail(e))));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            return new RawTable(List.of(), List.of(FeeMessages.table(file, 0, "", 0, "", "FEES_FILE_TOO_LARGE", "max", MAX_FILE_BYTES)));
        }
        return CsvRecords.read(file, bytes);
    }

    /**
     * Parses a CSV fee table (UTF-8, optional BOM, RFC 4180 quoting). Never throws for bad content.
     *
     * @param file    the file name for messages, e.g. {@code "procedures/2.000815/fees.csv"}
     * @param in      the bytes; not closed
     * @param bases   resolves a legal-basis id from the pack's {@code legal-bases/*.yaml}
     * @param catalog the pack's exemption categories
     */
    public static FeeTableResult parseCsv(String file, InputStream in, Function<String, Optional<LegalBasis>> bases,
            ExemptionCatalog catalog) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(bases, "bases");
        Objects.requireNonNull(catalog, "catalog");
        byte[] bytes;
        try {
            bytes = readAtMost(in, MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return ioProblem(file, e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            return new FeeTableResult(null, List.of(FeeMessages.table(file, 0, "", 0, "", "FEES_FILE_TOO_LARGE", "max", MAX_FILE_BYTES)));
        }
        return FeeTableParser.parse(file, CsvRecords.read(file, bytes), bases, catalog);
    }

    /**
     * Parses an XLSX fee table (first sheet, same columns as the CSV). Never throws for bad content. What the
     * spreadsheet program hides is read like the rest, and each is a {@link FeeTableResult#warnings() warning}: the
     * first sheet when it is hidden, each hidden row and each hidden column that holds a value.
     */
    public static FeeTableResult parseXlsx(String file, InputStream in, Function<String, Optional<LegalBasis>> bases,
            ExemptionCatalog catalog) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(bases, "bases");
        Objects.requireNonNull(catalog, "catalog");
        RawTable raw = XlsxRecords.read(file, in);
        return FeeTableParser.parse(file, raw, bases, catalog).withWarnings(raw.warnings());
    }

    /** Parses {@code fees.csv} or {@code fees.xlsx} by extension; the file name in messages is {@code path}. */
    public static FeeTableResult parse(Path path, Function<String, Optional<LegalBasis>> bases,
            ExemptionCatalog catalog) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bases, "bases"); // checked before reading: a missing file must not hide it
        Objects.requireNonNull(catalog, "catalog");
        String name = path.toString().replace('\\', '/');
        Read r = read(path, name);
        if (r.refused() != null) {
            return r.refused();
        }
        InputStream in = new ByteArrayInputStream(r.bytes());
        if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return parseXlsx(name, in, bases, catalog);
        }
        return parseCsv(name, in, bases, catalog);
    }

    private static FeeTableResult ioProblem(String file, IOException e) {
        return new FeeTableResult(null, List.of(FeeMessages.table(file, 0, "", 0, "", "FEES_UNREADABLE", "detail", io.github.motcua.kernel.Failures.detail(e))));
    }
}
