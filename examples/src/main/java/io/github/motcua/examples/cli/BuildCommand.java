package io.github.motcua.examples.cli;

import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code build PACK --out FILE}: everything {@code check} does, then the prebuilt pack (gói dựng sẵn)
 * — the pack's files and every procedure's compiled, verified rule classes in one file named by the
 * pack's content hash, which {@code Engine.load} and every command taking a PACK accept. Nothing is
 * written unless the pack loads without problems and every case passes. Not thread-safe.
 */
@Command(name = "build", mixinStandardHelpOptions = true)
public final class BuildCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path outFile;

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean en = options.en();
        if (!Files.isDirectory(pack)) {
            err.println(CliMessages.text(en, "CLI_NOT_A_PACK", "pack", pack));
            return ExitCodes.IO;
        }
        try (PrebuiltPack built = PrebuiltPack.compile(pack)) {
            if (!built.load().ok()) {
                options.printProblems(built.load(), pack, out);
                return ExitCodes.PACK_PROBLEMS;
            }
            int cases = CheckCommand.runCases(built.engine(), options, out);
            if (cases != ExitCodes.OK) {
                out.println(CliMessages.text(en, "CLI_BUILD_CASES_FAILED"));
                return cases;
            }
            try {
                built.write(outFile);
            } catch (IOException e) {
                err.println(CliMessages.text(en, "CLI_CANNOT_WRITE_FILE", "file", outFile, "detail", e.getMessage()));
                return ExitCodes.IO;
            }
            PackInfo info = built.load().pack().orElseThrow();
            long size = Files.size(outFile);
            out.println(CliMessages.text(en, "CLI_BUILT", "file", outFile, "pack", info.id(), "version", info.version(),
                    "procedures", built.engine().catalog().size(), "sha256", info.sha256(), "bytes", size));
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println(CliMessages.text(en, "CLI_CANNOT_READ", "file", outFile, "detail", e.getMessage()));
            return ExitCodes.IO;
        }
    }
}
