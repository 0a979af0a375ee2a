package io.github.motcua.benchmarks;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.Forms;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * forms-core validation against raw networknt on the same 50-field form and data (target: at most
 * 1.2× raw), and the time to render that form as HTML. Both validators assert formats.
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am package -DskipTests} then
 * {@code java -jar benchmarks/target/benchmarks.jar FormsBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 * On a shared, busy machine also run {@link #main}: it interleaves the two validators and keeps the
 * fastest of 60 rounds of each, which other processes can only slow down, never speed up:
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.FormsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FormsBenchmark {
    static final String FORM_ID = "B.050";
    static final Locale VI = Locale.forLanguageTag("vi-VN");

    FormRegistry forms;
    Schema raw;
    String validJson;
    String invalidJson;
    Map<String, Object> data;

    /** 50 leaf fields: 30 top-level, a 10-field nested object and a 10-field nested object in an array item. */
    static String schema() {
        StringBuilder props = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            props.append(i == 0 ? "" : ",").append(leaf("f" + i, i));
        }
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            nested.append(i == 0 ? "" : ",").append(leaf("n" + i, i));
        }
        return "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$id\": \"urn:motcua:forms:procedure:" + FORM_ID
                + "\", \"title\": \"Tờ khai 50 trường\", \"type\": \"object\", \"properties\": {" + props
                + ", \"nhom\": {\"type\": \"object\", \"title\": \"Nhóm\", \"properties\": {" + nested + "}, \"required\": [\"n0\", \"n1\"]}"
                + ", \"ds\": {\"type\": \"array\", \"title\": \"Danh sách\", \"maxItems\": 5, \"items\": {\"type\": \"object\", \"properties\": {"
                + nested + "}, \"required\": [\"n0\"]}}"
                + "}, \"required\": [\"f0\", \"f1\", \"f2\", \"f3\", \"nhom\"], \"additionalProperties\": false}";
    }

    static String leaf(String name, int i) {
        String body = switch (i % 5) {
            case 0 -> "\"type\": \"string\", \"minLength\": 1, \"maxLength\": 100";
            case 1 -> "\"type\": \"string\", \"format\": \"date\"";
            case 2 -> "\"type\": \"integer\", \"minimum\": 0, \"maximum\": 1000";
            case 3 -> "\"type\": \"string\", \"enum\": [\"A\", \"B\", \"C\", \"D\", \"E\", \"F\"]";
            default -> "\"type\": \"string\", \"pattern\": \"^[0-9]{10}$\"";
        };
        return "\"" + name + "\": {\"title\": \"Trường " + name + "\", " + body + "}";
    }

    static String value(int i, boolean valid) {
        return switch (i % 5) {
            case 0 -> valid ? "\"Nguyễn Văn An " + i + "\"" : "\"\"";
            case 1 -> valid ? "\"2026-02-13\"" : "\"13/02/2026\"";
            case 2 -> valid ? Integer.toString(i * 7) : "-1";
            case 3 -> valid ? "\"C\"" : "\"Z\"";
            default -> valid ? "\"0912345678\"" : "\"09123\"";
        };
    }

    static String data(boolean valid) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            sb.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": ").append(value(i, valid || i % 10 != 0));
        }
        StringBuilder nested = new StringBuilder("{");
        for (int i = 0; i < 10; i++) {
            nested.append(i == 0 ? "" : ",").append("\"n").append(i).append("\": ").append(value(i, true));
        }
        nested.append("}");
        return sb.append(", \"nhom\": ").append(nested).append(", \"ds\": [").append(nested).append("]}").toString();
    }

    @Setup
    public void setup() {
        String schema = schema();
        forms = Forms.builder().packFiles(Map.of("procedures/" + FORM_ID + "/form.schema.json", schema)).build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        raw = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config))
                .getSchema(schema, InputFormat.JSON);
        raw.initializeValidators();
        validJson = data(true);
        invalidJson = data(false);
        FormReport ok = forms.validate(FORM_ID, validJson, VI);
        if (!ok.valid() || !raw.validate(validJson, InputFormat.JSON).isEmpty()) {
            throw new IllegalStateException("benchmark data must be valid: " + ok.violations());
        }
        if (forms.validate(FORM_ID, invalidJson, VI).violations().size() != raw.validate(invalidJson, InputFormat.JSON).size()) {
            throw new IllegalStateException("both validators must find the same problems");
        }
        data = ok.data();
    }

    /** Interleaved min-of-rounds comparison (see the class comment). */
    public static void main(String[] args) {
        FormsBenchmark b = new FormsBenchmark();
        b.setup();
        long[] min = new long[5];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        int n = 500;
        for (int round = 0; round < 60; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                b.validateValid_forms();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                b.validateValid_rawNetworknt();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                b.validateInvalid_forms();
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                b.validateInvalid_rawNetworknt();
            }
            long t4 = System.nanoTime();
            for (int i = 0; i < n / 10; i++) {
                b.renderForm();
            }
            long t5 = System.nanoTime();
            long[] d = {t1 - t0, t2 - t1, t3 - t2, t4 - t3, (t5 - t4) * 10};
            for (int k = 0; k < d.length; k++) {
                min[k] = Math.min(min[k], d[k]);
            }
        }
        System.out.printf(Locale.ROOT, "fastest round, us/op: valid forms %.1f raw %.1f (%.2fx); invalid forms %.1f raw %.1f (%.2fx);"
                + " render %.0f%n", min[0] / 1e3 / n, min[1] / 1e3 / n, (double) min[0] / min[1], min[2] / 1e3 / n,
                min[3] / 1e3 / n, (double) min[2] / min[3], min[4] / 1e3 / n);
    }

    @Benchmark
    public FormReport validateValid_forms() {
        return forms.validate(FORM_ID, validJson, VI);
    }

    @Benchmark
    public List<?> validateValid_rawNetworknt() {
        return raw.validate(validJson, InputFormat.JSON);
    }

    @Benchmark
    public FormReport validateInvalid_forms() {
        return forms.validate(FORM_ID, invalidJson, VI);
    }

    @Benchmark
    public List<?> validateInvalid_rawNetworknt() {
        return raw.validate(invalidJson, InputFormat.JSON);
    }

    @Benchmark
    public String renderForm() {
        return forms.renderer().renderForm(FORM_ID, data, null, VI, "/nop");
    }
}
