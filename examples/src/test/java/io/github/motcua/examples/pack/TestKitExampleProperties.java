package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.testkit.DossierArbitraries;
import io.github.motcua.fees.testkit.FeeOracle;
import io.github.motcua.fees.testkit.FormArbitraries;
import io.github.motcua.forms.FormReport;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test kit as docs/fees.md shows it (issue 19 item 6): the snippet below is compiled here and
 * docs/fees.md must hold it verbatim; and every dossier the kit draws for a Gia Lai procedure, with
 * that procedure's channels, passes the procedure's form validation — cross-field rules included.
 */
class TestKitExampleProperties {
    static Engine engine;

    @BeforeContainer
    static void load() {
        engine = Motcua.engine().build();
        engine.load(GiaLaiCasesTest.PACK).orThrow();
    }

    @AfterContainer
    static void close() {
        engine.close();
    }

    static String read(Path pack, String file) {
        try {
            return Files.readString(pack.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // tag::kit[]
    /** Dossiers for one procedure of a loaded pack: its own channels, the pack's units, its e-form. */
    static Arbitrary<Map<String, Object>> dossiers(Engine engine, Path pack, Procedure p) {
        List<String> units = engine.units().stream().map(ReceivingUnit::code).toList();
        return DossierArbitraries.forProcedure(p.code())
                .channels(p.channels())              // only channels the procedure accepts
                .units(units)
                .form(FormArbitraries.builder(read(pack, "procedures/" + p.code() + "/form.schema.json"))
                        .shared(read(pack, "forms/common.schema.json"))
                        .unitCodes(units)
                        .build())
                .build();
    }

    /** The engine as a fee oracle: the fees of the decision for a dossier drawn as a map. */
    static FeeOracle engineOracle(Engine engine) {
        JsonMapper json = JsonMapper.builder().build();
        return dossier -> engine.decide(json.writeValueAsString(dossier)).fees();
    }
    // end::kit[]

    @Provide
    Arbitrary<Map<String, Object>> anyProcedure() {
        List<Arbitrary<Map<String, Object>>> all = engine.catalog().stream()
                .filter(p -> Files.exists(GiaLaiCasesTest.PACK.resolve("procedures/" + p.code() + "/form.schema.json")))
                .map(p -> dossiers(engine, GiaLaiCasesTest.PACK, p))
                .toList();
        return Arbitraries.oneOf(all);
    }

    @Property(tries = 400)
    void everyGeneratedDossier_passesItsFormAndUsesAnAcceptedChannel(@ForAll("anyProcedure") Map<String, Object> d) {
        String code = String.valueOf(d.get("procedure"));
        Procedure p = engine.catalog().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        assertTrue(p.channels().stream().anyMatch(c -> c.name().equals(d.get("channel"))),
                () -> code + " drawn for channel " + d.get("channel") + ", accepts " + p.channels());
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) d.get("form");
        FormReport r = engine.forms().orElseThrow().validate(code, form, Locale.ENGLISH);
        assertTrue(r.valid(), () -> code + ": " + r.messages() + "\n" + form);
    }

    @Example
    void engineOracle_chargesADrawnDossier() {
        Procedure p = engine.catalog().stream().filter(x -> x.code().equals("2.000815")).findFirst().orElseThrow();
        Map<String, Object> d = dossiers(engine, GiaLaiCasesTest.PACK, p).sample();
        engineOracle(engine).assess(d);
    }

    @Example
    void feesGuide_holdsTheKitSnippetVerbatim() throws IOException {
        DocSnippets.assertRegionIn("src/test/java/io/github/motcua/examples/pack/TestKitExampleProperties.java", "kit",
                "../docs/fees.md");
    }
}
