package io.github.motcua.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code decide PACK DOSSIER.json}: print the decision. Not thread-safe. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Ra quyết định cho một hồ sơ (JSON theo dossier.schema.json) và in kết quả dạng JSON.",
            "Decide one dossier (JSON per dossier.schema.json) and print the decision as JSON."})
public final class DecideCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK", description = {"Thư mục bộ quy tắc, hoặc gói dựng sẵn (lệnh build).", "The pack folder, or a prebuilt pack (the build command)."})
    Path pack;

    @Parameters(index = "1", paramLabel = "DOSSIER.json", description = {"Tệp hồ sơ JSON.", "The dossier JSON file."})
    Path dossier;

    @Option(names = "--text", description = {"In bản tóm tắt tiếng Việt dễ đọc thay cho JSON.",
        "Print a readable Vietnamese summary instead of JSON."})
    boolean text;

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return options.decideFile(pack, dossier, spec.commandLine().getOut(), spec.commandLine().getErr(),
                (engine, d) -> (text ? d.toTextVi() : d.toJson()) + System.lineSeparator());
    }
}
