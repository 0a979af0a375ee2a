package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReloadResult;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 items 2 and 4 through the engine: a pack template outside the template sandbox's allowlist
 * is a {@code TEMPLATE_REFUSED} problem at its file and line, on load and on reload (the old pack serves on).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class TemplateRefusalTest {
    static final String TEMPLATE = "templates/receipt.ftlh";

    @ParameterizedTest
    @ValueSource(strings = {"${\"\"?left_pad(2000000000)}", "<#if officer?matches('^((a+)+)+b$')>x</#if>",
        "<#ftl output_format=\"plainText\">${officer}", "<#ftl auto_esc=false>${officer}",
        "<#outputformat \"plainText\">${officer}</#outputformat>", "<#noautoesc>${officer}</#noautoesc>",
        "${officer?no_esc}"})
    void load_templateOutsideAllowlist_problemAtFileAndLine(String body, @TempDir Path dir) {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve(TEMPLATE), body.startsWith("<#ftl") ? body : "<#-- mẫu riêng -->\n" + body);
        try (Engine engine = Motcua.engine().build()) {
            LoadResult r = engine.load(pack);
            assertFalse(r.ok());
            PackProblem p = r.problems().stream().filter(x -> x.code().equals("TEMPLATE_REFUSED")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.problems().toString()));
            assertEquals(TEMPLATE, p.file());
            assertEquals(body.startsWith("<#ftl") ? 1 : 2, p.line(), p.toString());
            assertTrue(p.messageVi().startsWith("Mẫu in bị từ chối"), p.messageVi());
            // forms-core's detail without its own "cannot load the e-forms" (the engine words the kind of problem)
            assertFalse(p.messageVi().contains("Không nạp được tờ khai điện tử"), p.messageVi());
            assertFalse(p.messageEn().toLowerCase(java.util.Locale.ROOT).contains("cannot load the e-forms"), p.messageEn());
        }
    }

    @Test
    void reload_templateOutsideAllowlist_refusedAndOldPackServes(@TempDir Path dir) throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine engine = Motcua.engine().build()) {
            PackInfo serving = engine.load(pack).orThrow();
            HardeningPacks.write(pack.resolve(TEMPLATE), "${reasons?join(\", \")}");
            ReloadResult r = engine.reload(pack).get(60, TimeUnit.SECONDS);
            assertFalse(r.swapped());
            assertTrue(r.problems().stream().anyMatch(p -> p.code().equals("TEMPLATE_REFUSED") && p.file().equals(TEMPLATE)
                    && p.line() == 1), r.problems().toString());
            assertEquals(serving, engine.pack().orElseThrow());
            assertEquals(Eligibility.ELIGIBLE, engine.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")).eligibility());
        }
    }
}
