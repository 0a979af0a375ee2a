package org.example.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCarrier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.NoSuchProcedureException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A portal answers a localised 400/404 with the field at fault from the problem data the library's
 * exceptions carry (code, JSON pointer, Vietnamese and English), written with its own Jackson 2.
 */
class ProblemDataTest {
    private static final String RECEIVED = "\"receivedAt\":\"2026-03-02T09:00:00+07:00\"";

    @Test
    void refusedDossiersCarryCodePointerAndBothLanguages() throws Exception {
        try (Engine engine = Motcua.engine().build()) {
            engine.load(getClass().getClassLoader(), "packs/ho-tich").orThrow();

            InvalidDossierException bad = assertThrows(InvalidDossierException.class, () -> engine.decide(
                    "{\"procedure\":\"1.001193\",\"channel\":\"FAX\"," + RECEIVED + "}"));
            Problem channel = bad.toProblems().stream().filter(p -> p.pointer().equals("/channel"))
                    .findFirst().orElseThrow(() -> new AssertionError(bad.toProblems()));
            assertEquals("DOSSIER_SCHEMA", channel.code().name());
            assertNotEquals(channel.messageVi(), channel.messageEn());

            NoSuchProcedureException unknown = assertThrows(NoSuchProcedureException.class, () -> engine.decide(
                    "{\"procedure\":\"9.999999\",\"channel\":\"DESK\"," + RECEIVED + "}"));
            String json = problemJson(unknown, Locale.forLanguageTag("vi-VN"));
            assertEquals("{\"code\":\"UNKNOWN_PROCEDURE\",\"pointer\":\"/procedure\","
                    + "\"detail\":\"Bộ quy tắc [ho-tich-test] không có thủ tục [9.999999]\"}", json);
            assertTrue(problemJson(unknown, Locale.ENGLISH).contains("no procedure [9.999999]"));
        }
    }

    /** What a portal's error handler writes, with the application's Jackson 2. */
    private static String problemJson(ProblemCarrier e, Locale locale) throws Exception {
        Problem p = e.toProblem();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", p.code().name());
        body.put("pointer", p.pointer());
        body.put("detail", p.message(locale));
        return new ObjectMapper().writeValueAsString(body);
    }
}
