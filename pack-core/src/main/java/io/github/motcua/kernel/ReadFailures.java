package io.github.motcua.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * A file or folder the operating system would not let us read (không đọc được), as a problem an analyst can act on:
 * a Vietnamese sentence saying what is wrong and what to do, the same in English, and the system's own text (the JDK's
 * English, often only a path) quoted after the English as a technical detail, never as the only words. Code
 * {@link ProblemCode#IO}. Stateless, so thread-safe.
 */
public final class ReadFailures {
    private ReadFailures() {
    }

    /**
     * The problem of {@code file} that could not be read because of {@code failure}: no permission
     * ({@code IO_DENIED}), gone while read ({@code IO_GONE}), or another failure of the system ({@code IO}).
     *
     * @param file the pack-relative file or the folder, as the message names it
     */
    public static Problem problem(String file, Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : failure;
        String key = cause instanceof AccessDeniedException ? "IO_DENIED"
                : cause instanceof NoSuchFileException ? "IO_GONE" : "IO";
        String vi = Messages.render(Messages.KERNEL, key, Messages.VI, "pack", file);
        String en = Messages.render(Messages.KERNEL, key, Locale.ENGLISH, "pack", file)
                + Messages.render(Messages.KERNEL, "IO_DETAIL", Locale.ENGLISH, "detail", detail(cause));
        return Problem.ofText(file, 0, 0, ProblemCode.IO, Severity.ERROR, vi, en);
    }

    /** The system's text, its class named when the text is only a path (AccessDeniedException's is). */
    private static String detail(Throwable cause) {
        String d = Failures.detail(cause);
        return cause instanceof IOException && !d.equals(cause.getClass().getSimpleName())
                ? cause.getClass().getSimpleName() + ": " + d : d;
    }
}
