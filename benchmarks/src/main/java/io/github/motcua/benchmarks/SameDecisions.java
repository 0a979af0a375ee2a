package io.github.motcua.benchmarks;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackCase;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints every decision's JSON ({@code evaluatedAt} masked) for a fixed set of dossiers, so two builds can be compared
 * byte for byte ({@code cmp}) after a change that must not change a decision (docs/performance.md, sessions 20–22):
 * the example dossiers of {@code examples/dossiers}, every case of the Gia Lai pack, and, for each of the first
 * {@code n} procedures of a generated catalogue ({@code -Dmotcua.catalogue.distinct=true} for different forms), 11
 * dossiers: the reference one, five awkward forms (padding fields set to {@code "CO"}, three of them set, {@code ""},
 * the number 5, lower case {@code "co"}), each channel with two held-data sources, the form without its first field,
 * and an applicant of three fee categories (poor household, student, meritorious) born so as to be a child, with a
 * SUPPLEMENT period excluded from the deadline. A decision that throws prints its exception's class and message.
 *
 * <pre>
 * java -Dmotcua.catalogue.distinct=true -cp benchmarks/target/benchmarks.jar \
 *   io.github.motcua.benchmarks.SameDecisions out.txt 100
 * </pre>
 */
public final class SameDecisions {
    private SameDecisions() {
    }

    static String masked(String json) {
        return json.replaceAll("\"evaluatedAt\"\\s*:\\s*\"[^\"]*\"", "\"evaluatedAt\":\"-\"");
    }

    static String decide(Engine e, Dossier d) {
        try {
            return masked(e.decide(d).toJson());
        } catch (RuntimeException x) {
            return "THREW " + x.getClass().getName() + ": " + x.getMessage();
        }
    }

    private static Dossier.Builder like(Dossier d) {
        return Dossier.builder(d.procedure(), d.channel(), d.receivedAt()).unit(d.unit()).asOf(d.asOf())
                .applicant(d.applicant()).form(d.form()).heldData(d.heldData()).excludedPeriods(d.excludedPeriods());
    }

    /** {@code args}: the output file, the number of catalogue procedures (each with 11 dossiers). */
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Path ref = Path.of("examples/packs/gia-lai");
        int count = 0;
        try (PrintStream out = new PrintStream(new FileOutputStream(args[0]), true, StandardCharsets.UTF_8)) {
            try (Engine e = Motcua.engine().build()) {
                e.load(ref).orThrow();
                try (var files = Files.list(Path.of("examples/dossiers"))) {
                    for (Path f : files.sorted().toList()) {
                        out.println("== " + f);
                        out.println(masked(e.decide(Files.readString(f)).toJson()));
                        count++;
                    }
                }
                for (PackCase c : e.cases()) {
                    out.println("== case " + c);
                    out.println(decide(e, c.dossier()));
                    count++;
                }
            }
            Path dir = Files.createTempDirectory("samedec");
            try {
                count += catalogue(out, ref, dir, n);
            } finally {
                try (var w = Files.walk(dir)) {
                    w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.out.println("decisions " + count);
    }

    private static int catalogue(PrintStream out, Path ref, Path dir, int n) throws Exception {
        int count = 0;
        CatalogueGenerator.write(ref, dir, n);
        List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(ref);
        Map<String, Dossier> byTemplate = CatalogueScale.referenceDossiers(ref);
        List<Map<String, Object>> extras = List.of(Map.of(), Map.of("ghiChuTongHop0", "CO"),
                Map.of("ghiChuTongHop0", "CO", "ghiChuTongHop1", "CO", "ghiChuTongHop2", "KHONG"),
                Map.of("ghiChuTongHop0", ""), Map.of("ghiChuTongHop0", 5L), Map.of("ghiChuTongHop0", "co"));
        try (Engine e = Motcua.engine().build()) {
            e.load(dir).orThrow();
            for (int i = 0; i < n; i++) {
                for (int x = 0; x < extras.size(); x++) {
                    out.println("== " + i + " extra " + x);
                    out.println(decide(e, CatalogueScale.dossierFor(byTemplate, templates, i, extras.get(x))));
                    count++;
                }
                Dossier d = CatalogueScale.dossierFor(byTemplate, templates, i, Map.of());
                for (Channel ch : Channel.values()) {
                    Dossier c = Dossier.builder(d.procedure(), ch, d.receivedAt()).unit(d.unit()).asOf(d.asOf())
                            .applicant(d.applicant()).form(d.form()).heldData(Set.of("CSDL_QG_DAN_CU", "CSDL_DAT_DAI"))
                            .excludedPeriods(d.excludedPeriods()).build();
                    out.println("== " + i + " channel " + ch + " held");
                    out.println(decide(e, c));
                    count++;
                }
                if (!d.form().isEmpty()) { // a form missing one field of the data (its first key)
                    Map<String, Object> less = new HashMap<>(d.form());
                    less.remove(less.keySet().stream().sorted().findFirst().orElseThrow());
                    out.println("== " + i + " less");
                    out.println(decide(e, like(d).form(less).build()));
                    count++;
                }
                Dossier.Applicant a = d.applicant();
                LocalDate asOf = d.asOf() != null ? d.asOf() : d.receivedAt().toLocalDate();
                Dossier.Applicant cat = Dossier.Applicant.builder()
                        .personalId(a == null ? null : a.personalId()).fullName(a == null ? null : a.fullName())
                        .sex(a == null ? null : a.sex()).residenceUnit(a == null ? null : a.residenceUnit())
                        .birthDate(asOf.minusYears(9)).categories(Set.of("POOR_HOUSEHOLD", "STUDENT", "MERITORIOUS")).build();
                Dossier.ExcludedPeriod supplement = new Dossier.ExcludedPeriod("SUPPLEMENT", d.receivedAt().toInstant()
                        .plus(Duration.ofDays(1)), d.receivedAt().toInstant().plus(Duration.ofDays(3)), "bổ sung hồ sơ");
                out.println("== " + i + " categories");
                out.println(decide(e, like(d).applicant(cat).excludedPeriods(List.of(supplement)).build()));
                count++;
            }
        }
        return count;
    }
}
