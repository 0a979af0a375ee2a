package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Test access to the copy of the Gia Lai pack's fee files under src/test/resources/packs/gia-lai.
 * The legal-bases reader here is a minimal test helper: the pack loader belongs to the engine.
 */
public final class GiaLaiFees {

    public static final String ROOT = "/packs/gia-lai/";
    public static final List<String> CODES = List.of("1.001193", "1.000894", "1.000656", "2.000635", "2.000815",
            "2.000884", "2.001035", "GL.LLTP.01", "1.001612", "GL.GPXD.01", "1.013978", "1.013831", "1.012784",
            "1.012786");

    private static final Map<String, LegalBasis> BASES = readBases(ROOT + "legal-bases/fees.yaml");
    private static final ExemptionCatalog CATALOG = readCatalog();

    private GiaLaiFees() {
    }

    public static Function<String, Optional<LegalBasis>> bases() {
        return id -> Optional.ofNullable(BASES.get(id));
    }

    public static Map<String, LegalBasis> basesById() {
        return BASES;
    }

    public static ExemptionCatalog catalog() {
        return CATALOG;
    }

    public static FeeTable table(String code) {
        return result(code).orThrow();
    }

    public static FeeTableResult result(String code) {
        String file = ROOT + "procedures/" + code + "/fees.csv";
        try (InputStream in = open(file)) {
            return FeeTables.parseCsv("procedures/" + code + "/fees.csv", in, bases(), CATALOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream open(String resource) {
        InputStream in = GiaLaiFees.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource: [" + resource + "]");
        }
        return in;
    }

    private static ExemptionCatalog readCatalog() {
        try (InputStream in = open(ROOT + "exemptions.yaml")) {
            return ExemptionCatalog.parse("exemptions.yaml", in, bases()).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, LegalBasis> readBases(String resource) {
        try (InputStream in = open(resource)) {
            JsonNode root = new YAMLMapper().readTree(in);
            Map<String, LegalBasis> out = new HashMap<>();
            for (JsonNode n : root) {
                LegalBasis b = new LegalBasis(n.get("id").asString(), n.get("act").asString(), s(n, "article"),
                        s(n, "clause"), s(n, "point"), s(n, "link"), d(n, "validFrom"), d(n, "validTo"),
                        n.path("verified").asBoolean(false), s(n, "note"));
                if (out.put(b.id(), b) != null) {
                    throw new IllegalStateException("duplicate legal basis id: [" + b.id() + "]");
                }
            }
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String s(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asString() : null;
    }

    private static LocalDate d(JsonNode n, String f) {
        return n.hasNonNull(f) ? LocalDate.parse(n.get(f).asString()) : null;
    }
}
