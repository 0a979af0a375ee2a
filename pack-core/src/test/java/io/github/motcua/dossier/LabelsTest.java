package io.github.motcua.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Labelled;
import io.github.motcua.kernel.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The channel and applicant-category labels come from the kernel bundle, Vietnamese and English. */
class LabelsTest {
    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void channelAndCategoryLabels_inBothLanguages() {
        assertEquals("Trực tiếp", Channel.DESK.labelVi());
        assertEquals("At the desk", Channel.DESK.labelEn());
        assertEquals("Bưu chính công ích", Channel.POST.label(VI));
        assertEquals("Online", Channel.ONLINE.label(Locale.ENGLISH));
        assertEquals("Trực tuyến", Channel.ONLINE.label(Locale.ROOT), "any language but English is Vietnamese");
        assertEquals("Người có công với cách mạng", ApplicantCategory.MERITORIOUS.labelVi());
        assertEquals("Person with merit to the revolution", ApplicantCategory.MERITORIOUS.labelEn());
        assertEquals("Học sinh, sinh viên", ApplicantCategory.STUDENT.label(VI));
        assertEquals("Martyr's relative", ApplicantCategory.MARTYR_RELATIVE.label(Locale.ENGLISH));
        for (ApplicantCategory c : ApplicantCategory.values()) {
            assertNotEquals(c.labelVi(), c.labelEn(), c.name());
        }
    }

    /** Each labelled constant names a key its bundle holds in both languages: the shared {@link Labelled} reads it. */
    @Test
    void everyLabelledConstant_namesAKeyOfItsBundle() {
        List<Labelled> all = new ArrayList<>(List.of(Channel.values()));
        all.addAll(List.of(ApplicantCategory.values()));
        for (Labelled l : all) {
            assertEquals(Messages.KERNEL, l.labelBundle());
            assertTrue(Messages.has(Messages.KERNEL, l.labelKey()), l::labelKey);
            assertEquals(Messages.render(Messages.KERNEL, l.labelKey(), java.util.Map.of(), Locale.ENGLISH), l.labelEn());
        }
        assertEquals("label.channel.ONLINE", Channel.ONLINE.labelKey());
    }
}
