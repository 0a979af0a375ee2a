package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The front door of fee-rules: builds {@link FeeTable}s from a pack's {@code fees.csv} or
 * {@code fees.xlsx} (column reference: docs/fees.md).
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

    /** A missing quantity counts as this many (one page, one copy, one case). */
    public static final long DEFAULT_QUANTITY = 1L;

    private FeeTables() {
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
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return ioProblem(file, e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            return new FeeTableResult(null, List.of(new FeeTableProblem(file, 0, "", 0, "",
                    "Tệp bảng phí quá lớn (tối đa " + MAX_FILE_BYTES + " byte)",
                    "The fee table file is too large (at most " + MAX_FILE_BYTES + " bytes)")));
        }
        return FeeTableParser.parse(file, CsvRecords.read(file, bytes), bases, catalog);
    }

    /** Parses an XLSX fee table (first sheet, same columns as the CSV). Never throws for bad content. */
    public static FeeTableResult parseXlsx(String file, InputStream in, Function<String, Optional<LegalBasis>> bases,
            ExemptionCatalog catalog) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(bases, "bases");
        Objects.requireNonNull(catalog, "catalog");
        return FeeTableParser.parse(file, XlsxRecords.read(file, in), bases, catalog);
    }

    /** Parses {@code fees.csv} or {@code fees.xlsx} by extension; the file name in messages is {@code path}. */
    public static FeeTableResult parse(Path path, Function<String, Optional<LegalBasis>> bases,
            ExemptionCatalog catalog) {
        String name = path.toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(path)) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                return parseXlsx(name, in, bases, catalog);
            }
            return parseCsv(name, in, bases, catalog);
        } catch (IOException e) {
            return ioProblem(name, e);
        }
    }

    private static FeeTableResult ioProblem(String file, IOException e) {
        return new FeeTableResult(null, List.of(new FeeTableProblem(file, 0, "", 0, "",
                "Không đọc được tệp: " + e.getMessage(), "Cannot read the file: " + e.getMessage())));
    }
}
