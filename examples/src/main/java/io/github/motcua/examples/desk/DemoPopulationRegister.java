package io.github.motcua.examples.desk;

import io.github.motcua.forms.spi.DataSource;
import io.github.motcua.forms.spi.PrefillQuery;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny in-memory stand-in for the national population database (Cơ sở dữ liệu quốc gia về dân
 * cư, CSDL_QG_DAN_CU), looked up by personal identification number. <b>Demo data</b> (dữ liệu minh
 * họa): every person here is fictional; the numbers merely follow the 12-digit structure (province,
 * century and sex, birth year).
 *
 * <p>Thread-safe (immutable).
 */
public final class DemoPopulationRegister implements DataSource {
    /** The source id, as procedures name it in {@code waivableBy.source}. */
    public static final String SOURCE_ID = "CSDL_QG_DAN_CU";

    /** Where the applicant's person object sits in the Gia Lai forms (the first that exists is filled). */
    static final List<String> APPLICANT_PREFIXES = List.of("nguoiYeuCau", "nguoiKy", "chuHo", "nguoiDuocCap",
            "nguoiSuDungDat", "nguoiDeNghi", "chuDauTu", "benA");

    /**
     * One fictional citizen. Immutable and thread-safe.
     *
     * @param personalId 12-digit number
     * @param fullName   full name (NFC)
     * @param birthDate  date of birth
     * @param sex        MALE or FEMALE
     * @param street     house and street or village
     * @param commune    commune or ward name
     * @param unitCode   the pack unit of residence
     */
    public record Citizen(String personalId, String fullName, LocalDate birthDate, String sex, String street,
            String commune, String unitCode) {
    }

    private static final List<Citizen> CITIZENS = List.of(
            new Citizen("064185001234", "Nguyễn Thị Hoa", LocalDate.of(1985, 4, 12), "FEMALE",
                    "Thôn 1", "Xã Ia O", "52-xa-ia-o"),
            new Citizen("052090004321", "Trần Văn Bình", LocalDate.of(1990, 9, 2), "MALE",
                    "12 Trần Hưng Đạo", "Phường Quy Nhơn", "52-phuong-quy-nhon"),
            new Citizen("064302005678", "Rơ Châm H'Linh", LocalDate.of(2002, 11, 20), "FEMALE",
                    "Làng Ia Mơ", "Xã Ia Mơ", "52-xa-ia-mo"),
            new Citizen("052060007654", "Lê Văn Thọ", LocalDate.of(1960, 1, 15), "MALE",
                    "45 Hùng Vương", "Phường Pleiku", "52-phuong-pleiku"));

    @Override
    public String id() {
        return SOURCE_ID;
    }

    /** Every demo citizen, for the lookup page. */
    public List<Citizen> citizens() {
        return CITIZENS;
    }

    /** The citizen with this number, if the demo register knows one. */
    public Optional<Citizen> find(String personalId) {
        return CITIZENS.stream().filter(c -> c.personalId().equals(personalId)).findFirst();
    }

    @Override
    public Map<String, Object> lookup(PrefillQuery query) {
        Optional<Citizen> found = find(query.personalId());
        if (found.isEmpty()) {
            return Map.of();
        }
        Citizen c = found.get();
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> prefixes = new java.util.ArrayList<>(APPLICANT_PREFIXES);
        prefixes.add(c.sex().equals("MALE") ? "benNam" : "benNu");
        for (String p : prefixes) {
            values.put("/" + p + "/hoTen", c.fullName());
            values.put("/" + p + "/soDinhDanh", c.personalId());
            values.put("/" + p + "/ngaySinh", c.birthDate().toString());
            values.put("/" + p + "/gioiTinh", c.sex());
            values.put("/" + p + "/noiCuTru/chiTiet", c.street());
            values.put("/" + p + "/noiCuTru/xaPhuong", c.commune());
            values.put("/" + p + "/noiCuTru/tinhThanhPho", "Gia Lai");
        }
        values.put("/noiCuTru/chiTiet", c.street());
        values.put("/noiCuTru/xaPhuong", c.commune());
        values.put("/noiCuTru/tinhThanhPho", "Gia Lai");
        return values;
    }
}
