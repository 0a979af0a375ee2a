package io.github.motcua.examples.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The analysts' command line ({@code java -jar motcua-cli.jar}). Subcommands are listed in
 * {@link #SUBCOMMANDS}: add a new one there.
 *
 * <p>Exit codes (mã thoát): {@link ExitCodes}.
 *
 * <p>Not thread-safe; one invocation per process.
 */
@Command(name = "motcua", mixinStandardHelpOptions = true, version = "motcua 0.1.0")
public final class Main implements Runnable {
    /** Every subcommand, in help order; a new command is one more entry here. */
    static final List<Class<?>> SUBCOMMANDS = List.of(CheckCommand.class, BuildCommand.class, DecideCommand.class, ExplainCommand.class,
            CalendarCommand.class, CatalogCommand.class, GuideCommand.class, NewPackCommand.class, NewProcedureCommand.class, ImportCommand.class,
            ExampleDossierCommand.class,
            TableXlsxCommand.class,
            TrackCommand.class,
            io.github.motcua.examples.desk.DeskCommand.class, ServeCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line wired to the given writers (UTF-8 whatever the platform charset). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> sub : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        cl.setResourceBundle(new HelpBundle()); // every description, Vietnamese then English (help_vi/help_en)
        exitCodesInHelp(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(CliMessages.both("CLI_INTERNAL") + ": " + io.github.motcua.kernel.Failures.describe(ex));
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    /** Every command's help ends with its exit codes, printed from the one table in {@link ExitCodes}. */
    private static void exitCodesInHelp(CommandLine cl) {
        cl.getCommandSpec().usageMessage().footerHeading(ExitCodes.FOOTER_HEADING)
                .footer(ExitCodes.footer(cl.getCommandName()));
        cl.getSubcommands().values().forEach(Main::exitCodesInHelp);
    }

    /** Runs with the given arguments and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }
}
