package io.github.motcua.examples.pack;

import io.github.motcua.dossier.Channel;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.testkit.DossierArbitraries;
import io.github.motcua.fees.testkit.FeeInvariants;
import io.github.motcua.fees.testkit.FeeOracle;
import io.github.motcua.fees.testkit.FormArbitraries;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fee invariants of fee-rules' testkit (never negative, total = sum of lines, exempt line = 0 đ,
 * cap never exceeded, deterministic, online never dearer) over the WHOLE engine: a dossier goes
 * through form validation, the rules and the fee table, and the oracle reads
 * {@code engine.decide(dossier).fees()}. Dossiers are drawn per procedure from its own form schema.
 * An assessment that fails (FEES_FAILED) breaks the no-exception invariant; dossiers the rules refuse
 * or whose generated form breaks a cross-field check are not charged and so are skipped.
 */
class GiaLaiFeeProperties {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Engine engine;
    /** Dossiers actually checked (not skipped), so the property cannot pass vacuously. */
    static final java.util.concurrent.atomic.AtomicInteger CHECKED = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.Set<String> PROCEDURES_CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeContainer
    static void load() {
        engine = Motcua.engine().build();
        engine.load(GiaLaiCasesTest.PACK).orThrow();
    }

    @AfterContainer
    static void close() {
        engine.close();
        System.err.println("fee invariants checked on " + CHECKED.get() + " dossiers of " + PROCEDURES_CHECKED);
        if (CHECKED.get() < 20) {
            throw new AssertionError("only " + CHECKED.get() + " dossiers were charged: the property tested almost nothing");
        }
    }

    /** The engine as a fee oracle: an ELIGIBLE decision's fees; a failed assessment throws with its cause. */
    static final FeeOracle ENGINE = dossier -> {
        Decision d = engine.decide(JSON.writeValueAsString(dossier));
        if (d.cause() != null && d.cause().code() == Decision.Cause.Code.FEES_FAILED) {
            throw new IllegalStateException(d.cause().messageVi());
        }
        return d.fees();
    };

    /** The dossier with the quantity at the dotted form {@code path} raised by one (missing counts as 1). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plusOne(Map<String, Object> dossier, String path) {
        Map<String, Object> d = new java.util.LinkedHashMap<>(dossier);
        Map<String, Object> form = new java.util.LinkedHashMap<>((Map<String, Object>) d.getOrDefault("form", Map.of()));
        d.put("form", form);
        String[] parts = path.split("\\.");
        Map<String, Object> at = form;
        for (int i = 0; i < parts.length - 1; i++) {
            Map<String, Object> next = at.get(parts[i]) instanceof Map<?, ?> m
                    ? new java.util.LinkedHashMap<>((Map<String, Object>) m) : new java.util.LinkedHashMap<>();
            at.put(parts[i], next);
            at = next;
        }
        Object cur = at.get(parts[parts.length - 1]);
        at.put(parts[parts.length - 1], (cur instanceof Number n ? n.longValue() : 1L) + 1);
        return d;
    }

    static boolean charged(Map<String, Object> dossier) {
        return engine.decide(JSON.writeValueAsString(dossier)).eligibility() == Eligibility.ELIGIBLE;
    }

    static String read(String path) {
        try {
            return Files.readString(GiaLaiCasesTest.PACK.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> dossiers() {
        List<String> units = engine.units().stream().map(ReceivingUnit::code).toList();
        List<Arbitrary<Map<String, Object>>> perProcedure = engine.catalog().stream()
                .filter(p -> p.channels().contains(Channel.DESK) && p.channels().contains(Channel.ONLINE))
                .filter(p -> p.source() == null) // imported procedures: no form, no fee table
                .map(p -> DossierArbitraries.forProcedure(p.code())
                        .channels(Channel.DESK, Channel.ONLINE)
                        .units(units)
                        .receivedBetween(LocalDateTime.of(2025, 7, 1, 7, 0), LocalDateTime.of(2027, 6, 30, 17, 0))
                        .form(FormArbitraries.builder(read("procedures/" + p.code() + "/form.schema.json"))
                                .shared(read("forms/common.schema.json")).unitCodes(units).build())
                        .build())
                .toList();
        return Arbitraries.oneOf(perProcedure);
    }

    @Property(tries = 150, maxDiscardRatio = 20)
    void engineFees_satisfyEveryInvariant(@ForAll("dossiers") Map<String, Object> dossier) {
        Map<String, Object> desk = new java.util.LinkedHashMap<>(dossier);
        desk.put("channel", "DESK");
        Map<String, Object> online = new java.util.LinkedHashMap<>(dossier);
        online.put("channel", "ONLINE");
        Assume.that(charged(desk) && charged(online));
        FeeInvariants.checkAll(ENGINE, dossier);
        CHECKED.incrementAndGet();
        PROCEDURES_CHECKED.add(String.valueOf(dossier.get("procedure")));
        FeeAssessment a = ENGINE.assess(dossier);
        engine.feeTable(String.valueOf(dossier.get("procedure"))).ifPresent(t -> {
            for (String path : t.quantityPaths()) {
                // one more than the form allows is not a dossier the engine charges: skip that step
                if (charged(plusOne(dossier, path))) {
                    FeeInvariants.quantityMonotonic(ENGINE, dossier, path);
                }
            }
        });
        org.junit.jupiter.api.Assertions.assertNotNull(a);
    }

    static List<Procedure> procedures() {
        return engine.catalog();
    }
}
