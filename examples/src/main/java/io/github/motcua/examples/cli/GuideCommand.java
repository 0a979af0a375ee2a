package io.github.motcua.examples.cli;

import io.github.motcua.examples.catalog.Catalogues;
import io.github.motcua.examples.catalog.ProcedureGuide;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code guide PACK CODE [--format html|text]}: the dossier guide of one procedure. Not thread-safe. */
@Command(name = "guide", mixinStandardHelpOptions = true)
public final class GuideCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { html, text }

    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Parameters(index = "1", paramLabel = "CODE")
    String code;

    @Option(names = "--format", defaultValue = "html", paramLabel = "html|text")
    Format format;

    @Mixin
    PublishOptions publish = new PublishOptions();

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return options.publish(pack, publish.asOf, publish.outFile, spec.commandLine().getOut(), spec.commandLine().getErr(),
                (engine, date) -> {
                    ProcedureGuide g = Catalogues.guide(engine, PackOptions.feeTables(engine), code, date);
                    return format == Format.text ? Catalogues.guideText(g, options.locale())
                            : Catalogues.guideHtml(g, options.locale());
                });
    }
}
