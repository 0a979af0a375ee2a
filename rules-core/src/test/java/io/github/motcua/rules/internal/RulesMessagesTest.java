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

    /** The public API package only (the exceptions): {@link #SOURCES} without its sub-packages. */
    private static final Path API = SOURCES;

    /**
     * The problems bundle ({@code problems_*.properties}): the exceptions name a key either as their code
     * constant ({@code CODE = new ProblemCode("X")} rendered with {@code RulesMessages.BUNDLE, CODE.name()})
     * or as a literal after {@code RulesMessages.BUNDLE}. Every such key is in the bundle, and every key of
     * the bundle is named so.
     */
    @Test
    void problemsBundle_exactlyTheKeysTheExceptionsName() throws java.io.IOException {
        java.util.SortedSet<String> used = new java.util.TreeSet<>();
        Pattern literal = Pattern.compile("RulesMessages\\.BUNDLE,\\s*\"([A-Z][A-Z0-9_]*)\"");
        Pattern byCode = Pattern.compile("RulesMessages\\.BUNDLE,\\s*CODE\\.name\\(\\)");
        Pattern code = Pattern.compile("ProblemCode CODE = new ProblemCode\\(\"([A-Z][A-Z0-9_]*)\"\\)");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(API)) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                String src = java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
                Matcher m = literal.matcher(src);
                while (m.find()) {
                    used.add(m.group(1));
                }
                if (byCode.matcher(src).find()) {
                    Matcher c = code.matcher(src);
                    assertTrue(c.find(), f + " renders CODE.name() from the problems bundle but declares no CODE");
                    used.add(c.group(1));
                }
            }
        }
        BundleKeys.assertExactlyTheKeysUsed("io/github/motcua/rules/problems", used, 5);
    }

    /**
     * Codes of dossier problems that are no key of the dossier bundle: each is rendered with another key
     * (a schema violation's code {@code DOSSIER_SCHEMA} with the key that says how, a Java-built dossier's
     * {@code DOSSIER_OUT_OF_RANGE} with {@code DOSSIER_DATE_RANGE} / {@code DOSSIER_NUMBER_TOO_LARGE}, the step
     * events' codes with the dossier's keys).
     */
    private static final java.util.Set<String> DOSSIER_CODES_NOT_KEYS = java.util.Set.of("DOSSIER_SCHEMA",
            "DOSSIER_OUT_OF_RANGE", "STEP_EVENTS_SCHEMA", "STEP_EVENTS_INVALID_VALUE", "STEP_EVENTS_NOT_JSON");

    /**
     * The dossier bundle ({@code dossier-messages_*.properties}): its keys are written as literals
     * ({@code DOSSIER_…}, {@code STEP_EVENTS_…}, {@code UNKNOWN_UNIT}, {@code UNKNOWN_RESIDENCE_UNIT(_CLOSEST)},
     * {@code INVALID_DOSSIER}) where a problem
     * is made; the same literals also name codes, so the few codes that are no key are listed above — and
     * that list is checked too (each is named by the code and is not a key), so it cannot hide a missing key
     * written later, nor keep a stale entry.
     */
    @Test
    void dossierBundle_exactlyTheKeysTheCodeNames_codesThatAreNoKeyListed() {
        java.util.SortedSet<String> named = BundleKeys.named(SOURCES, true,
                Pattern.compile("\"((?:DOSSIER|STEP_EVENTS)_[A-Z0-9_]+|UNKNOWN_UNIT|UNKNOWN_RESIDENCE_UNIT(?:_CLOSEST)?|INVALID_DOSSIER)\""));
        assertTrue(named.containsAll(DOSSIER_CODES_NOT_KEYS), "stale entries: " + DOSSIER_CODES_NOT_KEYS + " vs " + named);
        for (String c : DOSSIER_CODES_NOT_KEYS) {
            assertFalse(Messages.keys(io.github.motcua.rules.InvalidDossierException.BUNDLE).contains(c), c + " is a key after all");
        }
        java.util.SortedSet<String> used = new java.util.TreeSet<>(named);
        used.removeAll(DOSSIER_CODES_NOT_KEYS);
        BundleKeys.assertExactlyTheKeysUsed(io.github.motcua.rules.InvalidDossierException.BUNDLE, used, 28); // DOSSIER_NULL, STEP_EVENTS_NULL gone (session 17: a Java null is a NullPointerException)
    }

    /**
     * The digitisation section's bundle, which only DigitisationSection renders: every key it names
     * ({@code DIGITISATION_}, {@code TRACE_}, {@code TEXT_}) is in it, none unused.
     */
    @Test
    void digitisationBundle_exactlyTheKeysTheSectionNames() throws java.io.IOException {
        String src = java.nio.file.Files.readString(SOURCES.resolve("internal/DigitisationSection.java"),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.SortedSet<String> used = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("\"((?:DIGITISATION|TRACE|TEXT)_[A-Z0-9_]+)\"").matcher(src);
        while (m.find()) {
            used.add(m.group(1));
        }
        BundleKeys.assertExactlyTheKeysUsed(DigitisationSection.BUNDLE, used, 15);
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
