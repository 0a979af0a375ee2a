package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.spi.DataSource;
import io.github.motcua.forms.spi.PrefillQuery;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrefillTest {
    static final FormRegistry FORMS = TestPacks.registry();

    /** A population register keyed by personal identification number (CSDL quốc gia về dân cư). */
    static final class PopulationRegister implements DataSource {
        @Override
        public String id() {
            return "CSDL_QG_DAN_CU";
        }

        @Override
        public Map<String, Object> lookup(PrefillQuery q) {
            if (!"064198001234".equals(q.personalId())) {
                return Map.of();
            }
            return Map.of("/nguoiYeuCau/hoTen", Normalizer.normalize("Nguyễn Thị Hoa", Normalizer.Form.NFD),
                    "/nguoiYeuCau/ngaySinh", "1998-04-12",
                    "/nguoiYeuCau/gioiTinh", "FEMALE",
                    "/nguoiYeuCau/soDinhDanh", "064198001234",
                    "/khongCoTrongTo/khai", "x");
        }
    }

    static final class BrokenSource implements DataSource {
        @Override
        public String id() {
            return "CSDL_HO_TICH";
        }

        @Override
        public Map<String, Object> lookup(PrefillQuery q) {
            throw new IllegalStateException("không kết nối được");
        }
    }

    @Test
    void prefill_registerKnowsApplicant_fillsFieldsWithSource() {
        PrefillResult r = FORMS.prefill(TestPacks.FORM, Map.of("soBan", 1), "064198001234",
                List.of(new BrokenSource(), new PopulationRegister()));
        Map<?, ?> applicant = (Map<?, ?>) r.data().get("nguoiYeuCau");
        assertEquals("Nguyễn Thị Hoa", applicant.get("hoTen"));
        assertEquals(Optional.of("CSDL_QG_DAN_CU"), r.sourceOf("/nguoiYeuCau/ngaySinh"));
        assertEquals(4, r.filled().size());
        assertEquals(1L, r.data().get("soBan"));
        assertEquals(List.of("CSDL_HO_TICH"), List.copyOf(r.unavailable().keySet()));
        assertTrue(r.unavailable().get("CSDL_HO_TICH").contains("không kết nối được"));
    }

    /** A data source whose code dereferences null: HotSpot's message depends on whether that code is compiled yet. */
    static final class NullSource implements DataSource {
        private final NullPointerException npe;

        NullSource(NullPointerException npe) {
            this.npe = npe;
        }

        @Override
        public String id() {
            return "CSDL_HO_TICH";
        }

        @Override
        public Map<String, Object> lookup(PrefillQuery q) {
            throw npe;
        }
    }

    @Test
    void prefill_sourceThatDereferencesNull_isUnavailableInTheSameWordsWithOrWithoutTheJdksMessage() {
        PrefillResult cold = FORMS.prefill(TestPacks.FORM, Map.of(), "064198001234", List.of(new NullSource(
                new NullPointerException("Cannot invoke \"java.util.Map.get(Object)\" because \"this.cache\" is null"))));
        PrefillResult warm = FORMS.prefill(TestPacks.FORM, Map.of(), "064198001234", List.of(new NullSource(new NullPointerException())));
        assertEquals(Map.of("CSDL_HO_TICH", "NullPointerException"), cold.unavailable());
        assertEquals(warm.unavailable(), cold.unavailable());
    }

    /**
     * Session 16: a data source whose argument check fails ({@code Objects.requireNonNull(x, "maHoGiaDinh")}) is
     * unavailable naming the argument, the same on a cold and a warm JVM (it read "NullPointerException" alone).
     */
    @Test
    void prefill_sourceWhoseArgumentCheckFails_isUnavailableNamingTheArgument() {
        DataSource checking = new DataSource() {
            @Override
            public String id() {
                return "CSDL_HO_TICH";
            }

            @Override
            public Map<String, Object> lookup(PrefillQuery q) {
                java.util.Objects.requireNonNull(q.data().get("maHoGiaDinh"), "maHoGiaDinh");
                return Map.of();
            }
        };
        for (int i = 0; i < 3; i++) {
            PrefillResult r = FORMS.prefill(TestPacks.FORM, Map.of(), "064198001234", List.of(checking));
            assertEquals(Map.of("CSDL_HO_TICH", "NullPointerException: maHoGiaDinh"), r.unavailable());
        }
    }

    @Test
    void prefill_fieldAlreadyEntered_notOverwritten() {
        PrefillResult r = FORMS.prefill(TestPacks.FORM, Map.of("nguoiYeuCau", Map.of("hoTen", "Nguyễn T. Hoa")), "064198001234",
                List.of(new PopulationRegister()));
        assertEquals("Nguyễn T. Hoa", ((Map<?, ?>) r.data().get("nguoiYeuCau")).get("hoTen"));
        assertTrue(r.sourceOf("/nguoiYeuCau/hoTen").isEmpty());
    }

    @Test
    void prefill_thenValidate_prefilledDataPasses() {
        PrefillResult r = FORMS.prefill(TestPacks.FORM, Map.of("soBan", 1, "treEm", Map.of("hoTen", "An", "ngaySinh", "2026-02-25")),
                "064198001234", List.of(new PopulationRegister()));
        assertTrue(FORMS.validate(TestPacks.FORM, r.data(), Locale.ROOT).valid());
    }
}
