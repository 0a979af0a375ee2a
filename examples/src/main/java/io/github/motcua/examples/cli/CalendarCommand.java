package io.github.motcua.examples.cli;

import io.github.motcua.calendar.CalendarException;
import io.github.motcua.calendar.CalendarFileException;
import io.github.motcua.calendar.CalendarReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code calendar lunar|month-starts|days-off}: the calendar reports of docs/calendar.md §8, printed
 * exactly as {@link CalendarReports} returns them. Not thread-safe.
 */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        subcommands = {CalendarCommand.Lunar.class, CalendarCommand.MonthStarts.class, CalendarCommand.DaysOff.class})
public final class CalendarCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the calendar's message after a Vietnamese-then-English lead, and returns the exit code. */
    static int failed(CommandSpec spec, CalendarException e) {
        boolean file = e instanceof CalendarFileException;
        // a date's problem comes in both languages from the calendar's bundle (the kernel's problem)
        spec.commandLine().getErr().println(file ? CliMessages.both("CLI_CALENDAR_FILE") + ": " + e.getMessage()
                : CliMessages.both("CLI_BAD_DATE") + ": " + e.toProblem().messageVi() + " / " + e.toProblem().messageEn());
        return file ? ExitCodes.PACK_PROBLEMS : ExitCodes.BAD_ARGUMENT;
    }

    /** {@code calendar lunar DATE}. */
    @Command(name = "lunar", mixinStandardHelpOptions = true)
    static final class Lunar implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DATE")
        String date;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println(CalendarReports.lunar(date));
                return ExitCodes.OK;
            } catch (CalendarException e) {
                return failed(spec, e);
            }
        }
    }

    /** {@code calendar month-starts FROM TO}. */
    @Command(name = "month-starts", mixinStandardHelpOptions = true)
    static final class MonthStarts implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().print(CalendarReports.monthStarts(from, to));
                return ExitCodes.OK;
            } catch (CalendarException e) {
                return failed(spec, e);
            }
        }
    }

    /** {@code calendar days-off PACK YEAR}. */
    @Command(name = "days-off", mixinStandardHelpOptions = true)
    static final class DaysOff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PACK")
        Path pack;

        @Parameters(index = "1", paramLabel = "YEAR")
        int year;

        @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en")
        String lang;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (io.github.motcua.rules.PrebuiltPack.isPrebuilt(pack)) {
                return fromPrebuilt();
            }
            if (!Files.isDirectory(pack)) {
                spec.commandLine().getErr().println(CliMessages.text("en".equalsIgnoreCase(lang), "CLI_NOT_A_PACK_FOLDER",
                        "pack", pack));
                return ExitCodes.IO;
            }
            try {
                spec.commandLine().getOut().print(CalendarReports.daysOff(pack, year, "en".equalsIgnoreCase(lang)));
                return ExitCodes.OK;
            } catch (CalendarException e) {
                return failed(spec, e);
            }
        }

        /** The calendar of a prebuilt pack: the one its engine serves (loading checks the whole artifact). */
        private int fromPrebuilt() {
            PackOptions options = new PackOptions();
            options.lang = lang;
            return options.withEngine(pack, spec.commandLine().getErr(), engine -> {
                try {
                    io.github.motcua.calendar.WorkingCalendar calendar = engine.deadlineEngine().orElseThrow().calendar();
                    spec.commandLine().getOut().print(CalendarReports.daysOff(calendar, year, "en".equalsIgnoreCase(lang)));
                    return ExitCodes.OK;
                } catch (CalendarException e) {
                    return failed(spec, e);
                }
            });
        }
    }
}
