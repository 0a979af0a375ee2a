package io.github.motcua.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a synthetic pack of N procedures, each with the same five rules (one ineligibility, two
 * component rules, a deadline and a fee action), for benchmarks. Not thread-safe.
 */
public final class SyntheticPack {
    /** The rules of every synthetic procedure (also compiled raw by {@link EngineBenchmark}). */
    public static final String RULES = """
            rule "Người yêu cầu chưa đủ 18 tuổi"
              @basis("B-1")
            when
              Applicant( age >= 0, age < 18 )
            then
              decision.ineligible("Người yêu cầu chưa đủ 18 tuổi");
            end

            rule "Có giấy tờ A thì nộp A"
              @basis("B-1")
            when
              Form( text("giayTo") == "A" )
            then
              decision.require("giay-a");
            end

            rule "Không có giấy tờ A thì nộp B hoặc C"
              @basis("B-1")
            when
              Form( text("giayTo") != "A" )
            then
              decision.requireOneOf("thay-a", "giay-b", "giay-c");
            end

            rule "Nhiều trang thì kéo dài"
              @basis("B-1")
            when
              Form( integer("soTrang") > 50 )
            then
              decision.extend(2, "WORKING_DAYS", "nhiều trang");
            end

            rule "Phí theo số bản"
              @basis("B-1")
            when
              $f : Form( integer("soBan") != null )
            then
              decision.addFee("ban-sao", $f.integer("soBan"));
            end
            """;

    private SyntheticPack() {
    }

    /** The code of procedure i, e.g. {@code SYN.0007}. */
    public static String code(int i) {
        return String.format(Locale.ROOT, "SYN.%04d", i);
    }

    /** Writes the pack into {@code dir} and returns it. */
    public static Path write(Path dir, int procedures) {
        try {
            Files.createDirectories(dir.resolve("legal-bases"));
            Files.writeString(dir.resolve("pack.yaml"), """
                    id: synthetic
                    version: "1"
                    name: { vi: "Bộ quy tắc tổng hợp" }
                    jurisdiction: { province: "Gia Lai" }
                    """, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("legal-bases/procedures.yaml"), """
                    - id: B-1
                      act: "Văn bản tổng hợp cho đo hiệu năng"
                      verified: false
                      note: "synthetic"
                    """, StandardCharsets.UTF_8);
            for (int i = 0; i < procedures; i++) {
                Path p = dir.resolve("procedures").resolve(code(i));
                Files.createDirectories(p);
                Files.writeString(p.resolve("procedure.yaml"), String.format(Locale.ROOT, """
                        code: "%s"
                        name: { vi: "Thủ tục tổng hợp %d" }
                        level: COMMUNE
                        channels: [DESK, ONLINE]
                        legalBases: [B-1]
                        deadline: { amount: 3, unit: WORKING_DAYS }
                        components:
                          - { id: to-khai, name: { vi: "Tờ khai" }, form: ORIGINAL }
                          - { id: giay-a, name: { vi: "Giấy A" }, form: ORIGINAL, presence: CONDITIONAL }
                          - { id: giay-b, name: { vi: "Giấy B" }, form: ORIGINAL, presence: CONDITIONAL }
                          - { id: giay-c, name: { vi: "Giấy C" }, form: ORIGINAL, presence: CONDITIONAL }
                        """, code(i), i), StandardCharsets.UTF_8);
                Files.writeString(p.resolve("rules.drl"), RULES, StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
