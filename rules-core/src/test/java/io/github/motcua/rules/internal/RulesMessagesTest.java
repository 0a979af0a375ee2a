package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.BundleKeys;
import io.github.motcua.kernel.Messages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * rules-core's message bundle (the decision pipeline's messages): every key in Vietnamese and
 * English with the same placeholders, every key the code names is in it, and none is left unused
 * (the kernel's {@link BundleKeys}).
 */
class RulesMessagesTest {
    /** Every package of rules-core: the engine (internal) and the vocabulary name keys of the bundle. */
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "rules");
    /**
     * A key of the decision pipeline written as a string literal: its families ({@code CAUSE_}, {@code NOTE_},
     * {@code ROUTING_}, {@code FRAGMENT_}, {@code REASON_}, {@code TEXT_FORM_}, two single keys). Upper-case
     * literals of other families are problem or cause codes, or keys of rules-core's other bundles.
     */
    private static final Pattern PIPELINE_KEY = Pattern.compile(
            "\"((?:CAUSE|NOTE|ROUTING|FRAGMENT|REASON)_[A-Z0-9_]+|TEXT_FORM_[A-Z0-9_]+|COMPONENT_NOT_IN_PROCEDURE|FORM_UNREADABLE)\"");
    /** A key given straight to Msg.vi / Msg.en. */
    private static final Pattern MSG_CALL = Pattern.compile("Msg\\.(?:vi|en)\\(\\s*\"([A-Z0-9_]+)\"");
    /** A key of pack loading (Msg.problem, YamlDoc.msg, Msg.vi / Msg.en): {@code load.…}, wherever it is written. */
    private static final Pattern LOAD_KEY = Pattern.compile("\"((?:load|vocabulary|cases|text|label)\\.[A-Za-z0-9._]+)\"");

    @Test
    void bundle_everyKeyInBothLanguages_everyKeyTheCodeNamesIsThere_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsed(Msg.BUNDLE, BundleKeys.named(SOURCES, true, PIPELINE_KEY, MSG_CALL, LOAD_KEY), 300);
    }

    @Test
    void render_everyMessageInBothLanguages_fillsEveryPlaceholder() {
        Pattern placeholder = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
        for (String key : Messages.keys(Msg.BUNDLE)) {
            for (Locale locale : new Locale[] {Locale.forLanguageTag("vi"), Locale.ENGLISH}) {
                String raw = Messages.render(Msg.BUNDLE, key, Map.of(), locale);
                Map<String, String> args = new java.util.HashMap<>();
                Matcher m = placeholder.matcher(raw);
                while (m.find()) {
                    args.put(m.group(1), "x");
                }
                String text = Messages.render(Msg.BUNDLE, key, args, locale);
                assertFalse(placeholder.matcher(text).find(), key + " " + locale + ": " + text);
                assertFalse(text.isBlank(), key);
            }
        }
        // Vietnamese first, with its diacritics, and the English differs
        assertTrue(Msg.vi("NOTE_NOT_ASSESSED").startsWith("Chưa đánh giá"), Msg.vi("NOTE_NOT_ASSESSED"));
        assertTrue(Msg.en("NOTE_NOT_ASSESSED").startsWith("conditions not assessed"), Msg.en("NOTE_NOT_ASSESSED"));
    }

    /**
     * The fallback branches (fees or form sections' unexpected IllegalArgumentException, Routing's bad
     * transfer) word their detail through Msg.detailVi / detailEn: the Vietnamese message never carries
     * the exception's English text, the English one does; an exception carrying a problem gives its own
     * Vietnamese and English.
     */
    @Test
    void unexpectedExceptionDetail_vietnameseWordingAndTheEnglishTextOnlyInEnglish() {
        IllegalArgumentException odd = new IllegalArgumentException("No enum constant FeeBasis.PER_PAGEE");
        String vi = Msg.vi("CAUSE_FEES_FAILED", "detail", Msg.detailVi(odd));
        String en = Msg.en("CAUSE_FEES_FAILED", "detail", Msg.detailEn(odd));
        assertEquals("Không tính được phí, lệ phí: lỗi không lường trước (chi tiết kỹ thuật có trong bản tiếng Anh của thông báo)", vi);
        assertFalse(vi.contains("enum") || vi.contains("PER_PAGEE"), vi);
        assertEquals("the fees cannot be computed: No enum constant FeeBasis.PER_PAGEE", en);
        String form = Msg.vi("FORM_UNREADABLE", "detail", Msg.detailVi(new IllegalArgumentException("nesting too deep")));
        assertTrue(form.startsWith("Dữ liệu tờ khai không đọc được: lỗi không lường trước") && !form.contains("nesting"), form);
        // a message-less exception is named in English, never "null"
        assertEquals("IllegalStateException", Msg.detailEn(new IllegalStateException()));

        // an exception with its own problem (the calendar's bundle) speaks both languages itself
        RuntimeException range = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> new io.github.motcua.calendar.TimeLimit(5000, io.github.motcua.calendar.DeadlineUnit.WORKING_DAYS));
        assertTrue(Msg.detailVi(range).startsWith("Thời hạn tính bằng"), Msg.detailVi(range));
        assertTrue(Msg.detailEn(range).startsWith("time limit in"), Msg.detailEn(range));
    }
}
