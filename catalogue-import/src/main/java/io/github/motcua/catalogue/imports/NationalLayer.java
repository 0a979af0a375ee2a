package io.github.motcua.catalogue.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The imported layer of one procedure (its {@code national.yaml}) as the catalogue publishes it: the
 * national online level and boundary-free flag, the deadline and the fees per channel (or unknown), and
 * where they come from. Immutable and thread-safe.
 *
 * @param code          procedure code
 * @param onlineLevel   FULL exactly when the record's {@code isFullProcess}; else PARTIAL or NONE; UNKNOWN when absent
 * @param nonTerritorial the record's {@code isNonTerritorial} (phi địa giới), null when absent
 * @param deadlines     one entry per channel entry of the record
 * @param fees          one entry per fee of each channel entry
 * @param source        the record's provenance
 */
public record NationalLayer(String code, String onlineLevel, Boolean nonTerritorial, List<Deadline> deadlines, List<Fee> fees,
        Source source) {
    public NationalLayer {
        Objects.requireNonNull(code, "code");
        deadlines = List.copyOf(deadlines);
        fees = List.copyOf(fees);
    }

    /** A channel's deadline: {@code amount} (exact decimal text) and {@code unit}, or both null when unknown. */
    public record Deadline(String channel, String amount, String unit, String converted) {
        public boolean known() {
            return amount != null;
        }
    }

    /** A channel's fee: {@code amount} in đồng when known, else null (then {@code why} says why). */
    public record Fee(String channel, String type, Long amount, String rawValue, String why) {
        public boolean known() {
            return amount != null;
        }
    }

    /** Provenance: record id, code, updatedAt, publishing decision, and whether the values were reviewed. */
    public record Source(String recordId, String code, String updatedAt, String decision, boolean verified) {
    }

    /** Every procedure of the pack that has a national layer, by code. */
    public static Map<String, NationalLayer> readAll(Path pack) {
        Map<String, NationalLayer> out = new TreeMap<>();
        Path procs = pack.resolve("procedures");
        if (!Files.isDirectory(procs)) {
            return out;
        }
        try (Stream<Path> s = Files.list(procs)) {
            for (Path f : s.sorted().toList()) {
                Path n = f.resolve("national.yaml");
                if (Files.isRegularFile(n)) {
                    NationalLayer l = of(Layers.readYaml(n));
                    out.put(l.code(), l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Every procedure that has a national layer, by code, from a pack's files (pack-relative path to
     * bytes, e.g. those of a prebuilt pack).
     */
    public static Map<String, NationalLayer> readAll(Map<String, byte[]> files) {
        Map<String, NationalLayer> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String[] parts = f.getKey().split("/", -1);
            if (parts.length == 3 && parts[0].equals("procedures") && parts[2].equals("national.yaml")) {
                try {
                    NationalLayer l = of(Layers.readYaml(f.getKey(), f.getValue()));
                    out.put(l.code(), l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    static NationalLayer of(JsonNode n) {
        List<Deadline> dl = new ArrayList<>();
        for (JsonNode d : n.get("deadlines")) {
            dl.add(new Deadline(d.get("channel").asString(), d.get("amount") == null ? null : d.get("amount").asString(),
                    d.get("amount") == null ? null : d.get("unit").asString(),
                    d.get("converted") == null ? null : d.get("converted").asString()));
        }
        List<Fee> fees = new ArrayList<>();
        for (JsonNode f : n.get("fees")) {
            fees.add(new Fee(f.get("channel").asString(), f.get("type") == null ? null : f.get("type").asString(),
                    "KNOWN".equals(f.get("status").asString()) ? f.get("amount").asLong() : null,
                    f.get("value") == null ? null : f.get("value").asString(), f.get("why") == null ? null : f.get("why").asString()));
        }
        JsonNode s = n.get("source");
        JsonNode nt = n.get("isNonTerritorial");
        return new NationalLayer(n.get("code").asString(), n.get("onlineLevel").asString(),
                nt == null || nt.isNull() ? null : nt.asBoolean(), dl, fees,
                new Source(s.get("recordId").asString(), s.get("code").asString(), s.get("updatedAt").asString(),
                        s.get("decision") == null ? null : s.get("decision").asString(), s.get("verified").asBoolean()));
    }
}
