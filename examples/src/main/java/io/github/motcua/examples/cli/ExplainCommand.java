package io.github.motcua.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code explain PACK DOSSIER.json}: the decision's trace as readable text. Not thread-safe. */
@Command(name = "explain", mixinStandardHelpOptions = true)
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Parameters(index = "1", paramLabel = "DOSSIER.json")
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
