package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Problem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A dossier is citizen input, hostile: within its 2 MB a list of a hundred thousand wrong values made as many networknt
 * errors, then as many problems, all listed in the refusal (issue 15 session 24). networknt's list is now bounded while
 * it adds to it (forms-core {@code BoundedErrors}): the refusal lists the first 200 values found wrong, then one
 * {@code DOSSIER_PROBLEMS_MORE} at the first value not listed, counting the others, Vietnamese first. A tracking's step
 * events get the same bound.
 */
class DossierErrorsBoundTest {
    private static final int MAX = 200;

    private static String dossierWithHeldData(int n) {
        StringBuilder sb = new StringBuilder("{\"procedure\": \"1.001193\", \"channel\": \"DESK\",\n"
                + " \"receivedAt\": \"2026-03-02T09:00:00+07:00\",\n \"heldData\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(i % 100 == 99 ? "\n" : "").append(i);
        }
        return sb.append("]}").toString();
    }

    @Test
    void aDossierOfAHundredThousandWrongValues_listsTheFirst200_andCountsTheRest() {
        int n = 100_000;
        InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> Dossier.fromJson(dossierWithHeldData(n)));
        List<Problem> ps = e.problems();
        assertEquals(MAX + 1, ps.size(), "200 listed and one count (before: one problem a value, 100,001)");
        for (Problem p : ps.subList(0, MAX)) {
            assertEquals("DOSSIER_SCHEMA", p.code().name(), p.toString());
        }
        Problem more = ps.get(MAX);
        assertEquals("DOSSIER_PROBLEMS_MORE", more.code().name());
        // heldData's items are strings: 100,000 type errors, and uniqueItems holds (no two numbers alike)
        assertEquals(Long.toString(n - MAX), more.args().get("count"));
        assertEquals("/heldData/" + MAX, more.pointer(), "at the first value not listed");
        assertEquals(5, more.line(), "its line in the text (a line break every 100 values)");
        assertEquals("còn 99800 lỗi khác của hồ sơ, từ giá trị này trở đi, không được liệt kê: mỗi lần chỉ liệt kê 200 lỗi"
                + " đầu tiên. Sửa các lỗi trên rồi gửi lại hồ sơ", more.message(Locale.forLanguageTag("vi")));
        assertEquals("99800 more problems of the dossier, from this value on, are not listed: only the first 200 are. Fix"
                + " those above and send the dossier again", more.message(Locale.ENGLISH));
        String message = e.getMessage();
        assertTrue(message.startsWith("hồ sơ không hợp lệ:"), message.substring(0, 40));
        assertTrue(message.length() < 100_000, "the refusal's text is bounded: " + message.length());
        assertTrue(message.contains("còn 99800 lỗi khác của hồ sơ") && message.contains("99800 more problems of the dossier"));
    }

    @Test
    void aDossierOfAtMost200WrongValues_listsEveryOne() {
        InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> Dossier.fromJson(dossierWithHeldData(MAX)));
        assertEquals(MAX, e.problems().size());
        assertTrue(e.problems().stream().noneMatch(p -> p.code().name().equals("DOSSIER_PROBLEMS_MORE")));
    }

    @Test
    void stepEventsOfManyWrongValues_listTheFirst200_andCountTheRest() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 1_500; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"step\": \"\", \"event\": \"X\", \"at\": \"hôm qua\"}");
        }
        InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> Tracking.parse(sb.append("]").toString()));
        List<String> v = e.violations();
        assertEquals(MAX + 1, v.size(), "200 listed and one count (before: 4,500)");
        String last = v.get(MAX);
        assertTrue(last.contains("còn 4300 lỗi khác của nhật ký các bước") && last.contains(" / 4300 more problems of the step events"),
                last);
    }
}
