package io.github.motcua.benchmarks;

import io.github.motcua.dossier.Channel;
import io.github.motcua.fees.ExemptionCatalog;
import io.github.motcua.fees.ExemptionCategory;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeRequest;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.fees.FeeTables;
import io.github.motcua.law.LegalBasis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Fee assessment alone (no rules, no form validation): the tiered certified-copy fee (TT 226/2016)
 * and the judicial-record fee with an exemption and with extra cards (TT 244/2016). The tables are
 * the rows of the Gia Lai pack's fees.csv, embedded so the benchmark needs no files.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FeeBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FeeBenchmark {

    private static final String COPY = String.join("\n",
            "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,validFrom,basis",
            "RATE,ban-sao,PHI,Phí chứng thực bản sao từ bản chính,Certified copy,TIERED,2000,3,1000,200000,soTrang,soBan,"
                    + "2017-01-01,PHI-TT226-2016-D4");
    private static final String LLTP = String.join("\n",
            "type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,unitPath,categories,validFrom,basis",
            "RATE,ly-lich-tu-phap,PHI,Phí cung cấp thông tin lý lịch tư pháp,Judicial record fee,BASE_PLUS_EXTRA,200000,3,"
                    + "5000,soPhieu,,2017-01-01,PHI-TT244-2016-D4",
            "RATE,ly-lich-tu-phap,PHI,Phí lý lịch tư pháp (ưu đãi),Judicial record fee (reduced),BASE_PLUS_EXTRA,100000,3,"
                    + "5000,soPhieu,STUDENT|MERITORIOUS|MARTYR_RELATIVE,2017-01-01,PHI-TT244-2016-D4",
            "EXEMPT,ly-lich-tu-phap,,,,,,,,,CHILD|ELDERLY|DISABLED|POOR_HOUSEHOLD,2017-01-01,PHI-TT244-2016-D5",
            "EXEMPT,ly-lich-tu-phap,,,,,,,,,DISADVANTAGED|BORDER|SAFE_ZONE,2017-01-01,PHI-TT244-2016-D5");

    private FeeTable copyTable;
    private FeeTable lltpTable;
    private FeeRequest copy5Pages;
    private FeeRequest copy300Pages3Copies;
    private FeeRequest lltpChild;
    private FeeRequest lltpStudent4Cards;
    private FeeRequest lltpBorderCommune;

    @Setup
    public void setUp() {
        Map<String, LegalBasis> bases = Map.of(
                "PHI-TT226-2016-D4", LegalBasis.of("PHI-TT226-2016-D4", "Thông tư 226/2016/TT-BTC"),
                "PHI-TT244-2016-D4", LegalBasis.of("PHI-TT244-2016-D4", "Thông tư 244/2016/TT-BTC"),
                "PHI-TT244-2016-D5", LegalBasis.of("PHI-TT244-2016-D5", "Thông tư 244/2016/TT-BTC"));
        LegalBasis b = bases.get("PHI-TT244-2016-D5");
        ExemptionCatalog catalog = ExemptionCatalog.of(List.of(
                category("STUDENT", ExemptionCategory.Match.APPLICANT, b),
                category("MERITORIOUS", ExemptionCategory.Match.APPLICANT, b),
                category("MARTYR_RELATIVE", ExemptionCategory.Match.APPLICANT, b),
                category("CHILD", ExemptionCategory.Match.APPLICANT, b),
                category("ELDERLY", ExemptionCategory.Match.APPLICANT, b),
                category("DISABLED", ExemptionCategory.Match.APPLICANT, b),
                category("POOR_HOUSEHOLD", ExemptionCategory.Match.APPLICANT, b),
                category("DISADVANTAGED", ExemptionCategory.Match.RESIDENCE_FLAG, b),
                category("BORDER", ExemptionCategory.Match.RESIDENCE_FLAG, b),
                category("SAFE_ZONE", ExemptionCategory.Match.RESIDENCE_FLAG, b)));
        copyTable = FeeTables.parseCsv("2.000815/fees.csv", bytes(COPY), id -> Optional.ofNullable(bases.get(id)), catalog)
                .orThrow();
        lltpTable = FeeTables.parseCsv("GL.LLTP.01/fees.csv", bytes(LLTP), id -> Optional.ofNullable(bases.get(id)),
                catalog).orThrow();
        LocalDate day = LocalDate.of(2026, 5, 4);
        copy5Pages = FeeRequest.of("2.000815", day).withForm(Map.of("soTrang", 5L, "soBan", 1L));
        copy300Pages3Copies = FeeRequest.of("2.000815", day).withForm(Map.of("soTrang", 300L, "soBan", 3L));
        lltpChild = FeeRequest.of("GL.LLTP.01", day).withChannel(Channel.ONLINE).withCategories("CHILD")
                .withForm(Map.of("soPhieu", 1L));
        lltpStudent4Cards = FeeRequest.of("GL.LLTP.01", day).withCategories("STUDENT").withForm(Map.of("soPhieu", 4L));
        lltpBorderCommune = new FeeRequest("GL.LLTP.01", day, Channel.DESK, Set.of(), Set.of("BORDER", "MOUNTAINOUS"),
                Map.of("soPhieu", 2L), List.of());
        check(copyTable.assess(copy5Pages), 7_000);
        check(copyTable.assess(copy300Pages3Copies), 600_000);
        check(lltpTable.assess(lltpChild), 0);
        check(lltpTable.assess(lltpStudent4Cards), 110_000);
        check(lltpTable.assess(lltpBorderCommune), 0);
    }

    private static ExemptionCategory category(String code, ExemptionCategory.Match m, LegalBasis b) {
        return new ExemptionCategory(code, m, code, code, null, 0, b);
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void check(FeeAssessment a, long expected) {
        if (a.total().dong() != expected) {
            throw new IllegalStateException("benchmark fixture priced [" + a.total().dong() + "], expected [" + expected + "]");
        }
    }

    @Benchmark
    public FeeAssessment certifiedCopy_5pages() {
        return copyTable.assess(copy5Pages);
    }

    @Benchmark
    public FeeAssessment certifiedCopy_300pages_3copies_capped() {
        return copyTable.assess(copy300Pages3Copies);
    }

    @Benchmark
    public FeeAssessment judicialRecord_child_exempt() {
        return lltpTable.assess(lltpChild);
    }

    @Benchmark
    public FeeAssessment judicialRecord_student_4cards() {
        return lltpTable.assess(lltpStudent4Cards);
    }

    @Benchmark
    public FeeAssessment judicialRecord_borderCommune_exempt() {
        return lltpTable.assess(lltpBorderCommune);
    }
}
