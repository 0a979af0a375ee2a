package io.github.motcua.examples.cli;

import io.github.motcua.catalogue.imports.ImportReport;
import io.github.motcua.catalogue.imports.Importer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code import PACK FILE_OR_FOLDER... [--check] [--json] [--report FILE]}: imports national procedure
 * records into a pack (docs/import.md). Not thread-safe.
 */
@Command(name = "import", mixinStandardHelpOptions = true)
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE_OR_FOLDER")
    List<Path> inputs;

    @Option(names = "--check")
    boolean check;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE")
    Path reportFile;

    @Option(names = "--skip-refused")
    boolean skipRefused;

    @Option(names = "--no-verify", negatable = false)
    boolean noVerify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Importer importer = Importer.into(pack).skipRefused(skipRefused).verify(!noVerify);
        ImportReport r = check ? importer.check(inputs) : importer.importRecords(inputs);
        spec.commandLine().getOut().print(json ? r.json() : r.text());
        if (reportFile != null) {
            try {
                Files.writeString(reportFile, r.json(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println(CliMessages.both("CLI_CANNOT_WRITE_REPORT") + ": " + e.getMessage());
                return ExitCodes.IO;
            }
        }
        return r.ok() ? ExitCodes.OK : ExitCodes.PACK_PROBLEMS;
    }
}
