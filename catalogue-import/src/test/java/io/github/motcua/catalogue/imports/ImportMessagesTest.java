package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * catalogue-import's message bundle: every key in Vietnamese and English, every key the code names is
 * in it, none is left unused, and the English never names a value the Vietnamese lacks. (A review
 * reason is one text "Vietnamese / English" written into national.yaml; a few of them quote the value
 * in Vietnamese only, so the English may leave a placeholder out — never the reverse.)
 */
class ImportMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "catalogue", "imports");
    /** A key written as a string literal in the code: refuse.*, review.*, note.*, report.*. */
    private static final Pattern KEY = Pattern.compile("\"((?:refuse|review|note|report)\\.[A-Za-z0-9.]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    @Test
    void bundle_everyKeyInBothLanguages_andTheEnglishNamesNoValueTheVietnameseLacks() {
        List<String> wrong = new ArrayList<>();
        for (String line : Messages.check(ImportMessages.BUNDLE)) {
            if (!line.contains("placeholders differ")) {
                wrong.add(line); // a key in one language only, or a blank message
            }
        }
        assertEquals(List.of(), wrong);
        for (String key : Messages.keys(ImportMessages.BUNDLE)) {
            TreeSet<String> vi = placeholders(Messages.render(ImportMessages.BUNDLE, key, Map.of(), Locale.forLanguageTag("vi")));
            TreeSet<String> en = placeholders(Messages.render(ImportMessages.BUNDLE, key, Map.of(), Locale.ENGLISH));
            assertTrue(vi.containsAll(en), key + ": the English names " + en + ", the Vietnamese " + vi);
        }
        assertTrue(Messages.keys(ImportMessages.BUNDLE).size() > 60);
    }

    @Test
    void code_everyKeyItNamesIsInTheBundle_andEveryBundleKeyIsUsed() throws IOException {
        TreeSet<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        TreeSet<String> missing = new TreeSet<>(named);
        missing.removeIf(k -> Messages.has(ImportMessages.BUNDLE, k));
        assertEquals(new TreeSet<>(), missing, "keys the code names but the bundle lacks");
        TreeSet<String> unused = new TreeSet<>(Messages.keys(ImportMessages.BUNDLE));
        unused.removeAll(named);
        assertEquals(new TreeSet<>(), unused, "keys no code names");
    }

    @Test
    void render_vietnameseFirstWithDiacritics_thenEnglish() {
        assertEquals("Mã thủ tục [../x] không dùng được làm tên thư mục (ký tự đường dẫn)",
                ImportMessages.vi("refuse.badCode", "code", "../x"));
        assertEquals("procedure code [../x] is not a safe folder name (path characters)",
                ImportMessages.en("refuse.badCode", "code", "../x"));
        // a review reason is one text; the value it quotes in Vietnamese stays out of the English
        assertEquals("Loại phí không biết [null] / unknown fee type", ImportMessages.both("review.fee.unknownType", "type", "null"));
        assertEquals("Đơn vị thời hạn không biết [MONTH] / unknown deadline unit [MONTH]",
                ImportMessages.both("review.deadline.unknownUnit", "unit", "MONTH"));
    }

    /** A fractional deadline's conversion, written into national.yaml, reads as it did when it was built inline. */
    @Test
    void converted_fractionalDeadlines_readAsBefore() {
        RecordMapper giaLai = new RecordMapper(java.time.Duration.ofMinutes(450));
        assertEquals("6 ngày làm việc + 1 giờ 52 phút 30 giây (0.25 × 7 giờ 30 phút làm việc mỗi ngày theo giờ hành chính của bộ quy tắc)",
                giaLai.converted(new java.math.BigDecimal("6.25"), "WORKING_DAYS"));
        assertEquals("6 ngày làm việc + 0.25 ngày (bộ quy tắc không nêu giờ làm việc: không quy đổi được / the pack states no office hours)",
                new RecordMapper(null).converted(new java.math.BigDecimal("6.25"), "WORKING_DAYS"));
        assertEquals("1 ngày + 12 giờ (0.5 × 24 giờ)", giaLai.converted(new java.math.BigDecimal("1.5"), "CALENDAR_DAYS"));
        assertEquals("2 giờ làm việc + 30 phút", giaLai.converted(new java.math.BigDecimal("2.5"), "WORKING_HOURS"));
        assertEquals("0.5 giây", RecordMapper.hms(new java.math.BigDecimal("0.5")));
    }

    private static TreeSet<String> placeholders(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
