package io.github.motcua.examples.cli;

import io.github.motcua.examples.catalog.Catalogue;
import io.github.motcua.examples.catalog.Catalogues;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code catalog PACK [--format html|csv|json] [--out FILE]}: the published catalogue. Not thread-safe. */
@Command(name = "catalog", mixinStandardHelpOptions = true)
public final class CatalogCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { html, csv, json }

    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Option(names = "--format", defaultValue = "html", paramLabel = "html|csv|json")
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
                    java.util.Map<String, io.github.motcua.catalogue.imports.NationalLayer> national =
                            io.github.motcua.rules.PrebuiltPack.isPrebuilt(pack)
                                    ? io.github.motcua.catalogue.imports.NationalLayer.readAll(
                                            io.github.motcua.rules.PrebuiltPack.packFiles(pack))
                                    : io.github.motcua.catalogue.imports.NationalLayer.readAll(pack);
                    Catalogue c = Catalogues.catalogue(engine, PackOptions.feeTables(engine),
                            code -> java.util.Optional.ofNullable(national.get(code)), date);
                    return switch (format) {
                        case csv -> Catalogues.csv(c, options.locale());
                        case json -> Catalogues.json(c);
                        case html -> Catalogues.html(c, options.locale());
                    };
                });
    }
}
