package io.github.motcua.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code explain PACK DOSSIER.json}: the decision's trace as readable text. Not thread-safe. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Giải thích quyết định cho một hồ sơ: từng quy tắc đã áp dụng (tệp:dòng) với căn cứ pháp lý, "
                + "từng điều chỉnh thời hạn và từng khoản miễn, giảm phí với căn cứ của nó.",
            "Explain the decision for one dossier: each fired rule (file:line) with its legal basis, each deadline "
                + "adjustment and each fee exemption or reduction with its basis."})
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK", description = {"Thư mục bộ quy tắc, hoặc gói dựng sẵn (lệnh build).", "The pack folder, or a prebuilt pack (the build command)."})
    Path pack;

    @Parameters(index = "1", paramLabel = "DOSSIER.json", description = {"Tệp hồ sơ JSON.", "The dossier JSON file."})
    Path dossier;

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return options.decideFile(pack, dossier, spec.commandLine().getOut(), spec.commandLine().getErr(),
                (engine, d) -> Explanation.of(d, engine.catalog().stream()
                        .filter(x -> x.code().equals(d.procedure())).findFirst().orElse(null), options.en()));
    }
}
