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
@Command(name = "decide", mixinStandardHelpOptions = true)
public final class DecideCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Parameters(index = "1", paramLabel = "DOSSIER.json")
    Path dossier;

    @Option(names = "--text")
    boolean text;

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return options.decideFile(pack, dossier, spec.commandLine().getOut(), spec.commandLine().getErr(),
                (engine, d) -> (text ? named(options.en() ? d.toTextEn() : d.toTextVi(), engine, d.procedure(), options.en())
                        : d.toJson()) + System.lineSeparator());
    }

    /**
     * The text summary with the procedure's name beside its code in the header line ({@code Thủ tục:
     * 1.001193 — Đăng ký khai sinh}): the decision carries the code only, the engine's catalogue the name.
     */
    static String named(String text, io.github.motcua.rules.Engine engine, String code, boolean en) {
        String header = CliMessages.text(en, "CLI_EX_PROCEDURE", "code", code);
        int eol = text.indexOf('\n');
        if (eol < 0 || !text.substring(0, eol).equals(header)) {
            return text;
        }
        return engine.catalog().stream().filter(p -> p.code().equals(code)).findFirst()
                .map(p -> header + " — " + (en ? p.name().enOrVi() : p.name().vi()) + text.substring(eol))
                .orElse(text);
    }
}
