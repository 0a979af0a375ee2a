package io.github.motcua.examples.cli;

import io.github.motcua.dossier.Channel;
import io.github.motcua.examples.catalog.Json;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code example-dossier PACK CODE}: prints a starting dossier (hồ sơ mẫu) for a procedure — its
 * {@code procedure} set to CODE, its channel, and its form built from the procedure's form schema —
 * with a placeholder in angle brackets wherever a person must type a value. Not thread-safe.
 */
@Command(name = "example-dossier", mixinStandardHelpOptions = true)
public final class ExampleDossierCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Parameters(index = "1", paramLabel = "CODE")
    String code;

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        return options.withProcedure(pack, code, err, (engine, procedure) -> {
            out.print(Json.write(dossier(engine, procedure)));
            out.flush();
            return ExitCodes.OK;
        });
    }

    /**
     * The starting dossier of procedure {@code p} as a JSON-ready map (the desk serves it too, at
     * {@code /ho-so-mau/CODE}): every value a person must type is a {@code <…>} placeholder.
     */
    public static Map<String, Object> dossier(Engine engine, Procedure p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("procedure", p.code());
        List<Channel> channels = p.channels();
        d.put("channel", channels.isEmpty() ? "<DESK | ONLINE | POST>" : channels.get(0).name());
        String zone = engine.pack().map(i -> i.zone().getRules().getOffset(java.time.LocalDateTime.of(2026, 1, 1, 0, 0)).getId()).orElse("+07:00");
        d.put("receivedAt", "<" + CliMessages.both("CLI_PH_RECEIVED_AT") + ": yyyy-mm-ddThh:mm:ss" + zone + ">");
        List<ReceivingUnit> units = engine.units();
        String unitHint = units.isEmpty() ? "" : ", " + CliMessages.both("CLI_PH_EG") + " " + units.get(0).code();
        d.put("unit", "<" + CliMessages.both("CLI_PH_UNIT") + unitHint + ">");
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("personalId", "<" + CliMessages.both("CLI_PH_PERSONAL_ID") + ": " + CliMessages.both("CLI_PH_12_DIGITS") + ">");
        applicant.put("fullName", "<" + CliMessages.both("CLI_PH_FULL_NAME") + ">");
        applicant.put("birthDate", "<" + CliMessages.both("CLI_PH_BIRTH_DATE") + ": yyyy-mm-dd>");
        applicant.put("sex", "<MALE | FEMALE>");
        applicant.put("categories", List.of());
        applicant.put("residenceUnit", "<" + CliMessages.both("CLI_PH_RESIDENCE_UNIT") + unitHint + ">");
        d.put("applicant", applicant);
        Optional<FormRegistry> forms = engine.forms();
        d.put("form", forms.filter(f -> f.hasForm(p.code())).map(f -> (Object) f.starterData(p.code())).orElse(Map.of()));
        return d;
    }
}
