package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.kernel.BundleKeys;
import java.nio.file.Path;
import java.util.regex.Pattern;
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

    @Test
    void bundle_everyKeyInBothLanguages_theEnglishNamesNoValueTheVietnameseLacks_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsedEnglishWithinVietnamese(ImportMessages.BUNDLE, BundleKeys.named(SOURCES, false, KEY), 60);
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
}
